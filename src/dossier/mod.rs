//! The Dossier: one unit's annual review data, as read from YAML.
//!
//! YAML keys are ASCII Vietnamese snake_case (`ho_ten`, `ngay_sinh`); Rust names are English.
//! The Dossier knows nothing of forms or output formats.

mod approver;
pub mod choice;
mod collective;
pub mod compose;
mod earlier;
pub mod edit;
mod grade;
mod link;
mod load;
mod meeting;
mod points;
mod rating;
mod readings;
mod record;
pub mod schema;
mod source_map;
mod text;
pub mod workspace;

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

pub use approver::Approver;
pub use collective::{Breakthrough, Collective, Outside, Task};
pub use earlier::{Departure, EarlierShortcoming, RemedyStatus};
pub use grade::{Grade, ItemGrades};
pub use link::{Previous, unit_files_in};
pub use load::{
    DataError, LoadError, error_at_path, linked, load, load_linked, parse, parse_with, parse_yaml,
    read, read_as,
};
pub use meeting::{
    Absence, Clock, CollectiveVerdict, LaterSitting, Meeting, Speech, Votes, VotingMethod,
};
pub use points::{Points, Score};
pub use rating::Rating;
pub use readings::{HigherVotes, QuotaBase, Readings, Rounding, SMALL_UNIT, SmallUnit};
pub use record::{
    CollectiveBreaches, Discipline, MemberBreaches, Percent, TaskResults, TemporaryActivity,
    Transfer,
};
pub use source_map::{PathStack, Place, Position, SourceMap};
pub use text::{Text, yaml_quoted};

use crate::date::{BirthDate, Date};
use crate::regime::Regime;

/// One unit's review for one year: the organisation, its meeting and its members.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// The year under review (`nam`).
    #[serde(rename = "nam")]
    pub year: i32,
    /// The rules in force, when the data names them (`che_do`); otherwise they follow the year.
    #[serde(rename = "che_do", default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<Regime>,
    /// The file of the unit's previous review, or a folder of last year's unit files
    /// (`ky_truoc`), relative to this file: its shortcomings open section III of this year's
    /// forms.
    #[serde(rename = "ky_truoc", default, skip_serializing)]
    pub previous_file: Option<Spanned<String>>,
    /// The Party organisation under review (`to_chuc`).
    #[serde(rename = "to_chuc")]
    pub organisation: Organisation,
    /// The review meeting (`hoi_nghi`).
    #[serde(rename = "hoi_nghi")]
    pub meeting: Meeting,
    /// The collective's report and self-assessment (`tap_the`).
    #[serde(rename = "tap_the", default)]
    pub collective: Collective,
    /// Whether the 2025 individual forms end with the chi ủy's assessment part
    /// (`in_phan_danh_gia`); no form of HD 43 shows one, so it is off unless asked for.
    #[serde(rename = "in_phan_danh_gia", default)]
    pub print_assessment: bool,
    /// The readings the unit applies where the central texts give no rule (`quy_tac`).
    #[serde(rename = "quy_tac", default)]
    pub readings: Readings,
    /// Whether the unit's PDFs are written as PDF/A-2b, for archives (`pdf_a`; `--pdf-a` on the
    /// command line does the same).
    #[serde(rename = "pdf_a", default)]
    pub pdf_a: bool,
    /// The Party members of the unit (`dang_vien`).
    #[serde(rename = "dang_vien")]
    pub members: Vec<Member>,
    /// Where each value stands in the file the Dossier was read from, for checks made later.
    #[serde(skip)]
    pub source: Source,
    /// The reviews of the year before, once linked (`ky_truoc` or `--previous`).
    #[serde(skip)]
    pub previous: Option<std::sync::Arc<Previous>>,
}

/// The file a Dossier was read from: its name and the position of every value.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The file as the user named it.
    pub name: String,
    /// The position of every value, by field path, in the whole text read.
    pub positions: std::sync::Arc<SourceMap>,
    /// The members' files the whole was made of, when the unit is split (`- tep: …`).
    pub parts: std::sync::Arc<Vec<compose::Part>>,
}

impl Source {
    /// Where `position` of the whole text stands: in a member's file (named), or in the unit
    /// file (`None`).
    pub fn locate(&self, position: Position) -> (Option<String>, Position) {
        let (part, position) = compose::locate(&self.parts, position);
        (part.map(|part| part.name.clone()), position)
    }
}

impl Dossier {
    /// The regime whose forms and rules apply: the one the data names, or the one of the review year.
    pub fn regime(&self) -> Regime {
        self.regime.unwrap_or_else(|| Regime::for_year(self.year))
    }

    /// Where line `offset` (from 0) of the value at `path` stands in the file this Dossier was
    /// read from (see [`SourceMap::line_of`]); the file's start when the path is not in it.
    pub fn place(&self, path: &str, offset: usize) -> Place {
        let found = self
            .source
            .positions
            .line_of(path, offset)
            .unwrap_or(Position { line: 1, column: 1 });
        let (file, Position { line, column }) = self.source.locate(found);
        Place {
            file: file.unwrap_or_else(|| self.source.name.clone()),
            path: path.to_string(),
            line,
            column,
        }
    }

    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|member| member.id.value == id)
    }

    /// Every member id, in the order of the data.
    pub fn member_ids(&self) -> Vec<&str> {
        self.members.iter().map(|m| m.id.value.as_str()).collect()
    }

    /// Whether `member` is reviewed at all: under the 2025 rules a member admitted less than six
    /// months before the meeting is not (Quy định 366-QĐ/TW, Điều 5 khoản 2), and files no form.
    pub fn reviews(&self, member: &Member) -> bool {
        self.regime() != Regime::R2025 || !member.is_new_on(self.meeting.date)
    }

    /// The member who signs for the chi bộ (the secretary), when the data names one.
    pub fn secretary(&self) -> Option<&Member> {
        self.organisation
            .secretary
            .as_ref()
            .and_then(|id| self.member(&id.value))
    }

    /// Whether `member` is the secretary the data names.
    pub fn is_secretary(&self, member: &Member) -> bool {
        self.secretary()
            .is_some_and(|secretary| secretary.id.value == member.id.value)
    }

    /// Whether `member` registers as a leader: the secretary, or a member holding a leadership
    /// or management post. Such a member files both registrations (nêu gương and đột phá), blank
    /// when the data gives none; their breakthrough tasks are approved by the level that manages
    /// them, and their pledge is confirmed by the committee and by the head of their agency.
    pub fn registers_as_leader(&self, member: &Member) -> bool {
        member.is_leader() || self.is_secretary(member)
    }

    /// Whether `member` was away from the meeting (`hoi_nghi.vang_mat`).
    pub fn is_absent(&self, member: &Member) -> bool {
        self.meeting
            .absent
            .iter()
            .any(|away| away.id.value == member.id.value)
    }

    /// The deputy secretary, when the data names one.
    pub fn deputy(&self) -> Option<&Member> {
        self.organisation
            .deputy
            .as_ref()
            .and_then(|id| self.member(&id.value))
    }
}

/// What kind of Party organisation the unit is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrganisationKind {
    /// A chi bộ (`chi_bo`): signs for its chi ủy, or for itself when it has none.
    #[default]
    #[serde(rename = "chi_bo")]
    Branch,
    /// A đảng bộ (`dang_bo`): signs for its đảng ủy.
    #[serde(rename = "dang_bo")]
    Committee,
}

/// The Party organisation that issues the documents.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The directly superior organisation (`cap_tren`), e.g. "Đảng bộ Sở Xây dựng".
    #[serde(rename = "cap_tren")]
    pub superior: Text,
    /// The organisation itself (`ten`), e.g. "Chi bộ Phòng Quản lý xây dựng".
    #[serde(rename = "ten")]
    pub name: Text,
    /// The place name printed before the date (`dia_danh`).
    #[serde(rename = "dia_danh")]
    pub place: Text,
    /// Whether the chi bộ has a chi ủy (`co_chi_uy`); it signs "T/M CHI ỦY", otherwise "T/M CHI BỘ".
    #[serde(rename = "co_chi_uy", default)]
    pub has_committee: bool,
    /// Chi bộ or đảng bộ (`loai`); a chi bộ when absent.
    #[serde(rename = "loai", default)]
    pub kind: OrganisationKind,
    /// The id of the member who is secretary (`bi_thu`).
    #[serde(rename = "bi_thu", default, skip_serializing)]
    pub secretary: Option<Spanned<String>>,
    /// The id of the member who is deputy secretary (`pho_bi_thu`); signs for the chi ủy on the
    /// secretary's own form.
    #[serde(rename = "pho_bi_thu", default, skip_serializing)]
    pub deputy: Option<Spanned<String>>,
    /// The organisation's level, when the upper level has decided it (`xep_loai`): the secretary
    /// and the committee may not be rated above it (2019 and 2023 rules).
    #[serde(rename = "xep_loai", default)]
    pub rating: Option<Rating>,
    /// The most members rated "Hoàn thành xuất sắc nhiệm vụ", in per cent of those rated "Hoàn
    /// thành tốt nhiệm vụ" (`ty_le_xuat_sac`): 20, or 25 where the competent level allows it (2025).
    #[serde(rename = "ty_le_xuat_sac", default)]
    pub excellent_quota: Option<Percent>,
}

impl Organisation {
    /// The organ that signs for the unit: its đảng ủy, its chi ủy, or the chi bộ itself.
    pub fn signing_organ(&self) -> &'static str {
        match self.kind {
            OrganisationKind::Committee => "Đảng ủy",
            OrganisationKind::Branch if self.has_committee => "Chi ủy",
            OrganisationKind::Branch => "Chi bộ",
        }
    }

    /// The issuing organ a document's header names under the superior (Hướng dẫn 36-HD/VPTW):
    /// a đảng bộ's documents are issued by its committee ("Đảng ủy Sở Xây dựng" for "Đảng bộ Sở
    /// Xây dựng"), a chi bộ's by the chi bộ.
    pub fn issuing_organ(&self) -> String {
        match self.kind {
            OrganisationKind::Committee => committee_named(&self.name),
            OrganisationKind::Branch => self.name.to_string(),
        }
    }

    /// The committee of the superior organisation, which rates the unit and approves the
    /// registrations of its leaders: "Đảng ủy Sở Xây dựng" for "Đảng bộ Sở Xây dựng".
    pub fn superior_committee(&self) -> String {
        committee_named(&self.superior)
    }
}

/// The committee of the organisation named `organisation`: "Đảng bộ …" becomes "Đảng ủy …";
/// any other name (already a committee's, or a chi bộ's) stays as it is.
fn committee_named(organisation: &str) -> String {
    let trimmed = organisation.trim_start();
    let prefix: String = trimmed.chars().take("Đảng bộ".chars().count()).collect();
    if prefix.to_lowercase() == "đảng bộ" {
        let rest = &trimmed[prefix.len()..];
        let committee = if prefix.starts_with("ĐẢNG") {
            "ĐẢNG ỦY"
        } else {
            "Đảng ủy"
        };
        format!("{committee}{rest}")
    } else {
        organisation.to_string()
    }
}

/// The age from which a citizen may join the Party (Điều lệ Đảng, Điều 1): no member is younger
/// in the review year, and none was admitted before it.
pub const ADULT_AGE: u8 = 18;

/// The months of probation before a member is full (Điều lệ Đảng, Điều 5).
pub const PROBATION_MONTHS: u32 = 12;

/// How long after admission a member is new (Hướng dẫn 21-HD/BTCTW, mục II.6; Quy định
/// 366-QĐ/TW, Điều 5 khoản 2).
pub const NEW_MEMBER_MONTHS: u32 = 6;

/// One Party member and what their self-review says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// A short ASCII key such as `nguyen-van-an`, taken by `--member`.
    #[serde(skip_serializing)]
    pub id: Spanned<String>,
    /// Full name (`ho_ten`).
    #[serde(rename = "ho_ten")]
    pub name: Text,
    /// Date of birth (`ngay_sinh`), or the year alone when that is all the records give.
    #[serde(rename = "ngay_sinh")]
    pub birth_date: BirthDate,
    /// The Party card's number (`so_the`): how a member list from the Party's records finds the
    /// member again.
    #[serde(rename = "so_the", default)]
    pub card: Option<Text>,
    /// Post in the Party (`chuc_vu_dang`).
    #[serde(rename = "chuc_vu_dang", default)]
    pub party_post: Option<Text>,
    /// Post in the administration (`chuc_vu_chinh_quyen`).
    #[serde(rename = "chuc_vu_chinh_quyen", default)]
    pub government_post: Option<Text>,
    /// Post in a mass organisation (`chuc_vu_doan_the`).
    #[serde(rename = "chuc_vu_doan_the", default)]
    pub union_post: Option<Text>,
    /// Workplace (`don_vi_cong_tac`).
    #[serde(rename = "don_vi_cong_tac", default)]
    pub workplace: Option<Text>,
    /// Whether the member holds a leadership or management post (`lanh_dao_quan_ly`); when
    /// absent, whether the data gives a post in the administration.
    #[serde(rename = "lanh_dao_quan_ly", default)]
    pub leader: Option<bool>,
    /// Why the member does not work in the political system, if so (`ngoai_he_thong_chinh_tri`).
    #[serde(rename = "ngoai_he_thong_chinh_tri", default)]
    pub outside: Option<Outside>,
    /// The day the member was admitted to the Party (`ngay_vao_dang`).
    #[serde(rename = "ngay_vao_dang", default)]
    pub admitted_on: Option<Date>,
    /// Whether the member is still on probation (`du_bi`): a dự bị member has no vote.
    #[serde(rename = "du_bi", default)]
    pub probationary: bool,
    /// Whole months of sick leave in the year (`nghi_om_thang`).
    #[serde(rename = "nghi_om_thang", default)]
    pub sick_leave_months: Option<u8>,
    /// Whether the member took maternity leave in the year (`nghi_thai_san`).
    #[serde(rename = "nghi_thai_san", default)]
    pub maternity_leave: bool,
    /// Where and when the member came from, if they moved here during the year (`chuyen_den`).
    #[serde(rename = "chuyen_den", default)]
    pub transfer: Option<Transfer>,
    /// The chi bộ where the member is temporarily active, if any (`sinh_hoat_tam_thoi`).
    #[serde(rename = "sinh_hoat_tam_thoi", default)]
    pub temporary_activity: Option<TemporaryActivity>,
    /// How the member's tasks of the year went (`ket_qua_nhiem_vu`).
    #[serde(rename = "ket_qua_nhiem_vu", default)]
    pub results: Option<TaskResults>,
    /// Breaches that make the member "Không hoàn thành nhiệm vụ" (`vi_pham`).
    #[serde(rename = "vi_pham", default)]
    pub breaches: Option<MemberBreaches>,
    /// What the member pledges for the coming year to set an example (`cam_ket_neu_guong`), one
    /// commitment per item; the member files the pledge when the key is given.
    #[serde(rename = "cam_ket_neu_guong", default)]
    pub pledges: Option<Vec<Text>>,
    /// The one or two breakthrough tasks the member registers for the coming year
    /// (`viec_dot_pha`); the member files the registration when the key is given.
    #[serde(rename = "viec_dot_pha", default)]
    pub breakthroughs: Option<Vec<Breakthrough>>,
    /// Who approves the member's breakthrough tasks (`phe_duyet`); by default the superior
    /// committee for the secretary and for a leader, the chi ủy for any other member.
    #[serde(rename = "phe_duyet", default)]
    pub approver: Option<Approver>,
    /// The head of the member's agency or unit, who confirms a leader's pledge beside the
    /// committee (`lanh_dao_don_vi`); left to write by hand when absent.
    #[serde(rename = "lanh_dao_don_vi", default)]
    pub head_of_unit: Option<Approver>,
    /// The tasks and results that evidence the 2025 points (`phu_luc`).
    #[serde(rename = "phu_luc", default)]
    pub tasks: Vec<Task>,
    /// Where and when the member left the unit after this review (`chuyen_di`).
    #[serde(rename = "chuyen_di", default)]
    pub departure: Option<Departure>,
    /// The day the member signs the self-review (`ngay_ky`); the meeting day when absent.
    #[serde(rename = "ngay_ky", default)]
    pub signed_on: Option<Date>,
    /// The member's self-review (`tu_kiem_diem`); empty parts print as lines to write on.
    #[serde(rename = "tu_kiem_diem", default)]
    pub self_review: SelfReview,
    /// What the chi ủy and chi bộ wrote of the member (`danh_gia`).
    #[serde(rename = "danh_gia", default)]
    pub assessment: Assessment,
}

impl Member {
    /// Whether the member was admitted less than six months before `day` (the meeting): such a
    /// member is reviewed but not rated (2019, 2023), or not reviewed at all (2025).
    pub fn is_new_on(&self, day: Date) -> bool {
        self.admitted_on
            .and_then(|admitted| admitted.plus_months(NEW_MEMBER_MONTHS))
            .is_some_and(|six_months_on| six_months_on > day)
    }

    /// Whether the member files the leader's form: as the data says, or when it gives a post in
    /// the administration.
    pub fn is_leader(&self) -> bool {
        self.leader.unwrap_or_else(|| {
            self.government_post
                .as_ref()
                .is_some_and(|p| !p.trim().is_empty())
        })
    }
}

/// The text of a personal self-review, part by part.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfReview {
    /// I.1 Political quality, ethics, lifestyle, discipline, working style.
    pub pham_chat: Option<Text>,
    /// I.2 Carrying out the duties assigned.
    pub thuc_hien_nhiem_vu: Option<Text>,
    /// I.3 Results of leadership and management (leaders only).
    pub lanh_dao_quan_ly: Option<Text>,
    /// I.4 Responsibility at work, innovation, daring to act (leaders only).
    pub trach_nhiem: Option<Text>,
    /// I.5 Setting an example; fighting corruption; the trust of cadres (leaders only).
    pub neu_guong: Option<Text>,
    /// I.6 The yearly pledge of self-improvement.
    pub cam_ket: Option<Text>,
    /// II.1 Shortcomings.
    pub han_che: Option<Text>,
    /// II.2 Causes of the shortcomings.
    pub nguyen_nhan: Option<Text>,
    /// III. Remedying shortcomings pointed out in earlier reviews.
    pub khac_phuc: Option<Text>,
    /// III, point by point: each earlier shortcoming and where it stands.
    #[serde(default)]
    pub han_che_ky_truoc: Vec<EarlierShortcoming>,
    /// IV. Explanations of issues raised for the review.
    pub giai_trinh: Option<Text>,
    /// V. Personal responsibility for the collective's shortcomings.
    pub trach_nhiem_tap_the: Option<Text>,
    /// VI. Direction and measures to remedy shortcomings.
    pub phuong_huong: Option<Text>,
    /// The grade the member gives items I.1–I.5 and III (`cap_do`); boxes left empty when absent.
    #[serde(default)]
    pub cap_do: ItemGrades,
    /// The points of part B under the 2025 rules (`diem`).
    #[serde(default)]
    pub diem: Score,
    /// VII.1 The level the member proposes as a civil servant.
    pub tu_xep_loai_can_bo: Option<Rating>,
    /// VII.2 (2025: B.II) The level the member proposes as a Party member.
    pub tu_xep_loai_dang_vien: Option<Rating>,
}

impl SelfReview {
    /// Whether the member has written nothing of the review yet: no text, no points, no level.
    pub fn is_blank(&self) -> bool {
        let texts = [
            &self.pham_chat,
            &self.thuc_hien_nhiem_vu,
            &self.lanh_dao_quan_ly,
            &self.trach_nhiem,
            &self.neu_guong,
            &self.cam_ket,
            &self.han_che,
            &self.nguyen_nhan,
            &self.khac_phuc,
            &self.giai_trinh,
            &self.trach_nhiem_tap_the,
            &self.phuong_huong,
        ];
        texts.iter().all(|text| text.is_none())
            && self.diem.total().is_none()
            && self.tu_xep_loai_can_bo.is_none()
            && self.tu_xep_loai_dang_vien.is_none()
    }
}

/// The part of a personal form filled by the chi ủy, the chi bộ and the head of the unit.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Comments of the head of the agency on the civil servant.
    pub nhan_xet_thu_truong: Option<Text>,
    /// The civil-servant level given by the head of the agency.
    pub xep_loai_can_bo: Option<Rating>,
    /// Comments of the chi ủy.
    pub nhan_xet_chi_uy: Option<Text>,
    /// The level the chi bộ proposes; when the votes are given, it must be the level they adopt.
    pub chi_bo_de_xuat: Option<Rating>,
    /// The votes of the meeting on the member's level (`phieu`).
    #[serde(default)]
    pub phieu: Option<Votes>,
    /// The chair's conclusion on the member (`ket_luan`).
    #[serde(default)]
    pub ket_luan: Option<Text>,
    /// The day the chi ủy signs its comments (`ngay`); not before the meeting.
    #[serde(default)]
    pub ngay: Option<Date>,
    /// The later sitting that rated the member, who was away from the meeting (`phien_sau`):
    /// its votes are `phieu`.
    #[serde(default)]
    pub phien_sau: Option<LaterSitting>,
}

//! The directives of a form's body that draw on the data: signature roles (`<ky …/>`), the nơi
//! nhận, and tables (`<bang …/>`).

use super::RolledUp;
use super::index::{IndexRow, index_table};
use crate::document::one_line;
use crate::document::{
    Authority, Block, Column, Corner, Directives, MarkupError, Recipients, Signature, numbered_rows,
};
use crate::dossier::{Approver, Dossier, Member, OrganisationKind, Rating, Task};
use crate::tally::Tally;

/// The directives of a document about `member` (none for the collective's) of `dossier`.
pub struct DataDirectives<'a> {
    /// The unit.
    pub dossier: &'a Dossier,
    /// The member the document is about, if it is a personal one.
    pub member: Option<&'a Member>,
    /// The documents of the packet, for its index.
    pub index: &'a [IndexRow],
    /// The units rolled up, for an upper committee's report.
    pub rollup: Option<&'a dyn RolledUp>,
}

impl Directives for DataDirectives<'_> {
    fn corner(&self, role: &str) -> Result<Corner, MarkupError> {
        for_role(role, self.dossier, self.member)
    }

    fn table(&self, name: &str) -> Result<Block, MarkupError> {
        match (name, self.member) {
            ("phu-luc", Some(member)) => Ok(annex(
                self.dossier,
                &member.tasks,
                format!("(Kèm theo bản kiểm điểm của đồng chí {})", member.name),
            )),
            ("phu-luc", None) => Ok(annex(
                self.dossier,
                &self.dossier.collective.phu_luc,
                format!(
                    "(Kèm theo báo cáo kiểm điểm của tập thể {})",
                    one_line(&self.dossier.organisation.name)
                ),
            )),
            ("dot-pha", Some(member)) => Ok(breakthroughs(self.dossier, member)),
            ("tong-hop", _) => Ok(tally_table(self.dossier)),
            ("danh-muc", None) => Ok(index_table(self.dossier, self.index)),
            ("don-vi", None) => self
                .rollup
                .map(|rollup| rollup.units_table())
                .ok_or_else(|| MarkupError("bảng «don-vi» chỉ có trong báo cáo tổng hợp".into())),
            _ => Err(MarkupError(format!("bảng «{name}» không có"))),
        }
    }
}

/// The annex of tasks and results that evidences the 2025 points of a member or of the
/// collective (HD 43-HD/BTCTW, 7.12), under the line that says whose review it goes with.
fn annex(dossier: &Dossier, tasks: &[Task], whose: String) -> Block {
    let text = text_of;
    Block::Table {
        title: vec![
            "PHỤ LỤC".to_string(),
            format!("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {}", dossier.year),
            whose,
        ],
        columns: vec![
            Column::new("STT", 3),
            Column::new("Tên nhiệm vụ", 9),
            Column::new("Sản phẩm", 7),
            Column::new("Tiến độ", 6),
            Column::new("Chất lượng", 7),
        ],
        rows: numbered_rows(tasks, |task| {
            vec![
                task.ten.to_string(),
                text(&task.san_pham),
                text(&task.tien_do),
                text(&task.chat_luong),
            ]
        }),
    }
}

/// The text of an optional value, empty when absent.
fn text_of(value: &Option<crate::dossier::Text>) -> String {
    value.as_ref().map(|t| t.to_string()).unwrap_or_default()
}

/// The one or two breakthrough tasks a member registers for the coming year.
fn breakthroughs(dossier: &Dossier, member: &Member) -> Block {
    let tasks = member.breakthroughs.as_deref().unwrap_or_default();
    Block::Table {
        title: vec![format!(
            "CÔNG VIỆC ĐỘT PHÁ, SÁNG TẠO ĐĂNG KÝ THỰC HIỆN NĂM {}",
            dossier.year + 1
        )],
        columns: vec![
            Column::new("STT", 3),
            Column::new("Tên công việc", 8),
            Column::new("Nội dung, giải pháp thực hiện", 10),
            Column::new("Mục tiêu, sản phẩm", 8),
            Column::new("Thời gian hoàn thành", 6),
        ],
        // Two empty numbered rows to write in by hand when the data registers nothing.
        rows: if tasks.is_empty() {
            (1..=2)
                .map(|n| {
                    vec![
                        n.to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]
                })
                .collect()
        } else {
            numbered_rows(tasks, |task| {
                vec![
                    task.ten.to_string(),
                    text_of(&task.noi_dung),
                    text_of(&task.muc_tieu),
                    text_of(&task.thoi_gian),
                ]
            })
        },
    }
}

/// The tally of the meeting's votes: a row for the collective, one per reviewed member, the
/// votes for each level with their share of the full members present, and the level adopted.
fn tally_table(dossier: &Dossier) -> Block {
    let tally = Tally::of(dossier);
    let proposed_header = match dossier.regime() {
        crate::regime::Regime::R2025 => "Tự đánh giá (điểm, mức)",
        _ => "Tự đề xuất",
    };
    // Every header word fits its cell: a word wider than its cell is broken by LibreOffice but
    // not by the PDF, so the levels are named in full, which wraps between words.
    let mut columns = vec![Column::new("STT", 4), Column::new("Tập thể, cá nhân", 9)];
    columns.push(Column::new(proposed_header, 7));
    columns.extend(Rating::ALL.map(|rating| Column::new(rating.label_vi(), 6)));
    columns.push(Column::new("Mức được thông qua", 7));
    let rows = numbered_rows(&tally.rows, |row| {
        let proposed = match (&row.points, row.proposed_abbreviation) {
            (Some(points), Some(level)) => format!("{points} điểm, {level}"),
            (Some(points), None) => format!("{points} điểm"),
            (None, Some(level)) => level.to_string(),
            (None, None) => String::new(),
        };
        let mut cells = vec![row.subject.clone(), proposed];
        for (votes, share) in row.votes.iter().zip(&row.shares) {
            cells.push(if row.voted {
                format!("{votes} ({share})")
            } else {
                String::new()
            });
        }
        cells.push(match (row.absent, &row.later, row.adopted_abbreviation) {
            // Away from the meeting and not rated yet.
            (true, None, _) => "Vắng mặt".to_string(),
            (true, Some(later), Some(level)) => {
                format!("{level} (phiên họp {})", later.short)
            }
            (_, _, level) => level.unwrap_or_default().to_string(),
        });
        cells
    });
    Block::Table {
        title: vec![
            format!(
                "TỔNG HỢP KẾT QUẢ BIỂU QUYẾT ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {}",
                dossier.year
            ),
            if tally.recorded {
                format!(
                    "(Đảng viên chính thức có mặt: {}; tỷ lệ tính trên số đảng viên chính thức có mặt)",
                    tally.voters
                )
            } else {
                "(Tỷ lệ tính trên số đảng viên chính thức có mặt)".to_string()
            },
        ],
        columns,
        rows,
    }
}

const SIGN_WITH_NAME: &str = "(Ký, ghi rõ họ tên)";
const SIGN_AND_SEAL: &str = "(Ký, ghi rõ họ tên và đóng dấu)";

/// What the corner of role `role` holds in a document about `member` (none for the
/// collective's documents).
fn for_role(role: &str, dossier: &Dossier, member: Option<&Member>) -> Result<Corner, MarkupError> {
    let needs_member = || MarkupError(format!("vai ký «{role}» chỉ dùng trong mẫu cá nhân"));
    Ok(Corner::Signature(match role {
        // The member who wrote the self-review.
        "ca-nhan" => Signature::personal(
            "Người tự kiểm điểm",
            Some(SIGN_WITH_NAME),
            Some(&member.ok_or_else(needs_member)?.name),
        ),
        // The head of the agency where the member works, who rates civil servants.
        "thu-truong" => {
            Signature::personal("Thủ trưởng cơ quan, đơn vị", Some(SIGN_AND_SEAL), None)
        }
        // The chi ủy's assessment of a member, signed by the secretary; on the secretary's own
        // form by the deputy, whose name is left to write by hand when the unit has none.
        "chi-bo" => committee_signature(dossier, member.ok_or_else(needs_member)?),
        // The member who registers a pledge or a breakthrough task.
        "nguoi-dang-ky" => Signature::personal(
            "Người đăng ký",
            Some(SIGN_WITH_NAME),
            Some(&member.ok_or_else(needs_member)?.name),
        ),
        // The chi ủy confirms a member's pledge, or approves the tasks registered.
        "xac-nhan-chi-uy" | "phe-duyet-chi-uy" => {
            let member = member.ok_or_else(needs_member)?;
            let verb = if role == "xac-nhan-chi-uy" {
                "Xác nhận"
            } else {
                "Phê duyệt"
            };
            chi_uy_approval(dossier, member, verb)
        }
        // The level that manages the member approves the tasks registered: the approver the
        // data names; by default the superior committee for the secretary and for a leader
        // ("cấp có thẩm quyền phê duyệt, giao nhiệm vụ"), the chi ủy for any other member.
        "phe-duyet" => {
            let member = member.ok_or_else(needs_member)?;
            match &member.approver {
                Some(approver) => named_approval(approver, "Phê duyệt", None),
                None if dossier.registers_as_leader(member) => {
                    superior_approval(dossier, "Phê duyệt")
                }
                None => chi_uy_approval(dossier, member, "Phê duyệt"),
            }
        }
        // The head of the agency or unit confirms a leader's pledge beside the committee.
        "xac-nhan-lanh-dao" => {
            let member = member.ok_or_else(needs_member)?;
            let head = member.head_of_unit.clone().unwrap_or_default();
            named_approval(&head, "Xác nhận", Some("lãnh đạo cơ quan, đơn vị"))
        }
        // The minute-taker and the chair of the meeting sign its minutes.
        "thu-ky" | "chu-tri" => {
            let (title, id) = if role == "thu-ky" {
                ("Thư ký", &dossier.meeting.secretary)
            } else {
                ("Chủ trì", &dossier.meeting.chair)
            };
            let signer = id.as_ref().and_then(|id| dossier.member(&id.value));
            Signature::personal(title, None, signer.map(|m| m.name.as_str()))
        }
        // The collective's report, signed by the secretary for the committee.
        "tap-the" => Signature::with_authority(
            Authority::OnBehalf,
            committee_of(dossier),
            Some("Bí thư"),
            None,
            dossier.secretary().map(|s| s.name.as_str()),
        ),
        // The committee of the superior organisation, which decides the level; it has a seal.
        "dang-uy" => Signature::with_authority(
            Authority::OnBehalf,
            "Đảng ủy",
            Some("Bí thư"),
            Some(SIGN_AND_SEAL),
            None,
        ),
        // Who receives the document, bottom left.
        "noi-nhan" => return Ok(Corner::Recipients(Recipients::new(&recipients(dossier)))),
        other => return Err(MarkupError(format!("vai ký «{other}» không có"))),
    }))
}

/// The chi ủy's (or chi bộ's) approval or confirmation (`verb`) of a member's registration,
/// signed as [`committee_signature`] signs.
fn chi_uy_approval(dossier: &Dossier, member: &Member, verb: &str) -> Signature {
    let mut block = committee_signature(dossier, member);
    let organ = committee_of(dossier).to_uppercase();
    block
        .heading
        .insert(0, format!("{} CỦA {organ}", verb.to_uppercase()));
    block
}

/// The superior committee's approval (`verb`): "PHÊ DUYỆT CỦA ĐẢNG ỦY …", signed for the
/// committee by its secretary, whose name and seal are left to the page.
fn superior_approval(dossier: &Dossier, verb: &str) -> Signature {
    let organ = dossier.organisation.superior_committee();
    let mut heading = vec![format!(
        "{} CỦA {}",
        verb.to_uppercase(),
        one_line(&organ).to_uppercase()
    )];
    if organ.starts_with("Đảng ủy") {
        heading.push(format!("{} ĐẢNG ỦY", Authority::OnBehalf.prefix()));
    }
    heading.push("BÍ THƯ".to_string());
    Signature {
        heading,
        note: Some(SIGN_AND_SEAL.to_string()),
        name: None,
    }
}

/// The approval or confirmation (`verb`) of the organ and signer the data names; `organ` stands
/// for the organ when the data names none.
fn named_approval(approver: &Approver, verb: &str, organ: Option<&str>) -> Signature {
    let organ = approver
        .co_quan
        .as_deref()
        .map(one_line)
        .or(organ.map(str::to_string));
    let mut heading = vec![match organ {
        Some(organ) => format!("{} CỦA {}", verb.to_uppercase(), organ.to_uppercase()),
        None => verb.to_uppercase(),
    }];
    heading.extend(
        [&approver.quyen_han, &approver.chuc_vu]
            .into_iter()
            .flatten()
            .map(|line| one_line(line).to_uppercase()),
    );
    Signature {
        heading,
        note: Some(SIGN_AND_SEAL.to_string()),
        name: approver.ho_ten.as_deref().map(one_line),
    }
}

/// The chi ủy's signature on a member's document: the secretary's; on the secretary's own
/// document the deputy's, whose name is left to write by hand when the unit has none.
fn committee_signature(dossier: &Dossier, member: &Member) -> Signature {
    let own = dossier
        .secretary()
        .is_some_and(|s| s.id.value == member.id.value);
    let (post, signer) = if own {
        ("Phó Bí thư", dossier.deputy())
    } else {
        ("Bí thư", dossier.secretary())
    };
    Signature::with_authority(
        Authority::OnBehalf,
        committee_of(dossier),
        Some(post),
        Some(SIGN_WITH_NAME),
        signer.map(|s| s.name.as_str()),
    )
}

/// The organ that signs for the unit: its đảng ủy, its chi ủy, or the chi bộ itself.
fn committee_of(dossier: &Dossier) -> &'static str {
    dossier.organisation.signing_organ()
}

/// The recipients the data names, or by default the superior committee and the unit's archive.
fn recipients(dossier: &Dossier) -> Vec<String> {
    if let Some(named) = &dossier.collective.noi_nhan {
        return named.iter().map(|r| r.to_string()).collect();
    }
    let committee = dossier.organisation.superior_committee();
    let archive = match dossier.organisation.kind {
        OrganisationKind::Committee => "Lưu Văn phòng Đảng ủy",
        OrganisationKind::Branch => "Lưu Chi bộ",
    };
    vec![committee, archive.to_string()]
}

//! The review meeting: its day, who was away, and the votes it cast.

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::{Rating, Text};
use crate::date::Date;

/// The review meeting of the unit (`hoi_nghi`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The day of the meeting (`ngay`); documents are dated by it unless they name their own date.
    #[serde(rename = "ngay")]
    pub date: Date,
    /// The members who were not at the meeting, with the reason (`vang_mat`).
    #[serde(rename = "vang_mat", default)]
    pub absent: Vec<Absence>,
    /// The day by which the upper level wants the packet (`han_nop`).
    #[serde(rename = "han_nop", default)]
    pub deadline: Option<Date>,
    /// Số and ký hiệu of the minutes, e.g. "05-BB/CB" (`so`); dotted when absent.
    #[serde(rename = "so", default)]
    pub number: Option<Text>,
    /// When the meeting opened (`bat_dau`), e.g. `14:00`.
    #[serde(rename = "bat_dau", default)]
    pub opened: Option<Clock>,
    /// When it closed (`ket_thuc`).
    #[serde(rename = "ket_thuc", default)]
    pub closed: Option<Clock>,
    /// Where it was held (`dia_diem`).
    #[serde(rename = "dia_diem", default)]
    pub venue: Option<Text>,
    /// The id of the member who chaired it (`chu_tri`).
    #[serde(rename = "chu_tri", default, skip_serializing)]
    pub chair: Option<Spanned<String>>,
    /// The id of the member who took the minutes (`thu_ky`).
    #[serde(rename = "thu_ky", default, skip_serializing)]
    pub secretary: Option<Spanned<String>>,
    /// Guests, each on one line with their post (`khach_moi`).
    #[serde(rename = "khach_moi", default)]
    pub guests: Vec<Text>,
    /// How the meeting voted (`hinh_thuc_bieu_quyet`).
    #[serde(rename = "hinh_thuc_bieu_quyet", default)]
    pub voting: Option<VotingMethod>,
    /// What was said, speaker by speaker, in order (`dien_bien`).
    #[serde(rename = "dien_bien", default)]
    pub proceedings: Vec<Speech>,
    /// The documents used in the meeting, one per item (`tai_lieu`); by default the
    /// collective's report and the members' self-reviews (Hướng dẫn 16-HD/VPTW).
    #[serde(rename = "tai_lieu", default)]
    pub documents: Vec<Text>,
    /// Any other information the minutes record (`thong_tin_khac`; "Thông tin khác (nếu có)"
    /// of Hướng dẫn 16-HD/VPTW).
    #[serde(rename = "thong_tin_khac", default)]
    pub other_information: Option<Text>,
}

/// A later sitting of the chi bộ that rated a member who was away from the meeting
/// (`danh_gia.phien_sau`): such a member is rated afterwards, at the earliest.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LaterSitting {
    /// The day of the sitting (`ngay`).
    pub ngay: Date,
    /// The full members present at it, who voted (`so_bieu_quyet`).
    pub so_bieu_quyet: u32,
}

/// How a meeting votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VotingMethod {
    /// Secret ballot (`phieu_kin`).
    #[serde(rename = "phieu_kin")]
    SecretBallot,
    /// Show of hands (`gio_tay`).
    #[serde(rename = "gio_tay")]
    ShowOfHands,
    /// Electronic vote (`dien_tu`).
    #[serde(rename = "dien_tu")]
    Electronic,
}

impl VotingMethod {
    /// The method as the minutes write it.
    pub fn label_vi(self) -> &'static str {
        match self {
            VotingMethod::SecretBallot => "bỏ phiếu kín",
            VotingMethod::ShowOfHands => "giơ tay",
            VotingMethod::Electronic => "biểu quyết điện tử",
        }
    }
}

/// One speaker's contribution to the meeting (`dien_bien[…]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speech {
    /// Who spoke, as the minutes name them, e.g. "Đồng chí Lương Thị Thu Trang, Phó Bí thư"
    /// (`nguoi`).
    pub nguoi: Text,
    /// The gist of what they said (`y_kien`).
    pub y_kien: Text,
}

/// A time of day, written `14:00`, `14h00` or `14 giờ 00`, printed "14 giờ 00".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clock {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
}

impl Clock {
    /// Reads `14:00`, `14h00`, `14h`, `14 giờ 00` or `14 giờ`.
    pub fn parse(text: &str) -> Option<Clock> {
        let text = text.trim().replace("giờ", "h").replace(' ', "");
        let (hour, minute) = text.split_once([':', 'h']).unwrap_or((&text, ""));
        let number = |s: &str, max: u8| {
            (s.len() <= 2 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
                .filter(|&n| n <= max)
        };
        let minute = if minute.is_empty() {
            Some(0)
        } else {
            number(minute, 59)
        };
        Some(Clock {
            hour: number(hour, 23)?,
            minute: minute?,
        })
    }
}

impl std::fmt::Display for Clock {
    /// "14 giờ 00".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} giờ {:02}", self.hour, self.minute)
    }
}

impl Serialize for Clock {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Clock {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Clock::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "giờ «{text}» không hợp lệ: viết theo dạng 14:00 hoặc 14 giờ 00"
            ))
        })
    }
}

/// A member away from the meeting (`vang_mat[…]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    /// The member's id (`id`).
    #[serde(skip_serializing)]
    pub id: Spanned<String>,
    /// Why (`ly_do`).
    #[serde(rename = "ly_do", default)]
    pub reason: Option<Text>,
}

/// The votes cast for each level on one subject (`phieu`); a level with no vote may be left out.
/// YAML takes the level keys or their abbreviations (`HTXSNV`, `HTTNV`, `HTNV`, `KHTNV`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    /// For "Hoàn thành xuất sắc nhiệm vụ".
    #[serde(rename = "hoan_thanh_xuat_sac", alias = "HTXSNV", default)]
    pub excellent: u32,
    /// For "Hoàn thành tốt nhiệm vụ".
    #[serde(rename = "hoan_thanh_tot", alias = "HTTNV", default)]
    pub good: u32,
    /// For "Hoàn thành nhiệm vụ".
    #[serde(rename = "hoan_thanh", alias = "HTNV", default)]
    pub completed: u32,
    /// For "Không hoàn thành nhiệm vụ".
    #[serde(rename = "khong_hoan_thanh", alias = "KHTNV", default)]
    pub not_completed: u32,
}

impl Votes {
    /// The votes for `rating`.
    pub fn for_rating(&self, rating: Rating) -> u32 {
        match rating {
            Rating::Excellent => self.excellent,
            Rating::Good => self.good,
            Rating::Completed => self.completed,
            Rating::NotCompleted => self.not_completed,
        }
    }

    /// Every vote cast (counted wide, so that no count written in the data can overflow it).
    pub fn total(&self) -> u64 {
        Rating::ALL
            .iter()
            .map(|&r| u64::from(self.for_rating(r)))
            .sum()
    }

    /// The level the votes adopt among `voters`: the best level that, with the votes for the
    /// levels above it, has more than half of the voters. `None` when no level does.
    pub fn adopted(&self, voters: u32) -> Option<Rating> {
        let mut for_this_or_better: u64 = 0;
        Rating::ALL.into_iter().find(|&rating| {
            for_this_or_better += u64::from(self.for_rating(rating));
            for_this_or_better * 2 > u64::from(voters)
        })
    }
}

/// What the meeting decided on the collective (`tap_the.danh_gia`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectiveVerdict {
    /// The votes on the collective's level (`phieu`).
    #[serde(default)]
    pub phieu: Option<Votes>,
    /// The chair's conclusion on the collective (`ket_luan`).
    #[serde(default)]
    pub ket_luan: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(excellent: u32, good: u32, completed: u32, not_completed: u32) -> Votes {
        Votes {
            excellent,
            good,
            completed,
            not_completed,
        }
    }

    #[test]
    fn the_adopted_level_has_more_than_half_counting_the_levels_above_it() {
        assert_eq!(votes(6, 3, 0, 0).adopted(9), Some(Rating::Excellent));
        // 4 of 9 for the best level is not a majority; with the 3 for the next it is.
        assert_eq!(votes(4, 3, 2, 0).adopted(9), Some(Rating::Good));
        // Exactly half is not more than half.
        assert_eq!(votes(5, 5, 0, 0).adopted(10), Some(Rating::Good));
        assert_eq!(votes(2, 2, 0, 0).adopted(9), None);
        assert_eq!(votes(0, 0, 0, 0).adopted(0), None);
        assert_eq!(
            votes(u32::MAX, u32::MAX, 0, 0).total(),
            2 * u64::from(u32::MAX)
        );
    }

    #[test]
    fn times_of_day_read_as_clerks_write_them() {
        let at = |hour, minute| Some(Clock { hour, minute });
        assert_eq!(Clock::parse("14:00"), at(14, 0));
        assert_eq!(Clock::parse("7h30"), at(7, 30));
        assert_eq!(Clock::parse("14 giờ 05"), at(14, 5));
        assert_eq!(Clock::parse("8 giờ"), at(8, 0));
        assert_eq!(Clock::parse("24:00"), None);
        assert_eq!(Clock::parse("14:60"), None);
        assert_eq!(Clock::parse("chiều"), None);
        assert_eq!(Clock::parse("7h30").unwrap().to_string(), "7 giờ 30");
    }

    #[test]
    fn abbreviations_name_the_levels() {
        let votes: Votes = serde_saphyr::from_str("HTXSNV: 2\nhoan_thanh_tot: 7").unwrap();
        assert_eq!((votes.excellent, votes.good, votes.total()), (2, 7, 9));
    }
}

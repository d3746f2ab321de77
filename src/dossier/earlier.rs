//! What the data says of earlier reviews: the file of last year's review, where each earlier
//! shortcoming stands now, and a member who has left the unit since.

use serde::{Deserialize, Serialize};

use super::Text;
use crate::date::Date;

/// Where a shortcoming pointed out at an earlier review stands now (`tinh_trang`), in the words
/// of section III of every review form (Hướng dẫn 43-HD/BTCTW, Mẫu 01 and 2A–2C).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RemedyStatus {
    /// Remedied (`da_khac_phuc`).
    #[serde(rename = "da_khac_phuc")]
    Done,
    /// Being remedied (`dang_khac_phuc`); the extent goes in `muc_do`.
    #[serde(rename = "dang_khac_phuc")]
    InProgress,
    /// Not remedied (`chua_khac_phuc`).
    #[serde(rename = "chua_khac_phuc")]
    NotYet,
}

impl RemedyStatus {
    /// Every status, in the order the forms list them.
    pub const ALL: [RemedyStatus; 3] = [
        RemedyStatus::Done,
        RemedyStatus::InProgress,
        RemedyStatus::NotYet,
    ];

    /// The status as the forms print it: "Đã khắc phục".
    pub fn label_vi(self) -> &'static str {
        match self {
            RemedyStatus::Done => "Đã khắc phục",
            RemedyStatus::InProgress => "Đang khắc phục",
            RemedyStatus::NotYet => "Chưa khắc phục",
        }
    }

    /// The YAML key: `da_khac_phuc`.
    pub fn key(self) -> &'static str {
        match self {
            RemedyStatus::Done => "da_khac_phuc",
            RemedyStatus::InProgress => "dang_khac_phuc",
            RemedyStatus::NotYet => "chua_khac_phuc",
        }
    }

    /// The status written as its YAML key.
    pub fn from_key(key: &str) -> Option<RemedyStatus> {
        RemedyStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One shortcoming of an earlier review and how far it is remedied (`han_che_ky_truoc[…]`):
/// section III of the form answers it point by point.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierShortcoming {
    /// The shortcoming as the earlier review stated it (`han_che`).
    pub han_che: Text,
    /// The year of the review that pointed it out (`nam`); the year before when absent.
    #[serde(default)]
    pub nam: Option<i32>,
    /// Where it stands now (`tinh_trang`); printed as boxes to tick when absent.
    #[serde(default)]
    pub tinh_trang: Option<RemedyStatus>,
    /// How far it is remedied (`muc_do`), for one being remedied.
    #[serde(default)]
    pub muc_do: Option<Text>,
    /// The difficulties met in remedying it, if any (`kho_khan`).
    #[serde(default)]
    pub kho_khan: Option<Text>,
}

/// A member who has left the unit since this review (`chuyen_di`): kept in this year's file,
/// left out of next year's.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Departure {
    /// The day the member's Party activity moved away (`ngay`), after this review's meeting.
    pub ngay: Date,
    /// Where the member went (`noi_den`).
    #[serde(default)]
    pub noi_den: Option<Text>,
}

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
    fn abbreviations_name_the_levels() {
        let votes: Votes = serde_saphyr::from_str("HTXSNV: 2\nhoan_thanh_tot: 7").unwrap();
        assert_eq!((votes.excellent, votes.good, votes.total()), (2, 7, 9));
    }
}

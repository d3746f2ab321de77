//! The readings a unit applies where the central texts give no rule (`quy_tac`): how the quota
//! of "Hoàn thành xuất sắc nhiệm vụ" is counted and rounded, whether a small unit may still rate
//! one, and whether votes for a higher level count for the next. Each has a default, and a unit
//! (or a province, for all its units) chooses another in its data.

use serde::{Deserialize, Serialize};

use super::{Rating, Votes};

/// Below this many members rated "Hoàn thành tốt nhiệm vụ", a unit may still rate one
/// "Hoàn thành xuất sắc nhiệm vụ" (where the reading allows it).
pub const SMALL_UNIT: usize = 5;

/// The readings of a unit (`quy_tac`); every one absent takes its default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Readings {
    /// What the quota's share is taken of (`ty_le_tren`).
    #[serde(default)]
    pub ty_le_tren: QuotaBase,
    /// How the quota is rounded (`lam_tron`).
    #[serde(default)]
    pub lam_tron: Rounding,
    /// Whether a unit with fewer than five members rated "tốt" may rate one "xuất sắc"
    /// (`don_vi_nho`).
    #[serde(default)]
    pub don_vi_nho: SmallUnit,
    /// Whether the votes for a higher level count for the next lower one (`phieu_muc_tren`).
    #[serde(default)]
    pub phieu_muc_tren: HigherVotes,
}

/// What the quota of "xuất sắc" is a share of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuotaBase {
    /// Those rated "Hoàn thành tốt nhiệm vụ", as Quy định 366-QĐ/TW, Điều 11 khoản 1.5 words it
    /// (`hoan_thanh_tot`).
    #[default]
    #[serde(rename = "hoan_thanh_tot")]
    Good,
    /// Those rated "tốt" or better, as some local forms count (`tot_tro_len`).
    #[serde(rename = "tot_tro_len")]
    GoodOrBetter,
}

/// How the quota's share is rounded to whole members.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rounding {
    /// Down: the share is a most, never exceeded (`xuong`).
    #[default]
    #[serde(rename = "xuong")]
    Down,
    /// To the nearest member, a half up (`gan_nhat`).
    #[serde(rename = "gan_nhat")]
    Nearest,
}

/// Whether a small unit may still rate one member "xuất sắc".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SmallUnit {
    /// One, below five rated "tốt" (`duoc_mot`), as the 2019 guidance and many upper levels'
    /// plans allow.
    #[default]
    #[serde(rename = "duoc_mot")]
    One,
    /// No exception: the share alone (`khong`).
    #[serde(rename = "khong")]
    ShareOnly,
}

/// Whether votes for a higher level count for the next lower one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HigherVotes {
    /// They do: a level is adopted by more than half of the voters counting the votes for the
    /// levels above it (`cong_vao_muc_duoi`).
    #[default]
    #[serde(rename = "cong_vao_muc_duoi")]
    Cumulative,
    /// They do not: a level is adopted only by more than half for that very level
    /// (`tinh_rieng`).
    #[serde(rename = "tinh_rieng")]
    Separate,
}

impl Readings {
    /// How many may be rated "xuất sắc" when `good` are rated "tốt" and `excellent` "xuất sắc",
    /// at `quota` per cent.
    pub fn allowed(&self, good: usize, excellent: usize, quota: u8) -> usize {
        let base = match self.ty_le_tren {
            QuotaBase::Good => good,
            QuotaBase::GoodOrBetter => good + excellent,
        };
        let hundredths = base * usize::from(quota);
        let by_share = match self.lam_tron {
            Rounding::Down => hundredths / 100,
            Rounding::Nearest => (hundredths + 50) / 100,
        };
        match self.don_vi_nho {
            SmallUnit::One if good < SMALL_UNIT => by_share.max(1),
            _ => by_share,
        }
    }

    /// The level `votes` adopt among `voters`: the best level that has more than half of them,
    /// with the votes for the levels above it when they count.
    pub fn adopted(&self, votes: Votes, voters: u32) -> Option<Rating> {
        match self.phieu_muc_tren {
            HigherVotes::Cumulative => votes.adopted(voters),
            HigherVotes::Separate => Rating::ALL
                .into_iter()
                .find(|&rating| u64::from(votes.for_rating(rating)) * 2 > u64::from(voters)),
        }
    }

    /// The readings applied, in Vietnamese, one clause each, for `hoso check` to name.
    pub fn describe(&self) -> String {
        let base = match self.ty_le_tren {
            QuotaBase::Good => "tỷ lệ xuất sắc tính trên số Hoàn thành tốt nhiệm vụ",
            QuotaBase::GoodOrBetter => {
                "tỷ lệ xuất sắc tính trên số từ Hoàn thành tốt nhiệm vụ trở lên"
            }
        };
        let rounding = match self.lam_tron {
            Rounding::Down => "làm tròn xuống",
            Rounding::Nearest => "làm tròn đến người gần nhất",
        };
        let small = match self.don_vi_nho {
            SmallUnit::One => "đơn vị dưới 05 đảng viên Hoàn thành tốt nhiệm vụ được 01 xuất sắc",
            SmallUnit::ShareOnly => "không có ngoại lệ cho đơn vị nhỏ",
        };
        let votes = match self.phieu_muc_tren {
            HigherVotes::Cumulative => "phiếu cho mức cao hơn được cộng vào mức thấp hơn liền kề",
            HigherVotes::Separate => "phiếu cho mỗi mức tính riêng",
        };
        format!("{base}, {rounding}; {small}; {votes}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(excellent: u32, good: u32) -> Votes {
        Votes {
            excellent,
            good,
            completed: 0,
            not_completed: 0,
        }
    }

    #[test]
    fn the_default_is_a_fifth_of_those_rated_good_rounded_down_with_one_for_a_small_unit() {
        let default = Readings::default();
        assert_eq!(default.allowed(10, 0, 20), 2);
        assert_eq!(default.allowed(9, 0, 20), 1);
        assert_eq!(default.allowed(4, 0, 20), 1);
        assert_eq!(default.allowed(12, 0, 25), 3);
    }

    #[test]
    fn each_other_reading_counts_as_it_says() {
        let good_or_better = Readings {
            ty_le_tren: QuotaBase::GoodOrBetter,
            ..Readings::default()
        };
        // 8 rated "tốt" and 2 "xuất sắc": a fifth of 10.
        assert_eq!(good_or_better.allowed(8, 2, 20), 2);
        assert_eq!(Readings::default().allowed(8, 2, 20), 1);
        let nearest = Readings {
            lam_tron: Rounding::Nearest,
            ..Readings::default()
        };
        assert_eq!(nearest.allowed(8, 0, 20), 2);
        let share_only = Readings {
            don_vi_nho: SmallUnit::ShareOnly,
            ..Readings::default()
        };
        assert_eq!(share_only.allowed(4, 0, 20), 0);
        let separate = Readings {
            phieu_muc_tren: HigherVotes::Separate,
            ..Readings::default()
        };
        // 3 for "xuất sắc" and 2 for "tốt" of 6: together more than half for "tốt" only when
        // they count together.
        assert_eq!(
            Readings::default().adopted(votes(3, 2), 6),
            Some(Rating::Good)
        );
        assert_eq!(separate.adopted(votes(3, 2), 6), None);
        assert_eq!(separate.adopted(votes(1, 4), 6), Some(Rating::Good));
    }
}

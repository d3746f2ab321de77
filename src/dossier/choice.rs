//! The data's closed lists of values: each says its YAML keys and the Vietnamese labels the
//! local page and the JSON Schema show for them.

use super::{
    Discipline, Grade, HigherVotes, OrganisationKind, Outside, QuotaBase, Rating, RemedyStatus,
    Rounding, SmallUnit, VotingMethod,
};
use crate::regime::Regime;

/// A value chosen among a few, written in the data by its key.
pub trait Choice: Copy + 'static {
    /// Every value, in the order a list offers them.
    const ALL: &'static [Self];
    /// The key the data writes: `huu_tri`.
    fn key(self) -> &'static str;
    /// The label a person reads: "Nghỉ hưu".
    fn label(self) -> &'static str;
    /// Other keys the data accepts for the value (`HTXSNV` for `hoan_thanh_xuat_sac`).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
}

/// Each key of `T` and its label, in order.
pub fn options<T: Choice>() -> Vec<(&'static str, &'static str)> {
    T::ALL
        .iter()
        .map(|value| (value.key(), value.label()))
        .collect()
}

/// Every key of `T` the data accepts, aliases included.
pub fn keys<T: Choice>() -> Vec<&'static str> {
    T::ALL
        .iter()
        .flat_map(|value| std::iter::once(value.key()).chain(value.aliases().iter().copied()))
        .collect()
}

/// The options and accepted keys of one kind of choice, as the schema holds them.
#[derive(Clone, Copy)]
pub struct Options {
    /// Each key and its label.
    pub listed: fn() -> Vec<(&'static str, &'static str)>,
    /// Every key the data accepts.
    pub accepted: fn() -> Vec<&'static str>,
}

impl Options {
    /// The options of `T`.
    pub const fn of<T: Choice>() -> Options {
        Options {
            listed: options::<T>,
            accepted: keys::<T>,
        }
    }
}

impl Choice for Rating {
    const ALL: &'static [Self] = &Rating::ALL;
    fn key(self) -> &'static str {
        Rating::key(self)
    }
    fn label(self) -> &'static str {
        self.label_vi()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Rating::Excellent => &["HTXSNV"],
            Rating::Good => &["HTTNV"],
            Rating::Completed => &["HTNV"],
            Rating::NotCompleted => &["KHTNV"],
        }
    }
}

impl Choice for RemedyStatus {
    const ALL: &'static [Self] = &RemedyStatus::ALL;
    fn key(self) -> &'static str {
        RemedyStatus::key(self)
    }
    fn label(self) -> &'static str {
        self.label_vi()
    }
}

impl Choice for Grade {
    const ALL: &'static [Self] = &Grade::ALL;
    fn key(self) -> &'static str {
        Grade::key(self)
    }
    fn label(self) -> &'static str {
        self.label_vi()
    }
}

impl Choice for Regime {
    const ALL: &'static [Self] = &Regime::ALL;
    fn key(self) -> &'static str {
        Regime::key(self)
    }
    fn label(self) -> &'static str {
        match self {
            Regime::R2019 => "Quy định 132-QĐ/TW (đến năm 2022)",
            Regime::R2023 => "Quy định 124-QĐ/TW (năm 2023, 2024)",
            Regime::R2025 => "Quy định 366-QĐ/TW (từ năm 2025)",
        }
    }
}

impl Choice for Outside {
    const ALL: &'static [Self] = &[
        Outside::Retired,
        Outside::Student,
        Outside::PrivateBusiness,
        Outside::Other,
    ];
    fn key(self) -> &'static str {
        match self {
            Outside::Retired => "huu_tri",
            Outside::Student => "hoc_sinh_sinh_vien",
            Outside::PrivateBusiness => "doanh_nghiep_tu_nhan",
            Outside::Other => "khac",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Outside::Retired => "Nghỉ hưu",
            Outside::Student => "Học sinh, sinh viên",
            Outside::PrivateBusiness => "Doanh nghiệp tư nhân",
            Outside::Other => "Trường hợp khác",
        }
    }
}

impl Choice for VotingMethod {
    const ALL: &'static [Self] = &[
        VotingMethod::SecretBallot,
        VotingMethod::ShowOfHands,
        VotingMethod::Electronic,
    ];
    fn key(self) -> &'static str {
        match self {
            VotingMethod::SecretBallot => "phieu_kin",
            VotingMethod::ShowOfHands => "gio_tay",
            VotingMethod::Electronic => "dien_tu",
        }
    }
    fn label(self) -> &'static str {
        match self {
            VotingMethod::SecretBallot => "Bỏ phiếu kín",
            VotingMethod::ShowOfHands => "Giơ tay",
            VotingMethod::Electronic => "Biểu quyết điện tử",
        }
    }
}

impl Choice for OrganisationKind {
    const ALL: &'static [Self] = &[OrganisationKind::Branch, OrganisationKind::Committee];
    fn key(self) -> &'static str {
        match self {
            OrganisationKind::Branch => "chi_bo",
            OrganisationKind::Committee => "dang_bo",
        }
    }
    fn label(self) -> &'static str {
        match self {
            OrganisationKind::Branch => "Chi bộ",
            OrganisationKind::Committee => "Đảng bộ",
        }
    }
}

impl Choice for Discipline {
    const ALL: &'static [Self] = &[
        Discipline::Reprimand,
        Discipline::Warning,
        Discipline::Dismissal,
        Discipline::Expulsion,
    ];
    fn key(self) -> &'static str {
        match self {
            Discipline::Reprimand => "khien_trach",
            Discipline::Warning => "canh_cao",
            Discipline::Dismissal => "cach_chuc",
            Discipline::Expulsion => "khai_tru",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Discipline::Reprimand => "Khiển trách",
            Discipline::Warning => "Cảnh cáo",
            Discipline::Dismissal => "Cách chức",
            Discipline::Expulsion => "Khai trừ",
        }
    }
}

impl Choice for QuotaBase {
    const ALL: &'static [Self] = &[QuotaBase::Good, QuotaBase::GoodOrBetter];
    fn key(self) -> &'static str {
        match self {
            QuotaBase::Good => "hoan_thanh_tot",
            QuotaBase::GoodOrBetter => "tot_tro_len",
        }
    }
    fn label(self) -> &'static str {
        match self {
            QuotaBase::Good => "Trên số Hoàn thành tốt nhiệm vụ",
            QuotaBase::GoodOrBetter => "Trên số từ Hoàn thành tốt nhiệm vụ trở lên",
        }
    }
}

impl Choice for Rounding {
    const ALL: &'static [Self] = &[Rounding::Down, Rounding::Nearest];
    fn key(self) -> &'static str {
        match self {
            Rounding::Down => "xuong",
            Rounding::Nearest => "gan_nhat",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Rounding::Down => "Làm tròn xuống",
            Rounding::Nearest => "Làm tròn đến số gần nhất",
        }
    }
}

impl Choice for SmallUnit {
    const ALL: &'static [Self] = &[SmallUnit::One, SmallUnit::ShareOnly];
    fn key(self) -> &'static str {
        match self {
            SmallUnit::One => "duoc_mot",
            SmallUnit::ShareOnly => "khong",
        }
    }
    fn label(self) -> &'static str {
        match self {
            SmallUnit::One => "Dưới 05 đảng viên Hoàn thành tốt nhiệm vụ vẫn được 01 xuất sắc",
            SmallUnit::ShareOnly => "Chỉ theo tỷ lệ",
        }
    }
}

impl Choice for HigherVotes {
    const ALL: &'static [Self] = &[HigherVotes::Cumulative, HigherVotes::Separate];
    fn key(self) -> &'static str {
        match self {
            HigherVotes::Cumulative => "cong_vao_muc_duoi",
            HigherVotes::Separate => "tinh_rieng",
        }
    }
    fn label(self) -> &'static str {
        match self {
            HigherVotes::Cumulative => "Phiếu mức cao hơn cộng vào mức thấp hơn liền kề",
            HigherVotes::Separate => "Phiếu mỗi mức tính riêng",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key reads back as its value and is written as itself.
    fn agrees_with_serde<T>()
    where
        T: Choice + serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
    {
        for value in T::ALL {
            for key in std::iter::once(value.key()).chain(value.aliases().iter().copied()) {
                let read: T =
                    serde_saphyr::from_str(key).unwrap_or_else(|err| panic!("{key}: {err}"));
                assert_eq!(read, *value, "{key}");
            }
            let written = serde_json::to_value(value).unwrap();
            assert_eq!(written.as_str(), Some(value.key()));
        }
    }

    #[test]
    fn every_choice_says_the_keys_serde_reads() {
        agrees_with_serde::<Rating>();
        agrees_with_serde::<RemedyStatus>();
        agrees_with_serde::<Grade>();
        agrees_with_serde::<Regime>();
        agrees_with_serde::<Outside>();
        agrees_with_serde::<VotingMethod>();
        agrees_with_serde::<OrganisationKind>();
        agrees_with_serde::<Discipline>();
        agrees_with_serde::<QuotaBase>();
        agrees_with_serde::<Rounding>();
        agrees_with_serde::<SmallUnit>();
        agrees_with_serde::<HigherVotes>();
    }
}

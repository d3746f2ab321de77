//! Regimes: the rules in force for a review year. Only this module maps years to rules.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The set of rules and forms in force for a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Regime {
    /// Quy định 132-QĐ/TW and Hướng dẫn 21-HD/BTCTW (reviews of 2019–2022).
    R2019,
    /// Quy định 124-QĐ/TW and Hướng dẫn 25-HD/BTCTW (reviews of 2023–2024).
    R2023,
    /// Quy định 366-QĐ/TW and Hướng dẫn 43-HD/BTCTW (reviews from 2025).
    R2025,
}

impl Regime {
    /// Every regime, oldest first.
    pub const ALL: [Regime; 3] = [Regime::R2019, Regime::R2023, Regime::R2025];

    /// The regime of a review year.
    pub fn for_year(year: i32) -> Regime {
        match year {
            ..=2022 => Regime::R2019,
            2023 | 2024 => Regime::R2023,
            _ => Regime::R2025,
        }
    }

    /// The first review year whose rules hoso knows (Quy định 132-QĐ/TW, reviews of 2019).
    pub const FIRST_YEAR: i32 = 2019;

    /// The review years hoso can print for when the current year is `current_year`: from the
    /// first it knows to the next one, whose review may be prepared ahead.
    pub fn known_years(current_year: i32) -> std::ops::RangeInclusive<i32> {
        Regime::FIRST_YEAR..=current_year + 1
    }

    /// The key used in data and in the `forms/` folders: "2019", "2023", "2025".
    pub fn key(self) -> &'static str {
        match self {
            Regime::R2019 => "2019",
            Regime::R2023 => "2023",
            Regime::R2025 => "2025",
        }
    }

    /// The regime with this key.
    pub fn from_key(key: &str) -> Option<Regime> {
        Regime::ALL.into_iter().find(|r| r.key() == key.trim())
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Serialize for Regime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Regime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        Regime::from_key(&key).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "chế độ «{key}» không có; chỉ nhận: 2019, 2023, 2025"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_map_to_the_rules_of_their_time() {
        assert_eq!(Regime::for_year(2022), Regime::R2019);
        assert_eq!(Regime::for_year(2023), Regime::R2023);
        assert_eq!(Regime::for_year(2024), Regime::R2023);
        assert_eq!(Regime::for_year(2025), Regime::R2025);
        assert_eq!(Regime::for_year(2026), Regime::R2025);
    }
}

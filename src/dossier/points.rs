//! Points of the 2025 scored review (Quy định 366-QĐ/TW): two criteria groups out of 30 and 70.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A number of points with at most one decimal, kept in tenths so that sums are exact. YAML takes
/// `27`, `27.5` or `"27,5"`; it prints with a Vietnamese decimal comma: "27,5", "90".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Points(u32);

impl Points {
    /// Points from whole tenths.
    pub const fn from_tenths(tenths: u32) -> Points {
        Points(tenths)
    }

    /// Whole points.
    pub const fn whole(points: u32) -> Points {
        Points(points * 10)
    }

    /// Reads "27", "27.5" or "27,5"; `None` for anything else, a negative number or more than one
    /// decimal.
    pub fn parse(text: &str) -> Option<Points> {
        let text = text.trim().replace(',', ".");
        let (whole, tenth) = match text.split_once('.') {
            Some((whole, tenth)) => (whole, tenth),
            None => (text.as_str(), "0"),
        };
        let digits = |s: &str, max: usize| {
            !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(whole, 4) || !digits(tenth, 1) {
            return None;
        }
        Some(Points(
            whole.parse::<u32>().ok()? * 10 + tenth.parse::<u32>().ok()?,
        ))
    }

    /// The sum of two scores.
    pub fn plus(self, other: Points) -> Points {
        Points(self.0 + other.0)
    }
}

impl fmt::Display for Points {
    /// "27,5"; "90" when there are no tenths.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 % 10 {
            0 => write!(f, "{}", self.0 / 10),
            tenth => write!(f, "{},{tenth}", self.0 / 10),
        }
    }
}

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// A number as YAML gives it, or text such as "27,5".
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Whole(u32),
            Decimal(f64),
            Text(String),
        }
        let text = match Written::deserialize(deserializer)? {
            Written::Whole(n) => n.to_string(),
            Written::Decimal(x) => x.to_string(),
            Written::Text(text) => text,
        };
        Points::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "số điểm «{text}» không hợp lệ: viết một số không âm, nhiều nhất một chữ số thập phân, ví dụ 27,5"
            ))
        })
    }
}

/// The points a collective or a person gives itself under the 2025 rules (`diem`).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// Nhóm tiêu chí chung, out of [`Score::GENERAL_MAX`] (`nhom_chung`).
    #[serde(rename = "nhom_chung")]
    pub general: Option<Points>,
    /// Nhóm tiêu chí về kết quả thực hiện nhiệm vụ, out of [`Score::TASKS_MAX`] (`nhom_nhiem_vu`).
    #[serde(rename = "nhom_nhiem_vu")]
    pub tasks: Option<Points>,
}

impl Score {
    /// The most points of the general criteria group.
    pub const GENERAL_MAX: Points = Points::whole(30);
    /// The most points of the tasks group.
    pub const TASKS_MAX: Points = Points::whole(70);

    /// The total, when both groups are given.
    pub fn total(&self) -> Option<Points> {
        Some(self.general?.plus(self.tasks?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_read_either_decimal_mark_and_print_a_comma() {
        assert_eq!(Points::parse("27,5"), Some(Points::from_tenths(275)));
        assert_eq!(Points::parse("27.5"), Some(Points::from_tenths(275)));
        assert_eq!(Points::parse("63"), Some(Points::whole(63)));
        assert_eq!(Points::parse("27,55"), None);
        assert_eq!(Points::parse("-1"), None);
        assert_eq!(Points::parse("ba mươi"), None);
        assert_eq!(Points::from_tenths(905).to_string(), "90,5");
        assert_eq!(Points::whole(90).to_string(), "90");
    }

    #[test]
    fn yaml_numbers_and_text_are_points() {
        let score: Score =
            serde_saphyr::from_str("nhom_chung: 27.5\nnhom_nhiem_vu: \"62,5\"").unwrap();
        assert_eq!(score.total(), Some(Points::whole(90)));
        let score: Score = serde_saphyr::from_str("nhom_chung: 28").unwrap();
        assert_eq!(score.total(), None);
    }
}

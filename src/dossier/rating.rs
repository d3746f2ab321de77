//! The four quality levels shared by every regime.

use serde::{Deserialize, Serialize};

/// A quality level (mức xếp loại chất lượng).
///
/// YAML takes the snake_case key or the usual abbreviation (`HTXSNV`, `HTTNV`, `HTNV`, `KHTNV`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rating {
    /// Hoàn thành xuất sắc nhiệm vụ.
    #[serde(rename = "hoan_thanh_xuat_sac", alias = "HTXSNV")]
    Excellent,
    /// Hoàn thành tốt nhiệm vụ.
    #[serde(rename = "hoan_thanh_tot", alias = "HTTNV")]
    Good,
    /// Hoàn thành nhiệm vụ.
    #[serde(rename = "hoan_thanh", alias = "HTNV")]
    Completed,
    /// Không hoàn thành nhiệm vụ.
    #[serde(rename = "khong_hoan_thanh", alias = "KHTNV")]
    NotCompleted,
}

impl Rating {
    /// Every level, best first.
    pub const ALL: [Rating; 4] = [
        Rating::Excellent,
        Rating::Good,
        Rating::Completed,
        Rating::NotCompleted,
    ];

    /// Whether this level is better than `other`.
    pub fn is_above(self, other: Rating) -> bool {
        self.rank() < other.rank()
    }

    /// 0 for the best level, 3 for the worst.
    fn rank(self) -> usize {
        Rating::ALL
            .iter()
            .position(|&rating| rating == self)
            .unwrap_or_default()
    }

    /// The level in a word or two, for a narrow column: "Xuất sắc", "Tốt", "Hoàn thành",
    /// "Không hoàn thành".
    pub fn short_vi(self) -> &'static str {
        match self {
            Rating::Excellent => "Xuất sắc",
            Rating::Good => "Tốt",
            Rating::Completed => "Hoàn thành",
            Rating::NotCompleted => "Không hoàn thành",
        }
    }

    /// The usual abbreviation, e.g. "HTTNV".
    pub fn abbreviation(self) -> &'static str {
        match self {
            Rating::Excellent => "HTXSNV",
            Rating::Good => "HTTNV",
            Rating::Completed => "HTNV",
            Rating::NotCompleted => "KHTNV",
        }
    }

    /// The key written in YAML, e.g. `hoan_thanh_tot`.
    pub fn key(self) -> &'static str {
        match self {
            Rating::Excellent => "hoan_thanh_xuat_sac",
            Rating::Good => "hoan_thanh_tot",
            Rating::Completed => "hoan_thanh",
            Rating::NotCompleted => "khong_hoan_thanh",
        }
    }

    /// The level with this YAML key.
    ///
    /// ```
    /// use hoso::dossier::Rating;
    ///
    /// assert_eq!(Rating::from_key("hoan_thanh_tot"), Some(Rating::Good));
    /// assert_eq!(Rating::from_key("HTTNV"), None); // an abbreviation is YAML's alias, not a key
    /// assert_eq!(Rating::Good.key(), "hoan_thanh_tot");
    /// assert_eq!(Rating::Good.abbreviation(), "HTTNV");
    /// assert!(Rating::Excellent.is_above(Rating::Good));
    /// let keys: Vec<&str> = Rating::ALL.iter().map(|rating| rating.key()).collect();
    /// assert_eq!(
    ///     keys,
    ///     ["hoan_thanh_xuat_sac", "hoan_thanh_tot", "hoan_thanh", "khong_hoan_thanh"]
    /// );
    /// ```
    pub fn from_key(key: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|rating| rating.key() == key)
    }

    /// The level as printed on the forms.
    pub fn label_vi(self) -> &'static str {
        match self {
            Rating::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Rating::Good => "Hoàn thành tốt nhiệm vụ",
            Rating::Completed => "Hoàn thành nhiệm vụ",
            Rating::NotCompleted => "Không hoàn thành nhiệm vụ",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_agree_with_the_yaml_names() {
        for rating in Rating::ALL {
            let yaml = serde_saphyr::to_string(&rating).unwrap();
            assert_eq!(yaml.trim(), rating.key());
            assert_eq!(Rating::from_key(rating.key()), Some(rating));
        }
    }

    #[test]
    fn levels_are_ordered_best_first() {
        assert!(Rating::Excellent.is_above(Rating::Good));
        assert!(!Rating::Good.is_above(Rating::Good));
        assert!(!Rating::NotCompleted.is_above(Rating::Completed));
    }

    #[test]
    fn abbreviations_are_accepted() {
        let rating: Rating = serde_saphyr::from_str("HTTNV").unwrap();
        assert_eq!(rating, Rating::Good);
    }
}

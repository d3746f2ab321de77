//! The four grades a member gives each item of a 2023 self-review (cấp độ thực hiện).

use serde::{Deserialize, Serialize};

/// How well an item of the review was carried out, as the member grades it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    /// Xuất sắc.
    #[serde(rename = "xuat_sac")]
    Excellent,
    /// Tốt.
    #[serde(rename = "tot")]
    Good,
    /// Trung bình.
    #[serde(rename = "trung_binh")]
    Average,
    /// Kém.
    #[serde(rename = "kem")]
    Poor,
}

impl Grade {
    /// Every grade, best first, as the form prints its boxes.
    pub const ALL: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Average, Grade::Poor];

    /// The key written in YAML, e.g. `trung_binh`.
    pub fn key(self) -> &'static str {
        match self {
            Grade::Excellent => "xuat_sac",
            Grade::Good => "tot",
            Grade::Average => "trung_binh",
            Grade::Poor => "kem",
        }
    }

    /// The grade with this YAML key.
    pub fn from_key(key: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|grade| grade.key() == key)
    }

    /// The grade as printed beside its box.
    pub fn label_vi(self) -> &'static str {
        match self {
            Grade::Excellent => "Xuất sắc",
            Grade::Good => "Tốt",
            Grade::Average => "Trung bình",
            Grade::Poor => "Kém",
        }
    }
}

/// The grade the member gives each graded item of the self-review (`cap_do`); the keys are
/// those of the items' texts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemGrades {
    /// I.1 Political quality, ethics, lifestyle, discipline, working style.
    pub pham_chat: Option<Grade>,
    /// I.2 Carrying out the duties assigned.
    pub thuc_hien_nhiem_vu: Option<Grade>,
    /// I.3 Results of leadership and management.
    pub lanh_dao_quan_ly: Option<Grade>,
    /// I.4 Responsibility at work, innovation, daring to act.
    pub trach_nhiem: Option<Grade>,
    /// I.5 Setting an example; fighting corruption; the trust of cadres.
    pub neu_guong: Option<Grade>,
    /// III. Remedying shortcomings pointed out in earlier reviews.
    pub khac_phuc: Option<Grade>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_agree_with_the_yaml_names() {
        for grade in Grade::ALL {
            let yaml = serde_saphyr::to_string(&grade).unwrap();
            assert_eq!(yaml.trim(), grade.key());
            assert_eq!(Grade::from_key(grade.key()), Some(grade));
        }
    }
}

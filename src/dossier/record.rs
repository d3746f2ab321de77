//! What the year's record says of a member or a collective beyond its self-review: admission,
//! leave, transfers, task results and breaches. The rating rules read these.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Text;
use crate::date::Date;

/// A share from 0 to 100 per cent (`ty_le`-like fields); YAML takes a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent(u8);

impl Percent {
    /// The share, when it is at most 100.
    pub fn new(value: u8) -> Option<Percent> {
        (value <= 100).then_some(Percent(value))
    }

    /// The share in whole per cent.
    pub fn value(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u32::deserialize(deserializer)?;
        u8::try_from(value)
            .ok()
            .and_then(Percent::new)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "tỷ lệ {value}% không hợp lệ: ghi một số nguyên từ 0 đến 100"
                ))
            })
    }
}

/// A member who came from another Party organisation during the year (`chuyen_den`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// The day the member's Party activity moved here (`ngay`).
    pub ngay: Date,
    /// The organisation the member came from (`noi_cu`).
    pub noi_cu: Text,
    /// The former organisation's written comment on the member (`nhan_xet_noi_cu`).
    #[serde(default)]
    pub nhan_xet_noi_cu: Option<Text>,
}

/// A member who is active, for a time, in another chi bộ (`sinh_hoat_tam_thoi`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemporaryActivity {
    /// The chi bộ of the temporary activity (`noi`).
    pub noi: Text,
    /// That chi bộ's written comment on the member (`nhan_xet`).
    #[serde(default)]
    pub nhan_xet: Option<Text>,
}

/// How the year's tasks went, in shares of the tasks (`ket_qua_nhiem_vu`); the conditions of
/// Quy định 366-QĐ/TW, Điều 11 are stated in them.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskResults {
    /// Tasks completed (`hoan_thanh`); for a leader, those of the units they lead.
    #[serde(default)]
    pub hoan_thanh: Option<Percent>,
    /// Tasks done beyond what was required (`vuot_muc`).
    #[serde(default)]
    pub vuot_muc: Option<Percent>,
    /// Tasks behind schedule (`cham_tien_do`).
    #[serde(default)]
    pub cham_tien_do: Option<Percent>,
    /// Shortcomings pointed out at the last review that have been remedied (`khac_phuc_han_che`);
    /// absent when there were none.
    #[serde(default)]
    pub khac_phuc_han_che: Option<Percent>,
}

/// A Party disciplinary measure (hình thức kỷ luật), lightest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Discipline {
    /// Khiển trách.
    #[serde(rename = "khien_trach")]
    Reprimand,
    /// Cảnh cáo.
    #[serde(rename = "canh_cao")]
    Warning,
    /// Cách chức.
    #[serde(rename = "cach_chuc")]
    Dismissal,
    /// Khai trừ.
    #[serde(rename = "khai_tru")]
    Expulsion,
}

impl Discipline {
    /// The measure as written in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Discipline::Reprimand => "khiển trách",
            Discipline::Warning => "cảnh cáo",
            Discipline::Dismissal => "cách chức",
            Discipline::Expulsion => "khai trừ",
        }
    }
}

/// The cases that make a member "Không hoàn thành nhiệm vụ" whatever the points
/// (`vi_pham`; Quy định 366-QĐ/TW, Điều 11 khoản 4).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberBreaches {
    /// A disciplinary measure of the year for breaches in carrying out duties (`ky_luat`).
    #[serde(default)]
    pub ky_luat: Option<Discipline>,
    /// Concluded to have degraded in political ideology, ethics or lifestyle (`suy_thoai`).
    #[serde(default)]
    pub suy_thoai: bool,
    /// Breached what a Party member must not do (`dieu_cam`).
    #[serde(default)]
    pub dieu_cam: bool,
    /// Breached the rules on setting an example (`neu_guong`).
    #[serde(default)]
    pub neu_guong: bool,
    /// Share of low-confidence votes, for a leader (`tin_nhiem_thap`).
    #[serde(default)]
    pub tin_nhiem_thap: Option<Percent>,
}

/// The cases that make a collective "Không hoàn thành nhiệm vụ" whatever the points
/// (`vi_pham`; Quy định 366-QĐ/TW, Điều 11 khoản 4).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectiveBreaches {
    /// Wrongdoing in personnel work (`sai_pham_can_bo`).
    #[serde(default)]
    pub sai_pham_can_bo: bool,
    /// Internal disunity or factions (`mat_doan_ket`).
    #[serde(default)]
    pub mat_doan_ket: bool,
    /// A member of the collective disciplined for breaches in carrying out duties
    /// (`thanh_vien_bi_ky_luat`).
    #[serde(default)]
    pub thanh_vien_bi_ky_luat: bool,
    /// A member of the collective concluded to have degraded (`thanh_vien_suy_thoai`).
    #[serde(default)]
    pub thanh_vien_suy_thoai: bool,
}

impl CollectiveBreaches {
    /// The cases recorded, in Vietnamese.
    pub fn recorded(&self) -> Vec<&'static str> {
        [
            (self.sai_pham_can_bo, "sai phạm trong công tác cán bộ"),
            (self.mat_doan_ket, "mất đoàn kết nội bộ"),
            (
                self.thanh_vien_bi_ky_luat,
                "thành viên bị kỷ luật do vi phạm trong thực hiện nhiệm vụ",
            ),
            (
                self.thanh_vien_suy_thoai,
                "thành viên bị kết luận suy thoái",
            ),
        ]
        .into_iter()
        .filter_map(|(is, what)| is.then_some(what))
        .collect()
    }
}

impl MemberBreaches {
    /// The cases recorded, in Vietnamese; low confidence counts above half the votes.
    pub fn recorded(&self) -> Vec<String> {
        let mut cases = Vec::new();
        if let Some(measure) = self.ky_luat {
            cases.push(format!("bị kỷ luật {}", measure.label_vi()));
        }
        for (is, what) in [
            (self.suy_thoai, "bị kết luận suy thoái"),
            (self.dieu_cam, "vi phạm những điều đảng viên không được làm"),
            (self.neu_guong, "vi phạm quy định về trách nhiệm nêu gương"),
        ] {
            if is {
                cases.push(what.to_string());
            }
        }
        if let Some(share) = self.tin_nhiem_thap.filter(|share| share.value() > 50) {
            cases.push(format!("{share} phiếu tín nhiệm thấp"));
        }
        cases
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_above_a_hundred_are_refused() {
        let results: TaskResults = serde_saphyr::from_str("hoan_thanh: 100\nvuot_muc: 35").unwrap();
        assert_eq!(results.vuot_muc, Percent::new(35));
        let err = serde_saphyr::from_str::<TaskResults>("hoan_thanh: 120").unwrap_err();
        assert!(err.to_string().contains("tỷ lệ 120%"), "{err}");
    }

    #[test]
    fn recorded_breaches_are_named_and_low_confidence_counts_above_half() {
        let breaches: MemberBreaches =
            serde_saphyr::from_str("ky_luat: canh_cao\ntin_nhiem_thap: 50").unwrap();
        assert_eq!(breaches.recorded(), vec!["bị kỷ luật cảnh cáo"]);
        let breaches: MemberBreaches = serde_saphyr::from_str("tin_nhiem_thap: 51").unwrap();
        assert_eq!(breaches.recorded(), vec!["51% phiếu tín nhiệm thấp"]);
    }
}

//! The collective's own report (Mẫu 01): what it writes of itself and how it grades itself.

use serde::{Deserialize, Serialize};

use super::{
    CollectiveBreaches, CollectiveVerdict, EarlierShortcoming, Rating, Score, TaskResults, Text,
};
use crate::date::Date;

/// The collective's report and self-assessment (`tap_the`); empty parts print as lines to write on.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collective {
    /// Số and ký hiệu of the report, e.g. "15-BC/CB" (`so`); dotted when absent.
    pub so: Option<Text>,
    /// The report's date (`ngay`); the meeting's when absent.
    pub ngay: Option<Date>,
    /// I.1 Democratic centralism and the working rules.
    pub nguyen_tac: Option<Text>,
    /// I.2 Results against the targets and tasks of the year.
    pub ket_qua: Option<Text>,
    /// I.3 Building the Party and the political system; fighting corruption and degradation.
    pub xay_dung_dang: Option<Text>,
    /// I.4 Responsibility of the collective leadership.
    pub trach_nhiem_lanh_dao: Option<Text>,
    /// II.1 Shortcomings.
    pub han_che: Option<Text>,
    /// II.2 Their causes.
    pub nguyen_nhan: Option<Text>,
    /// III. Remedying shortcomings pointed out in earlier reviews.
    pub khac_phuc: Option<Text>,
    /// III, point by point: each earlier shortcoming and where it stands.
    #[serde(default)]
    pub han_che_ky_truoc: Vec<EarlierShortcoming>,
    /// IV. Explanations of issues raised for the review.
    pub giai_trinh: Option<Text>,
    /// V. Responsibility of the collective and of individuals.
    pub trach_nhiem: Option<Text>,
    /// VI. Direction and measures to remedy shortcomings.
    pub phuong_huong: Option<Text>,
    /// The points of part B under the 2025 rules (`diem`).
    #[serde(default)]
    pub diem: Score,
    /// The tasks and results that evidence the 2025 points (`phu_luc`; Hướng dẫn 43-HD/BTCTW,
    /// mục 7.12): an annex page after the report.
    #[serde(default)]
    pub phu_luc: Vec<Task>,
    /// The level the collective proposes for itself (`de_xuat`).
    pub de_xuat: Option<Rating>,
    /// Who receives the report (`noi_nhan`), the archive copy last; a default when absent.
    pub noi_nhan: Option<Vec<Text>>,
    /// How the collective's tasks of the year went (`ket_qua_nhiem_vu`).
    #[serde(default)]
    pub ket_qua_nhiem_vu: Option<TaskResults>,
    /// Breaches that make the collective "Không hoàn thành nhiệm vụ" (`vi_pham`).
    #[serde(default)]
    pub vi_pham: Option<CollectiveBreaches>,
    /// What the meeting decided on the collective (`danh_gia`).
    #[serde(default)]
    pub danh_gia: CollectiveVerdict,
}

/// Why a member does not work in the political system (2025: Mẫu 2C).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outside {
    /// Retired (`huu_tri`).
    #[serde(rename = "huu_tri")]
    Retired,
    /// A pupil or student (`hoc_sinh_sinh_vien`).
    #[serde(rename = "hoc_sinh_sinh_vien")]
    Student,
    /// Working in a private business (`doanh_nghiep_tu_nhan`).
    #[serde(rename = "doanh_nghiep_tu_nhan")]
    PrivateBusiness,
    /// Any other case (`khac`).
    #[serde(rename = "khac")]
    Other,
}

/// One task of the annex that evidences the 2025 points (HD 43, 7.12): name, product, progress,
/// quality.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// The task (`ten`).
    pub ten: Text,
    /// What it produced (`san_pham`).
    #[serde(default)]
    pub san_pham: Option<Text>,
    /// Progress against the deadline (`tien_do`).
    #[serde(default)]
    pub tien_do: Option<Text>,
    /// Quality of the result (`chat_luong`).
    #[serde(default)]
    pub chat_luong: Option<Text>,
}

/// One breakthrough, creative task registered for the coming year (`viec_dot_pha[…]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Breakthrough {
    /// The task (`ten`).
    pub ten: Text,
    /// What will be done and how (`noi_dung`).
    #[serde(default)]
    pub noi_dung: Option<Text>,
    /// The target or product, measurable where possible (`muc_tieu`).
    #[serde(default)]
    pub muc_tieu: Option<Text>,
    /// When it will be done (`thoi_gian`).
    #[serde(default)]
    pub thoi_gian: Option<Text>,
}

//! The thể thức of a copy (bản sao, HD 36-HD/VPTW mục II.3): printed after the last line of the
//! original, under a solid rule as wide as the text, kept whole on one page.

use serde::{Deserialize, Serialize};

use super::{Recipients, Signature};

/// The three forms of a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    /// Sao y bản chính: the whole text, by the organisation that issued the original.
    SaoY,
    /// Sao lục: the whole text of another organisation's document, by one that received it.
    SaoLuc,
    /// Trích sao: a part of the text.
    TrichSao,
}

impl CopyKind {
    /// The form as the copy block prints it: "SAO Y BẢN CHÍNH", "SAO LỤC", "TRÍCH SAO".
    pub fn label(self) -> &'static str {
        match self {
            CopyKind::SaoY => "SAO Y BẢN CHÍNH",
            CopyKind::SaoLuc => "SAO LỤC",
            CopyKind::TrichSao => "TRÍCH SAO",
        }
    }

    /// What a copy of this form is called: "Bản sao y bản chính", "Bản sao lục", "Bản trích sao".
    pub fn name_vi(self) -> &'static str {
        match self {
            CopyKind::SaoY => "Bản sao y bản chính",
            CopyKind::SaoLuc => "Bản sao lục",
            CopyKind::TrichSao => "Bản trích sao",
        }
    }
}

/// The copy block, every string final: the copying organisation over its star and the copy's
/// number on the left, the form of copy and the place and date on the right; below, the nơi
/// nhận on the left and the signature on the right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyMark {
    /// The copying organisation's superior, in capitals, line by line.
    pub superior: Vec<String>,
    /// The copying organisation, in capitals, line by line (bold, with the star below).
    pub issuer: Vec<String>,
    /// Số and ký hiệu of the copy, e.g. "Số 181-BS/TU".
    pub number: String,
    /// The form of copy, e.g. "SAO Y BẢN CHÍNH".
    pub form: String,
    /// The place and date line, e.g. "Hải Phòng, ngày 20 tháng 12 năm 2026".
    pub place_date: String,
    /// For a trích sao, which parts were copied, e.g. "(Trích mục A.I, A.III)".
    pub scope: Option<String>,
    /// The nơi nhận of the copy.
    pub recipients: Recipients,
    /// Who signs the copy: quyền hạn, chức vụ, and the name under the space for signature and
    /// seal.
    pub signature: Signature,
}

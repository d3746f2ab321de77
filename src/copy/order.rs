//! The data of a copy (`ban-sao.yaml`): which form of copy, who copies it, under which number,
//! on which day, for whom, and who signs.

use std::path::Path;

use serde::Deserialize;

use crate::date::Date;
use crate::document::{CopyKind, CopyMark, Recipients, Signature, lines_of, one_line};
use crate::dossier::{LoadError, error_at_path, parse_yaml, read_as};
use crate::input::Kind;

/// The parts a copy's data file must have.
const REQUIRED: &str = "hinh_thuc, co_quan, ngay, nguoi_ky, noi_nhan";

/// The signing authorities a copy may be signed with (HD 36-HD/VPTW).
const AUTHORITIES: [&str; 4] = ["T/M", "K/T", "T/L", "T/U"];

/// What a copy's data file says; the command line may replace the form, the first number, the
/// date and the sections.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopyOrder {
    /// The form of copy (`hinh_thuc`: sao_y, sao_luc, trich_sao).
    #[serde(rename = "hinh_thuc")]
    pub kind: CopyKind,
    /// The organisation that makes the copy (`co_quan`).
    #[serde(rename = "co_quan")]
    pub organisation: CopyingOrganisation,
    /// The number of the first copy (`so`); the next copies of a run take the numbers after it.
    #[serde(rename = "so", default = "first_number")]
    pub first_number: u32,
    /// The day of the copy (`ngay`).
    #[serde(rename = "ngay")]
    pub date: Date,
    /// Who signs the copy (`nguoi_ky`).
    #[serde(rename = "nguoi_ky")]
    pub signer: CopySigner,
    /// The nơi nhận of the copy, the archive copy last (`noi_nhan`).
    #[serde(rename = "noi_nhan")]
    pub recipients: Vec<String>,
    /// For a trích sao, the sections copied, by heading number: "II", "A.III" (`muc`).
    #[serde(rename = "muc", default)]
    pub sections: Vec<String>,
    /// Whether the copies' PDFs are PDF/A-2b (`pdf_a`, on unless set to false).
    #[serde(rename = "pdf_a", default = "archival")]
    pub pdf_a: bool,
    /// For a copy of an existing PDF: the copy block on the free space at the bottom of the
    /// original's last page when it fits, rather than on a page of its own (`cuoi_trang`).
    #[serde(rename = "cuoi_trang", default)]
    pub on_last_page: bool,
}

fn first_number() -> u32 {
    1
}

fn archival() -> bool {
    true
}

/// The organisation that makes a copy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopyingOrganisation {
    /// Its superior (`cap_tren`), printed above it.
    #[serde(rename = "cap_tren", default)]
    pub superior: Option<String>,
    /// Its name (`ten`), e.g. "Văn phòng Thành ủy".
    #[serde(rename = "ten")]
    pub name: String,
    /// The ký hiệu of its copies after "BS/" (`ky_hieu`), e.g. "TU" for "Số 181-BS/TU".
    #[serde(rename = "ky_hieu")]
    pub symbol: String,
    /// The place printed before the date (`dia_danh`).
    #[serde(rename = "dia_danh")]
    pub place: String,
}

/// Who signs a copy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopySigner {
    /// The authority and the organ signed for (`quyen_han`), e.g. "T/L Ban Thường vụ"; none
    /// when the head signs in their own name.
    #[serde(rename = "quyen_han", default)]
    pub authority: Option<String>,
    /// The signer's post (`chuc_vu`), e.g. "Chánh Văn phòng".
    #[serde(rename = "chuc_vu")]
    pub post: String,
    /// The signer's name (`ho_ten`); none leaves the line to write it by hand.
    #[serde(rename = "ho_ten", default)]
    pub name: Option<String>,
}

impl CopyOrder {
    /// Reads and checks the copy's data file at `path`.
    pub fn load(path: &Path) -> Result<CopyOrder, LoadError> {
        CopyOrder::parse(
            &read_as(path, Kind::CopyOrder)?,
            &path.display().to_string(),
        )
    }

    /// Parses and checks a copy's data; `name` is what errors call the file.
    pub fn parse(text: &str, name: &str) -> Result<CopyOrder, LoadError> {
        let (order, text): (CopyOrder, String) = parse_yaml(text, name, REQUIRED)?;
        let at = |path: &str, message: &str| error_at_path(&text, name, path, message.to_string());
        if order.first_number == 0 {
            return Err(at("so", "số bản sao bắt đầu từ 1"));
        }
        let symbol = order.organisation.symbol.trim();
        if symbol.is_empty() || symbol.contains(char::is_whitespace) || symbol.contains('/') {
            return Err(at(
                "co_quan.ky_hieu",
                "ký hiệu viết liền, không dấu cách, không «/», ví dụ TU (in ra «Số 181-BS/TU»)",
            ));
        }
        if let Some(authority) = &order.signer.authority {
            let upper = authority.trim().to_uppercase();
            if !AUTHORITIES.iter().any(|prefix| upper.starts_with(prefix)) {
                return Err(at(
                    "nguoi_ky.quyen_han",
                    "quyền hạn ký bắt đầu bằng T/M, K/T, T/L hoặc T/U, ví dụ «T/L Ban Thường vụ»; bỏ trống khi người đứng đầu ký",
                ));
            }
        }
        if order.recipients.iter().all(|r| r.trim().is_empty()) {
            return Err(at(
                "noi_nhan",
                "cần ít nhất một nơi nhận; dòng cuối là nơi lưu, ví dụ «Lưu Văn phòng»",
            ));
        }
        if let Err(message) = order.check_sections() {
            let path = if order.sections.is_empty() {
                "hinh_thuc"
            } else {
                "muc"
            };
            return Err(at(path, &message));
        }
        Ok(order)
    }

    /// A trích sao names the sections it copies; the other forms copy the whole text.
    pub fn check_sections(&self) -> Result<(), String> {
        match (self.kind, self.sections.is_empty()) {
            (CopyKind::TrichSao, true) => Err(
                "trích sao cần các mục được sao (muc, hoặc --muc), theo số đề mục, ví dụ [II] hoặc [A.I, A.III]"
                    .to_string(),
            ),
            (CopyKind::SaoY | CopyKind::SaoLuc, false) => Err(format!(
                "chỉ trích sao mới chọn mục (muc); {} sao toàn văn",
                self.kind.label().to_lowercase()
            )),
            _ => Ok(()),
        }
    }

    /// Why this copy is not what its form says, when the copying organisation did not issue
    /// the original (by `issuer`): a "sao y bản chính" is made only by the organ that issued the
    /// original; another organ's full copy is a "sao lục" (Hướng dẫn 36-HD/VPTW, mục II.3).
    pub fn kind_warning(&self, issuer: &str) -> Option<String> {
        let same = |a: &str, b: &str| one_line(a).to_lowercase() == one_line(b).to_lowercase();
        (self.kind == CopyKind::SaoY && !same(&self.organisation.name, issuer)).then(|| {
            format!(
                "bản gốc do {} ban hành, không phải {}: Hướng dẫn 36-HD/VPTW (mục II.3) gọi bản sao toàn văn văn bản của cơ quan khác là bản sao lục (hinh_thuc: sao_luc); bản sao y bản chính chỉ do cơ quan ban hành bản chính làm",
                one_line(issuer),
                one_line(&self.organisation.name)
            )
        })
    }

    /// The number and ký hiệu of copy `number`: "Số 181-BS/TU".
    pub fn number_text(&self, number: u32) -> String {
        format!("Số {number:02}-BS/{}", self.organisation.symbol.trim())
    }

    /// The copy block of copy `number`; `scope` says which parts a trích sao copied.
    pub fn mark(&self, number: u32, scope: Option<String>) -> CopyMark {
        let organisation = &self.organisation;
        let mut heading: Vec<String> = self
            .signer
            .authority
            .iter()
            .map(|authority| one_line(authority).to_uppercase())
            .collect();
        heading.push(one_line(&self.signer.post).to_uppercase());
        CopyMark {
            superior: organisation
                .superior
                .as_deref()
                .map(|superior| lines_of(&superior.to_uppercase()))
                .unwrap_or_default(),
            issuer: lines_of(&organisation.name.to_uppercase()),
            number: self.number_text(number),
            form: self.kind.label().to_string(),
            place_date: format!("{}, {}", one_line(&organisation.place), self.date.long_vi()),
            scope,
            recipients: Recipients::new(&self.recipients),
            signature: Signature {
                heading,
                note: None,
                name: self.signer.name.as_deref().map(one_line),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &str = "hinh_thuc: sao_y
co_quan:
  cap_tren: Đảng bộ thành phố Hải Phòng
  ten: Văn phòng Thành ủy
  ky_hieu: TU
  dia_danh: Hải Phòng
so: 181
ngay: 2026-12-20
nguoi_ky:
  quyen_han: T/L Ban Thường vụ
  chuc_vu: Chánh Văn phòng
  ho_ten: Nguyễn Văn Bình
noi_nhan:
  - Chi bộ Phòng Quản lý chất lượng công trình
  - Lưu Văn phòng Thành ủy
";

    #[test]
    fn a_sao_y_of_another_organs_document_is_a_sao_luc() {
        let order = CopyOrder::parse(ORDER, "ban-sao.yaml").unwrap();
        let issuer = order.organisation.name.to_uppercase();
        assert_eq!(order.kind_warning(&issuer), None);
        let warning = order.kind_warning("Chi bộ Phòng Kế toán").unwrap();
        assert!(warning.contains("bản sao lục"), "{warning}");
        let mut copy = order.clone();
        copy.kind = CopyKind::SaoLuc;
        assert_eq!(copy.kind_warning("Chi bộ Phòng Kế toán"), None);
    }

    #[test]
    fn the_mark_prints_the_organisation_number_form_date_and_signer() {
        let order = CopyOrder::parse(ORDER, "ban-sao.yaml").unwrap();
        let mark = order.mark(181, None);
        assert_eq!(mark.superior, ["ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"]);
        assert_eq!(mark.issuer, ["VĂN PHÒNG THÀNH ỦY"]);
        assert_eq!(mark.number, "Số 181-BS/TU");
        assert_eq!(mark.form, "SAO Y BẢN CHÍNH");
        assert_eq!(mark.place_date, "Hải Phòng, ngày 20 tháng 12 năm 2026");
        assert_eq!(
            mark.signature.heading,
            ["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"]
        );
        assert_eq!(
            mark.recipients.lines.last().unwrap(),
            "- Lưu Văn phòng Thành ủy."
        );
        assert_eq!(order.number_text(7), "Số 07-BS/TU");
        assert!(
            order.pdf_a,
            "copies are PDF/A unless the data says otherwise"
        );
    }

    #[test]
    fn a_wrong_value_is_refused_at_its_line() {
        let wrong = |from: &str, to: &str| {
            let text = ORDER.replacen(from, to, 1);
            assert_ne!(text, ORDER);
            CopyOrder::parse(&text, "ban-sao.yaml")
                .unwrap_err()
                .to_string()
        };
        let message = wrong("quyen_han: T/L", "quyen_han: Thay lệnh");
        assert!(message.starts_with("ban-sao.yaml:10:"), "{message}");
        assert!(message.contains("nguoi_ky.quyen_han"), "{message}");
        let message = wrong("ky_hieu: TU", "ky_hieu: T U");
        assert!(message.starts_with("ban-sao.yaml:5:"), "{message}");
        let message = wrong("ngay: 2026-12-20", "ngay: 2026-13-20");
        assert!(message.starts_with("ban-sao.yaml:8:"), "{message}");
        let message = wrong("hinh_thuc: sao_y", "hinh_thuc: trich_sao");
        assert!(message.contains("trích sao cần các mục"), "{message}");
        let message = wrong("hinh_thuc: sao_y", "hinh_thuc: sao_chep");
        assert!(message.contains("sao_y, sao_luc, trich_sao"), "{message}");
        let message = wrong("so: 181", "so: 0");
        assert!(message.starts_with("ban-sao.yaml:7:"), "{message}");
    }
}

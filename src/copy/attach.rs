//! Certified copies (sao y, sao lục, trích sao) of any existing PDF.
//!
//! The original's pages stay exactly as they are; the copy block, a one-page PDF that hoso
//! renders itself with the block near the top of the page, is added either as a page of its
//! own after the original or, when asked and when it fits, onto the free space at the bottom
//! of the original's last page. The free space is measured from the ink actually painted, so
//! the block is never printed over existing ink. The output can be made PDF/A-2b.

mod conform;
mod fonts;
mod graft;
mod ink;
mod lookup;
mod meta;
mod place;
mod repair;
mod write;

#[cfg(test)]
mod tests;

pub use ink::{Ink, ink_of_page};

use lopdf::Document;

use crate::render::pdf::Properties;

/// What to attach to what, and how.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The original PDF, copied page for page.
    pub original: &'a [u8],
    /// A one-page PDF made by hoso whose only content is the copy block near the top of the
    /// page. When `pdf_a` is set, this PDF is itself PDF/A-2b and carries an /OutputIntents
    /// entry (with its sRGB ICC profile) that the output reuses.
    pub block: &'a [u8],
    /// Put the block on the free space at the bottom of the last page when it fits.
    pub on_last_page: bool,
    /// Space kept between the original's lowest ink and the top of the block's ink, in points.
    pub gap_pt: f32,
    /// The lowest the block's ink may reach, in points above the page's bottom edge.
    pub bottom_margin_pt: f32,
    /// Make the output PDF/A-2b with these properties.
    pub pdf_a: Option<Properties<'a>>,
}

/// Where the copy block ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// On a page of its own after the original's pages.
    OwnPage,
    /// On the free space at the bottom of the original's last page.
    LastPage,
}

/// The certified copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    /// The output PDF.
    pub bytes: Vec<u8>,
    /// Number of pages of the output.
    pub pages: usize,
    /// Where the block went.
    pub placement: Placement,
    /// When the block was asked on the last page but went on its own page: why, in
    /// Vietnamese, with the numbers (free space against needed space, in millimetres).
    pub note: Option<String>,
}

/// Why a certified copy could not be made. Messages are in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AttachError {
    /// The original is not a PDF that can be read; the detail says why.
    #[error("tệp không phải là PDF đọc được: {0}")]
    NotPdf(String),
    /// The original is encrypted.
    #[error("PDF được mã hóa, không sao được")]
    Encrypted,
    /// PDF/A-2b was asked but the original cannot become PDF/A-2b without changing its pages;
    /// every reason found.
    #[error("bản gốc không lưu được thành PDF/A-2b: {}", .0.join("; "))]
    NotPdfA(Vec<String>),
    /// The block PDF, made by hoso itself, is unusable: a fault in hoso.
    #[error("lỗi của hoso ở khối sao: {0}")]
    Block(String),
}

/// Makes the certified copy described by `request`.
///
/// On the last page, the block goes below the original's lowest ink, `gap_pt` lower, but
/// never higher on the page than it would stand on a page of its own; its left page edge is
/// aligned with the last page's MediaBox left edge. It does not fit when its ink would reach
/// below `bottom_margin_pt` or past the page's sides, when the last page is rotated, or when
/// its CropBox differs from its MediaBox: the block then goes on its own page and `note` says
/// why.
pub fn attach(request: &Request<'_>) -> Result<Attached, AttachError> {
    let sane = |v: f32| v.is_finite() && v >= 0.0;
    if !sane(request.gap_pt) || !sane(request.bottom_margin_pt) {
        return Err(AttachError::Block(format!(
            "khoảng cách không hợp lệ: gap_pt = {}, bottom_margin_pt = {}",
            request.gap_pt, request.bottom_margin_pt
        )));
    }
    let mut doc = load_original(request.original)?;
    let block = place::Block::load(request.block)?;
    if request.pdf_a.is_some() {
        conform::prepare(&mut doc).map_err(AttachError::NotPdfA)?;
    }

    let mut graft = graft::Graft::default();
    let margins = place::Margins {
        gap: f64::from(request.gap_pt),
        bottom: f64::from(request.bottom_margin_pt),
    };
    let fit = if request.on_last_page {
        Some(place::fit(&doc, request.original, &block, margins)?)
    } else {
        None
    };
    let (placement, note) = match fit {
        Some(Ok(spot)) => {
            place::onto_last_page(&mut doc, &mut graft, &block, spot)?;
            (Placement::LastPage, None)
        }
        Some(Err(why)) => {
            place::own_page(&mut doc, &mut graft, &block)?;
            (Placement::OwnPage, Some(why))
        }
        None => {
            place::own_page(&mut doc, &mut graft, &block)?;
            (Placement::OwnPage, None)
        }
    };

    match &request.pdf_a {
        Some(pdf_a) => meta::apply(&mut doc, &mut graft, &block.doc, pdf_a)?,
        None => {
            if version(&block.doc.version) > version(&doc.version) {
                doc.version.clone_from(&block.doc.version);
            }
        }
    }
    let pages = doc.get_pages().len();
    let bytes = write::finish(&mut doc)?;
    Ok(Attached {
        bytes,
        pages,
        placement,
        note,
    })
}

fn load_original(bytes: &[u8]) -> Result<Document, AttachError> {
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(_) if looks_encrypted(bytes) => return Err(AttachError::Encrypted),
        Err(e) => return Err(AttachError::NotPdf(e.to_string())),
    };
    if doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some() {
        return Err(AttachError::Encrypted);
    }
    if doc.get_pages().is_empty() {
        return Err(AttachError::NotPdf("tệp không có trang nào".to_owned()));
    }
    Ok(doc)
}

/// Whether a PDF that could not be loaded names an encryption dictionary.
fn looks_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-") && bytes.windows(8).any(|w| w == b"/Encrypt")
}

/// A header version such as "1.7" as a comparable pair.
fn version(text: &str) -> (u32, u32) {
    let mut parts = text.trim().splitn(2, '.');
    let mut next = || parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    (next(), next())
}

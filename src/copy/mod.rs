//! Certified copies (bản sao, HD 36-HD/VPTW mục II.3): sao y bản chính, sao lục and trích sao,
//! of a document hoso draws or of an existing PDF, numbered one after another.
//!
//! A copy of hoso's own document is that Document with the copy block after its last line (for
//! a trích sao, only the sections chosen), drawn as PDF and DOCX like any other. A copy of an
//! existing PDF keeps the original's pages as they are and adds the copy block, drawn by typst
//! on a page of its own, after them or on the free space at the foot of the last page
//! ([`attach`]).

pub mod attach;
mod extract;
mod order;
mod write;

use miette::Diagnostic;
use thiserror::Error;

pub use extract::{SectionError, extract};
pub use order::{CopyOrder, CopySigner, CopyingOrganisation};
pub use write::{Copies, Original, write_copies};

use crate::document::{Block, Document, Metadata, one_line};

/// Why copies could not be made.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum CopyError {
    /// The sections of a trích sao are not in the original.
    #[error("{original}: {reason}")]
    Sections {
        /// The original, as the user named it.
        original: String,
        /// Why, with the sections there are.
        #[source]
        reason: SectionError,
    },
    /// An existing PDF cannot be copied as asked.
    #[error("{original}: {reason}")]
    Pdf {
        /// The file, as the user named it.
        original: String,
        /// Why.
        #[source]
        reason: PdfRefusal,
    },
    /// Drawing or writing failed.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Packet(#[from] crate::packet::PacketError),
}

/// Why an existing PDF cannot be copied as asked.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum PdfRefusal {
    /// A trích sao was asked of it: only a document hoso draws has sections to choose.
    #[error(
        "trích sao chỉ chọn được mục của văn bản do hoso in; một tệp PDF có sẵn được sao y hoặc sao lục toàn văn"
    )]
    Sections,
    /// The file could not be read.
    #[error("{0}")]
    Read(#[source] crate::input::Refused),
    /// The copy block could not be added to it.
    #[error("{0}")]
    Attach(#[source] attach::AttachError),
}

/// The copy numbered `number` of `original` (named `name` in errors), made as `order` says: for a
/// trích sao only the sections it names, with a line in the copy block saying which; the copy
/// block after the last line. The copy's file is the copying organisation's, of the copy's day.
pub fn copy_of(
    original: &Document,
    name: &str,
    order: &CopyOrder,
    number: u32,
) -> Result<Document, CopyError> {
    let (mut body, scope) = if order.sections.is_empty() {
        (original.body.clone(), None)
    } else {
        let (body, sections) =
            extract(&original.body, &order.sections).map_err(|reason| CopyError::Sections {
                original: name.to_string(),
                reason,
            })?;
        (
            body,
            Some(format!("(Trích: mục {})", sections.join(", mục "))),
        )
    };
    body.push(Block::Copy(order.mark(number, scope)));
    Ok(Document {
        meta: copy_metadata(order, number, &original.meta.title),
        frame: original.frame.clone(),
        body,
    })
}

/// The page that carries only the copy block numbered `number`, for an existing PDF whose title
/// is `title`.
pub fn block_page(order: &CopyOrder, number: u32, title: &str) -> Document {
    Document {
        meta: copy_metadata(order, number, title),
        frame: None,
        body: vec![Block::Copy(order.mark(number, None))],
    }
}

/// What the copy's file says about itself: "Bản sao y bản chính số 181 - <title>", by the
/// copying organisation, on the copy's day.
fn copy_metadata(order: &CopyOrder, number: u32, title: &str) -> Metadata {
    Metadata {
        title: format!("{} số {number:02} - {title}", order.kind.name_vi()),
        author: one_line(&order.organisation.name),
        date: order.date,
    }
}

//! The two backends that draw a Document, and the layout they share.

pub mod docx;
pub mod fonts;
pub mod layout;
pub mod pdf;

use std::fmt;

use miette::Diagnostic;
use thiserror::Error;

/// A backend failed to draw a Document; a fault of hoso, not of the data.
#[derive(Debug, Error, Diagnostic)]
pub enum RenderError {
    /// typst refused the document.
    #[error("không tạo được PDF: {0}")]
    Pdf(String),
    /// The DOCX package could not be written.
    #[error("không tạo được DOCX: {0}")]
    Docx(String),
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// PDF, drawn by typst.
    Pdf,
    /// Word's DOCX.
    Docx,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

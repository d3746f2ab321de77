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
#[non_exhaustive]
pub enum RenderError {
    /// typst refused the document: its diagnostics.
    #[error("không tạo được PDF: {0}")]
    Pdf(#[source] pdf::TypstDiagnostics),
    /// The document could not be handed to typst as JSON.
    #[error("không tạo được PDF: {0}")]
    PdfData(#[source] serde_json::Error),
    /// The DOCX package could not be written.
    #[error("không tạo được DOCX: {0}")]
    Docx(#[source] docx::DocxError),
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

//! PDF backend: the Document goes to typst as JSON; a small style library draws it.

mod world;

use chrono::Datelike;
use serde_json::json;
use typst::diag::{SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

pub use world::Engine;

/// A drawn PDF: its bytes and how many pages it has.
#[derive(Debug, Clone, Default)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its pages.
    pub pages: usize,
}

use super::RenderError;
use super::layout::Layout;
use crate::document::Document;

impl Engine {
    /// Draws `document` with `layout`. Safe to call from many threads at once: they share the
    /// fonts, the library and typst's memo cache.
    pub fn pdf(&self, document: &Document, layout: &Layout) -> Result<Pdf, RenderError> {
        let date = document.meta.date.0;
        let data = json!({
            "document": document,
            "layout": layout,
            "italic_slack_pt": layout.italic_slack_pt(),
            "table_after_pt": layout.table_after_pt(),
            "lines": layout
                .text_sizes()
                .into_iter()
                .map(|size| json!({ "size": size, "box": layout.line_box(size) }))
                .collect::<Vec<_>>(),
            "date": { "year": date.year(), "month": date.month(), "day": date.day() },
        });
        let bytes = serde_json::to_vec(&data).map_err(|e| RenderError::Pdf(e.to_string()))?;
        let world = self.world(bytes);
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let paged = output.map_err(describe)?;
        if !warnings.is_empty() {
            return Err(describe(warnings));
        }
        let options = PdfOptions {
            ident: Smart::Custom(format!("hoso/{}/{}", document.meta.title, date)),
            creator: Smart::Custom(Some(
                concat!("hoso ", env!("CARGO_PKG_VERSION")).to_string(),
            )),
            timestamp: None,
            page_ranges: None,
            standards: Default::default(),
            tagged: true,
            pretty: false,
        };
        let bytes = typst_pdf::pdf(&paged, &options).map_err(describe)?;
        self.after_document();
        Ok(Pdf {
            bytes,
            pages: paged.pages().len(),
        })
    }
}

fn describe(diagnostics: EcoVec<SourceDiagnostic>) -> RenderError {
    RenderError::Pdf(
        diagnostics
            .iter()
            .map(|d| d.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

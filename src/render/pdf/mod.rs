//! PDF backend: the Document goes to typst as JSON; a small style library draws it.

mod archive;
mod diagnostics;
mod world;

use chrono::Datelike;
use serde_json::json;
use typst::diag::Warned;
use typst::foundations::{Bytes, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use archive::{Conformance, OUTPUT_CONDITION, PRODUCER, Properties, SRGB_PROFILE, file_id};
pub use diagnostics::{TypstDiagnostic, TypstDiagnostics};
pub use world::{Engine, MAIN, STYLE};

/// A drawn PDF: its bytes and how many pages it has.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its pages.
    pub pages: usize,
}

use super::RenderError;
use super::layout::Layout;
use crate::document::Document;

/// What typst compiles for one document: the document as JSON, which the main file ([`MAIN`])
/// reads from `/document.json`, its layout as JSON, which the style library ([`STYLE`]) reads
/// from `/layout.json`, the PDF's identifier and its kind.
#[derive(Debug, Clone)]
pub struct TypstInput {
    /// The JSON of `/document.json`.
    pub data: Bytes,
    /// The JSON of `/layout.json`: the same bytes for every document of a layout.
    pub layout: Bytes,
    /// The identifier of the PDF: the same document gives the same file.
    pub ident: String,
    /// A plain PDF, or PDF/A-2b.
    pub conformance: Conformance,
}

/// The typst input that draws `document` with `layout`, as a file of `conformance`.
pub fn typst_input(
    document: &Document,
    layout: &Layout,
    conformance: Conformance,
) -> Result<TypstInput, RenderError> {
    let date = document.meta.date.0;
    let data = json!({
        "document": document,
        // Which blocks stay on the page of the next (a signature never stands alone).
        "keep": crate::document::kept_with_next(&document.body),
        "date": { "year": date.year(), "month": date.month(), "day": date.day() },
    });
    Ok(TypstInput {
        data: Bytes::new(serde_json::to_vec(&data).map_err(RenderError::PdfData)?),
        layout: layout_json(layout)?,
        ident: format!("hoso/{}/{}", document.meta.title, date),
        conformance,
    })
}

/// The JSON of `/layout.json`: the layout, and what the style library reads of it already
/// computed (the line box of each text size, the slack of italic lines, the space after a
/// table).
pub fn layout_json(layout: &Layout) -> Result<Bytes, RenderError> {
    let data = json!({
        "layout": layout,
        "italic_slack_pt": layout.italic_slack_pt(),
        "table_after_pt": layout.table_after_pt(),
        "lines": layout
            .text_sizes()
            .into_iter()
            .map(|size| json!({ "size": size, "box": layout.line_box(size) }))
            .collect::<Vec<_>>(),
    });
    Ok(Bytes::new(
        serde_json::to_vec(&data).map_err(RenderError::PdfData)?,
    ))
}

/// Readies typst on a thread of its own while the caller goes on reading and checking its data:
/// the process's engine (fonts, typst's library) and the style library evaluated over
/// `layout`, which typst keeps for the documents that follow. Nothing waits for it: a document
/// drawn before it is done does the same work itself.
pub fn warm_up(layout: &'static Layout) {
    let spawned = std::thread::Builder::new()
        .name("hoso-khoi-dong".into())
        .spawn(move || {
            let empty = Document {
                meta: crate::document::Metadata {
                    title: String::new(),
                    author: String::new(),
                    date: crate::date::Date(chrono::NaiveDate::default()),
                },
                frame: None,
                body: Vec::new(),
            };
            if let Ok(input) = typst_input(&empty, layout, Conformance::Plain) {
                let world = Engine::shared().world(input.data, input.layout);
                drop(typst::compile::<PagedDocument>(&world));
            }
        });
    // Without the thread, the first document does this work: nothing is lost.
    drop(spawned);
}

impl Engine {
    /// Draws `document` with `layout` as a file of `conformance`. Safe to call from many
    /// threads at once: they share the fonts, the library and typst's memo cache.
    pub fn pdf(
        &self,
        document: &Document,
        layout: &Layout,
        conformance: Conformance,
    ) -> Result<Pdf, RenderError> {
        self.compile(&typst_input(document, layout, conformance)?)
    }

    /// Compiles one document's typst input and exports it as PDF: typst's own work, all of it.
    pub fn compile(&self, input: &TypstInput) -> Result<Pdf, RenderError> {
        let world = self.world(input.data.clone(), input.layout.clone());
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let describe =
            |diagnostics: &[_]| RenderError::Pdf(TypstDiagnostics::of(&world, diagnostics));
        let paged = output.map_err(|errors| describe(&errors))?;
        if !warnings.is_empty() {
            return Err(describe(&warnings));
        }
        let standards = match input.conformance {
            Conformance::Plain => PdfStandards::default(),
            Conformance::PdfA2b => PdfStandards::new(&[PdfStandard::A_2b])
                .map_err(|err| RenderError::Pdf(TypstDiagnostics::hinted(&err)))?,
        };
        let options = PdfOptions {
            ident: Smart::Custom(input.ident.clone()),
            creator: Smart::Custom(Some(PRODUCER.to_string())),
            timestamp: None,
            page_ranges: None,
            standards,
            tagged: true,
            pretty: false,
        };
        let bytes = typst_pdf::pdf(&paged, &options).map_err(|errors| describe(&errors))?;
        self.after_document();
        Ok(Pdf {
            bytes,
            pages: paged.pages().len(),
        })
    }
}

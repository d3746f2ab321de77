//! Writes, for every document of a unit's packet, what the peers of hoso need to make the same
//! document, so that `benches/so-sanh.sh` can time them on the very same work:
//!
//! - `typst/NNN/main.typ`, `hoso.typ`, `document.json` and `layout.json`: hoso's main file, its
//!   style library, the document's data and the layout's, which the typst CLI compiles as they
//!   are (`typst compile --root typst/NNN typst/NNN/main.typ …`);
//! - `docx/NNN.docx`: hoso's DOCX, which LibreOffice converts to PDF;
//! - `rusdox/NNN.yaml`: the same content as a rusdox spec (header lines, title, headings,
//!   paragraphs with their bold and italic runs, tables, signatures), for its batch renderer.
//!
//! Run with `cargo run --release --example bench_inputs -- UNIT.yaml OUT_DIR`.

use std::path::{Path, PathBuf};

use hoso::document::{Block, Document, Inline};
use hoso::forms::Catalogue;
use hoso::render::{docx, layout, pdf};
use serde_json::{Value, json};

/// The width of an A4 text block of the Party's margins, in twips, shared by a table's columns.
const TEXT_WIDTH_TWIPS: u32 = 9070;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [unit, out] = args.as_slice() else {
        return Err("cách dùng: bench_inputs <TỆP_DỮ_LIỆU> <THƯ_MỤC>".into());
    };
    let catalogue = Catalogue::builtin()?;
    let dossier = hoso::dossier::load(unit)?;
    let documents = hoso::packet::unit_documents(&catalogue, &dossier)?;
    for (number, unit_document) in documents.iter().enumerate() {
        write_inputs(out, number + 1, &unit_document.document)?;
    }
    println!(
        "Đã ghi đầu vào của {} văn bản vào {}",
        documents.len(),
        out.display()
    );
    Ok(())
}

/// Writes the three inputs of one document.
fn write_inputs(
    out: &Path,
    number: usize,
    document: &Document,
) -> Result<(), Box<dyn std::error::Error>> {
    let typst_dir = out.join(format!("typst/{number:03}"));
    std::fs::create_dir_all(&typst_dir)?;
    std::fs::write(typst_dir.join("main.typ"), pdf::MAIN)?;
    std::fs::write(typst_dir.join("hoso.typ"), pdf::STYLE)?;
    let input = pdf::typst_input(document, &layout::PARTY, pdf::Conformance::Plain)?;
    std::fs::write(typst_dir.join("document.json"), input.data.as_slice())?;
    std::fs::write(typst_dir.join("layout.json"), input.layout.as_slice())?;
    std::fs::create_dir_all(out.join("docx"))?;
    std::fs::write(
        out.join(format!("docx/{number:03}.docx")),
        docx::docx(document, &layout::PARTY)?,
    )?;
    std::fs::create_dir_all(out.join("rusdox"))?;
    // JSON is YAML: rusdox reads it as a spec.
    let spec = serde_json::to_vec_pretty(&rusdox_spec(document, number))?;
    std::fs::write(out.join(format!("rusdox/{number:03}.yaml")), spec)?;
    Ok(())
}

/// A rusdox paragraph of `runs`, aligned.
fn paragraph(alignment: &str, runs: Vec<Value>) -> Value {
    json!({ "type": "paragraph", "spec": { "alignment": alignment, "runs": runs } })
}

/// One run of text.
fn run(text: &str, bold: bool, italic: bool) -> Value {
    json!({ "text": text, "bold": bold, "italic": italic })
}

/// The runs of hoso's inlines; a fill is a dotted line, a line break a space.
fn runs(inlines: &[Inline]) -> Vec<Value> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text { text, bold, italic } => run(text, *bold, *italic),
            Inline::Fill => run("……………………………………", false, false),
            Inline::LineBreak => run(" ", false, false),
        })
        .collect()
}

/// Every text of a value, in order: the lines of a signature corner or a recipients list.
fn texts_of(value: &Value, into: &mut Vec<String>) {
    match value {
        Value::String(text) => into.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| texts_of(item, into)),
        Value::Object(fields) => fields.values().for_each(|field| texts_of(field, into)),
        _ => {}
    }
}

/// The rusdox spec of `document`: the same words in the same order and emphasis.
fn rusdox_spec(document: &Document, number: usize) -> Value {
    let frame = document
        .frame
        .as_ref()
        .expect("a form's document has its frame");
    let mut blocks = Vec::new();
    for line in frame.superior.iter().chain(&frame.issuer) {
        blocks.push(paragraph("left", vec![run(line, true, false)]));
    }
    blocks.push(paragraph("right", vec![run(&frame.party, true, false)]));
    blocks.push(paragraph(
        "right",
        vec![run(&frame.place_date, false, true)],
    ));
    blocks.push(paragraph("center", vec![run(&frame.title, true, false)]));
    for subtitle in &frame.subtitles {
        blocks.push(paragraph(
            "center",
            vec![run(&subtitle.text, true, subtitle.italic)],
        ));
    }
    for block in &document.body {
        match block {
            Block::Heading { inlines, .. } | Block::Paragraph { inlines, .. } => {
                blocks.push(paragraph("justified", runs(inlines)));
            }
            Block::FillLines { count } => {
                for _ in 0..*count {
                    blocks.push(paragraph("left", vec![run(&".".repeat(120), false, false)]));
                }
            }
            Block::Choices { boxes, .. } => {
                let text: Vec<&str> = boxes.iter().map(|b| b.text.as_str()).collect();
                blocks.push(paragraph(
                    "left",
                    vec![run(&text.join("   "), false, false)],
                ));
            }
            Block::Table {
                title,
                columns,
                rows,
            } => {
                for line in title {
                    blocks.push(paragraph("center", vec![run(line, true, false)]));
                }
                let columns: Vec<Value> = columns
                    .iter()
                    .map(|c| {
                        json!({ "label": c.header, "width": TEXT_WIDTH_TWIPS * u32::from(c.share) / 100 })
                    })
                    .collect();
                let rows: Vec<Value> = rows
                    .iter()
                    .map(|row| {
                        let cells: Vec<Value> = row
                            .iter()
                            .map(|cell| json!({ "kind": "text", "text": cell }))
                            .collect();
                        json!({ "cells": cells })
                    })
                    .collect();
                blocks
                    .push(json!({ "type": "table", "spec": { "columns": columns, "rows": rows } }));
            }
            Block::PageBreak => {}
            Block::Signatures { left, right } => {
                let mut lines = Vec::new();
                texts_of(&json!([left, right]), &mut lines);
                for line in lines {
                    blocks.push(paragraph("center", vec![run(&line, true, false)]));
                }
            }
            Block::Copy(mark) => {
                let mut lines = Vec::new();
                texts_of(&json!(mark), &mut lines);
                for line in lines {
                    blocks.push(paragraph("center", vec![run(&line, true, false)]));
                }
            }
        }
    }
    json!({ "version": 1, "output_name": format!("{number:03}"), "blocks": blocks })
}

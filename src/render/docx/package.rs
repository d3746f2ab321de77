//! Finishing the DOCX package: the parts docx-rs cannot set (language, title, author), and the
//! child order the OOXML schema requires, which Word enforces.

use std::collections::HashMap;
use std::io::{Cursor, Write};
use std::sync::{LazyLock, Mutex, PoisonError};

use docx_rs::{Docx, XMLDocx};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::schema_order::reorder;
use crate::document::Metadata;

/// The theme part Word expects in every document; it names Times New Roman as the theme font.
const THEME: &str = include_str!("theme1.xml");
const THEME_PART: &str = "word/theme/theme1.xml";

/// The mark a table's header row carries out of docx-rs, which cannot write `w:tblHeader`: a
/// row height of one twip, which [`finish`] replaces with `w:tblHeader`.
pub const REPEATED_HEADER_MARK: f32 = 1.0;
const MARK_XML: &str = "<w:trHeight w:val=\"1\" w:hRule=\"atLeast\" />";

/// The language of every run, so that Word checks spelling in Vietnamese.
const LANGUAGE: &str = "vi-VN";

/// Why the DOCX package could not be made; each shown as hoso has always said it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocxError {
    /// A part's XML, as docx-rs wrote it, could not be read.
    #[error("{0}")]
    Xml(#[from] quick_xml::Error),
    /// A part's XML could not be written back.
    #[error("{0}")]
    Write(#[from] std::io::Error),
    /// A part is not UTF-8.
    #[error("{0}")]
    Utf8(#[from] std::str::Utf8Error),
    /// The archive could not be written.
    #[error("{0}")]
    Zip(#[from] zip::result::ZipError),
    /// A part's XML closes an element it never opened.
    #[error("thẻ đóng thừa")]
    ExtraEnd,
    /// A part's XML leaves an element open.
    #[error("thiếu thẻ đóng")]
    MissingEnd,
    /// `styles.xml` has no default run properties to set the language in.
    #[error("styles.xml không có rPrDefault")]
    NoDefaultRun,
    /// The document has a part hoso does not package (an image, a task pane, custom XML).
    #[error("văn bản có phần (ảnh, task pane, custom XML) mà hoso không đóng gói")]
    UnpackagedPart,
}

/// Builds the package of `docx` with `meta` as its properties and returns the file's bytes.
pub fn finish(docx: Docx, meta: &Metadata) -> Result<Vec<u8>, DocxError> {
    let mut xml = docx.build();
    xml.doc_props.core = core_properties(meta).into_bytes();
    xml.styles = with_language(&xml.styles)?;
    xml.document = reorder(&repeated_headers(&xml.document)?)?;
    xml.styles = reorder_shared(&xml.styles)?;
    xml.settings = reorder_shared(&xml.settings)?;
    xml.numberings = reorder_shared(&xml.numberings)?;
    for part in xml.headers.iter_mut().chain(xml.footers.iter_mut()) {
        *part = reorder_shared(part)?;
    }
    xml.content_type = insert_before(
        &xml.content_type,
        "</Types>",
        &format!(
            "<Override PartName=\"/{THEME_PART}\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
        ),
    );
    xml.document_rels = insert_before(
        &xml.document_rels,
        "</Relationships>",
        "<Relationship Id=\"rIdTheme1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>",
    );
    Ok(package(parts(xml)?)?)
}

/// How many parts [`reorder_shared`] keeps: each document has a few that are the same in every
/// document (styles, settings, numbering, headers).
const SHARED_KEPT: usize = 32;

/// `xml` in schema order, for a part that is the same in every document: put in order once per
/// process and kept by its bytes (a few kilobytes each), the same bytes as [`reorder`] gives.
fn reorder_shared(xml: &[u8]) -> Result<Vec<u8>, DocxError> {
    static ORDERED: LazyLock<Mutex<HashMap<Vec<u8>, Vec<u8>>>> = LazyLock::new(Default::default);
    let kept = ORDERED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(xml)
        .cloned();
    if let Some(done) = kept {
        return Ok(done);
    }
    let done = reorder(xml)?;
    let mut ordered = ORDERED.lock().unwrap_or_else(PoisonError::into_inner);
    if ordered.len() < SHARED_KEPT {
        ordered.insert(xml.to_vec(), done.clone());
    }
    Ok(done)
}

/// The parts of the package, named, in docx-rs's order, the theme last. hoso draws no image,
/// task pane or custom XML part; a document that had one would be refused rather than written
/// without it.
fn parts(xml: XMLDocx) -> Result<Vec<(String, Vec<u8>)>, DocxError> {
    if !xml.media.is_empty() || xml.taskpanes.is_some() || !xml.custom_items.is_empty() {
        return Err(DocxError::UnpackagedPart);
    }
    let mut parts: Vec<(String, Vec<u8>)> = [
        ("[Content_Types].xml", xml.content_type),
        ("_rels/.rels", xml.rels),
        ("docProps/app.xml", xml.doc_props.app),
        ("docProps/core.xml", xml.doc_props.core),
        ("docProps/custom.xml", xml.doc_props.custom),
        ("word/_rels/document.xml.rels", xml.document_rels),
        ("word/document.xml", xml.document),
        ("word/styles.xml", xml.styles),
        ("word/settings.xml", xml.settings),
        ("word/fontTable.xml", xml.font_table),
        ("word/comments.xml", xml.comments),
        ("word/numbering.xml", xml.numberings),
        ("word/commentsExtended.xml", xml.comments_extended),
        ("word/footnotes.xml", xml.footnotes),
    ]
    .into_iter()
    .map(|(name, bytes)| (name.to_string(), bytes))
    .collect();
    for (kind, bodies, mut rels) in [
        ("header", xml.headers, xml.header_rels.into_iter()),
        ("footer", xml.footers, xml.footer_rels.into_iter()),
    ] {
        for (index, body) in bodies.into_iter().enumerate() {
            let n = index + 1;
            parts.push((format!("word/{kind}{n}.xml"), body));
            if let Some(rel) = rels.next() {
                parts.push((format!("word/_rels/{kind}{n}.xml.rels"), rel));
            }
        }
    }
    parts.push((THEME_PART.to_string(), THEME.as_bytes().to_vec()));
    Ok(parts)
}

/// The archive of `parts`: compressed at deflate's fastest level (a third of the time of its
/// default, for files a fifth larger), every entry dated 1980-01-01 (so the same document gives
/// the same bytes), no folder entries. Written once, from the parts as docx-rs builds them.
fn package(parts: Vec<(String, Vec<u8>)>) -> zip::result::ZipResult<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut archive = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        archive.start_file(name, options)?;
        archive.write_all(&content)?;
    }
    Ok(archive.finish()?.into_inner())
}

/// Turns the header rows' marks into `w:tblHeader`, so Word and LibreOffice repeat them on every
/// page a table spans.
fn repeated_headers(document: &[u8]) -> Result<Vec<u8>, DocxError> {
    let text = std::str::from_utf8(document)?;
    Ok(text.replace(MARK_XML, "<w:tblHeader />").into_bytes())
}

fn insert_before(xml: &[u8], end_tag: &str, addition: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    match text.rfind(end_tag) {
        Some(at) => format!("{}{addition}{}", &text[..at], &text[at..]).into_bytes(),
        None => xml.to_vec(),
    }
}

/// Sets the language in the default run properties of `styles.xml`.
fn with_language(styles: &[u8]) -> Result<Vec<u8>, DocxError> {
    let text = std::str::from_utf8(styles)?;
    let marker = "<w:rPrDefault><w:rPr>";
    if !text.contains(marker) {
        return Err(DocxError::NoDefaultRun);
    }
    let lang = format!(
        "{marker}<w:lang w:val=\"{LANGUAGE}\" w:eastAsia=\"{LANGUAGE}\" w:bidi=\"ar-SA\"/>"
    );
    Ok(text.replacen(marker, &lang, 1).into_bytes())
}

/// `docProps/core.xml` with the document's title, author, language and date.
fn core_properties(meta: &Metadata) -> String {
    let date = format!("{}T00:00:00Z", meta.date);
    let title = escape(&meta.title);
    let author = escape(&meta.author);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{LANGUAGE}</dc:language><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#
    )
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(xml_text(text).as_ref()).into_owned()
}

/// `text` as XML 1.0 can carry it: every character the XML 1.0 `Char` production excludes (C0
/// controls but tab, line feed and carriage return; U+FFFE, U+FFFF) becomes U+FFFD. The data is
/// cleaned while it is read; this is the one guard every string of a DOCX passes on its way out,
/// so that no text, whatever its source, can make a part unreadable.
pub fn xml_text(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    if text.chars().all(allowed) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_xml_cannot_carry_is_replaced() {
        assert_eq!(xml_text("a\u{7}b\u{FFFF}c\td"), "a\u{FFFD}b\u{FFFD}c\td");
        assert!(matches!(
            xml_text("Nguyễn 👍"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

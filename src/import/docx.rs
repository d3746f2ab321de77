//! A Word file (.docx) as the paragraphs a reader sees, in reading order: the body's paragraphs
//! and those of its tables' cells and text boxes, each with its text, whether its style is a
//! heading, and the old encoding its fonts were typed in.

use std::io::Read;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use unicode_normalization::UnicodeNormalization;

use super::ImportError;
use crate::input;
use crate::old_text::{self, Encoding};

/// One paragraph of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its text in Unicode NFC: tabs as `\t`, line breaks as `\n`, checked boxes of content
    /// controls and symbol fonts as ☒ and ☐.
    pub text: String,
    /// Whether its style is one of Word's headings (`Heading 1`…`Heading 9`), as hoso's own
    /// files mark the form's headings.
    pub heading: bool,
    /// The old encoding its runs were typed in, found by their fonts (.VnTime, .VnTimeH,
    /// VNI-Times), when the text was converted from it.
    pub converted_from: Option<Encoding>,
}

/// The paragraphs of the Word file at `path`.
pub fn read_paragraphs(path: &Path) -> Result<Vec<Paragraph>, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = input::read_bytes(path, input::Kind::Review)
        .map_err(|refused| unreadable(refused.reason))?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| unreadable("không phải tệp Word (.docx)".to_string()))?;
    let document = part(
        &mut archive,
        "word/document.xml",
        input::Kind::Review.limit(),
    )
    .map_err(unreadable)?
    .ok_or_else(|| unreadable("tệp Word không có phần nội dung (word/document.xml)".into()))?;
    let styles = part(&mut archive, "word/styles.xml", input::Kind::Review.limit())
        .map_err(unreadable)?
        .unwrap_or_default();
    paragraphs_of(&document, &heading_styles(&styles)).map_err(unreadable)
}

/// The text of the part `name` of a package (a Word file, a workbook), if it has one; a part
/// larger unpacked than `limit` is refused rather than read.
pub(super) fn part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, String> {
    let Ok(file) = archive.by_name(name) else {
        return Ok(None);
    };
    if file.size() > limit {
        return Err(format!(
            "phần {name} của tệp giải nén ra {}, quá {}",
            input::size_vi(file.size()),
            input::size_vi(limit)
        ));
    }
    let mut text = String::new();
    file.take(limit)
        .read_to_string(&mut text)
        .map_err(|err| format!("không giải nén được {name}: {err}"))?;
    Ok(Some(text))
}

/// The ids of the paragraph styles that are headings: named `heading N`, or with an outline
/// level.
fn heading_styles(styles: &str) -> Vec<String> {
    let mut reader = Reader::from_str(styles);
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "style" => current = attribute(&e, "styleId"),
                "name" | "outlineLvl" => {
                    let is_heading = e.local_name().as_ref() == "outlineLvl"
                        || attribute(&e, "val")
                            .is_some_and(|name| name.to_lowercase().starts_with("heading"));
                    if let Some(id) = current.as_ref().filter(|_| is_heading)
                        && !found.contains(id)
                    {
                        found.push(id.clone());
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    found
}

/// The value of the attribute `name` (any prefix) of `element`, unescaped; the reader of a
/// workbook's fonts uses it too.
pub(super) fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The paragraph being read.
#[derive(Default)]
struct Open {
    text: String,
    heading: bool,
    converted_from: Option<Encoding>,
    /// The font of the run being read.
    font: Option<String>,
    /// Whether the run being read is inside `w:t`.
    in_text: bool,
    /// Whether the run is a deleted one (tracked changes), whose text is not the document's.
    deleted: bool,
}

impl Open {
    /// Adds a run's text, converted from the old encoding its font says (unless it was typed
    /// in Unicode, the old font left on it).
    fn push_run_text(&mut self, text: &str) {
        let read = self
            .font
            .as_deref()
            .and_then(old_text::encoding_of_font)
            .and_then(|encoding| old_text::read_in(text, encoding));
        match read {
            Some(read) => {
                self.converted_from = Some(read.encoding);
                self.text.push_str(&read.text);
            }
            None => self.text.push_str(text),
        }
    }
}

/// The paragraphs of `document.xml`, in order; `headings` are the heading styles' ids.
fn paragraphs_of(document: &str, headings: &[String]) -> Result<Vec<Paragraph>, String> {
    let broken = |err: &dyn std::fmt::Display| format!("nội dung tệp Word hỏng: {err}");
    let mut reader = Reader::from_str(document);
    let mut reading = Reading {
        headings,
        ..Reading::default()
    };
    loop {
        match reader.read_event().map_err(|err| broken(&err))? {
            Event::Start(e) => reading.element(&e, false),
            Event::Empty(e) => reading.element(&e, true),
            Event::Text(t) => {
                reading.text(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
            }
            Event::GeneralRef(r) => {
                if let Some(c) = reference(&r.into_inner()) {
                    reading.text(&c.to_string());
                }
            }
            Event::End(e) => reading.end(e.local_name().as_ref()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(reading.paragraphs)
}

/// The state of a read of `document.xml`.
#[derive(Default)]
struct Reading<'a> {
    /// The heading styles' ids.
    headings: &'a [String],
    /// The paragraphs read.
    paragraphs: Vec<Paragraph>,
    /// The paragraphs being read: more than one when a text box holds paragraphs of its own.
    open: Vec<Open>,
    /// How deep the read is in a `mc:Fallback`, which repeats what its `mc:Choice` holds.
    fallback: usize,
}

impl Reading<'_> {
    /// An element starts (`empty`: and ends).
    fn element(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        match name.as_ref() {
            "Fallback" if !empty => self.fallback += 1,
            _ if self.fallback > 0 => return,
            "p" if !empty => self.open.push(Open::default()),
            _ => {}
        }
        let Some(p) = self.open.last_mut() else {
            return;
        };
        match name.as_ref() {
            "pStyle" => {
                if let Some(style) = attribute(e, "val") {
                    p.heading |= self.headings.contains(&style)
                        || style.to_lowercase().starts_with("heading");
                }
            }
            "outlineLvl" => p.heading |= attribute(e, "val").is_none_or(|v| v != "9"),
            "r" if !empty => p.font = None,
            "rFonts" => p.font = attribute(e, "ascii").or_else(|| attribute(e, "hAnsi")),
            "t" if !empty => p.in_text = true,
            "del" if !empty => p.deleted = true,
            "tab" if empty && !p.deleted => p.text.push('\t'),
            "br" | "cr" if empty && !p.deleted => p.text.push('\n'),
            "sym" if !p.deleted => {
                if let Some(glyph) = attribute(e, "char").and_then(|code| symbol(&code)) {
                    p.text.push(glyph);
                }
            }
            _ => {}
        }
    }

    /// Text inside an element.
    fn text(&mut self, text: &str) {
        if let Some(p) = self.open.last_mut().filter(|p| p.in_text && !p.deleted)
            && self.fallback == 0
        {
            p.push_run_text(text);
        }
    }

    /// An element ends.
    fn end(&mut self, name: &str) {
        match name {
            "Fallback" => self.fallback = self.fallback.saturating_sub(1),
            _ if self.fallback > 0 => {}
            "t" => {
                if let Some(p) = self.open.last_mut() {
                    p.in_text = false;
                }
            }
            "del" => {
                if let Some(p) = self.open.last_mut() {
                    p.deleted = false;
                }
            }
            "p" => {
                if let Some(p) = self.open.pop() {
                    self.paragraphs.push(Paragraph {
                        text: p.text.nfc().collect(),
                        heading: p.heading,
                        converted_from: p.converted_from,
                    });
                }
            }
            _ => {}
        }
    }
}

/// The character an XML reference stands for (`amp`, `#x2610;`).
fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = name.strip_prefix('#')?;
            let value = match code.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}

/// The box a symbol-font character draws (`w:sym w:char="F0FE"` in Wingdings), as a Unicode
/// box: ticked or empty.
fn symbol(code: &str) -> Option<char> {
    let value = u32::from_str_radix(code, 16).ok()?;
    match value & 0xFF {
        0xFE | 0xFD | 0x78 | 0xFC | 0xFB | 0x6E => Some('☒'),
        0xA8 | 0x6F | 0x71 | 0xA1 => Some('☐'),
        _ => None,
    }
}

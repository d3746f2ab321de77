//! The Document: one printable document, format-neutral, read by both backends.
//!
//! A Document is a [`Frame`] (the thể thức every Party document shares) and a body of [`Block`]s.
//! A page that only adds a copy block to another file's pages has no Frame.
//! Every string in it is final display text: backends draw it, they never reformat or interpret it.

mod copy;
mod keep;
mod markdown;
mod signature;

use serde::Serialize;

pub use copy::{CopyKind, CopyMark};
pub use keep::kept_with_next;
pub use markdown::{Directives, MarkupError, blocks_from_markdown, escape_markdown};
pub use signature::{Authority, Corner, Recipients, Signature};

use crate::date::Date;

/// One document ready to be drawn.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Title, author, date and language of the file.
    pub meta: Metadata,
    /// The header block and title; none on a page that only adds a copy block to another
    /// file's pages.
    pub frame: Option<Frame>,
    /// The body, in reading order.
    pub body: Vec<Block>,
}

/// What a PDF or DOCX file says about itself; the date makes output reproducible.
#[derive(Debug, Clone, Serialize)]
pub struct Metadata {
    /// Document title, e.g. "Bản kiểm điểm cá nhân năm 2024 - Nguyễn Văn An".
    pub title: String,
    /// Who wrote it: the person for a personal form, the organisation otherwise.
    pub author: String,
    /// The date of the document; also the file's creation date.
    pub date: Date,
}

/// The thể thức of a Party document: header block, form code and title.
#[derive(Debug, Clone, Serialize)]
pub struct Frame {
    /// The printed form code, e.g. "Mẫu 02B-HD KĐ.ĐG 2023", shown in the top corner.
    pub form_code: Option<String>,
    /// The directly superior organisation, in capitals, line by line.
    pub superior: Vec<String>,
    /// The issuing organisation, in capitals, line by line (printed bold, with the star below).
    pub issuer: Vec<String>,
    /// Số and ký hiệu under the star, e.g. "Số 15-BC/CB", for documents that carry one.
    pub number: Option<String>,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".
    pub party: String,
    /// The place and date line, e.g. "Hải Dương, ngày 05 tháng 12 năm 2024".
    pub place_date: String,
    /// The document type and title, in capitals.
    pub title: String,
    /// Lines under the title ("Năm 2024", "(Cá nhân giữ chức vụ lãnh đạo, quản lý)").
    pub subtitles: Vec<Subtitle>,
}

/// A line under the title.
#[derive(Debug, Clone, Serialize)]
pub struct Subtitle {
    /// The line's text.
    pub text: String,
    /// Printed in italics (a parenthesised note) rather than bold.
    pub italic: bool,
}

impl Subtitle {
    /// A line under the title; a parenthesised note is italic, anything else bold.
    pub fn new(text: String) -> Subtitle {
        let italic = text.starts_with('(');
        Subtitle { text, italic }
    }
}

/// The lines of a text that may be broken over several lines (an organisation's name in the
/// header): each line trimmed, blank lines dropped.
pub fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// A text printed on one line: its lines joined by single spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name every Party document carries in its top-right corner.
pub const PARTY_NAME: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

/// A piece of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A part or item heading; level 2 for "I. …", level 3 for "1. …".
    Heading {
        /// 2 for a part, 3 for an item within it.
        level: u8,
        /// The heading's text.
        inlines: Vec<Inline>,
    },
    /// A body paragraph: justified, first line indented.
    Paragraph {
        /// The paragraph's text.
        inlines: Vec<Inline>,
        /// Kept on the same page as the block after it (a line that leads into a signature).
        keep_with_next: bool,
    },
    /// Dotted lines to write on by hand, printed where a text field is empty.
    FillLines {
        /// How many lines.
        count: u8,
    },
    /// Tick boxes in equal columns, as a form prints a choice ("□ Xuất sắc  ■ Tốt  …"): the one
    /// the data gives is marked, all are empty when it gives none, to be ticked by hand.
    Choices {
        /// The boxes, row by row.
        boxes: Vec<Choice>,
        /// How many boxes a row holds.
        columns: u8,
    },
    /// A table with a title above it, ruled, its header row repeated on every page it spans.
    Table {
        /// Bold lines centred above the table.
        title: Vec<String>,
        /// The columns: their headers and relative widths.
        columns: Vec<Column>,
        /// The rows of cells, as many cells as columns each.
        rows: Vec<Vec<String>>,
    },
    /// The rest of the page is left blank; what follows starts a new page.
    PageBreak,
    /// A row of up to two signature blocks, or the nơi nhận and a signature.
    Signatures {
        /// The block on the left, if any.
        left: Option<Corner>,
        /// The block on the right, if any.
        right: Option<Corner>,
    },
    /// The thể thức of a copy, under a full-width rule, kept whole: on the same page when it
    /// fits, else at the top of the next.
    Copy(CopyMark),
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// The header, printed bold in the first row.
    pub header: String,
    /// Its width, relative to the other columns'.
    pub share: u8,
}

impl Column {
    /// A column headed `header`, `share` parts of the table's width.
    pub fn new(header: &str, share: u8) -> Column {
        Column {
            header: header.to_string(),
            share,
        }
    }
}

/// The rows of a table whose first column numbers them (STT): the number, then `cells` of each
/// item.
pub fn numbered_rows<T>(items: &[T], cells: impl Fn(&T) -> Vec<String>) -> Vec<Vec<String>> {
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let mut row = vec![(index + 1).to_string()];
            row.extend(cells(item));
            row
        })
        .collect()
}

/// One tick box and its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    /// What the box stands for, e.g. "Hoàn thành tốt nhiệm vụ".
    pub label: String,
    /// Whether the box is marked.
    pub checked: bool,
    /// The box and its label as printed: "■ Hoàn thành tốt nhiệm vụ".
    pub text: String,
}

/// An empty box, in a glyph every font of the documents carries (Times New Roman and Liberation
/// Serif both have the geometric squares; neither has U+2610/U+2612).
pub const BOX_EMPTY: char = '□';
/// A marked box.
pub const BOX_MARKED: char = '■';

impl Choice {
    /// A box for `label`, marked when `checked`.
    pub fn new(label: &str, checked: bool) -> Choice {
        let mark = if checked { BOX_MARKED } else { BOX_EMPTY };
        Choice {
            label: label.to_string(),
            checked,
            text: format!("{mark} {label}"),
        }
    }
}

/// A run within a paragraph or heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    /// Literal text with its emphasis.
    Text {
        /// The text, printed as it is.
        text: String,
        /// Bold.
        bold: bool,
        /// Italic.
        italic: bool,
    },
    /// A dotted leader filling the rest of the line (shared equally when a line has several).
    Fill,
    /// A line break within the paragraph.
    LineBreak,
}

/// "BẢN KIỂM ĐIỂM CÁ NHÂN" → "Bản kiểm điểm cá nhân".
pub fn sentence_case(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

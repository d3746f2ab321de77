//! A spreadsheet as a grid of cells: the first sheet with data of an .xlsx, .xls or .ods file
//! (calamine) with the fonts of its cells where they name an old encoding, or a CSV file in
//! UTF-8, UTF-8 with a byte-order mark or Windows-1258.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};
use unicode_normalization::UnicodeNormalization;

use super::ImportError;
use super::fonts::{self, CellFont};
use crate::date::Date;
use crate::input;

/// One cell as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, NFC, trimmed.
    Text(String),
    /// A number (a date typed into a cell not formatted as one is its serial number).
    Number(f64),
    /// A cell formatted as a date.
    Date(Date),
}

impl Cell {
    /// Whether the cell holds nothing but spaces.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as a message quotes it.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(number) => number.to_string(),
            Cell::Date(date) => date.short_vi(),
        }
    }
}

/// How a CSV file's text was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (with or without a byte-order mark).
    Utf8,
    /// Windows-1258, the Vietnamese code page of old Windows programs.
    Windows1258,
}

/// The cells of one sheet, row by row.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The sheet's name (the file's, for a CSV).
    pub sheet: String,
    /// The rows, from the sheet's first; row `i` is the sheet's row `i + 1`.
    pub rows: Vec<Vec<Cell>>,
    /// For a CSV file, how its text was written.
    pub encoding: Option<TextEncoding>,
    /// The cells whose font names an old encoding, by (row, column) from 0 (.xlsx and .ods).
    pub fonts: BTreeMap<(usize, usize), CellFont>,
}

/// The grid of the spreadsheet or CSV file at `path`.
pub fn read_grid(path: &Path) -> Result<Grid, ImportError> {
    let bytes =
        input::read_bytes(path, input::Kind::Sheet).map_err(|refused| ImportError::Unreadable {
            path: path.display().to_string(),
            reason: refused.reason,
        })?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if extension == "csv" || extension == "txt" {
        let name = path
            .file_stem()
            .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
        return csv_grid(&bytes, name).map_err(|reason| ImportError::Unreadable {
            path: path.display().to_string(),
            reason,
        });
    }
    workbook_grid(&bytes).map_err(|reason| ImportError::Unreadable {
        path: path.display().to_string(),
        reason,
    })
}

/// The first sheet with data of a workbook's bytes.
fn workbook_grid(bytes: &[u8]) -> Result<Grid, String> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        "không phải bảng tính đọc được (.xlsx, .xls, .ods) hoặc tệp .csv".to_string()
    })?;
    for name in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        if range.is_empty() {
            continue;
        }
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); first_row as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; first_column as usize];
            cells.extend(row.iter().map(cell_of));
            rows.push(cells);
        }
        return Ok(Grid {
            fonts: fonts::legacy_fonts(bytes, &name),
            sheet: name,
            rows,
            encoding: None,
        });
    }
    Err("bảng tính không có trang nào có dữ liệu".to_string())
}

/// A workbook's cell as hoso reads it.
fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text_cell(text),
        Data::Int(number) => Cell::Number(*number as f64),
        Data::Float(number) => Cell::Number(*number),
        Data::Bool(flag) => Cell::Text(flag.to_string()),
        Data::DateTime(moment) => moment
            .as_datetime()
            .and_then(|moment| {
                use chrono::Datelike;
                Date::from_ymd(moment.year(), moment.month(), moment.day())
            })
            .map_or(Cell::Number(moment.as_f64()), Cell::Date),
    }
}

/// Text as a cell holds it: NFC, trimmed, empty when blank.
fn text_cell(text: &str) -> Cell {
    let text: String = text.trim().nfc().collect();
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text)
    }
}

/// The text of a CSV file's bytes and how it was written: UTF-8 when the bytes are (a
/// byte-order mark dropped), Windows-1258 otherwise.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
            (text.nfc().collect(), TextEncoding::Windows1258)
        }
    }
}

/// The grid of a CSV file's bytes; the separator is the one of `,`, `;` and tab that the
/// first lines use most.
fn csv_grid(bytes: &[u8], sheet: String) -> Result<Grid, String> {
    let (text, encoding) = decode(bytes);
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let separator = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|separator| head.bytes().filter(|b| b == separator).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| format!("tệp CSV sai ở dòng {}", line_of(&err)))?;
        rows.push(
            record
                .iter()
                .map(
                    |field| match field.trim().replace(',', ".").parse::<f64>() {
                        Ok(number) if !field.contains(['/', '-']) && looks_numeric(field) => {
                            Cell::Number(number)
                        }
                        _ => text_cell(field),
                    },
                )
                .collect(),
        );
    }
    Ok(Grid {
        sheet,
        rows,
        encoding: Some(encoding),
        fonts: BTreeMap::new(),
    })
}

/// Whether a CSV field is a plain number (digits, one decimal mark), as a sheet's number cell.
fn looks_numeric(field: &str) -> bool {
    let field = field.trim();
    !field.is_empty()
        && !field.starts_with('0')
        && field
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// The line a CSV error is at, from 1.
fn line_of(err: &csv::Error) -> u64 {
    err.position().map_or(0, csv::Position::line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_read_in_utf8_with_or_without_a_mark_and_in_windows_1258() {
        let text = "Họ và tên;Ngày sinh\nNguyễn Văn An;05/02/1975\n";
        let (read, encoding) = decode(text.as_bytes());
        assert_eq!((read.as_str(), encoding), (text, TextEncoding::Utf8));
        let marked = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&marked).0, text);
        // Windows-1258 writes a letter with its tone mark apart: "ễ" is "ê" and U+0303.
        let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        let split: String = text
            .chars()
            .flat_map(|c| {
                let parts: String = c.to_string().nfd().collect();
                let tone: Option<char> = parts.chars().find(|p| tones.contains(p));
                let base: String = parts.chars().filter(|p| !tones.contains(p)).nfc().collect();
                base.chars().chain(tone).collect::<Vec<_>>()
            })
            .collect();
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err());
        let (read, encoding) = decode(&bytes);
        assert_eq!((read.as_str(), encoding), (text, TextEncoding::Windows1258));
    }

    #[test]
    fn the_separator_is_found_and_numbers_kept_apart_from_codes() {
        let grid = csv_grid("STT;Họ tên;Số thẻ\n1;An;012345\n".as_bytes(), "x".into()).unwrap();
        assert_eq!(grid.rows[1][0], Cell::Number(1.0));
        assert_eq!(grid.rows[1][2], Cell::Text("012345".into()));
        assert_eq!(grid.rows[0][1], Cell::Text("Họ tên".into()));
    }
}

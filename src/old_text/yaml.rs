//! A YAML data file's values typed in an old encoding, found and rewritten in Unicode where
//! they stand: only those values change, so comments, order, quoting and block scalars stay as
//! written, and the result is read back before anyone writes it.

use std::path::Path;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

use super::{Detected, detect, to_unicode};
use crate::dossier::PathStack;
use crate::input::{self, Kind};

/// One value of the file in an old encoding.
pub struct Found {
    /// The field path, as `hoso check` names it.
    pub path: String,
    /// The line of the value, from 1.
    pub line: usize,
    /// The value's characters in the file, from and to (character offsets).
    span: (usize, usize),
    /// Whether the value is written in double quotes, where escapes may hide a character.
    double_quoted: bool,
    /// The value as read.
    pub value: String,
    /// Its encoding and what it reads in Unicode.
    pub detected: Detected,
}

/// Why a file's values could not be converted, in Vietnamese; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
#[non_exhaustive]
pub struct ConvertError(pub String);

/// Finds the values of the data file `path` typed in an old encoding and, unless `dry_run`,
/// rewrites them in Unicode: the file is replaced whole, after the new text was read back and
/// every value found in it converted, or left as it was.
pub fn convert_file(path: &Path, dry_run: bool) -> Result<Vec<Found>, ConvertError> {
    let file = path.display().to_string();
    let text = input::read_text(path, Kind::Unit)
        .map_err(|err| ConvertError(format!("không đọc được tệp dữ liệu {file}: {err}")))?;
    let (converted, found) = convert_text(&text, &file)?;
    if found.is_empty() || dry_run {
        return Ok(found);
    }
    write_atomically(path, &converted).map_err(|err| {
        ConvertError(format!(
            "không ghi được {file}: {}; tệp giữ nguyên",
            crate::os_error::vietnamese(&err)
        ))
    })?;
    Ok(found)
}

/// `text`, the data file named `file`, with its values typed in an old encoding rewritten in
/// Unicode, and those values; the rewritten text is read back and must give the same values,
/// converted.
pub fn convert_text(text: &str, file: &str) -> Result<(String, Vec<Found>), ConvertError> {
    let found = scan(text).map_err(|reason| {
        ConvertError(format!(
            "tệp dữ liệu {file} không phải YAML đọc được: {reason}"
        ))
    })?;
    if found.is_empty() {
        return Ok((text.to_string(), found));
    }
    let converted = rewrite(text, &found);
    // The rewritten file must read as the same values, converted: else nothing is written.
    let check = scan_values(&converted).map_err(|reason| {
        ConvertError(format!(
            "không chuyển được {file}: bản chuyển không đọc được ({reason}); tệp giữ nguyên"
        ))
    })?;
    for item in &found {
        if check
            .iter()
            .find(|(path, _)| *path == item.path)
            .map(|(_, v)| v)
            != Some(&item.detected.text)
        {
            return Err(ConvertError(format!(
                "không chuyển được {file}: trường {} không đọc lại đúng sau khi chuyển; tệp giữ nguyên",
                item.path
            )));
        }
    }
    Ok((converted, found))
}

/// A scalar value of a YAML text.
struct Scalar {
    /// Its field path.
    path: String,
    /// Its line, from 1.
    line: usize,
    /// Its characters in the text, from and to (character offsets).
    span: (usize, usize),
    /// How it is written.
    style: ScalarStyle,
    /// Its value.
    value: String,
}

/// Every scalar value of `text` (not the keys) with its field path, its line, its span and its
/// style.
fn events(text: &str) -> Result<Vec<Scalar>, String> {
    let mut values = Vec::new();
    let mut paths = PathStack::default();
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|err| err.to_string())?;
        match event {
            Event::Scalar(value, style, ..) => {
                if let Some(path) = paths.scalar(&value) {
                    values.push(Scalar {
                        path,
                        line: span.start.line(),
                        span: (span.start.index(), span.end.index()),
                        style,
                        value: value.into_owned(),
                    });
                }
            }
            Event::MappingStart(..) => {
                paths.open(true);
            }
            Event::SequenceStart(..) => {
                paths.open(false);
            }
            Event::MappingEnd | Event::SequenceEnd => paths.close(),
            Event::Alias(_) => paths.alias(),
            _ => {}
        }
    }
    Ok(values)
}

/// Each value of `text` by path.
fn scan_values(text: &str) -> Result<Vec<(String, String)>, String> {
    Ok(events(text)?
        .into_iter()
        .map(|scalar| (scalar.path, scalar.value))
        .collect())
}

/// The values of `text` in an old encoding.
pub fn scan(text: &str) -> Result<Vec<Found>, String> {
    Ok(events(text)?
        .into_iter()
        .filter_map(|scalar| {
            let detected = detect(&scalar.value)?;
            Some(Found {
                path: scalar.path,
                line: scalar.line,
                span: scalar.span,
                double_quoted: scalar.style == ScalarStyle::DoubleQuoted,
                value: scalar.value,
                detected,
            })
        })
        .collect())
}

/// `text` with each found value converted where it stands: its characters in the file run
/// through the same conversion, so quotes, indentation and the block's lines stay. A value in
/// double quotes with an escape is written again in double quotes.
fn rewrite(text: &str, found: &[Found]) -> String {
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for item in found {
        let (start, end) = (offsets[item.span.0], offsets[item.span.1]);
        out.push_str(&text[done..start]);
        let written = &text[start..end];
        if item.double_quoted && written.contains('\\') {
            out.push_str(&double_quoted(&item.detected.text));
        } else {
            out.push_str(&to_unicode(written, item.detected.encoding));
        }
        done = end;
    }
    out.push_str(&text[done..]);
    out
}

/// `value` as a YAML double-quoted scalar.
fn double_quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `text` to `path` through a new file in the same folder, renamed over it: the file is
/// either the old one or the new one, never half written. The new file keeps the old one's
/// permissions.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut staged = tempfile::Builder::new()
        .prefix(".hoso-chuyen-ma-")
        .tempfile_in(dir)?;
    staged.write_all(text.as_bytes())?;
    staged.as_file().sync_all()?;
    let permissions = std::fs::metadata(path)?.permissions();
    staged.as_file().set_permissions(permissions)?;
    staged.persist(path).map_err(|err| err.error)?;
    Ok(())
}

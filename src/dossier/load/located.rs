//! Positions in the text being loaded turned into errors: the file, line, column and field,
//! with the lines around them for miette.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use serde_saphyr::{DefaultMessageFormatter, Location, MessageFormatter};

use super::messages::{expected_vi, scalar_vi, syntax_vi};
use super::{DataError, LoadError};
use crate::dossier::compose::{self, Part};
use crate::dossier::{Position, SourceMap};

/// A field path as the user wrote the data: the inner `value` of a located field dropped, and a
/// key the path could not name (`?`, as for a repeated key or a syntax error) taken from the key
/// on the offending line.
pub(super) fn full_path(path: &str, key_on_line: Option<&str>) -> String {
    let mut parts: Vec<&str> = path.split('.').filter(|part| *part != "value").collect();
    if parts.last() == Some(&"?") {
        parts.pop();
        parts.extend(key_on_line);
    }
    parts.retain(|part| *part != "?");
    parts.join(".")
}

/// The key written on line `line` (1-based) of `text`, as in `    ho_ten: …` or `  - id: …`.
pub(super) fn key_on_line(text: &str, line: usize) -> Option<&str> {
    let content = text.lines().nth(line.checked_sub(1)?)?.trim_start();
    let content = content.strip_prefix("- ").unwrap_or(content).trim_start();
    let (key, _) = content.split_once(':')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    is_key.then_some(key)
}

/// serde-saphyr's location as a position, line and column from 1.
pub(super) fn position_of(location: Location) -> Position {
    let from_one = |n: u64| usize::try_from(n).unwrap_or(1).max(1);
    Position {
        line: from_one(location.line()),
        column: from_one(location.column()),
    }
}

/// The text being loaded, for turning positions into errors: the whole, and the unit file and
/// members' files it was made of.
pub(super) struct Located<'a> {
    /// The whole text, as parsed.
    pub(super) text: &'a str,
    /// The unit file's name.
    pub(super) name: &'a str,
    /// The unit file's own text.
    pub(super) unit: &'a str,
    /// The members' files put into the whole.
    pub(super) parts: &'a [Part],
}

impl<'a> Located<'a> {
    /// A text read from one file alone.
    pub(super) fn whole(text: &'a str, name: &'a str) -> Located<'a> {
        Located {
            text,
            name,
            unit: text,
            parts: &[],
        }
    }

    /// An error at the value of `path` (or of its nearest ancestor in the file).
    pub(super) fn at_path(&self, path: &str, message: String) -> LoadError {
        let position = SourceMap::of(self.text)
            .find(path)
            .unwrap_or(Position { line: 1, column: 1 });
        self.at(position, Some(path.to_string()), message)
    }

    pub(super) fn yaml_error(
        &self,
        err: &serde_saphyr::Error,
        path: Option<String>,
        required: &str,
    ) -> LoadError {
        use serde_saphyr::Error as E;
        let location = err.location().unwrap_or(Location::UNKNOWN);
        let names = |list: &[&str]| list.join(", ");
        let line = usize::try_from(location.line()).unwrap_or(0);
        let path = path
            .filter(|p| p != ".")
            .map(|p| full_path(&p, key_on_line(self.text, line)));
        let (message, field) = match err {
            E::SerdeMissingField { field, .. } => (
                format!("thiếu trường bắt buộc «{field}»"),
                Some(path.map_or(field.to_string(), |p| format!("{p}.{field}"))),
            ),
            E::SerdeUnknownField {
                field, expected, ..
            } => (
                format!(
                    "trường «{field}» không có trong mẫu dữ liệu; các trường hợp lệ: {}",
                    names(expected)
                ),
                path,
            ),
            E::SerdeUnknownVariant {
                variant, expected, ..
            } => (
                format!(
                    "giá trị «{variant}» không hợp lệ; chỉ nhận: {}",
                    names(expected)
                ),
                path,
            ),
            E::SerdeInvalidType {
                unexpected,
                expected,
                ..
            }
            | E::SerdeInvalidValue {
                unexpected,
                expected,
                ..
            } => (
                format!("giá trị không đúng dạng: gặp {unexpected}, cần {expected}"),
                path,
            ),
            E::Unexpected { expected, .. } => (
                format!("giá trị không đúng dạng: cần {}", expected_vi(expected)),
                path,
            ),
            E::DuplicateMappingKey { key, .. } => (
                format!(
                    "khóa «{}» bị ghi hai lần: mỗi khóa chỉ được ghi một lần",
                    key.as_deref().unwrap_or_default()
                ),
                path,
            ),
            E::NullIntoString { .. } => (
                "thiếu giá trị: ghi nội dung sau dấu «:», hoặc bỏ hẳn dòng này nếu trường không bắt buộc"
                    .to_string(),
                path,
            ),
            E::InvalidBooleanStrict { .. } => (
                "cần true (có) hoặc false (không)".to_string(),
                path,
            ),
            E::InvalidScalar { ty, .. } if *ty == "boolean" => (
                "cần true (có) hoặc false (không)".to_string(),
                path,
            ),
            E::InvalidScalar { ty, .. } => (
                format!("giá trị không đúng dạng: cần {}", scalar_vi(ty)),
                path,
            ),
            E::Eof { .. } => (
                format!(
                    "tệp dữ liệu hết trước khi đủ các phần bắt buộc ({required}); tệp trống hoặc bị cắt ngắn?"
                ),
                path,
            ),
            E::ExternallyTaggedEnumExpectedScalarOrMapping { .. } => (
                "giá trị không đúng dạng: cần một giá trị đơn, ví dụ hoan_thanh_tot".to_string(),
                path,
            ),
            E::Message { msg, .. } => (msg.clone(), path),
            E::ExternalMessage { msg, .. } => {
                (format!("YAML sai cú pháp: {}", syntax_vi(msg)), path)
            }
            other => (
                format!(
                    "dữ liệu không đúng cấu trúc: {}",
                    DefaultMessageFormatter.format_message(other)
                ),
                path,
            ),
        };
        self.at(position_of(location), field, message)
    }

    /// An error at `position` of the whole, told in the file it stands in.
    pub(super) fn at(
        &self,
        position: Position,
        field: Option<String>,
        message: String,
    ) -> LoadError {
        let (part, Position { line, column }) = compose::locate(self.parts, position);
        let (name, text) = match part {
            Some(part) => (part.name.as_str(), part.text.as_str()),
            None => (self.name, self.unit),
        };
        let offset = byte_offset(text, line, column);
        let length = text[offset..]
            .find(['\n', '#'])
            .unwrap_or(text.len() - offset)
            .max(1)
            .min(text.len().saturating_sub(offset));
        LoadError::Data(Box::new(DataError {
            path: name.to_string(),
            line,
            column,
            field_note: field
                .as_ref()
                .map(|f| format!("trường {f}: "))
                .unwrap_or_default(),
            field,
            message,
            source_text: DataSource {
                name: name.to_string(),
                text: text.to_string(),
            },
            span: (offset, length).into(),
        }))
    }
}

/// The data file's text as miette shows it under a message, with columns counted in characters
/// (miette counts bytes, which differ from characters on every Vietnamese line).
#[derive(Debug)]
pub(super) struct DataSource {
    pub(super) name: String,
    pub(super) text: String,
}

impl SourceCode for DataSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let start = inner.span().offset();
        let line_start = self.text[..start].rfind('\n').map_or(0, |at| at + 1);
        let column = if inner.column() == 0 {
            0
        } else {
            self.text[line_start..start].chars().count()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

/// The byte offset of a 1-based line and character column, clamped to the text.
pub(super) fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let rest = &text[line_start..];
    let within = rest
        .char_indices()
        .nth(column - 1)
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    line_start + within
}

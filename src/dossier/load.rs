//! Reading a Dossier from YAML, with errors that name the file, line, column and field.

use std::path::Path;

use miette::{Diagnostic, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use serde_saphyr::{DefaultMessageFormatter, Location, MessageFormatter, Options};
use thiserror::Error;

use super::compose::{self, Part, compose};
use super::text::nfc;
use super::{Dossier, Position, Score, SourceMap};
use crate::date::Date;
use crate::input::{self, Kind, Refused};
use crate::regime::Regime;

/// Why a data file could not be turned into a Dossier.
#[derive(Debug, Error, Diagnostic)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("không đọc được tệp dữ liệu {path}: {reason}")]
    Read {
        /// The file as the user named it.
        path: String,
        /// What the operating system said.
        reason: String,
    },
    /// The file was read, but its content is wrong at a known place.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Data(Box<DataError>),
    /// The previous review named by `--previous` cannot be this unit's.
    #[error("tệp kỳ trước {path}: {reason}")]
    Previous {
        /// The file as the user named it.
        path: String,
        /// Why, in Vietnamese.
        reason: String,
    },
}

/// A wrong value at a known place of a data file.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}:{line}:{column}: {field_note}{message}")]
pub struct DataError {
    /// The file as the user named it.
    pub path: String,
    /// 1-based line of the offending value.
    pub line: usize,
    /// 1-based column of the offending value.
    pub column: usize,
    /// The field path such as `dang_vien[3].ngay_sinh`, when known.
    pub field: Option<String>,
    /// "trường X: " when the field is known, else empty.
    field_note: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// The file's text, for the snippet under the message.
    #[source_code]
    source_text: DataSource,
    /// Where in the text.
    #[label("tại đây")]
    span: SourceSpan,
}

/// Reads and checks the Dossier in `path`, with the previous review its `ky_truoc` names.
pub fn load(path: &Path) -> Result<Dossier, LoadError> {
    load_linked(path, None)
}

/// Reads and checks the Dossier in `path`, with the reviews of the year before: `previous`
/// when given, else what its `ky_truoc` names, relative to `path`'s folder; either a file, or a
/// folder whose `*.yaml` files are all read. Their own links are not followed.
pub fn load_linked(path: &Path, previous: Option<&Path>) -> Result<Dossier, LoadError> {
    let text = read(path)?;
    let dossier = parse(&text, &path.display().to_string())?;
    linked(dossier, &text, path, previous)
}

/// `dossier`, read from `text`, the file at `path`, with the reviews of the year before:
/// `previous` when given, else what its `ky_truoc` names, as [`load_linked`] reads them.
pub fn linked(
    mut dossier: Dossier,
    text: &str,
    path: &Path,
    previous: Option<&Path>,
) -> Result<Dossier, LoadError> {
    let name = path.display().to_string();
    let earlier = match (previous, &dossier.previous_file) {
        (Some(file), _) => {
            Some(
                super::link::link(&dossier, file).map_err(|reason| LoadError::Previous {
                    path: file.display().to_string(),
                    reason,
                })?,
            )
        }
        (None, Some(named)) => {
            let file = path
                .parent()
                .unwrap_or(Path::new(""))
                .join(named.value.trim());
            let earlier = super::link::link(&dossier, &file).map_err(|reason| {
                let text = nfc(text);
                Located::whole(&text, &name).at(
                    position_of(named.referenced),
                    Some("ky_truoc".to_string()),
                    format!("tệp kỳ trước {}: {reason}", file.display()),
                )
            })?;
            Some(earlier)
        }
        (None, None) => None,
    };
    dossier.previous = earlier;
    Ok(dossier)
}

/// The text of the data file at `path`.
pub fn read(path: &Path) -> Result<String, LoadError> {
    read_as(path, Kind::Unit)
}

/// The text of the file at `path`, read as a file of `kind` is (see [`crate::input`]).
pub fn read_as(path: &Path, kind: Kind) -> Result<String, LoadError> {
    input::read_text(path, kind).map_err(|refused| LoadError::Read {
        path: path.display().to_string(),
        reason: refused.reason,
    })
}

/// Parses YAML text into a checked Dossier; `name` is what errors call the file, and the folder
/// its members' files (`- tep: members/<id>.yaml`) are read from.
///
/// The text is normalised to NFC first, so every string of the Dossier is NFC; line numbers are unchanged.
pub fn parse(text: &str, name: &str) -> Result<Dossier, LoadError> {
    parse_with(text, name, &|path| input::read_text(path, Kind::Member))
}

/// [`parse`], reading the members' files with `read`: a page's unsaved edits are checked with
/// the files as they would be written.
pub fn parse_with(
    text: &str,
    name: &str,
    read: &dyn Fn(&Path) -> Result<String, Refused>,
) -> Result<Dossier, LoadError> {
    let unit = nfc(text);
    let dir = Path::new(name).parent().unwrap_or(Path::new(""));
    let read_nfc = |path: &Path| read(path).map(|text| nfc(&text));
    let composed = compose(&unit, dir, &read_nfc).map_err(|err| {
        Located::whole(&unit, name).at(err.position, Some("dang_vien".to_string()), err.message)
    })?;
    let located = Located {
        text: &composed.text,
        name,
        unit: &unit,
        parts: &composed.parts,
    };
    // The positions of the values, for checks made later, are found on a second thread while
    // the first reads the values.
    let (dossier, positions) = std::thread::scope(|scope| {
        let positions = scope.spawn(|| SourceMap::of(&composed.text));
        let dossier = deserialize::<Dossier>(&located, "nam, to_chuc, hoi_nghi, dang_vien");
        let positions = positions
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (dossier, positions)
    });
    let mut dossier = dossier?;
    check(&dossier, &located)?;
    check_dates(&dossier, &located)?;
    dossier.source = super::Source {
        name: name.to_string(),
        positions: std::sync::Arc::new(positions),
        parts: std::sync::Arc::new(composed.parts),
    };
    Ok(dossier)
}

/// Parses YAML text, normalised to NFC first, into a `T`, with errors in Vietnamese that name
/// the file (`name`), line, column and field; `required` lists the parts a file must have, for
/// the error of a file that ends too early. Returns the value and the normalised text.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    text: &str,
    name: &str,
    required: &str,
) -> Result<(T, String), LoadError> {
    let text = nfc(text);
    let value = deserialize(&Located::whole(&text, name), required)?;
    Ok((value, text))
}

/// Deserializes the located text into a `T`, with located errors.
fn deserialize<T: serde::de::DeserializeOwned>(
    located: &Located<'_>,
    required: &str,
) -> Result<T, LoadError> {
    let mut options = Options::default();
    options.with_snippet = false;
    let mut field_path = None;
    serde_saphyr::with_deserializer_from_str_with_options(located.text, options, |deserializer| {
        serde_path_to_error::deserialize(deserializer).map_err(|err| {
            field_path = Some(err.path().to_string());
            err.into_inner()
        })
    })
    .map_err(|err| located.yaml_error(&err, field_path.take(), required))
}

/// An error at the value of `path` (or of its nearest ancestor) in the YAML `text` of the file
/// called `name`.
pub fn error_at_path(text: &str, name: &str, path: &str, message: String) -> LoadError {
    Located::whole(text, name).at_path(path, message)
}

/// How late in the next year the review of a year may still be held or signed: through March.
const LAST_MONTH_OF_NEXT_YEAR: u32 = 3;

/// Dates that parse but cannot be right: a meeting or a signature outside the review period, a
/// member too young to be one.
fn check_dates(dossier: &Dossier, located: &Located<'_>) -> Result<(), LoadError> {
    let year = dossier.year;
    let known = Regime::known_years(Date::today().year());
    if !known.contains(&year) {
        return Err(located.at_path(
            "nam",
            format!(
                "năm đánh giá {year} nằm ngoài các năm hoso có quy định: từ {} đến {}",
                known.start(),
                known.end()
            ),
        ));
    }
    let first = Date::from_ymd(year, 1, 1);
    let last = Date::from_ymd(year + 1, LAST_MONTH_OF_NEXT_YEAR + 1, 1)
        .and_then(|d| d.0.pred_opt().map(Date));
    let (Some(first), Some(last)) = (first, last) else {
        return Err(located.at_path("nam", format!("năm đánh giá {year} không hợp lệ")));
    };
    let in_period = |date: Date, path: String, what: &str| {
        if (first..=last).contains(&date) {
            Ok(())
        } else {
            Err(located.at_path(
                &path,
                format!(
                    "{what} {} nằm ngoài kỳ đánh giá năm {year}: cần từ {} đến {}",
                    date.short_vi(),
                    first.short_vi(),
                    last.short_vi()
                ),
            ))
        }
    };
    in_period(
        dossier.meeting.date,
        "hoi_nghi.ngay".into(),
        "ngày hội nghị",
    )?;
    for (index, member) in dossier.members.iter().enumerate() {
        if let Some(signed) = member.signed_on {
            in_period(signed, format!("dang_vien[{index}].ngay_ky"), "ngày ký")?;
        }
        if let Some(departure) = &member.departure
            && departure.ngay <= dossier.meeting.date
        {
            return Err(located.at_path(
                &format!("dang_vien[{index}].chuyen_di.ngay"),
                format!(
                    "ngày chuyển đi {} không sau ngày hội nghị {}: đảng viên đã chuyển đi trước hội nghị thì kiểm điểm ở nơi mới; bỏ đồng chí này khỏi danh sách",
                    departure.ngay.short_vi(),
                    dossier.meeting.date.short_vi()
                ),
            ));
        }
        if member.birth_date.year() > year - i32::from(super::ADULT_AGE) {
            return Err(located.at_path(
                &format!("dang_vien[{index}].ngay_sinh"),
                format!(
                    "ngày sinh {} không hợp lý: đảng viên phải đủ {} tuổi, tức sinh từ năm {} trở về trước",
                    member.birth_date.short_vi(),
                    super::ADULT_AGE,
                    year - i32::from(super::ADULT_AGE)
                ),
            ));
        }
    }
    Ok(())
}

/// The checks serde cannot make: ids, cross references.
fn check(dossier: &Dossier, located: &Located<'_>) -> Result<(), LoadError> {
    let organisation = &dossier.organisation;
    for (field, value) in [
        ("to_chuc.cap_tren", &organisation.superior),
        ("to_chuc.ten", &organisation.name),
        ("to_chuc.dia_danh", &organisation.place),
    ] {
        if value.trim().is_empty() {
            return Err(located.at_path(
                field,
                "không được để trống: tên này in ở đầu mọi văn bản".to_string(),
            ));
        }
    }
    for (index, member) in dossier.members.iter().enumerate() {
        let id = &member.id.value;
        let field = format!("dang_vien[{index}].id");
        if !is_slug(id) {
            return Err(located.at(
                position_of(member.id.referenced),
                Some(field),
                format!(
                    "mã đảng viên «{id}» chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: nguyen-van-an)"
                ),
            ));
        }
        if dossier.members[..index].iter().any(|m| &m.id.value == id) {
            return Err(located.at(
                position_of(member.id.referenced),
                Some(field),
                format!("mã đảng viên «{id}» bị trùng: mỗi đảng viên cần một mã riêng"),
            ));
        }
        if member.name.trim().is_empty() {
            return Err(located.at_path(
                &format!("dang_vien[{index}].ho_ten"),
                "họ và tên không được để trống".to_string(),
            ));
        }
    }
    for (field, reference) in [
        ("to_chuc.bi_thu", &organisation.secretary),
        ("to_chuc.pho_bi_thu", &organisation.deputy),
        ("hoi_nghi.chu_tri", &dossier.meeting.chair),
        ("hoi_nghi.thu_ky", &dossier.meeting.secretary),
    ] {
        if let Some(id) = reference
            && dossier.member(&id.value).is_none()
        {
            return Err(located.at(
                position_of(id.referenced),
                Some(field.to_string()),
                format!(
                    "không có đảng viên mã «{}»; các mã có trong tệp: {}",
                    id.value,
                    crate::nearest::listed(&id.value, &dossier.member_ids())
                ),
            ));
        }
    }
    if let (Some(opened), Some(closed)) = (dossier.meeting.opened, dossier.meeting.closed)
        && closed < opened
    {
        return Err(located.at_path(
            "hoi_nghi.ket_thuc",
            format!(
                "hội nghị kết thúc lúc {closed}, trước giờ bắt đầu {opened} (hoi_nghi.bat_dau): giờ kết thúc phải sau giờ bắt đầu"
            ),
        ));
    }
    if let (Some(secretary), Some(deputy)) = (&organisation.secretary, &organisation.deputy)
        && secretary.value == deputy.value
    {
        return Err(located.at(
            position_of(deputy.referenced),
            Some("to_chuc.pho_bi_thu".to_string()),
            format!(
                "đồng chí «{}» không thể vừa là Bí thư vừa là Phó Bí thư: Phó Bí thư ký phần nhận xét trên bản kiểm điểm của Bí thư",
                deputy.value
            ),
        ));
    }
    for (index, away) in dossier.meeting.absent.iter().enumerate() {
        let field = format!("hoi_nghi.vang_mat[{index}].id");
        let id = &away.id.value;
        if dossier.member(id).is_none() {
            return Err(located.at(
                position_of(away.id.referenced),
                Some(field),
                format!(
                    "không có đảng viên mã «{id}»; các mã có trong tệp: {}",
                    crate::nearest::listed(id, &dossier.member_ids())
                ),
            ));
        }
        if dossier.meeting.absent[..index]
            .iter()
            .any(|earlier| &earlier.id.value == id)
        {
            return Err(located.at(
                position_of(away.id.referenced),
                Some(field),
                format!("đảng viên «{id}» được ghi vắng mặt hai lần"),
            ));
        }
    }
    for (index, member) in dossier.members.iter().enumerate() {
        if let Some(tasks) = &member.breakthroughs
            && !(1..=2).contains(&tasks.len())
        {
            return Err(located.at_path(
                &format!("dang_vien[{index}].viec_dot_pha"),
                format!(
                    "đăng ký {} việc đột phá, sáng tạo: mỗi đồng chí đăng ký 1 hoặc 2 việc",
                    tasks.len()
                ),
            ));
        }
        if let Some(months) = member.sick_leave_months.filter(|&m| m > 12) {
            return Err(located.at_path(
                &format!("dang_vien[{index}].nghi_om_thang"),
                format!("{months} tháng nghỉ ốm nhiều hơn 12 tháng của một năm"),
            ));
        }
    }
    check_score(&dossier.collective.diem, "tap_the.diem", located)?;
    for (index, member) in dossier.members.iter().enumerate() {
        let path = format!("dang_vien[{index}].tu_kiem_diem.diem");
        check_score(&member.self_review.diem, &path, located)?;
    }
    Ok(())
}

/// Points above the most a criteria group allows (Quy định 366-QĐ/TW: 30 and 70).
fn check_score(score: &Score, path: &str, located: &Located<'_>) -> Result<(), LoadError> {
    let groups = [
        (
            score.general,
            Score::GENERAL_MAX,
            "nhom_chung",
            "nhóm tiêu chí chung",
        ),
        (
            score.tasks,
            Score::TASKS_MAX,
            "nhom_nhiem_vu",
            "nhóm tiêu chí về kết quả thực hiện nhiệm vụ",
        ),
    ];
    for (points, max, key, group) in groups {
        if let Some(points) = points
            && points > max
        {
            return Err(located.at_path(
                &format!("{path}.{key}"),
                format!(
                    "{points} điểm vượt quá mức tối đa {max} điểm của {group} (Quy định 366-QĐ/TW)"
                ),
            ));
        }
    }
    Ok(())
}

/// A field path as the user wrote the data: the inner `value` of a located field dropped, and a
/// key the path could not name (`?`, as for a repeated key or a syntax error) taken from the key
/// on the offending line.
fn full_path(path: &str, key_on_line: Option<&str>) -> String {
    let mut parts: Vec<&str> = path.split('.').filter(|part| *part != "value").collect();
    if parts.last() == Some(&"?") {
        parts.pop();
        parts.extend(key_on_line);
    }
    parts.retain(|part| *part != "?");
    parts.join(".")
}

/// The key written on line `line` (1-based) of `text`, as in `    ho_ten: …` or `  - id: …`.
fn key_on_line(text: &str, line: usize) -> Option<&str> {
    let content = text.lines().nth(line.checked_sub(1)?)?.trim_start();
    let content = content.strip_prefix("- ").unwrap_or(content).trim_start();
    let (key, _) = content.split_once(':')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    is_key.then_some(key)
}

/// serde-saphyr's location as a position, line and column from 1.
fn position_of(location: Location) -> Position {
    let from_one = |n: u64| usize::try_from(n).unwrap_or(1).max(1);
    Position {
        line: from_one(location.line()),
        column: from_one(location.column()),
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The text being loaded, for turning positions into errors: the whole, and the unit file and
/// members' files it was made of.
struct Located<'a> {
    /// The whole text, as parsed.
    text: &'a str,
    /// The unit file's name.
    name: &'a str,
    /// The unit file's own text.
    unit: &'a str,
    /// The members' files put into the whole.
    parts: &'a [Part],
}

impl<'a> Located<'a> {
    /// A text read from one file alone.
    fn whole(text: &'a str, name: &'a str) -> Located<'a> {
        Located {
            text,
            name,
            unit: text,
            parts: &[],
        }
    }

    /// An error at the value of `path` (or of its nearest ancestor in the file).
    fn at_path(&self, path: &str, message: String) -> LoadError {
        let position = SourceMap::of(self.text)
            .find(path)
            .unwrap_or(Position { line: 1, column: 1 });
        self.at(position, Some(path.to_string()), message)
    }

    fn yaml_error(
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
    fn at(&self, position: Position, field: Option<String>, message: String) -> LoadError {
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
struct DataSource {
    name: String,
    text: String,
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

/// The YAML parser's message, in Vietnamese where the wording is known.
fn syntax_vi(message: &str) -> String {
    let known = [
        ("unclosed quote", "dấu ngoặc kép chưa được đóng"),
        (
            "mapping values are not allowed in this context",
            "dấu «:» không được phép ở đây (giá trị có dấu «:» cần đặt trong ngoặc kép)",
        ),
        (
            "did not find expected key",
            "không tìm thấy khóa (thụt lề sai?)",
        ),
        (
            "found character that cannot start any token",
            "gặp ký tự không được đứng đầu giá trị",
        ),
        ("did not find expected node content", "thiếu giá trị"),
    ];
    known
        .iter()
        .find(|(english, _)| message.contains(english))
        .map(|(_, vietnamese)| vietnamese.to_string())
        .unwrap_or_else(|| message.to_string())
}

/// A scalar type as a clerk knows it.
fn scalar_vi(ty: &str) -> &str {
    match ty {
        "boolean" => "true hoặc false",
        ty if ty.starts_with('i') || ty.starts_with('u') => "một số nguyên",
        ty if ty.starts_with('f') => "một số",
        other => other,
    }
}

/// What the parser expected, in Vietnamese where the wording is known.
fn expected_vi(expected: &str) -> &str {
    match expected {
        "string scalar" => "một chuỗi chữ",
        "sequence start" => "một danh sách (các dòng bắt đầu bằng «- »)",
        "mapping start" => "các cặp «khóa: giá trị»",
        other => other,
    }
}

/// The byte offset of a 1-based line and character column, clamped to the text.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::*;

    const GOOD: &str = "nam: 2024
to_chuc:
  cap_tren: Đảng bộ Sở Xây dựng
  ten: Chi bộ Phòng Quản lý
  dia_danh: Hải Dương
  bi_thu: nguyen-van-an
hoi_nghi:
  ngay: 2024-12-05
dang_vien:
  - id: nguyen-van-an
    ho_ten: Nguyễn Văn An
    ngay_sinh: 12/03/1975
  - id: tran-thi-binh
    ho_ten: Trần Thị Bình
    ngay_sinh: 1980-07-01
";

    fn error_of(text: &str) -> (String, usize, usize, Option<String>) {
        match parse(text, "don-vi.yaml").unwrap_err() {
            LoadError::Data(e) => (e.message, e.line, e.column, e.field),
            other => panic!("unexpected error {other}"),
        }
    }

    #[test]
    fn reads_a_good_file() {
        let dossier = parse(GOOD, "don-vi.yaml").unwrap();
        assert_eq!(dossier.members.len(), 2);
        assert_eq!(dossier.secretary().unwrap().name.as_str(), "Nguyễn Văn An");
        assert_eq!(dossier.members[0].birth_date.short_vi(), "12/03/1975");
    }

    #[test]
    fn decomposed_text_becomes_composed() {
        let nfd: String = GOOD.nfd().collect();
        assert_ne!(nfd, GOOD);
        let dossier = parse(&nfd, "don-vi.yaml").unwrap();
        assert_eq!(dossier.members[1].name.as_str(), "Trần Thị Bình");
    }

    #[test]
    fn a_missing_field_is_named_with_its_path() {
        let text = GOOD.replace("    ngay_sinh: 1980-07-01\n", "");
        let (message, _, _, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("dang_vien[1].ngay_sinh"));
        assert!(
            message.contains("thiếu trường bắt buộc «ngay_sinh»"),
            "{message}"
        );
    }

    #[test]
    fn a_wrong_date_points_at_its_line() {
        let text = GOOD.replace("1980-07-01", "31/02/1980");
        let (message, line, column, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("dang_vien[1].ngay_sinh"));
        assert_eq!((line, column), (15, 16));
        assert!(message.contains("«31/02/1980» không hợp lệ"), "{message}");
    }

    #[test]
    fn a_misspelt_key_is_refused() {
        let text = GOOD.replace("ho_ten: Trần", "ho_tne: Trần");
        let (message, line, _, _) = error_of(&text);
        assert_eq!(line, 14);
        assert!(message.contains("«ho_tne»"), "{message}");
    }

    #[test]
    fn broken_yaml_names_the_line() {
        let text = GOOD.replace("  ten: Chi bộ Phòng Quản lý", "  ten: \"Chi bộ");
        let (message, line, _, _) = error_of(&text);
        assert!(message.starts_with("YAML sai cú pháp"), "{message}");
        assert!(line >= 4, "{line}");
    }

    #[test]
    fn a_list_where_text_belongs_is_refused() {
        let text = GOOD.replace("  ten: Chi bộ Phòng Quản lý", "  ten: [Chi bộ]");
        let (message, line, _, field) = error_of(&text);
        assert_eq!((line, field.as_deref()), (4, Some("to_chuc.ten")));
        assert!(message.contains("một chuỗi chữ"), "{message}");
    }

    #[test]
    fn a_repeated_key_is_named_with_its_full_path() {
        let text = GOOD.replace(
            "    ho_ten: Trần Thị Bình\n",
            "    ho_ten: Trần Thị Bình\n    ho_ten: Trần Bình\n",
        );
        let (message, line, _, field) = error_of(&text);
        assert_eq!((line, field.as_deref()), (15, Some("dang_vien[1].ho_ten")));
        assert!(message.contains("«ho_ten» bị ghi hai lần"), "{message}");
    }

    #[test]
    fn a_syntax_error_names_the_field_of_its_line() {
        let text = GOOD.replace("ho_ten: Trần Thị Bình", "ho_ten: Trần Thị: Bình");
        let (_, line, column, field) = error_of(&text);
        assert_eq!((line, field.as_deref()), (14, Some("dang_vien[1].ho_ten")));
        // Columns count characters: "    ho_ten: Trần Thị" is 20 characters, 23 bytes.
        assert_eq!(column, 21);
    }

    #[test]
    fn a_located_field_is_named_without_its_inner_value() {
        let text = GOOD.replace("bi_thu: nguyen-van-an", "bi_thu: [nguyen-van-an]");
        let (_, _, _, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("to_chuc.bi_thu"));
    }

    #[test]
    fn dates_outside_the_review_are_refused_at_their_line() {
        let text = GOOD.replace("ngay: 2024-12-05", "ngay: 2023-12-05");
        let (message, line, column, field) = error_of(&text);
        assert_eq!((line, column), (8, 9));
        assert_eq!(field.as_deref(), Some("hoi_nghi.ngay"));
        assert!(message.contains("ngoài kỳ đánh giá năm 2024"), "{message}");

        let text = GOOD.replace("ngay_sinh: 1980-07-01", "ngay_sinh: 2010-07-01");
        let (message, line, _, field) = error_of(&text);
        assert_eq!(
            (line, field.as_deref()),
            (15, Some("dang_vien[1].ngay_sinh"))
        );
        assert!(message.contains("đủ 18 tuổi"), "{message}");

        let text = GOOD.replace("ngay_sinh: 12/03/1975", "ngay_sinh: 12/3/75");
        let (message, _, _, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("dang_vien[0].ngay_sinh"));
        assert!(message.contains("năm đủ bốn chữ số"), "{message}");
    }

    #[test]
    fn points_above_a_groups_maximum_are_refused_at_their_line() {
        let text = GOOD.replace(
            "    ngay_sinh: 1980-07-01\n",
            "    ngay_sinh: 1980-07-01\n    tu_kiem_diem:\n      diem:\n        nhom_chung: \"30,5\"\n",
        );
        let (message, line, _, field) = error_of(&text);
        assert_eq!(
            (line, field.as_deref()),
            (18, Some("dang_vien[1].tu_kiem_diem.diem.nhom_chung"))
        );
        assert!(
            message.contains("30,5 điểm vượt quá mức tối đa 30 điểm"),
            "{message}"
        );
    }

    #[test]
    fn a_review_year_outside_the_known_rules_names_nam() {
        let text = GOOD
            .replace("nam: 2024", "nam: 2017")
            .replace("ngay: 2024-12-05", "ngay: 2017-12-05");
        let (message, line, _, field) = error_of(&text);
        assert_eq!((line, field.as_deref()), (1, Some("nam")));
        assert!(message.contains("năm đánh giá 2017 nằm ngoài"), "{message}");
    }

    #[test]
    fn the_secretary_cannot_be_the_deputy() {
        let text = GOOD.replace(
            "  bi_thu: nguyen-van-an\n",
            "  bi_thu: nguyen-van-an\n  pho_bi_thu: nguyen-van-an\n",
        );
        let (message, line, _, field) = error_of(&text);
        assert_eq!((line, field.as_deref()), (7, Some("to_chuc.pho_bi_thu")));
        assert!(
            message.contains("vừa là Bí thư vừa là Phó Bí thư"),
            "{message}"
        );
    }

    #[test]
    fn empty_names_nulls_and_wrong_booleans_are_explained_in_vietnamese() {
        let (message, _, _, field) =
            error_of(&GOOD.replace("dia_danh: Hải Dương", "dia_danh: \"\""));
        assert_eq!(field.as_deref(), Some("to_chuc.dia_danh"));
        assert!(message.contains("không được để trống"), "{message}");
        let (message, _, _, field) = error_of(&GOOD.replace("ho_ten: Trần Thị Bình", "ho_ten:"));
        assert_eq!(field.as_deref(), Some("dang_vien[1].ho_ten"));
        assert!(message.starts_with("thiếu giá trị"), "{message}");
        let text = GOOD.replace(
            "  bi_thu: nguyen-van-an\n",
            "  bi_thu: nguyen-van-an\n  co_chi_uy: có\n",
        );
        let (message, _, _, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("to_chuc.co_chi_uy"));
        assert!(
            message.contains("true (có) hoặc false (không)"),
            "{message}"
        );
    }

    #[test]
    fn absences_name_members_once_and_leave_fits_in_a_year() {
        let text = GOOD.replace(
            "  ngay: 2024-12-05\n",
            "  ngay: 2024-12-05\n  vang_mat:\n    - id: le-van-c\n",
        );
        let (message, line, _, field) = error_of(&text);
        assert_eq!(
            (line, field.as_deref()),
            (10, Some("hoi_nghi.vang_mat[0].id"))
        );
        assert!(
            message.contains("không có đảng viên mã «le-van-c»"),
            "{message}"
        );
        let text = GOOD.replace(
            "  ngay: 2024-12-05\n",
            "  ngay: 2024-12-05\n  vang_mat: [{id: tran-thi-binh}, {id: tran-thi-binh}]\n",
        );
        let (message, _, _, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("hoi_nghi.vang_mat[1].id"));
        assert!(message.contains("hai lần"), "{message}");
        let text = GOOD.replace(
            "    ngay_sinh: 1980-07-01\n",
            "    ngay_sinh: 1980-07-01\n    nghi_om_thang: 13\n",
        );
        let (message, _, _, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("dang_vien[1].nghi_om_thang"));
        assert!(message.contains("13 tháng"), "{message}");
    }

    #[test]
    fn one_or_two_breakthrough_tasks_and_a_chair_who_is_a_member() {
        let three = "    viec_dot_pha: [{ten: Một}, {ten: Hai}, {ten: Ba}]\n";
        let text = GOOD.replace(
            "    ngay_sinh: 1980-07-01\n",
            &format!("    ngay_sinh: 1980-07-01\n{three}"),
        );
        let (message, line, _, field) = error_of(&text);
        assert_eq!(
            (line, field.as_deref()),
            (16, Some("dang_vien[1].viec_dot_pha"))
        );
        assert!(message.contains("đăng ký 3 việc"), "{message}");
        let none = GOOD.replace(
            "    ngay_sinh: 1980-07-01\n",
            "    ngay_sinh: 1980-07-01\n    viec_dot_pha: []\n",
        );
        assert!(error_of(&none).0.contains("đăng ký 0 việc"));
        let text = GOOD.replace(
            "  ngay: 2024-12-05\n",
            "  ngay: 2024-12-05\n  chu_tri: le-van-c\n",
        );
        let (_, _, _, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("hoi_nghi.chu_tri"));
    }

    #[test]
    fn an_empty_file_is_explained_in_vietnamese() {
        let (message, _, _, _) = error_of("");
        assert!(
            message.contains("tệp dữ liệu hết trước khi đủ các phần bắt buộc"),
            "{message}"
        );
    }

    #[test]
    fn a_control_character_is_refused_with_its_code_point() {
        let text = GOOD.replace("ho_ten: Trần Thị Bình", "ho_ten: \"Trần Thị\\aBình\"");
        let (message, line, _, field) = error_of(&text);
        assert_eq!((line, field.as_deref()), (14, Some("dang_vien[1].ho_ten")));
        assert!(message.contains("U+0007"), "{message}");
    }

    #[test]
    fn duplicate_ids_and_unknown_secretary_are_refused() {
        let text = GOOD.replace("id: tran-thi-binh", "id: nguyen-van-an");
        let (message, line, _, field) = error_of(&text);
        assert!(message.contains("bị trùng"), "{message}");
        assert_eq!((line, field.as_deref()), (13, Some("dang_vien[1].id")));

        let text = GOOD.replace("bi_thu: nguyen-van-an", "bi_thu: le-van-c");
        let (message, _, _, field) = error_of(&text);
        assert_eq!(field.as_deref(), Some("to_chuc.bi_thu"));
        assert!(
            message.contains("nguyen-van-an, tran-thi-binh"),
            "{message}"
        );
    }
}

//! Reading a Dossier from YAML, with errors that name the file, line, column and field. This
//! module reads and parses; `located` turns positions into errors, `messages` puts the parser's
//! messages in Vietnamese, and `validate` makes the checks serde cannot.

use std::path::Path;

use miette::{Diagnostic, SourceSpan};
use serde_saphyr::Options;
use thiserror::Error;

mod located;
mod messages;
mod validate;

use super::compose::compose;
use super::text::nfc;
use super::{Dossier, SourceMap};
use crate::input::{self, Kind, Refused};
use located::{DataSource, Located, position_of};
use validate::{check, check_dates};

/// Why a data file could not be turned into a Dossier.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
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
#[non_exhaustive]
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
///
/// ```
/// use hoso::dossier::{LoadError, parse};
/// use hoso::regime::Regime;
///
/// let yaml = "nam: 2025
/// to_chuc: {cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng}
/// hoi_nghi: {ngay: 2025-12-05}
/// dang_vien:
///   - {id: an, ho_ten: Nguyễn Văn An, ngay_sinh: 1972-03-12}
///   - {id: binh, ho_ten: Trần Thị Bình, ngay_sinh: 1980-07-01}
/// ";
/// let dossier = parse(yaml, "don-vi.yaml")?;
/// assert_eq!(dossier.year, 2025);
/// assert_eq!(dossier.regime(), Regime::R2025);
/// assert_eq!(dossier.member_ids(), ["an", "binh"]);
///
/// // A wrong value is an error at its line, column and field.
/// let wrong = yaml.replace("1980-07-01", "1980-13-01");
/// match parse(&wrong, "don-vi.yaml") {
///     Err(LoadError::Data(error)) => {
///         assert_eq!((error.line, error.column), (6, 50));
///         assert_eq!(error.field.as_deref(), Some("dang_vien[1].ngay_sinh"));
///         assert!(error.message.starts_with("ngày «1980-13-01» không hợp lệ"));
///     }
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), LoadError>(())
/// ```
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

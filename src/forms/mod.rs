//! The form catalogue: forms as data under `forms/<id>/<regime>/`, embedded in the binary.
//!
//! A form folder holds `form.yaml` (printed code, title lines, who it is for) and `body.md`, a
//! minijinja template of the body in the restricted Markdown of [`crate::document`]. Parts shared
//! between forms live once under `forms/_chung/` and are included by name.

mod assemble;
mod blanks;
mod check;
pub mod computed;
mod directives;
mod index;
pub mod language;
pub mod outline;
mod sources;
mod template;

use std::path::Path;

use miette::Diagnostic;
use minijinja::Environment;
use serde::Deserialize;
use thiserror::Error;

pub use blanks::FieldRead;
pub use check::{SAMPLES, check_forms, samples};
pub use index::IndexRow;

/// The id of the personal form `member` files under `regime`: the form of a member outside the
/// political system (2025 only), the leader's form, or the ordinary one.
pub fn personal_form_id(member: &crate::dossier::Member, regime: Regime) -> &'static str {
    match (regime, member.outside.is_some(), member.is_leader()) {
        (Regime::R2025, true, _) => "ca-nhan-ngoai-htct",
        (_, _, true) => "ca-nhan-lanh-dao",
        _ => "ca-nhan",
    }
}

/// What a roll-up form reads of the units it rolls up: the roll-up provides it, so that the
/// forms know nothing of how units are counted.
pub trait RolledUp: Sync {
    /// The results as serialised; the template reads them as `th`, by the Vietnamese names of
    /// `forms/computed.rs`.
    fn template_value(&self) -> minijinja::Value;
    /// The table of the units (`<bang ten="don-vi"/>`): one row each and the totals.
    fn units_table(&self) -> crate::document::Block;
}
pub use sources::Sources;

use crate::document::MarkupError;
use crate::regime::Regime;

/// Why a form could not be found or filled.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum FormError {
    /// No form has this id.
    #[error(
        "không có mẫu «{id}»; các mẫu có sẵn: {}",
        crate::nearest::listed(id, known)
    )]
    Unknown {
        /// The id asked for.
        id: String,
        /// The ids there are, each once; the message lists those nearest to `id`.
        known: Vec<String>,
    },
    /// The form exists, but not for the regime of this review.
    #[error(
        "mẫu «{id}» chưa có theo chế độ {regime} (năm đánh giá {year}); có theo chế độ: {}",
        regime_keys(known)
    )]
    NoRegime {
        /// The id asked for.
        id: String,
        /// The regime of the review.
        regime: Regime,
        /// The review year.
        year: i32,
        /// The regimes the form exists for.
        known: Vec<Regime>,
    },
    /// The form is the upper committee's roll-up, which `hoso tong-hop` fills.
    #[error("mẫu «{id}» là báo cáo tổng hợp của cấp trên: in bằng hoso tong-hop")]
    RollupOnly {
        /// The form's id.
        id: String,
    },
    /// The member's written parts could not be set apart to find where a form prints them.
    #[error("mẫu «{form}»: không tìm được chỗ các phần đảng viên viết trong mẫu")]
    Outline {
        /// The form's id.
        form: String,
    },
    /// A form's template failed; a fault of the form, not of the data.
    #[error("lỗi trong mẫu {0}")]
    Template(#[source] TemplateError),
    /// A form was asked for whom it is not about: a personal form without a member, the
    /// collective's report for a member, a roll-up form without the roll-up.
    #[error("lỗi trong mẫu mẫu «{id}» là {}", subject_said(*subject))]
    Subject {
        /// The form's id.
        id: String,
        /// Whom the form is about.
        subject: Subject,
    },
    /// A form's body used markup the body language does not have.
    #[error(transparent)]
    Markup(#[from] MarkupError),
    /// A form of the user's own (`--forms`) is wrong: the user's to fix, not a fault of hoso.
    #[error(transparent)]
    Custom(Box<FormError>),
    /// A form's `form.yaml` is malformed.
    #[error("tệp mô tả mẫu {path} sai: {reason}")]
    Meta {
        /// The file below `forms/`.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// The regimes' keys, as a message lists them.
fn regime_keys(regimes: &[Regime]) -> String {
    regimes
        .iter()
        .map(|regime| regime.key())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a form is, as the message of [`FormError::Subject`] says it.
fn subject_said(subject: Subject) -> &'static str {
    match subject {
        Subject::Member => "mẫu cá nhân",
        Subject::Collective => "mẫu tập thể",
        Subject::Units => "báo cáo tổng hợp của cấp trên, in bằng hoso tong-hop",
    }
}

/// A template's error: minijinja's own, and the file and line it is in.
#[derive(Debug)]
#[non_exhaustive]
pub struct TemplateError {
    /// The file the error is in, as the message names it: the user's own file's path, or
    /// `forms/<name>` for a built-in one; none when minijinja does not say.
    pub file: Option<String>,
    /// The 1-based line in `file`, when known.
    pub line: Option<usize>,
    /// The error as minijinja gave it; for an error met in an included file, the include's, whose
    /// source is the included file's ([`TemplateError::innermost`]).
    pub error: minijinja::Error,
    /// Whether the message is the innermost error's, with a word in Vietnamese where a form's
    /// author can meet it; else minijinja's own words on `error`.
    explained: bool,
}

impl TemplateError {
    /// The innermost template error that names its file: the included file's, rather than the
    /// include's.
    pub fn innermost(&self) -> &minijinja::Error {
        innermost(&self.error)
    }

    /// What kind of error minijinja met, in the innermost file that names it.
    pub fn kind(&self) -> minijinja::ErrorKind {
        self.innermost().kind()
    }
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            _ => {}
        }
        if self.explained {
            f.write_str(&in_vietnamese(self.innermost()))
        } else {
            write!(f, "{:#}", self.error)
        }
    }
}

impl std::error::Error for TemplateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl From<minijinja::Error> for FormError {
    fn from(err: minijinja::Error) -> Self {
        let (file, line) = match (err.name(), err.line()) {
            (Some(name), Some(line)) => (Some(name.to_string()), Some(line)),
            _ => (None, None),
        };
        FormError::Template(TemplateError {
            file,
            line,
            error: err,
            explained: false,
        })
    }
}

/// Whom a form is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Subject {
    /// One member: the form is filled once per member (`ca-nhan`).
    #[serde(rename = "ca-nhan")]
    Member,
    /// The unit as a whole (`tap-the`).
    #[serde(rename = "tap-the")]
    Collective,
    /// The units an upper committee rolls up (`cap-tren`): filled by `hoso tong-hop` only.
    #[serde(rename = "cap-tren")]
    Units,
}

/// What `form.yaml` says of a form.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormMeta {
    /// The printed code, e.g. "Mẫu 02B-HD KĐ.ĐG 2023"; none for a document no central guidance
    /// numbers (the minutes, the registrations).
    #[serde(default)]
    pub ma_mau: Option<String>,
    /// Whom the form is about (`doi_tuong`).
    pub doi_tuong: Subject,
    /// Who files it, as the README and messages say, e.g. "cá nhân giữ chức vụ lãnh đạo, quản lý".
    pub danh_cho: String,
    /// The document type and title in capitals, e.g. "BẢN KIỂM ĐIỂM CÁ NHÂN".
    pub ten_loai: String,
    /// Lines under the title; minijinja templates over the data.
    #[serde(default)]
    pub dong_phu: Vec<String>,
    /// The abbreviation of the document type in its number ("BC" in "Số 15-BC/CB"), for forms
    /// that carry a số and ký hiệu.
    #[serde(default)]
    pub ky_hieu: Option<String>,
    /// The document's number with its ký hiệu ("18-BC/CB"), a template over the data; dotted
    /// ("Số …-BC/…") when it renders empty.
    #[serde(default)]
    pub so: Option<String>,
    /// The document's date, a template over the data; when absent or empty, the member's signing
    /// day, the report's date, or the meeting's.
    #[serde(default)]
    pub ngay: Option<String>,
}

/// One form under one regime.
#[derive(Debug, Clone)]
pub struct Form {
    /// The semantic id, e.g. `ca-nhan-lanh-dao`.
    pub id: String,
    /// The regime this version belongs to.
    pub regime: Regime,
    /// Its metadata.
    pub meta: FormMeta,
    /// The folder of this version below the form's: the regime's key, or [`EVERY_REGIME`].
    folder: String,
}

/// The folder of a form that is the same under every regime (every regime hoso has forms of).
pub const EVERY_REGIME: &str = "tat-ca";

impl Form {
    /// The template name of the body, below `forms/`.
    fn body_template(&self) -> String {
        format!("{}/{}/body.md", self.id, self.folder)
    }

    /// What names the form to a clerk: its printed code, or its title for a form without one.
    pub fn code(&self) -> &str {
        self.meta.ma_mau.as_deref().unwrap_or(&self.meta.ten_loai)
    }
}

/// Every form hoso knows, with the template engine that fills them.
pub struct Catalogue {
    forms: Vec<Form>,
    engine: Environment<'static>,
    sources: Sources,
}

impl Catalogue {
    /// The forms built into the binary.
    pub fn builtin() -> Result<Catalogue, FormError> {
        Catalogue::load(Sources::new(None))
    }

    /// The built-in forms, with the files of the user's folder `local` (laid out as `forms/`
    /// is) in their place: a province's own variant of a form.
    pub fn with_local(local: &Path) -> Result<Catalogue, FormError> {
        if !local.is_dir() {
            return Err(FormError::Meta {
                path: local.display().to_string(),
                reason: "không có thư mục này".to_string(),
            });
        }
        Catalogue::load(Sources::new(Some(local)))
    }

    /// Reads every form of `sources` and compiles its template, so that a broken form is
    /// named, with its file and line, before anything is printed.
    fn load(sources: Sources) -> Result<Catalogue, FormError> {
        let mut forms = Vec::new();
        let folders = sources.form_folders();
        // A form for every regime is for every regime hoso has other forms of.
        let mut with_forms: Vec<Regime> = folders
            .iter()
            .filter_map(|(_, folder)| Regime::from_key(folder))
            .collect();
        with_forms.sort();
        with_forms.dedup();
        for (id, folder) in folders {
            let meta_name = format!("{id}/{folder}/form.yaml");
            let meta_error = |reason: String| {
                let error = FormError::Meta {
                    path: sources.origin(&meta_name),
                    reason,
                };
                if sources.is_local(&meta_name) {
                    FormError::Custom(Box::new(error))
                } else {
                    error
                }
            };
            let Some(text) = sources.text(&meta_name).map_err(meta_error)? else {
                continue;
            };
            let regimes = match Regime::from_key(&folder) {
                Some(regime) => vec![regime],
                None if folder == EVERY_REGIME => with_forms.clone(),
                None => {
                    return Err(meta_error(format!(
                        "tên thư mục phải là một chế độ (2019, 2023, 2025) hoặc «{EVERY_REGIME}»"
                    )));
                }
            };
            let meta: FormMeta =
                serde_saphyr::from_str(&text).map_err(|e| meta_error(e.to_string()))?;
            for regime in regimes {
                forms.push(Form {
                    id: id.clone(),
                    regime,
                    meta: meta.clone(),
                    folder: folder.clone(),
                });
            }
        }
        forms.sort_by(|a, b| (&a.id, a.regime).cmp(&(&b.id, b.regime)));
        let loader = sources.clone();
        let fuel = sources.has_local().then_some(template::EDITED_FORM_FUEL);
        let engine = template::environment(move |name| loader.text(name), fuel);
        for form in &forms {
            engine
                .get_template(&form.body_template())
                .map_err(|err| located(&sources, err))?;
        }
        Ok(Catalogue {
            forms,
            engine,
            sources,
        })
    }

    /// A template's error, naming the file it is in.
    fn located(&self, err: minijinja::Error) -> FormError {
        located(&self.sources, err)
    }

    /// An error of a line of `form`'s `form.yaml` (its số, date or lines under the title),
    /// naming that file.
    fn meta_located(&self, form: &Form, err: minijinja::Error) -> FormError {
        let name = format!("{}/{}/form.yaml", form.id, form.folder);
        let error = FormError::Template(TemplateError {
            file: Some(self.sources.origin(&name)),
            line: None,
            error: err,
            explained: true,
        });
        self.owned_by(&name, error)
    }

    /// `error`, of the form file `name`: the user's to fix when the file is theirs.
    fn owned_by(&self, name: &str, error: FormError) -> FormError {
        if self.sources.is_local(name) {
            FormError::Custom(Box::new(error))
        } else {
            error
        }
    }

    /// Every form, each version once, sorted by id and regime.
    pub fn forms(&self) -> &[Form] {
        &self.forms
    }

    /// The version of form `id` that applies under `regime`, or why there is none.
    ///
    /// ```
    /// use hoso::forms::{Catalogue, FormError};
    /// use hoso::regime::Regime;
    ///
    /// let catalogue = Catalogue::builtin()?;
    /// let form = catalogue.find("ca-nhan", Regime::R2025, 2026)?;
    /// assert_eq!(form.meta.ma_mau.as_deref(), Some("Mẫu 2B-HD KĐ.ĐG 2025"));
    /// let form = catalogue.find("ca-nhan", Regime::R2023, 2024)?;
    /// assert_eq!(form.meta.ma_mau.as_deref(), Some("Mẫu 02A-HD KĐ.ĐG 2023"));
    ///
    /// match catalogue.find("ca-nhn", Regime::R2025, 2026) {
    ///     Err(FormError::Unknown { id, known }) => {
    ///         assert_eq!(id, "ca-nhn");
    ///         assert!(known.iter().any(|known| known == "ca-nhan"));
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), FormError>(())
    /// ```
    pub fn find(&self, id: &str, regime: Regime, year: i32) -> Result<&Form, FormError> {
        let versions: Vec<&Form> = self.forms.iter().filter(|f| f.id == id).collect();
        if versions.is_empty() {
            let mut known: Vec<&str> = self.forms.iter().map(|f| f.id.as_str()).collect();
            known.dedup();
            return Err(FormError::Unknown {
                id: id.to_string(),
                known: known.into_iter().map(str::to_string).collect(),
            });
        }
        versions
            .iter()
            .find(|f| f.regime == regime)
            .copied()
            .ok_or_else(|| FormError::NoRegime {
                id: id.to_string(),
                regime,
                year,
                known: versions.iter().map(|f| f.regime).collect(),
            })
    }
}

/// What went wrong in a template: in Vietnamese where a form's author can meet it (a loop or a
/// recursion without end), then minijinja's own words and the lines around the place.
fn in_vietnamese(err: &minijinja::Error) -> String {
    let said = match err.kind() {
        minijinja::ErrorKind::OutOfFuel => {
            "mẫu làm quá nhiều việc (vòng lặp quá dài hoặc không dừng): "
        }
        minijinja::ErrorKind::InvalidOperation
            if err.detail().is_some_and(|d| d.contains("recursion limit")) =>
        {
            "mẫu gọi lồng nhau quá sâu (macro hoặc include gọi lại chính nó): "
        }
        minijinja::ErrorKind::UndefinedError => {
            "tên không có giá trị trong mẫu (viết sai tên, hoặc không có ở văn bản này): "
        }
        _ => "",
    };
    format!("{said}{err:#}")
}

/// The innermost template error of `err` that names its file: the included file's, rather
/// than the include's.
fn innermost(err: &minijinja::Error) -> &minijinja::Error {
    let mut current = err;
    while let Some(inner) = std::error::Error::source(current)
        .and_then(|source| source.downcast_ref::<minijinja::Error>())
        .filter(|inner| inner.name().is_some())
    {
        current = inner;
    }
    current
}

/// A template's error, naming the file it is in (the user's own, or the built-in one).
fn located(sources: &Sources, err: minijinja::Error) -> FormError {
    let inner = innermost(&err);
    let name = inner.name().map(str::to_string);
    let line = inner.line();
    let error = FormError::Template(TemplateError {
        file: name.as_deref().map(|name| sources.origin(name)),
        line: name.as_ref().and(line),
        error: err,
        explained: true,
    });
    match name {
        Some(name) if sources.is_local(&name) => FormError::Custom(Box::new(error)),
        _ => error,
    }
}

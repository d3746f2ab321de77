//! The form catalogue: forms as data under `forms/<id>/<regime>/`, embedded in the binary.
//!
//! A form folder holds `form.yaml` (printed code, title lines, who it is for) and `body.md`, a
//! minijinja template of the body in the restricted Markdown of [`crate::document`]. Parts shared
//! between forms live once under `forms/_chung/` and are included by name.

mod assemble;
mod blanks;
mod directives;
mod template;

use include_dir::{Dir, include_dir};
use miette::Diagnostic;
use minijinja::Environment;
use serde::Deserialize;
use thiserror::Error;

pub use blanks::FieldRead;
pub use directives::{IndexRow, committee_of};

use crate::document::MarkupError;
use crate::regime::Regime;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/forms");

/// Why a form could not be found or filled.
#[derive(Debug, Error, Diagnostic)]
pub enum FormError {
    /// No form has this id.
    #[error("không có mẫu «{id}»; các mẫu có sẵn: {known}")]
    Unknown {
        /// The id asked for.
        id: String,
        /// The ids there are.
        known: String,
    },
    /// The form exists, but not for the regime of this review.
    #[error(
        "mẫu «{id}» chưa có theo chế độ {regime} (năm đánh giá {year}); có theo chế độ: {known}"
    )]
    NoRegime {
        /// The id asked for.
        id: String,
        /// The regime of the review.
        regime: Regime,
        /// The review year.
        year: i32,
        /// The regimes the form exists for.
        known: String,
    },
    /// A form's template failed; a fault of the form, not of the data.
    #[error("lỗi trong mẫu {0}")]
    Template(String),
    /// A form's body used markup the body language does not have.
    #[error(transparent)]
    Markup(#[from] MarkupError),
    /// A form's `form.yaml` is malformed.
    #[error("tệp mô tả mẫu {path} sai: {reason}")]
    Meta {
        /// The file below `forms/`.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

impl From<minijinja::Error> for FormError {
    fn from(err: minijinja::Error) -> Self {
        let place = match (err.name(), err.line()) {
            (Some(name), Some(line)) => format!("{name}:{line}: "),
            _ => String::new(),
        };
        FormError::Template(format!("{place}{err:#}"))
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

/// The folder of a form that is the same under every regime.
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
}

impl Catalogue {
    /// The forms built into the binary.
    pub fn builtin() -> Result<Catalogue, FormError> {
        let mut forms = Vec::new();
        for form_dir in BUILTIN.dirs().filter(|d| !is_shared(d)) {
            for regime_dir in form_dir.dirs() {
                let meta_path = regime_dir.path().join("form.yaml");
                let Some(meta_file) = BUILTIN.get_file(&meta_path) else {
                    continue;
                };
                let meta_error = |reason: String| FormError::Meta {
                    path: meta_path.display().to_string(),
                    reason,
                };
                let id = name_of(form_dir).to_string();
                let folder = name_of(regime_dir).to_string();
                let regimes = match Regime::from_key(&folder) {
                    Some(regime) => vec![regime],
                    None if folder == EVERY_REGIME => Regime::ALL.to_vec(),
                    None => {
                        return Err(meta_error(format!(
                            "tên thư mục phải là một chế độ (2019, 2023, 2025) hoặc «{EVERY_REGIME}»"
                        )));
                    }
                };
                let text = meta_file
                    .contents_utf8()
                    .ok_or_else(|| meta_error("không phải UTF-8".to_string()))?;
                let meta: FormMeta =
                    serde_saphyr::from_str(text).map_err(|e| meta_error(e.to_string()))?;
                for regime in regimes {
                    forms.push(Form {
                        id: id.clone(),
                        regime,
                        meta: meta.clone(),
                        folder: folder.clone(),
                    });
                }
            }
        }
        forms.sort_by(|a, b| (&a.id, a.regime).cmp(&(&b.id, b.regime)));
        let engine = template::environment(|name| {
            BUILTIN
                .get_file(name)
                .and_then(|file| file.contents_utf8())
                .map(str::to_string)
        });
        Ok(Catalogue { forms, engine })
    }

    /// The version of form `id` that applies under `regime`, or why there is none.
    pub fn find(&self, id: &str, regime: Regime, year: i32) -> Result<&Form, FormError> {
        let versions: Vec<&Form> = self.forms.iter().filter(|f| f.id == id).collect();
        if versions.is_empty() {
            let mut known: Vec<&str> = self.forms.iter().map(|f| f.id.as_str()).collect();
            known.dedup();
            return Err(FormError::Unknown {
                id: id.to_string(),
                known: known.join(", "),
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
                known: versions
                    .iter()
                    .map(|f| f.regime.key())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

fn name_of<'a>(dir: &'a Dir<'a>) -> &'a str {
    dir.path()
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

fn is_shared(dir: &Dir<'_>) -> bool {
    name_of(dir).starts_with('_')
}

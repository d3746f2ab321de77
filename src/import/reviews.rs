//! Members' self-reviews written in Word, read into the unit file: each file's writer found
//! among the members, its parts read by the member's form, empty fields filled and differing
//! ones reported (written only when asked), the file written whole or not at all.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value as Json;

use super::docx::read_paragraphs;
use super::review::{self, ReadReview, Writer};
use super::{ImportError, edited, unit_data, unit_files, write_changed};
use crate::dossier::edit::Change;
use crate::dossier::workspace::{Edit, Files, Workspace};
use crate::dossier::{Dossier, Member};
use crate::forms::{Catalogue, FormError, personal_form_id};

/// What became of one field a review writes.
#[derive(Debug, Clone, Serialize)]
pub struct FieldOutcome {
    /// The field, from the member (`tu_kiem_diem.han_che`).
    pub path: String,
    /// What the review writes.
    pub value: String,
    /// What the unit file held before, when it held something.
    pub in_file: Option<String>,
    /// What was done.
    pub outcome: FieldDone,
}

/// What was done with a field a review writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldDone {
    /// The field was empty and is filled.
    Filled,
    /// The file already says the same.
    Same,
    /// The file says otherwise and keeps it (no `--ghi-de`).
    Kept,
    /// The file said otherwise and now says what the review writes (`--ghi-de`).
    Overwritten,
}

/// What one review did.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewReport {
    /// The Word file, as named.
    pub file: String,
    /// The member's id.
    pub member: String,
    /// The member's name.
    pub name: String,
    /// How the member was found: by the personal lines, or named on the command line.
    pub found_by: String,
    /// The form the review was read by.
    pub form: String,
    /// Each field the review writes and what became of it.
    pub fields: Vec<FieldOutcome>,
    /// The paragraphs that belong to no part of the form, each as it starts.
    pub unplaced: Vec<String>,
    /// What the reader noticed.
    pub notes: Vec<String>,
}

/// What an import of reviews did to the unit file.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewsReport {
    /// The unit file, as named.
    pub unit: String,
    /// Each review, in the order given.
    pub reviews: Vec<ReviewReport>,
    /// Whether the unit file was written (something changed, and not a dry run).
    pub written: bool,
}

/// How an import of reviews is asked for.
#[derive(Debug, Clone)]
pub struct ReviewImport<'a> {
    /// The unit file.
    pub unit: &'a Path,
    /// The Word files.
    pub files: &'a [PathBuf],
    /// The member every file is about, when the command names one.
    pub member: Option<&'a str>,
    /// Whether a field the file already holds is written over when the review differs.
    pub overwrite: bool,
    /// Whether the unit file is left as it is.
    pub dry_run: bool,
}

/// Reads the reviews of `import` into its unit file (and its members' own files), by the
/// forms of `catalogue`.
pub fn import_reviews(
    catalogue: &Catalogue,
    import: &ReviewImport,
) -> Result<ReviewsReport, ImportError> {
    let (workspace, original) = unit_files(import.unit)?;
    let (files, reviews) = reviews_into(catalogue, &workspace, &original, import)?;
    let written = write_changed(&original, &files, import.dry_run)?;
    Ok(ReviewsReport {
        unit: import.unit.display().to_string(),
        reviews,
        written,
    })
}

/// The unit's `files` with the reviews of `import` read in (as [`import_reviews`] does,
/// nothing written), and the report of each review.
pub fn reviews_into(
    catalogue: &Catalogue,
    workspace: &Workspace,
    files: &Files,
    import: &ReviewImport,
) -> Result<(Files, Vec<ReviewReport>), ImportError> {
    let mut current = unit_data(workspace, files)?;
    let mut files = files.clone();
    let mut reviews = Vec::new();
    for file in import.files {
        let file_name = file.display().to_string();
        let mut notes = Vec::new();
        let paragraphs = review::in_unicode(&read_paragraphs(file)?, &mut notes);
        let writer = review::writer_of(&paragraphs);
        let (index, found_by) = find_member(&current, &writer, import.member, &file_name)?;
        let member = &current.members[index];
        let form_id = personal_form_id(member, current.regime());
        let no_review = |err: FormError| ImportError::NoReview {
            path: file_name.clone(),
            reason: err.to_string(),
        };
        let form = catalogue
            .find(form_id, current.regime(), current.year)
            .map_err(no_review)?;
        let outline = catalogue
            .outline(form, &current, member)
            .map_err(no_review)?;
        let read = review::read_review(&paragraphs, &outline);
        if read.values.is_empty() && read.unplaced.is_empty() {
            notes.push("bản kiểm điểm chưa viết phần nào".to_string());
        }
        let (fields, changes) = outcomes(member, index, &read, import.overwrite);
        if !changes.is_empty() {
            files = edited(workspace, &files, &Edit::Fields(changes))?;
            current = unit_data(workspace, &files)?;
        }
        let member = &current.members[index];
        notes.extend(read.notes);
        reviews.push(ReviewReport {
            file: file_name,
            member: member.id.value.clone(),
            name: member.name.to_string(),
            found_by,
            form: form.code().to_string(),
            fields,
            unplaced: read.unplaced,
            notes,
        });
    }
    Ok((files, reviews))
}

/// The member a review is about: the one named, or the one whose name (and date of birth,
/// when several share the name) the personal lines give; and how it was found.
fn find_member(
    dossier: &Dossier,
    writer: &Writer,
    named: Option<&str>,
    file: &str,
) -> Result<(usize, String), ImportError> {
    if let Some(id) = named {
        return dossier
            .members
            .iter()
            .position(|m| m.id.value == id)
            .map(|index| (index, format!("theo --dang-vien {id}")))
            .ok_or_else(|| ImportError::NoReview {
                path: file.to_string(),
                reason: format!("đơn vị không có đảng viên mã «{id}»"),
            });
    }
    let Some(name) = &writer.name else {
        return Err(ImportError::NoReview {
            path: file.to_string(),
            reason: "không thấy dòng «Họ và tên:» có tên; ghi tên vào bản kiểm điểm hoặc chỉ rõ bằng --dang-vien MÃ".to_string(),
        });
    };
    let same = |a: &str, b: &str| {
        a.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            == b.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
    };
    let by_name: Vec<usize> = (0..dossier.members.len())
        .filter(|&i| same(&dossier.members[i].name, name))
        .collect();
    let by_birth: Vec<usize> = by_name
        .iter()
        .copied()
        .filter(|&i| {
            writer
                .birth_date
                .is_some_and(|born| born.agrees_with(dossier.members[i].birth_date))
        })
        .collect();
    match (by_name.as_slice(), by_birth.as_slice()) {
        (_, [one]) => Ok((*one, "theo họ tên và ngày sinh".to_string())),
        ([one], []) => Ok((*one, "theo họ tên".to_string())),
        ([], _) => Err(ImportError::NoReview {
            path: file.to_string(),
            reason: format!(
                "đơn vị không có đảng viên tên «{name}»; nhập danh sách trước hoặc chỉ rõ bằng --dang-vien MÃ"
            ),
        }),
        _ => Err(ImportError::NoReview {
            path: file.to_string(),
            reason: format!(
                "{} đảng viên tên «{name}» và ngày sinh không phân biệt được; chỉ rõ bằng --dang-vien MÃ",
                by_name.len()
            ),
        }),
    }
}

/// What becomes of each field `read` writes for the member at `index`, and the changes to the
/// unit file.
fn outcomes(
    member: &Member,
    index: usize,
    read: &ReadReview,
    overwrite: bool,
) -> (Vec<FieldOutcome>, Vec<Change>) {
    let held = serde_json::json!({
        "tu_kiem_diem": serde_json::to_value(&member.self_review).unwrap_or_default(),
        "danh_gia": serde_json::to_value(&member.assessment).unwrap_or_default(),
    });
    let mut fields = Vec::new();
    let mut changes = Vec::new();
    for value in &read.values {
        let pointer = format!("/{}", value.path.replace(['.', '['], "/").replace(']', ""));
        let in_file = held.pointer(&pointer).and_then(shown);
        let outcome = match &in_file {
            None => FieldDone::Filled,
            Some(old) if alike(old, &value.value) => FieldDone::Same,
            Some(_) if overwrite => FieldDone::Overwritten,
            Some(_) => FieldDone::Kept,
        };
        if matches!(outcome, FieldDone::Filled | FieldDone::Overwritten) {
            changes.push(Change {
                path: format!("dang_vien[{index}].{}", value.path),
                value: value.value.clone(),
            });
        }
        fields.push(FieldOutcome {
            path: value.path.clone(),
            value: value.value.clone(),
            in_file,
            outcome,
        });
    }
    (fields, changes)
}

/// A value the data holds, as text; `None` when it holds none.
fn shown(value: &Json) -> Option<String> {
    match value {
        Json::String(text) if !text.trim().is_empty() => Some(text.clone()),
        Json::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// Whether two values say the same: the same words, or the same number.
fn alike(a: &str, b: &str) -> bool {
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    words(a) == words(b)
        || matches!(
            (a.replace(',', ".").parse::<f64>(), b.replace(',', ".").parse::<f64>()),
            (Ok(x), Ok(y)) if x == y
        )
}

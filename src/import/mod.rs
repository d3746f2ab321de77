//! Reading in what offices already hold: member lists kept in spreadsheets (.xlsx, .xls, .ods,
//! .csv), their columns known by their titles, their rows as members' values; and the
//! self-reviews members wrote in Word, read back by their form's headings.

pub mod columns;
pub mod docx;
pub mod fonts;
pub mod merge;
pub mod report;
pub mod review;
pub mod reviews;
pub mod roster;
pub mod sheet;

use std::path::{Path, PathBuf};

use miette::Diagnostic;
use serde::Serialize;
use thiserror::Error;

use crate::dossier::workspace::{Edit, Files, Workspace};
use crate::dossier::{self, LoadError};
use merge::RowOutcome;
pub use reviews::{ReviewImport, ReviewsReport, import_reviews, reviews_into};
use roster::{NotRead, Skipped};

/// Why a file could not be imported.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum ImportError {
    /// The file cannot be read as a spreadsheet or a CSV file.
    #[error("không đọc được {path}: {reason}")]
    Unreadable {
        /// The file, as named.
        path: String,
        /// Why, in Vietnamese.
        reason: String,
    },
    /// The unit file does not read, before or after the list is written in.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Unit(#[from] LoadError),
    /// The list's values could not be written into the unit file.
    #[error("{path}: không ghi được danh sách vào tệp: {reason}")]
    NotWritten {
        /// The unit file, as named.
        path: String,
        /// Why, in Vietnamese.
        reason: String,
    },
    /// A review cannot be read into the unit: its writer is not found, or its form not known.
    #[error("{path}: {reason}")]
    NoReview {
        /// The Word file, as named.
        path: String,
        /// Why, in Vietnamese.
        reason: String,
    },
    /// The sheet has no member list hoso can place.
    #[error("{path}: {reason}")]
    NoList {
        /// The file, as named.
        path: String,
        /// Why, in Vietnamese.
        reason: String,
    },
}

/// The member list in the spreadsheet or CSV file at `path`.
pub fn read_roster(path: &std::path::Path) -> Result<roster::Roster, ImportError> {
    let grid = sheet::read_grid(path)?;
    roster::roster_of(&grid).map_err(|reason| ImportError::NoList {
        path: path.display().to_string(),
        reason,
    })
}

/// A column as the report names it: its title and, when read, the key it fills.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnReport {
    /// The title, as the sheet writes it.
    pub title: String,
    /// The data's key it fills, when it fills one.
    pub key: Option<&'static str>,
    /// Why it was not read, when it was not.
    pub not_read: Option<&'static str>,
}

/// What one list did.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The list's file, as named.
    pub file: String,
    /// The sheet read.
    pub sheet: String,
    /// The header row, from 1.
    pub header_row: usize,
    /// Every titled column, read or not.
    pub columns: Vec<ColumnReport>,
    /// Every member row and what became of it.
    pub rows: Vec<RowOutcome>,
    /// The rows that are not members, and why.
    pub skipped_rows: Vec<SkippedRow>,
    /// What was done to the header's titles (a title in an old encoding read in Unicode).
    pub notes: Vec<String>,
}

/// A row that is not a member, as the report names it.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedRow {
    /// The sheet's row, from 1.
    pub row: usize,
    /// What it starts with.
    pub start: String,
    /// Why, in Vietnamese.
    pub reason: String,
}

/// What an import did to the unit file.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    /// The unit file, as named.
    pub unit: String,
    /// Each list, in the order given.
    pub files: Vec<FileReport>,
    /// Whether the unit file was written (something changed, and not a dry run).
    pub written: bool,
}

/// Why a column was not read, as the report says it.
fn why_not_read(why: NotRead) -> &'static str {
    match why {
        NotRead::Unknown => "hoso không biết cột này",
        NotRead::Ambiguous => {
            "không rõ là chức vụ Đảng hay chức vụ chính quyền: đặt tên cột «Chức vụ Đảng» hoặc «Chức vụ chính quyền» rồi nhập lại"
        }
        NotRead::NoPlace => "dữ liệu hoso không có trường này",
    }
}

/// Reads the member lists `lists` into the unit file `unit` (and its members' own files):
/// members matched or added, empty fields filled, differing values written only when
/// `overwrite`. Each file changed is written once, whole or not at all, unless `dry_run`; the
/// files written must read as a unit again.
pub fn import_rosters(
    unit: &Path,
    lists: &[PathBuf],
    overwrite: bool,
    dry_run: bool,
) -> Result<ImportReport, ImportError> {
    let (workspace, original) = unit_files(unit)?;
    let (files, reports) = rosters_into(&workspace, &original, lists, overwrite)?;
    let written = write_changed(&original, &files, dry_run)?;
    Ok(ImportReport {
        unit: unit.display().to_string(),
        files: reports,
        written,
    })
}

/// The unit file at `unit` and its members' files, as an import starts from them.
pub fn unit_files(unit: &Path) -> Result<(Workspace, Files), ImportError> {
    let workspace = Workspace::new(unit.to_path_buf());
    let snapshot = workspace.read().map_err(|err| ImportError::Unreadable {
        path: unit.display().to_string(),
        reason: err.to_string(),
    })?;
    snapshot.dossier.map_err(ImportError::Unit)?;
    Ok((workspace, snapshot.files))
}

/// Writes each of `files` that differs from `original`, whole, unless `dry_run`; whether
/// anything was written.
pub(crate) fn write_changed(
    original: &Files,
    files: &Files,
    dry_run: bool,
) -> Result<bool, ImportError> {
    let changed: Vec<(&PathBuf, &String)> = files
        .iter()
        .filter(|(path, text)| original.get(*path) != Some(*text))
        .collect();
    if dry_run || changed.is_empty() {
        return Ok(false);
    }
    for (path, text) in changed {
        write_whole(path, text)?;
    }
    Ok(true)
}

/// The data of the unit's `files`, with last year's reviews it links.
pub(crate) fn unit_data(
    workspace: &Workspace,
    files: &Files,
) -> Result<dossier::Dossier, ImportError> {
    Ok(workspace.data_of(files)?)
}

/// What `edit` makes of the unit's `files`.
pub(crate) fn edited(
    workspace: &Workspace,
    files: &Files,
    edit: &Edit,
) -> Result<Files, ImportError> {
    workspace
        .edited(files, edit)
        .map_err(|err| ImportError::NotWritten {
            path: workspace.file().display().to_string(),
            reason: err.to_string(),
        })
}

/// The unit's `files` with the member lists `lists` read in (as [`import_rosters`] does,
/// nothing written), and the report of each list.
pub fn rosters_into(
    workspace: &Workspace,
    files: &Files,
    lists: &[PathBuf],
    overwrite: bool,
) -> Result<(Files, Vec<FileReport>), ImportError> {
    let mut current = unit_data(workspace, files)?;
    let mut files = files.clone();
    let mut reports = Vec::new();
    for list in lists {
        let roster = read_roster(list)?;
        let plan = merge::plan(&current, &roster, overwrite);
        if !plan.is_empty() {
            files = merge::apply(workspace, &files, current.members.len(), &plan)?;
            current = unit_data(workspace, &files)?;
        }
        reports.push(report_of(list, &roster, plan.rows));
    }
    Ok((files, reports))
}

/// The report of one list.
fn report_of(list: &Path, roster: &roster::Roster, rows: Vec<RowOutcome>) -> FileReport {
    let mut columns: Vec<(usize, ColumnReport)> = roster
        .placed
        .iter()
        .map(|placed| {
            (
                placed.index,
                ColumnReport {
                    title: placed.title.clone(),
                    key: placed.column.key(),
                    not_read: None,
                },
            )
        })
        .chain(roster.unread.iter().map(|unread| {
            (
                unread.index,
                ColumnReport {
                    title: unread.title.clone(),
                    key: None,
                    not_read: Some(why_not_read(unread.why)),
                },
            )
        }))
        .collect();
    columns.sort_by_key(|(index, _)| *index);
    FileReport {
        file: list.display().to_string(),
        sheet: roster.sheet.clone(),
        header_row: roster.header_row,
        columns: columns.into_iter().map(|(_, column)| column).collect(),
        rows,
        skipped_rows: roster
            .skipped
            .iter()
            .map(|Skipped { row, start, reason }| SkippedRow {
                row: *row,
                start: start.clone(),
                reason: reason.clone(),
            })
            .collect(),
        notes: roster.notes.clone(),
    }
}

/// Writes `text` as `unit`, whole or not at all: staged beside it, then moved over it.
fn write_whole(unit: &Path, text: &str) -> Result<(), ImportError> {
    let failed = |reason: String| ImportError::NotWritten {
        path: unit.display().to_string(),
        reason,
    };
    let dir = unit
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = unit
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| failed("không phải tên tệp".to_string()))?;
    let staging = crate::output::Staging::new(dir).map_err(|err| failed(err.to_string()))?;
    crate::output::Sink::add(&staging, &name, text.as_bytes())
        .map_err(|err| failed(err.to_string()))?;
    staging.commit().map_err(|err| failed(err.to_string()))?;
    Ok(())
}

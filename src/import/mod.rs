//! Reading in what offices already hold: member lists kept in spreadsheets (.xlsx, .xls, .ods,
//! .csv), their columns known by their titles, their rows as members' values.

pub mod columns;
pub mod merge;
pub mod roster;
pub mod sheet;

use miette::Diagnostic;
use thiserror::Error;

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

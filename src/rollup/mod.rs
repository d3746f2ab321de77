//! The upper level's roll-up: the results of many units counted per unit and in total, and the
//! rules that hold across them (the quota of the highest level counts every unit together).

mod across;
mod table;

use std::path::{Path, PathBuf};

use miette::Diagnostic;
use serde::Serialize;
use thiserror::Error;

use crate::dossier::{Dossier, Rating};
use crate::forms::Catalogue;
use crate::output::{Staging, WriteError};
use crate::rules::{self, By};

pub use across::{RollupFinding, check};
pub use table::{Cell, Table, to_csv, to_xlsx};

/// How many subjects stand at each level, from the highest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Levels {
    /// Hoàn thành xuất sắc nhiệm vụ.
    pub excellent: usize,
    /// Hoàn thành tốt nhiệm vụ.
    pub good: usize,
    /// Hoàn thành nhiệm vụ.
    pub completed: usize,
    /// Không hoàn thành nhiệm vụ.
    pub not_completed: usize,
}

impl Levels {
    /// Counts one more subject at `rating`.
    fn add(&mut self, rating: Rating) {
        *self.at_mut(rating) += 1;
    }

    fn at_mut(&mut self, rating: Rating) -> &mut usize {
        match rating {
            Rating::Excellent => &mut self.excellent,
            Rating::Good => &mut self.good,
            Rating::Completed => &mut self.completed,
            Rating::NotCompleted => &mut self.not_completed,
        }
    }

    /// How many stand at `rating`.
    pub fn at(&self, rating: Rating) -> usize {
        match rating {
            Rating::Excellent => self.excellent,
            Rating::Good => self.good,
            Rating::Completed => self.completed,
            Rating::NotCompleted => self.not_completed,
        }
    }

    /// How many are rated at all.
    pub fn rated(&self) -> usize {
        Rating::ALL.iter().map(|r| self.at(*r)).sum()
    }

    /// The sum of two counts.
    fn plus(self, other: Levels) -> Levels {
        Levels {
            excellent: self.excellent + other.excellent,
            good: self.good + other.good,
            completed: self.completed + other.completed,
            not_completed: self.not_completed + other.not_completed,
        }
    }
}

/// A member the roll-up does not count at a level, and why, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotRated {
    /// The member's name.
    pub name: String,
    /// Why the member has no level.
    pub why: String,
}

/// One unit's results.
#[derive(Debug, Clone, Serialize)]
pub struct UnitResults {
    /// The unit's name, as its documents print it.
    pub unit: String,
    /// The data file it was read from.
    pub file: String,
    /// The review year.
    pub year: i32,
    /// The level of the collective (its leadership), when the meeting or the data gives one.
    pub collective: Option<Rating>,
    /// The members of the unit.
    pub members: usize,
    /// The members at each level: the meeting's vote, else the chi bộ's proposal.
    pub levels: Levels,
    /// The members with no level, and why.
    pub not_rated: Vec<NotRated>,
    /// The names of the members rated "Hoàn thành xuất sắc nhiệm vụ".
    pub excellent: Vec<String>,
}

/// The results of `dossier`, read from `file`, as the roll-up counts them.
pub fn unit_results(dossier: &Dossier, file: &str, catalogue: &Catalogue) -> UnitResults {
    let standing = rules::standing(dossier, catalogue);
    let mut levels = Levels::default();
    let mut not_rated = Vec::new();
    let mut excellent = Vec::new();
    for (member, given) in dossier.members.iter().zip(&standing.members) {
        let name = member.name.to_string();
        let why = if !dossier.reviews(member) {
            Some("mới kết nạp chưa đủ 06 tháng: không kiểm điểm".to_string())
        } else if member.is_new_on(dossier.meeting.date) {
            Some("mới kết nạp chưa đủ 06 tháng: kiểm điểm, không xếp loại".to_string())
        } else {
            match given {
                Some(given) if given.by != By::Itself => None,
                Some(_) => Some("mới có mức tự đề xuất, chưa có kết quả của chi bộ".to_string()),
                None => Some(
                    match dossier
                        .meeting
                        .absent
                        .iter()
                        .find(|a| a.id.value == member.id.value)
                    {
                        Some(away) => format!(
                            "vắng mặt tại hội nghị{}: chưa được xếp loại",
                            away.reason
                                .as_ref()
                                .map(|r| format!(" ({r})"))
                                .unwrap_or_default()
                        ),
                        None => "chưa có kết quả xếp loại".to_string(),
                    },
                ),
            }
        };
        match (why, given) {
            (Some(why), _) => not_rated.push(NotRated { name, why }),
            (None, Some(given)) => {
                levels.add(given.rating);
                if given.rating == Rating::Excellent {
                    excellent.push(name);
                }
            }
            (None, None) => {}
        }
    }
    UnitResults {
        unit: dossier.organisation.name.to_string(),
        file: file.to_string(),
        year: dossier.year,
        collective: standing
            .collective
            .filter(|given| given.by == By::Meeting)
            .map(|given| given.rating),
        members: dossier.members.len(),
        levels,
        not_rated,
        excellent,
    }
}

/// The roll-up of many units: each unit's results and the totals.
#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    /// Each unit, in the order given.
    pub units: Vec<UnitResults>,
    /// The members at each level, all units together.
    pub members: Levels,
    /// The units' collectives at each level.
    pub collectives: Levels,
    /// How many members the units have in all.
    pub member_count: usize,
}

impl Rollup {
    /// The totals of `units`.
    pub fn of(units: Vec<UnitResults>) -> Rollup {
        let members = units
            .iter()
            .fold(Levels::default(), |sum, unit| sum.plus(unit.levels));
        let mut collectives = Levels::default();
        for rating in units.iter().filter_map(|unit| unit.collective) {
            collectives.add(rating);
        }
        Rollup {
            member_count: units.iter().map(|unit| unit.members).sum(),
            units,
            members,
            collectives,
        }
    }
}

/// The results of every unit of `dossiers` (read from `files`), counted in parallel, and the
/// totals.
pub fn of_units(dossiers: &[Dossier], files: &[String], catalogue: &Catalogue) -> Rollup {
    let units: Vec<(&Dossier, &String)> = dossiers.iter().zip(files).collect();
    Rollup::of(crate::parallel::map(&units, |(dossier, file)| {
        unit_results(dossier, file, catalogue)
    }))
}

/// The name of the roll-up's table files, without extension.
pub const TABLE_NAME: &str = "tong-hop";

/// Why the roll-up's files could not be written.
#[derive(Debug, Error, Diagnostic)]
pub enum RollupError {
    /// A file could not be written.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Write(#[from] WriteError),
    /// The spreadsheet could not be made.
    #[error("không tạo được bảng XLSX: {0}")]
    Xlsx(String),
}

/// Writes the roll-up's table into `dir` as `tong-hop.csv` and `tong-hop.xlsx`, both or none;
/// returns the paths written.
pub fn write(rollup: &Rollup, dir: &Path) -> Result<Vec<PathBuf>, RollupError> {
    let table = Table::of(rollup);
    let xlsx = to_xlsx(&table).map_err(|err| RollupError::Xlsx(err.to_string()))?;
    let staging = Staging::new(dir)?;
    staging.add(&format!("{TABLE_NAME}.csv"), to_csv(&table).as_bytes())?;
    staging.add(&format!("{TABLE_NAME}.xlsx"), &xlsx)?;
    Ok(staging.commit()?)
}

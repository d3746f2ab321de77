//! The upper level's roll-up: the results of many units counted per unit and in total, and the
//! rules that hold across them (the quota of the highest level counts every unit together).

mod across;
mod report;
mod table;

use std::path::{Path, PathBuf};

use miette::Diagnostic;
use serde::Serialize;
use thiserror::Error;

use crate::date::Date;
use crate::dossier::{Dossier, LoadError, Rating, yaml_quoted};
use crate::forms::Catalogue;
use crate::output::{Sink, Staging, WriteError};
use crate::packet::{PacketError, Writer};
use crate::regime::Regime;
use crate::render::Format;
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
    /// The level of the organisation, once the level above has decided it (`to_chuc.xep_loai`):
    /// a chi bộ is rated by the đảng ủy, not by its own meeting.
    pub organisation: Option<Rating>,
    /// The level the meeting voted for the collective (its chi ủy or leadership), when it did.
    pub collective: Option<Rating>,
    /// The members of the unit.
    pub members: usize,
    /// The members at each level: the meeting's vote, else the chi bộ's proposal.
    pub levels: Levels,
    /// The members with no level, and why.
    pub not_rated: Vec<NotRated>,
    /// The names of the members rated "Hoàn thành xuất sắc nhiệm vụ".
    pub excellent: Vec<String>,
    /// The unit's members at each level last year, when it links its previous review.
    #[serde(skip)]
    pub previous: Option<Levels>,
    /// What of the unit the roll-up needs once its data is dropped.
    #[serde(skip)]
    pub facts: UnitFacts,
    /// The unit's own findings the roll-up repeats (its quota, its head above it).
    #[serde(skip)]
    pub findings: Vec<rules::Finding>,
}

/// What the roll-up keeps of a unit's data beside its counts.
#[derive(Debug, Clone)]
pub struct UnitFacts {
    /// The superior the unit names (`to_chuc.cap_tren`).
    pub superior: String,
    /// The place its documents print.
    pub place: String,
    /// The day of its meeting.
    pub meeting: Date,
    /// The share of "Hoàn thành tốt nhiệm vụ" it may rate "xuất sắc", in per cent.
    pub quota: u8,
    /// The regime of its review.
    pub regime: Regime,
}

/// The results of `dossier`, read from `file`, as the roll-up counts them, with its findings
/// of `rules` and last year's counts when it links its previous review.
pub fn unit_results(
    dossier: &Dossier,
    file: &str,
    catalogue: &Catalogue,
    rules: &[&str],
) -> UnitResults {
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
        previous: dossier
            .previous
            .as_deref()
            .and_then(|previous| previous.of_unit(&dossier.organisation.name))
            .map(|previous| unit_results(previous, &previous.source.name, catalogue, &[]).levels),
        facts: UnitFacts {
            superior: dossier.organisation.superior.to_string(),
            place: dossier.organisation.place.to_string(),
            meeting: dossier.meeting.date,
            quota: dossier
                .organisation
                .excellent_quota
                .map_or(rules::USUAL_QUOTA, |q| q.value()),
            regime: dossier.regime(),
        },
        findings: rules::check_only(dossier, catalogue, rules),
        unit: dossier.organisation.name.to_string(),
        file: file.to_string(),
        year: dossier.year,
        organisation: dossier.organisation.rating,
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
    /// The units at each level, as the level above rated them (`to_chuc.xep_loai`).
    pub organisations: Levels,
    /// The units' collectives (chi ủy, leadership) at each level, as their meetings voted.
    pub collectives: Levels,
    /// How many members the units have in all.
    pub member_count: usize,
    /// How many members are not rated, all units together.
    pub not_rated: usize,
    /// The members at each level last year, in the units that link their previous review.
    pub previous: Option<Levels>,
    /// How many units link their previous review.
    pub previous_units: usize,
}

impl Rollup {
    /// The totals of `units`.
    pub fn of(units: Vec<UnitResults>) -> Rollup {
        let previous: Vec<Levels> = units.iter().filter_map(|unit| unit.previous).collect();
        let members = units
            .iter()
            .fold(Levels::default(), |sum, unit| sum.plus(unit.levels));
        let count = |level: fn(&UnitResults) -> Option<Rating>| {
            let mut levels = Levels::default();
            units
                .iter()
                .filter_map(level)
                .for_each(|rating| levels.add(rating));
            levels
        };
        let collectives = count(|unit| unit.collective);
        let organisations = count(|unit| unit.organisation);
        Rollup {
            member_count: units.iter().map(|unit| unit.members).sum(),
            not_rated: units.iter().map(|unit| unit.not_rated.len()).sum(),
            units,
            members,
            organisations,
            collectives,
            previous_units: previous.len(),
            previous: previous.into_iter().reduce(Levels::plus),
        }
    }
}

/// Reads every unit of `files` with its previous review and counts it, in parallel; each unit's
/// data is dropped once counted, so memory holds the counts, not the units. The first file that
/// cannot be read stops the roll-up.
pub fn read(files: &[PathBuf], catalogue: &Catalogue) -> Result<Rollup, LoadError> {
    let units = crate::parallel::try_map(files, |file| {
        let dossier = crate::dossier::load(file)?;
        Ok(unit_results(
            &dossier,
            &file.display().to_string(),
            catalogue,
            &across::UNIT_RULES,
        ))
    })?;
    Ok(Rollup::of(units))
}

/// The name of the roll-up's files, without extension.
pub const FILE_NAME: &str = "tong-hop";

/// The id of the roll-up report's form.
pub const REPORT_FORM: &str = "bao-cao-tong-hop";

/// Why the roll-up's files could not be made or written.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum RollupError {
    /// The report could not be drawn or a file written.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Packet(#[from] PacketError),
    /// The spreadsheet could not be made.
    #[error("không tạo được bảng XLSX: {0}")]
    Xlsx(#[source] rust_xlsxwriter::XlsxError),
}

impl From<WriteError> for RollupError {
    fn from(err: WriteError) -> Self {
        RollupError::Packet(err.into())
    }
}

/// The organisation that issues the roll-up when the command line names none: the superior that
/// the units name (`to_chuc.cap_tren`, the first one's when they differ), as a đảng bộ, in the
/// first unit's place, dated the latest meeting; its own superior, number and signer left to
/// write by hand.
pub fn default_issuer(rollup: &Rollup) -> Option<Dossier> {
    let first = rollup.units.first()?;
    let latest = rollup.units.iter().map(|unit| unit.facts.meeting).max()?;
    let yaml = format!(
        "nam: {}\nto_chuc: {{cap_tren: \"…\", ten: {}, dia_danh: {}, loai: dang_bo, co_chi_uy: true}}\nhoi_nghi: {{ngay: {latest}}}\ndang_vien: []\n",
        first.year,
        yaml_quoted(&first.facts.superior),
        yaml_quoted(&first.facts.place),
    );
    crate::dossier::parse(&yaml, "tong-hop").ok()
}

/// Writes the roll-up into `dir`, every file or none: the report issued by `issuer` as PDF and
/// DOCX, and the table as `tong-hop.csv` and `tong-hop.xlsx`; returns the paths written.
pub fn write(
    rollup: &Rollup,
    issuer: &Dossier,
    catalogue: &Catalogue,
    dir: &Path,
) -> Result<Vec<PathBuf>, RollupError> {
    let form = catalogue
        .find(REPORT_FORM, issuer.regime(), issuer.year)
        .map_err(PacketError::from)?;
    let report = catalogue
        .rollup_document(form, issuer, rollup)
        .map_err(PacketError::from)?;
    let table = Table::of(rollup);
    let xlsx = to_xlsx(&table).map_err(RollupError::Xlsx)?;
    let staging = Staging::new(dir)?;
    Writer {
        formats: &[Format::Pdf, Format::Docx],
        sink: &staging,
        conformance: crate::packet::conformance_of(issuer),
    }
    .write(&report, FILE_NAME)?;
    staging.add(&format!("{FILE_NAME}.csv"), to_csv(&table).as_bytes())?;
    staging.add(&format!("{FILE_NAME}.xlsx"), &xlsx)?;
    Ok(staging.commit()?)
}

//! `hoso tong-hop`: many units' results, per unit and in total, the rules across them, and the
//! table files.

use hoso::dossier::{Dossier, Rating};
use hoso::forms::Catalogue;
use hoso::packet;
use hoso::rollup::{self, Levels, Rollup, RollupFinding};
use hoso::rules::{self, Finding};
use serde::Serialize;

use super::args::{ReportFormat, RollupArgs};
use super::{CliError, terminal};

/// What `hoso tong-hop --format json` prints: stable field names for other programs.
#[derive(Serialize)]
struct JsonReport<'a> {
    /// The review year.
    year: Option<i32>,
    /// Each unit's results and the totals.
    rollup: &'a Rollup,
    /// How many findings are errors.
    errors: usize,
    /// Every finding: each unit's quota and head findings, then those across units.
    findings: &'a [RollupFinding],
    /// The files written, none when an error stopped them.
    files: Vec<String>,
}

/// Runs `hoso tong-hop`: reads every unit, counts, checks across units, prints the result and
/// writes the tables unless a rule is broken (or `--force`).
pub fn run(args: &RollupArgs, catalogue: &Catalogue) -> Result<(), CliError> {
    let files = packet::unit_files(&args.data)?;
    let dossiers: Vec<Dossier> = packet::load_units(&files, None)?
        .into_iter()
        .collect::<Result<_, _>>()?;
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let rollup = rollup::of_units(&dossiers, &names, catalogue);
    let findings = rollup::check(&dossiers, &names, &rollup, catalogue);
    let plain: Vec<Finding> = findings.iter().map(|f| f.finding.clone()).collect();
    let errors = rules::errors(&plain);
    let write = errors == 0 || args.force;
    let written = if write {
        rollup::write(&rollup, &args.output)?
    } else {
        Vec::new()
    };
    match args.format {
        ReportFormat::Json => {
            let report = JsonReport {
                year: dossiers.first().map(|d| d.year),
                rollup: &rollup,
                errors,
                findings: &findings,
                files: written.iter().map(|p| p.display().to_string()).collect(),
            };
            if let Ok(json) = serde_json::to_string_pretty(&report) {
                terminal::out(&json);
            }
        }
        ReportFormat::Text => {
            terminal::out(&summary(&rollup, dossiers.first()));
            for finding in &findings {
                let file = finding.file.as_deref().unwrap_or("các đơn vị");
                terminal::note(
                    super::check::text(file, std::slice::from_ref(&finding.finding)).trim_end(),
                );
            }
            if !written.is_empty() {
                terminal::report_written(&written);
            }
        }
    }
    match errors {
        0 => Ok(()),
        errors if args.force => {
            terminal::note(&format!(
                "--force: vẫn ghi bảng dù kết quả có {errors} lỗi theo quy định đánh giá, xếp loại"
            ));
            Ok(())
        }
        errors => Err(CliError::RulesBroken(errors)),
    }
}

/// The counts as a clerk reads them: a line per unit with those not rated, then the total and
/// the members rated "Hoàn thành xuất sắc nhiệm vụ" by name.
fn summary(rollup: &Rollup, first: Option<&Dossier>) -> String {
    let mut out = format!(
        "Tổng hợp {} đơn vị{}: {} đảng viên, {} được xếp loại.\n",
        rollup.units.len(),
        first
            .map(|d| format!(", năm {} (chế độ {})", d.year, d.regime().key()))
            .unwrap_or_default(),
        rollup.member_count,
        rollup.members.rated()
    );
    for unit in &rollup.units {
        out.push_str(&format!(
            "  {}: {} đảng viên; {}; chưa xếp loại {}\n",
            unit.unit,
            unit.members,
            levels_line(&unit.levels),
            unit.not_rated.len()
        ));
        for not_rated in &unit.not_rated {
            out.push_str(&format!("    - {}: {}\n", not_rated.name, not_rated.why));
        }
    }
    out.push_str(&format!("  Toàn bộ: {}\n", levels_line(&rollup.members)));
    let excellent: Vec<String> = rollup
        .units
        .iter()
        .flat_map(|unit| {
            unit.excellent
                .iter()
                .map(move |name| format!("{name} ({})", unit.unit))
        })
        .collect();
    if !excellent.is_empty() {
        out.push_str(&format!(
            "  {}: {}\n",
            Rating::Excellent.label_vi(),
            excellent.join(", ")
        ));
    }
    out.trim_end().to_string()
}

/// "xuất sắc 1 (14,3%), tốt 5 (71,4%), …" of those rated.
fn levels_line(levels: &Levels) -> String {
    let rated = u32::try_from(levels.rated()).unwrap_or(u32::MAX);
    Rating::ALL
        .iter()
        .map(|rating| {
            let count = levels.at(*rating);
            format!(
                "{} {count} ({})",
                rating.label_vi().to_lowercase(),
                hoso::tally::share_vi(u32::try_from(count).unwrap_or(u32::MAX), rated)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

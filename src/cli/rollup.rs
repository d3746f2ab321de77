//! `hoso tong-hop`: many units' results, per unit and in total, the rules across them, and the
//! table files.

use hoso::dossier::Rating;
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
    let rollup = rollup::read(&files, catalogue)?;
    let findings = rollup::check(&rollup);
    let plain: Vec<Finding> = findings.iter().map(|f| f.finding.clone()).collect();
    let errors = rules::errors(&plain);
    let issuer = match &args.issuer {
        Some(file) => Some(hoso::dossier::load(file)?),
        None => rollup::default_issuer(&rollup),
    };
    let written = match issuer {
        Some(mut issuer) if errors == 0 || args.force => {
            issuer.pdf_a |= args.archive.pdf_a;
            rollup::write(&rollup, &issuer, catalogue, &args.output)?
        }
        _ => Vec::new(),
    };
    match args.report.format {
        ReportFormat::Json => {
            let report = JsonReport {
                year: rollup.units.first().map(|unit| unit.year),
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
            terminal::out(&summary(&rollup));
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

/// The most names of members rated "Hoàn thành xuất sắc nhiệm vụ" the summary lists; more are
/// counted, and named in the report.
const NAMES_SHOWN: usize = 20;

/// The counts as a clerk reads them: a line per unit with those not rated, then the total and
/// the members rated "Hoàn thành xuất sắc nhiệm vụ" by name.
fn summary(rollup: &Rollup) -> String {
    let mut out = format!(
        "Tổng hợp {} đơn vị{}: {} đảng viên, {} được xếp loại.\n",
        rollup.units.len(),
        rollup
            .units
            .first()
            .map(|unit| format!(", năm {} (chế độ {})", unit.year, unit.facts.regime.key()))
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
    match excellent.len() {
        0 => {}
        count if count <= NAMES_SHOWN => out.push_str(&format!(
            "  {}: {}\n",
            Rating::Excellent.label_vi(),
            excellent.join(", ")
        )),
        count => out.push_str(&format!(
            "  {}: {count} đồng chí, có tên trong báo cáo\n",
            Rating::Excellent.label_vi()
        )),
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

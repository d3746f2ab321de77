//! `hoso nhap`: what offices already hold, read into the unit file, and a report of every row.

use super::CliError;
use super::args::{NhapArgs, NhapWhat, ReportFormat};
use super::terminal;
use hoso::forms::Catalogue;
use hoso::import::report::{review_lines, roster_lines};
use hoso::import::{ReviewImport, import_reviews, import_rosters};

/// Runs `hoso nhap`, reading reviews by the forms of `catalogue`.
pub fn run(args: &NhapArgs, catalogue: &Catalogue) -> Result<(), CliError> {
    match &args.what {
        NhapWhat::DanhSach {
            lists,
            unit,
            overwrite,
            dry_run,
            report,
        } => {
            let done = import_rosters(unit, lists, *overwrite, *dry_run)?;
            let lines = roster_lines(&done.files);
            print(
                report.format,
                &done,
                lines,
                &done.unit,
                done.written,
                *dry_run,
            );
            Ok(())
        }
        NhapWhat::BanKiemDiem {
            files,
            unit,
            member,
            overwrite,
            dry_run,
            report,
        } => {
            if member.is_some() && files.len() > 1 {
                return Err(CliError::Usage(
                    "--dang-vien chỉ dùng khi nhập một bản kiểm điểm".to_string(),
                ));
            }
            let done = import_reviews(
                catalogue,
                &ReviewImport {
                    unit,
                    files,
                    member: member.as_deref(),
                    overwrite: *overwrite,
                    dry_run: *dry_run,
                },
            )?;
            let lines = review_lines(&done.reviews);
            print(
                report.format,
                &done,
                lines,
                &done.unit,
                done.written,
                *dry_run,
            );
            Ok(())
        }
    }
}

/// Prints an import's report: as JSON, or its `lines` for a reader, the totals ending with what
/// became of the unit file.
fn print(
    format: ReportFormat,
    report: &impl serde::Serialize,
    lines: Vec<String>,
    unit: &str,
    written: bool,
    dry_run: bool,
) {
    match format {
        ReportFormat::Json => {
            terminal::out(&serde_json::to_string_pretty(report).unwrap_or_default());
        }
        ReportFormat::Text => terminal::out(&with_outcome(lines, unit, written, dry_run)),
    }
}

/// The report's lines, the totals ending with what became of the unit file.
fn with_outcome(mut lines: Vec<String>, unit: &str, written: bool, dry_run: bool) -> String {
    let outcome = if written {
        format!("đã ghi {unit}")
    } else if dry_run {
        format!("chưa ghi {unit} (--kiem-tra)")
    } else {
        format!("{unit} không có gì thay đổi")
    };
    if let Some(totals) = lines.last_mut() {
        totals.push_str(&format!("; {outcome}."));
    }
    lines.join("\n")
}

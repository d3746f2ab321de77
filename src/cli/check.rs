//! `hoso check`: the data and the rating rules, with every finding, as text or JSON.

use hoso::dossier::{self, LoadError};
use hoso::forms::Catalogue;
use hoso::rules::{self, Finding, Level};
use serde::Serialize;

use super::args::{CheckArgs, ReportFormat};
use super::{CliError, terminal};

/// What `hoso check --format json` prints: stable field names for other programs.
#[derive(Serialize)]
struct JsonReport<'a> {
    /// The data file as the user named it.
    file: String,
    /// The review year, when the data could be read.
    year: Option<i32>,
    /// The regime whose rules were checked, when the data could be read.
    regime: Option<String>,
    /// How many findings are errors.
    errors: usize,
    /// How many findings are warnings.
    warnings: usize,
    /// The readings applied where the central texts give no rule (`quy_tac`), when the data
    /// could be read.
    readings: Option<hoso::dossier::Readings>,
    /// Every finding, in the order of the rules.
    findings: &'a [Finding],
}

/// Runs `hoso check`: exit 0 with no error, 1 with errors.
pub fn run(args: &CheckArgs, catalogue: &Catalogue) -> Result<(), CliError> {
    let file = args.data.display().to_string();
    let dossier = match (
        dossier::load_linked(&args.data, args.previous.file.as_deref()),
        args.report.format,
    ) {
        (Ok(dossier), _) => dossier,
        (Err(LoadError::Data(err)), ReportFormat::Json) => {
            let finding = Finding {
                level: Level::Error,
                rule: "du-lieu",
                path: err.field.clone().unwrap_or_default(),
                file: (err.path != file).then(|| err.path.clone()),
                line: Some(err.line),
                column: Some(err.column),
                message: err.message.clone(),
                source: "cấu trúc tệp dữ liệu của hoso".to_string(),
                earlier: None,
            };
            print_json(&file, None, std::slice::from_ref(&finding));
            return Err(CliError::CheckFailed(1));
        }
        (Err(err), _) => return Err(err.into()),
    };
    let findings = rules::check(&dossier, catalogue);
    match args.report.format {
        ReportFormat::Text => {
            terminal::out(&text(&file, &findings));
            terminal::out(&format!(
                "Cách tính áp dụng ở chỗ văn bản trung ương không quy định (quy_tac): {}.",
                dossier.readings.describe()
            ));
            terminal::out(&summary(&file, dossier.regime().key(), &findings));
        }
        ReportFormat::Json => print_json(&file, Some(&dossier), &findings),
    }
    match rules::errors(&findings) {
        0 => Ok(()),
        errors => Err(CliError::CheckFailed(errors)),
    }
}

fn print_json(file: &str, dossier: Option<&hoso::dossier::Dossier>, findings: &[Finding]) {
    let errors = rules::errors(findings);
    let report = JsonReport {
        file: file.to_string(),
        year: dossier.map(|d| d.year),
        regime: dossier.map(|d| d.regime().key().to_string()),
        errors,
        warnings: findings.len() - errors,
        readings: dossier.map(|d| d.readings),
        findings,
    };
    if let Ok(json) = serde_json::to_string_pretty(&report) {
        terminal::out(&json);
    }
}

/// Each finding on three lines: level, place and field; the reason; the source and rule id. A
/// finding that compares with the previous review has a fourth line: the place there.
pub fn text(file: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let file = finding.file.as_deref().unwrap_or(file);
        let place = match (finding.line, finding.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            _ => file.to_string(),
        };
        out.push_str(&format!(
            "{}: {place}: {}\n    {}\n",
            finding.level.label_vi(),
            finding.path,
            finding.message,
        ));
        if let Some(earlier) = &finding.earlier {
            out.push_str(&format!(
                "    kỳ trước: {}:{}:{}: {}\n",
                earlier.file, earlier.line, earlier.column, earlier.path
            ));
        }
        out.push_str(&format!(
            "    căn cứ: {} [{}]\n",
            finding.source, finding.rule
        ));
    }
    out
}

/// The closing line: how many errors and warnings, under which rules.
fn summary(file: &str, regime: &str, findings: &[Finding]) -> String {
    let errors = rules::errors(findings);
    let warnings = findings.len() - errors;
    let verdict = match errors {
        0 => "không có lỗi".to_string(),
        n => format!("{n} lỗi"),
    };
    format!("Kiểm tra {file} theo chế độ {regime}: {verdict}, {warnings} cảnh báo.")
}

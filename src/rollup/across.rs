//! The rules that hold across the units of a roll-up: the quota of "Hoàn thành xuất sắc nhiệm
//! vụ" counts the members (and the collectives) of every unit together, so units each within
//! their own quota may break it together; and each unit's own quota and "head not above the
//! unit" findings, named with the unit.

use serde::Serialize;

use super::{Rollup, UnitResults};
use crate::dossier::Rating;
use crate::rules::{self, Finding, Level};

/// The rules of each unit that the roll-up reports again, with the unit's name.
pub(super) const UNIT_RULES: [&str; 2] = ["ty-le-xuat-sac", "nguoi-dung-dau-khong-cao-hon-tap-the"];

/// One finding of the roll-up: about one unit (named, with its file), or about all of them.
#[derive(Debug, Clone, Serialize)]
pub struct RollupFinding {
    /// The unit the finding is about; `None` when it is about the units together.
    pub unit: Option<String>,
    /// That unit's data file.
    pub file: Option<String>,
    /// The finding: level, rule, field and line in the unit's file (none across units), message,
    /// source.
    #[serde(flatten)]
    pub finding: Finding,
}

/// A finding about the units together.
fn across(level: Level, rule: &'static str, message: String, source: String) -> RollupFinding {
    RollupFinding {
        unit: None,
        file: None,
        finding: Finding {
            level,
            rule,
            path: String::new(),
            file: None,
            line: None,
            column: None,
            message,
            source,
            earlier: None,
        },
    }
}

/// Every finding of `rollup`: the units' own (their quota, their head above them), named with
/// the unit; then those across the units.
pub fn check(rollup: &Rollup) -> Vec<RollupFinding> {
    let mut findings: Vec<RollupFinding> = rollup
        .units
        .iter()
        .flat_map(|unit| {
            unit.findings.iter().map(|finding| RollupFinding {
                unit: Some(unit.unit.clone()),
                file: Some(unit.file.clone()),
                finding: finding.clone(),
            })
        })
        .collect();
    let Some(first) = rollup.units.first() else {
        return findings;
    };
    if let Some(other) = rollup.units.iter().find(|unit| unit.year != first.year) {
        findings.push(across(
            Level::Error,
            "cung-nam",
            format!(
                "các đơn vị không cùng năm kiểm điểm ({} và {}): mỗi lần tổng hợp một năm",
                first.year, other.year
            ),
            "tổng hợp kết quả của một kỳ kiểm điểm".to_string(),
        ));
        return findings;
    }
    let source = format!(
        "{} (tính chung trong tổ chức cơ sở đảng)",
        rules::quota_source(first.facts.regime)
    );
    // The competent level's 25% holds only where every unit was allowed it.
    let quota = rollup
        .units
        .iter()
        .map(|unit| unit.facts.quota)
        .min()
        .unwrap_or(rules::USUAL_QUOTA);
    if let Some(message) = over_quota(
        &rollup.units,
        |unit| unit.excellent.clone(),
        rollup.members.good,
        quota,
        "đảng viên",
    ) {
        findings.push(across(
            Level::Error,
            "ty-le-xuat-sac-chung",
            message,
            source.clone(),
        ));
    }
    if let Some(message) = over_quota(
        &rollup.units,
        |unit| {
            (unit.collective == Some(Rating::Excellent))
                .then(|| unit.unit.clone())
                .into_iter()
                .collect()
        },
        rollup.collectives.good,
        rules::USUAL_QUOTA,
        "tập thể",
    ) {
        findings.push(across(
            Level::Error,
            "ty-le-xuat-sac-tap-the",
            message,
            source,
        ));
    }
    findings
}

/// Why the subjects rated "Hoàn thành xuất sắc nhiệm vụ" across `units` are more than `quota`
/// per cent of the `good` ones allow, naming each unit's count and, for members, the people;
/// `None` within the quota. `excellent_of` gives a unit's subjects so rated: the members' names,
/// or the unit's own name for its collective.
fn over_quota(
    units: &[UnitResults],
    excellent_of: impl Fn(&UnitResults) -> Vec<String>,
    good: usize,
    quota: u8,
    what: &str,
) -> Option<String> {
    let by_unit: Vec<(&UnitResults, Vec<String>)> = units
        .iter()
        .map(|unit| (unit, excellent_of(unit)))
        .filter(|(_, named)| !named.is_empty())
        .collect();
    let excellent: usize = by_unit.iter().map(|(_, named)| named.len()).sum();
    let allowed = rules::allowed(good, quota);
    if excellent <= allowed {
        return None;
    }
    let listed: Vec<String> = by_unit
        .iter()
        .map(|(unit, named)| match named.as_slice() {
            [only] if *only == unit.unit => unit.unit.clone(),
            _ => format!("{}: {} ({})", unit.unit, named.len(), named.join(", ")),
        })
        .collect();
    Some(format!(
        "{} đơn vị có {excellent} {what} Hoàn thành xuất sắc nhiệm vụ ({}), nhiều hơn số được phép là {allowed} ({quota}% của {good} {what} Hoàn thành tốt nhiệm vụ của các đơn vị, làm tròn xuống; dưới 05 thì được 01)",
        units.len(),
        listed.join("; ")
    ))
}

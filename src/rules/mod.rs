//! The official rating rules of each regime, checked before anything is printed.
//!
//! Each rule is one small function that reads the Dossier and reports [`Finding`]s: an error the
//! upper level would send the packet back for, or a warning the clerk should read. A rule never
//! stops the others, so one run shows every finding.

mod comments;
mod dates;
mod earlier;
mod fields;
mod levels;
mod minutes;
mod old_encoding;
mod quota;
mod regime_2023;
mod regime_2025;

use serde::Serialize;

use crate::dossier::{Dossier, Place};
use crate::forms::Catalogue;
use crate::regime::Regime;
use crate::tally::{Attendance, attendance};

pub use levels::{By, Given};
pub use quota::{USUAL_QUOTA, allowed, source as quota_source};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Level {
    /// The packet breaks a rule: nothing is printed unless the user insists.
    #[serde(rename = "error")]
    Error,
    /// Worth reading; printing goes on.
    #[serde(rename = "warning")]
    Warning,
}

impl Level {
    /// "lỗi" or "cảnh báo".
    pub fn label_vi(self) -> &'static str {
        match self {
            Level::Error => "lỗi",
            Level::Warning => "cảnh báo",
        }
    }
}

/// One thing a rule found in the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub level: Level,
    /// The rule's stable id, e.g. `ty-le-xuat-sac`.
    pub rule: &'static str,
    /// The field path, e.g. `dang_vien[2].danh_gia.phieu`.
    pub path: String,
    /// The file the line is in, when not the unit file: a member's own file of a split unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The line of the field (or of its nearest written parent) in the data file, from 1.
    pub line: Option<usize>,
    /// The column there, in characters, from 1.
    pub column: Option<usize>,
    /// What is wrong, in Vietnamese, on one line.
    pub message: String,
    /// The rule's source, e.g. "Quy định 366-QĐ/TW, Điều 11".
    pub source: String,
    /// The line of the previous review the finding compares with, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier: Option<Place>,
}

/// One rule: what it checks, under which regimes, and on what authority.
pub struct Rule {
    /// A stable id, used in findings and in the README.
    pub id: &'static str,
    /// What the rule checks, in Vietnamese.
    pub summary: &'static str,
    /// The regimes it applies under.
    pub regimes: &'static [Regime],
    /// The rule's source under a regime.
    pub source: fn(Regime) -> &'static str,
    check: fn(&Review<'_>, &mut Report),
}

/// Sick leave from this many whole months in the year is long (Hướng dẫn 21-HD/BTCTW, mục II.6;
/// Hướng dẫn 43-HD/BTCTW, mục 7.5).
const LONG_SICK_LEAVE_MONTHS: u8 = 3;

const ALL_REGIMES: &[Regime] = &Regime::ALL;
const BEFORE_2025: &[Regime] = &[Regime::R2019, Regime::R2023];
const FROM_2025: &[Regime] = &[Regime::R2025];

/// Every rule hoso checks, in the order findings are reported.
pub const RULES: &[Rule] = &[
    quota::RULE,
    regime_2023::HEAD_NOT_ABOVE_UNIT,
    regime_2023::NEW_MEMBER_NOT_RATED,
    regime_2023::SICK_LEAVE_CAP,
    regime_2023::MATERNITY_LEAVE,
    regime_2025::POINTS_BAND,
    regime_2025::LEVEL_CONDITIONS,
    regime_2025::FAILING_CASES,
    regime_2025::NEW_MEMBER_NOT_REVIEWED,
    regime_2025::LEAVE_ON_ACTUAL_WORK,
    comments::TRANSFER,
    comments::TEMPORARY_ACTIVITY,
    minutes::VOTES_WITHIN_VOTERS,
    minutes::MAJORITY,
    minutes::CONCLUSION,
    minutes::EVERYONE_RATED,
    minutes::ABSENCE_REASON,
    minutes::ABSENT_RATED_LATER,
    dates::PROBATION,
    dates::PLAUSIBLE_DATES,
    dates::BIRTH_YEAR_ONLY,
    dates::DEADLINE,
    fields::RULE,
    earlier::REPEATED,
    earlier::UNANSWERED,
    earlier::COPIED,
    earlier::REMEDIED_SHARE,
    old_encoding::RULE,
];

/// What the rules read: the data, its regime, the meeting's count, and the forms.
pub struct Review<'d> {
    /// The unit's data.
    pub dossier: &'d Dossier,
    /// The regime in force.
    pub regime: Regime,
    /// Who the meeting counted.
    pub attendance: Attendance<'d>,
    /// The forms, to know what each member's form prints.
    pub catalogue: &'d Catalogue,
}

/// Collects the findings of the rule being run.
struct Report {
    rule: &'static str,
    source: &'static str,
    findings: Vec<Finding>,
}

impl Report {
    fn push(&mut self, level: Level, path: impl Into<String>, message: String, source: &str) {
        self.findings.push(Finding {
            level,
            rule: self.rule,
            path: path.into(),
            file: None,
            line: None,
            column: None,
            message,
            source: source.to_string(),
            earlier: None,
        });
    }

    /// A finding at `place` (a line inside a field), comparing with `earlier` when given.
    fn located(&mut self, level: Level, place: &Place, earlier: Option<Place>, message: String) {
        let source = self.source;
        self.push(level, place.path.clone(), message, source);
        if let Some(finding) = self.findings.last_mut() {
            finding.file = Some(place.file.clone());
            finding.line = Some(place.line);
            finding.column = Some(place.column);
            finding.earlier = earlier;
        }
    }

    /// An error at `path`, on the rule's own source.
    fn error(&mut self, path: impl Into<String>, message: String) {
        let source = self.source;
        self.push(Level::Error, path, message, source);
    }

    /// A warning at `path`, on the rule's own source.
    fn warning(&mut self, path: impl Into<String>, message: String) {
        let source = self.source;
        self.push(Level::Warning, path, message, source);
    }
}

/// Every finding of the rules in force for `dossier`, each located in its data file.
///
/// ```
/// use hoso::forms::Catalogue;
/// use hoso::rules::{self, Level};
///
/// // A member who joined the Party before she was 18.
/// let yaml = "nam: 2025
/// to_chuc: {cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng}
/// hoi_nghi: {ngay: 2025-12-05}
/// dang_vien:
///   - {id: an, ho_ten: Nguyễn Văn An, ngay_sinh: 1972-03-12}
///   - {id: binh, ho_ten: Trần Thị Bình, ngay_sinh: 1980-07-01, ngay_vao_dang: 1979-05-19}
/// ";
/// let dossier = hoso::dossier::parse(yaml, "don-vi.yaml")?;
/// let findings = rules::check(&dossier, &Catalogue::builtin()?);
/// let errors: Vec<_> = findings.iter().filter(|f| f.level == Level::Error).collect();
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors[0].rule, "ngay-thang-hop-ly");
/// assert_eq!(errors[0].path, "dang_vien[1].ngay_vao_dang");
/// assert_eq!((errors[0].line, errors[0].column), (Some(6), Some(77)));
/// // Nobody has written a self-review yet: a warning for each form that will print blank.
/// assert!(findings.iter().any(|f| f.level == Level::Warning && f.rule == "thieu-noi-dung"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check(dossier: &Dossier, catalogue: &Catalogue) -> Vec<Finding> {
    check_rules(dossier, catalogue, |_| true)
}

/// The findings of the rules in force for `dossier` whose id is one of `ids`, located.
pub fn check_only(dossier: &Dossier, catalogue: &Catalogue, ids: &[&str]) -> Vec<Finding> {
    check_rules(dossier, catalogue, |rule| ids.contains(&rule.id))
}

fn check_rules(
    dossier: &Dossier,
    catalogue: &Catalogue,
    chosen: impl Fn(&Rule) -> bool,
) -> Vec<Finding> {
    let review = Review {
        dossier,
        regime: dossier.regime(),
        attendance: attendance(dossier),
        catalogue,
    };
    let mut findings = Vec::new();
    for rule in RULES
        .iter()
        .filter(|r| r.regimes.contains(&review.regime) && chosen(r))
    {
        let mut report = Report {
            rule: rule.id,
            source: (rule.source)(review.regime),
            findings: Vec::new(),
        };
        (rule.check)(&review, &mut report);
        findings.append(&mut report.findings);
    }
    for finding in findings.iter_mut().filter(|f| f.line.is_none()) {
        if let Some(found) = dossier.source.positions.find(&finding.path) {
            let (file, position) = dossier.source.locate(found);
            finding.file = file;
            finding.line = Some(position.line);
            finding.column = Some(position.column);
        }
    }
    // The unit file is the one named on the command line: only another file is named.
    for finding in &mut findings {
        if finding.file.as_deref() == Some(dossier.source.name.as_str()) {
            finding.file = None;
        }
    }
    findings
}

/// The level that stands for the collective and for each member of a unit, with who gave it.
#[derive(Debug, Clone)]
pub struct Standing {
    /// The collective's: the meeting's vote, else its own proposal.
    pub collective: Option<Given>,
    /// Each member's, in the order of the data: the meeting's vote, else the chi bộ's proposal,
    /// else the member's own.
    pub members: Vec<Option<Given>>,
}

/// The levels that stand in `dossier`.
pub fn standing(dossier: &Dossier, catalogue: &Catalogue) -> Standing {
    let review = Review {
        dossier,
        regime: dossier.regime(),
        attendance: attendance(dossier),
        catalogue,
    };
    Standing {
        collective: levels::standing(&levels::of_collective(&review)).cloned(),
        members: levels::members(dossier)
            .map(|(index, member)| {
                levels::standing(&levels::of_member(&review, index, member)).cloned()
            })
            .collect(),
    }
}

/// How many findings are errors.
pub fn errors(findings: &[Finding]) -> usize {
    findings.iter().filter(|f| f.level == Level::Error).count()
}

#[cfg(test)]
mod tests;

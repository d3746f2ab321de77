//! What each form will print as lines or boxes to fill by hand, because the data leaves it blank.

use crate::forms::personal_form_id;
use crate::forms::{FieldRead, Form};
use crate::regime::Regime;

use super::levels;
use super::{ALL_REGIMES, Level, Report, Review, Rule};

/// Every field a form needs is given, or the form is meant to be filled by hand.
pub const RULE: Rule = Rule {
    id: "thieu-noi-dung",
    summary: "mọi phần tự kiểm điểm mà mẫu in đều có nội dung, hoặc mẫu được in để trống để viết tay (cảnh báo liệt kê các phần sẽ in dòng chấm)",
    regimes: ALL_REGIMES,
    source: |regime| match regime {
        Regime::R2019 => "Hướng dẫn 21-HD/BTCTW (các mẫu kèm theo)",
        Regime::R2023 => "Hướng dẫn 25-HD/BTCTW (các mẫu kèm theo)",
        Regime::R2025 => "Hướng dẫn 43-HD/BTCTW (các mẫu kèm theo)",
    },
    check,
};

fn check(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    let (regime, year) = (review.regime, dossier.year);
    if let Ok(form) = review.catalogue.find("tap-the", regime, year) {
        let fields = review.catalogue.fields_read(form, dossier, None);
        note_blanks(
            report,
            form,
            fields,
            "tt.",
            "tap_the",
            "báo cáo của tập thể",
        );
    }
    for (index, member) in levels::members(dossier) {
        if !dossier.reviews(member) {
            continue;
        }
        let Ok(form) = review
            .catalogue
            .find(personal_form_id(member, regime), regime, year)
        else {
            continue;
        };
        let fields = review.catalogue.fields_read(form, dossier, Some(member));
        let whose = format!("bản kiểm điểm của {}", member.name);
        let path = format!("{}.tu_kiem_diem", levels::member_path(index));
        note_blanks(report, form, fields, "dv.tu_kiem_diem.", &path, &whose);
    }
}

/// One warning for the blank fields under `prefix` of one form, at `path`.
fn note_blanks(
    report: &mut Report,
    form: &Form,
    fields: Result<Vec<FieldRead>, crate::forms::FormError>,
    prefix: &str,
    path: &str,
    whose: &str,
) {
    let code = form.code();
    let fields = match fields {
        Ok(fields) => fields,
        Err(err) => {
            report.push(Level::Error, path, format!("{whose}: {err}"), code);
            return;
        }
    };
    let read: Vec<&FieldRead> = fields
        .iter()
        // The annex of tasks prints nothing when the data lists none: no lines to fill.
        .filter(|f| {
            f.path.starts_with(prefix)
                && !f.path.contains(".danh_gia.")
                && !f.path.ends_with(".phu_luc")
        })
        .collect();
    let blank: Vec<&str> = read
        .iter()
        .filter(|f| f.blank)
        .map(|f| &f.path[prefix.len()..])
        .collect();
    if blank.is_empty() {
        return;
    }
    let message = if blank.len() == read.len() {
        format!("{whose} ({code}) sẽ in để trống toàn bộ nội dung để viết tay")
    } else {
        format!(
            "{whose} ({code}) sẽ in dòng chấm hoặc ô trống để điền tay ở: {}",
            blank.join(", ")
        )
    };
    report.push(Level::Warning, path, message, code);
}

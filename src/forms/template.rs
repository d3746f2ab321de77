//! The template engine of form bodies: minijinja with Markdown auto-escaping and the form filters.
//!
//! Templates whose name ends in `.md` are auto-escaped: every value from data goes through
//! [`escape_markdown`], so no data can become markup. Frame strings (title lines) are rendered
//! without escaping, since they are printed as plain text.

use minijinja::value::{Kwargs, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};

use crate::date::BirthDate;
use crate::document::escape_markdown;
use crate::dossier::{Grade, Points, Rating, RemedyStatus};

/// The name of the custom auto-escape mode of body templates.
const MARKDOWN: &str = "markdown";

/// The work one filling of an edited form may do, in minijinja's fuel (about one instruction,
/// or 64 bytes of text): the minutes of a unit of 1,000 members, the longest a built-in form
/// prints, are filled well within it, and a loop without end meets it in a fraction of a second.
pub const EDITED_FORM_FUEL: u64 = 5_000_000;

/// Builds the engine; `source` returns a template's text by its path below `forms/`, `None` when
/// there is none, or why it is refused. `fuel` bounds the work of one filling (see
/// [`EDITED_FORM_FUEL`]).
pub fn environment(
    source: impl Fn(&str) -> Result<Option<String>, String> + Send + Sync + 'static,
    fuel: Option<u64>,
) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(fuel);
    env.set_loader(move |name| {
        source(name).map_err(|reason| Error::new(ErrorKind::InvalidOperation, reason))
    });
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".md") {
            AutoEscape::Custom(MARKDOWN.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(format_value);
    env.add_filter("dien", fill_inline);
    env.add_filter("doan", fill_paragraphs);
    env.add_filter("ngay_dai", date_long);
    env.add_filter("ngay_so", date_short);
    env.add_filter("muc", rating_label);
    env.add_filter("cap_do", grade_boxes);
    env.add_filter("muc_chon", rating_boxes);
    env.add_filter("tinh_trang", remedy_status);
    env.add_filter("diem", points_out_of);
    env.add_filter("tong_diem", total_points);
    env.add_filter("bo_dau", strip_prefix);
    env.add_filter("ty_le", share_of);
    env
}

fn format_value(
    out: &mut minijinja::Output,
    state: &mut State,
    value: &Value,
) -> Result<(), Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    let text = value.to_string();
    let text = match state.auto_escape() {
        AutoEscape::Custom(mode) if mode == MARKDOWN && !value.is_safe() => escape_markdown(&text),
        _ => text,
    };
    out.write_str(&text).map_err(Error::from)
}

/// The text of a value, or `None` when it is absent or blank.
fn text_of(value: &Value) -> Option<String> {
    if value.is_none() || value.is_undefined() {
        return None;
    }
    let text = value.to_string();
    (!text.trim().is_empty()).then_some(text)
}

fn fill_mark() -> Value {
    Value::from_safe_string("<fill/>".to_string())
}

/// `{{ x | dien }}`: the value on one line, or a dotted leader when it is empty.
fn fill_inline(value: Value) -> Value {
    match text_of(&value) {
        Some(text) => Value::from(text.split_whitespace().collect::<Vec<_>>().join(" ")),
        None => fill_mark(),
    }
}

/// `{{ x | doan }}` / `{{ x | doan(n=5) }}`: the value as paragraphs, or lines to write on.
fn fill_paragraphs(value: Value, kwargs: Kwargs) -> Result<Value, Error> {
    let lines: u8 = kwargs.get::<Option<u8>>("n")?.unwrap_or(3);
    kwargs.assert_all_used()?;
    Ok(match text_of(&value) {
        Some(text) => Value::from(text),
        None => Value::from_safe_string(format!("<fill-lines n=\"{lines}\"/>")),
    })
}

/// The date a value holds: a day, or a year alone (a date of birth the records give no more of).
fn parse_date(value: &Value) -> Result<Option<BirthDate>, Error> {
    match text_of(value) {
        None => Ok(None),
        Some(text) => BirthDate::parse(&text).map(Some).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                format!("«{text}» không phải ngày"),
            )
        }),
    }
}

/// `{{ d | ngay_dai }}`: "ngày 05 tháng 12 năm 2024" ("năm 1975" for a year alone).
fn date_long(value: Value) -> Result<Value, Error> {
    Ok(parse_date(&value)?.map_or_else(fill_mark, |d| Value::from(d.long_vi())))
}

/// `{{ d | ngay_so }}`: "05/12/2024" ("1975" for a year alone).
fn date_short(value: Value) -> Result<Value, Error> {
    Ok(parse_date(&value)?.map_or_else(fill_mark, |d| Value::from(d.short_vi())))
}

/// `{{ r | muc }}`: the printed name of a quality level, or a dotted leader.
fn rating_label(value: Value) -> Result<Value, Error> {
    Ok(chosen_key(&value, Rating::from_key, "mức xếp loại")?
        .map_or_else(fill_mark, |rating| Value::from(rating.label_vi())))
}

/// The `<o-chon/>` directive: `labels` as tick boxes in `columns` columns, the `chosen`-th marked.
fn choices(labels: &[&str], chosen: Option<usize>, columns: u8) -> Value {
    let chosen = chosen
        .map(|index| format!(" chon=\"{}\"", index + 1))
        .unwrap_or_default();
    Value::from_safe_string(format!(
        "<o-chon cot=\"{columns}\" muc=\"{}\"{chosen}/>",
        labels.join("|")
    ))
}

/// The key of `value` looked up with `find`, or `None` when the value is empty.
fn chosen_key<T>(
    value: &Value,
    find: impl Fn(&str) -> Option<T>,
    what: &str,
) -> Result<Option<T>, Error> {
    text_of(value)
        .map(|key| {
            find(&key).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    format!("«{key}» không phải {what}"),
                )
            })
        })
        .transpose()
}

/// `{{ g | cap_do }}`: the four grades (Xuất sắc, Tốt, Trung bình, Kém) as tick boxes on one row.
fn grade_boxes(value: Value) -> Result<Value, Error> {
    let grade = chosen_key(&value, Grade::from_key, "cấp độ thực hiện")?;
    let labels = Grade::ALL.map(Grade::label_vi);
    let chosen = grade.and_then(|g| Grade::ALL.iter().position(|x| *x == g));
    Ok(choices(&labels, chosen, 4))
}

/// `{{ r | muc_chon }}`: the four quality levels as tick boxes, two to a row.
fn rating_boxes(value: Value) -> Result<Value, Error> {
    let rating = chosen_key(&value, Rating::from_key, "mức xếp loại")?;
    let labels = Rating::ALL.map(Rating::label_vi);
    let chosen = rating.and_then(|r| Rating::ALL.iter().position(|x| *x == r));
    Ok(choices(&labels, chosen, 2))
}

/// `{{ s | tinh_trang }}`: where an earlier shortcoming stands ("Đang khắc phục"), or the three
/// statuses as tick boxes on one row when the data does not say.
fn remedy_status(value: Value) -> Result<Value, Error> {
    Ok(
        match chosen_key(&value, RemedyStatus::from_key, "tình trạng khắc phục")? {
            Some(status) => Value::from(status.label_vi()),
            None => choices(&RemedyStatus::ALL.map(RemedyStatus::label_vi), None, 3),
        },
    )
}

/// What the form prints for points not given yet, to be written by hand.
const NO_POINTS: &str = "……";

/// The points of `value` (written as hoso prints them, "27,5"), or `None` when it is empty.
fn points_of(value: &Value) -> Result<Option<Points>, Error> {
    chosen_key(value, Points::parse, "số điểm")
}

/// `{{ p | diem(30) }}`: "27,5/30", or "……/30" when the data gives none.
fn points_out_of(value: Value, max: u32) -> Result<Value, Error> {
    let shown = points_of(&value)?.map_or_else(|| NO_POINTS.to_string(), |p| p.to_string());
    Ok(Value::from(format!("{shown}/{max}")))
}

/// `{{ diem | tong_diem }}`: the total of both criteria groups, computed by hoso: "90,5/100", or
/// "……/100" while a group is missing.
fn total_points(score: Value) -> Result<Value, Error> {
    let general = points_of(&score.get_attr("nhom_chung")?)?;
    let tasks = points_of(&score.get_attr("nhom_nhiem_vu")?)?;
    let shown = match (general, tasks) {
        (Some(general), Some(tasks)) => general.plus(tasks).to_string(),
        _ => NO_POINTS.to_string(),
    };
    Ok(Value::from(format!("{shown}/100")))
}

/// `{{ n | ty_le(total) }}`: `n` as a share of `total`, one decimal and a decimal comma ("83,3%").
fn share_of(part: u32, whole: u32) -> String {
    crate::tally::share_vi(part, whole)
}

/// `{{ x | bo_dau("Chi bộ ") }}`: the value without a leading word, ignoring case.
fn strip_prefix(value: Value, prefix: &str) -> Value {
    let text = value.to_string();
    let head: String = text.chars().take(prefix.chars().count()).collect();
    if head.to_lowercase() == prefix.to_lowercase() {
        Value::from(text[head.len()..].trim_start())
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    fn render(source: &'static str, ctx: Value) -> String {
        let env = environment(move |_| Ok(Some(source.to_string())), None);
        env.get_template("t.md").unwrap().render(ctx).unwrap()
    }

    #[test]
    fn data_is_escaped_and_empty_values_become_fills() {
        let out = render(
            "{{ a | dien }}|{{ b | dien }}|{{ c | doan(n=2) }}|{{ d | ngay_dai }}|{{ r | muc }}",
            context! { a => "*x* #y", b => "", c => Value::from(()), d => "2024-02-05", r => "hoan_thanh_tot" },
        );
        assert_eq!(
            out,
            "\\*x\\* \\#y|<fill/>|<fill-lines n=\"2\"/>|ngày 05 tháng 02 năm 2024|Hoàn thành tốt nhiệm vụ"
        );
    }

    #[test]
    fn template_text_is_not_escaped_and_plain_templates_escape_nothing() {
        assert_eq!(
            render("**{{ a }}**", context! { a => "<b>" }),
            "**\\<b\\>**"
        );
        let env = environment(|_| Ok(None), None);
        assert_eq!(
            env.render_str("Năm {{ n }} *", context! { n => 2024 })
                .unwrap(),
            "Năm 2024 *"
        );
    }

    #[test]
    fn grades_and_levels_become_tick_boxes() {
        let out = render(
            "{{ a | cap_do }}|{{ b | cap_do }}|{{ r | muc_chon }}|{{ s | tinh_trang }}|{{ t | tinh_trang }}",
            context! { a => "tot", b => Value::from(()), r => "hoan_thanh", s => "dang_khac_phuc", t => () },
        );
        assert_eq!(
            out,
            "<o-chon cot=\"4\" muc=\"Xuất sắc|Tốt|Trung bình|Kém\" chon=\"2\"/>|\
             <o-chon cot=\"4\" muc=\"Xuất sắc|Tốt|Trung bình|Kém\"/>|\
             <o-chon cot=\"2\" muc=\"Hoàn thành xuất sắc nhiệm vụ|Hoàn thành tốt nhiệm vụ|Hoàn thành nhiệm vụ|Không hoàn thành nhiệm vụ\" chon=\"3\"/>|\
             Đang khắc phục|<o-chon cot=\"3\" muc=\"Đã khắc phục|Đang khắc phục|Chưa khắc phục\"/>"
        );
    }

    #[test]
    fn points_print_out_of_their_maximum_and_the_total_is_computed() {
        let out = render(
            "{{ d.nhom_chung | diem(30) }}|{{ d.nhom_nhiem_vu | diem(70) }}|{{ d | tong_diem }}|{{ e | tong_diem }}",
            context! {
                d => context! { nhom_chung => "27,5", nhom_nhiem_vu => "63" },
                e => context! { nhom_chung => "27,5", nhom_nhiem_vu => () },
            },
        );
        // Escaped for the body's Markdown, as every value is.
        assert_eq!(out, "27\\,5\\/30|63\\/70|90\\,5\\/100|……\\/100");
    }

    #[test]
    fn a_leading_word_can_be_dropped() {
        let out = render(
            "{{ t | bo_dau('Chi bộ ') }}",
            context! { t => "chi bộ Phòng Kế toán" },
        );
        assert_eq!(out, "Phòng Kế toán");
    }
}

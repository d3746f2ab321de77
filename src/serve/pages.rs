//! The pages: what each shows of the data, as values for the HTML templates
//! (`src/serve/templates/`, minijinja with every value escaped).

use std::collections::HashMap;

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;
use serde_json::Value as Json;

use crate::dossier::schema::{self, Kind};
use crate::dossier::{Dossier, Member, Rating, Votes};
use crate::forms::Catalogue;
use crate::history::{self, Whose};
use crate::packet;
use crate::rules::{self, Finding, Level};
use crate::tally::{Outcome, Tally};

/// The HTML templates, compiled once.
pub(super) struct Views {
    env: Environment<'static>,
}

impl Views {
    /// Compiles the templates.
    pub(super) fn new() -> Views {
        let mut env = Environment::new();
        for (name, source) in [
            ("base.html", include_str!("templates/base.html")),
            ("fields.html", include_str!("templates/fields.html")),
            ("kiem-tra.html", include_str!("templates/kiem-tra.html")),
            ("don-vi.html", include_str!("templates/don-vi.html")),
            ("dang-vien.html", include_str!("templates/dang-vien.html")),
            (
                "mot-dang-vien.html",
                include_str!("templates/mot-dang-vien.html"),
            ),
            ("hoi-nghi.html", include_str!("templates/hoi-nghi.html")),
            ("nhap.html", include_str!("templates/nhap.html")),
            ("xung-dot.html", include_str!("templates/xung-dot.html")),
            ("trang-cu.html", include_str!("templates/trang-cu.html")),
            ("loi.html", include_str!("templates/loi.html")),
            (
                "khong-lam-duoc.html",
                include_str!("templates/khong-lam-duoc.html"),
            ),
        ] {
            if let Err(err) = env.add_template(name, source) {
                panic!("the page template {name} does not compile: {err}");
            }
        }
        Views { env }
    }

    /// The page `name` over `data`; a template fault is shown as the page.
    pub(super) fn render(&self, name: &str, data: Value) -> String {
        self.env
            .get_template(name)
            .and_then(|template| template.render(data))
            .unwrap_or_else(|err| format!("<p>lỗi của hoso khi dựng trang {name}: {err}</p>"))
    }
}

/// What every page shows around its own part.
pub(super) struct Frame<'a> {
    /// The page's name, for the menu.
    pub page: &'a str,
    /// The unit file, as named.
    pub file: &'a str,
    /// The token every form posts back.
    pub token: &'a str,
    /// The version of the file the page shows.
    pub version: &'a str,
    /// A line saying what was done.
    pub notice: Option<String>,
    /// A line saying what went wrong.
    pub error: Option<String>,
}

/// What the page shows instead of what the file holds: values typed and not saved, and the
/// error of one field.
#[derive(Default)]
pub(super) struct Typed {
    /// Values by field path.
    pub values: HashMap<String, String>,
    /// The field the data error names, and the message.
    pub error: Option<(String, String)>,
}

/// One field of a page.
#[derive(Serialize)]
struct Field {
    path: String,
    label: String,
    kind: &'static str,
    value: String,
    error: Option<String>,
    /// For a choice: each value and its label (`""` for "not given").
    options: Vec<(String, String)>,
}

/// What a member's page shows first: who the member is, and the posts that decide the form.
const MEMBER_FIELDS: [&str; 9] = [
    "ho_ten",
    "ngay_sinh",
    "ngay_vao_dang",
    "du_bi",
    "chuc_vu_dang",
    "chuc_vu_chinh_quyen",
    "lanh_dao_quan_ly",
    "ngoai_he_thong_chinh_tri",
    "don_vi_cong_tac",
];

/// One finding of the "Kiểm tra" panel, with a link to its field.
#[derive(Serialize)]
struct FindingView {
    rule: &'static str,
    error: bool,
    path: String,
    message: String,
    link: String,
}

/// The rule that finds fields typed in an old encoding, which the page's "Chuyển mã" converts.
const OLD_ENCODING_RULE: &str = "ma-cu";

/// The data as JSON, with the keys of the YAML: where a page reads the values it shows.
pub(super) fn data_of(dossier: &Dossier) -> Json {
    serde_json::to_value(dossier).unwrap_or(Json::Null)
}

/// The value at `path` (`dang_vien[2].tu_kiem_diem.han_che`) of the data; `None` where the
/// data has no such field, `Some(Null)` where the field is empty.
pub(super) fn json_at<'a>(data: &'a Json, path: &str) -> Option<&'a Json> {
    let mut current = data;
    for part in path.trim_end_matches("[]").split('.') {
        current = match part.split_once('[') {
            Some((key, rest)) => {
                let index: usize = rest.strip_suffix(']')?.parse().ok()?;
                current.get(key)?.get(index)?
            }
            None => current.get(part)?,
        };
    }
    Some(current)
}

/// A value as a field shows it.
pub(super) fn text_of(value: Option<&Json>) -> String {
    match value {
        Some(Json::String(text)) => text.clone(),
        Some(Json::Number(number)) => number.to_string().replace('.', ","),
        Some(Json::Bool(flag)) => flag.to_string(),
        // A value read with its place in the file.
        Some(Json::Object(spanned)) if spanned.contains_key("value") => {
            text_of(spanned.get("value"))
        }
        Some(Json::Array(items)) => items
            .iter()
            .map(|item| text_of(Some(item)))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// The field at `path` of `data`, typed values and errors first; `None` when the data has no
/// such scalar field.
fn field(data: &Json, path: &str, typed: &Typed) -> Option<Field> {
    let value = json_at(data, path)?;
    let list = path.ends_with("[]");
    if value.is_object() || (value.is_array() && !list) {
        return None;
    }
    let entry = schema::field(path)?;
    let shown = typed
        .values
        .get(path)
        .cloned()
        .unwrap_or_else(|| text_of(Some(value)));
    let (kind, options) = match entry.kind {
        Kind::Lines => ("lines", Vec::new()),
        Kind::Choice(_) | Kind::Flag { .. } => ("choice", entry.options()),
        Kind::Level => ("level", Vec::new()),
        Kind::Year | Kind::Count | Kind::Percent | Kind::Points => ("number", Vec::new()),
        Kind::Text => ("text", Vec::new()),
        _ if shown.contains('\n') || shown.chars().count() > 90 => ("text", Vec::new()),
        _ => ("line", Vec::new()),
    };
    let label = entry.label.to_string();
    let error = typed
        .error
        .as_ref()
        .filter(|(at, _)| at == path)
        .map(|(_, message)| message.clone());
    Some(Field {
        path: path.to_string(),
        label,
        kind,
        value: shown,
        error,
        options,
    })
}

/// One cell of a table; a cell with options is a choice among them (value, label). A kept cell
/// shows its value as text and posts it only with the rest of its row (`k.<path>`).
#[derive(Serialize)]
struct Cell {
    path: String,
    value: String,
    options: Vec<(String, String)>,
    kept: bool,
}

/// A table of a page: its rows as they are, and an empty one to add a row.
#[derive(Serialize)]
struct Table {
    /// The list's path, the table's anchor for the findings that name it.
    path: String,
    title: String,
    columns: Vec<&'static str>,
    rows: Vec<Vec<Cell>>,
}

/// The table at `path` (`dang_vien[1].viec_dot_pha`, `hoi_nghi.dien_bien`), typed values first.
fn table(data: &Json, path: &str, typed: &Typed) -> Option<Table> {
    let (spec, rows) = table_rows(data, path)?;
    Some(table_of(
        spec,
        path,
        (0..=rows).map(|row| (row, None)),
        data,
        typed,
    ))
}

/// The list of records at `path` and the rows it holds.
fn table_rows(data: &Json, path: &str) -> Option<(&'static schema::Field, usize)> {
    let spec = schema::field(path).filter(|field| matches!(field.kind, Kind::Rows))?;
    let rows = match json_at(data, path)? {
        Json::Array(items) => items.len(),
        Json::Null => 0,
        _ => return None,
    };
    Some((spec, rows))
}

/// The table of the list `spec` at `path` with `rows`: each row's index in the list and, for a
/// row the page offers before the data has it, the first column's value, kept with the row.
fn table_of(
    spec: &schema::Field,
    path: &str,
    rows: impl Iterator<Item = (usize, Option<String>)>,
    data: &Json,
    typed: &Typed,
) -> Table {
    let columns: Vec<&schema::Field> = schema::children(&format!("{}[]", spec.path))
        .filter(|column| !column.hidden)
        .collect();
    let rows = rows
        .map(|(row, offered)| {
            columns
                .iter()
                .enumerate()
                .map(|(place, column)| {
                    let at = format!("{path}[{row}].{}", column.key());
                    let kept = offered.clone().filter(|_| place == 0);
                    let value = typed.values.get(&at).cloned().unwrap_or_else(|| {
                        kept.clone().unwrap_or_else(|| text_of(json_at(data, &at)))
                    });
                    Cell {
                        path: at,
                        value,
                        options: column.options(),
                        kept: kept.is_some(),
                    }
                })
                .collect()
        })
        .collect();
    Table {
        path: path.to_string(),
        title: spec.label.to_string(),
        columns: columns.iter().map(|column| column.label).collect(),
        rows,
    }
}

/// Section III of `whose` review as a table over its `han_che_ky_truoc` at `path`: each point
/// the form prints (last year's shortcomings, then the entries that answer none) with its
/// status, and an empty row for one more. A point no entry answers yet is offered as a new row
/// holding last year's words, written only when its status or extent is.
fn earlier_table(
    dossier: &Dossier,
    whose: Whose<'_>,
    path: &str,
    data: &Json,
    typed: &Typed,
) -> Option<Table> {
    let (spec, entries) = table_rows(data, path)?;
    let mut next = entries;
    let mut rows = Vec::new();
    for point in history::section_three(dossier, whose) {
        match point.entry {
            Some(entry) => rows.push((entry, None)),
            None => {
                rows.push((next, Some(point.han_che)));
                next += 1;
            }
        }
    }
    rows.push((next, None));
    Some(table_of(spec, path, rows.into_iter(), data, typed))
}

/// `path`, marked `[]` when its value is a list of texts, edited one item per line.
fn list_path(path: String) -> String {
    let lines = schema::field(&path).is_some_and(|field| matches!(field.kind, Kind::Lines));
    if lines { format!("{path}[]") } else { path }
}

/// The levels a choice offers.
fn levels() -> Vec<Value> {
    Rating::ALL
        .iter()
        .map(|r| context! { key => r.key(), label => r.label_vi(), short => r.short_vi() })
        .collect()
}

/// The "Kiểm tra" panel: the findings of `hoso check` over `dossier`, each linked to its field.
pub(super) fn findings_view(dossier: &Dossier, catalogue: &Catalogue) -> Value {
    let findings = rules::check(dossier, catalogue);
    let errors = rules::errors(&findings);
    let views: Vec<FindingView> = findings
        .iter()
        .map(|finding| finding_view(finding, dossier))
        .collect();
    let adopted = adopted_levels(dossier);
    let old_encodings = views.iter().filter(|v| v.rule == OLD_ENCODING_RULE).count();
    context! {
        findings => Value::from(Serde(&views)),
        errors => errors,
        adopted => adopted,
        old_encodings => old_encodings,
        check_error => Option::<String>::None,
    }
}

/// The level the meeting's votes adopt for the collective (`tap_the`) and each reviewed member
/// (`dang_vien[2]`), as the votes' table shows it beside them.
fn adopted_levels(dossier: &Dossier) -> Vec<(String, String)> {
    let voters = Tally::of(dossier).voters;
    let level = |votes: Option<Votes>| {
        votes
            .and_then(|votes| Outcome::of(votes, voters, &dossier.readings).adopted)
            .map_or("chưa đủ phiếu", Rating::label_vi)
            .to_string()
    };
    let members = dossier
        .members
        .iter()
        .enumerate()
        .filter(|(_, member)| dossier.reviews(member))
        .map(|(index, member)| {
            (
                format!("dang_vien[{index}]"),
                level(member.assessment.phieu),
            )
        });
    std::iter::once((
        "tap_the".to_string(),
        level(dossier.collective.danh_gia.phieu),
    ))
    .chain(members)
    .collect()
}

/// The panel when the data does not read: the error, as the command line gives it.
pub(super) fn unreadable_view(message: &str) -> Value {
    context! { findings => Vec::<Value>::new(), errors => 0, check_error => message }
}

fn finding_view(finding: &Finding, dossier: &Dossier) -> FindingView {
    let anchor = finding.path.clone();
    let member = finding
        .path
        .strip_prefix("dang_vien[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, _)| index.parse::<usize>().ok())
        .and_then(|index| dossier.members.get(index));
    // The votes and the chair's conclusion are on the meeting's page, a row per subject.
    let on_meeting = ["danh_gia.phieu", "danh_gia.ket_luan"]
        .iter()
        .any(|part| finding.path.contains(part))
        || finding.path.ends_with(".danh_gia")
        || finding.path.starts_with("hoi_nghi");
    let link = if on_meeting {
        format!("/hoi-nghi#{anchor}")
    } else if let Some(member) = member {
        format!("/dang-vien/{}#{anchor}", member.id.value)
    } else {
        format!("/#{anchor}")
    };
    FindingView {
        rule: finding.rule,
        error: finding.level == Level::Error,
        path: finding.path.clone(),
        message: finding.message.clone(),
        link,
    }
}

/// The frame's values, merged with a page's own.
fn with_frame(frame: &Frame<'_>, title: &str, page: Value) -> Value {
    context! {
        title => title,
        page => frame.page,
        file => frame.file,
        token => frame.token,
        version => frame.version,
        notice => frame.notice.clone(),
        error => frame.error.clone(),
        levels => levels(),
        ..page
    }
}

/// The import page: the files' report, file by file and member by member, and the import
/// waiting for "Lưu" (`pending`, its id) when it changes the file.
pub(super) fn import_page(frame: &Frame<'_>, shown: &ImportShown, panel: Value) -> Value {
    with_frame(
        frame,
        "Nhập",
        context! {
            groups => Value::from(Serde(&shown.groups)),
            totals => shown.totals.join(". "),
            pending => shown.pending.clone(),
            overwrite => shown.overwrite,
            ..panel
        },
    )
}

/// What the import page shows of files read in.
#[derive(Default)]
pub(super) struct ImportShown {
    /// Each file's report: its first line, then the rest.
    pub groups: Vec<ReportGroup>,
    /// The totals of the lists and of the reviews.
    pub totals: Vec<String>,
    /// The id of the import waiting for "Lưu", when it changes the file.
    pub pending: Option<String>,
    /// Whether differing values are written.
    pub overwrite: bool,
}

/// One file's part of a report.
#[derive(Serialize)]
pub(super) struct ReportGroup {
    /// The line that names the file.
    pub title: String,
    /// What became of each row or part.
    pub lines: Vec<String>,
}

impl ImportShown {
    /// Adds a report's `lines` (a file's line, then its lines indented; the totals last).
    pub(super) fn add(&mut self, mut lines: Vec<String>) {
        if let Some(totals) = lines.pop() {
            self.totals.push(totals);
        }
        for line in lines {
            match (line.strip_prefix("  "), self.groups.last_mut()) {
                (Some(inner), Some(group)) => group.lines.push(inner.trim().to_string()),
                _ => self.groups.push(ReportGroup {
                    title: line,
                    lines: Vec::new(),
                }),
            }
        }
    }
}

/// The unit's page: the organisation, the meeting's date, and the collective's report as the
/// regime's Mẫu 01 reads it.
pub(super) fn unit_page(
    frame: &Frame<'_>,
    dossier: &Dossier,
    catalogue: &Catalogue,
    typed: &Typed,
    panel: Value,
) -> Value {
    let data = data_of(dossier);
    let unit_fields: Vec<Field> = [
        "nam",
        "to_chuc.cap_tren",
        "to_chuc.ten",
        "to_chuc.dia_danh",
        "hoi_nghi.ngay",
        "tap_the.so",
        "tap_the.ngay",
        "tap_the.noi_nhan[]",
    ]
    .iter()
    .filter_map(|path| field(&data, path, typed))
    .collect();
    let report_fields = catalogue
        .find("tap-the", dossier.regime(), dossier.year)
        .ok()
        .and_then(|form| catalogue.fields_read(form, dossier, None).ok())
        .unwrap_or_default()
        .iter()
        .filter_map(|read| read.path.strip_prefix("tt."))
        .filter(|rest| *rest != "phu_luc")
        .filter_map(|rest| field(&data, &format!("tap_the.{rest}"), typed))
        .collect::<Vec<_>>();
    let mut tables: Vec<Table> = earlier_table(
        dossier,
        Whose::Collective,
        "tap_the.han_che_ky_truoc",
        &data,
        typed,
    )
    .into_iter()
    .collect();
    if dossier.regime() == crate::regime::Regime::R2025 {
        tables.extend(table(&data, "tap_the.phu_luc", typed));
    }
    with_frame(
        frame,
        &dossier.organisation.name,
        context! {
            unit_name => dossier.organisation.name.as_str(),
            year => dossier.year,
            regime => format!("mẫu và quy định của chế độ {}", dossier.regime().key()),
            unit_fields => Value::from(Serde(&unit_fields)),
            report_fields => Value::from(Serde(&report_fields)),
            tables => Value::from(Serde(&tables)),
            ..panel
        },
    )
}

/// The chi ủy's and the head of the unit's part of a member's form (`danh_gia`); the votes and
/// the chair's conclusion are on the meeting's page.
const ASSESSMENT_FIELDS: [&str; 5] = [
    "nhan_xet_chi_uy",
    "chi_bo_de_xuat",
    "ngay",
    "nhan_xet_thu_truong",
    "xep_loai_can_bo",
];

/// One row of the members' list.
#[derive(Serialize)]
struct MemberRow {
    id: String,
    name: String,
    forms: String,
}

/// The members' list, with the form each files.
pub(super) fn members_page(
    frame: &Frame<'_>,
    dossier: &Dossier,
    new: (&str, &str, &str),
    panel: Value,
) -> Value {
    let members: Vec<MemberRow> = dossier
        .members
        .iter()
        .map(|member| MemberRow {
            id: member.id.value.clone(),
            name: member.name.to_string(),
            forms: match packet::why_not_reviewed(member, dossier) {
                Some(_) => "không kiểm điểm".to_string(),
                None => packet::personal_forms(member, dossier).join(", "),
            },
        })
        .collect();
    let (id, name, born) = new;
    with_frame(
        frame,
        "Đảng viên",
        context! {
            members => Value::from(Serde(&members)),
            new => context! { id => id, name => name, born => born },
            ..panel
        },
    )
}

/// One form of a member's page.
#[derive(Serialize)]
struct FormFields {
    id: String,
    code: String,
    title: String,
    fields: Vec<Field>,
}

/// A member's page: exactly the fields of the forms the member files.
pub(super) fn member_page(
    frame: &Frame<'_>,
    dossier: &Dossier,
    index: usize,
    catalogue: &Catalogue,
    typed: &Typed,
    panel: Value,
) -> Value {
    let member: &Member = &dossier.members[index];
    let data = data_of(dossier);
    let prefix = format!("dang_vien[{index}].");
    let mut shown: Vec<String> = MEMBER_FIELDS
        .iter()
        .map(|key| format!("{prefix}{key}"))
        .collect();
    let who: Vec<Field> = shown
        .iter()
        .filter_map(|path| field(&data, path, typed))
        .collect();
    let mut forms = Vec::new();
    let reviewed = packet::why_not_reviewed(member, dossier);
    let ids = if reviewed.is_none() {
        packet::personal_forms(member, dossier)
    } else {
        Vec::new()
    };
    for id in ids {
        let Ok(form) = catalogue.find(id, dossier.regime(), dossier.year) else {
            continue;
        };
        let reads = catalogue
            .fields_read(form, dossier, Some(member))
            .unwrap_or_default();
        let fields: Vec<Field> = reads
            .iter()
            .filter_map(|read| read.path.strip_prefix("dv."))
            .map(|rest| list_path(format!("{prefix}{rest}")))
            .filter(|path| {
                let new = !shown.contains(path);
                if new {
                    shown.push(path.clone());
                }
                new
            })
            .filter_map(|path| field(&data, &path, typed))
            .collect();
        forms.push(FormFields {
            id: id.to_string(),
            code: form.meta.ma_mau.clone().unwrap_or_else(|| id.to_string()),
            title: crate::document::sentence_case(&form.meta.ten_loai),
            fields,
        });
    }
    // The chi ủy's part: what the forms print of it is among their fields; the rest here.
    let printed = shown
        .iter()
        .any(|path| path.starts_with(&format!("{prefix}danh_gia.")));
    let assessment: Vec<Field> = if reviewed.is_none() {
        ASSESSMENT_FIELDS
            .iter()
            .map(|key| format!("{prefix}danh_gia.{key}"))
            .filter(|path| !shown.contains(path))
            .filter_map(|path| field(&data, &path, typed))
            .collect()
    } else {
        Vec::new()
    };
    let mut tables = Vec::new();
    if reviewed.is_none() {
        let files = packet::personal_forms(member, dossier);
        tables.extend(earlier_table(
            dossier,
            Whose::Member(member),
            &format!("{prefix}tu_kiem_diem.han_che_ky_truoc"),
            &data,
            typed,
        ));
        if dossier.regime() == crate::regime::Regime::R2025 {
            tables.extend(table(&data, &format!("{prefix}phu_luc"), typed));
        }
        if files.contains(&"dot-pha") {
            tables.extend(table(&data, &format!("{prefix}viec_dot_pha"), typed));
        }
    }
    let total = member
        .self_review
        .diem
        .total()
        .map(|points| points.to_string());
    with_frame(
        frame,
        &member.name,
        context! {
            member_name => member.name.as_str(),
            member_id => member.id.value.as_str(),
            member_path => format!("dang_vien[{index}]"),
            who => Value::from(Serde(&who)),
            tables => Value::from(Serde(&tables)),
            assessment => Value::from(Serde(&assessment)),
            assessment_printed => printed,
            not_reviewed => reviewed,
            has_points => forms.iter().any(|form| form.fields.iter().any(|f| f.path.ends_with(".diem.nhom_chung"))),
            forms => Value::from(Serde(&forms)),
            total => total,
            back => format!("/dang-vien/{}", member.id.value),
            ..panel
        },
    )
}

/// A choice of one of the unit's members, by id (the meeting's chair, its minute-taker).
fn member_choice(
    dossier: &Dossier,
    path: &str,
    chosen: &Option<serde_saphyr::Spanned<String>>,
    typed: &Typed,
) -> Field {
    let label = schema::field(path).map_or(path, |field| field.label);
    let value = typed.values.get(path).cloned().unwrap_or_else(|| {
        chosen
            .as_ref()
            .map(|id| id.value.clone())
            .unwrap_or_default()
    });
    let options = std::iter::once((String::new(), "(chưa ghi)".to_string()))
        .chain(
            dossier
                .members
                .iter()
                .map(|m| (m.id.value.clone(), m.name.to_string())),
        )
        .collect();
    Field {
        path: path.to_string(),
        label: label.to_string(),
        kind: "choice",
        value,
        error: typed
            .error
            .as_ref()
            .filter(|(at, _)| at == path)
            .map(|(_, message)| message.clone()),
        options,
    }
}

/// The minutes' tables: the speeches, and the absent with their reasons (the ids, which the
/// data keeps with their place in the file, taken from the data itself).
fn meeting_tables(dossier: &Dossier, data: &Json, typed: &Typed) -> Vec<Table> {
    let mut tables: Vec<Table> = ["hoi_nghi.dien_bien", "hoi_nghi.vang_mat"]
        .iter()
        .filter_map(|path| table(data, path, typed))
        .collect();
    if let Some(absent) = tables.last_mut() {
        for (row, absence) in absent.rows.iter_mut().zip(&dossier.meeting.absent) {
            if let Some(cell) = row
                .first_mut()
                .filter(|cell| !typed.values.contains_key(&cell.path))
            {
                cell.value = absence.id.value.clone();
            }
        }
    }
    tables
}

/// One row of the votes' table.
#[derive(Serialize)]
struct VoteRow {
    path: String,
    subject: String,
    proposed: String,
    votes: Vec<Value>,
    adopted: String,
    /// The chair's conclusion on the subject (`danh_gia.ket_luan`).
    conclusion: Value,
}

/// The meeting's page: its record, and the votes on the collective and on each member with
/// the level they adopt.
pub(super) fn meeting_page(
    frame: &Frame<'_>,
    dossier: &Dossier,
    typed: &Typed,
    panel: Value,
) -> Value {
    let data = data_of(dossier);
    let meeting_fields: Vec<Field> = [
        "hoi_nghi.ngay",
        "hoi_nghi.so",
        "hoi_nghi.bat_dau",
        "hoi_nghi.ket_thuc",
        "hoi_nghi.dia_diem",
        "hoi_nghi.hinh_thuc_bieu_quyet",
        "hoi_nghi.han_nop",
        "hoi_nghi.khach_moi[]",
        "hoi_nghi.tai_lieu[]",
        "hoi_nghi.thong_tin_khac",
    ]
    .iter()
    .filter_map(|path| field(&data, path, typed))
    .chain(
        [
            ("hoi_nghi.chu_tri", &dossier.meeting.chair),
            ("hoi_nghi.thu_ky", &dossier.meeting.secretary),
        ]
        .into_iter()
        .map(|(path, chosen)| member_choice(dossier, path, chosen, typed)),
    )
    .collect();
    let tally = Tally::of(dossier);
    let adopted = adopted_levels(dossier);
    let row = |path: String, subject: String, proposed: Option<Rating>| {
        let phieu = format!("{path}.danh_gia.phieu");
        let votes: Vec<Value> = Rating::ALL
            .iter()
            .map(|rating| {
                let at = format!("{phieu}.{}", rating.key());
                let value = typed
                    .values
                    .get(&at)
                    .cloned()
                    .unwrap_or_else(|| text_of(json_at(&data, &at)));
                context! { path => at, value => value, label => rating.label_vi() }
            })
            .collect();
        let at = format!("{path}.danh_gia.ket_luan");
        let conclusion = typed
            .values
            .get(&at)
            .cloned()
            .unwrap_or_else(|| text_of(json_at(&data, &at)));
        let adopted = adopted
            .iter()
            .find(|(subject, _)| *subject == path)
            .map(|(_, level)| level.clone())
            .unwrap_or_default();
        VoteRow {
            conclusion: context! { path => at, value => conclusion },
            path,
            subject,
            proposed: proposed
                .map(Rating::label_vi)
                .unwrap_or_default()
                .to_string(),
            votes,
            adopted,
        }
    };
    let mut rows = vec![row(
        "tap_the".to_string(),
        format!("Tập thể {}", dossier.organisation.name),
        dossier.collective.de_xuat,
    )];
    for (index, member) in dossier.members.iter().enumerate() {
        if dossier.reviews(member) {
            rows.push(row(
                format!("dang_vien[{index}]"),
                member.name.to_string(),
                member.self_review.tu_xep_loai_dang_vien,
            ));
        }
    }
    with_frame(
        frame,
        "Hội nghị",
        context! {
            meeting_fields => Value::from(Serde(&meeting_fields)),
            tables => Value::from(Serde(&meeting_tables(dossier, &data, typed))),
            rows => Value::from(Serde(&rows)),
            present => tally.present,
            members => tally.members,
            voters => tally.voters,
            ..panel
        },
    )
}

//! This year's data file started from last year's: the unit, the members still in it with their
//! posts, and last year's shortcomings already placed in section III of each review.

use std::fmt::Write;

use super::starter;
use crate::date::Date;
use serde_json::Value as Json;

use crate::dossier::schema::{self, Kind};
use crate::dossier::{Dossier, Member, PROBATION_MONTHS, yaml_quoted as quote};
use crate::history::{self, Stated, Whose};

/// The data file of the review after `previous`'s, linked to it by `ky_truoc` as `link` (the
/// previous file's path as seen from the new file's folder). Members who left after the last
/// review (`chuyen_di`) are left out.
pub fn next_year(previous: &Dossier, link: &str) -> String {
    let year = previous.year + 1;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Tệp dữ liệu kiểm điểm, đánh giá, xếp loại chất lượng năm {year} — do «hoso init --from» tạo ra\n\
         # từ kỳ kiểm điểm năm {}: giữ đơn vị, đảng viên còn sinh hoạt và chức vụ; hạn chế của năm {}\n\
         # đã được ghi sẵn vào mục III (han_che_ky_truoc) của từng bản kiểm điểm: ghi kết quả khắc phục\n\
         # từng hạn chế ở tinh_trang (da_khac_phuc, dang_khac_phuc kèm muc_do, chua_khac_phuc) và\n\
         # kho_khan nếu có; hạn chế chưa ghi kết quả thì mục III in ô để đánh dấu tay.",
        previous.year, previous.year
    );
    let starter = starter(year);
    out.push_str(&general_notes(&starter));
    let _ = writeln!(out, "\nnam: {year}\n");
    out.push_str("# Tệp kỳ kiểm điểm trước, tính từ thư mục của tệp này.\n");
    let _ = writeln!(out, "ky_truoc: {}\n", quote(link));
    organisation(&mut out, previous);
    out.push_str(part(&starter, "hoi_nghi:", "tap_the:"));
    out.push_str(part(&starter, "tap_the:", "dang_vien:"));
    earlier_shortcomings(
        &mut out,
        &history::to_answer_next(previous, Whose::Collective),
        "  ",
    );
    out.push_str("\ndang_vien:\n");
    let meeting = Date::from_ymd(year, 12, 15);
    for member in previous.members.iter().filter(|m| m.departure.is_none()) {
        member_entry(&mut out, previous, member, meeting);
    }
    out
}

/// The notes on writing values that open the starting file `starter`.
fn general_notes(starter: &str) -> String {
    starter
        .lines()
        .skip_while(|line| !line.starts_with("# Quy tắc chung"))
        .take_while(|line| line.starts_with('#'))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The lines of the starting file `starter` from the one that begins with `from` up to the one
/// that begins with `to`.
fn part<'s>(starter: &'s str, from: &str, to: &str) -> &'s str {
    let start = starter.find(&format!("\n{from}")).map_or(0, |at| at + 1);
    let end = starter[start..]
        .find(&format!("\n{to}"))
        .map_or(starter.len(), |at| start + at + 1);
    &starter[start..end]
}

fn organisation(out: &mut String, previous: &Dossier) {
    let unit = &previous.organisation;
    let stays = |id: &Option<serde_saphyr::Spanned<String>>| {
        id.as_ref()
            .and_then(|id| previous.member(&id.value))
            .filter(|member| member.departure.is_none())
            .map(|member| member.id.value.clone())
    };
    let _ = writeln!(
        out,
        "to_chuc:\n  cap_tren: {}\n  ten: {}\n  dia_danh: {}\n  co_chi_uy: {}",
        quote(&unit.superior),
        quote(&unit.name),
        quote(&unit.place),
        unit.has_committee,
    );
    if unit.kind == crate::dossier::OrganisationKind::Committee {
        out.push_str("  loai: dang_bo\n");
    }
    for (key, id) in [
        ("bi_thu", stays(&unit.secretary)),
        ("pho_bi_thu", stays(&unit.deputy)),
    ] {
        match id {
            Some(id) => {
                let _ = writeln!(out, "  {key}: {id}");
            }
            None => {
                let _ = writeln!(out, "  # {key}: …");
            }
        }
    }
    if let Some(quota) = unit.excellent_quota {
        let _ = writeln!(out, "  ty_le_xuat_sac: {}", quota.value());
    }
    out.push('\n');
    // The unit's readings where the texts are silent stay the unit's choice from year to year.
    if previous.readings != crate::dossier::Readings::default()
        && let Ok(yaml) = serde_saphyr::to_string(&previous.readings)
    {
        out.push_str("quy_tac:\n");
        for line in yaml.lines().filter(|line| !line.trim().is_empty()) {
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
    }
}

/// One member of last year's file as this year's starts it: the id, and each field the schema
/// carries (`Field::carried`) that the member gives. A probationary member whose twelve months
/// are up by this year's meeting has `du_bi` left as a comment to confirm.
fn member_entry(out: &mut String, previous: &Dossier, member: &Member, meeting: Option<Date>) {
    let _ = writeln!(out, "  - id: {}", member.id.value);
    let values = serde_json::to_value(member).unwrap_or_default();
    for field in schema::children("dang_vien[]").filter(|field| field.carried) {
        let key = field.key();
        if key == "du_bi" {
            probation(out, member, meeting);
            continue;
        }
        let written = match (&values[key], field.kind) {
            (Json::String(text), _) if text.trim().is_empty() => continue,
            (Json::String(text), Kind::Line | Kind::Text) => quote(text),
            (Json::String(text), _) => text.clone(),
            (Json::Bool(flag), _) => flag.to_string(),
            (Json::Number(number), _) => number.to_string(),
            _ => continue,
        };
        let _ = writeln!(out, "    {key}: {written}");
    }
    let earlier = history::to_answer_next(previous, Whose::Member(member));
    if !earlier.is_empty() {
        out.push_str("    tu_kiem_diem:\n");
        earlier_shortcomings(out, &earlier, "      ");
    }
}

/// `du_bi` of a member on probation last year: kept, or left to confirm when the twelve months
/// are up by `meeting`.
fn probation(out: &mut String, member: &Member, meeting: Option<Date>) {
    if !member.probationary {
        return;
    }
    let confirmed = member
        .admitted_on
        .and_then(|admitted| admitted.plus_months(PROBATION_MONTHS))
        .zip(meeting)
        .is_some_and(|(confirmed, meeting)| confirmed <= meeting);
    if confirmed {
        out.push_str("    # du_bi: true   (năm trước là đảng viên dự bị; đã đủ 12 tháng dự bị: ghi lại nếu chưa được công nhận chính thức)\n");
    } else {
        out.push_str("    du_bi: true\n");
    }
}

/// `han_che_ky_truoc` with one entry per shortcoming, its status left for the clerk to write.
fn earlier_shortcomings(out: &mut String, earlier: &[Stated], indent: &str) {
    if earlier.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}han_che_ky_truoc:");
    for stated in earlier {
        let _ = writeln!(
            out,
            "{indent}  - han_che: {}\n{indent}    nam: {}\n{indent}    # tinh_trang: da_khac_phuc   (hoặc dang_khac_phuc kèm muc_do, hoặc chua_khac_phuc)",
            quote(&stated.text),
            stated.year
        );
    }
}

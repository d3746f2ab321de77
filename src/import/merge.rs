//! What a member list changes in a unit: each row matched to a member of the file (by card
//! number, then by name and date of birth) or added as a new one, and, field by field, what is
//! filled, what differs and what is left alone.

use serde::Serialize;
use serde_json::Value as Json;
use unicode_normalization::UnicodeNormalization;

use super::columns::normalised;
use super::roster::{Entry, Roster};
use super::{ImportError, edited};
use crate::date::{BirthDate, Date};
use crate::dossier::edit::{self, Change};
use crate::dossier::workspace::{Edit, Files, Workspace};
use crate::dossier::{Dossier, PROBATION_MONTHS};
use crate::output::slug;

/// How a row found its member in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The same card number.
    Card,
    /// The same name and date of birth.
    NameAndBirth,
    /// The same name and year of birth, where the list or the file gives the year alone.
    NameAndBirthYear,
}

/// A value of the list that differs from the file's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The data's key.
    pub key: &'static str,
    /// The value in the unit file.
    pub in_file: String,
    /// The value in the list.
    pub in_list: String,
    /// Whether the list's value is written over the file's (`--ghi-de`).
    pub written: bool,
}

/// What became of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "ket_qua", rename_all = "snake_case")]
pub enum Outcome {
    /// A new member, added at the end of the list with this id.
    Added {
        /// The new member's id.
        id: String,
        /// The keys written.
        written: Vec<&'static str>,
    },
    /// A member of the file.
    Matched {
        /// The member's id.
        id: String,
        /// How the row found them.
        by: MatchedBy,
        /// The keys the file left empty and the list fills.
        filled: Vec<&'static str>,
        /// The values that differ.
        differing: Vec<Difference>,
    },
    /// Not a member of this unit, or not one hoso can add.
    Skipped {
        /// Why, in Vietnamese.
        reason: String,
    },
}

/// One row of the list and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct RowOutcome {
    /// The sheet's row, from 1.
    pub row: usize,
    /// The name the row gives, or what it starts with.
    pub name: String,
    /// What became of it.
    pub outcome: Outcome,
    /// What the row holds that the data has no place for (the column's title and the value).
    pub not_kept: Vec<(String, String)>,
    /// What was done to its values on the way in (a text in an old encoding converted).
    pub notes: Vec<String>,
    /// What the file will be warned of for this row, in Vietnamese (a year of birth alone).
    pub warnings: Vec<String>,
}

/// A value to write: the field's path in the unit file and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    /// The path (`dang_vien[3].so_the`).
    pub path: String,
    /// The value.
    pub value: String,
}

/// A member to add: the id and the values of the required fields, then the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    /// The id.
    pub id: String,
    /// Every value, by key, `ho_ten` and `ngay_sinh` among them.
    pub values: Vec<(&'static str, String)>,
}

/// What a list changes in a unit.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Every row, in the list's order.
    pub rows: Vec<RowOutcome>,
    /// The values written into members of the file.
    pub writes: Vec<Write>,
    /// The members added, in the list's order.
    pub added: Vec<NewMember>,
}

impl Plan {
    /// Whether the list changes nothing in the file.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty() && self.added.is_empty()
    }
}

/// What `roster` changes in `dossier`; a value that differs is written only when `overwrite`.
pub fn plan(dossier: &Dossier, roster: &Roster, overwrite: bool) -> Plan {
    let members: Vec<Json> = dossier
        .members
        .iter()
        .map(|member| serde_json::to_value(member).unwrap_or_default())
        .collect();
    let mut ids: Vec<String> = dossier.members.iter().map(|m| m.id.value.clone()).collect();
    let mut plan = Plan::default();
    for entry in &roster.entries {
        let name = entry.values.get("ho_ten").cloned().unwrap_or_default();
        let outcome = match place(dossier, &members, entry) {
            Err(reason) => Outcome::Skipped { reason },
            Ok(Some((index, by))) => matched(
                &members[index],
                index,
                &ids[index],
                by,
                entry,
                overwrite,
                &mut plan,
            ),
            Ok(None) => added(dossier, entry, &mut ids, &mut plan),
        };
        let warnings = year_alone_warning(entry, &outcome).into_iter().collect();
        plan.rows.push(RowOutcome {
            row: entry.row,
            name,
            outcome,
            not_kept: entry.not_kept.clone(),
            notes: entry.notes.clone(),
            warnings,
        });
    }
    plan
}

/// The member of the file `entry` is (its index and how it was found), `None` for a member new
/// to the file, or why the row is not this unit's.
fn place(
    dossier: &Dossier,
    members: &[Json],
    entry: &Entry,
) -> Result<Option<(usize, MatchedBy)>, String> {
    if let Some(branch) = &entry.branch
        && !same_branch(branch, &dossier.organisation.name)
    {
        return Err(format!("thuộc chi bộ khác: «{branch}»"));
    }
    let value = |member: &Json, key: &str| member[key].as_str().map(comparable);
    if let Some(card) = entry.values.get("so_the").map(|card| comparable(card))
        && let Some(index) = members
            .iter()
            .position(|m| value(m, "so_the") == Some(card.clone()))
    {
        return Ok(Some((index, MatchedBy::Card)));
    }
    let name = entry.values.get("ho_ten").map(|name| comparable(name));
    let birth = entry
        .values
        .get("ngay_sinh")
        .and_then(|b| BirthDate::parse(b));
    let same_name: Vec<usize> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| value(m, "ho_ten") == name)
        .map(|(index, _)| index)
        .collect();
    let born = |index: usize| {
        members[index]["ngay_sinh"]
            .as_str()
            .and_then(BirthDate::parse)
    };
    if let Some(&index) = same_name.iter().find(|&&index| {
        matches!((born(index), birth), (Some(BirthDate::Day(a)), Some(BirthDate::Day(b))) if a == b)
    }) {
        return Ok(Some((index, MatchedBy::NameAndBirth)));
    }
    // Where either gives the year alone, the year must point to one member only.
    let same_year: Vec<usize> = same_name
        .iter()
        .copied()
        .filter(|&index| {
            born(index)
                .zip(birth)
                .is_some_and(|(in_file, in_list)| in_file.agrees_with(in_list))
        })
        .collect();
    match same_year.as_slice() {
        [index] => return Ok(Some((*index, MatchedBy::NameAndBirthYear))),
        [_, _, ..] => {
            let ids: Vec<&str> = same_year
                .iter()
                .map(|&index| dossier.members[index].id.value.as_str())
                .collect();
            return Err(format!(
                "cùng họ tên và năm sinh với {} đảng viên trong tệp ({}): ghi ngày sinh đủ hoặc số thẻ vào bảng rồi nhập lại",
                ids.len(),
                ids.join(", ")
            ));
        }
        [] => {}
    }
    if let Some(&index) = same_name.first() {
        return Err(format!(
            "cùng họ tên với đảng viên «{}» trong tệp nhưng khác ngày sinh: kiểm tra lại rồi sửa bảng hoặc tệp",
            dossier.members[index].id.value
        ));
    }
    Ok(None)
}

/// A value as two are compared: NFC, lower case, single spaces.
fn comparable(text: &str) -> String {
    text.nfc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the list's chi bộ `branch` is the unit `unit` ("Phòng Quản lý" and "Chi bộ Phòng
/// Quản lý" are).
fn same_branch(branch: &str, unit: &str) -> bool {
    let bare = |name: &str| {
        let name = normalised(name);
        name.strip_prefix("chi bo ")
            .map_or(name.clone(), str::to_string)
    };
    bare(branch) == bare(unit)
}

/// A row matched to member `index` of the file: the keys it fills and those that differ.
fn matched(
    member: &Json,
    index: usize,
    id: &str,
    by: MatchedBy,
    entry: &Entry,
    overwrite: bool,
    plan: &mut Plan,
) -> Outcome {
    let mut filled = Vec::new();
    let mut differing = Vec::new();
    for (&key, value) in &entry.values {
        let in_file = member[key].as_str().unwrap_or_default();
        let path = format!("dang_vien[{index}].{key}");
        let birth = |text: &str| BirthDate::parse(text).filter(|_| key == "ngay_sinh");
        let completes = match (birth(in_file), birth(value)) {
            // The list's year alone tells nothing the file's day does not.
            (Some(BirthDate::Day(day)), Some(BirthDate::Year(year))) if day.year() == year => {
                continue;
            }
            // The list's day completes the file's year alone.
            (Some(BirthDate::Year(year)), Some(BirthDate::Day(day))) => day.year() == year,
            _ => false,
        };
        if in_file.trim().is_empty() || completes {
            filled.push(key);
            plan.writes.push(Write {
                path,
                value: value.clone(),
            });
        } else if comparable(in_file) != comparable(value) {
            differing.push(Difference {
                key,
                in_file: in_file.to_string(),
                in_list: value.clone(),
                written: overwrite,
            });
            if overwrite {
                plan.writes.push(Write {
                    path,
                    value: value.clone(),
                });
            }
        }
    }
    Outcome::Matched {
        id: id.to_string(),
        by,
        filled,
        differing,
    }
}

/// A row new to the file, added with an id made from the name as the local page makes it (a
/// number after it when taken); one without a date of birth cannot be added.
fn added(dossier: &Dossier, entry: &Entry, ids: &mut Vec<String>, plan: &mut Plan) -> Outcome {
    if !entry.values.contains_key("ngay_sinh") {
        return Outcome::Skipped {
            reason: "thành viên mới nhưng không có ngày sinh: ghi ngày sinh vào bảng rồi nhập lại"
                .to_string(),
        };
    }
    let base = slug(&entry.values["ho_ten"]);
    let id = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !ids.contains(id))
        .unwrap_or(base);
    ids.push(id.clone());
    let mut values: Vec<(&'static str, String)> = ["ho_ten", "ngay_sinh"]
        .into_iter()
        .filter_map(|key| entry.values.get(key).map(|value| (key, value.clone())))
        .collect();
    values.extend(
        entry
            .values
            .iter()
            .filter(|(key, _)| !["ho_ten", "ngay_sinh"].contains(key))
            .map(|(key, value)| (*key, value.clone())),
    );
    if on_probation(dossier, entry) {
        values.push(("du_bi", "true".to_string()));
    }
    let written = values.iter().map(|(key, _)| *key).collect();
    plan.added.push(NewMember {
        id: id.clone(),
        values,
    });
    Outcome::Added { id, written }
}

/// Whether a new member is on probation at the meeting: admitted less than twelve months
/// before it, and not yet full by the list.
fn on_probation(dossier: &Dossier, entry: &Entry) -> bool {
    let admitted = entry
        .values
        .get("ngay_vao_dang")
        .and_then(|day| Date::parse(day));
    entry.official.is_none()
        && admitted
            .and_then(|day| day.plus_months(PROBATION_MONTHS))
            .is_some_and(|full| full > dossier.meeting.date)
}

/// The row's warning when its year of birth alone goes into the file: the check warns of it
/// too (rule `nam-sinh`) until the day is written.
fn year_alone_warning(entry: &Entry, outcome: &Outcome) -> Option<String> {
    let Some(BirthDate::Year(year)) = entry
        .values
        .get("ngay_sinh")
        .and_then(|birth| BirthDate::parse(birth))
    else {
        return None;
    };
    let written = match outcome {
        Outcome::Added { .. } => true,
        Outcome::Matched { differing, .. } => differing
            .iter()
            .any(|difference| difference.key == "ngay_sinh" && difference.written),
        Outcome::Skipped { .. } => false,
    };
    written.then(|| {
        format!(
            "bảng chỉ ghi năm sinh {year}: tệp ghi ngay_sinh: {year}, mẫu in «Ngày sinh: {year}»; hoso check cảnh báo [nam-sinh] cho tới khi ghi đủ ngày, tháng sinh"
        )
    })
}

/// What `plan` makes of the unit's `files` (`members` members before it): its values set
/// where each member is written (the unit file, or the member's own file), its new members
/// added at the end of the unit file.
pub fn apply(
    workspace: &Workspace,
    files: &Files,
    members: usize,
    plan: &Plan,
) -> Result<Files, ImportError> {
    let changes: Vec<Change> = plan
        .writes
        .iter()
        .map(|write| Change {
            path: write.path.clone(),
            value: write.value.clone(),
        })
        .collect();
    let mut files = edited(workspace, files, &Edit::Fields(changes))?;
    for (offset, member) in plan.added.iter().enumerate() {
        let value = |key: &str| {
            member
                .values
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, value)| value.clone())
                .unwrap_or_default()
        };
        let new = edit::NewMember {
            id: member.id.clone(),
            name: value("ho_ten"),
            born: value("ngay_sinh"),
        };
        files = edited(workspace, &files, &Edit::AddMember(new))?;
        let index = members + offset;
        let rest: Vec<Change> = member
            .values
            .iter()
            .filter(|(key, _)| !["ho_ten", "ngay_sinh"].contains(key))
            .map(|(key, value)| Change {
                path: format!("dang_vien[{index}].{key}"),
                value: value.clone(),
            })
            .collect();
        files = edited(workspace, &files, &Edit::Fields(rest))?;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The unit file `unit` with `plan` applied, as a unit of one file.
    fn applied(unit: &str, members: usize, plan: &Plan) -> String {
        let path = std::path::PathBuf::from("don-vi.yaml");
        let workspace = Workspace::new(path.clone());
        let files: Files = [(path.clone(), unit.to_string())].into();
        apply(&workspace, &files, members, plan).unwrap()[&path].clone()
    }

    const UNIT: &str = "nam: 2026
to_chuc:
  cap_tren: Đảng bộ Sở Xây dựng
  ten: Chi bộ Phòng Quản lý
  dia_danh: Hải Phòng
hoi_nghi:
  ngay: 2026-12-08
dang_vien:
  - id: nguyen-van-an
    ho_ten: Nguyễn Văn An
    ngay_sinh: 1975-02-05
    so_the: '012345'
  - id: tran-thi-binh
    ho_ten: Trần Thị Bình
    ngay_sinh: 1980-03-01
    chuc_vu_dang: Đảng viên
";

    fn entry(row: usize, values: &[(&'static str, &str)]) -> Entry {
        Entry {
            row,
            values: values
                .iter()
                .map(|(key, value)| (*key, value.to_string()))
                .collect::<BTreeMap<_, _>>(),
            ..Entry::default()
        }
    }

    fn roster(entries: Vec<Entry>) -> Roster {
        Roster {
            sheet: "DS".into(),
            header_row: 1,
            placed: Vec::new(),
            unread: Vec::new(),
            entries,
            skipped: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn rows_match_by_card_then_by_name_and_birth_and_only_empty_fields_are_filled() {
        let dossier = crate::dossier::parse(UNIT, "don-vi.yaml").unwrap();
        let list = roster(vec![
            entry(
                3,
                &[
                    ("ho_ten", "Nguyễn  văn An"),
                    ("so_the", "012345"),
                    ("don_vi_cong_tac", "Phòng Quản lý"),
                ],
            ),
            entry(
                4,
                &[
                    ("ho_ten", "Trần Thị Bình"),
                    ("ngay_sinh", "1980-03-01"),
                    ("chuc_vu_dang", "Chi ủy viên"),
                ],
            ),
            entry(
                5,
                &[
                    ("ho_ten", "Lê Văn Cường"),
                    ("ngay_sinh", "1990-06-10"),
                    ("ngay_vao_dang", "2026-06-01"),
                ],
            ),
            entry(
                6,
                &[("ho_ten", "Trần Thị Bình"), ("ngay_sinh", "1985-01-01")],
            ),
            entry(7, &[("ho_ten", "Phạm Văn Dũng")]),
        ]);
        let planned = plan(&dossier, &list, false);
        let outcomes: Vec<&Outcome> = planned.rows.iter().map(|row| &row.outcome).collect();
        assert!(
            matches!(outcomes[0], Outcome::Matched { id, by: MatchedBy::Card, filled, .. }
            if id == "nguyen-van-an" && filled == &vec!["don_vi_cong_tac"])
        );
        let Outcome::Matched {
            by,
            differing,
            filled,
            ..
        } = outcomes[1]
        else {
            panic!("{outcomes:?}")
        };
        assert_eq!(*by, MatchedBy::NameAndBirth);
        assert!(filled.is_empty());
        assert_eq!(differing[0].in_file, "Đảng viên");
        assert!(!differing[0].written);
        assert!(matches!(outcomes[2], Outcome::Added { id, .. } if id == "le-van-cuong"));
        assert!(
            matches!(outcomes[3], Outcome::Skipped { reason } if reason.contains("khác ngày sinh"))
        );
        assert!(
            matches!(outcomes[4], Outcome::Skipped { reason } if reason.contains("không có ngày sinh"))
        );
        assert_eq!(
            planned.writes,
            vec![Write {
                path: "dang_vien[0].don_vi_cong_tac".into(),
                value: "Phòng Quản lý".into()
            }]
        );
        let new = &planned.added[0];
        assert_eq!(new.values[0], ("ho_ten", "Lê Văn Cường".to_string()));
        assert!(
            new.values.contains(&("du_bi", "true".to_string())),
            "admitted six months before"
        );
        let overwritten = plan(&dossier, &list, true);
        assert!(
            overwritten
                .writes
                .iter()
                .any(|w| w.path == "dang_vien[1].chuc_vu_dang" && w.value == "Chi ủy viên")
        );
    }

    #[test]
    fn the_plan_is_written_into_the_file_keeping_everything_else() {
        let unit = UNIT.replace(
            "dang_vien:\n",
            "# Danh sách đảng viên của chi bộ\ndang_vien:\n",
        );
        let dossier = crate::dossier::parse(&unit, "don-vi.yaml").unwrap();
        let list = roster(vec![
            entry(
                3,
                &[
                    ("ho_ten", "Nguyễn Văn An"),
                    ("so_the", "012345"),
                    ("don_vi_cong_tac", "Phòng Quản lý"),
                ],
            ),
            entry(
                5,
                &[
                    ("ho_ten", "Lê Văn Cường"),
                    ("ngay_sinh", "1990-06-10"),
                    ("ngay_vao_dang", "2026-06-01"),
                    ("so_the", "000777"),
                ],
            ),
        ]);
        let planned = plan(&dossier, &list, false);
        let text = applied(&unit, dossier.members.len(), &planned);
        assert!(text.contains("# Danh sách đảng viên của chi bộ"), "{text}");
        let read = crate::dossier::parse(&text, "don-vi.yaml")
            .unwrap_or_else(|err| panic!("{err}\n{text}"));
        assert_eq!(
            read.members[0].workplace.as_deref().map(|w| w.to_string()),
            Some("Phòng Quản lý".to_string())
        );
        let new = &read.members[2];
        assert_eq!(
            (new.id.value.as_str(), new.name.as_str()),
            ("le-van-cuong", "Lê Văn Cường")
        );
        assert_eq!(
            new.card.as_ref().map(|c| c.to_string()),
            Some("000777".to_string())
        );
        assert!(new.probationary);
        assert_eq!(
            new.admitted_on.map(|d| d.to_string()),
            Some("2026-06-01".to_string())
        );
        // Read again, the same list changes nothing.
        assert!(plan(&read, &list, false).is_empty());
    }

    #[test]
    fn a_year_of_birth_alone_matches_by_its_year_is_added_with_a_warning_and_never_hides_a_day() {
        let unit = UNIT.replace("ngay_sinh: 1980-03-01", "ngay_sinh: 1980");
        let dossier = crate::dossier::parse(&unit, "don-vi.yaml").unwrap();
        let list = roster(vec![
            entry(
                3,
                &[
                    ("ho_ten", "Nguyễn Văn An"),
                    ("ngay_sinh", "1975"),
                    ("chuc_vu_dang", "Bí thư"),
                ],
            ),
            entry(
                4,
                &[("ho_ten", "Trần Thị Bình"), ("ngay_sinh", "1980-03-01")],
            ),
            entry(5, &[("ho_ten", "Lê Văn Cường"), ("ngay_sinh", "1990")]),
            entry(6, &[("ho_ten", "Nguyễn Văn An"), ("ngay_sinh", "1976")]),
        ]);
        // Even told to write over the file, the list's year alone leaves the file's day.
        let planned = plan(&dossier, &list, true);
        let outcomes: Vec<&Outcome> = planned.rows.iter().map(|row| &row.outcome).collect();
        assert!(
            matches!(outcomes[0], Outcome::Matched { by: MatchedBy::NameAndBirthYear, filled, differing, .. }
            if filled == &vec!["chuc_vu_dang"] && differing.is_empty()),
            "{outcomes:?}"
        );
        assert!(
            matches!(outcomes[1], Outcome::Matched { by: MatchedBy::NameAndBirthYear, filled, .. }
            if filled == &vec!["ngay_sinh"]),
            "the list's day completes the file's year: {outcomes:?}"
        );
        assert!(matches!(outcomes[2], Outcome::Added { id, .. } if id == "le-van-cuong"));
        assert!(
            matches!(outcomes[3], Outcome::Skipped { reason } if reason.contains("khác ngày sinh"))
        );
        let warned: Vec<usize> = planned
            .rows
            .iter()
            .filter(|row| !row.warnings.is_empty())
            .map(|row| row.row)
            .collect();
        assert_eq!(warned, vec![5]);
        assert!(planned.rows[2].warnings[0].contains("năm sinh 1990"));
        let text = applied(&unit, dossier.members.len(), &planned);
        let read = crate::dossier::parse(&text, "don-vi.yaml")
            .unwrap_or_else(|err| panic!("{err}\n{text}"));
        let births: Vec<String> = read
            .members
            .iter()
            .map(|m| m.birth_date.to_string())
            .collect();
        assert_eq!(births, vec!["1975-02-05", "1980-03-01", "1990"]);
        assert!(text.contains("ngay_sinh: 1990\n"), "{text}");

        // Two members of the same name born the same year: a year alone does not choose.
        let twins = format!(
            "{UNIT}  - id: nguyen-van-an-2\n    ho_ten: Nguyễn Văn An\n    ngay_sinh: 1975-09-09\n"
        );
        let dossier = crate::dossier::parse(&twins, "don-vi.yaml").unwrap();
        let planned = plan(
            &dossier,
            &roster(vec![entry(
                3,
                &[("ho_ten", "Nguyễn Văn An"), ("ngay_sinh", "1975")],
            )]),
            false,
        );
        assert!(
            matches!(&planned.rows[0].outcome, Outcome::Skipped { reason }
            if reason.contains("nguyen-van-an, nguyen-van-an-2")),
            "{:?}",
            planned.rows[0].outcome
        );
    }

    #[test]
    fn a_row_of_another_chi_bo_is_skipped_and_ids_stay_unique() {
        let dossier = crate::dossier::parse(UNIT, "don-vi.yaml").unwrap();
        let mut other = entry(
            3,
            &[("ho_ten", "Lê Văn Cường"), ("ngay_sinh", "1990-06-10")],
        );
        other.branch = Some("Chi bộ Phòng Kế hoạch".into());
        let mut here = entry(
            4,
            &[("ho_ten", "Nguyễn Văn An"), ("ngay_sinh", "1991-01-01")],
        );
        here.branch = Some("Phòng Quản lý".into());
        let planned = plan(&dossier, &roster(vec![other, here]), false);
        assert!(
            matches!(&planned.rows[0].outcome, Outcome::Skipped { reason } if reason.contains("chi bộ khác"))
        );
        assert!(
            matches!(&planned.rows[1].outcome, Outcome::Skipped { .. }),
            "same name, other birth: not guessed"
        );
    }
}

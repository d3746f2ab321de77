//! Edits of a unit file that keep what the clerk wrote by hand: the file is parsed losslessly
//! (yaml-edit, a rowan tree of every character), the values changed are set in place, and the
//! rest, comments, blank lines, key order and quoting, comes back out as it was.

use std::str::FromStr;

use yaml_edit::{Document, Mapping, MappingBuilder, ScalarValue, Sequence, SequenceBuilder};

use super::compose;
use super::schema::Kind;

/// One change to a unit file: the value at `path` (`to_chuc.ten`,
/// `dang_vien[2].tu_kiem_diem.han_che`) becomes `value`; an empty value removes the key. A path
/// ending in `[]` (`tap_the.noi_nhan[]`) is a list of texts, one per line of `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The field's path, as the rules and the errors name it.
    pub path: String,
    /// The text typed; several lines are written as a literal block.
    pub value: String,
}

/// Numbers the new rows of tables the way [`Edited::apply`] adds them: one after another from
/// the end of each list, in the order of the page. A page may offer several rows past the end
/// (section III's shortcomings not yet answered) and the clerk fill only some; `rows` gives the
/// length of the list at a table's path.
pub fn number_new_rows(changes: &mut [Change], rows: impl Fn(&str) -> usize) {
    // Each table's new rows as the page numbered them, in order.
    let mut new: Vec<(String, usize)> = Vec::new();
    for change in changes.iter() {
        if let Some((table, index)) = row_of(&change.path)
            && index >= rows(table)
            && !new.iter().any(|(t, i)| t == table && *i == index)
        {
            new.push((table.to_string(), index));
        }
    }
    new.sort();
    for change in changes.iter_mut() {
        let Some((table, index)) = row_of(&change.path) else {
            continue;
        };
        let rank = new
            .iter()
            .filter(|(t, _)| t == table)
            .position(|(_, i)| *i == index);
        if let Some(rank) = rank {
            let numbered = rows(table) + rank;
            let column = &change.path[change.path.rfind(']').unwrap_or(0)..];
            change.path = format!("{table}[{numbered}{column}");
        }
    }
}

/// The table and row of a cell's path: `("hoi_nghi.dien_bien", 2)` for
/// `hoi_nghi.dien_bien[2].nguoi`.
pub fn row_of(path: &str) -> Option<(&str, usize)> {
    let (table, rest) = path.rsplit_once('[')?;
    let (index, column) = rest.split_once(']')?;
    column.starts_with('.').then_some(())?;
    Some((table, index.parse().ok()?))
}

/// A member added to the end of the list: the fields every member needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    /// The member's id (`id`).
    pub id: String,
    /// Full name (`ho_ten`).
    pub name: String,
    /// Date of birth as typed (`ngay_sinh`).
    pub born: String,
}

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    /// The file is not YAML that can be edited in place.
    #[error("tệp dữ liệu không đọc được để sửa: {0}")]
    Unreadable(String),
    /// A path names no place in the file.
    #[error("không có trường «{0}» trong tệp dữ liệu")]
    NoSuchField(String),
}

/// The text of a unit file, held as a lossless tree while it is edited.
pub struct Edited {
    document: Document,
}

impl Edited {
    /// Parses `text` for editing.
    pub fn parse(text: &str) -> Result<Edited, EditError> {
        Document::from_str(text)
            .map(|document| Edited { document })
            .map_err(|err| EditError::Unreadable(err.to_string()))
    }

    /// The edited text.
    pub fn text(&self) -> String {
        self.document.to_string()
    }

    /// Sets each of `changes` in turn; a missing parent mapping is created.
    pub fn apply(&self, changes: &[Change]) -> Result<(), EditError> {
        for change in changes {
            self.set(&change.path, &change.value)?;
        }
        // A row of a table whose every value was cleared goes: the lists it was in, emptied.
        let mut tables: Vec<&str> = changes
            .iter()
            .filter_map(|change| change.path.rsplit_once('[').map(|(table, _)| table))
            .collect();
        tables.dedup();
        for table in tables {
            self.drop_empty_rows(table);
        }
        Ok(())
    }

    /// Removes the items of the list at `path` that are empty mappings, and the list when none
    /// is left.
    fn drop_empty_rows(&self, path: &str) {
        let Some(steps) = steps(path) else { return };
        let Some((Step::Key(last), parents)) = steps.split_last() else {
            return;
        };
        let Ok(mut mapping) = self.root() else { return };
        for step in parents {
            let next = match step {
                Step::Key(key) => mapping.get(key.as_str()),
                Step::Item(key, index) => mapping
                    .get(key.as_str())
                    .and_then(|node| node.as_sequence().and_then(|items| items.get(*index))),
                Step::List(_) => None,
            };
            match next.and_then(|node| node.as_mapping().cloned()) {
                Some(inner) => mapping = inner,
                None => return,
            }
        }
        let Some(items) = mapping
            .get(last.as_str())
            .and_then(|node| node.as_sequence().cloned())
        else {
            return;
        };
        for index in (0..items.len()).rev() {
            let empty = items
                .get(index)
                .and_then(|node| node.as_mapping().map(|m| m.keys().next().is_none()));
            if empty == Some(true) {
                items.remove(index);
            }
        }
        if items.is_empty() {
            mapping.remove(last.as_str());
        }
    }

    /// Adds `member` at the end of `dang_vien`.
    pub fn add_member(&self, member: &NewMember) -> Result<(), EditError> {
        let members = self.members()?;
        let index = members.len();
        members.push(
            yaml_edit::MappingBuilder::new()
                .pair("id", member.id.as_str())
                .build_document(),
        );
        let path = |key: &str| format!("dang_vien[{index}].{key}");
        self.set(&path("ho_ten"), &member.name)?;
        self.set(&path("ngay_sinh"), &member.born)
    }

    /// Removes member `index` of `dang_vien`.
    pub fn remove_member(&self, index: usize) -> Result<(), EditError> {
        self.members()?
            .remove(index)
            .map(drop)
            .ok_or_else(|| EditError::NoSuchField(format!("dang_vien[{index}]")))
    }

    /// Moves member `index` of `dang_vien` one place up (towards the start).
    pub fn move_member_up(&self, index: usize) -> Result<(), EditError> {
        let members = self.members()?;
        let missing = || EditError::NoSuchField(format!("dang_vien[{index}]"));
        if index == 0 || index >= members.len() {
            return Err(missing());
        }
        let moved = members.remove(index).ok_or_else(missing)?;
        members.insert(index - 1, moved);
        Ok(())
    }

    fn members(&self) -> Result<Sequence, EditError> {
        let root = self.root()?;
        root.get("dang_vien")
            .and_then(|node| node.as_sequence().cloned())
            .ok_or_else(|| EditError::NoSuchField("dang_vien".to_string()))
    }

    fn root(&self) -> Result<Mapping, EditError> {
        self.document
            .as_mapping()
            .ok_or_else(|| EditError::Unreadable("tệp không bắt đầu bằng các khóa".to_string()))
    }

    /// Sets the value at `path`, creating the mappings on the way; an empty value removes it.
    fn set(&self, path: &str, value: &str) -> Result<(), EditError> {
        let missing = || EditError::NoSuchField(path.to_string());
        let steps = steps(path).ok_or_else(missing)?;
        let keys: Vec<&str> = steps
            .iter()
            .map(|step| match step {
                Step::Key(key) | Step::Item(key, _) | Step::List(key) => key.as_str(),
            })
            .collect();
        let mut mapping = self.root()?;
        for (depth, step) in steps.iter().enumerate() {
            let last = depth + 1 == steps.len();
            match step {
                Step::Key(key) if last => {
                    set_scalar(&mapping, key, scalar_at(path, value));
                    return Ok(());
                }
                Step::List(key) if last => {
                    set_list(&mapping, key, value);
                    return Ok(());
                }
                Step::List(_) => return Err(missing()),
                Step::Key(key) => match mapping.get(key.as_str()) {
                    Some(node) => mapping = node.as_mapping().cloned().ok_or_else(missing)?,
                    None => {
                        // The rest of the path is new: written at once, as block mappings.
                        if value.trim().is_empty() {
                            return Ok(());
                        }
                        let leaf = keys[keys.len() - 1];
                        let innermost = match steps.last() {
                            Some(Step::List(_)) => MappingBuilder::new()
                                .insert_sequence(leaf, list_of(value).ok_or_else(missing)?),
                            _ => MappingBuilder::new().pair(leaf, written(path, value)),
                        };
                        let inner = keys[depth + 1..keys.len() - 1]
                            .iter()
                            .rev()
                            .fold(innermost, |inner, key| {
                                MappingBuilder::new().insert_mapping(*key, inner)
                            });
                        mapping.set(key.as_str(), inner.build_document());
                        return Ok(());
                    }
                },
                Step::Item(key, index) => {
                    let items = mapping
                        .get(key.as_str())
                        .and_then(|node| node.as_sequence().cloned());
                    let len = items.as_ref().map_or(0, Sequence::len);
                    if *index == len && depth + 2 == steps.len() {
                        // A new row of a table: one more item, holding the value typed.
                        if value.trim().is_empty() {
                            return Ok(());
                        }
                        let Some(Step::Key(leaf)) = steps.last() else {
                            return Err(missing());
                        };
                        let row = MappingBuilder::new().pair(leaf.as_str(), written(path, value));
                        let items = match items {
                            Some(items) => items,
                            None => {
                                // A block list is made with a placeholder, which the row replaces.
                                mapping.set(
                                    key.as_str(),
                                    SequenceBuilder::new().item("_").build_document(),
                                );
                                mapping
                                    .get(key.as_str())
                                    .and_then(|node| node.as_sequence().cloned())
                                    .ok_or_else(missing)?
                            }
                        };
                        let placeholder = items.len() == 1
                            && items
                                .get(0)
                                .and_then(|node| node.as_scalar().map(|s| s.as_string()))
                                .is_some_and(|text| text == "_");
                        items.push(row.build_document());
                        if placeholder {
                            items.remove(0);
                        }
                        return Ok(());
                    }
                    mapping = items
                        .and_then(|items| items.get(*index))
                        .and_then(|node| node.as_mapping().cloned())
                        .ok_or_else(missing)?;
                }
            }
        }
        Err(missing())
    }
}

/// Sets `key` of `mapping` to the list of the lines of `value` that are not blank, or removes it
/// when there are none.
fn set_list(mapping: &Mapping, key: &str, value: &str) {
    match list_of(value) {
        Some(list) => mapping.set(key, list.build_document()),
        None => mapping.remove(key).map(drop).unwrap_or(()),
    };
}

/// The lines of `value` that are not blank, as a list; `None` when there are none.
fn list_of(value: &str) -> Option<SequenceBuilder> {
    let items: Vec<&str> = value
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    (!items.is_empty()).then(|| {
        items
            .into_iter()
            .fold(SequenceBuilder::new(), |list, item| list.item(scalar(item)))
    })
}

/// Sets `key` of `mapping` to `value`, or removes it when `value` is empty.
fn set_scalar(mapping: &Mapping, key: &str, value: Option<ScalarValue>) {
    match value {
        None => {
            mapping.remove(key);
        }
        Some(value) => mapping.set(key, value),
    }
}

/// A value known not to be empty, as [`scalar_at`] writes it.
fn written(path: &str, value: &str) -> ScalarValue {
    scalar_at(path, value).unwrap_or_else(|| scalar(value))
}

/// The value typed for the field at `path` as YAML writes it, `None` when empty: a yes-or-no
/// field as `true` or `false`, as the schema says it is; any other as [`scalar`] writes it.
fn scalar_at(path: &str, value: &str) -> Option<ScalarValue> {
    if value.trim().is_empty() {
        return None;
    }
    let flag =
        super::schema::field(path).is_some_and(|field| matches!(field.kind, Kind::Flag { .. }));
    Some(match value.trim() {
        "true" if flag => ScalarValue::from(true),
        "false" if flag => ScalarValue::from(false),
        _ => scalar(value),
    })
}

/// A typed value as YAML writes it, readable by a clerk: several lines as a literal block, a
/// whole number as a number, a plain text as it is, any other text in single quotes (which
/// escape nothing but the quote itself, so every Vietnamese letter stays as typed).
fn scalar(value: &str) -> ScalarValue {
    let value = value.replace("\r\n", "\n");
    let value = value.trim_end();
    if value.contains('\n') {
        return ScalarValue::literal(format!("{value}\n"));
    }
    let value = value.trim();
    // Whole numbers, points ("27,5") and dates read back as the data expects them.
    let digits = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    let points = match value.split_once([',', '.']) {
        Some((whole, tenths)) => digits(whole) && tenths.len() == 1 && digits(tenths),
        None => digits(value),
    };
    let whole = digits(value) && (value == "0" || !value.starts_with('0'));
    if let Some(number) = value.parse::<i64>().ok().filter(|_| whole) {
        return ScalarValue::from(number);
    }
    if points || crate::date::Date::parse(value).is_some() {
        return ScalarValue::plain(value);
    }
    if value.chars().any(char::is_control) {
        // Only a double-quoted scalar can hold a control character (escaped): the data then
        // reads, and its check refuses the character, named, beside its field.
        ScalarValue::double_quoted(value)
    } else if plain_is_safe(value) {
        ScalarValue::plain(value)
    } else {
        ScalarValue::single_quoted(value)
    }
}

/// Whether `value` reads back as the same text when written without quotes, in a block or a
/// flow mapping alike.
fn plain_is_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let special = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ];
    let number_like = value.parse::<f64>().is_ok()
        || value.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '+');
    !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !value.contains(['{', '}', '[', ']', ',', '\t'])
        && !value.chars().any(char::is_control)
        && !special.contains(&value.to_lowercase().as_str())
        && !number_like
}

/// The unit `text` split into one file per member: the text with each member written in place
/// replaced by `- tep: members/<id>.yaml`, and each such member's text, its lines as they were
/// (comments included), moved to the left. Members already in their own file stay as they are.
pub fn split_members(text: &str) -> (String, Vec<(String, String)>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut members = Vec::new();
    let mut from = 0;
    for item in compose::items(text) {
        if item.file.is_some() {
            continue;
        }
        let shift = item.indent + 2;
        let member: Vec<String> = lines[item.line..=item.last]
            .iter()
            .enumerate()
            .map(|(number, line)| {
                let cut = if number == 0 {
                    shift
                } else {
                    shift.min(line.len() - line.trim_start().len())
                };
                line.get(cut..).unwrap_or_default().to_string()
            })
            .collect();
        let Some(id) = member.iter().find_map(|line| {
            line.strip_prefix("id:").map(|rest| {
                rest.split(" #")
                    .next()
                    .unwrap_or(rest)
                    .trim()
                    .trim_matches(['"', '\''])
                    .to_string()
            })
        }) else {
            continue;
        };
        out.extend(lines[from..item.line].iter().map(|l| l.to_string()));
        out.push(format!(
            "{}- {}: {}/{id}.yaml",
            " ".repeat(item.indent),
            compose::FILE_KEY,
            compose::MEMBERS_DIR
        ));
        from = item.last + 1;
        members.push((id, member.join("\n") + "\n"));
    }
    out.extend(lines[from..].iter().map(|l| l.to_string()));
    (out.join("\n") + "\n", members)
}

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// A key of a mapping.
    Key(String),
    /// An item of the sequence under a key.
    Item(String, usize),
    /// The whole sequence of texts under a key (`key[]`).
    List(String),
}

/// `dang_vien[2].tu_kiem_diem.han_che` → its steps; `None` for a path hoso never writes.
fn steps(path: &str) -> Option<Vec<Step>> {
    path.split('.')
        .map(|part| match part.split_once('[') {
            Some((key, "]")) => valid_key(key).then(|| Step::List(key.to_string())),
            Some((key, rest)) => {
                let index = rest.strip_suffix(']')?.parse().ok()?;
                valid_key(key).then(|| Step::Item(key.to_string(), index))
            }
            None => valid_key(part).then(|| Step::Key(part.to_string())),
        })
        .collect()
}

/// A key of hoso's data: lower-case ASCII letters, digits and underscores.
fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIT: &str = "# Tệp của chi bộ\nnam: 2026\n\nto_chuc:\n  ten: Chi bộ A   # tên đầy đủ\n  dia_danh: Hải Phòng\n\ndang_vien:\n  - id: an\n    ho_ten: Nguyễn Văn An\n    tu_kiem_diem:\n      han_che: |\n        Một dòng.\n  - id: binh\n    ho_ten: Trần Thị Bình\n";

    #[test]
    fn a_change_keeps_comments_blank_lines_and_order() {
        let edited = Edited::parse(UNIT).unwrap();
        edited
            .apply(&[
                Change {
                    path: "to_chuc.dia_danh".into(),
                    value: "Hà Nội".into(),
                },
                Change {
                    path: "dang_vien[0].tu_kiem_diem.han_che".into(),
                    value: "Dòng một: có «#».\r\nDòng hai {{ x }}.".into(),
                },
                Change {
                    path: "dang_vien[1].tu_kiem_diem.cam_ket".into(),
                    value: "Giữ gìn # phẩm chất".into(),
                },
            ])
            .unwrap();
        let text = edited.text();
        assert!(text.starts_with("# Tệp của chi bộ\nnam: 2026\n\nto_chuc:\n  ten: Chi bộ A   # tên đầy đủ\n  dia_danh: Hà Nội\n"), "{text}");
        assert!(
            text.contains(
                "      han_che: |\n        Dòng một: có «#».\n        Dòng hai {{ x }}.\n"
            ),
            "{text}"
        );
        // The YAML reads back to exactly what was typed.
        let unit = text.replace("to_chuc:\n", "to_chuc:\n  cap_tren: Đảng bộ B\n")
            + "hoi_nghi: {ngay: 2026-12-05}\n";
        let unit = unit
            .replace(
                "ho_ten: Nguyễn Văn An",
                "ho_ten: Nguyễn Văn An\n    ngay_sinh: 1970-01-01",
            )
            .replace(
                "ho_ten: Trần Thị Bình",
                "ho_ten: Trần Thị Bình\n    ngay_sinh: 1980-01-01",
            );
        let dossier = crate::dossier::parse(&unit, "don-vi.yaml").unwrap();
        assert_eq!(
            dossier.members[1].self_review.cam_ket.as_deref(),
            Some("Giữ gìn # phẩm chất")
        );
        assert_eq!(
            dossier.members[0].self_review.han_che.as_deref(),
            Some("Dòng một: có «#».\nDòng hai {{ x }}.\n")
        );
    }

    #[test]
    fn members_are_added_removed_and_moved() {
        let edited = Edited::parse(UNIT).unwrap();
        edited
            .add_member(&NewMember {
                id: "cuong".into(),
                name: "Lê Văn Cường".into(),
                born: "1980-01-02".into(),
            })
            .unwrap();
        edited.move_member_up(2).unwrap();
        edited.remove_member(0).unwrap();
        let text = edited.text();
        let ids: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- id: "))
            .collect();
        assert_eq!(ids, ["cuong", "binh"], "{text}");
        assert!(text.contains("ho_ten: Lê Văn Cường"), "{text}");
        assert!(edited.remove_member(5).is_err());
        assert!(
            edited
                .apply(&[Change {
                    path: "../etc".into(),
                    value: "x".into()
                }])
                .is_err()
        );
    }

    #[test]
    fn a_unit_splits_into_one_file_per_member_losing_nothing() {
        let (unit, members) = split_members(UNIT);
        assert_eq!(
            unit,
            "# Tệp của chi bộ\nnam: 2026\n\nto_chuc:\n  ten: Chi bộ A   # tên đầy đủ\n  dia_danh: Hải Phòng\n\ndang_vien:\n  - tep: members/an.yaml\n  - tep: members/binh.yaml\n"
        );
        assert_eq!(
            members,
            [
                (
                    "an".to_string(),
                    "id: an\nho_ten: Nguyễn Văn An\ntu_kiem_diem:\n  han_che: |\n    Một dòng.\n"
                        .to_string()
                ),
                (
                    "binh".to_string(),
                    "id: binh\nho_ten: Trần Thị Bình\n".to_string()
                ),
            ]
        );
        // Split again: nothing more to move.
        assert_eq!(split_members(&unit), (unit.clone(), Vec::new()));
    }

    #[test]
    fn a_control_character_is_written_so_that_the_data_reads_and_refuses_it() {
        let edited = Edited::parse(UNIT).unwrap();
        let typed = "Chi bộ \u{7} \"chuông\" 'a' \\ b";
        edited
            .apply(&[Change {
                path: "to_chuc.ten".into(),
                value: typed.into(),
            }])
            .unwrap();
        let text = edited.text();
        let read: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(read["to_chuc"]["ten"], typed, "{text}");
    }

    #[test]
    fn new_rows_are_numbered_from_the_end_of_their_list_in_the_pages_order() {
        let change = |path: &str| Change {
            path: path.to_string(),
            value: "x".to_string(),
        };
        let mut changes = vec![
            change("a.b[0].ten"),
            change("a.b[4].han_che"),
            change("a.b[4].tinh_trang"),
            change("a.b[6].han_che"),
            change("c[3].y"),
            change("a.b[1].muc_do"),
        ];
        number_new_rows(&mut changes, |table| if table == "a.b" { 2 } else { 1 });
        let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "a.b[0].ten",
                "a.b[2].han_che",
                "a.b[2].tinh_trang",
                "a.b[3].han_che",
                "c[1].y",
                "a.b[1].muc_do"
            ]
        );
    }

    #[test]
    fn rows_of_a_table_are_added_and_a_row_cleared_goes() {
        let edited = Edited::parse(UNIT).unwrap();
        let change = |path: &str, value: &str| Change {
            path: path.into(),
            value: value.into(),
        };
        edited
            .apply(&[
                change("dang_vien[1].viec_dot_pha[0].ten", "Số hóa hồ sơ"),
                change("dang_vien[1].viec_dot_pha[0].muc_tieu", "100% hồ sơ"),
            ])
            .unwrap();
        edited
            .apply(&[change("dang_vien[1].viec_dot_pha[1].ten", "Một cửa")])
            .unwrap();
        let text = edited.text();
        assert!(
            text.contains("    viec_dot_pha:\n      - ten: Số hóa hồ sơ\n        muc_tieu: '100% hồ sơ'\n      - ten: Một cửa\n"),
            "{text}"
        );
        edited
            .apply(&[change("dang_vien[1].viec_dot_pha[1].ten", "")])
            .unwrap();
        edited
            .apply(&[
                change("dang_vien[1].viec_dot_pha[0].ten", ""),
                change("dang_vien[1].viec_dot_pha[0].muc_tieu", ""),
            ])
            .unwrap();
        assert!(!edited.text().contains("viec_dot_pha"), "{}", edited.text());
    }
}

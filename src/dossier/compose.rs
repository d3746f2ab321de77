//! A unit split into files: an item `- tep: members/<id>.yaml` of `dang_vien` stands for the
//! member written in that file (its keys at the start of the lines, as in one item of the list).
//! The unit's text is read with each such file put in place of its item, and every position
//! found in the whole is told back in the file it came from.

use std::path::{Path, PathBuf};

use super::Position;

/// The key of an item that names a member's file.
pub const FILE_KEY: &str = "tep";

/// The folder, beside the unit file, where a split unit keeps one file per member.
pub const MEMBERS_DIR: &str = "members";

/// The unit's text with its members' files in place.
#[derive(Debug, Clone, Default)]
pub struct Composed {
    /// The whole text.
    pub text: String,
    /// The members' files put in, in the order of the list.
    pub parts: Vec<Part>,
}

/// One member's file, as put into the whole.
#[derive(Debug, Clone)]
pub struct Part {
    /// The file as messages name it: the unit file's folder joined with the name in the item.
    pub name: String,
    /// The file on disk.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// The member's place in `dang_vien`.
    pub index: usize,
    /// The line of the whole, from 1, where its first line stands.
    pub first_line: usize,
    /// Its number of lines.
    pub lines: usize,
    /// The columns the whole adds before each of its lines.
    pub shift: usize,
}

/// An item naming a file that cannot be read: where it stands in the unit file, and why.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ComposeError {
    /// The item's position in the unit file.
    pub position: Position,
    /// Why, in Vietnamese.
    pub message: String,
}

/// One item of `dang_vien` in the unit file: its first line (from 0), the indentation of its
/// dash, and the file it names, if it names one.
#[derive(Debug, Clone)]
pub struct Item {
    /// The item's first line, from 0.
    pub line: usize,
    /// The last line that belongs to it (comments and blank lines after it excluded), from 0.
    pub last: usize,
    /// The column of its dash.
    pub indent: usize,
    /// The file named by `tep:`, when the item is only that.
    pub file: Option<String>,
}

/// The items of the top-level `dang_vien` list of `text`.
pub fn items(text: &str) -> Vec<Item> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| {
        l.strip_prefix("dang_vien:")
            .is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with('#'))
    }) else {
        return Vec::new();
    };
    let mut items: Vec<Item> = Vec::new();
    let mut indent = None;
    for (number, line) in lines.iter().enumerate().skip(start + 1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let column = line.len() - trimmed.len();
        if column == 0 {
            break;
        }
        let dash = trimmed.starts_with("- ") || trimmed == "-";
        if dash && indent.is_none_or(|i| i == column) {
            indent = Some(column);
            let file = trimmed[1..]
                .trim_start()
                .strip_prefix(&format!("{FILE_KEY}:"))
                .map(|rest| rest.split(" #").next().unwrap_or(rest).trim())
                .map(|name| name.trim_matches(['"', '\'']).to_string());
            items.push(Item {
                line: number,
                last: number,
                indent: column,
                file,
            });
        } else if let Some(item) = items.last_mut() {
            // Another key of the item: it is a member written in place.
            item.file = None;
            item.last = number;
        }
    }
    items
}

/// `text`, the unit file read from `dir`, with each member's file in place of its item;
/// `read` gives a file's text.
pub fn compose(
    text: &str,
    dir: &Path,
    read: &dyn Fn(&Path) -> Result<String, crate::input::Refused>,
) -> Result<Composed, ComposeError> {
    let items = items(text);
    if items.iter().all(|item| item.file.is_none()) {
        return Ok(Composed {
            text: text.to_string(),
            parts: Vec::new(),
        });
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut parts = Vec::new();
    let mut written = 0;
    let mut from = 0;
    for (index, item) in items.iter().enumerate() {
        let Some(name) = &item.file else { continue };
        for line in &lines[from..item.line] {
            out.push_str(line);
            out.push('\n');
            written += 1;
        }
        from = item.line + 1;
        let path = dir.join(name);
        let member = read(&path).map_err(|err| ComposeError {
            position: Position {
                line: item.line + 1,
                column: item.indent + 3,
            },
            message: format!("không đọc được tệp đảng viên {}: {err}", path.display()),
        })?;
        let shift = item.indent + 2;
        let pad = " ".repeat(shift);
        let member_lines: Vec<&str> = member.lines().collect();
        for (number, line) in member_lines.iter().enumerate() {
            if number == 0 {
                out.push_str(&" ".repeat(item.indent));
                out.push_str("- ");
            } else if !line.is_empty() {
                out.push_str(&pad);
            }
            out.push_str(line);
            out.push('\n');
        }
        parts.push(Part {
            name: path.display().to_string(),
            path,
            text: member.clone(),
            index,
            first_line: written + 1,
            lines: member_lines.len().max(1),
            shift,
        });
        if member_lines.is_empty() {
            out.push_str(&" ".repeat(item.indent));
            out.push_str("-\n");
        }
        written += member_lines.len().max(1);
    }
    for line in &lines[from..] {
        out.push_str(line);
        out.push('\n');
    }
    Ok(Composed { text: out, parts })
}

/// Where `position` of the whole stands: in a member's file (its part), or in the unit file.
pub fn locate(parts: &[Part], position: Position) -> (Option<&Part>, Position) {
    let mut removed = 0;
    for part in parts {
        if position.line < part.first_line {
            break;
        }
        if position.line < part.first_line + part.lines {
            let column = position.column.saturating_sub(part.shift).max(1);
            return (
                Some(part),
                Position {
                    line: position.line - part.first_line + 1,
                    column,
                },
            );
        }
        removed += part.lines - 1;
    }
    (
        None,
        Position {
            line: position.line - removed,
            column: position.column,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIT: &str = "nam: 2026\ndang_vien:\n  - tep: members/an.yaml\n  # giữa\n  - id: binh\n    ho_ten: B\n  - tep: 'members/cuong.yaml'   # ghi chú\nhoi_nghi: {ngay: 2026-12-05}\n";

    fn files(path: &Path) -> Result<String, crate::input::Refused> {
        match path.file_name().and_then(|n| n.to_str()) {
            Some("an.yaml") => {
                Ok("# An\nid: an\nho_ten: A\n\ntu_kiem_diem:\n  han_che: |\n    Một.\n".into())
            }
            Some("cuong.yaml") => Ok("id: cuong\nho_ten: C\n".into()),
            _ => Err(crate::input::Refused {
                reason: "không có tệp hoặc thư mục này".to_string(),
            }),
        }
    }

    #[test]
    fn member_files_stand_in_their_items_and_positions_go_back_to_them() {
        let composed = compose(UNIT, Path::new("don"), &files).unwrap();
        assert_eq!(
            composed.text,
            "nam: 2026\ndang_vien:\n  - # An\n    id: an\n    ho_ten: A\n\n    tu_kiem_diem:\n      han_che: |\n        Một.\n  # giữa\n  - id: binh\n    ho_ten: B\n  - id: cuong\n    ho_ten: C\nhoi_nghi: {ngay: 2026-12-05}\n"
        );
        let parts = &composed.parts;
        assert_eq!(parts.iter().map(|p| p.index).collect::<Vec<_>>(), [0, 2]);
        // «Một.» is on line 9, column 9 of the whole: line 7, column 5 of an.yaml.
        let (part, at) = locate(parts, Position { line: 9, column: 9 });
        assert_eq!(part.unwrap().name, "don/members/an.yaml");
        assert_eq!(at, Position { line: 7, column: 5 });
        // «ho_ten: B» is line 12 of the whole, line 6 of the unit file.
        let (part, at) = locate(
            parts,
            Position {
                line: 12,
                column: 5,
            },
        );
        assert!(part.is_none());
        assert_eq!(at, Position { line: 6, column: 5 });
        let (part, at) = locate(
            parts,
            Position {
                line: 15,
                column: 1,
            },
        );
        assert!(part.is_none());
        assert_eq!(at.line, 8);
    }

    #[test]
    fn a_missing_member_file_is_named_at_its_item() {
        let err = compose(&UNIT.replace("cuong", "dung"), Path::new("don"), &files).unwrap_err();
        assert_eq!(err.position, Position { line: 7, column: 5 });
        assert!(err.message.contains("members/dung.yaml"), "{}", err.message);
    }
}

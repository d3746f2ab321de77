//! A personal form as the pieces its filled copy is read back by: its headings and the lines it
//! prints itself, in order, and where each of the member's fields is written among them. The
//! outline is found by filling the form: once with the member's review left blank, then once
//! per field with a value only that field could print, so the forms' own templates (built in or
//! edited by a province) say where each field goes; nothing here repeats their wording.

use serde_json::Value as Json;

use super::{Catalogue, Form, FormError};
use crate::document::{Block, Corner, Document, Inline};
use crate::dossier::schema::{self, Kind};
use crate::dossier::{Dossier, Member, Rating, RemedyStatus, choice};
use crate::history::{self, Whose};

/// One piece of a form, in the order it prints.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A heading of the form ("II. Hạn chế, khuyết điểm và nguyên nhân").
    Heading(String),
    /// A line the form prints of itself: a header line, an instruction, a personal line, a line
    /// of a signature block.
    Fixed(String),
    /// A line the form prints of the fields' values (the total of the points): read by its
    /// label, as the member's own figure.
    Computed(String),
    /// Where a text field is written: the paragraphs between the piece before and the next.
    Text {
        /// The field, from the member (`tu_kiem_diem.han_che`).
        path: String,
    },
    /// Tick boxes, one per option.
    Boxes {
        /// The field they choose, from the member; `None` for boxes the form prints for the
        /// hand only.
        path: Option<String>,
        /// Each box's printed label, with the key it stands for.
        options: Vec<(String, String)>,
        /// The values written with the choice, each with its path: the shortcoming and its
        /// year, for a point of section III that this year's data does not list yet.
        with: Vec<(String, String)>,
    },
    /// A line that prints a field's value between its label and an ending
    /// ("1. Nhóm tiêu chí chung: ……/30").
    Inline {
        /// The field, from the member.
        path: String,
        /// What the line prints before the value.
        before: String,
        /// What it prints after.
        after: String,
        /// For a choice, each printed value with the key it stands for; empty for a number or a
        /// text.
        options: Vec<(String, String)>,
    },
}

/// The groups of a member's data that the member and the chi ủy write on a personal form.
const WRITTEN_ON_FORM: [&str; 2] = ["tu_kiem_diem", "danh_gia"];

/// A field written on a personal form, with the values that probe it.
struct Probed {
    /// Its path from the member.
    path: String,
    /// The keys of a choice; empty for a text or a number.
    keys: Vec<String>,
    /// A value of the field for a probe: the text or number written.
    value: Json,
}

impl Catalogue {
    /// The outline of personal `form` as it prints for `member` of `dossier`.
    pub fn outline(
        &self,
        form: &Form,
        dossier: &Dossier,
        member: &Member,
    ) -> Result<Vec<Piece>, FormError> {
        let probed = probed_fields();
        let blank_data = blank(member, &probed);
        let blank_member =
            with_written(member, blank_data.clone()).ok_or_else(|| FormError::Outline {
                form: form.id.clone(),
            })?;
        // The unit with the member's review blank: section III reads the member's points
        // from the unit.
        let mut unit = dossier.clone();
        if let Some(slot) = unit
            .members
            .iter_mut()
            .find(|m| m.id.value == member.id.value)
        {
            *slot = blank_member.clone();
        }
        let filled = |changes: &[(&str, Json)]| -> Result<Option<Document>, FormError> {
            let mut data = blank_data.clone();
            for (path, value) in changes {
                set(&mut data, path, value.clone());
            }
            let Some(subject) = with_written(member, data) else {
                return Ok(None);
            };
            self.personal_document(form, &unit, &subject).map(Some)
        };
        let baseline = filled(&[])?.ok_or_else(|| FormError::Outline {
            form: form.id.clone(),
        })?;
        let blocks = &baseline.body;
        let mut at: Vec<Option<Piece>> = vec![None; blocks.len()];
        let mut before: Vec<Vec<Piece>> = vec![Vec::new(); blocks.len() + 1];
        // The lines that print what hoso computes of a field (the total of the points).
        let mut computed = vec![false; blocks.len()];
        for field in &probed {
            let Some(probe) = filled(&[(&field.path, field.value.clone())])? else {
                continue;
            };
            let Some(index) = first_difference(blocks, &probe.body) else {
                continue;
            };
            let sentinel = field.value.as_str().unwrap_or_default();
            match (blocks.get(index), probe.body.get(index)) {
                (Some(Block::FillLines { .. }), Some(shown))
                    if probe.body.len() == blocks.len() && text_of(shown).contains(sentinel) =>
                {
                    at[index] = Some(Piece::Text {
                        path: field.path.clone(),
                    });
                }
                (_, Some(shown))
                    if probe.body.len() == blocks.len() + 1
                        && !sentinel.is_empty()
                        && text_of(shown).contains(sentinel) =>
                {
                    before[index].push(Piece::Text {
                        path: field.path.clone(),
                    });
                }
                (Some(Block::Choices { boxes, .. }), Some(Block::Choices { .. })) => {
                    let mut options = Vec::new();
                    for key in &field.keys {
                        let shown = filled(&[(&field.path, Json::from(key.as_str()))])?;
                        if let Some(Block::Choices { boxes, .. }) =
                            shown.as_ref().and_then(|d| d.body.get(index))
                            && let Some(ticked) = boxes.iter().find(|b| b.checked)
                        {
                            options.push((ticked.label.clone(), key.clone()));
                        }
                    }
                    if options.len() == field.keys.len() && options.len() <= boxes.len() {
                        at[index] = Some(Piece::Boxes {
                            path: Some(field.path.clone()),
                            options,
                            with: Vec::new(),
                        });
                    }
                }
                (Some(blank @ Block::Paragraph { .. }), Some(Block::Paragraph { .. })) => {
                    let blank = text_of(blank);
                    let mut options = Vec::new();
                    for key in &field.keys {
                        if let Some(shown) = filled(&[(&field.path, Json::from(key.as_str()))])?
                            && let Some(block) = shown.body.get(index)
                        {
                            let (_, middle, _) = split_around(&blank, &text_of(block));
                            options.push((middle, key.clone()));
                        }
                    }
                    let (before_value, _, after_value) =
                        split_around(&blank, &text_of(&probe.body[index]));
                    at[index] = Some(Piece::Inline {
                        path: field.path.clone(),
                        before: before_value,
                        after: after_value,
                        options,
                    });
                }
                _ => {}
            }
        }
        // Every choice and number set at once: a line that changes then, and is no field's,
        // prints what hoso computes of them (the total of the points).
        let chosen: Vec<(&str, Json)> = probed
            .iter()
            .filter(|field| !field.value.is_string() || !field.keys.is_empty())
            .map(|field| (field.path.as_str(), field.value.clone()))
            .collect();
        if let Some(all) = filled(&chosen)?
            && all.body.len() == blocks.len()
        {
            for (index, (blank, shown)) in blocks.iter().zip(&all.body).enumerate() {
                computed[index] = at[index].is_none()
                    && matches!(blank, Block::Paragraph { .. })
                    && blank != shown;
            }
        }
        let mut pieces: Vec<Piece> = frame_lines(&baseline)
            .into_iter()
            .map(Piece::Fixed)
            .collect();
        for (index, block) in blocks.iter().enumerate() {
            pieces.append(&mut before[index]);
            match at[index].take() {
                Some(piece) => pieces.push(piece),
                None if computed[index] => pieces.push(Piece::Computed(text_of(block))),
                None => pieces.extend(pieces_of(block)),
            }
        }
        pieces.append(&mut before[blocks.len()]);
        earlier_statuses(&mut pieces, &unit, &blank_member);
        Ok(pieces)
    }
}

/// Gives the status boxes of section III their fields: the boxes a point prints while the data
/// does not say where it stands are, in order, those of the points without a status. A point
/// this year's `han_che_ky_truoc` does not list yet becomes a new entry.
fn earlier_statuses(pieces: &mut [Piece], dossier: &Dossier, member: &Member) {
    let labels: Vec<&str> = RemedyStatus::ALL.iter().map(|s| s.label_vi()).collect();
    let listed = member.self_review.han_che_ky_truoc.len();
    let open = history::section_three(dossier, Whose::Member(member))
        .into_iter()
        .filter(|point| point.tinh_trang.is_none());
    let status_boxes = pieces.iter_mut().filter(|piece| {
        matches!(piece, Piece::Boxes { path: None, options, .. }
            if options.iter().map(|(label, _)| label.as_str()).eq(labels.iter().copied()))
    });
    let mut added = 0;
    for (piece, point) in status_boxes.zip(open) {
        let row = point.entry.unwrap_or_else(|| {
            added += 1;
            listed + added - 1
        });
        let at = |key: &str| format!("tu_kiem_diem.han_che_ky_truoc[{row}].{key}");
        let with = match point.entry {
            Some(_) => Vec::new(),
            None => vec![
                (at("han_che"), point.han_che.clone()),
                (at("nam"), point.nam.to_string()),
            ],
        };
        *piece = Piece::Boxes {
            path: Some(at("tinh_trang")),
            options: RemedyStatus::ALL
                .iter()
                .map(|s| (s.label_vi().to_string(), s.key().to_string()))
                .collect(),
            with,
        };
    }
}

/// Every field of the member that a personal form may print, with a value to probe it by.
fn probed_fields() -> Vec<Probed> {
    let mut probed = Vec::new();
    for field in schema::fields() {
        let Some(path) = field.path.strip_prefix("dang_vien[].") else {
            continue;
        };
        if !WRITTEN_ON_FORM
            .iter()
            .any(|group| path.starts_with(&format!("{group}.")))
            || path.contains("[]")
        {
            continue;
        }
        let sentinel = format!("HOSOTRUONG{}X", probed.len());
        let (keys, value) = match field.kind {
            Kind::Text | Kind::Line => (Vec::new(), Json::from(sentinel)),
            Kind::Points => (Vec::new(), Json::from(1)),
            Kind::Level => {
                let keys: Vec<String> = choice::options::<Rating>()
                    .into_iter()
                    .map(|(key, _)| key.to_string())
                    .collect();
                (keys.clone(), Json::from(keys[0].clone()))
            }
            Kind::Choice(options) => {
                let keys: Vec<String> = (options.listed)()
                    .into_iter()
                    .map(|(key, _)| key.to_string())
                    .collect();
                let Some(first) = keys.first().cloned() else {
                    continue;
                };
                (keys, Json::from(first))
            }
            _ => continue,
        };
        probed.push(Probed {
            path: path.to_string(),
            keys,
            value,
        });
    }
    probed
}

/// What the member writes on the form, as data, with every probed field emptied.
fn blank(member: &Member, probed: &[Probed]) -> Json {
    let mut data = serde_json::json!({
        "tu_kiem_diem": serde_json::to_value(&member.self_review).unwrap_or_default(),
        "danh_gia": serde_json::to_value(&member.assessment).unwrap_or_default(),
    });
    for field in probed {
        set(&mut data, &field.path, Json::Null);
    }
    // Section III's points as boxes to tick, whatever the data says of them.
    if let Some(points) = data["tu_kiem_diem"]["han_che_ky_truoc"].as_array_mut() {
        for point in points {
            for key in ["tinh_trang", "muc_do", "kho_khan"] {
                point[key] = Json::Null;
            }
        }
    }
    data
}

/// `member` with what is written on the form replaced by `data`; `None` when the data does not
/// read back (a probe the data refuses).
fn with_written(member: &Member, data: Json) -> Option<Member> {
    let mut subject = member.clone();
    subject.self_review = serde_json::from_value(data.get("tu_kiem_diem")?.clone()).ok()?;
    subject.assessment = serde_json::from_value(data.get("danh_gia")?.clone()).ok()?;
    Some(subject)
}

/// Sets the value at the dotted `path` of `data`, making the groups on the way.
fn set(data: &mut Json, path: &str, value: Json) {
    let mut at = data;
    let keys: Vec<&str> = path.split('.').collect();
    for key in &keys[..keys.len() - 1] {
        if !at.get(*key).is_some_and(Json::is_object) {
            at[*key] = serde_json::json!({});
        }
        at = &mut at[*key];
    }
    at[keys[keys.len() - 1]] = value;
}

/// The index of the first block where `probe` differs from `blank`.
fn first_difference(blank: &[Block], probe: &[Block]) -> Option<usize> {
    (0..blank.len().max(probe.len())).find(|&i| blank.get(i) != probe.get(i))
}

/// The text `blank` and `filled` share at their start, what `filled` has between, and what
/// they share at their end.
fn split_around(blank: &str, filled: &str) -> (String, String, String) {
    let start: usize = blank
        .chars()
        .zip(filled.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let end: usize = blank[start..]
        .chars()
        .rev()
        .zip(filled[start..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    (
        filled[..start].to_string(),
        filled[start..filled.len() - end].to_string(),
        filled[filled.len() - end..].to_string(),
    )
}

/// The lines of the document's header block and title, as printed (the star under the issuer
/// included).
fn frame_lines(document: &Document) -> Vec<String> {
    let Some(frame) = &document.frame else {
        return Vec::new();
    };
    let mut lines: Vec<String> = frame.form_code.iter().cloned().collect();
    lines.extend(frame.superior.iter().chain(&frame.issuer).cloned());
    lines.push("*".to_string());
    lines.extend(frame.number.iter().cloned());
    lines.extend([
        frame.party.clone(),
        frame.place_date.clone(),
        frame.title.clone(),
    ]);
    lines.extend(frame.subtitles.iter().map(|s| s.text.clone()));
    lines
}

/// The pieces a block of the form prints when no field is written in it.
fn pieces_of(block: &Block) -> Vec<Piece> {
    match block {
        Block::Heading { .. } => vec![Piece::Heading(text_of(block))],
        Block::Paragraph { .. } => vec![Piece::Fixed(text_of(block))],
        Block::Choices { boxes, .. } => vec![Piece::Boxes {
            path: None,
            options: boxes
                .iter()
                .map(|b| (b.label.clone(), String::new()))
                .collect(),
            with: Vec::new(),
        }],
        Block::Table {
            title,
            columns,
            rows,
        } => title
            .iter()
            .chain(columns.iter().map(|c| &c.header))
            .chain(rows.iter().flatten())
            .map(|line| Piece::Fixed(line.clone()))
            .collect(),
        Block::Signatures { left, right } => [left, right]
            .into_iter()
            .flatten()
            .flat_map(corner_lines)
            .map(Piece::Fixed)
            .collect(),
        Block::FillLines { .. } | Block::PageBreak | Block::Copy(_) => Vec::new(),
    }
}

/// The lines of a signature block or a nơi nhận.
fn corner_lines(corner: &Corner) -> Vec<String> {
    match corner {
        Corner::Signature(signature) => signature
            .heading
            .iter()
            .chain(&signature.note)
            .chain(&signature.name)
            .cloned()
            .collect(),
        Corner::Recipients(recipients) => std::iter::once(&recipients.heading)
            .chain(&recipients.lines)
            .cloned()
            .collect(),
    }
}

/// The plain text of a heading or paragraph: a dotted leader as a tab, a line break as a new
/// line; the boxes of a choice as printed.
fn text_of(block: &Block) -> String {
    match block {
        Block::Heading { inlines, .. } | Block::Paragraph { inlines, .. } => inlines
            .iter()
            .map(|inline| match inline {
                Inline::Text { text, .. } => text.as_str(),
                Inline::Fill => "\t",
                Inline::LineBreak => "\n",
            })
            .collect(),
        Block::Choices { boxes, .. } => boxes
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\t"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outline of the first member's form in a sample.
    fn outline_of(file: &str) -> Vec<Piece> {
        let catalogue = Catalogue::builtin().unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples");
        let dossier = crate::dossier::load(&root.join(file)).unwrap();
        let member = &dossier.members[0];
        let id = super::super::personal_form_id(member, dossier.regime());
        let form = catalogue.find(id, dossier.regime(), dossier.year).unwrap();
        catalogue.outline(form, &dossier, member).unwrap()
    }

    #[test]
    fn each_written_part_follows_its_heading() {
        for file in ["chi-bo-mau.yaml", "chi-bo-mau-2026.yaml"] {
            let outline = outline_of(file);
            let text_after = |heading: &str| {
                let at = outline
                    .iter()
                    .position(|p| matches!(p, Piece::Heading(h) if h.starts_with(heading)))
                    .unwrap_or_else(|| panic!("{file}: no heading {heading}"));
                outline[at + 1..].iter().find_map(|p| match p {
                    Piece::Text { path } => Some(path.clone()),
                    _ => None,
                })
            };
            assert_eq!(
                text_after("1. Về phẩm chất").as_deref(),
                Some("tu_kiem_diem.pham_chat")
            );
            assert_eq!(
                text_after("2. Nguyên nhân").as_deref(),
                Some("tu_kiem_diem.nguyen_nhan")
            );
            assert_eq!(
                text_after("VI. Phương hướng").as_deref(),
                Some("tu_kiem_diem.phuong_huong")
            );
            let levels = outline.iter().find_map(|p| match p {
                Piece::Boxes {
                    path: Some(path),
                    options,
                    ..
                } if path == "tu_kiem_diem.tu_xep_loai_dang_vien" => Some(options.clone()),
                _ => None,
            });
            let levels = levels.unwrap_or_else(|| panic!("{file}: no level boxes"));
            assert_eq!(levels.len(), 4);
            assert!(levels.contains(&(
                "Hoàn thành tốt nhiệm vụ".to_string(),
                "hoan_thanh_tot".to_string()
            )));
        }
    }

    #[test]
    fn points_are_read_between_their_label_and_their_maximum() {
        let outline = outline_of("chi-bo-mau-2026.yaml");
        assert!(outline.contains(&Piece::Inline {
            path: "tu_kiem_diem.diem.nhom_chung".to_string(),
            before: "1. Nhóm tiêu chí chung: ".to_string(),
            after: "/30".to_string(),
            options: Vec::new(),
        }));
        // The 2023 forms print no points.
        assert!(
            !outline_of("chi-bo-mau.yaml")
                .iter()
                .any(|p| matches!(p, Piece::Inline { path, .. } if path.contains("diem.")))
        );
    }
}

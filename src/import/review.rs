//! A self-review written in Word read back into the member's fields: each paragraph placed under
//! the form's heading it follows, boxes read where ticked, points and levels read after their
//! labels; what cannot be placed is kept to be reported.

use serde::Serialize;

use super::docx::Paragraph;
use crate::date::BirthDate;
use crate::forms::outline::Piece;
use crate::old_text;

/// What was read of one review.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReadReview {
    /// Each field found written, in the form's order.
    pub values: Vec<ReadValue>,
    /// The paragraphs that belong to no part of the form, each as it starts.
    pub unplaced: Vec<String>,
    /// What the reader noticed: text converted from an old encoding, boxes ticked twice.
    pub notes: Vec<String>,
}

/// One field as the review writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadValue {
    /// The field, from the member (`tu_kiem_diem.han_che`).
    pub path: String,
    /// The value as the data writes it: the text, the number, or the choice's key.
    pub value: String,
}

/// Who the review says wrote it: the name and date of birth of its personal lines.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Writer {
    /// "Họ và tên".
    pub name: Option<String>,
    /// "Ngày sinh": the day, or the year alone where the form prints no more.
    pub birth_date: Option<BirthDate>,
}

/// The paragraphs in Unicode: those typed in TCVN3 or VNI without a font that says so are
/// found by their letters and converted, each noted.
pub fn in_unicode(paragraphs: &[Paragraph], notes: &mut Vec<String>) -> Vec<Paragraph> {
    paragraphs
        .iter()
        .map(|paragraph| {
            if let Some(encoding) = paragraph.converted_from {
                notes.push(format!(
                    "đoạn «{}» gõ bằng bảng mã {} (theo phông chữ), đã chuyển sang Unicode",
                    start_of(&paragraph.text),
                    encoding.label_vi()
                ));
                return paragraph.clone();
            }
            match old_text::detect(&paragraph.text) {
                Some(found) => {
                    notes.push(format!(
                        "đoạn «{}» gõ bằng bảng mã {}, đã chuyển thành «{}»",
                        start_of(&paragraph.text),
                        found.encoding.label_vi(),
                        start_of(&found.text)
                    ));
                    Paragraph {
                        text: found.text,
                        converted_from: Some(found.encoding),
                        ..paragraph.clone()
                    }
                }
                None => paragraph.clone(),
            }
        })
        .collect()
}

/// The name and date of birth the review's personal lines give.
pub fn writer_of(paragraphs: &[Paragraph]) -> Writer {
    let mut writer = Writer::default();
    for paragraph in paragraphs {
        let text = paragraph.text.replace('\u{a0}', " ");
        let lower = text.to_lowercase();
        if writer.name.is_none()
            && let Some(at) = lower.find("họ và tên")
        {
            let rest = after_colon(&text[at..]);
            let end = rest.to_lowercase().find("ngày sinh").unwrap_or(rest.len());
            writer.name = Some(clean_value(&rest[..end])).filter(|name| !name.is_empty());
        }
        if writer.birth_date.is_none()
            && let Some(at) = lower.find("ngày sinh")
        {
            let rest = clean_value(after_colon(&text[at..]));
            let first = rest.split_whitespace().next().unwrap_or_default();
            writer.birth_date = BirthDate::parse(first);
        }
    }
    writer
}

/// What follows the first colon of `text` (or the whole text after its label when there is
/// none).
fn after_colon(text: &str) -> &str {
    match text.find(':') {
        Some(at) => &text[at + 1..],
        None => text.split_once(char::is_whitespace).map_or("", |(_, r)| r),
    }
}

/// `text` without the dotted leaders, tabs and spaces a form leaves to write on.
fn clean_value(text: &str) -> String {
    text.split(['\t', '\n'])
        .map(|part| part.trim_matches(is_fill))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A character of the lines a form leaves to write on.
fn is_fill(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '…' | '_' | '-' | '·')
}

/// `line` without the dotted leader or tabs left after what was typed over it; a single full
/// stop is the writer's and stays.
fn without_trailing_leader(line: &str) -> &str {
    let trimmed = line.trim_end();
    let leader = trimmed.trim_end_matches(is_fill);
    let cut = &trimmed[leader.len()..];
    if cut.chars().filter(|c| !c.is_whitespace()).count() <= 1 && !cut.contains(['…', '_', '\t'])
    {
        trimmed
    } else {
        leader
    }
}

/// Whether a paragraph holds nothing but the lines to write on.
fn is_blank(text: &str) -> bool {
    text.chars().all(is_fill)
}

/// The first words of `text`, as a report quotes a paragraph.
pub fn start_of(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut start = words.iter().take(12).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 12 {
        start.push('…');
    }
    start
}

/// `text` as headings are compared: lower case, the numbering of an item ("1.", "II)", "a)",
/// "-") dropped, punctuation as spaces, spaces single.
fn normal(text: &str) -> String {
    let lower = text.to_lowercase().replace('\u{a0}', " ");
    let mut rest = lower.trim_start_matches(|c: char| c.is_whitespace() || "-–—•+*".contains(c));
    if let Some(end) = rest.find(['.', ')']) {
        let number = &rest[..end];
        let is_number = !number.is_empty()
            && number.chars().count() <= 5
            && (number.chars().all(|c| c.is_ascii_digit())
                || number.chars().all(|c| "ivxlc".contains(c))
                || number.chars().count() == 1);
        if is_number {
            rest = &rest[end + 1..];
        }
    }
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How alike two texts' words are, from 0 to 1: twice their longest common run of words in
/// order over both lengths.
fn likeness(a: &str, b: &str) -> f64 {
    let a: Vec<&str> = a.split(' ').collect();
    let b: Vec<&str> = b.split(' ').collect();
    let mut row = vec![0usize; b.len() + 1];
    for word in &a {
        let mut diagonal = 0;
        for j in 0..b.len() {
            let above = row[j + 1];
            row[j + 1] = if *word == b[j] {
                diagonal + 1
            } else {
                row[j + 1].max(row[j])
            };
            diagonal = above;
        }
    }
    2.0 * row[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// The least likeness at which a long heading typed by someone else is taken for the form's.
const HEADING_LIKENESS: f64 = 0.8;

/// How far ahead a short line of the form is looked for, so that a word a member writes is
/// not taken for a line of the form's end.
const SHORT_LOOKAHEAD: usize = 8;

/// The glyphs of a ticked box, and of an empty one.
const TICKED: &[char] = &['■', '☒', '☑', '✓', '✔', '✗', '✘', '▣', '⊠', '⌧'];
const EMPTY: &[char] = &['□', '☐', '◻', '❑', '❒'];

/// Reads `paragraphs` by `outline`.
pub fn read_review(paragraphs: &[Paragraph], outline: &[Piece]) -> ReadReview {
    let mut read = ReadReview::default();
    let mut cursor = 0;
    let mut slot: Option<usize> = None;
    let mut texts: Vec<(usize, Vec<String>)> = Vec::new();
    let mut index = 0;
    while index < paragraphs.len() {
        let text = &paragraphs[index].text;
        if is_blank(text) {
            index += 1;
            continue;
        }
        if let Some((found, used)) = find_piece(outline, cursor, &paragraphs[index..]) {
            let consumed: Vec<&str> = paragraphs[index..index + used]
                .iter()
                .map(|p| p.text.as_str())
                .collect();
            take_piece(&outline[found], &consumed, &mut read);
            cursor = found + 1;
            slot = text_after(outline, found);
            index += used;
            continue;
        }
        match slot {
            Some(slot) => match texts.iter_mut().find(|(at, _)| *at == slot) {
                Some((_, lines)) => lines.push(text.trim().to_string()),
                None => texts.push((slot, vec![text.trim().to_string()])),
            },
            None => read.unplaced.push(start_of(text)),
        }
        index += 1;
    }
    for (at, lines) in texts {
        if let Piece::Text { path } = &outline[at] {
            read.values.push(ReadValue {
                path: path.clone(),
                value: lines
                    .iter()
                    .map(|line| without_trailing_leader(line).to_string())
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            });
        }
    }
    let order = |path: &str| {
        outline.iter().position(|piece| match piece {
            Piece::Text { path: p } | Piece::Inline { path: p, .. } => p == path,
            Piece::Boxes {
                path: Some(p),
                with,
                ..
            } => p == path || with.iter().any(|(p, _)| p == path),
            _ => false,
        })
    };
    read.values.sort_by_key(|value| order(&value.path));
    read
}

/// The text piece a paragraph after piece `found` is written in: the first before the next
/// heading or box row.
fn text_after(outline: &[Piece], found: usize) -> Option<usize> {
    outline[found + 1..]
        .iter()
        .take_while(|piece| {
            matches!(
                piece,
                Piece::Fixed(_) | Piece::Computed(_) | Piece::Text { .. }
            )
        })
        .position(|piece| matches!(piece, Piece::Text { .. }))
        .map(|offset| found + 1 + offset)
}

/// The piece of `outline` from `cursor` on that the paragraphs starting `paragraphs` print,
/// and how many paragraphs it takes (a heading split over several, a row of boxes over two).
fn find_piece(
    outline: &[Piece],
    cursor: usize,
    paragraphs: &[Paragraph],
) -> Option<(usize, usize)> {
    let first = &paragraphs[0];
    let said = normal(&first.text);
    for (offset, piece) in outline.iter().enumerate().skip(cursor) {
        let near = offset - cursor < SHORT_LOOKAHEAD;
        match piece {
            Piece::Heading(heading) | Piece::Fixed(heading) | Piece::Computed(heading) => {
                let wanted = normal(heading);
                if wanted.is_empty() {
                    // A line of signs only (the star under the issuer), read as it is.
                    if near && heading.trim() == first.text.trim() {
                        return Some((offset, 1));
                    }
                    continue;
                }
                let long = wanted.split(' ').count() >= 3;
                if !long && !near && !first.heading {
                    continue;
                }
                if let Some(used) = heading_match(&wanted, heading, paragraphs) {
                    return Some((offset, used));
                }
            }
            Piece::Inline { before, .. } => {
                let label = normal(before);
                if !label.is_empty() && said.starts_with(&label) && near {
                    return Some((offset, 1));
                }
            }
            Piece::Boxes { options, .. } => {
                let labels = options
                    .iter()
                    .filter(|(label, _)| contains_words(&said, &normal(label)))
                    .count();
                if near && labels > 0 && (labels >= 2 || has_box(&first.text)) {
                    let used = 1 + paragraphs[1..]
                        .iter()
                        .take_while(|p| {
                            has_box(&p.text)
                                && options.iter().any(|(label, _)| {
                                    contains_words(&normal(&p.text), &normal(label))
                                })
                        })
                        .count();
                    return Some((offset, used));
                }
            }
            Piece::Text { .. } => {}
        }
    }
    None
}

/// How many paragraphs from the first print `wanted` (normalised from `printed`): one that
/// reads it, or is like it when long, or several that read it together; a "Label: value"
/// line by its label.
fn heading_match(wanted: &str, printed: &str, paragraphs: &[Paragraph]) -> Option<usize> {
    let said = normal(&paragraphs[0].text);
    if said == wanted {
        return Some(1);
    }
    if let Some((label, value)) = printed.split_once(':')
        && !value.trim().is_empty()
        && !normal(label).is_empty()
        && let Some((typed, _)) = paragraphs[0].text.split_once(':')
        && normal(typed) == normal(label)
    {
        return Some(1);
    }
    let words = wanted.split(' ').count();
    if words >= 5 && likeness(&said, wanted) >= HEADING_LIKENESS {
        return Some(1);
    }
    let mut joined = said;
    for (index, next) in paragraphs.iter().enumerate().skip(1).take(3) {
        if joined.is_empty() || !wanted.starts_with(&joined) {
            return None;
        }
        joined = format!("{joined} {}", normal(&next.text));
        if joined == wanted || (words >= 5 && likeness(&joined, wanted) >= HEADING_LIKENESS) {
            return Some(index + 1);
        }
    }
    None
}

/// Whether `words` appear in `text` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    !words.is_empty() && format!(" {text} ").contains(&format!(" {words} "))
}

/// Whether `text` has a tick box, ticked or not.
fn has_box(text: &str) -> bool {
    text.chars()
        .any(|c| TICKED.contains(&c) || EMPTY.contains(&c))
}

/// What `piece`, found in `paragraphs`, says of the member's fields.
fn take_piece(piece: &Piece, paragraphs: &[&str], read: &mut ReadReview) {
    match piece {
        Piece::Inline {
            path,
            before,
            after,
            options,
        } => {
            let text = paragraphs.join(" ");
            let skip = if before.trim_end().ends_with(':') {
                text.find(':').map_or(0, |at| at + 1)
            } else {
                0
            };
            let mut value = clean_value(&text[skip..]);
            let after = after.trim();
            if !after.is_empty()
                && let Some(stripped) = value.strip_suffix(after)
            {
                value = clean_value(stripped);
            }
            if value.is_empty() {
                return;
            }
            if options.is_empty() {
                read.values.push(ReadValue {
                    path: path.clone(),
                    value: number_or_text(&value),
                });
            } else {
                match options
                    .iter()
                    .find(|(printed, _)| normal(printed) == normal(&value))
                {
                    Some((_, key)) => read.values.push(ReadValue {
                        path: path.clone(),
                        value: key.clone(),
                    }),
                    None => read.notes.push(format!(
                        "«{}»: «{value}» không phải một mức hoso biết; không ghi",
                        before.trim().trim_end_matches(':')
                    )),
                }
            }
        }
        Piece::Boxes {
            path: Some(path),
            options,
            with,
        } => {
            let ticked: Vec<&(String, String)> = options
                .iter()
                .filter(|(label, _)| paragraphs.iter().any(|p| is_ticked(p, label)))
                .collect();
            match ticked.as_slice() {
                [] => {}
                [(_, key)] => {
                    read.values
                        .extend(with.iter().map(|(path, value)| ReadValue {
                            path: path.clone(),
                            value: value.clone(),
                        }));
                    read.values.push(ReadValue {
                        path: path.clone(),
                        value: key.clone(),
                    });
                }
                many => read.notes.push(format!(
                    "{} ô được đánh dấu cùng lúc ({}); không ghi ô nào",
                    many.len(),
                    many.iter()
                        .map(|(label, _)| label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
        Piece::Fixed(printed) => {
            // A line of the form read by its label: what is typed after it, when the form
            // prints otherwise, is told (the personal lines are the data's own fields).
            let typed = paragraphs.join(" ");
            if let (Some((label, shown)), Some((_, value))) =
                (printed.split_once(':'), typed.split_once(':'))
            {
                let value = clean_value(value);
                if !value.is_empty() && normal(&value) != normal(shown) {
                    read.notes.push(format!(
                        "dòng «{}: {value}» khác dữ liệu của đơn vị; hoso không nhập dòng này, sửa trong tệp dữ liệu nếu cần",
                        label.trim()
                    ));
                }
            }
        }
        _ => {}
    }
}

/// A number written with a decimal point or comma as the data writes it, with a comma
/// ("27.5" → "27,5"); other text as it is.
fn number_or_text(value: &str) -> String {
    match value.replace(',', ".").parse::<f64>() {
        Ok(_) => value.replace('.', ","),
        Err(_) => value.to_string(),
    }
}

/// Whether the box of `label` is ticked in `paragraph`: a ticked glyph before the label, or an
/// "x" typed in place of the box or beside it.
fn is_ticked(paragraph: &str, label: &str) -> bool {
    let label_words = normal(label);
    // The paragraph cut at each box: the glyph that opens each part, and the part's words.
    let mut parts: Vec<(Option<char>, String)> = vec![(None, String::new())];
    for c in paragraph.chars() {
        if TICKED.contains(&c) || EMPTY.contains(&c) {
            parts.push((Some(c), String::new()));
        } else if let Some((_, text)) = parts.last_mut() {
            text.push(c);
        }
    }
    // Parts cut by tabs too, for an "X" typed over a box.
    parts.into_iter().any(|(glyph, text)| {
        text.split('\t').enumerate().any(|(index, piece)| {
            let words = normal(piece);
            let glyph = if index == 0 { glyph } else { None };
            let marked_by_hand = |words: &str| {
                words
                    .strip_prefix("x ")
                    .is_some_and(|rest| rest == label_words)
            };
            (words == label_words && glyph.is_some_and(|g| TICKED.contains(&g)))
                || marked_by_hand(&words)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_and_punctuation_are_not_read() {
        assert_eq!(normal("II. Hạn chế, khuyết điểm"), "hạn chế khuyết điểm");
        assert_eq!(normal("2) Hạn chế, khuyết điểm."), "hạn chế khuyết điểm");
        assert_eq!(normal("a) Nguyên nhân"), "nguyên nhân");
        assert_eq!(normal("- Nhận xét"), "nhận xét");
    }

    #[test]
    fn a_box_is_ticked_by_its_glyph_or_an_x() {
        let row = "□ Hoàn thành xuất sắc nhiệm vụ\t■ Hoàn thành tốt nhiệm vụ";
        assert!(is_ticked(row, "Hoàn thành tốt nhiệm vụ"));
        assert!(!is_ticked(row, "Hoàn thành xuất sắc nhiệm vụ"));
        assert!(!is_ticked(row, "Hoàn thành nhiệm vụ"));
        let typed = "□ Hoàn thành nhiệm vụ\tX Không hoàn thành nhiệm vụ";
        assert!(is_ticked(typed, "Không hoàn thành nhiệm vụ"));
        assert!(!is_ticked(typed, "Hoàn thành nhiệm vụ"));
        assert!(is_ticked("☒ Tốt", "Tốt"));
    }

    #[test]
    fn the_writer_is_read_from_the_personal_lines() {
        let line = Paragraph {
            text: "Họ và tên: Mai Thanh Sơn Ngày\u{a0}sinh: 15/06/1997".into(),
            heading: false,
            converted_from: None,
        };
        let writer = writer_of(&[line]);
        assert_eq!(writer.name.as_deref(), Some("Mai Thanh Sơn"));
        assert_eq!(writer.birth_date, BirthDate::parse("15/06/1997"));
        // A form whose member's data gives the year alone prints the year.
        let line = Paragraph {
            text: "Họ và tên: Đinh Thị Năm Ngày sinh: 1975".into(),
            heading: false,
            converted_from: None,
        };
        assert_eq!(writer_of(&[line]).birth_date, Some(BirthDate::Year(1975)));
    }

    #[test]
    fn headings_typed_again_are_alike() {
        let form = normal("1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết");
        let typed = normal("1) Về phẩm chất chính trị, đạo đức, lối sống, tinh thần đoàn kết.");
        assert_eq!(form, typed);
        assert!(
            likeness(
                "về phẩm chất chính trị đạo đức",
                "về phẩm chất chính trị và đạo đức"
            ) > 0.8
        );
        assert!(likeness("hạn chế khuyết điểm", "nguyên nhân") < 0.2);
    }
}

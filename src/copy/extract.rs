//! Trích sao: the sections of a Document chosen by their heading numbers.
//!
//! A heading's number is what comes before its first full stop: a part letter ("A"), a Roman
//! numeral ("II") or an Arabic one ("3"), ranked in that order. A section runs from its heading
//! to the next heading of the same rank or a higher one; "A.II" is section II within part A, and
//! "II" alone is whichever section II there is, if there is one only.

use crate::document::{Block, Inline};

/// Why the sections asked for a trích sao cannot be taken from a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SectionError {
    /// No section has the number asked for.
    #[error("văn bản không có mục «{wanted}»; các mục có: {}", .available.join(", "))]
    Missing {
        /// The number asked for, as read.
        wanted: String,
        /// The full numbers of the sections there are, in the document's order.
        available: Vec<String>,
    },
    /// Several sections have the number asked for.
    #[error(
        "có nhiều mục «{wanted}» ({}); ghi đủ số của phần chứa nó, ví dụ «{}»",
        .found.join(", "),
        .found[0]
    )]
    Ambiguous {
        /// The number asked for, as read.
        wanted: String,
        /// The full numbers of the sections that have it (two or more).
        found: Vec<String>,
    },
}

/// One numbered heading of the body: where it stands, its rank and its full number.
#[derive(Debug, Clone)]
struct Numbered {
    index: usize,
    rank: u8,
    /// "A.II.3": the numbers of the headings it lies within, and its own.
    path: String,
    /// Where its section ends (exclusive).
    end: usize,
    /// The headings it lies within, outermost first, by their place in the body.
    ancestors: Vec<usize>,
}

/// The sections `wanted` of `body`, in the order of the body, each under the headings it lies
/// within, and then the body's closing signatures; with the full numbers of the sections, as
/// found. Fails with the numbers there are.
pub fn extract(
    body: &[Block],
    wanted: &[String],
) -> Result<(Vec<Block>, Vec<String>), SectionError> {
    let closing = closing_signatures(body);
    let numbered = numbered(&body[..closing.start]);
    let available = || numbered.iter().map(|n| n.path.clone()).collect();
    let mut chosen: Vec<&Numbered> = Vec::new();
    for spec in wanted {
        let spec = normalise(spec);
        let matches: Vec<&Numbered> = numbered
            .iter()
            .filter(|n| n.path == spec || n.path.ends_with(&format!(".{spec}")))
            .collect();
        match matches.as_slice() {
            [one] => chosen.push(one),
            [] => {
                return Err(SectionError::Missing {
                    wanted: spec,
                    available: available(),
                });
            }
            many => {
                return Err(SectionError::Ambiguous {
                    wanted: spec,
                    found: many.iter().map(|n| n.path.clone()).collect(),
                });
            }
        }
    }
    chosen.sort_by_key(|n| n.index);
    chosen.dedup_by_key(|n| n.index);
    let mut keep = vec![false; body.len()];
    let mut heading_only = vec![false; body.len()];
    for section in &chosen {
        keep[section.index..section.end].fill(true);
        for &ancestor in &section.ancestors {
            heading_only[ancestor] = true;
        }
    }
    let blocks = body
        .iter()
        .enumerate()
        .filter(|(index, _)| keep[*index] || heading_only[*index] || closing.contains(index))
        .map(|(_, block)| block.clone())
        .collect();
    // A section inside another chosen one is copied with it, and named once.
    let names = chosen
        .iter()
        .filter(|section| {
            !chosen
                .iter()
                .any(|outer| section.ancestors.contains(&outer.index))
        })
        .map(|section| section.path.clone())
        .collect();
    Ok((blocks, names))
}

/// "a.ii" → "A.II"; spaces and a trailing full stop dropped.
fn normalise(spec: &str) -> String {
    spec.trim()
        .trim_end_matches('.')
        .split('.')
        .map(|part| part.trim().to_uppercase())
        .collect::<Vec<_>>()
        .join(".")
}

/// Where the closing signatures stand: the last rows of signatures, after the last block that
/// is not a signature row or a page break. What follows them (an annex on a page of its own) is
/// not a section to copy.
fn closing_signatures(body: &[Block]) -> std::ops::Range<usize> {
    let end = body
        .iter()
        .rposition(|block| matches!(block, Block::Signatures { .. }))
        .map_or(body.len(), |last| last + 1);
    let start = body[..end]
        .iter()
        .rposition(|block| !matches!(block, Block::Signatures { .. } | Block::PageBreak))
        .map_or(0, |last| last + 1);
    start..end
}

/// Every numbered heading of `body`, with its section and the headings it lies within.
fn numbered(body: &[Block]) -> Vec<Numbered> {
    let mut found: Vec<Numbered> = Vec::new();
    for (index, block) in body.iter().enumerate() {
        let Block::Heading { inlines, .. } = block else {
            continue;
        };
        let Some((number, rank)) = number_of(inlines) else {
            continue;
        };
        // The open headings of a higher rank hold this one.
        let ancestors: Vec<usize> = found
            .iter()
            .filter(|open| open.rank < rank && open.end == usize::MAX)
            .map(|open| open.index)
            .collect();
        for open in found.iter_mut().filter(|open| open.end == usize::MAX) {
            if open.rank >= rank {
                open.end = index;
            }
        }
        let path = ancestors
            .iter()
            .filter_map(|&a| found.iter().find(|n| n.index == a))
            .map(|n| n.path.rsplit('.').next().unwrap_or_default().to_string())
            .chain([number])
            .collect::<Vec<_>>()
            .join(".");
        found.push(Numbered {
            index,
            rank,
            path,
            end: usize::MAX,
            ancestors,
        });
    }
    for open in &mut found {
        if open.end == usize::MAX {
            open.end = body.len();
        }
    }
    found
}

/// The number of a heading and its rank: a part letter 1, a Roman numeral 2, an Arabic one 3.
fn number_of(inlines: &[Inline]) -> Option<(String, u8)> {
    let text: String = inlines
        .iter()
        .filter_map(|inline| match inline {
            Inline::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let (number, _) = text.trim_start().split_once('.')?;
    let rank = if !number.is_empty() && number.chars().all(|c| "IVXL".contains(c)) {
        2
    } else if number.len() == 1 && number.chars().all(|c| c.is_ascii_uppercase()) {
        1
    } else if !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit())
    {
        3
    } else {
        return None;
    };
    Some((number.to_string(), rank))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Corner;

    fn heading(text: &str) -> Block {
        Block::Heading {
            level: 2,
            inlines: vec![Inline::Text {
                text: text.to_string(),
                bold: true,
                italic: false,
            }],
        }
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            inlines: vec![Inline::Text {
                text: text.to_string(),
                bold: false,
                italic: false,
            }],
            keep_with_next: false,
        }
    }

    fn body() -> Vec<Block> {
        vec![
            paragraph("Mở đầu"),
            heading("A. NỘI DUNG KIỂM ĐIỂM"),
            heading("I. Ưu điểm"),
            heading("1. Nguyên tắc"),
            paragraph("a1"),
            heading("2. Nhiệm vụ"),
            paragraph("a2"),
            heading("II. Hạn chế"),
            paragraph("a3"),
            heading("B. TỰ ĐÁNH GIÁ"),
            heading("I. Điểm"),
            paragraph("b1"),
            Block::Signatures {
                left: None,
                right: None::<Corner>,
            },
        ]
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|block| match block {
                Block::Heading { inlines, .. } | Block::Paragraph { inlines, .. } => {
                    match &inlines[0] {
                        Inline::Text { text, .. } => text.clone(),
                        _ => String::new(),
                    }
                }
                Block::Signatures { .. } => "ký".to_string(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn a_section_is_copied_under_its_part_with_the_closing_signatures() {
        let (blocks, names) = extract(&body(), &["a.ii".to_string()]).unwrap();
        assert_eq!(
            texts(&blocks),
            ["A. NỘI DUNG KIỂM ĐIỂM", "II. Hạn chế", "a3", "ký"]
        );
        assert_eq!(names, ["A.II"]);
        let (blocks, names) = extract(&body(), &["B.I".to_string(), "A.I.2".to_string()]).unwrap();
        assert_eq!(
            texts(&blocks),
            [
                "A. NỘI DUNG KIỂM ĐIỂM",
                "I. Ưu điểm",
                "2. Nhiệm vụ",
                "a2",
                "B. TỰ ĐÁNH GIÁ",
                "I. Điểm",
                "b1",
                "ký"
            ]
        );
        assert_eq!(names, ["A.I.2", "B.I"]);
    }

    #[test]
    fn a_number_found_twice_or_not_at_all_is_refused_with_the_numbers_there_are() {
        let message = extract(&body(), &["I".to_string()])
            .unwrap_err()
            .to_string();
        assert!(message.contains("A.I, B.I"), "{message}");
        let message = extract(&body(), &["C".to_string()])
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("A, A.I, A.I.1, A.I.2, A.II, B, B.I"),
            "{message}"
        );
    }

    #[test]
    fn a_part_chosen_with_one_of_its_sections_is_named_once() {
        let (blocks, names) = extract(&body(), &["A".to_string(), "A.II".to_string()]).unwrap();
        assert_eq!(names, ["A"]);
        assert_eq!(texts(&blocks).len(), 8 + 1);
    }
}

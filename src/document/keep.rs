//! Which blocks stay on the page of the block after them, so that a signature never stands
//! alone on a page: both backends read this one rule.

use super::{Block, Inline};

/// For each block of `body`, whether it stays on the page of the block after it.
///
/// A paragraph marked so keeps with the next (a line that leads into a choice or a signature).
/// A row of signatures (or the nơi nhận) keeps with it the block before it: the last paragraph,
/// table row, choice or lines of the body. A note in italics, a heading or another row of
/// signatures just before it is carried along with what comes before them, so that a page never
/// holds signatures and notes alone. A page break is never crossed.
pub fn kept_with_next(body: &[Block]) -> Vec<bool> {
    let mut kept: Vec<bool> = body
        .iter()
        .map(|block| {
            matches!(
                block,
                Block::Paragraph {
                    keep_with_next: true,
                    ..
                }
            )
        })
        .collect();
    for (index, block) in body.iter().enumerate() {
        if !matches!(block, Block::Signatures { .. }) {
            continue;
        }
        for before in (0..index).rev() {
            if matches!(body[before], Block::PageBreak) {
                break;
            }
            kept[before] = true;
            if !carried_along(&body[before]) {
                break;
            }
        }
    }
    kept
}

/// Whether `block`, kept with a signature, brings the block before it too: a row of
/// signatures, a heading, or a note wholly in italics.
fn carried_along(block: &Block) -> bool {
    match block {
        Block::Signatures { .. } | Block::Heading { .. } => true,
        Block::Paragraph { inlines, .. } => {
            let mut texts = inlines.iter().filter_map(|inline| match inline {
                Inline::Text { italic, .. } => Some(*italic),
                _ => None,
            });
            texts
                .next()
                .is_some_and(|first| first && texts.all(|italic| italic))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str, italic: bool) -> Block {
        Block::Paragraph {
            inlines: vec![Inline::Text {
                text: text.to_string(),
                bold: false,
                italic,
            }],
            keep_with_next: false,
        }
    }

    fn signatures() -> Block {
        Block::Signatures {
            left: None,
            right: None,
        }
    }

    #[test]
    fn a_signature_keeps_the_last_block_of_the_body() {
        let body = [
            paragraph("Một", false),
            paragraph("Hai", false),
            signatures(),
        ];
        assert_eq!(kept_with_next(&body), vec![false, true, false]);
    }

    #[test]
    fn notes_and_rows_of_signatures_bring_what_is_before_them() {
        let body = [
            paragraph("Một", false),
            Block::FillLines { count: 2 },
            paragraph("(Gửi kèm Phụ lục)", true),
            signatures(),
            signatures(),
        ];
        assert_eq!(kept_with_next(&body), vec![false, true, true, true, false]);
    }

    #[test]
    fn a_page_break_is_never_crossed() {
        let body = [paragraph("Một", false), Block::PageBreak, signatures()];
        assert_eq!(kept_with_next(&body), vec![false, false, false]);
    }
}

//! The body language of form templates: a restricted Markdown, parsed into [`Block`]s.
//!
//! Templates write headings (`##`, `###`), paragraphs, `**bold**`, `*italic*` and `- ` items, plus
//! directives that only a template can write, because every value from data is escaped by
//! [`escape_markdown`] before it reaches the parser:
//! - `<fill/>` — a dotted leader to the end of the line;
//! - `<fill-lines n="3"/>` — lines to write on by hand;
//! - `<ky trai="…" phai="…"/>` — a row of signature blocks (or the nơi nhận), by role;
//! - `<o-chon cot="4" muc="Xuất sắc|Tốt|…" chon="2"/>` — tick boxes in `cot` columns, the
//!   `chon`-th (from 1) marked, none when it is absent;
//! - `<bang ten="…"/>` — a table built from the data, by name;
//! - `<sang-trang/>` — a page break.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use quick_xml::events::{BytesStart, Event as XmlEvent};
use thiserror::Error;

use super::{Block, Choice, Corner, Inline};

/// A template wrote something the body language does not allow.
#[derive(Debug, Error, PartialEq)]
#[error("mẫu dùng cú pháp không được hỗ trợ: {0}")]
#[non_exhaustive]
pub struct MarkupError(pub String);

/// Escapes a data value so that it reads as literal text: every ASCII punctuation character gets a
/// backslash, line starts lose their indentation, and each line of the value becomes a paragraph.
pub fn escape_markdown(value: &str) -> String {
    value
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut escaped = String::with_capacity(line.len() + 8);
            for c in line.chars() {
                if c.is_ascii_punctuation() {
                    escaped.push('\\');
                }
                escaped.push(if c == '\t' { ' ' } else { c });
            }
            escaped
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// What the directives that draw on the data stand for.
pub trait Directives {
    /// What the corner of a signature row named by role `role` (`<ky trai="…"/>`) holds.
    fn corner(&self, role: &str) -> Result<Corner, MarkupError>;
    /// The table named `name` (`<bang ten="…"/>`).
    fn table(&self, name: &str) -> Result<Block, MarkupError>;
}

/// Parses template output into blocks; `directives` resolves the directives that draw on data.
pub fn blocks_from_markdown(
    text: &str,
    directives: &dyn Directives,
) -> Result<Vec<Block>, MarkupError> {
    let mut builder = Builder::default();
    for event in Parser::new(text) {
        builder.event(event, directives)?;
    }
    Ok(builder.blocks)
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    heading: Option<u8>,
    bold: usize,
    italic: usize,
    item_depth: usize,
    item_has_prefix: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, directives: &dyn Directives) -> Result<(), MarkupError> {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some(match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => 2,
                    _ => 3,
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                let level = self.heading.take().unwrap_or(2);
                let inlines = std::mem::take(&mut self.inlines);
                self.blocks.push(Block::Heading { level, inlines });
            }
            Event::Start(Tag::Paragraph) => self.start_item_text(),
            Event::End(TagEnd::Paragraph) => self.finish_paragraph(),
            Event::Start(Tag::List(None)) | Event::End(TagEnd::List(false)) => {}
            Event::Start(Tag::Item) => {
                self.item_depth += 1;
                self.item_has_prefix = false;
            }
            Event::End(TagEnd::Item) => {
                self.finish_paragraph();
                self.item_depth -= 1;
            }
            Event::Start(Tag::Strong) => self.bold += 1,
            Event::End(TagEnd::Strong) => self.bold -= 1,
            Event::Start(Tag::Emphasis) => self.italic += 1,
            Event::End(TagEnd::Emphasis) => self.italic -= 1,
            Event::Text(text) => {
                self.start_item_text();
                self.push_text(&text);
            }
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => self.inlines.push(Inline::LineBreak),
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Html(html) | Event::InlineHtml(html) => {
                for directive in html.split_inclusive('>').map(str::trim) {
                    if !directive.is_empty() {
                        self.directive(directive, directives)?;
                    }
                }
            }
            other => return Err(MarkupError(format!("{other:?}"))),
        }
        Ok(())
    }

    /// List items print as paragraphs that start with "- ".
    fn start_item_text(&mut self) {
        if self.item_depth > 0 && !self.item_has_prefix {
            self.item_has_prefix = true;
            self.push_text("- ");
        }
    }

    fn push_text(&mut self, text: &str) {
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        if let Some(Inline::Text {
            text: last,
            bold: b,
            italic: i,
        }) = self.inlines.last_mut()
            && *b == bold
            && *i == italic
        {
            last.push_str(text);
            return;
        }
        self.inlines.push(Inline::Text {
            text: text.to_string(),
            bold,
            italic,
        });
    }

    fn finish_paragraph(&mut self) {
        if let Some(Inline::Text { text, .. }) = self.inlines.last_mut() {
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
        }
        if !self.inlines.is_empty() {
            let inlines = std::mem::take(&mut self.inlines);
            self.blocks.push(Block::Paragraph {
                inlines,
                keep_with_next: false,
            });
        }
    }

    fn directive(&mut self, tag: &str, directives: &dyn Directives) -> Result<(), MarkupError> {
        let refused = || MarkupError(tag.to_string());
        let element = match quick_xml::Reader::from_str(tag).read_event() {
            Ok(XmlEvent::Empty(element)) => element,
            _ => return Err(refused()),
        };
        let attribute = |key: &str| attribute(&element, key);
        match element.name().as_ref() {
            "fill" => {
                self.start_item_text();
                self.inlines.push(Inline::Fill);
            }
            "fill-lines" => {
                self.finish_paragraph();
                let count = attribute("n").and_then(|n| n.parse().ok()).unwrap_or(3);
                self.blocks.push(Block::FillLines { count });
            }
            "ky" => {
                self.finish_paragraph_kept_with_next();
                let corner = |role: String| directives.corner(&role);
                let left = attribute("trai").map(corner).transpose()?;
                let right = attribute("phai").map(corner).transpose()?;
                self.blocks.push(Block::Signatures { left, right });
            }
            "o-chon" => {
                self.finish_paragraph_kept_with_next();
                let columns = attribute("cot")
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or_else(refused)?;
                let chosen: Option<usize> = attribute("chon").and_then(|n| n.parse().ok());
                let labels = attribute("muc").ok_or_else(refused)?;
                let boxes = labels
                    .split('|')
                    .enumerate()
                    .map(|(index, label)| Choice::new(label, chosen == Some(index + 1)))
                    .collect();
                self.blocks.push(Block::Choices { boxes, columns });
            }
            "bang" => {
                self.finish_paragraph();
                let name = attribute("ten").ok_or_else(refused)?;
                self.blocks.push(directives.table(&name)?);
            }
            "sang-trang" => {
                self.finish_paragraph();
                self.blocks.push(Block::PageBreak);
            }
            _ => return Err(refused()),
        }
        Ok(())
    }

    /// Ends the paragraph being built and keeps the last one on the page of what follows (a
    /// line that leads into a signature or a choice).
    fn finish_paragraph_kept_with_next(&mut self) {
        self.finish_paragraph();
        if let Some(Block::Paragraph { keep_with_next, .. }) = self.blocks.last_mut() {
            *keep_with_next = true;
        }
    }
}

/// The value of attribute `key` of a directive, unescaped.
fn attribute(element: &BytesStart<'_>, key: &str) -> Option<String> {
    let value = element.try_get_attribute(key).ok().flatten()?;
    value
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain text of a heading or paragraph; empty for other blocks.
    fn plain_text(block: &Block) -> String {
        match block {
            Block::Heading { inlines, .. } | Block::Paragraph { inlines, .. } => inlines
                .iter()
                .map(|inline| match inline {
                    Inline::Text { text, .. } => text.as_str(),
                    Inline::Fill | Inline::LineBreak => " ",
                })
                .collect(),
            Block::FillLines { .. }
            | Block::Signatures { .. }
            | Block::Choices { .. }
            | Block::Table { .. }
            | Block::PageBreak
            | Block::Copy(_) => String::new(),
        }
    }

    /// Directives with nothing behind them, or with one signature for every role.
    struct Fake {
        signature: bool,
    }

    const NOTHING: Fake = Fake { signature: false };

    impl Directives for Fake {
        fn corner(&self, role: &str) -> Result<Corner, MarkupError> {
            if !self.signature {
                return Err(MarkupError(role.to_string()));
            }
            Ok(Corner::Signature(crate::document::Signature {
                heading: vec!["T/M CHI ỦY".to_string()],
                note: None,
                name: None,
            }))
        }

        fn table(&self, name: &str) -> Result<Block, MarkupError> {
            Err(MarkupError(name.to_string()))
        }
    }

    fn text(s: &str, bold: bool) -> Inline {
        Inline::Text {
            text: s.to_string(),
            bold,
            italic: false,
        }
    }

    #[test]
    fn headings_paragraphs_and_fills() {
        let blocks = blocks_from_markdown(
            "## I. Ưu điểm\n\nHọ và tên: **An**<fill/>\n\n<fill-lines n=\"2\"/>\n\n- Nhận xét:",
            &NOTHING,
        )
        .unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    inlines: vec![text("I. Ưu điểm", false)]
                },
                Block::Paragraph {
                    inlines: vec![text("Họ và tên: ", false), text("An", true), Inline::Fill],
                    keep_with_next: false,
                },
                Block::FillLines { count: 2 },
                Block::Paragraph {
                    inlines: vec![text("- Nhận xét:", false)],
                    keep_with_next: false,
                },
            ]
        );
    }

    #[test]
    fn the_line_before_a_signature_keeps_with_it() {
        let signature = Fake { signature: true };
        let blocks =
            blocks_from_markdown("Xếp loại: tốt\n\n<ky phai=\"chi-bo\"/>", &signature).unwrap();
        assert!(matches!(
            blocks[0],
            Block::Paragraph {
                keep_with_next: true,
                ..
            }
        ));
        assert!(matches!(
            &blocks[1],
            Block::Signatures {
                left: None,
                right: Some(_)
            }
        ));
    }

    #[test]
    fn choices_mark_the_chosen_box() {
        let blocks = blocks_from_markdown(
            "Tự đánh giá:\n\n<o-chon cot=\"4\" muc=\"Xuất sắc|Tốt|Trung bình|Kém\" chon=\"2\"/>",
            &NOTHING,
        )
        .unwrap();
        let Block::Choices { boxes, columns } = &blocks[1] else {
            panic!("{blocks:?}");
        };
        assert_eq!(*columns, 4);
        let printed: Vec<&str> = boxes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            printed,
            vec!["□ Xuất sắc", "■ Tốt", "□ Trung bình", "□ Kém"]
        );
        assert!(matches!(
            blocks[0],
            Block::Paragraph {
                keep_with_next: true,
                ..
            }
        ));
    }

    #[test]
    fn escaped_values_stay_literal() {
        let hostile =
            "#read(\"/etc/passwd\") $x^2$ *đậm* <b> {{ x }} ] \\ - 1. | `c`\n    # tiêu đề\n---";
        let blocks = blocks_from_markdown(&escape_markdown(hostile), &NOTHING).unwrap();
        let texts: Vec<String> = blocks.iter().map(plain_text).collect();
        assert_eq!(
            texts,
            vec![
                "#read(\"/etc/passwd\") $x^2$ *đậm* <b> {{ x }} ] \\ - 1. | `c`",
                "# tiêu đề",
                "---"
            ]
        );
    }

    proptest::proptest! {
        /// No data can become markup or trip the parser: any text, escaped, parses into
        /// paragraphs whose text is the text's lines, trimmed, with tabs as spaces.
        #[test]
        fn any_escaped_text_parses_to_itself(
            value in "(?s)[ -~\t\n\u{a0}\u{2028}đĐăâêôơưẤầ]{0,40}"
        ) {
            let blocks = blocks_from_markdown(&escape_markdown(&value), &NOTHING).unwrap();
            let expected: Vec<String> = value
                .lines()
                .map(|line| line.trim().replace('\t', " "))
                .filter(|line| !line.is_empty())
                .collect();
            let texts: Vec<String> = blocks.iter().map(plain_text).collect();
            proptest::prop_assert_eq!(texts, expected);
        }
    }

    #[test]
    fn unknown_directives_are_template_errors() {
        assert!(blocks_from_markdown("<script/>", &NOTHING).is_err());
        assert!(blocks_from_markdown("    code", &NOTHING).is_err());
    }
}

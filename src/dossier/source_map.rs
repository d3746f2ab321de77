//! Where each value of a data file is: a map from field paths (`dang_vien[3].ngay_sinh`) to the
//! line and column of the value, built from the YAML parser's events.
//!
//! serde gives a Dossier without positions; checks made after reading (dates in the review year, a
//! value that cannot be printed) use this map to point at the offending line.

use std::collections::{HashMap, HashSet};

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// A value's place in a named data file, for a message that points at another file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    /// The file as the user named it.
    pub file: String,
    /// The field path, e.g. `tap_the.han_che`.
    pub path: String,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The position of every value of a YAML document, by field path.
#[derive(Debug, Default)]
pub struct SourceMap {
    positions: HashMap<String, Position>,
    /// The paths of literal blocks (`|`), whose lines are the file's lines.
    literal: HashSet<String>,
}

/// The field path of each value while a YAML text's events are walked: the open collections,
/// innermost last. Whatever walks the events (the source map, the rewriting of old encodings)
/// names values by it.
#[derive(Debug, Default)]
pub struct PathStack(Vec<Frame>);

impl PathStack {
    /// A scalar: `None` when it is a mapping's key (kept for its value), otherwise the path of
    /// the value it is.
    pub fn scalar(&mut self, value: &str) -> Option<String> {
        if let Some(Frame::Mapping {
            key: key @ None, ..
        }) = self.0.last_mut()
        {
            *key = Some(value.to_string());
            return None;
        }
        next_path(&mut self.0)
    }

    /// A mapping (or, when not `mapping`, a sequence) opens; its own path.
    pub fn open(&mut self, mapping: bool) -> String {
        let path = next_path(&mut self.0).unwrap_or_default();
        self.0.push(if mapping {
            Frame::Mapping {
                path: path.clone(),
                key: None,
            }
        } else {
            Frame::Sequence {
                path: path.clone(),
                next: 0,
            }
        });
        path
    }

    /// The innermost collection closes.
    pub fn close(&mut self) {
        self.0.pop();
    }

    /// An alias stands for a value: its place is taken.
    pub fn alias(&mut self) {
        next_path(&mut self.0);
    }
}

/// One open collection while walking the events.
#[derive(Debug)]
enum Frame {
    /// A mapping; `key` is the key whose value comes next, if it has been read.
    Mapping { path: String, key: Option<String> },
    /// A sequence; `next` is the index of the next item.
    Sequence { path: String, next: usize },
}

impl SourceMap {
    /// Maps the values of `text`; a text the parser refuses gives the positions read so far
    /// (the deserializer reports the syntax error itself).
    pub fn of(text: &str) -> SourceMap {
        let mut map = SourceMap::default();
        let mut paths = PathStack::default();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let position = Position {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            match event {
                Event::Scalar(value, style, ..) => {
                    if let Some(path) = paths.scalar(&value) {
                        if style == ScalarStyle::Literal {
                            map.literal.insert(path.clone());
                        }
                        map.positions.insert(path, position);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let mapping = matches!(event, Event::MappingStart(..));
                    map.positions.insert(paths.open(mapping), position);
                }
                Event::MappingEnd | Event::SequenceEnd => paths.close(),
                Event::Alias(_) => paths.alias(),
                _ => {}
            }
        }
        map
    }

    /// The position of the value at `path`, or of its nearest ancestor that has one.
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(position) = self.positions.get(path) {
                return Some(*position);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// The position of line `offset` (from 0) of the text at `path`: that line of the file for a
    /// literal block (`|`), whose lines are the file's; the value's own position otherwise.
    pub fn line_of(&self, path: &str, offset: usize) -> Option<Position> {
        let position = self.find(path)?;
        Some(if self.literal.contains(path) {
            Position {
                line: position.line + offset,
                ..position
            }
        } else {
            position
        })
    }
}

/// The path of the value that comes next in the innermost collection, consuming its key or index.
fn next_path(stack: &mut [Frame]) -> Option<String> {
    match stack.last_mut()? {
        Frame::Mapping { path, key } => {
            let key = key.take()?;
            Some(if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            })
        }
        Frame::Sequence { path, next } => {
            let index = *next;
            *next += 1;
            Some(format!("{path}[{index}]"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "nam: 2024
to_chuc:
  ten: Chi bộ Phòng Kế toán
dang_vien:
  - id: an
    ho_ten: Nguyễn Văn An
    tu_kiem_diem:
      han_che: |
        Dòng một
  - {ho_ten: Trần Thị Bình, id: binh}
";

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn every_value_has_its_line_and_column() {
        let map = SourceMap::of(TEXT);
        assert_eq!(map.find("nam"), at(1, 6));
        assert_eq!(map.find("to_chuc.ten"), at(3, 8));
        assert_eq!(map.find("dang_vien[0].ho_ten"), at(6, 13));
        // A block scalar is found where its text starts.
        assert_eq!(map.find("dang_vien[0].tu_kiem_diem.han_che"), at(9, 9));
        assert_eq!(map.find("dang_vien[1].ho_ten"), at(10, 14));
        assert_eq!(map.find("dang_vien[1].id"), at(10, 33));
    }

    #[test]
    fn a_line_of_a_literal_block_is_the_file_line() {
        let text = "a: |\n  một\n  hai\nb: \"một\\nhai\"\n";
        let map = SourceMap::of(text);
        assert_eq!(map.line_of("a", 1), at(3, 3));
        assert_eq!(map.line_of("b", 1), at(4, 4));
    }

    #[test]
    fn a_missing_value_falls_back_to_its_parent() {
        let map = SourceMap::of(TEXT);
        assert_eq!(map.find("dang_vien[0].ngay_sinh"), map.find("dang_vien[0]"));
        assert_eq!(map.find("dang_vien[0]"), at(5, 5));
    }
}

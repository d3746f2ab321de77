//! Text typed by a clerk: every string of the data is cleaned once, while it is read.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize};
use unicode_normalization::IsNormalized::Yes;
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// A string from the data: Unicode NFC, every line break a `\n`, no control character but tab
/// and line break.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// Cleans `raw`: line breaks of every kind (`\r\n`, a lone `\r`, U+0085, U+2028, U+2029)
    /// become `\n` and the text is put in NFC. A control character that no page can print is
    /// refused, named by its code point.
    pub fn clean(raw: &str) -> Result<Text, String> {
        let unified = if !raw.contains(other_line_break) {
            nfc(raw)
        } else {
            raw.replace("\r\n", "\n")
                .chars()
                .map(|c| if other_line_break(c) { '\n' } else { c })
                .nfc()
                .collect()
        };
        if let Some((index, c)) = unified.chars().enumerate().find(|(_, c)| unprintable(*c)) {
            return Err(format!(
                "ký tự điều khiển U+{:04X} không in được (ký tự thứ {} của giá trị); xóa ký tự này rồi chạy lại",
                u32::from(c),
                index + 1
            ));
        }
        Ok(Text(unified))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `text` in NFC. Text already in NFC, as nearly all is, is copied as it is instead of being
/// rebuilt character by character.
pub(crate) fn nfc(text: &str) -> String {
    if is_nfc_quick(text.chars()) == Yes {
        text.to_string()
    } else {
        text.nfc().collect()
    }
}

/// A line break other than `\n`, which the data's text turns into one.
fn other_line_break(c: char) -> bool {
    matches!(c, '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Control characters (C0 but tab and line feed, DEL, C1) and the two noncharacters U+FFFE and
/// U+FFFF: nothing a page can show, and not allowed in the XML of a DOCX.
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Text::clean(&raw).map_err(serde::de::Error::custom)
    }
}

/// `text` as a YAML double-quoted scalar, which reads back as the very same string.
pub fn yaml_quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            other => quoted.push(other),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_break_becomes_a_line_feed() {
        let text = Text::clean("một\r\nhai\rba\u{2028}bốn\u{85}năm").unwrap();
        assert_eq!(text.as_str(), "một\nhai\nba\nbốn\nnăm");
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let text = Text::clean("Nguye\u{302}\u{303}n").unwrap();
        assert_eq!(text.as_str(), "Nguyễn");
    }

    #[test]
    fn control_characters_are_named_by_code_point() {
        for (raw, code) in [
            ("chuông\u{7}", "U+0007"),
            ("\u{1b}[31mđỏ", "U+001B"),
            ("a\u{0}b", "U+0000"),
            ("c1\u{9b}", "U+009B"),
            ("x\u{FFFE}", "U+FFFE"),
        ] {
            let error = Text::clean(raw).unwrap_err();
            assert!(error.contains(code), "{raw:?}: {error}");
        }
        assert_eq!(Text::clean("cột\tmột").unwrap().as_str(), "cột\tmột");
    }
}

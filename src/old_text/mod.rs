//! Vietnamese typed in the encodings of the 1990s–2000s: TCVN3 (ABC, TCVN 5712:1993, fonts
//! .VnTime and, for capitals, .VnTimeH), VNI (VNI-Times) and Windows-1258's separate tone marks.
//!
//! A text typed in an old font and pasted into a Unicode file keeps the font's bytes: "Họ và
//! tên" arrives as "Hä vµ tªn" (TCVN3) or "Hoï vaø teân" (VNI). This module converts each
//! encoding to Unicode NFC and back, and tells, text by text, whether a string is one of them:
//! by the characters the encoding leaves and by whether the converted words are Vietnamese
//! syllables far more than the words as written. It imports nothing of the crate.

mod syllable;
mod tables;
pub mod yaml;

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

pub use syllable::is_syllable;

/// An old way of writing Vietnamese letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// TCVN3 (ABC) in a normal font (.VnTime): lowercase letters and Ă Â Ê Ô Ơ Ư Đ.
    Tcvn3,
    /// TCVN3 in an "H" font (.VnTimeH), which draws every letter as a capital.
    Tcvn3Capitals,
    /// VNI Windows (VNI-Times): a base letter and a mark byte.
    Vni,
    /// Windows-1258's way: a base letter and a separate combining tone mark.
    Windows1258,
}

impl Encoding {
    /// The encoding's name as a clerk knows it, in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Tcvn3Capitals => "TCVN3 (ABC), phông chữ hoa (.VnTimeH)",
            Encoding::Vni => "VNI (VNI-Times)",
            Encoding::Windows1258 => "Windows-1258 (dấu thanh tách rời)",
        }
    }
}

/// A text found to be in an old encoding, and what it reads in Unicode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The encoding the text was typed in.
    pub encoding: Encoding,
    /// The text in Unicode NFC.
    pub text: String,
}

static TCVN3_READ: LazyLock<HashMap<char, char>> =
    LazyLock::new(|| tables::TCVN3.iter().copied().collect());
static TCVN3_WRITE: LazyLock<HashMap<char, char>> =
    LazyLock::new(|| tables::TCVN3.iter().map(|&(l, u)| (u, l)).collect());
static CAPITALS_READ: LazyLock<HashMap<char, char>> =
    LazyLock::new(|| tables::TCVN3_CAPITALS.iter().copied().collect());
static CAPITALS_WRITE: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    tables::TCVN3_CAPITALS
        .iter()
        .map(|&(l, u)| (u, l))
        .collect()
});
static VNI_READ: LazyLock<HashMap<&'static str, char>> =
    LazyLock::new(|| tables::VNI.iter().copied().collect());
static VNI_WRITE: LazyLock<HashMap<char, &'static str>> =
    LazyLock::new(|| tables::VNI.iter().map(|&(l, u)| (u, l)).collect());

/// TCVN3 text typed in a normal font, in Unicode NFC. Characters the chart does not assign are
/// kept.
pub fn from_tcvn3(text: &str) -> String {
    text.chars()
        .map(|c| TCVN3_READ.get(&c).copied().unwrap_or(c))
        .nfc()
        .collect()
}

/// TCVN3 text typed in an "H" font, in Unicode NFC: every letter a capital, as the font draws it.
pub fn from_tcvn3_capitals(text: &str) -> String {
    text.chars()
        .map(
            |c| match CAPITALS_READ.get(&c).or_else(|| TCVN3_READ.get(&c)) {
                Some(letter) => *letter,
                None => c.to_ascii_uppercase(),
            },
        )
        .nfc()
        .collect()
}

/// VNI text in Unicode NFC: each base letter and mark byte the chart pairs becomes one letter,
/// each single-byte letter its letter; the rest is kept.
pub fn from_vni(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut pair = String::new();
    while at < chars.len() {
        if let Some(&next) = chars.get(at + 1) {
            pair.clear();
            pair.push(chars[at]);
            pair.push(next);
            if let Some(letter) = VNI_READ.get(pair.as_str()) {
                out.push(*letter);
                at += 2;
                continue;
            }
        }
        let mut one = [0; 4];
        let one: &str = chars[at].encode_utf8(&mut one);
        out.push(VNI_READ.get(one).copied().unwrap_or(chars[at]));
        at += 1;
    }
    out.nfc().collect()
}

/// Text with Windows-1258's separate tone marks (a base letter, then U+0300, U+0301, U+0303,
/// U+0309 or U+0323) in Unicode NFC.
pub fn from_windows_1258(text: &str) -> String {
    text.nfc().collect()
}

/// `text` read as written in `encoding`, in Unicode NFC.
pub fn to_unicode(text: &str, encoding: Encoding) -> String {
    match encoding {
        Encoding::Tcvn3 => from_tcvn3(text),
        Encoding::Tcvn3Capitals => from_tcvn3_capitals(text),
        Encoding::Vni => from_vni(text),
        Encoding::Windows1258 => from_windows_1258(text),
    }
}

/// The old encoding a font's name says text in it was typed in: the TCVN3 fonts are named
/// ".Vn…" (".VnTime", ".VnArial"), their capitals' fonts end in "H" (".VnTimeH"); the VNI fonts
/// are named "VNI-…" ("VNI-Times").
pub fn encoding_of_font(font: &str) -> Option<Encoding> {
    let font = font.trim();
    if font.starts_with(".Vn") || font.starts_with(".vn") {
        Some(if font.ends_with('H') {
            Encoding::Tcvn3Capitals
        } else {
            Encoding::Tcvn3
        })
    } else if font.to_ascii_uppercase().starts_with("VNI-") {
        Some(Encoding::Vni)
    } else {
        None
    }
}

/// Unicode text as a normal TCVN3 font writes it. The capitals with a tone mark, which only an
/// "H" font has, are kept as they are.
pub fn to_tcvn3(text: &str) -> String {
    text.nfc()
        .map(|c| TCVN3_WRITE.get(&c).copied().unwrap_or(c))
        .collect()
}

/// Unicode capitals as an "H" font of TCVN3 writes them; other characters are kept.
pub fn to_tcvn3_capitals(text: &str) -> String {
    text.nfc()
        .map(|c| {
            CAPITALS_WRITE
                .get(&c)
                .or_else(|| TCVN3_WRITE.get(&c))
                .copied()
                .unwrap_or(c)
        })
        .collect()
}

/// Unicode text as VNI writes it.
pub fn to_vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.nfc() {
        match VNI_WRITE.get(&c) {
            Some(sequence) => out.push_str(sequence),
            None => out.push(c),
        }
    }
    out
}

/// Unicode text with its tone marks separate, as Windows-1258 writes them (NFD for the tone
/// marks; the letters with a hat, breve or horn kept whole, as the code page has them).
pub fn to_windows_1258(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.nfc() {
        let parts: Vec<char> = c.nfd().collect();
        match parts.iter().position(|m| TONE_MARKS.contains(m)) {
            Some(tone) => {
                let base: String = parts
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != tone)
                    .map(|(_, c)| *c)
                    .nfc()
                    .collect();
                out.push_str(&base);
                out.push(parts[tone]);
            }
            None => out.push(c),
        }
    }
    out
}

/// The five tone marks as combining characters.
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Whether `text` is Vietnamese typed in an old encoding, and which: the encoding and the text in
/// Unicode NFC, or `None` for text that is fine as it is (Unicode Vietnamese, English, names
/// with Latin-1 letters, numbers and codes).
///
/// TCVN3 and VNI leave only Latin-1 characters, so a text with any letter of Unicode's
/// Vietnamese (ă, ơ, ư, đ, ạ…) is not theirs. Otherwise each encoding is tried on every word
/// that has an ASCII letter and a Latin-1 character and that the encoding changes: it is found when at least two thirds
/// of those words are Vietnamese syllables once converted, and more of them than as written: a
/// third more, or at least one more when every one of them reads once converted. Separate tone marks are found when the text is not in NFC.
pub fn detect(text: &str) -> Option<Detected> {
    if text.chars().any(|c| TONE_MARKS.contains(&c)) {
        let composed = from_windows_1258(text);
        if composed != text {
            return Some(Detected {
                encoding: Encoding::Windows1258,
                text: composed,
            });
        }
    }
    if !text.chars().any(|c| ('\u{80}'..='\u{FF}').contains(&c)) || has_unicode_letters(text) {
        return None;
    }
    // Capitals typed in ASCII ("§¶NG", "TH¤N") say an "H" font, where a lone capital ("Hä")
    // says nothing.
    let in_capitals = !text.chars().any(|c| c.is_ascii_lowercase())
        && text
            .as_bytes()
            .windows(2)
            .any(|pair| pair.iter().all(u8::is_ascii_uppercase));
    let mut best: Option<(Encoding, Evidence)> = None;
    for encoding in [Encoding::Tcvn3, Encoding::Tcvn3Capitals, Encoding::Vni] {
        let mut evidence = evidence(text, encoding);
        evidence.preferred = encoding == Encoding::Tcvn3Capitals && in_capitals;
        if evidence.convincing()
            && best
                .as_ref()
                .is_none_or(|(_, b)| evidence.strength() > b.strength())
        {
            best = Some((encoding, evidence));
        }
    }
    best.map(|(encoding, _)| Detected {
        encoding,
        text: to_unicode(text, encoding),
    })
}

/// Whether `text` has a letter of Unicode's Vietnamese that no 8-bit font holds (ă, ơ, ư, đ,
/// ạ…): such a text is not TCVN3 or VNI, which leave only Latin-1 characters.
fn has_unicode_letters(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{100}'..='\u{24F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// `text` read in `encoding`, which its font names (see [`encoding_of_font`]), whatever
/// [`detect`] would make of it: `None` when the text reads the same, or has letters no 8-bit
/// font holds (it was typed in Unicode, the old font left on the cell).
///
/// ```
/// use hoso::old_text::{Encoding, read_in};
///
/// let read = read_in("Lª V¨n C\u{AD}êng", Encoding::Tcvn3Capitals).unwrap();
/// assert_eq!(read.text, "LÊ VĂN CƯỜNG");
/// assert_eq!(read_in("012345", Encoding::Tcvn3), None);
/// assert_eq!(read_in("Nguyễn Văn An", Encoding::Tcvn3), None);
/// ```
pub fn read_in(text: &str, encoding: Encoding) -> Option<Detected> {
    if has_unicode_letters(text) {
        return None;
    }
    let converted = to_unicode(text, encoding);
    (converted != text).then_some(Detected {
        encoding,
        text: converted,
    })
}

/// How the words an encoding changes read before and after.
#[derive(Debug, Clone, Copy, Default)]
struct Evidence {
    /// Words with an ASCII letter that the conversion changes.
    changed: usize,
    /// How many of them are syllables as written.
    before: usize,
    /// How many of them are syllables once converted.
    after: usize,
    /// The characters only this encoding explains, to settle a tie: the mark bytes VNI joins to
    /// their letters, the signs (¸ µ « ¬ ®…) TCVN3 makes letters.
    marks: usize,
    /// Whether the text itself points to this encoding, to settle a tie.
    preferred: bool,
}

impl Evidence {
    fn convincing(self) -> bool {
        let gained = self.after.saturating_sub(self.before);
        self.changed > 0
            && self.after * 3 >= self.changed * 2
            && gained >= 1
            && (gained * 3 >= self.changed || self.after == self.changed)
    }

    /// The better reading: more words made readable; then fewer words changed that read
    /// already; then more characters explained; then what the text points to.
    fn strength(self) -> (usize, std::cmp::Reverse<usize>, usize, bool) {
        (
            self.after.saturating_sub(self.before),
            std::cmp::Reverse(self.before),
            self.marks,
            self.preferred,
        )
    }
}

/// The words of `text` (runs of letters and of the characters the old encodings use) that
/// `encoding` changes, read before and after.
fn evidence(text: &str, encoding: Encoding) -> Evidence {
    let mut evidence = Evidence::default();
    for word in words(text) {
        // A word needs an ASCII letter to be read, and a Latin-1 character to be changed.
        if !word.chars().any(|c| c.is_ascii_alphabetic()) || word.is_ascii() {
            continue;
        }
        let converted = to_unicode(word, encoding);
        if converted == word {
            continue;
        }
        evidence.changed += 1;
        evidence.before += usize::from(is_syllable(word));
        evidence.after += usize::from(is_syllable(&converted));
        evidence.marks += match encoding {
            Encoding::Vni => word.chars().count() - converted.chars().count(),
            _ => word
                .chars()
                .filter(|c| !c.is_alphabetic() && TCVN3_READ.contains_key(c))
                .count(),
        };
    }
    evidence
}

/// The runs of word characters of `text`: letters, and the Latin-1 characters the old encodings
/// give letters to (¸ µ ¶ ¨ © ª ® …).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let word_char = |c: char| c.is_alphabetic() || TCVN3_READ.contains_key(&c);
    text.split(move |c: char| !word_char(c))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests;

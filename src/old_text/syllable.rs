//! Whether a word is one Vietnamese syllable: an initial consonant, a vowel nucleus with its
//! glides, a final consonant, and at most one tone mark, on a vowel of the nucleus that may carry
//! it. Enough to tell readable Vietnamese from the letters an old encoding leaves behind.

use unicode_normalization::UnicodeNormalization;

/// The initial consonants, longest first so that `ngh` is tried before `ng` and `n`.
const INITIALS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// The final consonants, longest first.
const FINALS: [&str; 8] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];

/// Whether a nucleus takes a final consonant.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Final {
    /// Never (it ends in a glide, or in a vowel that closes the syllable).
    Never,
    /// With or without one.
    May,
    /// Always.
    Must,
}

/// Every vowel nucleus, glides included, without tone marks.
const NUCLEI: [(&str, Final); 50] = [
    ("a", Final::May),
    ("ă", Final::Must),
    ("â", Final::Must),
    ("e", Final::May),
    ("ê", Final::May),
    ("i", Final::May),
    ("o", Final::May),
    ("ô", Final::May),
    ("ơ", Final::May),
    ("u", Final::May),
    ("ư", Final::May),
    ("y", Final::May),
    ("ai", Final::Never),
    ("ao", Final::Never),
    ("au", Final::Never),
    ("ay", Final::Never),
    ("âu", Final::Never),
    ("ây", Final::Never),
    ("eo", Final::Never),
    ("êu", Final::Never),
    ("ia", Final::Never),
    ("iê", Final::Must),
    ("iu", Final::Never),
    ("oa", Final::May),
    ("oă", Final::Must),
    ("oe", Final::May),
    ("oi", Final::Never),
    ("ôi", Final::Never),
    ("ơi", Final::Never),
    ("oo", Final::Must),
    ("ua", Final::Never),
    ("uâ", Final::Must),
    ("uê", Final::May),
    ("ui", Final::Never),
    ("uô", Final::Must),
    ("uơ", Final::Never),
    ("uy", Final::May),
    ("ưa", Final::Never),
    ("ưi", Final::Never),
    ("ươ", Final::Must),
    ("ưu", Final::Never),
    ("yê", Final::Must),
    ("iêu", Final::Never),
    ("oai", Final::Never),
    ("oay", Final::Never),
    ("oeo", Final::Never),
    ("uây", Final::Never),
    ("uôi", Final::Never),
    ("ươi", Final::Never),
    ("ươu", Final::Never),
];

/// The three-letter nuclei [`NUCLEI`] has no room for.
const MORE_NUCLEI: [(&str, Final); 3] = [
    ("uya", Final::Never),
    ("uyê", Final::Must),
    ("yêu", Final::Never),
];

/// The tone marks, as combining characters.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Whether `word` (letters only) is one Vietnamese syllable, in lowercase, with a capital first
/// letter, or all in capitals.
pub fn is_syllable(word: &str) -> bool {
    if !cased_as_a_word(word) {
        return false;
    }
    // Each letter without its tone, and where the tone is.
    let mut letters: Vec<char> = Vec::new();
    let mut tone: Option<(usize, char)> = None;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut marks = c.nfd().filter(|m| TONES.contains(m));
        if let Some(mark) = marks.next() {
            if tone.is_some() || marks.next().is_some() {
                return false;
            }
            tone = Some((letters.len(), mark));
        }
        let bare: String = c.nfd().filter(|m| !TONES.contains(m)).nfc().collect();
        let mut bare = bare.chars();
        match (bare.next(), bare.next()) {
            (Some(letter), None) => letters.push(letter),
            _ => return false,
        }
    }
    let text: String = letters.iter().collect();
    let Some((initial, nucleus, last)) = split(&text) else {
        return false;
    };
    let start = initial.chars().count();
    let end = start + nucleus.chars().count();
    if !spelled_right(initial, nucleus) {
        return false;
    }
    let Some(&(_, takes)) = NUCLEI
        .iter()
        .chain(MORE_NUCLEI.iter())
        .find(|(n, _)| *n == nucleus)
    else {
        return false;
    };
    match (takes, last.is_empty()) {
        (Final::Never, false) | (Final::Must, true) => return false,
        _ => {}
    }
    // y alone follows only these (hy, kỹ, lý, mỹ, quý, sỹ, tỷ, vy, ý).
    if nucleus == "y" && !matches!(initial, "" | "h" | "k" | "l" | "m" | "qu" | "s" | "t" | "v") {
        return false;
    }
    // nh and ch close only a front vowel: anh, ênh, inh, ynh, and oanh, uênh, uynh.
    if matches!(last, "nh" | "ch") && !matches!(nucleus, "a" | "ê" | "i" | "y" | "oa" | "uê" | "uy")
    {
        return false;
    }
    let Some((at, mark)) = tone else {
        // A stop final (c, ch, p, t) takes the acute or the dot below.
        return !matches!(last, "c" | "ch" | "p" | "t");
    };
    if matches!(last, "c" | "ch" | "p" | "t") && mark != '\u{301}' && mark != '\u{323}' {
        return false;
    }
    at >= start && at < end && tone_places(nucleus, !last.is_empty()).contains(&(at - start))
}

/// The whole word in lowercase, in capitals, or with only its first letter a capital.
fn cased_as_a_word(word: &str) -> bool {
    let mut rest = word.chars();
    let Some(first) = rest.next() else {
        return false;
    };
    let rest: Vec<char> = rest.collect();
    rest.iter().all(|c| c.is_lowercase())
        || (first.is_uppercase() && rest.iter().all(|c| c.is_uppercase()))
}

/// The word cut into initial, nucleus and final, the nucleus not empty.
fn split(text: &str) -> Option<(&str, &str, &str)> {
    let mut initial = INITIALS
        .iter()
        .find(|i| text.starts_with(**i))
        .copied()
        .unwrap_or("");
    // "gi" before no other vowel is g and the vowel i (gì, gìn).
    if initial == "gi" && !text[2..].chars().any(is_vowel) {
        initial = "g";
    }
    let rest = &text[initial.len()..];
    let last = FINALS
        .iter()
        .find(|f| rest.ends_with(**f) && rest.len() > f.len())
        .copied()
        .unwrap_or("");
    let nucleus = &rest[..rest.len() - last.len()];
    (!nucleus.is_empty() && nucleus.chars().all(is_vowel)).then_some((initial, nucleus, last))
}

/// The spelling rules that tie an initial to the vowel after it: k, gh and ngh before e, ê, i
/// (and k before y); c, g and ng elsewhere; q only as qu, which is /k/ before a gliding u or o.
fn spelled_right(initial: &str, nucleus: &str) -> bool {
    let front = nucleus.starts_with(['e', 'ê', 'i']);
    // A u or o gliding into the vowel after it: after /k/ that is spelt qu (qua, quyết).
    let glide = matches!(
        nucleus,
        "oa" | "oă"
            | "oe"
            | "oai"
            | "oay"
            | "oeo"
            | "uâ"
            | "uê"
            | "uy"
            | "uya"
            | "uyê"
            | "uyu"
            | "uây"
            | "uơ"
    );
    match initial {
        "k" => front || nucleus.starts_with('y'),
        "gh" | "ngh" => front,
        "c" => !front && !nucleus.starts_with('y') && !glide,
        "ng" => !front && !nucleus.starts_with('y'),
        "qu" => !nucleus.starts_with(['u', 'o']),
        _ => true,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Where in `nucleus` the tone mark may stand: on its vowel with a hat or horn (on ơ of ươ),
/// else on the last vowel before a final, else on the middle of three, and on either of oa, oe,
/// uy (the old and the new placing) or the first of another pair.
fn tone_places(nucleus: &str, has_final: bool) -> Vec<usize> {
    let vowels: Vec<char> = nucleus.chars().collect();
    if nucleus.starts_with("ươ") {
        return vec![1];
    }
    if let Some(hat) = vowels
        .iter()
        .rposition(|c| matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'))
    {
        return vec![hat];
    }
    match (vowels.len(), has_final) {
        (1, _) => vec![0],
        (n, true) => vec![n - 1],
        (3, false) => vec![1],
        (_, false) if matches!(nucleus, "oa" | "oe" | "uy") => vec![0, 1],
        _ => vec![0],
    }
}

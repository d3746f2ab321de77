//! The shortcomings (hạn chế, khuyết điểm) listed in a free text, one item each, so that they can
//! be compared one by one with those of the year before.

/// One shortcoming of a text, and the line of the text it starts on (0-based, counted in the text itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The shortcoming as a sentence: marker and final punctuation removed, first letter upper case.
    pub text: String,
    /// The index of the line of the text the shortcoming begins on, counted from 0.
    pub line: usize,
}

/// Characters that open a bulleted line ("- ", "+ ", "• ", "* " ...).
const BULLETS: &[char] = &['-', '–', '—', '+', '•', '*', '·', '◦', '▪', '●', '○'];

/// The fewest words each part of a line must have for the line to be split into sentences.
const SENTENCE_MIN_WORDS: usize = 3;

/// Words that may follow "không có" in a text that says there is no shortcoming
/// ("Không có hạn chế, khuyết điểm gì.").
const NOTHING_WORDS: &[&str] = &["chế", "điểm", "gì", "hạn", "khuyết", "nào", "và"];

/// The shortcomings listed in `text`, one item each.
///
/// `text` is what the clerk typed, a block of lines (already NFC, with `\n` line ends):
///
/// - When two or more lines have something written on them, every such line is one item (a
///   paragraph typed on one line is one item). Blank lines only separate. A line ending in ":"
///   that is followed by other lines introduces them ("Còn một số hạn chế sau:") and is not an
///   item.
/// - When a single line is written, it is split into its sentences, at a ".", "!" or "?" followed
///   by a space and an upper-case letter, but only where every part keeps at least three words.
///   A "." inside "4.5" or before a lower-case letter, and the "." of an abbreviation of one to
///   three capitals ("TP. Hồ Chí Minh"), end no sentence. Each sentence is then split at ";".
///   The parts all begin on that line.
/// - A marker opening an item is removed: a bullet ("- ", "+ ", "• ", "* " ...), a number
///   ("1. ", "1) ", "1.2. ", "(1) ") or a letter ("a) ", "a. ", "(a) ").
/// - Each item is trimmed, loses its final ".", ";" or ",", and starts with an upper-case letter
///   so that it reads as a sentence; diacritics are kept as typed.
/// - Items with no letter (a lone "-") and items saying there is nothing ("Không.", "Không có.",
///   "Không có hạn chế, khuyết điểm.") are dropped: a text that only says "Không có." lists no
///   shortcoming and gives an empty list.
pub fn items(text: &str) -> Vec<Item> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .map(str::trim)
        .enumerate()
        .filter(|(_, line)| line.chars().any(char::is_alphabetic))
        .collect();
    let last = lines.len().saturating_sub(1);
    let lines: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|&(i, (_, line))| i == last || !line.ends_with(':'))
        .map(|(_, &line)| line)
        .collect();
    let pieces: Vec<(usize, &str)> = match lines.as_slice() {
        [(index, line)] => sentences(line)
            .into_iter()
            .flat_map(|sentence| sentence.split(';'))
            .map(|piece| (*index, piece))
            .collect(),
        _ => lines,
    };
    pieces
        .into_iter()
        .filter_map(|(line, piece)| {
            Some(Item {
                text: clean(piece)?,
                line,
            })
        })
        .collect()
}

/// `line` without the list marker it opens with, if any, and without the spaces after it.
fn strip_marker(line: &str) -> &str {
    let line = line.trim_start();
    let rest = bullet(line)
        .or_else(|| number(line))
        .or_else(|| letter(line));
    rest.map_or(line, str::trim_start)
}

/// What follows a bullet opening `line`.
fn bullet(line: &str) -> Option<&str> {
    line.strip_prefix(BULLETS)
}

/// What follows a number marker opening `line`: "1. ", "1) ", "1.2. ", "(1) ". The number is at
/// most three digits and a "." must be followed by a space or a letter, so "4.5 triệu" and
/// "2024." are not markers.
fn number(line: &str) -> Option<&str> {
    if let Some(inner) = line.strip_prefix('(') {
        let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        return (1..=3)
            .contains(&digits)
            .then(|| inner[digits..].strip_prefix(')'))
            .flatten();
    }
    let mut rest = line;
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=3).contains(&digits) {
            return None;
        }
        rest = &rest[digits..];
        // A level of a numbering such as "1.2.": go on to the next number.
        match rest.strip_prefix('.') {
            Some(next) if next.starts_with(|c: char| c.is_ascii_digit()) => rest = next,
            _ => break,
        }
    }
    if let Some(after) = rest.strip_prefix(')') {
        return Some(after);
    }
    let after = rest.strip_prefix('.')?;
    let separated =
        after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || c.is_alphabetic());
    separated.then_some(after)
}

/// What follows a letter marker opening `line`: "a) ", "a. ", "(a) ". After "a." there must be
/// a space, so that an abbreviation is not taken for a marker.
fn letter(line: &str) -> Option<&str> {
    if let Some(inner) = line.strip_prefix('(') {
        let mut chars = inner.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), Some(')')) if c.is_alphabetic() => Some(chars.as_str()),
            _ => None,
        };
    }
    let mut chars = line.chars();
    match (chars.next(), chars.next()) {
        (Some(c), Some(')')) if c.is_alphabetic() => Some(chars.as_str()),
        (Some(c), Some('.')) if c.is_alphabetic() => {
            let after = chars.as_str();
            after.starts_with(char::is_whitespace).then_some(after)
        }
        _ => None,
    }
}

/// The sentences of `line`: it is cut after a ".", "!" or "?" that spaces separate from an
/// upper-case letter (a "." closing an [`abbreviation`] excepted), unless a part would be left
/// with fewer than three words: such a part stays joined to the sentence before it (or, at the
/// start, to the one after).
fn sentences(line: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut cuts: Vec<usize> = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') || (c == '.' && abbreviation(&line[..at])) {
            continue;
        }
        let spaces = chars[i + 1..]
            .iter()
            .take_while(|(_, c)| c.is_whitespace())
            .count();
        if let Some(&(at, next)) = chars.get(i + 1 + spaces)
            && spaces > 0
            && next.is_uppercase()
        {
            cuts.push(at);
        }
    }
    // Remove the cuts that leave a part too short, one at a time, until every part is long enough.
    loop {
        let parts = split_at_cuts(line, &cuts);
        let short = parts
            .iter()
            .position(|part| part.split_whitespace().count() < SENTENCE_MIN_WORDS);
        match short {
            Some(part) if !cuts.is_empty() => {
                cuts.remove(part.saturating_sub(1));
            }
            _ => return parts,
        }
    }
}

/// Whether the full stop after `before` closes an abbreviation rather than a sentence: the word
/// before it is one to three upper-case letters ("TP.", "Q.", "TX.").
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    (1..=3).contains(&word.chars().count()) && word.chars().all(char::is_uppercase)
}

/// `line` cut at the byte offsets `cuts`, in increasing order.
fn split_at_cuts<'a>(line: &'a str, cuts: &[usize]) -> Vec<&'a str> {
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts {
        parts.push(&line[start..cut]);
        start = cut;
    }
    parts.push(&line[start..]);
    parts
}

/// `piece` as an item: marker, surrounding spaces and final punctuation removed, first letter
/// upper case; `None` when nothing is left or it says there is no shortcoming.
fn clean(piece: &str) -> Option<String> {
    let text = strip_marker(piece.trim())
        .trim_end_matches(|c: char| matches!(c, '.' | ';' | ',') || c.is_whitespace());
    if !text.chars().any(char::is_alphabetic) || says_nothing(text) {
        return None;
    }
    let mut chars = text.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Whether `text` says there is no shortcoming: "Không", "Không có", "Không có hạn chế, khuyết
/// điểm gì" and the like.
fn says_nothing(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .collect();
    match words.as_slice() {
        ["không"] => true,
        ["không", "có", rest @ ..] => rest.iter().all(|word| NOTHING_WORDS.contains(word)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items of `text` as (text, line) pairs, for short assertions.
    fn listed(text: &str) -> Vec<(String, usize)> {
        items(text)
            .into_iter()
            .map(|item| (item.text, item.line))
            .collect()
    }

    fn pairs(expected: &[(&str, usize)]) -> Vec<(String, usize)> {
        expected
            .iter()
            .map(|&(text, line)| (text.to_owned(), line))
            .collect()
    }

    #[test]
    fn one_item_per_line_with_bullets() {
        let text = "- Chưa thường xuyên kiểm tra công trình tại cơ sở;\n+ Có lúc còn ngại phát biểu trong sinh hoạt chi bộ.\n• Việc cập nhật số liệu còn chậm\n* kỹ năng sử dụng phần mềm còn hạn chế\n";
        assert_eq!(
            listed(text),
            pairs(&[
                ("Chưa thường xuyên kiểm tra công trình tại cơ sở", 0),
                ("Có lúc còn ngại phát biểu trong sinh hoạt chi bộ", 1),
                ("Việc cập nhật số liệu còn chậm", 2),
                ("Kỹ năng sử dụng phần mềm còn hạn chế", 3),
            ])
        );
    }

    #[test]
    fn numbered_and_lettered_items() {
        let text = "1. Chưa thường xuyên kiểm tra.\n2) Còn chậm báo cáo.\n1.3. Còn nể nang.\n(4) Chưa mạnh dạn giao việc.\na) Ngại phát biểu.\nb. Chậm số hóa hồ sơ.\n(c) Ít kinh nghiệm.\n5.Chưa chủ động.";
        assert_eq!(
            listed(text),
            pairs(&[
                ("Chưa thường xuyên kiểm tra", 0),
                ("Còn chậm báo cáo", 1),
                ("Còn nể nang", 2),
                ("Chưa mạnh dạn giao việc", 3),
                ("Ngại phát biểu", 4),
                ("Chậm số hóa hồ sơ", 5),
                ("Ít kinh nghiệm", 6),
                ("Chưa chủ động", 7),
            ])
        );
    }

    #[test]
    fn numbers_inside_an_item_are_not_markers() {
        let text = "4.5 triệu đồng đảng phí còn nộp chậm.\n2024. Chưa hoàn thành.";
        assert_eq!(
            listed(text),
            pairs(&[
                ("4.5 triệu đồng đảng phí còn nộp chậm", 0),
                ("2024. Chưa hoàn thành", 1),
            ])
        );
    }

    #[test]
    fn one_line_is_split_at_semicolons() {
        let text = "Việc lưu trữ, số hóa hồ sơ của phòng còn chậm so với kế hoạch; có lúc chưa chủ động đề xuất cải tiến cách làm.";
        assert_eq!(
            listed(text),
            pairs(&[
                (
                    "Việc lưu trữ, số hóa hồ sơ của phòng còn chậm so với kế hoạch",
                    0
                ),
                ("Có lúc chưa chủ động đề xuất cải tiến cách làm", 0),
            ])
        );
    }

    #[test]
    fn one_line_is_split_into_sentences_and_semicolons() {
        let text = "\nCòn để 02 hồ sơ giải quyết chậm so với thời hạn quy định. Việc nghiên cứu văn bản mới có lúc chưa kịp thời; tinh thần chủ động trong công việc chưa cao.\n";
        assert_eq!(
            listed(text),
            pairs(&[
                (
                    "Còn để 02 hồ sơ giải quyết chậm so với thời hạn quy định",
                    1
                ),
                ("Việc nghiên cứu văn bản mới có lúc chưa kịp thời", 1),
                ("Tinh thần chủ động trong công việc chưa cao", 1),
            ])
        );
    }

    #[test]
    fn abbreviations_and_short_sentences_stay_joined() {
        let text = "Chưa kiểm tra công trình tại TP. Hồ Chí Minh đúng kế hoạch, v.v. Còn chậm.";
        assert_eq!(
            listed(text),
            pairs(&[(
                "Chưa kiểm tra công trình tại TP. Hồ Chí Minh đúng kế hoạch, v.v. Còn chậm",
                0
            )])
        );
        // A short sentence first stays with the one after it.
        assert_eq!(
            listed("Còn chậm. Việc cập nhật số liệu lên hệ thống của Sở chưa kịp thời."),
            pairs(&[(
                "Còn chậm. Việc cập nhật số liệu lên hệ thống của Sở chưa kịp thời",
                0
            )])
        );
        // A sentence ending in a word such as "Sở" is a sentence.
        assert_eq!(
            listed("Chậm gửi báo cáo về Sở. Ngại phát biểu trong sinh hoạt chi bộ."),
            pairs(&[
                ("Chậm gửi báo cáo về Sở", 0),
                ("Ngại phát biểu trong sinh hoạt chi bộ", 0),
            ])
        );
        // A full stop before a lower-case letter or a number ends no sentence.
        assert_eq!(
            listed("Đã giải quyết 4.5 lần. chưa đạt 90%. 3 hồ sơ trễ hạn."),
            pairs(&[("Đã giải quyết 4.5 lần. chưa đạt 90%. 3 hồ sơ trễ hạn", 0)])
        );
    }

    #[test]
    fn sentences_of_a_paragraph_line() {
        let text = "Có lúc còn ngại phát biểu, đóng góp ý kiến trong sinh hoạt chi bộ. Kỹ năng sử dụng phần mềm chuyên ngành mới triển khai còn hạn chế.";
        assert_eq!(
            listed(text),
            pairs(&[
                (
                    "Có lúc còn ngại phát biểu, đóng góp ý kiến trong sinh hoạt chi bộ",
                    0
                ),
                (
                    "Kỹ năng sử dụng phần mềm chuyên ngành mới triển khai còn hạn chế",
                    0
                ),
            ])
        );
    }

    #[test]
    fn lines_are_not_split_further_and_blank_lines_only_separate() {
        let text = "\nViệc kiểm tra sau thẩm định còn chưa thường xuyên; chưa kịp thời.\n\n\nCông tác tổng kết có lúc còn chậm. Chưa nhân rộng cách làm hay.\n\n";
        assert_eq!(
            listed(text),
            pairs(&[
                (
                    "Việc kiểm tra sau thẩm định còn chưa thường xuyên; chưa kịp thời",
                    1
                ),
                (
                    "Công tác tổng kết có lúc còn chậm. Chưa nhân rộng cách làm hay",
                    4
                ),
            ])
        );
    }

    #[test]
    fn an_introducing_line_is_not_an_item() {
        let text =
            "Bản thân còn một số hạn chế sau:\n- Chưa thường xuyên kiểm tra.\n- Còn chậm báo cáo.";
        assert_eq!(
            listed(text),
            pairs(&[("Chưa thường xuyên kiểm tra", 1), ("Còn chậm báo cáo", 2)])
        );
        let text = "Hạn chế:\nchưa thường xuyên kiểm tra; còn chậm báo cáo.";
        assert_eq!(
            listed(text),
            pairs(&[("Chưa thường xuyên kiểm tra", 1), ("Còn chậm báo cáo", 1)])
        );
    }

    #[test]
    fn nothing_to_report() {
        for text in [
            "Không có.",
            "không",
            "Không có hạn chế, khuyết điểm gì.\n",
            "-",
            "- \n—\n",
            "",
            "\n\n",
        ] {
            assert_eq!(items(text), Vec::new(), "{text:?}");
        }
        assert_eq!(
            listed("- Còn chậm báo cáo.\n- Không có."),
            pairs(&[("Còn chậm báo cáo", 0)])
        );
        // "không" inside a shortcoming is a shortcoming.
        assert_eq!(
            listed("Không có kế hoạch tự học."),
            pairs(&[("Không có kế hoạch tự học", 0)])
        );
    }

    #[test]
    fn first_letter_upper_case_and_diacritics_kept() {
        assert_eq!(
            listed(
                "- đôn đốc chưa quyết liệt\n- ứng dụng CNTT còn hạn chế\n- ý thức tự học chưa cao"
            ),
            pairs(&[
                ("Đôn đốc chưa quyết liệt", 0),
                ("Ứng dụng CNTT còn hạn chế", 1),
                ("Ý thức tự học chưa cao", 2),
            ])
        );
    }
}

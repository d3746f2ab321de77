//! Whether two shortcomings (hạn chế, khuyết điểm) say the same thing, so that a shortcoming
//! named again a year later can be told from a new one, and a text copied from last year's
//! review can be told from one written afresh.
//!
//! Vietnamese is written syllable by syllable: a word such as "thường xuyên" is two syllables,
//! and a restatement moves phrases around ("chưa thường xuyên kiểm tra" and "việc kiểm tra còn
//! chưa thường xuyên"). The comparison therefore works on the *set* of content syllables of each
//! text (`syllables`: lower case, without punctuation, numbers and function words) and ignores
//! their order. The similarity of two texts (`similarity`) is the mean of their Dice coefficient
//! and of how much of the shorter text the longer one contains; from 0.75 up
//! (`SAME_SHORTCOMING`) they are the same shortcoming. A copy (`copied`) is stricter: the same
//! words in the same order.

use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Pairs of syllables that together are a function word or a filler ("một số", "bản thân",
/// "đôi lúc", "công tác" ...). Either syllable alone may carry meaning ("số" in "chuyển đổi
/// số", "bản" in "văn bản", "công" in "công trình"), so they are dropped only as a pair.
const STOP_PAIRS: &[(&str, &str)] = &[
    ("bản", "thân"),
    ("bên", "cạnh"),
    ("công", "tác"),
    ("đôi", "chỗ"),
    ("đôi", "khi"),
    ("đôi", "lúc"),
    ("đối", "với"),
    ("đồng", "chí"),
    ("hiện", "nay"),
    ("một", "số"),
    ("ngoài", "ra"),
    ("nhất", "là"),
    ("nhìn", "chung"),
    ("so", "với"),
    ("thật", "sự"),
    ("thực", "sự"),
    ("tình", "trạng"),
    ("tuy", "nhiên"),
];

/// Syllables that on their own are function words, fillers or intensifiers: they do not tell one
/// shortcoming from another. Negations ("chưa", "không") and the words that say what is wrong
/// ("chậm", "ít", "hạn chế" ...) are content and are not listed.
const STOP_WORDS: &[&str] = &[
    "bị", "các", "cho", "có", "của", "còn", "cũng", "đã", "đang", "để", "đến", "đều", "đó", "do",
    "được", "hoặc", "khá", "khi", "là", "lên", "lúc", "mà", "mặt", "một", "năm", "nay", "này",
    "nên", "nhưng", "những", "như", "nữa", "ở", "rất", "sẽ", "sự", "tại", "theo", "thì", "tôi",
    "trên", "trong", "từ", "và", "vào", "vẫn", "về", "vì", "việc", "với",
];

/// The tone marks of Vietnamese, as combining characters (huyền, sắc, ngã, hỏi, nặng).
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// From this similarity up, two shortcomings are the same one said again.
///
/// A restatement of one shortcoming (reordered, with fillers such as "việc", "còn", "đôi lúc"
/// added or dropped, with a few syllables changed, or said inside a longer sentence) typically
/// scores 0.85 or more. Two different shortcomings of one unit typically score 0.65 or less,
/// though they share the vocabulary of these reviews ("đảng viên", "sinh hoạt chi bộ", "chưa
/// thường xuyên"): what they share is the subject or the fault, seldom both. The threshold sits
/// midway, with room on either side.
pub const SAME_SHORTCOMING: f64 = 0.75;

/// The shorter text needs this many distinct content syllables (about two words) before being
/// found whole inside the longer one counts: one or two shared syllables prove nothing.
const CONTAINMENT_MIN: usize = 4;

/// Fewer words than this and a text is a stock phrase ("Không có."), not a copy.
const COPY_MIN_WORDS: usize = 8;

/// The words of `text` in order: NFC, lower case, split at everything that is neither a letter,
/// a digit nor a combining mark.
fn words(text: &str) -> Vec<String> {
    let lower: String = text.nfc().flat_map(char::to_lowercase).collect();
    lower
        .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `syllable` with its tone mark placed one way: the open rhymes "oa", "oe" and "uy" take the
/// mark on their first vowel ("hóa", "khỏe", "thủy"), whether it was typed there or, in the newer
/// style, on the second ("hoá", "khoẻ", "thuỷ"). Other syllables are returned as they are.
fn tone_on_first_vowel(syllable: &str) -> String {
    let decomposed: Vec<char> = syllable.nfd().collect();
    let Some(tone) = decomposed.iter().copied().find(|c| TONE_MARKS.contains(c)) else {
        return syllable.to_owned();
    };
    let mut letters: Vec<char> = decomposed
        .into_iter()
        .filter(|c| !TONE_MARKS.contains(c))
        .collect();
    let n = letters.len();
    let open_rhyme = n >= 2
        && matches!(
            (letters[n - 2], letters[n - 1]),
            ('o', 'a') | ('o', 'e') | ('u', 'y')
        )
        // In "quy" the "u" belongs to the consonant "qu": "quý" is written one way only.
        && (n < 3 || letters[n - 3] != 'q');
    if !open_rhyme {
        return syllable.to_owned();
    }
    letters.insert(n - 1, tone);
    letters.into_iter().nfc().collect()
}

/// The content syllables of a text: NFC, lower case, punctuation removed, stop words dropped.
///
/// The syllables come in the order of the text, repeats kept. Upper case is lowered the Unicode
/// way ("Đ" becomes "đ"); numbers (years, counts such as "02 hồ sơ") are dropped, as are the
/// function words, fillers and intensifiers that say nothing about which shortcoming is meant
/// ("việc", "còn", "một số", "các", "của", "bản thân", "đôi lúc", "công tác" ...). Negations
/// ("chưa", "không") stay. The tone mark of "oa", "oe", "uy" is put on the first vowel, so the
/// old and new spelling ("hóa", "hoá") give the same syllable.
pub fn syllables(text: &str) -> Vec<String> {
    let words: Vec<String> = words(text)
        .into_iter()
        .filter(|word| word.chars().any(char::is_alphabetic))
        .map(|word| tone_on_first_vowel(&word))
        .collect();
    let mut content = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_str();
        if let Some(next) = words.get(i + 1)
            && STOP_PAIRS.contains(&(word, next.as_str()))
        {
            i += 2;
            continue;
        }
        if !STOP_WORDS.contains(&word) {
            content.push(words[i].clone());
        }
        i += 1;
    }
    content
}

/// How alike two shortcomings are, from 0 (nothing shared) to 1 (the same content syllables).
///
/// With A and B the sets of content syllables of `a` and `b` (see [`syllables`]):
///
/// - the Dice coefficient 2·|A ∩ B| / (|A| + |B|) measures how much of both texts is shared;
/// - the containment |A ∩ B| / min(|A|, |B|) measures how much of the shorter text is found in
///   the longer one, so that a short shortcoming restated inside a longer sentence ("ứng dụng
///   phần mềm quản lý hồ sơ còn chậm" inside "ứng dụng phần mềm quản lý hồ sơ kiểm tra công
///   trình vẫn chậm so với kế hoạch") is not lost for the words added around it.
///
/// The similarity is the mean of the two. When the shorter text has fewer than four content
/// syllables, being contained proves little and the similarity is the Dice coefficient alone.
/// Order is ignored, since a restatement reorders its phrases; a text with no content syllable
/// is like nothing (0).
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: BTreeSet<String> = syllables(a).into_iter().collect();
    let b: BTreeSet<String> = syllables(b).into_iter().collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(&b).count() as f64;
    let shorter = a.len().min(b.len());
    let dice = 2.0 * shared / (a.len() + b.len()) as f64;
    if shorter < CONTAINMENT_MIN {
        return dice;
    }
    let containment = shared / shorter as f64;
    (dice + containment) / 2.0
}

/// Whether `a` and `b` are the same shortcoming, perhaps reworded: their [`similarity`] reaches
/// [`SAME_SHORTCOMING`].
pub fn same_shortcoming(a: &str, b: &str) -> bool {
    similarity(a, b) >= SAME_SHORTCOMING
}

/// Whether `text` is `earlier` copied word for word: the same words in the same order once case,
/// punctuation and spacing are set aside, and long enough to be more than a stock phrase (at
/// least eight words).
///
/// Every word counts here, stop words and numbers too: "02 hồ sơ" against "03 hồ sơ" is a
/// change, not a copy.
pub fn copied(text: &str, earlier: &str) -> bool {
    let words_now = words(text);
    words_now.len() >= COPY_MIN_WORDS && words_now == words(earlier)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same shortcoming in two successive reviews, restated.
    const SAME: &[(&str, &str)] = &[
        (
            "Chưa thường xuyên kiểm tra",
            "Việc kiểm tra còn chưa thường xuyên",
        ),
        (
            "Chưa thường xuyên kiểm tra công trình tại cơ sở",
            "Việc kiểm tra công trình tại cơ sở còn chưa thường xuyên.",
        ),
        (
            "Việc ứng dụng phần mềm quản lý hồ sơ còn chậm",
            "Ứng dụng phần mềm quản lý hồ sơ kiểm tra công trình vẫn chậm so với kế hoạch",
        ),
        (
            "Có lúc còn ngại phát biểu, đóng góp ý kiến trong sinh hoạt chi bộ.",
            "Bản thân đôi lúc vẫn còn ngại phát biểu ý kiến trong các buổi sinh hoạt chi bộ.",
        ),
        (
            "Việc kiểm tra sau thẩm định đối với một số công trình do cấp huyện quản lý còn chưa thường xuyên.",
            "Kiểm tra sau thẩm định các công trình do cấp huyện quản lý chưa được thực hiện thường xuyên.",
        ),
        (
            "Việc cập nhật kiến thức về chuyển đổi số trong quản lý chuyên ngành còn chưa thường xuyên.",
            "Chưa thường xuyên cập nhật kiến thức chuyển đổi số.",
        ),
        (
            "Việc nghiên cứu văn bản mới có lúc chưa kịp thời",
            "Nghiên cứu các văn bản quy phạm pháp luật mới đôi khi còn chưa kịp thời",
        ),
        (
            "Có lúc còn chậm trong việc cập nhật số liệu lên hệ thống báo cáo của Sở.",
            "Việc cập nhật số liệu lên hệ thống báo cáo của Sở đôi lúc còn chậm.",
        ),
        (
            "Tinh thần tự phê bình và phê bình có lúc chưa cao.",
            "Còn nể nang, tinh thần phê bình và tự phê bình chưa cao.",
        ),
        (
            "Việc lưu trữ, số hóa hồ sơ của phòng còn chậm so với kế hoạch",
            "Số hoá hồ sơ lưu trữ của phòng vẫn chậm so với kế hoạch đề ra",
        ),
        (
            "Kinh nghiệm thực tế về thiết kế kết cấu công trình còn ít",
            "Còn ít kinh nghiệm thực tế trong thiết kế kết cấu các công trình",
        ),
        (
            "Có lúc còn trực tiếp xử lý công việc thay cho công chức, chưa mạnh dạn giao việc.",
            "Chưa mạnh dạn giao việc cho công chức, có lúc còn làm thay, trực tiếp xử lý công việc.",
        ),
        (
            "Việc đôn đốc các đơn vị phối hợp trả lời ý kiến về hồ sơ cấp phép có lúc chưa quyết liệt.",
            "Đôn đốc đơn vị phối hợp trả lời ý kiến hồ sơ cấp phép còn chưa quyết liệt, kịp thời.",
        ),
        (
            "Sinh hoạt chi bộ có lúc chưa đảm bảo thời gian theo quy định.",
            "Việc bảo đảm thời gian sinh hoạt chi bộ theo quy định còn chưa nghiêm.",
        ),
        (
            "Một số đảng viên chưa gương mẫu trong việc đóng đảng phí.",
            "Việc đóng đảng phí của một số đảng viên còn chậm, chưa gương mẫu.",
        ),
        (
            "Chất lượng sinh hoạt chuyên đề chưa cao.",
            "Sinh hoạt chuyên đề của chi bộ chất lượng còn chưa cao, nội dung chưa phong phú.",
        ),
        (
            "Hoạt động Chi đoàn chưa thật sự đa dạng.",
            "Các hoạt động của Chi đoàn còn chưa đa dạng, phong phú.",
        ),
        (
            "Kỹ năng sử dụng phần mềm chuyên ngành mới triển khai còn hạn chế.",
            "Việc sử dụng phần mềm chuyên ngành vẫn còn hạn chế.",
        ),
        (
            "Còn để 02 hồ sơ giải quyết chậm so với thời hạn quy định.",
            "Vẫn còn 03 hồ sơ giải quyết trễ so với thời hạn quy định.",
        ),
        (
            "Công tác tổng kết, rút kinh nghiệm và nhân rộng cách làm hay trong chi bộ có lúc còn chậm.",
            "Việc nhân rộng cách làm hay, rút kinh nghiệm trong chi bộ còn chậm.",
        ),
        (
            "Chưa cân đối tốt thời gian giữa nhiệm vụ chuyên môn với công tác công đoàn.",
            "Bản thân có lúc chưa cân đối được thời gian cho công tác công đoàn và nhiệm vụ chuyên môn.",
        ),
        (
            "Chưa chủ động đề xuất cải tiến cách làm.",
            "Có lúc còn chưa chủ động trong việc đề xuất cải tiến cách làm, nâng cao hiệu quả công việc.",
        ),
        (
            "Việc ứng dụng công nghệ thông tin trong theo dõi, tổng hợp kết quả kiểm tra còn hạn chế.",
            "Ứng dụng công nghệ thông tin để tổng hợp, theo dõi kết quả kiểm tra chưa hiệu quả.",
        ),
    ];

    /// Different shortcomings of one unit, in the words these reviews share.
    const DIFFERENT: &[(&str, &str)] = &[
        (
            "Sinh hoạt chuyên đề chưa thu hút ý kiến của đảng viên",
            "Công tác kiểm tra, giám sát chưa thường xuyên",
        ),
        (
            "Chưa thường xuyên kiểm tra công trình tại cơ sở",
            "Việc cập nhật kiến thức về chuyển đổi số còn chưa thường xuyên.",
        ),
        (
            "Có lúc còn ngại phát biểu, đóng góp ý kiến trong sinh hoạt chi bộ.",
            "Sinh hoạt chi bộ có lúc chưa đảm bảo thời gian theo quy định.",
        ),
        (
            "Việc nghiên cứu văn bản mới có lúc chưa kịp thời.",
            "Việc báo cáo kết quả kiểm tra có lúc chưa kịp thời.",
        ),
        (
            "Kỹ năng sử dụng phần mềm chuyên ngành mới triển khai còn hạn chế.",
            "Việc ứng dụng công nghệ thông tin trong theo dõi, tổng hợp kết quả kiểm tra còn hạn chế.",
        ),
        (
            "Một số đảng viên chưa gương mẫu trong việc đóng đảng phí.",
            "Một số đảng viên chưa tích cực tham gia sinh hoạt chi bộ.",
        ),
        (
            "Công tác phát triển đảng viên mới còn gặp khó khăn.",
            "Công tác kiểm tra, giám sát đảng viên chưa thường xuyên.",
        ),
        (
            "Tinh thần tự phê bình và phê bình có lúc chưa cao.",
            "Tinh thần chủ động trong công việc chưa cao.",
        ),
        (
            "Còn để 02 hồ sơ giải quyết chậm so với thời hạn quy định.",
            "Việc lưu trữ, số hóa hồ sơ của phòng còn chậm so với kế hoạch.",
        ),
        (
            "Việc kiểm tra sau thẩm định đối với một số công trình do cấp huyện quản lý còn chưa thường xuyên.",
            "Kinh nghiệm thực tế về thiết kế kết cấu công trình còn ít.",
        ),
        (
            "Hoạt động Chi đoàn chưa thật sự đa dạng.",
            "Nội dung sinh hoạt chi bộ chưa đa dạng, còn đơn điệu.",
        ),
        (
            "Việc đôn đốc các đơn vị phối hợp trả lời ý kiến về hồ sơ cấp phép có lúc chưa quyết liệt.",
            "Có lúc còn ngại phát biểu, đóng góp ý kiến trong sinh hoạt chi bộ.",
        ),
        (
            "Chưa mạnh dạn giao việc cho công chức trẻ.",
            "Chưa mạnh dạn đấu tranh với những biểu hiện tiêu cực.",
        ),
        (
            "Việc học tập, quán triệt nghị quyết của Đảng có lúc chưa kịp thời.",
            "Việc triển khai thực hiện nghị quyết của chi bộ có lúc còn chậm.",
        ),
        (
            "Chưa thường xuyên kiểm tra",
            "Chưa thường xuyên cập nhật kiến thức",
        ),
        (
            "Có lúc còn chậm trong việc cập nhật số liệu lên hệ thống báo cáo của Sở.",
            "Việc lưu trữ, số hóa hồ sơ của phòng còn chậm so với kế hoạch.",
        ),
        (
            "Chưa chủ động đề xuất cải tiến cách làm.",
            "Chưa chủ động trao đổi với tổ chức đề nghị cấp chứng chỉ.",
        ),
        (
            "Chất lượng sinh hoạt chuyên đề chưa cao.",
            "Tinh thần tự phê bình và phê bình có lúc chưa cao.",
        ),
        (
            "Sinh hoạt chi bộ có lúc chưa đúng thời gian quy định.",
            "Nội dung sinh hoạt chi bộ chưa phong phú.",
        ),
        (
            "Kinh nghiệm xử lý các hồ sơ có vướng mắc về quy hoạch còn ít.",
            "Kinh nghiệm thực tế về thiết kế kết cấu công trình còn ít.",
        ),
        (
            "Có lúc còn lúng túng khi xử lý các hồ sơ có nhiều hạng mục.",
            "Có lúc còn trực tiếp xử lý công việc thay cho công chức.",
        ),
        (
            "Chậm nộp báo cáo định kỳ.",
            "Chậm cập nhật số liệu lên hệ thống.",
        ),
    ];

    #[test]
    fn restated_shortcomings_are_the_same() {
        assert!(SAME.len() >= 12);
        for &(a, b) in SAME {
            let score = similarity(a, b);
            assert!(
                score >= SAME_SHORTCOMING,
                "{score:.3} < {SAME_SHORTCOMING}: «{a}» / «{b}»"
            );
            assert!(same_shortcoming(a, b) && same_shortcoming(b, a));
        }
    }

    #[test]
    fn different_shortcomings_are_not_the_same() {
        assert!(DIFFERENT.len() >= 12);
        for &(a, b) in DIFFERENT {
            let score = similarity(a, b);
            assert!(
                score < SAME_SHORTCOMING,
                "{score:.3} ≥ {SAME_SHORTCOMING}: «{a}» / «{b}»"
            );
            assert!(!same_shortcoming(a, b) && !same_shortcoming(b, a));
        }
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        for &(a, b) in SAME.iter().chain(DIFFERENT) {
            let score = similarity(a, b);
            assert!((0.0..=1.0).contains(&score), "{score}: «{a}» / «{b}»");
            assert_eq!(score, similarity(b, a), "«{a}» / «{b}»");
        }
        let text = "Chưa thường xuyên kiểm tra công trình tại cơ sở";
        assert_eq!(similarity(text, text), 1.0);
        assert_eq!(similarity("", text), 0.0);
        assert_eq!(similarity("Việc còn các.", "Việc còn các."), 0.0);
    }

    #[test]
    fn short_texts_need_more_than_being_contained() {
        // One or two content syllables found in a longer text are not enough.
        assert!(!same_shortcoming(
            "Còn chậm.",
            "Việc cập nhật số liệu còn chậm."
        ));
        assert!(!same_shortcoming(
            "Chưa kịp thời.",
            "Việc báo cáo kết quả kiểm tra định kỳ chưa kịp thời."
        ));
    }

    #[test]
    fn syllables_keep_only_content() {
        assert_eq!(
            syllables("Việc kiểm tra còn chưa thường xuyên."),
            ["kiểm", "tra", "chưa", "thường", "xuyên"]
        );
        assert_eq!(
            syllables("Bản thân đôi lúc vẫn còn ngại phát biểu, đóng góp ý kiến."),
            ["ngại", "phát", "biểu", "đóng", "góp", "ý", "kiến"]
        );
        assert_eq!(
            syllables("Một số đảng viên (02 đồng chí) chưa đóng đảng phí; không báo cáo!"),
            [
                "đảng", "viên", "chưa", "đóng", "đảng", "phí", "không", "báo", "cáo"
            ]
        );
        // A syllable of a stop pair stays when the pair is not there.
        assert_eq!(
            syllables("Chậm chuyển đổi số văn bản."),
            ["chậm", "chuyển", "đổi", "số", "văn", "bản"]
        );
    }

    #[test]
    fn syllables_are_lower_case_nfc_with_one_tone_placement() {
        assert_eq!(
            syllables("ĐẢNG VIÊN Đôn Đốc"),
            ["đảng", "viên", "đôn", "đốc"]
        );
        // Decomposed input gives the composed syllables.
        assert_eq!(syllables("đa\u{309}ng vie\u{302}n"), ["đảng", "viên"]);
        assert_eq!(
            syllables("Số hoá, khoẻ, thuỷ lợi"),
            syllables("Số hóa, khỏe, thủy lợi")
        );
        assert_eq!(syllables("Hoà, HOÀ, hòa"), ["hòa", "hòa", "hòa"]);
        // In "quy" the tone stays where it is written.
        assert_eq!(syllables("quý, quỹ"), ["quý", "quỹ"]);
    }

    #[test]
    fn copied_word_for_word() {
        let earlier = "Việc kiểm tra sau thẩm định đối với một số công trình do cấp huyện quản lý còn chưa thường xuyên.\nCông tác tổng kết có lúc còn chậm.";
        let again = "  việc kiểm tra sau thẩm định đối với một số công trình\ndo cấp huyện quản lý còn chưa thường xuyên; công tác tổng kết có lúc còn chậm  ";
        assert!(copied(again, earlier));
        assert!(copied(earlier, earlier));
        let reworded = "Việc kiểm tra sau thẩm định đối với một số công trình do cấp tỉnh quản lý còn chưa thường xuyên. Công tác tổng kết có lúc còn chậm.";
        assert!(!copied(reworded, earlier));
        assert!(!copied(
            "Còn để 03 hồ sơ giải quyết chậm so với thời hạn quy định.",
            "Còn để 02 hồ sơ giải quyết chậm so với thời hạn quy định."
        ));
        // Reordered words are not a copy.
        assert!(!copied(
            "Việc kiểm tra công trình tại cơ sở còn chưa thường xuyên.",
            "Chưa thường xuyên kiểm tra công trình tại cơ sở, việc còn."
        ));
    }

    #[test]
    fn stock_phrases_are_not_copies() {
        assert!(!copied("Không có.", "Không có."));
        assert!(!copied(
            "Không có hạn chế, khuyết điểm.",
            "Không có hạn chế, khuyết điểm."
        ));
        assert!(!copied("", ""));
    }
}

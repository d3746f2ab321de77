use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::*;

/// The 67 lowercase letters of Vietnamese that ASCII lacks: twelve vowels with each tone (and
/// without, for ă â ê ô ơ ư), and đ.
fn lowercase_letters() -> Vec<char> {
    let mut letters = vec!['đ'];
    for vowel in "aăâeêioôơuưy".chars() {
        for tone in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
            let letter: String = format!("{vowel}{tone}").nfc().collect();
            let letter = letter.chars().next().unwrap();
            if !letter.is_ascii() {
                letters.push(letter);
            }
        }
    }
    letters
}

fn uppercase_letters() -> Vec<char> {
    lowercase_letters()
        .iter()
        .map(|c| c.to_uppercase().next().unwrap())
        .collect()
}

#[test]
fn the_letters_are_134() {
    let lower = lowercase_letters();
    let upper = uppercase_letters();
    assert_eq!(lower.len(), 67);
    assert_eq!(upper.len(), 67);
    let mut all: Vec<char> = lower.iter().chain(&upper).copied().collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 134);
}

#[test]
fn each_table_maps_distinct_letters_in_nfc() {
    fn distinct<L: Ord + Clone>(entries: &[(L, char)]) {
        let mut letters: Vec<char> = entries.iter().map(|(_, u)| *u).collect();
        letters.sort();
        letters.dedup();
        assert_eq!(letters.len(), entries.len());
        let mut legacy: Vec<L> = entries.iter().map(|(l, _)| l.clone()).collect();
        legacy.sort();
        legacy.dedup();
        assert_eq!(legacy.len(), entries.len());
        for (_, u) in entries {
            assert_eq!(u.to_string().nfc().collect::<String>(), u.to_string());
        }
    }
    distinct(&tables::TCVN3);
    distinct(&tables::TCVN3_CAPITALS);
    distinct(&tables::VNI);
    // TCVN3 assigns only 0xA1–0xFE; VNI writes only ASCII and Latin-1.
    for (legacy, _) in tables::TCVN3.iter().chain(&tables::TCVN3_CAPITALS) {
        assert!(('\u{A1}'..='\u{FE}').contains(legacy), "{legacy}");
    }
    for (legacy, _) in &tables::VNI {
        assert!(legacy.chars().all(|c| c <= '\u{FF}'), "{legacy}");
    }
}

#[test]
fn tcvn3_every_lowercase_letter_both_ways() {
    for letter in lowercase_letters() {
        let legacy = to_tcvn3(&letter.to_string());
        assert_eq!(legacy.chars().count(), 1, "{letter}");
        assert!(('\u{A1}'..='\u{FE}').contains(&legacy.chars().next().unwrap()));
        assert_eq!(from_tcvn3(&legacy), letter.to_string());
    }
    // The normal font's seven capitals.
    for letter in "ĂÂÊÔƠƯĐ".chars() {
        let legacy = to_tcvn3(&letter.to_string());
        assert_ne!(legacy, letter.to_string());
        assert_eq!(from_tcvn3(&legacy), letter.to_string());
    }
}

#[test]
fn tcvn3_capitals_every_uppercase_letter_both_ways() {
    for letter in uppercase_letters() {
        let legacy = to_tcvn3_capitals(&letter.to_string());
        assert_eq!(legacy.chars().count(), 1, "{letter}");
        assert!(('\u{A1}'..='\u{FE}').contains(&legacy.chars().next().unwrap()));
        assert_eq!(from_tcvn3_capitals(&legacy), letter.to_string());
    }
    // The H font draws the lowercase positions as capitals, ASCII included.
    assert_eq!(from_tcvn3_capitals("hä vµ tªn"), "HỌ VÀ TÊN");
}

#[test]
fn vni_every_letter_both_ways() {
    for letter in lowercase_letters().into_iter().chain(uppercase_letters()) {
        assert!(tables::VNI.iter().any(|(_, u)| *u == letter), "{letter}");
        let legacy = to_vni(&letter.to_string());
        assert!((1..=2).contains(&legacy.chars().count()), "{letter}");
        assert_eq!(from_vni(&legacy), letter.to_string(), "{legacy}");
    }
}

#[test]
fn windows_1258_every_letter_both_ways() {
    for letter in lowercase_letters().into_iter().chain(uppercase_letters()) {
        let separate = to_windows_1258(&letter.to_string());
        assert_eq!(from_windows_1258(&separate), letter.to_string());
    }
    assert_eq!(to_windows_1258("Hộ"), "Hô\u{323}");
    let found = detect("Ho\u{323} va\u{300} te\u{302}n").unwrap();
    assert_eq!(found.encoding, Encoding::Windows1258);
    assert_eq!(found.text, "Họ và tên");
}

/// The sentences, and how each encoding writes them: written out here by hand from the charts,
/// not by the module's tables.
const SENTENCES: [(&str, &str, &str); 5] = [
    ("Họ và tên", "Hä vµ tªn", "Hoï vaø teân"),
    (
        "Đảng Cộng sản Việt Nam",
        "§¶ng Céng s¶n ViÖt Nam",
        "Ñaûng Coäng saûn Vieät Nam",
    ),
    ("Ngày vào Đảng", "Ngµy vµo §¶ng", "Ngaøy vaøo Ñaûng"),
    (
        "Nguyễn Thị Hương",
        "NguyÔn ThÞ H\u{AD}¬ng",
        "Nguyeãn Thò Höông",
    ),
    (
        "Tự kiểm điểm của đảng viên",
        "Tù kiÓm ®iÓm cña ®¶ng viªn",
        "Töï kieåm ñieåm cuûa ñaûng vieân",
    ),
];

#[test]
fn sentences_both_ways_and_found() {
    for (unicode, tcvn3, vni) in SENTENCES {
        assert_eq!(to_tcvn3(unicode), tcvn3);
        assert_eq!(from_tcvn3(tcvn3), unicode);
        assert_eq!(to_vni(unicode), vni);
        assert_eq!(from_vni(vni), unicode);
        assert_eq!(
            detect(tcvn3),
            Some(Detected {
                encoding: Encoding::Tcvn3,
                text: unicode.to_string()
            }),
            "{tcvn3}"
        );
        assert_eq!(
            detect(vni),
            Some(Detected {
                encoding: Encoding::Vni,
                text: unicode.to_string()
            }),
            "{vni}"
        );
    }
}

#[test]
fn capitals_typed_in_an_h_font_are_found() {
    let found = detect("§¶NG CéNG S¶N VIÖT NAM").unwrap();
    assert_eq!(found.encoding, Encoding::Tcvn3Capitals);
    assert_eq!(found.text, "ĐẢNG CỘNG SẢN VIỆT NAM");
    let found = detect("CHI Bé TH¤N §¤NG").unwrap();
    assert_eq!(found.text, "CHI BỘ THÔN ĐÔNG");
}

#[test]
fn nothing_found_in_ordinary_text() {
    let ordinary = [
        // Vietnamese in Unicode.
        "Họ và tên",
        "Đảng Cộng sản Việt Nam",
        "Nguyễn Thị Hương",
        "Chi bộ Thôn Đông, xã Hòa Bình",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Lê Hoa",
        "Phan Thanh Tùng",
        "Hoàng Kim Lân",
        "Nguyên",
        "Tô Lâm",
        "Tôi yêu Hà Nam",
        "Lé",
        // Separate marks already composed, as the data's text always is.
        "Hòa",
        // English.
        "The Party Committee approved the report.",
        "Annual review 2024",
        "résumé, naïve, café, crème brûlée",
        // Names with Latin-1 letters.
        "José",
        "Müller",
        "façade",
        "François Dupont",
        "Zoë Noël",
        "Renée",
        "Peña Niño",
        "Björk",
        "Søren Kierkegaard",
        "Ångström",
        "São Paulo",
        "Hôtel de Ville",
        "Grüße",
        "Señor Pérez",
        "Ça va",
        // Numbers and codes.
        "12/2024",
        "0912 345 678",
        "25°C",
        "½ tháng",
        "© 2024",
        "§ 3",
        "QĐ-123/2024",
        "HD-43/BTCTW",
        "",
    ];
    for text in ordinary {
        assert_eq!(detect(text), None, "{text}");
    }
}

#[test]
fn syllables() {
    for word in [
        "họ", "và", "tên", "Đảng", "nghiêng", "giữa", "gì", "quốc", "quýt", "khuya", "nguyễn",
        "hoà", "hòa", "thuỷ", "thủy", "huỳnh", "xoong", "ĐẢNG", "Hương", "người", "yêu", "uyên",
        "kiểm", "điểm", "thành", "huỳnh", "khuếch", "oanh", "ăn", "ấy", "ở", "a", "biết", "học",
        "tập",
    ] {
        assert!(is_syllable(word), "{word}");
    }
    for word in [
        "Hä", "vµ", "tªn", "Hoï", "vaø", "teân", "đảNG", "hoà̀", "hóà", "José", "and", "ka", "ce",
        "ci", "ghe2", "bác̀", "tăp", "tập̀", "Müller", "qa", "coa", "cuỷa", "đy", "by", "quu",
        "tổnh", "ônh", "",
    ] {
        assert!(!is_syllable(word), "{word}");
    }
}

/// Words of the data, for random texts.
const WORDS: [&str; 64] = [
    "họ",
    "và",
    "tên",
    "đảng",
    "cộng",
    "sản",
    "việt",
    "nam",
    "ngày",
    "vào",
    "nguyễn",
    "thị",
    "hương",
    "chi",
    "bộ",
    "thôn",
    "xã",
    "huyện",
    "tỉnh",
    "kiểm",
    "điểm",
    "đánh",
    "giá",
    "xếp",
    "loại",
    "chất",
    "lượng",
    "hoàn",
    "thành",
    "xuất",
    "sắc",
    "nhiệm",
    "vụ",
    "tốt",
    "hạn",
    "chế",
    "khuyết",
    "nguyên",
    "nhân",
    "phấn",
    "đấu",
    "rèn",
    "luyện",
    "đạo",
    "đức",
    "lối",
    "sống",
    "trách",
    "những",
    "năm",
    "tháng",
    "được",
    "công",
    "tác",
    "học",
    "tập",
    "quyết",
    "nghị",
    "trưởng",
    "bí",
    "thư",
    "ủy",
    "viên",
    "của",
];

fn sentence() -> impl Strategy<Value = String> {
    proptest::collection::vec((0..WORDS.len(), any::<bool>()), 4..12).prop_map(|words| {
        words
            .into_iter()
            .map(|(index, capital)| {
                let word = WORDS[index];
                if capital {
                    let mut chars = word.chars();
                    let first = chars.next().unwrap();
                    first.to_uppercase().chain(chars).collect()
                } else {
                    word.to_string()
                }
            })
            .collect::<Vec<String>>()
            .join(" ")
    })
}

/// Whether every word of `legacy` that an old encoding could have written reads as a syllable.
fn readable(legacy: &str) -> bool {
    words(legacy).filter(|w| !w.is_ascii()).all(is_syllable)
}

/// `legacy` is found as `text` in `encoding`; or, when every word the encoding wrote still reads
/// as a Vietnamese syllable ("thò" is VNI's "thị" and a word of its own), it is left alone.
fn found_unless_readable(
    legacy: &str,
    encoding: Encoding,
    text: &str,
) -> Result<(), TestCaseError> {
    match detect(legacy) {
        None => prop_assert!(legacy == text || readable(legacy), "{legacy} not found"),
        Some(found) => prop_assert_eq!(
            found,
            Detected {
                encoding,
                text: text.to_string()
            }
        ),
    }
    Ok(())
}

proptest! {
    // A short text can read as Vietnamese in two encodings ("thö thò" is TCVN3's "thử thũ" and
    // VNI's "thư thị"); the texts drawn are of four words or more, from a fixed seed, so that the
    // run is the same every time.
    #![proptest_config(ProptestConfig {
        rng_seed: proptest::test_runner::RngSeed::Fixed(5712),
        ..ProptestConfig::default()
    })]

    #[test]
    fn tcvn3_found_and_converted_back(text in sentence()) {
        let legacy = to_tcvn3(&text);
        // A capital with a tone mark has no place in a normal font.
        prop_assume!(legacy.chars().all(|c| c <= '\u{FF}'));
        found_unless_readable(&legacy, Encoding::Tcvn3, &text)?;
    }

    #[test]
    fn tcvn3_capitals_found_and_converted_back(text in sentence()) {
        let text = text.to_uppercase();
        let legacy = to_tcvn3_capitals(&text);
        prop_assume!(legacy != text);
        prop_assert_eq!(from_tcvn3_capitals(&legacy), text.clone());
        // Words whose only capital is the first ("Vµ Hä") read as well in a normal font: either
        // reading is given, and the H font's is the text.
        match detect(&legacy) {
            Some(found) => {
                prop_assert!(matches!(found.encoding, Encoding::Tcvn3 | Encoding::Tcvn3Capitals));
                prop_assert_eq!(found.text.to_uppercase(), text);
            }
            None => prop_assert!(readable(&legacy), "{legacy} not found"),
        }
    }

    #[test]
    fn vni_found_and_converted_back(text in sentence()) {
        let legacy = to_vni(&text);
        found_unless_readable(&legacy, Encoding::Vni, &text)?;
    }

    #[test]
    fn unicode_vietnamese_is_never_found(text in sentence()) {
        prop_assert_eq!(detect(&text), None);
    }
}

//! User data is data: markup characters print literally, and text comes out NFC.

mod common;

use std::path::Path;

use common::*;
use unicode_normalization::UnicodeNormalization;

const HOSTILE: [&str; 8] = [
    "#read(\"/etc/passwd\")",
    "$x^2$",
    "*đậm*",
    "<b>",
    "{{ x }}",
    "]",
    "\\",
    "{% if %}",
];

fn docx_paragraphs(docx: &Path) -> String {
    docx_facts(docx).paragraphs.join("\n")
}

#[test]
fn markup_in_names_and_text_prints_literally() {
    let dir = tempfile::tempdir().unwrap();
    let data = root().join("tests/fixtures/ky-tu-dac-biet.yaml");
    let files = render_all("ca-nhan-lanh-dao", &data, dir.path());
    let pdf = &with_extension(&files, "pdf")[0];
    let docx = &with_extension(&files, "docx")[0];
    let pdf_text = pdf_text(pdf).replace('\n', " ");
    let docx_text = docx_paragraphs(docx);
    let name = r#"Lê #read("/etc/passwd") $x^2$ *đậm* <b> {{ x }} ] \ Văn"#;
    assert!(
        docx_text.contains(name),
        "DOCX lacks the literal name:\n{docx_text}"
    );
    assert!(
        pdf_text.contains(name),
        "PDF lacks the literal name:\n{pdf_text}"
    );
    let in_both = HOSTILE
        .iter()
        .map(|hostile| format!("Nội dung {hostile} giữ nguyên"))
        .chain(
            [
                "[Bí thư](http://x) `code`",
                "ĐẢNG BỘ <SỞ> #XÂY DỰNG",
                "CHI BỘ $PHÒNG$ *QUẢN LÝ*",
            ]
            .map(String::from),
        );
    for literal in in_both {
        assert!(pdf_text.contains(&literal), "PDF lacks «{literal}»");
        assert!(docx_text.contains(&literal), "DOCX lacks «{literal}»");
    }
    for literal in [
        "# không phải tiêu đề",
        "- không phải danh sách",
        "không phải khối mã",
    ] {
        assert!(pdf_text.contains(literal), "PDF lacks «{literal}»");
    }
    assert!(!pdf_text.contains("root:"), "a file was read into the PDF");
}

#[test]
fn decomposed_input_comes_out_composed() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(sample()).unwrap();
    assert_eq!(
        original,
        original.nfc().collect::<String>(),
        "the sample is NFC"
    );
    let decomposed: String = original.nfd().collect();
    assert_ne!(decomposed, original);
    let data = dir.path().join("nfd.yaml");
    std::fs::write(&data, decomposed).unwrap();
    let out = dir.path().join("ra");
    let files = render_all("ca-nhan-lanh-dao", &data, &out);
    let name = "Nguyễn Văn An";
    let nfd_name: String = name.nfd().collect();
    let pdf = files
        .iter()
        .find(|f| {
            f.to_string_lossy()
                .ends_with("nguyen-van-an_mau-02b-hd-kd-dg-2023.pdf")
        })
        .unwrap();
    let text = pdf_text(pdf);
    assert!(text.contains(name), "PDF lacks the NFC name");
    assert!(!text.contains(&nfd_name), "PDF holds NFD text");
    let docx_text = docx_paragraphs(&pdf.with_extension("docx"));
    assert!(docx_text.contains(name), "DOCX lacks the NFC name");
    assert_eq!(
        docx_text,
        docx_text.nfc().collect::<String>(),
        "DOCX holds NFD text"
    );
}

#[test]
fn a_file_saved_on_windows_gives_the_same_documents() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(sample()).unwrap();
    let windows = format!("\u{feff}{}", original.replace('\n', "\r\n"));
    let data = dir.path().join("windows.yaml");
    std::fs::write(&data, windows).unwrap();
    let from_windows = render_all("ca-nhan-lanh-dao", &data, &dir.path().join("windows"));
    let from_original = render_all("ca-nhan-lanh-dao", &sample(), &dir.path().join("goc"));
    assert_eq!(from_windows.len(), from_original.len());
    for (a, b) in from_windows.iter().zip(&from_original) {
        assert_eq!(a.file_name(), b.file_name());
        assert_eq!(
            std::fs::read(a).unwrap(),
            std::fs::read(b).unwrap(),
            "{a:?} differs"
        );
    }
}

#[test]
fn a_lone_carriage_return_is_a_line_break_and_never_code() {
    let dir = tempfile::tempdir().unwrap();
    let data = sample_with(
        dir.path(),
        "cr.yaml",
        "      giai_trinh: |\n        Không có.",
        "      giai_trinh: \"Dòng một\\r\\r    mã lệnh\\rdòng ba\"",
    );
    let out = dir.path().join("ra");
    render(
        &data,
        &out,
        &["--form", "ca-nhan-lanh-dao", "--member", "nguyen-van-an"],
    );
    let pdf = &with_extension(&files_in(&out), "pdf")[0];
    let lines: Vec<String> = pdf_lines(pdf)
        .into_iter()
        .flatten()
        .map(|line| line.text)
        .collect();
    for paragraph in ["Dòng một", "mã lệnh", "dòng ba"] {
        assert!(
            lines.iter().any(|line| line == paragraph),
            "«{paragraph}» is not a line of its own in the PDF: {lines:?}"
        );
    }
    let docx = docx_facts(&pdf.with_extension("docx")).paragraphs;
    for paragraph in ["Dòng một", "mã lệnh", "dòng ba"] {
        assert!(docx.iter().any(|p| p == paragraph), "DOCX: {docx:?}");
    }
}

#[test]
fn a_line_break_in_a_header_name_breaks_the_line_in_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = sample_with(
        dir.path(),
        "dong.yaml",
        "cap_tren: Đảng bộ Sở Xây dựng tỉnh Hải Dương",
        "cap_tren: |\n    Đảng ủy Khối\n    các cơ quan tỉnh",
    );
    let out = dir.path().join("ra");
    render(
        &data,
        &out,
        &["--form", "ca-nhan-lanh-dao", "--member", "nguyen-van-an"],
    );
    let pdf = &with_extension(&files_in(&out), "pdf")[0];
    let first_page: Vec<String> = pdf_lines(pdf)[0].iter().map(|l| l.text.clone()).collect();
    for line in ["ĐẢNG ỦY KHỐI", "CÁC CƠ QUAN TỈNH"] {
        assert!(
            first_page.contains(&line.to_string()),
            "PDF: {first_page:?}"
        );
    }
    let docx = docx_facts(&pdf.with_extension("docx")).paragraphs;
    for line in ["ĐẢNG ỦY KHỐI", "CÁC CƠ QUAN TỈNH"] {
        assert!(docx.iter().any(|p| p == line), "DOCX: {docx:?}");
    }
}

#[test]
fn text_of_every_kind_of_character_gives_well_formed_docx_parts() {
    let dir = tempfile::tempdir().unwrap();
    // Tab, no-break and zero-width spaces, a line separator, combining marks, symbols, emoji,
    // CJK, private use, a noncharacter XML allows, the replacement character, and markup.
    let text = "Tab\\there; NBSP\u{a0}ZWSP\u{200b}; dòng\u{2028}mới; a\u{301}; ①→½€№✓; 👍 中文; \u{e000}\u{fdd0}\u{fffd}; <w:t>&amp;\\\"'";
    let data = sample_with(
        dir.path(),
        "ky-tu.yaml",
        "      giai_trinh: |\n        Không có.",
        &format!("      giai_trinh: \"{text}\""),
    );
    let out = dir.path().join("ra");
    render(
        &data,
        &out,
        &["--form", "ca-nhan-lanh-dao", "--member", "nguyen-van-an"],
    );
    for docx in with_extension(&files_in(&out), "docx") {
        assert_docx_xml_parses(&docx);
        let paragraphs = docx_facts(&docx).paragraphs.join("\n");
        assert!(
            paragraphs.contains("<w:t>&amp;\"'"),
            "markup stays text: {paragraphs}"
        );
        assert!(
            paragraphs.contains("Tab here;"),
            "a tab prints as a space: {paragraphs}"
        );
    }
}

//! The sample unit rendered end to end, read back with pdftotext, pdffonts, pdfinfo, python-docx,
//! LibreOffice and an OOXML schema validator.

mod common;

use std::ffi::OsStr;
use std::path::PathBuf;

use common::*;

const FORM: &str = "ca-nhan-lanh-dao";

/// Renders every form of the sample into a fresh folder; returns the folder and the PDF and DOCX
/// files.
fn rendered() -> (tempfile::TempDir, Vec<PathBuf>, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let files = render_every_form(&sample(), dir.path());
    let pdfs = with_extension(&files, "pdf");
    let docxs = with_extension(&files, "docx");
    (dir, pdfs, docxs)
}

/// The PDF of the member whose name slug starts the file name.
fn file_of(files: &[PathBuf], slug: &str) -> PathBuf {
    files
        .iter()
        .find(|f| f.file_name().unwrap().to_string_lossy().starts_with(slug))
        .unwrap_or_else(|| panic!("no file for {slug} in {files:?}"))
        .clone()
}

#[test]
fn every_member_gets_a_pdf_and_a_docx_named_after_them() {
    let (_dir, pdfs, docxs) = rendered();
    let names = names_in(&sample());
    assert!(names.len() >= 8, "the sample has at least 8 members");
    // One personal form each, and the unit's own documents.
    assert_eq!(pdfs.len(), documents_of(&sample()));
    assert_eq!(docxs.len(), documents_of(&sample()));
    for (person, file) in [
        (
            "nguyen-van-an_mau",
            "nguyen-van-an_mau-02b-hd-kd-dg-2023.pdf",
        ),
        ("nguyen-van-an_neu", "nguyen-van-an_neu-guong.pdf"),
        ("vu-duc-thang_", "vu-duc-thang_mau-02a-hd-kd-dg-2023.pdf"),
        (
            "chi-bo-phong-quan-ly-xay-dung_mau",
            "chi-bo-phong-quan-ly-xay-dung_mau-01-hd-kd-dg-2023.pdf",
        ),
    ] {
        assert_eq!(
            file_of(&pdfs, person).file_name().unwrap(),
            OsStr::new(file)
        );
    }
}

#[test]
fn pdfs_carry_names_with_diacritics_and_the_sections_in_order() {
    let (_dir, pdfs, _) = rendered();
    let names = names_in(&sample());
    let sections = [
        "I. Ưu điểm, kết quả đạt được",
        "II. Hạn chế, khuyết điểm và nguyên nhân",
        "III. Kết quả khắc phục những hạn chế, khuyết điểm",
        "IV. Giải trình những vấn đề được gợi ý kiểm điểm",
        "V. Làm rõ trách nhiệm của cá nhân",
        "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
        "VII. Tự nhận mức xếp loại chất lượng",
        "NGƯỜI TỰ KIỂM ĐIỂM",
        "ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
        "T/M CHI ỦY",
    ];
    let mut authors = Vec::new();
    let personal = pdfs.iter().filter(|pdf| {
        let name = pdf.to_string_lossy();
        name.contains("_mau-") && !name.contains("_mau-01-")
    });
    for pdf in personal {
        let name = pdf_author(pdf);
        assert!(
            names.contains(&name),
            "{pdf:?} is by {name}, who is not in the sample"
        );
        let text = pdf_text(pdf);
        let flat = text.replace('\n', " ");
        assert!(flat.contains(&name), "{pdf:?} lacks the name {name}");
        authors.push(name);
        for fixed in [
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "BẢN KIỂM ĐIỂM CÁ NHÂN",
            "HD KĐ.ĐG 2023",
        ] {
            assert!(flat.contains(fixed), "{pdf:?} lacks {fixed}");
        }
        let mut from = 0;
        for section in sections {
            let at = flat[from..]
                .find(section)
                .unwrap_or_else(|| panic!("{pdf:?}: «{section}» missing or out of order"));
            from += at + section.len();
        }
    }
    let (mut authors, mut names) = (authors, names);
    authors.sort();
    names.sort();
    assert_eq!(authors, names, "one PDF for every member");
}

#[test]
fn the_date_line_follows_the_official_form() {
    let (_dir, pdfs, _) = rendered();
    let text = pdf_text(&file_of(&pdfs, "nguyen-van-an_"));
    // ngay_ky: 2024-12-02, dia_danh: Hải Dương; birth date 1972-03-12.
    assert!(
        text.contains("Hải Dương, ngày 02 tháng 12 năm 2024"),
        "{text}"
    );
    assert!(text.contains("Ngày sinh: 12/03/1972"), "{text}");
}

#[test]
fn pdfs_are_a4_dated_from_the_data_and_embed_every_font() {
    let (_dir, pdfs, _) = rendered();
    let mut authors = names_in(&sample());
    authors.push("Chi bộ Phòng Quản lý xây dựng".to_string());
    for pdf in &pdfs {
        let info = tool("pdfinfo", [pdf]);
        assert!(
            info.contains("595.276 x 841.89 pts (A4)"),
            "{pdf:?}: {info}"
        );
        assert!(authors.contains(&pdf_author(pdf)), "{pdf:?}: {info}");
        let created = info
            .lines()
            .find(|l| l.starts_with("CreationDate:"))
            .unwrap_or_default();
        assert!(
            created.contains("Dec") && created.ends_with("2024 UTC"),
            "{pdf:?}: {created}"
        );
        let fonts = tool("pdffonts", [pdf]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{pdf:?} names no font");
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            let embedded = columns[columns.len() - 5];
            assert_eq!(embedded, "yes", "{pdf:?}: font not embedded: {row}");
            assert!(
                row.contains("LiberationSerif"),
                "{pdf:?}: unexpected font {row}"
            );
        }
    }
}

#[test]
fn docx_text_equals_pdf_text_and_the_page_is_set_up_as_the_pdf() {
    let (_dir, pdfs, docxs) = rendered();
    for (pdf, docx) in pdfs.iter().zip(&docxs) {
        assert_eq!(pdf.file_stem(), docx.file_stem());
        let name = &pdf_author(pdf);
        let facts = docx_facts(docx);
        let docx_text = comparable(&facts.paragraphs.join("\n"));
        // The PDF prints a table's header row again on each page the table runs onto; the DOCX
        // holds it once, marked to repeat.
        let mut pdf_text = comparable(&pdf_body_text(pdf));
        for header in &facts.header_rows {
            let header = comparable(header);
            if let Some(first) = pdf_text.find(&header) {
                let after = first + header.len();
                pdf_text = format!(
                    "{}{}",
                    &pdf_text[..after],
                    pdf_text[after..].replace(&header, "")
                );
            }
        }
        // Up to the first table the text reads in the same order; within a ruled table
        // pdftotext reads the lines of wrapped cells across the row, so from there on the
        // characters are compared, not their order.
        let table_at = |text: &str| {
            facts
                .header_rows
                .first()
                .and_then(|header| text.find(&comparable(header)))
                .unwrap_or(text.len())
        };
        let (docx_text, docx_tables) = docx_text.split_at(table_at(&docx_text));
        let (pdf_text, pdf_tables) = pdf_text.split_at(table_at(&pdf_text));
        let sorted = |text: &str| {
            let mut chars: Vec<char> = text.chars().collect();
            chars.sort_unstable();
            chars
        };
        assert!(
            sorted(docx_tables) == sorted(pdf_tables),
            "{docx:?}: DOCX and PDF differ from the first table on:\n docx: {docx_tables}\n  pdf: {pdf_tables}"
        );
        if docx_text != pdf_text {
            let at = docx_text
                .chars()
                .zip(pdf_text.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let around = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(30))
                    .take(80)
                    .collect::<String>()
            };
            panic!(
                "{docx:?}: DOCX and PDF text differ at character {at}:\n docx: {}\n  pdf: {}",
                around(docx_text),
                around(pdf_text)
            );
        }
        let p = &facts.page;
        let close = |a: f64, b: f64| (a - b).abs() < 0.2;
        assert!(
            close(p.width_mm, 210.0) && close(p.height_mm, 297.0),
            "{docx:?} not A4"
        );
        assert!(
            close(p.top_mm, 20.0)
                && close(p.bottom_mm, 20.0)
                && close(p.left_mm, 30.0)
                && close(p.right_mm, 15.0),
            "{docx:?} margins"
        );
        assert!(
            facts.title.contains(name.as_str()),
            "{docx:?} title {}",
            facts.title
        );
        assert_eq!(&facts.author, name);
        assert!(
            facts.created.starts_with("2024-12-0"),
            "{docx:?} created {}",
            facts.created
        );
        assert_eq!(facts.language.as_deref(), Some("vi-VN"));
        assert_eq!(facts.fonts, vec!["Times New Roman"]);
    }
}

#[test]
fn docx_files_are_valid_ooxml() {
    let (_dir, _, docxs) = rendered();
    let auditor = python().with_file_name("openxml-audit");
    for docx in &docxs {
        let report = tool(
            auditor.to_str().unwrap(),
            [OsStr::new("-m"), OsStr::new("0"), docx.as_os_str()],
        );
        assert!(report.contains("Errors: 0"), "{docx:?}:\n{report}");
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let (_a, first_pdfs, first_docxs) = rendered();
    let (_b, second_pdfs, second_docxs) = rendered();
    for (first, second) in first_pdfs
        .iter()
        .chain(&first_docxs)
        .zip(second_pdfs.iter().chain(&second_docxs))
    {
        assert_eq!(
            std::fs::read(first).unwrap(),
            std::fs::read(second).unwrap(),
            "{first:?} differs between two runs"
        );
    }
}

#[test]
fn one_format_writes_only_that_format() {
    for (format, extension) in [("pdf", "pdf"), ("docx", "docx")] {
        let dir = tempfile::tempdir().unwrap();
        let files = render(
            &sample(),
            dir.path(),
            &[
                "--form",
                FORM,
                "--member",
                "nguyen-van-an",
                "--member",
                "ngo-thi-mai",
                "--format",
                format,
            ],
        );
        let names: Vec<String> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            vec![
                format!("ngo-thi-mai_mau-02b-hd-kd-dg-2023.{extension}"),
                format!("nguyen-van-an_mau-02b-hd-kd-dg-2023.{extension}"),
            ]
        );
    }
}

//! Archival output end to end: `--pdf-a` (or `pdf_a: true` in the unit file) makes every PDF a
//! command writes PDF/A-2b, the packet's print file included, as pikepdf (qpdf) reads them; the
//! same input gives the same bytes.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// What pikepdf reads of a PDF's archival conformance (tests/tools/pdf_archive_facts.py).
fn archive_facts(pdf: &Path) -> Value {
    let script = root().join("tests/tools/pdf_archive_facts.py");
    serde_json::from_str(&tool(python().to_str().unwrap(), [script.as_path(), pdf])).unwrap()
}

/// The blend modes PDF/A-2 allows (ISO 19005-2, 6.2.10.4).
const BLEND_MODES: [&str; 17] = [
    "/Normal",
    "/Compatible",
    "/Multiply",
    "/Screen",
    "/Overlay",
    "/Darken",
    "/Lighten",
    "/ColorDodge",
    "/ColorBurn",
    "/HardLight",
    "/SoftLight",
    "/Difference",
    "/Exclusion",
    "/Hue",
    "/Saturation",
    "/Color",
    "/Luminosity",
];

/// Asserts that `pdf` is PDF/A-2b by everything a reader can see without a validator: the XMP
/// identification, the sRGB output intent, the language, the document information agreeing with
/// the XMP, every font embedded (pdffonts too), and nothing PDF/A-2b forbids.
fn assert_pdf_a_2b(pdf: &Path, title_has: &str) {
    let facts = archive_facts(pdf);
    let name = pdf.display();
    assert_eq!(facts["pdfaid_part"], "2", "{name}: {facts}");
    assert_eq!(facts["pdfaid_conformance"], "B", "{name}: {facts}");
    assert_eq!(
        facts["output_intents"],
        serde_json::json!([{"subtype": "/GTS_PDFA1", "profile_components": 3}]),
        "{name}"
    );
    assert_eq!(facts["lang"], "vi", "{name}");
    assert_eq!(facts["xmp_title"], facts["info_title"], "{name}");
    assert!(
        facts["info_title"].as_str().unwrap().contains(title_has),
        "{name}: {facts}"
    );
    assert_eq!(facts["xmp_creator"][0], facts["info_author"], "{name}");
    assert!(facts["xmp_create_date"].as_str().unwrap().len() >= 10);
    assert!(facts["trailer_id"].as_bool().unwrap(), "{name}");
    for forbidden in ["encrypted", "javascript", "embedded_files", "lzw"] {
        assert_eq!(facts[forbidden], false, "{name}: {forbidden}");
    }
    assert!(facts["font_count"].as_u64().unwrap() > 0, "{name}");
    // Transparency only with the blend modes PDF/A-2 names; a group without its own colour
    // space blends in the output intent's.
    for mode in facts["blend_modes"].as_array().unwrap() {
        assert!(
            BLEND_MODES.contains(&mode.as_str().unwrap()),
            "{name}: {mode}"
        );
    }
    assert!(
        facts["groups_without_colour_space"].as_u64().unwrap() == 0
            || !facts["output_intents"].as_array().unwrap().is_empty()
    );
    assert_eq!(facts["unembedded_fonts"], serde_json::json!([]), "{name}");
    let fonts = tool("pdffonts", [pdf]);
    for line in fonts.lines().skip(2) {
        let columns: Vec<&str> = line.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "{name}: {line}");
    }
}

#[test]
fn packet_with_pdf_a_writes_every_pdf_and_the_print_file_as_pdf_a_2b_byte_for_byte_again() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second, plain) = (
        dir.path().join("1"),
        dir.path().join("2"),
        dir.path().join("thuong"),
    );
    for out in [&first, &second] {
        let output = hoso([
            "packet".as_ref(),
            "--pdf-a".as_ref(),
            sample_2026().as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert!(output.status.success(), "{output:?}");
    }
    let files = folder_contents(&first);
    let pdfs: Vec<&String> = files
        .iter()
        .map(|(path, _)| path)
        .filter(|path| path.ends_with(".pdf"))
        .collect();
    assert_eq!(pdfs.len(), documents_of(&sample_2026()) + 2, "{pdfs:?}");
    for pdf in &pdfs {
        let title_has = if pdf.ends_with("ho-so-de-in.pdf") {
            "Hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm 2026"
        } else {
            "năm 2026"
        };
        assert_pdf_a_2b(&first.join(pdf.as_str()), title_has);
    }
    assert_eq!(
        files,
        folder_contents(&second),
        "the same input gave different bytes"
    );

    // Without the flag, the same packet is plain PDF: the check above can tell them apart.
    let output = hoso([
        "packet".as_ref(),
        sample_2026().as_os_str(),
        "-o".as_ref(),
        plain.as_os_str(),
    ]);
    assert!(output.status.success());
    for pdf in [plain.join("ho-so-de-in.pdf"), plain.join(pdfs[0].as_str())] {
        let facts = archive_facts(&pdf);
        assert_eq!(facts["pdfaid_part"], Value::Null, "{}", pdf.display());
        assert_eq!(facts["output_intents"], serde_json::json!([]));
    }
}

#[test]
fn pdf_a_set_in_the_unit_file_applies_to_render_and_the_roll_up_flag_to_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = edited(
        &sample_2026(),
        dir.path(),
        "luu-tru.yaml",
        "nam: 2026\n",
        "nam: 2026\n\n# Lưu trữ: mọi tệp PDF theo chuẩn PDF/A-2b.\npdf_a: true\n",
    );
    let out = dir.path().join("in");
    let files = render(&data, &out, &["--form", "bien-ban"]);
    let pdf = with_extension(&files, "pdf");
    assert_eq!(pdf.len(), 1);
    assert_pdf_a_2b(&pdf[0], "Biên bản");
    assert_eq!(
        pdf_author(&pdf[0]),
        "Chi bộ Phòng Quản lý chất lượng công trình"
    );

    let report = dir.path().join("tong-hop");
    rollup_by_sample_committee(&sample_2026(), &report, &["--pdf-a"]);
    assert_pdf_a_2b(&report.join("tong-hop.pdf"), "năm 2026");
}

/// The sample copy order (`data-samples/ban-sao.yaml`).
fn order() -> PathBuf {
    root().join("data-samples/ban-sao.yaml")
}

/// The value of `key` in the sample copy order, as written on its line.
fn order_value(key: &str) -> String {
    let text = std::fs::read_to_string(order()).unwrap();
    text.lines()
        .find_map(|line| line.trim_start().strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("ban-sao.yaml has no «{key}»"))
        .trim()
        .to_string()
}

/// The recipients of the sample copy order, as listed.
fn order_recipients() -> Vec<String> {
    let text = std::fs::read_to_string(order()).unwrap();
    text.split("noi_nhan:")
        .nth(1)
        .unwrap()
        .lines()
        .filter_map(|line| line.trim().strip_prefix("- "))
        .map(str::to_string)
        .collect()
}

/// The copy block of copy `number` of the sample order as its two columns read, each in its
/// order: the organisation's side with the nơi nhận, and the form's side with the signature.
fn block_columns(number: u32, form: &str) -> (Vec<String>, Vec<String>) {
    let date = order_value("ngay");
    let (year, rest) = date.split_once('-').unwrap();
    let (month, day) = rest.split_once('-').unwrap();
    let mut left = vec![
        order_value("cap_tren").to_uppercase(),
        order_value("ten").to_uppercase(),
        format!("Số {number:02}-BS/{}", order_value("ky_hieu")),
        "Nơi nhận:".to_string(),
    ];
    left.extend(order_recipients());
    let right = vec![
        form.to_string(),
        format!(
            "{}, ngày {day} tháng {month} năm {year}",
            order_value("dia_danh")
        ),
        order_value("quyen_han").to_uppercase(),
        order_value("chuc_vu").to_uppercase(),
        order_value("ho_ten"),
    ];
    (left, right)
}

/// Runs `hoso copy --ban-sao <sample order> ARGS…`.
fn copy(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let mut all: Vec<&std::ffi::OsStr> = vec!["copy".as_ref(), "--ban-sao".as_ref()];
    let order = order();
    all.push(order.as_os_str());
    all.extend_from_slice(args);
    hoso(all)
}

/// The page of `pdf` (from 1) that holds `needle`, by pdftotext.
fn page_of(pdf: &Path, needle: &str) -> usize {
    1 + page_texts(pdf)
        .iter()
        .position(|page| page.contains(needle))
        .unwrap_or_else(|| panic!("{}: no «{needle}»", pdf.display()))
}

/// The text of each page of `pdf` (pdftotext), on one line each.
fn page_texts(pdf: &Path) -> Vec<String> {
    let text = pdf_text(pdf).replace('\u{a0}', " ");
    let mut pages: Vec<String> = text
        .split('\u{c}')
        .map(|page| page.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    pages
}

/// Each page's content streams (tests/tools/pdf_page_streams.py): their digests in order.
fn page_streams(pdf: &Path) -> Vec<Vec<String>> {
    let script = root().join("tests/tools/pdf_page_streams.py");
    serde_json::from_str(&tool(python().to_str().unwrap(), [script.as_path(), pdf])).unwrap()
}

#[test]
fn copies_of_hoso_forms_follow_the_original_with_the_copy_block_numbered_one_after_another() {
    let dir = tempfile::tempdir().unwrap();
    let members = ["do-van-hai", "nguyen-thi-lan"];
    let originals = render(
        &sample_2026(),
        &dir.path().join("goc"),
        &[
            "--form", "ca-nhan", "--member", members[0], "--member", members[1],
        ],
    );
    let mut runs = Vec::new();
    for run in ["1", "2"] {
        let out = dir.path().join(run);
        let output = copy(&[
            "--form".as_ref(),
            "ca-nhan".as_ref(),
            "--member".as_ref(),
            members[0].as_ref(),
            "--member".as_ref(),
            members[1].as_ref(),
            sample_2026().as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert!(output.status.success(), "{output:?}");
        runs.push(out);
    }
    assert_eq!(
        folder_contents(&runs[0]),
        folder_contents(&runs[1]),
        "same input, same bytes"
    );

    let first: u32 = order_value("so").parse().unwrap();
    let originals = with_extension(&originals, "pdf");
    assert_eq!(originals.len(), 2);
    for (number, original) in (first..).zip(&originals) {
        let name = original.file_name().unwrap().to_string_lossy();
        let pdf = runs[0].join(format!("ban-sao-{number:03}_{name}"));
        let what = pdf.display().to_string();
        // The original's text, then the block, each column in its order.
        let text = flat_body_text(&pdf);
        let original_text = flat_body_text(original);
        assert!(text.starts_with(&original_text), "{what}:\n{text}");
        let block = &text[original_text.len()..];
        let (left, right) = block_columns(number, "SAO LỤC");
        in_order(&what, block, &left);
        in_order(&what, block, &right);
        // On the original's last page when it fits, else whole at the top of the next.
        let (pages, original_pages) = (pdf_pages(&pdf), pdf_pages(original));
        assert!(
            pages == original_pages || pages == original_pages + 1,
            "{what}: {pages} pages"
        );
        for needle in left.iter().chain(&right) {
            assert_eq!(page_of(&pdf, needle), pages, "{what}: «{needle}»");
        }
        if pages > original_pages {
            let last_page = &pdf_lines(&pdf)[pages - 1];
            assert_eq!(
                last_page[1].text, left[0],
                "{what}: the block heads the new page"
            );
        }
        assert_pdf_a_2b(&pdf, &format!("Bản sao lục số {number:02}"));
        assert_eq!(pdf_author(&pdf), order_value("ten"));
        // The DOCX carries the same block after the original's paragraphs.
        let docx = docx_facts(&pdf.with_extension("docx"));
        let paragraphs = docx.paragraphs.join("\n");
        let original_docx = docx_facts(&original.with_extension("docx"))
            .paragraphs
            .join("\n");
        assert!(paragraphs.starts_with(&original_docx), "{what}");
        in_order(&what, &paragraphs[original_docx.len()..], &left);
        in_order(&what, &paragraphs[original_docx.len()..], &right);
        assert_eq!(docx.author, order_value("ten"));
    }
}

#[test]
fn a_trich_sao_copies_the_sections_chosen_under_their_part_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let original = render(
        &sample_2026(),
        &dir.path().join("goc"),
        &["--form", "tap-the"],
    );
    let original = &with_extension(&original, "pdf")[0];
    let out = dir.path().join("trich");
    let output = copy(&[
        "--hinh-thuc".as_ref(),
        "trich_sao".as_ref(),
        "--muc".as_ref(),
        "a.iv,A.II".as_ref(),
        "--so".as_ref(),
        "40".as_ref(),
        "--form".as_ref(),
        "tap-the".as_ref(),
        sample_2026().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let pdf = &with_extension(&files_in(&out), "pdf")[0];
    assert!(
        pdf.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("ban-sao-040_")
    );
    let text = flat_body_text(pdf);
    let whole = flat_body_text(original);
    // Each section as the original prints it: from its heading to the next one's.
    let section = |from: &str, to: &str| {
        let start = whole.find(from).unwrap();
        let end = start + whole[start..].find(to).unwrap();
        whole[start..end].to_string()
    };
    let part_a = "A. NỘI DUNG KIỂM ĐIỂM";
    let two = section("II. Hạn chế, khuyết điểm", "III. Kết quả khắc phục");
    let four = section("IV. Giải trình", "V. Trách nhiệm");
    in_order(
        pdf.to_str().unwrap(),
        &text,
        &[part_a, two.trim(), four.trim()],
    );
    for left_out in [
        "I. Ưu điểm",
        "III. Kết quả khắc phục",
        "VI. Phương hướng",
        "B. NỘI DUNG",
    ] {
        assert!(
            !text.contains(left_out),
            "«{left_out}» was not chosen:\n{text}"
        );
    }
    // The original's closing signature (before its annex of tasks, which is not copied), then
    // the block that says what was copied.
    let body = whole.split("PHỤ LỤC").next().unwrap();
    let closing = &body[body.rfind("T/M").unwrap()..];
    let (left, mut right) = block_columns(40, "TRÍCH SAO");
    right.insert(2, "(Trích: mục A.II, mục A.IV)".to_string());
    let block = &text[text.find(closing).unwrap() + closing.len()..];
    in_order(pdf.to_str().unwrap(), block, &left);
    in_order(pdf.to_str().unwrap(), block, &right);

    // A section the original does not have: the numbers there are, exit 1, nothing written.
    let none = dir.path().join("khong-co");
    let output = copy(&[
        "--hinh-thuc".as_ref(),
        "trich_sao".as_ref(),
        "--muc".as_ref(),
        "A.IX".as_ref(),
        "--form".as_ref(),
        "tap-the".as_ref(),
        sample_2026().as_os_str(),
        "-o".as_ref(),
        none.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("không có mục «A.IX»"), "{stderr}");
    assert!(stderr.contains("A.I, A.I.1"), "{stderr}");
    assert!(!none.exists());
    // Sections are for a trích sao only.
    let output = copy(&[
        "--muc".as_ref(),
        "A.II".as_ref(),
        "--form".as_ref(),
        "tap-the".as_ref(),
        sample_2026().as_os_str(),
        "-o".as_ref(),
        none.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(!none.exists());
}

#[test]
fn a_copy_of_an_existing_pdf_keeps_its_pages_and_adds_the_block_on_its_own_page_or_at_the_foot() {
    let dir = tempfile::tempdir().unwrap();
    // Originals made by other tools: LibreOffice's PDF of a DOCX, and a page inked to its foot.
    let docx = render(
        &sample_2026(),
        &dir.path().join("docx"),
        &[
            "--form",
            "ca-nhan",
            "--member",
            "do-van-hai",
            "--format",
            "docx",
        ],
    );
    let scan = libreoffice_pdfs(&docx, &dir.path().join("lo"))[0].clone();
    let full = dir.path().join("kin-trang.pdf");
    let script = root().join("tests/tools/pdf_full_page.py");
    tool(
        python().to_str().unwrap(),
        [script.as_path(), full.as_path()],
    );
    let original_streams = page_streams(&scan);
    let first: u32 = order_value("so").parse().unwrap();
    // The copy numbered `number` in `dir`: the one PDF whose name starts with its number.
    let numbered = |dir: &Path, number: u32| {
        let prefix = format!("ban-sao-{number:03}_");
        let found: Vec<PathBuf> = with_extension(&files_in(dir), "pdf")
            .into_iter()
            .filter(|f| {
                f.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&prefix)
            })
            .collect();
        assert_eq!(found.len(), 1, "{prefix} in {}", dir.display());
        found[0].clone()
    };

    // On a page of its own, numbered one after another.
    let out = dir.path().join("rieng");
    let output = copy(&[
        scan.as_os_str(),
        full.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(files_in(&out).len(), 2, "one PDF per original");
    let copied = numbered(&out, first);
    let streams = page_streams(&copied);
    assert_eq!(streams.len(), original_streams.len() + 1);
    assert_eq!(
        streams[..original_streams.len()],
        original_streams[..],
        "pages unchanged"
    );
    let (left, right) = block_columns(first, "SAO LỤC");
    // The original's text on its pages, unchanged; the block alone on the last.
    let texts = page_texts(&copied);
    assert_eq!(texts[..texts.len() - 1], page_texts(&scan)[..]);
    let last = texts.last().unwrap();
    in_order("trang bản sao", last, &left);
    in_order("trang bản sao", last, &right);
    assert_pdf_a_2b(&copied, "Bản sao lục số");
    let second = numbered(&out, first + 1);
    assert_eq!(page_streams(&second).len(), 2);

    // At the foot of the last page: the same pages, the last one's streams kept in order.
    let foot = dir.path().join("cuoi-trang");
    let output = copy(&[
        "--cuoi-trang".as_ref(),
        scan.as_os_str(),
        full.as_os_str(),
        "-o".as_ref(),
        foot.as_os_str(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(full.to_str().unwrap()) && stderr.contains("trang riêng"),
        "the full page's block takes a page of its own, and the user is told: {stderr}"
    );
    let copied = numbered(&foot, first);
    let streams = page_streams(&copied);
    let n = original_streams.len();
    assert_eq!(streams.len(), n, "no page added");
    assert_eq!(streams[..n - 1], original_streams[..n - 1]);
    let kept = &original_streams[n - 1];
    let at = streams[n - 1]
        .windows(kept.len())
        .position(|w| w == &kept[..])
        .expect("the last page's own streams, in order");
    assert!(at > 0 && at + kept.len() < streams[n - 1].len());
    // The block under the original's last line, never over it.
    let original_last = pdf_lines(&scan).pop().unwrap();
    let lowest = original_last.iter().map(|l| l.baseline).fold(0.0, f64::max);
    let page = pdf_lines(&copied).pop().unwrap();
    let block_top = page
        .iter()
        .find(|l| l.text == right[0])
        .expect("the block on the last page")
        .baseline;
    assert!(block_top > lowest + 12.0, "{block_top} under {lowest}");
    assert_eq!(page_streams(&numbered(&foot, first + 1)).len(), 2);
    assert_pdf_a_2b(&copied, "Bản sao lục số");

    // Same input, same bytes.
    let again = dir.path().join("lai");
    let output = copy(&[
        "--cuoi-trang".as_ref(),
        scan.as_os_str(),
        full.as_os_str(),
        "-o".as_ref(),
        again.as_os_str(),
    ]);
    assert!(output.status.success());
    assert_eq!(folder_contents(&foot), folder_contents(&again));

    // No trích sao of a PDF, and a file that is not one: exit 1, nothing written.
    let refused = dir.path().join("khong");
    let output = copy(&[
        "--hinh-thuc".as_ref(),
        "trich_sao".as_ref(),
        "--muc".as_ref(),
        "II".as_ref(),
        scan.as_os_str(),
        "-o".as_ref(),
        refused.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let fake = dir.path().join("gia.pdf");
    std::fs::write(&fake, "không phải PDF").unwrap();
    let output = copy(&[
        scan.as_os_str(),
        fake.as_os_str(),
        "-o".as_ref(),
        refused.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("gia.pdf") && stderr.contains("không phải là PDF"),
        "{stderr}"
    );
    assert!(!refused.exists(), "every copy or none");
}

#[test]
fn a_wrong_copy_order_is_refused_at_its_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let wrong = edited(
        &order(),
        dir.path(),
        "ban-sao.yaml",
        "ngay: 2026-12-28",
        "ngay: 2026-02-30",
    );
    let out = dir.path().join("ra");
    let output = hoso([
        "copy".as_ref(),
        "--ban-sao".as_ref(),
        wrong.as_os_str(),
        "--form".as_ref(),
        "tap-the".as_ref(),
        sample_2026().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let line = std::fs::read_to_string(&wrong)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("ngay:"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("ban-sao.yaml:{line}:")),
        "{stderr}"
    );
    assert!(stderr.contains("ngay"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn copy_pages_match_their_reference_images() {
    let dir = tempfile::tempdir().unwrap();
    // A copy of a hoso form: its last page, with the block under the original's signature.
    let out = dir.path().join("mau");
    let output = copy(&[
        "--form".as_ref(),
        "ca-nhan".as_ref(),
        "--member".as_ref(),
        "do-van-hai".as_ref(),
        sample_2026().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let form_copy = &with_extension(&files_in(&out), "pdf")[0];
    let pages = u32::try_from(pdf_pages(form_copy)).unwrap();
    // A copy of an existing PDF (a form printed earlier), the block at the foot of its last page.
    let original = render(
        &sample_2026(),
        &dir.path().join("goc"),
        &["--form", "bien-ban", "--format", "pdf"],
    );
    let foot = dir.path().join("cuoi-trang");
    let output = copy(&[
        "--cuoi-trang".as_ref(),
        original[0].as_os_str(),
        "-o".as_ref(),
        foot.as_os_str(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let pdf_copy = &with_extension(&files_in(&foot), "pdf")[0];
    let last = u32::try_from(pdf_pages(pdf_copy)).unwrap();
    assert_eq!(
        last as usize,
        pdf_pages(&original[0]),
        "the block on the last page"
    );
    let results = [
        page_image_matches(form_copy, pages, "ban-sao-ca-nhan-2025"),
        page_image_matches(pdf_copy, last, "ban-sao-pdf-cuoi-trang"),
    ];
    let failed: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

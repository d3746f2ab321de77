//! Documents a clerk hands in as printed: the forms' own words, the personal lines apart, read
//! back from both the PDF (pdftotext, PyMuPDF) and the DOCX (python-docx).

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The packet of `data` written into `out`; returns its files, sorted.
fn packet(data: &Path, out: &Path) -> Vec<PathBuf> {
    let output = hoso([
        "packet".as_ref(),
        data.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(output.status.success(), "{output:?}");
    walk(out)
}

/// Every file under `dir`, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    folder_contents(dir)
        .into_iter()
        .map(|(name, _)| dir.join(name))
        .collect()
}

/// The PDF of `files` whose name contains `part`.
fn pdf_with(files: &[PathBuf], part: &str) -> PathBuf {
    files
        .iter()
        .find(|f| {
            let name = f.file_name().unwrap().to_string_lossy();
            name.contains(part) && name.ends_with(".pdf")
        })
        .unwrap_or_else(|| panic!("no PDF named …{part}… in {files:?}"))
        .clone()
}

/// The text of a document as each format holds it, on one line with single spaces: the PDF's
/// body text (without page numbers), and the DOCX's paragraphs as python-docx reads them.
fn both_texts(pdf: &Path) -> [(String, String); 2] {
    let docx = docx_facts(&pdf.with_extension("docx")).paragraphs.join(" ");
    [
        (format!("{pdf:?}"), flat_body_text(pdf)),
        (
            format!("{:?}", pdf.with_extension("docx")),
            docx.split_whitespace().collect::<Vec<_>>().join(" "),
        ),
    ]
}

/// Panics unless `needle` is in the text of both formats of `pdf`.
fn in_both(pdf: &Path, needle: &str) {
    for (what, text) in both_texts(pdf) {
        assert!(text.contains(needle), "{what} lacks «{needle}»:\n{text}");
    }
}

/// Panics if `needle` is in the text of either format of `pdf`.
fn in_neither(pdf: &Path, needle: &str) {
    for (what, text) in both_texts(pdf) {
        assert!(!text.contains(needle), "{what} has «{needle}»");
    }
}

#[test]
fn the_2025_report_prints_its_items_and_instructions_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let files = packet(&sample_2026(), dir.path());
    let report = pdf_with(&files, "_mau-01-");
    for needle in [
        // I.3 in full (HD 43-HD/BTCTW, Mẫu 01).
        "xây dựng tổ chức bộ máy tinh gọn, hoạt động hiệu năng, hiệu lực, hiệu quả; tinh giản biên chế gắn với cải cách hành chính và chuyển đổi số;",
        "\"tự chuyển hoá\" trong nội bộ gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; công tác kiểm soát quyền lực, phòng, chống chạy chức, chạy quyền, lợi ích nhóm;",
        "kỷ luật đảng và công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh của tổ chức, cá nhân.",
        // The instruction lines of IV and V.
        "Giải trình từng vấn đề được gợi ý kiểm điểm, nêu nguyên nhân, xác định trách nhiệm của tập thể, cá nhân",
        "Về hạn chế, khuyết điểm trong thực hiện nhiệm vụ hoặc khi có dấu hiệu vi phạm;",
        "- Hạn chế, khuyết điểm.",
        "Phụ lục 1, Quy định 366-QĐ/TW, các tập thể tự đánh giá",
    ] {
        in_both(&report, needle);
    }
    for pdf in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
    {
        if !pdf.ends_with("ho-so-de-in.pdf") {
            in_neither(pdf, "Quy định số 366");
        }
    }
}

#[test]
fn the_2023_report_words_its_items_as_quy_dinh_124_does() {
    let dir = tempfile::tempdir().unwrap();
    let files = packet(&sample(), dir.path());
    let report = pdf_with(&files, "_mau-01-");
    in_both(
        &report,
        "2. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được đề ra trong nghị quyết đại hội, kế hoạch, chương trình công tác năm được cấp có thẩm quyền giao, phê duyệt.",
    );
    in_both(
        &report,
        "phong cách Hồ Chí Minh; công tác kiểm tra, giám sát, kỷ luật đảng và giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh của tổ chức, cá nhân.",
    );
    in_both(
        &report,
        "4. Trách nhiệm của tập thể lãnh đạo, quản lý trong thực hiện nhiệm vụ chính trị",
    );
    in_neither(&report, "phát sinh, đột xuất");
    in_neither(&report, "bộ máy tinh gọn");
}

#[test]
fn the_workplace_and_the_chi_bo_stand_on_lines_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut pdfs = Vec::new();
    for (index, data) in [sample(), sample_2026()].iter().enumerate() {
        let files = packet(data, &dir.path().join(index.to_string()));
        pdfs.extend(files.into_iter().filter(|f| {
            f.extension().is_some_and(|e| e == "pdf") && f.to_string_lossy().contains("dang-vien")
        }));
    }
    assert!(pdfs.len() > 10, "{pdfs:?}");
    for pdf in &pdfs {
        let first_page = &pdf_lines(pdf)[0];
        let workplace = first_page
            .iter()
            .find(|line| line.text.starts_with("Đơn vị công tác:"))
            .unwrap_or_else(|| panic!("{pdf:?}: no workplace line"));
        assert!(
            !workplace.text.contains("Chi bộ"),
            "{pdf:?}: «{}»",
            workplace.text
        );
        assert!(
            first_page
                .iter()
                .any(|line| line.text.starts_with("Chi bộ ")),
            "{pdf:?}: no line of the chi bộ"
        );
        let paragraphs: Vec<String> = docx_facts(&pdf.with_extension("docx"))
            .paragraphs
            .iter()
            .map(|p| p.replace('\u{a0}', " "))
            .collect();
        let workplace = paragraphs
            .iter()
            .find(|p| p.starts_with("Đơn vị công tác:"))
            .unwrap_or_else(|| panic!("{pdf:?}: no workplace paragraph in the DOCX"));
        assert!(!workplace.contains("Chi bộ"), "{pdf:?}: «{workplace}»");
        assert!(paragraphs.iter().any(|p| p.starts_with("Chi bộ ")));
    }
}

#[test]
fn the_minutes_open_as_hd_16_lays_them_out() {
    let dir = tempfile::tempdir().unwrap();
    let files = packet(&sample_2026(), &dir.path().join("mau"));
    let minutes = pdf_with(&files, "_bien-ban");
    for needle in [
        "- Người ghi biên bản: Nguyễn Thị Lan, Chi ủy viên",
        "- Tài liệu sử dụng trong hội nghị: Báo cáo số 18-BC/CB kiểm điểm, tự đánh giá, xếp loại chất lượng của tập thể năm 2026; bản kiểm điểm của các đảng viên.",
        "- Thông tin khác (nếu có):",
        "1.1. Đại biểu chính thức",
        "1.2. Đại biểu mời dự (nếu có)",
        "- Vắng mặt: 1 đồng chí: Mai Thanh Sơn (Đi công tác",
    ] {
        in_both(&minutes, needle);
    }
    in_neither(&minutes, "1.1. Đảng viên");
    // What the data names is printed instead.
    let data = edited(
        &sample_2026(),
        dir.path(),
        "don-vi.yaml",
        "  hinh_thuc_bieu_quyet: phieu_kin\n",
        "  hinh_thuc_bieu_quyet: phieu_kin\n  tai_lieu:\n    - Báo cáo số 18-BC/CB của chi ủy\n    - Dự thảo nghị quyết hội nghị\n  thong_tin_khac: Hội nghị có ghi âm\n",
    );
    let files = packet(&data, &dir.path().join("ra"));
    let minutes = pdf_with(&files, "_bien-ban");
    in_both(
        &minutes,
        "- Tài liệu sử dụng trong hội nghị: Báo cáo số 18-BC/CB của chi ủy; Dự thảo nghị quyết hội nghị.",
    );
    in_both(&minutes, "- Thông tin khác (nếu có): Hội nghị có ghi âm");
}

#[test]
fn a_committees_documents_are_issued_by_the_committee() {
    let dir = tempfile::tempdir().unwrap();
    // The upper committee's roll-up report.
    let rollup = dir.path().join("tong-hop");
    rollup_by_sample_committee(&sample_2026(), &rollup, &[]);
    let report = rollup.join("tong-hop.pdf");
    in_both(&report, "ĐẢNG ỦY SỞ XÂY DỰNG THÀNH PHỐ HẢI PHÒNG");
    in_both(&report, "T/M ĐẢNG ỦY");
    in_neither(&report, "ĐẢNG BỘ SỞ XÂY DỰNG");
    // Mẫu 01 of a đảng bộ.
    let data = edited(
        &sample_2026(),
        dir.path(),
        "dang-bo.yaml",
        "  ten: Chi bộ Phòng Quản lý chất lượng công trình\n",
        "  ten: Đảng bộ Trung tâm Kiểm định chất lượng công trình\n  loai: dang_bo\n",
    );
    let out = dir.path().join("ra");
    let files = render(&data, &out, &["--form", "tap-the"]);
    let report = pdf_with(&files, "_mau-01-");
    in_both(&report, "ĐẢNG ỦY TRUNG TÂM KIỂM ĐỊNH CHẤT LƯỢNG CÔNG TRÌNH");
    in_both(&report, "T/M ĐẢNG ỦY");
    in_neither(&report, "ĐẢNG BỘ TRUNG TÂM");
}

#[test]
fn leaders_register_in_both_regimes_and_the_level_that_manages_them_approves() {
    let dir = tempfile::tempdir().unwrap();
    let files = packet(&sample(), &dir.path().join("2024"));
    let names = file_names(&files);
    // The secretary and every member with a leadership post file both registrations.
    for person in [
        "nguyen-van-an",
        "tran-thi-bich-ngoc",
        "le-hoang-dung",
        "nguyen-thi-huong-1978",
    ] {
        for form in ["neu-guong", "dot-pha"] {
            let name = format!("{person}_{form}.pdf");
            assert!(names.contains(&name), "{name} not in {names:?}");
        }
    }
    // The approver the data names.
    let tasks = pdf_with(&files, "nguyen-van-an_dot-pha");
    for needle in [
        "Thẩm định hồ sơ thiết kế xây dựng trực tuyến",
        "PHÊ DUYỆT CỦA ĐẢNG ỦY SỞ XÂY DỰNG",
        "T/M ĐẢNG ỦY",
        "Phạm Quang Vinh",
    ] {
        in_both(&tasks, needle);
    }
    in_neither(&tasks, "PHÓ BÍ THƯ");
    let pledge = pdf_with(&files, "nguyen-van-an_neu-guong");
    for needle in [
        "XÁC NHẬN CỦA CHI ỦY",
        "XÁC NHẬN CỦA SỞ XÂY DỰNG TỈNH HẢI DƯƠNG",
        "GIÁM ĐỐC",
        "Đặng Văn Thành",
    ] {
        in_both(&pledge, needle);
    }
    // A leader with no data gets the blank forms, to fill by hand; the default approver is
    // the superior committee.
    let blank = pdf_with(&files, "le-hoang-dung_dot-pha");
    in_both(&blank, "PHÊ DUYỆT CỦA ĐẢNG ỦY SỞ XÂY DỰNG TỈNH HẢI DƯƠNG");
    for (what, text) in both_texts(&blank) {
        assert!(
            text.contains("Thời gian hoàn thành 1 2"),
            "{what}: two blank rows: {text}"
        );
    }
    let blank = pdf_with(&files, "le-hoang-dung_neu-guong");
    in_both(&blank, "XÁC NHẬN CỦA LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ");
    // A member without a post who registers is approved by the chi ủy.
    let data = edited(
        &sample_2026(),
        dir.path(),
        "don-vi.yaml",
        "  - id: do-van-hai\n",
        "  - id: do-van-hai\n    viec_dot_pha:\n      - ten: Sổ tay kiểm tra hiện trường\n",
    );
    let files = packet(&data, &dir.path().join("2026"));
    let tasks = pdf_with(&files, "do-van-hai_dot-pha");
    in_both(&tasks, "PHÊ DUYỆT CỦA CHI ỦY");
    in_both(&tasks, "T/M CHI ỦY");
    in_neither(&tasks, "ĐẢNG ỦY SỞ");
}

/// The first lines of a signature row or of the nơi nhận, as the forms print them.
const SIGNATURE_STARTS: [&str; 9] = [
    "T/M ",
    "K/T ",
    "NGƯỜI ",
    "XÁC NHẬN",
    "PHÊ DUYỆT",
    "Nơi nhận:",
    "THƯ KÝ",
    "CHỦ TRÌ",
    "THỦ TRƯỞNG",
];

/// The pages of `pdf` on which a signature row or the nơi nhận opens the page, with only a note
/// in brackets, if anything, above it.
fn lonely_signatures(pdf: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (index, page) in pdf_lines(pdf).iter().enumerate() {
        // Below the page number, in the top margin.
        let body: Vec<&PdfLine> = page.iter().filter(|l| l.baseline > 56.69).collect();
        let first = body
            .iter()
            .position(|l| SIGNATURE_STARTS.iter().any(|s| l.text.starts_with(s)));
        let Some(first) = first else { continue };
        let above = body[..first]
            .iter()
            .filter(|l| !l.text.starts_with('(') && !l.text.starts_with("thể hiện sản phẩm"))
            .count();
        if above == 0 {
            found.push(format!(
                "{pdf:?} page {}: «{}»",
                index + 1,
                body[first].text
            ));
        }
    }
    found
}

#[test]
fn a_signature_never_stands_alone_on_a_page_in_either_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut pdfs = Vec::new();
    for (index, data) in [sample(), sample_2026()].iter().enumerate() {
        let files = packet(data, &dir.path().join(index.to_string()));
        pdfs.extend(files.into_iter().filter(|f| {
            f.extension().is_some_and(|e| e == "pdf") && !f.ends_with("ho-so-de-in.pdf")
        }));
    }
    let docxs: Vec<PathBuf> = pdfs.iter().map(|p| p.with_extension("docx")).collect();
    let converted = libreoffice_pdfs(&docxs, &dir.path().join("libreoffice"));
    let mut lonely: Vec<String> = pdfs.iter().flat_map(|pdf| lonely_signatures(pdf)).collect();
    lonely.extend(converted.iter().flat_map(|pdf| lonely_signatures(pdf)));
    assert!(lonely.is_empty(), "{}", lonely.join("\n"));
}

/// The text of `text` from `start` up to the next of `ends` after it (or the end).
fn section<'t>(text: &'t str, start: &str, ends: &[&str]) -> &'t str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("«{start}» not in {text}"));
    let rest = &text[from + start.len()..];
    let to = ends
        .iter()
        .filter_map(|end| rest.find(end))
        .min()
        .unwrap_or(rest.len());
    &rest[..to]
}

#[test]
fn a_member_away_from_the_meeting_is_rated_later_not_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = packet(&sample_2026(), &dir.path().join("mau"));
    // The minutes say so, with no vote or conclusion lines to sign.
    let minutes = pdf_with(&files, "_bien-ban");
    for (what, text) in both_texts(&minutes) {
        let part = section(
            &text,
            "Mai Thanh Sơn Đồng chí vắng mặt tại hội nghị",
            &["3.", "TỔNG HỢP"],
        );
        assert!(
            part.starts_with("; chi bộ đánh giá, xếp loại đồng chí sau, sớm nhất có thể."),
            "{what}: {part}"
        );
        assert!(!part.contains("Kết quả biểu quyết"), "{what}: {part}");
        assert!(!part.contains("kết luận"), "{what}: {part}");
    }
    // The tally's row says "vắng mặt".
    let tally = pdf_with(&files, "_tong-hop");
    for (what, text) in both_texts(&tally) {
        let row = section(&text, "Mai Thanh Sơn", &["Nơi nhận"]);
        assert!(row.contains("Vắng mặt"), "{what}: {row}");
    }
    // The index: the blank review follows later.
    let index = pdf_with(&files, "danh-muc_");
    for (what, text) in both_texts(&index) {
        let row = section(&text, "Mai Thanh Sơn", &["Bản"]);
        assert!(
            row.contains("Nộp sau: vắng mặt tại hội nghị"),
            "{what}: {row}"
        );
    }
    // hoso check asks for no vote of theirs.
    let output = hoso([
        "check".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        sample_2026().as_os_str(),
    ]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(
        !findings
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("Mai Thanh Sơn")
                && f["rule"] == "chua-bieu-quyet"),
        "{findings:?}"
    );
    // A later sitting's rating is printed when the data records it.
    let data = edited(
        &sample_2026(),
        dir.path(),
        "don-vi.yaml",
        "\n  - id: mai-thanh-son\n",
        "\n  - id: mai-thanh-son\n    danh_gia:\n      phieu: {hoan_thanh_tot: 6, hoan_thanh: 1}\n      ket_luan: Đồng chí hoàn thành tốt nhiệm vụ.\n      phien_sau: {ngay: 2026-12-14, so_bieu_quyet: 7}\n",
    );
    let output = hoso(["check".as_ref(), data.as_os_str()]);
    assert!(output.status.success(), "{output:?}");
    let files = packet(&data, &dir.path().join("sau"));
    let minutes = pdf_with(&files, "_bien-ban");
    in_both(
        &minutes,
        "Đồng chí vắng mặt tại hội nghị; chi bộ đánh giá, xếp loại đồng chí tại phiên họp ngày 14 tháng 12 năm 2026, đảng viên chính thức có mặt tham gia biểu quyết: 7 đồng chí.",
    );
    in_both(&minutes, "Hoàn thành tốt nhiệm vụ 6 phiếu (85,7%)");
    in_both(&minutes, "Đồng chí hoàn thành tốt nhiệm vụ.");
    let tally = pdf_with(&files, "_tong-hop");
    in_both(&tally, "(phiên họp 14/12/2026)");
    // Votes for an absent member with no later sitting are refused.
    let data = edited(
        &sample_2026(),
        dir.path(),
        "loi.yaml",
        "\n  - id: mai-thanh-son\n",
        "\n  - id: mai-thanh-son\n    danh_gia:\n      phieu: {hoan_thanh_tot: 6}\n      ket_luan: Tốt.\n",
    );
    let output = hoso(["check".as_ref(), data.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("[vang-mat-danh-gia-sau]"), "{stdout}");
    assert!(stdout.contains("danh_gia.phien_sau"), "{stdout}");
}

#[test]
fn the_index_lists_the_documents_as_the_sources_order_them() {
    let dir = tempfile::tempdir().unwrap();
    // 2025: the items of Mẫu 04, then the registrations.
    let files = packet(&sample_2026(), &dir.path().join("2026"));
    let index = pdf_with(&files, "danh-muc_");
    for (what, text) in both_texts(&index) {
        in_order(
            &what,
            &text,
            &[
                "1 Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể năm 2026",
                "2 Biên bản",
                "3 Văn bản gợi ý kiểm điểm (nếu có)",
                "Kèm theo bản giấy",
                "4 Kết quả đánh giá, xếp loại chất lượng (kèm theo phụ lục chấm điểm của từng đối tượng)",
                "4.1 Bảng tổng hợp",
                "4.2 Bản kiểm điểm",
                "Bản đăng ký nêu gương",
            ],
        );
    }
    // 2023: the letter's documents, those hoso does not make attached by hand; no capital "Năm"
    // inside a row.
    let files = packet(&sample(), &dir.path().join("2024"));
    let index = pdf_with(&files, "danh-muc_");
    for (what, text) in both_texts(&index) {
        in_order(
            &what,
            &text,
            &[
                "Bản kiểm điểm cá nhân năm 2024",
                "Bản đăng ký nêu gương",
                "Phiếu bổ sung hồ sơ đảng viên",
                "Bản nhận xét của cấp ủy nơi cư trú",
                "Bản kê khai tài sản, thu nhập",
                "Kèm theo bản giấy (hoso không lập)",
            ],
        );
        assert!(!text.contains("cá nhân Năm"), "{what}");
    }
}

#[test]
fn a_chi_bo_is_rated_by_the_level_above_and_its_collective_by_its_meeting() {
    let dir = tempfile::tempdir().unwrap();
    // The đảng ủy rated the chi bộ "Hoàn thành nhiệm vụ"; its meeting voted its chi ủy "Hoàn
    // thành tốt nhiệm vụ".
    let data = edited(
        &sample_2026(),
        dir.path(),
        "don-vi.yaml",
        "  co_chi_uy: true\n",
        "  co_chi_uy: true\n  xep_loai: hoan_thanh\n",
    );
    let out = dir.path().join("tong-hop");
    let output = rollup_by_sample_committee(&data, &out, &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let unit = &report["rollup"]["units"][0];
    assert_eq!(unit["organisation"], "hoan_thanh", "{unit}");
    assert_eq!(unit["collective"], "hoan_thanh_tot", "{unit}");
    assert_eq!(report["rollup"]["organisations"]["completed"], 1);
    assert_eq!(report["rollup"]["organisations"]["good"], 0);
    assert_eq!(report["rollup"]["collectives"]["good"], 1);
    // The report, in both formats.
    let pdf = out.join("tong-hop.pdf");
    for (what, text) in both_texts(&pdf) {
        let part = section(
            &text,
            "đã được cấp ủy cấp trên xếp loại: 1, trong đó:",
            &["Tập thể lãnh đạo"],
        );
        assert!(
            part.contains("Hoàn thành nhiệm vụ: 1 (100%)"),
            "{what}: {part}"
        );
        assert!(
            part.contains("Hoàn thành tốt nhiệm vụ: 0 (0%)"),
            "{what}: {part}"
        );
        let part = section(
            &text,
            "do hội nghị kiểm điểm biểu quyết, đề nghị cấp trên: 1, trong đó:",
            &["II."],
        );
        assert!(
            part.contains("Hoàn thành tốt nhiệm vụ: 1 (100%)"),
            "{what}: {part}"
        );
    }
    // The CSV and the XLSX: a column each.
    let script = root().join("tests/tools/table_rows.py");
    let csv = out.join("tong-hop.csv");
    let rows: serde_json::Value = serde_json::from_str(&tool(
        python().to_str().unwrap(),
        [script.as_os_str(), csv.as_os_str()],
    ))
    .unwrap();
    let header = rows[0].as_array().unwrap();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    assert_eq!(
        rows[1][column("Tổ chức đảng (cấp trên xếp loại)")],
        "Hoàn thành nhiệm vụ"
    );
    assert_eq!(
        rows[1][column("Tập thể lãnh đạo (hội nghị biểu quyết)")],
        "Hoàn thành tốt nhiệm vụ"
    );
}

#[test]
fn the_2025_report_carries_its_annex_of_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let files = packet(&sample_2026(), dir.path());
    let report = pdf_with(&files, "_mau-01-");
    in_both(
        &report,
        "(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ trong đó thể hiện sản phẩm tiến độ, chất lượng cụ thể - theo hướng dẫn của các cấp uỷ, tổ chức đảng)",
    );
    in_both(
        &report,
        "PHỤ LỤC KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026 (Kèm theo báo cáo kiểm điểm của tập thể Chi bộ Phòng Quản lý chất lượng công trình)",
    );
    in_both(
        &report,
        "Kiểm tra công tác nghiệm thu công trình trên địa bàn thành phố",
    );
    // On a page of its own, after the signature.
    let pages = pdf_lines(&report);
    let last = pages.last().unwrap();
    assert!(last.iter().any(|l| l.text == "PHỤ LỤC"), "{last:?}");
    assert!(
        !last.iter().any(|l| l.text.contains("T/M CHI ỦY")),
        "{last:?}"
    );
}

#[test]
fn a_sao_y_of_a_document_another_organ_issued_is_called_a_sao_luc() {
    let dir = tempfile::tempdir().unwrap();
    let order = edited(
        &root().join("data-samples/ban-sao.yaml"),
        dir.path(),
        "sao-y.yaml",
        "hinh_thuc: sao_luc",
        "hinh_thuc: sao_y",
    );
    let copy = |order: &Path, out: &str| {
        hoso([
            "copy".as_ref(),
            "--ban-sao".as_ref(),
            order.as_os_str(),
            "--form".as_ref(),
            "tap-the".as_ref(),
            sample_2026().as_os_str(),
            "-o".as_ref(),
            dir.path().join(out).as_os_str(),
        ])
    };
    let output = copy(&order, "sao-y");
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cảnh báo:"), "{stderr}");
    assert!(
        stderr.contains("bản sao lục (hinh_thuc: sao_luc)"),
        "{stderr}"
    );
    // The sample order, a sao lục, is what the Đảng ủy makes of a chi bộ's report: no warning.
    let output = copy(&root().join("data-samples/ban-sao.yaml"), "sao-luc");
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("cảnh báo"), "{stderr}");
}

#[test]
fn a_unit_chooses_its_reading_where_the_texts_are_silent_and_check_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let quota = root().join("data-samples/loi/quy-tac-ty-le-xuat-sac.yaml");
    // 3 votes for "xuất sắc", 2 for "tốt" and 2 for "hoàn thành" of 7: counted together, more
    // than half for "tốt"; each level on its own, no level has a majority.
    let votes = edited(
        &quota,
        dir.path(),
        "mac-dinh.yaml",
        "{phieu: {hoan_thanh_xuat_sac: 6, hoan_thanh_tot: 1}",
        "{phieu: {hoan_thanh_xuat_sac: 3, hoan_thanh_tot: 2, hoan_thanh: 2}",
    );
    let output = hoso(["check".as_ref(), votes.as_os_str()]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("(quy_tac): tỷ lệ xuất sắc tính trên số Hoàn thành tốt nhiệm vụ, làm tròn xuống; đơn vị dưới 05 đảng viên Hoàn thành tốt nhiệm vụ được 01 xuất sắc; phiếu cho mức cao hơn được cộng vào mức thấp hơn liền kề."),
        "{stdout}"
    );
    let separate = edited(
        &votes,
        dir.path(),
        "tinh-rieng.yaml",
        "nam: 2026\n",
        "nam: 2026\nquy_tac:\n  phieu_muc_tren: tinh_rieng\n",
    );
    let output = hoso([
        "check".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        separate.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["readings"]["phieu_muc_tren"], "tinh_rieng");
    assert_eq!(report["readings"]["lam_tron"], "xuong");
    let findings = report["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "muc-duoc-qua-nua" && f["path"] == "dang_vien[1].danh_gia.phieu"),
        "{findings:?}"
    );
    // A reading the register does not have is refused at its line.
    let wrong = edited(
        &quota,
        dir.path(),
        "sai.yaml",
        "nam: 2026\n",
        "nam: 2026\nquy_tac:\n  lam_tron: len\n",
    );
    let output = hoso(["check".as_ref(), wrong.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("quy_tac.lam_tron"), "{stderr}");
}

//! The review forms of both regimes: every form prints its code, title, personal lines and parts in
//! order; the 2025 total is hoso's sum of the points in the data; each member gets the form their
//! data calls for; the secretary's own form is signed for the chi ủy by the deputy.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use common::*;

/// The PDF of a numbered form (Mẫu …: the report, the self-reviews) in `files` whose name
/// starts with `prefix`.
fn pdf_named(files: &[PathBuf], prefix: &str) -> PathBuf {
    with_extension(files, "pdf")
        .into_iter()
        .find(|f| {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            name.starts_with(prefix) && name.contains("_mau-")
        })
        .unwrap_or_else(|| panic!("no PDF starting with {prefix} in {files:?}"))
}

const PERSONAL_2023: [&str; 7] = [
    "I. Ưu điểm, kết quả đạt được",
    "II. Hạn chế, khuyết điểm và nguyên nhân",
    "III. Kết quả khắc phục",
    "IV. Giải trình",
    "V. Làm rõ trách nhiệm của cá nhân",
    "VI. Phương hướng, biện pháp khắc phục",
    "VII. Tự nhận mức xếp loại chất lượng",
];

const PERSONAL_2025: [&str; 10] = [
    "A. NỘI DUNG KIỂM ĐIỂM",
    "I. Ưu điểm, kết quả đạt được",
    "II. Hạn chế, khuyết điểm và nguyên nhân",
    "III. Kết quả khắc phục",
    "IV. Giải trình",
    "V. Làm rõ trách nhiệm của cá nhân",
    "VI. Phương hướng, biện pháp khắc phục",
    "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
    "I. Đánh giá theo các nhóm tiêu chí",
    "II. Đề xuất xếp loại mức chất lượng:",
];

#[test]
fn every_form_of_2023_prints_its_code_title_and_parts_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let files = render_every_form(&sample(), dir.path());
    let report = flat_text(&pdf_named(&files, "chi-bo-"));
    in_order(
        "Mẫu 01 (2023)",
        &report,
        &[
            "Mẫu 01-HD KĐ.ĐG 2023",
            "CHI BỘ PHÒNG QUẢN LÝ XÂY DỰNG * Số 21-BC/CB",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Hải Dương, ngày 02 tháng 12 năm 2024",
            "BÁO CÁO kiểm điểm tập thể năm 2024",
            "tập thể Chi bộ Phòng Quản lý xây dựng kiểm điểm với các nội dung chủ yếu sau:",
            "I. Ưu điểm, kết quả đạt được",
            "II. Hạn chế, khuyết điểm và nguyên nhân",
            "III. Kết quả khắc phục",
            "IV. Giải trình",
            "V. Trách nhiệm của tập thể, cá nhân",
            "VI. Phương hướng",
            "VII. Đề nghị mức xếp loại chất lượng",
            "■ Hoàn thành tốt nhiệm vụ",
        ],
    );
    for part in [
        "Nơi nhận:",
        "- Đảng ủy Sở Xây dựng tỉnh Hải Dương,",
        "- Lưu Chi bộ.",
        "T/M CHI ỦY",
        "BÍ THƯ",
        "Nguyễn Văn An",
    ] {
        assert!(report.contains(part), "Mẫu 01 lacks «{part}»:\n{report}");
    }
    let ordinary = flat_text(&pdf_named(&files, "vu-duc-thang_"));
    let mut expected = vec![
        "Mẫu 02A-HD KĐ.ĐG 2023",
        "BẢN KIỂM ĐIỂM CÁ NHÂN Năm 2024 (Cá nhân không giữ chức vụ lãnh đạo, quản lý)",
        "Họ và tên: Vũ Đức Thắng Ngày sinh:",
        "Chức vụ đoàn thể: Bí thư Chi đoàn Sở Xây dựng",
        "Đơn vị công tác:",
        "Chi bộ Phòng Quản lý xây dựng",
    ];
    expected.extend(&PERSONAL_2023[..1]);
    expected.push("3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm");
    expected.extend(&PERSONAL_2023[1..]);
    expected.extend([
        "NGƯỜI TỰ KIỂM ĐIỂM",
        "ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
    ]);
    in_order("Mẫu 02A", &ordinary, &expected);
    assert!(
        !ordinary.contains("3. Kết quả công tác lãnh đạo"),
        "02A has no leader items"
    );
}

#[test]
fn every_form_of_2025_prints_its_code_title_and_parts_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let files = render_every_form(&sample_2026(), dir.path());
    let report = flat_text(&pdf_named(&files, "chi-bo-"));
    in_order(
        "Mẫu 01 (2025)",
        &report,
        &[
            "Mẫu 01-HD KĐ.ĐG 2025",
            "* Số 18-BC/CB",
            "Hải Phòng, ngày 01 tháng 12 năm 2026",
            "BÁO CÁO kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể năm 2026",
            "A. NỘI DUNG KIỂM ĐIỂM",
            "I. Ưu điểm, kết quả đạt được",
            "VI. Phương hướng",
            "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "Phụ lục 1, Quy định 366-QĐ/TW, các tập thể",
            "1. Nhóm tiêu chí chung: 27/30",
            "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 62,5/70",
            "Tổng điểm: 89,5/100",
            "■ Hoàn thành tốt nhiệm vụ",
        ],
    );
    for part in [
        "Nơi nhận:",
        "- Đảng ủy Sở Xây dựng,",
        "- Các đồng chí chi ủy viên,",
        "- Lưu Chi bộ.",
        "T/M CHI ỦY",
        "Trần Quốc Khánh",
    ] {
        assert!(report.contains(part), "Mẫu 01 lacks «{part}»:\n{report}");
    }
    for (prefix, code, subtitle, criteria, posts) in [
        (
            "tran-quoc-khanh_",
            "Mẫu 2A-HD KĐ.ĐG 2025",
            "(Cá nhân giữ chức vụ lãnh đạo, quản lý)",
            "Phụ lục 3",
            true,
        ),
        (
            "do-van-hai_",
            "Mẫu 2B-HD KĐ.ĐG 2025",
            "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)",
            "Phụ lục 4",
            false,
        ),
        (
            "vu-dinh-thuan_",
            "Mẫu 2C-HD KĐ.ĐG 2025",
            "(Đảng viên không làm việc trong hệ thống chính trị)",
            "Phụ lục 5",
            false,
        ),
    ] {
        let text = flat_text(&pdf_named(&files, prefix));
        let title = format!("BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN Năm 2026 {subtitle}");
        let mut expected = vec![code, title.as_str(), "Họ và tên:", "Đơn vị công tác:"];
        expected.extend(PERSONAL_2025);
        expected.extend([
            "(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ",
            "NGƯỜI TỰ KIỂM ĐIỂM",
        ]);
        in_order(prefix, &text, &expected);
        assert!(
            text.contains(&format!("{criteria}, Quy định 366-QĐ/TW")),
            "{prefix}: {criteria}"
        );
        assert_eq!(
            text.contains("Chức vụ Đảng:"),
            posts,
            "{prefix}: posts only on 2A"
        );
        assert!(
            !text.contains("T/M CHI ỦY"),
            "{prefix}: no assessment part unless asked for"
        );
    }
    let outside = flat_text(&pdf_named(&files, "vu-dinh-thuan_"));
    assert!(outside.contains("2. Việc thực hiện quyền và nghĩa vụ của đảng viên theo các nhiệm vụ chính trị được cấp uỷ, chi bộ phân công."));
}

/// Points as the data writes them (27, 27.5 or "27,5"), in tenths.
fn tenths(value: &serde_json::Value) -> Option<u32> {
    let text = match value {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.replace(',', "."),
        _ => return None,
    };
    let (whole, tenth) = text.split_once('.').unwrap_or((&text, "0"));
    Some(whole.parse::<u32>().ok()? * 10 + tenth.parse::<u32>().ok()?)
}

#[test]
fn the_total_is_the_sum_of_the_groups_the_data_gives() {
    let dir = tempfile::tempdir().unwrap();
    let files = render_every_form(&sample_2026(), dir.path());
    let yaml = std::fs::read_to_string(sample_2026()).unwrap();
    let data: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    let printed = |t: u32| match t % 10 {
        0 => format!("{}", t / 10),
        d => format!("{},{d}", t / 10),
    };
    let mut checked = 0;
    let reviewed = names_in(&sample_2026());
    for member in data["dang_vien"].as_array().unwrap() {
        let score = &member["tu_kiem_diem"]["diem"];
        let name = member["ho_ten"].as_str().unwrap();
        if !reviewed.iter().any(|r| r == name) {
            continue;
        }
        let pdf = with_extension(&files, "pdf")
            .into_iter()
            .filter(|pdf| pdf.to_string_lossy().contains("_mau-"))
            .find(|pdf| pdf_author(pdf) == name)
            .unwrap_or_else(|| panic!("no PDF by {name}"));
        let text = flat_text(&pdf);
        match (
            tenths(&score["nhom_chung"]),
            tenths(&score["nhom_nhiem_vu"]),
        ) {
            (Some(general), Some(tasks)) => {
                let total = format!("Tổng điểm: {}/100", printed(general + tasks));
                assert!(text.contains(&total), "{name}: «{total}» not in:\n{text}");
                checked += 1;
            }
            _ => assert!(text.contains("Tổng điểm: ……/100"), "{name}: a blank total"),
        }
    }
    assert!(checked >= 6, "the sample scores most of its members");
}

#[test]
fn all_renders_the_members_the_form_is_for_and_names_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_render(
        &sample_2026(),
        dir.path(),
        &["--form", "ca-nhan-ngoai-htct", "--all"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        file_names(&with_extension(&files_in(dir.path()), "pdf")),
        vec![
            "hoang-anh-tu_mau-2c-hd-kd-dg-2025.pdf",
            "vu-dinh-thuan_mau-2c-hd-kd-dg-2025.pdf"
        ]
    );
    for line in [
        "bỏ qua Trần Quốc Khánh (tran-quoc-khanh): đồng chí này dùng mẫu ca-nhan-lanh-dao",
        "bỏ qua Đỗ Văn Hải (do-van-hai): đồng chí này dùng mẫu ca-nhan",
    ] {
        assert!(stderr.contains(line), "«{line}» not in:\n{stderr}");
    }
}

#[test]
fn a_form_the_regime_lacks_and_a_wrong_selection_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&Path, &[&str], &[&str]); 3] = [
        (
            &sample(),
            &["--form", "ca-nhan-ngoai-htct", "--all"],
            &["chưa có theo chế độ 2023", "có theo chế độ: 2025"],
        ),
        (
            &sample(),
            &["--form", "tap-the", "--all"],
            &["báo cáo của tập thể", "bỏ --member và --all"],
        ),
        (
            &sample(),
            &["--form", "ca-nhan"],
            &["mẫu cá nhân", "--member <MÃ> hoặc --all"],
        ),
    ];
    for (data, args, says) in cases {
        let output = run_render(data, &dir.path().join("ra"), args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        for part in says {
            assert!(
                stderr.contains(part),
                "{args:?}: «{part}» not in:\n{stderr}"
            );
        }
        assert!(files_in(&dir.path().join("ra")).is_empty());
    }
}

#[test]
fn the_secretarys_own_form_is_signed_for_the_chi_uy_by_the_deputy() {
    let dir = tempfile::tempdir().unwrap();
    let files = render(
        &sample(),
        dir.path(),
        &[
            "--form",
            "ca-nhan-lanh-dao",
            "--member",
            "nguyen-van-an",
            "--member",
            "le-hoang-dung",
        ],
    );
    let secretary = flat_text(&pdf_named(&files, "nguyen-van-an_"));
    in_order(
        "secretary",
        &secretary,
        &["T/M CHI ỦY PHÓ BÍ THƯ (Ký, ghi rõ họ tên) Trần Thị Bích Ngọc"],
    );
    let member = flat_text(&pdf_named(&files, "le-hoang-dung_"));
    in_order(
        "member",
        &member,
        &["T/M CHI ỦY BÍ THƯ (Ký, ghi rõ họ tên) Nguyễn Văn An"],
    );
}

#[test]
fn points_above_a_groups_maximum_are_refused_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = edited(
        &sample_2026(),
        dir.path(),
        "diem.yaml",
        "        nhom_chung: 28",
        "        nhom_chung: 31",
    );
    let output = run_render(
        &data,
        &dir.path().join("ra"),
        &["--form", "ca-nhan-lanh-dao", "--all"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for part in [
        "diem.yaml:",
        "dang_vien[0].tu_kiem_diem.diem.nhom_chung",
        "31 điểm vượt quá mức tối đa 30 điểm",
    ] {
        assert!(stderr.contains(part), "«{part}» not in:\n{stderr}");
    }
}

#[test]
fn a_long_review_numbers_its_pages_from_page_two_and_loses_no_text() {
    let dir = tempfile::tempdir().unwrap();
    let files = render(
        &sample_2026(),
        dir.path(),
        &["--form", "ca-nhan-lanh-dao", "--member", "tran-quoc-khanh"],
    );
    let pdf = pdf_named(&files, "tran-quoc-khanh_");
    let pages: Vec<String> = pdf_text(&pdf).split('\u{c}').map(str::to_string).collect();
    let pages: Vec<&String> = pages.iter().filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 3, "a long review: {} pages", pages.len());
    assert!(!pages[0].starts_with("1\n"), "no number on page 1");
    for (index, page) in pages.iter().enumerate().skip(1) {
        let first = page.lines().next().unwrap_or_default();
        assert_eq!(
            first.trim(),
            (index + 1).to_string(),
            "page {} opens with its number",
            index + 1
        );
    }
    let text = flat_text(&pdf);
    let yaml = std::fs::read_to_string(sample_2026()).unwrap();
    let data: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    let review = &data["dang_vien"][0]["tu_kiem_diem"];
    for (key, value) in review.as_object().unwrap() {
        // Texts only: levels and points print as boxes and sums.
        if let Some(paragraphs) = value.as_str().filter(|_| key != "tu_xep_loai_dang_vien") {
            for paragraph in paragraphs.lines().filter(|l| !l.trim().is_empty()) {
                let paragraph = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(text.contains(&paragraph), "{key}: «{paragraph}» lost");
            }
        }
    }
}

#[test]
fn the_2025_docx_files_are_valid_ooxml() {
    let dir = tempfile::tempdir().unwrap();
    let files = render_every_form(&sample_2026(), dir.path());
    let auditor = python().with_file_name("openxml-audit");
    for docx in with_extension(&files, "docx") {
        let report = tool(
            auditor.to_str().unwrap(),
            [OsStr::new("-m"), OsStr::new("0"), docx.as_os_str()],
        );
        assert!(report.contains("Errors: 0"), "{docx:?}:\n{report}");
    }
}

#[test]
fn one_command_renders_the_whole_unit() {
    for data in [sample(), sample_2026()] {
        let dir = tempfile::tempdir().unwrap();
        let whole = render(&data, &dir.path().join("ca-don-vi"), &["--all"]);
        let form_by_form = render_every_form(&data, &dir.path().join("tung-mau"));
        assert_eq!(file_names(&whole), file_names(&form_by_form), "{data:?}");
        assert_eq!(whole.len(), 2 * documents_of(&data));
    }
}

#[test]
fn the_annex_of_tasks_prints_as_a_table_whose_header_repeats_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    // Đỗ Văn Hải with twenty tasks: the annex runs over several pages.
    let tasks: String = (1..=20)
        .map(|n| {
            format!(
                "      - ten: Nhiệm vụ số {n} về kiểm tra công tác nghiệm thu công trình dân dụng\n        san_pham: Thông báo kết quả kiểm tra số {n}\n        tien_do: Đúng hạn\n        chat_luong: Đạt yêu cầu\n"
            )
        })
        .collect();
    let data = edited(
        &sample_2026(),
        dir.path(),
        "phu-luc.yaml",
        "  - id: do-van-hai\n",
        &format!("  - id: do-van-hai\n    phu_luc:\n{tasks}"),
    );
    let out = dir.path().join("ra");
    render(
        &data,
        &out,
        &["--form", "ca-nhan", "--member", "do-van-hai"],
    );
    let pdf = pdf_named(&files_in(&out), "do-van-hai_");
    let pages: Vec<String> = pdf_text(&pdf).split('\u{c}').map(str::to_string).collect();
    let annex: Vec<&String> = pages
        .iter()
        .skip_while(|page| !page.contains("PHỤ LỤC"))
        .filter(|page| !page.trim().is_empty())
        .collect();
    assert!(annex.len() >= 2, "the annex spans pages: {}", annex.len());
    for page in &annex {
        let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("STT Tên nhiệm vụ Sản phẩm Tiến độ Chất lượng"),
            "header missing on:\n{page}"
        );
    }
    let all = flat_text(&pdf);
    for n in [1, 20] {
        let row = format!("{n} Nhiệm vụ số {n} về kiểm tra công tác");
        assert!(all.contains(&row), "«{row}» lost");
    }
    let docx = std::fs::read(pdf.with_extension("docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert_eq!(
        xml.matches("<w:tblHeader").count(),
        1,
        "the DOCX's header row repeats"
    );
}

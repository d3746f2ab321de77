//! Year over year, end to end: last year's shortcomings open section III of this year's forms,
//! point by point, in the PDF and in the DOCX; `hoso check` names a repeated shortcoming, an
//! unanswered one and a text copied from last year with the lines of both years; `hoso init
//! --from` starts a year from the last, across regimes; a wrong link is a located error.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// The 2025 review that the 2026 sample links.
fn sample_2025() -> PathBuf {
    root().join("data-samples/nam-truoc/chi-bo-mau-2025.yaml")
}

/// A unit file as a YAML reader sees it.
fn yaml(path: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The shortcomings of a section II text as a reader lists them: one per line, per «;» or per
/// sentence, list dashes and the closing period dropped, the first letter upper case; "Không
/// có." is none.
fn shortcomings(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| line.split(';'))
        .flat_map(sentences)
        .map(|part| {
            let part = part.trim().trim_start_matches("- ").trim_end_matches('.');
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .filter(|part| !part.is_empty() && part != "Không có")
        .collect()
}

/// The sentences of `text`: a period and a space before an upper-case letter end one.
fn sentences(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(". ") {
        let next = text[at + 2..].chars().next();
        if next.is_some_and(char::is_uppercase) {
            parts.push(&text[start..at]);
            start = at + 2;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The shortcomings a review of `unit` states: the collective's (`None`) or a member's.
fn stated(unit: &Value, member: Option<&str>) -> Vec<String> {
    let review = match member {
        None => Some(&unit["tap_the"]),
        Some(id) => members(unit)
            .iter()
            .find(|m| m["id"] == id)
            .map(|m| &m["tu_kiem_diem"]),
    };
    review
        .and_then(|r| r["han_che"].as_str())
        .map(shortcomings)
        .unwrap_or_default()
}

fn members(unit: &Value) -> &Vec<Value> {
    unit["dang_vien"].as_array().unwrap()
}

/// The status this year's data gives to the earlier shortcoming `text`, as the form prints it.
fn status_printed(review: &Value, text: &str) -> String {
    let status = review["han_che_ky_truoc"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|entry| entry["han_che"] == text)
        .and_then(|entry| entry["tinh_trang"].as_str());
    match status {
        Some("da_khac_phuc") => "Kết quả: Đã khắc phục".into(),
        Some("dang_khac_phuc") => "Kết quả: Đang khắc phục".into(),
        Some("chua_khac_phuc") => "Kết quả: Chưa khắc phục".into(),
        Some(other) => panic!("unknown status {other}"),
        None => "□ Đã khắc phục □ Đang khắc phục □ Chưa khắc phục Mức độ khắc phục".into(),
    }
}

/// Section III of a document's text on one line: from its heading to section IV.
fn section_three(text: &str) -> &str {
    let start = text.find("III. Kết quả khắc phục").expect("section III");
    let end = text[start..].find("IV. Giải trình").expect("section IV") + start;
    &text[start..end]
}

/// The DOCX's body text on one line.
fn docx_text(docx: &Path) -> String {
    docx_facts(docx)
        .paragraphs
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `hoso packet` on `data` into `out`.
fn packet(data: &Path, out: &Path) {
    let output = hoso([
        "packet".as_ref(),
        data.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The review form (not a registration) of each member in a packet, by member folder.
fn review_form(packet: &Path, id: &str, ext: &str) -> PathBuf {
    files_in(&packet.join("dang-vien").join(id))
        .into_iter()
        .find(|f| {
            let name = f.file_name().unwrap().to_string_lossy();
            name.contains("_mau-") && name.ends_with(ext)
        })
        .unwrap_or_else(|| panic!("no review form of {id}"))
}

/// Checks that section III of the PDF and of the DOCX lists each of `earlier` (from `year`) in
/// order, numbered, each followed by the status `review` gives it.
fn assert_section_three(pdf: &Path, docx: &Path, earlier: &[String], year: i64, review: &Value) {
    let expected: Vec<String> = earlier
        .iter()
        .enumerate()
        .flat_map(|(index, text)| {
            [
                format!("{}. {text} (năm {year}).", index + 1),
                status_printed(review, text),
            ]
        })
        .collect();
    for (what, text) in [
        (pdf.display().to_string(), flat_body_text(pdf)),
        (docx.display().to_string(), docx_text(docx)),
    ] {
        in_order(&what, section_three(&text), &expected);
    }
}

#[test]
fn last_years_shortcomings_open_section_three_in_pdf_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ho-so");
    packet(&sample_2026(), &out);
    let (now, before) = (yaml(&sample_2026()), yaml(&sample_2025()));
    let report = files_in(&out)
        .into_iter()
        .filter(|f| f.file_name().unwrap().to_string_lossy().starts_with("01-"))
        .collect::<Vec<_>>();
    let earlier = stated(&before, None);
    assert_eq!(earlier.len(), 2, "the 2025 sample states two shortcomings");
    assert_section_three(
        &with_extension(&report, "pdf")[0],
        &with_extension(&report, "docx")[0],
        &earlier,
        2025,
        &now["tap_the"],
    );
    let mut checked = 0;
    for member in members(&now) {
        let id = member["id"].as_str().unwrap();
        let earlier = stated(&before, Some(id));
        if earlier.is_empty() || !out.join("dang-vien").join(id).exists() {
            continue;
        }
        assert_section_three(
            &review_form(&out, id, ".pdf"),
            &review_form(&out, id, ".docx"),
            &earlier,
            2025,
            &member["tu_kiem_diem"],
        );
        checked += 1;
    }
    // Every member of 2025 with a shortcoming who is still reviewed in 2026.
    assert_eq!(checked, 6);
}

/// `hoso check --format json` of `data`: the exit code and the findings.
fn findings(data: &Path) -> (i32, Vec<Value>) {
    let output = hoso(["check", "--format", "json", data.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    (
        output.status.code().unwrap(),
        report["findings"].as_array().unwrap().clone(),
    )
}

/// Line `line` (from 1) of `file`.
fn line_of(file: &str, line: &Value) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let index = usize::try_from(line.as_u64().unwrap()).unwrap() - 1;
    text.lines().nth(index).unwrap().to_lowercase()
}

#[test]
fn check_names_a_repeated_an_unanswered_and_a_copied_text_with_both_years_lines() {
    let (code, all) = findings(&sample_2026());
    assert_eq!(code, 0, "warnings only: {all:#?}");
    let of_rule =
        |rule: &str| -> Vec<&Value> { all.iter().filter(|f| f["rule"] == rule).collect() };
    // Each finding's line in this year's file and in last year's says what the finding is about.
    let expect = |rule: &str, cases: &[(&str, &str, &str)]| {
        let found = of_rule(rule);
        let paths: Vec<&str> = found.iter().map(|f| f["path"].as_str().unwrap()).collect();
        assert_eq!(
            paths,
            cases.iter().map(|c| c.0).collect::<Vec<_>>(),
            "{rule}: {found:#?}"
        );
        for (finding, (_, now, before)) in found.iter().zip(cases) {
            assert_eq!(finding["level"], "warning");
            let here = line_of(sample_2026().to_str().unwrap(), &finding["line"]);
            assert!(here.contains(now), "{rule}: line «{here}» has no «{now}»");
            let earlier = &finding["earlier"];
            assert_eq!(
                Path::new(earlier["file"].as_str().unwrap()),
                sample_2026()
                    .parent()
                    .unwrap()
                    .join("nam-truoc/chi-bo-mau-2025.yaml")
            );
            let there = line_of(earlier["file"].as_str().unwrap(), &earlier["line"]);
            assert!(
                there.contains(before),
                "{rule}: last year's line «{there}» has no «{before}»"
            );
        }
    };
    // A shortcoming said again though section III calls it remedied; those section III calls
    // still being remedied are stated already, and Phạm Minh Đức's new one is not last year's.
    expect(
        "han-che-lap-lai",
        &[(
            "dang_vien[1].tu_kiem_diem.han_che",
            "chưa kịp thời tổng hợp",
            "chưa kịp thời tổng hợp",
        )],
    );
    // Last year's shortcomings with no status this year: section III prints boxes.
    expect(
        "khac-phuc-chua-neu",
        &[
            ("dang_vien[5].tu_kiem_diem.han_che_ky_truoc", "", "tuổi cao"),
            (
                "dang_vien[7].tu_kiem_diem.han_che_ky_truoc",
                "",
                "tham gia sinh hoạt chi bộ chưa đầy đủ",
            ),
        ],
    );
    // Texts copied word for word.
    expect(
        "chep-nam-truoc",
        &[
            (
                "dang_vien[1].tu_kiem_diem.pham_chat",
                "giữ vững lập trường chính trị",
                "giữ vững lập trường chính trị",
            ),
            (
                "dang_vien[1].tu_kiem_diem.han_che",
                "chưa kịp thời tổng hợp",
                "chưa kịp thời tổng hợp",
            ),
        ],
    );
    // The text report gives last year's place on its own line.
    let output = hoso(["check", sample_2026().to_str().unwrap()]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("    kỳ trước: ") && text.contains("chi-bo-mau-2025.yaml:"),
        "{text}"
    );
}

/// Runs `hoso init DIR --from PREVIOUS`.
fn init_from(previous: &Path, dir: &Path) -> std::process::Output {
    hoso([
        "init".as_ref(),
        dir.as_os_str(),
        "--from".as_ref(),
        previous.as_os_str(),
    ])
}

#[test]
fn init_from_last_year_keeps_the_unit_drops_who_left_and_places_last_years_shortcomings() {
    let dir = tempfile::tempdir().unwrap();
    let year_dir = dir.path().join("2026");
    let output = init_from(&sample_2025(), &year_dir);
    assert!(output.status.success(), "{output:?}");
    let file = year_dir.join("don-vi.yaml");
    let (new, before) = (yaml(&file), yaml(&sample_2025()));
    assert_eq!(new["nam"], 2026);
    assert_eq!(new["to_chuc"], before["to_chuc"]);
    let stayed: Vec<&Value> = members(&before)
        .iter()
        .filter(|m| m.get("chuyen_di").is_none())
        .collect();
    assert!(
        stayed.len() < members(&before).len(),
        "the sample has one who left"
    );
    let ids = |list: &[&Value]| -> Vec<String> {
        list.iter()
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&members(&new).iter().collect::<Vec<_>>()), ids(&stayed));
    let placed = |review: &Value| -> Vec<String> {
        review["han_che_ky_truoc"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| e["han_che"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(placed(&new["tap_the"]), stated(&before, None));
    for member in members(&new) {
        let id = member["id"].as_str().unwrap();
        assert_eq!(
            placed(&member["tu_kiem_diem"]),
            stated(&before, Some(id)),
            "{id}"
        );
        for key in ["ho_ten", "ngay_sinh", "chuc_vu_dang", "chuc_vu_chinh_quyen"] {
            let old = members(&before).iter().find(|m| m["id"] == id).unwrap();
            assert_eq!(member.get(key), old.get(key), "{id}.{key}");
        }
    }
    // The new file checks clean, and its link leads back to last year's file.
    let (code, found) = findings(&file);
    assert_eq!(code, 0, "{found:#?}");
    assert!(found.iter().any(|f| f["rule"] == "khac-phuc-chua-neu"));
    // It is never written over.
    let again = init_from(&sample_2025(), &year_dir);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn a_review_under_the_2023_rules_feeds_the_first_review_under_the_2025_rules() {
    let dir = tempfile::tempdir().unwrap();
    let year_dir = dir.path().join("2025");
    let output = init_from(&sample(), &year_dir);
    assert!(output.status.success(), "{output:?}");
    let file = year_dir.join("don-vi.yaml");
    let before = yaml(&sample());
    assert_eq!(before["nam"], 2024);
    let out = dir.path().join("ho-so");
    packet(&file, &out);
    let new = yaml(&file);
    let mut checked = 0;
    for member in members(&new) {
        let id = member["id"].as_str().unwrap();
        let earlier = stated(&before, Some(id));
        if earlier.is_empty() || !out.join("dang-vien").join(id).exists() {
            continue;
        }
        let pdf = review_form(&out, id, ".pdf");
        // A form of the 2025 rules (Mẫu 2A/2B/2C), answering the 2024 review.
        assert!(
            pdf.file_name().unwrap().to_string_lossy().contains("-2025"),
            "{pdf:?}"
        );
        assert_section_three(
            &pdf,
            &review_form(&out, id, ".docx"),
            &earlier,
            2024,
            &member["tu_kiem_diem"],
        );
        checked += 1;
    }
    assert!(checked > 0, "the 2024 sample states members' shortcomings");
}

#[test]
fn a_wrong_link_to_last_year_is_a_located_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ho-so");
    let run = |data: &Path, extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["packet".as_ref()];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        args.extend([data.as_os_str(), "-o".as_ref(), out.as_os_str()]);
        let output = hoso(args);
        (
            output.status.code(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    let link = "ky_truoc: nam-truoc/chi-bo-mau-2025.yaml";
    let line = std::fs::read_to_string(sample_2026())
        .unwrap()
        .lines()
        .position(|l| l == link)
        .unwrap()
        + 1;
    // A file that is not there.
    let missing = edited(
        &sample_2026(),
        dir.path(),
        "thieu.yaml",
        link,
        "ky_truoc: khong-co.yaml",
    );
    let (code, stderr) = run(&missing, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("thieu.yaml:{line}:11")) && stderr.contains("ky_truoc"),
        "{stderr}"
    );
    assert!(!out.exists());
    // A "previous" review that is not earlier.
    let later = edited(
        &sample_2026(),
        dir.path(),
        "sau.yaml",
        link,
        "ky_truoc: sau.yaml",
    );
    let (code, stderr) = run(&later, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("không trước năm 2026"), "{stderr}");
    // --previous overrides the link, for one unit only.
    let (code, stderr) = run(&missing, &["--previous", sample_2025().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    std::fs::remove_dir_all(&out).unwrap();
    let (previous, units) = (sample_2025(), [sample_2026(), sample()]);
    let mut args: Vec<&std::ffi::OsStr> = vec!["packet".as_ref(), "--previous".as_ref()];
    args.push(previous.as_os_str());
    args.extend(units.iter().map(|unit| unit.as_os_str()));
    args.extend(["-o".as_ref(), out.as_os_str()]);
    let output = hoso(args);
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists());
    // A member who left before the meeting is not this unit's to review.
    let left = edited(
        &sample_2025(),
        dir.path(),
        "chuyen-di.yaml",
        "ngay: 2026-02-01",
        "ngay: 2025-11-01",
    );
    let (code, stderr) = run(&left, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("chuyen_di.ngay"), "{stderr}");
}

#[test]
fn earlier_shortcomings_written_in_the_data_print_in_a_2023_form_before_its_grade() {
    let dir = tempfile::tempdir().unwrap();
    let anchor = "      giai_trinh: |\n        Không có.\n";
    let entries = "      han_che_ky_truoc:\n        - han_che: Phân công nhiệm vụ cho công chức có lúc chưa đồng đều\n          nam: 2023\n          tinh_trang: da_khac_phuc\n        - han_che: Cập nhật hồ sơ lên hệ thống còn chậm\n          nam: 2022\n          tinh_trang: dang_khac_phuc\n          muc_do: đã cập nhật 80% hồ sơ\n";
    let data = edited(
        &sample(),
        dir.path(),
        "muc-iii.yaml",
        anchor,
        &format!("{entries}{anchor}"),
    );
    let files = render(
        &data,
        &dir.path().join("ra"),
        &["--form", "ca-nhan-lanh-dao", "--member", "nguyen-van-an"],
    );
    for (what, text) in [
        ("pdf", flat_body_text(&with_extension(&files, "pdf")[0])),
        ("docx", docx_text(&with_extension(&files, "docx")[0])),
    ] {
        in_order(
            what,
            section_three(&text),
            &[
                "1. Phân công nhiệm vụ cho công chức có lúc chưa đồng đều (năm 2023).",
                "Kết quả: Đã khắc phục",
                "2. Cập nhật hồ sơ lên hệ thống còn chậm (năm 2022).",
                "Kết quả: Đang khắc phục; mức độ khắc phục: đã cập nhật 80% hồ sơ",
                // The section's own text, then the member's grade of it.
                "Hạn chế được chỉ ra tại kỳ kiểm điểm năm 2023",
                "Xuất sắc",
                "Kém",
            ],
        );
    }
}

#[test]
fn last_years_folder_of_units_finds_a_member_who_moved_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let last_year = dir.path().join("2025");
    std::fs::create_dir(&last_year).unwrap();
    // Last year Phạm Minh Đức was in another chi bộ; the unit's own file no longer has him.
    edited(
        &sample_2025(),
        &last_year,
        "phong-chat-luong.yaml",
        "  - id: pham-minh-duc\n",
        "  - id: nguoi-khac\n",
    );
    edited(
        &sample_2025(),
        &last_year,
        "phong-kinh-te.yaml",
        "ten: Chi bộ Phòng Quản lý chất lượng công trình",
        "ten: Chi bộ Phòng Kinh tế xây dựng",
    );
    let now = edited(
        &sample_2026(),
        dir.path(),
        "2026.yaml",
        "ky_truoc: nam-truoc/chi-bo-mau-2025.yaml",
        "ky_truoc: 2025",
    );
    let before = yaml(&sample_2025());
    for (form, member, earlier) in [
        (
            "ca-nhan",
            Some("pham-minh-duc"),
            stated(&before, Some("pham-minh-duc")),
        ),
        ("tap-the", None, stated(&before, None)),
    ] {
        let mut args = vec!["--form", form, "--format", "pdf"];
        args.extend(member.iter().flat_map(|m| ["--member", m]));
        let files = render(&now, &dir.path().join(form), &args);
        let text = flat_body_text(&with_extension(&files, "pdf")[0]);
        let expected: Vec<String> = earlier
            .iter()
            .enumerate()
            .map(|(index, item)| format!("{}. {item} (năm 2025).", index + 1))
            .collect();
        assert!(!expected.is_empty());
        in_order(form, section_three(&text), &expected);
    }
}

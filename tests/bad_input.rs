//! Broken inputs: a Vietnamese message naming file, line, column and field; a non-zero exit; no
//! file left in the output folder.

mod common;

use std::ffi::OsStr;
use std::path::Path;

use common::*;

/// Runs `render` on `data` with extra arguments; returns (exit code, stderr) and checks that
/// nothing was written.
fn refused(data: &Path, extra: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ra");
    let output = run_render(data, &out, extra);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!output.status.success(), "{data:?} was accepted");
    assert!(
        files_in(&out).is_empty(),
        "{data:?} left files: {:?}",
        files_in(&out)
    );
    (output.status.code().unwrap(), stderr)
}

fn broken(file: &str) -> (i32, String) {
    let data = root().join("data-samples/loi").join(file);
    refused(&data, &["--form", "ca-nhan-lanh-dao", "--all"])
}

fn assert_says(stderr: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            stderr.contains(part),
            "the message lacks «{part}»:\n{stderr}"
        );
    }
}

#[test]
fn broken_yaml_names_file_line_and_column() {
    let (code, stderr) = broken("cu-phap-sai.yaml");
    assert_eq!(code, 1);
    assert_says(
        &stderr,
        &[
            "cu-phap-sai.yaml:5:8",
            "YAML sai cú pháp",
            "dấu ngoặc kép chưa được đóng",
        ],
    );
}

#[test]
fn a_missing_field_names_its_path() {
    let (code, stderr) = broken("thieu-truong.yaml");
    assert_eq!(code, 1);
    assert_says(
        &stderr,
        &[
            "thieu-truong.yaml:18:",
            "dang_vien[1].ngay_sinh",
            "thiếu trường bắt buộc «ngay_sinh»",
        ],
    );
}

#[test]
fn a_wrong_date_names_its_path_and_value() {
    let (code, stderr) = broken("ngay-sai.yaml");
    assert_eq!(code, 1);
    assert_says(
        &stderr,
        &[
            "ngay-sai.yaml:18:16",
            "dang_vien[1].ngay_sinh",
            "«30/02/1981» không hợp lệ",
        ],
    );
}

#[test]
fn an_unknown_member_reference_lists_the_known_ids() {
    let (code, stderr) = broken("ma-dang-vien-sai.yaml");
    assert_eq!(code, 1);
    assert_says(
        &stderr,
        &[
            "ma-dang-vien-sai.yaml:8:11",
            "to_chuc.bi_thu",
            "«nguyen-van-anh»",
            "nguyen-van-an, tran-thi-bich-ngoc",
        ],
    );
}

#[test]
fn an_unknown_rating_lists_the_levels() {
    let (code, stderr) = broken("muc-xep-loai-sai.yaml");
    assert_eq!(code, 1);
    assert_says(
        &stderr,
        &[
            "muc-xep-loai-sai.yaml:21:30",
            "tu_kiem_diem.tu_xep_loai_dang_vien",
            "«hoan_thanh_rat_tot»",
            "hoan_thanh_tot",
        ],
    );
}

#[test]
fn an_unknown_member_on_the_command_line_lists_the_nearest_ids_and_how_many_more() {
    let (code, stderr) = refused(
        &sample(),
        &["--form", "ca-nhan-lanh-dao", "--member", "nguyen-van-anh"],
    );
    assert_eq!(code, 1);
    assert_says(
        &stderr,
        &[
            "không có đảng viên mã «nguyen-van-anh»",
            "các mã có: nguyen-van-an, ",
            "và 8 mã khác",
        ],
    );
    // Five of the thirteen, not all.
    let listed = stderr.split("các mã có: ").nth(1).unwrap();
    assert_eq!(
        listed.split(" và ").next().unwrap().matches(", ").count(),
        4
    );
}

#[test]
fn an_unknown_form_lists_the_known_forms() {
    let (code, stderr) = refused(&sample(), &["--form", "mau-khong-co", "--all"]);
    assert_eq!(code, 2);
    assert_says(
        &stderr,
        &["không có mẫu «mau-khong-co»", "ca-nhan, ", "mã khác"],
    );
}

#[test]
fn a_form_missing_for_the_regime_says_which_regimes_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample())
        .unwrap()
        .replace("nam: 2024", "nam: 2022")
        .replace("2024-12-", "2022-12-")
        .replace("/12/2024", "/12/2022");
    let data = dir.path().join("nam-2022.yaml");
    std::fs::write(&data, text).unwrap();
    let (code, stderr) = refused(&data, &["--form", "ca-nhan-lanh-dao", "--all"]);
    assert_eq!(code, 2);
    assert_says(
        &stderr,
        &[
            "chưa có theo chế độ 2019 (năm đánh giá 2022)",
            "có theo chế độ: 2023, 2025",
        ],
    );
}

#[test]
fn a_missing_file_is_named() {
    let (code, stderr) = refused(
        &root().join("khong-co.yaml"),
        &["--form", "ca-nhan-lanh-dao", "--all"],
    );
    assert_eq!(code, 1);
    assert_says(&stderr, &["không đọc được tệp dữ liệu", "khong-co.yaml"]);
}

#[test]
fn a_wrong_option_value_is_explained_in_vietnamese() {
    let (code, stderr) = refused(
        &sample(),
        &["--form", "ca-nhan-lanh-dao", "--all", "--format", "odt"],
    );
    assert_eq!(code, 2);
    assert_says(
        &stderr,
        &[
            "giá trị «odt» không hợp lệ",
            "pdf, docx, both",
            "hoso render --help",
        ],
    );
}

#[test]
fn a_missing_option_is_named_in_vietnamese() {
    let output = hoso([
        OsStr::new("render"),
        OsStr::new("--all"),
        sample().as_os_str(),
    ]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_says(&stderr, &["thiếu tham số bắt buộc", "--output"]);
}

#[test]
fn neither_a_form_nor_all_is_explained() {
    let (code, stderr) = refused(&sample(), &["--member", "nguyen-van-an"]);
    assert_eq!(code, 2);
    assert_says(&stderr, &["chọn một mẫu (--form <MÃ_MẪU>)", "--all"]);
}

#[test]
fn an_output_folder_that_cannot_be_made_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("tep-thuong");
    std::fs::write(&blocker, "đây là một tệp, không phải thư mục").unwrap();
    let output = hoso([
        OsStr::new("render"),
        OsStr::new("--form"),
        OsStr::new("ca-nhan-lanh-dao"),
        OsStr::new("--all"),
        sample().as_os_str(),
        OsStr::new("-o"),
        blocker.join("ra").as_os_str(),
    ]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert_says(&stderr, &["không ghi được", "tep-thuong"]);
    assert_eq!(files_in(dir.path()), vec![blocker]);
}

/// "sua.yaml:LINE:COLUMN" of the first `after` that follows `line_with` in the sample: lines
/// from 1, columns from 1 in characters.
fn place_in_sample(line_with: &str, after: &str) -> String {
    let text = std::fs::read_to_string(sample()).unwrap();
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(line_with))
        .unwrap_or_else(|| panic!("the sample has no «{line_with}»"));
    let byte = line.find(line_with).unwrap() + line_with.find(after).unwrap() + after.len();
    let column = line[..byte].chars().count() + 1;
    format!("sua.yaml:{}:{column}", index + 1)
}

/// Renders the sample with `from` replaced by `to`; returns (exit code, stderr) of a refusal.
fn refused_edit(from: &str, to: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let data = sample_with(dir.path(), "sua.yaml", from, to);
    refused(&data, &["--form", "ca-nhan-lanh-dao", "--all"])
}

#[test]
fn a_two_digit_year_is_refused() {
    let (code, stderr) = refused_edit("ngay_sinh: 1972-03-12", "ngay_sinh: 12/3/75");
    assert_eq!(code, 1);
    let place = place_in_sample("ngay_sinh: 1972-03-12", "ngay_sinh: ");
    assert_says(
        &stderr,
        &[
            &place,
            "dang_vien[0].ngay_sinh",
            "«12/3/75»",
            "năm đủ bốn chữ số",
        ],
    );
    let (code, stderr) = refused_edit("ngay: 2024-12-05", "ngay: 5/12/24");
    assert_eq!(code, 1);
    let place = place_in_sample("  ngay: 2024-12-05", "ngay: ");
    assert_says(&stderr, &[&place, "hoi_nghi.ngay", "«5/12/24»"]);
}

#[test]
fn a_meeting_outside_the_review_year_is_refused() {
    let (code, stderr) = refused_edit("ngay: 2024-12-05", "ngay: 2023-12-05");
    assert_eq!(code, 1);
    assert_says(
        &stderr,
        &[
            &place_in_sample("  ngay: 2024-12-05", "ngay: "),
            "hoi_nghi.ngay",
            "nằm ngoài kỳ đánh giá năm 2024",
        ],
    );
}

#[test]
fn the_column_is_counted_in_characters_in_the_message_and_the_snippet() {
    // "    ho_ten: Trần Thị Bích" holds 3 letters of 2 bytes before the stray colon.
    let (code, stderr) = refused_edit("ho_ten: Trần Thị Bích Ngọc", "ho_ten: Trần Thị Bích: Ngọc");
    assert_eq!(code, 1);
    let place = place_in_sample("ho_ten: Trần Thị Bích Ngọc", "Bích");
    assert_says(
        &stderr,
        &[
            &format!("{place}:"),
            &format!("{place}]"),
            "trường dang_vien[1].ho_ten:",
        ],
    );
    assert!(!stderr.contains(".?"), "{stderr}");
}

#[test]
fn a_control_character_is_refused_with_its_code_point() {
    let (code, stderr) = refused_edit(
        "ho_ten: Trần Thị Bích Ngọc",
        "ho_ten: \"Trần Thị Bích Ngọc\\a\"",
    );
    assert_eq!(code, 1);
    assert_says(
        &stderr,
        &[
            &place_in_sample("ho_ten: Trần Thị Bích Ngọc", "ho_ten: "),
            "dang_vien[1].ho_ten",
            "ký tự điều khiển U+0007 không in được",
        ],
    );
}

#[test]
fn every_class_of_control_character_is_refused_with_its_code_point() {
    for (escaped, code) in [
        ("\\0", "U+0000"),
        ("\\a", "U+0007"),
        ("\\e[31m", "U+001B"),
        ("\\x7F", "U+007F"),
        ("\\x9B", "U+009B"),
        ("\\uFFFE", "U+FFFE"),
        ("\\uFFFF", "U+FFFF"),
    ] {
        let (exit, stderr) = refused_edit(
            "ho_ten: Trần Thị Bích Ngọc",
            &format!("ho_ten: \"Trần Thị {escaped}Bích Ngọc\""),
        );
        assert_eq!(exit, 1, "{escaped}: {stderr}");
        assert_says(
            &stderr,
            &[
                &place_in_sample("ho_ten: Trần Thị Bích Ngọc", "ho_ten: "),
                "dang_vien[1].ho_ten",
                &format!("ký tự điều khiển {code} không in được"),
            ],
        );
    }
}

#[test]
fn a_review_year_hoso_has_no_rules_for_is_a_data_error_naming_nam() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample())
        .unwrap()
        .replace("nam: 2024", "nam: 2099")
        .replace("2024-12-", "2099-12-")
        .replace("/12/2024", "/12/2099");
    let data = dir.path().join("nam-2099.yaml");
    std::fs::write(&data, text).unwrap();
    let (code, stderr) = refused(&data, &["--form", "ca-nhan", "--all"]);
    assert_eq!(code, 1);
    assert_says(&stderr, &["trường nam:", "năm đánh giá 2099 nằm ngoài"]);
}

#[test]
fn a_meeting_that_ends_before_it_starts_is_refused_naming_ket_thuc() {
    let dir = tempfile::tempdir().unwrap();
    let data = edited(
        &sample_2026(),
        dir.path(),
        "ket-thuc-som.yaml",
        "ket_thuc: \"17:15\"",
        "ket_thuc: \"13:15\"",
    );
    let (code, stderr) = refused(&data, &["--form", "bien-ban"]);
    assert_eq!(code, 1);
    let line = std::fs::read_to_string(&data)
        .unwrap()
        .lines()
        .position(|l| l.trim_start().starts_with("ket_thuc:"))
        .unwrap()
        + 1;
    let place = format!("ket-thuc-som.yaml:{line}:13");
    assert_says(
        &stderr,
        &[
            place.as_str(),
            "trường hoi_nghi.ket_thuc",
            "kết thúc lúc 13 giờ 15, trước giờ bắt đầu 14 giờ 00",
        ],
    );
    let checked = hoso([OsStr::new("check"), data.as_os_str()]);
    assert_eq!(checked.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&checked.stderr).contains("hoi_nghi.ket_thuc"));
}

/// The commands listed under "Lệnh:" in a help text.
fn commands_in(help: &str) -> Vec<String> {
    help.split("\nLệnh:\n")
        .nth(1)
        .map(|rest| {
            rest.lines()
                .take_while(|line| line.starts_with("  "))
                .filter_map(|line| line.split_whitespace().next().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_commands_help_is_in_vietnamese() {
    let mut todo: Vec<Vec<String>> = vec![Vec::new()];
    let mut seen = 0;
    while let Some(command) = todo.pop() {
        let mut args = command.clone();
        args.push("--help".to_string());
        let output = hoso(&args);
        let help = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(output.status.success(), "hoso {args:?}");
        for english in ["Usage:", "Arguments:", "Options:", "Commands:"] {
            assert!(
                !help.contains(english),
                "hoso {args:?} says «{english}»:\n{help}"
            );
        }
        assert!(help.contains("Cách dùng: hoso"), "hoso {args:?}:\n{help}");
        for sub in commands_in(&help) {
            let mut next = command.clone();
            next.push(sub);
            todo.push(next);
        }
        seen += 1;
    }
    assert!(seen > 15, "{seen} commands");
}

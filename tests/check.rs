//! `hoso check` end to end: the clean samples pass, each unit of `data-samples/loi/` that breaks
//! one rule gets that finding at its line, as text and as JSON; `render` refuses such a unit
//! unless `--force`.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Each broken unit, the rule it breaks, the field and the line the finding names.
const BROKEN: &[(&str, &str, &str, usize)] = &[
    (
        "quy-tac-ty-le-xuat-sac.yaml",
        "ty-le-xuat-sac",
        "dang_vien[1].danh_gia.phieu",
        19,
    ),
    (
        "quy-tac-phieu-du-bi.yaml",
        "phieu-khong-vuot-so-bieu-quyet",
        "dang_vien[1].danh_gia.phieu",
        18,
    ),
    (
        "quy-tac-bi-thu-cao-hon.yaml",
        "nguoi-dung-dau-khong-cao-hon-tap-the",
        "dang_vien[0].danh_gia.chi_bo_de_xuat",
        20,
    ),
    (
        "quy-tac-diem-va-muc.yaml",
        "diem-va-muc",
        "dang_vien[0].tu_kiem_diem.tu_xep_loai_dang_vien",
        18,
    ),
    (
        "quy-tac-thieu-ket-luan.yaml",
        "ket-luan-chu-tri",
        "dang_vien[0].danh_gia.ket_luan",
        19,
    ),
    (
        "quy-tac-nghi-om.yaml",
        "nghi-om-duoi-muc-tot",
        "dang_vien[0].tu_kiem_diem.tu_xep_loai_dang_vien",
        16,
    ),
];

fn broken(file: &str) -> PathBuf {
    root().join("data-samples/loi").join(file)
}

/// Runs `hoso check` with `args`; returns the exit code and the standard output.
fn check(args: &[&str]) -> (i32, String) {
    let output = hoso(std::iter::once("check").chain(args.iter().copied()));
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn json(data: &Path) -> (i32, serde_json::Value) {
    let (code, stdout) = check(&["--format", "json", data.to_str().unwrap()]);
    (
        code,
        serde_json::from_str(&stdout).unwrap_or_else(|err| panic!("{err}: {stdout}")),
    )
}

#[test]
fn the_clean_samples_break_no_rule() {
    for data in [sample(), sample_2026()] {
        let (code, stdout) = check(&[data.to_str().unwrap()]);
        assert_eq!(code, 0, "{stdout}");
        assert!(stdout.trim_end().ends_with("cảnh báo."), "{stdout}");
        assert!(stdout.contains(": không có lỗi,"), "{stdout}");
        assert!(!stdout.lines().any(|l| l.starts_with("lỗi")), "{stdout}");
    }
}

#[test]
fn each_broken_unit_gets_its_finding_at_its_line() {
    for &(file, rule, path, line) in BROKEN {
        let data = broken(file);
        let (code, report) = json(&data);
        assert_eq!(code, 1, "{file}");
        let errors: Vec<&serde_json::Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["level"] == "error")
            .collect();
        assert_eq!(errors.len(), 1, "{file}: {errors:#?}");
        assert_eq!(report["errors"], 1, "{file}");
        let finding = errors[0];
        assert_eq!(finding["rule"], rule, "{file}");
        assert_eq!(finding["path"], path, "{file}");
        assert_eq!(finding["line"], line, "{file}");
        for field in ["column", "message", "source"] {
            assert!(!finding[field].is_null(), "{file}: {field}");
        }
        // The text report says the same: level, place, field, reason, source and rule.
        let (code, text) = check(&[data.to_str().unwrap()]);
        assert_eq!(code, 1);
        let column = finding["column"].as_u64().unwrap();
        let head = format!("lỗi: {}:{line}:{column}: {path}\n", data.display());
        assert!(text.contains(&head), "«{head}» not in:\n{text}");
        let source = finding["source"].as_str().unwrap();
        assert!(
            text.contains(&format!("căn cứ: {source} [{rule}]")),
            "{text}"
        );
        assert!(
            text.contains(finding["message"].as_str().unwrap()),
            "{text}"
        );
    }
}

#[test]
fn the_json_report_names_the_unit_and_counts_findings() {
    let (code, report) = json(&sample_2026());
    assert_eq!(code, 0);
    assert_eq!(report["year"], 2026);
    assert_eq!(report["regime"], "2025");
    assert_eq!(report["errors"], 0);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(report["warnings"], findings.len());
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "dang-vien-moi-khong-kiem-diem")
    );
    // A file that cannot be read as a unit is one finding too, at its line.
    let (code, report) = json(&root().join("data-samples/loi/ngay-sai.yaml"));
    assert_eq!(code, 1);
    assert_eq!(report["findings"][0]["rule"], "du-lieu");
    assert_eq!(report["findings"][0]["path"], "dang_vien[1].ngay_sinh");
    assert!(report["findings"][0]["line"].as_u64().unwrap() > 1);
}

#[test]
fn render_refuses_a_unit_that_breaks_a_rule_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let data = broken("quy-tac-nghi-om.yaml");
    let out = dir.path().join("ra");
    let output = run_render(&data, &out, &["--form", "ca-nhan", "--all"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("[nghi-om-duoi-muc-tot]"), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(files_in(&out).is_empty());
    let output = run_render(&data, &out, &["--form", "ca-nhan", "--all", "--force"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("--force: vẫn ghi tệp dù dữ liệu có 1 lỗi"),
        "{stderr}"
    );
    assert_eq!(files_in(&out).len(), 2);
}

#[test]
fn a_member_admitted_less_than_six_months_ago_files_nothing_from_2025_and_hoso_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_render(&sample_2026(), dir.path(), &["--all"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("không in bản kiểm điểm của Đinh Văn Khoa (dinh-van-khoa)"),
        "{stderr}"
    );
    let names = file_names(&files_in(dir.path()));
    assert!(
        !names.iter().any(|n| n.contains("dinh-van-khoa")),
        "{names:?}"
    );
    let output = run_render(
        &sample_2026(),
        &dir.path().join("mot"),
        &["--form", "ca-nhan", "--member", "dinh-van-khoa"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(files_in(&dir.path().join("mot")).is_empty());
}

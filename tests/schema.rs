//! `hoso schema`: the JSON Schema of a unit file, checked by a JSON Schema validator (Python's
//! `jsonschema`) against every sample, the starter and next year's file, and shown to report a
//! misspelt key, a level that does not exist and a date in the wrong form.

mod common;

use std::path::Path;

use common::{hoso, root, run_python};

/// The validator: every error of the instance, one per line as `path: message`.
const VALIDATE: &str = r#"
import json, sys
from jsonschema import Draft7Validator
schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft7Validator.check_schema(schema)
instance = json.load(open(sys.argv[2], encoding="utf-8"))
for error in Draft7Validator(schema).iter_errors(instance):
    print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
"#;

/// The schema `hoso schema -o` writes, in `dir`.
fn schema_in(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("hoso.schema.json");
    let output = hoso(["schema".as_ref(), "-o".as_ref(), file.as_os_str()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    file
}

/// The validator's errors for the YAML `text`, read as hoso reads it.
fn errors(schema: &Path, text: &str, dir: &Path) -> Vec<String> {
    let value: serde_json::Value = serde_saphyr::from_str(text).expect("the YAML reads");
    let instance = dir.join("don-vi.json");
    std::fs::write(&instance, serde_json::to_string(&value).unwrap()).unwrap();
    run_python(VALIDATE, [schema, instance.as_path()])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn every_sample_and_the_starting_files_validate() {
    let dir = tempfile::tempdir().unwrap();
    let schema = schema_in(dir.path());
    let mut files: Vec<std::path::PathBuf> = [
        "data-samples/chi-bo-mau.yaml",
        "data-samples/chi-bo-mau-2026.yaml",
        "data-samples/nam-truoc/chi-bo-mau-2025.yaml",
        "data-samples/tong-hop/dang-uy-so-xay-dung.yaml",
    ]
    .iter()
    .map(|file| root().join(file))
    .collect();
    let starter = dir.path().join("moi");
    let next = dir.path().join("nam-sau");
    let previous = root().join("data-samples/chi-bo-mau-2026.yaml");
    for args in [
        vec![starter.as_os_str()],
        vec!["--from".as_ref(), previous.as_os_str(), next.as_os_str()],
    ] {
        let output = hoso(std::iter::once("init".as_ref()).chain(args));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    files.extend([starter.join("don-vi.yaml"), next.join("don-vi.yaml")]);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let found = errors(&schema, &text, dir.path());
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
    }
}

#[test]
fn a_misspelt_key_a_level_that_does_not_exist_and_a_wrong_date_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let schema = schema_in(dir.path());
    let sample = std::fs::read_to_string(root().join("data-samples/chi-bo-mau-2026.yaml")).unwrap();
    let broken = |from: &str, to: &str| {
        assert!(sample.contains(from), "the sample has {from}");
        sample.replacen(from, to, 1)
    };

    let found = errors(&schema, &broken("    ho_ten:", "    ho_tenn:"), dir.path());
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("dang_vien/0") && e.contains("'ho_tenn'")),
        "{found:#?}"
    );

    let level = errors(
        &schema,
        &broken("de_xuat: hoan_thanh_tot", "de_xuat: hoan_thanh_totx"),
        dir.path(),
    );
    assert!(
        level
            .iter()
            .any(|e| e.starts_with("tap_the/de_xuat") && e.contains("hoan_thanh_totx")),
        "{level:#?}"
    );

    let date = sample.replacen("  ngay: ", "  ngay: 05-12-", 1);
    let dated = errors(&schema, &date, dir.path());
    assert!(
        dated.iter().any(|e| e.contains("does not match")),
        "{dated:#?}"
    );
}

#[test]
fn a_year_of_birth_alone_validates_as_hoso_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let schema = schema_in(dir.path());
    let sample = std::fs::read_to_string(root().join("data-samples/chi-bo-mau-2026.yaml")).unwrap();
    let born = "ngay_sinh: 1974-09-02";
    assert!(sample.contains(born));
    for (year, valid) in [
        ("1974", true),
        ("'1974'", true),
        ("74", false),
        ("'74'", false),
    ] {
        let text = sample.replacen(born, &format!("ngay_sinh: {year}"), 1);
        let found = errors(&schema, &text, dir.path());
        assert_eq!(found.is_empty(), valid, "{year}: {found:#?}");
        // hoso reads what the schema takes, and refuses what it refuses (last year's file,
        // which the copy has not beside it, left out).
        let file = dir.path().join("nam-sinh.yaml");
        let linked = "ky_truoc: nam-truoc/chi-bo-mau-2025.yaml\n";
        assert!(text.contains(linked));
        std::fs::write(&file, text.replace(linked, "")).unwrap();
        let check = hoso(["check".as_ref(), file.as_os_str()]);
        let stderr = String::from_utf8_lossy(&check.stderr);
        assert_eq!(
            check.status.code(),
            Some(if valid { 0 } else { 1 }),
            "{year}: {stderr}"
        );
        assert_eq!(
            stderr.contains("dang_vien[0].ngay_sinh"),
            !valid,
            "{year}: {stderr}"
        );
    }
}

#[test]
fn the_schema_names_each_key_in_vietnamese() {
    let output = hoso(["schema"]);
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let member = &schema["properties"]["dang_vien"]["items"]["properties"];
    assert_eq!(member["ho_ten"]["title"], "Họ và tên");
    assert_eq!(
        member["tu_kiem_diem"]["properties"]["han_che"]["title"],
        "Hạn chế, khuyết điểm"
    );
    assert_eq!(schema["additionalProperties"], false);
    let levels = member["danh_gia"]["properties"]["chi_bo_de_xuat"]["enum"]
        .as_array()
        .unwrap();
    assert!(levels.iter().any(|l| l == "HTTNV") && levels.iter().any(|l| l == "hoan_thanh_tot"));
}

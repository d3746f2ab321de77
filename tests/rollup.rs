//! `hoso tong-hop` end to end: every count equals one made here from the YAML files; a quota
//! broken only across units (each unit within its own) is found; the CSV and the XLSX, read back
//! by Python's readers, carry the same numbers.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// Runs `hoso tong-hop` with `args`; the exit code, standard output and standard error.
fn rollup(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let output = hoso(std::iter::once("tong-hop".as_ref()).chain(args.iter().copied()));
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// A folder of three units of one year made from the sample `data` (whose unit is named by the
/// line `name`): the same chi bộ under three names, the third with one member's level moved
/// (`from` into `to`).
fn three_units(dir: &Path, data: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    let units = dir.join("don-vi");
    std::fs::create_dir(&units).unwrap();
    for (file, renamed) in [
        ("a.yaml", "ten: Chi bộ Phòng A"),
        ("b.yaml", "ten: Chi bộ Phòng B"),
        ("c.yaml", "ten: Chi bộ Phòng C"),
    ] {
        edited(data, &units, file, name, renamed);
    }
    let c = units.join("c.yaml");
    let text = std::fs::read_to_string(&c).unwrap();
    assert!(text.contains(from));
    std::fs::write(&c, text.replacen(from, to, 1)).unwrap();
    units
}

/// [`three_units`] of the 2026 sample (2025 rules): a vote moved up a level.
fn three_units_2026(dir: &Path) -> PathBuf {
    three_units(
        dir,
        &sample_2026(),
        "ten: Chi bộ Phòng Quản lý chất lượng công trình",
        "      phieu:\n        hoan_thanh: 6\n",
        "      phieu:\n        hoan_thanh_tot: 6\n",
    )
}

/// [`three_units`] of the 2024 sample (2023 rules): a chi bộ's proposal moved down a level.
fn three_units_2024(dir: &Path) -> PathBuf {
    three_units(
        dir,
        &sample(),
        "ten: Chi bộ Phòng Quản lý xây dựng",
        "      chi_bo_de_xuat: hoan_thanh_tot\n",
        "      chi_bo_de_xuat: hoan_thanh\n",
    )
}

/// What the test counts from a unit's YAML: per level (best first), the members rated at it —
/// by the meeting's votes, else the chi bộ's proposal — and how many are not rated.
fn counted(unit: &Value) -> ([u64; 4], u64) {
    let members = unit["dang_vien"].as_array().unwrap();
    let absent: Vec<&str> = unit["hoi_nghi"]["vang_mat"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let voters = members
        .iter()
        .filter(|m| m["du_bi"] != true && !absent.contains(&m["id"].as_str().unwrap()))
        .count() as u64;
    let mut levels = [0; 4];
    let mut not_rated = 0;
    for member in members {
        let assessment = &member["danh_gia"];
        let level = if assessment["phieu"].is_object() {
            adopted(&assessment["phieu"], voters)
        } else {
            assessment["chi_bo_de_xuat"]
                .as_str()
                .and_then(|key| LEVEL_KEYS.iter().position(|k| *k == key))
        };
        match level {
            Some(index) => levels[index] += 1,
            None => not_rated += 1,
        }
    }
    (levels, not_rated)
}

/// The count of each level in a roll-up's JSON levels object, best first.
fn levels_of(json: &Value) -> [u64; 4] {
    ["excellent", "good", "completed", "not_completed"].map(|key| json[key].as_u64().unwrap())
}

/// The rows of a table file, as `tests/tools/table_rows.py` reads them.
fn table_rows(file: &Path) -> Vec<Value> {
    let script = root().join("tests/tools/table_rows.py");
    let json = tool(
        python().to_str().unwrap(),
        [script.as_os_str(), file.as_os_str()],
    );
    serde_json::from_str(&json).unwrap()
}

#[test]
fn every_count_is_the_yamls_and_the_tables_carry_the_same_numbers_under_both_regimes() {
    for make in [three_units_2026, three_units_2024] {
        let dir = tempfile::tempdir().unwrap();
        counts_and_tables_agree(&make(dir.path()), dir.path());
    }
}

/// The roll-up of the three units in `units` into `dir`: each count as the test makes it from
/// the YAML, and the same numbers in the CSV and the XLSX.
fn counts_and_tables_agree(units: &Path, dir: &Path) {
    let out = dir.join("tong-hop");
    let (code, stdout, stderr) = rollup(&[
        "--format".as_ref(),
        "json".as_ref(),
        units.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let json_units = report["rollup"]["units"].as_array().unwrap();
    assert_eq!(json_units.len(), 3);
    let mut total = [0; 4];
    let mut total_not_rated = 0;
    let mut expected_rows = Vec::new();
    for (index, (file, json)) in ["a.yaml", "b.yaml", "c.yaml"]
        .iter()
        .zip(json_units)
        .enumerate()
    {
        let unit: Value =
            serde_saphyr::from_str(&std::fs::read_to_string(units.join(file)).unwrap()).unwrap();
        let (levels, not_rated) = counted(&unit);
        assert_eq!(levels_of(&json["levels"]), levels, "{file}");
        assert_eq!(
            json["not_rated"].as_array().unwrap().len() as u64,
            not_rated,
            "{file}"
        );
        let members = unit["dang_vien"].as_array().unwrap().len() as u64;
        assert_eq!(json["members"], members);
        for (sum, count) in total.iter_mut().zip(levels) {
            *sum += count;
        }
        total_not_rated += not_rated;
        expected_rows.push((
            index as u64 + 1,
            unit["to_chuc"]["ten"].clone(),
            members,
            levels,
            not_rated,
        ));
    }
    assert_eq!(levels_of(&report["rollup"]["members"]), total);
    // The third unit's changed level moved one member.
    assert_ne!(
        levels_of(&json_units[0]["levels"]),
        levels_of(&json_units[2]["levels"])
    );
    // The same numbers in both tables, read by Python.
    let csv = table_rows(&out.join("tong-hop.csv"));
    let xlsx = table_rows(&out.join("tong-hop.xlsx"));
    assert_eq!(xlsx[0]["title"], "Tổng hợp");
    assert_eq!(&xlsx[1..], &csv[..], "the XLSX and the CSV differ");
    let header = csv[0].as_array().unwrap();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let level_columns = [
        column("Hoàn thành xuất sắc nhiệm vụ"),
        column("Hoàn thành tốt nhiệm vụ"),
        column("Hoàn thành nhiệm vụ"),
        column("Không hoàn thành nhiệm vụ"),
    ];
    for (row, (number, name, members, levels, not_rated)) in csv[1..].iter().zip(&expected_rows) {
        assert_eq!(row[0], *number);
        assert_eq!(row[1], *name);
        assert_eq!(row[column("Số đảng viên")], *members);
        assert_eq!(level_columns.map(|c| row[c].as_u64().unwrap()), *levels);
        assert_eq!(row[column("Chưa xếp loại")], *not_rated);
    }
    let last = csv.last().unwrap();
    assert_eq!(last[1], "Tổng cộng");
    assert_eq!(level_columns.map(|c| last[c].as_u64().unwrap()), total);
    assert_eq!(last[column("Chưa xếp loại")], total_not_rated);
}

/// A unit of 2026 named `name` with five full members, all present: the first rated
/// "Hoàn thành xuất sắc nhiệm vụ", the others "Hoàn thành tốt nhiệm vụ".
fn small_unit(name: &str) -> String {
    let mut yaml = format!(
        "nam: 2026
to_chuc: {{cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ {name}, dia_danh: Hải Phòng, bi_thu: a}}
hoi_nghi: {{ngay: 2026-12-05}}
tap_the: {{danh_gia: {{phieu: {{hoan_thanh_tot: 5}}, ket_luan: Nhất trí}}}}
dang_vien:
"
    );
    for (index, id) in ["a", "b", "c", "d", "e"].iter().enumerate() {
        let level = if index == 0 {
            "hoan_thanh_xuat_sac"
        } else {
            "hoan_thanh_tot"
        };
        yaml.push_str(&format!(
            "  - {{id: {id}, ho_ten: Đảng viên {id} {name}, ngay_sinh: 1980-01-0{}, danh_gia: {{phieu: {{{level}: 5}}, ket_luan: Nhất trí}}}}\n",
            index + 1
        ));
    }
    yaml
}

#[test]
fn a_quota_broken_only_across_units_is_found_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("don-vi");
    std::fs::create_dir(&units).unwrap();
    for name in ["Một", "Hai", "Ba", "Bốn", "Năm"] {
        let file = units.join(format!("{}.yaml", deunicode_name(name)));
        std::fs::write(&file, small_unit(name)).unwrap();
        // Alone, each unit is within its quota: fewer than five "tốt", so one "xuất sắc".
        let output = hoso(["check", "--format", "json", file.to_str().unwrap()]);
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(
            !report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["rule"] == "ty-le-xuat-sac"),
            "{report:#}"
        );
    }
    let out = dir.path().join("tong-hop");
    let (code, stdout, _) = rollup(&[
        "--format".as_ref(),
        "json".as_ref(),
        units.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, Some(1));
    assert!(!out.exists());
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let quota: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "ty-le-xuat-sac-chung")
        .collect();
    assert_eq!(quota.len(), 1, "{findings:#?}");
    assert_eq!(quota[0]["level"], "error");
    let message = quota[0]["message"].as_str().unwrap();
    // 5 rated "xuất sắc" against 20 rated "tốt": 20% of 20 is 4; every unit named.
    assert!(
        message.contains("5 đảng viên Hoàn thành xuất sắc nhiệm vụ")
            && message.contains("số được phép là 4")
            && message.contains("20 đảng viên Hoàn thành tốt nhiệm vụ"),
        "{message}"
    );
    for name in ["Một", "Hai", "Ba", "Bốn", "Năm"] {
        assert!(
            message.contains(&format!("Chi bộ {name}: 1 (Đảng viên a {name})")),
            "{message}"
        );
    }
    assert!(quota[0]["source"].as_str().unwrap().contains("366-QĐ/TW"));
    assert!(
        !findings
            .iter()
            .any(|f| f["rule"] == "ty-le-xuat-sac-tap-the")
    );
    // --force writes the tables all the same.
    let (code, _, stderr) = rollup(&[
        "--force".as_ref(),
        units.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(out.join("tong-hop.csv").exists() && out.join("tong-hop.xlsx").exists());
    assert!(stderr.contains("ty-le-xuat-sac-chung"), "{stderr}");
}

/// An ASCII file name for a Vietnamese unit name.
fn deunicode_name(name: &str) -> String {
    deunicode::deunicode(name).to_lowercase()
}

#[test]
fn units_of_different_years_are_not_rolled_up_together() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tong-hop");
    let (code, _, stderr) = rollup(&[
        sample().as_os_str(),
        sample_2026().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("không cùng năm"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn the_report_in_pdf_and_docx_carries_the_counts_the_names_and_the_issuers_frame() {
    let dir = tempfile::tempdir().unwrap();
    let units = three_units_2026(dir.path());
    let issuer = root().join("data-samples/tong-hop/dang-uy-so-xay-dung.yaml");
    let out = dir.path().join("tong-hop");
    let (code, _, stderr) = rollup(&[
        "--don-vi".as_ref(),
        issuer.as_os_str(),
        units.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let pdf = out.join("tong-hop.pdf");
    let docx = out.join("tong-hop.docx");
    // What the test counts itself from the YAML files.
    let mut levels = [0; 4];
    let (mut members, mut not_rated) = (0, 0);
    for file in ["a.yaml", "b.yaml", "c.yaml"] {
        let unit: Value =
            serde_saphyr::from_str(&std::fs::read_to_string(units.join(file)).unwrap()).unwrap();
        let (counts, unrated) = counted(&unit);
        for (sum, count) in levels.iter_mut().zip(counts) {
            *sum += count;
        }
        not_rated += unrated;
        members += unit["dang_vien"].as_array().unwrap().len() as u64;
    }
    let rated: u64 = levels.iter().sum();
    let issuer_yaml: Value =
        serde_saphyr::from_str(&std::fs::read_to_string(&issuer).unwrap()).unwrap();
    let expected = [
        format!("Số {}", issuer_yaml["tap_the"]["so"].as_str().unwrap()),
        "BÁO CÁO".to_string(),
        "Tổng số tổ chức đảng trực thuộc: 3".to_string(),
        format!("Tổng số đảng viên: {members}; được xếp loại: {rated}, trong đó:"),
        format!("- Hoàn thành xuất sắc nhiệm vụ: {}", levels[0]),
        format!("- Hoàn thành tốt nhiệm vụ: {}", levels[1]),
        format!("- Hoàn thành nhiệm vụ: {}", levels[2]),
        format!("- Không hoàn thành nhiệm vụ: {}", levels[3]),
        "III. Đảng viên chưa được xếp loại".to_string(),
        "- Mai Thanh Sơn (Chi bộ Phòng A): vắng mặt tại hội nghị".to_string(),
        "IV. Đảng viên được xếp loại Hoàn thành xuất sắc nhiệm vụ".to_string(),
        "- Trần Quốc Khánh (Chi bộ Phòng A).".to_string(),
        "- Trần Quốc Khánh (Chi bộ Phòng C).".to_string(),
        // The units link their 2025 review: last year's results.
        "V. So sánh với năm 2025".to_string(),
        "T/M ĐẢNG ỦY".to_string(),
        "Hoàng Văn Hùng".to_string(),
    ];
    let pdf_text = flat_body_text(&pdf);
    in_order("PDF", &pdf_text, &expected);
    let section = &pdf_text
        [pdf_text.find("III. Đảng viên chưa").unwrap()..pdf_text.find("IV. Đảng viên").unwrap()];
    assert_eq!(
        section.matches("(Chi bộ Phòng").count() as u64,
        not_rated,
        "one line per member not rated: {section}"
    );
    // The DOCX says the same: the same characters (a table's cells are read across rows by
    // pdftotext), and the same lines in order.
    let facts = docx_facts(&docx);
    let docx_text = facts.paragraphs.join(" ");
    in_order(
        "DOCX",
        &docx_text.split_whitespace().collect::<Vec<_>>().join(" "),
        &expected,
    );
    let sorted = |text: &str| {
        let mut chars: Vec<char> = comparable(text).chars().collect();
        chars.sort_unstable();
        chars
    };
    assert!(sorted(&facts.paragraphs.join("\n")) == sorted(&pdf_body_text(&pdf)));
    assert_eq!(pdf_author(&pdf), "Đảng bộ Sở Xây dựng thành phố Hải Phòng");
    assert!(tool("pdffonts", [pdf.as_os_str()]).contains("LiberationSerif"));
    // The README shows page 1.
    page_image_matches(&pdf, 1, "bao-cao-tong-hop").unwrap();
}

#[test]
fn the_report_form_is_refused_by_render_before_any_finding() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ra");
    let output = run_render(&sample_2026(), &out, &["--form", "bao-cao-tong-hop"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("hoso tong-hop"), "{stderr}");
    assert!(!stderr.contains("cảnh báo"), "{stderr}");
    assert!(!out.exists());
}

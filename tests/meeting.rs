//! The meeting's documents and the two registrations, end to end: every number of the minutes
//! and of the tally is recounted here from the YAML, and read back from the PDF.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// The 2026 sample as a YAML reader sees it.
fn unit() -> Value {
    let yaml = std::fs::read_to_string(sample_2026()).unwrap();
    serde_saphyr::from_str(&yaml).unwrap()
}

/// The PDF of `form` for the unit (or for `member`), rendered into `dir`.
fn pdf_of(dir: &Path, form: &str, member: Option<&str>) -> PathBuf {
    let mut args = vec!["--form", form, "--format", "pdf"];
    args.extend(member.iter().flat_map(|m| ["--member", m]));
    let files = render(&sample_2026(), &dir.join(form), &args);
    with_extension(&files, "pdf").remove(0)
}

/// "83,3%": a share with one decimal and a decimal comma, as the minutes print it.
fn share(votes: u64, voters: u64) -> String {
    let text = format!("{:.1}", votes as f64 * 100.0 / voters as f64).replace('.', ",");
    format!("{}%", text.strip_suffix(",0").unwrap_or(&text))
}

const LEVELS: [(&str, &str); 4] = [
    ("hoan_thanh_xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"),
    ("hoan_thanh_tot", "Hoàn thành tốt nhiệm vụ"),
    ("hoan_thanh", "Hoàn thành nhiệm vụ"),
    ("khong_hoan_thanh", "Không hoàn thành nhiệm vụ"),
];

#[test]
fn the_minutes_count_what_the_data_says() {
    let dir = tempfile::tempdir().unwrap();
    let text = flat_body_text(&pdf_of(dir.path(), "bien-ban", None));
    let unit = unit();
    let members = unit["dang_vien"].as_array().unwrap();
    let probation = |m: &&Value| m["du_bi"] == true;
    let absent: Vec<&str> = unit["hoi_nghi"]["vang_mat"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let is_absent = |m: &&Value| absent.contains(&m["id"].as_str().unwrap());
    let full = members.iter().filter(|m| !probation(m)).count();
    let voters = members
        .iter()
        .filter(|m| !probation(m) && !is_absent(m))
        .count() as u64;
    for line in [
        format!(
            "{} đồng chí, trong đó chính thức {full}, dự bị {}.",
            members.len(),
            members.len() - full
        ),
        format!(
            "- Có mặt: {}/{} đồng chí; đảng viên chính thức có mặt: {voters}/{full} đồng chí.",
            members.len() - absent.len(),
            members.len()
        ),
        "- Vắng mặt: 1 đồng chí: Mai Thanh Sơn (Đi công tác tại công trình cầu Rào 3 theo quyết định của Sở).".to_string(),
        "Số 06-BB/CB".to_string(),
        "bắt đầu vào hồi 14 giờ 00, ngày 08 tháng 12 năm 2026".to_string(),
        "Hội nghị kết thúc vào hồi 17 giờ 15 cùng ngày.".to_string(),
        "Hình thức biểu quyết: bỏ phiếu kín".to_string(),
    ] {
        assert!(text.contains(&line), "«{line}» not in:\n{text}");
    }
    let mut results = Vec::new();
    for member in members
        .iter()
        .filter(|m| m["danh_gia"]["phieu"].is_object())
    {
        let votes = &member["danh_gia"]["phieu"];
        let count = |key: &str| votes[key].as_u64().unwrap_or(0);
        let mut line = "Kết quả biểu quyết: ".to_string();
        let parts: Vec<String> = LEVELS
            .iter()
            .map(|(key, label)| {
                format!(
                    "{label} {} phiếu ({})",
                    count(key),
                    share(count(key), voters)
                )
            })
            .collect();
        line.push_str(&parts.join("; "));
        let adopted = LEVELS[adopted(votes, voters).unwrap()].1;
        results.push(member["ho_ten"].as_str().unwrap().to_string());
        results.push(format!("{line}."));
        results.push(format!("Mức được thông qua: {adopted}"));
        results.push(format!(
            "Đồng chí chủ trì kết luận: {}",
            member["danh_gia"]["ket_luan"].as_str().unwrap().trim()
        ));
    }
    in_order("the minutes", &text, &results);
    for signer in [
        "THƯ KÝ",
        "CHỦ TRÌ",
        "Nguyễn Thị Lan",
        "Trần Quốc Khánh",
        "Nơi nhận:",
    ] {
        assert!(text.contains(signer), "«{signer}» not in the minutes");
    }
}

#[test]
fn the_tally_has_a_row_for_the_collective_and_each_reviewed_member() {
    let dir = tempfile::tempdir().unwrap();
    let text = flat_text(&pdf_of(dir.path(), "tong-hop", None));
    let unit = unit();
    let mut rows =
        vec!["1 Tập thể chi ủy 89,5 điểm, HTTNV 0 (0%) 6 (100%) 0 (0%) 0 (0%) HTTNV".to_string()];
    let reviewed = names_in(&sample_2026());
    for (index, name) in reviewed.iter().enumerate() {
        rows.push(format!("{} {name}", index + 2));
    }
    in_order("the tally", &text, &rows);
    assert!(
        !text.contains("Đinh Văn Khoa"),
        "a member not reviewed has no row"
    );
    assert_eq!(
        reviewed.len() + 1,
        unit["dang_vien"].as_array().unwrap().len()
    );
}

#[test]
fn the_pledge_numbers_each_commitment_and_the_chi_uy_confirms_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = flat_text(&pdf_of(dir.path(), "neu-guong", Some("tran-quoc-khanh")));
    let unit = unit();
    let pledges = unit["dang_vien"][0]["cam_ket_neu_guong"]
        .as_array()
        .unwrap();
    let mut expected = vec![
        "BẢN ĐĂNG KÝ NÊU GƯƠNG tu dưỡng, rèn luyện, phấn đấu năm 2027".to_string(),
        "Họ và tên: Trần Quốc Khánh".to_string(),
        "Ngày vào Đảng: 19/05/1999".to_string(),
    ];
    for (index, pledge) in pledges.iter().enumerate() {
        expected.push(format!("{}. {}", index + 1, pledge.as_str().unwrap()));
    }
    expected.extend(
        [
            "XÁC NHẬN CỦA CHI ỦY",
            "T/M CHI ỦY",
            "PHÓ BÍ THƯ",
            "XÁC NHẬN CỦA LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ",
        ]
        .map(String::from),
    );
    in_order("the pledge", &text, &expected);
    assert!(text.contains("NGƯỜI ĐĂNG KÝ"), "{text}");
}

#[test]
fn a_leaders_breakthrough_registration_lists_its_tasks_for_the_superior_committee_to_approve() {
    let dir = tempfile::tempdir().unwrap();
    let text = flat_text(&pdf_of(dir.path(), "dot-pha", Some("luong-thi-thu-trang")));
    let unit = unit();
    let task = &unit["dang_vien"][1]["viec_dot_pha"][0];
    let mut expected =
        vec!["BẢN ĐĂNG KÝ thực hiện 1 – 2 công việc đột phá, sáng tạo năm 2027".to_string()];
    expected.push("STT Tên công việc".to_string());
    for key in ["ten", "noi_dung", "muc_tieu", "thoi_gian"] {
        expected.push(task[key].as_str().unwrap().to_string());
    }
    expected.extend(
        [
            "PHÊ DUYỆT CỦA ĐẢNG ỦY SỞ XÂY DỰNG THÀNH PHỐ HẢI PHÒNG",
            "T/M ĐẢNG ỦY",
            "BÍ THƯ",
            "(Ký, ghi rõ họ tên và đóng dấu)",
        ]
        .map(String::from),
    );
    in_order("the registration", &text, &expected);
}

#[test]
fn minutes_the_data_does_not_record_yet_print_lines_to_fill_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let files = render(
        &sample(),
        dir.path(),
        &["--form", "bien-ban", "--format", "pdf"],
    );
    let text = flat_body_text(&with_extension(&files, "pdf")[0]);
    let dots = ".".repeat(20);
    for part in [
        "Số …-BB/…".to_string(),
        format!("Người chủ trì: {dots}"),
        format!("- Có mặt: {dots}"),
        format!("- Vắng mặt: {dots}"),
        format!("Kết quả biểu quyết: {dots}"),
        format!("Đồng chí chủ trì kết luận: {dots}"),
        format!("Hội nghị kết thúc vào hồi {dots}"),
    ] {
        assert!(text.contains(&part), "«{part}» not in:\n{text}");
    }
}

//! Mẫu 02B of 2023 as Quy định 124-QĐ/TW words it: items I.1 and I.2, the self-grading rows
//! after I.1–I.5 and III, and section VII's levels as tick boxes, in both files.

mod common;

use std::path::PathBuf;

use common::*;

const ROW: &str = "Tự đánh giá về cấp độ thực hiện:";
const GRADES: [&str; 4] = ["Xuất sắc", "Tốt", "Trung bình", "Kém"];
const LEVELS: [&str; 4] = [
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
];

/// Renders one member's form; returns the folder and the PDF.
fn form_of(member: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let files = render(
        &sample(),
        dir.path(),
        &["--form", "ca-nhan-lanh-dao", "--member", member],
    );
    let pdf = with_extension(&files, "pdf").remove(0);
    (dir, pdf)
}

/// The boxes of a row of choices as printed, the one at `marked` (if any) filled.
fn boxes(labels: &[&str], marked: Option<&str>) -> Vec<String> {
    labels
        .iter()
        .map(|label| {
            let mark = if Some(*label) == marked { '■' } else { '□' };
            format!("{mark} {label}")
        })
        .collect()
}

#[test]
fn items_one_and_two_have_the_2023_wording() {
    let (_dir, pdf) = form_of("nguyen-van-an");
    let text = flat_text(&pdf);
    for wording in [
        "1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương, việc thực hiện những điều đảng viên không được làm; tác phong, lề lối làm việc. Liên hệ các biểu hiện suy thoái, \"tự diễn biến\", \"tự chuyển hoá\".",
        "2. Việc thực hiện nhiệm vụ, quyền hạn và kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm.",
        "Đơn vị công tác: Phòng Quản lý xây dựng, Sở Xây dựng tỉnh Hải Dương Chi bộ Phòng Quản lý xây dựng",
    ] {
        assert!(text.contains(wording), "«{wording}» not in:\n{text}");
    }
    assert!(!text.contains("Về thực hiện chức trách, nhiệm vụ được giao"));
    assert!(
        !text.contains("Chi bộ:"),
        "the 2023 line has no colon after «Chi bộ»"
    );
}

#[test]
fn each_graded_item_is_followed_by_its_row_with_the_members_grade_marked() {
    let (_dir, pdf) = form_of("nguyen-van-an");
    let text = flat_text(&pdf);
    // The sample's grades: I.1 xuat_sac, I.2 xuat_sac, I.3 tot, I.4 xuat_sac, I.5 tot, III tot.
    let items = [
        ("1. Về phẩm chất chính trị", "Xuất sắc"),
        ("2. Việc thực hiện nhiệm vụ, quyền hạn", "Xuất sắc"),
        ("3. Kết quả công tác lãnh đạo", "Tốt"),
        ("4. Trách nhiệm trong công việc", "Xuất sắc"),
        ("5. Trách nhiệm nêu gương", "Tốt"),
        ("III. Kết quả khắc phục", "Tốt"),
    ];
    let mut expected = Vec::new();
    for (item, grade) in items {
        expected.push(item.to_string());
        expected.push(ROW.to_string());
        expected.push(boxes(&GRADES, Some(grade)).join(" "));
    }
    in_order("Mẫu 02B", &text, &expected);
    assert_eq!(text.matches(ROW).count(), 6, "six rows: I.1–I.5 and III");
    assert!(
        !text.contains(
            "6. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm Tự đánh giá"
        )
    );
}

#[test]
fn section_seven_prints_the_levels_as_boxes_with_the_chosen_one_marked() {
    let (_dir, pdf) = form_of("nguyen-van-an");
    let text = flat_text(&pdf);
    let mut expected = vec!["VII. Tự nhận mức xếp loại chất lượng".to_string()];
    expected.push("1. Xếp loại cán bộ, công chức, viên chức:".to_string());
    expected.extend(boxes(&LEVELS, Some("Hoàn thành xuất sắc nhiệm vụ")));
    expected.push("2. Xếp loại đảng viên:".to_string());
    expected.extend(boxes(&LEVELS, Some("Hoàn thành xuất sắc nhiệm vụ")));
    in_order("Mẫu 02B", &text, &expected);
}

#[test]
fn a_blank_form_has_four_empty_boxes_on_every_row() {
    let (_dir, pdf) = form_of("ngo-thi-mai");
    let text = flat_text(&pdf);
    assert_eq!(
        text.matches(&boxes(&GRADES, None).join(" ")).count(),
        6,
        "{text}"
    );
    for level in boxes(&LEVELS, None) {
        assert_eq!(text.matches(&level).count(), 2, "«{level}» twice in VII");
    }
    assert!(!text.contains('■'), "nothing is marked on a blank form");
    let docx = docx_facts(&pdf.with_extension("docx"))
        .paragraphs
        .join("\n");
    assert!(!docx.contains('■'), "nothing is marked in the DOCX either");
    assert_eq!(
        docx.matches("□ Xuất sắc\t□ Tốt\t□ Trung bình\t□ Kém")
            .count(),
        6,
        "{docx}"
    );
}

#[test]
fn a_wrong_grade_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = sample_with(
        dir.path(),
        "cap-do.yaml",
        "        pham_chat: xuat_sac",
        "        pham_chat: rat_tot",
    );
    let output = run_render(
        &data,
        &dir.path().join("ra"),
        &["--form", "ca-nhan-lanh-dao", "--all"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for part in [
        "cap-do.yaml:",
        "dang_vien[0].tu_kiem_diem.cap_do.pham_chat",
        "«rat_tot»",
        "xuat_sac, tot, trung_binh, kem",
    ] {
        assert!(stderr.contains(part), "«{part}» not in:\n{stderr}");
    }
}

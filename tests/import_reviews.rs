//! `hoso nhap ban-kiem-diem`: self-reviews written by independent writers read into a copy of a
//! sample. python-docx types over hoso's own blank DOCX (over the dotted lines, adding and
//! deleting paragraphs, ticking boxes); LibreOffice saves that file again; python-docx builds
//! a "circulated" form from the form's headings with other fonts, numbering, a heading split in
//! two and the personal lines in a table; and one part is typed in TCVN3 in the .VnTime font.
//! For each: the fields equal what the writer typed, `hoso check` passes, the member's form
//! prints them, a second import changes nothing, and what cannot be placed is reported.

mod common;

use std::path::{Path, PathBuf};

use common::{
    assert_checks, comparable, copy_unit, hoso, libreoffice_convert, pdf_text, render, run_python,
    sample, sample_2026,
};

/// Types a 2026 review over hoso's blank DOCX: argv[1] the blank, argv[2] the result.
const TYPE_2026: &str = r#"
import docx, sys
d = docx.Document(sys.argv[1])
ps = d.paragraphs
def at(prefix):
    return next(i for i, p in enumerate(ps) if p.text.startswith(prefix))
i = at("1. Về phẩm chất")
ps[i + 1].text = "Giữ vững lập trường; tên có #, $, *, <b>, {{ x }} và ] in nguyên."
ps[i + 2].text = "Đoạn thứ hai, gõ đè dòng chấm."
i = at("1. Hạn chế")
ps[i + 1].text = "Đôi khi còn chậm."
p = ps[i + 2]._p; p.getparent().remove(p)
i = at("VI. Phương hướng")
ps[i + 1].insert_paragraph_before("Học tập nâng cao trình độ chuyên môn.")
i = at("1. Nhóm tiêu chí chung")
ps[i].text = "1. Nhóm tiêu chí chung: 27,5/30"
i = at("2. Nhóm tiêu chí về kết quả")
ps[i].text = "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60/70"
i = at("□ Hoàn thành xuất sắc")
ps[i].text = ps[i].text.replace("□ Hoàn thành tốt", "■ Hoàn thành tốt")
i = at("□ Đã khắc phục")
ps[i].text = ps[i].text.replace("□ Đang khắc phục", "☒ Đang khắc phục")
d.save(sys.argv[2])
"#;

/// Types a 2023 review over hoso's blank DOCX: a grade ticked by an "X" typed over its box.
const TYPE_2023: &str = r#"
import docx, sys
d = docx.Document(sys.argv[1])
ps = d.paragraphs
def at(prefix, start=0):
    return next(i for i, p in enumerate(ps) if i >= start and p.text.startswith(prefix))
i = at("1. Về phẩm chất")
ps[i + 1].text = "Chấp hành nghiêm chủ trương của Đảng."
j = at("□ Xuất sắc", i)
ps[j].text = ps[j].text.replace("□ Tốt", "X Tốt")
i = at("2. Xếp loại đảng viên")
j = at("□ Hoàn thành", i)
ps[j].text = ps[j].text.replace("□ Hoàn thành tốt", "☑ Hoàn thành tốt")
d.save(sys.argv[2])
"#;

/// Builds a 2026 review as someone would type the form: other fonts and numbering, the personal
/// lines in a table, a heading split over two paragraphs, a line nobody asked for, and the
/// shortcomings typed in TCVN3 with the .VnTime font. argv[1] is the result.
const CIRCULATED: &str = r#"
import docx, sys
from docx.shared import Pt
d = docx.Document()
def para(text, bold=False, font="Arial"):
    p = d.add_paragraph()
    r = p.add_run(text); r.bold = bold; r.font.name = font; r.font.size = Pt(13)
    return p
para("CHI BỘ PHÒNG QUẢN LÝ CHẤT LƯỢNG CÔNG TRÌNH", True)
para("BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN", True)
t = d.add_table(rows=1, cols=2)
t.cell(0, 0).text = "Họ và tên: Mai Thanh Sơn"
t.cell(0, 1).text = "Ngày sinh: 15/06/1997"
para("Ghi chú riêng của người viết")
para("A. NỘI DUNG KIỂM ĐIỂM", True)
para("I) Ưu điểm, kết quả đạt được", True)
para("1) Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ;", True)
para("ý thức tổ chức kỷ luật, trách nhiệm nêu gương, việc thực hiện những điều đảng viên không được làm; tác phong, lề lối làm việc. Liên hệ các biểu hiện về suy thoái, \"tự diễn biến\", \"tự chuyển hoá\".", True)
para("Luôn giữ gìn phẩm chất đạo đức.")
para("II) Hạn chế, khuyết điểm và nguyên nhân", True)
para("1) Hạn chế, khuyết điểm.", True)
# "Còn chậm đổi mới phương pháp làm việc." in TCVN3 (ABC), as the .VnTime font shows it.
abc = {"ò": "\u00df", "ậ": "\u00cb", "đ": "\u00ae", "ổ": "\u00e6", "ớ": "\u00ed", "ư": "\u00ad",
       "ơ": "\u00ac", "á": "\u00b8", "à": "\u00b5", "ệ": "\u00d6"}
typed = "".join(abc.get(c, c) for c in "Còn chậm đổi mới phương pháp làm việc.")
para(typed, font=".VnTime")
para("B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI", True)
para("1) Nhóm tiêu chí chung: 28/30")
para("2) Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 62/70")
para("II) Đề xuất xếp loại mức chất lượng:", True)
para("☐ Hoàn thành xuất sắc nhiệm vụ      ☒ Hoàn thành tốt nhiệm vụ", font="Segoe UI Symbol")
para("☐ Hoàn thành nhiệm vụ      ☐ Không hoàn thành nhiệm vụ", font="Segoe UI Symbol")
d.save(sys.argv[1])
"#;

/// Runs a Python writer with `args`.
fn write(script: &str, args: &[&Path]) {
    run_python(script, args);
}

/// hoso's blank DOCX of `member`'s form `form`, printed from `unit`.
fn blank_docx(unit: &Path, form: &str, member: &str, dir: &Path) -> PathBuf {
    let out = dir.join(format!("trang-{member}"));
    let files = render(
        unit,
        &out,
        &["--form", form, "--member", member, "--format", "docx"],
    );
    files.into_iter().next().unwrap()
}

/// The review `TYPE_2026` types over Mai Thanh Sơn's blank DOCX printed from `unit`, saved in
/// `dir` as `name`.
fn typed_2026(unit: &Path, dir: &Path, name: &str) -> PathBuf {
    let blank = blank_docx(unit, "ca-nhan", "mai-thanh-son", dir);
    let typed = dir.join(name);
    write(TYPE_2026, &[&blank, &typed]);
    typed
}

/// Runs `hoso nhap ban-kiem-diem FILES --vao UNIT ARGS…`: exit code, output, errors.
fn import(files: &[&Path], unit: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all: Vec<&std::ffi::OsStr> = vec!["nhap".as_ref(), "ban-kiem-diem".as_ref()];
    all.extend(files.iter().map(|f| f.as_os_str()));
    all.extend(["--vao".as_ref(), unit.as_os_str()]);
    all.extend(args.iter().map(|arg| std::ffi::OsStr::new(*arg)));
    let output = hoso(all);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The self-review of member `id` in the unit file, as a YAML reader reads it.
fn review_of(unit: &Path, id: &str) -> serde_json::Value {
    let value: serde_json::Value =
        serde_saphyr::from_str(&std::fs::read_to_string(unit).unwrap()).unwrap();
    value["dang_vien"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap()["tu_kiem_diem"]
        .clone()
}

/// The text at `key` of a review, without the final line break of a block.
fn text(review: &serde_json::Value, key: &str) -> String {
    review[key]
        .as_str()
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

/// `hoso check` passes, the member's form prints each of `printed`, and a second import of
/// `files` changes nothing.
fn assert_kept(unit: &Path, member: &str, files: &[&Path], printed: &[&str], dir: &Path) {
    assert_checks(unit);
    let out = dir.join(format!("in-{member}"));
    let pdf = render(
        unit,
        &out,
        &["--form", "ca-nhan", "--member", member, "--format", "pdf"],
    );
    let shown = comparable(&pdf_text(&pdf[0]));
    for text in printed {
        assert!(
            shown.contains(&comparable(text)),
            "the form does not print «{text}»"
        );
    }
    let before = std::fs::read(unit).unwrap();
    let (code, said, _) = import(files, unit, &[]);
    assert_eq!(code, 0);
    assert!(said.contains("không có gì thay đổi"), "{said}");
    assert_eq!(std::fs::read(unit).unwrap(), before);
}

/// The 2026 review typed over hoso's blank file, as `TYPE_2026` typed it.
fn assert_typed_2026(review: &serde_json::Value) {
    assert_eq!(
        text(review, "pham_chat"),
        "Giữ vững lập trường; tên có #, $, *, <b>, {{ x }} và ] in nguyên.\n\nĐoạn thứ hai, gõ đè dòng chấm."
    );
    assert_eq!(text(review, "han_che"), "Đôi khi còn chậm.");
    assert_eq!(
        text(review, "phuong_huong"),
        "Học tập nâng cao trình độ chuyên môn."
    );
    assert_eq!(review["diem"]["nhom_chung"], "27,5");
    assert_eq!(review["diem"]["nhom_nhiem_vu"], 60);
    assert_eq!(review["tu_xep_loai_dang_vien"], "hoan_thanh_tot");
    let earlier = &review["han_che_ky_truoc"][0];
    assert_eq!(earlier["han_che"], "Tham gia sinh hoạt chi bộ chưa đầy đủ");
    assert_eq!(earlier["tinh_trang"], "dang_khac_phuc");
    assert!(review.get("nguyen_nhan").is_none());
}

#[test]
fn a_review_typed_over_hosos_blank_docx_is_read_back_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let typed = typed_2026(&unit, dir.path(), "son.docx");

    // A dry run reports and writes nothing.
    let before = std::fs::read(&unit).unwrap();
    let (code, said, _) = import(&[&typed], &unit, &["--kiem-tra"]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("chưa ghi"), "{said}");
    assert_eq!(std::fs::read(&unit).unwrap(), before);

    let (code, said, err) = import(&[&typed], &unit, &[]);
    assert_eq!(code, 0, "{said}{err}");
    assert!(
        said.contains("mai-thanh-son, theo họ tên và ngày sinh"),
        "{said}"
    );
    assert!(!said.contains("không thuộc phần nào"), "{said}");
    assert_typed_2026(&review_of(&unit, "mai-thanh-son"));
    // Every line of the file the clerk wrote is kept.
    let original = std::fs::read_to_string(sample_2026()).unwrap();
    let now = std::fs::read_to_string(&unit).unwrap();
    let mut lines = now.lines();
    for line in original.lines() {
        assert!(lines.any(|l| l == line), "the line «{line}» is gone");
    }
    assert_kept(
        &unit,
        "mai-thanh-son",
        &[&typed],
        &[
            "tên có #, $, *, <b>, {{ x }} và ] in nguyên.",
            "Đôi khi còn chậm.",
            "27,5/30",
            "■ Hoàn thành tốt nhiệm vụ",
        ],
        dir.path(),
    );
}

#[test]
fn the_same_review_saved_again_by_libreoffice_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let typed = typed_2026(&unit, dir.path(), "son.docx");
    let saved = dir.path().join("lo");
    libreoffice_convert(
        std::slice::from_ref(&typed),
        "docx:MS Word 2007 XML",
        &saved,
    );
    let resaved = saved.join("son.docx");
    let (code, said, err) = import(&[&resaved], &unit, &[]);
    assert_eq!(code, 0, "{said}{err}");
    assert!(!said.contains("không thuộc phần nào"), "{said}");
    assert_typed_2026(&review_of(&unit, "mai-thanh-son"));
    assert_kept(
        &unit,
        "mai-thanh-son",
        &[&resaved],
        &["Đôi khi còn chậm."],
        dir.path(),
    );
}

#[test]
fn a_2023_review_reads_the_grades_ticked_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample(), &unit);
    let blank = blank_docx(&unit, "ca-nhan", "ngo-thi-mai", dir.path());
    let typed = dir.path().join("mai.docx");
    write(TYPE_2023, &[&blank, &typed]);
    let (code, said, err) = import(&[&typed], &unit, &[]);
    assert_eq!(code, 0, "{said}{err}");
    let review = review_of(&unit, "ngo-thi-mai");
    assert_eq!(
        text(&review, "pham_chat"),
        "Chấp hành nghiêm chủ trương của Đảng."
    );
    assert_eq!(review["cap_do"]["pham_chat"], "tot");
    assert_eq!(review["tu_xep_loai_dang_vien"], "hoan_thanh_tot");
    assert!(review.get("tu_xep_loai_can_bo").is_none());
    assert_kept(
        &unit,
        "ngo-thi-mai",
        &[&typed],
        &["Chấp hành nghiêm chủ trương của Đảng."],
        dir.path(),
    );
}

#[test]
fn a_circulated_form_in_other_fonts_and_tcvn3_is_read_and_what_differs_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let typed = dir.path().join("tu-go.docx");
    write(CIRCULATED, &[&typed]);
    let (code, said, err) = import(&[&typed], &unit, &[]);
    assert_eq!(code, 0, "{said}{err}");
    let review = review_of(&unit, "mai-thanh-son");
    assert_eq!(
        text(&review, "pham_chat"),
        "Luôn giữ gìn phẩm chất đạo đức."
    );
    assert_eq!(
        text(&review, "han_che"),
        "Còn chậm đổi mới phương pháp làm việc."
    );
    assert_eq!(review["diem"]["nhom_chung"], 28);
    assert_eq!(review["diem"]["nhom_nhiem_vu"], 62);
    assert_eq!(review["tu_xep_loai_dang_vien"], "hoan_thanh_tot");
    // The line nobody asked for is told, and the TCVN3 paragraph named.
    assert!(said.contains("«Ghi chú riêng của người viết»"), "{said}");
    assert!(said.contains("TCVN3"), "{said}");
    assert_kept(
        &unit,
        "mai-thanh-son",
        &[&typed],
        &["Còn chậm đổi mới phương pháp làm việc."],
        dir.path(),
    );

    // The review typed over the blank file says otherwise: the file keeps its text and says so,
    // until --ghi-de.
    let other = typed_2026(&unit, dir.path(), "son.docx");
    let before = text(&review_of(&unit, "mai-thanh-son"), "han_che");
    let (code, said, _) = import(&[&other], &unit, &[]);
    assert_eq!(code, 0);
    assert!(said.contains("tu_kiem_diem.han_che: khác tệp"), "{said}");
    assert_eq!(text(&review_of(&unit, "mai-thanh-son"), "han_che"), before);
    let (code, said, _) = import(&[&other], &unit, &["--ghi-de", "--format", "json"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&said).unwrap();
    assert_eq!(report["written"], true);
    assert_eq!(
        text(&review_of(&unit, "mai-thanh-son"), "han_che"),
        "Đôi khi còn chậm."
    );
}

#[test]
fn a_review_whose_writer_is_not_a_member_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let typed = dir.path().join("tu-go.docx");
    write(
        &CIRCULATED.replace("Mai Thanh Sơn", "Người Lạ Mặt"),
        &[&typed],
    );
    let before = std::fs::read(&unit).unwrap();
    let (code, _, err) = import(&[&typed], &unit, &[]);
    assert_ne!(code, 0);
    assert!(err.contains("tu-go.docx"), "{err}");
    assert!(err.contains("Người Lạ Mặt"), "{err}");
    assert!(err.contains("--dang-vien"), "{err}");
    assert_eq!(std::fs::read(&unit).unwrap(), before);
    // Named on the command line, the same file is read.
    let (code, said, err) = import(&[&typed], &unit, &["--dang-vien", "mai-thanh-son"]);
    assert_eq!(code, 0, "{said}{err}");
    assert_eq!(
        text(&review_of(&unit, "mai-thanh-son"), "pham_chat"),
        "Luôn giữ gìn phẩm chất đạo đức."
    );
}

/// A copy of the 2026 sample in `dir` with `member` moved into a file of its own
/// (`members/<id>.yaml`), as the local page splits a unit.
fn split_unit(dir: &Path, member: &str) -> (PathBuf, PathBuf) {
    let unit = dir.join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let text = std::fs::read_to_string(&unit).unwrap();
    let members = text.find("\ndang_vien:").unwrap();
    let start = members
        + text[members..]
            .find(&format!("  - id: {member}\n"))
            .unwrap();
    let rest = &text[start + 1..];
    let end = start
        + 1
        + ["\n  - ", "\n  # "]
            .iter()
            .filter_map(|next| rest.find(next))
            .min()
            .unwrap()
        + 1;
    let own: String = text[start..end]
        .lines()
        .map(|line| format!("{}\n", line.get(4..).unwrap_or_default()))
        .collect();
    let file = dir.join(format!("members/{member}.yaml"));
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, own).unwrap();
    let split = format!(
        "{}  - tep: members/{member}.yaml\n{}",
        &text[..start],
        &text[end..]
    );
    std::fs::write(&unit, split).unwrap();
    (unit, file)
}

#[test]
fn a_review_and_a_list_of_a_member_kept_in_a_file_of_its_own_are_written_there() {
    let dir = tempfile::tempdir().unwrap();
    let (unit, own) = split_unit(dir.path(), "mai-thanh-son");
    assert_checks(&unit);
    let typed = typed_2026(&unit, dir.path(), "son.docx");
    let unit_before = std::fs::read(&unit).unwrap();
    // The member's own file, once the unit file is seen unchanged.
    let own_file_with_unit_unchanged = || -> serde_json::Value {
        assert_eq!(
            std::fs::read(&unit).unwrap(),
            unit_before,
            "the unit file stays"
        );
        serde_saphyr::from_str(&std::fs::read_to_string(&own).unwrap()).unwrap()
    };
    let (code, said, err) = import(&[&typed], &unit, &[]);
    assert_eq!(code, 0, "{said}{err}");
    let written = own_file_with_unit_unchanged();
    assert_typed_2026(&written["tu_kiem_diem"]);
    assert_kept(
        &unit,
        "mai-thanh-son",
        &[&typed],
        &["Đôi khi còn chậm."],
        dir.path(),
    );

    // A member list fills the member's card number in that file too.
    let list = dir.path().join("danh-sach.csv");
    write(
        r#"
import csv, sys
with open(sys.argv[1], "w", encoding="utf-8", newline="") as out:
    csv.writer(out).writerows([["Họ và tên", "Ngày sinh", "Số thẻ đảng viên"], ["Mai Thanh Sơn", "15/06/1997", "093456"]])
"#,
        &[&list],
    );
    let output = hoso([
        "nhap".as_ref(),
        "danh-sach".as_ref(),
        list.as_os_str(),
        "--vao".as_ref(),
        unit.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let written = own_file_with_unit_unchanged();
    assert_eq!(written["so_the"], "093456");
}

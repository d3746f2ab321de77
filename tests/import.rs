//! `hoso nhap danh-sach`: member lists written by independent writers (openpyxl, Python's own
//! Windows-1258 codec, LibreOffice's .ods and .xls filters) read into a copy of the 2026 sample:
//! the values equal what the test wrote, every line of the unit file stays, `hoso check` is
//! clean, and a second import changes nothing.

mod common;

use std::path::{Path, PathBuf};

use common::{
    assert_checks, copy_unit, hoso, libreoffice_convert, pdf_text, render, run_python, sample_2026,
};

/// The list every writer writes: a title block, shuffled and abbreviated titles, a row numbering
/// the columns, a member of the file (found by name and birth, whose card number is filled), a
/// new member admitted six months before the meeting, a row with a two-digit year, and a new
/// member whose year of birth alone the list knows.
const LIST: &str = r#"
import datetime, sys
title = [["ĐẢNG BỘ SỞ XÂY DỰNG"], ["DANH SÁCH ĐẢNG VIÊN"], []]
header = ["STT", "Ngày kết nạp", "HỌ TÊN", "Ngày sinh", "Giới tính, dân tộc, tôn giáo", "Số thẻ ĐV", "Chức vụ", "Đơn vị công tác"]
rows = [
    [1, 2, 3, 4, 5, 6, 7, 8],
    [1, datetime.date(1999, 5, 19), "Trần Quốc Khánh", datetime.date(1974, 9, 2), "Nam, Kinh, Không", "012345", "Trưởng phòng", None],
    [2, "01/06/2026", "Lê Văn Cường", "10/06/1990", "Nam, Kinh, Không", "000777", "Chuyên viên", "Phòng Quản lý chất lượng công trình"],
    [3, None, "Hoàng Thị Mới", "5/2/75", None, None, None, None],
    [4, None, "Đinh Thị Năm", 1975, "Nữ, Kinh, Không", "000888", None, None],
]
"#;

/// Writes the list as .xlsx with openpyxl.
const XLSX: &str = r#"
import openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Danh sách"
for row in title + [header] + rows:
    ws.append(row)
wb.save(sys.argv[1])
"#;

/// Writes the list as CSV in Windows-1258, each letter's tone mark apart as that code page does.
const CSV_1258: &str = r#"
import unicodedata
tones = "\u0300\u0301\u0303\u0309\u0323"
def cp1258(text):
    out = ""
    for c in text:
        parts = unicodedata.normalize("NFD", c)
        tone = "".join(p for p in parts if p in tones)
        out += unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones)) + tone
    return out
def cell(v):
    if v is None: return ""
    if isinstance(v, datetime.date): return v.strftime("%d/%m/%Y")
    return str(v)
lines = [";".join(cell(v) for v in row) for row in title + [header] + rows]
open(sys.argv[1], "wb").write(cp1258("\r\n".join(lines) + "\r\n").encode("cp1258"))
"#;

/// Writes the list as CSV in the Unicode encoding `ENCODING` (`utf-8`, or `utf-8-sig` with the
/// byte-order mark Excel's "CSV UTF-8" writes), separated by commas, every cell quoted.
const CSV_UNICODE: &str = r#"
import csv
def cell(v):
    if v is None: return ""
    if isinstance(v, datetime.date): return v.strftime("%d/%m/%Y")
    return str(v)
with open(sys.argv[1], "w", encoding="ENCODING", newline="") as out:
    csv.writer(out, quoting=csv.QUOTE_ALL).writerows([[cell(v) for v in row] for row in title + [header] + rows])
"#;

/// Runs a Python writer over `LIST` with `file` as its argument.
fn write_list(writer: &str, file: &Path) {
    run_python(&format!("{LIST}{writer}"), [file]);
}

/// A copy of the 2026 sample in `dir`.
fn unit_in(dir: &Path) -> PathBuf {
    let unit = dir.join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    unit
}

/// Runs `hoso nhap danh-sach LIST --vao UNIT ARGS…`; returns the exit code and the output.
fn import(list: &Path, unit: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec![
        "nhap".as_ref(),
        "danh-sach".as_ref(),
        list.as_os_str(),
        "--vao".as_ref(),
        unit.as_os_str(),
    ];
    all.extend(args.iter().map(|arg| std::ffi::OsStr::new(*arg)));
    let output = hoso(all);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The members of the unit file, as YAML reads them.
fn members(unit: &Path) -> Vec<serde_json::Value> {
    let value: serde_json::Value =
        serde_saphyr::from_str(&std::fs::read_to_string(unit).unwrap()).unwrap();
    value["dang_vien"].as_array().unwrap().clone()
}

/// Checks the unit after the list was read in: the values the list wrote, every line of the
/// original kept in order, no rule broken, and the year of birth alone warned of at its line.
fn assert_imported(unit: &Path) {
    let all = members(unit);
    let khanh = all.iter().find(|m| m["id"] == "tran-quoc-khanh").unwrap();
    assert_eq!(khanh["so_the"], "012345");
    let ids: Vec<&str> = all
        .iter()
        .rev()
        .take(2)
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["dinh-thi-nam", "le-van-cuong"]);
    let nam = all.last().unwrap();
    assert_eq!(nam["ho_ten"], "Đinh Thị Năm");
    assert_eq!(nam["ngay_sinh"], 1975);
    assert_eq!(nam["so_the"], "000888");
    let cuong = &all[all.len() - 2];
    assert_eq!(cuong["ho_ten"], "Lê Văn Cường");
    assert_eq!(cuong["ngay_sinh"], "1990-06-10");
    assert_eq!(cuong["ngay_vao_dang"], "2026-06-01");
    assert_eq!(cuong["so_the"], "000777");
    assert_eq!(
        cuong["don_vi_cong_tac"],
        "Phòng Quản lý chất lượng công trình"
    );
    assert_eq!(cuong["du_bi"], true);
    assert!(all.iter().all(|m| m["ho_ten"] != "Hoàng Thị Mới"));
    let original = std::fs::read_to_string(sample_2026()).unwrap();
    let now = std::fs::read_to_string(unit).unwrap();
    let mut lines = now.lines();
    for line in original.lines() {
        assert!(
            lines.any(|l| l == line),
            "the line «{line}» of the file is gone"
        );
    }
    let told = assert_checks(unit);
    let line = now
        .lines()
        .position(|l| l == "    ngay_sinh: 1975")
        .expect("the year of birth is written as it is")
        + 1;
    let warned = format!(
        "cảnh báo: {}:{line}:16: dang_vien[{}].ngay_sinh\n    Đinh Thị Năm: chỉ có năm sinh 1975, chưa có ngày, tháng",
        unit.display(),
        all.len() - 1
    );
    assert!(told.contains(&warned), "«{warned}» not in:\n{told}");
    assert!(told.contains("[nam-sinh]"), "{told}");
}

#[test]
fn a_list_in_xlsx_is_read_in_reported_row_by_row_and_a_second_time_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("danh-sach.xlsx");
    write_list(XLSX, &list);
    let unit = unit_in(dir.path());
    let (code, out, err) = import(&list, &unit, &[]);
    assert_eq!(code, 0, "{out}{err}");
    for told in [
        "dòng 6 Trần Quốc Khánh: đã có (tran-quoc-khanh, theo họ tên và ngày sinh); ghi thêm: so_the",
        "dòng 7 Lê Văn Cường: thêm mới (le-van-cuong)",
        "«Giới tính, dân tộc, tôn giáo»: «Nam, Kinh, Không» không ghi",
        "cột «Chức vụ» không đọc: không rõ là chức vụ Đảng hay chức vụ chính quyền",
        "dòng 5 «1»: bỏ qua: dòng đánh số cột",
        "dòng 8 «3»: bỏ qua: ngày «5/2/75» ghi năm hai chữ số",
        "dòng 9 Đinh Thị Năm: thêm mới (dinh-thi-nam)\n    «Giới tính, dân tộc, tôn giáo»: «Nữ, Kinh, Không» không ghi (dữ liệu hoso không có trường này)\n    cảnh báo: bảng chỉ ghi năm sinh 1975: tệp ghi ngay_sinh: 1975",
    ] {
        assert!(out.contains(told), "«{told}» not in:\n{out}");
    }
    assert_imported(&unit);
    // The form prints the year where a day would be.
    let pdfs = dir.path().join("in");
    let printed = render(
        &unit,
        &pdfs,
        &[
            "--form",
            "ca-nhan",
            "--member",
            "dinh-thi-nam",
            "--format",
            "pdf",
        ],
    );
    let text = pdf_text(&printed[0]);
    assert!(
        text.contains("Họ và tên: Đinh Thị Năm Ngày sinh: 1975\n"),
        "{text}"
    );
    let once = std::fs::read(&unit).unwrap();
    let (code, out, _) = import(&list, &unit, &["--format", "json"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["written"], false);
    assert_eq!(
        std::fs::read(&unit).unwrap(),
        once,
        "a second import changed the file"
    );
}

#[test]
fn csvs_in_windows_1258_utf8_and_utf8_with_a_bom_and_the_list_as_ods_and_xls_read_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("danh-sach.csv");
    write_list(CSV_1258, &csv);
    assert!(std::str::from_utf8(&std::fs::read(&csv).unwrap()).is_err());
    let xlsx = dir.path().join("goc.xlsx");
    write_list(XLSX, &xlsx);
    for format in ["ods", "xls"] {
        libreoffice_convert(std::slice::from_ref(&xlsx), format, dir.path());
    }
    let utf8 = dir.path().join("utf8.csv");
    write_list(&CSV_UNICODE.replace("ENCODING", "utf-8"), &utf8);
    let bom = dir.path().join("bom.csv");
    write_list(&CSV_UNICODE.replace("ENCODING", "utf-8-sig"), &bom);
    assert!(std::fs::read(&bom).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let mut results = Vec::new();
    for list in [
        csv,
        utf8,
        bom,
        dir.path().join("goc.ods"),
        dir.path().join("goc.xls"),
    ] {
        let folder = dir.path().join(format!(
            "vao-{}",
            list.file_name().unwrap().to_string_lossy()
        ));
        std::fs::create_dir_all(&folder).unwrap();
        let unit = unit_in(&folder);
        let (code, out, err) = import(&list, &unit, &["--kiem-tra"]);
        assert_eq!(code, 0, "{list:?}: {out}{err}");
        assert!(out.contains("chưa ghi"), "{out}");
        assert_eq!(
            std::fs::read(&unit).unwrap(),
            std::fs::read(sample_2026()).unwrap()
        );
        let (code, out, err) = import(&list, &unit, &[]);
        assert_eq!(code, 0, "{list:?}: {out}{err}");
        assert_imported(&unit);
        results.push(std::fs::read_to_string(&unit).unwrap());
    }
    assert!(results.windows(2).all(|pair| pair[0] == pair[1]));
}

#[test]
fn a_sheet_without_a_member_list_is_refused_and_the_unit_file_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("bang.csv");
    std::fs::write(&list, "Tên việc;Thời gian\nSố hóa hồ sơ;Quý II\n").unwrap();
    let unit = unit_in(dir.path());
    let (code, _, err) = import(&list, &unit, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("bang.csv") && err.contains("không thấy dòng tiêu đề"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&unit).unwrap(),
        std::fs::read(sample_2026()).unwrap()
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().starts_with(".hoso"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A list typed in TCVN3 (ABC) as a Windows clerk types it: the names in .VnTime, the title and
/// the header in capitals in .VnTimeH (the same bytes as lowercase letters, drawn as capitals),
/// one name whose bytes alone would not tell TCVN3 ("Vò", which is "Vũ"), one typed in Unicode in
/// an ordinary font and one typed in Unicode in a cell left in .VnTime. The bytes come from the
/// chart of TCVN 5712:1993 (table VN3) written here; the script prints each text as typed.
const TCVN3_XLSX: &str = r#"
import json, sys, unicodedata, openpyxl
from openpyxl.styles import Font
# VN3: each byte from 0xA1, as its Latin-1 character, and the letter a normal font draws there.
CHART = ("¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ"
         " Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ"
         " ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ")
BYTE = {pair[1]: pair[0] for pair in CHART.split(" ")}
def vntime(text):
    return "".join(BYTE.get(c, c) for c in unicodedata.normalize("NFC", text))
def vntime_h(text):
    # A capital is typed as its lowercase letter's byte; the H font draws it as a capital.
    return "".join(c if c.isascii() else BYTE[c.lower()] for c in unicodedata.normalize("NFC", text))
NAMES = [("Phạm Thị Hồng Nhung", "vntime"), ("Vũ Anh", "vntime"), ("LÊ VĂN CƯỜNG", "vntime_h"),
         ("Đỗ Thị Hoa", "unicode"), ("Ngô Văn Tâm", "unicode_in_vntime")]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "DS"
typed = {}
def put(row, column, text, how):
    value = {"vntime": vntime, "vntime_h": vntime_h}.get(how, lambda t: t)(text)
    cell = ws.cell(row=row, column=column, value=value)
    cell.font = Font(name={"vntime_h": ".VnTimeH", "unicode": "Times New Roman"}.get(how, ".VnTime"))
    typed[text] = value
put(1, 1, "DANH SÁCH ĐẢNG VIÊN", "vntime_h")
for column, (title, how) in enumerate([("STT", "unicode"), ("HỌ VÀ TÊN", "vntime_h"), ("NGÀY SINH", "vntime_h"), ("Số thẻ ĐV", "unicode")], 1):
    put(3, column, title, how)
for number, (name, how) in enumerate(NAMES, 1):
    ws.cell(row=3 + number, column=1, value=number)
    put(3 + number, 2, name, how)
    put(3 + number, 3, "0%d/0%d/198%d" % (number, number, number), "vntime")
    ws.cell(row=3 + number, column=4, value="00090%d" % number)
wb.save(sys.argv[1])
print(json.dumps(typed, ensure_ascii=False))
"#;

#[test]
fn a_list_typed_in_tcvn3_is_read_by_the_font_of_each_cell_in_xlsx_and_in_ods() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tcvn3.xlsx");
    let typed: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&run_python(TCVN3_XLSX, [&xlsx])).unwrap();
    assert_eq!(typed["Vũ Anh"], "Vò Anh", "the chart's ũ is 0xF2");
    assert_eq!(typed["HỌ VÀ TÊN"], "Hä Vµ TªN");
    libreoffice_convert(std::slice::from_ref(&xlsx), "ods", dir.path());
    let names = [
        "Phạm Thị Hồng Nhung",
        "Vũ Anh",
        "LÊ VĂN CƯỜNG",
        "Đỗ Thị Hoa",
        "Ngô Văn Tâm",
    ];
    for list in [xlsx.clone(), dir.path().join("tcvn3.ods")] {
        let folder = dir.path().join(format!(
            "vao-{}",
            list.file_name().unwrap().to_string_lossy()
        ));
        std::fs::create_dir_all(&folder).unwrap();
        let unit = unit_in(&folder);
        let (code, out, err) = import(&list, &unit, &[]);
        assert_eq!(code, 0, "{list:?}: {out}{err}");
        let all = members(&unit);
        let added: Vec<&str> = all[all.len() - names.len()..]
            .iter()
            .map(|m| m["ho_ten"].as_str().unwrap())
            .collect();
        assert_eq!(added, names, "{list:?}: {out}");
        for told in [
            "cột đọc: «HỌ VÀ TÊN» → ho_ten, «NGÀY SINH» → ngay_sinh, «Số thẻ ĐV» → so_the"
                .to_string(),
            format!(
                "tiêu đề cột: «{}» ở phông .VnTimeH, bảng mã TCVN3 (ABC), phông chữ hoa (.VnTimeH), đã chuyển thành «HỌ VÀ TÊN»",
                typed["HỌ VÀ TÊN"]
            ),
            format!(
                "dòng 5 Vũ Anh: thêm mới (vu-anh)\n    «HỌ VÀ TÊN»: «{}» ở phông .VnTime, bảng mã TCVN3 (ABC), đã chuyển thành «Vũ Anh»",
                typed["Vũ Anh"]
            ),
            format!(
                "«HỌ VÀ TÊN»: «{}» ở phông .VnTimeH, bảng mã TCVN3 (ABC), phông chữ hoa (.VnTimeH), đã chuyển thành «LÊ VĂN CƯỜNG»",
                typed["LÊ VĂN CƯỜNG"]
            ),
            "dòng 7 Đỗ Thị Hoa: thêm mới (do-thi-hoa)\n  dòng 8".to_string(),
            "dòng 8 Ngô Văn Tâm: thêm mới (ngo-van-tam)\nTổng: 5 thêm mới".to_string(),
        ] {
            assert!(out.contains(&told), "{list:?}: «{told}» not in:\n{out}");
        }
        assert_checks(&unit);
    }
}

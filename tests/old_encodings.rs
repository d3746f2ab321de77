//! Text typed in the old encodings, end to end: a copy of the 2026 sample with a few fields in
//! TCVN3 and VNI (written here by the test's own tables, not hoso's) gets a warning for each with
//! its line and its reading, and exits 0; `hoso chuyen-ma --kiem-tra` lists them and writes
//! nothing; `hoso chuyen-ma` converts exactly those values, every other byte of the file the same,
//! a second run changes nothing, and `hoso check` no longer warns.

mod common;

use std::path::Path;

use common::*;

/// TCVN3 (TCVN 5712:1993, VN3) of the letters the fields below use.
const TCVN3: &[(char, char)] = &[
    ('ộ', 'é'),
    ('ò', 'ß'),
    ('ả', '¶'),
    ('ý', 'ý'),
    ('ấ', 'Ê'),
    ('ư', '\u{AD}'),
    ('ợ', 'î'),
    ('ô', '«'),
    ('ì', '×'),
    ('ầ', 'Ç'),
    ('ố', 'è'),
    ('á', '¸'),
    ('Đ', '§'),
    ('ệ', 'Ö'),
    ('ỗ', 'ç'),
    ('ă', '¨'),
];

/// VNI Windows of the letters the fields below use.
const VNI: &[(char, &str)] = &[
    ('ệ', "eä"),
    ('ứ', "öù"),
    ('ụ', "uï"),
    ('ầ', "aà"),
    ('ề', "eà"),
    ('ả', "aû"),
    ('ý', "yù"),
    ('ồ', "oà"),
    ('ơ', "ô"),
    ('ò', "oø"),
    ('ậ', "aä"),
    ('ố', "oá"),
    ('á', "aù"),
];

fn tcvn3(text: &str) -> String {
    text.chars()
        .map(|c| TCVN3.iter().find(|(u, _)| *u == c).map_or(c, |(_, l)| *l))
        .collect()
}

fn vni(text: &str) -> String {
    text.chars()
        .map(|c| {
            VNI.iter()
                .find(|(u, _)| *u == c)
                .map_or(c.to_string(), |(_, l)| l.to_string())
        })
        .collect()
}

/// The fields replaced: the line as in the sample, and the line as the test writes it, with the
/// value in Unicode and the field's path.
struct Field {
    original: &'static str,
    unicode: &'static str,
    legacy: fn(&str) -> String,
    /// The encoding's name in the warning.
    encoding: &'static str,
    template: &'static str,
    path: &'static str,
}

const FIELDS: [Field; 4] = [
    Field {
        original: "  ten: Chi bộ Phòng Quản lý chất lượng công trình\n",
        unicode: "Chi bộ Phòng Quản lý chất lượng công trình",
        legacy: tcvn3,
        encoding: "TCVN3",
        template: "  ten: {}\n",
        path: "to_chuc.ten",
    },
    Field {
        original: "    Việc ứng dụng phần mềm quản lý hồ sơ kiểm tra công trình còn chậm so với kế hoạch; một số buổi sinh hoạt chuyên đề chưa thu hút nhiều ý kiến của đảng viên.\n",
        unicode: "Việc ứng dụng phần mềm quản lý hồ sơ còn chậm",
        legacy: vni,
        encoding: "VNI",
        template: "    {}\n",
        path: "tap_the.han_che",
    },
    Field {
        original: "    ho_ten: Trần Quốc Khánh\n",
        unicode: "Trần Quốc Khánh",
        legacy: vni,
        encoding: "VNI",
        template: "    ho_ten: {}\n",
        path: "dang_vien[0].ho_ten",
    },
    Field {
        original: "    ho_ten: Đỗ Văn Hải\n",
        unicode: "Đỗ Văn Hải",
        legacy: tcvn3,
        encoding: "TCVN3",
        template: "    ho_ten: \"{}\"  # viết trong ngoặc kép\n",
        path: "dang_vien[2].ho_ten",
    },
];

/// The sample with each field's line replaced by `value` of it.
fn with_fields(sample: &str, value: impl Fn(&Field) -> String) -> String {
    let mut text = sample.to_string();
    for field in &FIELDS {
        assert_eq!(
            text.matches(field.original).count(),
            1,
            "{}",
            field.original
        );
        text = text.replace(field.original, &field.template.replace("{}", &value(field)));
    }
    text
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The findings `hoso check` prints, each with its indented lines.
fn findings(out: &str) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for line in out.lines() {
        match all.last_mut() {
            Some(last) if line.starts_with(' ') => {
                last.push('\n');
                last.push_str(line);
            }
            _ => all.push(line.to_string()),
        }
    }
    all
}

fn check(file: &Path) -> (i32, String) {
    let output = hoso(["check".as_ref(), file.as_os_str()]);
    (output.status.code().unwrap(), stdout(&output))
}

#[test]
fn old_encodings_warned_then_converted_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &file);
    let sample = std::fs::read_to_string(&file).unwrap();
    let legacy_text = with_fields(&sample, |f| (f.legacy)(f.unicode));
    let unicode_text = with_fields(&sample, |f| f.unicode.to_string());
    for field in &FIELDS {
        assert_ne!((field.legacy)(field.unicode), field.unicode);
    }
    std::fs::write(&file, &legacy_text).unwrap();

    // A warning for each field, at its line, with its reading; exit 0.
    let (code, out) = check(&file);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("[ma-cu]").count(), FIELDS.len(), "{out}");
    for field in &FIELDS {
        let legacy = (field.legacy)(field.unicode);
        let line = line_of(&legacy_text, &legacy);
        let warning = findings(&out)
            .into_iter()
            .find(|f| f.contains("[ma-cu]") && f.contains(&format!("đọc là «{}»", field.unicode)))
            .unwrap_or_else(|| panic!("no warning for {}: {out}", field.path));
        assert!(warning.starts_with("cảnh báo: "), "{warning}");
        assert!(warning.contains(&format!(":{line}:")), "{warning}");
        assert!(warning.contains(field.path), "{warning}");
        assert!(warning.contains(&format!("«{legacy}»")), "{warning}");
        assert!(warning.contains(field.encoding), "{warning}");
        assert!(warning.contains("hoso chuyen-ma"), "{warning}");
    }

    // --kiem-tra lists and writes nothing.
    let output = hoso([
        "chuyen-ma".as_ref(),
        "--kiem-tra".as_ref(),
        file.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let listed = stdout(&output);
    for field in &FIELDS {
        assert!(listed.contains(field.path), "{listed}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), legacy_text);

    // Converted: exactly those values, every other byte the same; nothing left behind.
    let output = hoso(["chuyen-ma".as_ref(), file.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let done = stdout(&output);
    for field in &FIELDS {
        let line = line_of(&legacy_text, &(field.legacy)(field.unicode));
        assert!(done.contains(&format!(":{line}: {}", field.path)), "{done}");
        assert!(done.contains(&format!("→ «{}»", field.unicode)), "{done}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), unicode_text);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // A second run changes nothing; check is clean of the warning.
    let output = hoso(["chuyen-ma".as_ref(), file.as_os_str()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("tệp giữ nguyên"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), unicode_text);
    let (code, out) = check(&file);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("[ma-cu]"), "{out}");
}

#[test]
fn chuyen_ma_refuses_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("khong-co.yaml");
    let output = hoso(["chuyen-ma".as_ref(), missing.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("khong-co.yaml"), "{err}");

    let broken = dir.path().join("hong.yaml");
    let text = "to_chuc: {ten: Chi b\u{e9}\n  - [\n";
    std::fs::write(&broken, text).unwrap();
    let output = hoso(["chuyen-ma".as_ref(), broken.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("hong.yaml"), "{err}");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), text);

    let output = hoso(["chuyen-ma"]);
    assert_eq!(output.status.code(), Some(2));
}

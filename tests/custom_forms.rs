//! `hoso forms`, `hoso forms export` and `--forms`: a province's own variant of a form.

mod common;

use std::path::Path;

use common::*;

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    hoso(args.iter().copied())
}

#[test]
fn the_list_names_every_form_of_each_regime_with_its_printed_code() {
    let output = hoso(["forms"]);
    assert!(output.status.success());
    let list = String::from_utf8(output.stdout).unwrap();
    for line in [
        "ca-nhan-lanh-dao     2023  Mẫu 02B-HD KĐ.ĐG 2023",
        "ca-nhan-lanh-dao     2025  Mẫu 2A-HD KĐ.ĐG 2025",
        "danh-muc             2025  Mẫu 04-HD KĐ.ĐG 2025",
        "bien-ban             2023  BIÊN BẢN",
    ] {
        assert!(list.contains(line), "«{line}» not in:\n{list}");
    }
    assert!(!list.contains(" 2019 "), "no regime without forms:\n{list}");
}

#[test]
fn an_exported_form_edited_changes_the_output_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("mau-tinh");
    let exported = run(&[
        "forms".as_ref(),
        "export".as_ref(),
        "bien-ban".as_ref(),
        forms.as_os_str(),
    ]);
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let body = forms.join("bien-ban/tat-ca/body.md");
    let text = std::fs::read_to_string(&body).unwrap();
    std::fs::write(
        &body,
        text.replace("Hội nghị kết thúc vào hồi", "Hội nghị bế mạc vào hồi"),
    )
    .unwrap();
    let render = |out: &Path| {
        run(&[
            "--forms".as_ref(),
            forms.as_os_str(),
            "render".as_ref(),
            "--form".as_ref(),
            "bien-ban".as_ref(),
            "--format".as_ref(),
            "pdf".as_ref(),
            sample_2026().as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ])
    };
    let out = dir.path().join("ra");
    let output = render(&out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = flat_text(&with_extension(&files_in(&out), "pdf")[0]);
    assert!(text.contains("Hội nghị bế mạc vào hồi 17 giờ 15"), "{text}");
    // Exporting again over the same folder overwrites nothing.
    let again = run(&[
        "forms".as_ref(),
        "export".as_ref(),
        "bien-ban".as_ref(),
        forms.as_os_str(),
    ]);
    assert_eq!(again.status.code(), Some(2));
    // A broken custom form: exit 1, its file and line named, nothing written.
    std::fs::write(
        &body,
        format!("{}\n{{% if %}}\n", std::fs::read_to_string(&body).unwrap()),
    )
    .unwrap();
    let out = dir.path().join("ra-2");
    let output = render(&out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("{}:", body.display())), "{stderr}");
    assert!(!out.exists());
}

/// The minutes exported into `dir/mau` with `extra` added at the end of their body, and
/// `shared` written as `_chung/chuoi.md`; renders them and returns the exit code, stderr, the
/// line `extra` starts on, and what was written.
fn render_edited(dir: &Path, extra: &str, shared: &str) -> (Option<i32>, String, usize, Vec<u8>) {
    let forms = dir.join("mau");
    let exported = run(&[
        "forms".as_ref(),
        "export".as_ref(),
        "bien-ban".as_ref(),
        forms.as_os_str(),
    ]);
    assert!(exported.status.success());
    let body = forms.join("bien-ban/tat-ca/body.md");
    let text = std::fs::read_to_string(&body).unwrap();
    let line = text.lines().count() + 1;
    std::fs::write(&body, format!("{text}{extra}\n")).unwrap();
    std::fs::write(forms.join("_chung/chuoi.md"), shared).unwrap();
    let out = dir.join("ra");
    let output = run(&[
        "--forms".as_ref(),
        forms.as_os_str(),
        "render".as_ref(),
        "--form".as_ref(),
        "bien-ban".as_ref(),
        sample_2026().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let written = files_in(&out)
        .iter()
        .flat_map(|f| std::fs::read(f).unwrap())
        .collect();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        line,
        written,
    )
}

/// A file outside the forms folder, whose words must never reach a document or a message.
const SECRET: &str = "TAI-LIEU-MAT-cua-van-thu";

#[test]
fn an_edited_form_cannot_include_a_file_outside_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("mat.md");
    std::fs::write(&secret, SECRET).unwrap();
    let cases = [
        // By an absolute path.
        (
            format!("{{% include \"{}\" %}}", secret.display()),
            String::new(),
        ),
        // By climbing out of the folder.
        ("{% include \"../mat.md\" %}".to_string(), String::new()),
        // Through an import of one of the folder's own files, which includes it.
        (
            "{% import \"_chung/chuoi.md\" as chuoi %}{{ chuoi.x() }}".to_string(),
            "{% macro x() %}{% include \"_chung/../../mat.md\" %}{% endmacro %}".to_string(),
        ),
        // By extending it.
        ("{% extends \"../mat.md\" %}".to_string(), String::new()),
    ];
    for (index, (extra, shared)) in cases.iter().enumerate() {
        let case = dir.path().join(index.to_string());
        let (code, stderr, line, written) = render_edited(&case, extra, shared);
        assert_eq!(code, Some(1), "{extra}: {stderr}");
        let named = if shared.is_empty() {
            format!("bien-ban/tat-ca/body.md:{line}:")
        } else {
            "_chung/chuoi.md:1:".to_string()
        };
        assert!(stderr.contains(&named), "«{named}» not in: {stderr}");
        assert!(stderr.contains("ngoài thư mục mẫu"), "{stderr}");
        assert!(!stderr.contains(SECRET), "{stderr}");
        assert!(written.is_empty(), "{extra}: files written");
    }
}

#[test]
fn a_loop_or_a_recursion_without_end_in_an_edited_form_is_the_forms_error() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
            "vòng lặp quá dài",
        ),
        (
            "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}",
            "gọi lồng nhau quá sâu",
        ),
        ("{{ range(1000000) | length }}", "too many elements"),
    ];
    for (index, (extra, said)) in cases.iter().enumerate() {
        let started = std::time::Instant::now();
        let case = dir.path().join(index.to_string());
        let (code, stderr, line, written) = render_edited(&case, extra, "");
        assert_eq!(code, Some(1), "{extra}: {stderr}");
        let named = format!("bien-ban/tat-ca/body.md:{line}:");
        assert!(stderr.contains(&named), "«{named}» not in: {stderr}");
        assert!(stderr.contains(said), "«{said}» not in: {stderr}");
        assert!(written.is_empty());
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }
}

#[test]
fn forms_check_fills_an_edited_folder_over_the_samples_and_names_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("mau-tinh");
    let exported = run(&[
        "forms".as_ref(),
        "export".as_ref(),
        "bien-ban".as_ref(),
        forms.as_os_str(),
    ]);
    assert!(exported.status.success(), "{exported:?}");
    let check = || run(&["forms".as_ref(), "check".as_ref(), forms.as_os_str()]);
    let clean = check();
    assert!(clean.status.success(), "{clean:?}");
    assert!(String::from_utf8_lossy(&clean.stdout).contains("không có lỗi"));
    // Two mistakes in two files: a name the minutes do not have, and one in a shared part that
    // another form includes.
    let body = forms.join("bien-ban/tat-ca/body.md");
    let text = std::fs::read_to_string(&body).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("## 2. Diễn biến hội nghị"))
        .unwrap()
        + 1;
    std::fs::write(
        &body,
        text.replace(
            "## 2. Diễn biến hội nghị",
            "## 2. Diễn biến hội nghị {{ khong_co }}",
        ),
    )
    .unwrap();
    let shared = forms.join("_chung/danh-muc.md");
    let mut text = std::fs::read_to_string(&shared).unwrap();
    let shared_line = text.lines().count() + 1;
    text.push_str("{{ cung_khong_co }}\n");
    std::fs::write(&shared, text).unwrap();
    let broken = check();
    assert_eq!(broken.status.code(), Some(1), "{broken:?}");
    let stdout = String::from_utf8_lossy(&broken.stdout);
    for place in [
        format!("bien-ban/tat-ca/body.md:{line}:"),
        format!("_chung/danh-muc.md:{shared_line}:"),
    ] {
        assert!(stdout.contains(&place), "«{place}» not in:\n{stdout}");
    }
    assert!(stdout.contains("2 lỗi"), "{stdout}");
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains("có 2 lỗi"), "{stderr}");
}

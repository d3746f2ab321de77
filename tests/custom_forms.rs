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

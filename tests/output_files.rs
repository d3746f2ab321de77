//! Output files: a name per member and form that no other run or member can take, and a run
//! that lands whole or leaves the output folder as it was.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

const FORM: &str = "ca-nhan-lanh-dao";
const CODE: &str = "mau-02b-hd-kd-dg-2023";

fn render_member(out: &Path, id: &str) -> Vec<std::path::PathBuf> {
    render(&sample(), out, &["--form", FORM, "--member", id])
}

#[test]
fn names_that_fold_alike_never_take_each_others_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ra");
    // Nguyễn Thị Hương and Nguyễn Thị Hường, rendered one at a time into one folder.
    render_member(&out, "nguyen-thi-huong-1978");
    let files = render_member(&out, "nguyen-thi-huong-1990");
    assert_eq!(
        file_names(&files),
        vec![
            format!("nguyen-thi-huong-1978_{CODE}.docx"),
            format!("nguyen-thi-huong-1978_{CODE}.pdf"),
            format!("nguyen-thi-huong-1990_{CODE}.docx"),
            format!("nguyen-thi-huong-1990_{CODE}.pdf"),
        ]
    );
    let first = pdf_text(&out.join(format!("nguyen-thi-huong-1978_{CODE}.pdf")));
    assert!(first.contains("Nguyễn Thị Hương"), "{first}");
    let second = pdf_text(&out.join(format!("nguyen-thi-huong-1990_{CODE}.pdf")));
    assert!(second.contains("Nguyễn Thị Hường"), "{second}");
}

#[test]
fn a_file_is_named_alike_whoever_else_the_run_selects() {
    let dir = tempfile::tempdir().unwrap();
    // Nguyễn Thị Hường holds no post: she files the ordinary form.
    let alone = render(
        &sample(),
        &dir.path().join("mot"),
        &["--form", "ca-nhan", "--member", "nguyen-thi-huong-1990"],
    );
    let all = render_every_form(&sample(), &dir.path().join("tat-ca"));
    for name in file_names(&alone) {
        assert!(
            file_names(&all).contains(&name),
            "{name} not in the full run"
        );
    }
}

#[test]
fn a_run_that_cannot_finish_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ra");
    std::fs::create_dir(&out).unwrap();
    // An earlier file of the first member, and a folder where a later member's file must go.
    let earlier = out.join("pham-thi-thu-ha_mau-02a-hd-kd-dg-2023.pdf");
    std::fs::write(&earlier, "bản cũ").unwrap();
    let obstacle = out.join("ngo-thi-mai_mau-02a-hd-kd-dg-2023.pdf");
    std::fs::create_dir(&obstacle).unwrap();
    let before = file_names(&files_in(&out));
    let output = run_render(&sample(), &out, &["--form", "ca-nhan", "--all"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("không ghi được") && stderr.contains("ngo-thi-mai"),
        "{stderr}"
    );
    assert_eq!(file_names(&files_in(&out)), before);
    assert_eq!(std::fs::read_to_string(&earlier).unwrap(), "bản cũ");
}

#[test]
fn a_reader_that_closes_the_pipe_early_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ra");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["render", "--form", "tap-the", "-o"])
        .arg(&out)
        .arg(sample())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -0`: the reader goes away before hoso lists what it wrote.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    // The rules' warnings may precede; no error follows them.
    assert!(
        !stderr.contains('×') && !stderr.lines().any(|line| line.starts_with("lỗi")),
        "{stderr}"
    );
    assert_eq!(
        files_in(&out).len(),
        2,
        "the report's PDF and DOCX are written"
    );
}

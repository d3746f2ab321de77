//! `hoso init`: a starting data file that hoso reads, for the review being held.

mod common;

use common::*;

#[test]
fn the_starting_file_checks_clean_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let output = hoso(["init".as_ref(), dir.path().as_os_str()]);
    assert!(output.status.success());
    let file = dir.path().join("don-vi.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    // Every key the starter writes comes with a Vietnamese comment above it.
    assert!(
        text.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
            > 60
    );
    let check = hoso(["check".as_ref(), file.as_os_str()]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("không có lỗi"), "{stdout}");
    std::fs::write(&file, "đã sửa").unwrap();
    let again = hoso(["init".as_ref(), dir.path().as_os_str()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("đã có tệp"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "đã sửa");
}

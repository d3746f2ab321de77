//! The synthetic đảng bộ of `examples/dang_bo.rs`, which the benchmarks draw, hold to the rules:
//! every chi bộ it writes passes `hoso check`, members away from the meeting among them.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::assert_checks;

/// The example `dang_bo`, which `cargo test` builds beside the tests.
fn dang_bo() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test lies in the profile's deps folder");
    profile_dir.join("examples/dang_bo")
}

#[test]
fn every_generated_chi_bo_passes_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let written = Command::new(dang_bo())
        .args(["--chi-bo", "4", "--dang-vien", "120", "-o"])
        .arg(dir.path())
        .output()
        .expect("the dang_bo example runs (cargo test builds it)");
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let mut units: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    units.sort();
    assert_eq!(units.len(), 4, "{units:?}");
    let mut rated_later = 0;
    for unit in &units {
        assert_checks(unit);
        rated_later += std::fs::read_to_string(unit)
            .unwrap()
            .matches("phien_sau:")
            .count();
    }
    // Members away from the meeting, rated at a later sitting, are among them.
    assert!(rated_later > 0, "no member away from the meeting");
}

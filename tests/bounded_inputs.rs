//! Every file hoso reads is a regular file of bounded size: a device, a pipe or a file over its
//! limit is refused at once, naming the file and what was found, with a non-zero exit, little
//! memory and no output.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::*;

/// What a run of hoso left: its exit code, its stderr, its peak memory and how long it took.
struct Run {
    code: i32,
    stderr: String,
    peak_kb: i64,
    took: Duration,
}

/// Runs hoso with `args`, killed after 30 s should it hang; its peak memory read from the
/// kernel's account of this one child, which `wait4` reaps (so `Child::wait` is not called).
#[allow(clippy::zombie_processes)]
fn hoso_run(args: &[&OsStr]) -> Run {
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let done = Arc::new(AtomicBool::new(false));
    let watch = {
        let done = done.clone();
        std::thread::spawn(move || {
            let until = Instant::now() + Duration::from_secs(30);
            while Instant::now() < until {
                if done.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            // SAFETY: signalling the child this test started, not yet reaped.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        })
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.unwrap(), &mut stderr).unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for this child only.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for the child spawned above, which nothing else waits for.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    done.store(true, Ordering::SeqCst);
    watch.join().unwrap();
    assert_eq!(waited, pid);
    assert!(
        libc::WIFEXITED(status),
        "hoso did not exit by itself (killed after 30 s?): {stderr}"
    );
    Run {
        code: libc::WEXITSTATUS(status),
        stderr,
        peak_kb: usage.ru_maxrss,
        took: started.elapsed(),
    }
}

fn os(path: &Path) -> &OsStr {
    path.as_os_str()
}

/// A FIFO at `path`, which no one writes to.
fn fifo(path: &Path) -> PathBuf {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
    path.to_path_buf()
}

/// Checks a refused run: exit 1, the message's parts, no output file, quick and small.
fn assert_refused(run: &Run, out: &Path, parts: &[&str]) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    for part in parts {
        assert!(
            run.stderr.contains(part),
            "the message lacks «{part}»:\n{}",
            run.stderr
        );
    }
    assert!(files_in(out).is_empty(), "{:?}", files_in(out));
    assert!(run.took < Duration::from_secs(10), "{:?}", run.took);
    assert!(run.peak_kb < 200 * 1024, "peak {} KB", run.peak_kb);
}

/// `hoso check` on a copy of the 2026 sample whose `ky_truoc` is `previous`.
fn check_with_previous(dir: &Path, previous: &Path) -> Run {
    let data = edited(
        &sample_2026(),
        dir,
        "don-vi.yaml",
        "ky_truoc: nam-truoc/chi-bo-mau-2025.yaml",
        &format!("ky_truoc: {}", previous.display()),
    );
    hoso_run(&["check".as_ref(), os(&data)])
}

/// The line (from 1) of `file` that starts, past its indentation, with `start`.
fn line_of(file: &Path, start: &str) -> usize {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .position(|line| line.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no line «{start}» in {file:?}"))
        + 1
}

#[test]
fn a_device_as_last_years_file_is_refused_at_once_with_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    let run = check_with_previous(dir.path(), Path::new("/dev/zero"));
    let place = format!(
        "don-vi.yaml:{}:11",
        line_of(&dir.path().join("don-vi.yaml"), "ky_truoc:")
    );
    assert_refused(
        &run,
        &dir.path().join("ra"),
        &[
            place.as_str(),
            "ky_truoc",
            "/dev/zero",
            "một thiết bị, không phải tệp thường",
        ],
    );
    // A unit and its check take some 25 MB; reading the device whole took gigabytes.
    assert!(run.peak_kb > 1024, "peak {} KB", run.peak_kb);
    assert!(run.peak_kb < 100 * 1024, "peak {} KB", run.peak_kb);
}

#[test]
fn a_pipe_as_last_years_file_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(&dir.path().join("nam-truoc.yaml"));
    let run = check_with_previous(dir.path(), &pipe);
    assert_refused(
        &run,
        &dir.path().join("ra"),
        &["ky_truoc", "nam-truoc.yaml", "một ống dẫn (FIFO)"],
    );
}

/// Renders the 2026 sample with one more member, written in the file `member` (a path as the
/// unit file names it); returns the run and the output folder.
fn render_with_member_file(dir: &Path, member: &str) -> (Run, PathBuf) {
    let data = edited(
        &sample_2026(),
        dir,
        "don-vi.yaml",
        "dang_vien:\n",
        &format!("dang_vien:\n  - tep: {member}\n"),
    );
    let out = dir.join("ra");
    let run = hoso_run(&[
        "render".as_ref(),
        "--form".as_ref(),
        "tap-the".as_ref(),
        os(&data),
        "-o".as_ref(),
        os(&out),
    ]);
    (run, out)
}

#[test]
fn a_device_or_a_pipe_as_a_members_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (run, out) = render_with_member_file(dir.path(), "/dev/zero");
    let place = format!(
        "don-vi.yaml:{}:",
        line_of(&dir.path().join("don-vi.yaml"), "- tep: /dev/zero")
    );
    assert_refused(
        &run,
        &out,
        &[
            place.as_str(),
            "không đọc được tệp đảng viên /dev/zero",
            "một thiết bị",
        ],
    );
    fifo(&dir.path().join("ong.yaml"));
    let (run, out) = render_with_member_file(dir.path(), "ong.yaml");
    assert_refused(&run, &out, &["ong.yaml", "một ống dẫn (FIFO)"]);
}

#[test]
fn files_over_their_limit_are_refused_with_the_size_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: as large as they say, without the disk.
    let huge_member = dir.path().join("lon.yaml");
    std::fs::File::create(&huge_member)
        .unwrap()
        .set_len(5 * 1024 * 1024)
        .unwrap();
    let (run, out) = render_with_member_file(dir.path(), "lon.yaml");
    assert_refused(
        &run,
        &out,
        &[
            "lon.yaml",
            "tệp lớn 5 MB, quá giới hạn 4 MB của một tệp đảng viên",
        ],
    );
    let huge_unit = dir.path().join("don-vi-lon.yaml");
    std::fs::File::create(&huge_unit)
        .unwrap()
        .set_len(3 * 1024 * 1024 * 1024)
        .unwrap();
    let run = hoso_run(&["check".as_ref(), os(&huge_unit)]);
    assert_refused(
        &run,
        &out,
        &[
            "không đọc được tệp dữ liệu",
            "don-vi-lon.yaml",
            "tệp lớn 3 GB, quá giới hạn 32 MB của một tệp dữ liệu đơn vị",
        ],
    );
}

#[test]
fn a_device_a_pipe_or_a_huge_file_as_a_pdf_to_copy_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ban-sao");
    let order = root().join("data-samples/ban-sao.yaml");
    let copy = |original: &Path| {
        hoso_run(&[
            "copy".as_ref(),
            "--ban-sao".as_ref(),
            os(&order),
            os(original),
            "-o".as_ref(),
            os(&out),
        ])
    };
    let device = dir.path().join("thiet-bi.pdf");
    std::os::unix::fs::symlink("/dev/zero", &device).unwrap();
    assert_refused(&copy(&device), &out, &["thiet-bi.pdf", "một thiết bị"]);
    let pipe = fifo(&dir.path().join("ong.pdf"));
    assert_refused(&copy(&pipe), &out, &["ong.pdf", "một ống dẫn (FIFO)"]);
    let huge = dir.path().join("lon.pdf");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    assert_refused(
        &copy(&huge),
        &out,
        &[
            "lon.pdf",
            "tệp lớn 300 MB, quá giới hạn 256 MB của một tệp PDF",
        ],
    );
    // The copy's own data file likewise.
    let run = hoso_run(&[
        "copy".as_ref(),
        "--ban-sao".as_ref(),
        "/dev/zero".as_ref(),
        os(&huge),
        "-o".as_ref(),
        os(&out),
    ]);
    assert_refused(&run, &out, &["/dev/zero", "một thiết bị"]);
}

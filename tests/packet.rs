//! `hoso packet` end to end: the folder a clerk gets, the index of what was written with the
//! real page counts, and the one PDF to print on both sides with a bookmark per document.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Runs `hoso packet` on `data` into `out`; returns the standard output and error.
fn packet(data: &Path, out: &Path) -> (String, String) {
    let output = hoso([
        "packet".as_ref(),
        data.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

/// Every file below `dir`, as paths relative to it, sorted.
fn tree(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, base: &Path, into: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, into);
            } else {
                into.push(path.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    files
}

fn pdf_outline(pdf: &Path) -> Vec<(u32, String, usize)> {
    let script = root().join("tests/tools/pdf_outline.py");
    let json = tool(
        python().to_str().unwrap(),
        [script.as_os_str(), pdf.as_os_str()],
    );
    serde_json::from_str(&json).unwrap()
}

#[test]
fn the_packet_holds_every_document_its_index_and_one_pdf_to_print() {
    for data in [sample(), sample_2026()] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("ho-so");
        let (stdout, stderr) = packet(&data, &out);
        let files = tree(&out);
        let pdfs: Vec<&String> = files.iter().filter(|f| f.ends_with(".pdf")).collect();
        // The unit's documents first, numbered; then one folder per person; the index; the
        // merged PDF.
        assert!(
            files[0].starts_with("01-") && files[2].starts_with("02-"),
            "{files:?}"
        );
        assert!(files[4].starts_with("03-"), "{files:?}");
        let index_at = files
            .iter()
            .position(|f| f.starts_with("danh-muc_"))
            .unwrap();
        assert!(
            files[6..index_at]
                .iter()
                .all(|f| f.starts_with("dang-vien/")),
            "{files:?}"
        );
        assert_eq!(files.last().unwrap(), "ho-so-de-in.pdf");
        // One folder per reviewed member, holding that member's documents only.
        let mut folders: Vec<&str> = files
            .iter()
            .filter_map(|f| f.strip_prefix("dang-vien/")?.split('/').next())
            .collect();
        folders.dedup();
        assert_eq!(folders.len(), names_in(&data).len(), "{folders:?}");
        for folder in folders {
            let authors: Vec<String> = pdfs
                .iter()
                .filter(|f| f.starts_with(&format!("dang-vien/{folder}/")))
                .map(|f| pdf_author(&out.join(f)))
                .collect();
            assert!(
                authors.iter().all(|a| *a == authors[0]),
                "{folder}: {authors:?}"
            );
            assert!(names_in(&data).contains(&authors[0]), "{folder}");
        }
        // As many documents as the data calls for, each as PDF and DOCX, and the index.
        let documents = documents_of(&data) + 1;
        assert_eq!(pdfs.len(), documents + 1, "{files:?}");
        assert_eq!(files.len(), 2 * documents + 1);
        // The index lists every other document with its real number of pages.
        let written: Vec<PathBuf> = pdfs
            .iter()
            .filter(|f| !f.starts_with("danh-muc_") && !f.starts_with("ho-so"))
            .map(|f| out.join(f))
            .collect();
        let index = out.join(&files[index_at]).with_extension("pdf");
        let index_text = flat_body_text(&index);
        let mut expected_pages = 0;
        // Every document, whose and its real pages (the order of the rows, as the sources
        // order them, is tested in submit_ready.rs).
        for pdf in &written {
            let pages = pdf_pages(pdf);
            expected_pages += pages.div_ceil(2) * 2;
            let row = format!("{} {pages}", pdf_author(pdf));
            assert!(
                index_text.contains(&row),
                "«{row}» not in the index: {index_text}"
            );
        }
        let index_pages = pdf_pages(&index);
        expected_pages += index_pages.div_ceil(2) * 2;
        // One PDF of everything: each document starts on an odd page, under its bookmark.
        let merged = out.join("ho-so-de-in.pdf");
        assert_eq!(pdf_pages(&merged), expected_pages);
        let outline = pdf_outline(&merged);
        assert_eq!(outline.len(), documents);
        assert!(
            outline
                .iter()
                .all(|(level, _, page)| *level == 1 && page % 2 == 1)
        );
        assert!(outline.last().unwrap().1.starts_with("Danh mục"));
        // One summary line on stdout; nothing drawn on a pipe.
        assert_eq!(stdout.lines().count(), 1, "{stdout}");
        assert!(
            stdout.contains(&format!(
                "{documents} văn bản (PDF và DOCX), {expected_pages} trang để in"
            )),
            "{stdout}"
        );
        assert!(!stderr.contains('█') && !stderr.contains('\r'), "{stderr}");
    }
}

#[test]
fn the_index_is_a_valid_document_libreoffice_opens() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ho-so");
    packet(&sample_2026(), &out);
    let docx = tree(&out)
        .into_iter()
        .find(|f| f.starts_with("danh-muc_") && f.ends_with(".docx"))
        .map(|f| out.join(f))
        .unwrap();
    let converted = libreoffice_pdfs(std::slice::from_ref(&docx), &dir.path().join("lo"));
    assert!(pdf_text(&converted[0]).contains("DANH MỤC"));
    let auditor = python().with_file_name("openxml-audit");
    let report = tool(
        auditor.to_str().unwrap(),
        ["-m".as_ref(), "0".as_ref(), docx.as_os_str()],
    );
    assert!(report.contains("Errors: 0"), "{report}");
    let facts = docx_facts(&docx);
    assert!(facts.paragraphs.iter().any(|p| p.contains("Số trang")));
}

#[test]
fn a_unit_that_breaks_a_rule_or_cannot_be_read_gets_no_packet_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ho-so");
    for (file, code) in [("quy-tac-nghi-om.yaml", 1), ("ngay-sai.yaml", 1)] {
        let data = root().join("data-samples/loi").join(file);
        let output = hoso([
            "packet".as_ref(),
            data.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(output.status.code(), Some(code), "{file}");
        assert!(!out.exists(), "{file} left {:?}", tree(&out));
    }
    let data = root().join("data-samples/loi/quy-tac-nghi-om.yaml");
    let output = hoso([
        "packet".as_ref(),
        data.as_os_str(),
        "--force".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--force: vẫn ghi tệp"));
    assert!(out.join("ho-so-de-in.pdf").exists());
}

/// Every file below `dir`, as paths relative to it, with its bytes.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    tree(dir)
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

#[test]
fn many_units_at_once_each_get_the_same_packet_byte_for_byte_on_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("don-vi");
    std::fs::create_dir(&units).unwrap();
    let samples = [sample(), sample_2026()];
    for data in &samples {
        copy_unit(data, &units.join(data.file_name().unwrap()));
    }
    // Each unit alone, on one thread.
    let alone = dir.path().join("tung-don-vi");
    for data in &samples {
        let stem = data.file_stem().unwrap();
        let output = hoso([
            "-j".as_ref(),
            "1".as_ref(),
            "packet".as_ref(),
            data.as_os_str(),
            "-o".as_ref(),
            alone.join(stem).as_os_str(),
        ]);
        assert!(output.status.success());
    }
    // The folder of both, on three threads.
    let together = dir.path().join("ca-hai");
    let output = hoso([
        "--jobs".as_ref(),
        "3".as_ref(),
        "packet".as_ref(),
        units.as_os_str(),
        "-o".as_ref(),
        together.as_os_str(),
    ]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Each unit's documents and its index.
    let documents: usize = samples.iter().map(|d| documents_of(d) + 1).sum();
    assert!(
        stdout.starts_with(&format!(
            "Đã ghi hồ sơ của 2 đơn vị vào {}: {documents} văn bản (PDF và DOCX)",
            together.display()
        )),
        "{stdout}"
    );
    let (alone, together) = (contents(&alone), contents(&together));
    assert_eq!(alone.len(), together.len());
    for ((name, bytes), (other_name, other_bytes)) in alone.iter().zip(&together) {
        assert_eq!(name, other_name);
        assert!(bytes == other_bytes, "{name} differs between the runs");
    }
}

#[test]
fn a_run_over_many_units_writes_nothing_when_one_is_wrong_or_two_share_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("don-vi");
    std::fs::create_dir(&units).unwrap();
    copy_unit(&sample_2026(), &units.join("a.yaml"));
    std::fs::copy(
        root().join("data-samples/loi/quy-tac-nghi-om.yaml"),
        units.join("b.yaml"),
    )
    .unwrap();
    let out = dir.path().join("ho-so");
    let run = |inputs: &[&Path]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["packet".as_ref(), "-o".as_ref()];
        args.push(out.as_os_str());
        args.extend(inputs.iter().map(|p| p.as_os_str()));
        let output = hoso(args);
        (
            output.status.code(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    // The second unit breaks a rating rule: not even the first unit is written.
    let (code, stderr) = run(&[&units]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("b.yaml"), "{stderr}");
    assert!(!out.exists(), "left {:?}", tree(&out));
    // Two files named alike would share a folder.
    let elsewhere = dir.path().join("khac");
    std::fs::create_dir(&elsewhere).unwrap();
    copy_unit(&sample_2026(), &elsewhere.join("a.yaml"));
    let (code, stderr) = run(&[&units.join("a.yaml"), &elsewhere.join("a.yaml")]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("cùng tên «a»"), "{stderr}");
    // A folder without data files.
    let empty = dir.path().join("trong");
    std::fs::create_dir(&empty).unwrap();
    let (code, stderr) = run(&[&empty]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("không có tệp dữ liệu nào"), "{stderr}");
    assert!(!out.exists());
}

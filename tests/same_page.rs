//! The same page in both formats: LibreOffice lays out each DOCX, and its PDF has the same lines,
//! on the same pages, at the same heights as hoso's PDF.

mod common;

use std::path::Path;

use common::*;

/// How far apart the same line may sit in the two PDFs: the word processor counts in twips and
/// rounds; a line moved by a line break or a page break is 18 points or more away.
const BASELINE_TOLERANCE_PT: f64 = 0.5;
/// Centred and right-aligned lines start where the line's width puts them.
const LEFT_TOLERANCE_PT: f64 = 1.5;

/// Differences between the lines of two PDFs, page by page; empty when they set the same lines.
fn differences(ours: &Path, theirs: &Path) -> Vec<String> {
    let (ours, theirs) = (pdf_lines(ours), pdf_lines(theirs));
    if ours.len() != theirs.len() {
        return vec![format!(
            "{} pages in hoso's PDF, {} in LibreOffice's",
            ours.len(),
            theirs.len()
        )];
    }
    let mut found = Vec::new();
    for (number, (our_page, their_page)) in ours.iter().zip(&theirs).enumerate() {
        let page = number + 1;
        if our_page.len() != their_page.len() {
            found.push(format!(
                "page {page}: {} lines in hoso's PDF, {} in LibreOffice's",
                our_page.len(),
                their_page.len()
            ));
        }
        for line in our_page {
            let same = their_page.iter().any(|other| {
                other.text == line.text
                    && (other.baseline - line.baseline).abs() <= BASELINE_TOLERANCE_PT
                    && (other.left - line.left).abs() <= LEFT_TOLERANCE_PT
            });
            if !same {
                found.push(format!(
                    "page {page}, baseline {:.1}: «{}» is not in LibreOffice's PDF",
                    line.baseline, line.text
                ));
            }
        }
    }
    found
}

#[test]
fn every_docx_sets_the_same_lines_on_the_same_pages_as_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let files = render_all("ca-nhan-lanh-dao", &sample(), &dir.path().join("ra"));
    let (pdfs, docxs) = (
        with_extension(&files, "pdf"),
        with_extension(&files, "docx"),
    );
    let converted = libreoffice_pdfs(&docxs, &dir.path().join("libreoffice"));
    assert_eq!(pdfs.len(), names_in(&sample()).len());
    let mut report = Vec::new();
    for (ours, theirs) in pdfs.iter().zip(&converted) {
        let found = differences(ours, theirs);
        if !found.is_empty() {
            report.push(format!("{ours:?}:\n  {}", found.join("\n  ")));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn the_comparison_sees_a_line_moved_to_another_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ra");
    let files = render(
        &sample(),
        &out,
        &[
            "--form",
            "ca-nhan-lanh-dao",
            "--member",
            "nguyen-van-an",
            "--member",
            "ngo-thi-mai",
            "--format",
            "pdf",
        ],
    );
    assert!(differences(&files[0], &files[0]).is_empty());
    assert!(!differences(&files[0], &files[1]).is_empty());
}

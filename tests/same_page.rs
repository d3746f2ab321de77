//! The same page in both formats: LibreOffice lays out each DOCX, and its PDF has the same lines,
//! on the same pages, at the same heights as hoso's PDF.
//!
//! One fault of LibreOffice is told apart rather than counted against hoso: LibreOffice splits a
//! document into rough pages of 20–26 paragraphs before laying it out, and a paragraph that the
//! DOCX keeps with the next (`w:keepNext`, every heading) stays at the foot of a page when the
//! next paragraph happens to open one of those rough pages. Word and hoso's PDF keep the two
//! together. When LibreOffice's page ends with such a paragraph that hoso's PDF carries to the
//! next page, the pages up to there must agree and the rest cannot be compared.

mod common;

use std::path::Path;

use common::*;

/// How far apart the same line may sit in the two PDFs: the word processor counts in twips and
/// rounds; a line moved by a line break or a page break is 18 points or more away.
const BASELINE_TOLERANCE_PT: f64 = 0.5;
/// Centred and right-aligned lines start where the line's width puts them.
const LEFT_TOLERANCE_PT: f64 = 1.5;

/// The top margin (20 mm): above it sits only the page number.
const TOP_MARGIN_PT: f64 = 56.69;

fn same_line(a: &PdfLine, b: &PdfLine) -> bool {
    a.text == b.text
        && (a.baseline - b.baseline).abs() <= BASELINE_TOLERANCE_PT
        && (a.left - b.left).abs() <= LEFT_TOLERANCE_PT
}

/// How one page of hoso's PDF differs from LibreOffice's; empty when they are the same.
fn page_differences(page: usize, ours: &[PdfLine], theirs: &[PdfLine]) -> Vec<String> {
    let mut found = Vec::new();
    if ours.len() != theirs.len() {
        found.push(format!(
            "page {page}: {} lines in hoso's PDF, {} in LibreOffice's",
            ours.len(),
            theirs.len()
        ));
    }
    for line in ours {
        if !theirs.iter().any(|other| same_line(line, other)) {
            found.push(format!(
                "page {page}, baseline {:.1}: «{}» is not in LibreOffice's PDF",
                line.baseline, line.text
            ));
        }
    }
    found
}

/// Whether LibreOffice's page is hoso's page plus, at its foot, the lines that open hoso's next
/// page and end a paragraph the DOCX keeps with the next one.
fn keep_left_behind(
    ours: &[PdfLine],
    theirs: &[PdfLine],
    our_next: &[PdfLine],
    kept: &[String],
) -> Option<String> {
    let extra = theirs.len().checked_sub(ours.len()).filter(|n| *n > 0)?;
    let same_start = ours.iter().zip(theirs).all(|(a, b)| same_line(a, b));
    let moved: Vec<&str> = theirs[ours.len()..]
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    // The lines that open the next page's text, below the page number in the top margin.
    let opens_next = our_next
        .iter()
        .filter(|line| line.baseline > TOP_MARGIN_PT)
        .take(extra)
        .map(|l| l.text.as_str())
        .eq(moved.iter().copied());
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let ends_kept = kept
        .iter()
        .map(|p| words(p))
        .find(|p| p.ends_with(&moved.join(" ")));
    (same_start && opens_next).then_some(())?;
    ends_kept
}

/// Differences between hoso's PDF and LibreOffice's, page by page, and the paragraph LibreOffice
/// failed to keep with the next one, if it did.
fn differences(ours: &Path, theirs: &Path, kept: &[String]) -> (Vec<String>, Option<String>) {
    let (ours, theirs) = (pdf_lines(ours), pdf_lines(theirs));
    for (index, (our_page, their_page)) in ours.iter().zip(&theirs).enumerate() {
        let found = page_differences(index + 1, our_page, their_page);
        if found.is_empty() {
            continue;
        }
        let our_next = ours.get(index + 1).map(Vec::as_slice).unwrap_or_default();
        return match keep_left_behind(our_page, their_page, our_next, kept) {
            Some(paragraph) => (Vec::new(), Some(paragraph)),
            None => (found, None),
        };
    }
    if ours.len() != theirs.len() {
        let counts = format!(
            "{} pages in hoso's PDF, {} in LibreOffice's",
            ours.len(),
            theirs.len()
        );
        return (vec![counts], None);
    }
    (Vec::new(), None)
}

#[test]
fn every_docx_sets_the_same_lines_on_the_same_pages_as_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let mut pdfs = Vec::new();
    for (index, data) in [sample(), sample_2026()].iter().enumerate() {
        let files = render_every_form(data, &dir.path().join(format!("ra-{index}")));
        assert_eq!(
            with_extension(&files, "pdf").len(),
            documents_of(data),
            "{data:?}: every document of the unit"
        );
        pdfs.extend(with_extension(&files, "pdf"));
    }
    // The upper committee's roll-up report over the 2026 sample.
    let rollup = dir.path().join("tong-hop");
    rollup_by_sample_committee(&sample_2026(), &rollup, &[]);
    pdfs.push(rollup.join("tong-hop.pdf"));
    // Copies: each 2B self-review of the 2026 sample with the copy block after its last line,
    // and a trích sao of the report.
    let order = root().join("data-samples/ban-sao.yaml");
    for (index, extra) in [
        vec!["--form", "ca-nhan", "--all"],
        vec![
            "--form",
            "tap-the",
            "--hinh-thuc",
            "trich_sao",
            "--muc",
            "A.II,B",
        ],
    ]
    .iter()
    .enumerate()
    {
        let out = dir.path().join(format!("ban-sao-{index}"));
        let mut args: Vec<&std::ffi::OsStr> =
            vec!["copy".as_ref(), "--ban-sao".as_ref(), order.as_os_str()];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        let data = sample_2026();
        args.extend([data.as_os_str(), "-o".as_ref(), out.as_os_str()]);
        let output = hoso(args);
        assert!(output.status.success(), "{output:?}");
        pdfs.extend(with_extension(&files_in(&out), "pdf"));
    }
    let docxs: Vec<_> = pdfs.iter().map(|pdf| pdf.with_extension("docx")).collect();
    let converted = libreoffice_pdfs(&docxs, &dir.path().join("libreoffice"));
    let (mut report, mut compared_whole) = (Vec::new(), 0);
    for ((ours, theirs), docx) in pdfs.iter().zip(&converted).zip(&docxs) {
        let kept = docx_facts(docx).kept_with_next;
        assert!(
            !kept.is_empty(),
            "{docx:?}: headings are kept with the next paragraph"
        );
        match differences(ours, theirs, &kept) {
            (found, _) if !found.is_empty() => {
                report.push(format!("{ours:?}:\n  {}", found.join("\n  ")))
            }
            (_, Some(paragraph)) => {
                eprintln!(
                    "{ours:?}: LibreOffice left «{paragraph}» at the foot of a page; compared up to there"
                )
            }
            _ => compared_whole += 1,
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
    assert!(
        compared_whole * 4 >= pdfs.len() * 3,
        "most documents must compare whole: {compared_whole} of {}",
        pdfs.len()
    );
}

/// A page of lines from (text, baseline) pairs, all starting at the margin.
fn page(lines: &[(&str, f64)]) -> Vec<PdfLine> {
    lines
        .iter()
        .map(|(text, baseline)| PdfLine {
            text: text.to_string(),
            baseline: *baseline,
            left: 85.0,
        })
        .collect()
}

#[test]
fn a_line_moved_or_shifted_is_a_difference() {
    let ours = page(&[("Một", 70.0), ("Hai", 88.5)]);
    assert!(page_differences(1, &ours, &ours).is_empty());
    assert!(!page_differences(1, &ours, &page(&[("Một", 70.0), ("Hai", 89.5)])).is_empty());
    assert!(!page_differences(1, &ours, &page(&[("Một", 70.0)])).is_empty());
    assert!(!page_differences(1, &ours, &page(&[("Một", 70.0), ("Ba", 88.5)])).is_empty());
}

#[test]
fn only_a_kept_paragraph_left_at_the_foot_is_libreoffices_fault() {
    let ours = page(&[("Nội dung", 740.0)]);
    let next = page(&[
        ("2", 41.4),
        ("VII. Tự nhận mức", 70.0),
        ("1. Xếp loại", 94.5),
    ]);
    let theirs = page(&[("Nội dung", 740.0), ("VII. Tự nhận mức", 777.3)]);
    let kept = vec!["VII. Tự nhận mức".to_string()];
    assert_eq!(
        keep_left_behind(&ours, &theirs, &next, &kept).as_deref(),
        Some("VII. Tự nhận mức")
    );
    assert_eq!(keep_left_behind(&ours, &theirs, &next, &[]), None);
    let not_next = page(&[("1. Xếp loại", 70.0)]);
    assert_eq!(keep_left_behind(&ours, &theirs, &not_next, &kept), None);
}

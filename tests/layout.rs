//! Layout: the Document model of the sample (snapshots) and the look of page 1 (reference images).

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use common::*;
use hoso::forms::Catalogue;

/// Members whose documents are snapshotted: a leader with every part written, and a member whose
/// empty parts print as lines to write on.
const SNAPSHOT_MEMBERS: [&str; 2] = ["nguyen-van-an", "ngo-thi-mai"];

#[test]
fn the_document_model_of_the_sample() {
    let dossier = hoso::dossier::load(&sample()).unwrap();
    let catalogue = Catalogue::builtin().unwrap();
    let form = catalogue
        .find("ca-nhan-lanh-dao", dossier.regime(), dossier.year)
        .unwrap();
    for id in SNAPSHOT_MEMBERS {
        let member = dossier
            .member(id)
            .unwrap_or_else(|| panic!("the sample has {id}"));
        let document = catalogue.personal_document(form, &dossier, member).unwrap();
        insta::assert_json_snapshot!(format!("ca-nhan-lanh-dao-2023-{id}"), document);
    }
}

/// A page as grey pixels.
struct Image {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

fn read_png(path: &Path) -> Image {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "{path:?}");
    let samples = info.color_type.samples();
    let colours = samples.min(3);
    let grey = pixels[..info.buffer_size()]
        .chunks(samples)
        .map(|pixel| {
            let sum: u32 = pixel[..colours].iter().map(|&c| u32::from(c)).sum();
            (sum / colours as u32) as u8
        })
        .collect();
    Image {
        width: info.width,
        height: info.height,
        pixels: grey,
    }
}

/// Share of pixels whose grey level differs by more than a quarter of the range.
fn difference(a: &Image, b: &Image) -> f64 {
    if (a.width, a.height) != (b.width, b.height) {
        return 1.0;
    }
    let differing = a
        .pixels
        .iter()
        .zip(&b.pixels)
        .filter(|(x, y)| x.abs_diff(**y) > 64)
        .count();
    differing as f64 / a.pixels.len() as f64
}

/// Renders page 1 of `member`'s form at 60 dpi in grey (the README shows these images); compares it with the reference image.
/// A missing reference is written when HOSO_UPDATE_REFERENCES=1; a changed page leaves the new
/// image beside the reference and fails with its path.
fn page_one_matches(form: &str, member: &str, reference: &str) {
    let dir = tempfile::tempdir().unwrap();
    let files = render(
        &sample(),
        dir.path(),
        &["--form", form, "--member", member, "--format", "pdf"],
    );
    let pdf = with_extension(&files, "pdf").remove(0);
    let prefix = dir.path().join("trang");
    tool(
        "pdftoppm",
        [
            OsStr::new("-r"),
            OsStr::new("60"),
            OsStr::new("-gray"),
            OsStr::new("-png"),
            OsStr::new("-f"),
            OsStr::new("1"),
            OsStr::new("-l"),
            OsStr::new("1"),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    );
    let rendered: PathBuf = dir.path().join("trang-1.png");
    let reference = root().join("tests/reference").join(reference);
    let update = std::env::var_os("HOSO_UPDATE_REFERENCES").is_some_and(|v| v == "1");
    if update {
        std::fs::copy(&rendered, &reference).unwrap();
    }
    assert!(
        reference.exists(),
        "no reference image {reference:?}; run with HOSO_UPDATE_REFERENCES=1"
    );
    let share = difference(&read_png(&rendered), &read_png(&reference));
    if share > 0.002 {
        let new = reference.with_extension("new.png");
        std::fs::copy(&rendered, &new).unwrap();
        panic!(
            "page 1 changed ({:.2}% of pixels): compare {new:?} with {reference:?}; if the change is wanted, run with HOSO_UPDATE_REFERENCES=1",
            share * 100.0
        );
    }
}

#[test]
fn page_one_of_the_leaders_self_review_looks_as_it_did() {
    page_one_matches(
        "ca-nhan-lanh-dao",
        "nguyen-van-an",
        "ca-nhan-lanh-dao-2023-trang-1.png",
    );
}

#[test]
fn page_one_of_a_blank_form_looks_as_it_did() {
    page_one_matches(
        "ca-nhan-lanh-dao",
        "ngo-thi-mai",
        "ca-nhan-lanh-dao-2023-de-trong-trang-1.png",
    );
}

#[test]
fn the_comparison_tells_two_different_pages_apart() {
    let reference = root().join("tests/reference");
    let written = read_png(&reference.join("ca-nhan-lanh-dao-2023-trang-1.png"));
    let blank = read_png(&reference.join("ca-nhan-lanh-dao-2023-de-trong-trang-1.png"));
    assert_eq!(difference(&written, &written), 0.0);
    assert!(difference(&written, &blank) > 0.002);
}

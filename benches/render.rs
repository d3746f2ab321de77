//! How long each stage takes for the sample unit, per document, with ratios against a baseline
//! measured in the same run: typst drawing the same document's frame with an empty body.
//!
//! Run with `cargo bench --bench render`. Prints medians over several rounds.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use hoso::document::Document;
use hoso::forms::Catalogue;
use hoso::render::{docx, layout, pdf};

const ROUNDS: usize = 15;

/// The median time of `work` over [`ROUNDS`] rounds.
fn median(mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[ROUNDS / 2]
}

fn main() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples/chi-bo-mau.yaml");
    let dossier = hoso::dossier::load(&sample).expect("the sample loads");
    let catalogue = Catalogue::builtin().expect("the built-in forms load");
    let form = catalogue
        .find("ca-nhan-lanh-dao", dossier.regime(), dossier.year)
        .expect("the form exists");
    let documents: Vec<Document> = dossier
        .members
        .iter()
        .map(|m| catalogue.personal_document(form, &dossier, m).unwrap())
        .collect();
    let frames_only: Vec<Document> = documents
        .iter()
        .map(|d| Document {
            body: Vec::new(),
            ..d.clone()
        })
        .collect();
    let count = documents.len() as u32;
    let engine_start = Instant::now();
    let engine = pdf::Engine::new();
    let engine_time = engine_start.elapsed();

    let baseline = median(|| {
        for d in &frames_only {
            black_box(engine.pdf(d, &layout::PARTY).unwrap());
        }
    }) / count;
    let stages = [
        (
            "đọc YAML (chia đều)",
            median(|| {
                black_box(hoso::dossier::load(&sample).unwrap());
            }) / count,
        ),
        (
            "điền mẫu → Document",
            median(|| {
                for m in &dossier.members {
                    black_box(catalogue.personal_document(form, &dossier, m).unwrap());
                }
            }) / count,
        ),
        (
            "PDF (typst)",
            median(|| {
                for d in &documents {
                    black_box(engine.pdf(d, &layout::PARTY).unwrap());
                }
            }) / count,
        ),
        (
            "DOCX (docx-rs + đóng gói)",
            median(|| {
                for d in &documents {
                    black_box(docx::docx(d, &layout::PARTY).unwrap());
                }
            }) / count,
        ),
    ];
    println!(
        "{count} văn bản Mẫu 02B của đơn vị mẫu; trung vị của {ROUNDS} lượt, tính cho mỗi văn bản."
    );
    println!("Nạp phông và thư viện typst (một lần mỗi tiến trình): {engine_time:.2?}");
    println!("Mốc so sánh — PDF chỉ có phần đầu văn bản: {baseline:.2?}");
    println!(
        "{:<28} {:>12} {:>10}",
        "công đoạn", "mỗi văn bản", "so với mốc"
    );
    for (name, time) in stages {
        let ratio = time.as_secs_f64() / baseline.as_secs_f64();
        println!("{name:<28} {time:>12.2?} {ratio:>9.2}×");
    }
}

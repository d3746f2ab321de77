//! hoso's stages in one process, measured by criterion over the sample unit of 2026 (16
//! documents and the index): reading the YAML, the rating rules, filling the forms, typst's own
//! compilation and PDF export of the very documents of the packet (the baseline), the DOCX,
//! and the whole packet on one thread (read, check, fill, draw both formats, write, merge).
//!
//! Run with `cargo bench --bench render`; `benches/so-sanh.sh` reads the medians criterion
//! writes under `target/criterion/` to report hoso's own work on top of typst's.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use hoso::forms::{Catalogue, IndexRow};
use hoso::packet::{self, UnitPacket};
use hoso::parallel;
use hoso::render::fonts::Coverage;
use hoso::render::{docx, layout, pdf};

/// The allocator of the `hoso` binary, so that each stage costs what it costs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples/chi-bo-mau-2026.yaml")
}

fn stages(c: &mut Criterion) {
    let sample = sample();
    let catalogue = Catalogue::builtin().expect("the built-in forms load");
    let dossier = hoso::dossier::load(&sample).expect("the sample loads");
    let engine = pdf::Engine::shared();
    let mut documents: Vec<_> = packet::unit_documents(&catalogue, &dossier)
        .expect("the forms fill")
        .into_iter()
        .map(|(_, document)| document)
        .collect();
    // The index, as the packet makes it, so the baseline draws every document the packet does.
    let rows: Vec<IndexRow> = documents
        .iter()
        .map(|document| IndexRow {
            title: document.meta.title.clone(),
            whose: document.meta.author.clone(),
            pages: engine
                .pdf(document, &layout::PARTY, pdf::Conformance::Plain)
                .expect("drawn")
                .pages,
        })
        .collect();
    let index = catalogue
        .find("danh-muc", dossier.regime(), dossier.year)
        .expect("the index form exists");
    documents.push(
        catalogue
            .index_document(index, &dossier, &rows)
            .expect("the index fills"),
    );
    let inputs: Vec<pdf::TypstInput> = documents
        .iter()
        .map(|document| {
            pdf::typst_input(document, &layout::PARTY, pdf::Conformance::Plain).expect("the input")
        })
        .collect();
    parallel::set_threads(std::num::NonZeroUsize::new(1));

    let mut group = c.benchmark_group("don-vi-mau-2026");
    group.sample_size(20);
    group.bench_function("doc-yaml", |b| {
        b.iter(|| black_box(hoso::dossier::load(&sample).unwrap()))
    });
    group.bench_function("kiem-tra", |b| {
        b.iter(|| black_box(hoso::rules::check(&dossier, &catalogue)))
    });
    group.bench_function("dien-mau", |b| {
        b.iter(|| black_box(packet::unit_documents(&catalogue, &dossier).unwrap()))
    });
    // On hoso's one drawing thread, as the packet draws: typst's inner work runs there too.
    group.bench_function("typst", |b| {
        b.iter(|| black_box(parallel::try_map(&inputs, |input| engine.compile(input)).unwrap()))
    });
    group.bench_function("docx", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(docx::docx(document, &layout::PARTY).unwrap());
            }
        })
    });
    let out = tempfile::tempdir().expect("a temporary folder");
    let coverage = Coverage::bundled();
    group.bench_function("ho-so", |b| {
        b.iter(|| {
            let dossier = hoso::dossier::load(&sample).unwrap();
            black_box(packet::undrawable(&dossier, &coverage));
            black_box(hoso::rules::check(&dossier, &catalogue));
            let unit = UnitPacket {
                dossier: &dossier,
                dir: out.path().join("ho-so"),
            };
            black_box(packet::render_packets(&catalogue, &[unit], &|_, _| {}).unwrap());
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);

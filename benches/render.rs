//! hoso's stages in one process, measured by criterion over the sample unit of 2026 (16
//! documents and the index): reading the YAML, the rating rules, filling the forms, typst's own
//! compilation and PDF export of the very documents of the packet (the baseline), the DOCX,
//! and the whole packet on one thread (read, check, fill, draw both formats, write, merge).
//!
//! Then, beside criterion, the last two in alternate pairs (`phan-rieng`): a slow spell of the
//! machine falls on both alike, and the median of the pairs' ratios is hoso's own work on top of
//! typst's, which `benches/so-sanh.sh` reports.
//!
//! Run with `cargo bench --bench render` (a filter, such as `-- docx`, runs only what it names).

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
    let filled = packet::unit_documents(&catalogue, &dossier).expect("the forms fill");
    // The index, as the packet makes it, so the baseline draws every document the packet does.
    let rows: Vec<IndexRow> = filled
        .iter()
        .map(|filled| IndexRow {
            form: filled.form.clone(),
            member: filled.member.clone(),
            title: filled.document.meta.title.clone(),
            whose: filled.document.meta.author.clone(),
            pages: engine
                .pdf(&filled.document, &layout::PARTY, pdf::Conformance::Plain)
                .expect("drawn")
                .pages,
        })
        .collect();
    let mut documents: Vec<_> = filled.into_iter().map(|filled| filled.document).collect();
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
    let typst_alone = || parallel::try_map(&inputs, |input| engine.compile(input)).unwrap();
    group.bench_function("typst", |b| b.iter(|| black_box(typst_alone())));
    group.bench_function("docx", |b| {
        b.iter(|| {
            for document in &documents {
                black_box(docx::docx(document, &layout::PARTY).unwrap());
            }
        })
    });
    let out = tempfile::tempdir().expect("a temporary folder");
    let coverage = Coverage::bundled();
    let whole_packet = || {
        let dossier = hoso::dossier::load(&sample).unwrap();
        black_box(packet::undrawable(&dossier, &coverage));
        black_box(hoso::rules::check(&dossier, &catalogue));
        let unit = UnitPacket {
            dossier: &dossier,
            dir: out.path().join("ho-so"),
        };
        packet::render_packets(&catalogue, &[unit], &|_, _| {}).unwrap()
    };
    group.bench_function("ho-so", |b| b.iter(|| black_box(whole_packet())));
    group.finish();
    if asked_for(SHARE) {
        write_share(&typst_alone, &whole_packet);
    }
}

/// The measurement of hoso's own share, beside criterion's: its name, and the pairs it times.
const SHARE: &str = "phan-rieng";
const SHARE_PAIRS: usize = 15;

/// Whether the command line's filter (criterion's first argument that is not an option) leaves
/// `name` to run: no filter, or one naming it.
fn asked_for(name: &str) -> bool {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    match args.find(|a| !a.starts_with('-')) {
        None => true,
        Some(filter) => filter.contains(name),
    }
}

/// hoso's whole packet against typst's compile and export of the same documents, timed in
/// alternate pairs so that a slow spell of the machine falls on both alike; writes the median
/// of the pairs' ratios, and each side's median, to `target/criterion/don-vi-mau-2026/` for
/// `benches/so-sanh.sh`.
fn write_share<A, B>(typst_alone: &dyn Fn() -> A, whole_packet: &dyn Fn() -> B) {
    let timed = |work: &dyn Fn()| {
        let start = std::time::Instant::now();
        work();
        start.elapsed().as_secs_f64()
    };
    let mut pairs: Vec<(f64, f64)> = (0..SHARE_PAIRS)
        .map(|_| {
            let typst = timed(&|| drop(black_box(typst_alone())));
            let packet = timed(&|| drop(black_box(whole_packet())));
            (typst, packet)
        })
        .collect();
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let ratio = median(pairs.iter().map(|(typst, packet)| packet / typst).collect());
    let typst = median(pairs.iter().map(|pair| pair.0).collect());
    let packet = median(pairs.drain(..).map(|pair| pair.1).collect());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("criterion/don-vi-mau-2026");
    std::fs::create_dir_all(&dir).expect("criterion's folder");
    let json = format!(r#"{{"ratio": {ratio}, "typst": {typst}, "ho_so": {packet}}}"#);
    std::fs::write(dir.join(format!("{SHARE}.json")), json).expect("written");
    println!(
        "don-vi-mau-2026/{SHARE}: hồ sơ / typst = {ratio:.3} (trung vị của {SHARE_PAIRS} cặp xen kẽ; {:.1} ms so với {:.1} ms)",
        packet * 1e3,
        typst * 1e3
    );
}

criterion_group!(benches, stages);
criterion_main!(benches);

//! Fuzzing, with proptest over arbitrary and mutated bytes: the reading of a unit's YAML and the
//! reading of an existing PDF by `hoso copy` never panic, never hang and stay within a bounded
//! memory, whatever the input. A counting allocator measures the memory of each case.
//!
//! The tests run a bounded number of cases (512 each, about a second); to run longer:
//! `PROPTEST_CASES=20000 cargo test --profile kiem-thu --test fuzz`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use hoso::copy::attach::{Request, attach};
use hoso::date::Date;
use hoso::render::pdf::Properties;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The system allocator, counting the bytes in use and the most in use since the last reset.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout, passed on.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: a block this allocator gave, with its layout.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: a block this allocator gave, with its layout.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            if new_size >= layout.size() {
                let grown = new_size - layout.size();
                let now = IN_USE.fetch_add(grown, Ordering::Relaxed) + grown;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One case at a time, so that the memory counted is the case's.
fn one_at_a_time() -> &'static Mutex<()> {
    static LOCK: OnceLock<Mutex<()>> = OnceLock::new();
    LOCK.get_or_init(Mutex::default)
}

/// The most memory any case may add, and the longest it may take.
const MEMORY_LIMIT: usize = 256 * 1024 * 1024;
const TIME_LIMIT: Duration = Duration::from_secs(5);

/// Runs `work` on `input`, failing when it takes too long or too much memory; a panic fails
/// the case by itself.
fn bounded(what: &str, input: &[u8], work: impl FnOnce()) -> Result<(), TestCaseError> {
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let started = Instant::now();
    work();
    let took = started.elapsed();
    let added = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    prop_assert!(
        took < TIME_LIMIT,
        "{what}: {took:?} on {} bytes",
        input.len()
    );
    prop_assert!(
        added < MEMORY_LIMIT,
        "{what}: {added} bytes on {} bytes of input",
        input.len()
    );
    Ok(())
}

/// A change to bytes: overwrite, insert, remove a range, or copy a range elsewhere.
#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
    Repeat(usize, usize, usize),
}

/// Words that steer a parser into its corners.
const TOKENS: &[&str] = &[
    "- ",
    ": ",
    "\n",
    "  ",
    "&a ",
    "*a",
    "<<: *a",
    "!!binary ",
    "? ",
    "|\n",
    ">-\n",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "#",
    "%YAML 1.2\n",
    "---\n",
    "...\n",
    "\t",
    "\r",
    "\u{2028}",
    "\u{feff}",
    "obj",
    "endobj",
    "stream\n",
    "endstream",
    "<<",
    ">>",
    "/Length 99999999999",
    " 0 R",
    "xref",
    "trailer",
    "startxref\n",
    "/Type /Page",
    "/Kids [",
    "/Count -1",
    "/Filter /FlateDecode",
    "9999999999",
    "-1",
    "1e308",
    "NaN",
    "/ObjStm",
    "/Prev 0",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Set(at, byte)),
        (any::<usize>(), prop::sample::select(TOKENS))
            .prop_map(|(at, token)| Edit::Insert(at, token.as_bytes().to_vec())),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Edit::Remove(at, len)),
        (any::<usize>(), 1usize..256, any::<usize>())
            .prop_map(|(from, len, to)| Edit::Repeat(from, len, to)),
    ]
}

/// `seed` with `edits` applied; positions wrap around its length.
fn mutated(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Set(at, byte) => {
                if !bytes.is_empty() {
                    bytes[at % len] = *byte;
                }
            }
            Edit::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Remove(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Edit::Repeat(from, n, to) => {
                let from = from % len;
                let end = (from + n).min(bytes.len());
                let piece: Vec<u8> = bytes[from.min(end)..end].to_vec();
                let to = to % (bytes.len() + 1);
                bytes.splice(to..to, piece);
            }
        }
    }
    bytes
}

/// An input: a seed mutated, or bytes from nothing.
fn input(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => (prop::sample::select(seeds), prop::collection::vec(edit(), 1..12))
            .prop_map(|(seed, edits)| mutated(&seed, &edits)),
        1 => prop::collection::vec(any::<u8>(), 0..2048),
    ]
}

fn runner() -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(512);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

#[test]
fn reading_any_yaml_never_panics_hangs_or_runs_out_of_memory() {
    let _one = one_at_a_time().lock().unwrap_or_else(|e| e.into_inner());
    let seeds = vec![
        sample("data-samples/chi-bo-mau-2026.yaml"),
        sample("data-samples/chi-bo-mau.yaml"),
        sample("data-samples/nam-truoc/chi-bo-mau-2025.yaml"),
        sample("data-samples/loi/cu-phap-sai.yaml"),
        sample("data-samples/ban-sao.yaml"),
    ];
    runner()
        .run(&input(seeds), |bytes| {
            bounded("YAML", &bytes, || {
                let text = String::from_utf8_lossy(&bytes);
                // The folder does not exist: members' own files named are not found.
                let _ = hoso::dossier::parse(&text, "khong-co-thu-muc/don-vi.yaml");
            })
        })
        .unwrap();
}

/// A one-page PDF drawing a black band, with the objects' offsets right: hoso's copy block
/// stands in for itself, and the original's seeds.
fn one_page_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ),
    ];
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", index + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn reading_any_pdf_to_copy_never_panics_hangs_or_runs_out_of_memory() {
    let _one = one_at_a_time().lock().unwrap_or_else(|e| e.into_inner());
    let block = one_page_pdf("0 g 56 700 480 100 re f");
    let seeds = vec![
        one_page_pdf("0 g 56 100 480 600 re f BT /F1 12 Tf 72 720 Td (Trang) Tj ET"),
        one_page_pdf("q 1 0 0 1 0 0 cm 0 0 1 RG 2 w 50 50 m 500 800 l S Q"),
        block.clone(),
    ];
    let properties = Properties {
        title: "Bản sao",
        author: "Chi bộ",
        date: Date::parse("2026-12-20").unwrap(),
        language: "vi",
    };
    let strategy = (input(seeds), any::<bool>(), any::<bool>());
    runner()
        .run(&strategy, |(bytes, on_last_page, archival)| {
            bounded("PDF", &bytes, || {
                let _ = attach(&Request {
                    original: &bytes,
                    block: &block,
                    on_last_page,
                    gap_pt: 12.0,
                    bottom_margin_pt: 42.5,
                    pdf_a: archival.then_some(properties),
                });
            })
        })
        .unwrap();
}

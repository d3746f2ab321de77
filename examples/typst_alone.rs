//! typst's own work on a unit's documents, and nothing else, in one process on every core: the
//! compilation and PDF export of each document's typst input as `bench_inputs` wrote it (hoso's
//! main file and style library, the document's data and the layout's), with the fonts and
//! library hoso loads. No YAML, no
//! forms, no DOCX, no file written. It is the least time any tool drawing these very PDFs with
//! typst 0.15 could take here; `benches/so-sanh.sh` times this process beside the peers, to
//! show what part of each ratio typst itself sets.
//!
//! Run with `cargo run --release --example typst_alone -- INPUTS/typst`.

use std::path::PathBuf;

use hoso::parallel;
use hoso::render::pdf::{self, Conformance, TypstInput};
use typst::foundations::Bytes;

/// The allocator of the `hoso` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [inputs] = args.as_slice() else {
        return Err("cách dùng: typst_alone <THƯ_MỤC_typst_CỦA_bench_inputs>".into());
    };
    let mut folders: Vec<PathBuf> = std::fs::read_dir(inputs)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    folders.sort();
    let inputs: Vec<TypstInput> = folders
        .iter()
        .map(|folder| {
            Ok(TypstInput {
                data: Bytes::new(std::fs::read(folder.join("document.json"))?),
                layout: Bytes::new(std::fs::read(folder.join("layout.json"))?),
                ident: folder.display().to_string(),
                conformance: Conformance::Plain,
            })
        })
        .collect::<Result<_, std::io::Error>>()?;
    let engine = pdf::Engine::shared();
    let pages: usize = parallel::try_map(&inputs, |input| engine.compile(input))?
        .iter()
        .map(|pdf| pdf.pages)
        .sum();
    println!("typst: {} văn bản, {pages} trang", inputs.len());
    Ok(())
}

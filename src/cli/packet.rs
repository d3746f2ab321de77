//! `hoso packet`: the unit's whole packet in one folder, with a progress bar on a terminal.

use std::io::IsTerminal;
use std::time::Instant;

use hoso::dossier;
use hoso::forms::Catalogue;
use hoso::packet::{self, Packet};
use indicatif::{ProgressBar, ProgressStyle};

use super::args::PacketArgs;
use super::render::{note_not_reviewed, preflight};
use super::{CliError, terminal};

/// Runs `hoso packet`: checks, writes every document, and says in one line what it wrote.
pub fn run(args: &PacketArgs, catalogue: &Catalogue) -> Result<(), CliError> {
    let started = Instant::now();
    let dossier = dossier::load(&args.data)?;
    preflight(&dossier, catalogue, &args.data, false, args.force)?;
    note_not_reviewed(&dossier);
    // A bar on a terminal only: piped into a file or another program, hoso stays quiet.
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} văn bản ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = |done: usize, total: usize| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let result = packet::render_packet(catalogue, &dossier, &args.output, &progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let Packet {
        documents, pages, ..
    } = result?;
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64()).replace('.', ",");
    terminal::out(&format!(
        "Đã ghi hồ sơ vào {}: {documents} văn bản (PDF và DOCX), {pages} trang để in ({}), trong {seconds} giây.",
        args.output.display(),
        packet::PRINT_FILE
    ));
    Ok(())
}

//! `hoso packet`: each unit's whole packet in one folder, with a progress bar on a terminal.

use std::io::IsTerminal;
use std::time::Instant;

use hoso::dossier::Dossier;
use hoso::forms::Catalogue;
use hoso::packet::{self, Packet, UnitPacket};
use indicatif::{ProgressBar, ProgressStyle};

use super::args::PacketArgs;
use super::render::{note_not_reviewed, report};
use super::{CliError, terminal};

/// Runs `hoso packet`: reads and checks every unit, writes every document, and says in one line
/// what it wrote.
pub fn run(args: &PacketArgs, catalogue: &Catalogue) -> Result<(), CliError> {
    let started = Instant::now();
    let files = packet::unit_files(&args.data)?;
    let dirs = packet::packet_dirs(&args.data, &files, &args.output)?;
    let mut dossiers: Vec<Dossier> = packet::load_units(&files, args.previous.file.as_deref())?
        .into_iter()
        .collect::<Result<_, _>>()?;
    for dossier in &mut dossiers {
        dossier.pdf_a |= args.archive.pdf_a;
    }
    let mut broken = 0;
    let checked = packet::preflight(catalogue, &dossiers);
    for ((dossier, file), checked) in dossiers.iter().zip(&files).zip(&checked) {
        match report(checked, file, false, args.force) {
            Err(CliError::RulesBroken(errors)) => broken += errors,
            checked => checked?,
        }
        note_not_reviewed(dossier);
    }
    if broken > 0 {
        return Err(CliError::RulesBroken(broken));
    }
    let units: Vec<UnitPacket<'_>> = dossiers
        .iter()
        .zip(dirs)
        .map(|(dossier, dir)| UnitPacket { dossier, dir })
        .collect();
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
    let result = packet::render_packets(catalogue, &units, &progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let packets = result?;
    let documents: usize = packets.iter().map(|p| p.documents).sum();
    let pages: usize = packets.iter().map(|p: &Packet| p.pages).sum();
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64()).replace('.', ",");
    let whose = match packets.len() {
        1 => "hồ sơ".to_string(),
        units => format!("hồ sơ của {units} đơn vị"),
    };
    terminal::out(&format!(
        "Đã ghi {whose} vào {}: {documents} văn bản (PDF và DOCX), {pages} trang để in ({}), trong {seconds} giây.",
        args.output.display(),
        packet::PRINT_FILE
    ));
    Ok(())
}

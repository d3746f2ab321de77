//! The unit's whole packet in one folder: the unit's own documents first, a folder per person,
//! the index of what was written, and one PDF of everything to print on both sides.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::merge::{Section, merge};
use super::{Job, PacketError, Writer, jobs};
use crate::document::{Document, sentence_case};
use crate::dossier::Dossier;
use crate::forms::{Catalogue, IndexRow};
use crate::output::{Staging, slug};
use crate::parallel;
use crate::render::Format;

/// The folder, inside the packet's, that holds one folder per person.
pub const MEMBERS_FOLDER: &str = "dang-vien";
/// The name of the merged PDF, ready to print.
pub const PRINT_FILE: &str = "ho-so-de-in.pdf";

/// What a packet run wrote.
#[derive(Debug)]
pub struct Packet {
    /// Every file written, sorted by path: the unit's documents, the index, the members'
    /// folders, the print file.
    pub files: Vec<PathBuf>,
    /// The documents, each as PDF and DOCX, the index included.
    pub documents: usize,
    /// The pages of the merged PDF, blank pages for odd starts included.
    pub pages: usize,
}

/// One unit's packet to write: its data, and the folder it goes into.
pub struct UnitPacket<'a> {
    /// The unit's review data.
    pub dossier: &'a Dossier,
    /// The packet's folder.
    pub dir: PathBuf,
}

/// One document of a run over many units: which unit, its place in the unit's packet, and
/// what to make.
struct Planned<'a> {
    unit: usize,
    number: usize,
    job: Job<'a>,
}

/// One document of the packet once drawn: its row of the index, its bookmark and the name of
/// its staged PDF. The PDF itself waits on disk until its unit is merged: memory holds one
/// unit's PDFs at a time, however many units a run has.
struct Drawn {
    row: IndexRow,
    bookmark: String,
    pdf: String,
}

/// Writes the whole packet of each unit into its folder: the unit's documents (numbered `01-`,
/// `02-`, … in the order of the packet), each reviewed member's documents in
/// `dang-vien/<person>/`, the index (`danh-muc`) listing what was written with its real pages,
/// and [`PRINT_FILE`], every document starting on an odd page under its bookmark.
///
/// Every document of every unit is drawn on every core (see [`crate::parallel`]), a unit's
/// index and print file as soon as its documents are drawn; the files are the same bytes as a
/// run on one thread. Every file of every unit or none: the units are
/// committed together once all are drawn (a failure in the final moves keeps the units moved
/// before it). `progress` hears of each document drawn: how many so far, and how many in all.
pub fn render_packets(
    catalogue: &Catalogue,
    units: &[UnitPacket<'_>],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Vec<Packet>, PacketError> {
    let stagings: Vec<Staging> = units
        .iter()
        .map(|unit| Staging::new(&unit.dir))
        .collect::<Result<_, _>>()?;
    let mut planned = Vec::new();
    for (index, unit) in units.iter().enumerate() {
        for (number, job) in jobs(catalogue, unit.dossier)?.into_iter().enumerate() {
            planned.push(Planned {
                unit: index,
                number,
                job,
            });
        }
    }
    // Each unit's documents, and its index.
    let total = planned.len() + units.len();
    let done = AtomicUsize::new(0);
    let draw = |unit: usize, document: &Document, whose: String, path: &str| {
        let writer = Writer {
            formats: &[Format::Pdf, Format::Docx],
            staging: &stagings[unit],
        };
        let pages = writer.write(document, path)?.unwrap_or_default();
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
        Ok::<_, PacketError>(Drawn {
            row: IndexRow {
                title: title_of(document),
                whose,
                pages,
            },
            bookmark: bookmark_of(document),
            pdf: format!("{path}.{}", Format::Pdf),
        })
    };
    // The unit's index and print file: the index lists every document with its real pages.
    let finish = |unit: usize, drawn: Vec<Drawn>| {
        let dossier = units[unit].dossier;
        let (regime, year) = (dossier.regime(), dossier.year);
        let form = catalogue.find("danh-muc", regime, year)?;
        let rows: Vec<IndexRow> = drawn.iter().map(|d| d.row.clone()).collect();
        let document = catalogue.index_document(form, dossier, &rows)?;
        let stem = format!("{}_{}", form.id, slug(&dossier.organisation.name));
        let name = dossier.organisation.name.to_string();
        let index = draw(unit, &document, name, &stem)?;
        let pdfs: Vec<Vec<u8>> = drawn
            .iter()
            .chain([&index])
            .map(|d| stagings[unit].read(&d.pdf))
            .collect::<Result<_, _>>()?;
        let sections: Vec<Section<'_>> = drawn
            .iter()
            .chain([&index])
            .zip(&pdfs)
            .map(|(d, pdf)| Section {
                title: d.bookmark.clone(),
                pdf,
            })
            .collect();
        let unit_name = dossier.organisation.name.as_str();
        let title =
            format!("Hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm {year} - {unit_name}");
        let merged = merge(&sections, &title, unit_name)?;
        stagings[unit].add(PRINT_FILE, &merged.bytes)?;
        Ok::<_, PacketError>((unit, sections.len(), merged.pages))
    };
    // Each unit's documents as drawn, by their place in the packet, and how many are still to
    // draw: the thread that draws a unit's last document finishes the unit, while the others
    // go on with the next units.
    let drawn_by_unit: Vec<Mutex<Vec<Option<Drawn>>>> = units
        .iter()
        .enumerate()
        .map(|(index, _)| {
            let count = planned.iter().filter(|p| p.unit == index).count();
            Mutex::new((0..count).map(|_| None).collect())
        })
        .collect();
    let remaining: Vec<AtomicUsize> = drawn_by_unit
        .iter()
        .map(|slots| AtomicUsize::new(lock(slots).len()))
        .collect();
    let finished = parallel::try_map(&planned, |planned| {
        let dossier = units[planned.unit].dossier;
        let job = &planned.job;
        let document = job.document(catalogue, dossier)?;
        let (whose, path) = match job.member {
            Some(member) => (
                member.name.to_string(),
                format!("{MEMBERS_FOLDER}/{}/{}", job.person, job.stem),
            ),
            // The unit's documents come first: their number is their place in the packet.
            None => (
                dossier.organisation.name.to_string(),
                format!("{:02}-{}", planned.number + 1, job.stem),
            ),
        };
        let drawn = draw(planned.unit, &document, whose, &path)?;
        lock(&drawn_by_unit[planned.unit])[planned.number] = Some(drawn);
        if remaining[planned.unit].fetch_sub(1, Ordering::AcqRel) != 1 {
            return Ok(None);
        }
        let drawn = std::mem::take(&mut *lock(&drawn_by_unit[planned.unit]));
        finish(planned.unit, drawn.into_iter().flatten().collect()).map(Some)
    })?;
    let mut counts = vec![(0, 0); units.len()];
    for (unit, documents, pages) in finished.into_iter().flatten() {
        counts[unit] = (documents, pages);
    }
    stagings
        .into_iter()
        .zip(counts)
        .map(|(staging, (documents, pages))| {
            Ok(Packet {
                files: staging.commit()?,
                documents,
                pages,
            })
        })
        .collect()
}

/// The value behind `mutex`, even if a thread panicked holding it (the run fails then anyway).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a document is: its title and the first line under it.
fn name_of(document: &Document) -> String {
    let frame = &document.frame;
    let title = sentence_case(&frame.title);
    match frame.subtitles.first() {
        Some(first) => format!("{title} {}", first.text),
        None => title,
    }
}

/// A document as the index names it: what it is, and its printed code.
fn title_of(document: &Document) -> String {
    match &document.frame.form_code {
        Some(code) => format!("{} ({code})", name_of(document)),
        None => name_of(document),
    }
}

/// A document's bookmark in the merged PDF: what it is, and whose.
fn bookmark_of(document: &Document) -> String {
    format!("{} - {}", name_of(document), document.meta.author)
}

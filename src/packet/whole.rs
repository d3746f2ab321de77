//! The unit's whole packet in one folder, or in one zip: the unit's own documents first, a
//! folder per person, the index of what was written, and one PDF of everything to print on both
//! sides.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::merge::{Section, merge};
use super::{Job, PacketError, Writer, jobs};
use crate::document::{Document, sentence_case};
use crate::dossier::Dossier;
use crate::forms::{Catalogue, IndexRow};
use crate::output::{Sink, Staging, Zip, slug};
use crate::parallel;
use crate::render::Format;
use crate::render::pdf::Properties;

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
/// its PDF in the unit's sink. The PDF itself waits there until its unit is merged: written to
/// a folder, memory holds one unit's PDFs at a time, however many units a run has.
struct Drawn {
    row: IndexRow,
    bookmark: String,
    pdf: String,
}

/// One unit during a run: its data, where its files go, its documents as drawn (by their place
/// in the packet), and how many are still to draw.
struct UnitRun<'a> {
    dossier: &'a Dossier,
    sink: &'a dyn Sink,
    drawn: Mutex<Vec<Option<Drawn>>>,
    remaining: AtomicUsize,
}

/// What every thread of a run shares: the forms, and the count of documents drawn so far.
struct Run<'a> {
    catalogue: &'a Catalogue,
    progress: &'a (dyn Fn(usize, usize) + Sync),
    done: AtomicUsize,
    total: usize,
}

impl Run<'_> {
    /// Draws `document` into `unit`'s sink as `path` (PDF and DOCX) and tells the progress.
    fn draw(
        &self,
        unit: &UnitRun<'_>,
        document: &Document,
        whose: String,
        path: &str,
    ) -> Result<Drawn, PacketError> {
        let writer = Writer {
            formats: &[Format::Pdf, Format::Docx],
            sink: unit.sink,
            conformance: super::conformance_of(unit.dossier),
        };
        let pages = writer.write(document, path)?.unwrap_or_default();
        (self.progress)(self.done.fetch_add(1, Ordering::Relaxed) + 1, self.total);
        Ok(Drawn {
            row: IndexRow {
                form: String::new(),
                member: None,
                title: title_of(document),
                whose,
                pages,
            },
            bookmark: bookmark_of(document),
            pdf: format!("{path}.{}", Format::Pdf),
        })
    }

    /// Fills and draws one planned document. The thread that draws a unit's last document
    /// finishes the unit, while the others go on with the next ones; it returns the unit's
    /// documents and print pages.
    fn draw_planned(
        &self,
        unit: &UnitRun<'_>,
        planned: &Planned<'_>,
    ) -> Result<Option<(usize, usize)>, PacketError> {
        let dossier = unit.dossier;
        let job = &planned.job;
        let document = job.document(self.catalogue, dossier)?;
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
        let mut drawn = self.draw(unit, &document, whose, &path)?;
        drawn.row.form = job.form.id.clone();
        drawn.row.member = job.member.map(|member| member.id.value.clone());
        lock(&unit.drawn)[planned.number] = Some(drawn);
        if unit.remaining.fetch_sub(1, Ordering::AcqRel) != 1 {
            return Ok(None);
        }
        let drawn = std::mem::take(&mut *lock(&unit.drawn));
        self.finish(unit, drawn.into_iter().flatten().collect())
            .map(Some)
    }

    /// The unit's index, listing every document with its real pages, and its print file.
    fn finish(&self, unit: &UnitRun<'_>, drawn: Vec<Drawn>) -> Result<(usize, usize), PacketError> {
        let dossier = unit.dossier;
        let (regime, year) = (dossier.regime(), dossier.year);
        let form = self.catalogue.find("danh-muc", regime, year)?;
        let rows: Vec<IndexRow> = drawn.iter().map(|d| d.row.clone()).collect();
        let document = self.catalogue.index_document(form, dossier, &rows)?;
        let stem = format!("{}_{}", form.id, slug(&dossier.organisation.name));
        let name = dossier.organisation.name.to_string();
        let index = self.draw(unit, &document, name, &stem)?;
        let documents: Vec<&Drawn> = drawn.iter().chain([&index]).collect();
        let pdfs: Vec<Vec<u8>> = documents
            .iter()
            .map(|d| unit.sink.read(&d.pdf))
            .collect::<Result<_, _>>()?;
        let sections: Vec<Section<'_>> = documents
            .iter()
            .zip(&pdfs)
            .map(|(d, pdf)| Section {
                title: d.bookmark.clone(),
                pdf,
            })
            .collect();
        let unit_name = dossier.organisation.name.as_str();
        let title =
            format!("Hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm {year} - {unit_name}");
        let properties = Properties {
            title: &title,
            author: unit_name,
            date: dossier.meeting.date,
            language: "vi",
        };
        let merged = merge(&sections, &properties, super::conformance_of(dossier))?;
        unit.sink.add(PRINT_FILE, &merged.bytes)?;
        Ok((sections.len(), merged.pages))
    }
}

/// Writes the whole packet of each unit into its folder: the unit's documents (numbered `01-`,
/// `02-`, … in the order of the packet), each reviewed member's documents in
/// `dang-vien/<person>/`, the index (`danh-muc`) listing what was written with its real pages,
/// and [`PRINT_FILE`], every document starting on an odd page under its bookmark.
///
/// Every document of every unit is drawn on every core (see [`crate::parallel`]), a unit's
/// index and print file as soon as its documents are drawn; the files are the same bytes as a
/// run on one thread. Every file of every unit or none: the units are committed together once
/// all are drawn (a failure in the final moves keeps the units moved before it). `progress`
/// hears of each document drawn: how many so far, and how many in all.
pub fn render_packets(
    catalogue: &Catalogue,
    units: &[UnitPacket<'_>],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Vec<Packet>, PacketError> {
    let stagings: Vec<Staging> = units
        .iter()
        .map(|unit| Staging::new(&unit.dir))
        .collect::<Result<_, _>>()?;
    let sinks: Vec<(&Dossier, &dyn Sink)> = units
        .iter()
        .zip(&stagings)
        .map(|(unit, staging)| (unit.dossier, staging as &dyn Sink))
        .collect();
    let counts = draw_packets(catalogue, &sinks, progress)?;
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

/// The unit's whole packet as [`render_packets`] writes it into a folder, in one zip held in
/// memory: the same files under the same paths, the same bytes, entries sorted by path and
/// undated.
pub fn packet_zip(catalogue: &Catalogue, dossier: &Dossier) -> Result<Vec<u8>, PacketError> {
    let zip = Zip::default();
    draw_packets(catalogue, &[(dossier, &zip)], &|_, _| {})?;
    Ok(zip.finish()?)
}

/// Draws the whole packet of each unit into its sink, as [`render_packets`] says; the documents
/// and print pages of each unit, in the order of `units`.
fn draw_packets(
    catalogue: &Catalogue,
    units: &[(&Dossier, &dyn Sink)],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Vec<(usize, usize)>, PacketError> {
    let mut planned = Vec::new();
    let mut runs = Vec::new();
    for (index, &(dossier, sink)) in units.iter().enumerate() {
        let jobs = jobs(catalogue, dossier)?;
        runs.push(UnitRun {
            dossier,
            sink,
            drawn: Mutex::new((0..jobs.len()).map(|_| None).collect()),
            remaining: AtomicUsize::new(jobs.len()),
        });
        planned.extend(jobs.into_iter().enumerate().map(|(number, job)| Planned {
            unit: index,
            number,
            job,
        }));
    }
    let run = Run {
        catalogue,
        progress,
        done: AtomicUsize::new(0),
        // Each unit's documents, and its index.
        total: planned.len() + units.len(),
    };
    let finished = parallel::try_map(&planned, |planned| {
        let unit = &runs[planned.unit];
        Ok::<_, PacketError>(
            run.draw_planned(unit, planned)?
                .map(|done| (planned.unit, done)),
        )
    })?;
    let mut counts = vec![(0, 0); units.len()];
    for (unit, done) in finished.into_iter().flatten() {
        counts[unit] = done;
    }
    Ok(counts)
}

/// The value behind `mutex`, even if a thread panicked holding it (the run fails then anyway).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a document is: its title and the first line under it.
fn name_of(document: &Document) -> String {
    let Some(frame) = &document.frame else {
        return document.meta.title.clone();
    };
    let title = sentence_case(&frame.title);
    match frame.subtitles.first() {
        // "Năm 2024" under the title reads "năm 2024" inside the row's sentence.
        Some(first) => match first.text.strip_prefix("Năm ") {
            Some(year) => format!("{title} năm {year}"),
            None => format!("{title} {}", first.text),
        },
        None => title,
    }
}

/// A document as the index names it: what it is, and its printed code.
fn title_of(document: &Document) -> String {
    match document.frame.as_ref().and_then(|f| f.form_code.as_ref()) {
        Some(code) => format!("{} ({code})", name_of(document)),
        None => name_of(document),
    }
}

/// A document's bookmark in the merged PDF: what it is, and whose.
fn bookmark_of(document: &Document) -> String {
    format!("{} - {}", name_of(document), document.meta.author)
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::path::Path;

    use super::*;
    use crate::dossier::parse;

    const UNIT: &str = "nam: 2026
to_chuc: {cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng}
hoi_nghi: {ngay: 2026-12-05}
dang_vien:
  - {id: an, ho_ten: Nguyễn Văn An, ngay_sinh: 1972-03-12, chuc_vu_chinh_quyen: Trưởng phòng}
  - {id: binh, ho_ten: Trần Thị Bình, ngay_sinh: 1980-07-01}
";

    /// Every file under `dir`, by its path inside `dir`, with its bytes, sorted by path.
    fn folder(dir: &Path, root: &Path, files: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folder(&path, root, files);
            } else {
                let name = path.strip_prefix(root).unwrap().to_string_lossy();
                files.push((name.into_owned(), std::fs::read(&path).unwrap()));
            }
        }
    }

    #[test]
    fn the_zip_holds_the_folders_files_under_the_same_paths_with_the_same_bytes() {
        let dossier = parse(UNIT, "don-vi.yaml").unwrap();
        let catalogue = Catalogue::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("ho-so");
        let units = [UnitPacket {
            dossier: &dossier,
            dir: out.clone(),
        }];
        render_packets(&catalogue, &units, &|_, _| {}).unwrap();
        let mut written = Vec::new();
        folder(&out, &out, &mut written);
        written.sort_by(|(a, _), (b, _)| Path::new(a).cmp(Path::new(b)));

        let zip = packet_zip(&catalogue, &dossier).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        let mut zipped = Vec::new();
        for index in 0..archive.len() {
            let mut entry = archive.by_index(index).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            zipped.push((entry.name().to_string(), bytes));
        }
        let names = |files: &[(String, Vec<u8>)]| -> Vec<String> {
            files.iter().map(|(name, _)| name.clone()).collect()
        };
        let paths = names(&written);
        assert!(paths.contains(&PRINT_FILE.to_string()), "{paths:?}");
        assert!(
            paths
                .iter()
                .any(|path| path.starts_with(&format!("{MEMBERS_FOLDER}/"))),
            "{paths:?}"
        );
        assert_eq!(names(&zipped), names(&written));
        assert!(zipped == written, "the same bytes as the folder");
    }
}

//! The unit's whole packet in one folder: the unit's own documents first, a folder per person,
//! the index of what was written, and one PDF of everything to print on both sides.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use super::merge::{Section, merge, page_count};
use super::{
    COLLECTIVE_FORMS, PacketError, Writer, collective_stem, file_stem, person_parts, personal_forms,
};
use crate::document::{Document, sentence_case};
use crate::dossier::Dossier;
use crate::forms::{Catalogue, IndexRow};
use crate::output::{Staging, slug};
use crate::render::Format;

/// The folder, inside the packet's, that holds one folder per person.
pub const MEMBERS_FOLDER: &str = "dang-vien";
/// The name of the merged PDF, ready to print.
pub const PRINT_FILE: &str = "ho-so-de-in.pdf";

/// What a packet run wrote.
#[derive(Debug)]
pub struct Packet {
    /// Every file written, in the order written.
    pub files: Vec<PathBuf>,
    /// The documents, each as PDF and DOCX, the index included.
    pub documents: usize,
    /// The pages of the merged PDF, blank pages for odd starts included.
    pub pages: usize,
}

/// One document of the packet before it is drawn: what it is, whose, where it goes.
struct Planned {
    document: Document,
    whose: String,
    stem: String,
}

/// Writes the whole packet of `dossier` into `dir`, every file or none: the unit's documents
/// (numbered `01-`, `02-`, … in the order of the packet), each reviewed member's documents in
/// `dang-vien/<person>/`, the index (`danh-muc`) listing what was written with its real pages,
/// and [`PRINT_FILE`], every document starting on an odd page under its bookmark. `progress`
/// hears of each document drawn: how many so far, and how many in all.
pub fn render_packet(
    catalogue: &Catalogue,
    dossier: &Dossier,
    dir: &Path,
    progress: &dyn Fn(usize, usize),
) -> Result<Packet, PacketError> {
    let planned = plan(catalogue, dossier)?;
    let total = planned.len() + 1;
    let mut staging = Staging::new(dir)?;
    let mut writer = Writer {
        engine: OnceCell::new(),
        formats: &[Format::Pdf, Format::Docx],
        staging: &mut staging,
    };
    let mut drawn: Vec<(String, Vec<u8>)> = Vec::new();
    let mut index = Vec::new();
    for (done, planned) in planned.into_iter().enumerate() {
        let pdf = writer
            .write(&planned.document, &planned.stem)?
            .unwrap_or_default();
        index.push(IndexRow {
            title: title_of(&planned.document),
            whose: planned.whose,
            pages: page_count(&pdf)?,
        });
        drawn.push((bookmark_of(&planned.document), pdf));
        progress(done + 1, total);
    }
    let (regime, year) = (dossier.regime(), dossier.year);
    let form = catalogue.find("danh-muc", regime, year)?;
    let document = catalogue.index_document(form, dossier, &index)?;
    let stem = format!("{}_{}", form.id, slug(&dossier.organisation.name));
    let pdf = writer.write(&document, &stem)?.unwrap_or_default();
    drawn.push((bookmark_of(&document), pdf));
    progress(total, total);
    let sections: Vec<Section<'_>> = drawn
        .iter()
        .map(|(title, pdf)| Section {
            title: title.clone(),
            pdf,
        })
        .collect();
    let unit = dossier.organisation.name.as_str();
    let title = format!("Hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm {year} - {unit}");
    let merged = merge(&sections, &title, unit)?;
    let pages = page_count(&merged)?;
    staging.add(PRINT_FILE, &merged)?;
    Ok(Packet {
        files: staging.commit()?,
        documents: total,
        pages,
    })
}

/// Every document of the packet but its index, in order, with where each goes.
fn plan(catalogue: &Catalogue, dossier: &Dossier) -> Result<Vec<Planned>, PacketError> {
    let (regime, year) = (dossier.regime(), dossier.year);
    let mut planned = Vec::new();
    for (number, id) in COLLECTIVE_FORMS.iter().enumerate() {
        let form = catalogue.find(id, regime, year)?;
        planned.push(Planned {
            document: catalogue.collective_document(form, dossier)?,
            whose: dossier.organisation.name.to_string(),
            stem: format!("{:02}-{}", number + 1, collective_stem(form, dossier)),
        });
    }
    for (member, person) in dossier.members.iter().zip(person_parts(dossier)) {
        if !dossier.reviews(member) {
            continue;
        }
        for id in personal_forms(member, regime) {
            let form = catalogue.find(id, regime, year)?;
            planned.push(Planned {
                document: catalogue.personal_document(form, dossier, member)?,
                whose: member.name.to_string(),
                stem: format!("{MEMBERS_FOLDER}/{person}/{}", file_stem(&person, form)),
            });
        }
    }
    Ok(planned)
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

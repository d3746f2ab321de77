//! A run of copies: numbered one after another from the order's first number, drawn on every
//! core, every file or none.

use std::path::{Path, PathBuf};

use super::attach::{self, Request};
use super::{CopyError, CopyOrder, PdfRefusal, block_page, copy_of};
use crate::document::Document;
use crate::output::{Sink, Staging, slug};
use crate::packet::{PacketError, Writer};
use crate::parallel;
use crate::render::Format;
use crate::render::layout::PARTY;
use crate::render::pdf::{Conformance, Engine, Properties};

/// Points per millimetre.
const POINTS_PER_MM: f32 = 72.0 / 25.4;

/// Space kept between the original's last ink and the copy block put on its last page.
const GAP_ABOVE_BLOCK_PT: f32 = 12.0;

/// One original to copy.
pub enum Original {
    /// A document hoso draws.
    Document {
        /// The file name of the original, without extension; the copy's adds its number.
        stem: String,
        /// What errors call it, e.g. "Bản kiểm điểm của Đỗ Văn Hải".
        name: String,
        /// The document.
        document: Box<Document>,
    },
    /// An existing PDF file.
    Pdf(PathBuf),
}

/// What a run of copies wrote.
#[derive(Debug)]
pub struct Copies {
    /// Every file written, sorted by path.
    pub files: Vec<PathBuf>,
    /// What the user should know: a copy block that did not fit on the original's last page
    /// and took a page of its own, and why.
    pub notes: Vec<String>,
}

/// Writes a copy of each of `originals` into `dir`, numbered from the order's first number in
/// the order given: a copy of a hoso document as PDF and DOCX, a copy of an existing PDF as
/// PDF; PDF/A-2b unless the order says otherwise. Each file is named after its number and its
/// original: `ban-sao-181_<original>.pdf`.
pub fn write_copies(
    order: &CopyOrder,
    originals: &[Original],
    dir: &Path,
) -> Result<Copies, CopyError> {
    let staging = Staging::new(dir).map_err(PacketError::from)?;
    let conformance = Conformance::archival(order.pdf_a);
    let writer = Writer {
        formats: &[Format::Pdf, Format::Docx],
        sink: &staging,
        conformance,
    };
    let numbered: Vec<(u32, &Original)> = (order.first_number..).zip(originals).collect();
    let notes = parallel::try_map(&numbered, |&(number, original)| match original {
        Original::Document {
            stem,
            name,
            document,
        } => {
            let copy = copy_of(document, name, order, number)?;
            writer.write(&copy, &copy_stem(number, stem))?;
            Ok::<_, CopyError>(None)
        }
        Original::Pdf(path) => {
            let (bytes, note) = copy_pdf(order, number, path, conformance)?;
            let stem = path
                .file_stem()
                .map(|stem| slug(&stem.to_string_lossy()))
                .unwrap_or_default();
            staging
                .add(
                    &format!("{}.{}", copy_stem(number, &stem), Format::Pdf),
                    &bytes,
                )
                .map_err(PacketError::from)?;
            Ok(note.map(|note| format!("{}: {note}", path.display())))
        }
    })?;
    Ok(Copies {
        files: staging.commit().map_err(PacketError::from)?,
        notes: notes.into_iter().flatten().collect(),
    })
}

/// The file name, without extension, of copy `number` of the original named `stem`.
fn copy_stem(number: u32, stem: &str) -> String {
    format!("ban-sao-{number:03}_{stem}")
}

/// The copy numbered `number` of the existing PDF at `path`: its pages, and the copy block
/// after them or at the foot of the last one; with a note when the order asked for the foot of
/// the last page and the block did not fit there.
fn copy_pdf(
    order: &CopyOrder,
    number: u32,
    path: &Path,
    conformance: Conformance,
) -> Result<(Vec<u8>, Option<String>), CopyError> {
    let refuse = |reason: PdfRefusal| CopyError::Pdf {
        original: path.display().to_string(),
        reason,
    };
    if !order.sections.is_empty() {
        return Err(refuse(PdfRefusal::Sections));
    }
    let original = crate::input::read_bytes(path, crate::input::Kind::Pdf)
        .map_err(|refused| refuse(PdfRefusal::Read(refused)))?;
    let title = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let page = block_page(order, number, &title);
    let block = Engine::shared()
        .pdf(&page, &PARTY, conformance)
        .map_err(PacketError::from)?;
    let archival = conformance == Conformance::PdfA2b;
    let attached = attach::attach(&Request {
        original: &original,
        block: &block.bytes,
        on_last_page: order.on_last_page,
        gap_pt: GAP_ABOVE_BLOCK_PT,
        bottom_margin_pt: PARTY.margin_bottom_mm as f32 * POINTS_PER_MM,
        pdf_a: archival.then(|| Properties {
            title: &page.meta.title,
            author: &page.meta.author,
            date: order.date,
            language: "vi",
        }),
    })
    .map_err(|err| refuse(PdfRefusal::Attach(err)))?;
    Ok((attached.bytes, attached.note))
}

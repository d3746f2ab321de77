//! Which documents a run makes, for whom, under which file names, and writing them: the one
//! place the command line (and any other face of hoso) calls to produce files.

mod glyphs;
mod merge;
mod pages;
#[cfg(test)]
mod printed_fields;
mod selection;
mod units;
mod whole;

use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

use crate::document::Document;
use crate::dossier::{Dossier, Member};
use crate::forms::{Catalogue, Form, FormError, Subject};
use crate::output::{Sink, Staging, WriteError, person_stems, slug};
use crate::parallel;
use crate::render::pdf::{self, Conformance};
use crate::render::{Format, RenderError, docx, layout};

pub use glyphs::{Undrawable, undrawable};
pub use merge::MergeError;
pub use selection::{SelectionError, chosen_members, not_reviewed};
pub use units::{Preflight, UnitsError, load_units, packet_dirs, preflight, unit_files};
pub use whole::{MEMBERS_FOLDER, PRINT_FILE, Packet, UnitPacket, packet_zip, render_packets};

/// Why a run wrote nothing.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum PacketError {
    /// A form could not be filled.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Form(#[from] FormError),
    /// A backend failed.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Render(#[from] RenderError),
    /// A file could not be written.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Write(#[from] WriteError),
    /// The packet's PDFs could not be merged into one.
    #[error(transparent)]
    Merge(#[from] MergeError),
}

pub use crate::forms::personal_form_id;

/// The kind of PDF `dossier`'s files are: PDF/A-2b when its data asks for it (`pdf_a`).
pub fn conformance_of(dossier: &Dossier) -> Conformance {
    Conformance::archival(dossier.pdf_a)
}

/// The documents of the unit itself, in the order of the packet: the collective's report, the
/// minutes of the meeting, the tally of its votes.
pub const COLLECTIVE_FORMS: [&str; 3] = ["tap-the", "bien-ban", "tong-hop"];

/// The personal forms `member` files in `dossier`, in the order of the packet: the
/// self-review, then the pledge and the breakthrough registration when the data gives them or
/// the member registers as a leader ([`Dossier::registers_as_leader`]; blank forms when the data
/// gives none).
pub fn personal_forms(member: &Member, dossier: &Dossier) -> Vec<&'static str> {
    let mut forms = vec![personal_form_id(member, dossier.regime())];
    let leader = dossier.registers_as_leader(member);
    if member.pledges.is_some() || leader {
        forms.push("neu-guong");
    }
    if member.breakthroughs.is_some() || leader {
        forms.push("dot-pha");
    }
    forms
}

/// Why hoso prints no self-review for `member`, in Vietnamese, when it prints none.
pub fn why_not_reviewed(member: &Member, dossier: &Dossier) -> Option<String> {
    (!dossier.reviews(member)).then(|| {
        format!(
            "không in bản kiểm điểm của {} ({}): đảng viên mới kết nạp chưa đủ 06 tháng không kiểm điểm (Quy định 366-QĐ/TW, Điều 5 khoản 2)",
            member.name, member.id.value
        )
    })
}

/// The members of `dossier` who file `form`, in the order of the data, and the others with why
/// they do not, in Vietnamese. Members who are not reviewed are in neither list.
pub fn members_filing<'d>(
    form: &Form,
    dossier: &'d Dossier,
) -> (Vec<&'d Member>, Vec<(&'d Member, String)>) {
    let regime = dossier.regime();
    let mut filing = Vec::new();
    let mut others = Vec::new();
    for member in dossier.members.iter().filter(|m| dossier.reviews(m)) {
        if personal_forms(member, dossier).contains(&form.id.as_str()) {
            filing.push(member);
            continue;
        }
        let why = match form.id.as_str() {
            "neu-guong" => "đồng chí này không giữ chức vụ lãnh đạo, quản lý và dữ liệu không có cam_ket_neu_guong".to_string(),
            "dot-pha" => "đồng chí này không giữ chức vụ lãnh đạo, quản lý và dữ liệu không có viec_dot_pha".to_string(),
            _ => format!("đồng chí này dùng mẫu {}", personal_form_id(member, regime)),
        };
        others.push((member, why));
    }
    (filing, others)
}

/// The person part of each member's file names, in the order of the data: the name as ASCII,
/// or the id where names collide. It depends on the member only, never on which members a run
/// selects.
fn person_parts(dossier: &Dossier) -> Vec<String> {
    let people: Vec<(&str, &str)> = dossier
        .members
        .iter()
        .map(|m| (m.id.value.as_str(), m.name.as_str()))
        .collect();
    let stems = person_stems(&people);
    people.iter().map(|(id, _)| stems[id].clone()).collect()
}

/// A file name without extension: whose document it is, then the form's printed code, as ASCII.
fn file_stem(whose: &str, form: &Form) -> String {
    match &form.meta.ma_mau {
        Some(code) => format!("{whose}_{}", slug(code)),
        None => format!("{whose}_{}", form.id),
    }
}

/// The file name, without extension, of the unit's own document `form`.
fn collective_stem(form: &Form, dossier: &Dossier) -> String {
    file_stem(&slug(&dossier.organisation.name), form)
}

/// The file name, without extension, of `form` for each member of the unit, in the order of the
/// data: the person's name and the form's printed code, as ASCII.
fn member_file_stems(form: &Form, dossier: &Dossier) -> Vec<String> {
    person_parts(dossier)
        .iter()
        .map(|person| file_stem(person, form))
        .collect()
}

/// Renders `form` into `dir` in each of `formats`: for each of `members` if the form is
/// personal, once for the unit if it is the collective's. Documents are drawn in parallel on
/// every core. Every file or none; each file is staged as soon as it is made, so memory stays
/// flat however many there are.
pub fn render_form(
    catalogue: &Catalogue,
    form: &Form,
    dossier: &Dossier,
    members: &[&Member],
    formats: &[Format],
    dir: &Path,
) -> Result<Vec<PathBuf>, PacketError> {
    let staging = Staging::new(dir)?;
    let writer = Writer {
        formats,
        sink: &staging,
        conformance: conformance_of(dossier),
    };
    match form.meta.doi_tuong {
        Subject::Collective => {
            let document = catalogue.collective_document(form, dossier)?;
            writer.write(&document, &collective_stem(form, dossier))?;
        }
        Subject::Units => {
            return Err(FormError::RollupOnly {
                id: form.id.clone(),
            }
            .into());
        }
        Subject::Member => {
            let stems = member_file_stems(form, dossier);
            parallel::try_map(members, |member| {
                let document = catalogue.personal_document(form, dossier, member)?;
                let index = dossier
                    .members
                    .iter()
                    .position(|m| m.id.value == member.id.value)
                    .unwrap_or_default();
                writer.write(&document, &stems[index]).map(drop)
            })?;
        }
    }
    Ok(staging.commit()?)
}

/// The Documents of `form` for each of `members`, or for the unit when the form is the
/// collective's, each with its file name without extension as [`render_form`] names it.
pub fn form_documents(
    catalogue: &Catalogue,
    form: &Form,
    dossier: &Dossier,
    members: &[&Member],
) -> Result<Vec<(String, Document)>, PacketError> {
    match form.meta.doi_tuong {
        Subject::Collective => Ok(vec![(
            collective_stem(form, dossier),
            catalogue.collective_document(form, dossier)?,
        )]),
        Subject::Units => Err(FormError::RollupOnly {
            id: form.id.clone(),
        }
        .into()),
        Subject::Member => {
            let stems = member_file_stems(form, dossier);
            parallel::try_map(members, |member| {
                let index = dossier
                    .members
                    .iter()
                    .position(|m| m.id.value == member.id.value)
                    .unwrap_or_default();
                let document = catalogue.personal_document(form, dossier, member)?;
                Ok::<_, PacketError>((stems[index].clone(), document))
            })
        }
    }
}

/// Renders every document of the unit's review into `dir`: the unit's own documents
/// ([`COLLECTIVE_FORMS`]), and each reviewed member's personal forms ([`personal_forms`]), under
/// the regime of the review year, drawn in parallel. Every file or none.
pub fn render_unit(
    catalogue: &Catalogue,
    dossier: &Dossier,
    formats: &[Format],
    dir: &Path,
) -> Result<Vec<PathBuf>, PacketError> {
    let staging = Staging::new(dir)?;
    let writer = Writer {
        formats,
        sink: &staging,
        conformance: conformance_of(dossier),
    };
    let jobs = jobs(catalogue, dossier)?;
    parallel::try_map(&jobs, |job| {
        let document = job.document(catalogue, dossier)?;
        writer.write(&document, &job.stem).map(drop)
    })?;
    Ok(staging.commit()?)
}

/// One document of the unit's review, filled.
pub struct UnitDocument {
    /// Its file name without extension.
    pub stem: String,
    /// The id of the form it was filled from.
    pub form: String,
    /// The id of the member whose document it is; none for the unit's own.
    pub member: Option<String>,
    /// The document.
    pub document: Document,
}

/// Every document of the unit's review but the index, filled, in the order of the packet.
pub fn unit_documents(
    catalogue: &Catalogue,
    dossier: &Dossier,
) -> Result<Vec<UnitDocument>, FormError> {
    jobs(catalogue, dossier)?
        .into_iter()
        .map(|job| {
            Ok(UnitDocument {
                stem: job.stem.clone(),
                form: job.form.id.clone(),
                member: job.member.map(|member| member.id.value.clone()),
                document: job.document(catalogue, dossier)?,
            })
        })
        .collect()
}

/// One document of the unit to make: which form, for whom (the unit itself when `member` is
/// none), and its file name.
struct Job<'a> {
    form: &'a Form,
    member: Option<&'a Member>,
    /// The person part of the file name: the person's, or the unit's for its own documents.
    person: String,
    /// The file name without extension: `person`, then the form's code.
    stem: String,
}

impl Job<'_> {
    /// Fills the job's form.
    fn document(&self, catalogue: &Catalogue, dossier: &Dossier) -> Result<Document, FormError> {
        match self.member {
            Some(member) => catalogue.personal_document(self.form, dossier, member),
            None => catalogue.collective_document(self.form, dossier),
        }
    }
}

/// Every document of the unit's review but the index, in the order of the packet: the unit's
/// own documents, then each reviewed member's, each under its plain file name.
fn jobs<'a>(catalogue: &'a Catalogue, dossier: &'a Dossier) -> Result<Vec<Job<'a>>, FormError> {
    let (regime, year) = (dossier.regime(), dossier.year);
    let mut jobs = Vec::new();
    let unit = slug(&dossier.organisation.name);
    for id in COLLECTIVE_FORMS {
        let form = catalogue.find(id, regime, year)?;
        jobs.push(Job {
            form,
            member: None,
            stem: file_stem(&unit, form),
            person: unit.clone(),
        });
    }
    for (member, person) in dossier.members.iter().zip(person_parts(dossier)) {
        if !dossier.reviews(member) {
            continue;
        }
        for id in personal_forms(member, dossier) {
            let form = catalogue.find(id, regime, year)?;
            jobs.push(Job {
                form,
                member: Some(member),
                stem: file_stem(&person, form),
                person: person.clone(),
            });
        }
    }
    Ok(jobs)
}

/// Draws documents in the formats asked for and hands the files to a sink; shared by the
/// threads of a run.
pub(crate) struct Writer<'a> {
    /// The formats to draw.
    pub(crate) formats: &'a [Format],
    /// Where the files go: a folder's staging, or a zip.
    pub(crate) sink: &'a dyn Sink,
    /// Plain PDF, or PDF/A-2b.
    pub(crate) conformance: Conformance,
}

impl Writer<'_> {
    /// Draws `document` in each format and adds it as `stem` with the format's extension;
    /// returns the PDF's pages when one was drawn.
    pub(crate) fn write(
        &self,
        document: &Document,
        stem: &str,
    ) -> Result<Option<usize>, PacketError> {
        let mut pages = None;
        for format in self.formats {
            let name = format!("{stem}.{format}");
            match format {
                Format::Pdf => {
                    let pdf =
                        pdf::Engine::shared().pdf(document, &layout::PARTY, self.conformance)?;
                    self.sink.add(&name, &pdf.bytes)?;
                    pages = Some(pdf.pages);
                }
                Format::Docx => {
                    self.sink
                        .add(&name, &docx::docx(document, &layout::PARTY)?)?;
                }
            }
        }
        Ok(pages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::parse;
    use crate::regime::Regime;

    const UNIT: &str = "nam: 2026
to_chuc: {cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng}
hoi_nghi: {ngay: 2026-12-05}
dang_vien:
  - {id: an, ho_ten: Nguyễn Văn An, ngay_sinh: 1972-03-12, chuc_vu_chinh_quyen: Trưởng phòng}
  - {id: binh, ho_ten: Trần Thị Bình, ngay_sinh: 1980-07-01}
  - {id: cuong, ho_ten: Lê Văn Cường, ngay_sinh: 1950-01-01, ngoai_he_thong_chinh_tri: huu_tri}
  - {id: dung, ho_ten: Phạm Dũng, ngay_sinh: 1985-01-01, chuc_vu_chinh_quyen: Chuyên viên, lanh_dao_quan_ly: false}
";

    #[test]
    fn members_file_the_form_their_posts_call_for() {
        let dossier = parse(UNIT, "don-vi.yaml").unwrap();
        let forms: Vec<&str> = dossier
            .members
            .iter()
            .map(|m| personal_form_id(m, Regime::R2025))
            .collect();
        assert_eq!(
            forms,
            vec![
                "ca-nhan-lanh-dao",
                "ca-nhan",
                "ca-nhan-ngoai-htct",
                "ca-nhan"
            ]
        );
        // Before 2025 there is no form for members outside the political system.
        assert_eq!(
            personal_form_id(&dossier.members[2], Regime::R2023),
            "ca-nhan"
        );
    }
}

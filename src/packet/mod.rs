//! Which documents a run makes, for whom, under which file names, and writing them: the one
//! place the command line (and any other face of hoso) calls to produce files.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

use crate::dossier::{Dossier, Member};
use crate::forms::{Catalogue, Form, FormError};
use crate::output::{Staging, WriteError, person_stems, slug};
use crate::render::{Format, RenderError, docx, layout, pdf};

/// Why a run wrote nothing.
#[derive(Debug, Error, Diagnostic)]
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
}

/// The file name, without extension, of `form` for each member of the unit, in the order of the
/// data: the person's name and the form's printed code, as ASCII. A name depends on the member
/// and the form only, never on which members a run selects.
pub fn member_file_stems(form: &Form, dossier: &Dossier) -> Vec<String> {
    let code = slug(&form.meta.ma_mau);
    let people: Vec<(&str, &str)> = dossier
        .members
        .iter()
        .map(|m| (m.id.value.as_str(), m.name.as_str()))
        .collect();
    let stems = person_stems(&people);
    people
        .iter()
        .map(|(id, _)| format!("{}_{code}", stems[id]))
        .collect()
}

/// Renders `form` for each of `members` in each of `formats` into `dir`; every file or none.
/// Each file is staged as soon as it is made, so memory stays flat however many there are.
pub fn render_members(
    catalogue: &Catalogue,
    form: &Form,
    dossier: &Dossier,
    members: &[&Member],
    formats: &[Format],
    dir: &Path,
) -> Result<Vec<PathBuf>, PacketError> {
    let stems = member_file_stems(form, dossier);
    let stem_of = |member: &Member| {
        let index = dossier
            .members
            .iter()
            .position(|m| m.id.value == member.id.value)
            .unwrap_or_default();
        stems[index].clone()
    };
    // Fonts and typst's library are loaded once, and only when a PDF is asked for.
    let engine = OnceCell::new();
    let mut staging = Staging::new(dir)?;
    for member in members {
        let document = catalogue.personal_document(form, dossier, member)?;
        let stem = stem_of(member);
        for format in formats {
            let bytes = match format {
                Format::Pdf => engine
                    .get_or_init(pdf::Engine::new)
                    .pdf(&document, &layout::PARTY)?,
                Format::Docx => docx::docx(&document, &layout::PARTY)?,
            };
            staging.add(&format!("{stem}.{format}"), &bytes)?;
        }
    }
    Ok(staging.commit()?)
}

//! `hoso render`: one form for one or more members, as PDF and DOCX.

use std::cell::OnceCell;
use std::collections::HashSet;

use hoso::dossier::{self, Dossier, Member};
use hoso::forms::{Catalogue, Form};
use hoso::output::{self, OutputFile};
use hoso::render::{Format, docx, layout, pdf};

use super::CliError;
use super::args::{FormatChoice, RenderArgs};

/// Runs `hoso render` and returns what it wrote.
pub fn run(args: &RenderArgs) -> Result<Vec<std::path::PathBuf>, CliError> {
    let dossier = dossier::load(&args.data)?;
    let catalogue = Catalogue::builtin()?;
    let form = catalogue.find(&args.form, dossier.regime(), dossier.year)?;
    let members = select_members(&dossier, args)?;
    let formats: &[Format] = match args.format {
        FormatChoice::Pdf => &[Format::Pdf],
        FormatChoice::Docx => &[Format::Docx],
        FormatChoice::Both => &[Format::Pdf, Format::Docx],
    };
    // Fonts and typst's library are loaded once, and only when a PDF is asked for.
    let engine = OnceCell::new();
    let stems = file_stems(form, &members);
    let mut files = Vec::new();
    for (member, stem) in members.iter().zip(stems) {
        let document = catalogue.personal_document(form, &dossier, member)?;
        for format in formats {
            let bytes = match format {
                Format::Pdf => engine
                    .get_or_init(pdf::Engine::new)
                    .pdf(&document, &layout::PARTY)?,
                Format::Docx => docx::docx(&document, &layout::PARTY)?,
            };
            files.push(OutputFile {
                name: format!("{stem}.{format}"),
                bytes,
            });
        }
    }
    Ok(output::write_all(&args.output, &files)?)
}

fn select_members<'d>(
    dossier: &'d Dossier,
    args: &RenderArgs,
) -> Result<Vec<&'d Member>, CliError> {
    if args.all {
        return Ok(dossier.members.iter().collect());
    }
    let mut seen = HashSet::new();
    args.members
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .map(|id| {
            dossier.member(id).ok_or_else(|| CliError::UnknownMember {
                id: id.clone(),
                file: args.data.display().to_string(),
                known: dossier.member_ids().join(", "),
            })
        })
        .collect()
}

/// File names without extension: the person's name and the form's code, as ASCII slugs. Two
/// people whose names give the same slug are told apart by their ids.
fn file_stems(form: &Form, members: &[&Member]) -> Vec<String> {
    let code = output::slug(&form.meta.ma_mau);
    let names: Vec<String> = members.iter().map(|m| output::slug(&m.name)).collect();
    let mut seen = HashSet::new();
    let repeated: HashSet<&String> = names.iter().filter(|n| !seen.insert(*n)).collect();
    members
        .iter()
        .zip(&names)
        .map(|(member, name)| {
            let person = if name.is_empty() || repeated.contains(name) {
                member.id.value.clone()
            } else {
                name.clone()
            };
            format!("{person}_{code}")
        })
        .collect()
}

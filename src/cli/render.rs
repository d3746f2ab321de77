//! `hoso render`: one form for one or more members, as PDF and DOCX.

use std::collections::HashSet;

use hoso::dossier::{self, Dossier, Member};
use hoso::forms::Catalogue;
use hoso::packet;
use hoso::render::Format;

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
    Ok(packet::render_members(
        &catalogue,
        form,
        &dossier,
        &members,
        formats,
        &args.output,
    )?)
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

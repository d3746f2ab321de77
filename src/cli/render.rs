//! `hoso render`: one form for one or more members, as PDF and DOCX.

use hoso::dossier::{self, Dossier, Member};
use hoso::forms::{Catalogue, Form, Subject};
use hoso::packet::{self, Preflight, SelectionError};
use hoso::render::Format;
use hoso::rules;

use super::args::{FormatChoice, RenderArgs};
use super::{CliError, terminal};

/// Runs `hoso render` and returns what it wrote.
pub fn run(args: &RenderArgs, catalogue: &Catalogue) -> Result<Vec<std::path::PathBuf>, CliError> {
    let mut dossier = dossier::load_linked(&args.data, args.previous.file.as_deref())?;
    dossier.pdf_a |= args.archive.pdf_a;
    // A form that cannot be printed here is said before the data's findings.
    let form = args
        .form
        .as_ref()
        .map(|id| catalogue.find(id, dossier.regime(), dossier.year))
        .transpose()?;
    if let Some(form) = form.filter(|form| form.meta.doi_tuong == Subject::Units) {
        return Err(hoso::forms::FormError::RollupOnly {
            id: form.id.clone(),
        }
        .into());
    }
    preflight(&dossier, catalogue, &args.data, args.strict, args.force)?;
    let formats: &[Format] = match args.format {
        FormatChoice::Pdf => &[Format::Pdf],
        FormatChoice::Docx => &[Format::Docx],
        FormatChoice::Both => &[Format::Pdf, Format::Docx],
    };
    let Some(form) = form else {
        if !args.all || !args.members.is_empty() {
            return Err(CliError::Usage(
                "chọn một mẫu (--form <MÃ_MẪU>), hoặc dùng --all không kèm --form để in mọi văn bản của đơn vị"
                    .to_string(),
            ));
        }
        note_not_reviewed(&dossier);
        return Ok(packet::render_unit(
            catalogue,
            &dossier,
            formats,
            &args.output,
        )?);
    };
    let members = select_members(&dossier, form, &args.members, args.all, &args.data)?;
    Ok(packet::render_form(
        catalogue,
        form,
        &dossier,
        &members,
        formats,
        &args.output,
    )?)
}

/// What every command that writes does first: warns of characters the PDF cannot draw (an
/// error with `strict`), prints the rules' findings, and refuses to go on when one is an error
/// unless `force`.
pub fn preflight(
    dossier: &Dossier,
    catalogue: &Catalogue,
    data: &std::path::Path,
    strict: bool,
    force: bool,
) -> Result<(), CliError> {
    let checked = packet::preflight(catalogue, std::slice::from_ref(dossier));
    report(&checked[0], data, strict, force)
}

/// Prints what the preflight of one unit found, and refuses to go on as [`preflight`] says.
pub fn report(
    checked: &Preflight,
    data: &std::path::Path,
    strict: bool,
    force: bool,
) -> Result<(), CliError> {
    let file = data.display().to_string();
    let Preflight {
        undrawable,
        findings,
    } = checked;
    for character in undrawable {
        terminal::note(&format!("cảnh báo: {}", character.message(&file)));
    }
    if strict && !undrawable.is_empty() {
        return Err(CliError::Strict(undrawable.len()));
    }
    if !findings.is_empty() {
        terminal::note(super::check::text(&file, findings).trim_end());
    }
    match rules::errors(findings) {
        0 => Ok(()),
        errors if force => {
            terminal::note(&format!(
                "--force: vẫn ghi tệp dù dữ liệu có {errors} lỗi theo quy định đánh giá, xếp loại"
            ));
            Ok(())
        }
        errors => Err(CliError::RulesBroken(errors)),
    }
}

/// Notes, on stderr, each member hoso prints no self-review for, and why.
pub fn note_not_reviewed(dossier: &Dossier) {
    packet::not_reviewed(dossier).for_each(|why| terminal::note(&why));
}

/// The members to render: those named by `ids`, or with `all` those who file the form (the
/// others are listed on stderr with the form they file). A collective form takes none.
pub fn select_members<'d>(
    dossier: &'d Dossier,
    form: &Form,
    ids: &[String],
    all: bool,
    data: &std::path::Path,
) -> Result<Vec<&'d Member>, CliError> {
    let mut note = |line: String| terminal::note(&line);
    packet::chosen_members(form, dossier, ids, all, &mut note).map_err(|err| match err {
        SelectionError::Collective { .. } => {
            CliError::Usage(format!("{err}: bỏ --member và --all"))
        }
        SelectionError::Personal { .. } => {
            CliError::Usage(format!("{err}: chọn --member <MÃ> hoặc --all"))
        }
        SelectionError::Form(err) => CliError::Form(err),
        SelectionError::UnknownMember { id, known } => CliError::UnknownMember {
            known: hoso::nearest::listed(&id, &known),
            id,
            file: data.display().to_string(),
        },
        SelectionError::NoneReviewed => CliError::Usage(err.to_string()),
        // A refusal added later: its own message, as a fault of the command line.
        _ => CliError::Usage(err.to_string()),
    })
}

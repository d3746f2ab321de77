//! `hoso render`: one form for one or more members, as PDF and DOCX.

use std::collections::HashSet;

use hoso::dossier::{self, Dossier, Member};
use hoso::forms::{Catalogue, Form, Subject};
use hoso::packet::{self, Preflight};
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
    for member in &dossier.members {
        if let Some(why) = packet::why_not_reviewed(member, dossier) {
            terminal::note(&why);
        }
    }
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
    let named = !ids.is_empty();
    if form.meta.doi_tuong == Subject::Collective {
        if named || all {
            return Err(CliError::Usage(format!(
                "mẫu «{}» là báo cáo của tập thể, không in theo từng đảng viên: bỏ --member và --all",
                form.id
            )));
        }
        return Ok(Vec::new());
    }
    if !named && !all {
        return Err(CliError::Usage(format!(
            "mẫu «{}» là mẫu cá nhân: chọn --member <MÃ> hoặc --all",
            form.id
        )));
    }
    if all {
        note_not_reviewed(dossier);
        let (filing, others) = packet::members_filing(form, dossier);
        for (member, why) in others {
            terminal::note(&format!(
                "bỏ qua {} ({}): {why}",
                member.name, member.id.value
            ));
        }
        return Ok(filing);
    }
    let mut seen = HashSet::new();
    let mut selected = Vec::new();
    for id in ids.iter().filter(|id| seen.insert(id.as_str())) {
        let member = dossier.member(id).ok_or_else(|| CliError::UnknownMember {
            id: id.clone(),
            file: data.display().to_string(),
            known: hoso::nearest::listed(id, &dossier.member_ids()),
        })?;
        if let Some(why) = packet::why_not_reviewed(member, dossier) {
            terminal::note(&why);
            continue;
        }
        let files = packet::personal_forms(member, dossier);
        if !files.contains(&form.id.as_str()) {
            terminal::note(&format!(
                "lưu ý: theo dữ liệu, {} ({}) nộp các mẫu {}; vẫn in mẫu {} như đã chọn",
                member.name,
                member.id.value,
                files.join(", "),
                form.id
            ));
        }
        selected.push(member);
    }
    if selected.is_empty() {
        return Err(CliError::Usage(
            "không có bản kiểm điểm nào để in cho các đảng viên đã chọn".to_string(),
        ));
    }
    Ok(selected)
}

//! `hoso copy`: certified copies of hoso's documents and of existing PDFs, numbered one after
//! another.

use hoso::copy::{self, CopyOrder, Original};
use hoso::date::Date;
use hoso::document::CopyKind;
use hoso::dossier;
use hoso::forms::{Catalogue, Subject};
use hoso::packet;

use super::args::{CopyArgs, CopyKindChoice};
use super::render::select_members;
use super::{CliError, terminal};

/// Runs `hoso copy`: reads the copy's data and the originals, and writes every copy or none.
pub fn run(args: &CopyArgs, catalogue: &Catalogue) -> Result<(), CliError> {
    let order = order(args)?;
    let mut originals = Vec::new();
    for path in &args.originals {
        if is_pdf(path) {
            originals.push(Original::Pdf(path.clone()));
        } else {
            originals.extend(documents_of(args, &order, catalogue, path)?);
        }
    }
    if args.form.is_some() && originals.iter().all(|o| matches!(o, Original::Pdf(_))) {
        return Err(CliError::Usage(
            "--form chỉ dùng khi bản gốc là tệp dữ liệu YAML của đơn vị".to_string(),
        ));
    }
    let copies = copy::write_copies(&order, &originals, &args.output)?;
    for note in &copies.notes {
        terminal::note(&format!("lưu ý: {note}"));
    }
    let last = order.first_number + u32::try_from(originals.len()).unwrap_or(1) - 1;
    terminal::out(&format!(
        "Đã ghi {} bản sao ({}, {} đến {}) vào {}.",
        originals.len(),
        order.kind.label().to_lowercase(),
        order.number_text(order.first_number),
        order.number_text(last),
        args.output.display()
    ));
    terminal::report_written(&copies.files);
    Ok(())
}

/// The copy's data file with what the command line replaces.
fn order(args: &CopyArgs) -> Result<CopyOrder, CliError> {
    let mut order = CopyOrder::load(&args.order)?;
    if let Some(kind) = args.kind {
        order.kind = match kind {
            CopyKindChoice::SaoY => CopyKind::SaoY,
            CopyKindChoice::SaoLuc => CopyKind::SaoLuc,
            CopyKindChoice::TrichSao => CopyKind::TrichSao,
        };
        if order.kind != CopyKind::TrichSao && args.sections.is_empty() {
            order.sections.clear();
        }
    }
    if let Some(number) = args.first_number {
        if number == 0 {
            return Err(CliError::Usage("--so: số bản sao bắt đầu từ 1".to_string()));
        }
        order.first_number = number;
    }
    if let Some(text) = &args.date {
        order.date = Date::parse(text).ok_or_else(|| {
            CliError::Usage(format!(
                "--ngay: «{text}» không phải ngày hợp lệ; viết 2026-12-20 hoặc 20/12/2026"
            ))
        })?;
    }
    if !args.sections.is_empty() {
        order.sections = args.sections.clone();
    }
    order.on_last_page |= args.on_last_page;
    order.pdf_a &= !args.plain;
    order.check_sections().map_err(CliError::Usage)?;
    Ok(order)
}

/// Whether `path` names a PDF, by its extension.
fn is_pdf(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("pdf"))
}

/// The documents of the unit file `path` to copy: `--form` for the members chosen, or for the
/// unit itself; a warning when `order` calls a sao lục a sao y.
fn documents_of(
    args: &CopyArgs,
    order: &CopyOrder,
    catalogue: &Catalogue,
    path: &std::path::Path,
) -> Result<Vec<Original>, CliError> {
    let Some(id) = &args.form else {
        return Err(CliError::Usage(format!(
            "{}: bản gốc là tệp dữ liệu của đơn vị; chọn văn bản được sao bằng --form <MÃ_MẪU> (và --member hoặc --all với mẫu cá nhân)",
            path.display()
        )));
    };
    let dossier = dossier::load_linked(path, None)?;
    if let Some(warning) = order.kind_warning(&dossier.organisation.issuing_organ()) {
        terminal::note(&format!("cảnh báo: {}: {warning}", path.display()));
    }
    let form = catalogue.find(id, dossier.regime(), dossier.year)?;
    if form.meta.doi_tuong == Subject::Units {
        return Err(hoso::forms::FormError::RollupOnly {
            id: form.id.clone(),
        }
        .into());
    }
    let members = select_members(&dossier, form, &args.members, args.all, path)?;
    let documents = packet::form_documents(catalogue, form, &dossier, &members)?;
    Ok(documents
        .into_iter()
        .map(|(stem, document)| Original::Document {
            stem,
            name: format!("{} ({})", document.meta.title, path.display()),
            document: Box::new(document),
        })
        .collect())
}

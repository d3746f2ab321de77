//! `hoso forms`: the forms of each regime, and a form's files written out to customise.

use std::path::Path;

use hoso::forms::{Catalogue, Sources};

use super::args::{FormsAction, FormsArgs};
use super::{CliError, terminal};

/// Runs `hoso forms`: lists the forms, or exports one.
pub fn run(args: &FormsArgs, catalogue: &Catalogue) -> Result<(), CliError> {
    match &args.action {
        None => {
            terminal::out(&list(catalogue));
            Ok(())
        }
        Some(FormsAction::Export { id, dir }) => export(catalogue, id, dir),
        Some(FormsAction::Check { dir, data }) => check(dir, data),
    }
}

/// Fills every form of the edited folder `dir` over the units of `data` (the built-in samples
/// when none) and reports every error with its file and line: exit 1 when there is one.
fn check(dir: &Path, data: &[std::path::PathBuf]) -> Result<(), CliError> {
    let catalogue = Catalogue::with_local(dir)?;
    let units = if data.is_empty() {
        hoso::forms::samples()?
    } else {
        data.iter()
            .map(|path| hoso::dossier::load(path))
            .collect::<Result<Vec<_>, _>>()?
    };
    let errors = hoso::forms::check_forms(&catalogue, &units);
    for error in &errors {
        terminal::out(&format!("lỗi: {error}"));
    }
    terminal::out(&format!(
        "Thử {} trên {} đơn vị: {}.",
        dir.display(),
        units.len(),
        match errors.len() {
            0 => "không có lỗi".to_string(),
            n => format!("{n} lỗi"),
        }
    ));
    match errors.len() {
        0 => Ok(()),
        count => Err(CliError::FormsBroken {
            count,
            folder: dir.display().to_string(),
        }),
    }
}

/// One line per form and regime: id, regime, printed code, who files it.
fn list(catalogue: &Catalogue) -> String {
    let mut out = String::from(
        "Các mẫu theo chế độ (mã mẫu · chế độ · số hiệu in trên văn bản · dùng cho):\n",
    );
    for form in catalogue.forms() {
        out.push_str(&format!(
            "  {:<20} {}  {:<28} {}\n",
            form.id,
            form.regime,
            form.code(),
            form.meta.danh_cho
        ));
    }
    out.push_str(
        "Tùy biến một mẫu: hoso forms export <MÃ_MẪU> <THƯ_MỤC>, rồi dùng --forms <THƯ_MỤC>.",
    );
    out
}

/// Writes the built-in files of form `id` (every version) and the shared parts they include
/// into `dir`, laid out as `--forms` reads them; refuses to overwrite a file.
fn export(catalogue: &Catalogue, id: &str, dir: &Path) -> Result<(), CliError> {
    if !catalogue.forms().iter().any(|f| f.id == id) {
        let mut known: Vec<&str> = catalogue.forms().iter().map(|f| f.id.as_str()).collect();
        known.dedup();
        return Err(CliError::Usage(format!(
            "không có mẫu «{id}»; các mẫu có: {}",
            hoso::nearest::listed(id, &known)
        )));
    }
    let mut files = Sources::builtin_files(id);
    files.extend(Sources::builtin_files("_chung"));
    let mut written = Vec::new();
    for (path, _) in &files {
        let target = dir.join(path);
        if target.exists() {
            return Err(CliError::Usage(format!(
                "{} đã có: chọn một thư mục khác, hoặc xóa tệp cũ",
                target.display()
            )));
        }
    }
    for (path, text) in files {
        let target = dir.join(&path);
        let write = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, text));
        if let Err(err) = write {
            return Err(CliError::Usage(format!(
                "không ghi được {}: {}",
                target.display(),
                hoso::os_error::vietnamese(&err)
            )));
        }
        written.push(target);
    }
    terminal::report_written(&written);
    terminal::note(&format!(
        "Sửa các tệp trong {}, rồi dùng: hoso --forms {} packet …",
        dir.display(),
        dir.display()
    ));
    Ok(())
}

//! What the page reads in: files dropped by the clerk on the import page (member lists,
//! members' reviews in Word) read into the unit's text by the same library functions as
//! `hoso nhap`, shown member by member and written only on "Lưu"; and "Chuyển mã", the fields
//! typed in an old encoding rewritten in Unicode as `hoso chuyen-ma` does. Both save as any
//! save of the page: against the version the page showed, the file before kept as `.bak`.

use std::path::PathBuf;
use std::sync::{Arc, PoisonError};

use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::pages::{self, ImportShown};
use super::routes::{App, Posted};
use crate::dossier::workspace::{Edit, Files};
use crate::import::report::{review_lines, roster_lines};
use crate::import::{ImportError, ReviewImport, reviews_into, rosters_into};
use crate::old_text::yaml::convert_text;

/// The largest upload the import page reads: a few lists and reviews.
pub const UPLOAD_LIMIT: usize = 64 * 1024 * 1024;

/// How many imports wait for "Lưu" at once (one per open page, the oldest dropped).
const PENDING_KEPT: usize = 8;

/// An import read and shown, waiting for "Lưu".
pub(super) struct Pending {
    /// Its id, which the page's "Lưu" posts.
    id: String,
    /// The version of the file it was read over.
    version: String,
    /// The files the import changes, with their texts.
    texts: Files,
}

/// The page with nothing read yet.
pub(super) async fn page(State(app): State<Arc<App>>) -> Response {
    show(&app, &ImportShown::default(), None, None)
}

/// The page over the file as it is now, with `shown`.
fn show(app: &App, shown: &ImportShown, notice: Option<String>, error: Option<String>) -> Response {
    app.page("nhap.html", "nhap", notice, error, |frame, _, panel| {
        pages::import_page(frame, shown, panel)
    })
}

/// The files posted, read into the unit's text and shown; nothing is written.
pub(super) async fn upload(State(app): State<Arc<App>>, mut form: Multipart) -> Response {
    let mut token = String::new();
    let mut version = String::new();
    let mut overwrite = false;
    let folder = match tempfile::tempdir() {
        Ok(folder) => folder,
        Err(err) => return show(&app, &ImportShown::default(), None, Some(err.to_string())),
    };
    // Each file saved under a name of its own, with the name the clerk gave it.
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(err) => {
                let error = format!("Không đọc được các tệp gửi lên: {err}");
                return show(&app, &ImportShown::default(), None, Some(error));
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let Ok(bytes) = field.bytes().await else {
            let error = "Không đọc được các tệp gửi lên.".to_string();
            return show(&app, &ImportShown::default(), None, Some(error));
        };
        match (name.as_str(), file_name) {
            ("token", _) => token = String::from_utf8_lossy(&bytes).into_owned(),
            ("version", _) => version = String::from_utf8_lossy(&bytes).into_owned(),
            ("ghi_de", _) => overwrite = true,
            ("tep", Some(file_name)) if !file_name.is_empty() => {
                let extension = std::path::Path::new(&file_name)
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                let path = folder
                    .path()
                    .join(format!("{}.{extension}", files.len() + 1));
                if let Err(err) = std::fs::write(&path, &bytes) {
                    return show(&app, &ImportShown::default(), None, Some(err.to_string()));
                }
                files.push((path, file_name));
            }
            _ => {}
        }
    }
    if token != app.token() {
        let error =
            "Trang này không thuộc lần chạy hoso hiện tại: mở lại trang Nhập rồi chọn tệp lại.";
        return show(&app, &ImportShown::default(), None, Some(error.to_string()));
    }
    if files.is_empty() {
        let error = "Chưa chọn tệp nào.".to_string();
        return show(&app, &ImportShown::default(), None, Some(error));
    }
    match read_in(&app, &version, &files, overwrite) {
        Ok(shown) => show(&app, &shown, None, None),
        Err(error) => show(
            &app,
            &ImportShown {
                overwrite,
                ..ImportShown::default()
            },
            None,
            Some(error),
        ),
    }
}

/// The unit at `version` with `files` read in: the report shown, and the import kept for
/// "Lưu" when it changes the file.
fn read_in(
    app: &App,
    version: &str,
    files: &[(PathBuf, String)],
    overwrite: bool,
) -> Result<ImportShown, String> {
    let snapshot = app.workspace().read().map_err(|err| err.to_string())?;
    if snapshot.version != version {
        return Err("Tệp dữ liệu đã thay đổi từ lúc trang này mở: chọn tệp lại.".to_string());
    }
    let unit = app.workspace().file().to_path_buf();
    let workspace = app.workspace();
    let original = snapshot.files;
    let named = |path: &std::path::Path| {
        files
            .iter()
            .find(|(p, _)| p == path)
            .map_or_else(|| path.display().to_string(), |(_, name)| name.clone())
    };
    let (lists, reviews): (Vec<PathBuf>, Vec<PathBuf>) = files
        .iter()
        .map(|(path, _)| path.clone())
        .partition(|path| path.extension().is_none_or(|e| e != "docx"));
    let failed = |err: ImportError| {
        let mut message = err.to_string();
        for (path, name) in files {
            message = message.replace(&path.display().to_string(), name);
        }
        message
    };
    let mut shown = ImportShown {
        overwrite,
        ..ImportShown::default()
    };
    let mut now = original.clone();
    if !lists.is_empty() {
        let (after, mut reports) =
            rosters_into(workspace, &now, &lists, overwrite).map_err(failed)?;
        for report in &mut reports {
            report.file = named(std::path::Path::new(&report.file));
        }
        shown.add(roster_lines(&reports));
        now = after;
    }
    if !reviews.is_empty() {
        let import = ReviewImport {
            unit: &unit,
            files: &reviews,
            member: None,
            overwrite,
            dry_run: true,
        };
        let (after, mut reports) =
            reviews_into(app.catalogue(), workspace, &now, &import).map_err(failed)?;
        for report in &mut reports {
            report.file = named(std::path::Path::new(&report.file));
        }
        shown.add(review_lines(&reports));
        now = after;
    }
    let texts: Files = now
        .into_iter()
        .filter(|(path, text)| original.get(path) != Some(text))
        .collect();
    if !texts.is_empty() {
        let id = app.fresh_id();
        let mut pending = app.pending().lock().unwrap_or_else(PoisonError::into_inner);
        pending.push(Pending {
            id: id.clone(),
            version: version.to_string(),
            texts,
        });
        if pending.len() > PENDING_KEPT {
            pending.remove(0);
        }
        shown.pending = Some(id);
    }
    Ok(shown)
}

/// "Lưu": the import shown written into the unit file, if the file is still as it was read.
pub(super) async fn save(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let id = posted.other.get("nhap").cloned().unwrap_or_default();
    let pending = {
        let mut pending = app.pending().lock().unwrap_or_else(PoisonError::into_inner);
        let at = pending.iter().position(|p| p.id == id);
        at.map(|at| pending.remove(at))
    };
    let Some(pending) = pending else {
        let error = "Không còn phần nhập này để lưu: chọn tệp lại.".to_string();
        return show(&app, &ImportShown::default(), None, Some(error));
    };
    match app
        .workspace()
        .save(&pending.version, &Edit::Texts(pending.texts))
    {
        Ok(_) => Redirect::to("/dang-vien?luu=1").into_response(),
        Err(err) => show(
            &app,
            &ImportShown::default(),
            None,
            Some(format!("Chưa lưu: {err}")),
        ),
    }
}

/// "Chuyển mã": every value of the unit's files typed in an old encoding rewritten in Unicode.
pub(super) async fn convert(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let back = posted.back().to_string();
    let snapshot = match app.workspace().read() {
        Ok(snapshot) => snapshot,
        Err(err) => return show(&app, &ImportShown::default(), None, Some(err.to_string())),
    };
    let mut texts = Files::new();
    for (path, text) in &snapshot.files {
        match convert_text(text, &path.display().to_string()) {
            Ok((converted, found)) if !found.is_empty() => {
                texts.insert(path.clone(), converted);
            }
            Ok(_) => {}
            Err(err) => return show(&app, &ImportShown::default(), None, Some(err.0)),
        }
    }
    match app.workspace().save(posted.version(), &Edit::Texts(texts)) {
        Ok(_) => Redirect::to(&format!("{back}?luu=1")).into_response(),
        Err(err) => show(
            &app,
            &ImportShown::default(),
            None,
            Some(format!("Chưa chuyển mã: {err}")),
        ),
    }
}

//! The server's addresses: the pages (read from disk each time), the saves, the live check, the
//! previews and the downloads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{DefaultBodyLimit, FromRequest, Path as UrlPath, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use minijinja::{Value, context};

use super::changes::what_changed;
use super::error::PageError;
use super::nhap::{self, Pending};
use super::pages::{self, Frame, Typed};
use super::{BODY_LIMIT, views};
use crate::dossier::edit::{Change, NewMember};
use crate::dossier::workspace::{Edit, Files, SaveError, Snapshot, Workspace};
use crate::dossier::{Dossier, LoadError};
use crate::forms::Catalogue;
use crate::output::slug;
use crate::packet;
use crate::render::layout::PARTY;
use crate::render::pdf::Engine;
use crate::render::{Format, docx};

/// How many versions of the file the server remembers, for a page opened on an older one.
const VERSIONS_KEPT: usize = 64;

/// What every request shares.
pub(super) struct App {
    workspace: Workspace,
    catalogue: Catalogue,
    /// The token of this start: every form carries it.
    token: String,
    /// The Host headers the server answers: its own address only.
    hosts: [String; 2],
    /// The files of the versions the pages were given, newest last.
    versions: Mutex<Vec<(String, Files)>>,
    /// The imports shown and waiting for "Lưu", oldest first.
    pending: Mutex<Vec<Pending>>,
}

impl App {
    /// The server's state over `workspace`, listening on `port`.
    pub(super) fn new(workspace: Workspace, catalogue: Catalogue, port: u16) -> App {
        App {
            workspace,
            catalogue,
            token: fresh_token(),
            hosts: [format!("127.0.0.1:{port}"), format!("localhost:{port}")],
            versions: Mutex::new(Vec::new()),
            pending: Mutex::new(Vec::new()),
        }
    }

    /// The unit file the page edits.
    pub(super) fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The forms, built in or the clerk's own.
    pub(super) fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The token of this start, which every form carries.
    pub(super) fn token(&self) -> &str {
        &self.token
    }

    /// The imports waiting for "Lưu".
    pub(super) fn pending(&self) -> &Mutex<Vec<Pending>> {
        &self.pending
    }

    /// A new id no page can guess.
    pub(super) fn fresh_id(&self) -> String {
        fresh_token()
    }

    /// The file as it is now, its text remembered under its version.
    fn read(&self) -> Result<Snapshot, SaveError> {
        let snapshot = self.workspace.read()?;
        let mut versions = self.versions.lock().unwrap_or_else(PoisonError::into_inner);
        if !versions.iter().any(|(v, _)| *v == snapshot.version) {
            versions.push((snapshot.version.clone(), snapshot.files.clone()));
            if versions.len() > VERSIONS_KEPT {
                versions.remove(0);
            }
        }
        Ok(snapshot)
    }

    /// The files of `version`: a version a page was given, or the files on disk when they are
    /// still that version (a page older than the versions kept, or than this start).
    fn files_of(&self, version: &str) -> Option<Files> {
        let kept = {
            let versions = self.versions.lock().unwrap_or_else(PoisonError::into_inner);
            versions
                .iter()
                .find(|(v, _)| v == version)
                .map(|(_, files)| files.clone())
        };
        kept.or_else(|| {
            self.read()
                .ok()
                .filter(|snapshot| snapshot.version == version)
                .map(|snapshot| snapshot.files)
        })
    }

    fn file_name(&self) -> String {
        self.workspace.file().display().to_string()
    }

    /// A page of the menu, built over the file as it is now.
    pub(super) fn page(
        &self,
        template: &str,
        name: &str,
        notice: Option<String>,
        error: Option<String>,
        build: impl FnOnce(&Frame<'_>, &Dossier, Value) -> Value,
    ) -> Response {
        let snapshot = match self.read() {
            Ok(snapshot) => snapshot,
            Err(err) => return self.failure(&err.to_string()),
        };
        let file = self.file_name();
        let frame = Frame {
            page: name,
            file: &file,
            token: &self.token,
            version: &snapshot.version,
            notice,
            error,
        };
        match &snapshot.dossier {
            Ok(dossier) => {
                let panel = pages::findings_view(dossier, &self.catalogue);
                let panel = context! { ..panel };
                Html(views().render(template, build(&frame, dossier, panel))).into_response()
            }
            Err(err) => self.failure(&err.to_string()),
        }
    }

    /// The page that says the file does not read, with the command line's error.
    fn failure(&self, message: &str) -> Response {
        let file = self.file_name();
        let data = context! {
            title => "Lỗi", page => "", file => file, message => message,
            check_error => message, findings => Vec::<Value>::new(), errors => 0,
        };
        Html(views().render("loi.html", data)).into_response()
    }

    /// The page at `back` again, with what was typed and the error beside its field.
    fn again(&self, back: &str, typed: &Typed, error: Option<String>) -> Response {
        let catalogue = &self.catalogue;
        if back == "/hoi-nghi" {
            self.page(
                "hoi-nghi.html",
                "hoi-nghi",
                None,
                error,
                |frame, dossier, panel| pages::meeting_page(frame, dossier, typed, panel),
            )
        } else if let Some(id) = back.strip_prefix("/dang-vien/") {
            let id = id.to_string();
            self.page(
                "mot-dang-vien.html",
                "dang-vien",
                None,
                error,
                move |frame, dossier, panel| {
                    let index = dossier
                        .members
                        .iter()
                        .position(|m| m.id.value == id)
                        .unwrap_or(0);
                    pages::member_page(frame, dossier, index, catalogue, typed, panel)
                },
            )
        } else {
            self.page(
                "don-vi.html",
                "don-vi",
                None,
                error,
                |frame, dossier, panel| pages::unit_page(frame, dossier, catalogue, typed, panel),
            )
        }
    }
}

/// 32 hexadecimal digits from the system's random source.
fn fresh_token() -> String {
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes));
    if read.is_err() {
        // No random device: the clock and the process's hash keys, still unknown to a page.
        use std::hash::{BuildHasher, Hasher};
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        bytes[..8].copy_from_slice(&hasher.finish().to_be_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The server's addresses.
pub(super) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(unit))
        .route("/dang-vien", get(members))
        .route("/dang-vien/{id}", get(member))
        .route("/hoi-nghi", get(meeting))
        .route("/luu", post(save))
        .route("/kiem-tra", post(check))
        .route("/dang-vien/them", post(add_member))
        .route("/dang-vien/thu-tu", post(reorder))
        .route("/dang-vien/tach", post(split))
        .route("/giu-ca-hai", post(keep_both))
        .route("/xem/{form}", get(preview))
        .route("/xem/{form}/{member}", get(preview))
        .route("/tai/ho-so.zip", get(download_packet))
        .route("/tai/{form}/{file}", get(download))
        .route("/nhap/luu", post(nhap::save))
        .route("/chuyen-ma", post(nhap::convert))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .route(
            "/nhap",
            get(nhap::page)
                .post(nhap::upload)
                .layer(DefaultBodyLimit::max(nhap::UPLOAD_LIMIT)),
        )
        .layer(middleware::from_fn_with_state(app.clone(), only_here))
        .with_state(app)
}

/// Answers only requests addressed to the server's own address, so that a page of another
/// site cannot reach it through a name that points here.
async fn only_here(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if app.hosts.iter().any(|own| own == host) {
        next.run(request).await
    } else {
        PageError::ElsewhereHost.into_response()
    }
}

/// `?luu=1` after a save.
#[derive(serde::Deserialize)]
struct Saved {
    luu: Option<String>,
}

fn saved_notice(saved: &Saved) -> Option<String> {
    saved
        .luu
        .as_ref()
        .map(|_| "Đã lưu vào tệp dữ liệu.".to_string())
}

async fn unit(State(app): State<Arc<App>>, Query(saved): Query<Saved>) -> Response {
    let catalogue = &app.catalogue;
    app.page(
        "don-vi.html",
        "don-vi",
        saved_notice(&saved),
        None,
        |frame, dossier, panel| {
            pages::unit_page(frame, dossier, catalogue, &Typed::default(), panel)
        },
    )
}

async fn members(State(app): State<Arc<App>>, Query(saved): Query<Saved>) -> Response {
    app.page(
        "dang-vien.html",
        "dang-vien",
        saved_notice(&saved),
        None,
        |frame, dossier, panel| pages::members_page(frame, dossier, ("", "", ""), panel),
    )
}

async fn member(
    State(app): State<Arc<App>>,
    UrlPath(id): UrlPath<String>,
    Query(saved): Query<Saved>,
) -> Response {
    let catalogue = &app.catalogue;
    let known = app
        .read()
        .ok()
        .and_then(|s| s.dossier.ok())
        .is_some_and(|d| d.member(&id).is_some());
    if !known {
        return PageError::NoMember(id).into_response();
    }
    app.page(
        "mot-dang-vien.html",
        "dang-vien",
        saved_notice(&saved),
        None,
        |frame, dossier, panel| {
            let index = dossier
                .members
                .iter()
                .position(|m| m.id.value == id)
                .unwrap_or(0);
            pages::member_page(frame, dossier, index, catalogue, &Typed::default(), panel)
        },
    )
}

async fn meeting(State(app): State<Arc<App>>, Query(saved): Query<Saved>) -> Response {
    app.page(
        "hoi-nghi.html",
        "hoi-nghi",
        saved_notice(&saved),
        None,
        |frame, dossier, panel| pages::meeting_page(frame, dossier, &Typed::default(), panel),
    )
}

/// A form as posted: its token, the version of the file its page showed, the page to go back
/// to, and the values typed (`f.<path>`), in order.
pub(super) struct Posted {
    token: String,
    version: String,
    back: String,
    values: Vec<(String, String)>,
    /// Values written only with their row (`k.<path>`): the key of a row the page offers, such
    /// as last year's shortcoming beside the status still to be chosen.
    kept: Vec<(String, String)>,
    /// The other fields, by name.
    pub(super) other: HashMap<String, String>,
}

impl Posted {
    /// The page to go back to.
    pub(super) fn back(&self) -> &str {
        &self.back
    }

    /// The version of the file the page showed.
    pub(super) fn version(&self) -> &str {
        &self.version
    }

    fn of(fields: Vec<(String, String)>) -> Posted {
        let mut posted = Posted {
            token: String::new(),
            version: String::new(),
            back: "/".to_string(),
            values: Vec::new(),
            kept: Vec::new(),
            other: HashMap::new(),
        };
        for (key, value) in fields {
            match key.as_str() {
                "token" => posted.token = value,
                "version" => posted.version = value,
                "trang" if is_page(&value) => posted.back = value,
                _ => {
                    if let Some(path) = key.strip_prefix("f.") {
                        posted.values.push((path.to_string(), value));
                    } else if let Some(path) = key.strip_prefix("k.") {
                        posted.kept.push((path.to_string(), value));
                    } else {
                        posted.other.insert(key, value);
                    }
                }
            }
        }
        posted
    }

    fn typed(&self, error: Option<(String, String)>) -> Typed {
        Typed {
            values: self.values.iter().cloned().collect(),
            error,
        }
    }
}

/// One of the pages a form goes back to: `/`, `/hoi-nghi`, `/dang-vien/<id>`.
fn is_page(path: &str) -> bool {
    path == "/"
        || path == "/hoi-nghi"
        || path.strip_prefix("/dang-vien/").is_some_and(|id| {
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// A form posted to the server, read only when it carries this start's token: without it the
/// request is refused before any handler sees it.
impl FromRequest<Arc<App>> for Posted {
    type Rejection = Response;

    async fn from_request(request: Request, app: &Arc<App>) -> Result<Posted, Response> {
        let Form(fields) = Form::<Vec<(String, String)>>::from_request(request, app)
            .await
            .map_err(IntoResponse::into_response)?;
        let posted = Posted::of(fields);
        if posted.token == app.token {
            Ok(posted)
        } else {
            Err(stale(app, &posted))
        }
    }
}

/// The answer to a form without this start's token (a page opened before hoso restarted, or
/// another page posting here): nothing is written, and what was typed is shown as text to copy.
fn stale(app: &App, posted: &Posted) -> Response {
    let changes = typed_view(&changes(app, posted));
    let data = context! {
        title => "Trang cũ", page => "", file => app.file_name(), changes => changes,
        findings => Vec::<Value>::new(), errors => 0,
        check_error => "Chưa kiểm tra: trang này không thuộc lần chạy hoso hiện tại.",
    };
    (
        StatusCode::FORBIDDEN,
        Html(views().render("trang-cu.html", data)),
    )
        .into_response()
}

/// What a page typed, field by field, as the pages that show it back list it.
fn typed_view(changes: &[Change]) -> Vec<Value> {
    changes
        .iter()
        .map(|c| context! { path => c.path.clone(), value => c.value.clone() })
        .collect()
}

/// The values typed that differ from the version the page showed (see [`what_changed`]).
fn changes(app: &App, posted: &Posted) -> Vec<Change> {
    let base = app
        .files_of(&posted.version)
        .and_then(|files| app.workspace.data_of(&files).ok());
    let data = base.as_ref().map(pages::data_of);
    what_changed(data.as_ref(), &posted.values, &posted.kept)
}

/// The field a data error names, and its message.
fn field_error(err: &LoadError) -> Option<(String, String)> {
    match err {
        LoadError::Data(data) => data
            .field
            .clone()
            .map(|field| (field, data.message.clone())),
        _ => None,
    }
}

async fn save(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let changes = changes(&app, &posted);
    match app
        .workspace
        .save(&posted.version, &Edit::Fields(changes.clone()))
    {
        Ok(_) => Redirect::to(&format!("{}?luu=1", posted.back)).into_response(),
        Err(SaveError::Changed(_)) => conflict(&app, &posted, &changes),
        Err(SaveError::Data(err)) => {
            let message = err.to_string();
            app.again(
                &posted.back,
                &posted.typed(field_error(&err)),
                Some(format!("Chưa lưu: {message}")),
            )
        }
        Err(err) => app.again(
            &posted.back,
            &posted.typed(None),
            Some(format!("Chưa lưu: {err}")),
        ),
    }
}

/// The page that says the file changed on disk, with what was typed, to reload or keep both.
fn conflict(app: &App, posted: &Posted, changes: &[Change]) -> Response {
    let file = app.file_name();
    let changes = typed_view(changes);
    let data = context! {
        title => "Tệp đã thay đổi", page => "", file => file, token => app.token.clone(),
        version => posted.version.clone(), back => posted.back.clone(), changes => changes,
        message => SaveError::Changed(app.file_name()).to_string(),
        findings => Vec::<Value>::new(), errors => 0,
        check_error => "Chưa kiểm tra: tệp trên đĩa đã khác bản trang này mở.",
    };
    (
        StatusCode::CONFLICT,
        Html(views().render("xung-dot.html", data)),
    )
        .into_response()
}

async fn keep_both(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(files) = app.files_of(&posted.version) else {
        return app.again(
            "/",
            &posted.typed(None),
            Some("Không còn bản trang đã mở; phần vừa gõ chưa được ghi.".to_string()),
        );
    };
    let kept = app
        .workspace
        .keep_both(&files, &Edit::Fields(changes(&app, &posted)));
    let catalogue = &app.catalogue;
    let (notice, error) = match kept {
        Ok(paths) => (
            Some(format!(
                "Phần trên trang đã được ghi vào {}; tệp dữ liệu trên đĩa giữ nguyên.",
                paths
                    .iter()
                    .map(|path| path.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            None,
        ),
        Err(err) => (None, Some(err.to_string())),
    };
    app.page(
        "don-vi.html",
        "don-vi",
        notice,
        error,
        |frame, dossier, panel| {
            pages::unit_page(frame, dossier, catalogue, &Typed::default(), panel)
        },
    )
}

async fn check(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let changes = changes(&app, &posted);
    let panel = match app
        .workspace
        .preview(&posted.version, &Edit::Fields(changes))
    {
        Ok((_, dossier)) => pages::findings_view(&dossier, &app.catalogue),
        Err(err) => pages::unreadable_view(&err.to_string()),
    };
    Html(views().render("kiem-tra.html", panel)).into_response()
}

async fn add_member(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let get = |key: &str| {
        posted
            .other
            .get(key)
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let (name, born) = (get("ho_ten"), get("ngay_sinh"));
    let id = match get("ma") {
        id if id.is_empty() => slug(&name),
        id => id,
    };
    let refused = |message: String| {
        app.page(
            "dang-vien.html",
            "dang-vien",
            None,
            Some(message),
            |frame, dossier, panel| pages::members_page(frame, dossier, (&id, &name, &born), panel),
        )
    };
    if name.is_empty() {
        return refused("Chưa có họ và tên của đảng viên mới.".to_string());
    }
    let member = NewMember {
        id: id.clone(),
        name: name.clone(),
        born: born.clone(),
    };
    match app
        .workspace
        .save(&posted.version, &Edit::AddMember(member))
    {
        Ok(_) => Redirect::to(&format!("/dang-vien/{id}?luu=1")).into_response(),
        Err(err) => refused(format!("Chưa thêm: {err}")),
    }
}

async fn reorder(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let index = posted
        .other
        .get("vi-tri")
        .and_then(|v| v.parse::<usize>().ok());
    let edit = match (posted.other.get("viec").map(String::as_str), index) {
        (Some("len"), Some(index)) => Edit::MoveUp(index),
        (Some("xoa"), Some(index)) => Edit::RemoveMember(index),
        _ => return PageError::Unclear.into_response(),
    };
    match app.workspace.save(&posted.version, &edit) {
        Ok(_) => Redirect::to("/dang-vien?luu=1").into_response(),
        Err(err) => app.page(
            "dang-vien.html",
            "dang-vien",
            None,
            Some(format!("Chưa lưu: {err}")),
            |frame, dossier, panel| pages::members_page(frame, dossier, ("", "", ""), panel),
        ),
    }
}

async fn split(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let (notice, error) = match app.workspace.split(&posted.version) {
        Ok(written) => (
            Some(format!(
                "Mỗi đảng viên nay có tệp riêng trong thư mục members ({} tệp); tệp đơn vị chỉ ghi tên các tệp đó.",
                written.len().saturating_sub(1)
            )),
            None,
        ),
        Err(err) => (None, Some(format!("Chưa tách: {err}"))),
    };
    app.page(
        "dang-vien.html",
        "dang-vien",
        notice,
        error,
        |frame, dossier, panel| pages::members_page(frame, dossier, ("", "", ""), panel),
    )
}

/// A file to send: its bytes, type and name; inline (a preview) or as a download.
fn file_response(bytes: Vec<u8>, kind: &str, name: &str, inline: bool) -> Response {
    let disposition = format!(
        "{}; filename=\"{name}\"",
        if inline { "inline" } else { "attachment" }
    );
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// The document of `form` for `member` (the unit's own when `None`), drawn as `format`, with its
/// file name; run off the server's threads.
async fn drawn(
    app: Arc<App>,
    form: String,
    member: Option<String>,
    format: Format,
) -> Result<(Vec<u8>, String), PageError> {
    tokio::task::spawn_blocking(move || {
        let dossier = app
            .read()
            .map_err(PageError::fault)?
            .dossier
            .map_err(PageError::Unreadable)?;
        let form = app
            .catalogue
            .find(&form, dossier.regime(), dossier.year)
            .map_err(|err| PageError::NotFound(err.to_string()))?;
        let chosen = packet::chosen_members(form, &dossier, member.as_slice(), false, &mut drop)?;
        let (stem, document) = packet::form_documents(&app.catalogue, form, &dossier, &chosen)
            .map_err(PageError::fault)?
            .into_iter()
            .next()
            .ok_or_else(|| PageError::NotFound("không có văn bản".to_string()))?;
        let bytes = match format {
            Format::Pdf => Engine::shared()
                .pdf(&document, &PARTY, packet::conformance_of(&dossier))
                .map(|pdf| pdf.bytes),
            Format::Docx => docx::docx(&document, &PARTY),
        }
        .map_err(PageError::fault)?;
        Ok((bytes, format!("{stem}.{format}")))
    })
    .await
    .unwrap_or_else(|err| Err(PageError::fault(err)))
}

/// The PDF of a form (`/xem/<form>`) or of a member's form (`/xem/<form>/<member>`), shown in
/// the page.
async fn preview(
    State(app): State<Arc<App>>,
    UrlPath(parts): UrlPath<Vec<String>>,
) -> Result<Response, PageError> {
    let mut parts = parts.into_iter();
    let form = parts.next().unwrap_or_default();
    let (bytes, name) = drawn(app, form, parts.next(), Format::Pdf).await?;
    Ok(file_response(bytes, "application/pdf", &name, true))
}

async fn download(
    State(app): State<Arc<App>>,
    UrlPath((form, file)): UrlPath<(String, String)>,
) -> Result<Response, PageError> {
    let (who, format) = match file.rsplit_once('.') {
        Some((who, "pdf")) => (who.to_string(), Format::Pdf),
        Some((who, "docx")) => (who.to_string(), Format::Docx),
        _ => {
            return Err(PageError::NotFound(
                "chỉ tải được .pdf hoặc .docx".to_string(),
            ));
        }
    };
    let member = (who != "don-vi").then_some(who);
    let kind = match format {
        Format::Pdf => "application/pdf",
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
    let (bytes, name) = drawn(app, form, member, format).await?;
    Ok(file_response(bytes, kind, &name, false))
}

async fn download_packet(State(app): State<Arc<App>>) -> Result<Response, PageError> {
    let bytes = tokio::task::spawn_blocking(move || packet_zip(&app))
        .await
        .map_err(PageError::fault)??;
    Ok(file_response(bytes, "application/zip", "ho-so.zip", false))
}

/// The unit's whole packet, as `hoso packet` writes it, in one zip: the same files, the same
/// bytes, entries in order and undated.
fn packet_zip(app: &App) -> Result<Vec<u8>, PageError> {
    let dossier = app
        .read()
        .map_err(PageError::fault)?
        .dossier
        .map_err(PageError::Unreadable)?;
    let checked = packet::preflight(&app.catalogue, std::slice::from_ref(&dossier));
    let errors = crate::rules::errors(&checked[0].findings);
    if errors > 0 {
        return Err(PageError::RulesBroken { errors });
    }
    packet::packet_zip(&app.catalogue, &dossier).map_err(PageError::fault)
}

//! `hoso serve`: a page on the clerk's own machine where the unit and each member's review are
//! filled in, checked as they are typed, previewed as they will print, and downloaded, through
//! the same library functions as the command line. The unit file stays the one truth: every
//! page reads it from disk, and every save writes it in place, keeping comments and key order.
//!
//! The server listens on 127.0.0.1 only, answers only requests addressed to that host, caps
//! request bodies, takes no file path from the browser, and accepts a form only with the token
//! of this start.

mod changes;
mod error;
mod nhap;
mod pages;
mod routes;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

pub use crate::dossier::workspace::{Edit, SaveError, Workspace};

use crate::forms::Catalogue;
use pages::Views;

/// The largest request body the server reads: a whole review typed into one page is far less.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The page templates, compiled once for the process.
fn views() -> &'static Views {
    static VIEWS: OnceLock<Views> = OnceLock::new();
    VIEWS.get_or_init(Views::new)
}

/// Serves the page over the unit file `file` on 127.0.0.1:`port` (any free port for 0) until
/// the process is interrupted; `ready` hears the page's address once the server listens.
pub fn serve(
    file: PathBuf,
    catalogue: Catalogue,
    port: u16,
    ready: impl FnOnce(&str),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
        let address = listener.local_addr()?;
        let app = Arc::new(routes::App::new(
            Workspace::new(file),
            catalogue,
            address.port(),
        ));
        ready(&format!("http://{address}/"));
        axum::serve(listener, routes::router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}

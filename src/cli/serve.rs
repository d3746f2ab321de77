//! `hoso serve`: the local page over one unit file.

use std::path::PathBuf;

use hoso::forms::Catalogue;

use super::args::ServeArgs;
use super::{CliError, terminal};

/// The unit file when none is named.
const DEFAULT_FILE: &str = "don-vi.yaml";

/// Runs `hoso serve` until interrupted.
pub fn run(args: &ServeArgs, catalogue: Catalogue) -> Result<(), CliError> {
    let file = unit_file(args.data.as_deref())?;
    let open = !args.no_browser;
    hoso::serve::serve(file.clone(), catalogue, args.port, |address| {
        terminal::out(&format!(
            "hoso đang mở trang cho {} tại {address} (chỉ trên máy này). Dừng: Ctrl+C.",
            file.display()
        ));
        if open {
            open_browser(address);
        }
    })
    .map_err(|err| {
        CliError::Usage(format!(
            "không mở được trang trên cổng {}: {}",
            args.port,
            hoso::os_error::vietnamese(&err)
        ))
    })
}

/// The unit file: the one named, `don-vi.yaml` in the folder named, or in the current folder,
/// written from `hoso init`'s template when it does not exist yet.
fn unit_file(named: Option<&std::path::Path>) -> Result<PathBuf, CliError> {
    let (dir, file) = match named {
        Some(path) if path.is_dir() => (path.to_path_buf(), path.join(DEFAULT_FILE)),
        Some(path) => return Ok(path.to_path_buf()),
        None => (PathBuf::from("."), PathBuf::from(DEFAULT_FILE)),
    };
    if !file.exists() {
        let year = hoso::init::review_year(hoso::date::Date::today());
        let written = hoso::init::write_starter(&dir, year).map_err(|err| {
            CliError::Usage(format!(
                "không tạo được {}: {}",
                file.display(),
                hoso::os_error::vietnamese(&err)
            ))
        })?;
        terminal::note(&format!(
            "chưa có tệp dữ liệu: đã tạo {} từ mẫu (như hoso init)",
            written.display()
        ));
    }
    Ok(file)
}

/// Opens `address` in the desktop's browser, when there is a desktop; quietly does nothing
/// otherwise.
fn open_browser(address: &str) {
    let desktop =
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
    let opener = if cfg!(target_os = "macos") {
        Some("open")
    } else if cfg!(windows) {
        None
    } else if desktop {
        Some("xdg-open")
    } else {
        None
    };
    if let Some(opener) = opener {
        let _ = std::process::Command::new(opener)
            .arg(address)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
    }
}

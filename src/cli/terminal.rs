//! Everything hoso prints on the terminal, in one place. A closed pipe is not an error: a reader
//! that stopped early (`hoso render … | head -1`) has seen what it wanted.

use std::io::Write;
use std::path::PathBuf;

/// Lists the files written, on standard output.
pub fn report_written(paths: &[PathBuf]) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Đã ghi {} tệp:", paths.len()).and_then(|()| {
        paths
            .iter()
            .try_for_each(|path| writeln!(out, "  {}", path.display()))
    });
}

/// Text on standard output, with a line break after it.
pub fn out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", text.trim_end());
}

/// A note for the user that does not stop the run, on standard error.
pub fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// An error that ends the run, on standard error.
pub fn error(report: &str) {
    let _ = writeln!(std::io::stderr(), "{report}");
}

//! Flushing staged files to the disk on a thread of its own, while the drawing goes on: every
//! file is on the disk before the commit moves any of them into place, but no drawing thread
//! waits on the disk.

use std::fs::File;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use super::WriteError;

/// Files written but not yet flushed that may wait for the flushing thread; a thread adding one
/// more waits for a place, so that few files are open at once.
const WAITING: usize = 64;

/// The flushing thread and the queue of files waiting for it.
pub(super) struct Flusher {
    /// Each written file, with the output path it is named by in an error.
    queue: SyncSender<(File, PathBuf)>,
    /// The thread, returning the first file it could not flush.
    thread: JoinHandle<Result<(), WriteError>>,
}

impl Flusher {
    /// Starts the flushing thread; `dir` names the output folder if it cannot start.
    pub(super) fn start(dir: &std::path::Path) -> Result<Flusher, WriteError> {
        let (queue, waiting) = sync_channel(WAITING);
        let thread = std::thread::Builder::new()
            .name("hoso-ghi-dia".into())
            .spawn(move || flush_all(waiting))
            .map_err(|e| WriteError::os(dir, e))?;
        Ok(Flusher { queue, thread })
    }

    /// Hands a written file to the thread, waiting while the queue is full; `target` is the
    /// path it will have in the output folder.
    pub(super) fn flush(&self, file: File, target: PathBuf) -> Result<(), WriteError> {
        self.queue
            .send((file, target))
            .map_err(|lost| WriteError::new(&lost.0.1, "luồng ghi xuống đĩa đã dừng"))
    }

    /// Waits until every file handed over is on the disk; the first that could not be flushed
    /// is the error.
    pub(super) fn finish(self) -> Result<(), WriteError> {
        drop(self.queue);
        self.thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

/// Flushes each file of the queue until it closes; after a failure, the rest are only closed.
fn flush_all(waiting: Receiver<(File, PathBuf)>) -> Result<(), WriteError> {
    let mut outcome = Ok(());
    for (file, target) in waiting {
        if outcome.is_ok() {
            outcome = file.sync_all().map_err(|e| WriteError::os(&target, e));
        }
    }
    outcome
}

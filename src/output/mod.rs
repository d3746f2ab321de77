//! Writing output files: readable ASCII names, and a run that lands whole or not at all, in a
//! folder or in a zip held in memory.
//!
//! Files are written as soon as each is made, by whichever thread made it, into a hidden staging
//! folder inside the output folder; memory does not grow with the run. A thread of its own
//! flushes each to the disk meanwhile, and [`Staging::commit`] waits for it, then moves them in
//! at the end. If anything fails, the output folder is left exactly as it was: files the run had
//! already replaced are put back, and a folder the run created is removed.

mod flush;
mod names;
mod zipped;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use miette::Diagnostic;
use tempfile::TempDir;

use flush::Flusher;
use thiserror::Error;

pub use names::{person_stems, slug};
pub use zipped::Zip;

/// A file could not be written.
#[derive(Debug, Error, Diagnostic)]
#[error("không ghi được {path}: {reason}")]
#[non_exhaustive]
pub struct WriteError {
    /// The file or folder.
    pub path: String,
    /// What went wrong.
    pub reason: String,
}

impl WriteError {
    fn new(path: &Path, reason: impl ToString) -> WriteError {
        WriteError {
            path: path.display().to_string(),
            reason: reason.to_string(),
        }
    }

    fn os(path: &Path, err: std::io::Error) -> WriteError {
        WriteError::new(path, crate::os_error::vietnamese(&err))
    }

    /// A second file of one run under `path`: two documents would land in one file.
    fn twice(path: &Path) -> WriteError {
        WriteError::new(path, "hai văn bản trong cùng một lần chạy trùng tên tệp")
    }
}

/// Where the files of a run go, each as soon as it is made, by whichever thread made it: a
/// folder ([`Staging`]) or a zip in memory ([`Zip`]).
pub trait Sink: Sync {
    /// Adds one file of the run under its path inside the run (`dang-vien/an/an.pdf`); many
    /// threads may add at once. A name given twice in one run is refused: two documents would
    /// land in one file.
    fn add(&self, name: &str, bytes: &[u8]) -> Result<(), WriteError>;

    /// The bytes of a file added in this run, read back.
    fn read(&self, name: &str) -> Result<Vec<u8>, WriteError>;
}

/// The files of one run, staged until every one is ready.
pub struct Staging {
    /// The output folder.
    dir: PathBuf,
    /// The hidden folder inside `dir` holding the new files and, during the commit, the old ones.
    stage: Option<TempDir>,
    /// Whether the run created `dir`, and so removes it when it fails.
    created_dir: bool,
    /// The names staged so far.
    names: Mutex<BTreeSet<String>>,
    /// The folders made inside the staging folder so far, each made once.
    folders: Mutex<BTreeSet<PathBuf>>,
    /// The thread flushing each staged file to the disk, until the commit.
    flusher: Option<Flusher>,
}

/// Where a replaced file waits during a commit, inside the staging folder.
const BACKUP: &str = "cu";

impl Staging {
    /// Starts a run writing into `dir`, which is created if missing.
    pub fn new(dir: &Path) -> Result<Staging, WriteError> {
        // The flushing thread first: nothing is on the disk yet if it cannot start.
        let flusher = Flusher::start(dir)?;
        let created_dir = !dir.exists();
        std::fs::create_dir_all(dir).map_err(|e| WriteError::os(dir, e))?;
        let stage = tempfile::Builder::new()
            .prefix(".hoso-dang-ghi-")
            .tempdir_in(dir);
        let stage = match stage {
            Ok(stage) => stage,
            Err(e) => {
                if created_dir {
                    let _ = std::fs::remove_dir(dir);
                }
                return Err(WriteError::os(dir, e));
            }
        };
        Ok(Staging {
            dir: dir.to_path_buf(),
            stage: Some(stage),
            created_dir,
            names: Mutex::default(),
            folders: Mutex::default(),
            flusher: Some(flusher),
        })
    }

    fn stage_dir(&self) -> &Path {
        self.stage
            .as_ref()
            .map(TempDir::path)
            .unwrap_or(self.dir.as_path())
    }

    /// Moves every staged file into the output folder, once all are on the disk, and returns
    /// their paths, sorted; on failure, leaves the output folder as it was before the run.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, WriteError> {
        if let Some(flusher) = self.flusher.take() {
            flusher.finish()?;
        }
        let names = std::mem::take(self.names.get_mut().unwrap_or_else(PoisonError::into_inner));
        for name in &names {
            let target = self.dir.join(name);
            if let Ok(meta) = std::fs::symlink_metadata(&target)
                && !meta.is_file()
            {
                return Err(WriteError::new(
                    &target,
                    "đã có một thư mục hoặc liên kết trùng tên; đổi tên hoặc chọn thư mục khác",
                ));
            }
        }
        let backup = self.stage_dir().join(BACKUP);
        std::fs::create_dir(&backup).map_err(|e| WriteError::os(&self.dir, e))?;
        let mut moved: Vec<Moved> = Vec::new();
        // The folders of the output known to exist, so that each is looked for once.
        let mut present: BTreeSet<PathBuf> = BTreeSet::new();
        for name in &names {
            match self.move_in(name, &backup, &mut present) {
                Ok(step) => moved.push(step),
                Err(error) => {
                    restore(&moved);
                    return Err(error);
                }
            }
        }
        self.created_dir = false;
        let written = names.iter().map(|n| self.dir.join(n)).collect();
        if let Some(stage) = self.stage.take() {
            let _ = stage.close();
        }
        Ok(written)
    }

    /// Moves one staged file to its place, keeping the file it replaces in `backup` and creating
    /// the folders it lies in (`present`: the folders known to exist, added to); says what it
    /// did, so that it can be undone.
    fn move_in(
        &self,
        name: &str,
        backup: &Path,
        present: &mut BTreeSet<PathBuf>,
    ) -> Result<Moved, WriteError> {
        let target = self.dir.join(name);
        let mut created = Vec::new();
        let mut folder = target.parent();
        while let Some(dir) =
            folder.filter(|d| *d != self.dir && !present.contains(*d) && !d.exists())
        {
            created.push(dir.to_path_buf());
            folder = dir.parent();
        }
        for dir in created.iter().rev() {
            if let Err(e) = std::fs::create_dir(dir) {
                restore(&[Moved {
                    target: target.clone(),
                    old: None,
                    created,
                }]);
                return Err(WriteError::os(&target, e));
            }
        }
        let old = if target.exists() {
            let kept = backup.join(name);
            if let Some(parent) = kept.parent() {
                std::fs::create_dir_all(parent).map_err(|e| WriteError::os(&target, e))?;
            }
            std::fs::rename(&target, &kept).map_err(|e| WriteError::os(&target, e))?;
            Some(kept)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(self.stage_dir().join(name), &target) {
            if let Some(kept) = &old {
                let _ = std::fs::rename(kept, &target);
            }
            return Err(WriteError::os(&target, e));
        }
        present.extend(target.parent().map(Path::to_path_buf));
        Ok(Moved {
            target,
            old,
            created,
        })
    }
}

impl Sink for Staging {
    /// Writes the file to the staging folder.
    fn add(&self, name: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.dir.join(name);
        let fresh = self
            .names
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(name.to_string());
        if !fresh {
            return Err(WriteError::twice(&target));
        }
        let path = self.stage_dir().join(name);
        if let Some(parent) = path.parent() {
            let mut folders = self.folders.lock().unwrap_or_else(PoisonError::into_inner);
            if !folders.contains(parent) {
                std::fs::create_dir_all(parent).map_err(|e| WriteError::os(&target, e))?;
                folders.insert(parent.to_path_buf());
            }
        }
        let mut file = std::fs::File::create(&path).map_err(|e| WriteError::os(&target, e))?;
        file.write_all(bytes)
            .map_err(|e| WriteError::os(&target, e))?;
        match &self.flusher {
            Some(flusher) => flusher.flush(file, target),
            None => file.sync_all().map_err(|e| WriteError::os(&target, e)),
        }
    }

    fn read(&self, name: &str) -> Result<Vec<u8>, WriteError> {
        std::fs::read(self.stage_dir().join(name))
            .map_err(|e| WriteError::os(&self.dir.join(name), e))
    }
}

/// One file moved in by a commit: where it went, where the file it replaced waits, and the
/// folders created for it, innermost first.
struct Moved {
    target: PathBuf,
    old: Option<PathBuf>,
    created: Vec<PathBuf>,
}

/// Undoes the moves of a failed commit, newest first.
fn restore(moved: &[Moved]) {
    for step in moved.iter().rev() {
        let _ = std::fs::remove_file(&step.target);
        if let Some(kept) = &step.old {
            let _ = std::fs::rename(kept, &step.target);
        }
        for dir in &step.created {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

impl Drop for Staging {
    /// A run that did not commit leaves nothing: the staging folder goes, and so does an output
    /// folder the run created.
    fn drop(&mut self) {
        if let Some(flusher) = self.flusher.take() {
            let _ = flusher.finish();
        }
        if let Some(stage) = self.stage.take() {
            let _ = stage.close();
            if self.created_dir {
                let _ = std::fs::remove_dir(&self.dir);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn files_in_folders_are_written_and_a_failure_removes_the_folders_it_made() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("ra");
        let staging = Staging::new(&out).unwrap();
        staging.add("dang-vien/an/an.pdf", b"an").unwrap();
        staging.add("bao-cao.pdf", b"bc").unwrap();
        let written = staging.commit().unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(
            std::fs::read(out.join("dang-vien/an/an.pdf")).unwrap(),
            b"an"
        );
        // "khac" exists as a file: the folder of the second file cannot be made.
        std::fs::write(out.join("khac"), b"x").unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.add("moi/binh/binh.pdf", b"binh").unwrap();
        staging.add("khac/cuong.pdf", b"cuong").unwrap();
        assert!(staging.commit().is_err());
        assert_eq!(names_in(&out), vec!["bao-cao.pdf", "dang-vien", "khac"]);
    }

    #[test]
    fn writes_every_file_and_leaves_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("moi");
        let staging = Staging::new(&out).unwrap();
        staging.add("a.pdf", b"%PDF").unwrap();
        staging.add("b.docx", b"PK").unwrap();
        assert!(names_in(&out).iter().all(|n| n.starts_with(".hoso-")));
        staging.commit().unwrap();
        assert_eq!(names_in(&out), vec!["a.pdf", "b.docx"]);
        assert_eq!(std::fs::read(out.join("b.docx")).unwrap(), b"PK");
    }

    #[test]
    fn files_from_many_threads_beyond_the_flushing_queue_all_land() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::new(dir.path()).unwrap();
        std::thread::scope(|scope| {
            for thread in 0..4 {
                let staging = &staging;
                scope.spawn(move || {
                    for n in 0..100 {
                        let name = format!("t{thread}/{n}.pdf");
                        staging.add(&name, name.as_bytes()).unwrap();
                    }
                });
            }
        });
        assert_eq!(staging.commit().unwrap().len(), 400);
        assert_eq!(
            std::fs::read(dir.path().join("t3/99.pdf")).unwrap(),
            b"t3/99.pdf"
        );
    }

    #[test]
    fn a_failed_commit_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), b"cu").unwrap();
        std::fs::create_dir(dir.path().join("c.pdf")).unwrap();
        let staging = Staging::new(dir.path()).unwrap();
        for name in ["a.pdf", "b.pdf", "c.pdf", "d.pdf"] {
            staging.add(name, b"moi").unwrap();
        }
        let error = staging.commit().unwrap_err();
        assert!(error.path.ends_with("c.pdf"), "{error}");
        assert_eq!(names_in(dir.path()), vec!["a.pdf", "c.pdf"]);
        assert_eq!(std::fs::read(dir.path().join("a.pdf")).unwrap(), b"cu");
    }

    #[test]
    fn an_abandoned_run_removes_the_folder_it_created() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("moi");
        let staging = Staging::new(&out).unwrap();
        staging.add("a.pdf", b"%PDF").unwrap();
        assert!(staging.add("a.pdf", b"%PDF").is_err());
        drop(staging);
        assert!(!out.exists());
    }

    #[test]
    fn a_move_that_fails_midway_puts_back_what_it_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), b"cu").unwrap();
        let staging = Staging::new(dir.path()).unwrap();
        for name in ["a.pdf", "b.pdf", "c.pdf"] {
            staging.add(name, b"moi").unwrap();
        }
        std::fs::remove_file(staging.stage_dir().join("c.pdf")).unwrap();
        assert!(staging.commit().is_err());
        assert_eq!(names_in(dir.path()), vec!["a.pdf"]);
        assert_eq!(std::fs::read(dir.path().join("a.pdf")).unwrap(), b"cu");
    }
}

//! The unit file behind the page: read as it is on disk, each version known by a digest of its
//! bytes, and written back only over the version the page was showing, atomically, the previous
//! version kept beside it.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

use super::edit::{Change, EditError, Edited, NewMember};
use crate::dossier::{self, Dossier, LoadError};

/// The unit file the page edits.
#[derive(Debug, Clone)]
pub struct Workspace {
    file: PathBuf,
}

/// The unit file as read: its text, its version and, when it reads, its data.
pub struct Snapshot {
    /// The file's text.
    pub text: String,
    /// A digest of the file's bytes: the page sends it back with every save.
    pub version: String,
    /// The data, or why the file does not read.
    pub dossier: Result<Dossier, LoadError>,
}

/// An edit the page asks for.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Values typed in fields.
    Fields(Vec<Change>),
    /// A member added at the end.
    AddMember(NewMember),
    /// Member `index` removed.
    RemoveMember(usize),
    /// Member `index` moved one place up.
    MoveUp(usize),
}

/// Why a save did not happen; in every case the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file changed on disk since the page read it.
    #[error(
        "tệp {0} đã được sửa trên đĩa từ lúc trang này mở: hoso không ghi đè. Tải lại trang để xem bản trên đĩa, hoặc giữ cả hai (bản trên trang được ghi thành tệp riêng bên cạnh)."
    )]
    Changed(String),
    /// The edit cannot be made in the file.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The edited data is wrong: the same error as the command line gives.
    #[error(transparent)]
    Data(Box<LoadError>),
    /// The file could not be read or written.
    #[error("không ghi được tệp {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// What the system said, in Vietnamese.
        reason: String,
    },
}

impl Workspace {
    /// The page over the unit file `file`.
    pub fn new(file: PathBuf) -> Workspace {
        Workspace { file }
    }

    /// The unit file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Reads the file as it is now.
    pub fn read(&self) -> Result<Snapshot, SaveError> {
        let bytes = std::fs::read(&self.file).map_err(|err| self.io(&err))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let dossier = dossier::parse(&text, &self.name());
        Ok(Snapshot {
            version: version_of(&bytes),
            text,
            dossier,
        })
    }

    /// The text `edit` makes of the file at `version`, and its data; nothing is written. Fails
    /// when the file changed since, when the edit cannot be made, or when the data it makes is
    /// wrong.
    pub fn preview(&self, version: &str, edit: &Edit) -> Result<(String, Dossier), SaveError> {
        let current = self.read()?;
        if current.version != version {
            return Err(SaveError::Changed(self.name()));
        }
        let edited = Edited::parse(&current.text)?;
        match edit {
            Edit::Fields(changes) => edited.apply(changes)?,
            Edit::AddMember(member) => edited.add_member(member)?,
            Edit::RemoveMember(index) => edited.remove_member(*index)?,
            Edit::MoveUp(index) => edited.move_member_up(*index)?,
        }
        let text = edited.text();
        let dossier =
            dossier::parse(&text, &self.name()).map_err(|err| SaveError::Data(Box::new(err)))?;
        Ok((text, dossier))
    }

    /// Makes `edit` over the file at `version` and writes it: atomically (a new file moved over
    /// the old), the version it replaces kept as `<file>.bak`. Returns the new version.
    pub fn save(&self, version: &str, edit: &Edit) -> Result<String, SaveError> {
        let (text, _) = self.preview(version, edit)?;
        let backup = self.file.with_extension("yaml.bak");
        std::fs::copy(&self.file, &backup).map_err(|err| self.io(&err))?;
        self.write_atomically(&self.file, text.as_bytes())?;
        Ok(version_of(text.as_bytes()))
    }

    /// Keeps both: `text`, what the page holds, goes into a new file beside the unit file
    /// (`<name>.tren-trang-<n>.yaml`), and the unit file stays as it is on disk. Returns the
    /// new file.
    pub fn keep_both(&self, text: &str) -> Result<PathBuf, SaveError> {
        let stem = self
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let beside = (1..)
            .map(|n| {
                self.file
                    .with_file_name(format!("{stem}.tren-trang-{n}.yaml"))
            })
            .find(|path| !path.exists())
            .unwrap_or_default();
        self.write_atomically(&beside, text.as_bytes())?;
        Ok(beside)
    }

    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        let dir = dir.unwrap_or(Path::new("."));
        let mut temporary = tempfile::NamedTempFile::new_in(dir).map_err(|err| self.io(&err))?;
        std::io::Write::write_all(&mut temporary, bytes).map_err(|err| self.io(&err))?;
        temporary.persist(path).map_err(|err| self.io(&err.error))?;
        Ok(())
    }

    fn name(&self) -> String {
        self.file.display().to_string()
    }

    fn io(&self, err: &std::io::Error) -> SaveError {
        SaveError::Io {
            path: self.name(),
            reason: crate::os_error::vietnamese(err),
        }
    }
}

/// A digest of a file's bytes.
fn version_of(bytes: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIT: &str = "# Chi bộ thử\nnam: 2026\nto_chuc:\n  cap_tren: Đảng bộ B\n  ten: Chi bộ A\n  dia_danh: Hải Phòng\nhoi_nghi:\n  ngay: 2026-12-05\ndang_vien:\n  - id: an\n    ho_ten: Nguyễn Văn An   # bí thư\n    ngay_sinh: 1970-01-01\n";

    fn change(path: &str, value: &str) -> Edit {
        Edit::Fields(vec![Change {
            path: path.into(),
            value: value.into(),
        }])
    }

    #[test]
    fn a_save_writes_over_the_version_shown_and_keeps_the_previous() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("don-vi.yaml");
        std::fs::write(&file, UNIT).unwrap();
        let workspace = Workspace::new(file.clone());
        let shown = workspace.read().unwrap().version;
        let saved = workspace
            .save(&shown, &change("to_chuc.dia_danh", "Hà Nội"))
            .unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("dia_danh: Hà Nội") && text.contains("# bí thư"),
            "{text}"
        );
        assert_eq!(
            std::fs::read_to_string(file.with_extension("yaml.bak")).unwrap(),
            UNIT
        );
        assert_eq!(workspace.read().unwrap().version, saved);
        // The page still shows the first version: the file is not written over.
        let err = workspace
            .save(&shown, &change("to_chuc.dia_danh", "Huế"))
            .unwrap_err();
        assert!(matches!(err, SaveError::Changed(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
        let kept = workspace.keep_both("nam: 2026\n").unwrap();
        assert!(kept.ends_with("don-vi.tren-trang-1.yaml"));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    }

    #[test]
    fn wrong_data_is_refused_with_the_command_lines_error_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("don-vi.yaml");
        std::fs::write(&file, UNIT).unwrap();
        let workspace = Workspace::new(file.clone());
        let shown = workspace.read().unwrap().version;
        let err = workspace
            .save(&shown, &change("dang_vien[0].ngay_sinh", "30/02/1970"))
            .unwrap_err();
        let message = err.to_string();
        assert!(message.contains("dang_vien[0].ngay_sinh"), "{message}");
        assert!(message.contains("không hợp lệ"), "{message}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), UNIT);
        assert!(!file.with_extension("yaml.bak").exists());
    }
}

//! A unit's files as one thing to edit: the unit file and its members' own files, read as they
//! are on disk, each version known by a digest of their bytes; an edit routed to the file that
//! holds each field; written back only over the version the edit was made on, each file
//! atomically, the previous version kept beside it. The local page and the imports edit
//! through it.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

use super::compose;
use super::edit::{Change, EditError, Edited, NewMember};
use super::{Dossier, LoadError};
use crate::dossier;
use crate::input::{self, Kind};

/// The texts of the files of a unit: the unit file, and its members' own files when it is split.
pub type Files = BTreeMap<PathBuf, String>;

/// The unit file the page edits, with its members' files.
#[derive(Debug, Clone)]
pub struct Workspace {
    file: PathBuf,
}

/// The unit as read: its files, their version and, when they read, the data.
pub struct Snapshot {
    /// The text of each file.
    pub files: Files,
    /// A digest of every file's bytes: the page sends it back with every save.
    pub version: String,
    /// The data, or why the files do not read.
    pub dossier: Result<Dossier, LoadError>,
}

/// An edit the page asks for.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Values typed in fields.
    Fields(Vec<Change>),
    /// A member added at the end.
    AddMember(NewMember),
    /// Member `index` removed from the list (a member's own file stays on disk).
    RemoveMember(usize),
    /// Member `index` moved one place up.
    MoveUp(usize),
    /// Files written whole, as an import or a conversion from old encodings made them.
    Texts(Files),
}

/// Why a save did not happen; in every case the files on disk are as they were.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SaveError {
    /// A file changed on disk since the page read it.
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
    /// A file could not be read.
    #[error("không đọc được tệp {path}: {reason}")]
    Read {
        /// The file.
        path: String,
        /// Why, in Vietnamese.
        reason: String,
    },
    /// A file could not be written.
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

    /// Reads the unit's files as they are now.
    pub fn read(&self) -> Result<Snapshot, SaveError> {
        let mut files = Files::new();
        let unit = self.text_of(&self.file)?;
        for member in self.member_files(&unit) {
            if let Ok(text) = input::read_text(&member, Kind::Member) {
                files.insert(member, text);
            }
        }
        files.insert(self.file.clone(), unit);
        let dossier = self.data_of(&files);
        Ok(Snapshot {
            version: version_of(&files),
            files,
            dossier,
        })
    }

    /// The files `edit` makes of `files`.
    pub fn edited(&self, files: &Files, edit: &Edit) -> Result<Files, SaveError> {
        let mut files = files.clone();
        let unit = files.get(&self.file).cloned().unwrap_or_default();
        let owners = self.owners(&unit);
        let mut by_file: BTreeMap<PathBuf, Vec<Change>> = BTreeMap::new();
        match edit {
            Edit::Fields(changes) => {
                for change in changes {
                    // A field of a member written in its own file is edited there.
                    let owned = member_of(&change.path).and_then(|(index, rest)| {
                        owners
                            .get(index)
                            .cloned()
                            .flatten()
                            .map(|file| (file, rest))
                    });
                    let (file, path) = match owned {
                        Some((file, rest)) => (file, rest.to_string()),
                        None => (self.file.clone(), change.path.clone()),
                    };
                    by_file.entry(file).or_default().push(Change {
                        path,
                        value: change.value.clone(),
                    });
                }
            }
            Edit::Texts(texts) => {
                files.extend(texts.clone());
            }
            other => {
                let edited = Edited::parse(&unit)?;
                match other {
                    Edit::AddMember(member) => edited.add_member(member)?,
                    Edit::RemoveMember(index) => edited.remove_member(*index)?,
                    Edit::MoveUp(index) => edited.move_member_up(*index)?,
                    Edit::Fields(_) | Edit::Texts(_) => {}
                }
                files.insert(self.file.clone(), edited.text());
            }
        }
        for (file, changes) in by_file {
            let text = files.get(&file).cloned().unwrap_or_default();
            let edited = Edited::parse(&text)?;
            edited.apply(&changes)?;
            files.insert(file, edited.text());
        }
        Ok(files)
    }

    /// The files `edit` makes of the unit at `version`, and their data; nothing is written.
    /// Fails when a file changed since, when the edit cannot be made, or when the data it
    /// makes is wrong.
    pub fn preview(&self, version: &str, edit: &Edit) -> Result<(Files, Dossier), SaveError> {
        self.preview_over(&self.read()?, version, edit)
    }

    /// [`Workspace::preview`] over `current`, the files as just read.
    fn preview_over(
        &self,
        current: &Snapshot,
        version: &str,
        edit: &Edit,
    ) -> Result<(Files, Dossier), SaveError> {
        if current.version != version {
            return Err(SaveError::Changed(self.name()));
        }
        let files = self.edited(&current.files, edit)?;
        let dossier = self
            .data_of(&files)
            .map_err(|err| SaveError::Data(Box::new(err)))?;
        Ok((files, dossier))
    }

    /// Makes `edit` over the unit at `version` and writes the files it changes: each atomically
    /// (a new file moved over the old), the version it replaces kept as `<file>.bak`. Returns
    /// the new version.
    pub fn save(&self, version: &str, edit: &Edit) -> Result<String, SaveError> {
        let current = self.read()?;
        let (files, _) = self.preview_over(&current, version, edit)?;
        for (path, text) in &files {
            if current.files.get(path) != Some(text) {
                self.replace(path, text)?;
            }
        }
        Ok(version_of(&files))
    }

    /// Keeps both: what `edit` makes of `files` (the page's version) goes into new files beside
    /// those it changes (`<name>.tren-trang-<n>.yaml`), and the files on disk stay as they are.
    /// Returns the new files.
    pub fn keep_both(&self, files: &Files, edit: &Edit) -> Result<Vec<PathBuf>, SaveError> {
        let edited = self.edited(files, edit)?;
        let mut written = Vec::new();
        for (path, text) in &edited {
            if files.get(path) == Some(text) {
                continue;
            }
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let beside = (1..)
                .map(|n| path.with_file_name(format!("{stem}.tren-trang-{n}.yaml")))
                .find(|candidate| !candidate.exists())
                .unwrap_or_default();
            self.write_atomically(&beside, text.as_bytes())?;
            written.push(beside);
        }
        Ok(written)
    }

    /// Splits the unit at `version` into one file per member (`members/<id>.yaml`), the unit
    /// file naming them; refuses to write over a file that is already there. Returns the files
    /// written.
    pub fn split(&self, version: &str) -> Result<Vec<PathBuf>, SaveError> {
        let current = self.read()?;
        if current.version != version {
            return Err(SaveError::Changed(self.name()));
        }
        let unit = current.files.get(&self.file).cloned().unwrap_or_default();
        let (text, members) = crate::dossier::edit::split_members(&unit);
        let dir = self
            .file
            .parent()
            .unwrap_or(Path::new(""))
            .join(compose::MEMBERS_DIR);
        let mut files = current.files.clone();
        files.insert(self.file.clone(), text.clone());
        let mut written = Vec::new();
        for (id, member) in &members {
            let path = dir.join(format!("{id}.yaml"));
            if path.exists() {
                return Err(SaveError::Io {
                    path: path.display().to_string(),
                    reason: "tệp đã có; hoso không ghi đè".to_string(),
                });
            }
            files.insert(path.clone(), member.clone());
            written.push(path);
        }
        self.data_of(&files)
            .map_err(|err| SaveError::Data(Box::new(err)))?;
        std::fs::create_dir_all(&dir).map_err(|err| self.io(&dir, &err))?;
        for path in &written {
            self.write_atomically(path, files[path].as_bytes())?;
        }
        self.replace(&self.file, &text)?;
        written.push(self.file.clone());
        Ok(written)
    }

    /// The data of `files` (a version a page showed, or one being made), members' files read
    /// from them, with the previous review its `ky_truoc` names, as every command reads it.
    pub fn data_of(&self, files: &Files) -> Result<Dossier, LoadError> {
        let unit = files.get(&self.file).cloned().unwrap_or_default();
        let read = |path: &Path| {
            files
                .get(path)
                .cloned()
                .map_or_else(|| input::read_text(path, Kind::Member), Ok)
        };
        let dossier = dossier::parse_with(&unit, &self.name(), &read)?;
        dossier::linked(dossier, &unit, &self.file, None)
    }

    /// The member files the unit file names, by their path.
    fn member_files(&self, unit: &str) -> Vec<PathBuf> {
        self.owners(unit).into_iter().flatten().collect()
    }

    /// For each member of the list, the file it is written in, if not the unit file.
    fn owners(&self, unit: &str) -> Vec<Option<PathBuf>> {
        let dir = self.file.parent().unwrap_or(Path::new(""));
        compose::items(unit)
            .into_iter()
            .map(|item| item.file.map(|name| dir.join(name)))
            .collect()
    }

    fn text_of(&self, path: &Path) -> Result<String, SaveError> {
        input::read_bytes(path, Kind::Unit)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|refused| SaveError::Read {
                path: path.display().to_string(),
                reason: refused.reason,
            })
    }

    /// Writes `text` over the file at `path`, the version it replaces kept as `<file>.bak`.
    fn replace(&self, path: &Path, text: &str) -> Result<(), SaveError> {
        if path.exists() {
            let mut backup = path.to_path_buf().into_os_string();
            backup.push(".bak");
            std::fs::copy(path, backup).map_err(|err| self.io(path, &err))?;
        }
        self.write_atomically(path, text.as_bytes())
    }

    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        let dir = dir.unwrap_or(Path::new("."));
        let mut temporary =
            tempfile::NamedTempFile::new_in(dir).map_err(|err| self.io(path, &err))?;
        std::io::Write::write_all(&mut temporary, bytes).map_err(|err| self.io(path, &err))?;
        temporary
            .persist(path)
            .map_err(|err| self.io(path, &err.error))?;
        Ok(())
    }

    fn name(&self) -> String {
        self.file.display().to_string()
    }

    fn io(&self, path: &Path, err: &std::io::Error) -> SaveError {
        SaveError::Io {
            path: path.display().to_string(),
            reason: crate::os_error::vietnamese(err),
        }
    }
}

/// `dang_vien[2].tu_kiem_diem.han_che` → (2, `tu_kiem_diem.han_che`).
fn member_of(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("dang_vien[")?;
    let (index, rest) = rest.split_once("].")?;
    Some((index.parse().ok()?, rest))
}

/// A digest of every file's name and bytes.
fn version_of(files: &Files) -> String {
    let mut hasher = DefaultHasher::new();
    for (path, text) in files {
        hasher.write(path.as_os_str().as_encoded_bytes());
        hasher.write(text.as_bytes());
    }
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
        let page = Files::from([(file.clone(), UNIT.to_string())]);
        let kept = workspace
            .keep_both(&page, &change("to_chuc.dia_danh", "Huế"))
            .unwrap();
        assert_eq!(kept.len(), 1);
        assert!(kept[0].ends_with("don-vi.tren-trang-1.yaml"));
        assert!(
            std::fs::read_to_string(&kept[0])
                .unwrap()
                .contains("dia_danh: Huế")
        );
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

    #[test]
    fn a_members_own_file_takes_the_edits_of_its_fields() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("don-vi.yaml");
        let split = UNIT.replace(
            "  - id: an\n    ho_ten: Nguyễn Văn An   # bí thư\n    ngay_sinh: 1970-01-01\n",
            "  - tep: members/an.yaml\n",
        );
        assert_ne!(split, UNIT);
        std::fs::write(&file, &split).unwrap();
        std::fs::create_dir(dir.path().join("members")).unwrap();
        let member = dir.path().join("members/an.yaml");
        std::fs::write(
            &member,
            "id: an   # bí thư\nho_ten: Nguyễn Văn An\nngay_sinh: 1970-01-01\n",
        )
        .unwrap();
        let workspace = Workspace::new(file.clone());
        let shown = workspace.read().unwrap();
        assert_eq!(
            shown.dossier.as_ref().unwrap().members[0].name.as_str(),
            "Nguyễn Văn An"
        );
        workspace
            .save(
                &shown.version,
                &change("dang_vien[0].tu_kiem_diem.han_che", "Chậm."),
            )
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            split,
            "the unit file is untouched"
        );
        let written = std::fs::read_to_string(&member).unwrap();
        assert!(written.starts_with("id: an   # bí thư\n"), "{written}");
        assert!(
            written.contains("tu_kiem_diem:\n  han_che: Chậm."),
            "{written}"
        );
        // A change to the member's file on disk is a change to the unit.
        let shown = workspace.read().unwrap().version;
        std::fs::write(&member, written.replace("Chậm.", "Rất chậm.")).unwrap();
        let err = workspace
            .save(&shown, &change("to_chuc.ten", "Chi bộ B"))
            .unwrap_err();
        assert!(matches!(err, SaveError::Changed(_)));
    }
}

//! The reviews of the year before that a unit links (`ky_truoc`, `--previous`): a file, or a
//! folder of the unit files of a whole đảng bộ. Many units of one run link the same folder, so
//! what was read is kept, by path, while its files are unchanged.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use super::Dossier;
use super::load::{LoadError, parse, read};

/// The reviews of the year before that a unit links: a file, its own, or a folder of the
/// files of every unit of the đảng bộ, where a member who moved between units is found too.
#[derive(Debug, Default)]
pub struct Previous {
    /// Each review, in the order of the files.
    pub reviews: Vec<Dossier>,
}

impl Previous {
    /// The review of the unit named `name`: the only one linked, or the one of that name.
    pub fn of_unit(&self, name: &str) -> Option<&Dossier> {
        match self.reviews.as_slice() {
            [only] => Some(only),
            all => all.iter().find(|d| d.organisation.name.as_str() == name),
        }
    }

    /// The review holding the member `id`: in the unit named `unit` first, else in any other
    /// (a member keeps their id when they move).
    pub fn of_member(&self, unit: &str, id: &str) -> Option<&Dossier> {
        self.of_unit(unit)
            .filter(|d| d.member(id).is_some())
            .or_else(|| self.reviews.iter().find(|d| d.member(id).is_some()))
    }
}

/// The files a link names, each with when it was last changed.
type Stamp = Vec<(PathBuf, Option<SystemTime>)>;

/// What was read, by the path a link names, with the stamp of its files then.
type ReadBefore = Mutex<HashMap<PathBuf, (Stamp, Arc<Previous>)>>;

/// The reviews read so far in this process.
fn read_before() -> &'static ReadBefore {
    static READ: OnceLock<ReadBefore> = OnceLock::new();
    READ.get_or_init(Mutex::default)
}

/// The unit files of the folder `dir`: its `*.yaml` and `*.yml` files (not its sub-folders),
/// sorted by name.
pub fn unit_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if yaml && path.is_file() {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// The unit files `file` names: itself, or a folder's unit files.
fn files_of(file: &Path) -> Result<Vec<PathBuf>, String> {
    if !file.is_dir() {
        return Ok(vec![file.to_path_buf()]);
    }
    let found = unit_files_in(file).map_err(|err| crate::os_error::vietnamese(&err))?;
    if found.is_empty() {
        return Err("thư mục không có tệp dữ liệu nào (*.yaml, *.yml)".to_string());
    }
    Ok(found)
}

/// The reviews of the year before in `file` (a unit file, or a folder of them), for `dossier`;
/// one that cannot be read, or is not of an earlier year, is refused with why. An error inside
/// one is reported as that file's own.
pub(super) fn link(dossier: &Dossier, file: &Path) -> Result<Arc<Previous>, String> {
    let files = files_of(file)?;
    let stamp: Stamp = files
        .iter()
        .map(|f| {
            let changed = std::fs::metadata(f).and_then(|m| m.modified()).ok();
            (f.clone(), changed)
        })
        .collect();
    let key = file.canonicalize().unwrap_or_else(|_| file.to_path_buf());
    let known = read_before().lock().ok().and_then(|read| {
        read.get(&key)
            .filter(|(s, _)| *s == stamp)
            .map(|(_, p)| p.clone())
    });
    let previous = match known {
        Some(previous) => previous,
        None => {
            let mut reviews = Vec::with_capacity(files.len());
            for file in &files {
                match read(file).and_then(|text| parse(&text, &file.display().to_string())) {
                    Ok(earlier) => reviews.push(earlier),
                    Err(LoadError::Read { reason, .. }) => return Err(reason),
                    Err(other) => return Err(other.to_string()),
                }
            }
            let previous = Arc::new(Previous { reviews });
            if let Ok(mut read) = read_before().lock() {
                read.insert(key, (stamp, previous.clone()));
            }
            previous
        }
    };
    if let Some(later) = previous.reviews.iter().find(|e| e.year >= dossier.year) {
        return Err(format!(
            "{} là kỳ kiểm điểm năm {}, không trước năm {} của tệp này",
            later.source.name, later.year, dossier.year
        ));
    }
    Ok(previous)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(year: i32) -> String {
        format!(
            "nam: {year}\nto_chuc: {{cap_tren: Đảng bộ Sở, ten: Chi bộ A, dia_danh: Hải Phòng}}\nhoi_nghi: {{ngay: {year}-12-05}}\ndang_vien: []\n"
        )
    }

    #[test]
    fn a_folder_linked_by_many_units_is_read_once_and_again_when_a_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, unit(2025)).unwrap();
        let now = crate::dossier::parse(&unit(2026), "2026.yaml").unwrap();
        let first = link(&now, dir.path()).unwrap();
        let again = link(&now, dir.path()).unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        // A changed file is read again.
        std::fs::write(&file, unit(2024)).unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let changed = link(&now, dir.path()).unwrap();
        assert!(!Arc::ptr_eq(&first, &changed));
        assert_eq!(changed.reviews[0].year, 2024);
        // A review that is not earlier is refused, whether read now or before.
        let earlier = crate::dossier::parse(&unit(2024), "2024.yaml").unwrap();
        assert!(
            link(&earlier, dir.path())
                .unwrap_err()
                .contains("không trước năm 2024")
        );
    }
}

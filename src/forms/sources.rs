//! Where the files of forms come from: the forms built into the binary, and a folder of the
//! user's (`--forms DIR`) whose files, laid out as `forms/` is, take their place.
//!
//! Every name a form gives (`include`, `import`, `extends`) is a path below the forms' root:
//! one that is absolute, climbs out with `..`, or leads out of the user's folder through a link
//! is refused, and nothing of the file it names is read.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::input::{self, Kind};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/forms");

/// The files of forms: the built-in ones, under a user's folder when one is given.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    local: Option<PathBuf>,
}

impl Sources {
    /// The built-in forms, with the files of `local` (if any) in place of theirs.
    pub fn new(local: Option<&Path>) -> Sources {
        Sources {
            local: local.map(Path::to_path_buf),
        }
    }

    /// The text of the file at `name` below the forms' root, the user's first; `None` when
    /// neither has it. A name that leads out of the forms, or a file of the user's that cannot
    /// be read, is refused with why, in Vietnamese.
    pub fn text(&self, name: &str) -> Result<Option<String>, String> {
        if !stays_inside(name) {
            return Err(format!(
                "«{name}» nằm ngoài thư mục mẫu: mẫu chỉ được dùng (include, import, extends) tệp trong thư mục mẫu và các mẫu có sẵn của hoso, viết bằng đường dẫn tương đối không có «..»"
            ));
        }
        if let Some(local) = &self.local {
            let path = local.join(name);
            if path.symlink_metadata().is_ok() {
                let root = local
                    .canonicalize()
                    .map_err(|e| crate::os_error::vietnamese(&e))?;
                let inside = path
                    .canonicalize()
                    .is_ok_and(|real| real.starts_with(&root));
                if !inside {
                    return Err(format!(
                        "«{name}» trỏ ra ngoài thư mục mẫu {}: mẫu chỉ được dùng tệp trong thư mục mẫu",
                        local.display()
                    ));
                }
                return input::read_text(&path, Kind::Form)
                    .map(Some)
                    .map_err(|refused| format!("{}: {refused}", path.display()));
            }
        }
        Ok(BUILTIN
            .get_file(name)
            .and_then(|file| file.contents_utf8())
            .map(str::to_string))
    }

    /// Whether the file at `name` is the user's own.
    pub fn is_local(&self, name: &str) -> bool {
        stays_inside(name)
            && self
                .local
                .as_ref()
                .is_some_and(|local| local.join(name).is_file())
    }

    /// Where the file at `name` is, as a message names it: the user's path, or the built-in
    /// `forms/…`.
    pub fn origin(&self, name: &str) -> String {
        match &self.local {
            Some(local) if self.is_local(name) => local.join(name).display().to_string(),
            _ => format!("forms/{name}"),
        }
    }

    /// Whether forms of the user's are in use (`--forms`).
    pub fn has_local(&self) -> bool {
        self.local.is_some()
    }

    /// Every form folder, `(id, version folder)`, built-in or the user's, sorted, once each.
    pub fn form_folders(&self) -> Vec<(String, String)> {
        let mut folders: Vec<(String, String)> = Vec::new();
        for form in BUILTIN.dirs() {
            for version in form.dirs() {
                folders.push((name_of(form.path()), name_of(version.path())));
            }
        }
        if let Some(local) = &self.local {
            for form in subfolders(local) {
                for version in subfolders(&form) {
                    folders.push((name_of(&form), name_of(&version)));
                }
            }
        }
        folders.retain(|(id, _)| !id.starts_with('_'));
        folders.sort();
        folders.dedup();
        folders
    }

    /// Every built-in file below `folder` (e.g. `ca-nhan` or `_chung`), as paths below the
    /// forms' root with their text.
    pub fn builtin_files(folder: &str) -> Vec<(PathBuf, &'static str)> {
        let mut files = Vec::new();
        if let Some(dir) = BUILTIN.get_dir(folder) {
            collect(dir, &mut files);
        }
        files
    }
}

/// Whether `name` is a path below the forms' root: relative, `/`-separated, with no empty,
/// `.` or `..` part and no backslash.
fn stays_inside(name: &str) -> bool {
    !name.is_empty()
        && !name.contains(['\\', '\0', ':'])
        && name
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

fn collect(dir: &'static Dir<'static>, into: &mut Vec<(PathBuf, &'static str)>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            into.push((file.path().to_path_buf(), text));
        }
    }
    for sub in dir.dirs() {
        collect(sub, into);
    }
}

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_dir())
                .collect()
        })
        .unwrap_or_default()
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_below_the_root_are_names_of_forms() {
        for good in ["_chung/khac-phuc.md", "ca-nhan/2025/body.md", "a.md"] {
            assert!(stays_inside(good), "{good}");
        }
        for bad in [
            "/etc/passwd",
            "../x.md",
            "a/../../x.md",
            "./a.md",
            "a//b.md",
            "a\\..\\b",
            "",
            "c:/x",
        ] {
            assert!(!stays_inside(bad), "{bad}");
        }
    }

    #[test]
    fn a_link_out_of_the_folder_is_refused_and_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let forms = dir.path().join("mau");
        std::fs::create_dir_all(forms.join("_chung")).unwrap();
        std::fs::write(dir.path().join("mat.md"), "BÍ MẬT").unwrap();
        std::os::unix::fs::symlink(dir.path().join("mat.md"), forms.join("_chung/mat.md")).unwrap();
        let sources = Sources::new(Some(&forms));
        let err = sources.text("_chung/mat.md").unwrap_err();
        assert!(err.contains("ngoài thư mục mẫu"), "{err}");
        assert!(!err.contains("BÍ MẬT"));
        assert!(sources.text("../mat.md").is_err());
        assert!(sources.text("_chung/khac-phuc.md").unwrap().is_some());
    }
}

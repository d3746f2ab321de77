//! Where the files of forms come from: the forms built into the binary, and a folder of the
//! user's (`--forms DIR`) whose files, laid out as `forms/` is, take their place.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

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

    /// The text of the file at `name` below the forms' root, the user's first.
    pub fn text(&self, name: &str) -> Option<String> {
        if let Some(local) = &self.local
            && let Ok(text) = std::fs::read_to_string(local.join(name))
        {
            return Some(text);
        }
        BUILTIN
            .get_file(name)
            .and_then(|file| file.contents_utf8())
            .map(str::to_string)
    }

    /// Whether the file at `name` is the user's own.
    pub fn is_local(&self, name: &str) -> bool {
        self.local
            .as_ref()
            .is_some_and(|local| local.join(name).is_file())
    }

    /// Where the file at `name` is, as a message names it: the user's path, or the built-in
    /// `forms/…`.
    pub fn origin(&self, name: &str) -> String {
        match &self.local {
            Some(local) if local.join(name).is_file() => local.join(name).display().to_string(),
            _ => format!("forms/{name}"),
        }
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

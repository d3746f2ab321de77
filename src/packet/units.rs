//! Which unit files a run over many units reads, and the folder each unit's packet goes into.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

use super::glyphs::{Undrawable, undrawable};
use crate::dossier::{self, Dossier, LoadError};
use crate::forms::Catalogue;
use crate::render::fonts::Coverage;
use crate::rules::{self, Finding};

/// The inputs name no unit file, or two units would share a folder.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum UnitsError {
    /// A folder given holds no YAML file.
    #[error("thư mục {0} không có tệp dữ liệu nào (*.yaml, *.yml)")]
    EmptyFolder(String),
    /// A folder could not be read.
    #[error(
        "không đọc được thư mục {path}: {}",
        crate::os_error::vietnamese(source)
    )]
    Folder {
        /// The folder.
        path: String,
        /// What the operating system said (shown in Vietnamese).
        source: std::io::Error,
    },
    /// `--previous` names one previous review for several units.
    #[error(
        "--previous chỉ dùng khi in một đơn vị; với {0} đơn vị, ghi khóa ky_truoc trong tệp dữ liệu của từng đơn vị"
    )]
    PreviousOfMany(usize),
    /// Two unit files have the same name, so their packets would share a folder.
    #[error(
        "hai tệp dữ liệu cùng tên «{name}» ({first} và {second}): hồ sơ của chúng sẽ ghi vào cùng một thư mục; đổi tên một tệp"
    )]
    SameName {
        /// The shared file name, without extension.
        name: String,
        /// The first file.
        first: String,
        /// The second file.
        second: String,
    },
}

/// The unit files `inputs` name, in order: a file as given, a folder as its `*.yaml` and `*.yml`
/// files sorted by name (not its sub-folders).
pub fn unit_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, UnitsError> {
    let mut files = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let found = dossier::unit_files_in(input).map_err(|source| UnitsError::Folder {
            path: input.display().to_string(),
            source,
        })?;
        if found.is_empty() {
            return Err(UnitsError::EmptyFolder(input.display().to_string()));
        }
        files.extend(found);
    }
    Ok(files)
}

/// The folder of each unit's packet under `output`: `output` itself for a run over one unit
/// file named as such, otherwise `output/<file name without extension>`.
pub fn packet_dirs(
    inputs: &[PathBuf],
    files: &[PathBuf],
    output: &Path,
) -> Result<Vec<PathBuf>, UnitsError> {
    if let ([input], [_]) = (inputs, files)
        && !input.is_dir()
    {
        return Ok(vec![output.to_path_buf()]);
    }
    let mut seen: HashMap<String, &Path> = HashMap::new();
    files
        .iter()
        .map(|file| {
            let name = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(first) = seen.insert(name.clone(), file) {
                return Err(UnitsError::SameName {
                    name,
                    first: first.display().to_string(),
                    second: file.display().to_string(),
                });
            }
            Ok(output.join(name))
        })
        .collect()
}

/// What hoso finds in a unit before printing it.
#[derive(Debug)]
pub struct Preflight {
    /// Characters of the data no bundled font draws.
    pub undrawable: Vec<Undrawable>,
    /// The rating rules' findings.
    pub findings: Vec<Finding>,
}

/// The preflight of every unit, in parallel; the results in the order of `dossiers`.
pub fn preflight(catalogue: &Catalogue, dossiers: &[Dossier]) -> Vec<Preflight> {
    let coverage = Coverage::bundled();
    crate::parallel::map(dossiers, |dossier| Preflight {
        undrawable: undrawable(dossier, &coverage),
        findings: rules::check(dossier, catalogue),
    })
}

/// Reads every unit file with its previous review, in parallel; the results in the order of
/// `files`. `previous`, the previous review named on the command line, is for one unit only.
pub fn load_units(
    files: &[PathBuf],
    previous: Option<&Path>,
) -> Result<Vec<Result<Dossier, LoadError>>, UnitsError> {
    if previous.is_some() && files.len() > 1 {
        return Err(UnitsError::PreviousOfMany(files.len()));
    }
    Ok(crate::parallel::map(files, |file| {
        dossier::load_linked(file, previous)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_yaml_files_in_order_and_each_unit_its_own_folder() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.yaml", "a.yml", "ghi-chu.txt"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("cu.yaml")).unwrap();
        let inputs = vec![dir.path().to_path_buf()];
        let files = unit_files(&inputs).unwrap();
        assert_eq!(
            files,
            vec![dir.path().join("a.yml"), dir.path().join("b.yaml")]
        );
        let out = Path::new("ra");
        assert_eq!(
            packet_dirs(&inputs, &files, out).unwrap(),
            vec![out.join("a"), out.join("b")]
        );
        // One file named as such: its packet is the output folder itself.
        let one = vec![dir.path().join("a.yml")];
        assert_eq!(
            packet_dirs(&one, &one, out).unwrap(),
            vec![out.to_path_buf()]
        );
    }

    #[test]
    fn two_units_with_one_name_and_an_empty_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            dir.path().join("x/don-vi.yaml"),
            dir.path().join("y/don-vi.yaml"),
        ];
        let error = packet_dirs(&files, &files, Path::new("ra")).unwrap_err();
        assert!(error.to_string().contains("«don-vi»"), "{error}");
        let empty = vec![dir.path().to_path_buf()];
        assert!(matches!(
            unit_files(&empty),
            Err(UnitsError::EmptyFolder(_))
        ));
    }
}

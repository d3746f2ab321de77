//! Writing output files: readable ASCII names, and writes that never leave a partial file.

use std::io::Write;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use tempfile::NamedTempFile;
use thiserror::Error;

/// A file could not be written.
#[derive(Debug, Error, Diagnostic)]
#[error("không ghi được {path}: {reason}")]
pub struct WriteError {
    /// The file or folder.
    pub path: String,
    /// What the operating system said.
    pub reason: String,
}

/// One output file, held in memory until every file of the run is ready.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// The file name, without folder.
    pub name: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// A readable ASCII slug: "Nguyễn Văn Ân" → "nguyen-van-an", "Mẫu 02B-HD KĐ.ĐG 2023" → "mau-02b-hd-kd-dg-2023".
pub fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Writes every file into `dir` (created if missing), or none of them.
///
/// Each file is first written in full to a temporary file in `dir`; only when all are written are
/// they renamed to their names, so a failure leaves no partial file behind.
pub fn write_all(dir: &Path, files: &[OutputFile]) -> Result<Vec<PathBuf>, WriteError> {
    let failed = |path: &Path, err: std::io::Error| WriteError {
        path: path.display().to_string(),
        reason: err.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| failed(dir, e))?;
    let mut staged = Vec::with_capacity(files.len());
    for file in files {
        let target = dir.join(&file.name);
        let mut builder = tempfile::Builder::new();
        builder.prefix(".hoso-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let mut temporary = builder.tempfile_in(dir).map_err(|e| failed(&target, e))?;
        temporary
            .write_all(&file.bytes)
            .and_then(|()| temporary.as_file().sync_all())
            .map_err(|e| failed(&target, e))?;
        staged.push((temporary, target));
    }
    staged
        .into_iter()
        .map(|(temporary, target): (NamedTempFile, PathBuf)| {
            temporary
                .persist(&target)
                .map(|_| target.clone())
                .map_err(|e| failed(&target, e.error))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slug("Nguyễn Văn Ân"), "nguyen-van-an");
        assert_eq!(slug("Đặng Thị Ánh"), "dang-thi-anh");
        assert_eq!(slug("Mẫu 02B-HD KĐ.ĐG 2023"), "mau-02b-hd-kd-dg-2023");
        assert_eq!(slug("  #$*<{{ ]  "), "");
    }

    #[test]
    fn writes_every_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("moi");
        let files = vec![
            OutputFile {
                name: "a.pdf".into(),
                bytes: b"%PDF".to_vec(),
            },
            OutputFile {
                name: "b.docx".into(),
                bytes: b"PK".to_vec(),
            },
        ];
        write_all(&out, &files).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, vec!["a.pdf", "b.docx"]);
        assert_eq!(std::fs::read(out.join("b.docx")).unwrap(), b"PK");
    }
}

//! The files of a run held in memory and handed out as one zip: the same names and bytes a
//! folder would hold, entries by path, compressed and undated, so that one run gives one zip.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use super::{Sink, WriteError};

/// A zip being filled, its files held in memory until [`Zip::finish`].
#[derive(Default)]
pub struct Zip {
    /// The files added so far, by name.
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Zip {
    /// The zip of every file added, entries sorted by path, compressed, without dates.
    pub fn finish(self) -> Result<Vec<u8>, WriteError> {
        let files = self
            .files
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let mut entries: Vec<(String, Vec<u8>)> = files.into_iter().collect();
        entries.sort_by(|(a, _), (b, _)| Path::new(a).cmp(Path::new(b)));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            let failed = |err: &dyn std::fmt::Display| WriteError::new(Path::new(&name), err);
            zip.start_file(name.as_str(), options)
                .map_err(|err| failed(&err))?;
            zip.write_all(&bytes).map_err(|err| failed(&err))?;
        }
        let zip = zip
            .finish()
            .map_err(|err| WriteError::new(Path::new("zip"), err))?;
        Ok(zip.into_inner())
    }
}

impl Sink for Zip {
    /// Keeps the file in memory.
    fn add(&self, name: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        if files.contains_key(name) {
            return Err(WriteError::twice(Path::new(name)));
        }
        files.insert(name.to_string(), bytes.to_vec());
        Ok(())
    }

    fn read(&self, name: &str) -> Result<Vec<u8>, WriteError> {
        let files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        files
            .get(name)
            .cloned()
            .ok_or_else(|| WriteError::new(Path::new(name), "không có trong tệp zip"))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn entries_are_by_path_undated_and_a_name_given_twice_is_refused() {
        let zip = Zip::default();
        for name in ["tran-an-binh/b.pdf", "tran-an/a.pdf", "c.pdf"] {
            zip.add(name, name.as_bytes()).unwrap();
        }
        assert!(zip.add("c.pdf", b"").is_err());
        assert_eq!(zip.read("tran-an/a.pdf").unwrap(), b"tran-an/a.pdf");
        let bytes = zip.finish().unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names = Vec::new();
        for index in 0..archive.len() {
            let mut entry = archive.by_index(index).unwrap();
            assert_eq!(entry.last_modified(), Some(zip::DateTime::default()));
            let mut read = Vec::new();
            entry.read_to_end(&mut read).unwrap();
            assert_eq!(read, entry.name().as_bytes());
            names.push(entry.name().to_string());
        }
        // By path: a folder comes before a longer name it begins.
        assert_eq!(names, ["c.pdf", "tran-an/a.pdf", "tran-an-binh/b.pdf"]);
    }
}

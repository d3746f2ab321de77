//! A starting data file for a unit: every field, commented in Vietnamese, for the review year
//! being held; or this year's file started from last year's.

mod carry;

use std::path::{Component, Path, PathBuf};

pub use carry::next_year;

use crate::date::Date;

/// The starting file, with `{nam}` for the review year (`{nam_truoc}`, `{nam_sau}` for the years
/// before and after) and `{{`/`}}` for braces.
const STARTER: &str = include_str!("starter.yaml");

/// The name of the file `hoso init` writes.
pub const FILE_NAME: &str = "don-vi.yaml";

/// The year whose review is held on `today`: the same year from April on, the year before in
/// January to March (reviews may run into the first months of the next year).
pub fn review_year(today: Date) -> i32 {
    if chrono::Datelike::month(&today.0) <= 3 {
        today.year() - 1
    } else {
        today.year()
    }
}

/// The starting data file for the review of `year`.
pub fn starter(year: i32) -> String {
    STARTER
        .replace("{nam}", &year.to_string())
        .replace("{nam_truoc}", &(year - 1).to_string())
        .replace("{nam_sau}", &(year + 1).to_string())
        .replace("{{", "{")
        .replace("}}", "}")
}

/// Writes the starting file for the review of `year` into `dir` (created if missing); refuses
/// to replace a file already there.
pub fn write_starter(dir: &Path, year: i32) -> std::io::Result<PathBuf> {
    write_new(dir, &starter(year))
}

/// Writes the file of the review after `previous` (read from `previous_file`) into `dir`
/// (created if missing), linked to `previous_file`; refuses to replace a file already there.
pub fn write_next_year(
    dir: &Path,
    previous: &crate::dossier::Dossier,
    previous_file: &Path,
) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let link = relative(&dir.canonicalize()?, &previous_file.canonicalize()?);
    write_new(dir, &next_year(previous, &link))
}

/// Writes `text` as `dir/don-vi.yaml`, a file that must not exist yet.
fn write_new(dir: &Path, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(FILE_NAME);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    Ok(path)
}

/// The path of `file` seen from the folder `from`, both absolute, with `/` between parts so the
/// data file reads the same on every system; `file` as it is when the two share no folder but
/// the root.
fn relative(from: &Path, file: &Path) -> String {
    let from: Vec<Component<'_>> = from.components().collect();
    let to: Vec<Component<'_>> = file.components().collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if shared <= 1 {
        return file.display().to_string();
    }
    let ups = std::iter::repeat_n("..".to_string(), from.len() - shared);
    let downs = to[shared..]
        .iter()
        .map(|part| part.as_os_str().to_string_lossy().into_owned());
    ups.chain(downs).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_year_runs_into_march_of_the_next() {
        let on = |y, m, d| Date::from_ymd(y, m, d).unwrap();
        assert_eq!(review_year(on(2026, 11, 29)), 2026);
        assert_eq!(review_year(on(2027, 3, 31)), 2026);
        assert_eq!(review_year(on(2027, 4, 1)), 2027);
    }

    #[test]
    fn a_path_is_seen_from_another_folder() {
        let at = |from: &str, to: &str| relative(Path::new(from), Path::new(to));
        assert_eq!(at("/a/2026", "/a/2025/don-vi.yaml"), "../2025/don-vi.yaml");
        assert_eq!(at("/a", "/a/cu.yaml"), "cu.yaml");
        assert_eq!(at("/a/b/c", "/a/x.yaml"), "../../x.yaml");
        assert_eq!(at("/a/b", "/x/y.yaml"), "/x/y.yaml");
    }

    #[test]
    fn every_key_the_starter_writes_or_suggests_is_a_field_of_the_schema() {
        let fields = crate::dossier::schema::fields();
        // A comment may explain a choice by its values (`tot_tro_len: trên số …`).
        let values: Vec<String> = fields
            .iter()
            .flat_map(|field| field.options())
            .map(|(key, _)| key)
            .collect();
        let keys: std::collections::BTreeSet<&str> = fields
            .iter()
            .map(|field| field.key())
            .chain(values.iter().map(String::as_str))
            .chain([crate::dossier::compose::FILE_KEY])
            .collect();
        let text = starter(2026);
        let mut seen = 0;
        for line in text.lines() {
            let line = line.trim_start().trim_start_matches('#').trim_start();
            let line = line.strip_prefix("- ").unwrap_or(line);
            let Some((key, _)) = line.split_once(':') else {
                continue;
            };
            if !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                seen += 1;
                assert!(
                    keys.contains(key),
                    "the starter names «{key}», no field of the data"
                );
            }
        }
        assert!(seen > 40, "{seen}");
    }

    #[test]
    fn the_starter_reads_as_a_unit_and_breaks_no_rule() {
        let dossier = crate::dossier::parse(&starter(2026), FILE_NAME).unwrap();
        assert_eq!(dossier.year, 2026);
        let findings = crate::rules::check(&dossier, &crate::forms::Catalogue::builtin().unwrap());
        assert_eq!(crate::rules::errors(&findings), 0, "{findings:#?}");
        assert!(!starter(2026).contains("{nam"));
    }
}

//! A starting data file for a unit: every field, commented in Vietnamese, for the review year
//! being held.

use std::path::{Path, PathBuf};

use crate::date::Date;

/// The starting file, with `{nam}` for the review year and `{{`/`}}` for braces.
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
        .replace("{{", "{")
        .replace("}}", "}")
}

/// Writes the starting file for the review of `year` into `dir` (created if missing); refuses
/// to replace a file already there.
pub fn write_starter(dir: &Path, year: i32) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(FILE_NAME);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    std::io::Write::write_all(&mut file, starter(year).as_bytes())?;
    Ok(path)
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
    fn the_starter_reads_as_a_unit_and_breaks_no_rule() {
        let dossier = crate::dossier::parse(&starter(2026), FILE_NAME).unwrap();
        assert_eq!(dossier.year, 2026);
        let findings = crate::rules::check(&dossier, &crate::forms::Catalogue::builtin().unwrap());
        assert_eq!(crate::rules::errors(&findings), 0, "{findings:#?}");
        assert!(!starter(2026).contains("{nam}"));
    }
}

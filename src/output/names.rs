//! File names of a run: readable ASCII, decided over the whole unit so that a person's file has
//! the same name whichever members a run selects, and no two people share one.

use std::collections::{HashMap, HashSet};

/// The longest slug, in bytes: with a form's code and an extension a file name stays far below
/// the 255 bytes file systems allow.
const SLUG_MAX: usize = 80;

/// A readable ASCII slug: "Nguyễn Văn Ân" → "nguyen-van-an", "Mẫu 02B-HD KĐ.ĐG 2023" → "mau-02b-hd-kd-dg-2023".
/// A very long text keeps its first words, up to [`SLUG_MAX`] bytes.
pub fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::new();
    for part in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
    {
        let extra = if slug.is_empty() { 0 } else { 1 };
        if slug.len() + extra + part.len() > SLUG_MAX {
            if slug.is_empty() {
                slug.push_str(&part[..SLUG_MAX]);
            }
            break;
        }
        if extra == 1 {
            slug.push('-');
        }
        slug.push_str(part);
    }
    slug
}

/// The part of a file name that names each person, by id: the slug of the name, or the id when
/// the name gives no slug or a slug that another person of the unit would also get.
///
/// `people` is every (id, name) of the unit, ids unique. Ids are slugs themselves, so a person
/// named by id can still clash with another's name slug ("Huong 1975" and the id `huong-1975`);
/// such a clash sends both to their ids, until no two people share a name.
pub fn person_stems<'a>(people: &[(&'a str, &str)]) -> HashMap<&'a str, String> {
    let mut by_id: HashSet<&str> = people
        .iter()
        .filter(|(_, name)| slug(name).is_empty())
        .map(|(id, _)| *id)
        .collect();
    loop {
        let stems: Vec<(&str, String)> = people
            .iter()
            .map(|(id, name)| {
                let stem = if by_id.contains(id) {
                    id.to_string()
                } else {
                    slug(name)
                };
                (*id, stem)
            })
            .collect();
        let mut count: HashMap<&str, usize> = HashMap::new();
        for (_, stem) in &stems {
            *count.entry(stem.as_str()).or_default() += 1;
        }
        let clashing: Vec<&str> = stems
            .iter()
            .filter(|(id, stem)| count[stem.as_str()] > 1 && !by_id.contains(id))
            .map(|(id, _)| *id)
            .collect();
        if clashing.is_empty() {
            return stems.into_iter().collect();
        }
        by_id.extend(clashing);
    }
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
    fn a_very_long_name_keeps_its_first_words() {
        let long = slug(&"Đỗ Văn Hải ".repeat(60));
        assert!(
            long.len() <= 80 && long.starts_with("do-van-hai-do-van-hai"),
            "{long}"
        );
        assert!(!long.ends_with('-'));
        assert_eq!(slug(&"a".repeat(300)).len(), 80);
    }

    #[test]
    fn names_that_fold_alike_fall_back_to_ids() {
        let stems = person_stems(&[
            ("huong-1975", "Nguyễn Thị Hương"),
            ("huong-1988", "Nguyễn Thị Hường"),
            ("an", "Nguyễn Văn An"),
        ]);
        assert_eq!(stems["huong-1975"], "huong-1975");
        assert_eq!(stems["huong-1988"], "huong-1988");
        assert_eq!(stems["an"], "nguyen-van-an");
    }

    #[test]
    fn a_name_slug_equal_to_a_fallback_id_falls_back_too() {
        let stems = person_stems(&[
            ("huong-1975", "Nguyễn Thị Hương"),
            ("huong-1988", "Nguyễn Thị Hường"),
            ("ba", "Huong 1975"),
            ("bon", "###"),
        ]);
        assert_eq!(stems["ba"], "ba");
        assert_eq!(stems["bon"], "bon");
        let unique: HashSet<&String> = stems.values().collect();
        assert_eq!(unique.len(), 4, "{stems:?}");
    }
}

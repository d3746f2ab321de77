//! What a message lists when a name given is not one of those known: a handful of them, the
//! nearest by spelling first, and how many more there are, so that a wrong id in a unit of 300
//! members does not print all 300.

/// How many known names a message lists.
pub const SHOWN: usize = 5;

/// The names of `known` nearest to `asked` by spelling (edit distance over letters, ignoring
/// case), at most [`SHOWN`], then "và N mã khác" when there are more: "an, anh, ánh và 297 mã
/// khác".
///
/// ```
/// let ids = ["an", "binh", "chi"];
/// assert_eq!(hoso::nearest::listed("bin", &ids), "an, binh, chi");
/// let ids = ["an", "anh", "binh", "chi", "dung", "giang", "ha", "khanh"];
/// assert_eq!(
///     hoso::nearest::listed("ahn", &ids),
///     "an, anh, chi, ha, binh và 3 mã khác" // nearest first; a tie in the list's order
/// );
/// ```
pub fn listed<S: AsRef<str>>(asked: &str, known: &[S]) -> String {
    let asked: Vec<char> = asked.to_lowercase().chars().collect();
    let mut ranked: Vec<(usize, usize, &str)> = known
        .iter()
        .enumerate()
        .map(|(order, name)| {
            let name = name.as_ref();
            let name_chars: Vec<char> = name.to_lowercase().chars().collect();
            (distance(&asked, &name_chars), order, name)
        })
        .collect();
    ranked.sort_unstable();
    let mut shown: Vec<&str> = ranked.iter().take(SHOWN).map(|(_, _, n)| *n).collect();
    if ranked.len() <= SHOWN {
        // All of them fit: in the file's own order.
        shown = known.iter().map(AsRef::as_ref).collect();
    }
    let more = known.len().saturating_sub(shown.len());
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{} và {more} mã khác", shown.join(", "))
    }
}

/// The edit distance (insertions, deletions, substitutions) between two words.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_are_listed_in_order_of_the_file() {
        assert_eq!(listed("x", &["an", "binh"]), "an, binh");
    }

    #[test]
    fn many_are_cut_to_the_nearest_with_a_count() {
        let ids: Vec<String> = (0..300).map(|n| format!("dang-vien-{n:03}")).collect();
        let mut known: Vec<&str> = ids.iter().map(String::as_str).collect();
        known.push("nguyen-van-an");
        let text = listed("nguyen-van-anh", &known);
        assert!(text.starts_with("nguyen-van-an, "), "{text}");
        assert!(text.ends_with(" và 296 mã khác"), "{text}");
        assert_eq!(text.matches(", ").count(), SHOWN - 1);
    }

    #[test]
    fn the_distance_counts_letters_not_bytes() {
        assert_eq!(distance(&['ă', 'n'], &['a', 'n']), 1);
        assert_eq!(distance(&[], &['a', 'b']), 2);
        assert_eq!(distance(&['a', 'b', 'c'], &['a', 'c']), 1);
    }
}

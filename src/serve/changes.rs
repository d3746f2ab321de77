//! What a posted page changed: the values typed that differ from the version of the data the
//! page showed, with the keys of the rows they are in, and new rows numbered from the end of
//! their lists.

use serde_json::Value as Json;

use super::pages;
use crate::dossier::edit::{self, Change};

/// The changes to write for a page posted over `base`, the data of the version it showed (as
/// [`pages::data_of`] gives it; `None` when that version is no longer known, and then every
/// value is kept). `values` are the fields typed (`f.<path>`), in the order of the page: a value
/// equal to the one shown, line ends and surrounding spaces aside, is dropped. `kept` are the
/// cells written only with their row (`k.<path>`): each goes just before the first change of its
/// row, and nowhere when its row has none.
pub(super) fn what_changed(
    base: Option<&Json>,
    values: &[(String, String)],
    kept: &[(String, String)],
) -> Vec<Change> {
    let change = |(path, value): &(String, String)| Change {
        path: path.clone(),
        value: value.clone(),
    };
    let mut changes: Vec<Change> = values
        .iter()
        .filter(|(path, value)| {
            base.is_none_or(|data| {
                normalised(&pages::text_of(pages::json_at(data, path))) != normalised(value)
            })
        })
        .map(change)
        .collect();
    for cell in kept {
        let Some(row) = edit::row_of(&cell.0) else {
            continue;
        };
        if let Some(first) = changes
            .iter()
            .position(|c| edit::row_of(&c.path) == Some(row))
        {
            changes.insert(first, change(cell));
        }
    }
    if let Some(data) = base {
        edit::number_new_rows(&mut changes, |table| {
            pages::json_at(data, table)
                .and_then(Json::as_array)
                .map_or(0, Vec::len)
        });
    }
    changes
}

/// `text` as compared: Windows line ends as Unix ones, without surrounding spaces.
fn normalised(text: &str) -> String {
    text.replace("\r\n", "\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(path, value)| (path.to_string(), value.to_string()))
            .collect()
    }

    fn paths(changes: &[Change]) -> Vec<(&str, &str)> {
        changes
            .iter()
            .map(|c| (c.path.as_str(), c.value.as_str()))
            .collect()
    }

    fn base() -> Json {
        json!({
            "to_chuc": { "ten": "Chi bộ A", "dia_danh": "Hải Phòng" },
            "tap_the": { "uu_diem": "Dòng một\nDòng hai" },
            "hoi_nghi": { "dien_bien": [
                { "nguoi": "An", "noi_dung": "Khai mạc" },
                { "nguoi": "Bình", "noi_dung": "Báo cáo" },
            ] },
        })
    }

    #[test]
    fn values_as_shown_are_dropped_line_ends_and_spaces_aside() {
        let data = base();
        let values = pairs(&[
            ("to_chuc.ten", "  Chi bộ A "),
            ("tap_the.uu_diem", "Dòng một\r\nDòng hai\r\n"),
            ("to_chuc.dia_danh", "Hà Nội"),
        ]);
        let changes = what_changed(Some(&data), &values, &[]);
        assert_eq!(paths(&changes), vec![("to_chuc.dia_danh", "Hà Nội")]);
    }

    #[test]
    fn a_kept_cell_goes_before_the_first_change_of_its_row_and_only_then() {
        let data = base();
        let values = pairs(&[
            ("to_chuc.dia_danh", "Hà Nội"),
            ("hoi_nghi.dien_bien[1].noi_dung", "Tham luận"),
            ("hoi_nghi.dien_bien[1].nguoi", "Bình"),
        ]);
        let kept = pairs(&[
            ("hoi_nghi.dien_bien[1].nguoi", "Bình"),
            ("hoi_nghi.dien_bien[0].nguoi", "An"),
            ("to_chuc.ten", "không phải ô của bảng"),
        ]);
        let changes = what_changed(Some(&data), &values, &kept);
        assert_eq!(
            paths(&changes),
            vec![
                ("to_chuc.dia_danh", "Hà Nội"),
                ("hoi_nghi.dien_bien[1].nguoi", "Bình"),
                ("hoi_nghi.dien_bien[1].noi_dung", "Tham luận"),
            ]
        );
    }

    #[test]
    fn new_rows_are_numbered_from_the_end_of_their_list() {
        let data = base();
        // The page offered rows 2, 3 and 4; only 3 and 4 were filled.
        let values = pairs(&[
            ("hoi_nghi.dien_bien[4].nguoi", "Dũng"),
            ("hoi_nghi.dien_bien[3].nguoi", "Cường"),
            ("hoi_nghi.dien_bien[3].noi_dung", "Góp ý"),
        ]);
        let changes = what_changed(Some(&data), &values, &[]);
        assert_eq!(
            paths(&changes),
            vec![
                ("hoi_nghi.dien_bien[3].nguoi", "Dũng"),
                ("hoi_nghi.dien_bien[2].nguoi", "Cường"),
                ("hoi_nghi.dien_bien[2].noi_dung", "Góp ý"),
            ]
        );
    }

    #[test]
    fn without_the_version_shown_every_value_is_kept_as_posted() {
        let values = pairs(&[
            ("to_chuc.ten", "Chi bộ A"),
            ("hoi_nghi.dien_bien[7].nguoi", "Dũng"),
        ]);
        let kept = pairs(&[("hoi_nghi.dien_bien[7].noi_dung", "Bế mạc")]);
        let changes = what_changed(None, &values, &kept);
        assert_eq!(
            paths(&changes),
            vec![
                ("to_chuc.ten", "Chi bộ A"),
                ("hoi_nghi.dien_bien[7].noi_dung", "Bế mạc"),
                ("hoi_nghi.dien_bien[7].nguoi", "Dũng"),
            ]
        );
    }
}

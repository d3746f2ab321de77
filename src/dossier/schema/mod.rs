//! The one table of the data's fields: each key's path, its Vietnamese name, the kind of value
//! it holds and the forms that print it. The local page, `hoso init` and `hoso schema` read it;
//! the tests hold it to the keys serde reads, so a field added to the data without its entry
//! (or an entry left for a field that is gone) fails them.

mod json;
mod table;

pub use json::json_schema;
pub use table::fields;

use super::choice::Options;

/// What a field holds, and so how it is written, shown and typed.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A group of fields (a YAML mapping).
    Group,
    /// A list of records, each a group of the fields under `path[]`: a table on the page.
    Rows,
    /// A list of texts, one item per line on the page.
    Lines,
    /// A short text on one line.
    Line,
    /// A text of paragraphs.
    Text,
    /// A day: `2024-12-05` or `05/12/2024`.
    Date,
    /// A date of birth: a day as [`Kind::Date`], or the year alone (`1975`).
    BirthDate,
    /// A time of day: `14:00` or `14 giờ 00`.
    Clock,
    /// A year of four digits.
    Year,
    /// A whole number from 0.
    Count,
    /// A whole number of per cent, from 0 to 100.
    Percent,
    /// Points with at most one decimal: `27,5`.
    Points,
    /// Yes or no, with what each means on the page.
    Flag {
        /// The label of `false`.
        no: &'static str,
        /// The label of `true`.
        yes: &'static str,
    },
    /// One of a closed list of keys.
    Choice(Options),
    /// A level of quality, by its key or its abbreviation (`hoan_thanh_tot`, `HTTNV`).
    Level,
    /// The votes for each level, by the level's key.
    Votes,
    /// The id of one of the unit's members.
    MemberId,
    /// A file or folder, relative to the unit file.
    Path,
}

/// The labels of a flag that is plainly yes or no.
pub const YES_NO: Kind = Kind::Flag {
    no: "Không",
    yes: "Có",
};

/// One field of the data.
#[derive(Clone)]
pub struct Field {
    /// Its path: keys joined by `.`, `[]` after a list whose items it is in
    /// (`dang_vien[].tu_kiem_diem.han_che`).
    pub path: String,
    /// Its Vietnamese name, as the forms call it.
    pub label: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether the data must give it.
    pub required: bool,
    /// What an empty choice means on the page ("Theo chức vụ chính quyền"); `None` for a
    /// choice that must be made.
    pub unset: Option<&'static str>,
    /// The forms whose text prints it, by id.
    pub forms: &'static [&'static str],
    /// Whether the local page leaves it out of its table (a column it fills itself).
    pub hidden: bool,
    /// Whether `hoso init --from` carries it into next year's file.
    pub carried: bool,
}

impl Field {
    /// A field the data may leave out, printed by no form in particular.
    pub fn new(path: &str, label: &'static str, kind: Kind) -> Field {
        Field {
            path: path.to_string(),
            label,
            kind,
            required: false,
            unset: None,
            forms: &[],
            hidden: false,
            carried: false,
        }
    }

    /// The field, which the data must give.
    pub fn required(self) -> Field {
        Field {
            required: true,
            ..self
        }
    }

    /// The field, printed by `forms`.
    pub fn printed_by(self, forms: &'static [&'static str]) -> Field {
        Field { forms, ..self }
    }

    /// The field, whose empty choice reads `label`.
    pub fn unset(self, label: &'static str) -> Field {
        Field {
            unset: Some(label),
            ..self
        }
    }

    /// The field, left out of the page's table.
    pub fn hidden(self) -> Field {
        Field {
            hidden: true,
            ..self
        }
    }

    /// The field, carried into next year's file.
    pub fn carried(self) -> Field {
        Field {
            carried: true,
            ..self
        }
    }

    /// Its own key, the last part of its path.
    pub fn key(&self) -> &str {
        let path = self.path.trim_end_matches("[]");
        path.rsplit('.').next().unwrap_or(path)
    }

    /// The options of a choice, a flag or a level, each key with its label; the empty choice
    /// first when the field may be left unset.
    pub fn options(&self) -> Vec<(String, String)> {
        let listed: Vec<(String, String)> = match self.kind {
            Kind::Choice(options) => (options.listed)()
                .into_iter()
                .map(|(key, label)| (key.to_string(), label.to_string()))
                .collect(),
            Kind::Flag { no, yes } => vec![
                ("false".to_string(), no.to_string()),
                ("true".to_string(), yes.to_string()),
            ],
            Kind::Level => super::choice::options::<super::Rating>()
                .into_iter()
                .map(|(key, label)| (key.to_string(), label.to_string()))
                .collect(),
            _ => return Vec::new(),
        };
        self.unset
            .map(|label| (String::new(), label.to_string()))
            .into_iter()
            .chain(listed)
            .collect()
    }
}

/// The schema's path of a path of the data: `dang_vien[2].viec_dot_pha[0].ten` is
/// `dang_vien[].viec_dot_pha[].ten`.
pub fn generic(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// The field at `path` of the data (indices of lists in it or not, `[]` after a list of
/// texts or not); `None` for a path the data has no field at.
pub fn field(path: &str) -> Option<&'static Field> {
    let generic = generic(path);
    let find = |wanted: &str| fields().iter().find(|field| field.path == wanted);
    find(&generic).or_else(|| generic.strip_suffix("[]").and_then(find))
}

/// The fields directly under the group at `path` (`""` for the top), in the table's order; the
/// fields of a list's records are under `list[]`.
pub fn children(path: &str) -> impl Iterator<Item = &'static Field> + '_ {
    fields()
        .iter()
        .filter(move |field| parent(&field.path) == path)
}

/// The path of the group `path` is directly in.
fn parent(path: &str) -> &str {
    path.rsplit_once('.').map_or("", |(parent, _)| parent)
}

#[cfg(test)]
mod tests;

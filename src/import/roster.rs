//! A member list read from a grid: every text typed in an old encoding read in Unicode first
//! (by its cell's font where the font names one, by its bytes otherwise), then its header row
//! found under any title block, each column placed by its title, each row a member's values or
//! a reason it was skipped.

use std::collections::BTreeMap;

use super::columns::{self, Column};
use super::sheet::{Cell, Grid};
use crate::date::Date;
use crate::old_text::{self, Encoding};

/// How many rows from the top the header row is looked for in.
const HEADER_SEARCH: usize = 30;

/// A column whose title hoso placed.
#[derive(Debug, Clone)]
pub struct Placed {
    /// Its place in the row, from 0.
    pub index: usize,
    /// Its title, as the sheet writes it.
    pub title: String,
    /// What it holds.
    pub column: Column,
}

/// Why a column was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRead {
    /// hoso does not know its title.
    Unknown,
    /// Its title could name more than one field ("Chức vụ").
    Ambiguous,
    /// The data has no place for what it holds (sex, ethnicity, home town).
    NoPlace,
}

/// A column that was not read, and why.
#[derive(Debug, Clone)]
pub struct Unread {
    /// Its place in the row, from 0.
    pub index: usize,
    /// Its title.
    pub title: String,
    /// Why.
    pub why: NotRead,
}

/// One member's row.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The sheet's row, from 1.
    pub row: usize,
    /// The values for the data, by key (`ho_ten`, `ngay_sinh` as `1975-02-05` or a year alone
    /// `1975`, `so_the`…).
    pub values: BTreeMap<&'static str, String>,
    /// The day the member became full, when the list gives it.
    pub official: Option<Date>,
    /// The chi bộ the list puts the member in, when it has the column.
    pub branch: Option<String>,
    /// What the row holds that the data has no place for: the column's title and the value.
    pub not_kept: Vec<(String, String)>,
    /// What was done to the row's values, in Vietnamese: a text in an old encoding converted.
    pub notes: Vec<String>,
}

/// A row that was not read as a member, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    /// The sheet's row, from 1.
    pub row: usize,
    /// What the row starts with, to find it.
    pub start: String,
    /// Why, in Vietnamese.
    pub reason: String,
}

/// A member list as read.
#[derive(Debug, Clone)]
pub struct Roster {
    /// The sheet read.
    pub sheet: String,
    /// The header row, from 1.
    pub header_row: usize,
    /// The columns read.
    pub placed: Vec<Placed>,
    /// The columns not read.
    pub unread: Vec<Unread>,
    /// The members' rows.
    pub entries: Vec<Entry>,
    /// The rows that are not members.
    pub skipped: Vec<Skipped>,
    /// What was done to the header's titles, in Vietnamese: a title in an old encoding read in
    /// Unicode.
    pub notes: Vec<String>,
}

/// A cell's text that was typed in an old encoding.
#[derive(Debug, Clone)]
struct Typed {
    /// The text as the sheet holds it.
    text: String,
    /// Its encoding.
    encoding: Encoding,
    /// The cell's font, when the font named the encoding (otherwise the text's bytes did).
    font: Option<String>,
}

impl Typed {
    /// What the report says of the cell, `what` naming it, now reading `now`.
    fn note(&self, what: &str, now: &str) -> String {
        let how = match &self.font {
            Some(font) => format!("ở phông {font}, bảng mã {}", self.encoding.label_vi()),
            None => format!("gõ bằng bảng mã {}", self.encoding.label_vi()),
        };
        format!("{what}: «{}» {how}, đã chuyển thành «{now}»", self.text)
    }
}

/// The cells of a sheet typed in an old encoding, by (row, column) from 0.
type TypedCells = BTreeMap<(usize, usize), Typed>;

/// The cells of `grid` with each text typed in an old encoding read in Unicode: as its font
/// says where the font names one, as its bytes say otherwise; and each such cell as it was
/// typed, by (row, column) from 0.
fn in_unicode(grid: &Grid) -> (Vec<Vec<Cell>>, TypedCells) {
    let mut typed = BTreeMap::new();
    let rows = grid
        .rows
        .iter()
        .enumerate()
        .map(|(row, cells)| {
            cells
                .iter()
                .enumerate()
                .map(|(column, cell)| {
                    let Cell::Text(text) = cell else {
                        return cell.clone();
                    };
                    let font = grid.fonts.get(&(row, column));
                    let found = match font {
                        Some(font) => old_text::read_in(text, font.encoding),
                        None => old_text::detect(text),
                    };
                    let Some(found) = found else {
                        return cell.clone();
                    };
                    typed.insert(
                        (row, column),
                        Typed {
                            text: text.clone(),
                            encoding: found.encoding,
                            font: font.map(|font| font.name.clone()),
                        },
                    );
                    Cell::Text(found.text.trim().to_string())
                })
                .collect()
        })
        .collect();
    (rows, typed)
}

/// The member list in `grid`, or why it has none: no row with a "Họ và tên" column and one
/// more known column.
pub fn roster_of(grid: &Grid) -> Result<Roster, String> {
    let (rows, typed) = in_unicode(grid);
    let (header, placed, unread) = rows
        .iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .find_map(|(index, row)| header_of(row).map(|(placed, unread)| (index, placed, unread)))
        .ok_or_else(|| {
            "không thấy dòng tiêu đề: cần một dòng có cột «Họ và tên» và ít nhất một cột khác như «Ngày sinh»"
                .to_string()
        })?;
    let notes = typed
        .range((header, 0)..(header + 1, 0))
        .filter_map(|(&(_, column), cell)| {
            let now = rows[header].get(column)?.shown();
            Some(cell.note("tiêu đề cột", &now))
        })
        .collect();
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    for (index, row) in rows.iter().enumerate().skip(header + 1) {
        let number = index + 1;
        if row.iter().all(Cell::is_empty) {
            continue;
        }
        let start = row
            .iter()
            .find(|cell| !cell.is_empty())
            .map(Cell::shown)
            .unwrap_or_default();
        let skip = |reason: &str| Skipped {
            row: number,
            start: start.clone(),
            reason: reason.to_string(),
        };
        if is_numbering(row) {
            skipped.push(skip("dòng đánh số cột"));
        } else if header_of(row).is_some() {
            skipped.push(skip("dòng tiêu đề lặp lại"));
        } else {
            match entry_of(row, number, &placed, &typed) {
                Ok(entry) => entries.push(entry),
                Err(reason) => skipped.push(skip(&reason)),
            }
        }
    }
    Ok(Roster {
        sheet: grid.sheet.clone(),
        header_row: header + 1,
        placed,
        unread,
        entries,
        skipped,
        notes,
    })
}

/// The columns of `row` if it is a header: a name column and one more known one.
fn header_of(row: &[Cell]) -> Option<(Vec<Placed>, Vec<Unread>)> {
    let mut placed = Vec::new();
    let mut unread = Vec::new();
    for (index, cell) in row.iter().enumerate() {
        let Cell::Text(title) = cell else {
            continue;
        };
        match columns::column_of(title) {
            Some(column) if column != Column::NoPlace => placed.push(Placed {
                index,
                title: title.clone(),
                column,
            }),
            Some(_) => unread.push(Unread {
                index,
                title: title.clone(),
                why: NotRead::NoPlace,
            }),
            None => unread.push(Unread {
                index,
                title: title.clone(),
                why: if columns::is_ambiguous_post(title) {
                    NotRead::Ambiguous
                } else {
                    NotRead::Unknown
                },
            }),
        }
    }
    let has_name = placed.iter().any(|p| p.column == Column::Name);
    (has_name && placed.len() >= 2).then_some((placed, unread))
}

/// Whether a row numbers the columns (`1 2 3 …` or `(1) (2) …`), as many lists do under the header.
fn is_numbering(row: &[Cell]) -> bool {
    let numbers: Vec<Option<u32>> = row
        .iter()
        .filter(|cell| !cell.is_empty())
        .map(|cell| match cell {
            Cell::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= 99.0 => Some(*n as u32),
            Cell::Text(text) => text.trim_matches(['(', ')', ' ']).parse().ok(),
            _ => None,
        })
        .collect();
    numbers.len() >= 3
        && numbers
            .windows(2)
            .all(|w| matches!(w, [Some(a), Some(b)] if b == &(a + 1)))
}

/// The member in `row` (the sheet's row `number`, from 1), or why it is not one; `typed` has
/// the sheet's cells that were typed in an old encoding.
fn entry_of(
    row: &[Cell],
    number: usize,
    placed: &[Placed],
    typed: &TypedCells,
) -> Result<Entry, String> {
    let mut entry = Entry {
        row: number,
        ..Entry::default()
    };
    let empty = Cell::Empty;
    for place in placed {
        let cell = row.get(place.index).unwrap_or(&empty);
        if cell.is_empty() {
            continue;
        }
        let column = place.column;
        if column.is_date() {
            match date_of(cell)? {
                Read::Day(day) if column == Column::Official => entry.official = Some(day),
                Read::Day(day) => {
                    if let Some(key) = column.key() {
                        entry.values.insert(key, day.to_string());
                    }
                }
                // A year of birth alone is kept as it is (the data takes `ngay_sinh: 1975`).
                Read::Year(year) if column == Column::Birth => {
                    if let Some(key) = column.key() {
                        entry.values.insert(key, year.to_string());
                    }
                }
                Read::Year(year) => {
                    return Err(format!(
                        "cột «{}» chỉ ghi năm {year}: dữ liệu cần ngày đủ; ghi ngày, tháng vào bảng rồi nhập lại",
                        place.title
                    ));
                }
            }
            continue;
        }
        let text = match cell {
            Cell::Number(n) if n.fract() == 0.0 => format!("{}", *n as i64),
            other => other.shown(),
        };
        if let Some(typed) = typed.get(&(number - 1, place.index)) {
            entry
                .notes
                .push(typed.note(&format!("«{}»", place.title), &text));
        }
        match column {
            Column::Ordinal => {}
            Column::Branch => entry.branch = Some(text),
            Column::Personal | Column::NoPlace => entry.not_kept.push((place.title.clone(), text)),
            _ => {
                if let Some(key) = column.key() {
                    entry.values.insert(key, text);
                }
            }
        }
    }
    if !entry.values.contains_key("ho_ten") {
        return Err("không có họ và tên".to_string());
    }
    Ok(entry)
}

/// A date cell as read: a day, or a year alone.
#[derive(Debug)]
enum Read {
    Day(Date),
    Year(i32),
}

/// The largest serial number of a day Excel writes (31/12/9999).
const LAST_SERIAL: f64 = 2_958_465.0;

/// A date cell: formatted as a date, an Excel serial number, `dd/mm/yyyy` or `yyyy-mm-dd`, or a
/// year alone; a year of two digits is refused, never guessed.
fn date_of(cell: &Cell) -> Result<Read, String> {
    match cell {
        Cell::Date(day) => Ok(Read::Day(*day)),
        Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2100.0).contains(n) => {
            Ok(Read::Year(*n as i32))
        }
        Cell::Number(n) if *n >= 1.0 && *n <= LAST_SERIAL => {
            let epoch = Date::from_ymd(1899, 12, 30).ok_or("lịch")?;
            let days = n.floor() as i64;
            epoch
                .plus_days(days)
                .map(Read::Day)
                .ok_or_else(|| format!("«{n}» không phải ngày"))
        }
        Cell::Text(text) => {
            if let Some(day) = Date::parse(text) {
                return Ok(Read::Day(day));
            }
            let digits = text.trim();
            if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
                return Ok(Read::Year(digits.parse().unwrap_or_default()));
            }
            let parts: Vec<&str> = digits.split(['/', '-', '.']).collect();
            if parts.len() == 3
                && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
                && parts[2].len() == 2
            {
                return Err(format!(
                    "ngày «{digits}» ghi năm hai chữ số: ghi đủ bốn chữ số, ví dụ 05/02/1975"
                ));
            }
            Err(format!(
                "«{digits}» không phải ngày: viết 05/02/1975 hoặc 1975-02-05"
            ))
        }
        other => Err(format!("«{}» không phải ngày", other.shown())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }

    fn grid(rows: Vec<Vec<Cell>>) -> Grid {
        Grid {
            sheet: "DS".into(),
            rows,
            encoding: None,
            fonts: BTreeMap::new(),
        }
    }

    #[test]
    fn the_header_is_found_under_a_title_block_and_columns_placed_by_title() {
        let roster = roster_of(&grid(vec![
            vec![text("ĐẢNG BỘ SỞ XÂY DỰNG")],
            vec![text("DANH SÁCH ĐẢNG VIÊN")],
            vec![],
            vec![
                text("STT"),
                text("Ngày kết nạp"),
                text("HỌ TÊN"),
                text("Ngày sinh"),
                text("Giới tính, dân tộc, tôn giáo"),
                text("Chức vụ"),
                text("Điểm thi đua"),
                text("Số thẻ ĐV"),
            ],
            vec![
                Cell::Number(1.0),
                Cell::Number(2.0),
                Cell::Number(3.0),
                Cell::Number(4.0),
            ],
            vec![
                Cell::Number(1.0),
                Cell::Number(36_304.0),
                text("Nguyễn Văn An"),
                text("05/02/1975"),
                text("Nam, Kinh, Không"),
                text("Trưởng phòng"),
                text("9"),
                text("012345"),
            ],
            vec![Cell::Number(2.0), text(""), text(""), text("1980-01-01")],
        ]))
        .unwrap();
        assert_eq!(roster.header_row, 4);
        let an = &roster.entries[0];
        assert_eq!(an.row, 6);
        assert_eq!(an.values["ho_ten"], "Nguyễn Văn An");
        assert_eq!(an.values["ngay_sinh"], "1975-02-05");
        assert_eq!(an.values["ngay_vao_dang"], "1999-05-24");
        assert_eq!(an.values["so_the"], "012345");
        assert_eq!(
            an.not_kept,
            vec![(
                "Giới tính, dân tộc, tôn giáo".to_string(),
                "Nam, Kinh, Không".to_string()
            )]
        );
        let why: Vec<(String, NotRead)> = roster
            .unread
            .iter()
            .map(|u| (u.title.clone(), u.why))
            .collect();
        assert_eq!(
            why,
            vec![
                ("Chức vụ".to_string(), NotRead::Ambiguous),
                ("Điểm thi đua".to_string(), NotRead::Unknown)
            ]
        );
        let reasons: Vec<&str> = roster.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(reasons, vec!["dòng đánh số cột", "không có họ và tên"]);
    }

    #[test]
    fn a_name_typed_in_tcvn3_is_converted_and_said_so() {
        let roster = roster_of(&grid(vec![
            vec![text("Họ và tên"), text("Ngày sinh")],
            vec![text("NguyÔn V¨n An"), text("05/02/1975")],
        ]))
        .unwrap();
        let an = &roster.entries[0];
        assert_eq!(an.values["ho_ten"], "Nguyễn Văn An");
        assert!(an.notes[0].contains("TCVN3"), "{:?}", an.notes);
    }

    #[test]
    fn a_year_of_birth_alone_is_kept_and_a_year_of_admission_alone_refused() {
        let roster = roster_of(&grid(vec![
            vec![text("Họ và tên"), text("Năm sinh"), text("Ngày kết nạp")],
            vec![text("Nguyễn Văn An"), Cell::Number(1975.0), text("")],
            vec![text("Trần Thị Bình"), text("1980"), text("")],
            vec![text("Lê Văn Cường"), text("05/02/1990"), text("2015")],
        ]))
        .unwrap();
        let births: Vec<&str> = roster
            .entries
            .iter()
            .map(|entry| entry.values["ngay_sinh"].as_str())
            .collect();
        assert_eq!(births, vec!["1975", "1980"]);
        assert_eq!(roster.skipped[0].row, 4);
        assert!(
            roster.skipped[0]
                .reason
                .contains("«Ngày kết nạp» chỉ ghi năm 2015"),
            "{}",
            roster.skipped[0].reason
        );
    }

    #[test]
    fn a_cell_in_a_font_of_an_old_encoding_is_read_as_its_font_says() {
        let font = |name: &str| super::super::fonts::CellFont {
            name: name.to_string(),
            encoding: old_text::encoding_of_font(name).unwrap(),
        };
        let mut sheet = grid(vec![
            vec![text("Hä vµ tªn"), text("Ngµy sinh")],
            vec![text("NguyÔn V¨n An"), text("05/02/1975")],
            vec![text("TrÇn thÞ b×nh"), text("01/03/1980")],
            vec![text("Vò Anh"), text("01/03/1981")],
            vec![text("Hoaøng Anh"), text("01/03/1982")],
        ]);
        sheet.fonts.insert((0, 0), font(".VnTimeH"));
        sheet.fonts.insert((0, 1), font(".VnTimeH"));
        sheet.fonts.insert((2, 0), font(".VnTimeH"));
        // "Vò" is a word as it stands, "Vũ" in TCVN3: the bytes alone do not tell, the font does.
        sheet.fonts.insert((3, 0), font(".VnArial"));
        sheet.fonts.insert((4, 0), font("VNI-Times"));
        let roster = roster_of(&sheet).unwrap();
        assert_eq!(roster.header_row, 1);
        let names: Vec<&str> = roster
            .entries
            .iter()
            .map(|entry| entry.values["ho_ten"].as_str())
            .collect();
        assert_eq!(
            names,
            vec!["Nguyễn Văn An", "TRẦN THỊ BÌNH", "Vũ Anh", "Hoàng Anh"]
        );
        assert!(roster.entries[3].notes[0].contains("ở phông VNI-Times, bảng mã VNI"));
        assert_eq!(old_text::detect("Vò Anh"), None);
        assert!(
            roster.entries[1].notes[0]
                .contains("ở phông .VnTimeH, bảng mã TCVN3 (ABC), phông chữ hoa"),
            "{:?}",
            roster.entries[1].notes
        );
        assert!(
            roster.entries[0].notes[0].contains("gõ bằng bảng mã TCVN3 (ABC), đã chuyển"),
            "{:?}",
            roster.entries[0].notes
        );
        assert_eq!(
            roster.notes[0],
            "tiêu đề cột: «Hä vµ tªn» ở phông .VnTimeH, bảng mã TCVN3 (ABC), phông chữ hoa (.VnTimeH), đã chuyển thành «HỌ VÀ TÊN»"
        );
    }

    #[test]
    fn two_digit_years_are_refused_and_a_year_alone_is_named() {
        assert!(date_of(&text("5/2/75")).unwrap_err().contains("hai chữ số"));
        assert!(matches!(date_of(&text("1975")), Ok(Read::Year(1975))));
        assert!(matches!(
            date_of(&Cell::Number(1975.0)),
            Ok(Read::Year(1975))
        ));
        let Ok(Read::Day(day)) = date_of(&Cell::Number(27_430.0)) else {
            panic!()
        };
        assert_eq!(day.to_string(), "1975-02-05");
    }
}

//! The roll-up's counts as one table, for clerks who keep their tables in a spreadsheet: CSV
//! (UTF-8 with a byte-order mark, so spreadsheet programs read the diacritics) and XLSX.

use super::{Levels, Rollup};
use crate::dossier::Rating;
use crate::tally::share_vi;

/// One cell: a count, or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// A whole number.
    Count(usize),
    /// Text.
    Text(String),
}

/// The roll-up as rows under a header: one row per unit, then the total.
#[derive(Debug, Clone)]
pub struct Table {
    /// The column headers.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table of `rollup`.
    pub fn of(rollup: &Rollup) -> Table {
        let mut header = vec![
            "STT".to_string(),
            "Đơn vị".to_string(),
            "Số đảng viên".to_string(),
            "Được xếp loại".to_string(),
        ];
        for rating in Rating::ALL {
            header.push(rating.label_vi().to_string());
            header.push(format!("Tỷ lệ {}", rating.label_vi().to_lowercase()));
        }
        header.push("Chưa xếp loại".to_string());
        header.push("Tổ chức đảng (cấp trên xếp loại)".to_string());
        header.push("Tập thể lãnh đạo (hội nghị biểu quyết)".to_string());
        let mut rows: Vec<Vec<Cell>> = rollup
            .units
            .iter()
            .enumerate()
            .map(|(index, unit)| {
                let mut row = vec![
                    Cell::Count(index + 1),
                    Cell::Text(unit.unit.clone()),
                    Cell::Count(unit.members),
                ];
                row.extend(level_cells(&unit.levels));
                row.push(Cell::Count(unit.not_rated.len()));
                for level in [unit.organisation, unit.collective] {
                    row.push(Cell::Text(
                        level.map(|r| r.label_vi().to_string()).unwrap_or_default(),
                    ));
                }
                row
            })
            .collect();
        let mut total = vec![
            Cell::Text(String::new()),
            Cell::Text("Tổng cộng".to_string()),
            Cell::Count(rollup.member_count),
        ];
        total.extend(level_cells(&rollup.members));
        total.push(Cell::Count(
            rollup.units.iter().map(|u| u.not_rated.len()).sum(),
        ));
        total.push(Cell::Text(String::new()));
        total.push(Cell::Text(String::new()));
        rows.push(total);
        Table { header, rows }
    }
}

/// The members rated, then each level's count and share of those rated.
fn level_cells(levels: &Levels) -> Vec<Cell> {
    let rated = levels.rated();
    let mut cells = vec![Cell::Count(rated)];
    for rating in Rating::ALL {
        let count = levels.at(rating);
        cells.push(Cell::Count(count));
        cells.push(Cell::Text(share_vi(
            u32::try_from(count).unwrap_or(u32::MAX),
            u32::try_from(rated).unwrap_or(u32::MAX),
        )));
    }
    cells
}

/// `table` as CSV: UTF-8 with a byte-order mark, comma-separated, CRLF line ends, text quoted
/// when it holds a comma, a quote or a line break.
pub fn to_csv(table: &Table) -> String {
    let quote = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_string()
        }
    };
    let mut out = String::from("\u{feff}");
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(table.header.iter().map(|h| quote(h)).collect());
    for row in &table.rows {
        line(
            row.iter()
                .map(|cell| match cell {
                    Cell::Count(n) => n.to_string(),
                    Cell::Text(text) => quote(text),
                })
                .collect(),
        );
    }
    out
}

/// The bytes of `table` as an XLSX workbook of one sheet, "Tổng hợp": counts as numbers, the
/// header bold and frozen.
pub fn to_xlsx(table: &Table) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Tổng hợp")?;
    for (column, header) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, column_index(column), header, &bold)?;
    }
    for (index, row) in table.rows.iter().enumerate() {
        let at = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (column, cell) in row.iter().enumerate() {
            match cell {
                Cell::Count(n) => {
                    sheet.write_number(at, column_index(column), *n as f64)?;
                }
                Cell::Text(text) => {
                    sheet.write_string(at, column_index(column), text)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(1, 36)?;
    workbook.save_to_buffer()
}

fn column_index(column: usize) -> u16 {
    u16::try_from(column).unwrap_or(u16::MAX)
}

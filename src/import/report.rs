//! The reports of imports as a reader sees them, line by line: the command line prints them,
//! the local page shows them before anything is saved.

use super::FileReport;
use super::merge::{MatchedBy, Outcome};
use super::reviews::{FieldDone, ReviewReport};

/// The report of an import of reviews for a reader, line by line: each file, its member, each
/// field and what became of it, what could not be placed; the totals last.
pub fn review_lines(reviews: &[ReviewReport]) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut filled, mut kept, mut unplaced) = (0, 0, 0);
    for review in reviews {
        lines.push(format!(
            "{}: {} ({}, {}), đọc theo {}:",
            review.file, review.name, review.member, review.found_by, review.form
        ));
        for field in &review.fields {
            let what = match field.outcome {
                FieldDone::Filled => {
                    filled += 1;
                    format!("ghi «{}»", short(&field.value))
                }
                FieldDone::Same => "như tệp".to_string(),
                FieldDone::Kept => {
                    kept += 1;
                    format!(
                        "khác tệp: tệp «{}», bản kiểm điểm «{}» (giữ như tệp; thêm --ghi-de để ghi theo bản kiểm điểm)",
                        short(field.in_file.as_deref().unwrap_or_default()),
                        short(&field.value)
                    )
                }
                FieldDone::Overwritten => {
                    filled += 1;
                    format!(
                        "ghi đè «{}» bằng «{}»",
                        short(field.in_file.as_deref().unwrap_or_default()),
                        short(&field.value)
                    )
                }
            };
            lines.push(format!("  {}: {what}", field.path));
        }
        for paragraph in &review.unplaced {
            unplaced += 1;
            lines.push(format!(
                "  đoạn không thuộc phần nào của mẫu, không ghi: «{paragraph}»"
            ));
        }
        for note in &review.notes {
            lines.push(format!("  {note}"));
        }
    }
    lines.push(format!(
        "Tổng: {} bản kiểm điểm, {filled} phần ghi vào, {kept} phần khác tệp giữ nguyên, {unplaced} đoạn không đặt được",
        reviews.len()
    ));
    lines
}

/// A value as a report line quotes it: its first words.
fn short(value: &str) -> String {
    super::review::start_of(value)
}

/// The report of an import of lists for a reader, line by line: each list's columns, then each
/// row and what became of it; the totals last.
pub fn roster_lines(files: &[FileReport]) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut added, mut matched, mut differing, mut skipped) = (0, 0, 0, 0);
    for file in files {
        lines.push(format!(
            "{}, trang «{}», dòng tiêu đề {}:",
            file.file, file.sheet, file.header_row
        ));
        let read: Vec<String> = file
            .columns
            .iter()
            .filter_map(|c| c.key.map(|key| format!("«{}» → {key}", c.title)))
            .collect();
        if !read.is_empty() {
            lines.push(format!("  cột đọc: {}", read.join(", ")));
        }
        for column in file.columns.iter().filter(|c| c.key.is_none()) {
            if let Some(why) = column.not_read {
                lines.push(format!("  cột «{}» không đọc: {why}", column.title));
            }
        }
        lines.extend(file.notes.iter().map(|note| format!("  {note}")));
        let mut rows: Vec<(usize, String)> = Vec::new();
        for row in &file.rows {
            let what = match &row.outcome {
                Outcome::Added { id, .. } => {
                    added += 1;
                    format!("thêm mới ({id})")
                }
                Outcome::Matched {
                    id,
                    by,
                    filled,
                    differing: differences,
                } => {
                    matched += 1;
                    let by = match by {
                        MatchedBy::Card => "theo số thẻ",
                        MatchedBy::NameAndBirth => "theo họ tên và ngày sinh",
                        MatchedBy::NameAndBirthYear => "theo họ tên và năm sinh",
                    };
                    let mut what = format!("đã có ({id}, {by})");
                    if !filled.is_empty() {
                        what.push_str(&format!("; ghi thêm: {}", filled.join(", ")));
                    }
                    for difference in differences {
                        differing += 1;
                        let kept = if difference.written {
                            "đã ghi theo bảng"
                        } else {
                            "giữ như tệp; thêm --ghi-de để ghi theo bảng"
                        };
                        what.push_str(&format!(
                            "; {} khác: tệp «{}», bảng «{}» ({kept})",
                            difference.key, difference.in_file, difference.in_list
                        ));
                    }
                    what
                }
                Outcome::Skipped { reason } => {
                    skipped += 1;
                    format!("bỏ qua: {reason}")
                }
            };
            let mut told = format!("  dòng {} {}: {what}", row.row, row.name);
            for (title, value) in &row.not_kept {
                told.push_str(&format!(
                    "\n    «{title}»: «{value}» không ghi (dữ liệu hoso không có trường này)"
                ));
            }
            for note in &row.notes {
                told.push_str(&format!("\n    {note}"));
            }
            for warning in &row.warnings {
                told.push_str(&format!("\n    cảnh báo: {warning}"));
            }
            rows.push((row.row, told));
        }
        for row in &file.skipped_rows {
            skipped += 1;
            rows.push((
                row.row,
                format!("  dòng {} «{}»: bỏ qua: {}", row.row, row.start, row.reason),
            ));
        }
        rows.sort_by_key(|(row, _)| *row);
        lines.extend(rows.into_iter().map(|(_, told)| told));
    }
    lines.push(format!(
        "Tổng: {added} thêm mới, {matched} đã có, {differing} giá trị khác, {skipped} dòng bỏ qua"
    ));
    lines
}

//! The packet's index (danh mục): the documents of the review in the order the sources list
//! them, those hoso does not make marked to attach by hand.

use serde::Serialize;

use crate::document::{Block, Column};
use crate::dossier::Dossier;
use crate::regime::Regime;

/// One document of a packet, as its index lists it.
#[derive(Debug, Clone, Serialize)]
pub struct IndexRow {
    /// The id of the form the document was filled from ("tap-the", "ca-nhan", …).
    pub form: String,
    /// The id of the member whose document it is; none for the unit's own.
    pub member: Option<String>,
    /// What the document is, e.g. "Biên bản hội nghị kiểm điểm … (Mẫu …)".
    pub title: String,
    /// Whose it is: the unit or the member's name.
    pub whose: String,
    /// Its number of pages.
    pub pages: usize,
}

/// The note of a document hoso does not make: the clerk attaches it on paper.
const BY_HAND: &str = "Kèm theo bản giấy (hoso không lập)";

/// The documents the 2023 packet holds that hoso does not make (Công văn 789-CV/TU of Thành ủy
/// Chí Linh, 2023).
const BY_HAND_2023: [&str; 3] = [
    "Phiếu bổ sung hồ sơ đảng viên (bổ sung lý lịch)",
    "Bản nhận xét của cấp ủy nơi cư trú",
    "Bản kê khai tài sản, thu nhập (người thuộc diện phải kê khai)",
];

/// A row of the index as printed: its number, the document, whose, its pages and a note.
struct Line {
    number: String,
    title: String,
    whose: String,
    pages: String,
    note: String,
}

impl Line {
    /// A document hoso wrote; a member away from the meeting whose review is still blank hands
    /// it in later.
    fn written(number: String, row: &IndexRow, dossier: &Dossier) -> Line {
        let away = row
            .member
            .as_deref()
            .and_then(|id| dossier.member(id))
            .filter(|member| dossier.is_absent(member) && member.self_review.is_blank());
        let note = match away {
            Some(_) if row.form.starts_with("ca-nhan") => {
                "Nộp sau: vắng mặt tại hội nghị, chưa viết bản kiểm điểm".to_string()
            }
            _ => String::new(),
        };
        Line {
            number,
            title: row.title.clone(),
            whose: row.whose.clone(),
            pages: row.pages.to_string(),
            note,
        }
    }

    /// A document or a group hoso lists without having written it.
    fn listed(number: String, title: &str, note: &str) -> Line {
        Line {
            number,
            title: title.to_string(),
            whose: String::new(),
            pages: String::new(),
            note: note.to_string(),
        }
    }
}

/// The index of a packet of `dossier` whose documents, in the order of the packet, are `rows`.
///
/// 2025 (Mẫu 04-HD KĐ.ĐG 2025 of Hướng dẫn 43-HD/BTCTW): 1. the collective's report; 2. the
/// minutes; 3. the văn bản gợi ý kiểm điểm, if any, attached by hand; 4. the results of the
/// rating with the scoring of each subject (the tally, then each member's self-review with its
/// points and annex); then hoso's other documents (the registrations). 2023 (Công văn
/// 789-CV/TU): the report, the minutes and the tally, each member's documents, then the
/// documents the clerk attaches by hand.
pub fn index_table(dossier: &Dossier, rows: &[IndexRow]) -> Block {
    let of_form = |ids: &'static [&'static str]| {
        rows.iter()
            .filter(move |row| ids.contains(&row.form.as_str()))
    };
    let mut lines = Vec::new();
    let mut next = 1;
    let mut number = || {
        let n = next;
        next += 1;
        n.to_string()
    };
    if dossier.regime() == Regime::R2025 {
        for row in of_form(&["tap-the", "bien-ban"]) {
            lines.push(Line::written(number(), row, dossier));
        }
        lines.push(Line::listed(
            number(),
            "Văn bản gợi ý kiểm điểm (nếu có)",
            "Kèm theo bản giấy, nếu có (hoso không lập)",
        ));
        let group = number();
        lines.push(Line::listed(
            group.clone(),
            "Kết quả đánh giá, xếp loại chất lượng (kèm theo phụ lục chấm điểm của từng đối tượng)",
            "",
        ));
        let results = of_form(&[
            "tong-hop",
            "ca-nhan",
            "ca-nhan-lanh-dao",
            "ca-nhan-ngoai-htct",
        ]);
        for (index, row) in results.enumerate() {
            lines.push(Line::written(
                format!("{group}.{}", index + 1),
                row,
                dossier,
            ));
        }
        for row in of_form(&["neu-guong", "dot-pha"]) {
            lines.push(Line::written(number(), row, dossier));
        }
    } else {
        for row in rows {
            lines.push(Line::written(number(), row, dossier));
        }
        for title in BY_HAND_2023 {
            lines.push(Line::listed(number(), title, BY_HAND));
        }
    }
    Block::Table {
        title: Vec::new(),
        columns: [
            ("STT", 3),
            ("Tên văn bản", 14),
            ("Của", 7),
            ("Số trang", 3),
            ("Ghi chú", 6),
        ]
        .map(|(header, share)| Column {
            header: header.to_string(),
            share,
        })
        .to_vec(),
        rows: lines
            .into_iter()
            .map(|line| vec![line.number, line.title, line.whose, line.pages, line.note])
            .collect(),
    }
}

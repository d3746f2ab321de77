//! Text typed in an old Vietnamese encoding (TCVN3, VNI) and pasted into the data as it is:
//! printed, it shows the old font's letters ("Hä vµ tªn") and nobody reads it.

use serde_json::Value;

use crate::old_text;

use super::{ALL_REGIMES, Report, Review, Rule};

/// No field is in an old encoding.
pub const RULE: Rule = Rule {
    id: "ma-cu",
    summary: "không trường nào gõ bằng bảng mã cũ (TCVN3/ABC, VNI): chữ gõ bằng phông .VnTime hay VNI-Times dán vào tệp in ra thành ký tự lạ (cảnh báo kèm chữ đọc được; hoso chuyen-ma chuyển cả tệp sang Unicode)",
    regimes: ALL_REGIMES,
    source: |_| "Quyết định 72/2002/QĐ-TTg (dùng bộ mã chữ Việt theo TCVN 6909:2001, Unicode, trong trao đổi văn bản điện tử của các tổ chức của Đảng và Nhà nước)",
    check,
};

/// The longest text a message quotes, in characters.
const QUOTED: usize = 60;

fn check(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    let Ok(value) = serde_json::to_value(dossier) else {
        return;
    };
    let mut found = Vec::new();
    walk(&value, String::new(), &mut found);
    // In the order of the file, not of the keys.
    let place = |path: &str| {
        dossier
            .source
            .positions
            .find(path)
            .map(|p| (p.line, p.column))
    };
    found.sort_by_key(|(path, ..)| place(path));
    for (path, written, detected) in found {
        let file = dossier
            .source
            .positions
            .find(&path)
            .and_then(|position| dossier.source.locate(position).0)
            .unwrap_or_else(|| dossier.source.name.clone());
        report.warning(
            path,
            format!(
                "«{}» có vẻ gõ bằng bảng mã {}: đọc là «{}»; chạy hoso chuyen-ma {file} để chuyển sang Unicode",
                quoted(&written),
                detected.encoding.label_vi(),
                quoted(&detected.text),
            ),
        );
    }
}

/// Every string of `value` found in an old encoding, with its field path (`to_chuc.ten`,
/// `dang_vien[2].ho_ten`).
fn walk(value: &Value, path: String, found: &mut Vec<(String, String, old_text::Detected)>) {
    match value {
        Value::String(text) => {
            if let Some(detected) = old_text::detect(text) {
                found.push((path, text.clone(), detected));
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{index}]"), found);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let inner = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(item, inner, found);
            }
        }
        _ => {}
    }
}

/// `text` on one line, cut to [`QUOTED`] characters.
fn quoted(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= QUOTED {
        line
    } else {
        let cut: String = line.chars().take(QUOTED).collect();
        format!("{cut}…")
    }
}

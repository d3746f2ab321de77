//! Characters of the data that no bundled font can draw: found before anything is rendered, so
//! that the user hears of every gap the PDF would show.

use crate::dossier::{Dossier, Position};
use crate::render::fonts::Coverage;

/// A character of the data the PDF cannot draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undrawable {
    /// The field path, e.g. `dang_vien[2].tu_kiem_diem.pham_chat`.
    pub field: String,
    /// Where the field's value stands in the data file.
    pub position: Option<Position>,
    /// The character.
    pub character: char,
}

impl Undrawable {
    /// The warning, in Vietnamese: "tệp:dòng:cột: trường …: ký tự U+1F44D «👍» …".
    pub fn message(&self, file: &str) -> String {
        let place = self
            .position
            .map(|p| format!("{file}:{}:{}: ", p.line, p.column))
            .unwrap_or_else(|| format!("{file}: "));
        format!(
            "{place}trường {}: ký tự U+{:04X} «{}» không có trong phông chữ của hoso; bản PDF sẽ để trống chỗ này (bản DOCX giữ nguyên ký tự)",
            self.field,
            u32::from(self.character),
            self.character
        )
    }
}

/// Every character of `dossier`'s texts that no bundled font draws, once per field.
pub fn undrawable(dossier: &Dossier, coverage: &Coverage) -> Vec<Undrawable> {
    let mut found = Vec::new();
    let Ok(value) = serde_json::to_value(dossier) else {
        return found;
    };
    walk(&value, String::new(), &mut |field, text| {
        let mut seen = Vec::new();
        for c in text.chars().filter(|c| !coverage.draws(*c)) {
            if !seen.contains(&c) {
                seen.push(c);
                found.push(Undrawable {
                    field: field.to_string(),
                    position: dossier.source.positions.find(field),
                    character: c,
                });
            }
        }
    });
    found
}

/// Calls `visit` with the path and text of every string in `value`.
fn walk(value: &serde_json::Value, path: String, visit: &mut dyn FnMut(&str, &str)) {
    match value {
        serde_json::Value::String(text) => visit(&path, text),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{index}]"), visit);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(item, path, visit);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::parse;

    #[test]
    fn each_undrawable_character_is_named_once_with_its_field_and_line() {
        let text = "nam: 2026
to_chuc: {cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng}
hoi_nghi: {ngay: 2026-12-05}
dang_vien:
  - id: an
    ho_ten: Nguyễn Văn An
    ngay_sinh: 1972-03-12
    tu_kiem_diem:
      pham_chat: \"Tốt 👍👍, ① → ✓, 中文\"
";
        let dossier = parse(text, "don-vi.yaml").unwrap();
        let found = undrawable(&dossier, &Coverage::bundled());
        let characters: Vec<char> = found.iter().map(|u| u.character).collect();
        assert_eq!(characters, vec!['👍', '中', '文']);
        assert_eq!(found[0].field, "dang_vien[0].tu_kiem_diem.pham_chat");
        assert_eq!(found[0].position.map(|p| p.line), Some(9));
        assert!(found[0].message("don-vi.yaml").contains(
            "don-vi.yaml:9:18: trường dang_vien[0].tu_kiem_diem.pham_chat: ký tự U+1F44D «👍»"
        ));
    }
}

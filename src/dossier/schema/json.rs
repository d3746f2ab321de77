//! The unit file's JSON Schema, made from the table: an editor (VS Code with the YAML
//! extension) completes the keys, shows their Vietnamese names and marks a misspelt key, a
//! wrong date or a level that does not exist.

use serde_json::{Map, Value, json};

use super::{Field, Kind, children};
use crate::date::{BirthDate, Date, YEARS};
use crate::dossier::compose::FILE_KEY;
use crate::dossier::{Rating, choice};

/// The JSON Schema (draft 7) of a unit file.
pub fn json_schema() -> Value {
    let mut schema = group("");
    schema["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    schema["title"] = json!("Tệp dữ liệu kiểm điểm, đánh giá, xếp loại chất lượng của một đơn vị");
    schema["description"] = json!(
        "Dữ liệu một kỳ kiểm điểm của một chi bộ (đảng bộ) cho hoso: tổ chức, hội nghị, tập thể và từng đảng viên."
    );
    schema
}

/// The schema of the group at `path`: its fields, those the data must give, and no other key.
fn group(path: &str) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in children(path) {
        properties.insert(field.key().to_string(), value(field));
        if field.required {
            required.push(json!(field.key()));
        }
    }
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// The schema of one field's value, with its name and description.
fn value(field: &Field) -> Value {
    let text = json!({ "type": ["string", "number"] });
    let mut schema = match field.kind {
        Kind::Group => group(&field.path),
        Kind::Rows => {
            let mut record = group(&format!("{}[]", field.path));
            if field.path == "dang_vien" {
                member_or_file(&mut record);
            }
            json!({ "type": "array", "items": record })
        }
        Kind::Lines => json!({ "type": "array", "items": text }),
        Kind::Line | Kind::Text | Kind::Path => text,
        Kind::MemberId => json!({ "type": "string" }),
        Kind::Date => json!({ "type": "string", "pattern": Date::PATTERN }),
        Kind::BirthDate => json!({
            "type": ["string", "integer"],
            "pattern": BirthDate::PATTERN,
            "minimum": YEARS.start(),
            "maximum": YEARS.end(),
        }),
        Kind::Clock => json!({ "type": ["string", "integer"] }),
        Kind::Year => json!({ "type": "integer", "minimum": 1900, "maximum": 2200 }),
        Kind::Count => json!({ "type": "integer", "minimum": 0 }),
        Kind::Percent => json!({ "type": "integer", "minimum": 0, "maximum": 100 }),
        Kind::Points => json!({ "type": ["number", "string"], "minimum": 0 }),
        Kind::Flag { .. } => json!({ "type": "boolean" }),
        Kind::Choice(options) => one_of_keys((options.accepted)()),
        Kind::Level => one_of_keys(choice::keys::<Rating>()),
        Kind::Votes => {
            let count = json!({ "type": "integer", "minimum": 0 });
            let properties: Map<String, Value> = choice::keys::<Rating>()
                .into_iter()
                .map(|key| (key.to_string(), count.clone()))
                .collect();
            json!({ "type": "object", "properties": properties, "additionalProperties": false })
        }
    };
    schema["title"] = json!(field.label);
    schema["description"] = json!(description(field));
    schema
}

/// A member's record that may instead name the member's own file (`- tep: members/an.yaml`):
/// either the file or the member's required keys.
fn member_or_file(record: &mut Value) {
    let required = record["required"].take();
    record["properties"][FILE_KEY] = json!({
        "type": "string",
        "title": "Tệp của đảng viên",
        "description": "Tệp YAML của một đảng viên, tính từ thư mục của tệp đơn vị (ví dụ members/nguyen-van-an.yaml); thay cho các khóa của đảng viên.",
    });
    record["anyOf"] = json!([{ "required": [FILE_KEY] }, { "required": required }]);
    if let Some(record) = record.as_object_mut() {
        record.remove("required");
    }
}

/// A value that is one of `keys`; a key of digits is taken as a number too (`che_do: 2025`).
fn one_of_keys(keys: Vec<&'static str>) -> Value {
    let numbers = keys
        .iter()
        .filter_map(|key| key.parse::<i64>().ok())
        .map(|number| json!(number));
    let keys: Vec<Value> = keys.iter().map(|key| json!(key)).chain(numbers).collect();
    json!({ "enum": keys })
}

/// What the editor shows of a field: its name, the values it takes, the forms that print it.
fn description(field: &Field) -> String {
    let mut lines = vec![field.label.to_string()];
    let options = field.options();
    if !options.is_empty() {
        let listed: Vec<String> = options
            .iter()
            .filter(|(key, _)| !key.is_empty())
            .map(|(key, label)| format!("{key}: {label}"))
            .collect();
        lines.push(format!("Giá trị: {}.", listed.join("; ")));
    }
    let how = match field.kind {
        Kind::Date => Some("Viết 2024-12-05 hoặc 05/12/2024, năm đủ bốn chữ số."),
        Kind::BirthDate => Some(
            "Viết 2024-12-05 hoặc 05/12/2024, năm đủ bốn chữ số; chỉ biết năm sinh thì ghi năm, ví dụ 1975.",
        ),
        Kind::Clock => Some("Viết 14:00 hoặc 14 giờ 00."),
        Kind::Points => Some("Số không âm, nhiều nhất một chữ số thập phân, ví dụ 27,5."),
        Kind::Text => Some("Đoạn văn dài: viết sau «|» và thụt lề."),
        Kind::Lines => Some("Danh sách: mỗi mục một dòng bắt đầu bằng «- »."),
        Kind::MemberId => Some("Mã (id) của một đảng viên trong danh sách dang_vien."),
        _ => None,
    };
    lines.extend(how.map(str::to_string));
    if !field.forms.is_empty() {
        lines.push(format!("In ở mẫu: {}.", field.forms.join(", ")));
    }
    lines.join("\n")
}

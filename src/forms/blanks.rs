//! Which values of the data a form prints, and which of them are blank: the form is rendered once
//! with data that notes every field the template reads.

use std::sync::{Arc, Mutex};

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr, ValueKind};

/// A field a form reads: its path in the template's names (`dv.tu_kiem_diem.pham_chat`) and
/// whether it is blank there, so that it prints as lines or boxes to fill by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRead {
    /// The path, from the template's top-level name.
    pub path: String,
    /// Whether the value is absent or empty.
    pub blank: bool,
}

/// The fields read while rendering, in the order first read.
#[derive(Debug, Default, Clone)]
pub struct Reads(Arc<Mutex<Vec<FieldRead>>>);

impl Reads {
    /// `value`, named `path` in the template, noting each field read through it.
    pub fn traced(&self, value: Value, path: &str) -> Value {
        if value.kind() == ValueKind::Map {
            Value::from_object(Traced {
                inner: value,
                path: path.to_string(),
                reads: self.clone(),
            })
        } else {
            value
        }
    }

    /// Every field read, once each.
    pub fn into_fields(self) -> Vec<FieldRead> {
        let reads = self.0.lock().map(|r| r.clone()).unwrap_or_default();
        let mut fields: Vec<FieldRead> = Vec::new();
        for read in reads {
            if !fields.iter().any(|f| f.path == read.path) {
                fields.push(read);
            }
        }
        fields
    }

    fn note(&self, path: String, blank: bool) {
        if let Ok(mut reads) = self.0.lock() {
            reads.push(FieldRead { path, blank });
        }
    }
}

/// A map of the data that notes the fields read from it.
#[derive(Debug)]
struct Traced {
    inner: Value,
    path: String,
    reads: Reads,
}

impl Object for Traced {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let name = key.as_str()?;
        let value = self.inner.get_attr(name).ok()?;
        let path = format!("{}.{name}", self.path);
        if value.kind() == ValueKind::Map {
            return Some(self.reads.traced(value, &path));
        }
        let blank = value.is_none()
            || value.is_undefined()
            || value.as_str().is_some_and(|text| text.trim().is_empty());
        self.reads.note(path, blank);
        Some(value)
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        match self.inner.try_iter() {
            Ok(keys) => Enumerator::Values(keys.collect()),
            Err(_) => Enumerator::Empty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::Environment;

    #[test]
    fn fields_read_are_noted_with_whether_they_are_blank() {
        let reads = Reads::default();
        let data = serde_json::json!({"tkd": {"a": "chữ", "b": null, "c": " "}, "d": {"e": 1}});
        let tkd = reads.traced(Value::from(minijinja::value::Serde(&data["tkd"])), "dv.tkd");
        let env = Environment::new();
        let out = env
            .render_str(
                "{{ t.a }}|{{ t.b }}|{{ t.c }}|{{ t.a }}|{{ t.missing }}",
                minijinja::context! { t => tkd },
            )
            .unwrap();
        assert_eq!(out, "chữ|None| |chữ|");
        let fields = reads.into_fields();
        let noted: Vec<(&str, bool)> = fields.iter().map(|f| (f.path.as_str(), f.blank)).collect();
        assert_eq!(
            noted,
            vec![
                ("dv.tkd.a", false),
                ("dv.tkd.b", true),
                ("dv.tkd.c", true),
                ("dv.tkd.missing", true),
            ]
        );
    }
}

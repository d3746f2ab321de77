//! Small read-only look-ups in a lopdf document.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// How deep a chain of `/Parent` links or nested objects is followed.
pub(super) const MAX_DEPTH: usize = 64;

/// `object`, or the object it refers to when it is a reference (`Null` when missing).
pub(super) fn deref<'d>(doc: &'d Document, object: &'d Object) -> &'d Object {
    match doc.dereference(object) {
        Ok((_, found)) => found,
        Err(_) if matches!(object, Object::Reference(_)) => &Object::Null,
        Err(_) => object,
    }
}

/// The dictionary `object` is or refers to (a stream's dictionary included).
pub(super) fn dict<'d>(doc: &'d Document, object: &'d Object) -> Option<&'d Dictionary> {
    match deref(doc, object) {
        Object::Dictionary(dict) => Some(dict),
        Object::Stream(stream) => Some(&stream.dict),
        _ => None,
    }
}

/// The value of `key` in `dict`, dereferenced.
pub(super) fn get<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    dict.get(key).ok().map(|value| deref(doc, value))
}

/// The name `key` holds in `dict`, if it holds a name.
pub(super) fn name<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d [u8]> {
    get(doc, dict, key).and_then(|value| value.as_name().ok())
}

/// The number `object` is (integer or real).
pub(super) fn number(doc: &Document, object: &Object) -> Option<f64> {
    match deref(doc, object) {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// A rectangle `[x0 y0 x1 y1]`, normalised so that x0 ≤ x1 and y0 ≤ y1.
pub(super) fn rect(doc: &Document, object: &Object) -> Option<[f64; 4]> {
    let items = deref(doc, object).as_array().ok()?;
    if items.len() != 4 {
        return None;
    }
    let mut v = [0.0; 4];
    for (slot, item) in v.iter_mut().zip(items) {
        *slot = number(doc, item)?;
    }
    Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ])
}

/// The value of the inheritable page attribute `key` for the page tree node `node`: its own
/// or its nearest ancestor's, dereferenced.
pub(super) fn inherited<'d>(doc: &'d Document, node: ObjectId, key: &[u8]) -> Option<&'d Object> {
    let mut current = doc.get_dictionary(node).ok()?;
    for _ in 0..MAX_DEPTH {
        if let Some(value) = get(doc, current, key) {
            return Some(value);
        }
        let parent = current.get(b"Parent").ok()?.as_reference().ok()?;
        current = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// The pages of `doc` in order.
pub(super) fn pages(doc: &Document) -> Vec<ObjectId> {
    doc.get_pages().into_values().collect()
}

/// The content streams of a page, as the references its `/Contents` holds, in order.
pub(super) fn content_refs(doc: &Document, page: &Dictionary) -> Vec<Object> {
    let Ok(contents) = page.get(b"Contents") else {
        return Vec::new();
    };
    match contents {
        Object::Reference(_) => match deref(doc, contents) {
            Object::Array(items) => items.clone(),
            Object::Stream(_) => vec![contents.clone()],
            _ => Vec::new(),
        },
        Object::Array(items) => items.clone(),
        _ => Vec::new(),
    }
}

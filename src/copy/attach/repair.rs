//! Small fixes that bring the original closer to PDF/A-2b without touching its pages' content
//! streams: a JavaScript open action dropped, image interpolation turned off, annotations made
//! printable. What cannot be fixed is reported.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::conform::Reasons;
use super::lookup::{self, MAX_DEPTH};

/// Annotation types PDF/A-2 forbids (or that this module cannot keep conforming).
const FORBIDDEN_ANNOTATIONS: [&[u8]; 6] = [
    b"3D",
    b"Sound",
    b"Screen",
    b"Movie",
    b"RichMedia",
    b"FileAttachment",
];

/// Annotation flags.
const INVISIBLE: i64 = 1;
const HIDDEN: i64 = 2;
const PRINT: i64 = 4;
const NO_VIEW: i64 = 32;
const TOGGLE_NO_VIEW: i64 = 256;

/// Makes every fix and reports annotations that cannot be kept.
pub(super) fn repair(doc: &mut Document, reasons: &mut Reasons) {
    drop_javascript_open_action(doc);
    fix_xobjects(doc);
    fix_annotations(doc, reasons);
}

/// Whether the action `object` or any action chained after it by `/Next` is JavaScript.
fn runs_javascript(doc: &Document, object: &Object, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match lookup::deref(doc, object) {
        Object::Dictionary(action) => {
            lookup::name(doc, action, b"S") == Some(b"JavaScript".as_slice())
                || action
                    .get(b"Next")
                    .is_ok_and(|next| runs_javascript(doc, next, depth + 1))
        }
        Object::Array(actions) => actions.iter().any(|a| runs_javascript(doc, a, depth + 1)),
        _ => false,
    }
}

fn drop_javascript_open_action(doc: &mut Document) {
    let javascript = doc
        .catalog()
        .ok()
        .and_then(|catalog| catalog.get(b"OpenAction").ok())
        .is_some_and(|action| runs_javascript(doc, action, 0));
    if javascript && let Ok(catalog) = doc.catalog_mut() {
        catalog.remove(b"OpenAction");
    }
}

/// Image and form XObjects: interpolation off, no alternates, no OPI.
fn fix_xobjects(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if !matches!(subtype, Some(b"Image" | b"Form")) {
            continue;
        }
        if matches!(stream.dict.get(b"Interpolate"), Ok(Object::Boolean(true))) {
            stream.dict.set("Interpolate", false);
        }
        stream.dict.remove(b"Alternates");
        stream.dict.remove(b"OPI");
    }
}

/// Where an annotation dictionary lives, so it can be changed in place.
enum Spot {
    Object(ObjectId),
    InPage { page: ObjectId, index: usize },
    InArray { array: ObjectId, index: usize },
}

fn annotation_spots(doc: &Document) -> Vec<(usize, Spot)> {
    let mut spots = Vec::new();
    for (n, page) in lookup::pages(doc).into_iter().enumerate() {
        let Ok(annots) = doc.get_dictionary(page).and_then(|p| p.get(b"Annots")) else {
            continue;
        };
        let (items, array) = match annots {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(Object::Array(items)) => (items, Some(*id)),
                _ => continue,
            },
            Object::Array(items) => (items, None),
            _ => continue,
        };
        for (index, item) in items.iter().enumerate() {
            let spot = match (item, array) {
                (Object::Reference(id), _) => Spot::Object(*id),
                (_, Some(array)) => Spot::InArray { array, index },
                (_, None) => Spot::InPage { page, index },
            };
            spots.push((n + 1, spot));
        }
    }
    spots
}

fn annotation_mut<'d>(doc: &'d mut Document, spot: &Spot) -> Option<&'d mut Dictionary> {
    let object = match *spot {
        Spot::Object(id) => doc.get_object_mut(id).ok()?,
        Spot::InArray { array, index } => doc
            .get_object_mut(array)
            .ok()?
            .as_array_mut()
            .ok()?
            .get_mut(index)?,
        Spot::InPage { page, index } => doc
            .get_dictionary_mut(page)
            .ok()?
            .get_mut(b"Annots")
            .ok()?
            .as_array_mut()
            .ok()?
            .get_mut(index)?,
    };
    object.as_dict_mut().ok()
}

/// Sets the Print flag where missing, clears flags that only matter on screen, drops
/// appearance states other than the normal one, and reports what cannot be fixed.
fn fix_annotations(doc: &mut Document, reasons: &mut Reasons) {
    for (page_number, spot) in annotation_spots(doc) {
        let Some(annot) = annotation_mut(doc, &spot) else {
            continue;
        };
        let subtype = annot
            .get(b"Subtype")
            .and_then(Object::as_name)
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default();
        if FORBIDDEN_ANNOTATIONS.contains(&subtype.as_bytes()) {
            reasons.push(format!(
                "trang {page_number}: chú thích loại «{subtype}» không được phép trong PDF/A-2"
            ));
            continue;
        }
        if subtype == "Popup" {
            continue;
        }
        let flags = annot.get(b"F").and_then(Object::as_i64).unwrap_or(0);
        if flags & (HIDDEN | NO_VIEW) != 0 {
            reasons.push(format!(
                "trang {page_number}: chú thích «{subtype}» bị ẩn (cờ Hidden hoặc NoView)"
            ));
            continue;
        }
        let fixed = (flags | PRINT) & !(INVISIBLE | TOGGLE_NO_VIEW);
        if fixed != flags || !annot.has(b"F") {
            annot.set("F", fixed);
        }
        if let Ok(Object::Dictionary(appearance)) = annot.get_mut(b"AP") {
            appearance.remove(b"D");
            appearance.remove(b"R");
        }
        let has_area = annot
            .get(b"Rect")
            .ok()
            .and_then(|r| r.as_array().ok())
            .filter(|r| r.len() == 4)
            .map(|r| {
                r.iter()
                    .map(|v| v.as_float().unwrap_or(0.0))
                    .collect::<Vec<_>>()
            })
            .is_some_and(|r| (r[2] - r[0]).abs() > 0.0 && (r[3] - r[1]).abs() > 0.0);
        if has_area && subtype != "Link" && !annot.has(b"AP") {
            reasons.push(format!(
                "trang {page_number}: chú thích «{subtype}» không có hình thể hiện (/AP)"
            ));
        }
    }
    // Appearance dictionaries held as separate objects.
    let shared: Vec<ObjectId> = annotation_spots(doc)
        .iter()
        .filter_map(|(_, spot)| match spot {
            Spot::Object(id) => doc
                .get_dictionary(*id)
                .ok()?
                .get(b"AP")
                .ok()?
                .as_reference()
                .ok(),
            _ => None,
        })
        .collect();
    for id in shared {
        if let Ok(appearance) = doc.get_dictionary_mut(id) {
            appearance.remove(b"D");
            appearance.remove(b"R");
        }
    }
}

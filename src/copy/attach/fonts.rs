//! Whether every font the pages use has its program embedded, as PDF/A-2 requires.

use std::collections::BTreeSet;

use lopdf::{Document, Object};

use super::conform::Reasons;
use super::lookup;

/// Every font used by a page (through its resources, form XObjects, patterns, Type3 glyphs
/// and annotation appearances) must have its program embedded.
pub(super) fn check(doc: &Document, reasons: &mut Reasons) {
    let mut seen = BTreeSet::new();
    let mut queue: Vec<&Object> = Vec::new();
    for page in lookup::pages(doc) {
        if let Some(resources) = lookup::inherited(doc, page, b"Resources") {
            queue.push(resources);
        }
        let Ok(page_dict) = doc.get_dictionary(page) else {
            continue;
        };
        let annots = lookup::get(doc, page_dict, b"Annots").and_then(|a| a.as_array().ok());
        for annot in annots.into_iter().flatten() {
            let appearance = lookup::dict(doc, annot).and_then(|a| lookup::get(doc, a, b"AP"));
            let Some(Object::Dictionary(appearance)) = appearance else {
                continue;
            };
            for (_, state) in appearance.iter() {
                match lookup::deref(doc, state) {
                    Object::Stream(s) => queue.extend(s.dict.get(b"Resources").ok()),
                    Object::Dictionary(states) => {
                        for (_, s) in states.iter() {
                            if let Some(d) = lookup::dict(doc, s) {
                                queue.extend(d.get(b"Resources").ok());
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let mut steps = 0usize;
    while let Some(resources) = queue.pop() {
        steps += 1;
        if steps > 100_000 {
            break;
        }
        if let Object::Reference(id) = resources
            && !seen.insert(*id)
        {
            continue;
        }
        let Some(resources) = lookup::dict(doc, resources) else {
            continue;
        };
        for category in [b"XObject".as_slice(), b"Pattern"] {
            let Some(items) = lookup::get(doc, resources, category).and_then(|x| x.as_dict().ok())
            else {
                continue;
            };
            for (_, item) in items.iter() {
                if let Some(d) = lookup::dict(doc, item) {
                    queue.extend(d.get(b"Resources").ok());
                }
            }
        }
        let Some(fonts) = lookup::get(doc, resources, b"Font").and_then(|f| f.as_dict().ok())
        else {
            continue;
        };
        for (_, font) in fonts.iter() {
            let Some(font) = lookup::dict(doc, font) else {
                continue;
            };
            let subtype = lookup::name(doc, font, b"Subtype");
            if subtype == Some(b"Type3".as_slice()) {
                queue.extend(font.get(b"Resources").ok());
                continue;
            }
            let described = if subtype == Some(b"Type0".as_slice()) {
                lookup::get(doc, font, b"DescendantFonts")
                    .and_then(|d| d.as_array().ok())
                    .and_then(|d| d.first())
                    .and_then(|d| lookup::dict(doc, d))
            } else {
                Some(font)
            };
            let embedded = described
                .and_then(|d| lookup::get(doc, d, b"FontDescriptor"))
                .and_then(|d| d.as_dict().ok())
                .is_some_and(|d| {
                    [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                        .iter()
                        .any(|k| d.has(k))
                });
            if !embedded {
                let name = lookup::name(doc, font, b"BaseFont").map_or_else(
                    || "không tên".to_owned(),
                    |n| String::from_utf8_lossy(n).into_owned(),
                );
                reasons.push(format!("phông chữ «{name}» không được nhúng"));
            }
        }
    }
}

//! Whether the original can become PDF/A-2b without touching its pages' content streams: the
//! checks, run after the fixes of `repair`, collecting every reason in Vietnamese.

use std::collections::BTreeSet;

use hayro_interpret::hayro_syntax::content::TypedIter;
use hayro_interpret::hayro_syntax::content::ops::TypedInstruction;
use hayro_interpret::hayro_syntax::object::Name;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::lookup;
use super::{fonts, repair};

/// Actions PDF/A-2 forbids.
const FORBIDDEN_ACTIONS: [&[u8]; 11] = [
    b"JavaScript",
    b"Launch",
    b"ImportData",
    b"ResetForm",
    b"Sound",
    b"Movie",
    b"Hide",
    b"SetOCGState",
    b"Rendition",
    b"Trans",
    b"GoTo3DView",
];
/// Named actions PDF/A-2 allows.
const ALLOWED_NAMED: [&[u8]; 4] = [b"NextPage", b"PrevPage", b"FirstPage", b"LastPage"];

/// Reasons in the order found, each once.
#[derive(Default)]
pub(super) struct Reasons(Vec<String>);

impl Reasons {
    /// Adds `reason` unless it is already there.
    pub(super) fn push(&mut self, reason: String) {
        if !self.0.contains(&reason) {
            self.0.push(reason);
        }
    }
}

/// Makes the small fixes PDF/A-2b needs outside the pages' content streams and checks what
/// cannot be fixed; all such reasons are returned, in Vietnamese.
pub(super) fn prepare(doc: &mut Document) -> Result<(), Vec<String>> {
    let mut reasons = Reasons::default();
    if doc.trailer.has(b"Encrypt") {
        reasons.push("tệp được mã hóa".to_owned());
    }
    repair::repair(doc, &mut reasons);
    check_catalog(doc, &mut reasons);
    check_reachable(doc, &mut reasons);
    fonts::check(doc, &mut reasons);
    if reasons.0.is_empty() {
        Ok(())
    } else {
        Err(reasons.0)
    }
}

fn check_catalog(doc: &Document, reasons: &mut Reasons) {
    let Ok(catalog) = doc.catalog() else {
        return;
    };
    if let Some(names) = lookup::get(doc, catalog, b"Names").and_then(|n| n.as_dict().ok()) {
        if names.has(b"JavaScript") {
            reasons.push("có mã JavaScript (/Names /JavaScript)".to_owned());
        }
        if names.has(b"EmbeddedFiles") {
            reasons.push("có tệp đính kèm (/EmbeddedFiles)".to_owned());
        }
    }
    if let Some(form) = lookup::get(doc, catalog, b"AcroForm").and_then(|f| f.as_dict().ok())
        && matches!(
            lookup::get(doc, form, b"NeedAppearances"),
            Some(Object::Boolean(true))
        )
    {
        reasons.push("biểu mẫu yêu cầu dựng lại hình thể hiện (/NeedAppearances true)".to_owned());
    }
}

/// Checks every dictionary reachable from the catalog.
fn check_reachable(doc: &Document, reasons: &mut Reasons) {
    let Ok(root) = doc.trailer.get(b"Root") else {
        return;
    };
    let mut seen = BTreeSet::new();
    let mut stack: Vec<(&Object, Option<ObjectId>)> = vec![(root, None)];
    let mut content: Vec<ObjectId> = Vec::new();
    let mut default_cmyk = false;
    let mut device_cmyk = false;
    while let Some((object, id)) = stack.pop() {
        match object {
            Object::Reference(target) => {
                if seen.insert(*target)
                    && let Ok(found) = doc.get_object(*target)
                {
                    stack.push((found, Some(*target)));
                }
            }
            Object::Array(items) => stack.extend(items.iter().map(|item| (item, None))),
            Object::Dictionary(dict) => {
                check_dict(doc, dict, reasons, &mut default_cmyk, &mut device_cmyk);
                if lookup::name(doc, dict, b"Type") == Some(b"Page".as_slice()) {
                    content.extend(
                        lookup::content_refs(doc, dict)
                            .iter()
                            .filter_map(|r| r.as_reference().ok()),
                    );
                }
                stack.extend(dict.iter().map(|(_, value)| (value, None)));
            }
            Object::Stream(stream) => {
                let dict = &stream.dict;
                check_dict(doc, dict, reasons, &mut default_cmyk, &mut device_cmyk);
                if let Some(id) = id
                    && (lookup::name(doc, dict, b"Subtype") == Some(b"Form".as_slice())
                        || dict.has(b"PatternType"))
                {
                    content.push(id);
                }
                stack.extend(dict.iter().map(|(_, value)| (value, None)));
            }
            _ => {}
        }
    }
    if !default_cmyk
        && (device_cmyk
            || content.iter().any(|id| {
                doc.get_object(*id)
                    .and_then(Object::as_stream)
                    .is_ok_and(content_uses_cmyk)
            }))
    {
        reasons.push(
            "dùng màu CMYK của thiết bị (DeviceCMYK) trong khi ý định đầu ra là sRGB".to_owned(),
        );
    }
}

fn check_dict(
    doc: &Document,
    dict: &Dictionary,
    reasons: &mut Reasons,
    default_cmyk: &mut bool,
    device_cmyk: &mut bool,
) {
    if let Some(action) = lookup::name(doc, dict, b"S") {
        if FORBIDDEN_ACTIONS.contains(&action) {
            reasons.push(format!(
                "có hành động «{}» không được phép trong PDF/A-2",
                String::from_utf8_lossy(action)
            ));
        }
        if action == b"Named"
            && let Some(named) = lookup::name(doc, dict, b"N")
            && !ALLOWED_NAMED.contains(&named)
        {
            reasons.push(format!(
                "có hành động đặt tên «{}» không được phép trong PDF/A-2",
                String::from_utf8_lossy(named)
            ));
        }
    }
    if dict.has(b"AA") {
        reasons.push("có hành động bổ sung (/AA)".to_owned());
    }
    if dict.has(b"EF") {
        reasons.push("có tệp đính kèm (/EF)".to_owned());
    }
    if let Some(filter) = lookup::get(doc, dict, b"Filter") {
        let lzw = match filter {
            Object::Name(n) => n == b"LZWDecode",
            Object::Array(items) => items.iter().any(|i| i.as_name().ok() == Some(b"LZWDecode")),
            _ => false,
        };
        if lzw {
            reasons.push("dùng bộ lọc nén LZW".to_owned());
        }
    }
    let subtype = lookup::name(doc, dict, b"Subtype");
    if subtype == Some(b"PS".as_slice()) || lookup::name(doc, dict, b"Subtype2") == Some(b"PS") {
        reasons.push("có XObject PostScript".to_owned());
    }
    if subtype == Some(b"Form".as_slice()) && dict.has(b"Ref") {
        reasons.push("có XObject tham chiếu tệp ngoài (/Ref)".to_owned());
    }
    let soft_mask = dict.has(b"G") && dict.has(b"S");
    if !soft_mask && dict.has(b"TR") {
        reasons.push("trạng thái đồ họa có hàm truyền (/TR)".to_owned());
    }
    if let Some(tr2) = lookup::get(doc, dict, b"TR2")
        && tr2.as_name().ok() != Some(b"Default")
    {
        reasons.push("trạng thái đồ họa có hàm truyền (/TR2)".to_owned());
    }
    if let Some(spaces) = lookup::get(doc, dict, b"ColorSpace") {
        match spaces {
            Object::Dictionary(named) => {
                *default_cmyk |= named.has(b"DefaultCMYK");
                *device_cmyk |= named.iter().any(|(_, cs)| is_device_cmyk(doc, cs, 0));
            }
            space => *device_cmyk |= is_device_cmyk(doc, space, 0),
        }
    }
    if let Some(space) = lookup::get(doc, dict, b"CS") {
        *device_cmyk |= is_device_cmyk(doc, space, 0);
    }
}

/// Whether the colour space `space` paints with DeviceCMYK (directly or as the base or
/// alternate of an Indexed, Separation, DeviceN or Pattern space).
fn is_device_cmyk(doc: &Document, space: &Object, depth: usize) -> bool {
    if depth > 4 {
        return false;
    }
    match lookup::deref(doc, space) {
        Object::Name(name) => name == b"DeviceCMYK" || name == b"CMYK",
        Object::Array(items) => {
            let family = items.first().and_then(|f| f.as_name().ok());
            let inner = match family {
                Some(b"Indexed" | b"Pattern") => items.get(1),
                Some(b"Separation" | b"DeviceN") => items.get(2),
                _ => None,
            };
            inner.is_some_and(|inner| is_device_cmyk(doc, inner, depth + 1))
        }
        _ => false,
    }
}

/// Whether a content stream sets a DeviceCMYK colour (`k`, `K`, `/DeviceCMYK cs` or an
/// inline CMYK image). Streams that cannot be decoded are not judged.
fn content_uses_cmyk(stream: &lopdf::Stream) -> bool {
    let Ok(bytes) = stream.get_plain_content() else {
        return false;
    };
    let cmyk = |name: &[u8]| name == b"DeviceCMYK" || name == b"CMYK";
    let mut ops = TypedIter::new(&bytes);
    while let Some(op) = ops.next() {
        let found = match op {
            TypedInstruction::StrokeColorCmyk(_) | TypedInstruction::NonStrokeColorCmyk(_) => true,
            TypedInstruction::ColorSpaceStroke(n) => cmyk(n.0.as_ref()),
            TypedInstruction::ColorSpaceNonStroke(n) => cmyk(n.0.as_ref()),
            TypedInstruction::InlineImage(image) => {
                let dict = image.0.dict();
                [b"CS".as_slice(), b"ColorSpace"]
                    .iter()
                    .filter_map(|key| dict.get::<Name<'_>>(key))
                    .any(|name| cmyk(name.as_ref()))
            }
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

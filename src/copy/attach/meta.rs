//! The PDF/A-2b identity of the output: XMP metadata, the document information dictionary
//! kept consistent with it, the catalog's language and the output intents.

use chrono::Datelike;
use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

use super::AttachError;
use super::graft::Graft;
use super::lookup;
use crate::render::pdf::{PRODUCER, Properties};

/// Document information entries that would need a mirror in XMP; they are dropped.
const UNMIRRORED: [&[u8]; 3] = [b"Subject", b"Keywords", b"Trapped"];

/// Writes the XMP metadata, the document information dictionary, `/Lang` and
/// `/OutputIntents` (copied from the block PDF) and sets the header to PDF 1.7.
pub(super) fn apply(
    doc: &mut Document,
    graft: &mut Graft,
    block: &Document,
    pdf_a: &Properties<'_>,
) -> Result<(), AttachError> {
    let intents = block
        .catalog()
        .ok()
        .and_then(|catalog| lookup::get(block, catalog, b"OutputIntents"))
        .and_then(|intents| intents.as_array().ok())
        .filter(|intents| !intents.is_empty())
        .cloned()
        .ok_or_else(|| AttachError::Block("PDF của khối sao thiếu /OutputIntents".to_owned()))?;
    let intents = graft.copy(block, doc, &Object::Array(intents));

    let xmp = pdf_a.xmp();
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    let metadata = doc.add_object(Stream::new(dict, xmp.into_bytes()).with_compression(false));

    write_info(doc, pdf_a);

    let catalog = doc
        .catalog_mut()
        .map_err(|e| AttachError::NotPdf(format!("không tìm thấy danh mục gốc (/Root): {e}")))?;
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set("Lang", text_string(pdf_a.language));
    catalog.set("OutputIntents", intents);
    let later = catalog
        .get(b"Version")
        .and_then(Object::as_name)
        .is_ok_and(|v| super::version(&String::from_utf8_lossy(v)) > (1, 7));
    if later {
        catalog.remove(b"Version");
    }
    doc.version = "1.7".to_owned();
    Ok(())
}

/// The date as a PDF date string: "D:20261228".
fn pdf_date(properties: &Properties<'_>) -> String {
    let date = properties.date.0;
    format!("D:{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Sets the document information entries that XMP mirrors, keeping the original's others.
fn write_info(doc: &mut Document, pdf_a: &Properties<'_>) {
    let existing = doc.trailer.get(b"Info").ok().cloned();
    let mut info = existing
        .as_ref()
        .and_then(|i| lookup::dict(doc, i))
        .cloned()
        .unwrap_or_default();
    for key in UNMIRRORED {
        info.remove(key);
    }
    for (key, value) in [
        (b"Title".as_slice(), pdf_a.title),
        (b"Author", pdf_a.author),
    ] {
        if value.is_empty() {
            info.remove(key);
        } else {
            info.set(key.to_vec(), text_string(value));
        }
    }
    info.set("Creator", text_string(PRODUCER));
    info.set("Producer", text_string(PRODUCER));
    let date = Object::String(pdf_date(pdf_a).into_bytes(), StringFormat::Literal);
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    match existing {
        Some(Object::Reference(id)) if doc.get_dictionary(id).is_ok() => {
            doc.objects.insert(id, Object::Dictionary(info));
        }
        _ => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(id));
        }
    }
}

/// A PDF text string: literal when plain printable ASCII, UTF-16BE with a byte order mark
/// otherwise.
pub(super) fn text_string(text: &str) -> Object {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

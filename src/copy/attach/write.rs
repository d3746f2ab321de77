//! Writing the output: a classic cross-reference table, a trailer with only what it needs,
//! and a file identifier derived from the output itself, so that the same inputs always give
//! the same bytes.

use lopdf::xref::XrefType;
use lopdf::{Dictionary, Document, Object, StringFormat};

use super::AttachError;

/// The comment after the header that marks the file as binary (four bytes above 127).
const BINARY_MARK: [u8; 4] = [0xE2, 0xE3, 0xCF, 0xD3];

/// Serialises `doc` deterministically.
pub(super) fn finish(doc: &mut Document) -> Result<Vec<u8>, AttachError> {
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            stream.dict.set("Length", stream.content.len() as i64);
        }
    }
    let mut trailer = Dictionary::new();
    for key in [b"Root".as_slice(), b"Info"] {
        if let Ok(value) = doc.trailer.get(key) {
            trailer.set(key.to_vec(), value.clone());
        }
    }
    doc.trailer = trailer;
    doc.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
    if doc.binary_mark.len() < 4 || doc.binary_mark.iter().any(|&b| b < 128) {
        doc.binary_mark = BINARY_MARK.to_vec();
    }

    set_id(doc, [0; 16]);
    let draft = save(doc)?;
    set_id(doc, fingerprint(&draft));
    save(doc)
}

fn save(doc: &mut Document) -> Result<Vec<u8>, AttachError> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| AttachError::Block(format!("không ghi được PDF đầu ra: {e}")))?;
    Ok(bytes)
}

fn set_id(doc: &mut Document, id: [u8; 16]) {
    let id = Object::String(id.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
}

/// A 128-bit fingerprint of `bytes`: two FNV-1a hashes with different offset bases.
pub(super) fn fingerprint(bytes: &[u8]) -> [u8; 16] {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x6c62_272e_07bb_0142;
    for &byte in bytes {
        a = (a ^ u64::from(byte)).wrapping_mul(PRIME);
        b = (b ^ u64::from(byte.rotate_left(3))).wrapping_mul(PRIME);
    }
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&a.to_be_bytes());
    out[8..].copy_from_slice(&b.to_be_bytes());
    out
}

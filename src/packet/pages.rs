//! Copying a PDF's pages into another PDF under fresh object numbers: each page with everything
//! it uses (resources, fonts, content streams), every object as its file holds it. Streams keep
//! their bytes and filters, so nothing is inflated or compressed again.
//!
//! The structure tree of a tagged document stays behind (its keys on pages and the objects it
//! reaches are left out), as do the keys that tie an object to parts of its old file (metadata,
//! optional content, associated files).

use std::collections::HashMap;
use std::ops::Deref;

use hayro_interpret::hayro_syntax::Pdf as Source;
use hayro_interpret::hayro_syntax::object::{Dict, MaybeRef, ObjRef, Object};
use hayro_interpret::hayro_syntax::page::Rotation;
use hayro_interpret::hayro_syntax::xref::XRef;
use pdf_writer::{Chunk, Name, Rect, Ref, Str};

/// How many page-tree nodes above a page are searched for an inherited key.
const MAX_DEPTH: usize = 32;

/// Keys that tie an object to its old file, not copied.
const LEFT_OUT: [&[u8]; 10] = [
    b"Metadata",
    b"StructParent",
    b"StructParents",
    b"OC",
    b"AF",
    b"PTData",
    b"Ref",
    b"LastModified",
    b"PieceInfo",
    b"OPI",
];

/// Keys of a page written afresh rather than copied: its place in the new page tree and its
/// boxes and rotation, which may be inherited in the old one.
const PAGE_OWN: [&[u8]; 6] = [
    b"Type",
    b"Parent",
    b"MediaBox",
    b"CropBox",
    b"Rotate",
    b"Resources",
];

/// Writes every page of `source` into `out` under `parent`, numbering new objects from `next`,
/// and returns the new pages' references in order. A reference to an object the file lacks
/// becomes null.
pub(super) fn copy_pages(
    source: &Source,
    out: &mut Chunk,
    parent: Ref,
    next: &mut Ref,
) -> Vec<Ref> {
    let mut copier = Copier {
        xref: source.xref(),
        next,
        numbers: HashMap::new(),
        waiting: Vec::new(),
    };
    // The pages are numbered first: a reference to one of them from what they use (a link's
    // target, an annotation's page) leads to its copy, not to a second copy of the old page.
    let pages: Vec<Ref> = source
        .pages()
        .iter()
        .map(|page| {
            let reference = copier.next.bump();
            if let Some(id) = page.raw().obj_id() {
                copier.numbers.insert(id.into(), Some(reference));
            }
            reference
        })
        .collect();
    for (page, &reference) in source.pages().iter().zip(&pages) {
        let mut new = out.page(reference);
        new.parent(parent)
            .media_box(rect(page.media_box()))
            .crop_box(rect(page.crop_box()))
            .rotate(degrees(page.rotation()));
        // Resources inherited from the old page tree are the page's own in the new one.
        match inherited(source.xref(), page.raw(), b"Resources") {
            Some(resources) => copier.value(new.insert(Name(b"Resources")), &resources),
            None => drop(new.resources()),
        }
        copier.entries(&mut new, page.raw(), &PAGE_OWN);
    }
    copier.write_waiting(out);
    pages
}

/// The value of `key` in a page or the nearest page-tree node above it that has one.
fn inherited<'a>(xref: &'a XRef, page: &Dict<'a>, key: &[u8]) -> Option<MaybeRef<Object<'a>>> {
    let mut node = page.clone();
    // A page tree is shallow; a loop in a broken one ends here.
    for _ in 0..MAX_DEPTH {
        if let Some(value) = node.get_raw::<Object<'a>>(key) {
            return Some(value);
        }
        node = xref.get::<Dict<'a>>(node.get_ref(b"Parent")?.into())?;
    }
    None
}

/// A page's rotation as the `Rotate` key states it.
fn degrees(rotation: Rotation) -> i32 {
    match rotation {
        Rotation::None => 0,
        Rotation::Horizontal => 90,
        Rotation::Flipped => 180,
        Rotation::FlippedHorizontal => 270,
    }
}

/// A box as pdf-writer writes it.
fn rect(r: hayro_interpret::hayro_syntax::object::Rect) -> Rect {
    Rect::new(r.x0 as f32, r.y0 as f32, r.x1 as f32, r.y1 as f32)
}

/// The copy of one file's objects under way: the new number of each object met (none for a
/// reference to an object the file lacks), and the objects still to write.
struct Copier<'a> {
    xref: &'a XRef,
    next: &'a mut Ref,
    numbers: HashMap<ObjRef, Option<Ref>>,
    waiting: Vec<(Object<'a>, Ref)>,
}

impl<'a> Copier<'a> {
    /// The new number of `old`, which is written later if it is new; none if the file lacks it.
    fn number(&mut self, old: ObjRef) -> Option<Ref> {
        if let Some(&known) = self.numbers.get(&old) {
            return known;
        }
        let new = self.xref.get::<Object<'a>>(old.into()).map(|object| {
            let new = self.next.bump();
            self.waiting.push((object, new));
            new
        });
        self.numbers.insert(old, new);
        new
    }

    /// Writes every object referred to so far, and those they refer to.
    fn write_waiting(&mut self, out: &mut Chunk) {
        while let Some((object, new)) = self.waiting.pop() {
            match &object {
                Object::Stream(stream) => {
                    let data = stream.raw_data();
                    let mut written = out.stream(new, &data);
                    self.entries(&mut written, stream.dict(), &[b"Length"]);
                }
                object => self.object(out.indirect(new), object),
            }
        }
    }

    /// Copies the entries of `dict` into `into`, but for `skipped` and [`LEFT_OUT`].
    fn entries(&mut self, into: &mut pdf_writer::Dict<'_>, dict: &Dict<'_>, skipped: &[&[u8]]) {
        for (key, value) in dict.entries() {
            let key: &[u8] = key.deref();
            if !skipped.contains(&key) && !LEFT_OUT.contains(&key) {
                self.value(into.insert(Name(key)), &value);
            }
        }
    }

    fn value(&mut self, into: pdf_writer::Obj<'_>, value: &MaybeRef<Object<'_>>) {
        match value {
            MaybeRef::Ref(old) => match self.number(*old) {
                Some(new) => into.primitive(new),
                None => into.primitive(pdf_writer::Null),
            },
            MaybeRef::NotRef(object) => self.object(into, object),
        }
    }

    fn object(&mut self, into: pdf_writer::Obj<'_>, object: &Object<'_>) {
        match object {
            Object::Null(_) | Object::Stream(_) => into.primitive(pdf_writer::Null),
            Object::Boolean(value) => into.primitive(*value),
            Object::Number(number) => match i32::try_from(number.as_i64()) {
                Ok(whole) if f64::from(whole) == number.as_f64() => into.primitive(whole),
                _ => into.primitive(number.as_f32()),
            },
            Object::String(text) => into.primitive(Str(text.as_ref())),
            Object::Name(name) => into.primitive(Name(name.deref())),
            Object::Array(array) => {
                let mut written = into.array();
                for item in array.raw_iter() {
                    self.value(written.push(), &item);
                }
            }
            Object::Dict(dict) => self.entries(&mut into.dict(), dict, &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use lopdf::{Document, Object as Lo, Stream, dictionary};

    use super::*;

    /// A PDF of one page whose box and resources are inherited from its page-tree node, with a
    /// compressed content stream, a structure key and a reference to an object the file lacks.
    fn source() -> (Vec<u8>, Vec<u8>) {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman",
        });
        let text = b"BT /F1 12 Tf 72 700 Td (Chi bo) Tj ET\n".repeat(20);
        let mut content = Stream::new(dictionary! {}, text.clone());
        content.compress().unwrap();
        let compressed = content.content.clone();
        assert!(
            compressed.len() < text.len(),
            "the content stream is compressed"
        );
        let content = doc.add_object(content);
        let page_id = doc.new_object_id();
        let link = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Link", "P" => page_id,
            "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
        });
        doc.objects.insert(
            page_id,
            Lo::Dictionary(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content,
                "Annots" => vec![link.into()],
                "StructParents" => 0,
                "Missing" => Lo::Reference((999, 0)),
            }),
        );
        let page = page_id;
        doc.objects.insert(
            pages_id,
            Lo::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page.into()],
                "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), 300.into(), 400.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        (bytes, compressed)
    }

    #[test]
    fn a_page_keeps_what_it_inherits_and_its_streams_bytes() {
        let (bytes, compressed) = source();
        let source = Source::new(bytes).unwrap();
        let mut next = Ref::new(1);
        let (catalog, root) = (next.bump(), next.bump());
        let mut out = pdf_writer::Pdf::new();
        let pages = copy_pages(&source, &mut out, root, &mut next);
        out.pages(root).count(1).kids(pages.iter().copied());
        out.catalog(catalog).pages(root);
        let copied = Document::load_mem(&out.finish()).unwrap();

        let page_id = *copied.get_pages().get(&1).unwrap();
        let page = copied.get_dictionary(page_id).unwrap();
        let media_box: Vec<f32> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_float().unwrap())
            .collect();
        assert_eq!(media_box, vec![0.0, 0.0, 300.0, 400.0]);
        let font = copied
            .get_dictionary(
                page.get(b"Resources")
                    .unwrap()
                    .as_dict()
                    .unwrap()
                    .get(b"Font")
                    .unwrap()
                    .as_dict()
                    .unwrap()
                    .get(b"F1")
                    .unwrap()
                    .as_reference()
                    .unwrap(),
            )
            .unwrap();
        assert_eq!(
            font.get(b"BaseFont").unwrap().as_name().unwrap(),
            b"Times-Roman"
        );
        // The content stream is the same compressed bytes, under the same filter.
        let content_id = page.get(b"Contents").unwrap().as_reference().unwrap();
        let content = copied.get_object(content_id).unwrap().as_stream().unwrap();
        assert_eq!(content.content, compressed);
        assert_eq!(
            content.dict.get(b"Filter").unwrap().as_name().unwrap(),
            b"FlateDecode"
        );
        // The structure key stays behind; a dangling reference becomes null.
        assert!(!page.has(b"StructParents"));
        assert!(matches!(page.get(b"Missing").unwrap(), Lo::Null));
        // An annotation's page is the copy, and the old page is not copied a second time.
        let annots = page.get(b"Annots").unwrap().as_array().unwrap();
        let link = copied
            .get_dictionary(annots[0].as_reference().unwrap())
            .unwrap();
        assert_eq!(link.get(b"P").unwrap().as_reference().unwrap(), page_id);
        let pages = copied
            .objects
            .values()
            .filter(|o| o.type_name().ok() == Some(b"Page".as_slice()))
            .count();
        assert_eq!(pages, 1);
    }
}

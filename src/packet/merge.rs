//! One PDF of the whole packet, ready to print on both sides: every document starts on an odd
//! page (a blank page follows a document of an odd number of pages), and each has a bookmark.
//!
//! Each document is read lazily with hayro-syntax, and its pages are copied with everything they
//! use under fresh object numbers, every object's bytes as they are (see `pages`); pdf-writer
//! writes the page tree, the bookmarks and the file around them.

use hayro_interpret::hayro_syntax::Pdf as Source;
use pdf_writer::types::{OutputIntentSubtype, PageMode};
use pdf_writer::{Rect, Ref, TextStr};

use super::pages::copy_pages;
use crate::render::pdf::{
    Conformance, OUTPUT_CONDITION, PRODUCER, Pdf, Properties, SRGB_PROFILE, file_id,
};

/// One document of the merged PDF: its bookmark and its PDF.
pub struct Section<'a> {
    /// The bookmark's title, e.g. "Biên bản hội nghị kiểm điểm".
    pub title: String,
    /// The document's PDF.
    pub pdf: &'a [u8],
}

/// Why the PDFs could not be merged: a fault of hoso, since it made them all.
#[derive(Debug, thiserror::Error)]
#[error("không ghép được các tệp PDF thành một: {0}")]
#[non_exhaustive]
pub struct MergeError(String);

/// The sections as one PDF, each starting on an odd page, with a bookmark each and `properties`
/// as its own; PDF/A-2b when `conformance` says so (the sections must be PDF/A-2b then).
pub fn merge(
    sections: &[Section<'_>],
    properties: &Properties<'_>,
    conformance: Conformance,
) -> Result<Pdf, MergeError> {
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let root = next.bump();
    let outline = next.bump();
    let info = next.bump();
    let metadata = next.bump();
    let profile = next.bump();
    let mut out = pdf_writer::Pdf::new();
    // Each document's pages hang under a page-tree node of their own, under the root.
    let mut nodes = Vec::new();
    let mut bookmarks: Vec<(Ref, Ref, &str)> = Vec::new();
    let mut total = 0;
    for section in sections {
        let source = Source::new(section.pdf.to_vec())
            .map_err(|e| MergeError(format!("«{}»: {e:?}", section.title)))?;
        let Some(last) = source.pages().last() else {
            continue;
        };
        let media_box = last.media_box();
        let node = next.bump();
        let mut pages = copy_pages(&source, &mut out, node, &mut next);
        if pages.len() % 2 == 1 {
            let blank = next.bump();
            let mut page = out.page(blank);
            page.parent(node).media_box(Rect::new(
                media_box.x0 as f32,
                media_box.y0 as f32,
                media_box.x1 as f32,
                media_box.y1 as f32,
            ));
            page.resources();
            pages.push(blank);
        }
        out.pages(node)
            .parent(root)
            .count(i32::try_from(pages.len()).unwrap_or(i32::MAX))
            .kids(pages.iter().copied());
        bookmarks.push((next.bump(), pages[0], &section.title));
        nodes.push(node);
        total += pages.len();
    }
    out.pages(root)
        .count(i32::try_from(total).unwrap_or(i32::MAX))
        .kids(nodes);
    write_bookmarks(&mut out, outline, &bookmarks);
    let archival = conformance == Conformance::PdfA2b;
    if archival {
        let xmp = properties.xmp();
        out.metadata(metadata, xmp.as_bytes());
        out.icc_profile(profile, SRGB_PROFILE)
            .n(3)
            .range([0.0, 1.0, 0.0, 1.0, 0.0, 1.0]);
    }
    let mut catalog_dict = out.catalog(catalog);
    catalog_dict.pages(root).page_mode(PageMode::UseOutlines);
    if !bookmarks.is_empty() {
        catalog_dict.outlines(outline);
    }
    if archival {
        catalog_dict
            .metadata(metadata)
            .lang(TextStr(properties.language));
        catalog_dict
            .output_intents()
            .push()
            .subtype(OutputIntentSubtype::PDFA)
            .output_condition_identifier(TextStr(OUTPUT_CONDITION))
            .info(TextStr(OUTPUT_CONDITION))
            .dest_output_profile(profile);
    }
    drop(catalog_dict);
    out.document_info(info)
        .title(TextStr(properties.title))
        .author(TextStr(properties.author))
        .creator(TextStr(PRODUCER))
        .producer(TextStr(PRODUCER))
        .creation_date(properties.pdf_date())
        .modified_date(properties.pdf_date());
    let id = file_id(sections.iter().map(|section| section.pdf));
    out.set_file_id((id.clone(), id));
    Ok(Pdf {
        bytes: out.finish(),
        pages: total,
    })
}

/// The outline: one bookmark per document, `(item, first page, title)`, in order.
fn write_bookmarks(out: &mut pdf_writer::Pdf, outline: Ref, bookmarks: &[(Ref, Ref, &str)]) {
    let (Some(first), Some(last)) = (bookmarks.first(), bookmarks.last()) else {
        return;
    };
    out.outline(outline)
        .first(first.0)
        .last(last.0)
        .count(i32::try_from(bookmarks.len()).unwrap_or(i32::MAX));
    for (index, &(item, page, title)) in bookmarks.iter().enumerate() {
        let mut entry = out.outline_item(item);
        entry.parent(outline).title(TextStr(title));
        if let Some(previous) = index.checked_sub(1).map(|i| bookmarks[i].0) {
            entry.prev(previous);
        }
        if let Some(following) = bookmarks.get(index + 1) {
            entry.next(following.0);
        }
        entry.dest().page(page).fit();
    }
}

#[cfg(test)]
mod tests {
    use lopdf::{Document, Object, Stream, dictionary};

    use super::*;

    /// A PDF of `pages` empty A4 pages.
    fn pdf_of(pages: usize) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let kids: Vec<Object> = (0..pages)
            .map(|_| {
                let content = doc.add_object(Stream::new(dictionary! {}, Vec::new()));
                doc.add_object(dictionary! {
                    "Type" => "Page",
                    "Parent" => pages_id,
                    "Contents" => content,
                })
                .into()
            })
            .collect();
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => kids,
                "Count" => i64::try_from(pages).unwrap(),
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn every_section_starts_on_an_odd_page_under_its_bookmark() {
        let (one, two, three) = (pdf_of(1), pdf_of(2), pdf_of(3));
        let sections = [
            Section {
                title: "Báo cáo".into(),
                pdf: &one,
            },
            Section {
                title: "Biên bản hội nghị".into(),
                pdf: &two,
            },
            Section {
                title: "Nguyễn Văn An".into(),
                pdf: &three,
            },
        ];
        let properties = Properties {
            title: "Hồ sơ kiểm điểm",
            author: "Chi bộ",
            date: crate::date::Date::from_ymd(2026, 12, 8).unwrap(),
            language: "vi",
        };
        let merged = merge(&sections, &properties, Conformance::Plain).unwrap();
        let doc = Document::load_mem(&merged.bytes).unwrap();
        assert_eq!(doc.get_pages().len(), 2 + 2 + 4);
        assert_eq!(merged.pages, 2 + 2 + 4);
        let toc = doc.get_toc().unwrap();
        let marks: Vec<(String, usize)> =
            toc.toc.iter().map(|t| (t.title.clone(), t.page)).collect();
        assert_eq!(
            marks,
            vec![
                ("Báo cáo".to_string(), 1),
                ("Biên bản hội nghị".to_string(), 3),
                ("Nguyễn Văn An".to_string(), 5)
            ]
        );
        // Every page, the blank ones too, has its size.
        for page in doc.get_pages().into_values() {
            assert!(doc.get_dictionary(page).unwrap().has(b"MediaBox"));
        }
        assert_eq!(
            merged.bytes,
            merge(&sections, &properties, Conformance::Plain)
                .unwrap()
                .bytes
        );
    }
}

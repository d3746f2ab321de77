//! One PDF of the whole packet, ready to print on both sides: every document starts on an odd
//! page (a blank page follows a document of an odd number of pages), and each has a bookmark.
//!
//! lopdf reads the documents' PDFs and writes the merged one: joining page trees and building
//! an outline is its job, and it keeps every object of the originals (fonts, images) as is.

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId, Stream, dictionary};

use crate::render::pdf::Pdf;

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
pub struct MergeError(String);

impl From<lopdf::Error> for MergeError {
    fn from(err: lopdf::Error) -> Self {
        MergeError(err.to_string())
    }
}

/// The sections as one PDF, each starting on an odd page, with a bookmark each and `title` and
/// `author` as its properties.
pub fn merge(sections: &[Section<'_>], title: &str, author: &str) -> Result<Pdf, MergeError> {
    let mut merged = Document::with_version("1.7");
    let pages_id = merged.new_object_id();
    let mut next_id = merged.max_id + 1;
    let mut kids: Vec<ObjectId> = Vec::new();
    for section in sections {
        let mut doc = Document::load_mem(section.pdf)?;
        doc.renumber_objects_with(next_id);
        next_id = doc.max_id + 1;
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let inherited = page_tree_root(&doc);
        let mut last_media_box = None;
        for (id, object) in std::mem::take(&mut doc.objects) {
            match object.type_name().unwrap_or_default() {
                b"Catalog" | b"Pages" | b"Outlines" | b"Outline" => {}
                b"Page" => {
                    let mut page = object.as_dict()?.clone();
                    for key in [b"MediaBox".as_slice(), b"Resources"] {
                        if !page.has(key)
                            && let Some(value) = inherited.as_ref().and_then(|d| d.get(key).ok())
                        {
                            page.set(key, value.clone());
                        }
                    }
                    page.set("Parent", pages_id);
                    last_media_box = page.get(b"MediaBox").ok().cloned();
                    merged.objects.insert(id, Object::Dictionary(page));
                }
                _ => {
                    merged.objects.insert(id, object);
                }
            }
        }
        let Some(&first) = pages.first() else {
            continue;
        };
        merged.add_bookmark(
            Bookmark::new(section.title.clone(), [0.0; 3], 0, first),
            None,
        );
        kids.extend(&pages);
        if pages.len() % 2 == 1 {
            merged.max_id = next_id - 1;
            let content = merged.add_object(Stream::new(dictionary! {}, Vec::new()));
            let mut blank = dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Resources" => dictionary! {},
                "Contents" => content,
            };
            if let Some(media_box) = last_media_box {
                blank.set("MediaBox", media_box);
            }
            kids.push(merged.add_object(blank));
            next_id = merged.max_id + 1;
        }
    }
    let pages = kids.len();
    merged.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Count" => i64::try_from(pages).unwrap_or(i64::MAX),
            "Kids" => kids.into_iter().map(Object::Reference).collect::<Vec<_>>(),
        }),
    );
    merged.max_id = merged.objects.keys().map(|(id, _)| *id).max().unwrap_or(0);
    let catalog_id = merged.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "PageMode" => "UseOutlines",
    });
    let info_id = merged.add_object(dictionary! {
        "Title" => lopdf::text_string(title),
        "Author" => lopdf::text_string(author),
        "Producer" => "hoso",
    });
    merged.trailer.set("Root", catalog_id);
    merged.trailer.set("Info", info_id);
    if let Some(outline) = merged.build_outline()
        && let Ok(Object::Dictionary(catalog)) = merged.get_object_mut(catalog_id)
    {
        catalog.set("Outlines", Object::Reference(outline));
    }
    let mut bytes = Vec::new();
    merged
        .save_to(&mut bytes)
        .map_err(|err| MergeError(err.to_string()))?;
    Ok(Pdf { bytes, pages })
}

/// The root of a document's page tree, whose entries its pages inherit.
fn page_tree_root(doc: &Document) -> Option<Dictionary> {
    let catalog = doc.catalog().ok()?;
    let pages = catalog.get(b"Pages").ok()?.as_reference().ok()?;
    doc.get_dictionary(pages).ok().cloned()
}

#[cfg(test)]
mod tests {
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
        let merged = merge(&sections, "Hồ sơ kiểm điểm", "Chi bộ").unwrap();
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
            merge(&sections, "Hồ sơ kiểm điểm", "Chi bộ").unwrap().bytes
        );
    }
}

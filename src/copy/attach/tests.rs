//! Tests of the attach module, on fixture PDFs built with lopdf.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, dictionary};

use super::{AttachError, Attached, Placement, Request, attach, ink_of_page};
use crate::date::Date;
use crate::render::pdf::Properties;

const A4: [f32; 4] = [0.0, 0.0, 595.276, 841.89];

/// One page of a fixture PDF.
#[derive(Clone, Default)]
struct Page {
    content: String,
    resources: Dictionary,
    media: Option<[f32; 4]>,
    extra: Vec<(&'static str, Object)>,
}

impl Page {
    fn new(content: &str) -> Self {
        Self {
            content: content.to_owned(),
            ..Self::default()
        }
    }

    /// A page with a black rectangle from y0 to y1, 72 pt in from both sides.
    fn band(y0: f32, y1: f32) -> Self {
        Self::new(&format!("0 0 0 rg 72 {y0} 451.276 {} re f", y1 - y0))
    }
}

fn rect(r: [f32; 4]) -> Object {
    Object::Array(r.iter().map(|&v| Object::Real(v)).collect())
}

/// Builds a PDF; `edit` may change the document before it is saved, given the catalog's id
/// and the page ids.
fn build(pages: &[Page], edit: impl FnOnce(&mut Document, ObjectId, &[ObjectId])) -> Document {
    let mut doc = Document::with_version("1.5");
    let tree = doc.new_object_id();
    let mut ids = Vec::new();
    for page in pages {
        let content = doc.add_object(Stream::new(
            Dictionary::new(),
            page.content.clone().into_bytes(),
        ));
        let mut dict = dictionary! {
            "Type" => "Page",
            "Parent" => tree,
            "MediaBox" => rect(page.media.unwrap_or(A4)),
            "Contents" => content,
            "Resources" => page.resources.clone(),
        };
        for (key, value) in &page.extra {
            dict.set(*key, value.clone());
        }
        ids.push(doc.add_object(dict));
    }
    doc.objects.insert(
        tree,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => ids.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>(),
            "Count" => ids.len() as i64,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => tree });
    doc.trailer.set("Root", catalog);
    edit(&mut doc, catalog, &ids);
    doc
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("fixture saves");
    bytes
}

fn pdf(pages: &[Page]) -> Vec<u8> {
    save(&mut build(pages, |_, _, _| {}))
}

/// hoso's block: a black band from y 700 to 800 on A4, with an output intent.
fn block() -> Vec<u8> {
    let mut doc = build(
        &[Page::new("0 0 0 rg 56.7 700 481.9 100 re f")],
        |doc, catalog, _| {
            let profile = doc.add_object(Stream::new(
                dictionary! { "N" => 3 },
                b"fake sRGB ICC profile".to_vec(),
            ));
            let intent = dictionary! {
                "Type" => "OutputIntent",
                "S" => "GTS_PDFA1",
                "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
                "DestOutputProfile" => profile,
            };
            doc.get_dictionary_mut(catalog)
                .expect("catalog")
                .set("OutputIntents", vec![Object::Dictionary(intent)]);
        },
    );
    doc.version = "1.7".to_owned();
    save(&mut doc)
}

fn request<'a>(original: &'a [u8], block: &'a [u8]) -> Request<'a> {
    Request {
        original,
        block,
        on_last_page: false,
        gap_pt: 12.0,
        bottom_margin_pt: 56.7,
        pdf_a: None,
    }
}

fn pdf_a() -> Properties<'static> {
    Properties {
        title: "Bản sao y – Biên bản họp chi bộ Tân Hòa",
        author: "Văn phòng Đảng ủy",
        date: Date::from_ymd(2025, 3, 15).unwrap(),
        language: "vi",
    }
}

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("output loads")
}

fn page_ids(doc: &Document) -> Vec<ObjectId> {
    doc.get_pages().into_values().collect()
}

/// The raw bytes of each content stream of a page, in order.
fn contents(doc: &Document, page: ObjectId) -> Vec<Vec<u8>> {
    doc.get_page_contents(page)
        .into_iter()
        .map(|id| {
            doc.get_object(id)
                .and_then(Object::as_stream)
                .expect("content stream")
                .content
                .clone()
        })
        .collect()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= 0.5
}

fn ink(bytes: &[u8], index: usize) -> super::Ink {
    ink_of_page(bytes, index)
        .expect("measurable")
        .expect("inked")
}

// Ink.

#[test]
fn ink_of_a_filled_rectangle_is_exact() {
    let bytes = pdf(&[Page::new("0 0 1 rg 100 200 50 30 re f")]);
    let ink = ink(&bytes, 0);
    assert!(close(ink.left, 100.0) && close(ink.right, 150.0), "{ink:?}");
    assert!(close(ink.bottom, 200.0) && close(ink.top, 230.0), "{ink:?}");
    assert!(close(ink.width(), 50.0) && close(ink.height(), 30.0));
}

#[test]
fn ink_is_relative_to_the_media_box_origin() {
    let mut page = Page::new("0 g 200 300 10 10 re f");
    page.media = Some([100.0, 100.0, 695.276, 941.89]);
    let ink = ink(&pdf(&[page]), 0);
    assert!(
        close(ink.left, 100.0) && close(ink.bottom, 200.0),
        "{ink:?}"
    );
}

#[test]
fn ink_of_a_blank_page_is_none() {
    let bytes = pdf(&[Page::new(""), Page::new("1 1 1 rg 0 0 595 842 re f")]);
    assert_eq!(ink_of_page(&bytes, 0).expect("measurable"), None);
    assert_eq!(ink_of_page(&bytes, 1).expect("measurable"), None);
}

#[test]
fn ink_of_a_stroke_includes_half_the_line_width() {
    let bytes = pdf(&[Page::new("4 w 0 G 100 100 m 300 100 l S")]);
    let ink = ink(&bytes, 0);
    assert!(close(ink.bottom, 98.0) && close(ink.top, 102.0), "{ink:?}");
    assert!(close(ink.left, 100.0) && close(ink.right, 300.0), "{ink:?}");
}

#[test]
fn ink_respects_clipping_and_ignores_white() {
    let bytes = pdf(&[
        Page::new("0 0 10 10 re W n 0 g 100 100 50 50 re f"),
        Page::new("0 0 120 120 re W n 0 g 100 100 50 50 re f"),
        Page::new("1 g 0 0 595 842 re f 0 g 300 400 5 5 re f"),
    ]);
    assert_eq!(ink_of_page(&bytes, 0).expect("measurable"), None);
    let clipped = ink(&bytes, 1);
    assert!(
        close(clipped.right, 120.0) && close(clipped.top, 120.0),
        "{clipped:?}"
    );
    let dot = ink(&bytes, 2);
    assert!(
        close(dot.left, 300.0) && close(dot.bottom, 400.0),
        "{dot:?}"
    );
}

#[test]
fn ink_of_text_follows_the_glyphs_and_skips_invisible_text() {
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    };
    let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    let mut visible = Page::new("BT /F1 24 Tf 100 500 Td (Hello) Tj ET");
    visible.resources = resources.clone();
    let mut hidden = Page::new("BT 3 Tr /F1 24 Tf 100 500 Td (Hello) Tj ET");
    hidden.resources = resources;
    let bytes = pdf(&[visible, hidden]);
    let text = ink(&bytes, 0);
    assert!(text.left >= 99.0 && text.left <= 103.0, "{text:?}");
    assert!(close(text.bottom, 500.0), "{text:?}");
    assert!(text.top > 514.0 && text.top < 520.0, "{text:?}");
    assert!(text.right > 150.0 && text.right < 170.0, "{text:?}");
    assert_eq!(ink_of_page(&bytes, 1).expect("measurable"), None);
}

#[test]
fn ink_of_an_image_counts_only_dark_pixels() {
    // 4×4 grey image, top rows white, bottom-left 2×2 black.
    let mut pixels = vec![255u8; 16];
    for (x, y) in [(0, 2), (1, 2), (0, 3), (1, 3)] {
        pixels[y * 4 + x] = 0;
    }
    let mut doc = build(
        &[Page::new("q 40 0 0 40 100 100 cm /Im0 Do Q")],
        |doc, _, pages| {
            let image = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Image", "Width" => 4, "Height" => 4,
                    "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
                },
                pixels,
            ));
            doc.get_dictionary_mut(pages[0]).expect("page").set(
                "Resources",
                dictionary! { "XObject" => dictionary! { "Im0" => image } },
            );
        },
    );
    let ink = ink(&save(&mut doc), 0);
    assert!(close(ink.left, 100.0) && close(ink.right, 120.0), "{ink:?}");
    assert!(close(ink.bottom, 100.0) && close(ink.top, 120.0), "{ink:?}");
}

#[test]
fn ink_of_a_missing_page_or_a_non_pdf_is_an_error() {
    let bytes = pdf(&[Page::new("")]);
    assert!(matches!(
        ink_of_page(&bytes, 3),
        Err(AttachError::NotPdf(_))
    ));
    assert!(matches!(
        ink_of_page(b"not a pdf", 0),
        Err(AttachError::NotPdf(_))
    ));
}

// Own page.

#[test]
fn own_page_adds_exactly_one_page_and_keeps_the_original_streams() {
    let original = pdf(&[Page::band(600.0, 780.0), Page::band(100.0, 780.0)]);
    let block = block();
    let attached = attach(&request(&original, &block)).expect("attached");
    assert_eq!(attached.pages, 3);
    assert_eq!(attached.placement, Placement::OwnPage);
    assert_eq!(attached.note, None);

    let before = load(&original);
    let after = load(&attached.bytes);
    let (old, new) = (page_ids(&before), page_ids(&after));
    assert_eq!(new.len(), 3);
    for (o, n) in old.iter().zip(&new) {
        assert_eq!(contents(&before, *o), contents(&after, *n));
    }
    let root = after
        .catalog()
        .expect("catalog")
        .get(b"Pages")
        .expect("pages");
    let root = after
        .get_dictionary(root.as_reference().expect("ref"))
        .expect("tree");
    assert_eq!(root.get(b"Count").and_then(Object::as_i64).ok(), Some(3));
    let added = after.get_dictionary(new[2]).expect("new page");
    assert!(added.get(b"Parent").and_then(Object::as_reference).is_ok());
    let media: Vec<f32> = added
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .expect("media box")
        .iter()
        .map(|v| v.as_float().expect("number"))
        .collect();
    assert!(close(media[2], A4[2]) && close(media[3], A4[3]));
    let block_ink = ink(&attached.bytes, 2);
    assert!(close(block_ink.bottom, 700.0) && close(block_ink.top, 800.0));
}

#[test]
fn own_page_in_a_nested_tree_raises_every_count_and_blocks_inherited_rotation() {
    let original = {
        let mut doc = build(&[Page::band(600.0, 780.0)], |doc, catalog, pages| {
            let root = doc
                .get_dictionary(catalog)
                .and_then(|c| c.get(b"Pages"))
                .and_then(Object::as_reference)
                .expect("root");
            let middle = doc.add_object(dictionary! {
                "Type" => "Pages", "Parent" => root, "Kids" => vec![pages[0].into()],
                "Count" => 1, "Rotate" => 90,
            });
            doc.get_dictionary_mut(pages[0])
                .expect("page")
                .set("Parent", middle);
            doc.get_dictionary_mut(root)
                .expect("root")
                .set("Kids", vec![middle.into()]);
        });
        save(&mut doc)
    };
    let block = block();
    let mut req = request(&original, &block);
    req.on_last_page = true;
    let attached = attach(&req).expect("attached");
    assert_eq!(attached.placement, Placement::OwnPage);
    assert!(
        attached
            .note
            .as_deref()
            .is_some_and(|n| n.contains("xoay 90°"))
    );
    let after = load(&attached.bytes);
    let pages = page_ids(&after);
    assert_eq!(pages.len(), 2);
    let added = after.get_dictionary(pages[1]).expect("page");
    assert_eq!(added.get(b"Rotate").and_then(Object::as_i64).ok(), Some(0));
    let (middle, count) = parent_of(&after, added);
    assert_eq!(count, Some(2));
    let (_, count) = parent_of(&after, middle);
    assert_eq!(count, Some(2));
}

/// The page-tree node above `node`, and its /Count.
fn parent_of<'a>(doc: &'a Document, node: &Dictionary) -> (&'a Dictionary, Option<i64>) {
    let parent = node
        .get(b"Parent")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("a parent node");
    let count = parent.get(b"Count").and_then(Object::as_i64).ok();
    (parent, count)
}

// Last page.

/// The numbers of the `cm` in the last content stream of a page.
fn block_transform(doc: &Document, page: ObjectId) -> (String, Vec<f64>) {
    let streams = contents(doc, page);
    let tail = String::from_utf8(streams.last().expect("tail").clone()).expect("ascii");
    let cm = tail
        .lines()
        .find(|l| l.contains(" cm "))
        .expect("cm line")
        .to_owned();
    let numbers = cm
        .split_whitespace()
        .filter_map(|t| t.parse::<f64>().ok())
        .collect();
    (cm, numbers)
}

#[test]
fn last_page_takes_the_block_below_the_lowest_ink() {
    let shared = dictionary! { "ExtGState" => dictionary! { "G0" => dictionary! { "CA" => 1 } } };
    let mut doc = build(
        &[Page::band(100.0, 780.0), Page::band(600.0, 780.0)],
        |doc, _, pages| {
            let resources = doc.add_object(shared.clone());
            for &page in pages {
                doc.get_dictionary_mut(page)
                    .expect("page")
                    .set("Resources", resources);
            }
        },
    );
    let original = save(&mut doc);
    let block = block();
    let mut req = request(&original, &block);
    req.on_last_page = true;
    let attached = attach(&req).expect("attached");
    assert_eq!(attached.placement, Placement::LastPage);
    assert_eq!(attached.pages, 2);
    assert_eq!(attached.note, None);

    let before = load(&original);
    let after = load(&attached.bytes);
    let (old, new) = (page_ids(&before), page_ids(&after));
    assert_eq!(contents(&before, old[0]), contents(&after, new[0]));
    let last = contents(&after, new[1]);
    assert_eq!(last.len(), 3);
    assert_eq!(last[0], b"q\n");
    assert_eq!(last[1..2], contents(&before, old[1])[..]);

    // 600 − 12 = 588 is where the block's ink top (800) goes.
    let (cm, numbers) = block_transform(&after, new[1]);
    assert_eq!(numbers, vec![1.0, 0.0, 0.0, 1.0, 0.0, -212.0], "{cm}");
    assert!(cm.contains("/HosoSaoY Do"), "{cm}");
    let drawn = ink(&attached.bytes, 1);
    assert!(
        close(drawn.bottom, 488.0) && close(drawn.top, 780.0),
        "{drawn:?}"
    );

    // The first page still uses the shared resources, unchanged; the last has its own.
    let first = after.get_dictionary(new[0]).expect("first");
    let shared_id = first
        .get(b"Resources")
        .and_then(Object::as_reference)
        .expect("shared");
    let shared_now = after.get_dictionary(shared_id).expect("shared dict");
    assert!(!shared_now.has(b"XObject"));
    assert!(shared_now.has(b"ExtGState"));
    let own = after
        .get_dictionary(new[1])
        .and_then(|p| p.get(b"Resources"))
        .and_then(Object::as_dict)
        .expect("direct resources");
    assert!(own.has(b"ExtGState"));
    let form = own
        .get(b"XObject")
        .and_then(Object::as_dict)
        .and_then(|x| x.get(b"HosoSaoY"))
        .and_then(Object::as_reference)
        .expect("form");
    let form = after
        .get_object(form)
        .and_then(Object::as_stream)
        .expect("stream");
    assert_eq!(
        form.dict.get(b"Subtype").and_then(Object::as_name).ok(),
        Some(&b"Form"[..])
    );
}

#[test]
fn last_page_keeps_existing_xobject_names_and_closes_open_saves() {
    let mut doc = build(
        &[Page::new("q q 0 g 72 600 100 100 re f")],
        |doc, _, pages| {
            let form = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => rect([0.0, 0.0, 1.0, 1.0]) },
            Vec::new(),
        ));
            doc.get_dictionary_mut(pages[0]).expect("page").set(
                "Resources",
                dictionary! { "XObject" => dictionary! { "HosoSaoY" => form } },
            );
        },
    );
    let original = save(&mut doc);
    let block = block();
    let mut req = request(&original, &block);
    req.on_last_page = true;
    let attached = attach(&req).expect("attached");
    assert_eq!(attached.placement, Placement::LastPage);
    let after = load(&attached.bytes);
    let page = page_ids(&after)[0];
    let streams = contents(&after, page);
    let tail = String::from_utf8(streams[2].clone()).expect("ascii");
    assert!(
        tail.starts_with("Q\nQ\nQ\nq 1 0 0 1 0 -212 cm /HosoSaoY2 Do Q"),
        "{tail}"
    );
}

#[test]
fn a_block_that_does_not_fit_goes_on_its_own_page_with_a_note() {
    let original = pdf(&[Page::band(100.0, 780.0)]);
    let block = block();
    let mut req = request(&original, &block);
    req.on_last_page = true;
    let attached = attach(&req).expect("attached");
    assert_eq!(attached.placement, Placement::OwnPage);
    assert_eq!(attached.pages, 2);
    let note = attached.note.expect("note");
    // Free: 100 − 12 − 56.7 = 31.3 pt = 11.0 mm; needed: 100 pt = 35.3 mm.
    assert!(
        note.contains("11,0 mm") && note.contains("35,3 mm"),
        "{note}"
    );
}

#[test]
fn a_blank_last_page_takes_the_block_where_its_own_page_would() {
    let original = pdf(&[Page::new("")]);
    let block = block();
    let mut req = request(&original, &block);
    req.on_last_page = true;
    let attached = attach(&req).expect("attached");
    assert_eq!(attached.placement, Placement::LastPage);
    let drawn = ink(&attached.bytes, 0);
    assert!(
        close(drawn.bottom, 700.0) && close(drawn.top, 800.0),
        "{drawn:?}"
    );
}

#[test]
fn object_streams_and_xref_streams_are_read() {
    let mut doc = build(
        &[Page::band(600.0, 780.0), Page::band(500.0, 780.0)],
        |_, _, _| {},
    );
    let mut original = Vec::new();
    doc.save_modern(&mut original).expect("saved");
    assert!(original.windows(7).any(|w| w == b"/ObjStm"));
    let block = block();
    let mut req = request(&original, &block);
    req.on_last_page = true;
    let attached = attach(&req).expect("attached");
    assert_eq!(attached.placement, Placement::LastPage);
    let before = load(&original);
    let after = load(&attached.bytes);
    let (old, new) = (page_ids(&before), page_ids(&after));
    assert_eq!(contents(&before, old[0]), contents(&after, new[0]));
    assert_eq!(
        contents(&before, old[1])[..],
        contents(&after, new[1])[1..2]
    );
}

// PDF/A.

fn attach_pdf_a(original: &[u8]) -> Result<Attached, AttachError> {
    let block = block();
    let mut req = request(original, &block);
    req.pdf_a = Some(pdf_a());
    attach(&req)
}

#[test]
fn pdf_a_output_has_xmp_output_intents_and_language() {
    let original = pdf(&[Page::band(600.0, 780.0)]);
    let attached = attach_pdf_a(&original).expect("attached");
    let bytes = &attached.bytes;
    assert!(bytes.starts_with(b"%PDF-1.7\n%"));
    assert!(bytes[10..14].iter().all(|&b| b > 127));

    let doc = load(bytes);
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(
        catalog.get(b"Lang").and_then(Object::as_str).ok(),
        Some(&b"vi"[..])
    );
    let intents = catalog
        .get(b"OutputIntents")
        .and_then(Object::as_array)
        .expect("intents");
    let intent = intents[0].as_dict().expect("intent");
    let profile = intent
        .get(b"DestOutputProfile")
        .and_then(Object::as_reference)
        .expect("profile");
    assert_eq!(
        doc.get_object(profile)
            .and_then(Object::as_stream)
            .expect("icc")
            .content,
        b"fake sRGB ICC profile"
    );

    let metadata = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .expect("xmp");
    let metadata = doc
        .get_object(metadata)
        .and_then(Object::as_stream)
        .expect("stream");
    assert!(!metadata.dict.has(b"Filter"));
    let xmp = String::from_utf8(metadata.content.clone()).expect("utf-8");
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(
        xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
    assert!(
        xmp.contains("Bản sao y – Biên bản họp chi bộ Tân Hòa"),
        "{xmp}"
    );
    assert!(xmp.contains("Văn phòng Đảng ủy"), "{xmp}");
    assert!(
        xmp.contains("<xmp:CreateDate>2025-03-15</xmp:CreateDate>"),
        "{xmp}"
    );

    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("info");
    let info = doc.get_dictionary(info).expect("info dict");
    let title = info.get(b"Title").and_then(Object::as_str).expect("title");
    assert_eq!(
        lopdf::decode_text_string(&Object::String(title.to_vec(), StringFormat::Hexadecimal))
            .ok()
            .as_deref(),
        Some(pdf_a().title)
    );
    assert_eq!(
        info.get(b"CreationDate").and_then(Object::as_str).ok(),
        Some(&b"D:20250315"[..])
    );
    let id = doc
        .trailer
        .get(b"ID")
        .and_then(Object::as_array)
        .expect("id");
    assert_eq!(id.len(), 2);
    assert_eq!(id[0], id[1]);
}

#[test]
fn pdf_a_refuses_an_unembedded_font_naming_it() {
    let font = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" };
    let mut page = Page::new("BT /F1 12 Tf 72 720 Td (Hello) Tj ET");
    page.resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    let original = pdf(&[page]);
    match attach_pdf_a(&original) {
        Err(AttachError::NotPdfA(reasons)) => {
            assert!(
                reasons.iter().any(|r| r.contains("«Helvetica»")),
                "{reasons:?}"
            );
            let message = AttachError::NotPdfA(reasons).to_string();
            assert!(
                message.starts_with(
                    "bản gốc không lưu được thành PDF/A-2b: phông chữ «Helvetica» không được nhúng"
                ),
                "{message}"
            );
        }
        other => panic!("expected NotPdfA, got {other:?}"),
    }
    // Without PDF/A the same original is copied.
    let block = block();
    assert!(attach(&request(&original, &block)).is_ok());
}

#[test]
fn pdf_a_accepts_embedded_fonts_and_lists_every_other_reason() {
    let embedded = |doc: &mut Document| {
        let program = doc.add_object(Stream::new(Dictionary::new(), b"glyphs".to_vec()));
        let descriptor =
            doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontFile2" => program });
        dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "DejaVuSans", "FontDescriptor" => descriptor }
    };
    let mut fine = build(&[Page::new("")], |doc, _, pages| {
        let font = embedded(doc);
        doc.get_dictionary_mut(pages[0]).expect("page").set(
            "Resources",
            dictionary! { "Font" => dictionary! { "F1" => font } },
        );
    });
    assert!(attach_pdf_a(&save(&mut fine)).is_ok());

    let mut bad = build(
        &[Page::new(""), Page::band(600.0, 700.0)],
        |doc, catalog, pages| {
            let script = doc.add_object(
                dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") },
            );
            doc.get_dictionary_mut(catalog).expect("catalog").set(
            "Names",
            dictionary! { "JavaScript" => dictionary! { "Names" => vec![Object::string_literal("a"), script.into()] } },
        );
            let lzw = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => rect([0.0, 0.0, 1.0, 1.0]), "Filter" => "LZWDecode" },
            vec![0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01],
        ));
            let helvetica =
                dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" };
            let times =
                dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman" };
            let form = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form", "BBox" => rect([0.0, 0.0, 1.0, 1.0]),
                    "Resources" => dictionary! { "Font" => dictionary! { "F2" => times } },
                },
                Vec::new(),
            ));
            doc.get_dictionary_mut(pages[1]).expect("page").set(
                "Resources",
                dictionary! {
                    "Font" => dictionary! { "F1" => helvetica },
                    "XObject" => dictionary! { "L" => lzw, "Fm" => form },
                },
            );
            let hidden = dictionary! { "Type" => "Annot", "Subtype" => "Square", "Rect" => rect([0.0, 0.0, 10.0, 10.0]), "F" => 2 };
            doc.get_dictionary_mut(pages[0])
                .expect("page")
                .set("Annots", vec![Object::Dictionary(hidden)]);
        },
    );
    match attach_pdf_a(&save(&mut bad)) {
        Err(AttachError::NotPdfA(reasons)) => {
            let all = reasons.join("\n");
            for expected in [
                "JavaScript",
                "LZW",
                "«Helvetica»",
                "«Times-Roman»",
                "trang 1",
            ] {
                assert!(all.contains(expected), "{expected} missing from {all}");
            }
        }
        other => panic!("expected NotPdfA, got {other:?}"),
    }
}

#[test]
fn pdf_a_drops_a_javascript_open_action_and_prints_annotations() {
    let mut doc = build(&[Page::band(600.0, 780.0)], |doc, catalog, pages| {
        doc.get_dictionary_mut(catalog).expect("catalog").set(
            "OpenAction",
            dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") },
        );
        let link = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Link", "Rect" => rect([72.0, 600.0, 200.0, 620.0]),
            "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://example.org") },
        });
        doc.get_dictionary_mut(pages[0])
            .expect("page")
            .set("Annots", vec![link.into()]);
    });
    let attached = attach_pdf_a(&save(&mut doc)).expect("attached");
    let after = load(&attached.bytes);
    assert!(!after.catalog().expect("catalog").has(b"OpenAction"));
    let page = page_ids(&after)[0];
    let annots = after
        .get_dictionary(page)
        .and_then(|p| p.get(b"Annots"))
        .and_then(Object::as_array)
        .expect("annots");
    let link = after
        .get_dictionary(annots[0].as_reference().expect("ref"))
        .expect("link");
    assert_eq!(link.get(b"F").and_then(Object::as_i64).ok(), Some(4));

    let mut kept = build(&[Page::band(600.0, 780.0)], |doc, catalog, pages| {
        let action = dictionary! { "S" => "GoTo", "D" => vec![pages[0].into(), "Fit".into()] };
        doc.get_dictionary_mut(catalog)
            .expect("catalog")
            .set("OpenAction", action);
    });
    let attached = attach_pdf_a(&save(&mut kept)).expect("attached");
    assert!(
        load(&attached.bytes)
            .catalog()
            .expect("catalog")
            .has(b"OpenAction")
    );
}

// Errors and determinism.

#[test]
fn unreadable_and_encrypted_originals_are_refused() {
    let block = block();
    let error = attach(&request(b"hello", &block)).expect_err("refused");
    assert!(matches!(error, AttachError::NotPdf(_)));
    assert!(
        error
            .to_string()
            .starts_with("tệp không phải là PDF đọc được: ")
    );

    let mut doc = build(&[Page::band(600.0, 780.0)], |doc, _, _| {
        let encrypt = doc.add_object(dictionary! {
            "Filter" => "Standard", "V" => 1, "R" => 2, "P" => -4,
            "O" => Object::String(vec![7; 32], StringFormat::Hexadecimal),
            "U" => Object::String(vec![9; 32], StringFormat::Hexadecimal),
        });
        doc.trailer.set("Encrypt", encrypt);
    });
    let encrypted = save(&mut doc);
    let error = attach(&request(&encrypted, &block)).expect_err("refused");
    assert_eq!(error, AttachError::Encrypted);
    assert_eq!(error.to_string(), "PDF được mã hóa, không sao được");
}

#[test]
fn a_broken_block_is_a_block_error() {
    let original = pdf(&[Page::band(600.0, 780.0)]);
    let two_pages = pdf(&[Page::band(700.0, 800.0), Page::band(700.0, 800.0)]);
    assert!(matches!(
        attach(&request(&original, &two_pages)),
        Err(AttachError::Block(_))
    ));
    let blank = pdf(&[Page::new("")]);
    assert!(matches!(
        attach(&request(&original, &blank)),
        Err(AttachError::Block(_))
    ));
    let mut req = request(&original, &two_pages);
    req.block = b"junk";
    assert!(matches!(attach(&req), Err(AttachError::Block(_))));
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let original = pdf(&[Page::band(100.0, 780.0), Page::band(600.0, 780.0)]);
    let block = block();
    for (on_last_page, with_pdf_a) in [(false, false), (true, false), (true, true)] {
        let mut req = request(&original, &block);
        req.on_last_page = on_last_page;
        req.pdf_a = with_pdf_a.then(pdf_a);
        let first = attach(&req).expect("first");
        let second = attach(&req).expect("second");
        assert_eq!(first, second);
        let id = super::write::fingerprint(b"");
        assert_ne!(id, [0; 16]);
    }
}

#[test]
fn pdf_a_refuses_device_cmyk_and_needs_the_block_output_intents() {
    let original = pdf(&[Page::new("0 0 0 1 k 72 600 100 100 re f")]);
    match attach_pdf_a(&original) {
        Err(AttachError::NotPdfA(reasons)) => {
            assert!(
                reasons.iter().any(|r| r.contains("DeviceCMYK")),
                "{reasons:?}"
            );
        }
        other => panic!("expected NotPdfA, got {other:?}"),
    }
    let original = pdf(&[Page::band(600.0, 780.0)]);
    let bare_block = pdf(&[Page::new("0 g 56.7 700 481.9 100 re f")]);
    let mut req = request(&original, &bare_block);
    req.pdf_a = Some(pdf_a());
    assert!(matches!(attach(&req), Err(AttachError::Block(_))));
}

#[test]
fn a_last_page_with_its_own_user_unit_or_crop_box_gets_an_own_page() {
    let block = block();
    for (key, value) in [
        ("UserUnit", Object::Real(2.0)),
        ("CropBox", rect([0.0, 0.0, 500.0, 700.0])),
    ] {
        let mut page = Page::band(600.0, 780.0);
        page.extra.push((key, value));
        let original = pdf(&[page]);
        let mut req = request(&original, &block);
        req.on_last_page = true;
        let attached = attach(&req).expect("attached");
        assert_eq!(attached.placement, Placement::OwnPage, "{key}");
        assert!(attached.note.is_some(), "{key}");
    }
}

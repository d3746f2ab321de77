//! Putting the copy block on a page of its own after the original, or onto the free space
//! at the bottom of the original's last page.

use kurbo::Rect;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::AttachError;
use super::graft::Graft;
use super::ink::{self, Ink};
use super::lookup::{self, MAX_DEPTH};

/// Page attributes a page inherits from its ancestors in the page tree.
const INHERITABLE: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];
/// Page entries of the block's page that its own page keeps.
const KEPT: [&[u8]; 5] = [b"Contents", b"Group", b"BleedBox", b"TrimBox", b"ArtBox"];

/// hoso's one-page block PDF, loaded and measured.
pub(super) struct Block {
    /// The block PDF.
    pub(super) doc: Document,
    page: ObjectId,
    media: Rect,
    ink: Ink,
}

impl Block {
    /// Loads and measures the block PDF.
    pub(super) fn load(bytes: &[u8]) -> Result<Self, AttachError> {
        let doc = Document::load_mem(bytes)
            .map_err(|e| AttachError::Block(format!("không đọc được PDF của khối sao: {e}")))?;
        let pages = lookup::pages(&doc);
        let [page] = pages.as_slice() else {
            return Err(AttachError::Block(format!(
                "PDF của khối sao có {} trang, cần đúng 1 trang",
                pages.len()
            )));
        };
        let facts = ink::page_facts(bytes, 0)
            .map_err(|e| AttachError::Block(format!("không đo được khối sao: {}", e.reason())))?;
        let ink = facts
            .ink
            .ok_or_else(|| AttachError::Block("khối sao không có nội dung".to_owned()))?;
        Ok(Self {
            page: *page,
            media: facts.media,
            ink,
            doc,
        })
    }

    fn page_dict(&self) -> Result<&Dictionary, AttachError> {
        self.doc
            .get_dictionary(self.page)
            .map_err(|e| AttachError::Block(format!("trang của khối sao hỏng: {e}")))
    }
}

/// Where the block goes on the last page: the translation that moves it there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Spot {
    /// Horizontal move, in points.
    pub(super) dx: f64,
    /// Vertical move, in points.
    pub(super) dy: f64,
    /// Unbalanced `q` operators left by the last page's content.
    open_saves: usize,
}

/// Space kept and limits for the block on the last page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Margins {
    /// Between the original's lowest ink and the top of the block's ink.
    pub(super) gap: f64,
    /// The lowest the block's ink may reach, above the page's bottom edge.
    pub(super) bottom: f64,
}

/// Whether the block fits on the original's last page: where, or why not (in Vietnamese).
pub(super) fn fit(
    doc: &Document,
    original: &[u8],
    block: &Block,
    margins: Margins,
) -> Result<Result<Spot, String>, AttachError> {
    let pages = lookup::pages(doc);
    let Some(&last) = pages.last() else {
        return Err(AttachError::NotPdf("tệp không có trang nào".to_owned()));
    };
    let rotate = lookup::inherited(doc, last, b"Rotate")
        .and_then(|r| lookup::number(doc, r))
        .map_or(0, |r| (r as i64).rem_euclid(360));
    if rotate != 0 {
        return Ok(Err(format!(
            "trang cuối của bản gốc được xoay {rotate}°, nên khối sao được đặt sang một trang riêng"
        )));
    }
    let unit = doc
        .get_dictionary(last)
        .ok()
        .and_then(|page| page.get(b"UserUnit").ok())
        .and_then(|u| lookup::number(doc, u))
        .unwrap_or(1.0);
    if (unit - 1.0).abs() > 1e-6 {
        return Ok(Err(format!(
            "trang cuối của bản gốc dùng đơn vị đo riêng (/UserUnit {unit}), \
             nên khối sao được đặt sang một trang riêng"
        )));
    }
    let media = lookup::inherited(doc, last, b"MediaBox").and_then(|m| lookup::rect(doc, m));
    let crop = lookup::inherited(doc, last, b"CropBox").and_then(|c| lookup::rect(doc, c));
    if let (Some(media), Some(crop)) = (media, crop)
        && media.iter().zip(crop).any(|(m, c)| (m - c).abs() > 0.5)
    {
        return Ok(Err(
            "trang cuối của bản gốc có vùng cắt (CropBox) khác khổ giấy (MediaBox), \
                       nên khối sao được đặt sang một trang riêng"
                .to_owned(),
        ));
    }

    let facts = ink::page_facts(original, pages.len() - 1).map_err(|e| e.into_attach_error())?;
    if facts.page_count != pages.len() {
        return Ok(Err(
            "không xác định được trang cuối của bản gốc, nên khối sao được đặt sang một trang riêng"
                .to_owned(),
        ));
    }
    let page = facts.media;
    let sheet_width = page.width() as f32;
    if block.ink.left < -0.01 || block.ink.right > sheet_width + 0.01 {
        return Ok(Err(format!(
            "khối sao rộng tới {} mm, vượt khổ trang cuối của bản gốc ({} mm), \
             nên khối sao được đặt sang một trang riêng",
            mm(f64::from(block.ink.right)),
            mm(f64::from(sheet_width)),
        )));
    }

    let block_ink = block.ink;
    let height = f64::from(block_ink.height());
    // Where the block's ink top would be on a page of its own, measured on this page.
    let natural_top = page.height() - (block.media.height() - f64::from(block_ink.top));
    let below_ink = facts
        .ink
        .map_or(natural_top, |ink| f64::from(ink.bottom) - margins.gap);
    let top = below_ink.min(natural_top);
    if top - height + 1e-6 < margins.bottom {
        let free = (top - margins.bottom).max(0.0);
        return Ok(Err(format!(
            "trang cuối của bản gốc chỉ còn trống {} mm mà khối sao cần {} mm, \
             nên khối sao được đặt sang một trang riêng",
            mm(free),
            mm(height)
        )));
    }
    Ok(Ok(Spot {
        dx: page.x0 - block.media.x0,
        dy: (page.y0 + top) - (block.media.y0 + f64::from(block_ink.top)),
        open_saves: facts.open_saves,
    }))
}

/// Points as millimetres with one decimal and a decimal comma, as Vietnamese writes them.
fn mm(points: f64) -> String {
    format!("{:.1}", points * 25.4 / 72.0).replace('.', ",")
}

/// Adds the block's page as a new last page of `doc`.
pub(super) fn own_page(
    doc: &mut Document,
    graft: &mut Graft,
    block: &Block,
) -> Result<(), AttachError> {
    let source = block.page_dict()?;
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    for key in INHERITABLE {
        if let Some(value) = lookup::inherited(&block.doc, block.page, key) {
            page.set(key.to_vec(), graft.copy(&block.doc, doc, value));
        }
    }
    for key in KEPT {
        if let Ok(value) = source.get(key) {
            page.set(key.to_vec(), graft.copy(&block.doc, doc, value));
        }
    }
    if !page.has(b"Resources") {
        page.set("Resources", Dictionary::new());
    }
    if !page.has(b"MediaBox") {
        page.set("MediaBox", rect_object(block.media));
    }

    let parent = last_parent(doc)?;
    // Keep the tree's inherited attributes from reaching the new page.
    if !page.has(b"CropBox") && lookup::inherited(doc, parent, b"CropBox").is_some() {
        let media = page.get(b"MediaBox").cloned().unwrap_or(Object::Null);
        page.set("CropBox", media);
    }
    if !page.has(b"Rotate") && lookup::inherited(doc, parent, b"Rotate").is_some() {
        page.set("Rotate", 0);
    }
    page.set("Parent", Object::Reference(parent));
    let id = doc.add_object(page);

    let kids = doc
        .get_dictionary(parent)
        .ok()
        .and_then(|node| node.get(b"Kids").ok())
        .cloned();
    match kids {
        Some(Object::Reference(array)) => doc
            .get_object_mut(array)
            .and_then(Object::as_array_mut)
            .map(|kids| kids.push(Object::Reference(id)))
            .map_err(|e| tree_error(&e))?,
        _ => doc
            .get_dictionary_mut(parent)
            .and_then(|node| node.get_mut(b"Kids"))
            .and_then(Object::as_array_mut)
            .map(|kids| kids.push(Object::Reference(id)))
            .map_err(|e| tree_error(&e))?,
    }
    raise_counts(doc, parent)
}

/// The page tree node that holds the original's last page.
fn last_parent(doc: &Document) -> Result<ObjectId, AttachError> {
    let pages = lookup::pages(doc);
    let last = pages
        .last()
        .ok_or_else(|| AttachError::NotPdf("tệp không có trang nào".to_owned()))?;
    doc.get_dictionary(*last)
        .and_then(|page| page.get(b"Parent"))
        .and_then(Object::as_reference)
        .map_err(|e| tree_error(&e))
}

fn tree_error(e: &lopdf::Error) -> AttachError {
    AttachError::NotPdf(format!("cây trang hỏng: {e}"))
}

/// Adds one to `/Count` of `node` and of every ancestor.
fn raise_counts(doc: &mut Document, node: ObjectId) -> Result<(), AttachError> {
    let mut current = Some(node);
    for _ in 0..MAX_DEPTH {
        let Some(id) = current else {
            return Ok(());
        };
        let count = doc
            .get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"Count").ok())
            .cloned();
        match count {
            Some(Object::Reference(target)) => {
                let value = doc.get_object(target).and_then(Object::as_i64).unwrap_or(0);
                doc.objects.insert(target, Object::Integer(value + 1));
            }
            other => {
                let value = other.and_then(|c| c.as_i64().ok()).unwrap_or(0);
                doc.get_dictionary_mut(id)
                    .map_err(|e| tree_error(&e))?
                    .set("Count", value + 1);
            }
        }
        current = doc
            .get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"Parent").ok())
            .and_then(|p| p.as_reference().ok());
    }
    Err(AttachError::NotPdf("cây trang lồng quá sâu".to_owned()))
}

fn rect_object(rect: Rect) -> Object {
    Object::Array(
        [rect.x0, rect.y0, rect.x1, rect.y1]
            .iter()
            .map(|&v| Object::Real(v as f32))
            .collect(),
    )
}

/// Draws the block on the original's last page at `spot`, as a Form XObject painted after the
/// page's own content streams, which stay as they are.
pub(super) fn onto_last_page(
    doc: &mut Document,
    graft: &mut Graft,
    block: &Block,
    spot: Spot,
) -> Result<(), AttachError> {
    let form = form_xobject(doc, graft, block)?;
    let form_id = doc.add_object(form);

    let last = *lookup::pages(doc)
        .last()
        .ok_or_else(|| AttachError::NotPdf("tệp không có trang nào".to_owned()))?;
    let mut resources = lookup::inherited(doc, last, b"Resources")
        .and_then(|r| r.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    let mut xobjects = resources
        .get(b"XObject")
        .ok()
        .and_then(|x| lookup::dict(doc, x))
        .cloned()
        .unwrap_or_default();
    let name = fresh_name(&xobjects);
    xobjects.set(name.clone(), Object::Reference(form_id));
    resources.set("XObject", xobjects);

    let page = doc.get_dictionary(last).map_err(|e| tree_error(&e))?;
    let originals = lookup::content_refs(doc, page);
    let head = doc.add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
    let tail_text = format!(
        "{}Q\nq 1 0 0 1 {} {} cm /{} Do Q\n",
        "Q\n".repeat(spot.open_saves),
        number_text(spot.dx),
        number_text(spot.dy),
        String::from_utf8_lossy(&name),
    );
    let tail = doc.add_object(Stream::new(Dictionary::new(), tail_text.into_bytes()));

    let mut contents = Vec::with_capacity(originals.len() + 2);
    contents.push(Object::Reference(head));
    contents.extend(originals);
    contents.push(Object::Reference(tail));
    let page = doc.get_dictionary_mut(last).map_err(|e| tree_error(&e))?;
    page.set("Resources", resources);
    page.set("Contents", Object::Array(contents));
    Ok(())
}

/// The block's page as a Form XObject whose BBox is its MediaBox.
fn form_xobject(
    doc: &mut Document,
    graft: &mut Graft,
    block: &Block,
) -> Result<Stream, AttachError> {
    let source = block.page_dict()?;
    let refs = lookup::content_refs(&block.doc, source);
    let streams: Vec<&Stream> = refs
        .iter()
        .filter_map(|r| lookup::deref(&block.doc, r).as_stream().ok())
        .collect();
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Form".to_vec()));
    dict.set("FormType", 1);
    dict.set("BBox", rect_object(block.media));
    let resources = lookup::inherited(&block.doc, block.page, b"Resources").map_or_else(
        || Object::Dictionary(Dictionary::new()),
        |r| graft.copy(&block.doc, doc, r),
    );
    dict.set("Resources", resources);

    if let [single] = streams.as_slice() {
        for key in [b"Filter".as_slice(), b"DecodeParms"] {
            if let Ok(value) = single.dict.get(key) {
                dict.set(key.to_vec(), graft.copy(&block.doc, doc, value));
            }
        }
        return Ok(Stream::new(dict, single.content.clone()));
    }
    let mut content = Vec::new();
    for stream in streams {
        let plain = stream.get_plain_content().map_err(|e| {
            AttachError::Block(format!("không giải nén được nội dung khối sao: {e}"))
        })?;
        content.extend_from_slice(&plain);
        content.push(b'\n');
    }
    let mut stream = Stream::new(dict, content);
    stream
        .compress()
        .map_err(|e| AttachError::Block(format!("không nén được nội dung khối sao: {e}")))?;
    Ok(stream)
}

/// A resource name for the block that `xobjects` does not use yet.
fn fresh_name(xobjects: &Dictionary) -> Vec<u8> {
    let mut name = b"HosoSaoY".to_vec();
    let mut n = 1u32;
    while xobjects.has(&name) {
        n += 1;
        name = format!("HosoSaoY{n}").into_bytes();
    }
    name
}

/// A number for a content stream: at most three decimals, no trailing zeros, no `-0`.
pub(super) fn number_text(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

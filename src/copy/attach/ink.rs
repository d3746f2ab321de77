//! Where ink lies on a page, found by interpreting the page with hayro into a device that
//! only keeps the bounding box of what is painted.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_cmap::CMapName;
use hayro_interpret::hayro_syntax::LoadPdfError;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::content::ops::TypedInstruction;
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, ImageData, InterpreterCache,
    InterpreterSettings, LumaData, Paint, PathDrawMode, RectExt, SoftMask, StrokeProps,
    interpret_page,
};
use kurbo::{Affine, BezPath, Rect, Shape, Stroke, StrokeOpts};

use super::AttachError;

/// Where ink is on a page, in PDF points from the page's bottom-left corner (the lower-left
/// corner of its MediaBox), in the page's unrotated user space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    /// Leftmost inked x.
    pub left: f32,
    /// Lowest inked y.
    pub bottom: f32,
    /// Rightmost inked x.
    pub right: f32,
    /// Highest inked y.
    pub top: f32,
}

impl Ink {
    /// Width of the inked area, in points.
    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    /// Height of the inked area, in points.
    pub fn height(&self) -> f32 {
        self.top - self.bottom
    }
}

/// The ink of page `index` (0-based) of `pdf`; `None` for a blank page.
///
/// Every path fill and stroke, glyph, image and shading counts, after its transform and
/// limited by the clip in force (clips are approximated by their bounding boxes). Paint that
/// cannot show on white paper (fully transparent, or white) does not count, nor does
/// invisible text (text rendering mode 3, as in the OCR layer of a scan). Raster images count
/// only where their pixels are darker than paper, so the white margins of a scan are free.
/// Annotation appearances count. When a font needs a predefined CMap that is not available,
/// the whole page counts as ink, so that nothing is ever printed over text that could not be
/// measured.
pub fn ink_of_page(pdf: &[u8], index: usize) -> Result<Option<Ink>, AttachError> {
    page_facts(pdf, index)
        .map(|facts| facts.ink)
        .map_err(FactsError::into_attach_error)
}

/// What placing the copy block needs to know about one page.
#[derive(Debug, Clone, Copy)]
pub(super) struct PageFacts {
    /// The page's ink, relative to the MediaBox's lower-left corner.
    pub(super) ink: Option<Ink>,
    /// The page's MediaBox, normalised, in its user space.
    pub(super) media: Rect,
    /// How many `q` of the page's content are left without their `Q`.
    pub(super) open_saves: usize,
    /// How many pages the document has.
    pub(super) page_count: usize,
}

/// Why a page could not be measured.
#[derive(Debug, Clone)]
pub(super) enum FactsError {
    /// The PDF is encrypted with a password we do not have.
    Encrypted,
    /// The PDF or the page could not be read; the reason, in Vietnamese.
    Unreadable(String),
}

impl FactsError {
    /// The error as seen by the caller when the measured PDF is the user's.
    pub(super) fn into_attach_error(self) -> AttachError {
        match self {
            Self::Encrypted => AttachError::Encrypted,
            Self::Unreadable(reason) => AttachError::NotPdf(reason),
        }
    }

    /// The reason, in Vietnamese.
    pub(super) fn reason(&self) -> String {
        match self {
            Self::Encrypted => "PDF được mã hóa".to_owned(),
            Self::Unreadable(reason) => reason.clone(),
        }
    }
}

/// Measures page `index` of `pdf`.
pub(super) fn page_facts(pdf: &[u8], index: usize) -> Result<PageFacts, FactsError> {
    let pdf = Pdf::new(pdf.to_vec()).map_err(|error| match error {
        LoadPdfError::Decryption(_) => FactsError::Encrypted,
        LoadPdfError::Invalid => FactsError::Unreadable("cấu trúc tệp bị hỏng".to_owned()),
    })?;
    let pages = pdf.pages();
    let page_count = pages.len();
    let page = pages.get(index).ok_or_else(|| {
        FactsError::Unreadable(format!(
            "không có trang {} (tệp có {page_count} trang)",
            index + 1
        ))
    })?;

    let media = page.media_box().to_kurbo().abs();
    let sheet = Rect::new(0.0, 0.0, media.width(), media.height());
    let uncertain = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&uncertain);
    let settings = InterpreterSettings {
        cmap_resolver: Arc::new(move |_: CMapName<'_>| -> Option<&'static [u8]> {
            flag.store(true, Ordering::Relaxed);
            None
        }),
        render_annotations: true,
        ..InterpreterSettings::default()
    };
    let cache = InterpreterCache::new();
    let mut context = Context::new(
        Affine::translate((-media.x0, -media.y0)),
        sheet,
        &cache,
        page.xref(),
        settings,
    );
    let mut device = InkDevice::new(sheet);
    interpret_page(page, &mut context, &mut device);

    let ink = if uncertain.load(Ordering::Relaxed) {
        Some(sheet)
    } else {
        device.ink
    };
    let mut open_saves = 0usize;
    let mut ops = page.typed_operations();
    while let Some(op) = ops.next() {
        match op {
            TypedInstruction::SaveState(_) => open_saves += 1,
            TypedInstruction::RestoreState(_) => open_saves = open_saves.saturating_sub(1),
            _ => {}
        }
    }
    Ok(PageFacts {
        ink: ink.map(|r| Ink {
            left: r.x0 as f32,
            bottom: r.y0 as f32,
            right: r.x1 as f32,
            top: r.y1 as f32,
        }),
        media,
        open_saves,
        page_count,
    })
}

/// Pixels of a raster image at or above this level in every channel are paper, not ink.
const PAPER: u8 = 216;
/// Images with at least this many pixels are treated as scans: a lone dark pixel is noise.
const SCAN_PIXELS: usize = 10_000;

/// A device that unions the bounding boxes of everything painted.
struct InkDevice {
    ink: Option<Rect>,
    /// The clip stack; `None` means that nothing can show.
    clips: Vec<Option<Rect>>,
}

impl InkDevice {
    fn new(sheet: Rect) -> Self {
        Self {
            ink: None,
            clips: vec![Some(sheet)],
        }
    }

    fn clip(&self) -> Option<Rect> {
        self.clips.last().copied().flatten()
    }

    fn add(&mut self, rect: Rect) {
        if ![rect.x0, rect.y0, rect.x1, rect.y1]
            .iter()
            .all(|v| v.is_finite())
        {
            return;
        }
        let Some(clipped) = self.clip().and_then(|clip| overlap(clip, rect.abs())) else {
            return;
        };
        self.ink = Some(match self.ink {
            Some(ink) => ink.union(clipped),
            None => clipped,
        });
    }

    fn add_path(&mut self, path: &BezPath, transform: Affine, mode: &PathDrawMode) {
        if path.segments().next().is_none() {
            return;
        }
        let mut rect = (transform * path).bounding_box();
        if let PathDrawMode::Stroke(props) = mode {
            rect = rect.union(stroke_box(path, props, transform));
        }
        self.add(rect);
    }
}

/// The overlap of two rectangles; touching rectangles overlap in a line.
fn overlap(a: Rect, b: Rect) -> Option<Rect> {
    let r = Rect::new(
        a.x0.max(b.x0),
        a.y0.max(b.y0),
        a.x1.min(b.x1),
        a.y1.min(b.y1),
    );
    (r.x0 <= r.x1 && r.y0 <= r.y1).then_some(r)
}

/// Bounding box of the outline of `path` stroked with `props`, after `transform`.
fn stroke_box(path: &BezPath, props: &StrokeProps, transform: Affine) -> Rect {
    let width = f64::from(props.line_width);
    let bare = (transform * path).bounding_box();
    if width <= 0.0 || !width.is_finite() {
        return bare;
    }
    let scale = transform.determinant().abs().sqrt().max(1e-9);
    let style = Stroke::new(width)
        .with_join(props.line_join)
        .with_caps(props.line_cap)
        .with_miter_limit(f64::from(props.miter_limit));
    let outline = kurbo::stroke(
        path.iter(),
        &style,
        &StrokeOpts::default(),
        (0.05 / scale).max(1e-4),
    );
    if outline.segments().next().is_none() {
        return bare;
    }
    bare.union((transform * outline).bounding_box())
}

/// Whether paint of this kind leaves a mark on white paper.
fn shows(paint: &Paint<'_>) -> bool {
    match paint {
        Paint::Color(color) => {
            let [r, g, b, a] = color.to_rgba().to_rgba8();
            a > 0 && !(r >= 250 && g >= 250 && b >= 250)
        }
        Paint::Pattern(_) => true,
    }
}

/// The box of inked pixels of an image, in pixels of its decoded data, or `None` when every
/// pixel is paper.
fn inked_pixels(width: u32, height: u32, inked: impl Fn(usize) -> bool) -> Option<Rect> {
    let (w, h) = (width as usize, height as usize);
    let mask: Vec<bool> = (0..w * h).map(inked).collect();
    let speckle = w * h >= SCAN_PIXELS;
    let mut found: Option<(usize, usize, usize, usize)> = None;
    for y in 0..h {
        for x in 0..w {
            if !mask[y * w + x] || (speckle && !has_inked_neighbour(&mask, w, h, x, y)) {
                continue;
            }
            found = Some(match found {
                Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1)),
                None => (x, y, x + 1, y + 1),
            });
        }
    }
    found.map(|(x0, y0, x1, y1)| Rect::new(x0 as f64, y0 as f64, x1 as f64, y1 as f64))
}

fn has_inked_neighbour(mask: &[bool], w: usize, h: usize, x: usize, y: usize) -> bool {
    let (x0, x1) = (x.saturating_sub(1), (x + 1).min(w - 1));
    let (y0, y1) = (y.saturating_sub(1), (y + 1).min(h - 1));
    (y0..=y1).any(|ny| (x0..=x1).any(|nx| (nx, ny) != (x, y) && mask[ny * w + nx]))
}

/// The inked pixels of decoded raster data with its optional alpha channel.
fn raster_box(image: &ImageData, alpha: Option<&LumaData>) -> Option<Rect> {
    let (w, h) = (image.width(), image.height());
    let alpha = alpha
        .filter(|a| a.width == w && a.height == h && a.data.len() >= (w as usize) * (h as usize))
        .map(|a| a.data.as_slice());
    let opaque = |i: usize| alpha.is_none_or(|a| a[i] >= 16);
    match image {
        ImageData::Rgb(rgb) => {
            let data = rgb.data.as_slice();
            inked_pixels(w, h, |i| {
                opaque(i)
                    && data
                        .get(i * 3..i * 3 + 3)
                        .is_some_and(|p| p.iter().any(|&c| c < PAPER))
            })
        }
        ImageData::Luma(luma) => {
            let data = luma.data.as_slice();
            inked_pixels(w, h, |i| {
                opaque(i) && data.get(i).is_some_and(|&c| c < PAPER)
            })
        }
    }
}

/// Where the pixels `pixels` of decoded data with scale factors `scale` land on the page.
fn place_pixels(pixels: Rect, scale: (f32, f32), transform: Affine) -> Rect {
    let to_image = Affine::scale_non_uniform(f64::from(scale.0), f64::from(scale.1));
    (transform * to_image * pixels.to_path(0.1)).bounding_box()
}

impl<'a> Device<'a> for InkDevice {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}

    fn set_blend_mode(&mut self, _: BlendMode) {}

    fn draw_path(
        &mut self,
        path: &BezPath,
        transform: Affine,
        paint: &Paint<'a>,
        draw_mode: &PathDrawMode,
    ) {
        if shows(paint) {
            self.add_path(path, transform, draw_mode);
        }
    }

    fn push_clip_path(&mut self, clip_path: &ClipPath) {
        let bounds = clip_path.path.bounding_box();
        let next = if clip_path.path.segments().next().is_none() {
            None
        } else {
            self.clip().and_then(|clip| overlap(clip, bounds))
        };
        self.clips.push(next);
    }

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        paint: &Paint<'a>,
        draw_mode: &GlyphDrawMode,
    ) {
        if !shows(paint) {
            return;
        }
        match glyph {
            Glyph::Outline(outline) => {
                let path = glyph_transform * outline.outline();
                match draw_mode {
                    GlyphDrawMode::Invisible => {}
                    GlyphDrawMode::Fill => self.add_path(
                        &path,
                        transform,
                        &PathDrawMode::Fill(hayro_interpret::FillRule::NonZero),
                    ),
                    GlyphDrawMode::Stroke(props) => {
                        self.add_path(&path, transform, &PathDrawMode::Stroke(props.clone()));
                    }
                }
            }
            Glyph::Type3(shape) => {
                if !matches!(draw_mode, GlyphDrawMode::Invisible) {
                    shape.interpret(self, transform, glyph_transform, paint);
                }
            }
        }
    }

    fn draw_image(&mut self, image: Image<'a, '_>, transform: Affine) {
        if self.clip().is_none() {
            return;
        }
        let whole = Rect::new(
            0.0,
            0.0,
            f64::from(image.width()),
            f64::from(image.height()),
        );
        let mut measured: Option<Option<Rect>> = None;
        match &image {
            Image::Raster(raster) => raster.with_rgba(
                |data, alpha| {
                    let scale = data.scale_factors();
                    measured = Some(
                        raster_box(&data, alpha.as_ref())
                            .map(|pixels| place_pixels(pixels, scale, transform)),
                    );
                },
                None,
            ),
            Image::Stencil(stencil) => stencil.with_stencil(
                |mask, paint| {
                    measured = Some(if shows(paint) {
                        let data = mask.data.as_slice();
                        inked_pixels(mask.width, mask.height, |i| {
                            data.get(i).is_some_and(|&c| c >= 128)
                        })
                        .map(|pixels| place_pixels(pixels, mask.scale_factors, transform))
                    } else {
                        None
                    });
                },
                None,
            ),
        }
        match measured {
            Some(Some(rect)) => self.add(rect),
            Some(None) => {}
            None => self.add((transform * whole.to_path(0.1)).bounding_box()),
        }
    }

    fn pop_clip_path(&mut self) {
        if self.clips.len() > 1 {
            self.clips.pop();
        }
    }

    fn pop_transparency_group(&mut self) {}
}

//! The fonts hoso embeds, and which characters they can draw.

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};

/// The bundled font files: Liberation Serif (metric-compatible with Times New Roman), then the
/// fallback for what it lacks, DejaVu Sans.
pub const FILES: [&[u8]; 6] = [
    include_bytes!("../../fonts/liberation-serif/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/liberation-serif/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/liberation-serif/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/liberation-serif/LiberationSerif-BoldItalic.ttf"),
    include_bytes!("../../fonts/dejavu-sans/DejaVuSans.ttf"),
    include_bytes!("../../fonts/dejavu-sans/DejaVuSans-Bold.ttf"),
];

/// Every bundled font, parsed once per process: the PDF engine and the glyph check share them.
pub fn bundled() -> &'static [Font] {
    static FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
        FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect()
    });
    &FONTS
}

/// Which characters the bundled fonts can draw.
pub struct Coverage {
    fonts: Vec<FontInfo>,
}

impl Coverage {
    /// The coverage of the bundled fonts.
    pub fn bundled() -> Coverage {
        Coverage {
            fonts: bundled().iter().map(|font| font.info().clone()).collect(),
        }
    }

    /// Whether some bundled font draws `c`. Whitespace and the invisible format characters (zero
    /// width spaces and joiners, variation selectors) need no glyph.
    pub fn draws(&self, c: char) -> bool {
        c.is_whitespace()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
            || self
                .fonts
                .iter()
                .any(|font| font.coverage.contains(u32::from(c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_common_symbols_are_drawn_emoji_and_cjk_are_not() {
        let coverage = Coverage::bundled();
        for c in "Nguyễn Thị Hường ĐẢNG ①→½€№✓□■".chars() {
            assert!(coverage.draws(c), "{c}");
        }
        for c in "👍中文".chars() {
            assert!(!coverage.draws(c), "{c}");
        }
    }
}

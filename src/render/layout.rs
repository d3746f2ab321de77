//! Page geometry and type sizes: one set of numbers that both backends read, so PDF and DOCX agree.

use serde::Serialize;

/// Page, margins, sizes and spacing of a Party document (HD 36-HD/VPTW, see FORMS.md).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Layout {
    /// Page width (A4).
    pub page_width_mm: f64,
    /// Page height (A4).
    pub page_height_mm: f64,
    /// Top margin.
    pub margin_top_mm: f64,
    /// Bottom margin.
    pub margin_bottom_mm: f64,
    /// Left margin.
    pub margin_left_mm: f64,
    /// Right margin.
    pub margin_right_mm: f64,
    /// Body text size.
    pub body_pt: f64,
    /// Organisation names, the star and the date line.
    pub header_pt: f64,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".
    pub party_pt: f64,
    /// The document type (tên loại).
    pub title_pt: f64,
    /// The form code in the corner.
    pub form_code_pt: f64,
    /// Notes under signature headings.
    pub note_pt: f64,
    /// Page numbers in the top margin.
    pub page_number_pt: f64,
    /// Line pitch as a multiple of single spacing.
    pub line_spacing: f64,
    /// Single line height of the font as word processors count it, in em (ascent + descent + gap).
    pub font_line_em: f64,
    /// Height of the font's ascent plus descent, in em: the line box the PDF's paragraphs use.
    pub font_box_em: f64,
    /// Space after each paragraph.
    pub paragraph_gap_pt: f64,
    /// First-line indent of body paragraphs.
    pub indent_mm: f64,
    /// Share of the text width taken by the left header column.
    pub header_left_share: f64,
    /// Space between the header block and the title.
    pub title_gap_pt: f64,
    /// Space left for a signature and seal.
    pub signature_space_mm: f64,
}

impl Layout {
    /// The gap between line boxes that gives the line pitch of `line_spacing`, in em.
    pub fn leading_em(&self) -> f64 {
        self.line_spacing * self.font_line_em - self.font_box_em
    }

    /// The width of the text area.
    pub fn text_width_mm(&self) -> f64 {
        self.page_width_mm - self.margin_left_mm - self.margin_right_mm
    }
}

/// The layout of every document hoso makes.
pub const PARTY: Layout = Layout {
    page_width_mm: 210.0,
    page_height_mm: 297.0,
    margin_top_mm: 20.0,
    margin_bottom_mm: 20.0,
    margin_left_mm: 30.0,
    margin_right_mm: 15.0,
    body_pt: 14.0,
    header_pt: 14.0,
    party_pt: 15.0,
    title_pt: 15.0,
    form_code_pt: 12.0,
    note_pt: 13.0,
    page_number_pt: 14.0,
    line_spacing: 1.15,
    font_line_em: 1.149,
    font_box_em: 1.107,
    paragraph_gap_pt: 6.0,
    indent_mm: 10.0,
    header_left_share: 0.42,
    title_gap_pt: 18.0,
    signature_space_mm: 22.0,
};

/// The font family the DOCX names; the PDF embeds its metric twin, Liberation Serif.
pub const DOCX_FONT: &str = "Times New Roman";

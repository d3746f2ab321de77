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
    /// Text in tables.
    pub table_pt: f64,
    /// Left and right padding of a table cell (Word's default, 0.19 cm).
    pub table_cell_padding_mm: f64,
    /// The width of a table's rules; a row's text starts below its top rule.
    pub table_rule_pt: f64,
    /// Space a word processor leaves below the last line of a table row, besides the rule
    /// (LibreOffice, measured: rows of 1–4 lines of 12 pt, 0.5 pt rules).
    pub table_row_space_pt: f64,
    /// "Nơi nhận:".
    pub recipients_heading_pt: f64,
    /// The recipients under it.
    pub recipients_pt: f64,
    /// Line pitch as a multiple of single spacing.
    pub line_spacing: f64,
    /// The font's ascent above the baseline, in em (hhea, as word processors read it).
    pub font_ascent_em: f64,
    /// The font's descent below the baseline, in em.
    pub font_descent_em: f64,
    /// The font's line gap, in em: single spacing is ascent + descent + gap.
    pub font_gap_em: f64,
    /// Space after each paragraph.
    pub paragraph_gap_pt: f64,
    /// First-line indent of body paragraphs.
    pub indent_mm: f64,
    /// Share of the text width taken by the left header column.
    pub header_left_share: f64,
    /// Space between the header block and the title.
    pub title_gap_pt: f64,
    /// Space after the title and the lines under it.
    pub title_after_pt: f64,
    /// Space after a row of signatures.
    pub signature_after_pt: f64,
    /// Distance from the top edge of the page to the top of the page number's line.
    pub header_distance_mm: f64,
    /// Space left for a signature and seal.
    pub signature_space_mm: f64,
    /// The width of the solid rule above a copy block.
    pub copy_rule_pt: f64,
    /// Space between that rule and the copy block's first line.
    pub copy_rule_gap_pt: f64,
    /// Space between the copy block's header lines and its nơi nhận and signature.
    pub copy_corner_gap_pt: f64,
}

impl Layout {
    /// The line of text of `size_pt` points, as LibreOffice sets a DOCX line with Word's
    /// "multiple" spacing: single spacing is ascent + descent + gap, counted in whole twips
    /// (twentieths of a point); the pitch is that times the line spacing, again in whole twips;
    /// the baseline sits the gap and the ascent below the top of the line. The extra height of
    /// the spacing lies below the descent, and a line still fits at the foot of a page when only
    /// that extra height overhangs the margin.
    pub fn line_box(&self, size_pt: f64) -> LineBox {
        let single =
            (size_pt * 20.0 * (self.font_ascent_em + self.font_descent_em + self.font_gap_em))
                .round();
        LineBox {
            pitch_pt: (single * self.line_spacing).round() / 20.0,
            baseline_pt: size_pt * (self.font_gap_em + self.font_ascent_em),
            descent_pt: size_pt * self.font_descent_em,
        }
    }

    /// How far short of the right margin the PDF ends italic body lines: LibreOffice keeps room
    /// for the slant of italic letters at the end of a line, a twelfth of the font's single line
    /// height (measured on the samples: more than 1.06 pt and less than 1.5 pt at 14 pt).
    pub fn italic_slack_pt(&self) -> f64 {
        let line = self.line_box(self.body_pt);
        (line.baseline_pt + line.descent_pt) / 12.0
    }

    /// The space after a ruled table, up to the next block, in whole twips: what a body line
    /// leaves below its glyphs and the gap between paragraphs. The DOCX holds it as an empty
    /// paragraph of exactly that height, which also keeps the table apart from a table after it.
    pub fn table_after_pt(&self) -> f64 {
        let line = self.line_box(self.body_pt);
        let extra = line.pitch_pt - line.baseline_pt - line.descent_pt;
        ((extra + self.paragraph_gap_pt) * 20.0).round() / 20.0
    }

    /// Every text size the layout uses, smallest first.
    pub fn text_sizes(&self) -> Vec<f64> {
        let mut sizes = vec![
            self.body_pt,
            self.header_pt,
            self.party_pt,
            self.title_pt,
            self.form_code_pt,
            self.note_pt,
            self.page_number_pt,
            self.recipients_heading_pt,
            self.recipients_pt,
            self.table_pt,
        ];
        sizes.sort_by(f64::total_cmp);
        sizes.dedup();
        sizes
    }

    /// The width of the text area.
    pub fn text_width_mm(&self) -> f64 {
        self.page_width_mm - self.margin_left_mm - self.margin_right_mm
    }
}

/// The height of one line of text and where its baseline sits, in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LineBox {
    /// From one baseline to the next.
    pub pitch_pt: f64,
    /// From the top of the line to its baseline.
    pub baseline_pt: f64,
    /// From the baseline to the bottom of the glyphs' box; the rest of the pitch is space.
    pub descent_pt: f64,
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
    table_pt: 12.0,
    table_cell_padding_mm: 1.905,
    table_rule_pt: 0.5,
    table_row_space_pt: 0.35,
    recipients_heading_pt: 12.0,
    recipients_pt: 11.0,
    line_spacing: 1.15,
    font_ascent_em: 1825.0 / 2048.0,
    font_descent_em: 443.0 / 2048.0,
    font_gap_em: 87.0 / 2048.0,
    paragraph_gap_pt: 6.0,
    indent_mm: 10.0,
    header_left_share: 0.42,
    title_gap_pt: 18.0,
    title_after_pt: 12.0,
    signature_after_pt: 12.0,
    header_distance_mm: 10.0,
    signature_space_mm: 22.0,
    copy_rule_pt: 0.5,
    copy_rule_gap_pt: 6.0,
    copy_corner_gap_pt: 6.0,
};

/// The font family the DOCX names; the PDF embeds its metric twin, Liberation Serif.
pub const DOCX_FONT: &str = "Times New Roman";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_fourteen_points_is_as_libreoffice_sets_it() {
        // Measured in LibreOffice 7.4's PDF of a DOCX in Times New Roman 14 pt, 1.15 lines:
        // 18.5 pt from baseline to baseline, the first baseline 13.07 pt below the text area.
        let line = PARTY.line_box(14.0);
        assert_eq!(line.pitch_pt, 18.5);
        assert!((line.baseline_pt - 13.07).abs() < 0.01, "{line:?}");
    }
}

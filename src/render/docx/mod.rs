//! DOCX backend: walks the same Document with docx-rs, then makes the package valid OOXML.

mod package;
mod schema_order;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Tab, TabLeaderType,
    TabValueType, Table, TableCell, TableRow, WidthType,
};

use super::RenderError;
use super::layout::{DOCX_FONT, Layout};
use crate::document::{Block, Document, Frame, Inline, Signature};

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 56.692_913;

fn twips(mm: f64) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

/// Word's font sizes are in half-points.
fn half_points(pt: f64) -> usize {
    (pt * 2.0).round() as usize
}

/// Draws `document` with `layout` and returns the DOCX file's bytes.
pub fn docx(document: &Document, layout: &Layout) -> Result<Vec<u8>, RenderError> {
    let writer = Writer { layout };
    let fonts = RunFonts::new()
        .ascii(DOCX_FONT)
        .hi_ansi(DOCX_FONT)
        .cs(DOCX_FONT)
        .east_asia(DOCX_FONT);
    let timestamp = format!("{}T00:00:00Z", document.meta.date);
    let mut docx = Docx::new()
        .page_size(
            twips(layout.page_width_mm) as u32,
            twips(layout.page_height_mm) as u32,
        )
        .page_margin(
            PageMargin::new()
                .top(twips(layout.margin_top_mm))
                .bottom(twips(layout.margin_bottom_mm))
                .left(twips(layout.margin_left_mm))
                .right(twips(layout.margin_right_mm))
                .header(twips(layout.margin_top_mm / 2.0))
                .footer(twips(layout.margin_bottom_mm / 2.0)),
        )
        .default_fonts(fonts)
        .default_size(half_points(layout.body_pt))
        .first_header(Header::new())
        .header(Header::new().add_paragraph(writer.page_number()))
        .title_pg()
        .created_at(&timestamp)
        .updated_at(&timestamp);
    let frame = &document.frame;
    if let Some(code) = &frame.form_code {
        docx = docx.add_paragraph(writer.plain(AlignmentType::Right).add_run(writer.text(
            code,
            false,
            true,
            layout.form_code_pt,
        )));
    }
    docx = docx.add_table(writer.header_table(frame));
    for paragraph in writer.title(frame) {
        docx = docx.add_paragraph(paragraph);
    }
    for block in &document.body {
        docx = match writer.block(block) {
            Part::Paragraphs(paragraphs) => paragraphs
                .into_iter()
                .fold(docx, |docx, p| docx.add_paragraph(p)),
            Part::Table(table) => docx.add_table(*table),
        };
    }
    package::finish(docx, &document.meta).map_err(|e| RenderError::Docx(e.to_string()))
}

/// What one Block becomes in the DOCX body.
enum Part {
    Paragraphs(Vec<Paragraph>),
    Table(Box<Table>),
}

struct Writer<'a> {
    layout: &'a Layout,
}

impl Writer<'_> {
    fn spacing(&self, after_pt: f64) -> LineSpacing {
        LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line((240.0 * self.layout.line_spacing).round() as i32)
            .after((after_pt * 20.0).round() as u32)
    }

    /// A paragraph without indent, aligned as asked, with no space after.
    fn plain(&self, align: AlignmentType) -> Paragraph {
        Paragraph::new()
            .align(align)
            .line_spacing(self.spacing(0.0))
    }

    fn text(&self, text: &str, bold: bool, italic: bool, size_pt: f64) -> Run {
        let mut run = Run::new().add_text(text).size(half_points(size_pt));
        if bold {
            run = run.bold();
        }
        if italic {
            run = run.italic();
        }
        run
    }

    /// Right tab stops with dotted leaders, one per fill, sharing the line equally.
    fn fill_tabs(&self, fills: usize, paragraph: Paragraph) -> Paragraph {
        let width = self.layout.text_width_mm();
        (1..=fills).fold(paragraph, |p, i| {
            let position = width * i as f64 / fills as f64;
            p.add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .leader(TabLeaderType::Dot)
                    .pos(twips(position) as usize),
            )
        })
    }

    fn runs(
        &self,
        paragraph: Paragraph,
        inlines: &[Inline],
        bold: bool,
        italic: bool,
    ) -> Paragraph {
        let fills = inlines.iter().filter(|i| matches!(i, Inline::Fill)).count();
        let paragraph = self.fill_tabs(fills, paragraph);
        inlines.iter().fold(paragraph, |p, inline| match inline {
            Inline::Text {
                text,
                bold: b,
                italic: i,
            } => p.add_run(self.text(text, bold || *b, italic || *i, self.layout.body_pt)),
            Inline::Fill => p.add_run(Run::new().add_tab()),
            Inline::LineBreak => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
        })
    }

    fn body_paragraph(&self) -> Paragraph {
        Paragraph::new()
            .align(AlignmentType::Both)
            .indent(
                None,
                Some(SpecialIndentType::FirstLine(twips(self.layout.indent_mm))),
                None,
                None,
            )
            .line_spacing(self.spacing(self.layout.paragraph_gap_pt))
    }

    /// The title and the lines under it.
    fn title(&self, frame: &Frame) -> Vec<Paragraph> {
        let l = self.layout;
        let mut paragraphs = Vec::new();
        let title = self
            .plain(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before((l.title_gap_pt * 20.0) as u32))
            .add_run(self.text(&frame.title, true, false, l.title_pt));
        paragraphs.push(title);
        for line in &frame.subtitles {
            paragraphs.push(self.plain(AlignmentType::Center).add_run(self.text(
                &line.text,
                !line.italic,
                line.italic,
                l.body_pt,
            )));
        }
        paragraphs.push(self.plain(AlignmentType::Left));
        paragraphs
    }

    /// The header block: organisation over its star on the left, the Party's name and the date on
    /// the right, as a borderless table.
    fn header_table(&self, frame: &Frame) -> Table {
        let l = self.layout;
        let width = twips(l.text_width_mm());
        let left_width = (f64::from(width) * l.header_left_share).round() as i32;
        let center = |text: &str, bold: bool, italic: bool, size: f64| {
            self.plain(AlignmentType::Center)
                .add_run(self.text(text, bold, italic, size))
        };
        let left = TableCell::new()
            .width(left_width as usize, WidthType::Dxa)
            .add_paragraph(center(&frame.superior, false, false, l.header_pt))
            .add_paragraph(center(&frame.issuer, true, false, l.header_pt))
            .add_paragraph(center("*", false, false, l.header_pt))
            .clear_all_border();
        let party = self.plain(AlignmentType::Center).add_run(
            self.text(&frame.party, true, false, l.party_pt)
                .underline("single"),
        );
        let right = TableCell::new()
            .width((width - left_width) as usize, WidthType::Dxa)
            .add_paragraph(party)
            .add_paragraph(center(&frame.place_date, false, true, l.header_pt))
            .clear_all_border();
        Table::without_borders(vec![TableRow::new(vec![left, right])])
            .set_grid(vec![left_width as usize, (width - left_width) as usize])
            .width(width as usize, WidthType::Dxa)
            .clear_all_border()
    }

    fn block(&self, block: &Block) -> Part {
        let l = self.layout;
        match block {
            Block::Heading { level, inlines } => Part::Paragraphs(vec![self.runs(
                self.body_paragraph().keep_next(true),
                inlines,
                *level == 2,
                *level == 3,
            )]),
            Block::Paragraph {
                inlines,
                keep_with_next,
            } => Part::Paragraphs(vec![self.runs(
                self.body_paragraph().keep_next(*keep_with_next),
                inlines,
                false,
                false,
            )]),
            Block::FillLines { count } => Part::Paragraphs(
                (0..*count)
                    .map(|_| {
                        self.fill_tabs(1, self.plain(AlignmentType::Left))
                            .add_run(Run::new().add_tab())
                    })
                    .collect(),
            ),
            Block::Signatures { left, right } => {
                let width = twips(l.text_width_mm());
                let half = width / 2;
                let cell = |signature: &Option<Signature>| {
                    self.signature(signature.as_ref())
                        .into_iter()
                        .fold(TableCell::new(), |c, p| c.add_paragraph(p))
                        .width(half as usize, WidthType::Dxa)
                        .clear_all_border()
                };
                let row = TableRow::new(vec![cell(left), cell(right)]).cant_split();
                Part::Table(Box::new(
                    Table::without_borders(vec![row])
                        .set_grid(vec![half as usize, (width - half) as usize])
                        .width(width as usize, WidthType::Dxa)
                        .clear_all_border(),
                ))
            }
        }
    }

    fn signature(&self, signature: Option<&Signature>) -> Vec<Paragraph> {
        let l = self.layout;
        let Some(signature) = signature else {
            return vec![self.plain(AlignmentType::Center)];
        };
        let mut paragraphs: Vec<Paragraph> = signature
            .heading
            .iter()
            .map(|line| {
                self.plain(AlignmentType::Center)
                    .keep_next(true)
                    .add_run(self.text(line, true, false, l.body_pt))
            })
            .collect();
        if let Some(note) = &signature.note {
            paragraphs.push(
                self.plain(AlignmentType::Center)
                    .keep_next(true)
                    .add_run(self.text(note, false, true, l.note_pt)),
            );
        }
        let space = (l.signature_space_mm * TWIPS_PER_MM) as u32;
        let mut name = self
            .plain(AlignmentType::Center)
            .line_spacing(self.spacing(0.0).before(space));
        if let Some(text) = &signature.name {
            name = name.add_run(self.text(text, true, false, l.body_pt));
        }
        paragraphs.push(name);
        paragraphs
    }

    /// The page number field, centred, for the header of pages after the first.
    fn page_number(&self) -> Paragraph {
        let size = half_points(self.layout.page_number_pt);
        let field = |run: Run| run.size(size);
        self.plain(AlignmentType::Center)
            .add_run(field(
                Run::new().add_field_char(FieldCharType::Begin, false),
            ))
            .add_run(field(
                Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())),
            ))
            .add_run(field(
                Run::new().add_field_char(FieldCharType::Separate, false),
            ))
            .add_run(field(Run::new().add_text("2")))
            .add_run(field(Run::new().add_field_char(FieldCharType::End, false)))
    }
}

//! DOCX backend: walks the same Document with docx-rs, then makes the package valid OOXML.

mod package;
mod schema_order;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Tab, TabLeaderType,
    TabValueType, Table, TableCell, TableCellMargins, TableRow, WidthType,
};

use super::RenderError;
use super::layout::{DOCX_FONT, Layout};
use crate::document::{Block, Choice, Document, Frame, Inline, Signature};

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 56.692_913;

fn twips(mm: f64) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

/// Word's spacing is in twentieths of a point.
fn points_to_twips(pt: f64) -> u32 {
    (pt * 20.0).round() as u32
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
                .header(twips(layout.header_distance_mm))
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
            .after(points_to_twips(after_pt))
    }

    /// A paragraph without indent, aligned as asked, with no space after. Widow and orphan
    /// control is off, as in the PDF, so that both break pages at the same line.
    fn plain(&self, align: AlignmentType) -> Paragraph {
        Paragraph::new()
            .align(align)
            .widow_control(false)
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
            .widow_control(false)
            .indent(
                None,
                Some(SpecialIndentType::FirstLine(twips(self.layout.indent_mm))),
                None,
                None,
            )
            .line_spacing(self.spacing(self.layout.paragraph_gap_pt))
    }

    /// The title and the lines under it; the title keeps the space that parts it from the
    /// header, the last line the space that parts it from the body.
    fn title(&self, frame: &Frame) -> Vec<Paragraph> {
        let l = self.layout;
        let lines = std::iter::once((frame.title.as_str(), true, false, l.title_pt)).chain(
            frame
                .subtitles
                .iter()
                .map(|line| (line.text.as_str(), !line.italic, line.italic, l.body_pt)),
        );
        let count = 1 + frame.subtitles.len();
        lines
            .enumerate()
            .map(|(index, (text, bold, italic, size))| {
                let after = if index + 1 == count {
                    l.title_after_pt
                } else {
                    0.0
                };
                let mut spacing = self.spacing(after);
                if index == 0 {
                    spacing = spacing.before(points_to_twips(l.title_gap_pt));
                }
                self.plain(AlignmentType::Center)
                    .line_spacing(spacing)
                    .add_run(self.text(text, bold, italic, size))
            })
            .collect()
    }

    /// A borderless table of one row whose cells have no margins, so that their text lines up
    /// with the PDF's grid cells.
    fn layout_table(&self, cells: Vec<(TableCell, i32)>) -> Table {
        let width: i32 = cells.iter().map(|(_, w)| w).sum();
        let grid = cells.iter().map(|(_, w)| *w as usize).collect();
        let cells = cells
            .into_iter()
            .map(|(cell, w)| cell.width(w as usize, WidthType::Dxa).clear_all_border())
            .collect();
        Table::without_borders(vec![TableRow::new(cells).cant_split()])
            .set_grid(grid)
            .width(width as usize, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0))
            .clear_all_border()
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
        let left = frame
            .superior
            .iter()
            .map(|line| center(line, false, false, l.header_pt))
            .chain(
                frame
                    .issuer
                    .iter()
                    .map(|line| center(line, true, false, l.header_pt)),
            )
            .chain([center("*", false, false, l.header_pt)])
            .fold(TableCell::new(), |cell, p| cell.add_paragraph(p));
        let party = self.plain(AlignmentType::Center).add_run(
            self.text(&frame.party, true, false, l.party_pt)
                .underline("single"),
        );
        let right = TableCell::new().add_paragraph(party).add_paragraph(center(
            &frame.place_date,
            false,
            true,
            l.header_pt,
        ));
        self.layout_table(vec![(left, left_width), (right, width - left_width)])
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
            Block::Choices { boxes, columns } => Part::Paragraphs(self.choices(boxes, *columns)),
            Block::Signatures { left, right } => {
                let width = twips(l.text_width_mm());
                let half = width / 2;
                let cell = |signature: &Option<Signature>| {
                    self.signature(signature.as_ref())
                        .into_iter()
                        .fold(TableCell::new(), |c, p| c.add_paragraph(p))
                };
                Part::Table(Box::new(self.layout_table(vec![
                    (cell(left), half),
                    (cell(right), width - half),
                ])))
            }
        }
    }

    /// Tick boxes in equal columns: one paragraph indented like a first line, its rows parted by
    /// line breaks and its columns by left tab stops at equal fractions of the rest of the line.
    fn choices(&self, boxes: &[Choice], columns: u8) -> Vec<Paragraph> {
        let l = self.layout;
        let columns = usize::from(columns.max(1));
        let column_mm = (l.text_width_mm() - l.indent_mm) / columns as f64;
        let mut paragraph = (1..columns).fold(
            Paragraph::new()
                .align(AlignmentType::Left)
                .widow_control(false)
                .indent(Some(twips(l.indent_mm)), None, None, None)
                .line_spacing(self.spacing(l.paragraph_gap_pt)),
            |p, column| {
                p.add_tab(
                    Tab::new()
                        .val(TabValueType::Left)
                        .pos(twips(l.indent_mm + column_mm * column as f64) as usize),
                )
            },
        );
        for (index, choice) in boxes.iter().enumerate() {
            if index > 0 {
                paragraph = paragraph.add_run(if index % columns == 0 {
                    Run::new().add_break(BreakType::TextWrapping)
                } else {
                    Run::new().add_tab()
                });
            }
            paragraph = paragraph.add_run(self.text(&choice.text, false, false, l.body_pt));
        }
        vec![paragraph]
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
        let space = (l.signature_space_mm * TWIPS_PER_MM).round() as u32;
        let mut name = self
            .plain(AlignmentType::Center)
            .line_spacing(self.spacing(l.signature_after_pt).before(space));
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

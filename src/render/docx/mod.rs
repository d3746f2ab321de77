//! DOCX backend: walks the same Document with docx-rs, then makes the package valid OOXML.

mod package;
mod schema_order;

pub use package::DocxError;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType,
    Tab, TabLeaderType, TabValueType, Table, TableBorder, TableBorderPosition, TableCell,
    TableCellBorder, TableCellBorderPosition, TableCellMargins, TableRow, WidthType,
};

use super::RenderError;
use super::layout::{DOCX_FONT, Layout};
use crate::document::{
    Block, Choice, Column, CopyMark, Corner, Document, Frame, Inline, Recipients, Signature,
};

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
/// The paragraph styles of the form's headings: a part ("II. Hạn chế…", level 2, Word's outline
/// level 1) and an item within it ("1. Hạn chế…", level 3). They carry an outline level and
/// nothing that draws, so that Word's navigation pane lists the headings and a review written
/// on the file is read back by them, while the paragraphs' own formatting places every line
/// where it was.
fn heading_styles() -> [Style; 2] {
    [(2, "Đề mục phần"), (3, "Đề mục nhỏ")].map(|(level, name)| {
        Style::new(heading_style_id(level), StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(usize::from(level) - 2)
    })
}

/// The id of the paragraph style of a heading of `level`.
fn heading_style_id(level: u8) -> String {
    format!("DeMuc{level}")
}

fn half_points(pt: f64) -> usize {
    (pt * 2.0).round() as usize
}

/// Draws `document` with `layout` and returns the DOCX file's bytes.
///
/// ```
/// use hoso::forms::Catalogue;
/// use hoso::render::{docx::docx, layout::PARTY};
///
/// let yaml = "nam: 2025
/// to_chuc: {cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng}
/// hoi_nghi: {ngay: 2025-12-05}
/// dang_vien:
///   - {id: an, ho_ten: Nguyễn Văn An, ngay_sinh: 1972-03-12}
/// ";
/// let dossier = hoso::dossier::parse(yaml, "don-vi.yaml")?;
/// let catalogue = Catalogue::builtin()?;
/// let form = catalogue.find("tap-the", dossier.regime(), dossier.year)?;
/// let document = catalogue.collective_document(form, &dossier)?;
/// assert_eq!(document.meta.author, "Chi bộ Phòng Kế toán");
/// let bytes = docx(&document, &PARTY)?;
/// assert!(bytes.starts_with(b"PK\x03\x04")); // a zip archive
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    for style in heading_styles() {
        docx = docx.add_style(style);
    }
    if let Some(frame) = &document.frame {
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
    }
    // A page break is the next paragraph's "page break before": a break inside a paragraph of
    // its own would leave that paragraph's empty line at the top of the new page.
    let mut break_before = false;
    let mut after_table = false;
    let mut after_kept = false;
    let body = &document.body;
    let kept_blocks = crate::document::kept_with_next(body);
    let mut index = 0;
    while index < body.len() {
        let block = &body[index];
        index += 1;
        if matches!(block, Block::PageBreak) {
            break_before = true;
            continue;
        }
        let mut kept = kept_blocks[index - 1];
        let part = if matches!(block, Block::Signatures { .. }) {
            // Rows of signatures kept with one another make one table.
            let start = index - 1;
            while kept && matches!(body.get(index), Some(Block::Signatures { .. })) {
                kept = kept_blocks[index];
                index += 1;
            }
            writer.signature_rows(&body[start..index], kept)
        } else {
            writer.block(block, kept)
        };
        // Two tables in a row would be read as one (by Word and LibreOffice alike): a paragraph
        // of one twip parts them, kept with the next when the table before it is.
        if after_table && matches!(part, Part::Table(_)) {
            docx = docx.add_paragraph(writer.parting().keep_next(after_kept));
        }
        after_table = matches!(part, Part::Table(_));
        after_kept = kept;
        docx = match part {
            Part::Paragraphs(paragraphs) => paragraphs.into_iter().fold(docx, |docx, p| {
                let p = p.page_break_before(std::mem::take(&mut break_before));
                docx.add_paragraph(p)
            }),
            Part::Table(table) => docx.add_table(*table),
            Part::Titled(paragraphs, table, after) => paragraphs
                .into_iter()
                .fold(docx, |docx, p| {
                    let p = p.page_break_before(std::mem::take(&mut break_before));
                    docx.add_paragraph(p)
                })
                .add_table(*table)
                .add_paragraph(*after),
        };
    }
    package::finish(docx, &document.meta).map_err(RenderError::Docx)
}

/// What one Block becomes in the DOCX body.
enum Part {
    Paragraphs(Vec<Paragraph>),
    Table(Box<Table>),
    /// Paragraphs, then a table, then the empty paragraph that spaces it from what follows.
    Titled(Vec<Paragraph>, Box<Table>, Box<Paragraph>),
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

    /// A run of `text`; every text of the document goes through here, and through the XML guard.
    fn text(&self, text: &str, bold: bool, italic: bool, size_pt: f64) -> Run {
        let mut run = Run::new()
            .add_text(package::xml_text(text))
            .size(half_points(size_pt));
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
    /// with the PDF's grid cells; with `top_rule`, a solid rule of that many points runs along
    /// its top.
    fn layout_table(&self, cells: Vec<(TableCell, i32)>, top_rule: Option<f64>) -> Table {
        self.layout_rows(vec![cells], top_rule)
    }

    /// A borderless table of `rows`, each a row that cannot split, whose cells have the widths
    /// given; `top_rule` draws a rule of that many points above the first row's cells.
    fn layout_rows(&self, rows: Vec<Vec<(TableCell, i32)>>, top_rule: Option<f64>) -> Table {
        let first = rows.first().map(Vec::as_slice).unwrap_or_default();
        let width: i32 = first.iter().map(|(_, w)| w).sum();
        let grid = first.iter().map(|(_, w)| *w as usize).collect();
        let rows = rows
            .into_iter()
            .map(|cells| {
                let cells = cells
                    .into_iter()
                    .map(|(cell, w)| {
                        let cell = cell.width(w as usize, WidthType::Dxa).clear_all_border();
                        match top_rule {
                            // Word counts rule widths in eighths of a point.
                            Some(points) => cell.set_border(
                                TableCellBorder::new(TableCellBorderPosition::Top)
                                    .size((points * 8.0).round() as usize),
                            ),
                            None => cell,
                        }
                    })
                    .collect();
                TableRow::new(cells).cant_split()
            })
            .collect();
        Table::without_borders(rows)
            .set_grid(grid)
            .width(width as usize, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0))
            .clear_all_border()
    }

    /// Rows of signatures (or the nơi nhận and a signature) as one table, a row each; `kept`
    /// keeps every line of them on the page of what follows, and every row but the last is kept
    /// with the next. One table, because LibreOffice keeps no table with a table after it.
    fn signature_rows(&self, rows: &[Block], kept: bool) -> Part {
        let width = twips(self.layout.text_width_mm());
        let half = width / 2;
        let count = rows.len();
        let rows = rows
            .iter()
            .enumerate()
            .filter_map(|(index, block)| match block {
                Block::Signatures { left, right } => Some((index, left, right)),
                _ => None,
            })
            .map(|(index, left, right)| {
                let keep = kept || index + 1 < count;
                let cell = |corner: &Option<Corner>| {
                    self.corner(corner.as_ref())
                        .into_iter()
                        .map(|p| if keep { p.keep_next(true) } else { p })
                        .fold(TableCell::new(), |c, p| c.add_paragraph(p))
                };
                vec![(cell(left), half), (cell(right), width - half)]
            })
            .collect();
        Part::Table(Box::new(self.layout_rows(rows, None)))
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
            .chain(
                frame
                    .number
                    .iter()
                    .map(|number| center(number, false, false, l.header_pt)),
            )
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
        self.layout_table(vec![(left, left_width), (right, width - left_width)], None)
    }

    /// The copy block: under a solid rule, a table of two rows of two columns (the copying
    /// organisation and the form of copy with its date; the nơi nhận and the signature), held
    /// in the one row of an outer table that cannot break across pages.
    fn copy_table(&self, mark: &CopyMark) -> Table {
        let l = self.layout;
        let width = twips(l.text_width_mm());
        let left_width = (f64::from(width) * l.header_left_share).round() as i32;
        let line = |text: &str, bold: bool, italic: bool| {
            self.plain(AlignmentType::Center)
                .add_run(self.text(text, bold, italic, l.header_pt))
        };
        // The first paragraph of a cell takes the space above it.
        let spaced = |paragraphs: Vec<Paragraph>, before_pt: f64| {
            paragraphs
                .into_iter()
                .enumerate()
                .map(|(index, p)| match index {
                    0 => p.line_spacing(self.spacing(0.0).before(points_to_twips(before_pt))),
                    _ => p,
                })
                .fold(TableCell::new(), |c, p| c.add_paragraph(p))
        };
        let organisation = mark
            .superior
            .iter()
            .map(|name| line(name, false, false))
            .chain(mark.issuer.iter().map(|name| line(name, true, false)))
            .chain([line("*", false, false), line(&mark.number, false, false)])
            .collect();
        let form = [
            line(&mark.form, true, false),
            line(&mark.place_date, false, true),
        ]
        .into_iter()
        .chain(mark.scope.iter().map(|scope| line(scope, false, true)))
        .collect();
        let row = |left: TableCell, right: TableCell| {
            TableRow::new(vec![
                left.width(left_width as usize, WidthType::Dxa),
                right.width((width - left_width) as usize, WidthType::Dxa),
            ])
            .cant_split()
        };
        let inner = Table::without_borders(vec![
            row(
                spaced(organisation, l.copy_rule_gap_pt),
                spaced(form, l.copy_rule_gap_pt),
            ),
            row(
                spaced(self.recipients(&mark.recipients), l.copy_corner_gap_pt),
                spaced(self.signature(&mark.signature), l.copy_corner_gap_pt),
            ),
        ])
        .set_grid(vec![left_width as usize, (width - left_width) as usize])
        .width(width as usize, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .clear_all_border();
        // A cell ends with a paragraph: the smallest there is.
        let outer = TableCell::new()
            .add_table(inner)
            .add_paragraph(self.parting());
        self.layout_table(vec![(outer, width)], Some(l.copy_rule_pt))
    }

    /// What `block` becomes; `kept` keeps its last line on the page of the next block.
    fn block(&self, block: &Block, kept: bool) -> Part {
        match block {
            Block::Heading { level, inlines } => Part::Paragraphs(vec![
                self.runs(
                    self.body_paragraph()
                        .style(&heading_style_id(*level))
                        .keep_next(true),
                    inlines,
                    *level == 2,
                    *level == 3,
                ),
            ]),
            Block::Paragraph { inlines, .. } => Part::Paragraphs(vec![self.runs(
                self.body_paragraph().keep_next(kept),
                inlines,
                false,
                false,
            )]),
            Block::FillLines { count } => Part::Paragraphs(
                (0..*count)
                    .map(|line| {
                        self.fill_tabs(1, self.plain(AlignmentType::Left))
                            .keep_next(kept && line + 1 == *count)
                            .add_run(Run::new().add_tab())
                    })
                    .collect(),
            ),
            Block::Choices { boxes, columns } => Part::Paragraphs(
                self.choices(boxes, *columns)
                    .into_iter()
                    .map(|p| p.keep_next(kept))
                    .collect(),
            ),
            Block::Table {
                title,
                columns,
                rows,
            } => {
                let (title, table) = self.table(title, columns, rows, kept);
                Part::Titled(
                    title,
                    Box::new(table),
                    Box::new(self.table_after().keep_next(kept)),
                )
            }
            Block::PageBreak => Part::Paragraphs(Vec::new()),
            Block::Signatures { .. } => self.signature_rows(std::slice::from_ref(block), kept),
            Block::Copy(mark) => Part::Table(Box::new(self.copy_table(mark))),
        }
    }

    /// The empty paragraph after a ruled table, exactly [`Layout::table_after_pt`] high.
    fn table_after(&self) -> Paragraph {
        self.empty_line(points_to_twips(self.layout.table_after_pt()) as i32)
    }

    /// The empty paragraph, one twip high, that keeps two tables apart.
    fn parting(&self) -> Paragraph {
        self.empty_line(1)
    }

    /// An empty paragraph exactly `height` twips high.
    fn empty_line(&self, height: i32) -> Paragraph {
        self.plain(AlignmentType::Left).size(2).line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(height)
                .line_rule(LineSpacingType::Exact),
        )
    }

    /// A ruled table under its centred bold title: the header row, marked to repeat on every
    /// page (package.rs turns the mark into `w:tblHeader`), then a row per item; `kept` keeps
    /// the last row on the page of what follows.
    fn table(
        &self,
        title: &[String],
        columns: &[Column],
        rows: &[Vec<String>],
        kept: bool,
    ) -> (Vec<Paragraph>, Table) {
        let l = self.layout;
        let count = title.len();
        let title = title
            .iter()
            .enumerate()
            .map(|(index, line)| {
                let after = if index + 1 == count {
                    l.paragraph_gap_pt
                } else {
                    0.0
                };
                self.plain(AlignmentType::Center)
                    .keep_next(true)
                    .line_spacing(self.spacing(after))
                    .add_run(self.text(line, true, false, l.body_pt))
            })
            .collect();
        let width = f64::from(twips(l.text_width_mm()));
        let shares: u32 = columns.iter().map(|c| u32::from(c.share)).sum();
        let widths: Vec<usize> = columns
            .iter()
            .map(|c| (width * f64::from(c.share) / f64::from(shares.max(1))).round() as usize)
            .collect();
        let row = |cells: Vec<(&str, bool)>, keep: bool| {
            let cells = cells
                .into_iter()
                .zip(&widths)
                .map(|((text, header), width)| {
                    let align = if header {
                        AlignmentType::Center
                    } else {
                        AlignmentType::Left
                    };
                    TableCell::new()
                        .width(*width, WidthType::Dxa)
                        .add_paragraph(
                            // The paragraph mark carries the cell's size too, so that an empty
                            // cell's line is as tall as its neighbours'.
                            self.plain(align)
                                .keep_next(keep)
                                .size(half_points(l.table_pt))
                                .add_run(self.text(text, header, false, l.table_pt)),
                        )
                })
                .collect();
            // A row is kept whole on one page, as the PDF keeps it.
            TableRow::new(cells).cant_split()
        };
        let header = row(
            columns.iter().map(|c| (c.header.as_str(), true)).collect(),
            false,
        )
        .row_height(package::REPEATED_HEADER_MARK);
        let last = rows.len().saturating_sub(1);
        let body = rows.iter().enumerate().map(|(index, cells)| {
            row(
                cells.iter().map(|c| (c.as_str(), false)).collect(),
                kept && index == last,
            )
        });
        // Word counts rule widths in eighths of a point.
        let eighths = (l.table_rule_pt * 8.0).round() as usize;
        let border = |position| TableBorder::new(position).size(eighths);
        let padding = twips(l.table_cell_padding_mm) as usize;
        let table = Table::new(std::iter::once(header).chain(body).collect())
            .set_grid(widths)
            .width(width as usize, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, padding, 0, padding))
            .set_border(border(TableBorderPosition::Top))
            .set_border(border(TableBorderPosition::Left))
            .set_border(border(TableBorderPosition::Bottom))
            .set_border(border(TableBorderPosition::Right))
            .set_border(border(TableBorderPosition::InsideH))
            .set_border(border(TableBorderPosition::InsideV));
        (title, table)
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

    /// The paragraphs of one corner of a signature row; an empty corner holds one empty line.
    fn corner(&self, corner: Option<&Corner>) -> Vec<Paragraph> {
        match corner {
            Some(Corner::Signature(signature)) => self.signature(signature),
            Some(Corner::Recipients(recipients)) => self.recipients(recipients),
            None => vec![self.plain(AlignmentType::Center)],
        }
    }

    /// The nơi nhận: its heading in bold italics, then a line per recipient, left-aligned.
    fn recipients(&self, recipients: &Recipients) -> Vec<Paragraph> {
        let l = self.layout;
        let heading = self.plain(AlignmentType::Left).add_run(self.text(
            &recipients.heading,
            true,
            true,
            l.recipients_heading_pt,
        ));
        std::iter::once(heading)
            .chain(recipients.lines.iter().map(|line| {
                self.plain(AlignmentType::Left).add_run(self.text(
                    line,
                    false,
                    false,
                    l.recipients_pt,
                ))
            }))
            .collect()
    }

    fn signature(&self, signature: &Signature) -> Vec<Paragraph> {
        let l = self.layout;
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

//! The fonts of a workbook's cells, which calamine does not read. A text typed in an old font
//! keeps the font's bytes, and the same bytes are lowercase letters in .VnTime and capitals in
//! .VnTimeH: the font, where it names an old encoding, says how to read the cell better than
//! the bytes can. Read from an .xlsx (each cell's style, `s`, to `cellXfs`, to `fonts`) and
//! from an .ods (each cell's style, or its row's or column's, to `style:font-name`, through
//! the styles it inherits); an .xls keeps its fonts in binary records that are not read.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::docx::attribute;
use crate::old_text::{self, Encoding};

/// The font of a cell whose font names an old encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellFont {
    /// The font's name, as the workbook writes it (".VnTimeH").
    pub name: String,
    /// The encoding it names.
    pub encoding: Encoding,
}

/// The cells of the sheet `sheet` whose font names an old encoding, by (row, column) from 0 as
/// the sheet places them, in the workbook `bytes`. Empty for a workbook that is not a zip
/// package (.xls), or whose parts do not read: its cells are then told by their bytes alone.
pub fn legacy_fonts(bytes: &[u8], sheet: &str) -> BTreeMap<(usize, usize), CellFont> {
    let Ok(mut package) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return BTreeMap::new();
    };
    let found = if package.by_name("xl/workbook.xml").is_ok() {
        xlsx_fonts(&mut package, sheet)
    } else {
        ods_fonts(&mut package, sheet)
    };
    found.unwrap_or_default()
}

/// The package of a workbook being read.
type Package<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The most a part of a workbook is read to (a sheet of a million cells is far less).
const PART_LIMIT: u64 = 256 << 20;

/// The text of the part `name` of `package`, `None` when it is missing, too large or does not
/// read.
fn part(package: &mut Package<'_>, name: &str) -> Option<String> {
    super::docx::part(package, name, PART_LIMIT).ok().flatten()
}

/// The local name of an element (`c` of `x:c`).
fn local(element: &BytesStart<'_>) -> String {
    element.local_name().as_ref().to_string()
}

/// Each element of `xml` as it opens (`Start` or `Empty`, whether it is empty) or closes
/// (`None`, with its local name), to `visit`; stops at the first error.
fn walk(xml: &str, mut visit: impl FnMut(Option<&BytesStart<'_>>, &str, bool)) -> Option<()> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event().ok()? {
            Event::Start(element) => visit(Some(&element), &local(&element), false),
            Event::Empty(element) => visit(Some(&element), &local(&element), true),
            Event::End(element) => visit(None, element.local_name().as_ref(), false),
            Event::Eof => return Some(()),
            _ => {}
        }
    }
}

/// The fonts of the .xlsx sheet `sheet`.
fn xlsx_fonts(
    package: &mut Package<'_>,
    sheet: &str,
) -> Option<BTreeMap<(usize, usize), CellFont>> {
    let path = xlsx_sheet_path(package, sheet)?;
    let styles = xlsx_style_fonts(&part(package, "xl/styles.xml")?)?;
    if styles.iter().all(Option::is_none) {
        return Some(BTreeMap::new());
    }
    let xml = part(package, &path)?;
    let mut found = BTreeMap::new();
    let (mut row, mut next_row, mut next_column) = (0usize, 0usize, 0usize);
    walk(&xml, |element, name, _| {
        let Some(element) = element else {
            return;
        };
        match name {
            "row" => {
                row = attribute(element, "r")
                    .and_then(|r| r.parse::<usize>().ok())
                    .and_then(|r| r.checked_sub(1))
                    .unwrap_or(next_row);
                next_row = row + 1;
                next_column = 0;
            }
            "c" => {
                let (at_row, column) = attribute(element, "r")
                    .and_then(|r| cell_reference(&r))
                    .unwrap_or((row, next_column));
                next_column = column + 1;
                let style = attribute(element, "s")
                    .and_then(|s| s.parse::<usize>().ok())
                    .unwrap_or(0);
                if let Some(Some(font)) = styles.get(style) {
                    found.insert((at_row, column), font.clone());
                }
            }
            _ => {}
        }
    })?;
    Some(found)
}

/// The part of the .xlsx sheet named `sheet`: `xl/workbook.xml` gives its relationship, and
/// `xl/_rels/workbook.xml.rels` the part.
fn xlsx_sheet_path(package: &mut Package<'_>, sheet: &str) -> Option<String> {
    let mut id = None;
    walk(&part(package, "xl/workbook.xml")?, |element, name, _| {
        if let Some(element) = element
            && name == "sheet"
            && id.is_none()
            && attribute(element, "name").as_deref() == Some(sheet)
        {
            id = attribute(element, "id");
        }
    })?;
    let id = id?;
    let mut target = None;
    walk(
        &part(package, "xl/_rels/workbook.xml.rels")?,
        |element, name, _| {
            if let Some(element) = element
                && name == "Relationship"
                && attribute(element, "Id").as_deref() == Some(id.as_str())
            {
                target = attribute(element, "Target");
            }
        },
    )?;
    let target = target?;
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    })
}

/// A cell reference such as `B3` as (row, column) from 0.
fn cell_reference(reference: &str) -> Option<(usize, usize)> {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let row: usize = reference[letters.len()..].parse().ok()?;
    let column = letters.bytes().try_fold(0usize, |column, letter| {
        column
            .checked_mul(26)?
            .checked_add(usize::from(letter.to_ascii_uppercase().checked_sub(b'A')?) + 1)
    })?;
    Some((row.checked_sub(1)?, column.checked_sub(1)?))
}

/// For each cell format of an .xlsx's `styles.xml` (`cellXfs`, by the index a cell's `s`
/// gives), its font when the font names an old encoding.
fn xlsx_style_fonts(xml: &str) -> Option<Vec<Option<CellFont>>> {
    let mut fonts: Vec<Option<String>> = Vec::new();
    let mut formats: Vec<usize> = Vec::new();
    let (mut in_fonts, mut in_font, mut in_formats) = (false, false, false);
    walk(xml, |element, name, empty| match (element, name) {
        (Some(_), "fonts") => in_fonts = !empty,
        (None, "fonts") => in_fonts = false,
        (Some(_), "font") if in_fonts => {
            fonts.push(None);
            in_font = !empty;
        }
        (None, "font") => in_font = false,
        (Some(element), "name") if in_font => {
            if let Some(last) = fonts.last_mut() {
                *last = attribute(element, "val");
            }
        }
        (Some(_), "cellXfs") => in_formats = !empty,
        (None, "cellXfs") => in_formats = false,
        (Some(element), "xf") if in_formats => formats.push(
            attribute(element, "fontId")
                .and_then(|id| id.parse().ok())
                .unwrap_or(0),
        ),
        _ => {}
    })?;
    Some(
        formats
            .into_iter()
            .map(|font| fonts.get(font).cloned().flatten().and_then(legacy))
            .collect(),
    )
}

/// The font named `name`, when it names an old encoding.
fn legacy(name: String) -> Option<CellFont> {
    old_text::encoding_of_font(&name).map(|encoding| CellFont { name, encoding })
}

/// How many times a repeated row or cell of an .ods is counted at most: a sheet's tail of empty
/// rows repeated a million times holds no text.
const REPEAT_LIMIT: usize = 1 << 14;

/// An .ods style: its own font and the style it inherits from.
#[derive(Debug, Default)]
struct OdsStyle {
    font: Option<String>,
    parent: Option<String>,
}

/// The fonts of the .ods sheet `sheet`.
fn ods_fonts(package: &mut Package<'_>, sheet: &str) -> Option<BTreeMap<(usize, usize), CellFont>> {
    let content = part(package, "content.xml")?;
    let mut styles = HashMap::new();
    let mut faces = HashMap::new();
    if let Some(named) = part(package, "styles.xml") {
        ods_styles(&named, &mut styles, &mut faces)?;
    }
    ods_styles(&content, &mut styles, &mut faces)?;
    let font_of = |style: &str| -> Option<CellFont> {
        let mut name = Some(style.to_string());
        for _ in 0..16 {
            let found = styles.get(name.as_deref()?)?;
            if let Some(font) = &found.font {
                let family = faces.get(font).cloned().unwrap_or_else(|| font.clone());
                return legacy(family);
            }
            name = found.parent.clone();
        }
        None
    };
    let mut found = BTreeMap::new();
    let mut in_sheet = false;
    let mut columns: Vec<Option<String>> = Vec::new();
    let (mut row, mut column) = (0usize, 0usize);
    let mut row_style: Option<String> = None;
    let mut row_repeats = 1usize;
    let repeats = |element: &BytesStart<'_>, key: &str| {
        attribute(element, key)
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, REPEAT_LIMIT)
    };
    walk(&content, |element, name, empty| match (element, name) {
        (Some(element), "table") => {
            in_sheet = !empty && attribute(element, "name").as_deref() == Some(sheet);
        }
        (None, "table") => in_sheet = false,
        (Some(element), "table-column") if in_sheet => {
            let style = attribute(element, "default-cell-style-name");
            let count = repeats(element, "number-columns-repeated");
            columns.extend(std::iter::repeat_n(style, count));
        }
        (Some(element), "table-row") if in_sheet => {
            row_style = attribute(element, "default-cell-style-name");
            row_repeats = repeats(element, "number-rows-repeated");
            column = 0;
            if empty {
                row += row_repeats;
            }
        }
        (None, "table-row") if in_sheet => row += row_repeats,
        (Some(element), "table-cell" | "covered-table-cell") if in_sheet => {
            let count = repeats(element, "number-columns-repeated");
            // Only a cell with content holds text to read.
            if !empty {
                let style = attribute(element, "style-name")
                    .or_else(|| row_style.clone())
                    .or_else(|| columns.get(column).cloned().flatten())
                    .unwrap_or_else(|| "Default".to_string());
                if let Some(font) = font_of(&style) {
                    for at_row in row..row + row_repeats {
                        for at_column in column..column + count {
                            found.insert((at_row, at_column), font.clone());
                        }
                    }
                }
            }
            column += count;
        }
        _ => {}
    })?;
    Some(found)
}

/// The styles of an .ods part (`styles.xml`'s named ones, `content.xml`'s automatic ones) and
/// its font faces (a font's name in a style to its family), added to `styles` and `faces`.
fn ods_styles(
    xml: &str,
    styles: &mut HashMap<String, OdsStyle>,
    faces: &mut HashMap<String, String>,
) -> Option<()> {
    let mut current: Option<String> = None;
    walk(xml, |element, name, empty| match (element, name) {
        (Some(element), "font-face") => {
            if let (Some(name), Some(family)) = (
                attribute(element, "name"),
                attribute(element, "font-family"),
            ) {
                faces.insert(name, family.trim_matches(['\'', '"']).to_string());
            }
        }
        (Some(element), "style" | "default-style") => {
            let family = attribute(element, "family");
            if family.as_deref() != Some("table-cell") {
                current = None;
                return;
            }
            let key = match name {
                "style" => attribute(element, "name"),
                _ => Some("Default".to_string()),
            };
            if let Some(key) = &key {
                let style = styles.entry(key.clone()).or_default();
                style.parent = attribute(element, "parent-style-name");
            }
            current = if empty { None } else { key };
        }
        (None, "style" | "default-style") => current = None,
        (Some(element), "text-properties") => {
            if let Some(key) = &current
                && let Some(font) = attribute(element, "font-name")
                && let Some(style) = styles.get_mut(key)
            {
                style.font = Some(font);
            }
        }
        _ => {}
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_its_row_and_column() {
        assert_eq!(cell_reference("A1"), Some((0, 0)));
        assert_eq!(cell_reference("B3"), Some((2, 1)));
        assert_eq!(cell_reference("AA10"), Some((9, 26)));
        assert_eq!(cell_reference("A0"), None);
    }

    #[test]
    fn each_format_gives_its_font_when_it_names_an_old_encoding() {
        let styles = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><name val=".VnTime"/></font><font><b/><name val=".VnTimeH"/></font></fonts>
<cellStyleXfs count="1"><xf fontId="2"/></cellStyleXfs>
<cellXfs count="4"><xf fontId="0"/><xf fontId="1"/><xf numFmtId="14" fontId="2"/><xf/></cellXfs>
<dxfs count="1"><dxf><font><name val="VNI-Times"/></font></dxf></dxfs>
</styleSheet>"#;
        let fonts: Vec<Option<Encoding>> = xlsx_style_fonts(styles)
            .unwrap()
            .into_iter()
            .map(|font| font.map(|f| f.encoding))
            .collect();
        assert_eq!(
            fonts,
            vec![
                None,
                Some(Encoding::Tcvn3),
                Some(Encoding::Tcvn3Capitals),
                None
            ]
        );
    }
}

//! Puts the children of WordprocessingML elements in the order the OOXML schema (ECMA-376,
//! wml.xsd) requires. docx-rs writes some of them out of order; LibreOffice accepts that, Word
//! may refuse the file.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use super::package::DocxError;

const RUN_PROPERTIES: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

const PARAGRAPH_PROPERTIES: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

const SECTION_PROPERTIES: &[&str] = &[
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

const TABLE_PROPERTIES: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

const ROW_PROPERTIES: &[&str] = &[
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
];

const CELL_PROPERTIES: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];

const BORDERS: &[&str] = &[
    "top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl",
];

const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

const LEVEL: &[&str] = &[
    "start",
    "numFmt",
    "lvlRestart",
    "pStyle",
    "isLgl",
    "suff",
    "lvlText",
    "lvlPicBulletId",
    "legacy",
    "lvlJc",
    "pPr",
    "rPr",
];

const ABSTRACT_NUMBERING: &[&str] = &[
    "nsid",
    "multiLevelType",
    "tmpl",
    "name",
    "styleLink",
    "numStyleLink",
    "lvl",
];

const SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
];

/// The order of the children of element `name`: listed children first, in this order; children
/// not listed (content such as runs or rows) keep their relative order after them.
fn order(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "w:rPr" => RUN_PROPERTIES,
        "w:pPr" => PARAGRAPH_PROPERTIES,
        "w:sectPr" => SECTION_PROPERTIES,
        "w:tblPr" => TABLE_PROPERTIES,
        "w:tcPr" => CELL_PROPERTIES,
        "w:trPr" => ROW_PROPERTIES,
        "w:tblBorders" | "w:tcBorders" | "w:pBdr" | "w:tblCellMar" | "w:tcMar" => BORDERS,
        "w:style" => STYLE,
        "w:styles" => &["docDefaults", "latentStyles"],
        "w:docDefaults" => &["rPrDefault", "pPrDefault"],
        "w:lvl" => LEVEL,
        "w:abstractNum" => ABSTRACT_NUMBERING,
        "w:numbering" => &["numPicBullet", "abstractNum"],
        "w:settings" => SETTINGS,
        "w:p" => &["pPr"],
        "w:r" => &["rPr"],
        "w:tbl" => &["tblPr", "tblGrid"],
        "w:tr" => &["tblPrEx", "trPr"],
        "w:tc" => &["tcPr"],
        _ => return None,
    })
}

/// Attributes that the schema does not allow on an element.
fn drop_attribute(element: &str, attribute: &str) -> bool {
    matches!((element, attribute), ("w:gridCol", "w:type"))
}

/// A parsed XML node; text and other events are kept as they were read.
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
    },
    Other(Event<'static>),
}

impl Node {
    fn is_empty_element(&self, name: &str) -> bool {
        matches!(self, Node::Element { start, children }
            if children.is_empty()
                && start.name().as_ref() == name
                && start.attributes().next().is_none())
    }

    fn local_name(&self) -> Option<String> {
        match self {
            Node::Element { start, .. } => Some(start.local_name().as_ref().to_string()),
            Node::Other(_) => None,
        }
    }
}

/// Returns `xml` with every element's children in schema order.
pub fn reorder(xml: &[u8]) -> Result<Vec<u8>, DocxError> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<(BytesStart<'static>, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let mut buffer = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buffer)?.into_owned();
        buffer.clear();
        let node = match event {
            Event::Eof => break,
            Event::Start(start) => {
                stack.push((clean(start), Vec::new()));
                continue;
            }
            Event::End(_) => {
                let (start, mut children) = stack.pop().ok_or(DocxError::ExtraEnd)?;
                let name = start.name().as_ref().to_string();
                if name == "w:pPr" {
                    // An empty paragraph-mark rPr says nothing, and the pPr of styles, numbering
                    // levels and defaults may not hold one at all.
                    children.retain(|child| !child.is_empty_element("w:rPr"));
                }
                if let Some(order) = order(&name) {
                    sort(&mut children, order);
                }
                Node::Element { start, children }
            }
            Event::Empty(start) => Node::Element {
                start: clean(start),
                children: Vec::new(),
            },
            other => Node::Other(other),
        };
        match stack.last_mut() {
            Some((_, children)) => children.push(node),
            None => top.push(node),
        }
    }
    if !stack.is_empty() {
        return Err(DocxError::MissingEnd);
    }
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    for node in &top {
        write(&mut writer, node)?;
    }
    Ok(writer.into_inner())
}

fn clean(start: BytesStart<'static>) -> BytesStart<'static> {
    let name = start.name().as_ref().to_string();
    if !start
        .attributes()
        .flatten()
        .any(|a| drop_attribute(&name, a.key.as_ref()))
    {
        return start;
    }
    let mut cleaned = BytesStart::new(name.clone());
    for attribute in start.attributes().flatten() {
        if !drop_attribute(&name, attribute.key.as_ref()) {
            cleaned.push_attribute(attribute);
        }
    }
    cleaned
}

fn sort(children: &mut [Node], order: &[&str]) {
    let rank = |node: &Node| -> usize {
        node.local_name()
            .and_then(|name| order.iter().position(|n| *n == name))
            .unwrap_or(order.len())
    };
    children.sort_by_key(rank);
}

fn write(writer: &mut Writer<Vec<u8>>, node: &Node) -> Result<(), DocxError> {
    let result = match node {
        Node::Element { start, children } if children.is_empty() => {
            writer.write_event(Event::Empty(start.borrow()))
        }
        Node::Element { start, children } => {
            writer.write_event(Event::Start(start.borrow()))?;
            for child in children {
                write(writer, child)?;
            }
            writer.write_event(Event::End(start.to_end()))
        }
        Node::Other(event) => writer.write_event(event.borrow()),
    };
    Ok(result?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reordered(xml: &str) -> String {
        String::from_utf8(reorder(xml.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn run_properties_follow_the_schema() {
        assert_eq!(
            reordered(
                r#"<w:r><w:t>x</w:t><w:rPr><w:sz w:val="28"/><w:rFonts w:ascii="A"/><w:b/></w:rPr></w:r>"#
            ),
            r#"<w:r><w:rPr><w:rFonts w:ascii="A"/><w:b/><w:sz w:val="28"/></w:rPr><w:t>x</w:t></w:r>"#
        );
    }

    #[test]
    fn content_keeps_its_order_and_text_its_escapes() {
        let xml = r#"<w:p><w:r><w:t>a &amp; &lt;b&gt;</w:t></w:r><w:pPr><w:jc w:val="both"/><w:rPr><w:b/></w:rPr><w:spacing/></w:pPr><w:r><w:t>c</w:t></w:r></w:p>"#;
        assert_eq!(
            reordered(xml),
            r#"<w:p><w:pPr><w:spacing/><w:jc w:val="both"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>a &amp; &lt;b&gt;</w:t></w:r><w:r><w:t>c</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn empty_paragraph_mark_properties_are_dropped() {
        assert_eq!(
            reordered(r#"<w:pPr><w:rPr /><w:ind w:left="1"/></w:pPr>"#),
            r#"<w:pPr><w:ind w:left="1"/></w:pPr>"#
        );
    }

    #[test]
    fn disallowed_attributes_are_dropped() {
        assert_eq!(
            reordered(r#"<w:tblGrid><w:gridCol w:w="10" w:type="dxa"/></w:tblGrid>"#),
            r#"<w:tblGrid><w:gridCol w:w="10"/></w:tblGrid>"#
        );
    }
}

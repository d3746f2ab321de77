"""Reads a DOCX with python-docx and prints what the tests check, as JSON.

Usage: docx_facts.py FILE.docx

Prints: the text of every paragraph of the body in reading order (table cells row by row,
cell by cell), the text of the paragraphs kept with the next one, the page size and margins of
the first section, the core properties, the default language, the fonts named by runs and
by the document defaults, and the text of each table's header rows (repeated on every page).
"""

import json
import sys

import docx
from docx.oxml.ns import qn


def body_paragraphs(document):
    """Every paragraph of the body in order, descending into tables."""
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            yield block
        elif block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                for cell in row.iter(qn("w:tc")):
                    yield from cell.iter(qn("w:p"))


def header_rows(document):
    """The text of every table row marked to repeat as a header, cell by cell."""
    for row in document.element.body.iter(qn("w:tr")):
        properties = row.find(qn("w:trPr"))
        if properties is not None and properties.find(qn("w:tblHeader")) is not None:
            yield "".join(paragraph_text(p) for p in row.iter(qn("w:p")))


def paragraph_text(element):
    return docx.text.paragraph.Paragraph(element, None).text


def main(path):
    document = docx.Document(path)
    section = document.sections[0]
    styles = document.styles.element
    lang = styles.find(".//" + qn("w:rPrDefault") + "//" + qn("w:lang"))
    default_fonts = styles.find(".//" + qn("w:rPrDefault") + "//" + qn("w:rFonts"))
    run_fonts = {
        value
        for fonts in document.element.body.iter(qn("w:rFonts"))
        for value in fonts.attrib.values()
    }
    if default_fonts is not None:
        run_fonts.update(default_fonts.attrib.values())
    mm = lambda length: round(length.mm, 1)
    facts = {
        "paragraphs": [paragraph_text(p) for p in body_paragraphs(document)],
        "kept_with_next": [
            p.text for p in document.paragraphs if p.paragraph_format.keep_with_next
        ],
        "page": {
            "width_mm": mm(section.page_width),
            "height_mm": mm(section.page_height),
            "top_mm": mm(section.top_margin),
            "bottom_mm": mm(section.bottom_margin),
            "left_mm": mm(section.left_margin),
            "right_mm": mm(section.right_margin),
        },
        "title": document.core_properties.title,
        "author": document.core_properties.author,
        "created": document.core_properties.created.isoformat(),
        "language": lang.get(qn("w:val")) if lang is not None else None,
        "fonts": sorted(run_fonts),
        "header_rows": list(header_rows(document)),
    }
    json.dump(facts, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])

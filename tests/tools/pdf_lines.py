"""Prints the lines of text of a PDF with their baselines, as JSON (read by PyMuPDF).

Usage: pdf_lines.py FILE.pdf

Prints a list of pages; each page is a list of lines sorted top to bottom, then left to right:
{"text": the words joined by single spaces, "baseline": the baseline's distance from the top of
the page in points, "left": the line's left edge in points}. Dotted leaders are reduced to "…",
since a PDF may draw them as many dots or as few, and a line of leaders alone is kept as "…".
"""

import json
import re
import sys

import pymupdf

DOTS = re.compile(r"\.{3,}|…+")


def page_lines(page):
    lines = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = line["spans"]
            raw = "".join(span["text"] for span in spans)
            text = " ".join(DOTS.sub(" … ", raw).split())
            if not text:
                continue
            lines.append(
                {
                    "text": text,
                    "baseline": round(spans[0]["origin"][1], 2),
                    "left": round(line["bbox"][0], 2),
                }
            )
    lines.sort(key=lambda l: (l["baseline"], l["left"]))
    return lines


if __name__ == "__main__":
    with pymupdf.open(sys.argv[1]) as document:
        pages = [page_lines(page) for page in document]
    json.dump(pages, sys.stdout, ensure_ascii=False)

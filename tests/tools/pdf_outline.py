"""Prints the bookmarks of a PDF as JSON: [[level, title, page], ...], read with PyMuPDF.

Usage: pdf_outline.py FILE.pdf
"""

import json
import sys

import pymupdf

with pymupdf.open(sys.argv[1]) as document:
    json.dump(document.get_toc(), sys.stdout, ensure_ascii=False)

"""Prints, as JSON, each page's content streams as pikepdf (qpdf) reads them: per page, a list of
the SHA-256 of each stream's raw bytes (as stored, filters and all), in drawing order.

Usage: pdf_page_streams.py FILE.pdf
"""

import hashlib
import json
import sys

import pikepdf

with pikepdf.open(sys.argv[1]) as pdf:
    pages = []
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        streams = [] if contents is None else (
            list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        )
        pages.append([hashlib.sha256(s.read_raw_bytes()).hexdigest() for s in streams])
    json.dump(pages, sys.stdout)

"""Writes a one-page A4 PDF whose page is inked from top to bottom (a filled rectangle inside
the margins), made with pikepdf: an original with no free space at the foot of its last page.

Usage: pdf_full_page.py OUT.pdf
"""

import sys

import pikepdf

pdf = pikepdf.new()
page = pdf.add_blank_page(page_size=(595.28, 841.89))
page.obj.Contents = pdf.make_stream(b"0.2 g 85 40 481 760 re f\n")
pdf.save(sys.argv[1], deterministic_id=True)

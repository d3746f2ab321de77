"""Prints, as JSON, what a PDF says about its archival conformance, read with pikepdf (qpdf):
the PDF/A identification and properties of its XMP, its document information, its output
intents, its language, and what PDF/A-2b forbids or requires of the objects inside it.

Usage: pdf_archive_facts.py FILE.pdf
"""

import json
import sys

import pikepdf
from pikepdf import Name


def walk(obj, seen):
    """Every dictionary and stream reachable from obj, once each."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Object) and item.is_indirect:
            key = item.objgen
            if key in seen:
                continue
            seen.add(key)
        if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            yield item
            stack.extend(item.values())
        elif isinstance(item, pikepdf.Array):
            stack.extend(item)


def font_embedded(font):
    """Whether a font dictionary carries its font program (Type 3 fonts are drawn by the file)."""
    if font.get("/Subtype") == Name.Type3:
        return True
    if font.get("/Subtype") == Name.Type0:
        return all(font_embedded(d) for d in font.get("/DescendantFonts", []))
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


with pikepdf.open(sys.argv[1]) as pdf:
    meta = pdf.open_metadata()
    root = pdf.Root
    info = pdf.docinfo
    facts = {
        "pages": len(pdf.pages),
        "pdfaid_part": meta.get("pdfaid:part"),
        "pdfaid_conformance": meta.get("pdfaid:conformance"),
        "xmp_title": meta.get("dc:title"),
        "xmp_creator": meta.get("dc:creator"),
        "xmp_create_date": meta.get("xmp:CreateDate"),
        "info_title": str(info.get("/Title", "")),
        "info_author": str(info.get("/Author", "")),
        "info_creation_date": str(info.get("/CreationDate", "")),
        "lang": str(root.get("/Lang", "")),
        "output_intents": [
            {
                "subtype": str(intent.get("/S")),
                "profile_components": int(intent.DestOutputProfile.get("/N", 0))
                if "/DestOutputProfile" in intent
                else 0,
            }
            for intent in root.get("/OutputIntents", [])
        ],
        "encrypted": pdf.is_encrypted or "/Encrypt" in pdf.trailer,
        "trailer_id": "/ID" in pdf.trailer,
        "javascript": False,
        "embedded_files": False,
        "lzw": False,
        "unembedded_fonts": [],
        "font_count": 0,
        "blend_modes": [],
        "groups_without_colour_space": 0,
    }
    names = root.get("/Names")
    if names is not None:
        facts["javascript"] = "/JavaScript" in names
        facts["embedded_files"] = "/EmbeddedFiles" in names
    seen = set()
    for obj in walk(root, seen):
        subtype = obj.get("/S")
        if subtype in (Name.JavaScript, Name.Launch) or "/JS" in obj or "/AA" in obj:
            facts["javascript"] = True
        filters = obj.get("/Filter") if isinstance(obj, pikepdf.Stream) else None
        if filters is not None:
            listed = filters if isinstance(filters, pikepdf.Array) else [filters]
            if Name.LZWDecode in listed:
                facts["lzw"] = True
        blend = obj.get("/BM")
        if blend is not None:
            listed = blend if isinstance(blend, pikepdf.Array) else [blend]
            facts["blend_modes"].extend(str(mode) for mode in listed)
        group = obj.get("/Group")
        if isinstance(group, pikepdf.Dictionary) and group.get("/S") == Name.Transparency:
            if "/CS" not in group:
                facts["groups_without_colour_space"] += 1
        if obj.get("/Type") == Name.Font and obj.get("/Subtype") != Name.CIDFontType2:
            facts["font_count"] += 1
            if not font_embedded(obj):
                facts["unembedded_fonts"].append(str(obj.get("/BaseFont")))
    json.dump(facts, sys.stdout, ensure_ascii=False)

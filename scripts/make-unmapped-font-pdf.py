#!/usr/bin/env python3
"""Makes tests/fixtures/paper/unmapped_cjk.pdf: a one-page text PDF whose
embedded CJK TrueType font (Identity-H) has no ToUnicode map, as some Word
and WPS exports write them. The glyphs draw the letter; the text layer reads
as codes with no Unicode, so hecha must notice, draw the page and OCR it.
Also identity_h_cjk.pdf: the same page with its ToUnicode map kept.

Needs PDFium's Python binding (pip install pypdfium2==5.15.2, the wheel the
OCR set-up installs), fontTools, and a glyf TrueType CJK font (Debian:
fonts-droid-fallback).
Run from the repository root: python3 scripts/make-unmapped-font-pdf.py
"""

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as c
from fontTools import subset

# A fallback font: CJK only (no Latin digits), so the text is all hanzi.
FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
OUT = "tests/fixtures/paper/unmapped_cjk.pdf"
MAPPED = "tests/fixtures/paper/identity_h_cjk.pdf"
LINES = [
    "情况反映",
    "枫树村村民小组长赵镕反映：",
    "村委会主任王堃在二〇二四年三月至五月",
    "以上级检查接待名义报销餐费陆仟叁佰元。",
    "知情人：李喆、陈玥。",
]


def main():
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    # Only the glyphs used (pdfium embeds whole fonts).
    opts = subset.Options()
    font_file = subset.load_font(FONT, opts)
    sub = subset.Subsetter(opts)
    sub.populate(text="".join(LINES))
    sub.subset(font_file)
    subset.save_font(font_file, "/tmp/unmapped_cjk_font.ttf", opts)
    data = open("/tmp/unmapped_cjk_font.ttf", "rb").read()
    buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = c.FPDFText_LoadFont(doc.raw, buf, len(data), c.FPDF_FONT_TRUETYPE, True)
    assert font, "font not loaded"
    y = 760
    for i, line in enumerate(LINES):
        size = 22 if i == 0 else 16
        obj = c.FPDFPageObj_CreateTextObj(doc.raw, font, size)
        text = (line + "\0").encode("utf-16-le")
        c.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(text), c.FPDF_WIDESTRING))
        c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 60, y)
        c.FPDFPage_InsertObject(page.raw, obj)
        y -= 40 if i == 0 else 30
    assert c.FPDFPage_GenerateContent(page.raw)
    page.close()
    doc.save("/tmp/unmapped_cjk_full.pdf")
    pdf = open("/tmp/unmapped_cjk_full.pdf", "rb").read()
    # As written: Identity-H with a ToUnicode map, as Word and WPS export
    # (the text-layer benchmark's common case).
    with open(MAPPED, "wb") as f:
        f.write(pdf)
    # Blank out the font's ToUnicode reference (same length: offsets stay).
    pdf, n = re.subn(rb"/ToUnicode\s+\d+\s+0\s+R", lambda m: b" " * len(m.group(0)), pdf)
    assert n >= 1, "no ToUnicode found"
    with open(OUT, "wb") as f:
        f.write(pdf)
    print(OUT, len(pdf), "bytes;", n, "ToUnicode removed")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Renders tests/fixtures/ocr-page.png: a small scanned-letter-like page for
the end-to-end OCR test (Noto Serif CJK SC, `apt-get install fonts-noto-cjk`;
Pillow). Run from the repository root: python3 scripts/render-ocr-fixture.py"""
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
LINES = [
    "中共某某镇第三党支部收到来信，",
    "反映村委会主任王堃违规报销接待费用。",
    "其中一笔餐费金额为1,050.00元，",
    "经办人为李喆，审批人为陈玥。",
]
font = ImageFont.truetype(FONT, 36, index=2)  # index 2 = SC
img = Image.new("L", (820, 60 + 64 * len(LINES)), 255)
d = ImageDraw.Draw(img)
for i, line in enumerate(LINES):
    d.text((40, 30 + 64 * i), line, font=font, fill=0)
img = img.rotate(0.6, resample=Image.BICUBIC, fillcolor=255)
img.save("tests/fixtures/ocr-page.png", optimize=True)
open("tests/fixtures/ocr-page.txt", "w", encoding="utf-8").write("\n".join(LINES) + "\n")

# The benchmark's page (hecha bench ocr adds the scan noise and rotations):
# A4 at 200 dpi, eight lines of 40 px text with eight rare-character names.
BENCH = [
    "关于举报材料的情况说明",
    "中共某某镇第三党支部于二〇二三年五月收到来信，",
    "反映村委会主任王堃违规报销接待费用。",
    "经初步核实，其中一笔餐费金额为1,050.00元，",
    "经办人为李喆、赵镕，审批人为陈玥。",
    "另有张犇、刘赟、周彧、吴祎参与该次接待。",
    "请纪检监察室于十五个工作日内核查并回复。",
    "特此说明。",
]
font = ImageFont.truetype(FONT, 40, index=2)
img = Image.new("L", (1654, 2339), 255)
d = ImageDraw.Draw(img)
for i, line in enumerate(BENCH):
    d.text((150, 180 + 80 * i), line, font=font, fill=0)
img.save("tests/fixtures/ocr-bench-page.png")
open("tests/fixtures/ocr-bench-page.txt", "w", encoding="utf-8").write("\n".join(BENCH) + "\n")

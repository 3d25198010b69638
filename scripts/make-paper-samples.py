#!/usr/bin/env python3
"""Writes hecha's paged sample files (sample-data/letters/) and the paper test
fixtures (tests/fixtures/paper/). All content is fictional.

Needs Pillow and reportlab (pip install pillow reportlab) and the Noto CJK
fonts (apt-get install fonts-noto-cjk). The Word 97 .doc is written here by
hand (a compound file with a FIB and a one-piece table), so no office suite is
needed. Run from the repository root: python3 scripts/make-paper-samples.py
"""

import io
import os
import random
import struct
import zipfile
import zlib

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab import rl_config
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LETTERS = os.path.join(ROOT, "sample-data", "letters")
FIX = os.path.join(ROOT, "tests", "fixtures", "paper")
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
random.seed(13)
rl_config.useA85 = 0  # streams as scanners and Word write them: binary, no ASCII85

LETTER = [
    "举报信",
    "",
    "清水镇纪委：",
    "　　我是枫树村村民李喆。现实名反映枫树村村委会主任王堃违规报销接待",
    "费用的问题。2024年3月至5月，王堃以“上级检查接待”的名义，先后6次在",
    "镇上福满楼酒家报销餐费，每次1,050.00元，共计6,300.00元，发票抬头为",
    "枫树村村民委员会。经我向村民小组长赵镕核实，这几天并没有上级来村检查，",
    "吃饭的是王堃的亲戚和朋友。",
    "　　请组织调查核实。",
    "",
    "举报人：枫树村村民 李喆",
    "联系电话：139 0743 2561",
    "2024年6月12日",
]

ATTACHMENT = [
    "附件：接待费用报销明细（举报人整理）",
    "",
    "序号　日期　　　　金额（元）　经手人",
    "1　　2024-03-08　1,050.00　　王堃",
    "2　　2024-03-22　1,050.00　　王堃",
    "3　　2024-04-11　1,050.00　　王堃",
    "4　　2024-04-26　1,050.00　　陈玥",
    "5　　2024-05-09　1,050.00　　王堃",
    "6　　2024-05-30　1,050.00　　王堃",
    "合计　　　　　　 6,300.00",
]

SCAN = [
    "关于枫树村低保评审的情况反映",
    "",
    "清水镇纪委：",
    "　　枫树村2024年低保评审时，村委会主任王堃的岳父张犇",
    "家有小轿车一辆、门面两间，仍被评为低保户，每月领取",
    "低保金680.00元。评审会上村民代表刘赟提出异议，",
    "王堃说“这是镇里定的”，没有让大家表决。",
    "　　恳请核查。",
    "",
    "反映人：枫树村村民 周彧",
    "2024年6月18日",
]


def text_pdf(path):
    """A Word-exported-style text PDF: two pages, the CJK font by the
    predefined UniGB-UCS2-H CMap."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("举报信_王堃违规报销接待费用")
    c.setAuthor("李喆")
    for lines in (LETTER, ATTACHMENT):
        y = A4[1] - 80
        for i, line in enumerate(lines):
            size = 18 if i == 0 else 12
            c.setFont("STSong-Light", size)
            c.drawString(72, y, line)
            y -= 30 if i == 0 else 22
        c.showPage()
    c.save()


def render(lines, width, height, size, bg=255, fg=20):
    img = Image.new("L", (width, height), bg)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, size, index=2)
    y = int(size * 2.5)
    for i, line in enumerate(lines):
        f = ImageFont.truetype(FONT, int(size * 1.3), index=2) if i == 0 else font
        x = size * 2 if i else (width - d.textlength(line, font=f)) / 2
        d.text((x, y), line, font=f, fill=fg)
        y += int(size * (2.2 if i == 0 else 1.7))
    return img


def scan_noise(img, angle):
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    px = img.load()
    w, h = img.size
    for _ in range(w * h // 400):
        x, y = random.randrange(w), random.randrange(h)
        px[x, y] = random.choice((0, 255))
    return img


def jpeg_bytes(img, quality):
    b = io.BytesIO()
    img.save(b, "JPEG", quality=quality, optimize=True)
    return b.getvalue()


def scanned_pdf(path):
    """An image-only PDF: two scanned pages (JPEG, DCTDecode), no text layer."""
    from reportlab.lib.utils import ImageReader

    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    for i, lines in enumerate((SCAN, ATTACHMENT)):
        img = scan_noise(render(lines, 1000, 1414, 26), 0.8 if i == 0 else -0.6)
        c.drawImage(ImageReader(io.BytesIO(jpeg_bytes(img, 55))), 0, 0, A4[0], A4[1])
        c.showPage()
    c.save()


def photo_jpg(path):
    """A phone photo of a letter: tinted paper, uneven light, a slight tilt."""
    page = render(LETTER, 900, 1270, 22, bg=235, fg=35).convert("RGB")
    page = page.rotate(2.0, resample=Image.BICUBIC, expand=True, fillcolor=(90, 80, 70))
    w, h = page.size
    shade = Image.linear_gradient("L").resize((w, h)).point(lambda v: 200 + v // 5)
    page = Image.composite(page, Image.new("RGB", (w, h), (60, 55, 50)), shade)
    page = page.filter(ImageFilter.GaussianBlur(0.5))
    with open(path, "wb") as f:
        f.write(jpeg_bytes(page, 68))


# --- Word 97 (.doc): a compound file with WordDocument and 1Table -------------

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def word97(text):
    text = text.replace("\n", "\r")
    if not text.endswith("\r"):
        text += "\r"
    body = text.encode("utf-16-le")
    ccp = len(body) // 2
    fc_text = 1024
    fib = bytearray()
    fib += struct.pack("<HHHHHHH", 0xA5EC, 0x00C1, 0, 0x0804, 0, 0x1200, 0x00BF)
    fib += struct.pack("<IBBHHII", 0, 0, 0, 0, 0, 0, 0)
    assert len(fib) == 32
    fib += struct.pack("<H", 14) + bytes(28)
    lw = [0] * 22
    lw[3] = ccp
    fib += struct.pack("<H", 22)
    lw[0] = 0  # cbMac, filled below
    lw_at = len(fib)
    fib += struct.pack("<22I", *lw)
    fclcb = [0] * (93 * 2)
    clx = struct.pack("<BI", 2, 16) + struct.pack("<II", 0, ccp) + struct.pack("<HIH", 0, fc_text, 0)
    fclcb[33 * 2] = 0
    fclcb[33 * 2 + 1] = len(clx)
    fib += struct.pack("<H", 93) + struct.pack("<186I", *fclcb)
    fib += struct.pack("<H", 0)
    word = bytearray(fib) + bytes(fc_text - len(fib)) + body
    word += bytes(max(0, 4096 - len(word)))
    struct.pack_into("<I", word, lw_at, len(word))
    table = bytearray(clx) + bytes(4096 - len(clx))
    return cfb([("WordDocument", bytes(word)), ("1Table", bytes(table))])


def cfb(streams):
    """A version-3 compound file (512-byte sectors); each stream ≥ 4096 bytes,
    so there is no mini stream."""
    sectors, fat, starts = [], [], []
    for _, data in streams:
        n = (len(data) + 511) // 512
        start = len(fat)
        starts.append(start)
        for i in range(n):
            sectors.append(data[i * 512:(i + 1) * 512].ljust(512, b"\0"))
            fat.append(start + i + 1 if i < n - 1 else ENDOFCHAIN)
    dir_sector = len(fat)
    fat.append(ENDOFCHAIN)
    fat_sector = len(fat)
    fat.append(FATSECT)

    def entry(name, kind, left, right, child, start, size):
        n = (name + "\0").encode("utf-16-le")
        return (n.ljust(64, b"\0") + struct.pack("<HBB", len(n), kind, 1)
                + struct.pack("<III", left, right, child) + bytes(16) + struct.pack("<I", 0)
                + bytes(16) + struct.pack("<IQ", start, size))

    # Root's child is WordDocument; 1Table (shorter name) is its left sibling.
    d = entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, ENDOFCHAIN, 0)
    d += entry(streams[0][0], 2, 2, NOSTREAM, NOSTREAM, starts[0], len(streams[0][1]))
    d += entry(streams[1][0], 2, NOSTREAM, NOSTREAM, NOSTREAM, starts[1], len(streams[1][1]))
    d += entry("", 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0)
    sectors.append(d)
    sectors.append(struct.pack("<128I", *(fat + [FREESECT] * (128 - len(fat)))))
    head = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
    head += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    head += struct.pack("<IIIIIIIII", 0, 1, dir_sector, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    head += struct.pack("<109I", fat_sector, *([FREESECT] * 108))
    assert len(head) == 512
    return head + b"".join(sectors)


# --- OFD: an e-invoice for an official meal -----------------------------------

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def text_obj(i, x, y, w, text, size=3.5):
    return (f'<ofd:TextObject ID="{i}" Boundary="{x} {y} {w} {size + 2}" Font="1" Size="{size}">'
            f'<ofd:TextCode X="0" Y="{size}">{text}</ofd:TextCode></ofd:TextObject>')


def ofd_invoice(big_part=None):
    tpl = [("电子发票（普通发票）", 80, 8), ("购买方名称：", 12, 30), ("销售方名称：", 12, 60),
           ("项目名称", 12, 80), ("金额", 120, 80), ("价税合计（大写）", 12, 110), ("开票人：", 12, 125)]
    page = [("发票号码：24432000000012345678", 130, 18), ("开票日期：2024年03月08日", 130, 24),
            ("枫树村村民委员会", 40, 30), ("统一社会信用代码：54430423MJK123456X", 40, 36),
            ("青溪县清水镇福满楼酒家", 40, 60), ("*餐饮服务*餐费", 12, 88), ("1,050.00", 120, 88),
            ("壹仟零伍拾圆整　（小写）¥1,050.00", 50, 110), ("王堃（经办）", 30, 125)]
    body = lambda items, base: "".join(text_obj(base + n, x, y, 90, t) for n, (t, x, y) in enumerate(items))
    files = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.1" DocType="OFD">'
                   '<ofd:DocBody><ofd:DocInfo><ofd:DocID>a1b2</ofd:DocID></ofd:DocInfo>'
                   '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}>'
                              '<ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea>'
                              '<ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea>'
                              '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
                              '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>'
                              '</ofd:Document>',
        "Doc_0/Tpls/Tpl_0/Content.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content>'
                                        f'<ofd:Layer ID="3">{body(tpl, 10)}</ofd:Layer></ofd:Content></ofd:Page>',
        "Doc_0/Pages/Page_0/Content.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>'
                                          '<ofd:Template TemplateID="2" ZOrder="Background"/><ofd:Content>'
                                          f'<ofd:Layer ID="4">{body(page, 40)}</ofd:Layer></ofd:Content></ofd:Page>',
    }
    if big_part:
        files["Doc_0/Pages/Page_0/Content.xml"] = big_part
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            # A fixed date, so the package is the same bytes on every run.
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 8, 10, 0, 0))
            z.writestr(info, text, compress_type=zipfile.ZIP_DEFLATED)
    return b.getvalue()


# --- bad inputs ---------------------------------------------------------------

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb():
    """A PNG header claiming 60000 × 60000 pixels."""
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1000)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def tiff_bomb():
    """A TIFF claiming 100000 × 100000 grey pixels in one tiny strip."""
    entries = [(256, 4, 1, 100000), (257, 4, 1, 100000), (258, 3, 1, 8), (259, 3, 1, 1),
               (262, 3, 1, 1), (273, 4, 1, 8 + 2 + 12 * 9 + 4), (277, 3, 1, 1),
               (278, 4, 1, 100000), (279, 4, 1, 16)]
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        ifd += struct.pack("<HHII", tag, typ, count, value)
    ifd += struct.pack("<I", 0)
    return b"II*\0" + struct.pack("<I", 8) + ifd + bytes(16)


def minimal_pdf(objects):
    """A PDF from object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def page_bomb():
    """A page tree whose /Count claims 90,000 pages but holds one (blank) page."""
    return minimal_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 90000 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ])


def unmapped_font_pdf():
    """A text PDF whose Type0 font has no ToUnicode: its text cannot be read."""
    content = b"BT /F1 24 Tf 72 700 Td <0102030405060708090A0B0C0D0E0F10> Tj ET"
    return minimal_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content.decode()}\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H "
        "/DescendantFonts [6 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ])


def main():
    os.makedirs(LETTERS, exist_ok=True)
    os.makedirs(FIX, exist_ok=True)
    text_pdf(os.path.join(LETTERS, "举报信_王堃违规报销接待费用_Word导出.pdf"))
    scanned_pdf(os.path.join(LETTERS, "扫描件_关于枫树村低保评审的情况反映.pdf"))
    photo_jpg(os.path.join(LETTERS, "手机拍照_李喆举报信.jpg"))
    doc = word97("\n".join(LETTER))
    with open(os.path.join(LETTERS, "举报信_王堃_Word97.doc"), "wb") as f:
        f.write(doc)
    with open(os.path.join(LETTERS, "电子发票_福满楼酒家_王堃.ofd"), "wb") as f:
        f.write(ofd_invoice())

    # Fixtures: small good files of the other formats, and bad inputs.
    with open(os.path.join(FIX, "letter.wps"), "wb") as f:
        f.write(doc)
    pages = [render(["第一页　王堃"], 400, 200, 20).convert("1"),
             render(["第二页　李喆"], 400, 200, 20).convert("1")]
    pages[0].save(os.path.join(FIX, "two_pages.tif"), compression="group4",
                  save_all=True, append_images=pages[1:])
    small = render(["王堃"], 200, 100, 20)
    small.save(os.path.join(FIX, "small.png"))
    small.convert("RGB").save(os.path.join(FIX, "small.bmp"))
    c = canvas.Canvas(os.path.join(FIX, "encrypted.pdf"), pagesize=A4, encrypt="secret", invariant=1)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "secret")
    c.showPage()
    c.save()
    good = open(os.path.join(LETTERS, "举报信_王堃违规报销接待费用_Word导出.pdf"), "rb").read()
    i = good.rindex(b"startxref")
    broken = good[:i].replace(b"\nxref\n", b"\nxfer\n") + b"startxref\n999999\n%%EOF\n"
    with open(os.path.join(FIX, "broken_xref.pdf"), "wb") as f:
        f.write(broken)
    with open(os.path.join(FIX, "page_bomb.pdf"), "wb") as f:
        f.write(page_bomb())
    with open(os.path.join(FIX, "unmapped_font.pdf"), "wb") as f:
        f.write(unmapped_font_pdf())
    with open(os.path.join(FIX, "pixel_bomb.png"), "wb") as f:
        f.write(png_bomb())
    with open(os.path.join(FIX, "pixel_bomb.tif"), "wb") as f:
        f.write(tiff_bomb())
    with open(os.path.join(FIX, "zip_bomb.ofd"), "wb") as f:
        f.write(ofd_invoice(big_part="<a>" + " " * (40 * 1024 * 1024) + "</a>"))
    # An OLE2 file with no Word body (as an .xls renamed .doc would be).
    with open(os.path.join(FIX, "not_word.doc"), "wb") as f:
        f.write(cfb([("Workbook", bytes(4096)), ("SummaryI", bytes(4096))]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the spreadsheet fixtures under tests/fixtures/sheets/: workbooks as
real government systems write them (Apache POI's streaming writer, empty
shared strings, BIFF5 .xls, a workbook stream named BOOK, .ods, .xlsb, WPS
.et), ledgers with totals rows and headers spread over two rows.

    pip install openpyxl odfpy xlwt
    python3 scripts/make-sheet-fixtures.py

The outputs are committed; run this again only to change them. Every file is
written byte for byte the same on each run (fixed zip timestamps).
"""

import io
import os
import struct
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "sheets")

HEADER = ["姓名", "身份证号码", "村(社区)", "补贴项目", "发放金额(元)"]
PEOPLE = [
    ["张海山", "430423195003051233", "清水村", "低保", 1050.0],
    ["李秀英", "430423196207182029", "石桥村", "高龄津贴", 300.0],
    ["王建国", "430423197001013611", "清水村", "残疾人护理补贴", 1050.5],
]
TOTAL = sum(p[4] for p in PEOPLE)  # 2400.50


def zip_write(path, parts):
    """A zip with fixed timestamps, parts in the order given."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def col_name(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


XLSX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
{extra}</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="发放明细" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
WB_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
{extra}</Relationships>"""


def sheet_xml(rows_xml):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>" + rows_xml + "</sheetData></worksheet>"
    )


def inline_str_xlsx(path):
    """Apache POI's SXSSF streaming writer: every string an inlineStr cell, no
    sharedStrings part; some writers add a redundant <v> beside <is>."""
    rows = []
    table = [["2023年5月城乡低保发放明细"], HEADER] + PEOPLE
    for r, row in enumerate(table, start=1):
        cells = []
        for c, v in enumerate(row):
            ref = f"{col_name(c)}{r}"
            if isinstance(v, float):
                cells.append(f'<c r="{ref}" t="n"><v>{v:g}</v></c>')
            elif r == 4 and c == 2:
                # a redundant <v> before the inline string
                cells.append(f'<c r="{ref}" t="inlineStr"><v>{xml_escape(v)}</v><is><t>{xml_escape(v)}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{xml_escape(v)}</t></is></c>')
        rows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    zip_write(
        path,
        [
            ("[Content_Types].xml", XLSX_TYPES.format(extra="")),
            ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WB_RELS.format(extra="")),
            ("xl/worksheets/sheet1.xml", sheet_xml("".join(rows))),
        ],
    )


def empty_sst_xlsx(path):
    """A shared-strings table whose entries include empty strings (<si/> and
    <si><t/></si>), referenced by cells, with real strings after them."""
    strings = ["", "姓名", "身份证号码", "发放金额(元)", "备注", ""]
    for p in PEOPLE:
        strings.append(p[0])
    si = []
    for i, s in enumerate(strings):
        if s == "" and i == 0:
            si.append("<si/>")
        elif s == "":
            si.append("<si><t/></si>")
        else:
            si.append(f"<si><t>{xml_escape(s)}</t></si>")
    sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(si)}" uniqueCount="{len(si)}">'
        + "".join(si)
        + "</sst>"
    )
    rows = ['<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c>'
            '<c r="C1" t="s"><v>3</v></c><c r="D1" t="s"><v>4</v></c></row>']
    for k, p in enumerate(PEOPLE):
        r = k + 2
        note = 0 if k % 2 == 0 else 5  # the empty strings
        rows.append(
            f'<row r="{r}"><c r="A{r}" t="s"><v>{6 + k}</v></c>'
            f'<c r="B{r}" t="str"><v>{p[1]}</v></c>'
            f'<c r="C{r}"><v>{p[4]:g}</v></c>'
            f'<c r="D{r}" t="s"><v>{note}</v></c></row>'
        )
    ct = '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\n'
    rel = '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\n'
    zip_write(
        path,
        [
            ("[Content_Types].xml", XLSX_TYPES.format(extra=ct)),
            ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WB_RELS.format(extra=rel)),
            ("xl/sharedStrings.xml", sst),
            ("xl/worksheets/sheet1.xml", sheet_xml("".join(rows))),
        ],
    )


# ---- Compound files (.xls, .et) -------------------------------------------

def cfb(stream_name, data):
    """A minimal compound file holding one stream in regular sectors (the
    stream is padded to 4096 bytes so it is not in the mini stream)."""
    if len(data) < 4096:
        data = data + b"\0" * (4096 - len(data))
    sec = 512
    n_data = (len(data) + sec - 1) // sec
    data = data + b"\0" * (n_data * sec - len(data))
    # layout: sector 0 = FAT, sector 1 = directory, sectors 2.. = stream
    fat = [0xFFFFFFFD, 0xFFFFFFFE]  # FAT sector, directory end of chain
    for i in range(n_data):
        fat.append(2 + i + 1 if i + 1 < n_data else 0xFFFFFFFE)
    assert len(fat) <= 128
    fat += [0xFFFFFFFF] * (128 - len(fat))
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)  # FAT sectors
    struct.pack_into("<I", header, 48, 1)  # first directory sector
    struct.pack_into("<I", header, 56, 4096)  # mini stream cutoff
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)  # first mini FAT sector
    struct.pack_into("<I", header, 64, 0)
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)  # first DIFAT sector
    struct.pack_into("<I", header, 72, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 76, *difat)

    def entry(name, typ, start, size, child=0xFFFFFFFF):
        e = bytearray(128)
        n = name.encode("utf-16-le") + b"\0\0"
        e[0 : len(n)] = n
        struct.pack_into("<H", e, 64, len(n))
        e[66] = typ
        e[67] = 1  # black
        struct.pack_into("<III", e, 68, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into("<I", e, 116, start)
        struct.pack_into("<I", e, 120, size)
        return bytes(e)

    directory = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1) + entry(stream_name, 2, 2, len(data))
    directory += b"\0" * (512 - len(directory))
    return bytes(header) + struct.pack("<128I", *fat) + directory + data


def rec(typ, payload):
    return struct.pack("<HH", typ, len(payload)) + payload


def biff5_xls(path, stream_name="Book"):
    """Excel 5.0/95 (BIFF5): byte strings in the workbook's code page (GBK)."""
    enc = "gbk"

    def short(s):
        b = s.encode(enc)
        return bytes([len(b)]) + b

    def label(r, c, s):
        b = s.encode(enc)
        return rec(0x0204, struct.pack("<HHHH", r, c, 0x0F, len(b)) + b)

    def number(r, c, v):
        return rec(0x0203, struct.pack("<HHHd", r, c, 0x0F, v))

    bof_globals = rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0005, 0x0DBB, 0x07CC))
    codepage = rec(0x0042, struct.pack("<H", 936))
    eof = rec(0x000A, b"")
    sheet_name = short("发放明细")
    bound_len = 4 + 4 + 2 + len(sheet_name)
    globals_len = len(bof_globals) + len(codepage) + bound_len + len(eof)
    bound = rec(0x0085, struct.pack("<IBB", globals_len, 0, 0) + sheet_name)
    sheet = rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0010, 0x0DBB, 0x07CC))
    sheet += label(0, 0, "2023年5月城乡低保发放明细")
    for c, h in enumerate(HEADER):
        sheet += label(1, c, h)
    for r, p in enumerate(PEOPLE, start=2):
        for c, v in enumerate(p):
            sheet += number(r, c, v) if isinstance(v, float) else label(r, c, v)
    sheet += eof
    stream = bof_globals + codepage + bound + eof + sheet
    with open(path, "wb") as f:
        f.write(cfb(stream_name, stream))


def xlwt_book():
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("发放明细")
    ws.write(0, 0, "2023年5月城乡低保发放明细")
    for c, h in enumerate(HEADER):
        ws.write(1, c, h)
    for r, p in enumerate(PEOPLE, start=2):
        for c, v in enumerate(p):
            ws.write(r, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rename_stream(data, old, new):
    """Renames a stream in a compound file's directory (names are UTF-16,
    the length field counts the terminating NUL)."""
    o = old.encode("utf-16-le") + b"\0\0"
    n = new.encode("utf-16-le") + b"\0\0"
    i = data.find(o)
    assert i >= 0 and len(n) <= len(o)
    out = bytearray(data)
    out[i : i + 64] = n + b"\0" * (64 - len(n))
    struct.pack_into("<H", out, i + 64, len(n))
    return bytes(out)


# ---- .xlsb ------------------------------------------------------------------

def b12_rec(typ, payload=b""):
    out = bytearray()
    t = typ
    while True:
        b = t & 0x7F
        t >>= 7
        out.append(b | (0x80 if t else 0))
        if not t:
            break
    n = len(payload)
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            break
    return bytes(out) + payload


def wide(s):
    b = s.encode("utf-16-le")
    return struct.pack("<I", len(b) // 2) + b


def xlsb(path):
    wb = b12_rec(0x83)  # BrtBeginBook
    wb += b12_rec(0x8F)  # BrtBeginBundleShs
    wb += b12_rec(0x9C, struct.pack("<II", 0, 1) + wide("rId1") + wide("发放明细"))
    wb += b12_rec(0x90)  # BrtEndBundleShs
    wb += b12_rec(0x84)  # BrtEndBook
    table = [["2023年5月城乡低保发放明细"], HEADER] + PEOPLE
    sh = b12_rec(0x81)  # BrtBeginSheet
    sh += b12_rec(0x94, struct.pack("<IIII", 0, len(table) - 1, 0, len(HEADER) - 1))
    sh += b12_rec(0x91)  # BrtBeginSheetData
    for r, row in enumerate(table):
        sh += b12_rec(0x00, struct.pack("<IIHBBB", r, 0, 0x12C, 0, 0, 0))
        for c, v in enumerate(row):
            head = struct.pack("<II", c, 0)
            if isinstance(v, float):
                sh += b12_rec(0x05, head + struct.pack("<d", v))  # BrtCellReal
            else:
                sh += b12_rec(0x06, head + wide(v))  # BrtCellSt
    sh += b12_rec(0x92)  # BrtEndSheetData
    sh += b12_rec(0x82)  # BrtEndSheet
    types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>
<Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/>
</Types>"""
    rels = ROOT_RELS.replace("xl/workbook.xml", "xl/workbook.bin")
    wb_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/>
</Relationships>"""
    zip_write(
        path,
        [
            ("[Content_Types].xml", types),
            ("_rels/.rels", rels),
            ("xl/workbook.bin", wb),
            ("xl/_rels/workbook.bin.rels", wb_rels),
            ("xl/worksheets/sheet1.bin", sh),
        ],
    )


# ---- .ods -------------------------------------------------------------------

def ods(path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    t = Table(name="发放明细")
    for row in [["2023年5月城乡低保发放明细"], HEADER] + PEOPLE:
        tr = TableRow()
        for v in row:
            if isinstance(v, float):
                tc = TableCell(valuetype="float", value=v)
                tc.addElement(P(text=f"{v:.2f}"))
            else:
                tc = TableCell(valuetype="string")
                tc.addElement(P(text=v))
            tr.addElement(tc)
        t.addElement(tr)
    doc.spreadsheet.addElement(t)
    buf = io.BytesIO()
    doc.write(buf)
    # Rewrite with fixed timestamps (odfpy stamps the current time in meta.xml).
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    parts = []
    for name in src.namelist():
        data = src.read(name)
        if name == "meta.xml":
            import re

            data = re.sub(rb"<meta:creation-date>[^<]*</meta:creation-date>", b"", data)
            data = re.sub(rb"<dc:date>[^<]*</dc:date>", b"", data)
        parts.append((name, data))
    buf2 = io.BytesIO()
    with zipfile.ZipFile(buf2, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            # the mimetype part first and stored, as ODF requires
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buf2.getvalue())


# ---- Totals rows and two-row headers (openpyxl) -----------------------------

def openpyxl_save(wb, path):
    """Saves, then rewrites the package with fixed times (openpyxl stamps now)."""
    import re

    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    parts = []
    for name in src.namelist():
        data = src.read(name)
        if name == "docProps/core.xml":
            data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", data)
        parts.append((name, data))
    zip_write(path, parts)


def paged_totals_xlsx(path):
    """A printed-style ledger: 本页合计 after each page, 总计 at the end. The
    second page's 本页合计 is wrong by 100.00; the 总计 is right."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "发放明细"
    ws.append(["2023年度高龄津贴发放花名册"])
    ws.append(["序号", "姓名", "身份证号码", "补贴项目", "发放金额"])
    page1 = [("张海山", "430423195003051233", 300.0), ("李秀英", "430423196207182029", 300.5)]
    page2 = [("王建国", "430423197001013611", 200.0), ("赵玥", "430423195511110016", 200.0)]
    n = 1
    for name, id_no, amt in page1:
        ws.append([n, name, id_no, "高龄津贴", amt])
        n += 1
    ws.append(["本页合计", None, None, None, 600.5])
    for name, id_no, amt in page2:
        ws.append([n, name, id_no, "高龄津贴", amt])
        n += 1
    ws.append(["本页合计", None, None, None, 500.0])  # the rows say 400.00
    ws.append(["总计", None, None, None, "1,000.50"])
    openpyxl_save(wb, path)


def two_row_header_xlsx(path):
    """Group titles merged over sub-titles: 补贴金额 over 标准 / 实发, and the
    single columns merged down over both rows."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "发放明细"
    ws.append(["2023年5月困难群众补贴发放表"])
    ws.append(["序号", "姓名", "身份证号码", "补贴项目", "补贴金额", None, "发放日期"])
    ws.append([None, None, None, None, "标准", "实发", None])
    for col in "ABCDG":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("E2:F2")
    ws.append([1, "张海山", "430423195003051233", "低保", 500, 500, "2023-05-10"])
    ws.append([2, "李秀英", "430423196207182029", "低保", 500, 450, "2023-05-10"])
    ws.append(["合计", None, None, None, 1000, 950, None])
    openpyxl_save(wb, path)


def csv_files():
    # The case: a title row, two payments and a 合计 row → 2 rows.
    title = "2023年5月发放明细\r\n姓名,身份证号码,发放年月,发放金额\r\n"
    rows = "张海山,430423195003051233,2023-05,\"1,050.00\"\r\n李秀英,430423196207182029,2023-05,300.00\r\n"
    with open(os.path.join(OUT, "totals.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(title + rows + "合计,,,\"1,350.00\"\r\n")
    with open(os.path.join(OUT, "totals-mismatch.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(title + rows + "合 计：,,,1450.00\r\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    inline_str_xlsx(os.path.join(OUT, "inline-str.xlsx"))
    empty_sst_xlsx(os.path.join(OUT, "empty-sst.xlsx"))
    biff5_xls(os.path.join(OUT, "biff5.xls"))
    book = rename_stream(xlwt_book(), "Workbook", "BOOK")
    with open(os.path.join(OUT, "book-stream.xls"), "wb") as f:
        f.write(book)
    with open(os.path.join(OUT, "wps.et"), "wb") as f:
        f.write(xlwt_book())
    xlsb(os.path.join(OUT, "binary.xlsb"))
    ods(os.path.join(OUT, "calc.ods"))
    paged_totals_xlsx(os.path.join(OUT, "paged-totals.xlsx"))
    two_row_header_xlsx(os.path.join(OUT, "two-row-header.xlsx"))
    csv_files()


if __name__ == "__main__":
    main()

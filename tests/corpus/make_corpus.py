#!/usr/bin/env python3
"""Writes the hostile input corpus (tests/corpus/files/): truncated and
corrupted .xlsx/.xls/.docx, zip bombs, formula and merged cells, CSVs with
NUL bytes, mixed encodings and hostile column names, hostile file names,
deeply nested and entity-expanding XML. Standard library only; deterministic.
The outputs are committed; tests/corpus.rs imports each one. Files too large
to commit (a 100,000-column CSV, a 50 MB single line) are made by the test.

    python3 tests/corpus/make_corpus.py
"""
import io
import os
import random
import shutil
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
FIXTURES = os.path.join(os.path.dirname(HERE), "fixtures")
rng = random.Random(20261129)

shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
count = 0


def put(name, data):
    global count
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    count += 1


HEADER = "姓名,身份证号码,村(社区),补贴项目,发放年月,发放金额(元),银行卡号\n"
ROW = "张海山,430423195003051233,清水村,低保,2023年5月,1050.00,6217000011112222\n"

# --- CSV ---------------------------------------------------------------
put("csv_empty.csv", b"")
put("csv_only_bom.csv", b"\xef\xbb\xbf")
put("csv_only_header.csv", HEADER)
put("csv_nul_bytes.csv", (HEADER + ROW).encode() + b"\x00\x00\x00" + ROW.encode())
put("csv_nul_everywhere.csv", b"\x00".join(c.encode() for c in HEADER + ROW))
put("csv_mixed_encodings.csv", HEADER.encode("utf-8") + ROW.encode("gbk") + ROW.encode("utf-8"))
put("csv_utf8_then_utf16.csv", HEADER.encode("utf-8") + ROW.encode("utf-16-le"))
put("csv_invalid_utf8.csv", HEADER.encode() + b"\xc3\x28,\xa0\xa1,\xe2\x28\xa1,\xf0\x28\x8c\xbc\n")
put("csv_utf16_no_bom.csv", (HEADER + ROW).encode("utf-16-le"))
put("csv_utf16_odd_length.csv", b"\xff\xfe" + (HEADER + ROW).encode("utf-16-le") + b"\x41")
put("csv_utf16_lone_surrogate.csv", b"\xff\xfe" + HEADER.encode("utf-16-le") + b"\x00\xd8\x41\x00\n\x00")
put("csv_unclosed_quote.csv", HEADER + '"张海山,430423195003051233,清水村\n' + ROW)
put("csv_quote_in_middle.csv", HEADER + 'ab"cd,"e""f",g"\n')
put("csv_ragged_long.csv", HEADER + ROW.strip() + ",多,出,的,列\n")
put("csv_ragged_short.csv", HEADER + "张海山\n李秀英,1\n")
put("csv_cr_only.csv", (HEADER + ROW + ROW).replace("\n", "\r"))
put("csv_blank_lines.csv", "\n\n\n" + HEADER + "\n\n" + ROW + "\n\n")
put("csv_all_commas.csv", ",,,,,,\n,,,,,,\n")
put("csv_duplicate_columns.csv", "姓名,姓名,姓名,金额,金额\n张三,李四,王五,1,2\n")
put("csv_empty_column_names.csv", ",,姓名,,\n1,2,张三,3,4\n")
put("csv_hostile_column_names.csv",
    '"""; DROP TABLE ledgers; --",\'; DELETE FROM documents; --,"a""b",`x`,[y],"line\nbreak",姓名\n1,2,3,4,5,6,张三\n')
put("csv_10000_char_column_name.csv", "姓名," + "列" * 10000 + ",金额\n张三,x,1\n")
put("csv_10000_char_cell.csv", HEADER + "张" * 10000 + ",430423195003051233,清水村,低保,2023年5月,1,1\n")
put("csv_formula_injection.csv", HEADER + '=cmd|\' /C calc\'!A0,@SUM(1+1),+1+1,-1+1,=HYPERLINK("http://x"),1,2\n')
put("csv_numbers_extreme.csv", "姓名,发放金额(元),发放年月,身份证号码\n甲,1e308,2023年13月,000000000000000000\n"
    "乙,-0,0000-00-00,99999999999999999X\n丙,99999999999999999999999999.999,2024-02-30,43042319500305123\n"
    "丁,NaN,９９９９年,４３０４２３１９５００３０５１２３３\n戊,￥-,二〇二三年五月,430423195003051234\n")
put("csv_header_is_data.csv", "张海山,430423195003051233,1050\n李秀英,430423196207182029,300\n")
put("csv_semicolon_and_tabs.csv", "姓名;金额\t备注,x\n张三;1\t2,3\n")
put("csv_binary_junk.csv", bytes(rng.randrange(256) for _ in range(4096)))
put("csv_control_chars.csv", HEADER + "".join(chr(c) for c in range(1, 32) if c not in (10, 13)) + ",1,2,3,4,5,6\n")
put("csv_bidi_and_zero_width.csv", HEADER + "\u202e张海山\u200b,\u2066430423195003051233\u2069,清水村,低保,2023年5月,1,2\n")
put("csv_gb18030_four_byte.csv", (HEADER + "𠀀𪚥,430423195003051233,清水村,低保,2023年5月,1,2\n").encode("gb18030"))
put("csv_one_column_many_rows.csv", "姓名\n" + "张三\n" * 5000)
put("csv_quotes_only.csv", '""""""""\n""""\n')
put("csv_huge_quoted_newlines.csv", HEADER + '"' + "\n" * 2000 + '",1,2,3,4,5,6\n')
put("csv_trailing_garbage_after_quote.csv", HEADER + '"张海山"xyz,430423195003051233,清水村,低保,2023年5月,1,2\n')
put("csv_2000_columns.csv", ",".join(f"列{i}" for i in range(2000)) + "\n" + ",".join("1" for _ in range(2000)) + "\n")

# Hostile file names (the ledger's name comes from the file name).
for name in ['"; DROP TABLE ledgers; --.csv', "名单'; DELETE FROM documents;--.csv",
             "a\"b'c`d.csv", "ledger_1.csv", "v_payments.csv", ("长" * 80) + ".csv",
             "..csv", " 空格 .csv", "中文　全角空格.csv", "%s%n%x.csv"]:
    put(name, HEADER + ROW)

# --- TXT / MD letters -----------------------------------------------------
put("txt_empty.txt", b"")
put("txt_nul.txt", "举报信\x00\x00内容".encode())
put("txt_only_bom_utf16.txt", b"\xff\xfe")
put("txt_utf16be_bom.txt", b"\xfe\xff" + "问：姓名？\n答：张三。\n".encode("utf-16-be"))
put("txt_invalid_utf16.txt", b"\xff\xfe\x00\xdc\x00\xdc")
put("txt_binary.txt", bytes(rng.randrange(256) for _ in range(2048)))
put("txt_mixed_encodings.txt", "举报信：".encode("utf-8") + "反映问题".encode("gbk") + "。".encode("utf-16-le"))
put("txt_control_chars.txt", "".join(chr(c) for c in range(1, 32)) + "举报")
put("md_markdown_injection.md", "# 举报\n<script>alert(1)</script>\n[x](javascript:alert(1))\n| a | b |\n")
put("笔录_empty_qa.txt", "问：\n答：\n问：\n")

# --- DOCX -------------------------------------------------------------------
def docx(parts):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in parts.items():
            z.writestr(n, d)
    return b.getvalue()

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

letter = open(os.path.join(FIXTURES, "letter.docx"), "rb").read()
for i, frac in enumerate([0.0, 0.05, 0.2, 0.4, 0.5, 0.6, 0.8, 0.95, 0.99]):
    put(f"docx_truncated_{i}.docx", letter[: int(len(letter) * frac)])
for i in range(9):
    b = bytearray(letter)
    for _ in range(1 + i * 3):
        b[rng.randrange(len(b))] = rng.randrange(256)
    put(f"docx_corrupted_{i}.docx", bytes(b))
put("docx_not_a_zip.docx", "这不是 Word 文件")
put("docx_empty_zip.docx", docx({}))
put("docx_no_document.docx", docx({"[Content_Types].xml": CT}))
put("docx_malformed_xml.docx", docx({"word/document.xml": f"<w:document {W}><w:body><w:p><w:r><w:t>举报</w:t></w:body>"}))
put("docx_nested_100k.docx", docx({"word/document.xml": f"<w:document {W}><w:body>" + "<w:p>" * 100000 + "<w:r><w:t>深</w:t></w:r>" + "</w:p>" * 100000 + "</w:body></w:document>"}))
put("docx_billion_laughs.docx", docx({"word/document.xml":
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
    f'<w:document {W}><w:body><w:p><w:r><w:t>&lol4;</w:t></w:r></w:p></w:body></w:document>'}))
put("docx_external_entity.docx", docx({"word/document.xml":
    f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'}))
put("docx_invalid_utf8_in_xml.docx", docx({"word/document.xml": f"<w:document {W}><w:body><w:p><w:r><w:t>".encode() + b"\xff\xfe\xc3" + b"</w:t></w:r></w:p></w:body></w:document>"}))
# A zip bomb: 300 MB of the same byte inflates from a few hundred KB.
bomb = io.BytesIO()
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", CT)
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode())
        chunk = b"A" * (1 << 20)
        for _ in range(300):
            f.write(chunk)
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
put("docx_zip_bomb.docx", bomb.getvalue())

# --- XLSX -------------------------------------------------------------------
def xlsx(sheet_xml, extra=None):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    parts.update(extra or {})
    return docx(parts)

def sheet(rows, tail=""):
    body = ""
    for r, cells in enumerate(rows, 1):
        body += f'<row r="{r}">'
        for c, v in enumerate(cells):
            ref = chr(65 + c) + str(r)
            if isinstance(v, tuple):  # (formula, cached value)
                body += f'<c r="{ref}"><f>{v[0]}</f><v>{v[1]}</v></c>'
            elif isinstance(v, (int, float)):
                body += f'<c r="{ref}"><v>{v}</v></c>'
            else:
                body += f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
        body += "</row>"
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{body}</sheetData>{tail}</worksheet>")

hdr = ["姓名", "身份证号码", "补贴项目", "发放年月", "发放金额(元)"]
put("xlsx_formulas.xlsx", xlsx(sheet([hdr, ["张海山", "430423195003051233", "低保", "2023年5月", ("SUM(1000,50)", 1050)],
                                      ["李秀英", "430423196207182029", "低保", "2023年5月", ("E2/0", "#DIV/0!")],
                                      ["合计", "", "", "", ("SUM(E2:E3)", 1050)]])))
put("xlsx_merged_cells.xlsx", xlsx(sheet([["清水镇低保发放表", "", "", "", ""], hdr, ["张海山", "430423195003051233", "低保", "2023年5月", 1050],
                                          ["", "430423196207182029", "", "", 300]],
                                         '<mergeCells count="2"><mergeCell ref="A1:E1"/><mergeCell ref="A3:A4"/></mergeCells>')))
put("xlsx_far_cell.xlsx", xlsx('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                               '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'
                               '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'))
put("xlsx_bad_cell_refs.xlsx", xlsx('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                    '<sheetData><row r="0"><c r="ZZZZZZ0"><v>1</v></c><c r="-1"><v>x</v></c><c r="A99999999999"><v>2</v></c></row></sheetData></worksheet>'))
put("xlsx_malformed_sheet.xlsx", xlsx("<worksheet><sheetData><row><c><v>1</sheetData>"))
put("xlsx_no_workbook.xlsx", docx({"[Content_Types].xml": CT}))
put("xlsx_shared_string_out_of_range.xlsx", xlsx(sheet([hdr]).replace("</sheetData>", '<row r="2"><c r="A2" t="s"><v>99999</v></c></row></sheetData>')))
put("xlsx_not_a_zip.xlsx", "姓名,金额\n张三,1\n")
put("xlsx_empty_zip.xlsx", docx({}))
put("xlsx_empty_sheet.xlsx", xlsx(sheet([])))
put("xlsx_hostile_headers.xlsx", xlsx(sheet([['"; DROP TABLE ledgers; --', "'; DELETE FROM documents;--", "a\"b", "x" * 10000, "姓名"],
                                             ["1", "2", "3", "4", "张三"]])))
payments = open(os.path.join(FIXTURES, "payments.xlsx"), "rb").read()
for i, frac in enumerate([0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98]):
    put(f"xlsx_truncated_{i}.xlsx", payments[: int(len(payments) * frac)])
for i in range(7):
    b = bytearray(payments)
    for _ in range(1 + i * 4):
        b[rng.randrange(len(b))] = rng.randrange(256)
    put(f"xlsx_corrupted_{i}.xlsx", bytes(b))
bomb = io.BytesIO()
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    src = zipfile.ZipFile(io.BytesIO(xlsx(sheet([hdr]))))
    for info in src.infolist():
        if info.filename != "xl/worksheets/sheet1.xml":
            z.writestr(info.filename, src.read(info.filename))
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
        f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        chunk = b" " * (1 << 20)
        for _ in range(600):
            f.write(chunk)
        f.write(b"</sheetData></worksheet>")
put("xlsx_zip_bomb.xlsx", bomb.getvalue())

# --- XLS (OLE2) -------------------------------------------------------------
put("xls_random.xls", bytes(rng.randrange(256) for _ in range(4096)))
put("xls_ole_header_only.xls", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
put("xls_ole_truncated.xls", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(rng.randrange(256) for _ in range(1000)))
put("xls_is_csv.xls", HEADER + ROW)
put("xls_empty.xls", b"")

print(f"wrote {count} files to {OUT}")

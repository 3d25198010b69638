#!/usr/bin/env python3
"""Generate the hecha demo case: 青溪县清水镇 (a fictional township).

Run from the repository root (or anywhere):

    python3 sample-data/generate.py

It (re)writes, next to this script:

    case.toml                 case title and as-of date
    letters/                  complaint letters (GBK .txt, UTF-8 .txt, Word .docx)
    transcripts/              interview transcripts (问：… 答：…), UTF-8 and GBK
    ledgers/                  one table per ledger role (GBK / UTF-8 / UTF-16 CSV, .xlsx)
    expected_findings.json    what each cross-check of DOMAIN.md must find (machine-readable)
    README.md                 description, file list, planted anomalies and decoys

Everything is deterministic: the only randomness (bank account numbers) comes from a
fixed seed, and the .xlsx/.docx containers get fixed metadata dates and fixed zip entry
timestamps, so two runs with the same Python/openpyxl/python-docx/zlib produce identical
bytes.

After writing the files the script reads them back through a small *reference
implementation* of DOMAIN.md (decoding, header synonyms, normalisation, the 13 rules)
and asserts that exactly the planted anomalies are found, with the planted amounts, and
that none of the decoys is. The README's anomaly table is printed from those findings, so
the numbers in it are the numbers the data really produces.

Needs: python3 (3.9+), openpyxl, python-docx, xlwt  (pip install openpyxl python-docx xlwt).
Optional: chardetng-py (the detector the Rust reader uses) to confirm every GBK file is
recognised as GB18030 rather than Big5/Shift_JIS/EUC-*.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import docx  # python-docx
import openpyxl
import xlwt  # .xls (BIFF8) for the bank statement
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2024, 6, 30)
CASE_TITLE = "清水镇惠民惠农资金及村级事务问题线索专项核查"
# Fixed timestamp for container metadata (xlsx/docx core properties, zip entries).
FIXED_TS = dt.datetime(2024, 6, 30, 9, 0, 0)

D = Decimal
CENT = D("0.01")


def money(x) -> Decimal:
    return D(str(x)).quantize(CENT)


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


# =============================================================================
# 1. ID numbers (GB 11643-1999)
# =============================================================================

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


def id_check_char(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def to_fullwidth_digits(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


# =============================================================================
# 2. The township's people
# =============================================================================

VILLAGES = ["石桥村", "枫树村", "白沙村", "龙潭村"]
VILLAGE_CODE = {"石桥村": "3101", "枫树村": "3102", "白沙村": "3103", "龙潭村": "3104"}


@dataclass
class Person:
    key: str                  # unique internal key (the name, or name+village for namesakes)
    name: str
    sex: str                  # "M" / "F"
    birth: str                # ISO date; may be impossible for a deliberately invalid ID
    area: str = "430423"      # 6-digit administrative code of the ID number
    village: str = ""         # "" for town officials living outside the villages
    hh: str = ""              # 户号
    rel: str = ""             # 与户主关系
    group: int = 0            # 村民小组
    want_x: bool = False      # choose a sequence number whose check character is X
    id: str = ""              # canonical 18-digit ID (filled by assign_ids)
    id15: str = ""            # the old 15-digit form, for people registered before 1999
    account: str = ""         # 惠民惠农"一卡通" account (filled by assign_accounts)


# (village, household no., 组, members); member = (name, relation, sex, birth[, options])
HOUSEHOLDS = [
    # ---------------------------------------------------------------- 石桥村
    ("石桥村", 1, 2, [("李春生", "户主", "M", "1962-04-18"),
                     ("周冬梅", "妻", "F", "1965-09-02", {"area": "430424"}),
                     ("李志成", "子", "M", "1988-12-05")]),
    ("石桥村", 2, 2, [("王建华", "户主", "M", "1961-03-05"),
                     ("王德胜", "父", "M", "1935-06-12", {"old15": True}),
                     ("罗秀兰", "妻", "F", "1963-07-22")]),
    ("石桥村", 3, 3, [("刘建国", "户主", "M", "1968-11-23"),
                     ("王秀兰", "妻", "F", "1970-02-14"),
                     ("刘伟", "子", "M", "1993-07-30", {"want_x": True}),
                     ("刘德福", "父", "M", "1942-05-06"),
                     ("张秀英", "母", "F", "1943-01-19")]),
    ("石桥村", 4, 3, [("刘建军", "户主", "M", "1971-08-09"),
                     ("谭小红", "妻", "F", "1973-10-03")]),
    ("石桥村", 5, 1, [("陈立新", "户主", "M", "1975-03-12"),
                     ("何丽", "妻", "F", "1977-06-30")]),
    ("石桥村", 6, 1, [("王秀英", "户主", "F", "1940-12-08", {"key": "王秀英(石桥)"})]),
    ("石桥村", 7, 4, [("张国良", "户主", "M", "1955-10-10"),
                     ("李玉兰", "妻", "F", "1957-02-18"),
                     # impossible birth date (2015 is not a leap year): invalid-id planted
                     ("张子豪", "孙", "M", "2015-02-29")]),
    ("石桥村", 8, 4, [("彭光明", "户主", "M", "1958-02-11"),
                     ("彭海", "子", "M", "1988-05-20")]),
    ("石桥村", 9, 2, [("赵春花", "户主", "F", "1950-03-03")]),
    ("石桥村", 10, 1, [("李红梅", "户主", "F", "1980-06-16")]),
    ("石桥村", 11, 3, [("陈大勇", "户主", "M", "1966-09-14"),
                      ("陈桂生", "父", "M", "1938-02-14")]),
    ("石桥村", 12, 1, [("唐秀芳", "户主", "F", "1972-04-09")]),
    # ---------------------------------------------------------------- 枫树村
    ("枫树村", 1, 1, [("谢国平", "户主", "M", "1970-09-09")]),
    ("枫树村", 2, 2, [("陈卫东", "户主", "M", "1979-04-04"),
                     ("刘小燕", "妻", "F", "1981-01-15"),
                     ("黄桂兰", "母", "F", "1952-12-12")]),
    ("枫树村", 3, 2, [("胡志强", "户主", "M", "1986-10-02"),
                     ("杨静", "妻", "F", "1988-03-17", {"area": "430482"})]),
    ("枫树村", 4, 3, [("周秀英", "户主", "F", "1960-05-25"),
                     ("邓丽", "女", "F", "1992-08-18")]),
    ("枫树村", 5, 3, [("钟满堂", "户主", "M", "1957-01-30"),
                     ("陈满英", "母", "F", "1931-09-09")]),
    ("枫树村", 6, 1, [("胡秀莲", "户主", "F", "1944-08-20")]),
    ("枫树村", 7, 4, [("谭秋生", "户主", "M", "1943-08-12"),
                     ("谭志勇", "子", "M", "1970-11-02")]),
    ("枫树村", 8, 4, [("李翠英", "户主", "F", "1946-09-29"),
                     ("曾凡贵", "孙", "M", "1999-12-09")]),
    ("枫树村", 9, 2, [("谢长寿", "户主", "M", "1948-02-02"),
                     ("谢冬生", "弟", "M", "1950-12-01")]),
    ("枫树村", 10, 1, [("曾志华", "户主", "M", "1974-05-05")]),
    ("枫树村", 11, 3, [("谢丽萍", "户主", "F", "1983-08-08")]),
    # ---------------------------------------------------------------- 白沙村
    ("白沙村", 1, 1, [("蒋立", "户主", "M", "1976-07-07"),
                     ("赵海燕", "妻", "F", "1978-12-01")]),
    ("白沙村", 2, 2, [("杨满仓", "户主", "M", "1946-07-07", {"want_x": True})]),
    ("白沙村", 3, 2, [("刘翠兰", "户主", "F", "1949-10-10")]),
    ("白沙村", 4, 3, [("蒋大华", "户主", "M", "1979-03-03"),
                     ("孙桂芝", "母", "F", "1955-04-27")]),
    ("白沙村", 5, 3, [("吴德明", "户主", "M", "1947-05-16")]),
    ("白沙村", 6, 4, [("吴永年", "户主", "M", "1963-12-28")]),
    ("白沙村", 7, 1, [("黄志明", "户主", "M", "1969-01-21")]),
    ("白沙村", 8, 2, [("蒋国富", "户主", "M", "1972-08-15")]),
    ("白沙村", 9, 4, [("张伟", "户主", "M", "1985-11-11")]),
    ("白沙村", 10, 4, [("黄德华", "户主", "M", "1958-06-06"),
                      ("黄有才", "兄", "M", "1945-10-30")]),
    ("白沙村", 11, 3, [("蒋春香", "户主", "F", "1961-02-27"),
                      ("蒋玉兰", "母", "F", "1936-04-16")]),
    ("白沙村", 12, 1, [("严桂英", "户主", "F", "1939-05-05", {"want_x": True})]),
    # ---------------------------------------------------------------- 龙潭村
    ("龙潭村", 1, 1, [("马德贵", "户主", "M", "1966-02-22"),
                     ("杨桂香", "妻", "F", "1968-04-18"),
                     ("马永福", "父", "M", "1939-09-09")]),
    ("龙潭村", 2, 2, [("欧阳建华", "户主", "M", "1960-10-01"),
                     ("罗金凤", "妻", "F", "1962-03-14")]),
    ("龙潭村", 3, 2, [("欧阳春", "户主", "M", "1970-06-18")]),
    ("龙潭村", 4, 3, [("欧阳秀珍", "户主", "F", "1938-03-03")]),
    ("龙潭村", 5, 3, [("王秀英", "户主", "F", "1941-11-11", {"key": "王秀英(龙潭)"})]),
    ("龙潭村", 6, 1, [("欧阳志刚", "户主", "M", "1972-01-26")]),
    ("龙潭村", 7, 4, [("彭桂生", "户主", "M", "1932-07-19")]),
    ("龙潭村", 8, 4, [("罗小平", "户主", "M", "1965-04-04")]),
    ("龙潭村", 9, 2, [("邹玉梅", "户主", "F", "1944-12-12")]),
    ("龙潭村", 10, 1, [("欧阳志远", "户主", "M", "1967-03-30")]),
    ("龙潭村", 11, 3, [("邹建明", "户主", "M", "1975-07-21")]),
    ("龙潭村", 12, 2, [("欧阳德明", "户主", "M", "1955-11-03")]),
]

# Town officials who do not live in the four villages: (name, sex, birth, area code).
TOWN_ONLY = [
    ("唐志华", "M", "1974-03-21", "430421"),
    ("罗建平", "M", "1979-09-30", "430424"),
    ("王敏", "F", "1983-05-12", "430423"),
    ("李涛", "M", "1987-02-08", "430426"),
    ("陈静", "F", "1995-10-17", "430423"),
    ("刘芳", "F", "1981-12-24", "430482"),
    ("周建军", "M", "1976-06-06", "430423"),
    ("黄晓明", "M", "1972-08-28", "430422"),
    ("蒋丽华", "F", "1990-04-03", "430423"),
    ("邹志远", "M", "1985-07-15", "430481"),
    ("欧阳文", "M", "1991-01-09", "430423"),
]

PEOPLE: dict[str, Person] = {}


def build_people() -> None:
    for village, no, group, members in HOUSEHOLDS:
        hh = f"{VILLAGE_CODE[village]}{no:04d}"
        for m in members:
            name, rel, sex, birth = m[:4]
            opts = m[4] if len(m) > 4 else {}
            key = opts.get("key", name)
            assert key not in PEOPLE, key
            PEOPLE[key] = Person(key=key, name=name, sex=sex, birth=birth,
                                 area=opts.get("area", "430423"), village=village, hh=hh,
                                 rel=rel, group=group, want_x=opts.get("want_x", False),
                                 id15="old15" if opts.get("old15") else "")
    for name, sex, birth, area in TOWN_ONLY:
        assert name not in PEOPLE, name
        PEOPLE[name] = Person(key=name, name=name, sex=sex, birth=birth, area=area)


def assign_ids() -> None:
    """Deterministic, valid 18-digit IDs: sequence numbers spread by a fixed stride, the
    sex digit (17th) odd for men and even for women, and X check characters where asked."""
    for i, p in enumerate(PEOPLE.values()):
        seq = (101 + 37 * i) % 1000
        seq = seq - seq % 2 + (1 if p.sex == "M" else 0)
        ymd = p.birth.replace("-", "")
        while True:
            first17 = f"{p.area}{ymd}{seq:03d}"
            chk = id_check_char(first17)
            if (chk == "X") == p.want_x:
                break
            seq = (seq + 2) % 1000
        p.id = first17 + chk
        if p.id15:
            p.id15 = f"{p.area}{ymd[2:]}{seq:03d}"
    ids = [p.id for p in PEOPLE.values()]
    assert len(ids) == len(set(ids)), "duplicate ID numbers"


def luhn_complete(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        n = int(c)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return body + str((10 - total % 10) % 10)


def assign_accounts() -> None:
    """19-digit card numbers with a Luhn check digit, from a fixed seed."""
    rng = random.Random(20240630)
    for p in PEOPLE.values():
        if p.village:
            p.account = luhn_complete("621466" + "".join(str(rng.randrange(10)) for _ in range(12)))


def P(key: str) -> Person:
    return PEOPLE[key]


# Money goes to the person's own card, except where a card is shared:
#   张国良 and his wife 李玉兰 share one card (same 户号: a decoy);
#   白沙村 accountant 赵海燕 "keeps" the cards of 杨满仓 and 刘翠兰 (planted: shared-account);
#   龙潭村 group leader 欧阳志刚 collects 邹玉梅's farmland subsidy (planted: shared-account).
def account_of(key: str) -> str:
    redirect = {"李玉兰": "张国良", "杨满仓": "赵海燕", "刘翠兰": "赵海燕", "邹玉梅": "欧阳志刚"}
    return P(redirect.get(key, key)).account


# Deaths: key -> (死亡日期, 注销日期). Death and deregistration always fall before the
# same quarterly payment month, so whichever of the two columns a reader takes as the
# death date, the findings are the same.
DEATHS = {
    "陈桂生": ("2023-07-30", "2023-08-14"),
    "孙桂芝": ("2023-09-12", "2023-09-26"),
    "王德胜": ("2023-10-21", "2023-11-15"),
    "陈满英": ("2023-12-05", "2023-12-19"),
    "黄有才": ("2024-01-19", "2024-02-01"),
    "彭桂生": ("2024-03-02", "2024-03-18"),
    "谢冬生": ("2024-04-27", "2024-05-13"),
    "蒋玉兰": ("2024-05-30", "2024-06-11"),
}

# Town officials (财政供养人员): key -> (工作单位, 职务, 人员类别, 入职日期, 离职日期, 备注)
OFFICIALS = [
    ("唐志华", "中共清水镇委员会", "党委书记", "行政", "2020-09-01", "", ""),
    ("罗建平", "清水镇人民政府", "镇长", "行政", "2021-06-15", "", ""),
    ("邹志远", "清水镇人民政府", "副镇长", "行政", "2022-01-10", "", ""),
    ("王敏", "清水镇纪律检查委员会", "纪委书记", "行政", "2021-03-10", "", ""),
    ("李涛", "清水镇纪律检查委员会", "纪委委员", "行政", "2018-07-01", "", ""),
    ("陈静", "清水镇纪律检查委员会", "纪检干事", "行政", "2022-08-15", "", ""),
    ("谭志勇", "清水镇人民政府", "党政办干事", "行政", "2016-10-01", "", ""),
    ("刘芳", "清水镇财政所", "所长", "行政", "2014-03-01", "", ""),
    ("邓丽", "清水镇财政所", "会计", "事业", "2019-07-01", "", ""),
    ("欧阳文", "清水镇社会事务综合服务中心", "民政专干", "事业", "2017-09-01", "", ""),
    ("周建军", "清水镇农业综合服务中心", "主任", "事业", "2010-08-01", "", ""),
    ("曾凡贵", "清水镇农业综合服务中心", "农技员", "事业", "2024-04-08", "", "2024年事业单位公开招聘"),
    ("胡志强", "清水镇卫生院", "临床医师", "事业", "2015-08-01", "", ""),
    ("蒋丽华", "清水镇卫生院", "护士", "事业", "2013-07-15", "", ""),
    ("黄晓明", "清水镇中心学校", "校长", "事业", "2005-09-01", "", ""),
    ("彭海", "清水镇中心学校", "教师", "事业", "2012-09-01", "2023-09-15", "本人辞职"),
]

# Village cadres: (key, 职务, 任职日期, 离任日期, 备注)
CADRES = [
    ("刘建国", "书记", "2021-01-08", "", "2021年村(社区)“两委”换届当选"),
    ("陈立新", "主任", "2021-01-08", "", "2021年换届当选"),
    ("李红梅", "委员", "2021-01-08", "", "2021年换届当选"),
    ("唐秀芳", "会计", "2018-03-01", "", "村级报账员"),
    ("王建华", "组长", "2021-03-01", "", "2组组长"),
    ("谢国平", "书记", "2021-01-08", "", "2021年换届当选"),
    ("曾志华", "主任", "2021-01-08", "", "2021年换届当选"),
    ("陈卫东", "委员", "2023-10-01", "", "2023年10月补选"),
    ("谢丽萍", "会计", "2020-05-06", "", "村级报账员"),
    ("黄志明", "书记", "2021-01-08", "", "2021年换届当选"),
    ("蒋国富", "主任", "2021-01-08", "", "2021年换届当选"),
    ("赵海燕", "会计", "2019-04-01", "", "村级报账员"),
    ("张伟", "组长", "2021-03-01", "", "4组组长"),
    ("欧阳志远", "书记", "2021-01-08", "", "2021年换届当选"),
    ("马德贵", "主任", "2021-01-08", "", "2021年换届当选"),
    ("欧阳建华", "委员", "2016-01-12", "2022-12-31", "本人辞去职务"),
    ("邹建明", "会计", "2021-01-08", "", "村级报账员"),
    ("欧阳志刚", "组长", "2021-03-01", "", "1组组长"),
]


# =============================================================================
# 3. Ledger rows (with tags so planted anomalies can be located by row number)
# =============================================================================

@dataclass
class Table:
    """One ledger: a header and its data rows. Rows carry an optional tag (an internal
    label such as 'p23:王德胜:高龄:2023-12') so the README can name their row number."""
    key: str
    path: str                 # relative to sample-data/
    role: str                 # the role the file is meant to be detected as
    encoding: str             # gbk | utf-8-sig | utf-8 | utf-16-le-bom | xlsx
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)   # tag -> 1-based data row

    def add(self, values: list, tag: str | None = None) -> None:
        assert len(values) == len(self.headers), (self.key, values)
        self.rows.append(values)
        if tag:
            assert tag not in self.tags, tag
            self.tags[tag] = len(self.rows)

    def row_of(self, tag: str) -> int:
        return self.tags[tag]


TABLES: dict[str, Table] = {}
GBK_FILES: list[Path] = []      # every GBK text file written (checked with chardetng if present)


def table(key, path, role, encoding, headers) -> Table:
    t = Table(key, path, role, encoding, headers)
    TABLES[key] = t
    return t


# ----------------------------------------------------------------------------- payments
# Quarterly batches (一卡通 按季度发放): period -> pay dates by kind of programme.
BATCH = {
    "2023-09": {"救助": "2023-09-08", "高龄": "2023-09-15", "残疾": "2023-09-20"},
    "2023-12": {"救助": "2023-12-08", "高龄": "2023-12-15", "残疾": "2023-12-20"},
    "2024-03": {"救助": "2024-03-08", "高龄": "2024-03-15", "残疾": "2024-03-20"},
    "2024-06": {"救助": "2024-06-07", "高龄": "2024-06-14", "残疾": "2024-06-20"},
}
PERIODS = list(BATCH)

# Canonical programme of each short label, with the label written in each file.
#           short: (canonical, label in 2023 H2 file, label in 2024 H1 file, batch kind)
PROG = {
    "低保": ("最低生活保障", "农村低保", "最低生活保障", "救助"),
    "特困": ("特困人员救助供养", "特困供养", "特困人员救助供养", "救助"),
    "高龄": ("高龄补贴", "高龄津贴", "高龄补贴", "高龄"),
    "残疾生活": ("困难残疾人生活补贴", "残疾人生活补贴", "困难残疾人生活补贴", "残疾"),
    "护理": ("重度残疾人护理补贴", "残疾人护理补贴", "重度残疾人护理补贴", "残疾"),
    "临时救助": ("临时救助", "临时救助", "临时救助", None),
    "危房改造": ("农村危房改造补助", "危房改造", "农村危房改造补助", None),
}

# Recurring quarterly payments: (person, programme, amount per quarter, periods paid)
ALL4 = PERIODS
RECURRING = [
    # 石桥村
    ("王德胜", "高龄", "300", ALL4),            # died 2023-10-21: 2023-12 .. 2024-06 planted
    ("刘德福", "低保", "1050", ALL4),           # father of 书记刘建国 (same 户号): planted
    ("刘德福", "高龄", "300", ALL4),
    ("张秀英", "高龄", "300", ALL4),            # mother of 刘建国: not discretionary (decoy)
    ("王秀英(石桥)", "高龄", "300", ALL4),
    ("张国良", "低保", "990", ALL4),
    ("李玉兰", "残疾生活", "240", ALL4),        # shares her husband's card (decoy)
    ("彭光明", "低保", "870", ALL4),            # son 彭海 a teacher until 2023-09-15
    ("赵春花", "低保", "870", ALL4),
    # 枫树村
    ("周秀英", "低保", "990", ALL4),            # daughter 邓丽 works at the 财政所: planted
    ("钟满堂", "低保", "990", ALL4),            # 2023-12 paid twice: planted
    ("胡秀莲", "高龄", "300", ["2024-03", "2024-06"]),   # turns 80 only in 2024-08: planted
    ("谭秋生", "高龄", "300", ALL4),            # turned 80 on 2023-08-12 (decoy)
    ("李翠英", "低保", "870", ALL4),            # grandson 曾凡贵 hired 2024-04-08
    ("谢长寿", "特困", "1380", ALL4),
    # 白沙村
    ("杨满仓", "特困", "1380", ALL4),           # paid to accountant 赵海燕's card: planted
    ("刘翠兰", "低保", "870", ALL4),            # paid to accountant 赵海燕's card: planted
    ("孙桂芝", "残疾生活", "240", ["2023-09"]),  # died 2023-09-12; this one was stopped
    ("孙桂芝", "护理", "270", ALL4),            # ... this one kept being paid: planted
    ("吴德明", "高龄", "300", ALL4),            # born 1947: planted
    ("严桂英", "高龄", "300", ALL4),
    ("蒋玉兰", "高龄", "300", ["2023-09", "2023-12", "2024-03"]),  # died 2024-05-30, stopped
    # 龙潭村
    ("马永福", "高龄", "300", ALL4),
    ("罗金凤", "低保", "870", ALL4),            # husband left the village committee 2022-12-31
    ("欧阳秀珍", "高龄", "300", ALL4),          # 2023-12 paid twice: planted
    ("王秀英(龙潭)", "高龄", "300", ALL4),      # namesake of 石桥村 王秀英 (decoy)
    ("彭桂生", "高龄", "600", ["2023-09", "2023-12", "2024-03"]),  # died 2024-03-02 (decoy)
    ("罗小平", "低保", "870", ALL4),
]

# One-off payments: (person, programme, amount, pay date, period, tag suffix, 备注)
ONE_OFF = [
    ("刘建军", "临时救助", "1500", "2023-08-18", "2023-08", "", "因病"),
    ("黄桂兰", "临时救助", "2000", "2023-08-18", "2023-08", "", "因病住院"),
    ("胡志强", "危房改造", "25000", "2023-09-22", "2023-09", "", "C级危房加固"),
    ("黄桂兰", "临时救助", "1500", "2023-11-20", "2023-11", "", "因病"),
    ("赵春花", "危房改造", "25000", "2023-11-24", "2023-11", "", "D级危房拆除重建"),
    ("欧阳秀珍", "高龄", "300", "2023-12-27", "2023-12", "#2", ""),
    ("钟满堂", "低保", "990", "2024-01-09", "2023-12", "#2", "补发2023年12月"),
    ("罗小平", "临时救助", "1000", "2024-02-23", "2024-02", "", "低温雨雪冰冻灾害"),
]

VILLAGE_ORDER = {v: i for i, v in enumerate(VILLAGES)}
PROG_ORDER = {k: i for i, k in enumerate(PROG)}


@dataclass
class Pay:
    who: str
    prog: str
    amount: Decimal
    pay_date: dt.date
    period: str
    tag: str
    note: str = ""


def all_payments() -> list[Pay]:
    pays = []
    for who, prog, amt, periods in RECURRING:
        kind = PROG[prog][3]
        for per in periods:
            pays.append(Pay(who, prog, money(amt), d(BATCH[per][kind]), per, f"{who}:{prog}:{per}"))
    for who, prog, amt, date, per, suffix, note in ONE_OFF:
        pays.append(Pay(who, prog, money(amt), d(date), per, f"{who}:{prog}:{per}{suffix}", note))
    pays.sort(key=lambda p: (p.pay_date, PROG_ORDER[p.prog], VILLAGE_ORDER[P(p.who).village],
                             P(p.who).hh, p.who))
    return pays


def fmt_date_variant(date: dt.date, style: str) -> str:
    if style == "slash":
        return f"{date.year}/{date.month}/{date.day}"
    if style == "cn":
        return f"{date.year}年{date.month}月{date.day}日"
    if style == "compact":
        return date.strftime("%Y%m%d")
    if style == "dot":
        return f"{date.year}.{date.month}.{date.day}"
    return date.isoformat()


def fmt_period_variant(period: str, style: str) -> str:
    y, m = period.split("-")
    if style == "cn":
        return f"{y}年{int(m)}月"
    if style == "compact":
        return y + m
    return period


# Each village's clerk types dates their own way (the town merges the sheets).
P23_DATE_STYLE = {"石桥村": "slash", "枫树村": "cn", "白沙村": "compact", "龙潭村": "iso"}
P23_PERIOD_STYLE = {"石桥村": "iso", "枫树村": "cn", "白沙村": "compact", "龙潭村": "iso"}


def build_payments() -> None:
    pays = all_payments()
    t23 = table("p23", "ledgers/2023年下半年惠民惠农补贴一卡通发放明细.csv", "payments", "gbk",
                ["序号", "姓名", "身份证号码", "户号", "村", "补贴项目", "发放年月", "发放日期",
                 "发放金额(元)", "银行卡号", "备注"])
    t24 = table("p24", "ledgers/2024年上半年惠民惠农补贴一卡通发放明细.csv", "payments", "utf-8-sig",
                ["序号", "村(社区)", "补贴对象", "公民身份号码", "资金类别", "所属期", "打卡日期",
                 "实发金额", "一卡通账号", "备注"])
    for p in pays:
        person = P(p.who)
        canon, label23, label24, _ = PROG[p.prog]
        if p.pay_date.year == 2023:
            # messy but valid cells, spread deterministically over the rows
            amount = f"{p.amount:.2f}"
            if p.who == "刘德福" and p.prog == "低保":
                amount = "1,050.00"
            elif p.who == "王秀英(石桥)":
                amount = "￥300"                 # full-width yen: GBK has no ¥ (U+00A5)
            elif p.who == "张秀英":
                amount = "300元"
            elif p.who == "罗小平" and p.period == "2023-12":
                amount = to_fullwidth_digits("870")
            elif p.prog == "危房改造":
                amount = "25,000.00"
            elif p.amount == p.amount.to_integral():
                amount = str(int(p.amount))
            id_cell = person.id
            if p.who == "赵春花" and p.period == "2023-09":
                id_cell = to_fullwidth_digits(person.id)           # full-width digits (valid)
            if p.who == "杨满仓" and p.period == "2023-12":
                id_cell = person.id.lower()                         # lower-case x (valid)
            label = label23
            if p.prog == "低保" and person.village in ("枫树村", "龙潭村"):
                label = "低保"                                      # another alias
            if p.prog == "高龄" and person.village == "龙潭村":
                label = "高龄补贴"
            t23.add([len(t23.rows) + 1, person.name, id_cell, person.hh, person.village, label,
                     fmt_period_variant(p.period, P23_PERIOD_STYLE[person.village]),
                     fmt_date_variant(p.pay_date, "dot" if p.prog in ("临时救助", "危房改造")
                                      else P23_DATE_STYLE[person.village]),
                     amount, account_of(p.who), p.note], tag=p.tag)
        else:
            amount = f"{p.amount:.2f}"
            if p.who == "刘德福" and p.prog == "低保":
                amount = "1,050.00"
            elif p.prog == "特困":
                amount = "1,380.00"
            elif p.who in ("王秀英(龙潭)", "马永福"):
                amount = "¥300"
            name = person.name
            if p.who == "张国良":
                name = "张 国良"                                    # inner space (same name)
            id_cell = person.id
            if p.who == "严桂英" and p.period == "2024-06":
                id_cell = person.id.lower()                         # lower-case x (valid)
            period = p.period if person.village != "白沙村" else p.period.replace("-", "")
            date = fmt_date_variant(p.pay_date, "cn" if person.village == "枫树村" else "slash")
            t24.add([len(t24.rows) + 1, person.village, name, id_cell, label24, period, date,
                     amount, account_of(p.who), p.note], tag=p.tag)


# ------------------------------------------------------------------- area-based payments
RATE = {"禁牧补助": D("37.50"), "森林生态效益补偿": D("16.00"), "耕地地力保护补贴": D("105.00")}
AREA_DATE = {"禁牧补助": "2023-11-16", "森林生态效益补偿": "2023-12-12", "耕地地力保护补贴": "2023-07-14"}

# (person, programme label, claimed area)
AREA_CLAIMS = [
    ("李春生", "耕地地力保护补贴", "4.20"),      # two parcels 2.30 + 1.90 (decoy: summed)
    ("刘建国", "耕地地力保护补贴", "3.60"),
    ("陈立新", "耕地地力保护补贴", "2.80"),
    ("王建华", "耕地地力保护补贴", "3.10"),
    ("胡志强", "耕地地力保护补贴", "1.50"),      # an official, but not means-tested (decoy)
    ("谭秋生", "耕地地力保护补贴", "2.10"),
    ("钟满堂", "耕地地力保护补贴", "3.00"),
    ("蒋立", "耕地地力保护补贴", "2.60"),
    ("黄德华", "耕地地力保护补贴", "2.90"),
    ("欧阳志刚", "耕地地力保护补贴", "3.30"),
    ("邹玉梅", "耕地地力保护补贴", "1.80"),      # paid to 组长 欧阳志刚's account: planted
    ("吴永年", "森林生态效益补偿", "20.00"),
    ("黄德华", "森林生态效益补偿", "35.00"),
    ("蒋国富", "森林生态效益补偿", "18.00"),
    ("欧阳志远", "森林生态效益补偿", "22.00"),
    ("马永福", "禁牧补助", "48.50"),            # registered 草地 12.50 + 8.00: planted (28 mu)
    ("马德贵", "禁牧补助", "10.20"),
    ("吴永年", "禁牧补助", "15.00"),            # 草地 10.00 (+ 林地 20.00): planted (5 mu)
    ("欧阳德明", "禁牧补助", "15.60"),          # registered 15.59: exactly 0.01 over (decoy)
    ("罗小平", "禁牧补助", "15.50"),            # two parcels 6.00 + 9.50 (decoy: summed)
    ("欧阳志刚", "禁牧补助", "12.00"),
    ("欧阳春", "禁牧补助", "8.40"),
    ("邹建明", "禁牧补助", "6.80"),
]

# Land register: (person, 地块名称, 地类, 确权面积)
LAND = [
    ("李春生", "塘坎上", "耕地", "2.30"), ("李春生", "长丘", "耕地", "1.90"),
    ("刘建国", "屋门前", "耕地", "3.60"), ("陈立新", "大垄", "耕地", "2.80"),
    ("陈大勇", "井边丘", "耕地", "2.50"),   # ID typed with a wrong check digit: planted
    ("王建华", "老屋场", "耕地", "3.10"),
    ("谢国平", "后山", "林地", "12.00"), ("胡志强", "枫树湾", "耕地", "1.50"),
    ("谭秋生", "塅里", "耕地", "2.10"), ("钟满堂", "下垅", "耕地", "3.00"),
    ("吴永年", "牛角坳", "草地", "10.00"), ("吴永年", "牛角坳", "林地", "20.00"),
    ("黄德华", "白沙岭", "林地", "35.00"), ("黄德华", "河边", "耕地", "2.90"),
    ("蒋国富", "羊古坳", "林地", "18.00"), ("蒋立", "沙洲", "耕地", "2.60"),
    ("马永福", "马家山", "草地", "12.50"), ("马永福", "狮子岭", "草地", "8.00"),
    ("马德贵", "马家山", "草地", "10.20"), ("欧阳德明", "龙潭坳", "草地", "15.59"),
    ("罗小平", "黄泥坡", "草地", "6.00"), ("罗小平", "青草坪", "草地", "9.50"),
    ("欧阳志刚", "龙头山", "草地", "12.00"), ("欧阳志刚", "大塘边", "耕地", "3.30"),
    ("欧阳春", "龙尾坡", "草地", "8.40"), ("邹建明", "岩背", "草地", "6.80"),
    ("欧阳志远", "龙潭后山", "林地", "22.00"), ("邹玉梅", "屋背丘", "耕地", "1.80"),
]

AREA_VILLAGE_ORDER = {"耕地地力保护补贴": 0, "森林生态效益补偿": 1, "禁牧补助": 2}


def build_area_payments_and_land() -> None:
    t = table("area", "ledgers/2023年度面积类补贴发放表.csv", "payments", "gbk",
              ["序号", "姓名", "身份证号", "村", "补贴类型", "补贴面积(亩)", "补贴标准(元/亩)",
               "补贴金额", "发放日期", "存折号"])
    claims = sorted(AREA_CLAIMS, key=lambda c: (AREA_VILLAGE_ORDER[c[1]],
                                                VILLAGE_ORDER[P(c[0]).village], P(c[0]).hh))
    for who, prog, area in claims:
        person = P(who)
        amount = D(area) * RATE[prog]
        assert amount == amount.quantize(CENT), (who, prog, area)   # exact to the fen
        t.add([len(t.rows) + 1, person.name, person.id, person.village, prog, area,
               f"{RATE[prog]:.2f}", f"{amount:.2f}", fmt_date_variant(d(AREA_DATE[prog]), "slash"),
               account_of(who)], tag=f"area:{who}:{prog}")

    land = table("land", "ledgers/承包地草场确权登记.csv", "land", "gbk",
                 ["序号", "村", "组", "姓名", "身份证号码", "地块编码", "地块名称", "地类",
                  "确权面积(亩)"])
    rows = sorted(LAND, key=lambda r: (VILLAGE_ORDER[P(r[0]).village], P(r[0]).hh))
    parcel_no = {}
    for who, plot, kind, area in rows:
        person = P(who)
        vc = VILLAGE_CODE[person.village]
        parcel_no[vc] = parcel_no.get(vc, 0) + 1
        id_cell = person.id
        if who == "陈大勇":
            # last digit mistyped: fails the check digit
            id_cell = person.id[:17] + ("0" if person.id[17] in "9X" else str(int(person.id[17]) + 1))
        code = f"430423105{VILLAGES.index(person.village) + 1:03d}{person.group:02d}{parcel_no[vc]:05d}"
        land.add([len(land.rows) + 1, person.village, f"{person.group}组", person.name, id_cell,
                  code, plot, kind, area],
                 tag=f"land:{who}:{kind}:{plot}")


# ---------------------------------------------------------------- land compensation
PROJECT_TOWER = "石桥村通信铁塔建设用地补偿"
PROJECT_ROAD = "S315清水至龙潭段拓宽工程征地补偿"
# (project, person, 被征收面积, 土地补偿费, 青苗及地上附着物补偿费, 公示日期, 备注)
ALLOCATIONS = [
    (PROJECT_TOWER, "李春生", "0.05", "10000", "0", "2023-07-28", "铁塔基站永久用地"),
    (PROJECT_TOWER, "陈大勇", "0", "0", "2001", "2023-07-28", "施工便道临时占地青苗补偿"),
    (PROJECT_ROAD, "黄德华", "0.35", "15050", "620", "2023-12-29", ""),
    (PROJECT_ROAD, "蒋春香", "0.18", "7740", "310", "2023-12-29", ""),
    (PROJECT_ROAD, "吴永年", "0.25", "10750", "450", "2023-12-29", ""),
    (PROJECT_ROAD, "张伟", "0.12", "5160", "0", "2023-12-29", ""),
    (PROJECT_ROAD, "马德贵", "0.15", "6450", "200", "2023-12-29", ""),
    (PROJECT_ROAD, "欧阳春", "0.20", "8600", "0", "2023-12-29", ""),
    (PROJECT_ROAD, "欧阳德明", "0.50", "21500", "380", "2023-12-29", ""),
    (PROJECT_ROAD, "王秀英(龙潭)", "0.08", "3440", "0", "2023-12-29", ""),
    (PROJECT_ROAD, "罗小平", "0.30", "12900", "56.80", "2023-12-29", ""),
    (PROJECT_ROAD, "邹建明", "0.10", "4300", "0", "2023-12-29", ""),
]
# (project, person, 支付日期, 实发金额, 备注)
COMP_PAYMENTS = [
    (PROJECT_TOWER, "李春生", "2023-08-10", "4000", "村集体代付"),
    (PROJECT_TOWER, "陈大勇", "2023-08-10", "2000", "村集体代付"),
    (PROJECT_ROAD, "黄德华", "2024-01-20", "15670", ""),
    (PROJECT_ROAD, "蒋春香", "2024-01-20", "8050", ""),
    (PROJECT_ROAD, "吴永年", "2024-01-20", "11200", ""),
    (PROJECT_ROAD, "张伟", "2024-01-20", "5160", ""),
    (PROJECT_ROAD, "马德贵", "2024-01-20", "6650", ""),
    (PROJECT_ROAD, "欧阳德明", "2024-01-20", "10000", "第一期"),
    (PROJECT_ROAD, "王秀英(龙潭)", "2024-01-20", "3440", ""),
    (PROJECT_ROAD, "罗小平", "2024-01-20", "12956", ""),
    (PROJECT_ROAD, "邹建明", "2024-01-20", "4400", ""),
    (PROJECT_ROAD, "欧阳德明", "2024-04-16", "11880", "第二期"),
]


def build_compensation() -> None:
    t = table("alloc", "ledgers/征地补偿分配表.xlsx", "allocations", "xlsx",
              ["序号", "项目名称", "所在村", "姓名", "身份证号码", "被征收面积(亩)", "土地补偿费(元)",
               "青苗及地上附着物补偿费(元)", "补偿金额（元）", "公示日期", "备注"])
    for proj, who, area, land_fee, crop_fee, pub, note in ALLOCATIONS:
        person = P(who)
        due = money(land_fee) + money(crop_fee)
        # real spreadsheet values: numbers stay numbers, dates stay dates
        t.add([len(t.rows) + 1, proj, person.village, person.name, person.id, float(area),
               float(land_fee), float(crop_fee), float(due), d(pub), note or None],
              tag=f"alloc:{proj}:{who}")
    pay = table("comp", "ledgers/征地补偿款支付明细.csv", "payments", "utf-8",
                ["序号", "项目名称", "姓名", "身份证号码", "村", "支付日期", "实发金额", "银行卡号", "备注"])
    for proj, who, date, amount, note in COMP_PAYMENTS:
        person = P(who)
        pay.add([len(pay.rows) + 1, proj, person.name, person.id, person.village, date,
                 f"{money(amount):.2f}", account_of(who), note], tag=f"comp:{proj}:{who}:{date}")


# ------------------------------------------------------------------------- inventory
ITEMS = {
    "有机肥": ("商品有机肥(40kg/袋)", "吨", D("1100.00")),
    "大米": ("救灾大米(25kg/袋)", "袋", D("125.00")),
    "棉被": ("救灾棉被(200*230cm)", "床", D("180.00")),
    "食用油": ("菜籽油(5L/桶)", "桶", D("68.00")),
}
# (date, item, movement, qty, recipient or "", 经办人, 备注)
INVENTORY = [
    ("2023-03-08", "有机肥", "入库", "60.00", "", "周建军", "县农业农村局调拨，化肥减量增效项目"),
    ("2023-03-15", "有机肥", "发放", "3.00", "李春生", "周建军", ""),
    ("2023-03-15", "有机肥", "发放", "2.50", "陈立新", "周建军", ""),
    ("2023-03-15", "有机肥", "发放", "2.80", "王建华", "周建军", ""),
    ("2023-03-16", "有机肥", "发放", "2.00", "张国良", "周建军", ""),
    ("2023-03-16", "有机肥", "发放", "3.20", "刘建军", "周建军", ""),
    ("2023-03-16", "有机肥", "发放", "2.60", "陈大勇", "周建军", ""),
    ("2023-03-17", "有机肥", "发放", "1.50", "赵春花", "周建军", ""),
    ("2023-03-20", "有机肥", "发放", "2.40", "钟满堂", "周建军", ""),
    ("2023-03-20", "有机肥", "发放", "3.00", "曾志华", "周建军", ""),
    ("2023-03-20", "有机肥", "发放", "1.20", "谢长寿", "周建军", ""),
    ("2023-03-22", "有机肥", "发放", "3.44", "王秀兰", "刘建国", "石桥村代领"),
    ("2023-03-24", "有机肥", "发放", "3.50", "吴永年", "周建军", ""),
    ("2023-03-24", "有机肥", "发放", "3.10", "黄德华", "周建军", ""),
    ("2023-03-24", "有机肥", "发放", "2.20", "蒋大华", "周建军", ""),
    ("2023-03-28", "有机肥", "发放", "2.80", "欧阳春", "周建军", ""),
    ("2023-03-28", "有机肥", "发放", "2.60", "罗小平", "周建军", ""),
    ("2023-04-06", "有机肥", "发放", "4.20", "刘伟", "刘建国", "石桥村代领"),
    ("2023-04-18", "有机肥", "出库", "3.00", "", "周建军", "调拨龙潭村有机肥示范基地"),
    ("2023-12-29", "有机肥", "盘点", "2.08", "", "周建军", "年末盘点实存"),
    ("2024-01-10", "棉被", "入库", "30", "", "欧阳文", "县民政局调拨"),
    ("2024-01-10", "食用油", "入库", "40", "", "欧阳文", "县民政局调拨"),
    ("2024-01-15", "棉被", "发放", "2", "黄桂兰", "欧阳文", ""),
    ("2024-01-15", "棉被", "发放", "2", "谢长寿", "欧阳文", ""),
    ("2024-01-15", "棉被", "发放", "2", "钟满堂", "欧阳文", ""),
    ("2024-01-16", "棉被", "发放", "2", "赵春花", "欧阳文", ""),
    ("2024-01-16", "棉被", "发放", "2", "王秀英(石桥)", "欧阳文", ""),
    ("2024-01-16", "食用油", "发放", "6", "赵春花", "欧阳文", ""),
    ("2024-01-16", "食用油", "发放", "6", "彭光明", "欧阳文", ""),
    ("2024-01-17", "棉被", "发放", "2", "杨满仓", "欧阳文", ""),
    ("2024-01-17", "棉被", "发放", "2", "刘翠兰", "欧阳文", ""),
    ("2024-01-17", "棉被", "发放", "2", "吴德明", "欧阳文", ""),
    ("2024-01-17", "棉被", "发放", "2", "严桂英", "欧阳文", ""),
    ("2024-01-17", "食用油", "发放", "6", "刘翠兰", "欧阳文", ""),
    ("2024-01-17", "食用油", "发放", "6", "杨满仓", "欧阳文", ""),
    ("2024-01-18", "棉被", "发放", "2", "罗金凤", "欧阳文", ""),
    ("2024-01-18", "棉被", "发放", "2", "欧阳秀珍", "欧阳文", ""),
    ("2024-01-18", "棉被", "发放", "2", "彭桂生", "欧阳文", ""),
    ("2024-01-18", "棉被", "发放", "2", "邹玉梅", "欧阳文", ""),
    ("2024-01-18", "食用油", "发放", "6", "罗小平", "欧阳文", ""),
    ("2024-01-18", "食用油", "发放", "6", "周秀英", "欧阳文", ""),
    ("2024-02-06", "大米", "入库", "100", "", "欧阳文", "低温雨雪冰冻灾害救灾物资"),
    ("2024-02-07", "大米", "发放", "4", "王秀英(石桥)", "欧阳文", ""),
    ("2024-02-07", "大米", "发放", "4", "赵春花", "欧阳文", ""),
    ("2024-02-07", "大米", "发放", "4", "张国良", "欧阳文", ""),
    ("2024-02-07", "大米", "发放", "4", "彭光明", "欧阳文", ""),
    ("2024-02-08", "大米", "发放", "4", "钟满堂", "欧阳文", ""),
    ("2024-02-08", "大米", "发放", "4", "胡秀莲", "欧阳文", ""),
    ("2024-02-08", "大米", "发放", "4", "谢长寿", "欧阳文", ""),
    ("2024-02-08", "大米", "发放", "4", "李翠英", "欧阳文", ""),
    ("2024-02-19", "大米", "发放", "4", "杨满仓", "欧阳文", ""),
    ("2024-02-19", "大米", "发放", "4", "刘翠兰", "欧阳文", ""),
    ("2024-02-19", "大米", "发放", "4", "吴德明", "欧阳文", ""),
    ("2024-02-19", "大米", "发放", "4", "严桂英", "欧阳文", ""),
    ("2024-02-20", "大米", "发放", "4", "欧阳秀珍", "欧阳文", ""),
    ("2024-02-20", "大米", "发放", "4", "王秀英(龙潭)", "欧阳文", ""),
    ("2024-02-20", "大米", "发放", "4", "罗小平", "欧阳文", ""),
    ("2024-03-29", "大米", "盘点", "30", "", "欧阳文", "季末盘点实存"),
    ("2024-03-29", "棉被", "盘点", "4", "", "欧阳文", "季末盘点实存"),
    ("2024-03-29", "食用油", "盘点", "5", "", "欧阳文", "季末盘点实存，盘盈1桶"),
]


def build_inventory() -> None:
    t = table("inv", "ledgers/物资出入库台账.csv", "inventory", "gbk",
              ["日期", "物资名称", "规格", "类型", "数量", "单位", "单价", "领取人", "身份证号", "村",
               "经办人", "备注"])
    for date, item, move, qty, who, handler, note in INVENTORY:
        spec, unit, price = ITEMS[item]
        person = P(who) if who else None
        t.add([fmt_date_variant(d(date), "slash"), item, spec, move, qty, unit, f"{price:.2f}",
               person.name if person else "", person.id if person else "",
               person.village if person else "", handler, note],
              tag=f"inv:{item}:{move}:{who or date}")


# ------------------------------------------------------------- people-based registers
def build_registers() -> None:
    deaths = table("deaths", "ledgers/死亡人员户籍注销登记.csv", "deaths", "gbk",
                   ["序号", "姓名", "性别", "身份证号", "户籍地址", "死亡日期", "注销日期", "注销原因"])
    for key, (died, cancelled) in sorted(DEATHS.items(), key=lambda kv: kv[1][0]):
        p = P(key)
        id_cell = p.id15 if p.id15 else p.id          # an old 15-digit number (valid)
        deaths.add([len(deaths.rows) + 1, p.name, "男" if p.sex == "M" else "女", id_cell,
                    f"青溪县清水镇{p.village}{p.group}组", died, cancelled, "死亡"],
                   tag=f"death:{key}")

    off = table("officials", "ledgers/财政供养人员名册.csv", "officials", "gbk",
                ["序号", "姓名", "性别", "身份证号码", "工作单位", "职务", "人员类别", "入职日期",
                 "离职日期", "备注"])
    for key, unit, pos, kind, start, end, note in OFFICIALS:
        p = P(key)
        id_cell = p.id
        if key == "欧阳文":
            id_cell = p.id[:17]                       # one digit short: invalid (length)
        off.add([len(off.rows) + 1, p.name, "男" if p.sex == "M" else "女", id_cell, unit, pos,
                 kind, fmt_date_variant(d(start), "slash"),
                 fmt_date_variant(d(end), "slash") if end else "", note], tag=f"official:{key}")

    cad = table("cadres", "ledgers/村干部名册.csv", "cadres", "utf-8-sig",
                ["序号", "村(社区)", "姓名", "性别", "身份证号", "职务", "任职日期", "离任日期", "备注"])
    for key, pos, start, end, note in sorted(CADRES, key=lambda c: VILLAGE_ORDER[P(c[0]).village]):
        p = P(key)
        id_cell = p.id
        if key == "欧阳志刚":
            id_cell = f" {p.id} "                     # stray spaces around the number (valid)
        cad.add([len(cad.rows) + 1, p.village, p.name, "男" if p.sex == "M" else "女", id_cell,
                 pos, start, end, note], tag=f"cadre:{key}")

    hh = table("households", "ledgers/户籍家庭成员信息.csv", "households", "gbk",
               ["户号", "姓名", "与户主关系", "公民身份号码", "性别", "出生日期", "村(社区)", "组",
                "户籍状态"])
    for p in PEOPLE.values():
        if not p.village:
            continue
        id_cell = p.id
        if p.key == "刘伟":
            id_cell = p.id.lower()                    # lower-case x (valid)
        birth = p.birth.replace("-", ".")
        status = "死亡注销" if p.key in DEATHS else "正常"
        hh.add([p.hh, p.name, p.rel, id_cell, "男" if p.sex == "M" else "女", birth, p.village,
                f"{p.group}组", status], tag=f"hh:{p.key}")


# ---------------------------------------------------------------------------- meals
MENU_OK = [
    "辣椒炒肉、红烧鱼块、清炒时蔬、农家豆腐、紫菜蛋汤、米饭",
    "小炒黄牛肉、蒸腊肉、手撕包菜、麻婆豆腐、冬瓜排骨汤、米饭",
    "剁椒鱼头、青椒炒蛋、炒藕片、酸豆角肉末、丝瓜汤、米饭",
    "土鸡汤、红烧肉、清炒油麦菜、香干炒肉、米饭",
]
# (编号, 日期, 来访单位, 事由, 公函号, 审批单号, 来宾, 陪餐, 地点, 菜单, 发票号码, 发票日期, 发票金额, 标准)
MEALS = [
    ("QSJD2023-021", "2023-07-06", "县农业农村局", "高标准农田建设项目验收", "青农函〔2023〕45号",
     "QSSP-2023-031", 3, 2, "清水镇机关食堂", MENU_OK[0], "03851127", "2023-07-06", "560.00", "120"),
    ("QSJD2023-022", "2023-07-20", "县林业局", "森林防火工作督查", "青林函〔2023〕18号",
     "QSSP-2023-034", 4, 2, "清水宾馆餐厅", MENU_OK[1] + "、白酒2瓶", "03851233", "2023-07-20",
     "1,286.00", "120"),
    ("QSJD2023-023", "2023-08-10", "县纪委监委第二监督检查室", "基层监督工作调研", "青纪函〔2023〕27号",
     "QSSP-2023-038", 2, 1, "清水镇机关食堂", MENU_OK[2], "03851301", "2023-08-10", "300.00", "120"),
    ("QSJD2023-024", "2023-08-24", "县交通运输局", "农村公路养护检查", "",
     "QSSP-2023-041", 3, 2, "清水镇机关食堂", MENU_OK[3], "03851367", "2023-08-24", "540.00", "120"),
    ("QSJD2023-025", "2023-09-12", "市乡村振兴局调研组", "巩固脱贫成果调研", "衡振函〔2023〕9号",
     "QSSP-2023-046", 3, 5, "清水镇机关食堂", MENU_OK[0], "03851402", "2023-09-12", "912.00", "120"),
    ("QSJD2023-026", "2023-10-02", "县应急管理局", "国庆期间安全生产检查", "青应急函〔2023〕31号",
     "QSSP-2023-050", 3, 2, "清水镇机关食堂", MENU_OK[1], "03851455", "2023-10-02", "590.00", "120"),
    ("QSJD2023-027", "2023-10-07", "县民政局", "低保专项检查", "青民函〔2023〕52号",
     "QSSP-2023-051", 2, 2, "清水镇机关食堂", MENU_OK[2], "03851461", "2023-10-07", "460.00", "120"),
    ("QSJD2023-028", "2023-11-15", "县财政局", "惠民惠农资金专项检查", "青财函〔2023〕66号",
     "QSSP-2023-057", 5, 3, "清水镇机关食堂", MENU_OK[3], "03851530", "2023-11-15", "960.00", "120"),
    ("QSJD2023-029", "2023-12-06", "县水利局", "山塘水库安全鉴定", "青水函〔2023〕40号",
     "QSSP-2023-062", 12, 4, "清水宾馆餐厅", MENU_OK[0], "03851602", "2023-12-06", "1,856.00", "120"),
    ("QSJD2024-001", "2024-01-11", "县自然资源局", "耕地保护督察", "青自然资函〔2024〕3号",
     "QSSP-2024-002", 3, 3, "清水湾会所", MENU_OK[1], "24432000000001872311", "2024-01-12",
     "690.00", "120"),
    ("QSJD2024-002", "2024-02-12", "县委办督查室", "春节期间值班值守督查", "青办函〔2024〕6号",
     "QSSP-2024-007", 2, 2, "清水镇机关食堂", MENU_OK[2], "24432000000002014577", "2024-02-12",
     "420.00", "120"),
    ("QSJD2024-003", "2024-02-18", "县农业农村局", "春耕备耕调研", "青农函〔2024〕8号",
     "QSSP-2024-008", 3, 2, "清水镇机关食堂", MENU_OK[3], "24432000000002038826", "2024-02-18",
     "580.00", "120"),
    ("QSJD2024-004", "2024-03-14", "县卫生健康局", "家庭医生签约服务检查", "青卫函〔2024〕15号",
     "QSSP-2024-013", 2, 1, "清水镇机关食堂", MENU_OK[0], "24432000000002291534", "2024-03-14",
     "330.00", "120"),
    ("QSJD2024-005", "2024-04-07", "县林业局", "清明后森林防火检查", "青林函〔2024〕11号",
     "QSSP-2024-017", 3, 2, "清水镇机关食堂", MENU_OK[1], "24432000000002477190", "2024-04-07",
     "560.00", "120"),
    ("QSJD2024-006", "2024-04-18", "县乡村振兴局", "驻村帮扶工作调研", "青振函〔2024〕12号",
     "QSSP-2024-020", 3, 2, "石桥村绿野农家乐", MENU_OK[2], "", "", "", "120"),
    ("QSJD2024-007", "2024-05-06", "县市场监督管理局", "食品安全检查", "青市监函〔2024〕21号",
     "QSSP-2024-024", 2, 2, "清水镇机关食堂", MENU_OK[3], "24432000000002850613", "2024-05-06",
     "470.00", "120"),
    ("QSJD2024-008", "2024-05-22", "市绩效考核组", "年度绩效考核", "衡考函〔2024〕4号",
     "QSSP-2024-027", 12, 5, "清水宾馆餐厅", MENU_OK[0] + "、芙蓉王香烟2包", "24432000000003011482",
     "2024-05-22", "1,980.00", "120"),
    ("QSJD2024-009", "2024-06-05", "县人力资源和社会保障局", "就业帮扶政策宣讲", "青人社函〔2024〕17号",
     "QSSP-2024-031", 2, 1, "清水镇机关食堂", MENU_OK[1], "24432000000003210045", "2024-06-05",
     "340.00", "120"),
    ("QSJD2024-010", "2024-06-11", "县水利局", "汛期山塘巡查", "青水函〔2024〕22号",
     "QSSP-2024-033", 3, 2, "清水镇机关食堂", MENU_OK[2], "24432000000003289911", "2024-06-11",
     "550.00", "120"),
    ("QSJD2024-011", "2024-06-20", "县审计局", "村级财务审计", "青审函〔2024〕9号",
     "QSSP-2024-036", 4, 2, "清水镇机关食堂", MENU_OK[3], "24432000000003377620", "2024-06-20",
     "700.00", "120"),
]


def build_meals() -> None:
    t = table("meals", "ledgers/公务接待登记台账.csv", "meals", "utf-8-sig",
              ["接待编号", "接待日期", "来访单位", "接待事由", "公函号", "审批单号", "来宾人数", "陪餐人数",
               "用餐地点", "菜单", "发票号码", "发票日期", "发票金额", "接待标准"])
    for m in MEALS:
        t.add(list(m), tag=f"meal:{m[0]}")


# ----------------------------------------------------------------------- complaints
# (编号, 受理日期, 形式, 信访人, 电话, 被反映人, 所在村, 反映问题, 状态, 办结日期, 承办人)
COMPLAINTS = [
    ("QSXF-2023-003", "2023-02-16", "来访", "周冬梅", "13900001234", "刘建国", "石桥村",
     "反映村党支部书记刘建国父亲家有货车、儿子开店，仍享受农村低保", "已办结", "2023-03-30", "李涛"),
    ("QSXF-2023-005", "2023-03-08", "12345转办", "匿名", "", "谢国平", "枫树村",
     "反映枫树村村道硬化工程质量差，路面开裂", "已办结", "2023-04-21", "陈静"),
    ("QSXF-2023-007", "2023-04-11", "来信", "匿名", "", "黄志明", "白沙村",
     "反映白沙村村务、财务长期不公开", "已办结", "2023-05-26", "李涛"),
    ("QSXF-2023-011", "2023-06-05", "网络举报", "匿名", "", "马德贵", "龙潭村",
     "反映龙潭村主任马德贵家属多报禁牧面积", "已办结", "2023-07-20", "李涛"),
    ("QSXF-2023-013", "2023-07-19", "来访", "蒋春香", "13800002345", "张伟", "白沙村",
     "反映白沙村4组组长张伟分配青苗补偿不公", "已办结", "2023-08-30", "陈静"),
    ("QSXF-2023-016", "2023-09-04", "来信", "李春生", "13900001234", "刘建国", "石桥村",
     "反映通信铁塔建设用地补偿款1万元只兑付4000元", "已办结", "2023-10-30", "李涛"),
    ("QSXF-2023-018", "2023-10-10", "电话", "匿名", "", "蒋国富", "白沙村",
     "反映白沙村主任蒋国富在村集体山林承包中收受好处", "已办结", "2023-11-24", "陈静"),
    ("QSXF-2023-021", "2023-11-22", "12345转办", "邹玉梅", "18600003456", "张伟", "龙潭村",
     "反映龙潭村卫生室乡村医生张伟乱收诊疗费", "已办结", "2023-12-20", "陈静"),
    ("QSXF-2024-002", "2024-01-08", "来访", "匿名", "", "欧阳志刚", "龙潭村",
     "反映龙潭村1组组长欧阳志刚代领村民补贴", "已办结", "2024-02-26", "李涛"),
    ("QSXF-2024-004", "2024-02-20", "来信", "匿名", "", "赵海燕", "白沙村",
     "反映白沙村会计赵海燕代管村民一卡通、已故村民仍领补贴", "办理中", "", "王敏"),
    ("QSXF-2024-006", "2024-03-27", "来信", "李春生", "13900001234", "刘建国", "石桥村",
     "实名举报刘建国截留铁塔补偿款、父亲违规享受低保、有机肥发给亲属", "办理中", "", "王敏"),
    ("QSXF-2024-007", "2024-04-01", "来访", "匿名", "", "曾志华", "枫树村",
     "反映枫树村路灯安装工程款公示不清", "办理中", "", "陈静"),
    ("QSXF-2024-009", "2024-04-15", "来信", "欧阳春", "13700004567", "马德贵", "龙潭村",
     "反映马德贵父亲虚报禁牧面积28亩、S315征地补偿款未兑付", "办理中", "", "李涛"),
    ("QSXF-2024-010", "2024-04-30", "12345转办", "匿名", "", "唐秀芳", "石桥村",
     "反映石桥村会计唐秀芳账目不公开", "办理中", "", "陈静"),
    ("QSXF-2024-011", "2024-05-01", "来访", "匿名", "", "谢丽萍", "枫树村",
     "反映枫树村会计谢丽萍报销凭证不全", "办理中", "", "陈静"),
    ("QSXF-2024-013", "2024-05-20", "电话", "匿名", "", "邹建明", "龙潭村",
     "反映龙潭村会计邹建明报账不及时", "已办结", "2024-06-18", "李涛"),
    ("QSXF-2024-015", "2024-06-12", "网络举报", "匿名", "", "欧阳志远", "龙潭村",
     "反映龙潭村党支部书记欧阳志远违规发包村集体鱼塘", "办理中", "", "李涛"),
    ("QSXF-2024-017", "2024-06-20", "12345转办", "罗女士", "13600005678", "胡志强", "枫树村",
     "反映镇卫生院医生胡志强违规享受农村危房改造补助", "办理中", "", "王敏"),
]


def build_complaints() -> None:
    t = table("complaints", "ledgers/信访举报登记簿.csv", "complaints", "utf-16-le-bom",
              ["信访编号", "受理日期", "信访形式", "信访人", "联系电话", "被反映人", "所在村", "反映问题",
               "办理状态", "办结日期", "承办人"])
    for c in COMPLAINTS:
        t.add(list(c), tag=f"complaint:{c[0]}")


# =============================================================================
# 4. Writing files
# =============================================================================

def csv_text(t: Table) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")   # Excel writes CRLF
    w.writerow(t.headers)
    for r in t.rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def write_table(t: Table) -> None:
    path = HERE / t.path
    path.parent.mkdir(parents=True, exist_ok=True)
    if t.encoding == "xlsx":
        write_xlsx(t, path)
        return
    text = csv_text(t)
    if t.encoding == "gbk":
        data = text.encode("gbk")                 # as Chinese Excel's "CSV (逗号分隔)" saves it
        GBK_FILES.append(path)
    elif t.encoding == "utf-8-sig":
        data = text.encode("utf-8-sig")           # Excel's "CSV UTF-8"
    elif t.encoding == "utf-8":
        data = text.encode("utf-8")               # exported by a web system, no BOM
    elif t.encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        raise ValueError(t.encoding)
    path.write_bytes(data)


def deterministic_zip(path: Path) -> None:
    """Rewrite a zip container with fixed entry timestamps and permissions."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TS.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def write_xlsx(t: Table, path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "分配表"
    ws.append(t.headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for r in t.rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, float):
                header = t.headers[cell.column - 1]
                cell.number_format = "0.00" if "面积" in header else "#,##0.00"
    widths = [6, 34, 10, 10, 22, 14, 14, 22, 16, 12, 26]
    for i, w in enumerate(widths):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = w
    ws.freeze_panes = "A2"
    wb.properties.creator = "清水镇财政所"
    wb.properties.lastModifiedBy = "清水镇财政所"
    wb.properties.title = "征地补偿分配表"
    wb.properties.created = FIXED_TS
    # openpyxl's save() stamps `modified` with the current time; write through ExcelWriter
    # directly so the fixed date survives.
    wb.properties.modified = FIXED_TS
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    deterministic_zip(path)


def write_text(rel: str, text: str, encoding: str) -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if encoding == "gbk":
        data = text.replace("\n", "\r\n").encode("gbk")   # written in Windows Notepad
        GBK_FILES.append(path)
    else:
        data = text.encode("utf-8")
    path.write_bytes(data)


def write_docx(rel: str, title: str, paragraphs: list[str], signature: list[str]) -> None:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    head = document.add_paragraph()
    head.alignment = 1   # centre
    run = head.add_run(title)
    run.bold = True
    run.font.size = Pt(16)
    for text in paragraphs:
        p = document.add_paragraph(text)
        p.paragraph_format.first_line_indent = Pt(24)
    for text in signature:
        p = document.add_paragraph(text)
        p.alignment = 2  # right
    cp = document.core_properties
    cp.author = ""
    cp.last_modified_by = ""
    cp.title = title
    cp.created = FIXED_TS
    cp.modified = FIXED_TS
    cp.revision = 1
    # python-docx's template carries a thumbnail picture and a Word 2010 duplicate of the
    # styles; neither belongs in a complainant's letter, and both are optional parts.
    for rels in (document.part.package.rels, document.part.rels):
        for rid, rel_ in list(rels.items()):
            if rel_.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                del rels[rid]
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    deterministic_zip(path)


# =============================================================================
# 5. Letters and transcripts (the story the ledgers substantiate)
# =============================================================================

def write_documents() -> None:
    lcs, ljg, hzq = P("李春生"), P("刘建国"), P("胡志强")
    jb_letter = f"""举报信

清水镇纪委：

    我是清水镇石桥村2组村民李春生，身份证号码{lcs.id}，联系电话13900001234。现实名举报我村党支部书记刘建国的几个问题，请组织上调查核实。

    一、截留我家的铁塔征地补偿款。2023年夏天，铁塔公司在我家责任田“塘坎上”建通信基站，永久占地半分左右。铁塔公司的人跟我说，补偿款一万元已经打到了村里账上，公示的分配表上也写的是我10000元。可是2023年8月10日我一卡通上只到账4000元。我去问刘建国，他说剩下的6000元“村里留作管理费”，没有开过任何会，也没有给我看过账。去年9月我写信反映过一次，村里只是口头解释了一下，钱到现在也没有给我。

    二、优亲厚友吃低保。刘建国的父亲刘德福和刘建国是一个户口本，家里有一台货车，儿子刘伟在镇上开农资店，刘德福每季度照样领低保1050元。村里真正困难的人家反而评不上。

    三、有机肥发给自家人。2023年春耕，县里调拨给镇里的有机肥，说是要发给种粮户和脱贫户。刘建国的老婆王秀兰、儿子刘伟两次拉走了7吨多，是用他家货车拉的，村里很多人都看见了，后来在刘伟的店里卖。

    四、我们2组的王德胜老人去年10月就过世了，听说高龄补贴到现在还在发，不知道钱是谁领走了。

    以上情况属实，我愿意当面配合调查，也请组织为我保密。

                                        举报人：李春生
                                        2024年3月26日
"""
    write_text("letters/举报信_石桥村李春生实名举报刘建国.txt", jb_letter, "gbk")

    zhy = P("赵海燕")
    write_docx(
        "letters/关于白沙村会计赵海燕代管村民一卡通的举报.docx",
        "关于白沙村会计赵海燕代管村民一卡通等问题的举报",
        [
            "清水镇纪委：",
            "我们是白沙村的部分群众，因为怕打击报复，不敢署名，请领导谅解。现将白沙村会计赵海燕的问题反映如下。",
            "一、代管孤寡老人的一卡通。村里的五保老人杨满仓、低保户刘翠兰年纪大了，不识字，"
            "赵海燕说帮他们“办卡”，从2022年起他们的特困供养金、低保金都打到了赵海燕自己的卡上"
            f"（卡号尾号{zhy.account[-4:]}），老人每次只能从她手里拿到几百块现金，具体发了多少老人自己也不知道。",
            "二、死人还在领补贴。3组的孙桂芝是重度残疾人，2023年9月就去世了，听说她的残疾人护理补贴一直没有停，"
            "到现在还在发。当时家里办了死亡销户，生活补贴停了，护理补贴却没停，是不是有人故意不报？",
            "三、不到年龄领高龄津贴。3组的吴德明是1947年5月出生的，现在才76岁，离80岁还差好几年，却从去年起就领高龄津贴，"
            "每季度300元。他和赵海燕是亲戚，村里人都知道。",
            "以上问题请领导调查核实，还老百姓一个公道。",
        ],
        ["白沙村部分群众", "2024年2月18日"],
    )

    ldg = P("马德贵")
    lt_letter = f"""尊敬的镇纪委领导：

我叫欧阳春，是龙潭村2组村民，电话13700004567。有几件事情憋在心里很久了，今天写信向领导反映。

一、村主任马德贵的父亲马永福虚报禁牧面积。马家在马家山、狮子岭确权登记的草山一共只有20亩半，这是确权证上写明的，可是2023年的禁牧补助他家按48.5亩领了1818.75元，多报了28亩。村里其他人家都是按确权面积报的，凭什么村干部家里可以多报？去年6月有人反映过，后来不了了之。

二、S315拓宽征地补偿款我一分钱没拿到。2023年12月公示的分配表上写得清清楚楚，我家被征收0.2亩，补偿8600元。别人家1月20日就到账了，我问了马德贵好几次，他都说“还在走程序”，到现在半年了还没有到账。

三、1组组长欧阳志刚代领补贴。1组的邹玉梅老人一个人住，她的耕地地力保护补贴打进了欧阳志刚的存折，老人根本不知道有这笔钱。

请领导查一查，给我们老百姓一个说法。

欧阳春
2024年4月12日
"""
    write_text("letters/龙潭村村民来信_禁牧补助和征地补偿.txt", lt_letter, "utf-8")

    hotline = f"""青溪县12345政务服务便民热线
转办工单

工单编号：QX12345-20240620-0137
来电时间：2024年6月20日10时42分
来电人：罗女士
联系电话：13600005678
诉求类型：投诉举报
承办单位：清水镇人民政府（镇纪委）
办理时限：15个工作日

诉求内容：
来电人反映：清水镇卫生院医生胡志强是吃财政饭的，在县城有商品房，老家枫树村的房子也不是危房，2023年却领了农村危房改造补助25000元。另外镇财政所会计邓丽的母亲周秀英一直在领农村低保，邓丽自己就在财政所上班，家里条件并不差。来电人要求核实处理，并要求对其身份保密。

转办意见：请清水镇人民政府（镇纪委）按规定核实办理，并于办理时限内回复来电人。

青溪县12345热线办公室
2024年6月20日
"""
    write_text("letters/12345热线转办工单_20240620.txt", hotline, "gbk")

    # ------------------------------------------------------------- transcripts
    xw = f"""谈 话 笔 录

时间：2024年4月2日14时30分至15时40分
地点：清水镇纪委谈话室
谈话人：王敏（清水镇纪委书记）、李涛（清水镇纪委委员）
记录人：陈静（清水镇纪委纪检干事）
被谈话人：李春生，男，1962年4月18日出生，公民身份号码{lcs.id}，汉族，群众，住青溪县清水镇石桥村2组，联系电话13900001234

问：我们是清水镇纪委的工作人员（出示工作证件），今天就你反映的问题找你谈话了解情况。你应当如实提供情况，对你反映的内容和个人信息我们依规保密。听清楚了吗？
答：听清楚了。
问：你家被铁塔公司占用的是哪块地？面积多少？
答：是我家责任田“塘坎上”，确权证上那丘有2.3亩，铁塔占了角上半分左右。
问：补偿款是怎么约定的？
答：2023年7月铁塔公司、村里和我三方在村部签的字，村里公示的分配表上写的是土地补偿10000元。
问：你实际收到多少？怎么收到的？
答：2023年8月10日一卡通到账4000元，就这一笔，再没有别的钱。
问：你有没有向村里要过剩下的钱？
答：问过刘建国好几次，他说村里要留6000元做“管理费”，修机耕道用。我说开会了没有，他说不用开会。
问：你知道铁塔公司把钱打给了谁吗？
答：铁塔公司说是打到石桥村村委会的账户上，一共10000元。
问：你反映刘德福享受低保的情况，有什么依据？
答：刘德福和刘建国一个户口本，他家有货车，刘伟开农资店，村里人都知道。低保公示名单上有刘德福的名字，每季度1050元。
问：有机肥的事情你是怎么知道的？
答：2023年3月下旬和4月初，我看见刘伟开着他家货车在镇农业服务中心仓库拉了两车有机肥，听仓库的人说一车3吨多、一车4吨多，签字的是刘建国。我家那年只分到3吨。
问：你还有什么要补充的吗？
答：王德胜老人是2023年10月去世的，他儿子王建华是我们2组组长，老人的高龄补贴听说一直没停。
问：以上笔录请你核对，是否与你所说的一致？
答：以上笔录我看过，与我说的一致。

被谈话人：李春生（捺印）    2024年4月2日
谈话人：王敏  李涛
记录人：陈静
"""
    write_text("transcripts/谈话笔录_李春生_20240402.txt", xw, "gbk")

    th1 = f"""谈 话 笔 录

时间：2024年4月10日9时30分至11时20分
地点：清水镇纪委谈话室
谈话人：王敏（清水镇纪委书记）、李涛（清水镇纪委委员）
记录人：陈静（清水镇纪委纪检干事）
被谈话人：刘建国，男，1968年11月23日出生，公民身份号码{ljg.id}，汉族，中共党员，清水镇石桥村党支部书记，住石桥村3组

问：我们是清水镇纪委的工作人员（出示工作证件），今天依规依纪依法找你谈话，了解有关问题。你要如实说明情况，不得隐瞒、歪曲事实。听清楚了吗？
答：听清楚了。
问：你什么时候开始任石桥村党支部书记？
答：2021年1月换届当选的，之前当过两届村委委员。
问：你家庭成员有哪些？户口是否在一起？
答：我、妻子王秀兰、儿子刘伟、父亲刘德福、母亲张秀英，都在一个户口本上，户号是{ljg.hh}。我弟弟刘建军早就分户了。
问：石桥村通信铁塔建设用地补偿款是怎么处理的？
答：铁塔公司2023年7月把10000元打到村委会账户上，我跟会计唐秀芳说先付李春生4000元，剩下6000元留在村里，准备修塘坎上那段机耕道。
问：这个决定经过村民代表会议或者“四议两公开”程序吗？分配表公示的是多少？
答：没有开会，是我自己定的。分配表公示的是10000元。
问：剩下的6000元现在在哪里？
答：……一部分在村账上，一部分用于村里的招待开支，具体我要回去对一下账。
问：你父亲刘德福是什么时候纳入低保的？你家有没有货车？刘伟是否经营农资店？
答：父亲是2020年评上的，那时候他身体不好。家里是有一台二手货车，刘伟在镇上开了一个农资店。
问：评议低保时你是否回避？
答：……没有回避。
问：2023年春耕时镇农业服务中心调拨的有机肥，你家里人领了多少？
答：王秀兰3月22日领了3.44吨，刘伟4月6日领了4.2吨，是我签字代领的。
问：这批有机肥的发放对象是谁？
答：是给种粮大户和脱贫户的，按面积分。
问：你家领的有机肥用到哪里去了？
答：一部分自家用了，一部分放在刘伟店里……卖了一些。
问：2组王德胜去世后高龄补贴仍在发放，你是否知情？
答：死亡人员要组长报到村里、村里报镇民政停发。王德胜的儿子王建华就是组长，这个事我不清楚，我回去查。
问：你对以上问题有什么认识？
答：我知道错了，铁塔的钱和有机肥的钱我愿意全部退出来，请组织从宽处理。
问：以上笔录请你看一下，是否与你所说的一致？
答：以上笔录我看过，和我说的一样。

被谈话人：刘建国（捺印）    2024年4月10日
谈话人：王敏  李涛
记录人：陈静
"""
    write_text("transcripts/谈话笔录_刘建国_20240410.txt", th1, "utf-8")

    th2 = f"""谈 话 笔 录

时间：2024年5月15日15时00分至16时30分
地点：清水镇纪委谈话室
谈话人：王敏（清水镇纪委书记）、陈静（清水镇纪委纪检干事）
记录人：陈静
被谈话人：赵海燕，女，1978年12月1日出生，公民身份号码{zhy.id}，汉族，群众，清水镇白沙村会计（报账员），住白沙村1组

问：我们是清水镇纪委的工作人员（出示工作证件），今天找你了解有关情况，请你如实回答。听清楚了吗？
答：听清楚了。
问：你什么时候担任白沙村会计？
答：2019年4月开始。
问：杨满仓、刘翠兰的特困供养金和低保金打到哪个账户？
答：打到我的一卡通上，卡号尾号{zhy.account[-4:]}。
问：为什么打到你的卡上？
答：2022年两位老人的存折丢了，补办要跑县里，我就在镇里报名单的时候填了我的卡号，想着方便帮他们取钱。
问：这两年你一共替他们领了多少？给了老人多少？
答：杨满仓每季度1380元，刘翠兰每季度870元。钱我取出来都给了老人，但是……有几次我先垫了村里的开支，后来补给他们了，没有签收记录。
问：孙桂芝去世后残疾人护理补贴继续发放的事你知道吗？
答：孙桂芝是2023年9月12日去世的，她儿子蒋大华来村里开了死亡证明，我报了残疾人生活补贴停发。护理补贴是残联那边另外一个名单，我以为会一起停，就没有单独报。
问：吴德明是哪年出生的？为什么享受高龄津贴？
答：身份证上是1947年的。是我报名单的时候弄错了，把他和严桂英的年龄看混了。
问：你与吴德明是什么关系？
答：他是我舅舅，但不在一个户口本上。
问：以上笔录请你看一下，是否与你所说的一致？
答：我看过了，与我说的一致。

被谈话人：赵海燕（捺印）    2024年5月15日
谈话人：王敏  陈静
记录人：陈静
"""
    write_text("transcripts/谈话笔录_赵海燕_20240515.txt", th2, "utf-8")

    # Transcripts a county reviewer sends back (planted for the document rules;
    # sample-data/README lists each defect). The two old people whose cards
    # 赵海燕 kept are heard back to back (no overlap) and answer in the same
    # words, typo included (保官): a 雷同 pair for near-duplicate.
    yms, lcl = P("杨满仓"), P("刘翠兰")
    same_answers = """问：你的特困供养金（低保金）是怎么领的？
答：我年纪大了，存折丢了以后一直没有去补办，村里的赵会计说卡放在她那里帮我保官，每个季度她取了钱送到我家里来，我不识字，也不知道每次是多少钱，反正她给多少我就收多少。
问：她每次送钱来有没有让你签字？
答：没有签过字，也没有打过条子，她说这是村里统一办的，不用签字，叫我放心。
问：你知道每个季度应该领多少钱吗？
答：不知道。村里公示的名单我没有看过，我眼睛不好，也没有人念给我听。去年过年前她送来过一次钱，说是补上次少给的，具体多少我记不清了。
问：你对赵会计代管你的卡有什么意见？
答：我没有什么意见，她也是好心帮忙，就是希望以后钱能直接打到我自己的卡上，我让孙子帮我去取。{more}
问：以上笔录请你看一下，是否与你所说的一致？
答：以上笔录我看过，和我说的一样。
"""
    def witness(name: str, person, when: str, place: str, more: str = "") -> str:
        sex = "男" if person.sex == "M" else "女"
        return f"""询 问 笔 录

时间：{when}
地点：{place}
询问人：李涛（清水镇纪委委员）、陈静（清水镇纪委纪检干事）
记录人：周婷（清水镇纪委工作人员）
被询问人：{name}，{sex}，公民身份号码{person.id}，住白沙村

问：我们是清水镇纪委的工作人员（出示工作证件），今天向你了解有关情况。你有如实提供证据、证言的义务，听清楚了吗？
答：听清楚了。
""" + same_answers.replace("{more}", more) + f"""
被询问人：{name}（捺印）
"""
    write_text("transcripts/询问笔录_杨满仓_20240514.txt",
               witness("杨满仓", yms, "2024年5月14日9时00分至10时10分", "白沙村村部",
                       "我孙子在镇上读初中，星期六才回来。"), "utf-8")
    write_text("transcripts/询问笔录_刘翠兰_20240514.txt",
               witness("刘翠兰", lcl, "2024年5月14日10时10分至11时00分", "白沙村村部"), "utf-8")

    # 王敏 is heard in two rooms at once: 赵海燕 15:00–16:30, 欧阳志刚 16:00–17:10.
    oyzg = P("欧阳志刚")
    t_oyzg = f"""谈 话 笔 录

时间：2024年5月15日16时00分至17时10分
地点：清水镇纪委谈话室
谈话人：王敏（清水镇纪委书记）、李涛（清水镇纪委委员）
记录人：周婷（清水镇纪委工作人员）
被谈话人：欧阳志刚，男，公民身份号码{oyzg.id}，龙潭村1组组长

问：我们是清水镇纪委的工作人员（出示工作证件），今天依规依纪依法找你谈话。你要如实说明情况，听清楚了吗？
答：听清楚了。
问：邹玉梅的耕地地力保护补贴为什么打到你的存折上？
答：她儿子在外地打工，她的存折在儿子手上，她托我代领，领了我就给她现金。
问：有没有书面委托或者签收记录？
答：没有，都是口头说的。
问：以上笔录请你看一下，是否与你所说的一致？
答：以上笔录我看过，和我说的一样。

被谈话人：欧阳志刚（捺印）
"""
    write_text("transcripts/谈话笔录_欧阳志刚_20240515.txt", t_oyzg, "utf-8")

    # One interviewer only, and nobody recorded it.
    mdg = P("马德贵")
    t_mdg = f"""谈 话 笔 录

时间：2024年5月20日14时30分至15时20分
地点：龙潭村村部
谈话人：李涛（清水镇纪委委员）
被谈话人：马德贵，男，公民身份号码{mdg.id}，龙潭村村委会主任

问：我们是清水镇纪委的工作人员（出示工作证件），今天依规依纪依法找你谈话。你要如实说明情况，听清楚了吗？
答：听清楚了。
问：你父亲马永福申报的禁牧面积是多少？确权面积是多少？
答：申报的是48.5亩，确权证上的草地我记得是20亩左右，多报的是家里开荒的坡地。
问：以上笔录请你看一下，是否与你所说的一致？
答：以上笔录我看过，和我说的一样。

被谈话人：马德贵（捺印）
"""
    write_text("transcripts/谈话笔录_马德贵_20240520.txt", t_mdg, "gbk")

    # No end time, no place, no closing confirmation.
    myf = P("马永福")
    t_myf = f"""谈 话 笔 录

时间：2024年5月21日上午9时
谈话人：李涛（清水镇纪委委员）、陈静（清水镇纪委纪检干事）
记录人：周婷（清水镇纪委工作人员）
被谈话人：马永福，男，公民身份号码{myf.id}，龙潭村村民

问：我们是清水镇纪委的工作人员（出示工作证件），今天找你了解情况，你要如实说明，听清楚了吗？
答：听清楚了。
问：你家的草场有多少亩？禁牧补助是谁帮你申报的？
答：草场两块，一块十二亩半，一块八亩。申报是我儿子马德贵办的，我没有管。
问：你还有什么要说的吗？
答：没有了。
"""
    write_text("transcripts/谈话笔录_马永福_20240521.txt", t_myf, "utf-8")

    # Ends before it starts, and the rights and duties were never read out.
    wyn = P("吴永年")
    t_wyn = f"""谈 话 笔 录

时间：2024年5月22日15时10分至14时40分
地点：白沙村村部
谈话人：李涛（清水镇纪委委员）、陈静（清水镇纪委纪检干事）
记录人：周婷（清水镇纪委工作人员）
被谈话人：吴永年，男，公民身份号码{wyn.id}，白沙村村民

问：今天找你问一下禁牧补助的事。
答：好的。
问：你家的草地确权是多少亩？申报禁牧的是多少亩？
答：草地10亩，林地20亩。申报的时候组长说林地也可以报，就报了15亩。
问：以上笔录请你看一下，是否与你所说的一致？
答：以上笔录我看过，和我说的一样。

被谈话人：吴永年（捺印）
"""
    write_text("transcripts/谈话笔录_吴永年_20240522.txt", t_wyn, "utf-8")


# =============================================================================
# 6. Reference implementation of DOMAIN.md (reads the written files back)
# =============================================================================

SYNONYMS = {
    "name": ["姓名", "户主姓名", "领取人", "领取人姓名", "收款人", "补贴对象", "对象姓名"],
    "id_number": ["身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"],
    "household": ["户号", "户编号", "家庭编号"],
    "relation": ["与户主关系", "关系"],
    "village": ["村", "村(社区)", "所在村", "村名", "村组"],
    "program": ["项目", "补贴项目", "项目名称", "资金类别", "补贴类型"],
    "period": ["发放年月", "所属期", "年月"],
    "pay_date": ["发放日期", "支付日期", "打卡日期"],
    "amount": ["金额", "发放金额", "补贴金额", "实发金额"],
    "account": ["银行卡号", "卡号", "账号", "一卡通账号", "存折号"],
    "area": ["面积", "亩数", "补贴面积", "申报面积"],
    "registered_area": ["承包面积", "确权面积", "登记面积"],
    "land_type": ["地类", "土地类型"],
    "death_date": ["死亡日期", "注销日期", "死亡时间"],
    "employer": ["工作单位"],
    "position": ["职务", "职位"],
    "start": ["任职日期", "入职日期", "任职开始"],
    "end": ["离职日期", "任职结束", "离任日期"],
    "due": ["应发金额", "补偿金额", "应补金额"],
    "item": ["物资名称", "品名"],
    "qty": ["数量"],
    "unit": ["单位"],
    "price": ["单价"],
    "movement": ["类型", "出入库类型"],
    "date": ["日期"],
    "record_no": ["登记编号", "编号", "接待编号", "信访编号"],
    "reception_date": ["接待日期"], "visitor": ["来访单位"], "letter_no": ["公函号"],
    "approval_no": ["审批单号"], "guests": ["来宾人数"], "hosts": ["陪餐人数"],
    "venue": ["用餐地点"], "menu": ["菜单"], "invoice_no": ["发票号码"],
    "invoice_date": ["发票日期"], "invoice_amount": ["发票金额"], "standard": ["接待标准"],
    "received": ["受理日期"], "form": ["信访形式"], "informant": ["信访人"],
    "accused": ["被反映人"], "issue": ["反映问题"], "status": ["办理状态"],
    "closed": ["办结日期"], "handler": ["承办人"],
}

PROGRAMS = {
    # canonical: (aliases, means_tested, discretionary, land_type, min_age)
    "最低生活保障": (["低保", "城乡低保", "农村低保"], True, True, None, None),
    "特困人员救助供养": (["特困供养", "五保"], True, True, None, None),
    "临时救助": ([], True, True, None, None),
    "农村危房改造补助": (["危房改造"], True, True, None, None),
    "困难残疾人生活补贴": (["残疾人生活补贴"], True, False, None, None),
    "重度残疾人护理补贴": (["残疾人护理补贴"], False, False, None, None),
    "高龄补贴": (["高龄津贴"], False, False, None, 80),
    "禁牧补助": (["草原禁牧补助"], False, False, "草地", None),
    "生态公益林补偿": (["森林生态效益补偿", "公益林补偿"], False, False, "林地", None),
    "耕地地力保护补贴": ([], False, False, "耕地", None),
}
ALIAS = {a: c for c, (aliases, *_rest) in PROGRAMS.items() for a in aliases + [c]}

# State Council holiday arrangements (国务院办公厅关于2023年/2024年部分节假日安排的通知).
HOLIDAYS = [
    ("元旦", "2022-12-31", "2023-01-02"), ("春节", "2023-01-21", "2023-01-27"),
    ("清明", "2023-04-05", "2023-04-05"), ("五一", "2023-04-29", "2023-05-03"),
    ("端午", "2023-06-22", "2023-06-24"), ("中秋、国庆", "2023-09-29", "2023-10-06"),
    ("元旦", "2023-12-30", "2024-01-01"), ("春节", "2024-02-10", "2024-02-17"),
    ("清明", "2024-04-04", "2024-04-06"), ("五一", "2024-05-01", "2024-05-05"),
    ("端午", "2024-06-08", "2024-06-10"), ("中秋", "2024-09-15", "2024-09-17"),
    ("国庆", "2024-10-01", "2024-10-07"),
]


def halfwidth(s: str) -> str:
    out = []
    for c in s:
        o = ord(c)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        elif o == 0x3000:
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


def header_key(h: str) -> str:
    s = re.sub(r"\s+", "", halfwidth(str(h)))
    return re.sub(r"[\(\[【〔][^()\[\]【】〔〕]*[\)\]】〕]$", "", s) or s


FIELD_OF = {}
for _f, _words in SYNONYMS.items():
    for _w in _words:
        FIELD_OF[header_key(_w)] = _f


def norm_id(raw) -> tuple[str | None, str]:
    """Returns (normalised 18-digit ID or None if invalid, key used for invalid IDs)."""
    s = halfwidth(str(raw)).strip().upper()
    key = s
    if re.fullmatch(r"\d{15}", s):
        s = s[:6] + "19" + s[6:]
        s = s + id_check_char(s)
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return None, key
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return None, key
    if id_check_char(s[:17]) != s[17]:
        return None, key
    return s, key


def norm_name(s) -> str:
    return re.sub(r"\s+", "", halfwidth(str(s)))


def norm_amount(v) -> Decimal | None:
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return money(repr(v))
    s = halfwidth(str(v)).strip()
    for junk in (",", "¥", "￥", "元", " "):
        s = s.replace(junk, "")
    return money(s) if s else None


def norm_date(v) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = halfwidth(str(v)).strip()
    for pat in (r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", r"(\d{4})年(\d{1,2})月(\d{1,2})日",
                r"(\d{4})(\d{2})(\d{2})"):
        m = re.fullmatch(pat, s)
        if m:
            return dt.date(*map(int, m.groups()))
    raise ValueError(f"bad date {v!r}")


def norm_period(v) -> tuple[int, int] | None:
    if v is None or v == "":
        return None
    s = halfwidth(str(v)).strip()
    for pat in (r"(\d{4})[-/.](\d{1,2})", r"(\d{4})(\d{2})", r"(\d{4})年(\d{1,2})月"):
        m = re.fullmatch(pat, s)
        if m:
            return int(m.group(1)), int(m.group(2))
    raise ValueError(f"bad period {v!r}")


def ym(date: dt.date) -> tuple[int, int]:
    return date.year, date.month


def decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8 (BOM)"
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le"), "UTF-16 LE (BOM)"
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be"), "UTF-16 BE (BOM)"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "GBK/GB18030"


@dataclass
class Ledger:
    path: str
    encoding: str
    headers: list[str]
    rows: list[list]
    fields: dict[str, list[int]]      # field -> column indexes (in header order)
    role: str

    def get(self, row: list, fld: str, which: int = 0):
        cols = self.fields.get(fld)
        if not cols or which >= len(cols):
            return None
        v = row[cols[which]]
        return None if v is None or (isinstance(v, str) and v.strip() == "") else v


def detect_role(fields: set[str]) -> list[str]:
    roles = []
    if {"letter_no", "invoice_amount"} <= fields:
        roles.append("meals")
    if {"received", "issue"} <= fields:
        roles.append("complaints")
    if {"item", "qty", "movement"} <= fields:
        roles.append("inventory")
    if "amount" in fields and ({"program", "period"} & fields) and ({"name", "id_number"} & fields):
        roles.append("payments")
    if {"death_date", "id_number"} <= fields:
        roles.append("deaths")
    if "due" in fields:
        roles.append("allocations")
    if "registered_area" in fields:
        roles.append("land")
    if {"household", "relation"} <= fields:
        roles.append("households")
    if {"employer", "position"} <= fields and "amount" not in fields and "inventory" not in roles:
        roles.append("officials")
    if {"position", "village"} <= fields and "employer" not in fields:
        roles.append("cadres")
    return roles


def read_ledger(rel: str) -> Ledger:
    path = HERE / rel
    if rel.endswith(".xlsx"):
        ws = openpyxl.load_workbook(path, data_only=True).active
        values = [list(r) for r in ws.iter_rows(values_only=True)]
        encoding = "xlsx"
    else:
        text, encoding = decode(path.read_bytes())
        values = list(csv.reader(io.StringIO(text, newline="")))
    headers = [str(h) for h in values[0]]
    fields: dict[str, list[int]] = {}
    for i, h in enumerate(headers):
        f = FIELD_OF.get(header_key(h))
        if f:
            fields.setdefault(f, []).append(i)
    roles = detect_role(set(fields))
    assert len(roles) == 1, (rel, roles)
    return Ledger(rel, encoding, headers, values[1:], fields, roles[0])


@dataclass
class Finding:
    rule: str
    subject_kind: str
    subject: str
    amount: Decimal | None
    evidence: list[tuple[str, int]]
    detail: dict


def run_reference_checks(ledgers: list[Ledger]) -> list[Finding]:
    by_role: dict[str, list[Ledger]] = {}
    for lg in ledgers:
        by_role.setdefault(lg.role, []).append(lg)
    findings: list[Finding] = []

    # ---- people-level views --------------------------------------------------
    household_of, hh_village = {}, {}
    for lg in by_role.get("households", []):
        for i, r in enumerate(lg.rows, 1):
            pid, _ = norm_id(lg.get(r, "id_number"))
            if pid:
                household_of[pid] = str(lg.get(r, "household")).strip()
                hh_village[pid] = lg.get(r, "village")

    payments = []
    for lg in by_role.get("payments", []):
        for i, r in enumerate(lg.rows, 1):
            raw_prog = str(lg.get(r, "program")).strip()
            prog = ALIAS.get(raw_prog, raw_prog)
            pid, key = norm_id(lg.get(r, "id_number") or "")
            pay_date = norm_date(lg.get(r, "pay_date"))
            period = norm_period(lg.get(r, "period")) if "period" in lg.fields else None
            payments.append(dict(
                ev=(lg.path, i), id=pid or key, valid=pid is not None, name=norm_name(lg.get(r, "name")),
                prog=prog, month=period or ym(pay_date), pay_date=pay_date,
                amount=norm_amount(lg.get(r, "amount")), account=(lg.get(r, "account") or "").strip(),
                area=norm_amount(lg.get(r, "area")), village=lg.get(r, "village"),
                hh=(str(lg.get(r, "household")).strip() if lg.get(r, "household") else None)))
    for p in payments:
        hh = household_of.get(p["id"])
        if p["hh"] is not None:
            assert p["hh"] == hh, ("户号 disagrees with the household register", p)
        p["hh"] = hh

    def month_in(m, start: dt.date, end: dt.date | None) -> bool:
        return ym(start) <= m and (end is None or m <= ym(end))

    # ---- deceased-paid -------------------------------------------------------
    # Both death_date columns (死亡日期, 注销日期) must give the same answer.
    for which in (0, 1):
        deaths = {}
        for lg in by_role["deaths"]:
            for i, r in enumerate(lg.rows, 1):
                pid, _ = norm_id(lg.get(r, "id_number"))
                deaths[pid] = (norm_date(lg.get(r, "death_date", which)), (lg.path, i))
        found = []
        for pid, (died, ev) in deaths.items():
            hits = [p for p in payments if p["id"] == pid and p["month"] > ym(died)]
            if hits:
                found.append(Finding("deceased-paid", "person", pid, sum(p["amount"] for p in hits),
                                     [ev] + [p["ev"] for p in hits], {"death_date": str(died)}))
        if which == 0:
            first = found
        else:
            assert [(f.subject, f.amount) for f in found] == [(f.subject, f.amount) for f in first], \
                "死亡日期 and 注销日期 disagree"
    findings += first

    # ---- official-ineligible -------------------------------------------------
    officials = []
    for lg in by_role["officials"]:
        for i, r in enumerate(lg.rows, 1):
            pid, _ = norm_id(lg.get(r, "id_number"))
            if pid:
                officials.append((pid, norm_date(lg.get(r, "start")), norm_date(lg.get(r, "end")),
                                  (lg.path, i), norm_name(lg.get(r, "name"))))
    claimed = set()
    for via in ("self", "household"):
        for oid, start, end, ev, oname in officials:
            hits = []
            for p in payments:
                if not PROGRAMS.get(p["prog"], ([], False))[1] or p["ev"] in claimed:
                    continue
                if not month_in(p["month"], start, end):
                    continue
                if via == "self" and p["id"] == oid:
                    hits.append(p)
                elif via == "household" and p["id"] != oid and household_of.get(oid) \
                        and p["hh"] == household_of.get(oid):
                    hits.append(p)
            by_payee: dict[str, list] = {}
            for p in hits:
                by_payee.setdefault(p["id"], []).append(p)
                claimed.add(p["ev"])
            for payee, ps in by_payee.items():
                findings.append(Finding("official-ineligible", "person", payee,
                                        sum(p["amount"] for p in ps), [ev] + [p["ev"] for p in ps],
                                        {"via": via, "official": oname, "official_id": oid}))

    # ---- cadre-relative ------------------------------------------------------
    inventory = []
    for lg in by_role["inventory"]:
        for i, r in enumerate(lg.rows, 1):
            raw_id = lg.get(r, "id_number")
            pid = norm_id(raw_id)[0] if raw_id else None
            inventory.append(dict(ev=(lg.path, i), date=norm_date(lg.get(r, "date")),
                                  item=lg.get(r, "item"), move=lg.get(r, "movement"),
                                  qty=D(halfwidth(str(lg.get(r, "qty")))), price=norm_amount(lg.get(r, "price")),
                                  id=pid, village=lg.get(r, "village")))
    for lg in by_role["cadres"]:
        for i, r in enumerate(lg.rows, 1):
            cid, _ = norm_id(lg.get(r, "id_number"))
            village, start = lg.get(r, "village"), norm_date(lg.get(r, "start"))
            end = norm_date(lg.get(r, "end"))
            chh = household_of.get(cid)
            if not chh:
                continue
            by_rel: dict[str, list] = {}
            for p in payments:
                if PROGRAMS.get(p["prog"], ([], False, False))[2] and p["id"] != cid \
                        and p["hh"] == chh and (p["village"] or hh_village.get(p["id"])) == village \
                        and month_in(p["month"], start, end):
                    by_rel.setdefault(p["id"], []).append((p["ev"], p["amount"]))
            for m in inventory:
                if m["move"] == "发放" and m["id"] and m["id"] != cid \
                        and household_of.get(m["id"]) == chh and m["village"] == village \
                        and start <= m["date"] and (end is None or m["date"] <= end):
                    by_rel.setdefault(m["id"], []).append((m["ev"], money(m["qty"] * m["price"])))
            for rid, items in by_rel.items():
                findings.append(Finding("cadre-relative", "person", rid, sum(a for _, a in items),
                                        [(lg.path, i)] + [e for e, _ in items],
                                        {"cadre": norm_name(lg.get(r, "name")), "cadre_id": cid,
                                         "position": lg.get(r, "position"), "village": village}))

    # ---- inflated-area -------------------------------------------------------
    registered: dict[tuple[str, str], Decimal] = {}
    land_rows: dict[tuple[str, str], list] = {}
    for lg in by_role["land"]:
        for i, r in enumerate(lg.rows, 1):
            pid, key = norm_id(lg.get(r, "id_number"))
            k = (pid or key, lg.get(r, "land_type"))
            registered[k] = registered.get(k, D(0)) + D(str(lg.get(r, "registered_area")))
            land_rows.setdefault(k, []).append((lg.path, i))
    for p in payments:
        land_type = PROGRAMS.get(p["prog"], ([], 0, 0, None))[3]
        if not land_type or p["area"] is None:
            continue
        k = (p["id"], land_type)
        assert k in registered, ("area-based claim without registered land (ambiguous)", p)
        excess = p["area"] - registered[k]
        if excess > D("0.01"):
            findings.append(Finding("inflated-area", "person", p["id"],
                                    money(excess * p["amount"] / p["area"]),
                                    [p["ev"]] + land_rows[k],
                                    {"program": p["prog"], "claimed": str(p["area"]),
                                     "registered": str(registered[k]), "excess": str(excess)}))

    # ---- duplicate-payment ---------------------------------------------------
    groups: dict[tuple, list] = {}
    order = {lg.path: n for n, lg in enumerate(ledgers)}
    for p in payments:
        groups.setdefault((p["id"], p["prog"], p["month"]), []).append(p)
    for (pid, prog, month), ps in groups.items():
        if len(ps) > 1:
            ps.sort(key=lambda p: (p["pay_date"], order[p["ev"][0]], p["ev"][1]))
            findings.append(Finding("duplicate-payment", "person", pid, sum(p["amount"] for p in ps[1:]),
                                    [p["ev"] for p in ps],
                                    {"program": prog, "month": "%04d-%02d" % month}))

    # ---- shared-account ------------------------------------------------------
    accounts: dict[str, list] = {}
    for p in payments:
        if p["account"]:
            accounts.setdefault(p["account"], []).append(p)
    for acct, ps in accounts.items():
        hhs = {p["hh"] for p in ps if p["hh"]}
        if len(hhs) >= 2:
            findings.append(Finding("shared-account", "account", acct, None, [p["ev"] for p in ps],
                                    {"households": sorted(hhs),
                                     "people": sorted({p["name"] for p in ps})}))

    # ---- compensation-shortfall ---------------------------------------------
    for lg in by_role["allocations"]:
        due: dict[tuple, list] = {}
        for i, r in enumerate(lg.rows, 1):
            pid, key = norm_id(lg.get(r, "id_number"))
            k = (lg.get(r, "program"), pid or key)
            due.setdefault(k, []).append(((lg.path, i), norm_amount(lg.get(r, "due"))))
        for (proj, pid), dues in due.items():
            paid = [p for p in payments if p["prog"] == proj and p["id"] == pid]
            short = sum(a for _, a in dues) - sum(p["amount"] for p in paid)
            if short > D("1.00"):
                findings.append(Finding("compensation-shortfall", "person", pid, short,
                                        [e for e, _ in dues] + [p["ev"] for p in paid],
                                        {"project": proj, "due": str(sum(a for _, a in dues)),
                                         "paid": str(sum((p["amount"] for p in paid), D("0.00")))}))

    # ---- inventory-gap -------------------------------------------------------
    items: dict[str, list] = {}
    for m in inventory:
        items.setdefault(m["item"], []).append(m)
    for item, ms in items.items():
        tot = {k: sum((m["qty"] for m in ms if m["move"] == k), D(0)) for k in ("入库", "发放", "出库")}
        counts = [m for m in ms if m["move"] == "盘点"]
        counted = counts[-1]["qty"] if counts else D(0)
        gap = tot["入库"] - (tot["发放"] + tot["出库"]) - counted
        price = next(m["price"] for m in ms if m["move"] == "入库")
        if gap > 0:
            findings.append(Finding("inventory-gap", "item", item, money(gap * price),
                                    [m["ev"] for m in ms],
                                    {"in": str(tot["入库"]), "issued": str(tot["发放"]),
                                     "out": str(tot["出库"]), "counted": str(counted), "gap": str(gap),
                                     "unit_price": str(price)}))

    # ---- invalid-id ----------------------------------------------------------
    bad: dict[str, list] = {}
    for lg in ledgers:
        for i, r in enumerate(lg.rows, 1):
            for col in lg.fields.get("id_number", []):
                v = r[col]
                if v is None or str(v).strip() == "":
                    continue
                pid, key = norm_id(v)
                if pid is None:
                    bad.setdefault(key, []).append((lg.path, i))
    for key, evs in bad.items():
        findings.append(Finding("invalid-id", "person", key, None, evs, {}))

    # ---- age-ineligible ------------------------------------------------------
    by_person: dict[tuple, list] = {}
    for p in payments:
        min_age = PROGRAMS.get(p["prog"], ([], 0, 0, None, None))[4]
        if not min_age or not p["valid"]:
            continue
        birth = dt.date(int(p["id"][6:10]), int(p["id"][10:12]), int(p["id"][12:14]))
        y, m = p["month"]
        first = dt.date(y, m, 1)
        last = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)

        def age_at(day):
            return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
        # avoid borderline months (the age reading would depend on the day chosen)
        assert (age_at(first) < min_age) == (age_at(last) < min_age), ("borderline age", p)
        if age_at(last) < min_age:
            by_person.setdefault((p["id"], p["prog"]), []).append(p)
    for (pid, prog), ps in by_person.items():
        findings.append(Finding("age-ineligible", "person", pid, sum(p["amount"] for p in ps),
                                [p["ev"] for p in ps], {"program": prog}))

    # ---- meal-docs and holiday-meal -----------------------------------------
    holidays = [(n, d(a), d(b)) for n, a, b in HOLIDAYS]
    for lg in by_role["meals"]:
        for i, r in enumerate(lg.rows, 1):
            reasons = []
            for f, label in (("letter_no", "缺公函号"), ("approval_no", "缺审批单号"), ("menu", "缺菜单"),
                             ("invoice_no", "缺发票号码")):
                if lg.get(r, f) is None:
                    reasons.append(label)
            guests, hosts = int(lg.get(r, "guests")), int(lg.get(r, "hosts"))
            reception = norm_date(lg.get(r, "reception_date"))
            if lg.get(r, "invoice_no") is not None:
                if norm_date(lg.get(r, "invoice_date")) != reception:
                    reasons.append("发票日期与接待日期不符")
                std = norm_amount(lg.get(r, "standard")) or D("120")
                if norm_amount(lg.get(r, "invoice_amount")) > std * (guests + hosts):
                    reasons.append("发票金额超标准")
            if (guests <= 10 and hosts > 3) or (guests > 10 and 3 * hosts > guests):
                reasons.append("陪餐人数超标")
            menu = lg.get(r, "menu") or ""
            if "酒" in menu or "烟" in menu:
                reasons.append("菜单含烟酒")
            venue = lg.get(r, "venue") or ""
            if any(w in venue for w in ("会所", "茶馆", "农家乐", "私人")):
                reasons.append("用餐地点违规")
            rec = lg.get(r, "record_no")
            if reasons:
                findings.append(Finding("meal-docs", "record", rec, None, [(lg.path, i)],
                                        {"reasons": reasons}))
            for n, a, b in holidays:
                if a <= reception <= b:
                    findings.append(Finding("holiday-meal", "record", rec, None, [(lg.path, i)],
                                            {"holiday": n, "date": str(reception)}))

    # ---- complaint-overdue ---------------------------------------------------
    for lg in by_role["complaints"]:
        seen: dict[tuple, tuple] = {}
        rows = sorted(enumerate(lg.rows, 1), key=lambda ir: (norm_date(lg.get(ir[1], "received")), ir[0]))
        for i, r in rows:
            rec, received = lg.get(r, "record_no"), norm_date(lg.get(r, "received"))
            detail = {}
            if lg.get(r, "status") != "已办结":
                age = (AS_OF - received).days
                if age > 90:
                    detail.update(card="red", days=age)
                elif age > 60:
                    detail.update(card="yellow", days=age)
            k = (norm_name(lg.get(r, "accused")), lg.get(r, "village"))
            evs = [(lg.path, i)]
            if k in seen:
                detail["repeat_of"] = seen[k][0]
                evs.append(seen[k][1])
            else:
                seen[k] = (rec, (lg.path, i))
            if detail:
                findings.append(Finding("complaint-overdue", "record", rec, None, evs, detail))
    return findings


# =============================================================================
# 7. Expectations: what the data plants, and what must stay quiet
# =============================================================================

RULE_ORDER = ["deceased-paid", "official-ineligible", "cadre-relative", "inflated-area",
              "duplicate-payment", "shared-account", "compensation-shortfall", "inventory-gap",
              "invalid-id", "age-ineligible", "meal-docs", "complaint-overdue", "holiday-meal"]
RULE_ZH = {"deceased-paid": "死亡后仍领取", "official-ineligible": "公职人员违规领取",
           "cadre-relative": "优亲厚友", "inflated-area": "虚报面积", "duplicate-payment": "重复领取",
           "shared-account": "一卡多人", "compensation-shortfall": "截留克扣",
           "inventory-gap": "物资去向不明", "invalid-id": "身份证号异常", "age-ineligible": "年龄不符",
           "meal-docs": "公务用餐四单不符", "complaint-overdue": "信访超期", "holiday-meal": "节点违规吃喝"}


def expected() -> list[dict]:
    """Planted anomalies: rule, subject, amount and the tags of the key evidence rows."""
    pid = lambda k: P(k).id  # noqa: E731
    e = []

    def add(rule, subject, amount, tags, note_zh, note_en, kind="person", **extra):
        e.append(dict(rule=rule, subject_kind=kind, subject=subject,
                      amount=None if amount is None else money(amount), tags=tags,
                      note_zh=note_zh, note_en=note_en, **extra))

    add("deceased-paid", pid("孙桂芝"), "810",
        ["deaths:death:孙桂芝", "p23:孙桂芝:护理:2023-12", "p24:孙桂芝:护理:2024-03",
         "p24:孙桂芝:护理:2024-06"],
        "孙桂芝2023-09-12死亡；生活补贴已停，护理补贴2023-12起仍发3期×270",
        "died 2023-09-12; living allowance stopped, care allowance paid 3 more quarters × 270",
        name="孙桂芝")
    add("deceased-paid", pid("王德胜"), "900",
        ["deaths:death:王德胜", "p23:王德胜:高龄:2023-12", "p24:王德胜:高龄:2024-03",
         "p24:王德胜:高龄:2024-06"],
        "王德胜2023-10-21死亡（死亡登记为15位旧身份证号），高龄补贴仍发3期×300",
        "died 2023-10-21 (death register holds his old 15-digit ID); old-age allowance 3 × 300",
        name="王德胜")
    add("official-ineligible", pid("胡志强"), "25000", ["officials:official:胡志强", "p23:胡志强:危房改造:2023-09"],
        "镇卫生院医师本人领取农村危房改造补助（via: self）",
        "town health-centre doctor drew a dilapidated-housing grant himself (via: self)",
        name="胡志强", via="self", official="胡志强")
    add("official-ineligible", pid("周秀英"), "3960",
        ["officials:official:邓丽"] + [f"{f}:周秀英:低保:{m}" for f, m in
                                      [("p23", "2023-09"), ("p23", "2023-12"), ("p24", "2024-03"), ("p24", "2024-06")]],
        "镇财政所会计邓丽同户的母亲领低保4期×990（via: household）",
        "mother of finance-office accountant 邓丽, same 户号, 4 × 990 低保 (via: household)",
        name="周秀英", via="household", official="邓丽")
    add("official-ineligible", pid("彭光明"), "870", ["officials:official:彭海", "p23:彭光明:低保:2023-09"],
        "教师彭海2023-09-15离职：离职当月的低保计入；2023-12起不计",
        "teacher 彭海 left 2023-09-15: the 2023-09 payment counts (inclusive), later ones do not",
        name="彭光明", via="household", official="彭海")
    add("official-ineligible", pid("李翠英"), "870", ["officials:official:曾凡贵", "p24:李翠英:低保:2024-06"],
        "孙子曾凡贵2024-04-08入职：仅2024-06一期计入，2024-03不计",
        "grandson 曾凡贵 hired 2024-04-08: only the 2024-06 payment counts, 2024-03 does not",
        name="李翠英", via="household", official="曾凡贵")
    add("cadre-relative", pid("刘德福"), "4200",
        ["cadres:cadre:刘建国"] + [f"{f}:刘德福:低保:{m}" for f, m in
                                 [("p23", "2023-09"), ("p23", "2023-12"), ("p24", "2024-03"), ("p24", "2024-06")]],
        "石桥村书记刘建国同户父亲领低保4期×1,050",
        "father of 石桥村 party secretary 刘建国 (same 户号): 低保 4 × 1,050",
        name="刘德福", cadre="刘建国")
    add("cadre-relative", pid("王秀兰"), "3784", ["cadres:cadre:刘建国", "inv:inv:有机肥:发放:王秀兰"],
        "刘建国妻子领有机肥3.44吨×1,100元", "wife of 刘建国: 3.44 t organic fertiliser × 1,100",
        name="王秀兰", cadre="刘建国")
    add("cadre-relative", pid("刘伟"), "4620", ["cadres:cadre:刘建国", "inv:inv:有机肥:发放:刘伟"],
        "刘建国儿子领有机肥4.20吨×1,100元", "son of 刘建国: 4.20 t organic fertiliser × 1,100",
        name="刘伟", cadre="刘建国")
    add("cadre-relative", pid("黄桂兰"), "1860",
        ["cadres:cadre:陈卫东", "p23:黄桂兰:临时救助:2023-11", "inv:inv:棉被:发放:黄桂兰"],
        "枫树村委员陈卫东（2023-10-01补选）同户母亲：任内临时救助1,500＋棉被2床×180",
        "mother of 枫树村 committee member 陈卫东 (elected 2023-10-01): relief 1,500 + 2 quilts × 180",
        name="黄桂兰", cadre="陈卫东")
    add("inflated-area", pid("马永福"), "1050",
        ["area:area:马永福:禁牧补助", "land:land:马永福:草地:马家山", "land:land:马永福:草地:狮子岭"],
        "龙潭村主任马德贵之父申报禁牧48.50亩，确权草地12.50+8.00=20.50亩，多28亩×37.5元",
        "father of 龙潭村 chairman 马德贵 claimed 48.50 mu, registered 12.50 + 8.00 = 20.50: 28 mu × 37.5",
        name="马永福")
    add("inflated-area", pid("吴永年"), "187.50",
        ["area:area:吴永年:禁牧补助", "land:land:吴永年:草地:牛角坳"],
        "申报禁牧15.00亩，确权草地仅10.00亩（另有林地20.00亩不得计入），多5亩×37.5元",
        "claimed 15.00 mu grazing ban, registered 草地 only 10.00 (his 20.00 mu 林地 must not count)",
        name="吴永年")
    add("duplicate-payment", pid("欧阳秀珍"), "300",
        ["p23:欧阳秀珍:高龄:2023-12", "p23:欧阳秀珍:高龄:2023-12#2"],
        "高龄补贴2023-12同月发放两次（12-15、12-27），第二笔计入",
        "old-age allowance for 2023-12 paid twice (12-15 and 12-27); the second counts",
        name="欧阳秀珍")
    add("duplicate-payment", pid("钟满堂"), "990",
        ["p23:钟满堂:低保:2023-12", "p24:钟满堂:低保:2023-12#2"],
        "低保2023-12已于12-08发放，2024年表又以“最低生活保障”补发一次（跨文件、别名不同）",
        "低保 for 2023-12 paid 2023-12-08 and again 2024-01-09 in the 2024 file under another alias",
        name="钟满堂")
    add("shared-account", P("赵海燕").account, None,
        ["p23:杨满仓:特困:2023-09", "p23:刘翠兰:低保:2023-09"],
        "白沙村会计赵海燕的卡同时收取杨满仓（特困）、刘翠兰（低保）两户的钱",
        "白沙村 accountant 赵海燕's card receives money of two households (杨满仓, 刘翠兰)",
        kind="account", name="杨满仓、刘翠兰")
    add("shared-account", P("欧阳志刚").account, None,
        ["area:area:欧阳志刚:耕地地力保护补贴", "area:area:邹玉梅:耕地地力保护补贴"],
        "龙潭村1组组长欧阳志刚的存折同时收取本户与邹玉梅户的耕地地力保护补贴",
        "group leader 欧阳志刚's passbook receives his own and 邹玉梅's farmland subsidy",
        kind="account", name="欧阳志刚、邹玉梅")
    add("compensation-shortfall", pid("李春生"), "6000",
        [f"alloc:alloc:{PROJECT_TOWER}:李春生", f"comp:comp:{PROJECT_TOWER}:李春生:2023-08-10"],
        "铁塔用地补偿应得10,000元，实付4,000元（柯城区案型）",
        "tower-site compensation: due 10,000, paid 4,000 (the 柯城区 pattern)",
        name="李春生", project=PROJECT_TOWER)
    add("compensation-shortfall", pid("欧阳春"), "8600", [f"alloc:alloc:{PROJECT_ROAD}:欧阳春"],
        "S315征地补偿应得8,600元，无任何支付记录", "road compensation due 8,600, never paid",
        name="欧阳春", project=PROJECT_ROAD)
    add("inventory-gap", "有机肥", "9768",
        ["inv:inv:有机肥:入库:2023-03-08", "inv:inv:有机肥:盘点:2023-12-29"],
        "入库60.00吨−发放46.04吨（含刘建国亲属7.64吨）−出库3.00吨−盘点2.08吨＝8.88吨×1,100元（常宁市案型：7.64＋8.88＝16.52吨，合计18,172元）",
        "60.00 t in − 46.04 t issued (incl. 7.64 t to relatives) − 3.00 t out − 2.08 t counted = 8.88 t × 1,100 "
        "(常宁市: 7.64 + 8.88 = 16.52 t, 18,172 yuan in all)",
        kind="item", name="有机肥")
    add("inventory-gap", "大米", "1250",
        ["inv:inv:大米:入库:2024-02-06", "inv:inv:大米:盘点:2024-03-29"],
        "救灾大米入库100袋−发放60袋−盘点30袋＝10袋×125元", "relief rice 100 in − 60 issued − 30 counted = 10 bags × 125",
        kind="item", name="大米")
    bad_check = P("陈大勇").id[:17] + ("0" if P("陈大勇").id[17] in "9X" else str(int(P("陈大勇").id[17]) + 1))
    add("invalid-id", bad_check, None, ["land:land:陈大勇:耕地:井边丘"],
        "陈大勇确权登记身份证号末位校验码错误", "陈大勇's ID in the land register: wrong check digit",
        name="陈大勇")
    add("invalid-id", P("张子豪").id, None, ["households:hh:张子豪"],
        "张子豪身份证号出生日期2015-02-29不存在（校验码按该号计算无误）",
        "张子豪: birth date 2015-02-29 does not exist (check digit itself is right)",
        name="张子豪")
    add("invalid-id", P("欧阳文").id[:17], None, ["officials:official:欧阳文"],
        "民政专干欧阳文身份证号少录一位（17位）", "civil-affairs clerk 欧阳文: one digit short (17 digits)",
        name="欧阳文")
    add("age-ineligible", pid("吴德明"), "1200",
        [f"{f}:吴德明:高龄:{m}" for f, m in
         [("p23", "2023-09"), ("p23", "2023-12"), ("p24", "2024-03"), ("p24", "2024-06")]],
        "吴德明1947-05-16出生（76–77岁），领高龄津贴4期×300", "born 1947-05-16 (aged 76–77): 4 × 300",
        name="吴德明")
    add("age-ineligible", pid("胡秀莲"), "600", ["p24:胡秀莲:高龄:2024-03", "p24:胡秀莲:高龄:2024-06"],
        "胡秀莲1944-08-20出生，2024-08才满80岁，提前领取2期×300",
        "born 1944-08-20, turns 80 only in 2024-08: 2 × 300 too early", name="胡秀莲")
    meal_notes = {
        "QSJD2023-022": ("发票1,286.00元＞120×(4+2)=720元；菜单含白酒", "invoice 1,286.00 > 120 × 6 = 720; liquor on the menu"),
        "QSJD2023-024": ("公函号为空", "no official letter (公函号 empty)"),
        "QSJD2023-025": ("来宾3人、陪餐5人（≤10人时陪餐不得超过3人）", "3 guests, 5 hosts (max 3)"),
        "QSJD2024-001": ("用餐地点为会所；发票日期2024-01-12≠接待日期2024-01-11", "venue is a private club (会所); invoice dated the next day"),
        "QSJD2024-006": ("无发票号码（发票类检查跳过）；用餐地点为农家乐", "no invoice (invoice checks skipped); venue is a 农家乐"),
        "QSJD2024-008": ("来宾12人、陪餐5人（3×5＞12）；菜单含香烟", "12 guests, 5 hosts (3 × 5 > 12); cigarettes on the menu"),
    }
    for rec, (zh, en) in meal_notes.items():
        add("meal-docs", rec, None, [f"meals:meal:{rec}"], zh, en, kind="record", name=rec)
    complaint_notes = {
        "QSXF-2023-016": ("关于刘建国（石桥村）的重复信访（首次QSXF-2023-003）", "repeat about 刘建国 in 石桥村 (first: QSXF-2023-003)"),
        "QSXF-2024-004": ("办理中，受理2024-02-20，已131天：红牌", "open since 2024-02-20, 131 days: red"),
        "QSXF-2024-006": ("办理中，已95天：红牌；且为刘建国的第3次信访", "open, 95 days: red; and a repeat about 刘建国"),
        "QSXF-2024-007": ("办理中，受理2024-04-01，正好90天：黄牌（不是红牌）", "open since 2024-04-01, exactly 90 days: yellow, not red"),
        "QSXF-2024-009": ("办理中，已76天：黄牌；且为马德贵（龙潭村）的重复信访", "open, 76 days: yellow; and a repeat about 马德贵"),
        "QSXF-2024-010": ("办理中，受理2024-04-30，61天：黄牌", "open since 2024-04-30, 61 days: yellow"),
    }
    for rec, (zh, en) in complaint_notes.items():
        add("complaint-overdue", rec, None, [f"complaints:complaint:{rec}"], zh, en, kind="record", name=rec)
    add("holiday-meal", "QSJD2023-026", None, ["meals:meal:QSJD2023-026"],
        "2023-10-02，中秋国庆假期（09-29至10-06）", "2023-10-02, Mid-Autumn/National Day holiday (09-29..10-06)",
        kind="record", name="QSJD2023-026")
    add("holiday-meal", "QSJD2024-002", None, ["meals:meal:QSJD2024-002"],
        "2024-02-12，春节假期（02-10至02-17）", "2024-02-12, Spring Festival holiday (02-10..02-17)",
        kind="record", name="QSJD2024-002")
    return e


def decoys() -> list[dict]:
    """Rows that look suspicious but must NOT produce the named finding."""
    out = []

    def add(rule, tags, zh, en):
        out.append(dict(rule=rule, tags=tags, zh=zh, en=en))

    add("deceased-paid", ["p23:孙桂芝:护理:2023-09", "p23:孙桂芝:残疾生活:2023-09"],
        "孙桂芝9月12日死亡，9月20日发放的当月补贴（死亡当月）不算", "paid 2023-09-20, after her death on 09-12 but in the same month")
    add("deceased-paid", ["p24:彭桂生:高龄:2024-03"],
        "彭桂生2024-03-02死亡，2024-03的高龄补贴（死亡当月）不算；此后已停发", "died 2024-03-02; the March payment is in the month of death, none after")
    add("deceased-paid", ["p24:蒋玉兰:高龄:2024-03"],
        "蒋玉兰2024-05-30死亡，最后一期为2024-03，已及时停发", "died 2024-05-30, last paid 2024-03: stopped in time")
    add("official-ineligible", ["p23:彭光明:低保:2023-12", "p24:彭光明:低保:2024-03", "p24:彭光明:低保:2024-06"],
        "彭海2023-09-15离职后，其父低保不再计入", "after 彭海 left (2023-09-15) his father's 低保 no longer counts")
    add("official-ineligible", ["p23:李翠英:低保:2023-09", "p24:李翠英:低保:2024-03"],
        "曾凡贵2024-04-08入职前，其祖母的低保不计入", "before 曾凡贵 was hired (2024-04-08) his grandmother's 低保 does not count")
    add("official-ineligible", ["area:area:胡志强:耕地地力保护补贴", "p23:谭秋生:高龄:2023-09"],
        "公职人员本人的耕地地力补贴、公职人员同户父亲的高龄补贴：非家庭经济状况审核类项目", "an official's own farmland subsidy, an official's father's old-age allowance: not means-tested")
    add("cadre-relative", ["p23:黄桂兰:临时救助:2023-08"],
        "陈卫东2023-10-01才任委员，此前其母所获临时救助不计入", "relief paid to 陈卫东's mother before his term began (2023-10-01)")
    add("cadre-relative", ["p23:刘建军:临时救助:2023-08", "inv:inv:有机肥:发放:刘建军"],
        "刘建国的弟弟刘建军已分户（户号不同），不计入", "刘建国's brother 刘建军 has his own 户号")
    add("cadre-relative", ["p23:张秀英:高龄:2023-09"],
        "刘建国同户母亲的高龄补贴：非自由裁量项目", "old-age allowance of 刘建国's mother: not discretionary")
    add("cadre-relative", ["p23:罗金凤:低保:2023-09", "inv:inv:棉被:发放:罗金凤"],
        "欧阳建华2022-12-31已离任，其妻的低保、棉被不计入", "欧阳建华 left office 2022-12-31: his wife's 低保 and quilts do not count")
    add("cadre-relative", ["inv:inv:有机肥:发放:陈立新", "inv:inv:有机肥:发放:曾志华", "inv:inv:有机肥:发放:王建华"],
        "村干部本人领取的有机肥（本人不算亲属）", "fertiliser to cadres themselves (not relatives)")
    add("inflated-area", ["area:area:欧阳德明:禁牧补助"],
        "申报15.60亩，确权15.59亩，超出恰好0.01亩（不超过容差）", "claimed 15.60, registered 15.59: exactly 0.01 over (within tolerance)")
    add("inflated-area", ["area:area:罗小平:禁牧补助", "area:area:李春生:耕地地力保护补贴"],
        "申报面积等于两块同地类地块之和（李春生2.30+1.90、罗小平6.00+9.50）",
        "claim equals the sum of two parcels of that type (2.30 + 1.90; 6.00 + 9.50)")
    add("duplicate-payment", ["p23:王秀英(石桥):高龄:2023-12", "p23:王秀英(龙潭):高龄:2023-12"],
        "两个“王秀英”（石桥村、龙潭村）同月领高龄补贴：身份证号不同，不是重复", "two different women named 王秀英 (different IDs) paid in the same month")
    add("duplicate-payment", ["comp:comp:" + PROJECT_ROAD + ":欧阳德明:2024-01-20", "comp:comp:" + PROJECT_ROAD + ":欧阳德明:2024-04-16"],
        "欧阳德明征地补偿分两期（不同月份）支付", "compensation paid in two instalments in different months")
    add("duplicate-payment", ["p23:孙桂芝:护理:2023-09", "p23:孙桂芝:残疾生活:2023-09"],
        "同人同月两个不同项目（残疾人两项补贴）", "same person, same month, two different programmes")
    add("shared-account", ["p23:张国良:低保:2023-09", "p23:李玉兰:残疾生活:2023-09"],
        "张国良、李玉兰夫妻同户共用一张卡", "husband and wife in the same 户号 share one card")
    add("compensation-shortfall", ["alloc:alloc:" + PROJECT_TOWER + ":陈大勇"],
        "陈大勇应得2,001.00元实付2,000.00元，差额恰好1.00元（不超过容差）", "due 2,001.00, paid 2,000.00: short exactly 1.00 (within tolerance)")
    add("compensation-shortfall", ["alloc:alloc:" + PROJECT_ROAD + ":罗小平"],
        "罗小平应得12,956.80元实付12,956.00元，差0.80元", "due 12,956.80, paid 12,956.00: short 0.80")
    add("compensation-shortfall", ["alloc:alloc:" + PROJECT_ROAD + ":邹建明", "alloc:alloc:" + PROJECT_ROAD + ":欧阳德明"],
        "邹建明多付100元（多付不报）；欧阳德明两期合计足额", "邹建明 overpaid by 100 (not flagged); 欧阳德明 paid in full in two instalments")
    add("inventory-gap", ["inv:inv:棉被:盘点:2024-03-29", "inv:inv:食用油:盘点:2024-03-29"],
        "棉被30−26−4＝0；食用油40−36−5＝−1（盘盈，不报）", "quilts 30 − 26 − 4 = 0; oil 40 − 36 − 5 = −1 (surplus, not flagged)")
    add("invalid-id", ["deaths:death:王德胜"], "王德胜15位旧身份证号（升位后有效）", "王德胜's 15-digit old number (valid once upgraded)")
    add("invalid-id", ["households:hh:刘伟", "p23:杨满仓:特困:2023-12", "p24:严桂英:高龄:2024-06"], "末位小写x（有效）", "lower-case x check character (valid)")
    add("invalid-id", ["p23:赵春花:低保:2023-09"], "全角数字身份证号（有效）", "ID written in full-width digits (valid)")
    add("invalid-id", ["cadres:cadre:欧阳志刚"], "身份证号前后有空格（有效）", "ID with surrounding spaces (valid)")
    add("invalid-id", ["inv:inv:有机肥:入库:2023-03-08"], "入库、盘点行身份证号为空（空值不报）", "empty ID cells on stock rows (not flagged)")
    add("age-ineligible", ["p23:谭秋生:高龄:2023-09"], "谭秋生1943-08-12出生，2023-09已满80岁", "born 1943-08-12: 80 by 2023-09")
    add("meal-docs", ["meals:meal:QSJD2023-028"], "发票960.00元＝120×(5+3)，恰好等于标准（不超）", "invoice 960.00 = 120 × 8 exactly (not over)")
    add("meal-docs", ["meals:meal:QSJD2023-029"], "来宾12人陪餐4人（3×4＝12，不超）", "12 guests, 4 hosts (3 × 4 = 12, allowed)")
    add("holiday-meal", ["meals:meal:QSJD2023-027", "meals:meal:QSJD2024-003", "meals:meal:QSJD2024-005"],
        "调休上班日（2023-10-07周六、2024-02-18周日、2024-04-07周日）", "make-up working days (2023-10-07 Sat, 2024-02-18 Sun, 2024-04-07 Sun)")
    add("holiday-meal", ["meals:meal:QSJD2024-007", "meals:meal:QSJD2024-010"],
        "假期结束后的第一个工作日（2024-05-06、2024-06-11）", "first working day after a holiday (2024-05-06, 2024-06-11)")
    add("complaint-overdue", ["complaints:complaint:QSXF-2024-011"],
        "办理中，受理2024-05-01，正好60天（不超期）", "open since 2024-05-01: exactly 60 days (not overdue)")
    add("complaint-overdue", ["complaints:complaint:QSXF-2024-015", "complaints:complaint:QSXF-2024-017"],
        "办理中但未满60天", "open but younger than 60 days")
    add("complaint-overdue", ["complaints:complaint:QSXF-2023-021"],
        "被反映人“张伟”与白沙村组长同名，但所在村为龙潭村：不是重复信访", "accused 张伟 in 龙潭村 is not the 白沙村 张伟: not a repeat")
    return out


# =============================================================================
# 8. README
# =============================================================================

ENCODING_LABEL = {"gbk": "GBK (CRLF)", "utf-8-sig": "UTF-8 with BOM (CRLF)", "utf-8": "UTF-8, no BOM (CRLF)",
                  "utf-16-le-bom": "UTF-16 LE with BOM (CRLF)", "xlsx": "Excel .xlsx"}
ROLE_ZH = {"payments": "发放明细 payments", "deaths": "死亡注销 deaths", "officials": "财政供养人员 officials",
           "cadres": "村干部 cadres", "households": "户籍家庭成员 households", "land": "确权登记 land",
           "allocations": "补偿分配 allocations", "inventory": "物资台账 inventory",
           "meals": "公务接待 meals", "complaints": "信访登记 complaints"}


def locs(tags: list[str]) -> str:
    by_file: dict[str, list[int]] = {}
    for tag in tags:
        tkey, rest = tag.split(":", 1)
        by_file.setdefault(Path(TABLES[tkey].path).name, []).append(TABLES[tkey].row_of(rest))
    return "; ".join(f"{f} #{', '.join(map(str, sorted(rows)))}" for f, rows in by_file.items())


def fmt_amount(a: Decimal | None) -> str:
    return "—" if a is None else f"{a:,.2f}"


# What the document rules find in letters/ and transcripts/ (each transcript
# defect once, an overlap, a 雷同 pair; the letter pair needs OCR of the photo).
DOC_FINDINGS = [
    {"rule": "transcript-elements", "subject": "谈话笔录_马德贵_20240520.txt",
     "reasons": ["interviewers", "recorder"],
     "zh": "只有一名谈话人（李涛），无记录人", "en": "one interviewer (李涛), no recorder"},
    {"rule": "transcript-elements", "subject": "谈话笔录_马永福_20240521.txt",
     "reasons": ["end", "place", "closing"],
     "zh": "只写了开始时间（上午9时），无谈话地点，无“以上笔录我看过”的确认",
     "en": "a start (上午9时) but no end, no place, no closing confirmation"},
    {"rule": "transcript-elements", "subject": "谈话笔录_吴永年_20240522.txt",
     "reasons": ["notice", "end-before-start"],
     "zh": "结束时间（14时40分）早于开始时间（15时10分），未告知权利义务",
     "en": "ends (14:40) before it starts (15:10); rights and duties never read out"},
    {"rule": "interviewer-overlap", "subject": "谈话笔录_赵海燕_20240515.txt",
     "other": "谈话笔录_欧阳志刚_20240515.txt", "interviewers": ["王敏"],
     "zh": "王敏 15:00–16:30 询问赵海燕，16:00–17:10 又询问欧阳志刚",
     "en": "王敏 hears 赵海燕 15:00–16:30 and 欧阳志刚 16:00–17:10"},
    {"rule": "interviewer-overlap", "subject": "谈话笔录_吴永年_20240522.txt", "other": None,
     "interviewers": ["李涛", "陈静"],
     "zh": "结束时间早于开始时间", "en": "ends before it starts"},
    {"rule": "near-duplicate", "subject": "询问笔录_杨满仓_20240514.txt",
     "members": ["询问笔录_杨满仓_20240514.txt", "询问笔录_刘翠兰_20240514.txt"],
     "zh": "两位老人的回答一字不差，连错字“保官”都一样（杨满仓多说了一句，为主件）",
     "en": "the two old people answer word for word alike, typo 保官 included (杨满仓 says one sentence more: principal)"},
    {"rule": "near-duplicate", "subject": "举报信_王堃_Word97.doc",
     "members": ["举报信_王堃_Word97.doc", "手机拍照_李喆举报信.jpg"], "needs_ocr": True,
     "zh": "同一封举报信的 Word 文件与手机照片（照片经 OCR 识别）",
     "en": "one letter as a Word file and as a phone photo (the photo read by OCR)"},
]

DOC_DECOYS = [
    ("询问笔录_杨满仓_20240514.txt、询问笔录_刘翠兰_20240514.txt", "interviewer-overlap",
     "同一组询问人首尾相接（10:10 结束、10:10 开始），不算重叠", "the same interviewers back to back (10:10 end, 10:10 start): no overlap"),
    ("谈话笔录_李春生_20240402.txt、谈话笔录_刘建国_20240410.txt、谈话笔录_赵海燕_20240515.txt", "transcript-elements",
     "要素齐全", "every element present"),
    ("举报信_王堃违规报销接待费用_Word导出.pdf", "near-duplicate",
     "与 Word 文件正文相同，但多一页附件明细，相似度不足 80%", "same letter plus a page of attachment: below 80%"),
]


def readme(exp: list[dict], dec: list[dict], other_docs: list[tuple[str, str, str]]) -> str:
    lines = []
    w = lines.append
    w("# 示例案件：青溪县清水镇惠民惠农资金专项核查 / Demo case: 清水镇 township")
    w("")
    w("> 本目录由 `generate.py` 生成，请勿手工修改；修改数据请改脚本后重新运行 "
      "`python3 sample-data/generate.py`。 / Generated by `generate.py`; edit the script, not the files.")
    w("")
    w("## 中文说明")
    w("")
    w("### 背景")
    w("")
    w("清水镇是虚构的湖南省青溪县下辖乡镇，辖石桥村、枫树村、白沙村、龙潭村4个行政村。"
      "身份证号借用衡阳市辖县的真实地区码（430423 为主，另有 430421、430422、430424、430426、430481、430482），"
      "出生日期与年龄一致，校验码按 GB 11643-1999 计算。所有人物、号码、电话均为虚构。")
    w("")
    w("2024年2月至6月，镇纪委陆续收到群众来信、12345热线转办和网络举报，反映："
      "石桥村党支部书记刘建国截留通信铁塔用地补偿款、其父违规享受低保、有机肥发给自家亲属；"
      "白沙村会计赵海燕代管孤寡老人一卡通、已故残疾人护理补贴未停发、不满80岁的亲属领高龄津贴；"
      "龙潭村主任马德贵之父虚报禁牧面积、S315征地补偿款未兑付、组长代领补贴；"
      "镇卫生院医生领取危房改造补助、财政所干部母亲享受低保。"
      f"镇纪委调取了2023年下半年至2024年上半年的各类台账开展数据比对。案件核查截止日（as-of）为 {AS_OF}。")
    w("")
    w("### 文件清单")
    w("")
    w("| 文件 | 角色 | 编码 | 数据行数 |")
    w("|---|---|---|---|")
    w("| `case.toml` | 案件标题与核查截止日 | UTF-8 | — |")
    for rel, kind, enc in other_docs:
        w(f"| `{rel}` | {kind} | {enc} | — |")
    for t in TABLES.values():
        w(f"| `{t.path}` | {ROLE_ZH[t.role]} | {ENCODING_LABEL[t.encoding]} | {len(t.rows)} |")
    w("| `expected_findings.json` | 预期核查结果（供测试使用） | UTF-8 | — |")
    w("")
    w("说明：所有台账第1行为表头，第2行起为数据；下表中的“行号”为**数据行号**（不含表头，表头下第一行为 #1）。"
      "金额单位为元，精确到分。")
    w("")
    w("数据中刻意保留的“脏”写法（均应被正确规范化）：金额 `1,050.00`、`￥300`（GBK 文件中为全角￥，GBK 无半角¥）、"
      "`¥300`、`300元`、全角数字 `８７０`；日期 `2023/9/15`、`2023年9月15日`、`20230915`、`2023.8.18`、`2023-09-15`；"
      "发放年月 `2023-09`、`202309`、`2023年9月`；身份证号小写 x、15位旧号、全角数字、前后空格；姓名中间空格（`张 国良`）；"
      "项目名称使用别名（低保/农村低保/最低生活保障、高龄津贴/高龄补贴、残疾人护理补贴、特困供养、危房改造、森林生态效益补偿）。"
      "`征地补偿分配表.xlsx` 中日期为 Excel 日期单元格、金额与面积为数值单元格。")
    w("")
    w("### 预置问题（每条规则至少1处）")
    w("")
    w("| 规则 | 对象 | 身份证号/编号 | 证据（文件 #数据行号） | 金额（元） | 说明 |")
    w("|---|---|---|---|---|---|")
    for x in exp:
        w(f"| `{x['rule']}` {RULE_ZH[x['rule']]} | {x['name']} | `{x['subject']}` | {x['where']} | "
          f"{fmt_amount(x['amount'])} | {x['note_zh']} |")
    w("")
    w("合计：" + "；".join(f"`{r}` {sum(1 for x in exp if x['rule'] == r)} 条" for r in RULE_ORDER) + "。")
    w("")
    w("证据列给出关键行；规则的完整证据行（例如物资缺口涉及该物资的全部行）见 `expected_findings.json`。"
      "`official-ineligible` 与 `cadre-relative` 的对象为实际领取人，公职人员/村干部见说明。"
      "`inventory-gap` 的单价取该物资入库行的单价。")
    w("")
    w("### 干扰项（不应报出）")
    w("")
    w("| 规则 | 证据（文件 #数据行号） | 为什么不应报出 |")
    w("|---|---|---|")
    for x in dec:
        w(f"| `{x['rule']}` | {x['where']} | {x['zh']} |")
    w("")
    w("### 笔录与信访件中的预置问题（文书规则）")
    w("")
    w("| 规则 | 文件 | 说明 |")
    w("|---|---|---|")
    for x in DOC_FINDINGS:
        w(f"| `{x['rule']}` | `{x['subject']}` | {x['zh']} |")
    w("")
    w("不应报出：")
    w("")
    for files, rule, zh, _ in DOC_DECOYS:
        w(f"- `{rule}`：{files} —— {zh}")
    w("")
    w("`expected_findings.json` 的 `document_findings` 列出这些预期结果（原因代码、成员）。")
    w("")
    w("### 银行流水中的预置问题（资金流向规则）")
    w("")
    w("`statements/` 下的两份银行流水不参与上面台账的预期结果，只与台账一起由资金流向规则读取：")
    w("")
    w("| 规则 | 对象 | 账号/身份证号 | 金额（元） | 说明 |")
    w("|---|---|---|---|---|")
    for x in STATEMENT_FINDINGS:
        w(f"| `{x['rule']}` | {x['name']} | `{x['subject']}` | {fmt_amount(Decimal(x['amount']))} | {x['zh']} |")
    w("")
    w("不应报出：赵海燕转给同户丈夫的钱（`subsidy-diverted` 不算家人之间的转账）；马德贵付给建材公司的货款不是现金。"
      "`expected_findings.json` 的 `statement_findings` 列出这些预期结果。")
    w("")
    w("### 其他约定")
    w("")
    w("- 死亡登记同时有 `死亡日期` 与 `注销日期` 两列（均为 death_date 的同义词）。数据保证二者之间没有发放月份，"
      "因此无论取哪一列，`deceased-paid` 结果相同。")
    w("- 每笔面积类补贴的申报人在确权登记中都有同地类的地块，不存在“无登记面积”的歧义情形。")
    w("- `age-ineligible` 的各笔发放都不在80岁生日所在月份，按月初或月末计算年龄结论一致。")
    w("- 征地补偿的支付记录在 `征地补偿款支付明细.csv` 中，`项目名称` 与分配表完全一致；这些支付也参与其他发放类规则"
      "（欧阳德明两期支付在不同月份，不构成重复领取）。")
    w("- 信访人、举报信署名人（李春生、欧阳春等）及其电话属敏感信息。")
    w("- `build.rs` 会把本目录全部文件嵌入二进制（`hecha demo`）；重新生成后需重新构建。"
      "`generate.py` 运行后会用内置的参考实现回读全部文件，逐条核对上表的预期结果和干扰项。")
    w("")
    w("## English")
    w("")
    w("### Background")
    w("")
    w("清水镇 is a fictional township of the fictional 青溪县 (Hunan), with four villages: 石桥村, 枫树村, 白沙村 "
      "and 龙潭村. ID numbers borrow real area codes of Hengyang's counties (mostly 430423), have birth dates that "
      "match the people's ages, and carry correct GB 11643-1999 check digits. Every person, number and phone "
      "number is made up.")
    w("")
    w("Between February and June 2024 the township's discipline committee received letters, a 12345-hotline "
      "referral and online reports: the 石桥村 party secretary 刘建国 kept 6,000 of a 10,000-yuan tower-site "
      "compensation, his father draws 低保 and his wife and son took 7.64 t of organic fertiliser; the 白沙村 "
      "accountant 赵海燕 keeps two old villagers' subsidy cards, a dead woman's care allowance was never stopped "
      "and her 77-year-old uncle draws the 80+ old-age allowance; the 龙潭村 chairman's father over-claimed "
      "grazing-ban land by 28 mu, a villager's road compensation was never paid and a group leader collects a "
      "neighbour's subsidy; a health-centre doctor took a housing-repair grant and a finance-office accountant's "
      f"mother draws 低保. The ledgers cover July 2023 to June 2024; the case's as-of date is {AS_OF}.")
    w("")
    w("### Files")
    w("")
    w("| file | role | encoding | data rows |")
    w("|---|---|---|---|")
    w("| `case.toml` | case title and as-of date | UTF-8 | — |")
    for rel, kind, enc in other_docs:
        w(f"| `{rel}` | {kind} | {enc} | — |")
    for t in TABLES.values():
        w(f"| `{t.path}` | {t.role} | {ENCODING_LABEL[t.encoding]} | {len(t.rows)} |")
    w("| `expected_findings.json` | expected findings (for tests) | UTF-8 | — |")
    w("")
    w("Every ledger has its header on line 1. Row numbers below are **data row numbers** (header excluded: the "
      "first line after the header is #1). Amounts are yuan, exact to the fen.")
    w("")
    w("Deliberately messy but valid cells: amounts `1,050.00`, `￥300` (full-width yen in GBK files, which cannot "
      "hold U+00A5), `¥300`, `300元`, full-width `８７０`; dates `2023/9/15`, `2023年9月15日`, `20230915`, "
      "`2023.8.18`; periods `2023-09`, `202309`, `2023年9月`; IDs with lower-case x, a 15-digit old number, "
      "full-width digits, surrounding spaces; a name with an inner space (`张 国良`); programme aliases. "
      "In the .xlsx, dates are Excel date cells and amounts/areas numeric cells.")
    w("")
    w("### Planted anomalies (at least one per rule)")
    w("")
    w("| rule | who | ID / record | evidence (file #data row) | amount | note |")
    w("|---|---|---|---|---|---|")
    for x in exp:
        w(f"| `{x['rule']}` | {x['name']} | `{x['subject']}` | {x['where']} | {fmt_amount(x['amount'])} | "
          f"{x['note_en']} |")
    w("")
    w("The evidence column lists the key rows; `expected_findings.json` lists every evidence row of each finding. "
      "For `official-ineligible` and `cadre-relative` the subject is the person paid; the official or cadre is "
      "named in the note. `inventory-gap` values the gap at the item's 入库 unit price.")
    w("")
    w("### Decoys (must NOT be flagged by the rule named)")
    w("")
    w("| rule | evidence (file #data row) | why not |")
    w("|---|---|---|")
    for x in dec:
        w(f"| `{x['rule']}` | {x['where']} | {x['en']} |")
    w("")
    w("### Planted in the transcripts and letters (document rules)")
    w("")
    w("| rule | file | note |")
    w("|---|---|---|")
    for x in DOC_FINDINGS:
        w(f"| `{x['rule']}` | `{x['subject']}` | {x['en']} |")
    w("")
    w("Not to be flagged:")
    w("")
    for files, rule, _, en in DOC_DECOYS:
        w(f"- `{rule}`: {files} — {en}")
    w("")
    w("`expected_findings.json` lists these under `document_findings` (reason codes, members).")
    w("")
    w("### Planted in the bank statements (fund-flow rules)")
    w("")
    w("The two statements in `statements/` are not part of the ledger expectations above; the fund-flow rules read them "
      "with the ledgers:")
    w("")
    w("| rule | who | account / ID | amount | note |")
    w("|---|---|---|---|---|")
    for x in STATEMENT_FINDINGS:
        w(f"| `{x['rule']}` | {x['name']} | `{x['subject']}` | {fmt_amount(Decimal(x['amount']))} | {x['en']} |")
    w("")
    w("Not to be flagged: 赵海燕's transfers to her husband (same household); 马德贵's payment to a building-materials "
      "firm is not cash. `expected_findings.json` lists these under `statement_findings`.")
    w("")
    w("### Conventions")
    w("")
    w("- The death register has both `死亡日期` and `注销日期` (both death_date synonyms); no payment month falls "
      "between the two, so `deceased-paid` finds the same whichever column is used.")
    w("- Every area-based claimant has registered land of that type (no 'no registered land' ambiguity).")
    w("- No old-age payment falls in the month of the 80th birthday, so age at the start or end of the month agrees.")
    w("- Land-compensation payments are in `征地补偿款支付明细.csv` with exactly the allocation list's `项目名称`; "
      "they take part in the other payment rules too.")
    w("- The informants (信访人, letter writers such as 李春生 and 欧阳春) and their phone numbers are sensitive.")
    w("- `build.rs` embeds every file of this folder in the binary (`hecha demo`); rebuild after regenerating. "
      "After writing, `generate.py` reads every file back through a small reference implementation of "
      "DOMAIN.md and asserts the table above (findings, amounts, rows) and the decoys.")
    w("")
    return "\n".join(lines)


# =============================================================================
# 9. Main
# =============================================================================

# Bank statements (statements/, not read by the ledger reference checks above):
# the 白沙村 accountant 赵海燕's card, into which the subsidies of 杨满仓 and 刘翠兰
# are paid, each withdrawn at an ATM two days later (card-keeping, 代管); and the
# 龙潭村 chairman 马德贵's account, taking money from three households' relief
# accounts and cash split just under 50,000 yuan.
STATEMENT_FINDINGS: list[dict] = []


def build_statements() -> None:
    zhy, mdg = P("赵海燕"), P("马德贵")
    kept = [p for p in all_payments() if p.who in ("杨满仓", "刘翠兰")]
    rows, bal = [], Decimal("1520.36")
    moved = {"杨满仓": Decimal(0), "刘翠兰": Decimal(0)}
    events = []
    for p in kept:
        events.append((p.pay_date, "09:30:12", p.amount, "贷", "青溪县财政局", "43050100000001", f"{PROG[p.prog][0]}代发", "批量代发"))
        events.append((p.pay_date + dt.timedelta(days=2), "18:42:05", p.amount, "借", "", "", "ATM取现", "ATM"))
        moved[p.who] += p.amount
    # Her own money: a monthly allowance in, a transfer to her husband (same household: no finding).
    husband = next(x for x in PEOPLE.values() if x.hh == zhy.hh and x.name != "赵海燕")
    for m in (7, 10, 1, 4):
        y = 2023 if m >= 7 else 2024
        events.append((dt.date(y, m, 25), "10:05:00", Decimal("1800.00"), "贷", "白沙村村民委员会", "43050100003021", "村干部补贴", "批量代发"))
        events.append((dt.date(y, m, 27), "20:11:40", Decimal("1500.00"), "借", husband.name, husband.account, "转账", "手机银行"))
    events.sort(key=lambda e: (e[0], e[1]))
    credits = Decimal(0)
    debits = Decimal(0)
    for day, time, amount, flag, cname, cacct, memo, channel in events:
        bal += amount if flag == "贷" else -amount
        if flag == "贷":
            credits += amount
        else:
            debits += amount
        rows.append(f"{day.isoformat()},{time},{amount:.2f},{flag},{bal:.2f},{cname},{cacct},{memo},{channel}")
    text = ("青溪县农村信用合作联社 个人账户交易明细\n"
            f"户名：赵海燕,账号：{zhy.account},币种：人民币,,,,,,\n"
            "查询期间：2023-07-01 至 2024-06-30,,,,,,,,\n"
            "交易日期,交易时间,交易金额,借贷标志,余额,对方户名,对方账号,摘要,交易渠道\n"
            + "\n".join(rows) + f"\n合计,,{credits + debits:.2f},,,,,,\n")
    write_text("statements/农信社交易明细_赵海燕.csv", text, "gbk")
    for who in ("杨满仓", "刘翠兰"):
        STATEMENT_FINDINGS.append({"rule": "subsidy-diverted", "subject_kind": "person", "subject": P(who).id,
                                   "name": who, "amount": f"{moved[who]:.2f}",
                                   "zh": f"{who}的补贴打入会计赵海燕的卡，每次到账两天后在 ATM 取现",
                                   "en": f"{who}'s subsidies paid into accountant 赵海燕's card, withdrawn at an ATM two days later"})

    # 马德贵: three relief households send him money; cash in just under 50,000.
    relief = []
    # 龙潭村's own relief households first, then the next village's.
    order = {"龙潭村": 0, "白沙村": 1, "枫树村": 2, "石桥村": 3}
    for p in sorted(all_payments(), key=lambda p: (order[P(p.who).village], p.pay_date, p.who)):
        q = P(p.who)
        if p.prog in ("低保", "特困", "临时救助") and q.hh != mdg.hh and p.who not in ("杨满仓", "刘翠兰") \
                and all(P(r.who).hh != q.hh for r in relief):
            relief.append(p)
        if len(relief) == 3:
            break
    assert len(relief) == 3, relief
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("交易明细")
    ws.write(0, 0, "中国邮政储蓄银行 活期账户交易明细")
    ws.write(1, 0, f"户名：马德贵　卡号：{mdg.account}")
    head = ["记账日期", "收入金额", "支出金额", "账户余额", "对方户名", "对方账号", "摘要", "交易渠道"]
    for c, h in enumerate(head):
        ws.write(2, c, h)
    bal = Decimal("3650.00")
    lines = []
    inflow = Decimal(0)
    for i, p in enumerate(relief):
        day = p.pay_date + dt.timedelta(days=5 + 7 * i)
        amt = Decimal("500.00")
        inflow += amt
        lines.append((day, amt, None, p.who, account_of(p.who), "转账", "手机银行"))
    cash = [(dt.date(2024, 3, 5), Decimal("48000.00")), (dt.date(2024, 3, 18), Decimal("49500.00")),
            (dt.date(2024, 3, 29), Decimal("47000.00"))]
    for day, amt in cash:
        lines.append((day, amt, None, "", "", "现金存入", "柜面"))
    lines.append((dt.date(2024, 4, 8), None, Decimal("140000.00"), "青溪县鑫源建材有限公司", "43050188000017", "货款", "网银"))
    lines.sort(key=lambda x: x[0])
    r = 3
    for day, inc, out, cname, cacct, memo, ch in lines:
        bal += (inc or 0) - (out or 0)
        ws.write(r, 0, day.isoformat())
        ws.write(r, 1, float(inc) if inc else "")
        ws.write(r, 2, float(out) if out else "")
        ws.write(r, 3, float(bal))
        for c, v in enumerate([cname, cacct, memo, ch]):
            ws.write(r, 4 + c, v)
        r += 1
    ws.write(r, 0, "合计")
    ws.write(r, 1, float(sum((x[1] or 0) for x in lines)))
    ws.write(r, 2, float(sum((x[2] or 0) for x in lines)))
    path = HERE / "statements" / "邮储银行流水_马德贵.xls"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    names = "、".join(p.who for p in relief)
    STATEMENT_FINDINGS.extend([
        {"rule": "pooled-accounts", "subject_kind": "account", "subject": mdg.account, "name": "马德贵",
         "amount": f"{inflow:.2f}", "zh": f"三户低保、特困、临时救助对象（{names}）的补贴账户向马德贵转账",
         "en": f"three relief households ({names}) send money to 马德贵"},
        {"rule": "cadre-inflow", "subject_kind": "person", "subject": mdg.id, "name": "马德贵",
         "amount": f"{inflow:.2f}", "zh": f"村主任马德贵收到评议类补贴对象（{names}）的转账",
         "en": f"chairman 马德贵 receives money from recipients of discretionary relief ({names})"},
        {"rule": "cash-structuring", "subject_kind": "account", "subject": mdg.account, "name": "马德贵",
         "amount": f"{sum(a for _, a in cash):.2f}", "zh": "24 天内 3 笔现金存入，每笔略低于 5 万元",
         "en": "three cash deposits in 24 days, each just under 50,000"},
    ])


def main() -> int:
    build_people()
    assign_ids()
    assign_accounts()
    build_payments()
    build_area_payments_and_land()
    build_compensation()
    build_registers()
    build_inventory()
    build_meals()
    build_complaints()

    # Start from a clean slate so renamed files do not linger.
    for sub in ("letters", "transcripts", "ledgers", "statements"):
        shutil.rmtree(HERE / sub, ignore_errors=True)
    (HERE / "case.toml").write_text(
        "# The demo township case (generated by generate.py).\n"
        f'title = "{CASE_TITLE}"\nas_of = "{AS_OF}"\n', encoding="utf-8")
    write_documents()
    for t in TABLES.values():
        write_table(t)
    build_statements()

    # ---- the Rust reader refuses GB18030 text that chardetng takes for Big5, Shift_JIS
    # or EUC-*: make sure every GBK file is recognised (when chardetng-py is installed).
    try:
        import chardetng_py
    except ImportError:
        chardetng_py = None
        print("note: chardetng-py not installed; skipped the GBK detection check", file=sys.stderr)
    if chardetng_py is not None:
        for path in GBK_FILES:
            guess = chardetng_py.detect(path.read_bytes(), allow_utf8=False)
            assert guess.lower() in ("gbk", "gb18030"), (path, guess)

    # ---- read everything back and check it against the plan -----------------
    ledgers = [read_ledger(t.path) for t in TABLES.values()]
    for t, lg in zip(TABLES.values(), ledgers):
        assert lg.role == t.role, (t.path, lg.role, t.role)
        assert len(lg.rows) == len(t.rows), t.path
    findings = run_reference_checks(ledgers)

    path_of = {t.key: t.path for t in TABLES.values()}

    def ev_of(tag: str) -> tuple[str, int]:
        tkey, rest = tag.split(":", 1)
        return path_of[tkey], TABLES[tkey].row_of(rest)

    exp = expected()
    got = {(f.rule, f.subject): f for f in findings}
    want = {(x["rule"], x["subject"]): x for x in exp}
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    if missing or extra:
        for k in extra:
            print("UNEXPECTED", k, got[k].amount, got[k].detail, got[k].evidence, file=sys.stderr)
        raise SystemExit(f"findings differ from the plan: missing={missing} extra={extra}")
    for k, x in want.items():
        f = got[k]
        assert f.amount == x["amount"], (k, f.amount, x["amount"])
        for tag in x["tags"]:
            assert ev_of(tag) in f.evidence, (k, tag, f.evidence)
        x["where"] = locs(x["tags"])
        x["finding"] = f
    dec = decoys()
    for x in dec:
        flagged = {e for f in findings if f.rule == x["rule"] for e in f.evidence
                   if not (f.rule in ("official-ineligible", "cadre-relative") and e[0] in
                           (path_of["officials"], path_of["cadres"]))}
        for tag in x["tags"]:
            if x["rule"] in ("complaint-overdue",):
                # a decoy complaint may be the *first* of a repeat series (evidence of a later one)
                rec = tag.split(":")[-1]
                assert not any(f.rule == x["rule"] and f.subject == rec for f in findings), tag
            elif x["rule"] == "invalid-id" or x["rule"] == "inventory-gap":
                rec = ev_of(tag)
                assert not any(f.rule == x["rule"] and rec in f.evidence and
                               (x["rule"] == "invalid-id" or f.subject in tag) for f in findings), tag
            else:
                assert ev_of(tag) not in flagged, (x["rule"], tag)
        x["where"] = locs(x["tags"])

    # ---- expected_findings.json ----------------------------------------------
    out = []
    for x in sorted(exp, key=lambda x: RULE_ORDER.index(x["rule"])):
        f = x["finding"]
        item = {"rule": x["rule"], "subject_kind": x["subject_kind"], "subject": x["subject"],
                "name": x["name"], "amount": None if f.amount is None else f"{f.amount:.2f}",
                "key_evidence": [{"file": ev_of(t)[0], "row": ev_of(t)[1]} for t in x["tags"]],
                "evidence": [{"file": p, "row": r} for p, r in f.evidence],
                "detail": f.detail, "note": x["note_en"]}
        for extra_key in ("via", "official", "cadre", "project"):
            if extra_key in x:
                item[extra_key] = x[extra_key]
        out.append(item)
    decoy_out = [{"rule": x["rule"], "rows": [{"file": ev_of(t)[0], "row": ev_of(t)[1]} for t in x["tags"]],
                  "why": x["en"]} for x in dec]
    def jline(obj) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    (HERE / "expected_findings.json").write_text(
        "{\n" + f' "as_of": {jline(str(AS_OF))},\n "case_title": {jline(CASE_TITLE)},\n'
        + ' "findings": [\n' + ",\n".join("  " + jline(x) for x in out) + "\n ],\n"
        + ' "decoys": [\n' + ",\n".join("  " + jline(x) for x in decoy_out) + "\n ],\n"
        + ' "document_findings": [\n' + ",\n".join(
            "  " + jline({k: v for k, v in x.items() if k not in ("zh", "en")}) for x in DOC_FINDINGS)
        + "\n ],\n"
        + ' "statement_findings": [\n' + ",\n".join(
            "  " + jline({k: v for k, v in x.items() if k not in ("zh", "en")}) for x in STATEMENT_FINDINGS)
        + "\n ]\n}\n",
        encoding="utf-8")

    other_docs = [
        ("letters/举报信_石桥村李春生实名举报刘建国.txt", "举报信 letter (named informant)", "GBK (CRLF)"),
        ("letters/关于白沙村会计赵海燕代管村民一卡通的举报.docx", "举报信 letter (anonymous)", "Word .docx"),
        ("letters/龙潭村村民来信_禁牧补助和征地补偿.txt", "举报信 letter (named informant)", "UTF-8 (LF)"),
        ("letters/12345热线转办工单_20240620.txt", "12345热线转办 hotline referral", "GBK (CRLF)"),
        ("transcripts/谈话笔录_李春生_20240402.txt", "谈话笔录 transcript (informant, 了解情况)", "GBK (CRLF)"),
        ("transcripts/谈话笔录_刘建国_20240410.txt", "谈话笔录 transcript", "UTF-8 (LF)"),
        ("transcripts/谈话笔录_赵海燕_20240515.txt", "谈话笔录 transcript", "UTF-8 (LF)"),
        ("transcripts/询问笔录_杨满仓_20240514.txt", "询问笔录 transcript (witness; 雷同 with 刘翠兰)", "UTF-8 (LF)"),
        ("transcripts/询问笔录_刘翠兰_20240514.txt", "询问笔录 transcript (witness; 雷同 with 杨满仓)", "UTF-8 (LF)"),
        ("transcripts/谈话笔录_欧阳志刚_20240515.txt", "谈话笔录 transcript (overlaps 赵海燕's)", "UTF-8 (LF)"),
        ("transcripts/谈话笔录_马德贵_20240520.txt", "谈话笔录 transcript (one interviewer, no recorder)", "GBK (CRLF)"),
        ("transcripts/谈话笔录_马永福_20240521.txt", "谈话笔录 transcript (no end, place, closing)", "UTF-8 (LF)"),
        ("transcripts/谈话笔录_吴永年_20240522.txt", "谈话笔录 transcript (ends before it starts, no notice)", "UTF-8 (LF)"),
        ("statements/农信社交易明细_赵海燕.csv", "银行流水 statements (title and account rows, 借贷标志, 合计 row)", "GBK (CRLF)"),
        ("statements/邮储银行流水_马德贵.xls", "银行流水 statements (.xls, title rows, 收入/支出 columns, 合计 row)", "Excel .xls"),
    ]
    for rel, _, _ in other_docs:
        assert (HERE / rel).exists(), rel
    exp.sort(key=lambda x: RULE_ORDER.index(x["rule"]))
    dec.sort(key=lambda x: RULE_ORDER.index(x["rule"]))
    (HERE / "README.md").write_text(readme(exp, dec, other_docs), encoding="utf-8")

    # ---- summary on stdout -----------------------------------------------------
    print(f"wrote {len(TABLES)} ledgers, {len(other_docs)} documents to {HERE}")
    for t, lg in zip(TABLES.values(), ledgers):
        print(f"  {t.path:48s} {t.role:12s} {lg.encoding:16s} {len(t.rows):3d} rows")
    print(f"{len(exp)} planted findings, {len(dec)} decoy groups: all verified")
    for x in exp:
        print(f"  {x['rule']:24s} {x['name']:10s} {x['subject']:22s} {fmt_amount(x['amount']):>10s}  {x['where']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

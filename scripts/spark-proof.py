#!/usr/bin/env python3
"""One rule, two engines: hecha's findings against Spark SQL's on the same case.

Exports the case with `hecha export-parquet`, registers every Parquet file as
a Spark view named after its relation (`v_payments`, ...), runs the Spark SQL
translation of each rule (scripts/spark/<rule>.sql) in local mode, and
compares its rows with `hecha findings --rule <rule> --json` field by field:
subject, amount (exact decimal), evidence rows in order, and the detail the
rule reports. Exits 1 on any difference. See docs/SCALING.md.

    python3 scripts/spark-proof.py --case CASE [--hecha BIN] [--rules R ...]

Needs pyspark (pip install pyspark) and Java 17. Offline: Spark runs in local
mode on 127.0.0.1 and fetches nothing.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
RULES = ["duplicate-payment", "deceased-paid"]


def hecha(binary, *args):
    out = subprocess.run([binary, "--lang", "en", *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"hecha {' '.join(args)} failed:\n{out.stderr}")
    return out.stdout


def money(v):
    return None if v is None else f"{Decimal(v):.2f}"


def hecha_findings(binary, case, rule):
    """(subject key, amount, evidence [(ledger, row)], detail) of each finding."""
    doc = json.loads(hecha(binary, "findings", str(case), "--rule", rule, "--json"))
    out = []
    for f in doc["findings"]:
        ev = [(e["ledger"], int(e["row"])) for e in f["evidence"]]
        out.append((f["subject"]["key"], money(f["amount"]), ev, detail_of(rule, f["detail"])))
    return sorted(out)


def detail_of(rule, d):
    """The detail fields both engines report, as comparable values."""
    if rule == "duplicate-payment":
        return (d["month"], d["program"], int(d["times"]))
    if rule == "deceased-paid":
        months = d["months"] if isinstance(d["months"], list) else d["months"].split("、")
        programs = d["programs"] if isinstance(d["programs"], list) else d["programs"].split("、")
        return (d["death_date"], tuple(months), tuple(programs), int(d["payments"]))
    return ()


def spark_findings(spark, rule, ledger_names):
    sql = (HERE / "spark" / f"{rule}.sql").read_text(encoding="utf-8")
    rows = spark.sql(sql).collect()
    out = []
    for r in rows:
        ev = []
        for part in (r["evidence"] or "").split(";"):
            if part:
                lid, row = part.split(":")
                ev.append((ledger_names[int(lid)], int(row)))
        if rule == "duplicate-payment":
            detail = (r["d_month"], r["d_program"], int(r["d_times"]))
        elif rule == "deceased-paid":
            detail = (r["d_death_date"], tuple(r["d_months"]), tuple(r["d_programs"]), int(r["d_payments"]))
        else:
            detail = ()
        out.append((r["subject_key"], money(r["amount"]), ev, detail))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", required=True, type=Path)
    ap.add_argument("--hecha", default=os.environ.get("HECHA", "hecha"))
    ap.add_argument("--rules", nargs="+", default=RULES)
    ap.add_argument("--work", type=Path, help="folder for the Parquet export (default: a temporary one)")
    ap.add_argument("--cores", default="2")
    a = ap.parse_args()

    work = a.work or Path(tempfile.mkdtemp(prefix="hecha-spark-"))
    parquet_dir = work / "parquet"
    t = time.time()
    hecha(a.hecha, "check", str(a.case))
    t_check = time.time() - t
    t = time.time()
    hecha(a.hecha, "export-parquet", str(a.case), str(parquet_dir), "--force")
    t_export = time.time() - t
    expected = {r: hecha_findings(a.hecha, a.case, r) for r in a.rules}

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    t = time.time()
    spark = (
        SparkSession.builder.master(f"local[{a.cores}]")
        .appName("hecha-spark-proof")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    manifest = json.loads((parquet_dir / "manifest.json").read_text(encoding="utf-8"))
    for f in manifest["files"]:
        spark.read.parquet(str(parquet_dir / f["file"])).createOrReplaceTempView(f["relation"])
    ledger_names = {r["id"]: r["name"] for r in spark.sql("SELECT id, name FROM ledgers").collect()}
    t_start = time.time() - t

    ok = True
    print(f"case {a.case}: hecha check {t_check:.1f} s, export-parquet {t_export:.1f} s, Spark start {t_start:.1f} s")
    for rule in a.rules:
        t = time.time()
        got = spark_findings(spark, rule, ledger_names)
        t_rule = time.time() - t
        want = expected[rule]
        same = got == want
        ok &= same
        print(f"{rule:22} hecha {len(want):>8} findings   Spark {len(got):>8} findings in {t_rule:.1f} s   "
              f"{'identical' if same else 'DIFFERENT'}")
        if not same:
            for x in [w for w in want if w not in got][:5]:
                print("  only hecha:", x)
            for x in [g for g in got if g not in want][:5]:
                print("  only Spark:", x)
    spark.stop()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

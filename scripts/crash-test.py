#!/usr/bin/env python3
"""Crash safety: kills hecha with SIGKILL at random moments during imports
(ledgers, and folders of letters that go in by group transactions), check
runs and link edits, and after every kill checks that the case opens,
`hecha verify` passes, and every file is either fully imported or absent.

Usage: scripts/crash-test.py [ROUNDS] [SEED]    (default 36 rounds, seed 7)
Uses $HECHA, else $CARGO_TARGET_DIR/release/hecha, else target/release/hecha.
"""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HECHA = os.environ.get("HECHA") or os.path.join(
    os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "hecha"
)
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
ENCRYPT = "--encrypt" in sys.argv
ROUNDS = int(ARGS[0]) if len(ARGS) > 0 else 36
rng = random.Random(int(ARGS[1]) if len(ARGS) > 1 else 7)


def run(*args, check=True):
    p = subprocess.run([HECHA, *args], capture_output=True, text=True, env=ENV)
    if check and p.returncode != 0:
        sys.exit(f"crash-test: hecha {' '.join(args)} failed ({p.returncode}):\n{p.stderr}")
    return p


def ledger(path, rows, seed):
    """A payments ledger with `rows` data rows, unique to `seed`."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("姓名,身份证号码,村(社区),补贴项目,发放年月,发放金额(元),银行卡号\n")
        for i in range(rows):
            f.write(f"村民{seed}_{i},,清水村,低保,2023年{i % 12 + 1}月,{(i * 37 + seed) % 2000}.50,62170000{seed:04d}{i:06d}\n")


def letters(folder, count, seed):
    """A folder of `count` small letters, unique to `seed`."""
    os.makedirs(folder)
    for i in range(count):
        with open(os.path.join(folder, f"信{seed}_{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"举报（第{seed}轮第{i}封）：村干部冒领低保金{i * 10 + seed}元。\n请组织核查。\n")


def documents_and_entries():
    """Documents in the case, and import.document entries in its log (one per
    document, written in the document's own transaction)."""
    info = json.loads(run("info", case, "--json").stdout)
    docs = sum(d["count"] for d in info["documents"])
    log = json.loads(run("log", case, "--json").stdout)
    entries = [e for e in log if e["action"] in ("import.document", "import.pages")]
    files = [json.loads(e["payload"])["file"] if isinstance(e["payload"], str) else e["payload"]["file"] for e in entries]
    return docs, len(entries), files


def killed(args, max_delay):
    """Starts hecha, kills it with SIGKILL after a random delay; returns whether it finished first."""
    p = subprocess.Popen([HECHA, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    time.sleep(rng.uniform(0, max_delay))
    finished = p.poll() is not None
    if not finished:
        p.send_signal(signal.SIGKILL)
    p.wait()
    return finished


work = tempfile.mkdtemp(prefix="hecha-crash-")
ENV = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), HECHA_LANG="en")
if ENCRYPT:
    ENV["HECHA_PASSPHRASE"] = "crash test passphrase"
    # As on Windows: no RAM file system; DuckDB encrypts the file in place.
    ENV["HECHA_NO_RAM_DIR"] = "1"
case = os.path.join(work, "case.duckdb")
run("new", case, "--as-of", "2024-06-30", *(["--encrypt"] if ENCRYPT else []))
sample = os.path.join(ROOT, "sample-data")
run("import", case, os.path.join(sample, "ledgers"), os.path.join(sample, "letters"))
expected = {}  # file name -> data rows
t0 = time.time()
ledger(os.path.join(work, "timing.csv"), 20000, 9999)
run("import", case, os.path.join(work, "timing.csv"))
import_time = time.time() - t0
expected["timing.csv"] = 20000
t0 = time.time()
run("check", case)
check_time = time.time() - t0
t0 = time.time()
letters(os.path.join(work, "timing-letters"), 700, 9999)
run("import", case, os.path.join(work, "timing-letters"))
letters_time = time.time() - t0
allegation = json.loads(run("allege", case, "crash test", "--json").stdout)["id"]
kinds = {"import": 0, "letters": 0, "check": 0, "links": 0}
finished_first = 0
for n in range(ROUNDS):
    kind = ["import", "letters", "check", "links"][n % 4]
    kinds[kind] += 1
    if kind == "letters":
        folder = os.path.join(work, f"letters_{n}")
        letters(folder, 700, n)
        done = killed(["import", case, folder], letters_time * 1.2)
    elif kind == "import":
        name = f"ledger_{n}.csv"
        rows = rng.choice([500, 5000, 20000])
        ledger(os.path.join(work, name), rows, n)
        expected[name] = rows
        done = killed(["import", case, os.path.join(work, name)], import_time * 1.2)
    elif kind == "check":
        done = killed(["check", case], check_time * 1.2)
    else:
        # A burst of link edits in one process tree: each command is one transaction.
        script = (
            f'"{HECHA}" link "{case}" --allegation {allegation} --person 430423196204181012 >/dev/null; '
            f'"{HECHA}" status "{case}" --allegation {allegation} partly --reason "round {n}" >/dev/null; '
            f'"{HECHA}" note "{case}" --on allegation:{allegation} "note {n}" >/dev/null'
        )
        p = subprocess.Popen(["sh", "-c", script], env=ENV, start_new_session=True)
        time.sleep(rng.uniform(0, 0.6))
        done = p.poll() is not None
        if not done:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    finished_first += done
    # The case opens, the chain and the documents verify.
    v = run("verify", case, check=False)
    if v.returncode != 0:
        sys.exit(f"crash-test: round {n} ({kind}): verify failed:\n{v.stdout}{v.stderr}")
    info = json.loads(run("info", case, "--json").stdout)
    by_file = {}
    for l in info["ledgers"]:
        by_file.setdefault(l["file"], []).append(l["rows"])
    for name, rows in expected.items():
        got = by_file.get(name, [])
        if len(got) > 1 or (got and got[0] != rows):
            sys.exit(f"crash-test: round {n} ({kind}): {name} has {got} rows, expected {rows} or absent")
    docs, entries, files = documents_and_entries()
    if docs != entries or len(files) != len(set(files)):
        sys.exit(f"crash-test: round {n} ({kind}): {docs} documents but {entries} import entries ({len(set(files))} files)")
    json.loads(run("allegations", case, "--json").stdout)
    json.loads(run("log", case, "--json").stdout)
    print(f"crash-test: round {n + 1}/{ROUNDS} {kind}: {'finished' if done else 'killed'}, verify ok")

present = sum(1 for name in expected if name in {l["file"] for l in json.loads(run("info", case, "--json").stdout)["ledgers"]})
if ENCRYPT:
    # No plaintext anywhere beside the case: the file, its WAL, spill files, the index.
    for dirpath, _, names in os.walk(work):
        for name in names:
            path = os.path.join(dirpath, name)
            if path.endswith((".csv", ".txt")) or "/letters_" in path or "timing-letters" in path:
                continue
            with open(path, "rb") as f:
                data = f.read()
            for secret in ("村民", "清水村", "冒领低保金"):
                if secret.encode("utf-8") in data:
                    sys.exit(f"crash-test: plaintext {secret!r} in {path}")
print(
    f"crash-test: ok{' (encrypted case)' if ENCRYPT else ''}: {ROUNDS} rounds ({kinds['import']} ledger imports, "
    f"{kinds['letters']} letter-folder imports, {kinds['check']} check runs, "
    f"{kinds['links']} link-edit bursts), {ROUNDS - finished_first} killed mid-way; "
    f"{present}/{len(expected)} test ledgers present, each complete; {documents_and_entries()[0]} documents, "
    f"each with its one audit entry"
)
subprocess.run(["rm", "-rf", work])

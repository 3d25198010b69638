//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn hecha() -> Command {
    let mut c = Command::cargo_bin("hecha").expect("binary built");
    c.env("HECHA_LANG", "zh-CN");
    c
}

pub fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(s).0.into_owned()
}

pub fn utf16le_bom(s: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    b
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A new case in a temporary directory.
pub fn new_case(dir: &Path) -> PathBuf {
    let case = dir.join("case.duckdb");
    hecha()
        .args(["new"])
        .arg(&case)
        .args(["--title", "测试案件", "--as-of", "2024-06-30"])
        .assert()
        .success();
    case
}

/// Imports with --json and returns (exit code, parsed reports).
pub fn import_json(case: &Path, paths: &[&Path], extra: &[&str]) -> (i32, serde_json::Value) {
    let out = hecha()
        .arg("import")
        .arg(case)
        .args(paths)
        .args(extra)
        .arg("--json")
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json: {e}\n{}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap_or(-1), v)
}

pub fn query_i64(case: &Path, sql: &str) -> i64 {
    let c = hecha::Case::open_read_only(case).expect("open");
    let rows = c.query_text(sql).expect("query");
    rows[0][0]
        .as_deref()
        .and_then(|v| v.parse().ok())
        .expect("one integer")
}

pub fn query_strings(case: &Path, sql: &str) -> Vec<Vec<Option<String>>> {
    let c = hecha::Case::open_read_only(case).expect("open");
    c.query_text(sql).expect("query")
}

/// Table and ledger counts: a failed import must leave both unchanged.
pub fn footprint(case: &Path) -> (i64, i64, i64) {
    (
        query_i64(case, "SELECT count(*) FROM ledgers"),
        query_i64(case, "SELECT count(*) FROM documents"),
        query_i64(
            case,
            "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'ledger_%'",
        ),
    )
}

/// A deterministic xorshift generator, so a failing case is reproducible.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Runs `hecha COMMAND CASE ARGS… --json`, asserts success, parses the output.
pub fn cli_json(args: &[&str], case: &Path) -> serde_json::Value {
    let out = hecha()
        .arg(args[0])
        .arg(case)
        .args(&args[1..])
        .arg("--json")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json: {e}\n{}", String::from_utf8_lossy(&out.stdout)))
}

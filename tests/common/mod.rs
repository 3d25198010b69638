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

/// The demo case with one clue worked: 李春生's report on 刘建国 (QSXF-2024-006)
/// has a subject with an ID number, a problem with evidence, and its events.
pub fn worked(dir: &Path) -> (hecha::Case, PathBuf, String) {
    hecha::i18n::set_lang(hecha::i18n::Lang::Zh);
    std::env::set_var("XDG_CACHE_HOME", dir.join("cache"));
    std::env::set_var("XDG_CONFIG_HOME", dir.join("config"));
    let path = dir.join("demo.duckdb");
    let (case, _) = hecha::demo::build_with(&path, None, &mut |_| {}).unwrap();
    hecha::checks::run(&case, &Default::default()).unwrap();
    let id = hecha::store::clues::id_of_record(case.reads(), "QSXF-2024-006")
        .unwrap()
        .unwrap();
    let number = hecha::register::clue(&case, &id.to_string(), None)
        .unwrap()
        .number;
    hecha::register::add_subject(
        &case,
        &number,
        "刘建国",
        Some("430423196505051019"),
        Some("石桥村党支部书记"),
    )
    .unwrap();
    let a = hecha::casework::allegations::allege_in(
        &case,
        Some(id),
        "截留通信铁塔建设用地补偿款",
        Some("分配表应得 10000 元，一卡通到账 4000 元"),
        None,
    )
    .unwrap();
    let finding = hecha::checks::latest_findings(&case, None)
        .unwrap()
        .unwrap()
        .2
        .into_iter()
        .find(|f| f.rule == "compensation-shortfall" && f.name == "李春生")
        .unwrap()
        .id;
    hecha::casework::link(
        &case,
        a,
        &hecha::casework::Item::Finding(finding),
        "supports",
        None,
    )
    .unwrap();
    hecha::casework::link(
        &case,
        a,
        &hecha::casework::Item::Document {
            source: "举报信_石桥村李春生实名举报刘建国.txt".into(),
            quote: "可是2023年8月10日我一卡通上只到账4000元。".into(),
        },
        "supports",
        None,
    )
    .unwrap();
    hecha::casework::set_status(
        &case,
        a,
        "属实",
        "分配表与支付明细相差 6000 元",
        Some("6000"),
    )
    .unwrap();
    (case, path, number)
}

pub fn docx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let re = regex::Regex::new(r"<w:t[^>]*>([^<]*)</w:t>").unwrap();
    re.captures_iter(&xml)
        .map(|c| {
            c[1].replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
        })
        .collect::<Vec<_>>()
        .concat()
}

//! `hecha bench import`: a generated payments ledger, imported through the full
//! pipeline (GBK decode, normalise, load), timed next to DuckDB's own
//! `read_csv` of the same rows (as UTF-8, which is all `read_csv` can read).

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use hecha::case::Case;
use hecha::normalise::id_check_char;
use hecha::store::baseline::PlainDb;

use super::{mib, rss_mib, timed_import, Rng, VILLAGES};
use crate::cli::error::Result;

/// Figures printed and returned by the benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportBench {
    pub rows: u64,
    pub gbk_bytes: u64,
    pub import_secs: f64,
    pub import_rows_per_sec: f64,
    pub read_csv_secs: f64,
    pub read_csv_rows_per_sec: f64,
    pub ratio: f64,
    pub peak_rss_mib: Option<f64>,
    pub rss_before_mib: Option<f64>,
}

const SURNAMES: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "彭", "沈", "成", "谭", "曾",
];
const GIVEN: &[&str] = &[
    "海山", "秀英", "建国", "桂兰", "志强", "玉梅", "德华", "春花", "国庆", "红霞", "明", "芳",
    "伟", "静",
];
const PROGRAMS: &[&str] = &[
    "低保",
    "高龄津贴",
    "残疾人护理补贴",
    "禁牧补助",
    "耕地地力保护补贴",
    "特困供养",
];

fn id_number(rng: &mut Rng) -> String {
    let y = 1930 + rng.next() % 75;
    let m = 1 + rng.next() % 12;
    let d = 1 + rng.next() % 28;
    let seq = rng.next() % 1000;
    let first17 = format!("430423{y:04}{m:02}{d:02}{seq:03}");
    let check = id_check_char(first17.as_bytes()).unwrap_or(b'X') as char;
    format!("{first17}{check}")
}

/// Writes `rows` payment rows as GBK (Excel-style CRLF) and as UTF-8.
pub(super) fn generate(gbk: &Path, utf8: &Path, rows: u64) -> Result<()> {
    let mut g = std::io::BufWriter::new(std::fs::File::create(gbk)?);
    let mut u = std::io::BufWriter::new(std::fs::File::create(utf8)?);
    let header = "姓名,身份证号码,村(社区),补贴项目,发放年月,发放日期,发放金额(元),银行卡号\r\n";
    let mut put = |line: &str| -> std::io::Result<()> {
        g.write_all(&encoding_rs::GBK.encode(line).0)?;
        u.write_all(line.as_bytes())
    };
    put(header)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut line = String::with_capacity(160);
    for i in 0..rows {
        use std::fmt::Write as _;
        line.clear();
        let month = 1 + (i % 12);
        let fen = 10_000 + rng.next() % 200_000;
        let _ = write!(
            line,
            "{}{},{},{},{},2023{:02},2023/{}/{},{}.{:02},6217{:012}\r\n",
            rng.pick(SURNAMES),
            rng.pick(GIVEN),
            id_number(&mut rng),
            rng.pick(VILLAGES),
            rng.pick(PROGRAMS),
            month,
            month,
            1 + rng.next() % 28,
            fen / 100,
            fen % 100,
            rng.next() % 1_000_000_000_000
        );
        put(&line)?;
    }
    g.flush()?;
    u.flush()?;
    Ok(())
}

/// Runs the import benchmark in `dir` and returns the figures.
pub fn run(dir: &Path, rows: u64, log: &mut dyn FnMut(&str)) -> Result<ImportBench> {
    let gbk = dir.join("payments-gbk.csv");
    let utf8 = dir.join("payments-utf8.csv");
    log(&format!("generating {rows} rows …"));
    generate(&gbk, &utf8, rows)?;
    let gbk_bytes = std::fs::metadata(&gbk)?.len();

    let rss_before = rss_mib("VmRSS:");
    let case_path = dir.join("bench.duckdb");
    let case = Case::create(&case_path, Some("bench"), None)?;
    log("importing through hecha (GBK decode + normalise + load) …");
    let (import_secs, peak) = timed_import(&case, std::slice::from_ref(&gbk))?;
    drop(case);

    log("DuckDB read_csv of the same rows (UTF-8) into a plain table …");
    let db = PlainDb::open(&dir.join("plain.duckdb"))?;
    let t = Instant::now();
    db.read_csv(&utf8)?;
    let read_csv_secs = t.elapsed().as_secs_f64();
    let n = db.plain_rows()?;
    debug_assert_eq!(n as u64, rows);

    Ok(ImportBench {
        rows,
        gbk_bytes,
        import_secs,
        import_rows_per_sec: rows as f64 / import_secs,
        read_csv_secs,
        read_csv_rows_per_sec: rows as f64 / read_csv_secs,
        ratio: import_secs / read_csv_secs,
        peak_rss_mib: peak,
        rss_before_mib: rss_before,
    })
}

pub fn print(b: &ImportBench) {
    println!("rows                      {}", b.rows);
    println!(
        "GBK file                  {:.1} MiB",
        b.gbk_bytes as f64 / 1048576.0
    );
    println!(
        "hecha import (GBK)        {:.2} s   {:.0} rows/s",
        b.import_secs, b.import_rows_per_sec
    );
    println!(
        "DuckDB read_csv (UTF-8)   {:.2} s   {:.0} rows/s",
        b.read_csv_secs, b.read_csv_rows_per_sec
    );
    println!("ratio import / read_csv   {:.2}×", b.ratio);
    println!(
        "peak RSS after import     {}  (before: {})",
        mib(b.peak_rss_mib),
        mib(b.rss_before_mib)
    );
}

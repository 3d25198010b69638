//! `hecha bench crypt`: what encryption costs. The same generated payments
//! ledger imported into a plain case and an encrypted one (DuckDB's block
//! encryption with hecha's provider), then, on each: one small change (an
//! allegation) timed twenty times, a full scan of the ledger, and the peak
//! memory of the process for the encrypted case. Run at two sizes to see
//! whether a commit's cost grows with the case.

use std::path::Path;
use std::time::Instant;

use hecha::case::Case;
use hecha::ingest::{self, ImportOptions, Status};

use super::{reset_peak_rss, rss_mib};
use crate::cli::error::{Error, Result};

const PASS: &str = "bench passphrase 2026";
const EDITS: usize = 20;

/// One kind of case's figures.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Side {
    pub file_mib: f64,
    pub import_secs: f64,
    /// Median of twenty one-allegation changes (transaction + audit entry).
    pub commit_ms: f64,
    pub open_ms: f64,
    pub scan_ms: f64,
    pub peak_rss_mib: Option<f64>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CryptBench {
    pub rows: u64,
    pub plain: Side,
    pub encrypted: Side,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn side(dir: &Path, csv: &Path, encrypted: bool, log: &mut dyn FnMut(&str)) -> Result<Side> {
    let path = dir.join(if encrypted {
        "sealed.duckdb"
    } else {
        "plain.duckdb"
    });
    reset_peak_rss();
    let t = Instant::now();
    let case = if encrypted {
        Case::create_encrypted(&path, Some("bench"), None, PASS)?
    } else {
        Case::create(&path, Some("bench"), None)?
    };
    log(&format!(
        "importing into the {} case …",
        if encrypted { "encrypted" } else { "plain" }
    ));
    let reports = ingest::import_paths(
        &case,
        std::slice::from_ref(&csv.to_path_buf()),
        &ImportOptions::default(),
        &mut |_| {},
    );
    if let Some(r) = reports.iter().find(|r| r.status != Status::Imported) {
        return Err(Error::BenchImportFailed(
            r.error.clone().unwrap_or_default(),
        ));
    }
    let import_secs = t.elapsed().as_secs_f64();
    drop(case);
    let t = Instant::now();
    let case = Case::open_with(&path, &|_| Ok(PASS.to_string()))?;
    let open_ms = t.elapsed().as_secs_f64() * 1e3;
    let mut commits = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let t = Instant::now();
        hecha::casework::allege(&case, &format!("测试问题 {i}"), None, None)?;
        commits.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let t = Instant::now();
    let (rows, total) = hecha::store::baseline::scan_payments(&case)?;
    let scan_ms = t.elapsed().as_secs_f64() * 1e3;
    log(&format!("  {rows} rows scanned, ¥{total}"));
    let peak = rss_mib("VmHWM:");
    drop(case);
    Ok(Side {
        file_mib: std::fs::metadata(&path)?.len() as f64 / 1048576.0,
        import_secs,
        commit_ms: median(commits),
        open_ms,
        scan_ms,
        peak_rss_mib: peak,
    })
}

pub fn run(dir: &Path, rows: u64, log: &mut dyn FnMut(&str)) -> Result<CryptBench> {
    let gbk = dir.join("payments-gbk.csv");
    let utf8 = dir.join("payments-utf8.csv");
    log(&format!("generating {rows} rows …"));
    super::import::generate(&gbk, &utf8, rows)?;
    let plain = side(dir, &gbk, false, log)?;
    let encrypted = side(dir, &gbk, true, log)?;
    Ok(CryptBench {
        rows,
        plain,
        encrypted,
    })
}

pub fn print(b: &CryptBench) {
    println!("rows                      {}", b.rows);
    println!("                          plain        encrypted");
    let row = |name: &str, p: String, e: String| println!("{name:<26}{p:<13}{e}");
    row(
        "case file",
        format!("{:.1} MiB", b.plain.file_mib),
        format!("{:.1} MiB", b.encrypted.file_mib),
    );
    row(
        "import",
        format!("{:.2} s", b.plain.import_secs),
        format!("{:.2} s", b.encrypted.import_secs),
    );
    row(
        "open (incl. Argon2id)",
        format!("{:.0} ms", b.plain.open_ms),
        format!("{:.0} ms", b.encrypted.open_ms),
    );
    row(
        "one change (median)",
        format!("{:.1} ms", b.plain.commit_ms),
        format!("{:.1} ms", b.encrypted.commit_ms),
    );
    row(
        "full scan of the ledger",
        format!("{:.0} ms", b.plain.scan_ms),
        format!("{:.0} ms", b.encrypted.scan_ms),
    );
    row(
        "peak RSS",
        super::mib(b.plain.peak_rss_mib),
        super::mib(b.encrypted.peak_rss_mib),
    );
}

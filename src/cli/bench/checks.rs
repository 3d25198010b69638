//! `hecha bench checks`: a generated township (and, with `--statements`, a
//! bank statement of its payees' cards) imported, all rules run through
//! hecha, and the same SQL run directly in DuckDB.

use std::path::Path;
use std::time::Instant;

use hecha::case::{memory_limit_mb, Case};
use hecha::checks::{self, RunOptions};
use hecha::normalise::Ymd;
use hecha::store::baseline::PlainDb;

use super::{mib, reset_peak_rss, rss_mib, timed_import, township};
use crate::cli::error::Result;

/// The rules over bank statements.
const FUND_FLOW: [&str; 4] = [
    "subsidy-diverted",
    "pooled-accounts",
    "cash-structuring",
    "cadre-inflow",
];

/// Figures of the checks benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChecksBench {
    pub payment_rows: u64,
    pub other_rows: u64,
    pub statement_rows: u64,
    /// Rows of the overlapping second payments export.
    pub overlap_rows: u64,
    pub import_secs: f64,
    /// (rule, findings, hecha ms, direct SQL ms)
    pub rules: Vec<(String, usize, u64, u64)>,
    pub hecha_rules_ms: u64,
    pub direct_ms: u64,
    /// The whole `hecha check` run: rules plus storing the findings.
    pub run_ms: u64,
    pub memory_limit_mb: u64,
    /// Findings of the timed run.
    pub findings: usize,
    /// Peak RSS of generation, import and the warm-up run.
    pub peak_rss_mib: Option<f64>,
    /// Peak RSS during the timed run alone (Linux; else the whole peak).
    pub run_peak_rss_mib: Option<f64>,
}

/// Runs the checks benchmark: generate, import, run all rules through hecha,
/// and run the same SQL directly in DuckDB.
pub fn run(
    dir: &Path,
    rows: u64,
    statements: u64,
    overlap: u64,
    log: &mut dyn FnMut(&str),
) -> Result<ChecksBench> {
    log(&format!(
        "generating {rows} payment rows and the other ledgers …"
    ));
    let (mut files, payment_rows, other_rows) = township::generate(dir, rows)?;
    let mut statement_rows = 0;
    if statements > 0 {
        log(&format!("generating {statements} bank statement rows …"));
        let (f, n) = township::statements(dir, statements, (rows / 10).max(10))?;
        files.push(f);
        statement_rows = n;
    }
    let mut overlap_rows = 0;
    if overlap > 0 {
        log(&format!(
            "generating an overlapping export of {overlap} payment rows …"
        ));
        let (f, n) = township::overlap(dir, overlap.min(payment_rows))?;
        files.push(f);
        overlap_rows = n;
    }
    let case_path = dir.join("checks.duckdb");
    for p in [case_path.clone(), dir.join("checks.duckdb.wal")] {
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    let case = Case::create(&case_path, Some("checks bench"), Ymd::new(2024, 6, 30))?;
    log("importing …");
    let (import_secs, peak) = timed_import(&case, &files)?;
    let (run, run_ms, run_peak) = timed_run(&case, log)?;
    let (rules, _) = checks::load_rules(Some(&case));
    drop(case);
    let (out, hecha_total, direct_total) = direct(&case_path, &run, &rules, log)?;
    Ok(ChecksBench {
        payment_rows,
        other_rows,
        statement_rows,
        overlap_rows,
        import_secs,
        rules: out,
        hecha_rules_ms: hecha_total,
        direct_ms: direct_total,
        run_ms,
        memory_limit_mb: memory_limit_mb(),
        findings: run.findings_total(),
        peak_rss_mib: peak,
        run_peak_rss_mib: run_peak,
    })
}

/// Every rule run through hecha on `case`, after a warm-up pass so that
/// neither hecha nor the direct SQL is measured on a cold cache (the timed run
/// is a rerun, as an officer's would be): the run, its milliseconds (storing
/// the findings included) and its peak RSS.
pub(super) fn timed_run(
    case: &Case,
    log: &mut dyn FnMut(&str),
) -> Result<(checks::RunReport, u64, Option<f64>)> {
    log("running every rule (warm-up) …");
    let _ = checks::run(case, &RunOptions::default())?;
    log("running every rule through hecha …");
    reset_peak_rss();
    let t = Instant::now();
    let run = checks::run(case, &RunOptions::default())?;
    let ms = t.elapsed().as_millis() as u64;
    Ok((run, ms, rss_mib("VmHWM:")))
}

/// Runs the SQL of every rule of `run` (those without a pass of hecha's
/// own) directly on a plain DuckDB connection to the case, with the same
/// bound parameters and memory limit, fetching the rows and nothing else:
/// (rule, findings, hecha ms, direct ms) per rule, and the two totals.
pub(super) fn direct(
    case_path: &Path,
    run: &checks::RunReport,
    rules: &[checks::Rule],
    log: &mut dyn FnMut(&str),
) -> Result<RuleTimes> {
    log("running the same SQL directly in DuckDB …");
    let db = PlainDb::open(case_path)?;
    db.set_memory_limit_mb(memory_limit_mb())?;
    let mut out = Vec::new();
    let mut direct_total = 0u64;
    let mut hecha_total = 0u64;
    for rr in &run.rules {
        let Some(rule) = rules.iter().find(|r| r.id == rr.id) else {
            continue;
        };
        // Rules over documents stage their input in a pass of hecha's own
        // (`prepare`): there is no plain SQL to compare.
        if rule.prepare.is_some() {
            continue;
        }
        let mut query = db.prepare(&rule.sql, &|name| {
            if name == "as_of" {
                run.as_of.clone()
            } else {
                rr.params.get(name).cloned().unwrap_or_default()
            }
        })?;
        let t = Instant::now();
        let n = query.count_rows()?;
        let ms = t.elapsed().as_millis() as u64;
        debug_assert_eq!(n, rr.findings);
        direct_total += ms;
        hecha_total += rr.ms;
        out.push((rr.id.clone(), rr.findings, rr.ms, ms));
    }
    Ok((out, hecha_total, direct_total))
}

/// Per rule (rule, findings, hecha ms, direct ms), then hecha's and the
/// direct total.
pub(super) type RuleTimes = (Vec<(String, usize, u64, u64)>, u64, u64);

/// The rule table of a checks run against the direct SQL.
pub(super) fn print_rules(
    rules: &[(String, usize, u64, u64)],
    hecha_ms: u64,
    direct_ms: u64,
    statements: bool,
) {
    println!(
        "  {:<24} {:>9} {:>10} {:>10} {:>7}",
        "rule", "findings", "hecha ms", "direct ms", "ratio"
    );
    for (id, n, h, d) in rules {
        let ratio = if *d > 0 {
            format!("{:.2}×", *h as f64 / *d as f64)
        } else {
            "-".into()
        };
        println!("  {id:<24} {n:>9} {h:>10} {d:>10} {ratio:>7}");
    }
    let ratio = if direct_ms > 0 {
        hecha_ms as f64 / direct_ms as f64
    } else {
        0.0
    };
    let (mut fh, mut fd) = (0u64, 0u64);
    for (id, _, h, d) in rules {
        if FUND_FLOW.contains(&id.as_str()) {
            fh += h;
            fd += d;
        }
    }
    if statements {
        println!(
            "  {:<24} {:>9} {:>10} {:>10} {:>6.2}×",
            "fund-flow rules (4)",
            "",
            fh,
            fd,
            if fd > 0 { fh as f64 / fd as f64 } else { 0.0 }
        );
    }
    println!(
        "  {:<24} {:>9} {:>10} {:>10} {:>6.2}×",
        format!("total ({} rules)", rules.len()),
        "",
        hecha_ms,
        direct_ms,
        ratio
    );
}

pub fn print(b: &ChecksBench) {
    println!("payment rows              {}", b.payment_rows);
    println!("other ledger rows         {}", b.other_rows);
    println!("bank statement rows       {}", b.statement_rows);
    println!("overlapping payment rows  {}", b.overlap_rows);
    println!("import (all ledgers)      {:.1} s", b.import_secs);
    println!("DuckDB memory_limit       {} MB", b.memory_limit_mb);
    println!();
    print_rules(
        &b.rules,
        b.hecha_rules_ms,
        b.direct_ms,
        b.statement_rows > 0,
    );
    println!();
    println!("whole run incl. storing findings   {} ms", b.run_ms);
    println!("findings                           {}", b.findings);
    println!("peak RSS (import, warm-up run)     {}", mib(b.peak_rss_mib));
    println!(
        "peak RSS (the timed run)           {}",
        mib(b.run_peak_rss_mib)
    );
}

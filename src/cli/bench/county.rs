//! `hecha bench county`: a county-size case (33 million records by default,
//! as the seeds' county platform holds) generated in the shape of DOMAIN.md —
//! payments dominating, every ledger role present, a bank statement of the
//! payees' cards, a folder of letters — imported, indexed, every rule run
//! through hecha and the same SQL directly, and the workbench opened on it.

use std::path::Path;
use std::time::Instant;

use hecha::case::{memory_limit_mb, Case};
use hecha::checks;
use hecha::normalise::Ymd;
use hecha::search::SearchIndex;

use super::{
    anon_peak_during, checks as checks_bench, letters, max_peak, mib, reset_peak_rss, rss_mib,
    timed_import, township, tui,
};
use crate::cli::error::Result;
use crate::cli::opening;

/// Figures of the county benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CountyBench {
    pub records: u64,
    pub payment_rows: u64,
    pub statement_rows: u64,
    pub other_rows: u64,
    pub csv_mib: f64,
    pub generate_secs: f64,
    /// Every ledger, through the normal pipeline.
    pub import_secs: f64,
    pub import_peak_rss_mib: Option<f64>,
    pub letters: u64,
    pub letter_mib: f64,
    pub letters_import_secs: f64,
    pub case_file_mib: f64,
    pub index_secs: f64,
    pub index_mib: f64,
    /// Peak RSS over importing the letters and building the index.
    pub index_peak_rss_mib: Option<f64>,
    /// The index build's peak of anonymous memory (without the index's
    /// memory-mapped segments, which `index_peak_rss_mib` counts).
    pub index_peak_anon_mib: Option<f64>,
    /// (rule, findings, hecha ms, direct ms)
    pub rules: Vec<(String, usize, u64, u64)>,
    pub hecha_rules_ms: u64,
    pub direct_ms: u64,
    /// The whole `hecha check`, storing the findings included.
    pub run_ms: u64,
    pub findings: usize,
    pub run_peak_rss_mib: Option<f64>,
    pub memory_limit_mb: u64,
    /// The workbench on the case: first frame, keystrokes.
    #[serde(flatten)]
    pub workbench: tui::Measured,
    pub tui_peak_rss_mib: Option<f64>,
    /// Peak RSS of the whole process.
    pub peak_rss_mib: Option<f64>,
}

fn file_mib(p: &Path) -> f64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) as f64 / 1048576.0
}

fn dir_mib(p: &Path) -> f64 {
    fn walk(p: &Path) -> u64 {
        let Ok(rd) = std::fs::read_dir(p) else {
            return 0;
        };
        rd.flatten()
            .map(|e| match e.file_type() {
                Ok(t) if t.is_dir() => walk(&e.path()),
                _ => e.metadata().map(|m| m.len()).unwrap_or(0),
            })
            .sum()
    }
    walk(p) as f64 / 1048576.0
}

/// Runs the county benchmark in `dir`: `records` ledger records in all and
/// `letter_files` letters.
pub fn run(
    dir: &Path,
    records: u64,
    letter_files: u64,
    log: &mut dyn FnMut(&str),
) -> Result<CountyBench> {
    // The index goes under the benchmark's directory, not the user's cache.
    std::env::set_var("XDG_CACHE_HOME", dir.join("cache"));
    // Payments dominate (85%); the township adds ~13% of other ledgers in
    // proportion; a bank statement of the payees' cards makes up the rest.
    let pay_target = (records * 85 / 100 / 10 * 10).max(100);
    log(&format!(
        "generating {records} records ({pay_target} payments, the other ledgers, a bank statement) …"
    ));
    let t = Instant::now();
    let (mut files, payment_rows, other_rows) = township::generate(dir, pay_target)?;
    let rest = records.saturating_sub(payment_rows + other_rows);
    let mut statement_rows = 0;
    if rest > 0 {
        let (f, n) = township::statements(dir, rest, payment_rows / 10)?;
        files.push(f);
        statement_rows = n;
    }
    let csv_mib: f64 = files.iter().map(|f| file_mib(f)).sum();
    let folder = dir.join("letters");
    if folder.exists() {
        std::fs::remove_dir_all(&folder)?;
    }
    std::fs::create_dir_all(&folder)?;
    let letter_bytes = letters::write_letters(&folder, letter_files)?;
    let generate_secs = t.elapsed().as_secs_f64();

    let case_path = dir.join("county.duckdb");
    for p in [case_path.clone(), dir.join("county.duckdb.wal")] {
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    let case = Case::create(&case_path, Some("county bench"), Ymd::new(2024, 6, 30))?;
    log(&format!("importing {} ledgers …", files.len()));
    let (import_secs, import_peak_rss_mib) = timed_import(&case, &files)?;
    log(&format!("importing {letter_files} letters …"));
    let (letters_import_secs, _) = timed_import(&case, std::slice::from_ref(&folder))?;
    log("building the search index …");
    let t = Instant::now();
    let (index, index_peak_anon_mib) =
        anon_peak_during(|| SearchIndex::rebuild(&case, &mut |_, _| {}));
    let index_secs = t.elapsed().as_secs_f64();
    drop(index?);
    // Letters and the index build share one reading.
    let index_peak_rss_mib = rss_mib("VmHWM:");
    let index_mib = dir_mib(&hecha::search::index_dir(&case)?);

    let (run, run_ms, run_peak_rss_mib) = checks_bench::timed_run(&case, log)?;
    let (rules, _) = checks::load_rules(Some(&case));
    drop(case);
    let (rule_times, hecha_rules_ms, direct_ms) =
        checks_bench::direct(&case_path, &run, &rules, log)?;
    let case_file_mib = file_mib(&case_path);

    reset_peak_rss();
    {
        // Settle the case (checkpoint) before the workbench opens it.
        let _ = opening::read_write(&case_path)?;
    }
    let m = tui::measure(&case_path, log)?;
    let tui_peak_rss_mib = rss_mib("VmHWM:");
    let peak = [index_peak_rss_mib, run_peak_rss_mib, tui_peak_rss_mib]
        .into_iter()
        .fold(import_peak_rss_mib, max_peak);
    Ok(CountyBench {
        records: payment_rows + other_rows + statement_rows,
        payment_rows,
        statement_rows,
        other_rows,
        csv_mib,
        generate_secs,
        import_secs,
        import_peak_rss_mib,
        letters: letter_files,
        letter_mib: letter_bytes as f64 / 1048576.0,
        letters_import_secs,
        case_file_mib,
        index_secs,
        index_mib,
        index_peak_rss_mib,
        index_peak_anon_mib,
        findings: run.findings_total(),
        rules: rule_times,
        hecha_rules_ms,
        direct_ms,
        run_ms,
        run_peak_rss_mib,
        memory_limit_mb: memory_limit_mb(),
        workbench: m,
        tui_peak_rss_mib,
        peak_rss_mib: peak,
    })
}

pub fn print(b: &CountyBench) {
    let target = |ok: bool| if ok { "✓" } else { "✗" };
    println!(
        "records                  {} ({} payments, {} bank statement, {} in other ledgers; {:.0} MiB of CSV)",
        b.records, b.payment_rows, b.statement_rows, b.other_rows, b.csv_mib
    );
    println!("generated in             {:.1} s", b.generate_secs);
    println!(
        "import (every ledger)    {:.1} s   {:.0} rows/s   peak RSS {}   [target ≤ 60 s {}]",
        b.import_secs,
        b.records as f64 / b.import_secs.max(1e-9),
        mib(b.import_peak_rss_mib),
        target(b.import_secs <= 60.0)
    );
    println!(
        "letters                  {} ({:.1} MiB) in {:.1} s   {:.0} files/s",
        b.letters,
        b.letter_mib,
        b.letters_import_secs,
        b.letters as f64 / b.letters_import_secs.max(1e-9)
    );
    println!("case file                {:.0} MiB", b.case_file_mib);
    println!(
        "search index             {:.1} MiB, built in {:.1} s ({:.0} records/s, {:.1} MiB/s of source text)   [target ≥ 10 MiB/s {}]",
        b.index_mib,
        b.index_secs,
        (b.records + b.letters) as f64 / b.index_secs.max(1e-9),
        (b.csv_mib + b.letter_mib) / b.index_secs.max(1e-9),
        target((b.csv_mib + b.letter_mib) / b.index_secs.max(1e-9) >= 10.0)
    );
    println!(
        "letters + index peak RSS {}   (index build, anonymous memory only: {}; the rest is the index's memory-mapped segments)",
        mib(b.index_peak_rss_mib),
        mib(b.index_peak_anon_mib)
    );
    println!("DuckDB memory_limit      {} MB", b.memory_limit_mb);
    println!();
    checks_bench::print_rules(
        &b.rules,
        b.hecha_rules_ms,
        b.direct_ms,
        b.statement_rows > 0,
    );
    let ratio = b.hecha_rules_ms as f64 / (b.direct_ms.max(1)) as f64;
    println!();
    println!(
        "all rules through hecha  {:.1} s   [target ≤ 60 s {}]   {:.2}× direct [target ≤ 1.2× {}]",
        b.hecha_rules_ms as f64 / 1000.0,
        target(b.hecha_rules_ms <= 60_000),
        ratio,
        target(ratio <= 1.2)
    );
    println!(
        "whole hecha check        {:.1} s, {} findings stored, peak RSS {}",
        b.run_ms as f64 / 1000.0,
        b.findings,
        mib(b.run_peak_rss_mib)
    );
    let w = &b.workbench;
    let (lo, hi) = w.first_frame_range_ms;
    println!(
        "first frame              {:.1} ms ({lo:.1} – {hi:.1})   [target ≤ 300 ms {}]",
        w.first_frame_ms,
        target(w.first_frame_ms <= 300.0)
    );
    let (a, p, m) = w.key_to_redraw_ms;
    println!(
        "search key → redraw      p50 {a:.2} / p99 {p:.2} / max {m:.2} ms ({} keys)   [target ≤ 16 ms {}]",
        w.keystrokes,
        target(p <= 16.0)
    );
    let (a, p, m) = w.key_to_results_ms;
    println!("search key → results     p50 {a:.2} / p99 {p:.2} / max {m:.2} ms");
    let (a, p, m) = w.findings_key_ms;
    println!(
        "findings ↓ → redraw      p50 {a:.2} / p99 {p:.2} / max {m:.2} ms ({} keys)   [target ≤ 16 ms {}]",
        w.findings_keys,
        target(p <= 16.0)
    );
    println!("workbench peak RSS       {}", mib(b.tui_peak_rss_mib));
    println!(
        "peak RSS (any phase)     {}   [target ≤ 2 GiB {}]",
        mib(b.peak_rss_mib),
        target(b.peak_rss_mib.is_some_and(|x| x <= 2048.0))
    );
}

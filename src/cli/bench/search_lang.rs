//! The query language's costs in `hecha bench search`: homophone (`name~`)
//! and `NEAR/N` latency over the same generated documents, and regular
//! expressions against ripgrep over the same original texts.

use std::path::Path;
use std::time::Instant;

use hecha::search::SearchIndex;

use super::Rng;
use crate::cli::error::Result;

/// (what, queries, p50 ms, p99 ms)
pub type LangLatency = (String, usize, f64, f64);

/// (pattern, hecha ms, hits, rg ms, rg files)
pub type RegexRun = (String, f64, usize, Option<f64>, Option<usize>);

fn percentiles(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    (pct(0.5), pct(0.99))
}

fn timed(idx: &SearchIndex, queries: &[String]) -> Result<(f64, f64)> {
    for q in queries {
        idx.search(q, 20)?;
    }
    let mut times = Vec::with_capacity(queries.len());
    for q in queries {
        let t = Instant::now();
        idx.search(q, 20)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(percentiles(times))
}

/// Homophone and NEAR latency: 200 queries each.
pub fn latency(
    idx: &SearchIndex,
    rng: &mut Rng,
    names: &[String],
    words: &[&str],
) -> Result<Vec<LangLatency>> {
    let mut out = Vec::new();
    let homophones: Vec<String> = (0..200)
        .map(|_| format!("{}~", names[(rng.next() % names.len() as u64) as usize]))
        .collect();
    let (p50, p99) = timed(idx, &homophones)?;
    out.push(("name~".to_string(), homophones.len(), p50, p99));
    let near: Vec<String> = (0..200)
        .map(|_| {
            let a = words[(rng.next() % words.len() as u64) as usize];
            let b = words[(rng.next() % words.len() as u64) as usize];
            format!("\"{a}\" NEAR/20 \"{b}\"")
        })
        .collect();
    let (p50, p99) = timed(idx, &near)?;
    out.push(("NEAR/20".to_string(), near.len(), p50, p99));
    Ok(out)
}

/// Each pattern through hecha (every hit counted) and through `rg -l` over
/// the original texts.
pub fn regex(idx: &SearchIndex, raw_dir: &Path) -> Result<Vec<RegexRun>> {
    let patterns = [
        r"\d{5}",
        r"(张|王)(海山|秀英)",
        r"截留.{0,10}补偿款",
        r"[0-9]{4}年",
    ];
    let mut out = Vec::new();
    for p in patterns {
        let q = format!("/{p}/");
        idx.search(&q, 20)?;
        let t = Instant::now();
        let hits = idx.search(&q, 20)?.total;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let rg = std::process::Command::new("rg")
            .args(["-l", "--no-messages", "-e", p])
            .arg(raw_dir)
            .output();
        let (rg_ms, rg_files) = match rg {
            Ok(o) => (
                Some(t.elapsed().as_secs_f64() * 1000.0),
                Some(o.stdout.iter().filter(|&&b| b == b'\n').count()),
            ),
            Err(_) => (None, None),
        };
        out.push((p.to_string(), ms, hits, rg_ms, rg_files));
    }
    Ok(out)
}

pub fn print(lat: &[LangLatency], regex: &[RegexRun]) {
    println!();
    println!(
        "  {:<10} {:>8} {:>9} {:>9}",
        "query", "queries", "p50 ms", "p99 ms"
    );
    for (what, n, p50, p99) in lat {
        println!("  {what:<10} {n:>8} {p50:>9.2} {p99:>9.2}");
    }
    println!();
    println!(
        "  {:<22} {:>10} {:>8} {:>10} {:>9} {:>8}",
        "regex", "hecha ms", "hits", "rg ms", "rg files", "ratio"
    );
    for (p, ms, hits, rg, rg_n) in regex {
        let rg_s = rg
            .map(|r| format!("{r:.0}"))
            .unwrap_or_else(|| "n/a".into());
        let n_s = rg_n.map(|n| n.to_string()).unwrap_or_default();
        let ratio = rg
            .map(|r| format!("{:.2}×", ms / r.max(0.001)))
            .unwrap_or_default();
        println!("  {p:<22} {ms:>10.0} {hits:>8} {rg_s:>10} {n_s:>9} {ratio:>8}");
    }
}

//! `hecha bench similar`: the near-duplicate pass over N generated documents
//! of ~2 KB (the search benchmark's generator) with planted near-duplicate
//! groups, through the rule `near-duplicate` on a case; and, on the first
//! `naive` of them, MinHash banding against comparing every pair (same
//! groups required).

use std::path::Path;
use std::time::Instant;

use hecha::case::Case;
use hecha::checks::similar::{self, Input, Params, Stats};
use hecha::store::baseline::{append_letters, BulkLetter};

use super::search::gen_doc;
use super::{rss_mib, Rng};
use crate::cli::error::Result;

/// Figures of the near-duplicate benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SimilarBench {
    pub documents: u64,
    pub text_mb: f64,
    /// Planted groups (a principal and its edited copies).
    pub planted: usize,
    /// The rule through hecha (read texts, pass, SQL, findings, stored run).
    pub rule_secs: f64,
    pub rule_findings: usize,
    /// The pass alone over the same texts in memory.
    pub pass_secs: f64,
    pub pass: Stats,
    pub planted_found: usize,
    pub peak_rss_mib: Option<f64>,
    pub naive_documents: usize,
    pub naive_secs: f64,
    pub banded_secs: f64,
    pub naive_groups: usize,
    pub same_groups: bool,
}

/// A copy of `text` with about `percent` of its sentences rewritten.
fn edited(rng: &mut Rng, text: &str, percent: u64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fresh = String::new();
    for s in text.split_inclusive(['。', '，']) {
        if rng.next() % 100 < percent {
            gen_doc(rng, 1, &mut fresh);
            out.push_str(&fresh);
        } else {
            out.push_str(s);
        }
    }
    out
}

/// The benchmark: `docs` documents, one planted group per 500.
pub fn run(dir: &Path, docs: u64, naive: usize, log: &mut dyn FnMut(&str)) -> Result<SimilarBench> {
    log(&format!("generating {docs} documents …"));
    let mut rng = Rng(0x5EED_0016_D0C5_0001);
    let mut texts: Vec<String> = Vec::with_capacity(docs as usize);
    let mut planted: Vec<Vec<usize>> = Vec::new();
    let mut buf = String::new();
    while (texts.len() as u64) < docs {
        gen_doc(&mut rng, 2000, &mut buf);
        let at = texts.len();
        texts.push(buf.clone());
        if at % 500 == 7 {
            // Two edited copies: ~2% and ~5% of the clauses rewritten.
            let mut group = vec![at];
            for pct in [2, 5] {
                if (texts.len() as u64) < docs {
                    let copy = edited(&mut rng, &texts[at], pct);
                    group.push(texts.len());
                    texts.push(copy);
                }
            }
            planted.push(group);
        }
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let case_path = dir.join("similar.duckdb");
    for p in [case_path.clone(), dir.join("similar.duckdb.wal")] {
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    let case = Case::create(&case_path, Some("similar bench"), None)?;
    append_letters(&case, |append| {
        for (i, text) in texts.iter().enumerate() {
            append(&BulkLetter {
                id: i as i64 + 1,
                title: &format!("b{i}"),
                source_file: &format!("{i:07}.txt"),
                sha256: &format!("{i:064x}"),
                imported_at: "2024-01-01 00:00:00",
                text,
            })?;
        }
        Ok(())
    })?;
    case.checkpoint()?;

    log("the rule near-duplicate through hecha …");
    let t = Instant::now();
    let report = hecha::checks::run(
        &case,
        &hecha::checks::RunOptions {
            rules: vec!["near-duplicate".into()],
            ..Default::default()
        },
    )?;
    let rule_secs = t.elapsed().as_secs_f64();

    log("the pass alone …");
    let inputs: Vec<Input<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Input {
            id: i as i64 + 1,
            kind: "letter",
            text,
        })
        .collect();
    let p = Params {
        similarity: 80,
        min_chars: 50,
    };
    let mut stats = Stats::default();
    let t = Instant::now();
    let groups = similar::groups_counted(&inputs, &p, &mut stats);
    let pass_secs = t.elapsed().as_secs_f64();
    let planted_found = planted
        .iter()
        .filter(|g| {
            groups.iter().any(|found| {
                g.iter()
                    .all(|&i| found.members.iter().any(|m| m.id == i as i64 + 1))
            })
        })
        .count();

    let n = naive.min(inputs.len());
    log(&format!("all pairs of the first {n} documents …"));
    let t = Instant::now();
    let all = similar::groups_all_pairs(&inputs[..n], &p);
    let naive_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let banded = similar::groups(&inputs[..n], &p);
    let banded_secs = t.elapsed().as_secs_f64();
    Ok(SimilarBench {
        documents: docs,
        text_mb: bytes as f64 / 1e6,
        planted: planted.len(),
        rule_secs,
        rule_findings: report.findings_total(),
        pass_secs,
        pass: stats,
        planted_found,
        peak_rss_mib: rss_mib("VmHWM:"),
        naive_documents: n,
        naive_secs,
        banded_secs,
        naive_groups: all.len(),
        same_groups: all == banded,
    })
}

pub fn print(b: &SimilarBench) {
    println!(
        "documents            {} ({:.0} MB of text, {} planted groups)",
        b.documents, b.text_mb, b.planted
    );
    println!(
        "rule near-duplicate  {:.2} s through hecha, {} findings",
        b.rule_secs, b.rule_findings
    );
    println!(
        "pass alone           {:.2} s: {} candidate pairs, {} compared exactly; planted found {}/{}",
        b.pass_secs, b.pass.candidates, b.pass.compared, b.planted_found, b.planted
    );
    println!("peak memory          {}", super::mib(b.peak_rss_mib));
    println!(
        "first {} documents   all pairs {:.2} s, banded {:.3} s ({:.0}×), {} groups, same groups: {}",
        b.naive_documents,
        b.naive_secs,
        b.banded_secs,
        b.naive_secs / b.banded_secs.max(1e-9),
        b.naive_groups,
        if b.same_groups { "yes" } else { "NO" }
    );
}

//! `hecha search` and `hecha reindex`: full-text search over documents and
//! ledger rows.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use hecha::search::{self, BatchRow, SearchIndex, SearchResult};
use hecha::tr;

use crate::cli::error::{Error, Result};
use crate::cli::output::emit;
use crate::cli::progress::with_index_progress;
use crate::cli::{opening, EXIT_FAILED};

#[derive(Args)]
pub struct SearchArgs {
    case: PathBuf,
    /// 检索式：空格分隔的词同时出现；"…" 短语；-词 排除；kind: ledger: role: village: date:2021..2022
    #[arg(allow_hyphen_values = true)]
    query: Option<String>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// 批量检索：每行一个检索式 / a file of queries, one per line
    #[arg(long)]
    batch: Option<PathBuf>,
    /// 批量检索的输出格式 csv | json
    #[arg(long, default_value = "csv")]
    format: String,
    #[arg(long)]
    json: bool,
}

pub fn search(a: SearchArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let idx = with_index_progress(|p| SearchIndex::open(&c, p))?;
    if let Some(file) = &a.batch {
        let text = std::fs::read_to_string(file)?;
        let terms: Vec<String> = text
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        let rows = search::batch(&idx, &terms, a.limit);
        emit(
            a.format == "json" || a.json,
            rows.as_slice(),
            print_batch_csv,
        );
        return Ok(if rows.iter().any(|r| r.error.is_some()) {
            EXIT_FAILED
        } else {
            0
        });
    }
    let q = a.query.ok_or(Error::EmptyQuery)?;
    let r = idx.search(&q, a.limit)?;
    emit(a.json, &r.hits, |_| print_search(&r));
    Ok(0)
}

#[derive(Args)]
pub struct ReindexArgs {
    case: PathBuf,
}

pub fn reindex(a: ReindexArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let idx = with_index_progress(|p| SearchIndex::rebuild(&c, p))?;
    println!("{}", tr!("search.reindexed", n = idx.num_docs()));
    Ok(0)
}

/// The hits with their snippets, then the facets.
fn print_search(r: &SearchResult) {
    println!("{}", tr!("search.total", n = r.total));
    for (i, h) in r.hits.iter().enumerate() {
        let kind = tr!(&format!("kind.{}", h.kind));
        println!(
            "{:>3}. [{kind}] {}  ({}, {:.2})",
            i + 1,
            h.title,
            h.source,
            h.score
        );
        println!("     {}", h.snippet);
    }
    if r.total == 0 {
        return;
    }
    let f = &r.facets;
    let join = |m: &BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join("，")
    };
    println!();
    let kinds: BTreeMap<String, u64> = f
        .kind
        .iter()
        .map(|(k, v)| (tr!(&format!("kind.{k}")), *v))
        .collect();
    println!("{}：{}", tr!("search.facet_kind"), join(&kinds));
    if !f.ledger.is_empty() {
        println!("{}：{}", tr!("search.facet_ledger"), join(&f.ledger));
    }
    if !f.village.is_empty() {
        println!("{}：{}", tr!("search.facet_village"), join(&f.village));
    }
    if !f.year.is_empty() {
        let years: Vec<String> = f.year.iter().map(|(k, v)| format!("{k} {v}")).collect();
        println!("{}：{}", tr!("search.facet_year"), years.join("，"));
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Batch results as CSV: one line per hit, one line for a term without hits.
fn print_batch_csv(rows: &[BatchRow]) {
    println!("term,total,rank,kind,source,title,ledger,row,snippet,error");
    for r in rows {
        if r.hits.is_empty() {
            println!(
                "{},{},,,,,,,,{}",
                csv_field(&r.term),
                r.total,
                csv_field(r.error.as_deref().unwrap_or(""))
            );
        }
        for (i, h) in r.hits.iter().enumerate() {
            println!(
                "{},{},{},{},{},{},{},{},{},",
                csv_field(&r.term),
                r.total,
                i + 1,
                h.kind,
                csv_field(&h.source),
                csv_field(&h.title),
                csv_field(h.ledger.as_deref().unwrap_or("")),
                h.row.map(|r| r.to_string()).unwrap_or_default(),
                csv_field(&h.snippet)
            );
        }
    }
}

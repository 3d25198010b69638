//! `hecha search` and `hecha reindex`: full-text search over documents and
//! ledger rows.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use hecha::case::bulk::Bulk;
use hecha::casework;
use hecha::search::{self, BatchRow, SearchIndex, SearchResult};
use hecha::tr;

use crate::cli::error::{Error, Result};
use crate::cli::output::emit;
use crate::cli::progress::with_index_progress;
use crate::cli::{opening, EXIT_FAILED};

#[derive(Args)]
pub struct SearchArgs {
    case: PathBuf,
    /// 检索式：空格分隔的词同时出现；"…" 短语；-词 排除；"甲" NEAR/20 "乙"；/正则/；姓名~ 同音近音；kind: ledger: role: village: date:2021..2022
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
    /// 所有像姓名的词都查同音、近音写法 / every name-like term also finds its homophones
    #[arg(long)]
    fuzzy: bool,
    /// 给全部命中加标签（一条审计记录）/ tag every hit (one audit entry)
    #[arg(long)]
    tag: Option<String>,
    /// 给全部命中加星标 / star every hit
    #[arg(long)]
    star: bool,
    /// 把全部命中列为某个问题的证据 / link every hit to problem (allegation) ID
    #[arg(long)]
    link_problem: Option<i64>,
    /// 与 --link-problem 同用：证实 | 反驳 | 相关 / with --link-problem: supports | contradicts | relates
    #[arg(long, default_value = "supports")]
    relation: String,
    /// 全部命中导出为 .xlsx 或 .csv / every hit to a spreadsheet (.xlsx or .csv)
    #[arg(long)]
    export: Option<PathBuf>,
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
    let q = a.query.clone().ok_or(Error::EmptyQuery)?;
    let bulk = [a.tag.is_some(), a.star, a.link_problem.is_some()];
    if bulk.iter().filter(|b| **b).count() > 1 {
        return Err(Error::BulkNeedsOne);
    }
    if bulk.iter().any(|b| *b) || a.export.is_some() {
        drop(idx);
        drop(c);
        return result_set(&a, &q);
    }
    let r = idx.search_with(
        &q,
        &search::SearchOptions {
            limit: a.limit,
            fuzzy: a.fuzzy,
        },
    )?;
    emit(a.json, &r.hits, |_| {
        print_search(&r);
        if r.total > 0 {
            if let Ok(m) = idx.mention_facets(&q, a.fuzzy, 5) {
                print_mentions(&m);
            }
        }
    });
    Ok(0)
}

/// Every hit of the query, best first.
fn all_hits(idx: &SearchIndex, q: &str, fuzzy: bool) -> Result<Vec<search::Hit>> {
    let opts = |limit| search::SearchOptions { limit, fuzzy };
    let total = idx.search_with(q, &opts(1))?.total;
    Ok(idx.search_with(q, &opts(total.max(1)))?.hits)
}

/// `--tag`, `--star`, `--link-problem` and `--export`: the whole result set.
fn result_set(a: &SearchArgs, q: &str) -> Result<i32> {
    let writes = a.tag.is_some() || a.star || a.link_problem.is_some();
    let c = if writes {
        opening::read_write(&a.case)?
    } else {
        opening::read_only(&a.case)?
    };
    let idx = with_index_progress(|p| SearchIndex::open(&c, p))?;
    let hits = all_hits(&idx, q, a.fuzzy)?;
    if let Some(path) = &a.export {
        export_hits(path, q, &hits)?;
        println!(
            "{}",
            tr!("search.exported", n = hits.len(), path = path.display())
        );
    }
    if writes {
        let items: Vec<casework::Item> = hits.iter().filter_map(item_of).collect();
        let action = if let Some(t) = &a.tag {
            Bulk::Tag(t.clone())
        } else if a.star {
            Bulk::Star
        } else {
            Bulk::Link {
                allegation: a.link_problem.unwrap_or_default(),
                relation: a.relation.clone(),
                note: Some(tr!("search.bulk_note", query = q)),
            }
        };
        let r = hecha::case::bulk::apply(&c, q, &items, &action)?;
        emit(a.json, &r, |r| {
            println!(
                "{}",
                tr!("search.bulk_done", n = r.items, changed = r.changed)
            )
        });
    }
    Ok(0)
}

/// The item a hit stands for: a ledger row, or a document with the text the
/// hit marked first.
fn item_of(h: &search::Hit) -> Option<casework::Item> {
    if let (Some(ledger), Some(row)) = (&h.ledger, h.row) {
        return Some(casework::Item::Row(format!("{ledger}:{row}")));
    }
    let chars: Vec<char> = h.text.chars().collect();
    let quote: String = match h.highlights.first() {
        Some(&(s, e)) if e <= chars.len() && s < e => chars[s..e].iter().collect(),
        _ => chars.iter().take(12).collect(),
    };
    (!quote.trim().is_empty()).then(|| casework::Item::Document {
        source: h.source.clone(),
        quote,
    })
}

/// The hits as a spreadsheet: rank, kind, how the names matched, title,
/// file, ledger and row, page, snippet and the whole row's text.
fn export_hits(path: &std::path::Path, q: &str, hits: &[search::Hit]) -> Result<()> {
    use hecha::export::sheet::{self, Cell};
    let header: Vec<String> = [
        "rank", "kind", "match", "title", "source", "ledger", "row", "page", "snippet", "text",
    ]
    .iter()
    .map(|k| tr!(&format!("search.col_{k}")))
    .collect();
    let text = |s: &str| Cell::Text(s.to_string());
    let rows: Vec<Vec<Cell>> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            vec![
                Cell::Int(i as i64 + 1),
                text(&tr!(&format!("kind.{}", h.kind))),
                text(&tr!(&format!("search.match_{}", h.matched.as_str()))),
                text(&h.title),
                text(&h.source),
                h.ledger.as_deref().map(text).unwrap_or(Cell::Empty),
                h.row.map(|r| Cell::Int(r as i64)).unwrap_or(Cell::Empty),
                h.page.map(|p| Cell::Int(p as i64)).unwrap_or(Cell::Empty),
                text(&h.snippet),
                if h.kind == "ledger" {
                    text(&h.text)
                } else {
                    Cell::Empty
                },
            ]
        })
        .collect();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "csv" => sheet::csv(&header, &rows).into_bytes(),
        "xlsx" => {
            let widths = [6, 8, 10, 28, 28, 20, 6, 6, 60, 60];
            sheet::xlsx(&tr!("search.sheet_name"), &header, &widths, &rows)?
        }
        _ => return Err(Error::BadSearchExport(path.display().to_string())),
    };
    let _ = q;
    std::fs::write(path, bytes)?;
    Ok(())
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
        let degree = match h.matched {
            search::names::Match::Exact => String::new(),
            m => format!(" [{}]", tr!(&format!("search.match_{}", m.as_str()))),
        };
        println!(
            "{:>3}. [{kind}]{degree} {}  ({}, {:.2})",
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

/// What the hits mention most: a value per kind with its count of hits.
fn print_mentions(m: &BTreeMap<String, u64>) {
    let mut mentioned: Vec<(search::mentions::Kind, String, u64)> = m
        .iter()
        .filter_map(|(k, n)| search::mentions::facet(k).map(|(kind, v)| (kind, v, *n)))
        .collect();
    mentioned.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)));
    if !mentioned.is_empty() {
        let items: Vec<String> = mentioned
            .iter()
            .map(|(k, v, n)| format!("{} {v} {n}", tr!(&format!("search.facet_{}", k.as_str()))))
            .collect();
        println!("{}：{}", tr!("search.facet_mentions"), items.join("，"));
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

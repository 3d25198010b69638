//! `hecha watch`: the case's watch list (关注词) — terms rerun after every
//! import, new hits reported once.
//!
//! `hecha watch add CASE TERM… [--fuzzy]`, `hecha watch remove CASE TERM…`,
//! `hecha watch list CASE`, `hecha watch run CASE` (rerun now, then report),
//! `hecha watch CASE` (report the new hits). Reporting marks them seen
//! unless `--keep`.

use std::path::PathBuf;

use clap::Args;
use hecha::search::{watch, SearchIndex};
use hecha::tr;

use crate::cli::error::{Error, Result};
use crate::cli::opening;
use crate::cli::output::emit;
use crate::cli::progress::with_index_progress;

#[derive(Args)]
pub struct WatchArgs {
    /// add | remove | list | run，然后是案件文件（只写案件文件：显示新命中）/ then the case file
    #[arg(required = true, num_args = 1..)]
    args: Vec<String>,
    /// 关注词也查同音、近音的姓名写法 / also find homophone spellings of name-like terms
    #[arg(long)]
    fuzzy: bool,
    /// 显示后仍保留为新命中 / keep new hits new after showing them
    #[arg(long)]
    keep: bool,
    #[arg(long)]
    json: bool,
}

#[derive(serde::Serialize)]
struct Report {
    terms: Vec<watch::WatchTerm>,
    new: Vec<watch::NewHit>,
}

pub fn watch(a: WatchArgs) -> Result<i32> {
    let verbs = ["add", "remove", "list", "run"];
    let (verb, rest) = match a.args.first().map(String::as_str) {
        Some(v) if verbs.contains(&v) => (v, &a.args[1..]),
        _ => ("show", &a.args[..]),
    };
    let case = rest
        .first()
        .map(PathBuf::from)
        .ok_or(Error::WatchNeedsCase)?;
    let terms: Vec<String> = rest[1..]
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    match verb {
        "add" | "remove" if terms.is_empty() => Err(Error::WatchNeedsTerms),
        "add" => {
            let c = opening::read_write(&case)?;
            let added = watch::add(&c, &terms, a.fuzzy)?;
            // The first run sets what the new terms already find.
            let idx = with_index_progress(|p| SearchIndex::open(&c, p))?;
            watch::run(&c, &idx)?;
            println!("{}", tr!("watch.added", n = added));
            list(&c, a.json)
        }
        "remove" => {
            let c = opening::read_write(&case)?;
            let n = watch::remove(&c, &terms)?;
            println!("{}", tr!("watch.removed", n = n));
            Ok(0)
        }
        "list" => list(&opening::read_only(&case)?, a.json),
        _ => {
            let c = opening::read_write(&case)?;
            if verb == "run" {
                let idx = with_index_progress(|p| SearchIndex::open(&c, p))?;
                watch::run(&c, &idx)?;
            }
            let report = Report {
                terms: watch::terms(&c)?,
                new: watch::new_hits(&c)?,
            };
            emit(a.json, &report, print_report);
            if !a.keep {
                watch::mark_reported(&c)?;
            }
            Ok(0)
        }
    }
}

fn list(c: &hecha::Case, json: bool) -> Result<i32> {
    let terms = watch::terms(c)?;
    emit(json, terms.as_slice(), |terms| {
        if terms.is_empty() {
            println!("{}", tr!("watch.none"));
        }
        for t in terms {
            let fuzzy = if t.fuzzy {
                tr!("watch.fuzzy")
            } else {
                String::new()
            };
            println!(
                "{}{fuzzy}  {}",
                t.term,
                tr!("watch.counts", hits = t.hits, new = t.new)
            );
        }
    });
    Ok(0)
}

fn print_report(r: &Report) {
    if r.terms.is_empty() {
        println!("{}", tr!("watch.none"));
        return;
    }
    println!("{}", tr!("watch.new_total", n = r.new.len()));
    let mut last = "";
    for h in &r.new {
        if h.term != last {
            println!("\n【{}】", h.term);
            last = &h.term;
        }
        println!("  {}  ({}, {})", h.title, h.source, h.found_at);
        println!("     {}", h.snippet);
    }
}

//! Watch lists (关注词): terms saved in the case, rerun after every import;
//! every hit each term has had is remembered, so only new ones are reported.

use serde::Serialize;

use super::allegations::next_id;
use super::Case;
use crate::domain::now_text;
use crate::error::Result;

/// A saved term with its counts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct WatchTerm {
    pub id: i64,
    pub term: String,
    pub fuzzy: bool,
    pub added_at: String,
    /// Every item the term has found.
    pub hits: i64,
    /// Those not yet reported.
    pub new: i64,
}

/// A hit not yet reported.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NewHit {
    pub term: String,
    /// `d:ID` or `r:LEDGER:ROW`, as the index names items.
    pub key: String,
    pub title: String,
    pub source: String,
    pub snippet: String,
    pub found_at: String,
}

/// Adds terms (a term already listed stays as it was); returns the ids of
/// the terms added.
pub fn add(case: &Case, terms: &[String], fuzzy: bool) -> Result<Vec<i64>> {
    case.change("watch.add", |conn| {
        let mut ids = Vec::new();
        for t in terms {
            let exists: i64 = conn.query_row(
                "SELECT count(*) FROM watch_terms WHERE term = ?",
                [t],
                |r| r.get(0),
            )?;
            if exists > 0 {
                continue;
            }
            let id = next_id(conn, "watch_terms")?;
            conn.execute(
                "INSERT INTO watch_terms (id, term, fuzzy, added_at, primed) VALUES (?, ?, ?, CAST(? AS TIMESTAMP), false)",
                duckdb::params![id, t, fuzzy, now_text()],
            )?;
            ids.push(id);
        }
        Ok((
            ids.clone(),
            serde_json::json!({ "terms": terms, "fuzzy": fuzzy, "ids": ids }),
        ))
    })
}

/// Removes terms and what they found; returns how many were removed.
pub fn remove(case: &Case, terms: &[String]) -> Result<usize> {
    case.change("watch.remove", |conn| {
        let mut n = 0;
        for t in terms {
            conn.execute(
                "DELETE FROM watch_hits WHERE term_id IN (SELECT id FROM watch_terms WHERE term = ?)",
                [t],
            )?;
            n += conn.execute("DELETE FROM watch_terms WHERE term = ?", [t])?;
        }
        Ok((n, serde_json::json!({ "terms": terms, "removed": n })))
    })
}

/// The saved terms, oldest first.
pub fn list(case: &Case) -> Result<Vec<WatchTerm>> {
    let mut st = case.conn().prepare(
        "SELECT t.id, t.term, t.fuzzy, strftime(t.added_at, '%Y-%m-%d %H:%M'), \
         (SELECT count(*) FROM watch_hits h WHERE h.term_id = t.id), \
         (SELECT count(*) FROM watch_hits h WHERE h.term_id = t.id AND h.is_new) \
         FROM watch_terms t ORDER BY t.id",
    )?;
    let v = st
        .query_map([], |r| {
            Ok(WatchTerm {
                id: r.get(0)?,
                term: r.get(1)?,
                fuzzy: r.get(2)?,
                added_at: r.get(3)?,
                hits: r.get(4)?,
                new: r.get(5)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(v)
}

/// The item keys a term has already found.
pub fn known(case: &Case, term_id: i64) -> Result<std::collections::HashSet<String>> {
    let mut st = case
        .conn()
        .prepare("SELECT item_key FROM watch_hits WHERE term_id = ?")?;
    let v = st
        .query_map([term_id], |r| r.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(v)
}

/// Whether a term has had its first run.
pub fn primed(case: &Case, term_id: i64) -> Result<bool> {
    Ok(case.conn().query_row(
        "SELECT coalesce(any_value(primed), true) FROM watch_terms WHERE id = ?",
        [term_id],
        |r| r.get(0),
    )?)
}

/// What one term found in a run that it had not found before.
pub struct Found {
    pub term_id: i64,
    /// (key, title, source, snippet)
    pub hits: Vec<(String, String, String, String)>,
}

/// Records a run: the hits each term found for the first time. A term's
/// first run (just added) records its hits as already known — only what
/// later imports bring is new. One audit entry for the run, only when it
/// recorded anything. Returns the number of new hits.
pub fn record(case: &Case, found: &[Found]) -> Result<usize> {
    let any = found.iter().any(|f| !f.hits.is_empty());
    let unprimed: i64 = case.conn().query_row(
        "SELECT count(*) FROM watch_terms WHERE NOT primed",
        [],
        |r| r.get(0),
    )?;
    if !any && unprimed == 0 {
        return Ok(0);
    }
    case.change("watch.run", |conn| {
        let at = now_text();
        let mut new = 0usize;
        let mut per_term = Vec::new();
        for f in found {
            let primed: bool = conn.query_row(
                "SELECT coalesce(any_value(primed), true) FROM watch_terms WHERE id = ?",
                [f.term_id],
                |r| r.get(0),
            )?;
            let mut ins = conn.prepare(
                "INSERT INTO watch_hits (term_id, item_key, title, source, snippet, found_at, is_new) \
                 VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?) ON CONFLICT DO NOTHING",
            )?;
            for (key, title, source, snippet) in &f.hits {
                ins.execute(duckdb::params![f.term_id, key, title, source, snippet, at, primed])?;
            }
            if primed {
                new += f.hits.len();
            }
            per_term.push(serde_json::json!({ "term": f.term_id, "found": f.hits.len(), "new": primed }));
        }
        conn.execute("UPDATE watch_terms SET primed = true WHERE NOT primed", [])?;
        Ok((new, serde_json::json!({ "new": new, "terms": per_term })))
    })
}

/// The hits not yet reported, by term then when found.
pub fn new_hits(case: &Case) -> Result<Vec<NewHit>> {
    let mut st = case.conn().prepare(
        "SELECT t.term, h.item_key, h.title, h.source, h.snippet, strftime(h.found_at, '%Y-%m-%d %H:%M') \
         FROM watch_hits h JOIN watch_terms t ON t.id = h.term_id WHERE h.is_new \
         ORDER BY t.id, h.found_at, h.item_key",
    )?;
    let v = st
        .query_map([], |r| {
            Ok(NewHit {
                term: r.get(0)?,
                key: r.get(1)?,
                title: r.get(2)?,
                source: r.get(3)?,
                snippet: r.get(4)?,
                found_at: r.get(5)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(v)
}

/// Marks every new hit as reported; returns how many were.
pub fn mark_reported(case: &Case) -> Result<usize> {
    let n: i64 =
        case.conn()
            .query_row("SELECT count(*) FROM watch_hits WHERE is_new", [], |r| {
                r.get(0)
            })?;
    if n == 0 {
        return Ok(0);
    }
    case.change("watch.seen", |conn| {
        let n = conn.execute("UPDATE watch_hits SET is_new = false WHERE is_new", [])?;
        Ok((n, serde_json::json!({ "reported": n })))
    })
}

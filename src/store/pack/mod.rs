//! The subset case of a county review pack (`hecha pack`): a new case file
//! holding only what one clue needs, copied from the full case row by row
//! (redacted on the way, so no unredacted byte is ever written to it), with
//! the full case's audit log carried entry by entry up to its head.

use std::collections::{BTreeMap, BTreeSet};

use duckdb::{Connection, OptionalExt};

use super::views::literal;
use super::Tx;
use crate::error::Result;

mod copy;

pub use copy::{write_subset, Counts, Cut};

/// What a pack's subset case says about where it came from.
#[derive(Debug, Clone)]
pub struct PackInfo {
    pub source_id: String,
    pub source_title: String,
    pub source_file: String,
    pub head_seq: i64,
    pub head_hash: String,
    pub clue_number: String,
    pub redacted: bool,
    pub cut_at: String,
}

/// The pack facts of a subset case; `None` for a case of its own.
pub(super) fn info(conn: &Connection) -> Result<Option<PackInfo>> {
    Ok(conn
        .query_row(
            "SELECT source_id, source_title, source_file, head_seq, head_hash, clue_number, redacted, \
             CAST(cut_at AS VARCHAR) FROM pack_info LIMIT 1",
            [],
            |r| {
                Ok(PackInfo {
                    source_id: r.get(0)?,
                    source_title: r.get(1)?,
                    source_file: r.get(2)?,
                    head_seq: r.get(3)?,
                    head_hash: r.get(4)?,
                    clue_number: r.get(5)?,
                    redacted: r.get(6)?,
                    cut_at: r.get(7)?,
                })
            },
        )
        .optional()?)
}

/// True when the database is a review pack's subset.
pub(super) fn is_pack(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'pack_info'",
        [],
        |r| r.get(0),
    )?;
    if n == 0 {
        return Ok(false);
    }
    let rows: i64 = conn.query_row("SELECT count(*) FROM pack_info", [], |r| r.get(0))?;
    Ok(rows > 0)
}

/// The pack facts of `case`, when it is a review pack's subset.
pub fn pack_info(tx: Tx<'_>) -> Result<Option<PackInfo>> {
    info(tx.conn)
}

/// What one clue needs: its problems, their links, the linked items, the
/// rows those items cite and the subjects' own rows.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub clue: i64,
    pub allegations: BTreeSet<i64>,
    /// Every link of the problems (removed ones too: catalogue numbers stay).
    pub links: BTreeSet<i64>,
    /// Cross-references with an end on a problem.
    pub item_links: BTreeSet<i64>,
    /// Linked findings and the run each is carried from.
    pub findings: BTreeMap<String, i64>,
    pub documents: BTreeSet<i64>,
    /// Ledger id → row numbers: linked rows, rows the linked findings cite,
    /// and the subjects' own rows (rosters, households, deaths).
    pub rows: BTreeMap<i64, BTreeSet<i64>>,
    /// Of those, the rows linked or cited (the rest are subjects' rows).
    pub cited_rows: usize,
    /// Linked persons (ID numbers).
    pub persons: BTreeSet<String>,
}

impl Selection {
    fn add_item(&mut self, conn: &Connection, kind: &str, reference: &str) -> Result<()> {
        let mut parts = reference.split(':');
        match kind {
            "finding" => {
                let run: Option<i64> = conn
                    .query_row(
                        "SELECT run_id FROM findings WHERE id = ? ORDER BY run_id DESC LIMIT 1",
                        [reference],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(run) = run {
                    self.findings.insert(reference.to_string(), run);
                }
            }
            "document" => {
                if let Some(id) = parts.next().and_then(|p| p.parse().ok()) {
                    self.documents.insert(id);
                }
            }
            "row" => {
                let ledger = parts.next().and_then(|p| p.parse::<i64>().ok());
                let row = parts.next().and_then(|p| p.parse::<i64>().ok());
                if let (Some(l), Some(r)) = (ledger, row) {
                    self.rows.entry(l).or_default().insert(r);
                }
            }
            "person" => {
                self.persons.insert(reference.to_string());
            }
            "allegation" => {
                if let Ok(id) = reference.parse() {
                    self.allegations.insert(id);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Row count over every ledger.
    pub fn row_count(&self) -> usize {
        self.rows.values().map(BTreeSet::len).sum()
    }
}

fn ints(conn: &Connection, sql: &str, param: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare(sql)?;
    let out = st
        .query_map([param], |r| r.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

pub(super) fn in_list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    let v: Vec<String> = items.into_iter().map(|i| literal(&i.to_string())).collect();
    if v.is_empty() {
        "(NULL)".into()
    } else {
        format!("({})", v.join(", "))
    }
}

/// Everything clue `clue` needs, as [`Selection`] describes.
pub fn select(tx: Tx<'_>, clue: i64) -> Result<Selection> {
    let conn = tx.conn;
    let mut sel = Selection {
        clue,
        ..Default::default()
    };
    sel.allegations = ints(conn, "SELECT id FROM allegations WHERE clue_id = ?", clue)?
        .into_iter()
        .collect();
    let problems = in_list(&sel.allegations);
    let links: Vec<(i64, String, String, bool)> = conn
        .prepare(&format!(
            "SELECT id, item_kind, item_ref, removed_at IS NULL FROM links WHERE allegation_id IN {problems} ORDER BY id"
        ))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<duckdb::Result<_>>()?;
    let mut items: Vec<(String, String)> = Vec::new();
    for (id, kind, reference, live) in links {
        sel.links.insert(id);
        if live {
            items.push((kind, reference));
        }
    }
    let cross: Vec<(i64, String, String, String, String)> = conn
        .prepare(
            "SELECT id, a_kind, a_ref, b_kind, b_ref FROM item_links WHERE removed_at IS NULL ORDER BY id",
        )?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<duckdb::Result<_>>()?;
    let ours = |kind: &str, reference: &str| {
        kind == "allegation"
            && reference
                .parse::<i64>()
                .is_ok_and(|a| sel.allegations.contains(&a))
    };
    let mut cross_items = Vec::new();
    for (id, ak, ar, bk, br) in cross {
        if ours(&ak, &ar) || ours(&bk, &br) {
            cross_items.push((id, ak, ar, bk, br));
        }
    }
    for (id, ak, ar, bk, br) in cross_items {
        sel.item_links.insert(id);
        items.push((ak, ar));
        items.push((bk, br));
    }
    for (kind, reference) in &items {
        sel.add_item(conn, kind, reference)?;
    }
    // The rows the linked findings cite.
    let ledger_ids: BTreeMap<String, i64> = conn
        .prepare("SELECT name, id FROM ledgers")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    for id in sel.findings.keys().cloned().collect::<Vec<_>>() {
        for (ledger, row) in finding_evidence(tx, &id)? {
            if let Some(l) = ledger_ids.get(&ledger) {
                sel.rows.entry(*l).or_default().insert(row);
            }
        }
        // The documents the document rules' findings cite.
        sel.documents.extend(cited_documents(tx, &id)?);
    }
    sel.cited_rows = sel.row_count();
    // The subjects' own rows, and the linked persons'.
    let mut ids: BTreeSet<String> = conn
        .prepare("SELECT id_number FROM clue_subjects WHERE clue_id = ? AND id_number IS NOT NULL")?
        .query_map([clue], |r| r.get(0))?
        .collect::<duckdb::Result<_>>()?;
    ids.extend(sel.persons.iter().cloned());
    for idn in &ids {
        for view in ["v_cadres", "v_officials", "v_households", "v_deaths"] {
            let found: Vec<(i64, i64)> = conn
                .prepare(&format!(
                    "SELECT ledger_id, row FROM {view} WHERE id_number = ?"
                ))?
                .query_map([idn], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<duckdb::Result<_>>()?;
            for (l, r) in found {
                sel.rows.entry(l).or_default().insert(r);
            }
        }
    }
    Ok(sel)
}

/// The rows finding `id` cites (its latest run): (ledger name, row).
pub fn finding_evidence(tx: Tx<'_>, id: &str) -> Result<Vec<(String, i64)>> {
    Ok(cited(tx, id)?
        .iter()
        .filter_map(|e| Some((e["ledger"].as_str()?.to_string(), e["row"].as_i64()?)))
        .collect())
}

/// The documents finding `id` cites (its latest run).
pub fn cited_documents(tx: Tx<'_>, id: &str) -> Result<Vec<i64>> {
    Ok(cited(tx, id)?
        .iter()
        .filter_map(|e| e["document"].as_i64())
        .collect())
}

/// The evidence finding `id` cites in its latest run, as stored.
fn cited(tx: Tx<'_>, id: &str) -> Result<Vec<serde_json::Value>> {
    let evidence: Option<String> = tx
        .conn
        .query_row(
            "SELECT evidence FROM findings WHERE id = ? ORDER BY run_id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(evidence
        .and_then(|e| serde_json::from_str(&e).ok())
        .unwrap_or_default())
}

/// When document `id` was imported (`YYYY-MM-DD …`).
pub fn document_imported(tx: Tx<'_>, id: i64) -> Result<Option<String>> {
    Ok(tx
        .conn
        .query_row(
            "SELECT CAST(imported_at AS VARCHAR) FROM documents WHERE id = ?",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// When ledger `id` was imported (`YYYY-MM-DD …`).
pub fn ledger_imported(tx: Tx<'_>, id: i64) -> Result<Option<String>> {
    Ok(tx
        .conn
        .query_row(
            "SELECT CAST(imported_at AS VARCHAR) FROM ledgers WHERE id = ?",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Every finding held, each in its latest run: (id, rule, text, amount).
pub fn findings(tx: Tx<'_>) -> Result<Vec<(String, String, String, String)>> {
    let mut st = tx.conn.prepare(
        "SELECT id, rule, text, coalesce(CAST(amount AS VARCHAR), '') FROM findings \
         QUALIFY row_number() OVER (PARTITION BY id ORDER BY run_id DESC) = 1 ORDER BY rule, id",
    )?;
    let out = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// The full case's audit entry `seq`'s hash, to prove a pack against it.
pub fn hash_at(tx: Tx<'_>, seq: i64) -> Result<Option<String>> {
    Ok(tx
        .conn
        .query_row("SELECT hash FROM audit_log WHERE seq = ?", [seq], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The full case's `pack.cut` entries after `seq`: their payloads.
pub fn cuts_after(tx: Tx<'_>, seq: i64) -> Result<Vec<String>> {
    let mut st = tx.conn.prepare(
        "SELECT payload FROM audit_log WHERE action = 'pack.cut' AND seq > ? ORDER BY seq",
    )?;
    let out = st
        .query_map([seq], |r| r.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

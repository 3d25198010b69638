//! What the search index is built from: documents, ledger rows as text, the
//! villages of the case, and what changed since the index was built.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::views::ident;
use super::Case;
use crate::error::Result;

/// document id → sha256, and ledger id → (sha256, rows).
pub type Contents = (BTreeMap<i64, String>, BTreeMap<i64, (String, i64)>);

/// What the index is built from: document and ledger hashes.
pub fn contents(case: &Case) -> Result<Contents> {
    let conn = case.conn();
    let mut st = conn.prepare("SELECT id, sha256 FROM documents")?;
    let documents = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    let mut st = conn.prepare("SELECT id, sha256, row_count FROM ledgers")?;
    let ledgers = st
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                (r.get::<_, String>(1)?, r.get::<_, i64>(2)?),
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok((documents, ledgers))
}

/// DuckDB's buffer pool while the index is built: the feed reads each
/// ledger once, front to back, so a cache as large as a check's joins want
/// would only sit beside tantivy's writer (a 33M-record rebuild with this
/// limit peaked at 1.9 GiB of anonymous memory; the process's RSS, 9–10 GB,
/// is mostly tantivy's memory-mapped segments).
pub const INDEX_FEED_MEMORY_MB: u64 = 512;

/// The village names the role views know (two characters or more).
pub fn known_villages(case: &Case) -> Result<Vec<String>> {
    let mut st = case.conn().prepare(
        "SELECT DISTINCT village FROM (SELECT village FROM v_households UNION ALL SELECT village FROM v_payments \
         UNION ALL SELECT village FROM v_cadres UNION ALL SELECT village FROM v_land UNION ALL SELECT village FROM v_complaints) \
         WHERE village IS NOT NULL AND length(village) >= 2",
    )?;
    let v = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<duckdb::Result<Vec<_>>>()?;
    Ok(v)
}

/// A document to index.
pub struct FeedDocument {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub source: String,
    pub text: String,
    /// Its pages, when it is a paged document (else empty).
    pub pages: Vec<super::documents::PageRow>,
}

/// Calls `f` with each of the documents `ids`.
pub fn each_document(
    case: &Case,
    ids: &[i64],
    f: &mut dyn FnMut(FeedDocument) -> Result<()>,
) -> Result<()> {
    // A chunk of documents per query (one query per document costs a
    // DuckDB plan each: most of the index build at 100,000 letters).
    const CHUNK: usize = 512;
    let conn = case.conn();
    for chunk in ids.chunks(CHUNK) {
        let list = super::documents::id_list(chunk);
        let mut pages = super::documents::pages_of_many(case.reads(), chunk)?;
        let mut st = conn.prepare(&format!(
            "SELECT id, kind, title, source_file, text FROM documents WHERE id IN ({list}) ORDER BY id"
        ))?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            f(FeedDocument {
                id,
                kind: r.get(1)?,
                title: r.get(2)?,
                source: r.get(3)?,
                text: r.get(4)?,
                pages: pages.remove(&id).unwrap_or_default(),
            })?;
        }
    }
    Ok(())
}

/// A ledger to index: its name, file, role and original column headers.
pub struct FeedLedger {
    pub name: String,
    pub source: String,
    pub role: String,
    pub headers: Vec<String>,
}

/// One ledger row to index: its row number, village, the names in it
/// (space-separated) and each original cell (as text, `None` when empty).
pub struct FeedRow<'a> {
    pub row: i64,
    pub village: Option<String>,
    pub names: Option<String>,
    /// The row's normalised money cells (`1050.00`), space-separated.
    pub amounts: Option<String>,
    pub cells: &'a [Option<String>],
}

#[derive(Deserialize)]
struct ColumnIn {
    name: String,
    header: String,
}

/// Reads ledger `id` and calls `f` with each of its rows, in row order, as
/// DuckDB streams them: memory does not grow with the ledger.
pub fn each_ledger_row(
    case: &Case,
    id: i64,
    f: &mut dyn FnMut(&FeedLedger, FeedRow<'_>) -> Result<()>,
) -> Result<()> {
    let conn = case.conn();
    let (name, source, role, table, columns): (String, String, String, String, String) = conn
        .query_row(
            "SELECT name, source_file, role, table_name, columns FROM ledgers WHERE id = ?",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
    let cols: Vec<ColumnIn> = serde_json::from_str(&columns).unwrap_or_default();
    let (have, money): (Vec<String>, Vec<String>) = {
        let mut st = conn.prepare(
            "SELECT column_name, data_type = 'DECIMAL(18,2)' AND starts_with(column_name, 'n_') \
             FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ? ORDER BY column_index",
        )?;
        let v = st
            .query_map([&table], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?))
            })?
            .collect::<duckdb::Result<Vec<_>>>()?;
        let money = v.iter().filter(|c| c.1).map(|c| c.0.clone()).collect();
        (v.into_iter().map(|c| c.0).collect(), money)
    };
    let name_cols: Vec<&str> = ["n_name", "n_informant", "n_accused", "n_handler"]
        .into_iter()
        .filter(|c| have.iter().any(|h| h == c))
        .collect();
    let village_expr = if have.iter().any(|h| h == "n_village") {
        "n_village"
    } else {
        "NULL"
    };
    let mut select = vec![
        "_row".to_string(),
        format!("CAST({village_expr} AS VARCHAR)"),
    ];
    select.push(if name_cols.is_empty() {
        "CAST(NULL AS VARCHAR)".into()
    } else {
        format!("concat_ws(' ', {})", name_cols.join(", "))
    });
    select.push(if money.is_empty() {
        "CAST(NULL AS VARCHAR)".into()
    } else {
        let m: Vec<String> = money.iter().map(|c| ident(c)).collect();
        format!("concat_ws(' ', {})", m.join(", "))
    });
    select.extend(cols.iter().map(|c| ident(&c.name)));
    // No ORDER BY: the table is stored in row order and DuckDB keeps
    // insertion order on a plain scan, whereas a sort of a county's 28
    // million rows would be a second copy of the ledger.
    let sql = format!("SELECT {} FROM {}", select.join(", "), ident(&table));
    let ledger = FeedLedger {
        name,
        source,
        role,
        headers: cols.into_iter().map(|c| c.header).collect(),
    };
    let mut st = conn.prepare(&sql)?;
    // Executed streaming and read a chunk at a time: `query` would fetch the
    // whole result first (gigabytes for a county-size ledger).
    drop(st.stream_arrow([])?);
    let mut rows = st.raw_query();
    let mut cells: Vec<Option<String>> = Vec::with_capacity(ledger.headers.len());
    while let Some(r) = rows.next()? {
        cells.clear();
        for i in 0..ledger.headers.len() {
            cells.push(r.get(4 + i)?);
        }
        f(
            &ledger,
            FeedRow {
                row: r.get(0)?,
                village: r.get(1)?,
                names: r.get(2)?,
                amounts: r.get(3)?,
                cells: &cells,
            },
        )?;
    }
    Ok(())
}

//! Looking up the items a link, note or tag can point at.

use duckdb::OptionalExt;

use super::views::ident;
use super::Case;
use crate::error::Result;

/// The rule and text of the latest finding `id`.
pub fn finding_text(case: &Case, id: &str) -> Result<Option<(String, String)>> {
    Ok(case
        .conn()
        .query_row(
            "SELECT rule, text FROM findings WHERE id = ? ORDER BY run_id DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The first document whose source file name or title is `source`: (id, title, text).
pub fn document_by_source(case: &Case, source: &str) -> Result<Option<(i64, String, String)>> {
    Ok(case
        .conn()
        .query_row(
            "SELECT id, title, text FROM documents WHERE source_file = ? OR title = ? ORDER BY id LIMIT 1",
            duckdb::params![source, source],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// The ledger named `name` (by name or source file): (id, table).
pub fn ledger_by_name(case: &Case, name: &str) -> Result<Option<(i64, String)>> {
    Ok(case
        .conn()
        .query_row(
            "SELECT id, table_name FROM ledgers WHERE name = ? OR source_file = ?",
            duckdb::params![name, name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// True when ledger table `table` has row number `row`.
pub fn row_exists(case: &Case, table: &str, row: i64) -> Result<bool> {
    let n: i64 = case.conn().query_row(
        &format!("SELECT count(*) FROM {} WHERE _row = ?", ident(table)),
        [row],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// Ledger name → id.
pub fn ledger_ids(case: &Case) -> Result<std::collections::HashMap<String, i64>> {
    let mut st = case.conn().prepare("SELECT id, name FROM ledgers")?;
    let out = st
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(0)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// Every document's title and text, in import order.
pub fn document_texts(case: &Case) -> Result<Vec<(String, String)>> {
    let mut st = case
        .conn()
        .prepare("SELECT title, text FROM documents ORDER BY id")?;
    let out = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

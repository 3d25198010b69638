//! What a case summary reads beyond the other nouns: the case's own fields,
//! the history of check runs, the audit head, and the file behind each piece
//! of evidence.

use duckdb::OptionalExt;

use super::Case;
use crate::error::Result;

/// (case number, officer, created at `YYYY-MM-DD HH:MM`).
pub fn case_fields(case: &Case) -> Result<(Option<String>, Option<String>, String)> {
    Ok(case.conn().query_row(
        "SELECT case_no, officer, strftime(created_at, '%Y-%m-%d %H:%M') FROM case_info LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

/// One check run in the history.
pub struct RunRow {
    pub id: i64,
    pub started_at: String,
    pub as_of: String,
    pub fingerprint: String,
    pub hecha_version: String,
    pub rules: i64,
    pub findings: i64,
}

/// Every check run, newest first.
pub fn runs(case: &Case) -> Result<Vec<RunRow>> {
    let mut st = case.conn().prepare(
        "SELECT r.id, strftime(r.started_at, '%Y-%m-%d %H:%M:%S'), CAST(r.as_of AS VARCHAR), r.fingerprint, r.hecha_version, \
         count(c.rule), CAST(coalesce(sum(c.findings), 0) AS BIGINT) \
         FROM check_runs r LEFT JOIN check_run_rules c ON c.run_id = r.id GROUP BY ALL ORDER BY r.id DESC",
    )?;
    let out = st
        .query_map([], |r| {
            Ok(RunRow {
                id: r.get(0)?,
                started_at: r.get(1)?,
                as_of: r.get(2)?,
                fingerprint: r.get(3)?,
                hecha_version: r.get(4)?,
                rules: r.get(5)?,
                findings: r.get(6)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// The rules of run `run` that had parameters: (rule, params JSON), by rule.
pub fn run_params(case: &Case, run: i64) -> Result<Vec<(String, String)>> {
    let mut st = case.conn().prepare(
        "SELECT rule, params FROM check_run_rules WHERE run_id = ? AND params NOT IN ('{}', '') ORDER BY rule",
    )?;
    let out = st
        .query_map([run], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// The audit chain's head: (entries, last hash).
pub fn audit_head(case: &Case) -> Result<(i64, String)> {
    Ok(case
        .conn()
        .query_row("SELECT seq, hash FROM audit_head LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?)
}

/// A document's (title, source file, SHA-256).
pub fn document_file(case: &Case, id: i64) -> Result<Option<(String, String, String)>> {
    Ok(case
        .conn()
        .query_row(
            "SELECT title, source_file, sha256 FROM documents WHERE id = ?",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// A ledger's (name, source file, SHA-256).
pub fn ledger_file(case: &Case, id: i64) -> Result<Option<(String, String, String)>> {
    Ok(case
        .conn()
        .query_row(
            "SELECT name, source_file, sha256 FROM ledgers WHERE id = ?",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// The latest (rule, name, text) of finding `id`.
pub fn finding_summary(case: &Case, id: &str) -> Result<Option<(String, String, String)>> {
    Ok(case
        .conn()
        .query_row(
            "SELECT rule, coalesce(name, ''), text FROM findings WHERE id = ? ORDER BY run_id DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// Logs an unredacted export; `write` makes the file inside the change, so
/// the file is kept only if its entry is.
pub fn log_unredacted(
    case: &Case,
    payload: serde_json::Value,
    write: impl FnOnce() -> Result<()>,
) -> Result<()> {
    case.change("export.unredacted", |_| {
        write()?;
        Ok(((), payload))
    })
}

/// Every letter's (title, text), in import order.
pub fn letters(case: &Case) -> Result<Vec<(String, String)>> {
    let mut st = case
        .conn()
        .prepare("SELECT title, text FROM documents WHERE kind = 'letter' ORDER BY id")?;
    let out = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// The informants (信访人) of the complaint registers, in order of first appearance.
pub fn complaint_informants(case: &Case) -> Result<Vec<String>> {
    let conn = case.conn();
    let has_complaints: i64 = conn.query_row(
        "SELECT count(*) FROM duckdb_views() WHERE database_name = current_database() AND view_name = 'v_complaints'",
        [],
        |r| r.get(0),
    )?;
    if has_complaints == 0 {
        return Ok(Vec::new());
    }
    let mut st = conn.prepare(
        "SELECT DISTINCT informant, min(CAST(ledger_id AS BIGINT) * 1000000000 + row) AS first FROM v_complaints \
         WHERE informant IS NOT NULL GROUP BY informant ORDER BY first",
    )?;
    let names = st
        .query_map([], |r| r.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(names)
}

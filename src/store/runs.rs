//! Check runs and their findings, as stored: what a run reads (fingerprint,
//! ledgers, roles), the previous run of a rule, storing a run, and the
//! latest findings.

use std::collections::HashMap;

use duckdb::OptionalExt;
use sha2::{Digest, Sha256};

use super::Case;
use crate::domain::{now_text, Evidence, Fen, Finding, FindingChange, RuleRun, Subject};
use crate::error::Result;

/// The case's reference date (`as_of`).
pub fn case_as_of(case: &Case) -> Result<String> {
    Ok(case.conn().query_row(
        "SELECT CAST(as_of AS VARCHAR) FROM case_info LIMIT 1",
        [],
        |r| r.get(0),
    )?)
}

/// A fingerprint of everything a run reads: ledgers, programs and holidays.
pub fn fingerprint(case: &Case) -> Result<String> {
    let mut h = Sha256::new();
    for sql in [
        "SELECT string_agg(concat_ws('|', id, sha256, role, row_count), ';' ORDER BY id) FROM ledgers",
        "SELECT string_agg(concat_ws('|', program, means_tested, discretionary, land_type, min_age), ';' ORDER BY program) FROM programs",
        "SELECT string_agg(concat_ws('|', alias, program), ';' ORDER BY alias) FROM program_aliases",
        "SELECT string_agg(concat_ws('|', name, start_date, end_date), ';' ORDER BY start_date) FROM holidays",
    ] {
        let s: Option<String> = case.conn().query_row(sql, [], |r| r.get(0))?;
        h.update(s.unwrap_or_default().as_bytes());
        h.update([0u8]);
    }
    Ok(hex::encode(h.finalize())[..16].to_string())
}

/// Ledger id → (name, file), for resolving evidence references.
pub fn ledger_names(case: &Case) -> Result<HashMap<i64, (String, String)>> {
    names(case, "SELECT id, name, source_file FROM ledgers")
}

/// Document id → (source file, title), for resolving evidence references.
pub fn document_names(case: &Case) -> Result<HashMap<i64, (String, String)>> {
    names(case, "SELECT id, source_file, title FROM documents")
}

/// id → (text, text) from a three-column query.
fn names(case: &Case, sql: &str) -> Result<HashMap<i64, (String, String)>> {
    let mut st = case.conn().prepare(sql)?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            (r.get::<_, String>(1)?, r.get::<_, String>(2)?),
        ))
    })?;
    Ok(rows.collect::<duckdb::Result<_>>()?)
}

/// The roles of the imported ledgers.
pub fn roles_present(case: &Case) -> Result<Vec<String>> {
    let mut st = case.conn().prepare("SELECT DISTINCT role FROM ledgers")?;
    let v = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<duckdb::Result<Vec<_>>>()?;
    Ok(v)
}

/// A rule's part of a run as it is stored: its skip reason and error as
/// codes (JSON), so they read in either language.
pub struct StoredRuleRun<'a> {
    pub run: &'a RuleRun,
    pub skipped: Option<String>,
    pub error: Option<String>,
}

/// Stores a run, its rules and its findings in one change; returns the run id.
pub fn store_run(
    case: &Case,
    as_of: &str,
    fingerprint: &str,
    rules: &[StoredRuleRun<'_>],
    _stage: &super::run_stage::Stage,
) -> Result<i64> {
    case.change("checks.run", |conn| {
        let run_id: i64 = conn.query_row(
            "SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM check_runs",
            [],
            |r| r.get(0),
        )?;
        conn.execute(
            "INSERT INTO check_runs (id, started_at, as_of, fingerprint, hecha_version) VALUES (?, CAST(? AS TIMESTAMP), CAST(? AS DATE), ?, ?)",
            duckdb::params![run_id, now_text(), as_of, fingerprint, env!("CARGO_PKG_VERSION")],
        )?;
        for s in rules {
            let rr = s.run;
            conn.execute(
                "INSERT INTO check_run_rules (run_id, rule, version, params, ms, findings, amount, skipped, error, new, changed, gone) \
                 VALUES (?, ?, ?, ?, ?, ?, CAST(? AS DECIMAL(18,2)), ?, ?, ?, ?, ?)",
                duckdb::params![
                    run_id,
                    rr.id,
                    rr.version,
                    serde_json::to_string(&rr.params).unwrap_or_default(),
                    rr.ms as i64,
                    rr.findings as i64,
                    rr.amount.map(|a| a.to_string()),
                    s.skipped,
                    s.error,
                    rr.new as i64,
                    rr.changed as i64,
                    serde_json::to_string(&rr.gone).unwrap_or_default()
                ],
            )?;
        }
        // The staged findings, compared already (see `run_stage`).
        conn.execute(
            &format!(
                "INSERT INTO findings SELECT ?, id, rule, subject_kind, subject_key, scope, name, amount, \
                 evidence, detail, text, change FROM {}.findings",
                super::run_stage::STAGE
            ),
            [run_id],
        )?;
        let payload = serde_json::json!({
            "run_id": run_id,
            "as_of": as_of,
            "fingerprint": fingerprint,
            "rules": rules.iter().map(|s| serde_json::json!({ "id": s.run.id, "version": s.run.version, "findings": s.run.findings, "params": s.run.params })).collect::<Vec<_>>(),
        });
        Ok((run_id, payload))
    })
}

/// The latest run: (id, as_of).
pub fn latest_run(case: &Case) -> Result<Option<(i64, String)>> {
    Ok(case
        .conn()
        .query_row(
            "SELECT id, CAST(as_of AS VARCHAR) FROM check_runs ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The findings of each rule's latest successful run up to run `run_id`
/// (optionally of one rule), without reviews.
pub fn latest_findings(case: &Case, run_id: i64, rule: Option<&str>) -> Result<Vec<Finding>> {
    latest_findings_page(case, run_id, rule, 0, i64::MAX as u64)
}

/// [`latest_findings`] a page at a time: `limit` from `offset` on.
pub fn latest_findings_page(
    case: &Case,
    run_id: i64,
    rule: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<Vec<Finding>> {
    let mut st = case.conn().prepare_cached(
        "SELECT id, rule, subject_kind, subject_key, scope, coalesce(name, ''), CAST(amount AS VARCHAR), evidence, detail, text, change \
         FROM findings f JOIN (SELECT rule AS r, max(run_id) AS latest FROM check_run_rules \
         WHERE skipped IS NULL AND error IS NULL GROUP BY rule) l ON f.rule = l.r AND f.run_id = l.latest \
         WHERE f.run_id <= ? AND (? IS NULL OR f.rule = ?) ORDER BY rule, amount DESC NULLS LAST, subject_key, id \
         LIMIT ? OFFSET ?",
    )?;
    let rows = st.query_map(
        duckdb::params![run_id, rule, rule, limit as i64, offset as i64],
        finding_of,
    )?;
    Ok(rows.collect::<duckdb::Result<_>>()?)
}

/// Findings of run `run_id` itself (optionally of one rule), a page at a
/// time: `limit` from `offset` on, in the order the case lists them (rule,
/// largest amount first, subject), without reviews.
pub fn run_findings_page(
    case: &Case,
    run_id: i64,
    rule: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<Vec<Finding>> {
    let mut st = case.conn().prepare_cached(
        "SELECT id, rule, subject_kind, subject_key, scope, coalesce(name, ''), CAST(amount AS VARCHAR), evidence, detail, text, change \
         FROM findings WHERE run_id = ? AND (? IS NULL OR rule = ?) \
         ORDER BY rule, amount DESC NULLS LAST, subject_key, id LIMIT ? OFFSET ?",
    )?;
    let rows = st.query_map(
        duckdb::params![run_id, rule, rule, limit as i64, offset as i64],
        finding_of,
    )?;
    Ok(rows.collect::<duckdb::Result<_>>()?)
}

/// A stored finding from the columns the two queries above select.
fn finding_of(r: &duckdb::Row<'_>) -> duckdb::Result<Finding> {
    let ev: String = r.get(7)?;
    let de: String = r.get(8)?;
    Ok(Finding {
        id: r.get(0)?,
        rule: r.get(1)?,
        subject: Subject {
            kind: r.get(2)?,
            key: r.get(3)?,
        },
        scope: r.get(4)?,
        name: r.get(5)?,
        amount: r
            .get::<_, Option<String>>(6)?
            .and_then(|a| Fen::from_decimal_text(&a)),
        evidence: serde_json::from_str::<Vec<Evidence>>(&ev).unwrap_or_default(),
        detail: serde_json::from_str(&de).unwrap_or_default(),
        text: r.get(9)?,
        change: FindingChange::from_code(&r.get::<_, String>(10)?),
        review: None,
    })
}

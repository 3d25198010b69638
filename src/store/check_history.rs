//! The history of check runs: the last run, and each rule's latest outcome up
//! to a run (the Checks screen's rule table).

use crate::error::Result;
use crate::store::Case;

/// A check run: its id and when it started (`YYYY-MM-DD HH:MM`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastRun {
    pub id: i64,
    pub started: String,
}

/// One rule's part of its latest run, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOutcome {
    pub rule: String,
    pub findings: usize,
    pub amount: Option<crate::domain::Fen>,
    pub ms: u64,
    pub skipped: Option<String>,
    pub error: Option<String>,
    pub new: usize,
    pub changed: usize,
    /// Finding ids gone since the rule's previous run.
    pub gone: Vec<String>,
}

/// The newest check run, if the case has one.
pub fn last_run(case: &Case) -> Result<Option<LastRun>> {
    let mut st = case.conn().prepare(
        "SELECT id, strftime(started_at, '%Y-%m-%d %H:%M') FROM check_runs ORDER BY id DESC LIMIT 1",
    )?;
    let mut rows = st.query_map([], |r| {
        Ok(LastRun {
            id: r.get(0)?,
            started: r.get(1)?,
        })
    })?;
    Ok(rows.next().transpose()?)
}

/// For every rule that has run, its latest outcome in a run up to `up_to`.
/// Rows that cannot be read are left out (the rule then shows as not run).
pub fn latest_per_rule(case: &Case, up_to: i64) -> Result<Vec<RuleOutcome>> {
    let mut st = case.conn().prepare(
        "SELECT rule, findings, CAST(amount AS VARCHAR), ms, skipped, error, new, changed, gone FROM check_run_rules c \
         JOIN (SELECT rule AS r, max(run_id) AS latest FROM check_run_rules GROUP BY rule) l \
         ON c.rule = l.r AND c.run_id = l.latest WHERE c.run_id <= ?",
    )?;
    let rows = st.query_map([up_to], |r| {
        Ok(RuleOutcome {
            rule: r.get(0)?,
            findings: r.get::<_, i64>(1)? as usize,
            amount: r
                .get::<_, Option<String>>(2)?
                .and_then(|a| crate::domain::Fen::from_decimal_text(&a)),
            ms: r.get::<_, i64>(3)? as u64,
            skipped: r.get(4)?,
            error: r.get(5)?,
            new: r.get::<_, i64>(6)? as usize,
            changed: r.get::<_, i64>(7)? as usize,
            gone: serde_json::from_str(&r.get::<_, String>(8)?).unwrap_or_default(),
        })
    })?;
    Ok(rows.flatten().collect())
}

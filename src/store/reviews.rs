//! Review decisions on findings; they carry over to reruns because a finding
//! keeps its id.

use std::collections::HashMap;

use super::Case;
use crate::domain::{now_text, os_user, Decision, Review};
use crate::error::Result;

/// Every review, by finding id.
pub fn all(case: &Case) -> Result<HashMap<String, Review>> {
    let mut st = case.conn().prepare(
        "SELECT finding_id, status, reason, CAST(reviewed_at AS VARCHAR), reviewer FROM reviews",
    )?;
    let rows: Vec<(String, String, String, String, String)> = st
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, status, reason, reviewed_at, reviewer)| {
            Some((
                id,
                Review {
                    status: Decision::from_code(&status)?,
                    reason,
                    reviewed_at,
                    reviewer,
                },
            ))
        })
        .collect())
}

/// True when some run produced finding `id`.
pub fn finding_exists(case: &Case, id: &str) -> Result<bool> {
    let n: i64 =
        case.conn()
            .query_row("SELECT count(*) FROM findings WHERE id = ?", [id], |r| {
                r.get(0)
            })?;
    Ok(n > 0)
}

/// Records (or replaces) the decision on finding `id`.
pub fn set(case: &Case, id: &str, decision: Decision, reason: &str) -> Result<()> {
    case.change("finding.review", |conn| {
        let before = super::undo::review_state(conn, id)?;
        conn.execute(
            "INSERT INTO reviews (finding_id, status, reason, reviewed_at, reviewer) VALUES (?, ?, ?, CAST(? AS TIMESTAMP), ?) \
             ON CONFLICT (finding_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, \
             reviewed_at = excluded.reviewed_at, reviewer = excluded.reviewer",
            duckdb::params![id, decision.as_str(), reason, now_text(), os_user()],
        )?;
        Ok((
            (),
            serde_json::json!({ "finding": id, "status": decision.as_str(), "reason": reason, "before": before }),
        ))
    })
}

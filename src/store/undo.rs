//! Undo of the last casework change, as a compensating change: the audit log
//! stays append-only. The undo stack is read from the log itself — the latest
//! undoable entry that no `undo` entry has undone yet — so it survives closing
//! the case, and undoing again walks further back.

use std::collections::HashSet;

use duckdb::Connection;
use serde_json::{json, Value};

use super::Case;
use crate::domain::now_text;
use crate::error::Result;

/// The audit actions an undo can reverse.
pub const UNDOABLE: &[&str] = &[
    "link.add",
    "link.remove",
    "finding.review",
    "allegation.status",
    "note.add",
];

/// The audit action of a compensating change.
pub const ACTION: &str = "undo";

/// An audit entry that can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Undoable {
    pub seq: i64,
    pub action: String,
    pub payload: Value,
}

/// What the compensating change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reverted {
    /// A link added was removed again.
    LinkRemoved {
        link: i64,
    },
    /// A link removed is live again.
    LinkRestored {
        link: i64,
    },
    /// A finding's review is back to what it was (`None`: not reviewed).
    Review {
        finding: String,
        status: Option<String>,
    },
    /// An allegation's status is back to what it was.
    Status {
        allegation: i64,
        status: String,
    },
    NoteRemoved {
        note: i64,
    },
}

/// Why an entry cannot be reverted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The entry was written before changes recorded their previous state.
    NoPriorState { seq: i64, action: String },
    /// What the entry changed is no longer there (or its payload is not ours).
    Gone { seq: i64, action: String },
}

/// The previous review of finding `id` as the audit payload records it.
pub(super) fn review_state(conn: &Connection, id: &str) -> Result<Value> {
    let mut st = conn.prepare(
        "SELECT status, reason, CAST(reviewed_at AS VARCHAR), reviewer FROM reviews WHERE finding_id = ?",
    )?;
    let mut rows = st.query_map([id], |r| {
        Ok(json!({
            "status": r.get::<_, String>(0)?,
            "reason": r.get::<_, String>(1)?,
            "reviewed_at": r.get::<_, String>(2)?,
            "reviewer": r.get::<_, String>(3)?,
        }))
    })?;
    Ok(rows.next().transpose()?.unwrap_or(Value::Null))
}

/// The previous status of allegation `id` as the audit payload records it.
pub(super) fn status_state(conn: &Connection, id: i64) -> Result<Value> {
    let mut st = conn.prepare(
        "SELECT status, reason, CAST(amount AS VARCHAR), CAST(updated_at AS VARCHAR) FROM allegations WHERE id = ?",
    )?;
    let mut rows = st.query_map([id], |r| {
        Ok(json!({
            "status": r.get::<_, String>(0)?,
            "reason": r.get::<_, Option<String>>(1)?,
            "amount": r.get::<_, Option<String>>(2)?,
            "updated_at": r.get::<_, String>(3)?,
        }))
    })?;
    Ok(rows.next().transpose()?.unwrap_or(Value::Null))
}

fn last_in(conn: &Connection) -> Result<Option<Undoable>> {
    let mut st = conn.prepare(
        "SELECT seq, action, payload FROM audit_log WHERE action IN ('undo', 'link.add', 'link.remove', \
         'finding.review', 'allegation.status', 'note.add') ORDER BY seq DESC",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut undone = HashSet::new();
    for row in rows {
        let (seq, action, payload) = row?;
        let payload: Value = serde_json::from_str(&payload).unwrap_or(Value::Null);
        if action == ACTION {
            if let Some(n) = payload.get("undoes").and_then(Value::as_i64) {
                undone.insert(n);
            }
            continue;
        }
        if !undone.contains(&seq) && UNDOABLE.contains(&action.as_str()) {
            return Ok(Some(Undoable {
                seq,
                action,
                payload,
            }));
        }
    }
    Ok(None)
}

/// The change an undo would reverse now, if any.
pub fn last_undoable(case: &Case) -> Result<Option<Undoable>> {
    last_in(case.conn())
}

fn link_table(conn: &Connection, id: i64) -> Result<Option<&'static str>> {
    for table in ["links", "item_links"] {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE id = ?"),
            [id],
            |r| r.get(0),
        )?;
        if n > 0 {
            return Ok(Some(table));
        }
    }
    Ok(None)
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// Carries out the compensating change of `u` and logs it as `undo`, in one
/// transaction. `Ok(Err(_))` when the entry cannot be reverted (nothing written).
pub fn revert(case: &Case, u: &Undoable) -> Result<std::result::Result<Reverted, Refusal>> {
    let gone = || Refusal::Gone {
        seq: u.seq,
        action: u.action.clone(),
    };
    let conn = case.conn();
    // Work out the change first (reads only), then write it with its entry.
    let plan = match u.action.as_str() {
        "link.add" | "link.remove" => {
            let Some(id) = u.payload.get("id").and_then(Value::as_i64) else {
                return Ok(Err(gone()));
            };
            let Some(table) = link_table(conn, id)? else {
                return Ok(Err(gone()));
            };
            if u.action == "link.add" {
                Plan::Link {
                    table,
                    id,
                    removed: Some(now_text()),
                }
            } else {
                Plan::Link {
                    table,
                    id,
                    removed: None,
                }
            }
        }
        "finding.review" => {
            let Some(finding) = str_of(&u.payload, "finding") else {
                return Ok(Err(gone()));
            };
            match u.payload.get("before") {
                None => {
                    return Ok(Err(Refusal::NoPriorState {
                        seq: u.seq,
                        action: u.action.clone(),
                    }))
                }
                Some(before) => Plan::Review {
                    finding: finding.to_string(),
                    before: before.clone(),
                },
            }
        }
        "allegation.status" => {
            let Some(id) = u.payload.get("id").and_then(Value::as_i64) else {
                return Ok(Err(gone()));
            };
            match u.payload.get("before") {
                Some(before) if before.is_object() => Plan::Status {
                    id,
                    before: before.clone(),
                },
                Some(_) => return Ok(Err(gone())),
                None => {
                    return Ok(Err(Refusal::NoPriorState {
                        seq: u.seq,
                        action: u.action.clone(),
                    }))
                }
            }
        }
        "note.add" => {
            let Some(id) = u.payload.get("id").and_then(Value::as_i64) else {
                return Ok(Err(gone()));
            };
            let n: i64 = conn.query_row("SELECT count(*) FROM notes WHERE id = ?", [id], |r| {
                r.get(0)
            })?;
            if n == 0 {
                return Ok(Err(gone()));
            }
            Plan::Note { id }
        }
        _ => return Ok(Err(gone())),
    };
    let (seq, action) = (u.seq, u.action.clone());
    let reverted = case.change(ACTION, move |conn| {
        // The log is the undo stack: refuse if it moved under us.
        if last_in(conn)?.map(|l| l.seq) != Some(seq) {
            return Err(super::StoreError::UndoMoved { seq }.into());
        }
        let (reverted, detail) = plan.apply(conn)?;
        let mut payload = json!({ "undoes": seq, "action": action });
        if let (Value::Object(p), Value::Object(d)) = (&mut payload, detail) {
            p.extend(d);
        }
        Ok((reverted, payload))
    })?;
    Ok(Ok(reverted))
}

enum Plan {
    Link {
        table: &'static str,
        id: i64,
        /// `Some(at)`: remove the link; `None`: restore it.
        removed: Option<String>,
    },
    Review {
        finding: String,
        before: Value,
    },
    Status {
        id: i64,
        before: Value,
    },
    Note {
        id: i64,
    },
}

impl Plan {
    fn apply(self, conn: &Connection) -> Result<(Reverted, Value)> {
        Ok(match self {
            Plan::Link { table, id, removed } => {
                conn.execute(
                    &format!("UPDATE {table} SET removed_at = CAST(? AS TIMESTAMP) WHERE id = ?"),
                    duckdb::params![removed, id],
                )?;
                let r = if removed.is_some() {
                    Reverted::LinkRemoved { link: id }
                } else {
                    Reverted::LinkRestored { link: id }
                };
                (r, json!({ "link": id, "removed": removed.is_some() }))
            }
            Plan::Review { finding, before } => {
                conn.execute("DELETE FROM reviews WHERE finding_id = ?", [&finding])?;
                let status = str_of(&before, "status").map(str::to_string);
                if let Some(status) = &status {
                    conn.execute(
                        "INSERT INTO reviews (finding_id, status, reason, reviewed_at, reviewer) \
                         VALUES (?, ?, ?, CAST(? AS TIMESTAMP), ?)",
                        duckdb::params![
                            finding,
                            status,
                            str_of(&before, "reason").unwrap_or(""),
                            str_of(&before, "reviewed_at").unwrap_or(&now_text()),
                            str_of(&before, "reviewer").unwrap_or(""),
                        ],
                    )?;
                }
                let detail = json!({ "finding": finding, "status": status });
                (Reverted::Review { finding, status }, detail)
            }
            Plan::Status { id, before } => {
                let status = str_of(&before, "status").unwrap_or_default().to_string();
                conn.execute(
                    "UPDATE allegations SET status = ?, reason = ?, amount = CAST(? AS DECIMAL(18,2)), \
                     updated_at = CAST(? AS TIMESTAMP) WHERE id = ?",
                    duckdb::params![
                        status,
                        str_of(&before, "reason"),
                        str_of(&before, "amount"),
                        str_of(&before, "updated_at").unwrap_or(&now_text()),
                        id
                    ],
                )?;
                let detail = json!({ "allegation": id, "status": status });
                (
                    Reverted::Status {
                        allegation: id,
                        status,
                    },
                    detail,
                )
            }
            Plan::Note { id } => {
                conn.execute("DELETE FROM notes WHERE id = ?", [id])?;
                (Reverted::NoteRemoved { note: id }, json!({ "note": id }))
            }
        })
    }
}

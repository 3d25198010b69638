//! The tamper-evident audit log: every change to a case appends one entry in
//! the same transaction as the change. Each entry's hash is SHA-256 over the
//! previous hash and the canonical entry, so altering or deleting any entry
//! breaks the chain; `audit_head` records the last entry, so a truncated tail
//! is caught too. hecha offers no way to edit or delete entries.

use duckdb::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::case::Case;
use crate::error::Result;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The OS user: `USER`, `LOGNAME` or `USERNAME`, else (on Unix) the name of
/// the process's user id in /etc/passwd, else `uid:N`.
fn os_user() -> String {
    for var in ["USER", "LOGNAME", "USERNAME"] {
        if let Ok(v) = std::env::var(var) {
            if !v.trim().is_empty() {
                return v;
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(uid) = std::fs::metadata("/proc/self").map(|m| m.uid()) {
            let name = std::fs::read_to_string("/etc/passwd").ok().and_then(|p| {
                p.lines().find_map(|l| {
                    let mut f = l.split(':');
                    let name = f.next()?;
                    let id = f.nth(1)?;
                    (id.parse::<u32>().ok()? == uid).then(|| name.to_string())
                })
            });
            return name.unwrap_or_else(|| format!("uid:{uid}"));
        }
    }
    "unknown".into()
}

/// The canonical text of an entry (keys sorted: serde_json maps are ordered).
fn canonical(seq: i64, at: &str, user: &str, action: &str, payload: &str) -> String {
    let payload: serde_json::Value =
        serde_json::from_str(payload).unwrap_or(serde_json::Value::String(payload.to_string()));
    serde_json::json!({ "seq": seq, "at": at, "user": user, "action": action, "payload": payload })
        .to_string()
}

fn entry_hash(prev: &str, canonical: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(canonical.as_bytes());
    hex::encode(h.finalize())
}

/// Appends an entry (call inside the transaction that made the change).
pub fn append(conn: &Connection, action: &str, payload: serde_json::Value) -> Result<()> {
    let (seq, prev): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_head", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let seq = seq + 1;
    let at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let user = os_user();
    let payload = payload.to_string();
    let hash = entry_hash(&prev, &canonical(seq, &at, &user, action, &payload));
    conn.execute(
        "INSERT INTO audit_log (seq, logged_at, os_user, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        duckdb::params![seq, at, user, action, payload, prev, hash],
    )?;
    conn.execute(
        "UPDATE audit_head SET seq = ?, hash = ?",
        duckdb::params![seq, hash],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub seq: i64,
    pub at: String,
    pub user: String,
    pub action: String,
    pub payload: serde_json::Value,
    pub hash: String,
}

pub fn entries(case: &Case) -> Result<Vec<Entry>> {
    let mut st = case.conn().prepare(
        "SELECT seq, logged_at, os_user, action, payload, hash FROM audit_log ORDER BY seq",
    )?;
    let rows = st.query_map([], |r| {
        let payload: String = r.get(4)?;
        Ok(Entry {
            seq: r.get(0)?,
            at: r.get(1)?,
            user: r.get(2)?,
            action: r.get(3)?,
            payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::String(payload)),
            hash: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<duckdb::Result<_>>()?)
}

/// What `verify` found wrong first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Failure {
    /// Entry `seq` is missing (deleted), or the chain's head is past the last entry.
    Missing { seq: i64 },
    /// Entry `seq` does not hash to its stored hash, or does not follow its predecessor.
    Altered { seq: i64 },
    /// A document's stored text no longer matches its stored hash.
    Document { id: i64, title: String },
}

impl Failure {
    /// The failure in the UI language, naming the entry or document.
    pub fn message(&self) -> String {
        match self {
            Failure::Missing { seq } => crate::tr!("audit.missing", seq = seq),
            Failure::Altered { seq } => crate::tr!("audit.altered", seq = seq),
            Failure::Document { id, title } => crate::tr!("audit.document", id = id, title = title),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub entries: i64,
    pub documents: i64,
    pub failure: Option<Failure>,
}

/// Checks the whole chain and every document's text hash; reports the first failure.
pub fn verify(case: &Case) -> Result<Verification> {
    let conn = case.conn();
    let (head_seq, head_hash): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_head", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let mut st = conn.prepare("SELECT seq, logged_at, os_user, action, payload, prev_hash, hash FROM audit_log ORDER BY seq")?;
    let rows: Vec<(i64, String, String, String, String, String, String)> = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    let mut prev = "0".repeat(64);
    let mut expected = 1i64;
    let mut failure = None;
    for (seq, at, user, action, payload, prev_hash, hash) in &rows {
        if *seq != expected {
            failure = Some(Failure::Missing { seq: expected });
            break;
        }
        if prev_hash != &prev
            || entry_hash(&prev, &canonical(*seq, at, user, action, payload)) != *hash
        {
            failure = Some(Failure::Altered { seq: *seq });
            break;
        }
        prev = hash.clone();
        expected += 1;
    }
    if failure.is_none() {
        let last = expected - 1;
        if head_seq > last {
            failure = Some(Failure::Missing { seq: last + 1 });
        } else if head_seq < last || head_hash != prev {
            failure = Some(Failure::Altered { seq: last });
        }
    }
    let mut documents = 0;
    if failure.is_none() {
        let mut st =
            conn.prepare("SELECT id, title, text, text_sha256 FROM documents ORDER BY id")?;
        let docs: Vec<(i64, String, String, Option<String>)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<duckdb::Result<_>>()?;
        for (id, title, text, sha) in docs {
            documents += 1;
            if sha.as_deref() != Some(sha256_hex(text.as_bytes()).as_str()) {
                failure = Some(Failure::Document { id, title });
                break;
            }
        }
    }
    Ok(Verification {
        entries: rows.len() as i64,
        documents,
        failure,
    })
}

//! The tamper-evident audit log: every change to a case appends one entry in
//! the same transaction as the change (through [`Case::change`], the only
//! writer). Each entry's hash is SHA-256 over the previous hash and the
//! entry's stored bytes, so altering any byte of an entry, or deleting one,
//! breaks the chain; `audit_head` records the last entry, so a truncated tail
//! is caught too. hecha offers no way to edit or delete entries.
//!
//! Two hashing schemes exist. Scheme 1 (cases made before schema 7) hashed a
//! re-serialised JSON value, so an edit that kept the JSON's meaning
//! (whitespace, key order, `\u` escapes) went unnoticed. Scheme 2 hashes
//! exactly the stored text of every field. A case migrated to schema 7
//! records the switch as an `audit.scheme` entry; from there on every entry
//! is scheme 2, and a scheme-1 entry after a scheme-2 one is an alteration.

use duckdb::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Case;
use crate::error::Result;

/// The scheme new entries are hashed with.
pub const SCHEME: i32 = 2;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The text scheme 1 hashed: the entry as a JSON object with the payload
/// re-parsed (keys sorted: serde_json maps are ordered).
fn canonical_v1(seq: i64, at: &str, user: &str, action: &str, payload: &str) -> Vec<u8> {
    let payload: serde_json::Value =
        serde_json::from_str(payload).unwrap_or(serde_json::Value::String(payload.to_string()));
    serde_json::json!({ "seq": seq, "at": at, "user": user, "action": action, "payload": payload })
        .to_string()
        .into_bytes()
}

/// The bytes scheme 2 hashes: every stored field exactly as stored, each
/// prefixed by its length, so no two different entries share their bytes.
fn canonical_v2(seq: i64, at: &str, user: &str, action: &str, payload: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + at.len() + user.len() + action.len() + 48);
    let seq = seq.to_string();
    for field in ["2", seq.as_str(), at, user, action, payload] {
        out.extend_from_slice(field.len().to_string().as_bytes());
        out.push(b':');
        out.extend_from_slice(field.as_bytes());
        out.push(b'\n');
    }
    out
}

fn entry_hash(prev: &str, scheme: i32, row: &StoredEntry) -> String {
    let bytes = if scheme >= 2 {
        canonical_v2(row.seq, &row.at, &row.user, &row.action, &row.payload)
    } else {
        canonical_v1(row.seq, &row.at, &row.user, &row.action, &row.payload)
    };
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(&bytes);
    hex::encode(h.finalize())
}

/// An entry as stored.
struct StoredEntry {
    seq: i64,
    at: String,
    user: String,
    action: String,
    payload: String,
    prev_hash: String,
    hash: String,
    scheme: i32,
}

/// Appends an entry inside the caller's transaction. Only [`Case::change`]
/// (and the migrations it runs) call this.
pub(super) fn append(conn: &Connection, action: &str, payload: serde_json::Value) -> Result<()> {
    let (seq, prev): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_head", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let row = StoredEntry {
        seq: seq + 1,
        at: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        user: crate::domain::os_user(),
        action: action.to_string(),
        payload: payload.to_string(),
        prev_hash: prev,
        hash: String::new(),
        scheme: SCHEME,
    };
    let hash = entry_hash(&row.prev_hash, SCHEME, &row);
    conn.execute(
        "INSERT INTO audit_log (seq, logged_at, os_user, action, payload, prev_hash, hash, scheme) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        duckdb::params![row.seq, row.at, row.user, row.action, row.payload, row.prev_hash, hash, SCHEME],
    )?;
    conn.execute(
        "UPDATE audit_head SET seq = ?, hash = ?",
        duckdb::params![row.seq, hash],
    )?;
    Ok(())
}

/// Schema 7: entries gain their scheme; an existing chain records the switch.
pub(super) fn migrate_to_scheme_2(conn: &Connection) -> Result<()> {
    conn.execute_batch("ALTER TABLE audit_log ADD COLUMN scheme INTEGER DEFAULT 1")?;
    let entries: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
    if entries > 0 {
        append(
            conn,
            "audit.scheme",
            serde_json::json!({ "from": 1, "to": SCHEME }),
        )?;
    }
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

fn stored_entries(conn: &Connection) -> Result<Vec<StoredEntry>> {
    let mut st = conn.prepare(
        "SELECT seq, logged_at, os_user, action, payload, prev_hash, hash, coalesce(scheme, 1) \
         FROM audit_log ORDER BY seq",
    )?;
    let rows = st.query_map([], |r| {
        Ok(StoredEntry {
            seq: r.get(0)?,
            at: r.get(1)?,
            user: r.get(2)?,
            action: r.get(3)?,
            payload: r.get(4)?,
            prev_hash: r.get(5)?,
            hash: r.get(6)?,
            scheme: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<duckdb::Result<_>>()?)
}

/// The first break in the chain of `rows` against the head (`head_seq`, `head_hash`).
fn chain_failure(rows: &[StoredEntry], head_seq: i64, head_hash: &str) -> Option<Failure> {
    let mut prev = "0".repeat(64);
    let mut expected = 1i64;
    let mut scheme_seen = 1;
    for row in rows {
        if row.seq != expected {
            return Some(Failure::Missing { seq: expected });
        }
        // Schemes only move forward: an old-scheme entry after a new one was rewritten.
        if row.scheme < scheme_seen
            || row.prev_hash != prev
            || entry_hash(&prev, row.scheme, row) != row.hash
        {
            return Some(Failure::Altered { seq: row.seq });
        }
        scheme_seen = row.scheme;
        prev = row.hash.clone();
        expected += 1;
    }
    let last = expected - 1;
    if head_seq > last {
        Some(Failure::Missing { seq: last + 1 })
    } else if head_seq < last || head_hash != prev {
        Some(Failure::Altered { seq: last })
    } else {
        None
    }
}

/// Checks the whole chain and every document's text hash; reports the first failure.
pub fn verify(case: &Case) -> Result<Verification> {
    let conn = case.conn();
    let (head_seq, head_hash): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_head", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let rows = stored_entries(conn)?;
    let mut failure = chain_failure(&rows, head_seq, &head_hash);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: i64, payload: &str) -> StoredEntry {
        StoredEntry {
            seq,
            at: "2026-12-01 08:00:00".into(),
            user: "officer".into(),
            action: "note.add".into(),
            payload: payload.into(),
            prev_hash: String::new(),
            hash: String::new(),
            scheme: SCHEME,
        }
    }

    #[test]
    fn scheme_2_sees_whitespace_that_scheme_1_ignores() {
        let a = entry(1, r#"{"id":1}"#);
        let b = entry(1, r#"{"id":1} "#);
        assert_eq!(entry_hash("0", 1, &a), entry_hash("0", 1, &b));
        assert_ne!(entry_hash("0", 2, &a), entry_hash("0", 2, &b));
    }

    #[test]
    fn length_prefixes_keep_fields_apart() {
        let mut a = entry(1, "x");
        let mut b = entry(1, "x");
        a.user = "ab".into();
        a.action = "c".into();
        b.user = "a".into();
        b.action = "bc".into();
        assert_ne!(entry_hash("0", 2, &a), entry_hash("0", 2, &b));
    }

    #[test]
    fn an_old_scheme_entry_after_a_new_one_is_an_alteration() {
        let mut rows = vec![entry(1, "{}"), entry(2, "{}")];
        let mut prev = "0".repeat(64);
        rows[1].scheme = 1;
        for r in rows.iter_mut() {
            r.prev_hash = prev.clone();
            r.hash = entry_hash(&prev, r.scheme, r);
            prev = r.hash.clone();
        }
        assert_eq!(
            chain_failure(&rows, 2, &prev),
            Some(Failure::Altered { seq: 2 })
        );
        rows[0].scheme = 1;
        rows[0].hash = entry_hash(&"0".repeat(64), 1, &rows[0]);
        rows[1].prev_hash = rows[0].hash.clone();
        rows[1].hash = entry_hash(&rows[0].hash, 1, &rows[1]);
        assert_eq!(chain_failure(&rows, 2, &rows[1].hash.clone()), None);
    }
}

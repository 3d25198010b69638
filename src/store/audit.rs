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
//!
//! Scheme 3 (schema 10) hashes the previous hash and the SHA-256 *digest* of
//! the entry's stored bytes (laid out as in scheme 2), and stores the digest.
//! That lets a county review pack (`hecha pack`) carry the chain from the
//! first entry to the full case's head while leaving out, or redacting, the
//! entries that do not concern its clue: such an entry keeps its digest, so
//! the chain still checks link by link, and no one can alter a carried entry
//! without breaking it.

use duckdb::{Connection, OptionalExt};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Case;
use crate::error::Result;

/// The scheme new entries are hashed with.
pub const SCHEME: i32 = 3;

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
fn canonical_v2(
    scheme: &str,
    seq: i64,
    at: &str,
    user: &str,
    action: &str,
    payload: &str,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + at.len() + user.len() + action.len() + 48);
    let seq = seq.to_string();
    for field in [scheme, seq.as_str(), at, user, action, payload] {
        out.extend_from_slice(field.len().to_string().as_bytes());
        out.push(b':');
        out.extend_from_slice(field.as_bytes());
        out.push(b'\n');
    }
    out
}

/// Scheme 3: the digest of an entry's stored bytes, which its hash chains.
fn entry_digest(row: &StoredEntry) -> String {
    sha256_hex(&canonical_v2(
        "3",
        row.seq,
        &row.at,
        &row.user,
        &row.action,
        &row.payload,
    ))
}

/// Scheme 3: the hash of an entry from its predecessor's hash and its digest.
fn link_hash(prev: &str, digest: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(digest.as_bytes());
    hex::encode(h.finalize())
}

fn entry_hash(prev: &str, scheme: i32, row: &StoredEntry) -> String {
    if scheme >= 3 {
        return link_hash(prev, &entry_digest(row));
    }
    let bytes = if scheme == 2 {
        canonical_v2("2", row.seq, &row.at, &row.user, &row.action, &row.payload)
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
    /// Scheme 3: the digest of the entry's bytes.
    digest: Option<String>,
    /// In a review pack: how the entry was carried (`whole`, `redacted`,
    /// `omitted`); `None` in a case of its own.
    carried: Option<Carried>,
}

/// For each entry of the full case's log (action, payload): how a review
/// pack carries it, and the payload it shows when not whole.
pub type Decide<'a> = &'a dyn Fn(&str, &str) -> (Carried, Option<String>);

/// How a review pack carries an entry of the full case's log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Carried {
    /// Every byte as in the full case: its digest is recomputed.
    Whole,
    /// The payload shown redacted; the chain checks through the stored digest.
    Redacted,
    /// Not about the clue: kept as its digest (action, time and user shown).
    Omitted,
}

impl Carried {
    pub fn as_str(self) -> &'static str {
        match self {
            Carried::Whole => "whole",
            Carried::Redacted => "redacted",
            Carried::Omitted => "omitted",
        }
    }

    fn parse(s: &str) -> Option<Carried> {
        [Carried::Whole, Carried::Redacted, Carried::Omitted]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// Appends an entry inside the caller's transaction. Only [`Case::change`]
/// (and the migrations it runs) call this.
pub(super) fn append(conn: &Connection, action: &str, payload: serde_json::Value) -> Result<()> {
    append_many(conn, action, std::iter::once(payload))
}

/// Appends one entry per payload, in order, inside the caller's transaction:
/// the head is read and written once, each entry still links to the one
/// before it. [`Case::write_many`] calls this for a group of imported files.
pub(super) fn append_many(
    conn: &Connection,
    action: &str,
    payloads: impl IntoIterator<Item = serde_json::Value>,
) -> Result<()> {
    let (mut seq, mut prev): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_head", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let user = crate::domain::os_user();
    // Appended (in the caller's transaction), not inserted one statement
    // each: a group import logs hundreds of entries at once.
    let mut app = super::append::Append::new(
        conn,
        "audit_log",
        &[
            "seq",
            "logged_at",
            "os_user",
            "action",
            "payload",
            "prev_hash",
            "hash",
            "scheme",
            "digest",
        ],
    )?;
    let mut wrote = false;
    for payload in payloads {
        let row = StoredEntry {
            seq: seq + 1,
            at: at.clone(),
            user: user.clone(),
            action: action.to_string(),
            payload: payload.to_string(),
            prev_hash: prev,
            hash: String::new(),
            scheme: SCHEME,
            digest: None,
            carried: None,
        };
        let digest = entry_digest(&row);
        let hash = link_hash(&row.prev_hash, &digest);
        use duckdb::types::Value;
        app.row(vec![
            Value::BigInt(row.seq),
            Value::Text(row.at),
            Value::Text(row.user),
            Value::Text(row.action),
            Value::Text(row.payload),
            Value::Text(row.prev_hash.clone()),
            Value::Text(hash.clone()),
            Value::Int(SCHEME),
            Value::Text(digest),
        ])?;
        seq = row.seq;
        prev = hash;
        wrote = true;
    }
    app.finish()?;
    if wrote {
        conn.execute(
            "UPDATE audit_head SET seq = ?, hash = ?",
            duckdb::params![seq, prev],
        )?;
    }
    Ok(())
}

/// Schema 7: entries gain their scheme (the switch is logged by schema 10's
/// step, [`switch_scheme`], so a case migrating past both logs it once).
pub(super) fn add_scheme_column(conn: &Connection) -> Result<()> {
    conn.execute_batch("ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS scheme INTEGER DEFAULT 1")?;
    Ok(())
}

/// Schema 10: an existing chain records the switch to the current scheme.
pub(super) fn switch_scheme(conn: &Connection) -> Result<()> {
    let last: Option<i32> = conn
        .query_row(
            "SELECT coalesce(scheme, 1) FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(from) = last.filter(|s| *s < SCHEME) {
        append(
            conn,
            "audit.scheme",
            serde_json::json!({ "from": from, "to": SCHEME }),
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
    /// In a review pack: how the entry was carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
}

impl Entry {
    /// The payload as shown: a review pack's left-out entry says so, a
    /// redacted one is marked.
    pub fn shown_payload(&self) -> String {
        match self.carried {
            Some(Carried::Omitted) => crate::tr!("audit.carried_omitted"),
            Some(Carried::Redacted) => {
                format!("{} {}", self.payload, crate::tr!("audit.carried_redacted"))
            }
            _ => self.payload.to_string(),
        }
    }
}

pub fn entries(case: &Case) -> Result<Vec<Entry>> {
    Ok(stored_entries(case.conn())?
        .into_iter()
        .map(|e| Entry {
            payload: serde_json::from_str(&e.payload)
                .unwrap_or(serde_json::Value::String(e.payload.clone())),
            seq: e.seq,
            at: e.at,
            user: e.user,
            action: e.action,
            hash: e.hash,
            carried: e.carried,
        })
        .collect())
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
    /// A review pack's chain does not end in the head it names.
    PackHead { seq: i64 },
}

impl Failure {
    /// The failure in the UI language, naming the entry or document.
    pub fn message(&self) -> String {
        match self {
            Failure::Missing { seq } => crate::tr!("audit.missing", seq = seq),
            Failure::Altered { seq } => crate::tr!("audit.altered", seq = seq),
            Failure::Document { id, title } => crate::tr!("audit.document", id = id, title = title),
            Failure::PackHead { seq } => crate::tr!("audit.pack_head", seq = seq),
        }
    }
}

/// How a review pack carried the full case's log, as `verify` checked it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Carriage {
    pub whole: i64,
    pub redacted: i64,
    pub omitted: i64,
    /// Left-out entries of an older scheme, whose hash cannot be recomputed
    /// without their bytes: the chain is proven from the entry after the last.
    pub unproven_to: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub entries: i64,
    pub documents: i64,
    pub failure: Option<Failure>,
    /// For a review pack: where it was cut from and how its log was carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack: Option<Box<PackProof>>,
}

/// What a review pack proves about its origin.
#[derive(Debug, Clone, Serialize)]
pub struct PackProof {
    pub source_id: String,
    pub source_title: String,
    pub source_file: String,
    pub clue: String,
    pub head_seq: i64,
    pub head_hash: String,
    pub redacted: bool,
    pub cut_at: String,
    pub carriage: Carriage,
}

fn stored_entries(conn: &Connection) -> Result<Vec<StoredEntry>> {
    let mut st = conn.prepare(
        "SELECT seq, logged_at, os_user, action, payload, prev_hash, hash, coalesce(scheme, 1), digest, carried \
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
            digest: r.get(8)?,
            carried: r
                .get::<_, Option<String>>(9)?
                .map(|c| Carried::parse(&c).unwrap_or(Carried::Omitted)),
        })
    })?;
    Ok(rows.collect::<duckdb::Result<_>>()?)
}

/// The first break in the chain of `rows` against the head (`head_seq`,
/// `head_hash`), and how a pack's entries were carried.
fn chain_failure(
    rows: &[StoredEntry],
    head_seq: i64,
    head_hash: &str,
) -> (Option<Failure>, Carriage) {
    let mut prev = "0".repeat(64);
    let mut expected = 1i64;
    let mut scheme_seen = 1;
    let mut carriage = Carriage::default();
    for row in rows {
        if row.seq != expected {
            return (Some(Failure::Missing { seq: expected }), carriage);
        }
        let carried = row.carried.unwrap_or(Carried::Whole);
        match carried {
            Carried::Whole => carriage.whole += 1,
            Carried::Redacted => carriage.redacted += 1,
            Carried::Omitted => carriage.omitted += 1,
        }
        // Schemes only move forward: an old-scheme entry after a new one was rewritten.
        let linked = row.scheme >= scheme_seen && row.prev_hash == prev;
        let hashes = match (carried, row.scheme) {
            (Carried::Whole, s) if s >= 3 => {
                let d = entry_digest(row);
                row.digest.as_deref().is_none_or(|stored| stored == d)
                    && link_hash(&prev, &d) == row.hash
            }
            (Carried::Whole, s) => entry_hash(&prev, s, row) == row.hash,
            (_, s) if s >= 3 => row
                .digest
                .as_deref()
                .is_some_and(|d| link_hash(&prev, d) == row.hash),
            // An older-scheme entry left out: its hash needs its bytes.
            _ => {
                carriage.unproven_to = Some(row.seq);
                true
            }
        };
        if !linked || !hashes {
            return (Some(Failure::Altered { seq: row.seq }), carriage);
        }
        scheme_seen = row.scheme;
        prev = row.hash.clone();
        expected += 1;
    }
    let last = expected - 1;
    let failure = if head_seq > last {
        Some(Failure::Missing { seq: last + 1 })
    } else if head_seq < last || head_hash != prev {
        Some(Failure::Altered { seq: last })
    } else {
        None
    };
    (failure, carriage)
}

/// Checks the whole chain and every document's text hash; reports the first
/// failure. A review pack's chain must also end in the full case's head it names.
pub fn verify(case: &Case) -> Result<Verification> {
    let conn = case.conn();
    let (head_seq, head_hash): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_head", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let rows = stored_entries(conn)?;
    let (mut failure, carriage) = chain_failure(&rows, head_seq, &head_hash);
    let pack = super::pack::info(conn)?.map(|p| {
        Box::new(PackProof {
            source_id: p.source_id,
            source_title: p.source_title,
            source_file: p.source_file,
            clue: p.clue_number,
            head_seq: p.head_seq,
            head_hash: p.head_hash,
            redacted: p.redacted,
            cut_at: p.cut_at,
            carriage,
        })
    });
    if let Some(p) = pack.as_ref().filter(|_| failure.is_none()) {
        if p.head_seq != head_seq || p.head_hash != head_hash {
            failure = Some(Failure::PackHead { seq: p.head_seq });
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
        pack,
    })
}

/// The full case's log as a review pack carries it: each entry with its
/// digest (computed for older-scheme entries' bookkeeping only) and the
/// payload to show (`None` leaves it out).
pub(super) fn carry(src: &Connection, dst: &Connection, decide: Decide<'_>) -> Result<Carriage> {
    let mut carriage = Carriage::default();
    let mut st = dst.prepare(
        "INSERT INTO audit_log (seq, logged_at, os_user, action, payload, prev_hash, hash, scheme, digest, carried) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    for row in stored_entries(src)? {
        let (mut carried, shown) = decide(&row.action, &row.payload);
        // An older-scheme entry cannot be proven without its bytes: carried
        // whole when it may be, else left out unproven.
        let digest = (row.scheme >= 3).then(|| entry_digest(&row));
        if carried != Carried::Whole && row.scheme < 3 {
            carriage.unproven_to = Some(row.seq);
        }
        let payload = match carried {
            Carried::Whole => row.payload.clone(),
            _ => shown.unwrap_or_default(),
        };
        if carried == Carried::Redacted && payload == row.payload {
            carried = Carried::Whole;
        }
        match carried {
            Carried::Whole => carriage.whole += 1,
            Carried::Redacted => carriage.redacted += 1,
            Carried::Omitted => carriage.omitted += 1,
        }
        st.execute(duckdb::params![
            row.seq,
            row.at,
            row.user,
            row.action,
            payload,
            row.prev_hash,
            row.hash,
            row.scheme,
            digest,
            carried.as_str()
        ])?;
    }
    Ok(carriage)
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
            digest: None,
            carried: None,
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
        rows[0].scheme = 2;
        rows[1].scheme = 1;
        for r in rows.iter_mut() {
            r.prev_hash = prev.clone();
            r.hash = entry_hash(&prev, r.scheme, r);
            prev = r.hash.clone();
        }
        assert_eq!(
            chain_failure(&rows, 2, &prev).0,
            Some(Failure::Altered { seq: 2 })
        );
        rows[0].scheme = 1;
        rows[0].hash = entry_hash(&"0".repeat(64), 1, &rows[0]);
        rows[1].prev_hash = rows[0].hash.clone();
        rows[1].hash = entry_hash(&rows[0].hash, 1, &rows[1]);
        assert_eq!(chain_failure(&rows, 2, &rows[1].hash.clone()).0, None);
    }
}

//! The storage layer: the case file (one DuckDB database holding everything
//! about a case) and every SQL statement hecha runs. Nothing outside this
//! folder sees a connection or writes SQL; the rest of the crate calls the
//! typed functions here.
//!
//! Every change goes through [`Case::change`]: one transaction that also
//! appends the change's audit entry, so no change can forget its entry.

pub mod allegations;
mod append;
pub mod audit;
pub mod baseline;
pub mod check_history;
pub mod clues;
pub mod crypt;
pub mod crypto;
pub mod documents;
mod error;
pub mod export;
pub mod graph;
mod info;
pub mod items;
pub mod ledger_pages;
pub mod ledgers;
pub mod links;
mod migrate;
pub mod notes;
mod open;
pub mod overview;
pub mod pack;
pub mod parquet;
pub mod person;
pub mod programs;
pub mod reference;
pub mod reviews;
pub mod rule_exec;
pub mod run_stage;
pub mod runs;
pub mod schema;
mod sealed;
pub mod search_feed;
pub mod templates;
pub mod transcripts;
pub mod undo;
pub mod views;
pub mod watch;

use std::path::{Path, PathBuf};

use duckdb::Connection;

use crate::error::Result;
use crate::normalise::Ymd;

pub use error::StoreError;
pub use info::{CaseInfo, KindCount, LedgerInfo};
pub use open::{is_encrypted_file, memory_limit_mb, spill_dir, Ask, ARROW_SCAN};

/// A case's connection as the store's functions take it, inside a change
/// ([`Case::write`]) or for reads ([`Case::reads`]). Only this folder can run
/// anything on it.
#[derive(Clone, Copy)]
pub struct Tx<'a> {
    conn: &'a Connection,
}

pub struct Case {
    conn: Connection,
    path: PathBuf,
    id: String,
    /// For an encrypted case: its keys and the database that holds DuckDB's
    /// crypto provider. Declared after `conn`, so the connection closes first.
    sealed: Option<Sealed>,
    /// A read-only plaintext copy in RAM: a snapshot of a plain case open for
    /// writing elsewhere, or a case encrypted by the first scheme opened
    /// read-only (it migrates when opened for writing).
    snapshot: Option<Scratch>,
    /// Encrypted (now, or in its file by the first scheme).
    encrypted: bool,
    /// A county review pack's subset: always read-only.
    pack: bool,
}

/// A private folder for a read-only copy, removed when dropped: in RAM when
/// the system has a RAM file system, else (a plain case's copy) on disk.
enum Scratch {
    Ram(crypt::RamDir),
    Disk(tempfile::TempDir),
}

impl Scratch {
    fn path(&self) -> &Path {
        match self {
            Scratch::Ram(r) => r.path(),
            Scratch::Disk(t) => t.path(),
        }
    }

    /// RAM when there is some, else a temporary folder on disk.
    fn any() -> Result<Scratch> {
        match crypt::RamDir::new() {
            Ok(r) => Ok(Scratch::Ram(r)),
            Err(_) => Ok(Scratch::Disk(tempfile::tempdir()?)),
        }
    }
}

/// An open encrypted case (see [`crypto`]).
struct Sealed {
    keys: crypto::CaseKeys,
    /// Closed after `conn` (see [`crypto::RawDb`]).
    _db: crypto::RawDb,
    /// A copy of the (encrypted) file, when it was open for writing elsewhere.
    _copy: Option<tempfile::TempDir>,
}

impl Case {
    /// The connection, for the storage layer only.
    pub(in crate::store) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A second connection to the case's database, on the same database as
    /// the first (for streaming from one while writing with the other).
    pub(in crate::store) fn second_connection(&self) -> Result<Connection> {
        let conn = self.conn.try_clone()?;
        let db: String = self
            .conn
            .query_row("SELECT current_database()", [], |r| r.get(0))?;
        conn.execute_batch(&format!("USE {}", views::ident(&db)))?;
        Ok(conn)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// True for a county review pack's subset case (opened read-only, never changed).
    pub fn is_pack(&self) -> bool {
        self.pack
    }

    fn refuse_pack(&self) -> Result<()> {
        if self.pack {
            return Err(StoreError::PackReadOnly {
                path: self.path.clone(),
            }
            .into());
        }
        Ok(())
    }

    /// True for an encrypted case.
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    /// The private RAM directory holding a plaintext snapshot, if the case
    /// was opened from one (its search index lives there too).
    pub fn ram_dir(&self) -> Option<&Path> {
        self.snapshot.as_ref().map(|r| r.path())
    }

    /// The key of an encrypted case's search index (kept encrypted on disk).
    pub fn index_key(&self) -> Option<&[u8; 32]> {
        self.sealed.as_ref().map(|s| s.keys.index_key())
    }

    /// Closes the case, writing its last changes into the file.
    pub fn close(self) -> Result<()> {
        if self.snapshot.is_none() && !self.pack {
            let _ = self.conn.execute_batch("CHECKPOINT");
        }
        Ok(())
    }

    /// One change to the case: runs `f` in a transaction, appends the audit
    /// entry `action` with the payload `f` returns, and commits — or rolls
    /// everything back, entry included. Within the storage layer.
    pub(in crate::store) fn change<T>(
        &self,
        action: &str,
        f: impl FnOnce(&Connection) -> Result<(T, serde_json::Value)>,
    ) -> Result<T> {
        self.write(action, |tx| f(tx.conn))
    }

    /// [`Case::change`] for the core outside this folder: `f` gets a handle
    /// to the open transaction that only store functions can use, and may
    /// fail with its own error type. The one write path with `change`: no
    /// other code appends to the audit log.
    pub fn write<T, E: From<crate::Error>>(
        &self,
        action: &str,
        f: impl FnOnce(Tx<'_>) -> std::result::Result<(T, serde_json::Value), E>,
    ) -> std::result::Result<T, E> {
        self.write_many(action, |tx| f(tx).map(|(v, payload)| (v, vec![payload])))
    }

    /// [`Case::write`] for many things done at once (a group of imported
    /// files): one transaction, one audit entry `action` per payload `f`
    /// returns, in order — all committed or none. `f` returns a payload for
    /// every change it made.
    pub fn write_many<T, E: From<crate::Error>>(
        &self,
        action: &str,
        f: impl FnOnce(Tx<'_>) -> std::result::Result<(T, Vec<serde_json::Value>), E>,
    ) -> std::result::Result<T, E> {
        self.refuse_pack().map_err(E::from)?;
        self.conn
            .execute_batch("BEGIN TRANSACTION")
            .map_err(|e| E::from(e.into()))?;
        let rollback = || {
            let _ = self.conn.execute_batch("ROLLBACK");
        };
        let (value, payloads) = match f(Tx { conn: &self.conn }) {
            Ok(v) => v,
            Err(e) => {
                rollback();
                return Err(e);
            }
        };
        if let Err(e) = audit::append_many(&self.conn, action, payloads) {
            rollback();
            return Err(E::from(e));
        }
        if let Err(e) = self.conn.execute_batch("COMMIT") {
            rollback();
            return Err(E::from(e.into()));
        }
        Ok(value)
    }

    /// A handle for the store's reading functions outside a change.
    pub fn reads(&self) -> Tx<'_> {
        Tx { conn: &self.conn }
    }

    /// Runs `f` inside one transaction: committed when it returns `Ok`, rolled
    /// back otherwise, so a failed import leaves the case exactly as it was.
    fn transaction<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.refuse_pack()?;
        self.conn.execute_batch("BEGIN TRANSACTION")?;
        match f(&self.conn) {
            Ok(v) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(v),
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(e.into())
                }
            },
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Rebuilds the tables derived from the ledgers (who belongs to which
    /// household, who holds which account) when imports left them stale;
    /// an import of many files calls it once at its end. True when rebuilt.
    pub fn settle_derived(&self) -> Result<bool> {
        if self.pack || !views::derived_stale(&self.conn)? {
            return Ok(false);
        }
        self.transaction(views::derived)?;
        Ok(true)
    }

    /// Writes the WAL into the main file (after bulk loads).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.execute_batch("CHECKPOINT")?;
        Ok(())
    }
}

/// Today's local date.
pub fn today() -> Ymd {
    use chrono::Datelike;
    let d = chrono::Local::now().date_naive();
    Ymd::new(d.year(), d.month(), d.day()).unwrap_or(Ymd {
        y: 2000,
        m: 1,
        d: 1,
    })
}

impl Case {
    /// Runs one ad-hoc query for inspection (tests, diagnostics) and returns
    /// every cell as text. It runs inside a transaction that is always rolled
    /// back, so whatever the SQL says, the case is left as it was.
    pub fn query_text(&self, sql: &str) -> Result<Vec<Vec<Option<String>>>> {
        self.conn.execute_batch("BEGIN TRANSACTION")?;
        let result = (|| -> Result<Vec<Vec<Option<String>>>> {
            let mut st = self.conn.prepare(sql)?;
            let mut rows = st.query([])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                let n = r.as_ref().column_count();
                let mut row = Vec::with_capacity(n);
                for i in 0..n {
                    row.push(match r.get::<_, duckdb::types::Value>(i)? {
                        duckdb::types::Value::Null => None,
                        duckdb::types::Value::Text(s) => Some(s),
                        other => Some(value_text(&other)),
                    });
                }
                out.push(row);
            }
            Ok(out)
        })();
        let _ = self.conn.execute_batch("ROLLBACK");
        result
    }
}

/// A DuckDB value as text, the way `CAST(x AS VARCHAR)` would write it.
fn value_text(v: &duckdb::types::Value) -> String {
    use duckdb::types::Value;
    match v {
        Value::Boolean(b) => b.to_string(),
        Value::TinyInt(n) => n.to_string(),
        Value::SmallInt(n) => n.to_string(),
        Value::Int(n) => n.to_string(),
        Value::BigInt(n) => n.to_string(),
        Value::HugeInt(n) => n.to_string(),
        Value::UTinyInt(n) => n.to_string(),
        Value::USmallInt(n) => n.to_string(),
        Value::UInt(n) => n.to_string(),
        Value::UBigInt(n) => n.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Double(f) => f.to_string(),
        Value::Decimal(d) => d.to_string(),
        Value::Date32(days) => Ymd::from_days_from_epoch(*days as i64)
            .map(|d| d.to_string())
            .unwrap_or_else(|| days.to_string()),
        other => format!("{other:?}"),
    }
}

//! The storage layer: the case file (one DuckDB database holding everything
//! about a case) and every SQL statement hecha runs. Nothing outside this
//! folder sees a connection or writes SQL; the rest of the crate calls the
//! typed functions here.
//!
//! Every change goes through [`Case::change`]: one transaction that also
//! appends the change's audit entry, so no change can forget its entry.

pub mod allegations;
pub mod audit;
pub mod baseline;
pub mod check_history;
pub mod clues;
pub mod crypt;
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
pub mod person;
pub mod programs;
pub mod reference;
pub mod reviews;
pub mod rule_exec;
pub mod run_stage;
pub mod runs;
pub mod schema;
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
pub use open::{memory_limit_mb, spill_dir, Ask, ARROW_SCAN};

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
    /// For an encrypted case: its key and its plaintext in RAM. Declared after
    /// `conn`, so the connection closes before the RAM directory goes.
    sealed: Option<Sealed>,
    /// A read-only snapshot copy (the case was open for writing elsewhere).
    snapshot: Option<crypt::RamDir>,
    /// A county review pack's subset: always read-only.
    pack: bool,
}

/// An open encrypted case (see [`crypt`]).
struct Sealed {
    key: crypt::Key,
    kdf: crypt::Kdf,
    /// The plaintext database, inside `ram`.
    plain: PathBuf,
    /// Never written back (opened read-only, or already converted).
    read_only: bool,
    /// The writer's lock on `.<name>.lock` beside the case file.
    _lock: Option<std::fs::File>,
    ram: crypt::RamDir,
}

impl Drop for Case {
    fn drop(&mut self) {
        // Every commit was already written back (see `transaction`); this only
        // catches a checkpoint not yet encrypted. The core never prints: a
        // failure here leaves the last committed file, which is whole.
        let _ = self.persist();
    }
}

impl Case {
    /// The connection, for the storage layer only.
    pub(in crate::store) fn conn(&self) -> &Connection {
        &self.conn
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
        self.sealed.is_some()
    }

    /// The private RAM directory of an encrypted case (its search index lives there).
    pub fn ram_dir(&self) -> Option<&Path> {
        self.sealed
            .as_ref()
            .map(|s| s.ram.path())
            .or(self.snapshot.as_ref().map(|r| r.path()))
    }

    /// Writes an encrypted case's changes back into its file (checkpoint, then
    /// encrypt the whole database atomically). Nothing for a plain case.
    pub fn persist(&self) -> Result<()> {
        if let Some(s) = self.sealed.as_ref().filter(|s| !s.read_only) {
            self.conn.execute_batch("CHECKPOINT")?;
            crypt::encrypt_file(&s.plain, &self.path, &s.key, &s.kdf)?;
        }
        Ok(())
    }

    /// Closes the case, writing an encrypted case back one last time; unlike
    /// dropping it, says when that failed.
    pub fn close(self) -> Result<()> {
        self.persist()
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
        self.refuse_pack().map_err(E::from)?;
        self.conn
            .execute_batch("BEGIN TRANSACTION")
            .map_err(|e| E::from(e.into()))?;
        let rollback = || {
            let _ = self.conn.execute_batch("ROLLBACK");
        };
        let (value, payload) = match f(Tx { conn: &self.conn }) {
            Ok(v) => v,
            Err(e) => {
                rollback();
                return Err(e);
            }
        };
        if let Err(e) = audit::append(&self.conn, action, payload) {
            rollback();
            return Err(E::from(e));
        }
        if let Err(e) = self.conn.execute_batch("COMMIT") {
            rollback();
            return Err(E::from(e.into()));
        }
        // An encrypted case writes every committed change back to its file.
        self.persist().map_err(E::from)?;
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
                // An encrypted case writes every committed change back to its file.
                Ok(()) => self.persist().map(|_| v),
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

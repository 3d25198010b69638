//! Opening and creating case files: DuckDB settings, locks, encryption, and
//! the errors an officer can act on.
//!
//! An encrypted case is a DuckDB database encrypted by DuckDB itself, block
//! by block, with hecha's crypto provider ([`super::crypto`]): it is opened
//! by attaching the file with its key to an in-memory database, and commits
//! write only the blocks they change. A case encrypted by the first scheme
//! (the whole file, [`crypt`]) migrates the first time it is opened for
//! writing.

use std::path::{Path, PathBuf};

use duckdb::{AccessMode, Config, Connection, OptionalExt};

use super::StoreError;
use super::{crypt, crypto, migrate, schema, today, Case, Scratch};
use crate::domain::now_text;
use crate::error::{Error, Result};
use crate::normalise::Ymd;

/// Gives the passphrase of an encrypted case (its path given), or why not.
pub type Ask<'a> = &'a dyn Fn(&Path) -> Result<String>;

/// For openers that were given no way to ask: an encrypted case is refused.
pub(super) fn no_passphrase(path: &Path) -> Result<String> {
    Err(StoreError::PassphraseRequired {
        path: path.to_path_buf(),
    }
    .into())
}

fn config(read_only: bool) -> duckdb::Result<Config> {
    // No extension is ever downloaded or loaded behind the user's back: hecha is offline.
    Config::default()
        .enable_autoload_extension(false)?
        .access_mode(if read_only {
            AccessMode::ReadOnly
        } else {
            AccessMode::ReadWrite
        })
}

/// Translates DuckDB's open errors into messages an officer can act on.
pub(super) fn open_error(path: &Path, e: duckdb::Error) -> Error {
    let text = e.to_string();
    if text.contains("Could not set lock") || text.contains("Conflicting lock") {
        let pid = text
            .split("PID ")
            .nth(1)
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_ascii_digit())
                    .collect::<String>()
            })
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "?".into());
        return StoreError::Locked {
            path: path.to_path_buf(),
            pid,
        }
        .into();
    }
    if text.contains("not a valid DuckDB database")
        || text.contains("Not a DuckDB")
        || text.contains("is not a valid")
        || text.contains("The file is not a")
    {
        return StoreError::NotDuckdb {
            path: path.to_path_buf(),
        }
        .into();
    }
    Error::Db(e)
}

/// Opens a connection with hecha's settings and table functions.
fn connect(path: &Path, read_only: bool) -> Result<Connection> {
    let conn =
        Connection::open_with_flags(path, config(read_only)?).map_err(|e| open_error(path, e))?;
    settle(&conn, path)?;
    Ok(conn)
}

/// hecha's table functions and settings on a new connection to `path`.
pub(super) fn settle(conn: &Connection, path: &Path) -> Result<()> {
    // Ledger import streams Arrow batches into tables through this scan.
    conn.register_table_function::<duckdb::vtab::arrow::ArrowVTab>(ARROW_SCAN)?;
    // Bounded memory; large joins spill to a folder beside the case instead.
    set_memory_limit(conn, memory_limit_mb())?;
    let spill = spill_dir(path);
    conn.execute("SET temp_directory = ?", [spill.to_string_lossy().as_ref()])?;
    Ok(())
}

/// True when the file at `path` is an encrypted case (either scheme).
pub fn is_encrypted_file(path: &Path) -> bool {
    crypto::is_sealed(path) || crypt::is_encrypted(path)
}

/// Sets DuckDB's memory limit (the buffer pool; beyond it, spills).
pub(super) fn set_memory_limit(conn: &Connection, mb: u64) -> Result<()> {
    conn.execute_batch(&format!("SET memory_limit = '{mb}MB'"))?;
    Ok(())
}

impl Case {
    /// Runs `f` with DuckDB's buffer pool held to `mb` (never above the
    /// case's own limit, [`memory_limit_mb`]; cached blocks beyond it are let
    /// go), then puts the case's limit back. The limit only tunes the cache:
    /// a failure to set it leaves the limit as it was and `f` runs all the same.
    pub fn with_memory_limit<T>(&self, mb: u64, f: impl FnOnce() -> T) -> T {
        let normal = memory_limit_mb();
        let lowered = set_memory_limit(&self.conn, mb.min(normal)).is_ok();
        let out = f();
        if lowered {
            let _ = set_memory_limit(&self.conn, normal);
        }
        out
    }
}

/// DuckDB's memory limit: an eighth of the machine's memory, between 256 MB
/// and 2 GB — an 8 GB laptop gives DuckDB 1 GB and stays responsive while a
/// large check runs (larger joins spill to disk beside the case instead of
/// growing the process); with 16 GB or more the fund-flow rules over ten
/// million statement rows run about twice as fast as at 1 GB, where their
/// joins spill (docs/PERFORMANCE.md).
pub fn memory_limit_mb() -> u64 {
    let total_mb = total_memory_mb().unwrap_or(8 * 1024);
    (total_mb / 8).clamp(256, 2048)
}

fn total_memory_mb() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Where DuckDB spills: `<case>.tmp` beside the case file.
pub fn spill_dir(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".tmp");
    PathBuf::from(s)
}

/// The name of the Arrow scan table function registered on every case connection.
pub const ARROW_SCAN: &str = "hecha_arrow";

/// Fills a new, empty case database: schema, case record, reference data,
/// views and the first audit entry, committed and checkpointed. Returns the
/// case's id.
pub(super) fn init_case(
    conn: &Connection,
    path: &Path,
    title: Option<&str>,
    as_of: Option<Ymd>,
) -> Result<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let title = title.map(str::to_owned).unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let as_of = as_of.unwrap_or_else(today);
    conn.execute_batch("BEGIN TRANSACTION")?;
    let r = (|| -> Result<()> {
        migrate::migrate(conn, 0)?;
        conn.execute(
            "INSERT INTO case_info (id, title, as_of, created_at) VALUES (?, ?, CAST(? AS DATE), CAST(? AS TIMESTAMP))",
            duckdb::params![id, title, as_of.to_string(), now_text()],
        )?;
        super::reference::seed_programs(conn)?;
        super::views::refresh_conn(conn)?;
        super::audit::append(
            conn,
            "case.create",
            serde_json::json!({ "id": id, "title": title, "as_of": as_of.to_string() }),
        )?;
        Ok(())
    })();
    if let Err(e) = r {
        let _ = conn.execute_batch("ROLLBACK");
        return Err(e);
    }
    conn.execute_batch("COMMIT; CHECKPOINT")?;
    Ok(id)
}

/// Refuses to create over an existing file or in a missing folder.
pub(super) fn check_new(path: &Path) -> Result<()> {
    if path.exists() {
        return Err(StoreError::Exists {
            path: path.to_path_buf(),
        }
        .into());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.is_dir() {
            return Err(StoreError::NoDir {
                path: parent.to_path_buf(),
            }
            .into());
        }
    }
    Ok(())
}

impl Case {
    /// Creates a new case file. Refuses to overwrite an existing file.
    pub fn create(path: &Path, title: Option<&str>, as_of: Option<Ymd>) -> Result<Case> {
        check_new(path)?;
        let conn = connect(path, false)?;
        match init_case(&conn, path, title, as_of) {
            Ok(id) => Ok(Case {
                conn,
                path: path.to_path_buf(),
                id,
                sealed: None,
                snapshot: None,
                encrypted: false,
                pack: false,
            }),
            Err(e) => {
                drop(conn);
                let _ = std::fs::remove_file(path);
                let _ = std::fs::remove_file(wal_path(path));
                Err(e)
            }
        }
    }

    /// Opens an existing plain case read-write (one process at a time); an
    /// encrypted one needs [`Case::open_with`].
    pub fn open(path: &Path) -> Result<Case> {
        Case::open_mode(path, false, &no_passphrase)
    }

    /// Opens an existing case read-write; for an encrypted case `ask` gives
    /// the passphrase (called only then). The front end asks the person; the
    /// core never does.
    pub fn open_with(path: &Path, ask: Ask<'_>) -> Result<Case> {
        Case::open_mode(path, false, ask)
    }

    /// Opens an existing plain case read-only; see [`Case::open_read_only_with`].
    pub fn open_read_only(path: &Path) -> Result<Case> {
        Case::open_read_only_with(path, &no_passphrase)
    }

    /// Opens an existing case read-only (many processes may), even while
    /// another window has it open for writing: then from a snapshot copy (the
    /// case as of its last checkpoint). `ask` as for [`Case::open_with`].
    pub fn open_read_only_with(path: &Path, ask: Ask<'_>) -> Result<Case> {
        match Case::open_mode(path, true, ask) {
            Err(Error::Store(StoreError::Locked { .. })) if !is_encrypted_file(path) => {
                let scratch = Scratch::any()?;
                let copy = scratch.path().join("snapshot.duckdb");
                std::fs::copy(path, &copy)?;
                let mut case = Case::open_mode(&copy, true, ask)?;
                case.path = path.to_path_buf();
                case.snapshot = Some(scratch);
                Ok(case)
            }
            other => other,
        }
    }

    pub(super) fn open_mode(path: &Path, read_only: bool, ask: Ask<'_>) -> Result<Case> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            }
            .into());
        }
        if crypt::is_encrypted(path) {
            return Case::open_first_scheme(path, read_only, ask);
        }
        if crypto::is_sealed(path) {
            return Case::open_sealed(path, read_only, ask);
        }
        let conn = connect(path, read_only)?;
        Case::settled(conn, path, read_only)
    }

    /// A case from a fresh connection to its database: checked to be a
    /// hecha case, migrated to this version if opened for writing.
    pub(super) fn settled(conn: Connection, path: &Path, read_only: bool) -> Result<Case> {
        let has_migrations: i64 = conn.query_row(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'hecha_migrations' \
             AND schema_name = 'main' AND database_name = current_database()",
            [],
            |r| r.get(0),
        )?;
        if has_migrations == 0 {
            return Err(StoreError::NotHecha {
                path: path.to_path_buf(),
            }
            .into());
        }
        let version: i32 = conn.query_row(
            "SELECT coalesce(max(version), 0) FROM hecha_migrations",
            [],
            |r| r.get(0),
        )?;
        let current = schema::current_version();
        if version > current {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                version,
                supported: current,
            }
            .into());
        }
        if version < current {
            if read_only {
                return Err(StoreError::NeedsMigration {
                    path: path.to_path_buf(),
                }
                .into());
            }
            conn.execute_batch("BEGIN TRANSACTION")?;
            match migrate::migrate(&conn, version).and_then(|_| super::views::refresh_conn(&conn)) {
                Ok(()) => conn.execute_batch("COMMIT; CHECKPOINT")?,
                Err(e) => {
                    let _ = conn.execute_batch("ROLLBACK");
                    return Err(e);
                }
            }
        }
        let id: Option<String> = conn
            .query_row("SELECT id FROM case_info LIMIT 1", [], |r| r.get(0))
            .optional()?;
        let id = id.ok_or_else(|| {
            Error::from(StoreError::NotHecha {
                path: path.to_path_buf(),
            })
        })?;
        // A review pack's subset is only ever read.
        let pack = super::pack::is_pack(&conn)?;
        let conn = if pack && !read_only {
            drop(conn);
            connect(path, true)?
        } else {
            conn
        };
        let case = Case {
            conn,
            path: path.to_path_buf(),
            id,
            sealed: None,
            snapshot: None,
            encrypted: false,
            pack,
        };
        // An import stopped between its last ledger and the rebuild of the
        // derived tables left them stale: rebuilt before anything reads them.
        if !read_only {
            case.settle_derived()?;
        }
        Ok(case)
    }
}

pub(super) fn wal_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".wal");
    PathBuf::from(s)
}

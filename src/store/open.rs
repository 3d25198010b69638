//! Opening and creating case files: DuckDB settings, locks, encryption, and
//! the errors an officer can act on.

use std::path::{Path, PathBuf};

use duckdb::{AccessMode, Config, Connection, OptionalExt};

use super::StoreError;
use super::{crypt, migrate, schema, today, Case, Sealed};
use crate::domain::now_text;
use crate::error::{Error, Result};
use crate::normalise::Ymd;

/// Gives the passphrase of an encrypted case (its path given), or why not.
pub type Ask<'a> = &'a dyn Fn(&Path) -> Result<String>;

/// For openers that were given no way to ask: an encrypted case is refused.
fn no_passphrase(path: &Path) -> Result<String> {
    Err(StoreError::PassphraseRequired {
        path: path.to_path_buf(),
    }
    .into())
}

/// Takes the writer's lock of an encrypted case (a file beside it, since the
/// case file itself is replaced on every save).
fn lock_sealed(path: &Path) -> Result<std::fs::File> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lock_path = path.with_file_name(format!(".{name}.lock"));
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::SealedLocked {
            path: path.to_path_buf(),
        }
        .into()),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
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
fn open_error(path: &Path, e: duckdb::Error) -> Error {
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
    // Ledger import streams Arrow batches into tables through this scan.
    conn.register_table_function::<duckdb::vtab::arrow::ArrowVTab>(ARROW_SCAN)?;
    // Bounded memory; large joins spill to a folder beside the case instead.
    conn.execute_batch(&format!("SET memory_limit = '{}MB'", memory_limit_mb()))?;
    let spill = spill_dir(path);
    conn.execute("SET temp_directory = ?", [spill.to_string_lossy().as_ref()])?;
    Ok(conn)
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

impl Case {
    /// Creates a new case file. Refuses to overwrite an existing file.
    pub fn create(path: &Path, title: Option<&str>, as_of: Option<Ymd>) -> Result<Case> {
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
        let conn = connect(path, false)?;
        let id = uuid::Uuid::new_v4().to_string();
        let title = title.map(str::to_owned).unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        let as_of = as_of.unwrap_or_else(today);
        let result = (|| -> Result<()> {
            conn.execute_batch("BEGIN TRANSACTION")?;
            migrate::migrate(&conn, 0)?;
            conn.execute(
                "INSERT INTO case_info (id, title, as_of, created_at) VALUES (?, ?, CAST(? AS DATE), CAST(? AS TIMESTAMP))",
                duckdb::params![id, title, as_of.to_string(), now_text()],
            )?;
            super::reference::seed_programs(&conn)?;
            super::views::refresh_conn(&conn)?;
            super::audit::append(
                &conn,
                "case.create",
                serde_json::json!({ "id": id, "title": title, "as_of": as_of.to_string() }),
            )?;
            conn.execute_batch("COMMIT; CHECKPOINT")?;
            Ok(())
        })();
        if let Err(e) = result {
            drop(conn);
            let _ = std::fs::remove_file(path);
            let _ = std::fs::remove_file(wal_path(path));
            return Err(e);
        }
        Ok(Case {
            conn,
            path: path.to_path_buf(),
            id,
            sealed: None,
            snapshot: None,
            pack: false,
        })
    }

    /// Creates a new encrypted case file: the database is built in RAM and only
    /// its ciphertext is written to `path`.
    pub fn create_encrypted(
        path: &Path,
        title: Option<&str>,
        as_of: Option<Ymd>,
        passphrase: &str,
    ) -> Result<Case> {
        if passphrase.chars().count() < crypt::MIN_PASSPHRASE {
            return Err(StoreError::PassphraseTooShort {
                min: crypt::MIN_PASSPHRASE,
            }
            .into());
        }
        if path.exists() {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            }
            .into());
        }
        let title = title.map(str::to_owned).unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        let lock = lock_sealed(path)?;
        let ram = crypt::RamDir::new()?;
        let plain = ram.path().join("case.duckdb");
        let mut case = Case::create(&plain, Some(&title), as_of)?;
        let kdf = crypt::Kdf::new()?;
        let key = kdf.derive(passphrase)?;
        case.path = path.to_path_buf();
        case.sealed = Some(Sealed {
            key,
            kdf,
            plain,
            read_only: false,
            _lock: Some(lock),
            ram,
        });
        case.persist()?;
        Ok(case)
    }

    /// Encrypts a plain case file in place. Its search index (plaintext, in the
    /// cache directory) and spill folder are deleted.
    pub fn encrypt_in_place(path: &Path, passphrase: &str) -> Result<()> {
        if passphrase.chars().count() < crypt::MIN_PASSPHRASE {
            return Err(StoreError::PassphraseTooShort {
                min: crypt::MIN_PASSPHRASE,
            }
            .into());
        }
        if crypt::is_encrypted(path) {
            return Err(StoreError::AlreadyEncrypted {
                path: path.to_path_buf(),
            }
            .into());
        }
        let case = Case::open(path)?;
        case.change("case.encrypt", |_| Ok(((), serde_json::json!({}))))?;
        case.checkpoint()?;
        let id = case.id.clone();
        drop(case);
        let _lock = lock_sealed(path)?;
        let kdf = crypt::Kdf::new()?;
        let key = kdf.derive(passphrase)?;
        crypt::encrypt_file(path, path, &key, &kdf)?;
        let _ = std::fs::remove_file(wal_path(path));
        let _ = std::fs::remove_dir_all(spill_dir(path));
        if let Some(dirs) = directories::ProjectDirs::from("", "", "hecha") {
            let _ = std::fs::remove_dir_all(dirs.cache_dir().join("index").join(&id));
        }
        Ok(())
    }

    /// Decrypts an encrypted case file in place.
    pub fn decrypt_in_place(path: &Path, passphrase: &str) -> Result<()> {
        if !crypt::is_encrypted(path) {
            return Err(StoreError::NotEncrypted {
                path: path.to_path_buf(),
            }
            .into());
        }
        let mut case = Case::open_with(path, &|_| Ok(passphrase.to_string()))?;
        case.change("case.decrypt", |_| Ok(((), serde_json::json!({}))))?;
        case.conn.execute_batch("CHECKPOINT")?;
        if let Some(s) = case.sealed.as_mut() {
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            std::io::copy(&mut std::fs::File::open(&s.plain)?, tmp.as_file_mut())?;
            tmp.as_file().sync_all()?;
            tmp.persist(path).map_err(|e| Error::from(e.error))?;
            // The file is plain now: nothing to write back on close.
            s.read_only = true;
        }
        Ok(())
    }

    /// Opens an encrypted case: takes the writer's lock, then asks `ask` for
    /// the passphrase and decrypts into RAM.
    fn open_sealed(path: &Path, read_only: bool, ask: Ask<'_>) -> Result<Case> {
        let lock = if read_only {
            None
        } else {
            Some(lock_sealed(path)?)
        };
        let pass = ask(path)?;
        let ram = crypt::RamDir::new()?;
        let plain = ram.path().join("case.duckdb");
        let (key, kdf) = crypt::decrypt_file(path, &plain, &pass)?;
        let mut case = Case::open_mode(&plain, read_only, &no_passphrase)?;
        case.path = path.to_path_buf();
        case.sealed = Some(Sealed {
            key,
            kdf,
            plain,
            read_only,
            _lock: lock,
            ram,
        });
        Ok(case)
    }

    /// Opens an existing plain case read-write (one process at a time); an
    /// encrypted one needs [`Case::open_with`].
    pub fn open(path: &Path) -> Result<Case> {
        Case::open_mode(path, false, &no_passphrase)
    }

    /// Opens an existing case read-write; for an encrypted case `ask` gives
    /// the passphrase (called only then, once the writer's lock is held).
    /// The front end asks the person; the core never does.
    pub fn open_with(path: &Path, ask: Ask<'_>) -> Result<Case> {
        Case::open_mode(path, false, ask)
    }

    /// Opens an existing plain case read-only; see [`Case::open_read_only_with`].
    pub fn open_read_only(path: &Path) -> Result<Case> {
        Case::open_read_only_with(path, &no_passphrase)
    }

    /// Opens an existing case read-only (many processes may), even while
    /// another window has it open for writing: then from a snapshot copy (the
    /// case as of its last checkpoint) in a private RAM directory. `ask` as
    /// for [`Case::open_with`].
    pub fn open_read_only_with(path: &Path, ask: Ask<'_>) -> Result<Case> {
        match Case::open_mode(path, true, ask) {
            Err(Error::Store(StoreError::Locked { .. })) => {
                let ram = crypt::RamDir::new()?;
                let copy = ram.path().join("snapshot.duckdb");
                std::fs::copy(path, &copy)?;
                let mut case = Case::open_mode(&copy, true, ask)?;
                case.path = path.to_path_buf();
                case.snapshot = Some(ram);
                Ok(case)
            }
            other => other,
        }
    }

    fn open_mode(path: &Path, read_only: bool, ask: Ask<'_>) -> Result<Case> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            }
            .into());
        }
        if crypt::is_encrypted(path) {
            return Case::open_sealed(path, read_only, ask);
        }
        let conn = connect(path, read_only)?;
        let has_migrations: i64 = conn.query_row(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'hecha_migrations' AND schema_name = 'main'",
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
        Ok(Case {
            conn,
            path: path.to_path_buf(),
            id,
            sealed: None,
            snapshot: None,
            pack,
        })
    }
}

pub(super) fn wal_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".wal");
    PathBuf::from(s)
}

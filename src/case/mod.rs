//! The case file: one DuckDB database holding everything about a case.

pub mod crypt;
pub mod schema;

use std::path::{Path, PathBuf};

use duckdb::{AccessMode, Config, Connection, OptionalExt};
use serde::Serialize;

use crate::error::{Error, Msg, Result};
use crate::ingest::normalise::Ymd;

pub struct Case {
    conn: Connection,
    path: PathBuf,
    id: String,
    /// For an encrypted case: its key and its plaintext in RAM. Declared after
    /// `conn`, so the connection closes before the RAM directory goes.
    sealed: Option<Sealed>,
    /// A read-only snapshot copy (the case was open for writing elsewhere).
    snapshot: Option<crypt::RamDir>,
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
        if let Err(e) = self.persist() {
            eprintln!("hecha: {e}");
        }
    }
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
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(Msg::new("crypt.locked").arg("path", path.display()).into())
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// What `hecha info` shows.
#[derive(Debug, Clone, Serialize)]
pub struct CaseInfo {
    pub path: String,
    pub id: String,
    pub title: String,
    pub as_of: String,
    pub schema_version: i32,
    pub documents: Vec<KindCount>,
    pub ledgers: Vec<LedgerInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindCount {
    pub kind: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LedgerInfo {
    pub id: i32,
    pub name: String,
    pub file: String,
    pub sheet: Option<String>,
    pub role: String,
    pub rows: i64,
    pub encoding: String,
    pub table: String,
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
        return Msg::new("case.locked")
            .arg("path", path.display())
            .arg("pid", pid)
            .into();
    }
    if text.contains("not a valid DuckDB database")
        || text.contains("Not a DuckDB")
        || text.contains("is not a valid")
        || text.contains("The file is not a")
    {
        return Msg::new("case.not_duckdb")
            .arg("path", path.display())
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

/// DuckDB's memory limit: a sixteenth of the machine's memory, between 256 MB
/// and 1 GB, so a laptop stays responsive while a large check runs (larger
/// joins spill to disk beside the case instead of growing the process).
pub fn memory_limit_mb() -> u64 {
    let total_mb = total_memory_mb().unwrap_or(8 * 1024);
    (total_mb / 16).clamp(256, 1024)
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

fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

impl Case {
    /// Creates a new case file. Refuses to overwrite an existing file.
    pub fn create(path: &Path, title: Option<&str>, as_of: Option<Ymd>) -> Result<Case> {
        if path.exists() {
            return Err(Msg::new("case.exists").arg("path", path.display()).into());
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                return Err(Msg::new("case.no_dir").arg("path", parent.display()).into());
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
            migrate(&conn, 0)?;
            conn.execute(
                "INSERT INTO case_info (id, title, as_of, created_at) VALUES (?, ?, CAST(? AS DATE), CAST(? AS TIMESTAMP))",
                duckdb::params![id, title, as_of.to_string(), now_text()],
            )?;
            crate::programs::seed(&conn)?;
            crate::ingest::views::refresh(&conn)?;
            crate::audit::append(
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
            return Err(Msg::new("crypt.too_short")
                .arg("min", crypt::MIN_PASSPHRASE)
                .into());
        }
        if path.exists() {
            return Err(Msg::new("case.exists").arg("path", path.display()).into());
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

    /// Encrypts a plain case file in place. Its search index (plaintext, in the
    /// cache directory) and spill folder are deleted.
    pub fn encrypt_in_place(path: &Path, passphrase: &str) -> Result<()> {
        if passphrase.chars().count() < crypt::MIN_PASSPHRASE {
            return Err(Msg::new("crypt.too_short")
                .arg("min", crypt::MIN_PASSPHRASE)
                .into());
        }
        if crypt::is_encrypted(path) {
            return Err(Msg::new("crypt.already").arg("path", path.display()).into());
        }
        let case = Case::open(path)?;
        case.transaction(|conn| crate::audit::append(conn, "case.encrypt", serde_json::json!({})))?;
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

    /// Decrypts an encrypted case file in place (asks for the passphrase).
    pub fn decrypt_in_place(path: &Path) -> Result<()> {
        if !crypt::is_encrypted(path) {
            return Err(Msg::new("crypt.not_encrypted")
                .arg("path", path.display())
                .into());
        }
        let mut case = Case::open(path)?;
        case.transaction(|conn| crate::audit::append(conn, "case.decrypt", serde_json::json!({})))?;
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

    /// Opens an encrypted case: asks for the passphrase, decrypts into RAM.
    fn open_sealed(path: &Path, read_only: bool) -> Result<Case> {
        let lock = if read_only {
            None
        } else {
            Some(lock_sealed(path)?)
        };
        let pass = crypt::passphrase(path, false)?;
        let ram = crypt::RamDir::new()?;
        let plain = ram.path().join("case.duckdb");
        let (key, kdf) = crypt::decrypt_file(path, &plain, &pass)?;
        let mut case = Case::open_mode(&plain, read_only)?;
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

    /// Opens an existing case read-write (one process at a time).
    pub fn open(path: &Path) -> Result<Case> {
        Case::open_mode(path, false)
    }

    /// Opens an existing case read-only (many processes may), even while
    /// another window has it open for writing: then from a snapshot copy (the
    /// case as of its last checkpoint) in a private RAM directory.
    pub fn open_read_only(path: &Path) -> Result<Case> {
        match Case::open_mode(path, true) {
            Err(e) if e.key() == Some("case.locked") => {
                let ram = crypt::RamDir::new()?;
                let copy = ram.path().join("snapshot.duckdb");
                std::fs::copy(path, &copy)?;
                let mut case = Case::open_mode(&copy, true)?;
                case.path = path.to_path_buf();
                case.snapshot = Some(ram);
                Ok(case)
            }
            other => other,
        }
    }

    fn open_mode(path: &Path, read_only: bool) -> Result<Case> {
        if !path.is_file() {
            return Err(Msg::new("case.missing").arg("path", path.display()).into());
        }
        if crypt::is_encrypted(path) {
            return Case::open_sealed(path, read_only);
        }
        let conn = connect(path, read_only)?;
        let has_migrations: i64 = conn.query_row(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'hecha_migrations' AND schema_name = 'main'",
            [],
            |r| r.get(0),
        )?;
        if has_migrations == 0 {
            return Err(Msg::new("case.not_hecha")
                .arg("path", path.display())
                .into());
        }
        let version: i32 = conn.query_row(
            "SELECT coalesce(max(version), 0) FROM hecha_migrations",
            [],
            |r| r.get(0),
        )?;
        let current = schema::current_version();
        if version > current {
            return Err(Msg::new("case.too_new")
                .arg("path", path.display())
                .arg("version", version)
                .arg("supported", current)
                .into());
        }
        if version < current {
            if read_only {
                return Err(Msg::new("case.needs_migration")
                    .arg("path", path.display())
                    .into());
            }
            conn.execute_batch("BEGIN TRANSACTION")?;
            match migrate(&conn, version).and_then(|_| crate::ingest::views::refresh(&conn)) {
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
        let id =
            id.ok_or_else(|| Error::from(Msg::new("case.not_hecha").arg("path", path.display())))?;
        Ok(Case {
            conn,
            path: path.to_path_buf(),
            id,
            sealed: None,
            snapshot: None,
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn info(&self) -> Result<CaseInfo> {
        let (title, as_of): (String, String) = self.conn.query_row(
            "SELECT title, CAST(as_of AS VARCHAR) FROM case_info LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let schema_version: i32 = self.conn.query_row(
            "SELECT coalesce(max(version), 0) FROM hecha_migrations",
            [],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT k.kind, count(d.id) FROM (VALUES ('letter'), ('transcript')) k(kind) \
             LEFT JOIN documents d ON d.kind = k.kind GROUP BY k.kind ORDER BY k.kind",
        )?;
        let documents = stmt
            .query_map([], |r| {
                Ok(KindCount {
                    kind: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<duckdb::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT id, name, source_file, sheet, role, row_count, encoding, table_name FROM ledgers ORDER BY id",
        )?;
        let ledgers = stmt
            .query_map([], |r| {
                Ok(LedgerInfo {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    file: r.get(2)?,
                    sheet: r.get(3)?,
                    role: r.get(4)?,
                    rows: r.get(5)?,
                    encoding: r.get(6)?,
                    table: r.get(7)?,
                })
            })?
            .collect::<duckdb::Result<Vec<_>>>()?;
        Ok(CaseInfo {
            path: self.path.display().to_string(),
            id: self.id.clone(),
            title,
            as_of,
            schema_version,
            documents,
            ledgers,
        })
    }

    /// Sets the case's title, case number (案件编号) and officer (承办人); `None`
    /// leaves a field as it is. Logged as `case.meta`.
    pub fn set_meta(
        &self,
        title: Option<&str>,
        case_no: Option<&str>,
        officer: Option<&str>,
    ) -> Result<()> {
        if title.is_none() && case_no.is_none() && officer.is_none() {
            return Ok(());
        }
        self.transaction(|conn| {
            conn.execute(
                "UPDATE case_info SET title = coalesce(?, title), case_no = coalesce(?, case_no), officer = coalesce(?, officer)",
                duckdb::params![title, case_no, officer],
            )?;
            crate::audit::append(
                conn,
                "case.meta",
                serde_json::json!({ "title": title, "case_no": case_no, "officer": officer }),
            )
        })
    }

    /// Runs `f` inside one transaction: committed when it returns `Ok`, rolled
    /// back otherwise, so a failed import leaves the case exactly as it was.
    pub fn transaction<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
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

fn wal_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".wal");
    PathBuf::from(s)
}

fn migrate(conn: &Connection, from: i32) -> Result<()> {
    if from == 0 {
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS hecha_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
                applied_at TIMESTAMP NOT NULL, hecha_version VARCHAR NOT NULL)",
        )?;
    }
    for m in schema::MIGRATIONS.iter().filter(|m| m.version > from) {
        conn.execute_batch(m.sql)?;
        if m.version == 2 {
            crate::checks::holidays::seed(conn)?;
        }
        if m.version == 3 {
            backfill_text_hashes(conn)?;
        }
        conn.execute(
            "INSERT INTO hecha_migrations (version, name, applied_at, hecha_version) VALUES (?, ?, CAST(? AS TIMESTAMP), ?)",
            duckdb::params![m.version, m.name, now_text(), env!("CARGO_PKG_VERSION")],
        )?;
    }
    Ok(())
}

/// Documents imported before version 3 get the hash of their stored text.
fn backfill_text_hashes(conn: &Connection) -> Result<()> {
    let mut st = conn.prepare("SELECT id, text FROM documents WHERE text_sha256 IS NULL")?;
    let rows: Vec<(i64, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    for (id, text) in rows {
        conn.execute(
            "UPDATE documents SET text_sha256 = ? WHERE id = ?",
            duckdb::params![crate::audit::sha256_hex(text.as_bytes()), id],
        )?;
    }
    Ok(())
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

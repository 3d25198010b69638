//! Encrypted cases: DuckDB's own block encryption with hecha's crypto
//! provider ([`super::crypto`]). The file is attached with its key to an
//! in-memory database and `USE`d; commits write only the blocks they change.
//! Encrypting, decrypting and migrating a case of the first scheme (the whole
//! file, [`crypt`]) copy the database into a new file that replaces the old.

use std::path::{Path, PathBuf};

use duckdb::Connection;

use super::open::{
    check_new, init_case, is_encrypted_file, no_passphrase, open_error, settle, spill_dir,
    wal_path, Ask,
};
use super::views::literal;
use super::StoreError;
use super::{crypt, crypto, Case, Scratch, Sealed};
use crate::error::{Error, Result};
use crate::normalise::Ymd;

/// The lock file beside a case encrypted by the first scheme.
pub(super) fn lock_path(path: &Path) -> PathBuf {
    beside(path, "lock")
}

/// Takes the writer's lock of an encrypted case (a file beside it, since the
/// case file itself is replaced on every save).
fn lock_sealed(path: &Path) -> Result<std::fs::File> {
    let lock_path = lock_path(path);
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

/// The settings of a database that holds an encrypted case: offline, and
/// its spill files encrypted too (with a key of the process's own).
const SEALED_SETTINGS: &[(&str, &str)] = &[
    ("autoload_known_extensions", "false"),
    ("autoinstall_known_extensions", "false"),
    ("temp_file_encryption", "true"),
];

/// Opens the encrypted case file at `path` (created if missing) with `keys`;
/// the connection's default database is the case.
fn connect_sealed(
    path: &Path,
    keys: &crypto::CaseKeys,
    read_only: bool,
) -> Result<(Connection, crypto::RawDb)> {
    let (conn, db) = crypto::open_raw(SEALED_SETTINGS)?;
    if let Err(e) = conn.execute_batch(&crypto::attach_sql(path, crypto::CASE_DB, keys, read_only))
    {
        let text = e.to_string();
        if text.contains("Wrong encryption key") || text.contains("AES tag") {
            return Err(StoreError::BadPassphrase {
                path: path.to_path_buf(),
            }
            .into());
        }
        return Err(open_error(path, e));
    }
    conn.execute_batch(&format!("USE {}", crypto::CASE_DB))?;
    settle(&conn, path)?;
    Ok((conn, db))
}

/// Copies every table, view and sequence of the database file `from` into
/// a new file `to` (encrypted with `to_keys`, else plain), then makes `to`
/// durable. `from_keys` opens an encrypted source.
fn copy_database(
    from: &Path,
    from_keys: Option<&crypto::CaseKeys>,
    to: &Path,
    to_keys: Option<&crypto::CaseKeys>,
) -> Result<()> {
    let _ = std::fs::remove_file(to);
    let result = (|| -> Result<()> {
        let (conn, db) = crypto::open_raw(SEALED_SETTINGS)?;
        conn.execute_batch(&match from_keys {
            Some(k) => crypto::attach_sql(from, "hecha_from", k, true),
            None => crypto::attach_plain_sql(from, "hecha_from"),
        })?;
        conn.execute_batch(&match to_keys {
            Some(k) => crypto::attach_sql(to, "hecha_to", k, false),
            None => format!("ATTACH {} AS hecha_to", literal(&to.to_string_lossy())),
        })?;
        conn.execute_batch(
            "COPY FROM DATABASE hecha_from TO hecha_to; CHECKPOINT hecha_to; DETACH hecha_to; DETACH hecha_from",
        )?;
        drop(conn);
        drop(db);
        std::fs::OpenOptions::new()
            .write(true)
            .open(to)?
            .sync_all()?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(to);
        let _ = std::fs::remove_file(wal_path(to));
    }
    result
}

/// A new file name beside `path` for writing a replacement of it.
fn beside(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{what}"))
}

/// Moves the finished replacement `tmp` over `path` and clears what
/// belonged to the old file (its WAL, spill folder and search index).
fn replace_with(tmp: &Path, path: &Path, case_id: &str) -> Result<()> {
    std::fs::rename(tmp, path)?;
    let _ = std::fs::remove_file(wal_path(path));
    let _ = std::fs::remove_dir_all(spill_dir(path));
    if let Some(dirs) = directories::ProjectDirs::from("", "", "hecha") {
        let index = dirs.cache_dir().join("index");
        let _ = std::fs::remove_dir_all(index.join(case_id));
        let _ = std::fs::remove_dir_all(index.join(format!("{case_id}.sealed")));
    }
    Ok(())
}

fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < crypt::MIN_PASSPHRASE {
        return Err(StoreError::PassphraseTooShort {
            min: crypt::MIN_PASSPHRASE,
        }
        .into());
    }
    Ok(())
}

impl Case {
    /// Creates a new encrypted case file: DuckDB writes only ciphertext to
    /// `path` (and to its WAL and spill files).
    pub fn create_encrypted(
        path: &Path,
        title: Option<&str>,
        as_of: Option<Ymd>,
        passphrase: &str,
    ) -> Result<Case> {
        check_passphrase(passphrase)?;
        check_new(path)?;
        let keys = crypto::CaseKeys::derive(passphrase)?;
        let (conn, db) = connect_sealed(path, &keys, false)?;
        match init_case(&conn, path, title, as_of) {
            Ok(id) => Ok(Case {
                conn,
                path: path.to_path_buf(),
                id,
                sealed: Some(Sealed {
                    keys,
                    _db: db,
                    _copy: None,
                }),
                snapshot: None,
                encrypted: true,
                pack: false,
            }),
            Err(e) => {
                drop(conn);
                drop(db);
                let _ = std::fs::remove_file(path);
                let _ = std::fs::remove_file(wal_path(path));
                Err(e)
            }
        }
    }

    /// Encrypts a plain case file in place (a new encrypted copy replaces it).
    /// Its plaintext search index and spill folder are deleted.
    pub fn encrypt_in_place(path: &Path, passphrase: &str) -> Result<()> {
        check_passphrase(passphrase)?;
        if is_encrypted_file(path) {
            return Err(StoreError::AlreadyEncrypted {
                path: path.to_path_buf(),
            }
            .into());
        }
        let case = Case::open(path)?;
        case.change("case.encrypt", |_| Ok(((), serde_json::json!({}))))?;
        case.checkpoint()?;
        let id = case.id.clone();
        // Held until the copy replaces the file: no one else writes meanwhile.
        let keys = crypto::CaseKeys::derive(passphrase)?;
        let tmp = beside(path, "encrypting");
        drop(case);
        copy_database(path, None, &tmp, Some(&keys))?;
        replace_with(&tmp, path, &id)
    }

    /// Decrypts an encrypted case file in place.
    pub fn decrypt_in_place(path: &Path, passphrase: &str) -> Result<()> {
        if !is_encrypted_file(path) {
            return Err(StoreError::NotEncrypted {
                path: path.to_path_buf(),
            }
            .into());
        }
        // Opening migrates a first-scheme file and checks the passphrase.
        let case = Case::open_with(path, &|_| Ok(passphrase.to_string()))?;
        case.change("case.decrypt", |_| Ok(((), serde_json::json!({}))))?;
        case.checkpoint()?;
        let id = case.id.clone();
        drop(case);
        let keys = crypto::CaseKeys::derive(passphrase)?;
        let tmp = beside(path, "decrypting");
        copy_database(path, Some(&keys), &tmp, None)?;
        replace_with(&tmp, path, &id)
    }

    /// Opens an encrypted case (DuckDB's encryption): asks `ask` for the
    /// passphrase; read-only while another process writes it, from a copy of
    /// the file (still encrypted) as of its last checkpoint.
    pub(super) fn open_sealed(path: &Path, read_only: bool, ask: Ask<'_>) -> Result<Case> {
        let pass = ask(path)?;
        let keys = crypto::CaseKeys::derive(&pass)?;
        let (conn, db, copy) = match connect_sealed(path, &keys, read_only) {
            Ok((c, d)) => (c, d, None),
            Err(Error::Store(StoreError::Locked { .. })) if read_only => {
                let dir = tempfile::tempdir()?;
                let copy = dir.path().join("snapshot.duckdb");
                std::fs::copy(path, &copy)?;
                let (c, d) = connect_sealed(&copy, &keys, true)?;
                (c, d, Some(dir))
            }
            Err(e) => return Err(e),
        };
        let mut case = Case::settled(conn, path, read_only)?;
        case.encrypted = true;
        case.sealed = Some(Sealed {
            keys,
            _db: db,
            _copy: copy,
        });
        Ok(case)
    }

    /// Opens a case encrypted by the first scheme (the whole file): read-only
    /// from a decrypted copy in RAM; for writing, it first becomes a case
    /// encrypted by DuckDB (the same passphrase), logged in its audit chain.
    pub(super) fn open_first_scheme(path: &Path, read_only: bool, ask: Ask<'_>) -> Result<Case> {
        let lock = if read_only {
            None
        } else {
            Some(lock_sealed(path)?)
        };
        let pass = ask(path)?;
        let ram = crypt::RamDir::new()?;
        let plain = ram.path().join("case.duckdb");
        crypt::decrypt_file(path, &plain, &pass)?;
        if read_only {
            drop(lock);
            let mut case = Case::open_mode(&plain, true, &no_passphrase)?;
            case.path = path.to_path_buf();
            case.snapshot = Some(Scratch::Ram(ram));
            case.encrypted = true;
            return Ok(case);
        }
        // Bring the copy up to this version first, then re-encrypt it.
        let id = {
            let c = Case::open_mode(&plain, false, &no_passphrase)?;
            c.checkpoint()?;
            c.id.clone()
        };
        let keys = crypto::CaseKeys::derive(&pass)?;
        let tmp = beside(path, "migrating");
        copy_database(&plain, None, &tmp, Some(&keys))?;
        replace_with(&tmp, path, &id)?;
        drop(ram);
        drop(lock);
        let _ = std::fs::remove_file(lock_path(path));
        let case = Case::open_sealed(path, false, &|_| Ok(pass.clone()))?;
        case.change(
            "case.encryption_migrated",
            |_| Ok(((), serde_json::json!({ "from": "whole-file XChaCha20-Poly1305", "to": "DuckDB AES-256-GCM" }))),
        )?;
        Ok(case)
    }
}

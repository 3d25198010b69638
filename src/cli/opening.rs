//! The one place the command line opens an existing case file.
//!
//! TODO(issue 11, lead): when `Case::open*` take the passphrase as an argument,
//! pass it here — asked only for an encrypted file, and (as today) after the
//! writer's lock is taken — e.g.
//! `Case::open(path, &mut || passphrase::passphrase(path, false))` or
//! `let pass = crypt::is_encrypted(path).then(|| passphrase(path, false)).transpose()?;`.
//! Until then the core still asks itself (src/case/crypt.rs `passphrase`, the
//! same behaviour as `super::passphrase::passphrase`).

use std::path::Path;

use hecha::case::Case;

use super::error::Result;

/// Opens a case read-write (one process at a time).
pub fn read_write(path: &Path) -> Result<Case> {
    // TODO(issue 11): pass `super::passphrase::passphrase(path, false)` (encrypted files only).
    Ok(Case::open(path)?)
}

/// Opens a case read-only (from a snapshot while another process writes).
pub fn read_only(path: &Path) -> Result<Case> {
    // TODO(issue 11): pass `super::passphrase::passphrase(path, false)` (encrypted files only).
    Ok(Case::open_read_only(path)?)
}

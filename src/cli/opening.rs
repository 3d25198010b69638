//! The one place the command line opens an existing case file. For an
//! encrypted file the core calls back for the passphrase (once it holds the
//! writer's lock); asking the person is the front end's job.

use std::path::Path;

use hecha::case::Case;
use hecha::store::StoreError;
use hecha::Msg;

use super::error::{Error, Result};
use super::passphrase::passphrase;

/// The prompt's failures as the core reports them.
fn ask(path: &Path) -> hecha::Result<String> {
    passphrase(path, false).map_err(|e| match e {
        Error::Core(e) => e,
        Error::PassphraseRequired(path) => StoreError::PassphraseRequired { path }.into(),
        Error::PassphraseMismatch => Msg::new("crypt.mismatch").into(),
        Error::Cancelled => Msg::new("crypt.cancelled").into(),
        other => Msg::new("err.io").arg("detail", other).into(),
    })
}

/// Opens a case read-write (one process at a time).
pub fn read_write(path: &Path) -> Result<Case> {
    Ok(Case::open_with(path, &ask)?)
}

/// Opens a case read-only (from a snapshot while another process writes).
pub fn read_only(path: &Path) -> Result<Case> {
    Ok(Case::open_read_only_with(path, &ask)?)
}

//! hecha (核查): a local-first workbench for discipline-inspection casework.
//!
//! The library holds the core with no terminal code; the CLI and the TUI are
//! thin callers. Layers, top to bottom (see docs/ARCHITECTURE.md):
//! front ends (`tui`, the bin's `cli`) → core (`case`, `ingest`, `search`,
//! `checks`, `export`) → `store` (the only SQL) → `domain`, `reference`, `i18n`.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::panic))]

pub mod case;
pub mod checks;
pub mod demo;
pub mod docgen;
pub mod domain;
pub mod error;
pub mod export;
pub mod i18n;
pub mod ingest;
pub mod normalise;
pub mod ocr;
pub mod pack;
pub mod reference;
pub mod register;
pub mod search;
pub mod store;
pub mod tui;

pub use store::audit;

/// The casework API's old path (it lives in [`case`] now).
pub mod casework {
    pub use crate::case::*;
}
pub use i18n::Msg;
pub use store::Case;

/// Every failure of the core, by the module it comes from. Each module's
/// error reads in the UI language; database and I/O failures are wrapped as
/// they are.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Opening, creating, encrypting or writing the case file.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// Casework refused what it was given.
    #[error(transparent)]
    Case(#[from] crate::case::CaseError),
    #[error(transparent)]
    Checks(#[from] crate::checks::ChecksError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// A file that could not be imported (the case is unchanged).
    #[error(transparent)]
    Ingest(Box<crate::ingest::Error>),
    /// Something else the user can act on, already explained.
    #[error("{0}")]
    User(Msg),
    #[error("{}", crate::i18n::t("err.db", &[("detail", .0)]))]
    Db(#[source] duckdb::Error),
    #[error("{}", crate::i18n::t("err.io", &[("detail", .0)]))]
    Io(#[from] std::io::Error),
}

impl From<duckdb::Error> for Error {
    fn from(e: duckdb::Error) -> Error {
        // A change attempted on a case opened read-only: say so in words.
        if e.to_string().contains("read-only mode") {
            return Error::Store(crate::store::StoreError::ReadOnly);
        }
        Error::Db(e)
    }
}

impl Error {
    /// The failure as a catalogue message.
    pub fn msg(&self) -> Msg {
        match self {
            Error::Store(e) => e.msg(),
            Error::Case(e) => e.msg(),
            Error::Checks(e) => e.msg(),
            Error::Search(e) => e.msg(),
            Error::Export(e) => e.msg(),
            Error::Ingest(e) => e.msg(),
            Error::User(m) => m.clone(),
            Error::Db(e) => Msg::new("err.db").arg("detail", e),
            Error::Io(e) => Msg::new("err.io").arg("detail", e),
        }
    }

    pub fn user(msg: Msg) -> Error {
        Error::User(msg)
    }

    /// The catalogue key of the message (for tests and JSON output); none for
    /// database and I/O failures.
    pub fn key(&self) -> Option<&'static str> {
        match self {
            Error::Store(e) => Some(e.msg().key),
            Error::Case(e) => Some(e.msg().key),
            Error::Checks(e) => Some(e.msg().key),
            Error::Search(e) => Some(e.msg().key),
            Error::Export(e) => Some(e.msg().key),
            Error::Ingest(e) => Some(e.msg().key),
            Error::User(m) => Some(m.key),
            Error::Db(_) | Error::Io(_) => None,
        }
    }
}

/// An import failure: its message as a user error, a failure of the case
/// file as it was.
impl From<crate::ingest::Error> for Error {
    fn from(e: crate::ingest::Error) -> Error {
        match e {
            crate::ingest::Error::Case(inner) => inner,
            other => Error::Ingest(Box::new(other)),
        }
    }
}

impl From<Msg> for Error {
    fn from(m: Msg) -> Error {
        Error::User(m)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

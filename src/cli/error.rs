//! The command line's own failures (bad arguments, the passphrase prompt, a
//! failed benchmark), each read from the message catalogue; the core's errors
//! pass through unchanged.

use std::path::PathBuf;

use hecha::Msg;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A failure of the core (case file, import, checks, search, export …).
    #[error(transparent)]
    Core(#[from] hecha::Error),
    #[error("{}", Msg::new("cli.bad_date").arg("value", .0))]
    BadDate(String),
    #[error("{}", Msg::new("cli.bad_kind").arg("value", .0))]
    BadKind(String),
    #[error("{}", Msg::new("cli.bad_role").arg("value", .0))]
    BadRole(String),
    #[error("{}", Msg::new("cli.bad_set").arg("value", .0))]
    BadSet(String),
    #[error("{}", Msg::new("cli.keymap_broken").arg("detail", .0))]
    KeymapBroken(String),
    #[error("{}", Msg::new("casework.quote_required"))]
    QuoteRequired,
    #[error("{}", Msg::new("casework.two_items"))]
    TwoItems,
    #[error("{}", Msg::new("export.bad_format").arg("value", .0))]
    BadExportFormat(String),
    #[error("{}", Msg::new("search.empty_query"))]
    EmptyQuery,
    #[error("{}", Msg::new("crypt.passphrase_required").arg("path", .0.display()))]
    PassphraseRequired(PathBuf),
    #[error("{}", Msg::new("crypt.mismatch"))]
    PassphraseMismatch,
    #[error("{}", Msg::new("crypt.cancelled"))]
    Cancelled,
    /// A ledger page that could not be read (its stored column list).
    #[error(transparent)]
    Page(hecha::store::ledger_pages::PageError),
    #[error("{}", Msg::new("bench.import_failed").arg("detail", .0))]
    BenchImportFailed(String),
    #[error("{}", Msg::new("graph.no_person").arg("id", .0))]
    NoPerson(String),
    #[error("{}", Msg::new("graph.bad_format").arg("value", .0))]
    BadGraphFormat(String),
    #[error("{}", Msg::new("mentions.bad_kind").arg("value", .0))]
    BadMentionKind(String),
    #[error("{}", Msg::new("watch.needs_case"))]
    WatchNeedsCase,
    #[error("{}", Msg::new("watch.needs_terms"))]
    WatchNeedsTerms,
    #[error("{}", Msg::new("search.bulk_needs_one"))]
    BulkNeedsOne,
    #[error("{}", Msg::new("search.bad_export").arg("value", .0))]
    BadSearchExport(String),
}

/// I/O failures read as the core's do ("err.io").
impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Core(hecha::Error::Io(e))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

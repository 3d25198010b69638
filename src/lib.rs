//! hecha (核查): a local-first workbench for discipline-inspection casework.
//!
//! The library holds the core — the case file, import, normalisation — with no
//! terminal code; the CLI (and later the TUI) are thin callers.

pub mod audit;
pub mod bench;
pub mod case;
pub mod casework;
pub mod checks;
pub mod demo;
pub mod error;
pub mod export;
pub mod i18n;
pub mod ingest;
pub mod programs;
pub mod search;
pub mod store;
pub mod tui;

pub use case::Case;
pub use error::{Error, Msg, Result};

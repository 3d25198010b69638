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
pub mod domain;
pub mod error;
pub mod export;
pub mod i18n;
pub mod ingest;
pub mod reference;
pub mod search;
pub mod store;
pub mod tui;

pub use store::audit;

/// The casework API's old path (it lives in [`case`] now).
pub mod casework {
    pub use crate::case::*;
}
pub use store::Case;
pub use error::{Error, Msg, Result};

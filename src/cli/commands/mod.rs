//! One module per noun: its arguments (`clap::Args`), what it does, and how
//! its answer reads to a person. Every answer that has a `--json` form goes
//! through [`crate::cli::output::emit`].

pub mod allegations;
pub mod audit;
pub mod case;
pub mod checks;
pub mod clues;
pub mod crypt;
pub mod demo;
pub mod docs;
pub mod export;
pub mod graph;
pub mod import;
pub mod ledgers;
pub mod links;
pub mod mentions;
pub mod notes;
pub mod ocr;
pub mod pack;
pub mod person;
pub mod register;
pub mod rules;
pub mod runs;
pub mod search;
pub mod show;
pub mod undo;
pub mod watch;
pub mod workbench;

use hecha::normalise::{parse_date, Ymd};

use super::error::{Error, Result};

/// An `--as-of` date (YYYY-MM-DD and the other spellings the ledgers use).
pub fn parse_as_of(s: &str) -> Result<Ymd> {
    match parse_date(s) {
        Ok(Some(d)) => Ok(d),
        _ => Err(Error::BadDate(s.to_string())),
    }
}

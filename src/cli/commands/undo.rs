//! `hecha undo`: undoes the last casework change (a link, a review, a status,
//! a note) with a compensating, audited change.

use clap::Args;
use serde::Serialize;
use std::path::PathBuf;

use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::emit;

#[derive(Args)]
pub struct UndoArgs {
    case: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Answer {
    /// The audit entry undone.
    undoes: i64,
    message: String,
}

pub fn undo(a: UndoArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let done = hecha::casework::undo_last(&c)?;
    let answer = Answer {
        undoes: done.seq,
        message: done.msg().to_string(),
    };
    emit(a.json, &answer, |a| println!("{}", a.message));
    Ok(0)
}

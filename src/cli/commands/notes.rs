//! `hecha note` and `hecha tag`: a note or a tag on any item (`--on KIND:REF`).

use std::path::PathBuf;

use clap::Args;
use hecha::casework;
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::opening;

#[derive(Args)]
pub struct NoteArgs {
    case: PathBuf,
    #[arg(long)]
    on: String,
    text: String,
}

pub fn note(a: NoteArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let id = casework::note(&c, &a.on, &a.text)?;
    println!("{}", tr!("casework.noted", id = id));
    Ok(0)
}

#[derive(Args)]
pub struct TagArgs {
    case: PathBuf,
    #[arg(long)]
    on: String,
    tag: String,
}

pub fn tag(a: TagArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    casework::tag(&c, &a.on, &a.tag)?;
    println!("{}", tr!("casework.tagged", on = a.on));
    Ok(0)
}

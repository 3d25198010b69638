//! `hecha log` and `hecha verify`: the audit log and its integrity.

use std::path::PathBuf;

use clap::Args;
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::output::emit;
use crate::cli::{opening, EXIT_FAILED};

#[derive(Args)]
pub struct CaseJson {
    case: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn log(a: CaseJson) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let entries = hecha::audit::entries(&c)?;
    emit(a.json, &entries, |entries| {
        for e in entries {
            println!(
                "{:>5}  {}  {:<10} {:<16} {}",
                e.seq, e.at, e.user, e.action, e.payload
            );
        }
    });
    Ok(0)
}

pub fn verify(a: CaseJson) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let v = hecha::audit::verify(&c)?;
    emit(a.json, &v, |v| {
        if v.failure.is_none() {
            println!(
                "{}",
                tr!("audit.intact", entries = v.entries, documents = v.documents)
            );
        }
    });
    match &v.failure {
        None => Ok(0),
        Some(f) => {
            eprintln!("{}: {}", tr!("cli.error"), f.message());
            Ok(EXIT_FAILED)
        }
    }
}

//! `hecha person`: everything about one ID number in the case.

use std::path::PathBuf;

use clap::Args;
use hecha::casework::{self, PersonView};
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::emit;

#[derive(Args)]
pub struct PersonArgs {
    case: PathBuf,
    id_number: String,
    #[arg(long)]
    json: bool,
}

pub fn person(a: PersonArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let p = casework::person(&c, &a.id_number)?;
    emit(a.json, &p, print_person);
    Ok(0)
}

fn print_person(p: &PersonView) {
    println!("{}  {}", p.id_number, p.names.join("、"));
    for e in &p.timeline {
        let place = match (&e.ledger, e.row) {
            (Some(l), Some(r)) => format!("{l}#{r}"),
            _ => String::new(),
        };
        println!(
            "  {:<10} {:<11} {}  ({place})",
            e.date.clone().unwrap_or_else(|| "—".into()),
            e.kind,
            e.text
        );
    }
    for d in &p.documents {
        println!("  {}  {d}", tr!("casework.mentioned_in"));
    }
    for f in &p.findings {
        println!("  {} {}", f.id, f.text);
    }
    for (a, title, no) in &p.links {
        println!("  #{a} {title} {no}");
    }
}

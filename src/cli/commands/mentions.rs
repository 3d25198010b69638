//! `hecha mentions`: ID numbers, phones, card numbers, amounts and dates the
//! letters and transcripts mention, each with where; `hecha search CASE VALUE`
//! then lists every document and row mentioning one.

use std::path::PathBuf;

use clap::Args;
use hecha::search::mentions::{self, Kind, Mention};
use hecha::search::SearchIndex;
use hecha::tr;

use crate::cli::error::{Error, Result};
use crate::cli::opening;
use crate::cli::output::emit;
use crate::cli::progress::with_index_progress;

#[derive(Args)]
pub struct MentionsArgs {
    case: PathBuf,
    /// id | phone | card | amount | date
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn mentions(a: MentionsArgs) -> Result<i32> {
    let kind = a
        .kind
        .as_deref()
        .map(|k| Kind::parse(k).ok_or_else(|| Error::BadMentionKind(k.to_string())))
        .transpose()?;
    let c = opening::read_only(&a.case)?;
    let idx = with_index_progress(|p| SearchIndex::open(&c, p))?;
    let found = mentions::mentions(&c, &idx, kind)?;
    emit(a.json, found.as_slice(), |m| print(m, &a.case));
    Ok(0)
}

fn print(found: &[Mention], case: &std::path::Path) {
    if found.is_empty() {
        println!("{}", tr!("mentions.none"));
        return;
    }
    let mut last = None;
    for m in found {
        if last != Some(m.kind) {
            println!("\n{}", tr!(&format!("mentions.kind_{}", m.kind.as_str())));
            last = Some(m.kind);
        }
        let rows = m
            .rows
            .map(|n| tr!("mentions.rows", n = n))
            .unwrap_or_default();
        println!(
            "  {}  {}{rows}：{}",
            m.value,
            tr!("mentions.documents", n = m.documents.len()),
            m.documents.join("、")
        );
    }
    println!("\n{}", tr!("mentions.pivot", case = case.display()));
}

//! `hecha link`, `hecha links`, `hecha unlink`: links between any two items.

use std::path::PathBuf;

use clap::Args;
use hecha::casework::{self, Endpoint, Item, LinkEnd};
use hecha::tr;

use crate::cli::error::{Error, Result};
use crate::cli::opening;
use crate::cli::output::{emit, emit_as, Layout};

#[derive(Args)]
pub struct LinkArgs {
    case: PathBuf,
    #[command(flatten)]
    items: Items,
    /// supports | contradicts | relates（证实 / 反驳 / 相关）
    #[arg(long, default_value = "supports")]
    relation: String,
    #[arg(long)]
    note: Option<String>,
    #[arg(long)]
    json: bool,
}

// The two items to link, each option given once or (one kind) twice (a plain
// comment: a doc comment on an `Args` struct would become the command's about).
#[derive(Args)]
struct Items {
    #[arg(long)]
    allegation: Vec<i64>,
    #[arg(long)]
    finding: Vec<String>,
    /// 文书的文件名或标题 / document source file name or title (with --quote)
    #[arg(long)]
    document: Vec<String>,
    #[arg(long)]
    quote: Vec<String>,
    /// 台账名:数据行号 / LEDGER:ROW
    #[arg(long)]
    row: Vec<String>,
    /// 身份证号 / ID number
    #[arg(long)]
    person: Vec<String>,
}

impl Items {
    /// The two ends named by the options (any kind, one kind at most twice).
    fn ends(self) -> Result<[Endpoint; 2]> {
        if self.document.len() != self.quote.len() {
            return Err(Error::QuoteRequired);
        }
        let mut ends: Vec<Endpoint> = self
            .allegation
            .into_iter()
            .map(Endpoint::Allegation)
            .collect();
        ends.extend(
            self.finding
                .into_iter()
                .map(|f| Endpoint::Item(Item::Finding(f))),
        );
        ends.extend(
            self.document
                .into_iter()
                .zip(self.quote)
                .map(|(source, quote)| Endpoint::Item(Item::Document { source, quote })),
        );
        ends.extend(self.row.into_iter().map(|r| Endpoint::Item(Item::Row(r))));
        ends.extend(
            self.person
                .into_iter()
                .map(|p| Endpoint::Item(Item::Person(p))),
        );
        <[Endpoint; 2]>::try_from(ends).map_err(|_| Error::TwoItems)
    }
}

pub fn link(a: LinkArgs) -> Result<i32> {
    let [x, y] = a.items.ends()?;
    let c = opening::read_write(&a.case)?;
    let linked = casework::link_pair(&c, &x, &y, &a.relation, a.note.as_deref())?;
    emit_as(Layout::Line, a.json, &linked, |l| match &l.catalogue {
        Some(no) => println!("{}", tr!("casework.linked", id = l.id, no = no)),
        None => println!("{}", tr!("casework.linked_items", id = l.id)),
    });
    Ok(0)
}

#[derive(Args)]
pub struct ListArgs {
    case: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn list(a: ListArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let links = casework::links(&c)?;
    emit(a.json, &links, |links| {
        let end = |e: &LinkEnd| format!("{}:{} {}", e.kind, e.reference, e.label);
        for l in links {
            println!(
                "#{:<4} {:<6} {}  ⟷  {}  [{}]{}",
                l.id,
                l.catalogue.map(|c| c.to_string()).unwrap_or_default(),
                end(&l.a),
                end(&l.b),
                l.relation.label(),
                l.note
                    .as_ref()
                    .map(|n| format!("  {n}"))
                    .unwrap_or_default()
            );
        }
    });
    Ok(0)
}

#[derive(Args)]
pub struct UnlinkArgs {
    case: PathBuf,
    link: i64,
}

pub fn unlink(a: UnlinkArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    casework::unlink(&c, a.link)?;
    println!("{}", tr!("casework.unlinked", id = a.link));
    Ok(0)
}

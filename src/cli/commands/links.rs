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
    #[command(flatten)]
    evidence: EvidenceOpts,
    #[arg(long)]
    json: bool,
}

/// What an item is as evidence (a plain comment: see `Items`).
#[derive(Args)]
pub struct EvidenceOpts {
    /// 证据种类 / evidence type: physical 物证 | documentary 书证 | witness 证人证言 | victim 被害人陈述 | subject-statement 被调查人陈述和辩解 | expert 鉴定意见 | record 勘验检查等笔录 | electronic 视听资料、电子数据 | clue-material 线索材料
    #[arg(long = "type")]
    evidence_type: Option<String>,
    /// 原件 / the original
    #[arg(long, conflicts_with = "copy")]
    original: bool,
    /// 复印件 / a copy
    #[arg(long)]
    copy: bool,
    /// 证明内容 / what it proves
    #[arg(long)]
    proves: Option<String>,
}

impl EvidenceOpts {
    fn spec(&self) -> Result<hecha::store::links::EvidenceSpec> {
        let original = match (self.original, self.copy) {
            (true, _) => Some("original"),
            (_, true) => Some("copy"),
            _ => None,
        };
        Ok(casework::evidence::spec(
            self.evidence_type.as_deref(),
            original,
            self.proves.as_deref(),
        )?)
    }
}

#[derive(Args)]
pub struct EvidenceArgs {
    case: PathBuf,
    /// 关联编号（hecha links 列出）/ the link id
    link: i64,
    #[command(flatten)]
    evidence: EvidenceOpts,
    #[arg(long)]
    json: bool,
}

/// `hecha evidence`: says what a catalogue entry is as evidence.
pub fn evidence(a: EvidenceArgs) -> Result<i32> {
    let spec = a.evidence.spec()?;
    let c = opening::read_write(&a.case)?;
    if spec == hecha::store::links::EvidenceSpec::default() {
        return Err(hecha::Error::from(casework::CaseError::NothingToSet).into());
    }
    casework::evidence::set(&c, a.link, &spec)?;
    emit_as(
        Layout::Line,
        a.json,
        &serde_json::json!({ "link": a.link }),
        |_| println!("{}", tr!("casework.evidence_set", id = a.link)),
    );
    Ok(0)
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
    let spec = a.evidence.spec()?;
    let c = opening::read_write(&a.case)?;
    let linked = casework::link_pair_as(&c, &x, &y, &a.relation, a.note.as_deref(), &spec)?;
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

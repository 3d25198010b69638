//! `hecha allege`, `hecha allegations`, `hecha status`: allegations, their
//! evidence catalogues and their conclusions.

use std::path::PathBuf;

use clap::Args;
use hecha::casework;
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::{emit, emit_as, Layout};

#[derive(Args)]
pub struct AllegeArgs {
    case: PathBuf,
    title: String,
    #[arg(long)]
    text: Option<String>,
    /// 来源，例如 letter:举报信.txt 或 finding:F8d42184520 / where it came from
    #[arg(long = "from")]
    source: Option<String>,
    /// 放入已登记的问题线索（序号或编号）；不写则另登记一条 / the clue it is raised in (else a new clue)
    #[arg(long)]
    clue: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn allege(a: AllegeArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let clue = a
        .clue
        .as_deref()
        .map(|k| hecha::register::resolve(&c, k))
        .transpose()?;
    let id = casework::allegations::allege_in(
        &c,
        clue,
        &a.title,
        a.text.as_deref(),
        a.source.as_deref(),
    )?;
    emit_as(
        Layout::Line,
        a.json,
        &serde_json::json!({ "id": id }),
        |_| {
            println!("{}", tr!("casework.created", id = id));
        },
    );
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
    let list = casework::allegations(&c)?;
    emit(a.json, &list, |list| {
        for a in list {
            println!(
                "#{} [{}] {}  {}",
                a.id,
                a.status,
                a.title,
                a.amount.map(|a| a.to_string()).unwrap_or_default()
            );
            if let Some(r) = &a.reason {
                println!("    {r}");
            }
            for e in &a.evidence {
                println!(
                    "    {} {:<11} {}  {}",
                    e.no,
                    e.relation,
                    e.label,
                    e.quote.clone().unwrap_or_default()
                );
            }
        }
    });
    Ok(0)
}

#[derive(Args)]
pub struct StatusArgs {
    case: PathBuf,
    #[arg(long)]
    allegation: i64,
    /// 待核查|属实|部分属实|不属实|无法证实 (pending|true|partly|false|unproven)
    status: String,
    #[arg(long)]
    reason: String,
    /// 违纪金额 / amount involved
    #[arg(long)]
    amount: Option<String>,
}

pub fn status(a: StatusArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    casework::set_status(&c, a.allegation, &a.status, &a.reason, a.amount.as_deref())?;
    println!("{}", tr!("casework.status_set", id = a.allegation));
    Ok(0)
}

//! `hecha new`, `hecha meta`, `hecha info`: the case file itself.

use std::path::PathBuf;

use clap::Args;
use hecha::case::{Case, CaseInfo};
use hecha::tr;

use super::import::role_label;
use super::parse_as_of;
use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::{emit, table};
use crate::cli::passphrase::passphrase;

#[derive(Args)]
pub struct NewArgs {
    case: PathBuf,
    #[arg(long)]
    title: Option<String>,
    /// 截至日期 / as-of date, YYYY-MM-DD (default: today)
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// 案件编号 / case number
    #[arg(long = "case-no")]
    case_no: Option<String>,
    /// 承办人 / officer in charge
    #[arg(long)]
    officer: Option<String>,
    /// 加密案件文件（口令取自 HECHA_PASSPHRASE 或终端输入）/ encrypt the case file
    #[arg(long)]
    encrypt: bool,
}

pub fn new(a: NewArgs) -> Result<i32> {
    let as_of = a.as_of.as_deref().map(parse_as_of).transpose()?;
    let c = if a.encrypt {
        let pass = passphrase(&a.case, true)?;
        Case::create_encrypted(&a.case, a.title.as_deref(), as_of, &pass)?
    } else {
        Case::create(&a.case, a.title.as_deref(), as_of)?
    };
    c.set_meta(None, a.case_no.as_deref(), a.officer.as_deref())?;
    println!(
        "{}",
        tr!("cli.created", path = a.case.display(), id = c.id())
    );
    Ok(0)
}

#[derive(Args)]
pub struct MetaArgs {
    case: PathBuf,
    #[arg(long)]
    title: Option<String>,
    #[arg(long = "case-no")]
    case_no: Option<String>,
    #[arg(long)]
    officer: Option<String>,
}

pub fn meta(a: MetaArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    c.set_meta(
        a.title.as_deref(),
        a.case_no.as_deref(),
        a.officer.as_deref(),
    )?;
    println!("{}", tr!("cli.meta_set"));
    Ok(0)
}

#[derive(Args)]
pub struct InfoArgs {
    case: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn info(a: InfoArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    emit(a.json, &c.info()?, print_info);
    Ok(0)
}

/// The case summary: title, file, dates, documents by kind, the ledger table.
pub fn print_info(info: &CaseInfo) {
    println!("{}  {}", tr!("info.title"), info.title);
    println!("{}  {}", tr!("info.file"), info.path);
    println!("{}  {}", tr!("info.id"), info.id);
    println!("{}  {}", tr!("info.as_of"), info.as_of);
    println!("{}  {}", tr!("info.schema"), info.schema_version);
    let docs: Vec<String> = info
        .documents
        .iter()
        .map(|d| {
            tr!(
                "info.doc_count",
                kind = tr!(&format!("kind.{}", d.kind)),
                n = d.count
            )
        })
        .collect();
    println!("{}  {}", tr!("info.documents"), docs.join("，"));
    println!("{}  {}", tr!("info.ledgers"), info.ledgers.len());
    if info.ledgers.is_empty() {
        return;
    }
    let headers = vec![
        "#".to_string(),
        tr!("info.col_name"),
        tr!("info.col_role"),
        tr!("info.col_rows"),
        tr!("info.col_encoding"),
        tr!("info.col_file"),
    ];
    let rows: Vec<Vec<String>> = info
        .ledgers
        .iter()
        .map(|l| {
            vec![
                l.id.to_string(),
                l.name.clone(),
                role_label(&l.role),
                l.rows.to_string(),
                l.encoding.clone(),
                match &l.sheet {
                    Some(s) => format!("{} [{s}]", l.file),
                    None => l.file.clone(),
                },
            ]
        })
        .collect();
    table(&headers, &rows);
}

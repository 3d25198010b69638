//! `hecha rows`: one page of a ledger's rows, filtered and sorted (as the
//! workbench's Ledgers screen shows it).

use std::path::PathBuf;

use clap::Args;
use hecha::store::ledger_pages::{page, LedgerPage, PageError, PageQuery};
use hecha::Msg;
use serde::Serialize;

use crate::cli::error::{Error, Result};
use crate::cli::opening;
use crate::cli::output::{emit, table};

#[derive(Args)]
pub struct RowsArgs {
    case: PathBuf,
    /// 台账名 / ledger name (see hecha info)
    ledger: String,
    /// 跳过的行数 / rows to skip
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// 每页行数 / rows per page
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// 按此列排序 / sort by this column
    #[arg(long)]
    sort: Option<String>,
    /// 降序 / descending (with --sort)
    #[arg(long, requires = "sort")]
    desc: bool,
    /// 只看含此文字的行 / only rows containing this text
    #[arg(long, default_value = "")]
    filter: String,
    /// 显示规范化后的列 / show the normalised columns (n_…, _invalid)
    #[arg(long)]
    normalised: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Page<'a> {
    ledger: &'a str,
    offset: usize,
    limit: usize,
    /// Rows matching the filter.
    total: usize,
    /// `#` (the row number), then the shown columns.
    columns: &'a [String],
    rows: &'a [Vec<String>],
    mapping: &'a str,
}

pub fn rows(a: RowsArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let info = c.info()?;
    let Some(ledger) = info.ledgers.iter().find(|l| l.name == a.ledger) else {
        return Err(
            hecha::Error::from(Msg::new("casework.no_ledger").arg("ledger", &a.ledger)).into(),
        );
    };
    let q = PageQuery {
        ledger: ledger.name.clone(),
        table: ledger.table.clone(),
        offset: a.offset,
        limit: a.limit,
        sort: a.sort.map(|col| (col, !a.desc)),
        filter: a.filter,
        normalised: a.normalised,
        at_row: None,
    };
    let p: LedgerPage = page(&c, &q).map_err(|e| match e {
        PageError::Db(e) => Error::Core(e.into()),
        other => Error::Page(other),
    })?;
    let v = Page {
        ledger: &ledger.name,
        offset: p.offset,
        limit: a.limit,
        total: p.total,
        columns: &p.columns,
        rows: &p.rows,
        mapping: &p.mapping,
    };
    emit(a.json, &v, print_page);
    Ok(0)
}

fn print_page(p: &Page<'_>) {
    let first = if p.rows.is_empty() {
        p.offset
    } else {
        p.offset + 1
    };
    println!(
        "{}  {first}–{} / {}",
        p.ledger,
        p.offset + p.rows.len(),
        p.total
    );
    if !p.mapping.is_empty() {
        println!("{}", p.mapping);
    }
    table(p.columns, p.rows);
}

//! `hecha export`: the case summary as Markdown, HTML, Word or JSON.

use std::path::PathBuf;

use clap::Args;
use hecha::export::{self, Format, Options};
use hecha::tr;

use crate::cli::error::{Error, Result};
use crate::cli::opening;

#[derive(Args)]
pub struct ExportArgs {
    case: PathBuf,
    /// md | html | docx | json
    #[arg(long, default_value = "md")]
    format: String,
    #[arg(long)]
    out: PathBuf,
    /// 不脱敏（写入审计日志）/ do not redact (recorded in the audit log)
    #[arg(long = "no-redact")]
    no_redact: bool,
    /// 只导出一条问题线索 / only this allegation
    #[arg(long)]
    allegation: Option<i64>,
    /// 覆盖已有文件 / overwrite an existing file
    #[arg(long)]
    force: bool,
}

pub fn export(a: ExportArgs) -> Result<i32> {
    let fmt = Format::parse(&a.format).ok_or_else(|| Error::BadExportFormat(a.format.clone()))?;
    // A redacted export only reads; an unredacted one writes its audit entry.
    let c = if a.no_redact {
        opening::read_write(&a.case)?
    } else {
        opening::read_only(&a.case)?
    };
    let opts = Options {
        allegation: a.allegation,
        redact: !a.no_redact,
    };
    export::export(&c, &opts, fmt, &a.out, a.force)?;
    let key = if a.no_redact {
        "export.written_unredacted"
    } else {
        "export.written"
    };
    println!("{}", tr!(key, path = a.out.display()));
    Ok(0)
}

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

#[derive(Args)]
pub struct ExportParquetArgs {
    case: PathBuf,
    /// 输出目录（每个视图/表一个 .parquet 文件，另有 manifest.json）/ the output folder
    dir: PathBuf,
    /// 目录非空时覆盖同名文件 / replace same-named files in a non-empty folder
    #[arg(long)]
    force: bool,
    #[arg(long)]
    json: bool,
}

/// `hecha export-parquet`: the role views and rule tables as Parquet files
/// (not redacted; recorded in the audit log).
pub fn export_parquet(a: ExportParquetArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let files = export::parquet::export(&c, &a.dir, a.force)?;
    crate::cli::output::emit(a.json, &files, |files| {
        for f in files {
            println!(
                "{}",
                tr!(
                    "export.parquet_file",
                    file = f.file,
                    rows = f.rows,
                    size = size(f.bytes)
                )
            );
        }
        println!(
            "{}",
            tr!(
                "export.parquet_written",
                path = a.dir.display(),
                files = files.len(),
                manifest = export::parquet::MANIFEST
            )
        );
    });
    Ok(0)
}

/// A file size as people read it: KiB below a MiB.
fn size(bytes: u64) -> String {
    if bytes < 1 << 20 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / 1048576.0)
    }
}

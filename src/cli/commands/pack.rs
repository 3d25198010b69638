//! `hecha pack`: the county review pack of one clue (乡案县审送审包).

use std::path::PathBuf;

use clap::Args;
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::{emit, table};

#[derive(Args)]
pub struct PackArgs {
    case: PathBuf,
    /// 线索序号或编号 / the clue (id or number)
    #[arg(long)]
    clue: String,
    /// 输出目录（新建或空目录）/ output directory (new or empty)
    #[arg(long)]
    out: PathBuf,
    /// 不脱敏（记入审计日志）/ do not redact (recorded in the audit log)
    #[arg(long = "no-redact")]
    no_redact: bool,
    #[arg(long)]
    json: bool,
}

pub fn pack(a: PackArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let r = hecha::pack::write(&c, &a.clue, &a.out, !a.no_redact)?;
    emit(a.json, &r, |r| {
        println!(
            "{}",
            tr!(
                "pack.written",
                clue = r.clue,
                path = r.dir.display(),
                files = r.files.len(),
                redaction = if r.redacted {
                    tr!("docgen.redacted")
                } else {
                    tr!("docgen.not_redacted")
                }
            )
        );
        println!(
            "{}",
            tr!(
                "pack.subset",
                allegations = r.allegations,
                links = r.links,
                findings = r.findings,
                documents = r.documents,
                rows = r.rows,
                cited = r.cited_rows
            )
        );
        println!(
            "{}",
            tr!(
                "pack.audit",
                head = r.head_seq,
                hash = &r.head_hash[..r.head_hash.len().min(16)],
                whole = r.audit_whole,
                redacted = r.audit_redacted,
                omitted = r.audit_omitted
            )
        );
        let rows: Vec<Vec<String>> = r
            .files
            .iter()
            .map(|f| {
                vec![
                    f.name.clone(),
                    f.pages.clone().unwrap_or_default(),
                    f.sha256[..16].to_string(),
                ]
            })
            .collect();
        table(
            &["file", "pages", "sha256"].map(|h| tr!(&format!("pack.col.{h}"))),
            &rows,
        );
    });
    Ok(0)
}

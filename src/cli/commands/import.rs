//! `hecha import`: files and directories into the case, one report per file.

use std::path::PathBuf;

use clap::Args;
use hecha::ingest::fields::Role;
use hecha::ingest::{self, DocKind, FileReport, ImportOptions, Status};
use hecha::tr;

use crate::cli::error::{Error, Result};
use crate::cli::output::emit;
use crate::cli::progress::with_progress;
use crate::cli::{opening, EXIT_FAILED};

#[derive(Args)]
pub struct ImportArgs {
    case: PathBuf,
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// letter | transcript | ledger
    #[arg(long)]
    kind: Option<String>,
    /// payments | deaths | officials | cadres | households | land | allocations | inventory | meals | complaints | other
    #[arg(long)]
    role: Option<String>,
    /// Excel 工作表名 / Excel sheet name
    #[arg(long)]
    sheet: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn import(a: ImportArgs) -> Result<i32> {
    let kind = a
        .kind
        .map(|k| DocKind::parse(&k).ok_or(Error::BadKind(k)))
        .transpose()?;
    let role = a
        .role
        .map(|r| Role::parse(&r).ok_or(Error::BadRole(r)))
        .transpose()?;
    let c = opening::read_write(&a.case)?;
    let opts = ImportOptions {
        kind,
        role,
        sheet: a.sheet,
        cancel: None,
        ocr: Some(ingest::OcrEngine::configured()),
    };
    let reports = with_progress(!a.json, |p| ingest::import_paths(&c, &a.paths, &opts, p));
    emit(a.json, reports.as_slice(), print_reports);
    // The watch list reruns over what came in.
    if reports.iter().any(|r| r.status == Status::Imported) {
        match hecha::search::watch::after_import(&c) {
            Ok(Some(n)) if n > 0 && !a.json => {
                println!(
                    "{}",
                    tr!("watch.after_import", n = n, case = a.case.display())
                )
            }
            Ok(_) => {}
            Err(e) => eprintln!("{e}"),
        }
    }
    if reports.is_empty() {
        if !a.json {
            eprintln!("{}", tr!("cli.nothing_to_import"));
        }
        return Ok(EXIT_FAILED);
    }
    Ok(if reports.iter().any(|r| r.status == Status::Error) {
        EXIT_FAILED
    } else {
        0
    })
}

/// A ledger role with its name in the UI language, e.g. `payments 发放明细`.
pub fn role_label(role: &str) -> String {
    format!("{} {}", role, tr!(&format!("role.{role}")))
}

/// One line per file (imported, duplicate, failed) with its warnings, then the totals.
pub fn print_reports(reports: &[FileReport]) {
    let (mut ok, mut dup, mut bad) = (0, 0, 0);
    for r in reports {
        let what = match (r.kind, r.role) {
            (_, Some(role)) => role_label(role.as_str()),
            (Some(k), None) => tr!(&format!("kind.{}", k.as_str())),
            _ => String::new(),
        };
        match r.status {
            Status::Imported => {
                ok += 1;
                let rows = r.size_msg().map(|m| m.to_string()).unwrap_or_default();
                let enc = r.encoding.clone().unwrap_or_default();
                let parts: Vec<&str> =
                    [r.file.as_str(), what.as_str(), rows.as_str(), enc.as_str()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect();
                println!("✓ {} {}", tr!("cli.imported"), parts.join("  "));
            }
            Status::Duplicate => {
                dup += 1;
                println!("= {} {}  {}", tr!("cli.duplicate"), r.file, what);
            }
            Status::Error => {
                bad += 1;
                println!(
                    "✗ {} {}",
                    tr!("cli.failed"),
                    r.error.clone().unwrap_or_default()
                );
            }
        }
        for w in &r.warnings {
            println!("    ! {w}");
        }
    }
    println!(
        "{}",
        tr!("cli.import_summary", ok = ok, dup = dup, bad = bad)
    );
}

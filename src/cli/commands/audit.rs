//! `hecha log` and `hecha verify`: the audit log and its integrity.

use std::path::PathBuf;

use clap::Args;
use hecha::tr;
use serde::Serialize;

use crate::cli::error::Result;
use crate::cli::output::emit;
use crate::cli::{opening, EXIT_FAILED};

#[derive(Args)]
pub struct CaseJson {
    case: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn log(a: CaseJson) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let entries = hecha::audit::entries(&c)?;
    emit(a.json, &entries, |entries| {
        for e in entries {
            println!(
                "{:>5}  {}  {:<10} {:<16} {}",
                e.seq,
                e.at,
                e.user,
                e.action,
                e.shown_payload()
            );
        }
    });
    Ok(0)
}

#[derive(Args)]
pub struct VerifyArgs {
    case: PathBuf,
    /// 送审包：与原案件核对审计链头 / a review pack: check its head against the full case
    #[arg(long)]
    source: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct VerifyOut {
    #[serde(flatten)]
    verification: hecha::audit::Verification,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<hecha::pack::SourceCheck>,
}

pub fn verify(a: VerifyArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let v = hecha::audit::verify(&c)?;
    let source = match &a.source {
        Some(full) => {
            let f = opening::read_only(full)?;
            let manifest = a
                .case
                .parent()
                .map(|d| d.join(hecha::pack::MANIFEST))
                .and_then(|m| std::fs::read(m).ok());
            Some(hecha::pack::check_source(&c, &f, manifest.as_deref())?)
        }
        None => None,
    };
    let out = VerifyOut {
        verification: v,
        source,
    };
    emit(a.json, &out, |o| {
        let v = &o.verification;
        if v.failure.is_none() {
            println!(
                "{}",
                tr!("audit.intact", entries = v.entries, documents = v.documents)
            );
        }
        if let Some(p) = &v.pack {
            println!(
                "{}",
                tr!(
                    "audit.pack_origin",
                    clue = p.clue,
                    title = p.source_title,
                    file = p.source_file,
                    seq = p.head_seq,
                    hash = p.head_hash,
                    at = p.cut_at
                )
            );
            println!(
                "{}",
                tr!(
                    "audit.pack_carried",
                    whole = p.carriage.whole,
                    redacted = p.carriage.redacted,
                    omitted = p.carriage.omitted
                )
            );
            if let Some(seq) = p.carriage.unproven_to {
                println!("{}", tr!("audit.pack_unproven", seq = seq));
            }
            if p.redacted {
                println!("{}", tr!("audit.pack_redacted"));
            }
        }
        if let Some(s) = &o.source {
            let key = if s.ok() {
                "audit.pack_source_ok"
            } else {
                "audit.pack_source_bad"
            };
            println!("{}", tr!(key));
        }
    });
    if let Some(f) = &out.verification.failure {
        eprintln!("{}: {}", tr!("cli.error"), f.message());
        return Ok(EXIT_FAILED);
    }
    if out.source.as_ref().is_some_and(|s| !s.ok()) {
        eprintln!("{}: {}", tr!("cli.error"), tr!("audit.pack_source_bad"));
        return Ok(EXIT_FAILED);
    }
    Ok(0)
}

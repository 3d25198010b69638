//! `hecha check`, `hecha findings`, `hecha review`: running the cross-checks,
//! the latest findings and their reviews.

use std::path::PathBuf;

use clap::Args;
use hecha::checks::{self, Finding, RunOptions, RunReport};
use hecha::normalise::format_fen;
use hecha::tr;

use super::parse_as_of;
use crate::cli::error::{Error, Result};
use crate::cli::output::table;
use crate::cli::{opening, EXIT_FAILED};

#[derive(Args)]
pub struct CheckArgs {
    case: PathBuf,
    /// 只运行这些规则（可重复）/ only these rules (repeatable)
    #[arg(long = "rule")]
    rules: Vec<String>,
    /// 参数 RULE.PARAM=VALUE（可重复）/ parameter override (repeatable)
    #[arg(long = "set")]
    sets: Vec<String>,
    /// 截至日期，默认为案件的截至日期 / as-of date (default: the case's)
    #[arg(long = "as-of")]
    as_of: Option<String>,
    #[arg(long)]
    json: bool,
}

/// `RULE.PARAM=VALUE` → (rule, param, value), trimmed.
fn parse_set(s: &str) -> Result<(String, String, String)> {
    let bad = || Error::BadSet(s.to_string());
    let (lhs, value) = s.split_once('=').ok_or_else(bad)?;
    let (rule, param) = lhs.split_once('.').ok_or_else(bad)?;
    Ok((
        rule.trim().to_string(),
        param.trim().to_string(),
        value.trim().to_string(),
    ))
}

pub fn check(a: CheckArgs) -> Result<i32> {
    let as_of = a.as_of.as_deref().map(parse_as_of).transpose()?;
    let sets = a
        .sets
        .iter()
        .map(|s| parse_set(s))
        .collect::<Result<Vec<_>>>()?;
    let c = opening::read_write(&a.case)?;
    // The clue-deadline rule reads the register's deadlines: counted afresh
    // on the case's calendar and settings.
    hecha::register::refresh_deadlines(&c)?;
    let report = checks::run(
        &c,
        &RunOptions {
            rules: a.rules,
            sets,
            as_of,
        },
    )?;
    let mut pages =
        |offset: u64| -> Result<Vec<Finding>> { Ok(report.findings_page(&c, offset, PAGE)?) };
    if a.json {
        write_json_with_findings(&report, &mut pages)?;
    } else {
        print_run(&report);
        let mut last = String::new();
        each_page(&mut pages, &mut |page| {
            print_findings_after(page, &mut last);
            Ok(())
        })?;
    }
    Ok(if report.rules.iter().any(|r| r.error.is_some()) {
        EXIT_FAILED
    } else {
        0
    })
}

#[derive(Args)]
pub struct FindingsArgs {
    case: PathBuf,
    #[arg(long = "rule")]
    rule: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn findings(a: FindingsArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let rule = a.rule.as_deref();
    let Some((run_id, as_of, _)) = checks::latest_findings_page(&c, rule, 0, 0)? else {
        eprintln!("{}", tr!("checks.no_run"));
        return Ok(EXIT_FAILED);
    };
    let mut pages = |offset: u64| -> Result<Vec<Finding>> {
        Ok(checks::latest_findings_page(&c, rule, offset, PAGE)?
            .map(|(_, _, f)| f)
            .unwrap_or_default())
    };
    if a.json {
        let head = serde_json::json!({ "run_id": run_id, "as_of": as_of });
        write_json_with_findings(&head, &mut pages)?;
    } else {
        println!(
            "{}",
            tr!(
                "checks.run_header",
                run = run_id,
                as_of = as_of,
                fingerprint = "-"
            )
        );
        let mut last = String::new();
        each_page(&mut pages, &mut |page| {
            print_findings_after(page, &mut last);
            Ok(())
        })?;
    }
    Ok(0)
}

#[derive(Args)]
pub struct ReviewArgs {
    case: PathBuf,
    finding: String,
    /// confirmed | dismissed
    status: String,
    #[arg(long)]
    reason: String,
}

pub fn review(a: ReviewArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    checks::review(&c, &a.finding, &a.status, &a.reason)?;
    println!(
        "{}",
        tr!("checks.reviewed", id = a.finding, status = a.status)
    );
    Ok(0)
}

fn review_label(f: &Finding) -> String {
    match f.review.as_ref().map(|r| r.status) {
        Some(d) => format!("[{}] ", d.label()),
        None => String::new(),
    }
}

/// Findings of a run in pages of this many.
const PAGE: u64 = 10_000;

/// Calls `f` with each page `pages(offset)` gives, in order, until an empty one.
fn each_page(
    pages: &mut dyn FnMut(u64) -> Result<Vec<Finding>>,
    f: &mut dyn FnMut(&[Finding]) -> Result<()>,
) -> Result<()> {
    let mut offset = 0;
    loop {
        let page = pages(offset)?;
        if page.is_empty() {
            return Ok(());
        }
        f(&page)?;
        offset += page.len() as u64;
    }
}

/// JSON of `head` (an object) with a `findings` array written a page at a
/// time, so that a run of a million findings is never held whole.
fn write_json_with_findings(
    head: &impl serde::Serialize,
    pages: &mut dyn FnMut(u64) -> Result<Vec<Finding>>,
) -> Result<()> {
    use std::io::Write as _;
    let head = serde_json::to_string_pretty(head).unwrap_or_default();
    let head = head
        .trim_end()
        .strip_suffix('}')
        .unwrap_or(&head)
        .trim_end();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let _ = write!(out, "{head},\n  \"findings\": [");
    let mut first = true;
    each_page(pages, &mut |page| {
        for f in page {
            let text = serde_json::to_string_pretty(f).unwrap_or_default();
            let sep = if first { "" } else { "," };
            let _ = write!(out, "{sep}\n    {}", text.replace('\n', "\n    "));
            first = false;
        }
        Ok(())
    })?;
    let _ = writeln!(out, "{}]\n}}", if first { "" } else { "\n  " });
    let _ = out.flush();
    Ok(())
}

/// Findings grouped under their rule, each with its evidence rows; a page
/// continuing one whose last rule was `last_rule` does not repeat its header.
fn print_findings_after(findings: &[Finding], last_rule: &mut String) {
    for f in findings {
        if &f.rule != last_rule {
            println!();
            println!("■ {}", f.rule);
            *last_rule = f.rule.clone();
        }
        let change = match f.change.as_str() {
            "new" => format!("({}) ", tr!("checks.change_new")),
            "changed" => format!("({}) ", tr!("checks.change_changed")),
            _ => String::new(),
        };
        println!("  {} {}{}{}", f.id, change, review_label(f), f.text);
        let ev: Vec<String> = f
            .evidence
            .iter()
            .map(|e| match e.row() {
                Some((ledger, row)) => format!("{ledger}#{row}"),
                None => e.label(),
            })
            .collect();
        println!("      └ {}", ev.join("，"));
    }
}

/// A run: the header, one table row per rule with a total, and rule-file
/// errors (the findings follow, page by page).
pub fn print_run(r: &RunReport) {
    println!(
        "{}",
        tr!(
            "checks.run_header",
            run = r.run_id,
            as_of = r.as_of,
            fingerprint = r.fingerprint
        )
    );
    let headers = vec![
        tr!("checks.col_rule"),
        tr!("checks.col_title"),
        tr!("checks.col_findings"),
        tr!("checks.col_amount"),
        tr!("checks.col_changes"),
        tr!("checks.col_ms"),
        tr!("checks.col_note"),
    ];
    let mut total_fen: i64 = 0;
    let mut total_n = 0;
    let mut rows: Vec<Vec<String>> = r
        .rules
        .iter()
        .map(|x| {
            total_n += x.findings;
            if let Some(a) = x.amount {
                total_fen += a.fen();
            }
            vec![
                x.id.clone(),
                x.title.clone(),
                x.findings.to_string(),
                x.amount
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "—".into()),
                format!("{}/{}/{}", x.new, x.changed, x.gone.len()),
                format!("{} ms", x.ms),
                x.skipped
                    .clone()
                    .or_else(|| x.error.clone())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    rows.push(vec![
        tr!("checks.total"),
        String::new(),
        total_n.to_string(),
        format_fen(total_fen),
        String::new(),
        String::new(),
        String::new(),
    ]);
    table(&headers, &rows);
    if !r.rule_errors.is_empty() {
        println!("{}", tr!("checks.rule_errors"));
        for e in &r.rule_errors {
            println!("  ! {e}");
        }
    }
}

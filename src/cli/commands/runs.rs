//! `hecha runs`: each rule's latest outcome (as the workbench's Checks screen
//! shows it), with the last run's id and time.

use std::path::PathBuf;

use clap::Args;
use hecha::checks::outcome;
use hecha::domain::Fen;
use hecha::store::check_history::{last_run, latest_per_rule, RuleOutcome};
use hecha::tr;
use serde::Serialize;

use crate::cli::error::Result;
use crate::cli::output::{emit, table};
use crate::cli::{opening, EXIT_FAILED};

#[derive(Args)]
pub struct RunsArgs {
    case: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Runs<'a> {
    run_id: i64,
    started: &'a str,
    rules: Vec<Outcome<'a>>,
}

#[derive(Serialize)]
struct Outcome<'a> {
    rule: &'a str,
    findings: usize,
    amount: Option<Fen>,
    ms: u64,
    /// In the UI language (the case stores a code).
    skipped: Option<String>,
    error: Option<String>,
    new: usize,
    changed: usize,
    gone: &'a [String],
}

impl<'a> From<&'a RuleOutcome> for Outcome<'a> {
    fn from(o: &'a RuleOutcome) -> Outcome<'a> {
        Outcome {
            rule: &o.rule,
            findings: o.findings,
            amount: o.amount,
            ms: o.ms,
            skipped: o.skipped.as_deref().map(outcome::show_stored),
            error: o.error.as_deref().map(outcome::show_stored),
            new: o.new,
            changed: o.changed,
            gone: &o.gone,
        }
    }
}

pub fn runs(a: RunsArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let Some(last) = last_run(&c)? else {
        eprintln!("{}", tr!("checks.no_run"));
        return Ok(EXIT_FAILED);
    };
    let outcomes = latest_per_rule(&c, last.id)?;
    let v = Runs {
        run_id: last.id,
        started: &last.started,
        rules: outcomes.iter().map(Outcome::from).collect(),
    };
    emit(a.json, &v, print_runs);
    Ok(0)
}

fn print_runs(r: &Runs<'_>) {
    println!("{}", tr!("tui.last_run", run = r.run_id, at = r.started));
    let headers = vec![
        tr!("checks.col_rule"),
        tr!("checks.col_findings"),
        tr!("checks.col_amount"),
        tr!("checks.col_changes"),
        tr!("checks.col_ms"),
        tr!("checks.col_note"),
    ];
    let rows: Vec<Vec<String>> = r
        .rules
        .iter()
        .map(|o| {
            vec![
                o.rule.to_string(),
                o.findings.to_string(),
                o.amount
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "—".into()),
                format!("{}/{}/{}", o.new, o.changed, o.gone.len()),
                format!("{} ms", o.ms),
                o.skipped
                    .clone()
                    .or_else(|| o.error.clone())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    table(&headers, &rows);
}

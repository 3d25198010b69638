//! Running rules: choosing them, binding parameters, turning rows into
//! findings, comparing with the previous run, and storing the run.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::Serialize;

use super::render::{display_of, finding_id, parse_evidence, render, Sources};
use super::rule::{self, ParamType, Rule, RuleError};
use super::ChecksError;
use super::{outcome, RunOptions};
use crate::domain::{Code, Finding, FindingChange, RuleRun, Subject};
use crate::error::{Error, Result};
use crate::store::rule_exec::{self, ExecError};
use crate::store::run_stage::Stage;
use crate::store::runs::StoredRuleRun;
use crate::store::{self, Case};

/// A stored check run: its rules with their counts. Its findings stay in the
/// case (however many): [`RunReport::findings_page`] reads them a page at a
/// time, [`RunReport::findings`] all at once.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub run_id: i64,
    pub as_of: String,
    pub fingerprint: String,
    pub rules: Vec<RuleRun>,
    /// Rules that could not be loaded (they do not stop the others).
    pub rule_errors: Vec<RuleError>,
}

impl RunReport {
    /// The run's findings from `offset` on, at most `limit`, with reviews, in
    /// the order the case lists them (rule, largest amount first, subject).
    pub fn findings_page(&self, case: &Case, offset: u64, limit: u64) -> Result<Vec<Finding>> {
        let mut fs = store::runs::run_findings_page(case, self.run_id, None, offset, limit)?;
        super::review::attach_reviews(case, &mut fs)?;
        Ok(fs)
    }

    /// Every finding of the run, with reviews (for a case of ordinary size:
    /// [`RunReport::findings_page`] pages through a large one).
    pub fn findings(&self, case: &Case) -> Result<Vec<Finding>> {
        self.findings_page(case, 0, i64::MAX as u64)
    }

    /// How many findings the run has.
    pub fn findings_total(&self) -> usize {
        self.rules.iter().map(|r| r.findings).sum()
    }
}

/// A rule that has not run (yet): no findings, no time.
pub fn empty_run(rule: &Rule, params: BTreeMap<String, String>) -> RuleRun {
    RuleRun {
        id: rule.id.clone(),
        title: rule.title().to_string(),
        version: rule.version,
        findings: 0,
        amount: None,
        ms: 0,
        skipped: None,
        error: None,
        params,
        new: 0,
        changed: 0,
        gone: Vec::new(),
    }
}

/// Runs the chosen rules and stores the run. Per-rule failures are recorded in
/// the report, not returned: one broken rule does not stop the others.
pub fn run(case: &Case, opts: &RunOptions) -> Result<RunReport> {
    run_with(case, opts, &mut |_, _, _| true)
}

/// The rules `opts` chooses, after checking its parameter overrides.
fn choose<'a>(all: &'a [Rule], opts: &RunOptions) -> Result<Vec<&'a Rule>> {
    let chosen: Vec<&Rule> = if opts.rules.is_empty() {
        all.iter().collect()
    } else {
        let mut v = Vec::new();
        for id in &opts.rules {
            match all.iter().find(|r| &r.id == id) {
                Some(r) => v.push(r),
                None => return Err(ChecksError::UnknownRule { id: id.clone() }.into()),
            }
        }
        v
    };
    // Parameter overrides must name a rule and one of its parameters.
    for (rid, pname, value) in &opts.sets {
        let Some(r) = all.iter().find(|r| &r.id == rid) else {
            return Err(ChecksError::UnknownRule { id: rid.clone() }.into());
        };
        let Some(p) = r.param(pname) else {
            return Err(ChecksError::UnknownParam {
                rule: rid.clone(),
                param: pname.clone(),
            }
            .into());
        };
        rule::check_value(p.ty, value).map_err(|m| {
            Error::from(ChecksError::BadParam {
                rule: rid.clone(),
                param: pname.clone(),
                detail: m.to_string(),
            })
        })?;
    }
    Ok(chosen)
}

/// A rule's parameters: defaults, then the overrides of `opts`.
fn params_of(r: &Rule, opts: &RunOptions) -> BTreeMap<String, String> {
    let mut params: BTreeMap<String, String> = r
        .params
        .iter()
        .map(|p| (p.name.clone(), p.default.trim().to_string()))
        .collect();
    for (rid, pname, value) in &opts.sets {
        if rid == &r.id {
            let p = r.param(pname).map(|p| p.ty).unwrap_or(ParamType::Text);
            params.insert(
                pname.clone(),
                rule::check_value(p, value).unwrap_or_else(|_| value.clone()),
            );
        }
    }
    params
}

/// Findings handed to the stage at a time.
const BATCH: usize = 4096;

/// Runs one rule's SQL with its parameters bound, its findings going into
/// `stage` a batch at a time as DuckDB streams the rows. `Ok(Err(code))`:
/// the rule failed (what it staged is dropped); `Err`: storing failed.
fn run_rule(
    case: &Case,
    rule: &Rule,
    params: &BTreeMap<String, String>,
    sources: &Sources<'_>,
    stage: &Stage,
) -> Result<std::result::Result<(), Code>> {
    let mut batch: Vec<Finding> = Vec::with_capacity(BATCH);
    // Where the columns are, once the first row names them.
    let mut at: Option<[Option<usize>; 5]> = None;
    let result = rule_exec::each_row(
        case,
        &rule.sql,
        &|name| params.get(name).cloned(),
        &mut |columns, row| {
            let col = |name: &str| columns.iter().position(|c| c == name);
            let [kind_at, key_at, scope_at, name_at, ev_at] = *at.get_or_insert_with(|| {
                [
                    col("subject_kind"),
                    col("subject_key"),
                    col("scope"),
                    col("name"),
                    col("evidence"),
                ]
            });
            let cells = row.cells;
            let text = |at: Option<usize>| {
                at.and_then(|i| cells.get(i))
                    .map(display_of)
                    .unwrap_or_default()
            };
            let (kind, key, scope) = (text(kind_at), text(key_at), text(scope_at));
            let mut detail = serde_json::Map::new();
            for (c, v) in columns.iter().zip(cells) {
                if let Some(d) = c.strip_prefix("d_") {
                    detail.insert(d.to_string(), v.clone());
                }
            }
            let mut f = Finding {
                id: finding_id(&rule.id, &kind, &key, &scope),
                rule: rule.id.clone(),
                subject: Subject { kind, key },
                scope,
                name: text(name_at),
                amount: row.amount,
                evidence: parse_evidence(&text(ev_at), sources),
                detail,
                text: String::new(),
                change: FindingChange::New,
                review: None,
            };
            f.text = render(rule.text_template(), &f);
            batch.push(f);
            if batch.len() == BATCH {
                stage.append(&batch)?;
                batch.clear();
            }
            Ok(())
        },
    );
    let failed = match result {
        Ok(()) => {
            stage.append(&batch)?;
            stage.ran(&rule.id)?;
            return Ok(Ok(()));
        }
        Err(ExecError::Sink(e)) => return Err(e),
        Err(ExecError::UnknownParam(name)) => outcome::unknown_param(rule, &name),
        Err(e) => outcome::sql_error(rule, &e.message()),
    };
    stage.discard(&rule.id)?;
    Ok(Err(failed))
}

/// [`run`] with progress: `on_rule(index, total, rule id)` is called before
/// each rule; returning false cancels the run (nothing is stored).
pub fn run_with(
    case: &Case,
    opts: &RunOptions,
    on_rule: &mut dyn FnMut(usize, usize, &str) -> bool,
) -> Result<RunReport> {
    let (all, rule_errors) = super::load_rules(Some(case));
    let chosen = choose(&all, opts)?;
    let as_of = match opts.as_of {
        Some(d) => d.to_string(),
        None => store::runs::case_as_of(case)?,
    };
    // Reads first (each rule on its own, so one failing rule cannot abort the
    // others), then one change stores the run.
    store::reference::refresh_holidays(case)?;
    let fingerprint = store::runs::fingerprint(case)?;
    super::documents::refresh(case)?;
    let ledgers = store::runs::ledger_names(case)?;
    let documents = store::runs::document_names(case)?;
    let stage = Stage::begin(case)?;
    let line = |id: i64, n: u32| stage.document_line(id, n).ok().flatten();
    let sources = Sources {
        ledgers: &ledgers,
        documents: &documents,
        line: &line,
    };
    let roles_present = store::runs::roles_present(case)?;
    let mut rule_runs: Vec<(RuleRun, Option<Code>, Option<Code>)> = Vec::new();
    let n_rules = chosen.len();
    for (ri, r) in chosen.iter().enumerate() {
        if !on_rule(ri, n_rules, &r.id) {
            return Err(ChecksError::Cancelled.into());
        }
        let params = params_of(r, opts);
        let mut bound = params.clone();
        bound.insert("as_of".into(), as_of.clone());
        let missing: Vec<&str> = r
            .roles
            .iter()
            .map(|role| role.as_str())
            .filter(|role| !roles_present.iter().any(|p| p == role))
            .collect();
        let mut rr = empty_run(r, params);
        if !missing.is_empty() {
            let code = outcome::skipped_missing(&missing);
            rr.skipped = Some(outcome::show(&code));
            rule_runs.push((rr, Some(code), None));
            continue;
        }
        let t = Instant::now();
        let result = match r.prepare.as_deref() {
            Some("near-duplicates") => {
                match super::documents::stage_near_duplicates(case, &bound) {
                    Ok(()) => run_rule(case, r, &bound, &sources, &stage)?,
                    Err(e) => Err(outcome::sql_error(r, &e.to_string())),
                }
            }
            _ => run_rule(case, r, &bound, &sources, &stage)?,
        };
        rr.ms = t.elapsed().as_millis() as u64;
        if let Err(code) = result {
            rr.error = Some(outcome::show(&code));
            rule_runs.push((rr, None, Some(code)));
            continue;
        }
        rule_runs.push((rr, None, None));
    }
    // Against each rule's previous run, in SQL over the staged findings.
    let mut compared = stage.compare()?;
    for (rr, skipped, error) in rule_runs.iter_mut() {
        if skipped.is_none() && error.is_none() {
            if let Some(c) = compared.remove(&rr.id) {
                rr.findings = c.findings;
                rr.amount = c.amount;
                rr.new = c.new;
                rr.changed = c.changed;
                rr.gone = c.gone;
            }
        }
    }
    let stored: Vec<StoredRuleRun<'_>> = rule_runs
        .iter()
        .map(|(run, skipped, error)| StoredRuleRun {
            run,
            skipped: skipped.as_ref().map(Code::to_stored),
            error: error.as_ref().map(Code::to_stored),
        })
        .collect();
    let run_id = store::runs::store_run(case, &as_of, &fingerprint, &stored, &stage)?;
    Ok(RunReport {
        run_id,
        as_of,
        fingerprint,
        rules: rule_runs.into_iter().map(|(r, _, _)| r).collect(),
        rule_errors,
    })
}

//! Running rules: choosing them, binding parameters, turning rows into
//! findings, comparing with the previous run, and storing the run.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::Serialize;

use super::render::{display_of, finding_id, parse_evidence, render, Sources};
use super::rule::{self, ParamType, Rule, RuleError};
use super::ChecksError;
use super::{outcome, RunOptions};
use crate::domain::{Code, Fen, Finding, FindingChange, RuleRun, Subject};
use crate::error::{Error, Result};
use crate::store::rule_exec::{self, ExecError};
use crate::store::runs::StoredRuleRun;
use crate::store::{self, Case};

/// A stored check run.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub run_id: i64,
    pub as_of: String,
    pub fingerprint: String,
    pub rules: Vec<RuleRun>,
    pub findings: Vec<Finding>,
    /// Rules that could not be loaded (they do not stop the others).
    pub rule_errors: Vec<RuleError>,
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

/// Runs one rule's SQL with its parameters bound; returns its findings.
fn run_rule(
    case: &Case,
    rule: &Rule,
    params: &BTreeMap<String, String>,
    sources: &Sources<'_>,
) -> std::result::Result<Vec<Finding>, Code> {
    let rows =
        rule_exec::run(case, &rule.sql, &|name| params.get(name).cloned()).map_err(
            |e| match e {
                ExecError::UnknownParam(name) => outcome::unknown_param(rule, &name),
                e => outcome::sql_error(rule, &e.message()),
            },
        )?;
    let col = |name: &str| rows.columns.iter().position(|c| c == name);
    let (kind_at, key_at, scope_at, name_at, ev_at) = (
        col("subject_kind"),
        col("subject_key"),
        col("scope"),
        col("name"),
        col("evidence"),
    );
    let mut out = Vec::with_capacity(rows.rows.len());
    for (cells, amount) in rows.rows.iter().zip(&rows.amounts) {
        let text = |at: Option<usize>| {
            at.and_then(|i| cells.get(i))
                .map(display_of)
                .unwrap_or_default()
        };
        let (kind, key, scope) = (text(kind_at), text(key_at), text(scope_at));
        let mut detail = serde_json::Map::new();
        for (c, v) in rows.columns.iter().zip(cells) {
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
            amount: *amount,
            evidence: parse_evidence(&text(ev_at), sources),
            detail,
            text: String::new(),
            change: FindingChange::New,
            review: None,
        };
        f.text = render(rule.text_template(), &f);
        out.push(f);
    }
    Ok(out)
}

/// Marks each finding new, changed or same against the previous successful
/// run of its rule, fills the rule's counts, and lists the findings gone.
fn compare(case: &Case, rr: &mut RuleRun, fs: &mut [Finding]) -> Result<()> {
    let mut prev = store::runs::previous_findings(case, &rr.id)?;
    for f in fs.iter_mut() {
        let ev = serde_json::to_string(&f.evidence).unwrap_or_default();
        let de = serde_json::to_string(&f.detail).unwrap_or_default();
        f.change = match prev.remove(&f.id) {
            None => FindingChange::New,
            Some((a, e, d)) if a == f.amount && e == ev && d == de => FindingChange::Same,
            Some(_) => FindingChange::Changed,
        };
    }
    rr.findings = fs.len();
    let amounts: Vec<Fen> = fs.iter().filter_map(|f| f.amount).collect();
    rr.amount = (!amounts.is_empty()).then(|| Fen::sum(amounts));
    rr.new = fs.iter().filter(|f| f.change == FindingChange::New).count();
    rr.changed = fs
        .iter()
        .filter(|f| f.change == FindingChange::Changed)
        .count();
    let mut gone: Vec<String> = prev.into_keys().collect();
    gone.sort();
    rr.gone = gone;
    Ok(())
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
    let line = |id: i64, n: u32| store::runs::document_line(case, id, n).ok().flatten();
    let sources = Sources {
        ledgers: &ledgers,
        documents: &documents,
        line: &line,
    };
    let roles_present = store::runs::roles_present(case)?;
    let mut rule_runs: Vec<(RuleRun, Option<Code>, Option<Code>)> = Vec::new();
    let mut findings_all = Vec::new();
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
            Some("near-duplicates") => super::documents::stage_near_duplicates(case, &bound)
                .map_err(|e| outcome::sql_error(r, &e.to_string()))
                .and_then(|()| run_rule(case, r, &bound, &sources)),
            _ => run_rule(case, r, &bound, &sources),
        };
        rr.ms = t.elapsed().as_millis() as u64;
        let mut fs = match result {
            Ok(fs) => fs,
            Err(code) => {
                rr.error = Some(outcome::show(&code));
                rule_runs.push((rr, None, Some(code)));
                continue;
            }
        };
        compare(case, &mut rr, &mut fs)?;
        findings_all.extend(fs);
        rule_runs.push((rr, None, None));
    }
    let stored: Vec<StoredRuleRun<'_>> = rule_runs
        .iter()
        .map(|(run, skipped, error)| StoredRuleRun {
            run,
            skipped: skipped.as_ref().map(Code::to_stored),
            error: error.as_ref().map(Code::to_stored),
        })
        .collect();
    let run_id = store::runs::store_run(case, &as_of, &fingerprint, &stored, &findings_all)?;
    super::review::attach_reviews(case, &mut findings_all)?;
    Ok(RunReport {
        run_id,
        as_of,
        fingerprint,
        rules: rule_runs.into_iter().map(|(r, _, _)| r).collect(),
        findings: findings_all,
        rule_errors,
    })
}

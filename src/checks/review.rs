//! Review decisions on findings, the latest findings with their reviews, the
//! program table and the rule files a case carries.

use std::path::Path;

use super::rule::{self, Rule};
use super::ChecksError;
use crate::domain::{Decision, Finding};
use crate::error::{Error, Result};
use crate::normalise as norm;
use crate::store::{self, Case};

pub use crate::store::programs::ProgramRow;

pub(super) fn attach_reviews(case: &Case, findings: &mut [Finding]) -> Result<()> {
    let reviews = store::reviews::all(case)?;
    for f in findings.iter_mut() {
        f.review = reviews.get(&f.id).cloned();
    }
    Ok(())
}

/// The findings of the latest run (optionally of one rule), with reviews:
/// (run id, as_of, findings), or `None` before the first run.
pub fn latest_findings(
    case: &Case,
    rule: Option<&str>,
) -> Result<Option<(i64, String, Vec<Finding>)>> {
    let Some((run_id, as_of)) = store::runs::latest_run(case)? else {
        return Ok(None);
    };
    let mut findings = store::runs::latest_findings(case, run_id, rule)?;
    attach_reviews(case, &mut findings)?;
    Ok(Some((run_id, as_of, findings)))
}

/// [`latest_findings`] a page at a time (`limit` from `offset` on), with
/// reviews; `None` before the first run.
pub fn latest_findings_page(
    case: &Case,
    rule: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<Option<(i64, String, Vec<Finding>)>> {
    let Some((run_id, as_of)) = store::runs::latest_run(case)? else {
        return Ok(None);
    };
    let mut findings = store::runs::latest_findings_page(case, run_id, rule, offset, limit)?;
    attach_reviews(case, &mut findings)?;
    Ok(Some((run_id, as_of, findings)))
}

/// The village of each finding (by id): that of its first evidence row with one.
pub fn villages(
    case: &Case,
    findings: &[Finding],
) -> Result<std::collections::BTreeMap<String, String>> {
    let rows: Vec<(String, i64)> = findings
        .iter()
        .flat_map(|f| f.evidence.iter().filter_map(|e| e.row()))
        .map(|(l, r)| (l.to_string(), r))
        .collect();
    let found = store::ledger_pages::villages(case, &rows)?;
    Ok(findings
        .iter()
        .filter_map(|f| {
            f.evidence
                .iter()
                .filter_map(|e| e.row())
                .find_map(|(l, r)| found.get(&(l.to_string(), r)))
                .map(|v| (f.id.clone(), v.clone()))
        })
        .collect())
}

/// Records a review decision on a finding; it carries over to reruns because
/// the finding keeps its id.
pub fn review(case: &Case, finding: &str, status: &str, reason: &str) -> Result<()> {
    let decision = Decision::parse(status).ok_or_else(|| {
        Error::from(ChecksError::BadDecision {
            value: status.trim().to_string(),
        })
    })?;
    if reason.trim().is_empty() {
        return Err(ChecksError::ReasonRequired.into());
    }
    if !store::reviews::finding_exists(case, finding)? {
        return Err(ChecksError::UnknownFinding {
            id: finding.to_string(),
        }
        .into());
    }
    store::reviews::set(case, finding, decision, reason.trim())
}

/// The program table (built-in rows and the case's own).
pub fn programs(case: &Case) -> Result<Vec<ProgramRow>> {
    store::programs::list(case)
}

/// Adds (or updates) a case program and its aliases.
pub fn add_program(case: &Case, p: &ProgramRow) -> Result<()> {
    let name = norm::normalise_name(&p.program)
        .ok_or_else(|| Error::from(ChecksError::ProgramNameRequired))?;
    let aliases: Vec<String> = p
        .aliases
        .iter()
        .filter_map(|a| norm::normalise_name(a))
        .collect();
    store::programs::add(case, &name, &aliases, p)
}

/// Stores a rule file in the case (rules travel with the case file).
pub fn add_case_rule(case: &Case, path: &Path) -> Result<Rule> {
    let text = std::fs::read_to_string(path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let r = rule::parse(&format!("case:{file_name}"), &text).map_err(|e| {
        Error::from(ChecksError::RuleBroken {
            detail: e.to_string(),
        })
    })?;
    store::programs::add_case_rule(case, &file_name, &text)?;
    Ok(r)
}

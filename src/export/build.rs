//! Building the case summary from the case.

use std::collections::BTreeMap;

use super::model::*;
use super::ExportError;
use super::{Options, Redactor};
use crate::domain::{AllegationStatus, Decision, Fen};
use crate::error::{Error, Result};
use crate::store::{self, Case};
use crate::tr;

fn review_label(status: Option<Decision>) -> String {
    match status {
        Some(d) => d.label(),
        None => tr!("export.unreviewed"),
    }
}

/// Builds the summary of a case (or of one allegation), redacted unless asked not to.
pub fn build(case: &Case, opts: &Options) -> Result<Summary> {
    let info = case.info()?;
    let (case_no, officer, created_at) = store::export::case_fields(case)?;
    let all_allegations = crate::case::allegations(case)?;
    let allegations: Vec<crate::case::Allegation> = match opts.allegation {
        Some(id) => {
            let a: Vec<_> = all_allegations.into_iter().filter(|a| a.id == id).collect();
            if a.is_empty() {
                return Err(ExportError::NoAllegation { id }.into());
            }
            a
        }
        None => all_allegations,
    };
    let (rules, _) = crate::checks::load_rules(Some(case));
    let rule_title = |id: &str| -> String {
        rules
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.title().to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let mut findings = crate::checks::latest_findings(case, None)?
        .map(|(_, _, f)| f)
        .unwrap_or_default();
    if opts.allegation.is_some() {
        let linked: Vec<&str> = allegations
            .iter()
            .flat_map(|a| a.evidence.iter())
            .filter(|e| e.kind == "finding")
            .map(|e| e.reference.as_str())
            .collect();
        findings.retain(|f| linked.contains(&f.id.as_str()));
    }

    // Evidence catalogues with file names, hashes and row numbers.
    let mut parts = Vec::new();
    for a in &allegations {
        let mut evidence = Vec::new();
        for e in &a.evidence {
            evidence.push(evidence_item(case, e, &rule_title)?);
        }
        parts.push(AllegationPart {
            id: a.id,
            title: a.title.clone(),
            text: a.text.clone(),
            source: a.source.clone(),
            status: a.status.label(),
            reason: a.reason.clone(),
            amount: a.amount.map(|a| a.to_string()),
            evidence,
        });
    }

    // Runs: every check run, newest first.
    let mut runs: Vec<RunPart> = store::export::runs(case)?
        .into_iter()
        .map(|r| RunPart {
            id: r.id,
            started_at: r.started_at,
            as_of: r.as_of,
            fingerprint: r.fingerprint.chars().take(16).collect(),
            hecha_version: r.hecha_version,
            rules: r.rules,
            findings: r.findings,
            params: Vec::new(),
        })
        .collect();
    for run in runs.iter_mut() {
        for (rule, p) in store::export::run_params(case, run.id)? {
            if let Ok(map) = serde_json::from_str::<BTreeMap<String, serde_json::Value>>(&p) {
                for (k, v) in map {
                    let v = v
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string());
                    run.params.push(format!("{rule}.{k}={v}"));
                }
            }
        }
    }

    // Findings by rule, with totals.
    let mut by_rule: Vec<RulePart> = Vec::new();
    let (mut total, mut confirmed, mut unreviewed, mut dismissed) =
        (Fen::ZERO, Fen::ZERO, Fen::ZERO, Fen::ZERO);
    let (mut n_conf, mut n_dis, mut n_open) = (0i64, 0i64, 0i64);
    let mut open_findings = Vec::new();
    for f in &findings {
        let amount = f.amount.unwrap_or(Fen::ZERO);
        let status = f.review.as_ref().map(|r| r.status);
        total += amount;
        match status {
            Some(Decision::Confirmed) => {
                confirmed += amount;
                n_conf += 1;
            }
            Some(Decision::Dismissed) => {
                dismissed += amount;
                n_dis += 1;
            }
            None => {
                unreviewed += amount;
                n_open += 1;
                open_findings.push(OpenFinding {
                    id: f.id.clone(),
                    rule: rule_title(&f.rule),
                    subject: f.name.clone(),
                    amount: f.amount.map(|a| a.to_string()),
                });
            }
        }
        let part = match by_rule.iter_mut().position(|r| r.rule == f.rule) {
            Some(i) => &mut by_rule[i],
            None => {
                by_rule.push(RulePart {
                    rule: f.rule.clone(),
                    title: rule_title(&f.rule),
                    count: 0,
                    amount: String::new(),
                    confirmed_amount: String::new(),
                    findings: Vec::new(),
                });
                let last = by_rule.len() - 1;
                &mut by_rule[last]
            }
        };
        part.count += 1;
        part.findings.push(FindingPart {
            id: f.id.clone(),
            subject: f.name.clone(),
            id_number: (f.subject.kind == "person").then(|| f.subject.key.clone()),
            amount: f.amount.map(|a| a.to_string()),
            review: review_label(status),
            reason: f.review.as_ref().map(|r| r.reason.clone()),
            text: f.text.clone(),
        });
    }
    for part in by_rule.iter_mut() {
        let all = Fen::sum(
            findings
                .iter()
                .filter(|f| f.rule == part.rule)
                .filter_map(|f| f.amount),
        );
        let conf = Fen::sum(
            findings
                .iter()
                .filter(|f| {
                    f.rule == part.rule
                        && f.review.as_ref().map(|r| r.status) == Some(Decision::Confirmed)
                })
                .filter_map(|f| f.amount),
        );
        part.amount = all.to_string();
        part.confirmed_amount = conf.to_string();
    }

    let mut by_status: Vec<Count> = Vec::new();
    for st in AllegationStatus::ALL {
        let n = allegations.iter().filter(|a| a.status == st).count() as i64;
        if n > 0 {
            by_status.push(Count {
                label: st.label(),
                count: n,
            });
        }
    }
    let count = |kind: &str| -> i64 {
        info.documents
            .iter()
            .find(|k| k.kind == kind)
            .map(|k| k.count)
            .unwrap_or(0)
    };
    let overview = Overview {
        letters: count("letter"),
        transcripts: count("transcript"),
        ledgers: info.ledgers.len() as i64,
        ledger_rows: info.ledgers.iter().map(|l| l.rows).sum(),
        allegations: allegations.len() as i64,
        allegations_by_status: by_status,
        findings: findings.len() as i64,
        confirmed: n_conf,
        dismissed: n_dis,
        unreviewed: n_open,
        amount: total.to_string(),
        confirmed_amount: confirmed.to_string(),
    };
    let pending_allegations = allegations
        .iter()
        .filter(|a| a.status.is_open())
        .map(|a| OpenAllegation {
            id: a.id,
            title: a.title.clone(),
        })
        .collect();
    let (entries, head_hash) = store::export::audit_head(case)?;
    let scope = opts.allegation.and_then(|id| {
        allegations
            .iter()
            .find(|a| a.id == id)
            .map(|a| format!("#{} {}", a.id, a.title))
    });
    let summary = Summary {
        header: Header {
            title: info.title.clone(),
            case_id: info.id.clone(),
            case_no,
            officer,
            as_of: info.as_of.clone(),
            created_at,
            exported_at: chrono::Local::now().format("%Y-%m-%d %H:%M").to_string(),
            scope,
            redacted: opts.redact,
        },
        overview,
        allegations: parts,
        runs,
        rules: by_rule,
        totals: Totals {
            amount: total.to_string(),
            confirmed: confirmed.to_string(),
            unreviewed: unreviewed.to_string(),
            dismissed: dismissed.to_string(),
        },
        open_items: OpenItems {
            unreviewed_findings: open_findings,
            pending_allegations,
        },
        audit: AuditPart { entries, head_hash },
        register: super::register::parts(case, opts.allegation)?,
        graphs: super::graphs::parts(case, &findings, opts.allegation)?,
    };
    if opts.redact {
        let r = Redactor::from_case(case)?;
        let mut v = serde_json::to_value(&summary).map_err(|e| {
            Error::from(ExportError::Serialise {
                detail: e.to_string(),
            })
        })?;
        r.json(&mut v);
        return serde_json::from_value(v).map_err(|e| {
            ExportError::Serialise {
                detail: e.to_string(),
            }
            .into()
        });
    }
    Ok(summary)
}

fn evidence_item(
    case: &Case,
    e: &crate::case::CatalogueEntry,
    rule_title: &dyn Fn(&str) -> String,
) -> Result<EvidenceItem> {
    let mut item = EvidenceItem {
        no: e.no.to_string(),
        relation: e.relation.label(),
        kind: tr!(&format!("tui.item.{}", e.kind)),
        description: e.label.clone(),
        quote: e.quote.clone(),
        file: None,
        sha256: None,
        row: None,
        note: e.note.clone(),
        page: None,
        span: None,
        ocr: false,
    };
    match e.kind.as_str() {
        "document" => {
            let id: i64 = e
                .reference
                .split(':')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(-1);
            if let Some((title, file, sha)) = store::export::document_file(case, id)? {
                item.description = title;
                item.file = Some(file);
                item.sha256 = Some(sha.chars().take(12).collect());
            }
            if let Some((_, start, end, c)) =
                crate::case::document::cite_reference(case, &e.reference)?
            {
                item.page = Some(c.page);
                item.span = Some((start, end));
                item.ocr = c.ocr;
            }
        }
        "row" => {
            let mut parts = e.reference.splitn(2, ':');
            let lid: i64 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(-1);
            let row: Option<i64> = parts.next().and_then(|s| s.parse().ok());
            if let Some((name, file, sha)) = store::export::ledger_file(case, lid)? {
                item.description = name;
                item.file = Some(file);
                item.sha256 = Some(sha.chars().take(12).collect());
            }
            item.row = row;
        }
        "finding" => {
            if let Some((rule, name, text)) = store::export::finding_summary(case, &e.reference)? {
                item.description =
                    format!("{} {} · {name}：{text}", e.reference, rule_title(&rule));
            }
        }
        _ => {}
    }
    Ok(item)
}

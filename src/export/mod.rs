//! The case summary for supervisors: one model built from the case
//! ([`Summary`]), redacted by default, rendered as Markdown, self-contained
//! HTML, Word .docx and JSON.

pub mod redact;
pub mod render;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::case::Case;
use crate::error::{Error, Msg, Result};
use crate::ingest::normalise as norm;
use crate::tr;

pub use redact::Redactor;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" | "word" => Some(Format::Docx),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Json => "json",
        }
    }

    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Docx, Format::Json];
}

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// One allegation, or the whole case.
    pub allegation: Option<i64>,
    /// Redact informants, ID numbers and phone numbers (the default).
    pub redact: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Header {
    pub title: String,
    pub case_id: String,
    pub case_no: Option<String>,
    pub officer: Option<String>,
    pub as_of: String,
    pub created_at: String,
    pub exported_at: String,
    /// The allegation the summary is limited to, if any.
    pub scope: Option<String>,
    pub redacted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Count {
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Overview {
    pub letters: i64,
    pub transcripts: i64,
    pub ledgers: i64,
    pub ledger_rows: i64,
    pub allegations: i64,
    pub allegations_by_status: Vec<Count>,
    pub findings: i64,
    pub confirmed: i64,
    pub dismissed: i64,
    pub unreviewed: i64,
    /// Sum of all findings' amounts (yuan, two decimals).
    pub amount: String,
    pub confirmed_amount: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EvidenceItem {
    /// E-001…
    pub no: String,
    /// supports / contradicts / relates, in the export's language.
    pub relation: String,
    /// finding / document / row / person / allegation
    pub kind: String,
    /// What it is: a finding's rule and subject, a document's title, a ledger and row…
    pub description: String,
    pub quote: Option<String>,
    pub file: Option<String>,
    /// The first 12 hex digits of the source file's SHA-256.
    pub sha256: Option<String>,
    pub row: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AllegationPart {
    pub id: i64,
    pub title: String,
    pub text: Option<String>,
    pub source: Option<String>,
    pub status: String,
    pub reason: Option<String>,
    pub amount: Option<String>,
    pub evidence: Vec<EvidenceItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunPart {
    pub id: i64,
    pub started_at: String,
    pub as_of: String,
    /// The first 16 hex digits of the data fingerprint.
    pub fingerprint: String,
    pub hecha_version: String,
    pub rules: i64,
    pub findings: i64,
    /// Rule parameters of the run (`rule.param=value`), where a rule has any.
    pub params: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FindingPart {
    pub id: String,
    pub subject: String,
    pub id_number: Option<String>,
    pub amount: Option<String>,
    /// confirmed / dismissed / unreviewed, in the export's language.
    pub review: String,
    pub reason: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RulePart {
    pub rule: String,
    pub title: String,
    pub count: i64,
    pub amount: String,
    pub confirmed_amount: String,
    pub findings: Vec<FindingPart>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Totals {
    pub amount: String,
    pub confirmed: String,
    pub unreviewed: String,
    pub dismissed: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OpenFinding {
    pub id: String,
    pub rule: String,
    pub subject: String,
    pub amount: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OpenAllegation {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OpenItems {
    pub unreviewed_findings: Vec<OpenFinding>,
    pub pending_allegations: Vec<OpenAllegation>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AuditPart {
    pub entries: i64,
    pub head_hash: String,
}

/// The case summary: every renderer reads only this.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub header: Header,
    pub overview: Overview,
    pub allegations: Vec<AllegationPart>,
    pub runs: Vec<RunPart>,
    pub rules: Vec<RulePart>,
    pub totals: Totals,
    pub open_items: OpenItems,
    pub audit: AuditPart,
}

fn fen(a: Option<&str>) -> i64 {
    a.and_then(|a| norm::parse_amount_fen(a).ok().flatten())
        .unwrap_or(0)
}

fn yuan(fen: i64) -> String {
    norm::format_fen(fen)
}

fn review_label(status: Option<&str>) -> String {
    match status {
        Some("confirmed") => tr!("checks.review_confirmed"),
        Some("dismissed") => tr!("checks.review_dismissed"),
        _ => tr!("export.unreviewed"),
    }
}

/// Builds the summary of a case (or of one allegation), redacted unless asked not to.
pub fn build(case: &Case, opts: &Options) -> Result<Summary> {
    let conn = case.conn();
    let info = case.info()?;
    let (case_no, officer, created_at): (Option<String>, Option<String>, String) = conn.query_row(
        "SELECT case_no, officer, strftime(created_at, '%Y-%m-%d %H:%M') FROM case_info LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let all_allegations = crate::casework::allegations(case)?;
    let allegations: Vec<crate::casework::Allegation> = match opts.allegation {
        Some(id) => {
            let a: Vec<_> = all_allegations.into_iter().filter(|a| a.id == id).collect();
            if a.is_empty() {
                return Err(Msg::new("casework.no_allegation").arg("id", id).into());
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
            status: crate::casework::status_label(&a.status),
            reason: a.reason.clone(),
            amount: a.amount.clone(),
            evidence,
        });
    }

    // Runs: every check run, newest first.
    let mut st = conn.prepare(
        "SELECT r.id, strftime(r.started_at, '%Y-%m-%d %H:%M:%S'), CAST(r.as_of AS VARCHAR), r.fingerprint, r.hecha_version, \
         count(c.rule), CAST(coalesce(sum(c.findings), 0) AS BIGINT) \
         FROM check_runs r LEFT JOIN check_run_rules c ON c.run_id = r.id GROUP BY ALL ORDER BY r.id DESC",
    )?;
    let mut runs: Vec<RunPart> = st
        .query_map([], |r| {
            Ok(RunPart {
                id: r.get(0)?,
                started_at: r.get(1)?,
                as_of: r.get(2)?,
                fingerprint: r.get::<_, String>(3)?.chars().take(16).collect(),
                hecha_version: r.get(4)?,
                rules: r.get(5)?,
                findings: r.get(6)?,
                params: Vec::new(),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    let mut st = conn.prepare(
        "SELECT rule, params FROM check_run_rules WHERE run_id = ? AND params NOT IN ('{}', '') ORDER BY rule",
    )?;
    for run in runs.iter_mut() {
        let params: Vec<(String, String)> = st
            .query_map([run.id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<duckdb::Result<_>>()?;
        for (rule, p) in params {
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
    let (mut total, mut confirmed, mut unreviewed, mut dismissed) = (0i64, 0i64, 0i64, 0i64);
    let (mut n_conf, mut n_dis, mut n_open) = (0i64, 0i64, 0i64);
    let mut open_findings = Vec::new();
    for f in &findings {
        let amount = fen(f.amount.as_deref());
        let status = f.review.as_ref().map(|r| r.status.as_str());
        total += amount;
        match status {
            Some("confirmed") => {
                confirmed += amount;
                n_conf += 1;
            }
            Some("dismissed") => {
                dismissed += amount;
                n_dis += 1;
            }
            _ => {
                unreviewed += amount;
                n_open += 1;
                open_findings.push(OpenFinding {
                    id: f.id.clone(),
                    rule: rule_title(&f.rule),
                    subject: f.name.clone(),
                    amount: f.amount.clone(),
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
            amount: f.amount.clone(),
            review: review_label(status),
            reason: f.review.as_ref().map(|r| r.reason.clone()),
            text: f.text.clone(),
        });
    }
    for part in by_rule.iter_mut() {
        let all: i64 = findings
            .iter()
            .filter(|f| f.rule == part.rule)
            .map(|f| fen(f.amount.as_deref()))
            .sum();
        let conf: i64 = findings
            .iter()
            .filter(|f| {
                f.rule == part.rule
                    && f.review.as_ref().map(|r| r.status.as_str()) == Some("confirmed")
            })
            .map(|f| fen(f.amount.as_deref()))
            .sum();
        part.amount = yuan(all);
        part.confirmed_amount = yuan(conf);
    }

    let mut by_status: Vec<Count> = Vec::new();
    for (zh, _) in crate::casework::STATUSES {
        let n = allegations.iter().filter(|a| a.status == *zh).count() as i64;
        if n > 0 {
            by_status.push(Count {
                label: crate::casework::status_label(zh),
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
        amount: yuan(total),
        confirmed_amount: yuan(confirmed),
    };
    let pending_allegations = allegations
        .iter()
        .filter(|a| a.status == "待核查")
        .map(|a| OpenAllegation {
            id: a.id,
            title: a.title.clone(),
        })
        .collect();
    let (entries, head_hash): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_head LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
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
            amount: yuan(total),
            confirmed: yuan(confirmed),
            unreviewed: yuan(unreviewed),
            dismissed: yuan(dismissed),
        },
        open_items: OpenItems {
            unreviewed_findings: open_findings,
            pending_allegations,
        },
        audit: AuditPart { entries, head_hash },
    };
    if opts.redact {
        let r = Redactor::from_case(case)?;
        let mut v = serde_json::to_value(&summary)
            .map_err(|e| Error::from(Msg::new("err.io").arg("detail", e)))?;
        r.json(&mut v);
        return serde_json::from_value(v).map_err(|e| Msg::new("err.io").arg("detail", e).into());
    }
    Ok(summary)
}

fn evidence_item(
    case: &Case,
    e: &crate::casework::CatalogueEntry,
    rule_title: &dyn Fn(&str) -> String,
) -> Result<EvidenceItem> {
    let conn = case.conn();
    let mut item = EvidenceItem {
        no: e.no.clone(),
        relation: crate::casework::relation_label(&e.relation),
        kind: tr!(&format!("tui.item.{}", e.kind)),
        description: e.label.clone(),
        quote: e.quote.clone(),
        file: None,
        sha256: None,
        row: None,
        note: e.note.clone(),
    };
    match e.kind.as_str() {
        "document" => {
            let id: i64 = e
                .reference
                .split(':')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(-1);
            if let Ok((title, file, sha)) = conn.query_row(
                "SELECT title, source_file, sha256 FROM documents WHERE id = ?",
                [id],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
            ) {
                item.description = title;
                item.file = Some(file);
                item.sha256 = Some(sha.chars().take(12).collect());
            }
        }
        "row" => {
            let mut parts = e.reference.splitn(2, ':');
            let lid: i64 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(-1);
            let row: Option<i64> = parts.next().and_then(|s| s.parse().ok());
            if let Ok((name, file, sha)) = conn.query_row(
                "SELECT name, source_file, sha256 FROM ledgers WHERE id = ?",
                [lid],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
            ) {
                item.description = name;
                item.file = Some(file);
                item.sha256 = Some(sha.chars().take(12).collect());
            }
            item.row = row;
        }
        "finding" => {
            if let Ok((rule, name, text)) = conn.query_row(
                "SELECT rule, coalesce(name, ''), text FROM findings WHERE id = ? ORDER BY run_id DESC LIMIT 1",
                [&e.reference],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
            ) {
                item.description = format!("{} {} · {name}：{text}", e.reference, rule_title(&rule));
            }
        }
        _ => {}
    }
    Ok(item)
}

/// Renders a summary in one format.
pub fn render(s: &Summary, format: Format) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Markdown => render::markdown(s).into_bytes(),
        Format::Html => render::html(s).into_bytes(),
        Format::Docx => render::docx(s)?,
        Format::Json => {
            let mut j = serde_json::to_string_pretty(s)
                .map_err(|e| Error::from(Msg::new("err.io").arg("detail", e)))?;
            j.push('\n');
            j.into_bytes()
        }
    })
}

/// Builds, renders and writes a summary; refuses to overwrite an existing file
/// unless `force`. An unredacted export is written to the audit log.
pub fn export(
    case: &Case,
    opts: &Options,
    format: Format,
    out: &Path,
    force: bool,
) -> Result<Summary> {
    if out.exists() && !force {
        return Err(Msg::new("export.exists").arg("path", out.display()).into());
    }
    let summary = build(case, opts)?;
    let bytes = render(&summary, format)?;
    let write = || -> Result<()> {
        // Write next to the target, then rename: a failed export leaves no half file.
        let dir = out
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let io = |e: std::io::Error| {
            Error::from(
                Msg::new("export.write_failed")
                    .arg("path", out.display())
                    .arg("detail", e),
            )
        };
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        std::io::Write::write_all(&mut tmp, &bytes).map_err(io)?;
        tmp.persist(out).map_err(|e| io(e.error))?;
        Ok(())
    };
    if opts.redact {
        write()?;
    } else {
        // The unredacted file exists only if its audit entry does.
        case.transaction(|conn| {
            crate::audit::append(
                conn,
                "export.unredacted",
                serde_json::json!({
                    "file": out.display().to_string(),
                    "format": format.extension(),
                    "allegation": opts.allegation,
                    "sha256": crate::audit::sha256_hex(&bytes),
                }),
            )?;
            write()
        })?;
    }
    Ok(summary)
}

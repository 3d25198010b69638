//! The cross-check engine: loads rules, runs them over the role views, stores
//! each run with stable finding identities, and keeps review decisions.

pub mod holidays;
pub mod rule;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use duckdb::types::Value;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::case::Case;
use crate::error::{Error, Msg, Result};
use crate::ingest::normalise::{self as norm, Ymd};
pub use rule::{Param, ParamType, Rule, RuleError};

/// Where user rules live: `<config dir>/rules/*.sql`.
pub fn user_rules_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.config_dir().join("rules"))
}

/// All rules: built-in, then the user's, then the case's own; a later rule with
/// the same id replaces an earlier one. Broken rules are returned as errors and
/// do not stop the others.
pub fn load_rules(case: Option<&Case>) -> (Vec<Rule>, Vec<RuleError>) {
    let mut rules: Vec<Rule> = Vec::new();
    let mut errors = Vec::new();
    let mut add = |r: std::result::Result<Rule, RuleError>| match r {
        Ok(rule) => match rules.iter_mut().find(|x| x.id == rule.id) {
            Some(slot) => *slot = rule,
            None => rules.push(rule),
        },
        Err(e) => errors.push(e),
    };
    for (file, text) in rule::BUILTIN {
        add(rule::parse(&format!("builtin:{file}"), text));
    }
    if let Some(dir) = user_rules_dir() {
        for r in load_dir(&dir) {
            add(r);
        }
    }
    if let Some(case) = case {
        if let Ok(mut st) = case
            .conn()
            .prepare("SELECT file_name, text FROM case_rules ORDER BY file_name")
        {
            if let Ok(rows) =
                st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            {
                for (name, text) in rows.flatten() {
                    add(rule::parse(&format!("case:{name}"), &text));
                }
            }
        }
    }
    (rules, errors)
}

/// Loads every `*.sql` file of a directory as a rule (sorted by name).
pub fn load_dir(dir: &Path) -> Vec<std::result::Result<Rule, RuleError>> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .map(|e| e.eq_ignore_ascii_case("sql"))
                .unwrap_or(false)
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let source = p.display().to_string();
            match std::fs::read_to_string(&p) {
                Ok(text) => rule::parse(&source, &text),
                Err(e) => Err(RuleError {
                    source,
                    line: None,
                    message: e.to_string(),
                }),
            }
        })
        .collect()
}

/// What to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Rule ids; empty = all.
    pub rules: Vec<String>,
    /// `(rule, param, value)` overrides.
    pub sets: Vec<(String, String, String)>,
    pub as_of: Option<Ymd>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Subject {
    pub kind: String,
    pub key: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Evidence {
    pub ledger: String,
    pub file: String,
    pub row: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Review {
    pub status: String,
    pub reason: String,
    pub reviewed_at: String,
    pub reviewer: String,
}

/// One finding (the `--json` shape, plus change and review).
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub id: String,
    pub rule: String,
    pub subject: Subject,
    #[serde(skip)]
    pub scope: String,
    pub name: String,
    pub amount: Option<String>,
    pub evidence: Vec<Evidence>,
    pub detail: serde_json::Map<String, serde_json::Value>,
    pub text: String,
    /// `new`, `changed` or `same`, against the previous run of its rule.
    pub change: String,
    pub review: Option<Review>,
}

/// One rule's part of a run.
#[derive(Debug, Clone, Serialize)]
pub struct RuleRun {
    pub id: String,
    pub title: String,
    pub version: i32,
    pub findings: usize,
    pub amount: Option<String>,
    pub ms: u64,
    pub skipped: Option<String>,
    pub error: Option<String>,
    pub params: BTreeMap<String, String>,
    pub new: usize,
    pub changed: usize,
    pub gone: Vec<String>,
}

impl RuleRun {
    /// A rule that has not run (yet): no findings, no time.
    pub fn empty(rule: &Rule, params: BTreeMap<String, String>) -> RuleRun {
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
}

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

/// A finding's stable identity: the same subject in the same rule (and scope,
/// e.g. program and month) always gets the same id.
pub fn finding_id(rule: &str, kind: &str, key: &str, scope: &str) -> String {
    let mut h = Sha256::new();
    for part in [rule, kind, key, scope] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let hex = hex::encode(h.finalize());
    format!("F{}", &hex[..10])
}

fn fen_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::Null => return None,
        Value::Decimal(d) => d.to_string(),
        Value::Text(s) => s.clone(),
        Value::BigInt(n) => n.to_string(),
        Value::Int(n) => n.to_string(),
        Value::HugeInt(n) => n.to_string(),
        Value::Double(f) => format!("{f:.2}"),
        other => format!("{other:?}"),
    };
    norm::parse_amount_fen(&s)
        .ok()
        .flatten()
        .map(norm::format_fen)
}

fn json_of(v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Null => J::Null,
        Value::Boolean(b) => J::Bool(*b),
        Value::TinyInt(n) => J::from(*n),
        Value::SmallInt(n) => J::from(*n),
        Value::Int(n) => J::from(*n),
        Value::BigInt(n) => J::from(*n),
        Value::HugeInt(n) => J::String(n.to_string()),
        Value::UTinyInt(n) => J::from(*n),
        Value::USmallInt(n) => J::from(*n),
        Value::UInt(n) => J::from(*n),
        Value::UBigInt(n) => J::from(*n),
        Value::Float(f) => J::from(*f as f64),
        Value::Double(f) => J::from(*f),
        Value::Decimal(d) => J::String(d.to_string()),
        Value::Text(s) => J::String(s.clone()),
        Value::Date32(days) => J::String(
            Ymd::from_days_from_epoch(*days as i64)
                .map(|d| d.to_string())
                .unwrap_or_else(|| days.to_string()),
        ),
        Value::List(items) | Value::Array(items) => J::Array(items.iter().map(json_of).collect()),
        other => J::String(format!("{other:?}")),
    }
}

fn display_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            let sep = if crate::i18n::lang() == crate::i18n::Lang::Zh {
                "、"
            } else {
                ", "
            };
            items.iter().map(display_of).collect::<Vec<_>>().join(sep)
        }
        other => other.to_string(),
    }
}

/// Fills `{name}`, `{key}`, `{amount}` and `{d_…}` in a rule's text template.
fn render(template: &str, f: &Finding) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let name = &after[..j];
        let v = match name {
            "name" => f.name.clone(),
            "key" => f.subject.key.clone(),
            "amount" => f.amount.clone().unwrap_or_default(),
            n => match n.strip_prefix("d_") {
                Some(d) => f.detail.get(d).map(display_of).unwrap_or_default(),
                None => format!("{{{n}}}"),
            },
        };
        out.push_str(&v);
        rest = &after[j + 1..];
    }
    out.push_str(rest);
    out
}

/// Maps a DuckDB error's `LINE n:` to the rule file's line.
fn sql_error(rule: &Rule, e: &duckdb::Error) -> String {
    let msg = e.to_string();
    let line = msg
        .split("LINE ")
        .nth(1)
        .and_then(|s| s.split(':').next())
        .and_then(|n| n.trim().parse::<usize>().ok());
    let err = RuleError {
        source: rule.source.clone(),
        line: line.map(|l| l + rule.sql_line_offset),
        message: msg,
    };
    err.to_string()
}

/// A fingerprint of everything a run reads: ledgers, programs and holidays.
fn fingerprint(case: &Case) -> Result<String> {
    let mut h = Sha256::new();
    for sql in [
        "SELECT string_agg(concat_ws('|', id, sha256, role, row_count), ';' ORDER BY id) FROM ledgers",
        "SELECT string_agg(concat_ws('|', program, means_tested, discretionary, land_type, min_age), ';' ORDER BY program) FROM programs",
        "SELECT string_agg(concat_ws('|', alias, program), ';' ORDER BY alias) FROM program_aliases",
        "SELECT string_agg(concat_ws('|', name, start_date, end_date), ';' ORDER BY start_date) FROM holidays",
    ] {
        let s: Option<String> = case.conn().query_row(sql, [], |r| r.get(0))?;
        h.update(s.unwrap_or_default().as_bytes());
        h.update([0u8]);
    }
    Ok(hex::encode(h.finalize())[..16].to_string())
}

fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into())
}

fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Ledger id → (name, file), for resolving evidence references.
fn ledger_names(case: &Case) -> Result<HashMap<i64, (String, String)>> {
    let mut st = case
        .conn()
        .prepare("SELECT id, name, source_file FROM ledgers")?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            (r.get::<_, String>(1)?, r.get::<_, String>(2)?),
        ))
    })?;
    Ok(rows.collect::<duckdb::Result<_>>()?)
}

fn parse_evidence(s: &str, ledgers: &HashMap<i64, (String, String)>) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for part in s.split(';') {
        let Some((l, r)) = part.split_once(':') else {
            continue;
        };
        let (Ok(l), Ok(row)) = (l.trim().parse::<i64>(), r.trim().parse::<i64>()) else {
            continue;
        };
        let Some((ledger, file)) = ledgers.get(&l) else {
            continue;
        };
        let e = Evidence {
            ledger: ledger.clone(),
            file: file.clone(),
            row,
        };
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// Runs one rule's SQL with its parameters bound; returns its findings.
fn run_rule(
    case: &Case,
    rule: &Rule,
    params: &BTreeMap<String, String>,
    ledgers: &HashMap<i64, (String, String)>,
) -> std::result::Result<Vec<Finding>, String> {
    let conn = case.conn();
    let mut st = conn.prepare(&rule.sql).map_err(|e| sql_error(rule, &e))?;
    for i in 1..=st.parameter_count() {
        let name = st.parameter_name(i).map_err(|e| sql_error(rule, &e))?;
        let name = name.trim_start_matches('$').to_string();
        let value = params.get(&name).ok_or_else(|| {
            format!(
                "{}: {}",
                rule.source,
                crate::tr!("rules.unknown_param", name = name)
            )
        })?;
        st.raw_bind_parameter(i, value.as_str())
            .map_err(|e| sql_error(rule, &e))?;
    }
    st.raw_execute().map_err(|e| sql_error(rule, &e))?;
    // A bare `NULL AS x` column has DuckDB's NULL type, which duckdb-rs cannot
    // read (it panics): such columns are read as NULL without touching them.
    let readable: Vec<bool> = (0..st.column_count())
        .map(|i| st.column_type(i) != duckdb::arrow::datatypes::DataType::Null)
        .collect();
    let mut rows = st.raw_query();
    let mut out = Vec::new();
    let mut columns: Option<Vec<String>> = None;
    while let Some(row) = rows.next().map_err(|e| sql_error(rule, &e))? {
        let cols = columns.get_or_insert_with(|| {
            row.as_ref()
                .column_names()
                .into_iter()
                .map(String::from)
                .collect()
        });
        let value = |i: usize| -> Value {
            if readable.get(i).copied().unwrap_or(false) {
                row.get::<_, Value>(i).unwrap_or(Value::Null)
            } else {
                Value::Null
            }
        };
        let get = |name: &str| -> Value {
            cols.iter()
                .position(|c| c == name)
                .map(value)
                .unwrap_or(Value::Null)
        };
        let text_of = |v: Value| match v {
            Value::Null => String::new(),
            Value::Text(s) => s,
            other => display_of(&json_of(&other)),
        };
        let kind = text_of(get("subject_kind"));
        let key = text_of(get("subject_key"));
        let scope = text_of(get("scope"));
        let name = text_of(get("name"));
        let amount = fen_text(&get("amount"));
        let evidence = parse_evidence(&text_of(get("evidence")), ledgers);
        let mut detail = serde_json::Map::new();
        for (i, c) in cols.iter().enumerate() {
            if let Some(d) = c.strip_prefix("d_") {
                detail.insert(d.to_string(), json_of(&value(i)));
            }
        }
        let mut f = Finding {
            id: finding_id(&rule.id, &kind, &key, &scope),
            rule: rule.id.clone(),
            subject: Subject { kind, key },
            scope,
            name,
            amount,
            evidence,
            detail,
            text: String::new(),
            change: "new".into(),
            review: None,
        };
        f.text = render(rule.text_template(), &f);
        out.push(f);
    }
    Ok(out)
}

/// Runs the chosen rules and stores the run. Per-rule failures are recorded in
/// the report, not returned: one broken rule does not stop the others.
pub fn run(case: &Case, opts: &RunOptions) -> Result<RunReport> {
    run_with(case, opts, &mut |_, _, _| true)
}

/// [`run`] with progress: `on_rule(index, total, rule id)` is called before
/// each rule; returning false cancels the run (nothing is stored).
pub fn run_with(
    case: &Case,
    opts: &RunOptions,
    on_rule: &mut dyn FnMut(usize, usize, &str) -> bool,
) -> Result<RunReport> {
    let (all, rule_errors) = load_rules(Some(case));
    let chosen: Vec<&Rule> = if opts.rules.is_empty() {
        all.iter().collect()
    } else {
        let mut v = Vec::new();
        for id in &opts.rules {
            match all.iter().find(|r| &r.id == id) {
                Some(r) => v.push(r),
                None => return Err(Msg::new("checks.unknown_rule").arg("id", id).into()),
            }
        }
        v
    };
    // Parameter overrides must name a chosen rule and one of its parameters.
    for (rid, pname, value) in &opts.sets {
        let Some(r) = all.iter().find(|r| &r.id == rid) else {
            return Err(Msg::new("checks.unknown_rule").arg("id", rid).into());
        };
        let Some(p) = r.param(pname) else {
            return Err(Msg::new("checks.unknown_param")
                .arg("rule", rid)
                .arg("param", pname)
                .into());
        };
        rule::check_value(p.ty, value).map_err(|m| {
            Error::from(
                Msg::new("checks.bad_param")
                    .arg("rule", rid)
                    .arg("param", pname)
                    .arg("detail", m),
            )
        })?;
    }
    let as_of = match opts.as_of {
        Some(d) => d.to_string(),
        None => case.conn().query_row(
            "SELECT CAST(as_of AS VARCHAR) FROM case_info LIMIT 1",
            [],
            |r| r.get(0),
        )?,
    };

    // Reads first (each rule in its own implicit transaction, so one failing
    // rule cannot abort the others), then one transaction stores the run.
    case.transaction(|conn| Ok(holidays::seed(conn)?))?;
    let conn = case.conn();
    let fingerprint = fingerprint(case)?;
    let ledgers = ledger_names(case)?;
    let roles_present: Vec<String> = {
        let mut st = conn.prepare("SELECT DISTINCT role FROM ledgers")?;
        let v = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<duckdb::Result<Vec<_>>>()?;
        v
    };
    let mut rule_runs = Vec::new();
    let mut findings_all = Vec::new();
    let n_rules = chosen.len();
    for (ri, r) in chosen.iter().enumerate() {
        if !on_rule(ri, n_rules, &r.id) {
            return Err(Msg::new("checks.cancelled").into());
        }
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
        let mut bound = params.clone();
        bound.insert("as_of".into(), as_of.clone());
        let missing: Vec<String> = r
            .roles
            .iter()
            .filter(|role| !roles_present.iter().any(|p| p == role.as_str()))
            .map(|role| {
                format!(
                    "{}（{}）",
                    crate::tr!(&format!("role.{}", role.as_str())),
                    role.as_str()
                )
            })
            .collect();
        let mut rr = RuleRun::empty(r, params);
        if !missing.is_empty() {
            rr.skipped = Some(crate::tr!(
                "checks.skipped_missing",
                roles = missing.join("、")
            ));
            rule_runs.push(rr);
            continue;
        }
        let t = Instant::now();
        let result = run_rule(case, r, &bound, &ledgers);
        rr.ms = t.elapsed().as_millis() as u64;
        let mut fs = match result {
            Ok(fs) => fs,
            Err(e) => {
                rr.error = Some(e);
                rule_runs.push(rr);
                continue;
            }
        };
        // Against the previous successful run of this rule: new, changed, gone.
        let prev_run: Option<i64> = conn.query_row(
            "SELECT max(run_id) FROM check_run_rules WHERE rule = ? AND skipped IS NULL AND error IS NULL",
            [&r.id],
            |x| x.get(0),
        )?;
        let mut prev: HashMap<String, (Option<String>, String, String)> = HashMap::new();
        if let Some(pr) = prev_run {
            let mut st = conn.prepare(
                "SELECT id, CAST(amount AS VARCHAR), evidence, detail FROM findings WHERE run_id = ? AND rule = ?",
            )?;
            let rows = st.query_map(duckdb::params![pr, r.id], |x| {
                Ok((
                    x.get::<_, String>(0)?,
                    (
                        x.get::<_, Option<String>>(1)?,
                        x.get::<_, String>(2)?,
                        x.get::<_, String>(3)?,
                    ),
                ))
            })?;
            prev = rows.collect::<duckdb::Result<_>>()?;
        }
        let mut total: i64 = 0;
        let mut any_amount = false;
        for f in fs.iter_mut() {
            let ev = serde_json::to_string(&f.evidence).unwrap_or_default();
            let de = serde_json::to_string(&f.detail).unwrap_or_default();
            f.change = match prev.remove(&f.id) {
                None => "new".into(),
                Some((a, e, d)) => {
                    let a = a
                        .and_then(|a| norm::parse_amount_fen(&a).ok().flatten())
                        .map(norm::format_fen);
                    if a == f.amount && e == ev && d == de {
                        "same".into()
                    } else {
                        "changed".into()
                    }
                }
            };
            if let Some(a) = f
                .amount
                .as_deref()
                .and_then(|a| norm::parse_amount_fen(a).ok().flatten())
            {
                total += a;
                any_amount = true;
            }
        }
        rr.findings = fs.len();
        rr.amount = any_amount.then(|| norm::format_fen(total));
        rr.new = fs.iter().filter(|f| f.change == "new").count();
        rr.changed = fs.iter().filter(|f| f.change == "changed").count();
        let mut gone: Vec<String> = prev.into_keys().collect();
        gone.sort();
        rr.gone = gone;
        findings_all.extend(fs);
        rule_runs.push(rr);
    }

    let run_id = case.transaction(|conn| {
        let run_id: i64 =
            conn.query_row("SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM check_runs", [], |r| r.get(0))?;
        conn.execute(
            "INSERT INTO check_runs (id, started_at, as_of, fingerprint, hecha_version) VALUES (?, CAST(? AS TIMESTAMP), CAST(? AS DATE), ?, ?)",
            duckdb::params![run_id, now_text(), as_of, fingerprint, env!("CARGO_PKG_VERSION")],
        )?;
        for rr in &rule_runs {
            conn.execute(
                "INSERT INTO check_run_rules (run_id, rule, version, params, ms, findings, amount, skipped, error, new, changed, gone) \
                 VALUES (?, ?, ?, ?, ?, ?, CAST(? AS DECIMAL(18,2)), ?, ?, ?, ?, ?)",
                duckdb::params![
                    run_id,
                    rr.id,
                    rr.version,
                    serde_json::to_string(&rr.params).unwrap_or_default(),
                    rr.ms as i64,
                    rr.findings as i64,
                    rr.amount,
                    rr.skipped,
                    rr.error,
                    rr.new as i64,
                    rr.changed as i64,
                    serde_json::to_string(&rr.gone).unwrap_or_default()
                ],
            )?;
        }
        let mut app = conn.appender("findings")?;
        for f in &findings_all {
            let ev = serde_json::to_string(&f.evidence).unwrap_or_default();
            let de = serde_json::to_string(&f.detail).unwrap_or_default();
            app.append_row(duckdb::params![
                run_id, f.id, f.rule, f.subject.kind, f.subject.key, f.scope, f.name, f.amount, ev, de, f.text, f.change
            ])?;
        }
        app.flush()?;
        drop(app);
        crate::audit::append(
            conn,
            "checks.run",
            serde_json::json!({
                "run_id": run_id,
                "as_of": as_of,
                "fingerprint": fingerprint,
                "rules": rule_runs.iter().map(|r| serde_json::json!({ "id": r.id, "version": r.version, "findings": r.findings, "params": r.params })).collect::<Vec<_>>(),
            }),
        )?;
        Ok(run_id)
    })?;
    attach_reviews(case, &mut findings_all)?;
    Ok(RunReport {
        run_id,
        as_of,
        fingerprint,
        rules: rule_runs,
        findings: findings_all,
        rule_errors,
    })
}

fn attach_reviews(case: &Case, findings: &mut [Finding]) -> Result<()> {
    let mut st = case.conn().prepare(
        "SELECT finding_id, status, reason, CAST(reviewed_at AS VARCHAR), reviewer FROM reviews",
    )?;
    let reviews: HashMap<String, Review> = st
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Review {
                    status: r.get(1)?,
                    reason: r.get(2)?,
                    reviewed_at: r.get(3)?,
                    reviewer: r.get(4)?,
                },
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    for f in findings.iter_mut() {
        f.review = reviews.get(&f.id).cloned();
    }
    Ok(())
}

/// The findings of the latest run (optionally of one rule), with reviews.
pub fn latest_findings(
    case: &Case,
    rule: Option<&str>,
) -> Result<Option<(i64, String, Vec<Finding>)>> {
    let latest: Option<(i64, String)> = case
        .conn()
        .query_row(
            "SELECT id, CAST(as_of AS VARCHAR) FROM check_runs ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map(Some)
        .or_else(|e| {
            if matches!(e, duckdb::Error::QueryReturnedNoRows) {
                Ok(None)
            } else {
                Err(e)
            }
        })?;
    let Some((run_id, as_of)) = latest else {
        return Ok(None);
    };
    let mut st = case.conn().prepare(
        "SELECT id, rule, subject_kind, subject_key, scope, coalesce(name, ''), CAST(amount AS VARCHAR), evidence, detail, text, change \
         FROM findings f JOIN (SELECT rule AS r, max(run_id) AS latest FROM check_run_rules \
         WHERE skipped IS NULL AND error IS NULL GROUP BY rule) l ON f.rule = l.r AND f.run_id = l.latest \
         WHERE f.run_id <= ? AND (? IS NULL OR f.rule = ?) ORDER BY rule, amount DESC NULLS LAST, subject_key",
    )?;
    let rows = st.query_map(duckdb::params![run_id, rule, rule], |r| {
        let ev: String = r.get(7)?;
        let de: String = r.get(8)?;
        Ok(Finding {
            id: r.get(0)?,
            rule: r.get(1)?,
            subject: Subject {
                kind: r.get(2)?,
                key: r.get(3)?,
            },
            scope: r.get(4)?,
            name: r.get(5)?,
            amount: r
                .get::<_, Option<String>>(6)?
                .and_then(|a| norm::parse_amount_fen(&a).ok().flatten())
                .map(norm::format_fen),
            evidence: serde_json::from_str::<Vec<EvidenceIn>>(&ev)
                .unwrap_or_default()
                .into_iter()
                .map(|e| Evidence {
                    ledger: e.ledger,
                    file: e.file,
                    row: e.row,
                })
                .collect(),
            detail: serde_json::from_str(&de).unwrap_or_default(),
            text: r.get(9)?,
            change: r.get(10)?,
            review: None,
        })
    })?;
    let mut findings: Vec<Finding> = rows.collect::<duckdb::Result<_>>()?;
    attach_reviews(case, &mut findings)?;
    Ok(Some((run_id, as_of, findings)))
}

#[derive(serde::Deserialize)]
struct EvidenceIn {
    ledger: String,
    file: String,
    row: i64,
}

/// Records a review decision on a finding; it carries over to reruns because
/// the finding keeps its id.
pub fn review(case: &Case, finding: &str, status: &str, reason: &str) -> Result<()> {
    let status = match status.trim() {
        "confirmed" | "confirm" | "确认" | "属实" => "confirmed",
        "dismissed" | "dismiss" | "排除" | "不属实" => "dismissed",
        other => return Err(Msg::new("checks.bad_status").arg("value", other).into()),
    };
    if reason.trim().is_empty() {
        return Err(Msg::new("checks.reason_required").into());
    }
    let known: i64 = case.conn().query_row(
        "SELECT count(*) FROM findings WHERE id = ?",
        [finding],
        |r| r.get(0),
    )?;
    if known == 0 {
        return Err(Msg::new("checks.unknown_finding").arg("id", finding).into());
    }
    case.transaction(|conn| {
        conn.execute(
            "INSERT INTO reviews (finding_id, status, reason, reviewed_at, reviewer) VALUES (?, ?, ?, CAST(? AS TIMESTAMP), ?) \
             ON CONFLICT (finding_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, \
             reviewed_at = excluded.reviewed_at, reviewer = excluded.reviewer",
            duckdb::params![finding, status, reason.trim(), now_text(), os_user()],
        )?;
        crate::audit::append(conn, "finding.review", serde_json::json!({ "finding": finding, "status": status, "reason": reason.trim() }))?;
        Ok(())
    })
}

/// Lists the program table (built-in rows and the case's own).
#[derive(Debug, Clone, Serialize)]
pub struct ProgramRow {
    pub program: String,
    pub aliases: Vec<String>,
    pub means_tested: bool,
    pub discretionary: bool,
    pub land_type: Option<String>,
    pub min_age: Option<i32>,
    pub source: String,
}

pub fn programs(case: &Case) -> Result<Vec<ProgramRow>> {
    let mut st = case.conn().prepare(
        "SELECT p.program, list(a.alias ORDER BY a.alias) FILTER (WHERE a.alias IS NOT NULL AND a.alias <> p.program), \
         p.means_tested, p.discretionary, p.land_type, p.min_age, p.source \
         FROM programs p LEFT JOIN program_aliases a ON a.program = p.program \
         GROUP BY ALL ORDER BY p.source, p.program",
    )?;
    let rows = st.query_map([], |r| {
        let aliases = match r.get::<_, Value>(1)? {
            Value::List(items) => items
                .into_iter()
                .filter_map(|v| {
                    if let Value::Text(s) = v {
                        Some(s)
                    } else {
                        None
                    }
                })
                .collect(),
            _ => Vec::new(),
        };
        Ok(ProgramRow {
            program: r.get(0)?,
            aliases,
            means_tested: r.get(2)?,
            discretionary: r.get(3)?,
            land_type: r.get(4)?,
            min_age: r.get(5)?,
            source: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<duckdb::Result<_>>()?)
}

/// Adds (or updates) a case program and its aliases.
pub fn add_program(case: &Case, p: &ProgramRow) -> Result<()> {
    let name = norm::normalise_name(&p.program)
        .ok_or_else(|| Error::from(Msg::new("checks.program_name_required")))?;
    case.transaction(|conn| {
        conn.execute(
            "INSERT INTO programs (program, means_tested, discretionary, land_type, min_age, source) VALUES (?, ?, ?, ?, ?, 'case') \
             ON CONFLICT (program) DO UPDATE SET means_tested = excluded.means_tested, discretionary = excluded.discretionary, \
             land_type = excluded.land_type, min_age = excluded.min_age, source = 'case'",
            duckdb::params![name, p.means_tested, p.discretionary, p.land_type, p.min_age],
        )?;
        conn.execute(
            "INSERT INTO program_aliases (alias, program, source) VALUES (?, ?, 'case') ON CONFLICT (alias) DO UPDATE SET program = excluded.program, source = 'case'",
            duckdb::params![name, name],
        )?;
        for a in &p.aliases {
            if let Some(a) = norm::normalise_name(a) {
                conn.execute(
                    "INSERT INTO program_aliases (alias, program, source) VALUES (?, ?, 'case') ON CONFLICT (alias) DO UPDATE SET program = excluded.program, source = 'case'",
                    duckdb::params![a, name],
                )?;
            }
        }
        crate::audit::append(
            conn,
            "program.add",
            serde_json::json!({ "program": name, "aliases": p.aliases, "means_tested": p.means_tested, "discretionary": p.discretionary, "land_type": p.land_type, "min_age": p.min_age }),
        )?;
        Ok(())
    })
}

/// Stores a rule file in the case (rules travel with the case file).
pub fn add_case_rule(case: &Case, path: &Path) -> Result<Rule> {
    let text = std::fs::read_to_string(path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let r = rule::parse(&format!("case:{file_name}"), &text)
        .map_err(|e| Error::from(Msg::new("checks.rule_broken").arg("detail", e)))?;
    case.transaction(|conn| {
        conn.execute(
            "INSERT INTO case_rules (file_name, text, added_at) VALUES (?, ?, CAST(? AS TIMESTAMP)) \
             ON CONFLICT (file_name) DO UPDATE SET text = excluded.text, added_at = excluded.added_at",
            duckdb::params![file_name, text, now_text()],
        )?;
        crate::audit::append(conn, "rule.add", serde_json::json!({ "file": file_name, "sha256": crate::audit::sha256_hex(text.as_bytes()) }))?;
        Ok(())
    })?;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_ids_are_stable_and_distinguish_scope() {
        let a = finding_id(
            "duplicate-payment",
            "person",
            "430423195003051233",
            "低保|2023-05",
        );
        assert_eq!(
            a,
            finding_id(
                "duplicate-payment",
                "person",
                "430423195003051233",
                "低保|2023-05"
            )
        );
        assert_ne!(
            a,
            finding_id(
                "duplicate-payment",
                "person",
                "430423195003051233",
                "低保|2023-06"
            )
        );
        assert!(a.starts_with('F') && a.len() == 11);
    }
}

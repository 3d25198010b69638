//! Human-readable output (tables aligned by display width: CJK is two columns).

use unicode_width::UnicodeWidthStr;

use hecha::bench::{ChecksBench, ImportBench, SearchBench};
use hecha::case::CaseInfo;
use hecha::checks::{Finding, ProgramRow, Rule, RuleError, RunReport};
use hecha::ingest::{FileReport, Status};
use hecha::tr;

/// Pads `s` with spaces to `width` display columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

fn table(headers: &[String], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers
        .iter()
        .map(|h| UnicodeWidthStr::width(h.as_str()))
        .collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(UnicodeWidthStr::width(c.as_str()));
            }
        }
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| pad(c, widths[i]))
            .collect();
        println!("  {}", parts.join("  ").trim_end());
    };
    line(headers);
    line(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>());
    for r in rows {
        line(r);
    }
}

pub fn role_label(role: &str) -> String {
    format!("{} {}", role, tr!(&format!("role.{role}")))
}

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
                let rows = r.rows.map(|n| tr!("cli.rows", n = n)).unwrap_or_default();
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

pub fn print_info(info: &CaseInfo) {
    println!("{}  {}", tr!("info.title"), info.title);
    println!("{}  {}", tr!("info.file"), info.path);
    println!("{}  {}", tr!("info.id"), info.id);
    println!("{}  {}", tr!("info.as_of"), info.as_of);
    println!("{}  {}", tr!("info.schema"), info.schema_version);
    let docs: Vec<String> = info
        .documents
        .iter()
        .map(|d| {
            tr!(
                "info.doc_count",
                kind = tr!(&format!("kind.{}", d.kind)),
                n = d.count
            )
        })
        .collect();
    println!("{}  {}", tr!("info.documents"), docs.join("，"));
    println!("{}  {}", tr!("info.ledgers"), info.ledgers.len());
    if !info.ledgers.is_empty() {
        let headers = vec![
            "#".to_string(),
            tr!("info.col_name"),
            tr!("info.col_role"),
            tr!("info.col_rows"),
            tr!("info.col_encoding"),
            tr!("info.col_file"),
        ];
        let rows: Vec<Vec<String>> = info
            .ledgers
            .iter()
            .map(|l| {
                vec![
                    l.id.to_string(),
                    l.name.clone(),
                    role_label(&l.role),
                    l.rows.to_string(),
                    l.encoding.clone(),
                    match &l.sheet {
                        Some(s) => format!("{} [{s}]", l.file),
                        None => l.file.clone(),
                    },
                ]
            })
            .collect();
        table(&headers, &rows);
    }
}

pub fn print_bench(b: &ImportBench) {
    let mib = |v: Option<f64>| {
        v.map(|x| format!("{x:.0} MiB"))
            .unwrap_or_else(|| "n/a".into())
    };
    println!("rows                      {}", b.rows);
    println!(
        "GBK file                  {:.1} MiB",
        b.gbk_bytes as f64 / 1048576.0
    );
    println!(
        "hecha import (GBK)        {:.2} s   {:.0} rows/s",
        b.import_secs, b.import_rows_per_sec
    );
    println!(
        "DuckDB read_csv (UTF-8)   {:.2} s   {:.0} rows/s",
        b.read_csv_secs, b.read_csv_rows_per_sec
    );
    println!("ratio import / read_csv   {:.2}×", b.ratio);
    println!(
        "peak RSS after import     {}  (before: {})",
        mib(b.peak_rss_mib),
        mib(b.rss_before_mib)
    );
}

fn review_label(f: &Finding) -> String {
    match f.review.as_ref().map(|r| r.status) {
        Some(d) => format!("[{}] ", d.label()),
        None => String::new(),
    }
}

pub fn print_findings(findings: &[Finding]) {
    let mut last_rule = "";
    for f in findings {
        if f.rule != last_rule {
            println!();
            println!("■ {}", f.rule);
            last_rule = &f.rule;
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
            .map(|e| format!("{}#{}", e.ledger, e.row))
            .collect();
        println!("      └ {}", ev.join("，"));
    }
}

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
    let rows: Vec<Vec<String>> = r
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
                x.amount.map(|a| a.to_string()).unwrap_or_else(|| "—".into()),
                format!("{}/{}/{}", x.new, x.changed, x.gone.len()),
                format!("{} ms", x.ms),
                x.skipped
                    .clone()
                    .or_else(|| x.error.clone())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let mut rows = rows;
    rows.push(vec![
        tr!("checks.total"),
        String::new(),
        total_n.to_string(),
        hecha::ingest::normalise::format_fen(total_fen),
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
    print_findings(&r.findings);
}

pub fn print_rules(rules: &[Rule], errors: &[RuleError]) {
    for r in rules {
        println!("{}  {}  [{}]", r.id, r.title(), r.source);
        let roles: Vec<&str> = r.roles.iter().map(|x| x.as_str()).collect();
        println!("    {}  roles: {}", r.subject, roles.join(", "));
        for p in &r.params {
            let desc = if hecha::i18n::lang() == hecha::i18n::Lang::Zh {
                &p.description_zh
            } else {
                &p.description_en
            };
            println!("    --set {}.{}={}   {}", r.id, p.name, p.default, desc);
        }
    }
    if !errors.is_empty() {
        println!("{}", tr!("checks.rule_errors"));
        for e in errors {
            println!("  ! {e}");
        }
    }
}

pub fn print_programs(rows: &[ProgramRow]) {
    let yes = |b: bool| if b { "✓".to_string() } else { String::new() };
    let headers: Vec<String> = [
        "program",
        "aliases",
        "means-tested",
        "discretionary",
        "land type",
        "min age",
        "source",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            vec![
                p.program.clone(),
                p.aliases.join("、"),
                yes(p.means_tested),
                yes(p.discretionary),
                p.land_type.clone().unwrap_or_default(),
                p.min_age.map(|a| a.to_string()).unwrap_or_default(),
                p.source.clone(),
            ]
        })
        .collect();
    table(&headers, &body);
}

pub fn print_checks_bench(b: &ChecksBench) {
    println!("payment rows              {}", b.payment_rows);
    println!("other ledger rows         {}", b.other_rows);
    println!("import (all ledgers)      {:.1} s", b.import_secs);
    println!("DuckDB memory_limit       {} MB", b.memory_limit_mb);
    println!();
    println!(
        "  {:<24} {:>9} {:>10} {:>10} {:>7}",
        "rule", "findings", "hecha ms", "direct ms", "ratio"
    );
    for (id, n, h, d) in &b.rules {
        let ratio = if *d > 0 {
            format!("{:.2}×", *h as f64 / *d as f64)
        } else {
            "-".into()
        };
        println!("  {id:<24} {n:>9} {h:>10} {d:>10} {ratio:>7}");
    }
    let ratio = if b.direct_ms > 0 {
        b.hecha_rules_ms as f64 / b.direct_ms as f64
    } else {
        0.0
    };
    println!(
        "  {:<24} {:>9} {:>10} {:>10} {:>6.2}×",
        "total (13 rules)", "", b.hecha_rules_ms, b.direct_ms, ratio
    );
    println!();
    println!("whole run incl. storing findings   {} ms", b.run_ms);
    let rss = b
        .peak_rss_mib
        .map(|x| format!("{x:.0} MiB"))
        .unwrap_or_else(|| "n/a".into());
    println!("peak RSS (import + run)            {rss}");
}

pub fn print_search(r: &hecha::search::SearchResult) {
    println!("{}", tr!("search.total", n = r.total));
    for (i, h) in r.hits.iter().enumerate() {
        let kind = tr!(&format!("kind.{}", h.kind));
        println!(
            "{:>3}. [{kind}] {}  ({}, {:.2})",
            i + 1,
            h.title,
            h.source,
            h.score
        );
        println!("     {}", h.snippet);
    }
    let f = &r.facets;
    let join = |m: &std::collections::BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join("，")
    };
    if r.total > 0 {
        println!();
        let kinds: std::collections::BTreeMap<String, u64> = f
            .kind
            .iter()
            .map(|(k, v)| (tr!(&format!("kind.{k}")), *v))
            .collect();
        println!("{}：{}", tr!("search.facet_kind"), join(&kinds));
        if !f.ledger.is_empty() {
            println!("{}：{}", tr!("search.facet_ledger"), join(&f.ledger));
        }
        if !f.village.is_empty() {
            println!("{}：{}", tr!("search.facet_village"), join(&f.village));
        }
        if !f.year.is_empty() {
            let years: Vec<String> = f.year.iter().map(|(k, v)| format!("{k} {v}")).collect();
            println!("{}：{}", tr!("search.facet_year"), years.join("，"));
        }
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn print_batch_csv(rows: &[hecha::search::BatchRow]) {
    println!("term,total,rank,kind,source,title,ledger,row,snippet,error");
    for r in rows {
        if r.hits.is_empty() {
            println!(
                "{},{},,,,,,,,{}",
                csv_field(&r.term),
                r.total,
                csv_field(r.error.as_deref().unwrap_or(""))
            );
        }
        for (i, h) in r.hits.iter().enumerate() {
            println!(
                "{},{},{},{},{},{},{},{},{},",
                csv_field(&r.term),
                r.total,
                i + 1,
                h.kind,
                csv_field(&h.source),
                csv_field(&h.title),
                csv_field(h.ledger.as_deref().unwrap_or("")),
                h.row.map(|r| r.to_string()).unwrap_or_default(),
                csv_field(&h.snippet)
            );
        }
    }
}

pub fn print_search_bench(b: &SearchBench) {
    let mib = |v: Option<f64>| {
        v.map(|x| format!("{x:.0} MiB"))
            .unwrap_or_else(|| "n/a".into())
    };
    println!("documents                 {}", b.documents);
    println!("text                      {:.1} MiB", b.text_mb);
    println!(
        "index build               {:.1} s   {:.1} MiB/s",
        b.index_secs, b.index_mb_per_sec
    );
    println!("peak RSS after build      {}", mib(b.index_peak_rss_mib));
    println!();
    println!(
        "  {:>5} {:>8} {:>9} {:>9} {:>13} {:>9} {:>12}",
        "chars", "queries", "p50 ms", "p99 ms", "rg median ms", "speed-up", "equal recall"
    );
    for (len, n, p50, p99, rg, rg_n, eq) in &b.latency {
        let rg_s = rg
            .map(|r| format!("{r:.1}"))
            .unwrap_or_else(|| "n/a".into());
        let speed = rg
            .map(|r| format!("{:.0}×", r / p50.max(0.001)))
            .unwrap_or_default();
        println!(
            "  {len:>5} {n:>8} {p50:>9.2} {p99:>9.2} {rg_s:>13} {speed:>9} {:>12}",
            if *rg_n > 0 {
                if *eq {
                    "yes"
                } else {
                    "NO"
                }
            } else {
                "-"
            }
        );
    }
}

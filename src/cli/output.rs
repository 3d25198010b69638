//! Human-readable output (tables aligned by display width: CJK is two columns).

use unicode_width::UnicodeWidthStr;

use hecha::bench::ImportBench;
use hecha::case::CaseInfo;
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

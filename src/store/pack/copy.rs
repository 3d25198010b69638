//! Writing a review pack's subset case: a new case file filled row by row
//! from the full case, every text redacted before it is written.

use std::collections::BTreeSet;
use std::path::Path;

use duckdb::types::Value;
use duckdb::{Connection, OptionalExt};

use super::{in_list, PackInfo, Selection};
use crate::error::Result;
use crate::store::audit::{Carriage, Decide};
use crate::store::views::ident;
use crate::store::Case;

/// The columns of `table`, in order.
fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
    )?;
    let out = st
        .query_map([table], |r| r.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// Copies the rows of `table` matching `filter`, every text passed through `redact`.
fn copy(
    src: &Connection,
    dst: &Connection,
    table: &str,
    filter: &str,
    redact: &dyn Fn(&str) -> String,
) -> Result<usize> {
    let cols = columns(src, table)?;
    let list = cols.iter().map(|c| ident(c)).collect::<Vec<_>>().join(", ");
    let mut read = src.prepare(&format!(
        "SELECT {list} FROM {} WHERE {filter}",
        ident(table)
    ))?;
    let mut rows = read.query([])?;
    let marks = vec!["?"; cols.len()].join(", ");
    let mut write = dst.prepare(&format!(
        "INSERT INTO {} ({list}) VALUES ({marks})",
        ident(table)
    ))?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let mut values = Vec::with_capacity(cols.len());
        for i in 0..cols.len() {
            values.push(match r.get::<_, Value>(i)? {
                Value::Text(s) => Value::Text(redact(&s)),
                v => v,
            });
        }
        write.execute(duckdb::params_from_iter(values))?;
        n += 1;
    }
    Ok(n)
}

/// What went into a subset case.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub allegations: usize,
    pub links: usize,
    pub findings: usize,
    pub documents: usize,
    pub rows: usize,
    pub carriage: Carriage,
}

/// How the subset is made: the pack facts, the redaction of every text (the
/// identity for an unredacted pack) and how each audit entry is carried.
pub struct Cut<'a> {
    pub info: PackInfo,
    pub redact: &'a dyn Fn(&str) -> String,
    /// (action, payload) → how the entry is carried and the payload shown.
    pub decide: Decide<'a>,
}

/// Writes the subset case of `sel` to `dest` (a new file); on failure no file is left.
pub fn write_subset(full: &Case, dest: &Path, sel: &Selection, cut: &Cut<'_>) -> Result<Counts> {
    let sub = Case::create(dest, Some(&(cut.redact)(&cut.info.source_title)), None)?;
    let result = fill(full.conn(), sub.conn(), sub.id(), sel, cut);
    match result {
        Ok(counts) => {
            sub.conn().execute_batch("CHECKPOINT")?;
            Ok(counts)
        }
        Err(e) => {
            let _ = sub.conn().execute_batch("ROLLBACK");
            drop(sub);
            let _ = std::fs::remove_file(dest);
            let _ = std::fs::remove_file(crate::store::open::wal_path(dest));
            Err(e)
        }
    }
}

fn fill(
    src: &Connection,
    dst: &Connection,
    sub_id: &str,
    sel: &Selection,
    cut: &Cut<'_>,
) -> Result<Counts> {
    let redact = cut.redact;
    let same = |s: &str| s.to_string();
    dst.execute_batch("BEGIN TRANSACTION")?;
    // The new file's own beginnings give way to the full case's.
    dst.execute_batch(
        "DELETE FROM audit_log; DELETE FROM case_info; DELETE FROM programs; DELETE FROM program_aliases; \
         DELETE FROM holidays; DELETE FROM makeup_days;",
    )?;
    copy(src, dst, "case_info", "true", redact)?;
    dst.execute("UPDATE case_info SET id = ?", [sub_id])?;
    for table in [
        "programs",
        "program_aliases",
        "holidays",
        "makeup_days",
        "case_rules",
        "case_settings",
    ] {
        copy(src, dst, table, "true", &same)?;
    }
    let clue = format!("clue_id = {}", sel.clue);
    copy(src, dst, "clues", &format!("id = {}", sel.clue), redact)?;
    for table in ["clue_subjects", "clue_events", "clue_deadlines"] {
        copy(src, dst, table, &clue, redact)?;
    }
    let mut counts = Counts {
        allegations: copy(
            src,
            dst,
            "allegations",
            &format!("id IN {}", in_list(&sel.allegations)),
            redact,
        )?,
        ..Default::default()
    };
    counts.links = copy(
        src,
        dst,
        "links",
        &format!("id IN {}", in_list(&sel.links)),
        redact,
    )?;
    counts.links += copy(
        src,
        dst,
        "item_links",
        &format!("id IN {}", in_list(&sel.item_links)),
        redact,
    )?;
    // Notes and tags on the carried items.
    let on = items_filter(sel);
    copy(src, dst, "notes", &on, redact)?;
    copy(src, dst, "tags", &on, redact)?;
    // Findings with their runs and reviews.
    let runs: BTreeSet<i64> = sel.findings.values().copied().collect();
    for run in &runs {
        let ids = sel
            .findings
            .iter()
            .filter(|(_, r)| *r == run)
            .map(|(id, _)| id.as_str());
        counts.findings += copy(
            src,
            dst,
            "findings",
            &format!("run_id = {run} AND id IN {}", in_list(ids)),
            redact,
        )?;
    }
    copy(
        src,
        dst,
        "check_runs",
        &format!("id IN {}", in_list(&runs)),
        redact,
    )?;
    copy(
        src,
        dst,
        "check_run_rules",
        &format!(
            "run_id IN {} AND rule IN (SELECT rule FROM findings WHERE id IN {})",
            in_list(&runs),
            in_list(sel.findings.keys())
        ),
        redact,
    )?;
    copy(
        src,
        dst,
        "reviews",
        &format!("finding_id IN {}", in_list(sel.findings.keys())),
        redact,
    )?;
    // Documents and their pages; character offsets follow the redacted text.
    counts.documents = copy(
        src,
        dst,
        "documents",
        &format!("id IN {}", in_list(&sel.documents)),
        redact,
    )?;
    copy(
        src,
        dst,
        "document_pages",
        &format!("doc_id IN {}", in_list(&sel.documents)),
        redact,
    )?;
    fix_documents(src, dst, sel, redact)?;
    // Ledgers: each table as made, holding only the selected rows.
    for (ledger, rows) in &sel.rows {
        let table: Option<String> = src
            .query_row(
                "SELECT table_name FROM ledgers WHERE id = ?",
                [ledger],
                |r| r.get(0),
            )
            .optional()?;
        let Some(table) = table else { continue };
        let ddl: String = src.query_row(
            "SELECT sql FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?",
            [&table],
            |r| r.get(0),
        )?;
        dst.execute_batch(&ddl)?;
        copy(src, dst, "ledgers", &format!("id = {ledger}"), redact)?;
        let n = copy(
            src,
            dst,
            &table,
            &format!("_row IN {}", in_list(rows)),
            redact,
        )?;
        dst.execute(
            "UPDATE ledgers SET row_count = ? WHERE id = ?",
            duckdb::params![n as i64, ledger],
        )?;
        counts.rows += n;
    }
    // The log, up to the full case's head, and where it came from.
    counts.carriage = crate::store::audit::carry(src, dst, cut.decide)?;
    let i = &cut.info;
    dst.execute(
        "UPDATE audit_head SET seq = ?, hash = ?",
        duckdb::params![i.head_seq, i.head_hash],
    )?;
    dst.execute(
        "INSERT INTO pack_info (source_id, source_title, source_file, head_seq, head_hash, clue_number, redacted, cut_at, hecha_version) \
         VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?)",
        duckdb::params![
            i.source_id,
            redact(&i.source_title),
            redact(&i.source_file),
            i.head_seq,
            i.head_hash,
            i.clue_number,
            i.redacted,
            i.cut_at,
            env!("CARGO_PKG_VERSION")
        ],
    )?;
    crate::store::views::refresh_conn(dst)?;
    dst.execute_batch("COMMIT")?;
    Ok(counts)
}

/// `item_kind`/`item_ref` of the carried items, as a filter.
fn items_filter(sel: &Selection) -> String {
    let rows = sel
        .rows
        .iter()
        .flat_map(|(l, rs)| rs.iter().map(move |r| format!("{l}:{r}")));
    format!(
        "(item_kind = 'allegation' AND item_ref IN {}) OR (item_kind = 'finding' AND item_ref IN {}) \
         OR (item_kind = 'document' AND split_part(item_ref, ':', 1) IN {}) OR (item_kind = 'row' AND item_ref IN {}) \
         OR (item_kind = 'person' AND item_ref IN {})",
        in_list(&sel.allegations),
        in_list(sel.findings.keys()),
        in_list(&sel.documents),
        in_list(rows),
        in_list(&sel.persons),
    )
}

/// After redaction a document's text is shorter or longer: its hash and
/// length are its own again, and every character offset into it (pages,
/// quoted passages in links, notes and tags) moves with the text.
fn fix_documents(
    src: &Connection,
    dst: &Connection,
    sel: &Selection,
    redact: &dyn Fn(&str) -> String,
) -> Result<()> {
    for doc in &sel.documents {
        let original: String =
            src.query_row("SELECT text FROM documents WHERE id = ?", [doc], |r| {
                r.get(0)
            })?;
        let text: String =
            dst.query_row("SELECT text FROM documents WHERE id = ?", [doc], |r| {
                r.get(0)
            })?;
        dst.execute(
            "UPDATE documents SET text_sha256 = ?, chars = ? WHERE id = ?",
            duckdb::params![
                crate::store::audit::sha256_hex(text.as_bytes()),
                text.chars().count() as i64,
                doc
            ],
        )?;
        if text == original {
            continue;
        }
        let chars: Vec<char> = original.chars().collect();
        let moved = |c: i64| -> i64 {
            let c = (c.max(0) as usize).min(chars.len());
            redact(&chars[..c].iter().collect::<String>())
                .chars()
                .count() as i64
        };
        let pages: Vec<(i64, i64, i64)> = dst
            .prepare("SELECT page_no, start_char, chars FROM document_pages WHERE doc_id = ?")?
            .query_map([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<duckdb::Result<_>>()?;
        for (page, start, n) in pages {
            let (s, e) = (moved(start), moved(start + n));
            dst.execute(
                "UPDATE document_pages SET start_char = ?, chars = ? WHERE doc_id = ? AND page_no = ?",
                duckdb::params![s, e - s, doc, page],
            )?;
        }
        let prefix = format!("{doc}:");
        let refit = |r: &str| -> Option<String> {
            let rest = r.strip_prefix(&prefix)?;
            let (s, e) = rest.split_once(':')?;
            let (s, e) = (s.parse::<i64>().ok()?, e.parse::<i64>().ok()?);
            Some(format!("{doc}:{}:{}", moved(s), moved(e)))
        };
        for (table, kind, reference) in [
            ("links", "item_kind", "item_ref"),
            ("item_links", "a_kind", "a_ref"),
            ("item_links", "b_kind", "b_ref"),
            ("notes", "item_kind", "item_ref"),
            ("tags", "item_kind", "item_ref"),
        ] {
            let refs: Vec<String> = dst
                .prepare(&format!(
                    "SELECT DISTINCT {reference} FROM {table} WHERE {kind} = 'document' AND {reference} LIKE ?"
                ))?
                .query_map([format!("{prefix}%")], |r| r.get(0))?
                .collect::<duckdb::Result<_>>()?;
            for old in refs {
                if let Some(new) = refit(&old).filter(|n| *n != old) {
                    dst.execute(
                        &format!("UPDATE {table} SET {reference} = ? WHERE {kind} = 'document' AND {reference} = ?"),
                        duckdb::params![new, old],
                    )?;
                }
            }
        }
    }
    Ok(())
}

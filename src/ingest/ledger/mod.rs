//! Importing one ledger: header detection, column → field mapping, role,
//! per-cell normalisation, and the load into a table of its own.
//!
//! Rows are streamed: a worker thread reads, decodes and normalises them into
//! Arrow record batches while this thread loads each batch into the ledger's
//! table, inside the caller's transaction. Nothing holds the whole file in
//! memory.
//!
//! * [`header`]: which row is the header (one row or two);
//! * [`totals`]: totals rows, kept out of the data and checked;
//! * [`plan`]: columns, field mapping, normalised output columns;
//! * [`normaliser`]: one row's cells into typed values;
//! * [`arrow`]: Arrow column builders;
//! * [`reader`]: the reader thread and the load loop.

mod arrow;
mod header;
mod normaliser;
mod plan;
mod reader;
mod totals;

use std::collections::BTreeMap;

use crate::store::Tx;

use super::error::{Error, Result};
use super::fields::Role;
use super::source::{RowSource, SourceError};
use super::warning::Warning;
use crate::domain::Fen;
use crate::error::Msg;
use crate::store::ledgers as store;
pub use plan::Column;
use plan::Plan;

/// Row numbers listed in a warning before "…".
const WARN_LIST: usize = 8;

/// What the caller knows about the file.
pub struct LedgerMeta<'a> {
    pub display: &'a str,
    pub file_name: &'a str,
    pub path: &'a str,
    pub sha256: &'a str,
    pub encoding: &'a str,
    pub sheet: Option<&'a str>,
    pub role: Option<Role>,
}

/// The outcome of a ledger import.
#[derive(Debug, Clone)]
pub struct LedgerReport {
    pub id: i32,
    pub name: String,
    pub role: Role,
    pub rows: u64,
    pub warnings: Vec<Warning>,
}

/// Converts a failure of the source into an import error naming the file.
pub fn source_error(display: &str, e: SourceError) -> Error {
    let file = display.to_string();
    match e {
        SourceError::UnclosedQuote { line } => Error::UnclosedQuote { file, line },
        SourceError::Io(io) => match super::decode::decode_error(&io) {
            Some(d) => Error::DecodeFailed {
                file,
                offset: d.offset,
                encoding: d.encoding.as_str(),
            },
            None => Error::ReadFailed { file, source: io },
        },
    }
}

fn row_list(rows: &[u64], total: u64) -> String {
    let mut s = rows
        .iter()
        .map(|r| r.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if total as usize > rows.len() {
        s.push_str(", …");
    }
    s
}

/// Imports a ledger from `src` into the case, inside the caller's change;
/// returns the report and the payload of the change's audit entry. `tick` is
/// called now and then with the number of rows read so far; it returns false
/// to cancel.
pub fn import(
    tx: Tx<'_>,
    src: &mut (dyn RowSource + Send),
    meta: &LedgerMeta<'_>,
    tick: &mut dyn FnMut(u64) -> bool,
) -> Result<(LedgerReport, serde_json::Value)> {
    let display = meta.display;

    // 1. The header row, the plan and the role.
    let found = header::find(src, display)?;
    let plan = Plan::new(&found.cells);
    let role = meta.role.unwrap_or_else(|| Role::detect(&plan.mapped()));
    let preamble = if role == Role::Statements {
        header::statement_preamble(&found.above)
    } else {
        (None, None)
    };
    let mut warnings: Vec<Msg> = Vec::new();
    if role == Role::Other && meta.role.is_none() {
        let unplaced: Vec<&str> = plan
            .columns
            .iter()
            .filter(|c| c.field.is_none())
            .map(|c| c.header.as_str())
            .collect();
        warnings.push(Msg::new("import.warn_no_role").arg("file", display).arg(
            "headers",
            if unplaced.is_empty() {
                "-".into()
            } else {
                unplaced.join("、")
            },
        ));
    }

    // 2. The ledger's table: meta columns, originals as text, normalised typed columns.
    let id = store::next_id(tx)?;
    let table = store::table_name(id);
    let cols = plan.table_columns();
    store::create_table(tx, &table, &cols)?;

    // 3. Stream: the reader thread normalises into Arrow batches, this thread loads.
    let tally = reader::stream(tx, src, found.pending, &plan, &cols, &table, display, tick)?;
    tick(tally.data_rows);
    let loaded = store::row_count(tx, &table)?;
    if loaded != tally.stored {
        return Err(Error::LoadFailed {
            file: display.to_string(),
            detail: format!("{} rows read, {loaded} stored", tally.stored),
        });
    }
    if tally.short_rows.0 > 0 {
        warnings.push(
            Msg::new("import.warn_short_rows")
                .arg("file", display)
                .arg("count", tally.short_rows.0)
                .arg("rows", row_list(&tally.short_rows.1, tally.short_rows.0))
                .arg("width", plan.columns.len()),
        );
    }
    for (f, (count, rows)) in &tally.invalid.by_field {
        warnings.push(
            Msg::new("import.warn_invalid")
                .arg("file", display)
                .arg("column", plan.header_of(*f))
                .arg("count", count)
                .arg("rows", row_list(rows, *count)),
        );
    }
    totals_warnings(&tally.totals, &plan, display, &mut warnings);
    let warnings: Vec<Warning> = warnings.iter().map(Warning::from_msg).collect();

    // 4. The catalogue entry, the audit entry and the role views.
    let base = match meta.sheet {
        Some(s) => format!("{}·{s}", stem(meta.file_name)),
        None => stem(meta.file_name),
    };
    let mut name = base.clone();
    let mut k = 2;
    while store::name_taken(tx, &name)? {
        name = format!("{base} ({k})");
        k += 1;
    }
    let mapping: BTreeMap<&str, Vec<&str>> = plan
        .fields
        .iter()
        .map(|(f, idx)| {
            (
                f.as_str(),
                idx.iter().map(|&i| plan.columns[i].name.as_str()).collect(),
            )
        })
        .collect();
    store::insert(
        tx,
        &store::NewLedger {
            id,
            name: &name,
            source_file: meta.file_name,
            source_path: meta.path,
            sheet: meta.sheet,
            sha256: meta.sha256,
            encoding: meta.encoding,
            role: role.as_str(),
            role_source: if meta.role.is_some() {
                "override"
            } else {
                "detected"
            },
            table_name: &table,
            header_line: found.line,
            columns: &serde_json::to_string(&plan.columns).unwrap_or_default(),
            mapping: &serde_json::to_string(&mapping).unwrap_or_default(),
            row_count: tally.stored,
            warnings: &super::warning::encode_all(&warnings),
            preamble_account: preamble.0.as_deref(),
            preamble_holder: preamble.1.as_deref(),
        },
    )?;
    let payload = serde_json::json!({ "id": id, "name": name, "file": meta.file_name, "sha256": meta.sha256, "role": role.as_str(), "rows": tally.stored });
    crate::store::views::refresh_after(tx, role.as_str())?;
    Ok((
        LedgerReport {
            id,
            name,
            role,
            rows: tally.stored,
            warnings,
        },
        payload,
    ))
}

/// The totals rows left out of the data, and every amount of theirs that does
/// not add up (the first few, then how many more).
fn totals_warnings(t: &totals::Totals, plan: &Plan, display: &str, out: &mut Vec<Msg>) {
    if t.rows.0 == 0 {
        return;
    }
    out.push(
        Msg::new("import.warn_totals_rows")
            .arg("file", display)
            .arg("count", t.rows.0)
            .arg("checked", t.checked)
            .arg("rows", row_list(&t.rows.1, t.rows.0)),
    );
    for m in &t.mismatches.1 {
        out.push(
            Msg::new("import.warn_total_mismatch")
                .arg("file", display)
                .arg("row", m.row)
                .arg("line", m.line)
                .arg("label", &m.label)
                .arg("column", plan.header_of(m.field))
                .arg("stated", Fen(m.stated))
                .arg("computed", Fen(m.computed))
                .arg("diff", Fen(m.stated.saturating_sub(m.computed))),
        );
    }
    let more = t.mismatches.0.saturating_sub(t.mismatches.1.len() as u64);
    if more > 0 {
        out.push(
            Msg::new("import.warn_total_mismatch_more")
                .arg("file", display)
                .arg("count", more),
        );
    }
}

/// The warnings stored with a ledger at its import, in whatever form the case
/// holds them (codes, or text in cases made before codes); `None` when there
/// is no such ledger.
pub fn stored_warnings(case: &crate::Case, id: i32) -> crate::Result<Option<Vec<Warning>>> {
    Ok(store::warnings(case.reads(), id)?.map(|s| super::warning::decode_all(&s)))
}

fn stem(file_name: &str) -> String {
    std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file_name.to_string())
}

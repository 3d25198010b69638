//! The reader thread: every data row after the header, normalised into Arrow
//! batches and sent to the inserting thread.

use crate::store::Tx;
use duckdb::arrow::datatypes::SchemaRef;

use super::super::error::{Error, Result};
use super::super::source::{Cell, RowSource};
use super::arrow::{self, Batch};
use super::normaliser::{Invalid, Normaliser};
use super::plan::{ColType, Plan};
use super::totals::{self, Totals};
use super::{source_error, WARN_LIST};
use crate::store::ledgers::Loader;

/// Rows per Arrow batch handed from the reader thread to DuckDB. Large batches
/// keep the per-statement cost of `INSERT … SELECT FROM hecha_arrow(?)` small.
const BATCH_ROWS: usize = 65536;

/// What the reader thread sends: a batch, or the end with its bookkeeping.
enum Chunk {
    Batch(duckdb::arrow::record_batch::RecordBatch, u64),
    Done(Tally),
}

/// Totals the reader thread reports at the end.
#[derive(Default)]
pub(super) struct Tally {
    /// Data rows read (blank ones included: they keep the numbering).
    pub(super) data_rows: u64,
    /// Rows stored in the table.
    pub(super) stored: u64,
    pub(super) invalid: Invalid,
    /// Rows shorter than the header: how many, and the first few.
    pub(super) short_rows: (u64, Vec<u64>),
    /// Totals rows (not stored) and their checks.
    pub(super) totals: Totals,
}

/// Reads every data row after the header, normalises it, and sends Arrow
/// batches down `tx`. Runs on the reader thread.
fn read_rows(
    src: &mut (dyn RowSource + Send),
    pending: Vec<(u64, Vec<Cell>)>,
    plan: &Plan,
    types: &[ColType],
    schema: &SchemaRef,
    display: &str,
    tx: &std::sync::mpsc::SyncSender<Result<Chunk>>,
) -> Result<()> {
    let width = plan.columns.len();
    let mut norm = Normaliser::new(plan);
    let mut tally = Tally {
        totals: Totals::new(plan),
        ..Tally::default()
    };
    let mut batch = Batch::new(types, BATCH_ROWS);
    let mut cells: Vec<Cell> = Vec::new();
    let mut pending = pending.into_iter();
    let mut row_text = String::new();
    let n_orig = width;
    loop {
        let (line, row) = match pending.next() {
            Some(x) => x,
            None => match src
                .next_row(&mut cells)
                .map_err(|e| source_error(display, e))?
            {
                Some(line) => (line, std::mem::take(&mut cells)),
                None => break,
            },
        };
        tally.data_rows += 1;
        let data_row = tally.data_rows;
        if row.iter().all(|c| c.is_blank()) {
            cells = row;
            continue;
        }
        if let Some(kind) = totals::total_kind(&row, plan) {
            // Kept out of the data: its amounts are checked against the rows above.
            let mut scratch = Invalid::default();
            norm.normalise(&row, data_row, &mut scratch);
            let label = totals::label_of(&row);
            tally
                .totals
                .close(kind, &label, &norm.vals, data_row, line, WARN_LIST);
            cells = row;
            continue;
        }
        if row.len() > width {
            if let Some(extra) = row[width..].iter().position(|c| !c.is_blank()) {
                return Err(Error::RaggedRow {
                    file: display.to_string(),
                    line,
                    row: data_row,
                    cells: width + extra + 1,
                    width,
                });
            }
        }
        if row.len() < width {
            tally.short_rows.0 += 1;
            if tally.short_rows.1.len() < WARN_LIST {
                tally.short_rows.1.push(data_row);
            }
        }
        norm.normalise(&row, data_row, &mut tally.invalid);
        tally.totals.add(&norm.vals);
        batch.int(0, data_row as i64);
        batch.int(1, line as i64);
        for i in 0..n_orig {
            let t = row.get(i).map(|c| c.text());
            match t.as_deref() {
                Some(s) if !s.is_empty() => {
                    row_text.clear();
                    row_text.push_str(s);
                    batch.text(2 + i, Some(&row_text));
                }
                _ => batch.text(2 + i, None),
            }
        }
        let base = 2 + n_orig;
        for (k, v) in norm.vals.iter().enumerate() {
            batch.val(base + k, v);
        }
        let k = base + norm.vals.len();
        if norm.invalid_fields.is_empty() {
            batch.text(k, None);
        } else {
            batch.text(k, Some(&norm.invalid_fields.join(",")));
        }
        batch.bool(k + 1, false);
        batch.rows += 1;
        tally.stored += 1;
        cells = row;
        if batch.rows == BATCH_ROWS {
            let full = std::mem::replace(&mut batch, Batch::new(types, BATCH_ROWS));
            let rb = full.finish(schema).map_err(|e| load_failed(display, e))?;
            if tx.send(Ok(Chunk::Batch(rb, data_row))).is_err() {
                return Ok(()); // the inserting side stopped; it reports why
            }
        }
    }
    if batch.rows > 0 {
        let rb = batch.finish(schema).map_err(|e| load_failed(display, e))?;
        if tx.send(Ok(Chunk::Batch(rb, tally.data_rows))).is_err() {
            return Ok(());
        }
    }
    let _ = tx.send(Ok(Chunk::Done(tally)));
    Ok(())
}

fn load_failed(display: &str, detail: impl std::fmt::Display) -> Error {
    Error::LoadFailed {
        file: display.to_string(),
        detail: detail.to_string(),
    }
}

/// Streams the rows of `src` (after the header; `pending` are rows already read
/// ahead) into `table`: the reader thread normalises them into Arrow batches,
/// this thread loads each into the table. `tick` gets the rows read so far and
/// returns false to cancel.
#[allow(clippy::too_many_arguments)]
pub(super) fn stream(
    case_tx: Tx<'_>,
    src: &mut (dyn RowSource + Send),
    pending: Vec<(u64, Vec<Cell>)>,
    plan: &Plan,
    cols: &[(String, ColType)],
    table: &str,
    display: &str,
    tick: &mut dyn FnMut(u64) -> bool,
) -> Result<Tally> {
    let types: Vec<ColType> = cols.iter().map(|(_, t)| *t).collect();
    let schema = arrow::schema(cols);
    std::thread::scope(|scope| -> Result<Tally> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Chunk>>(4);
        let types = &types;
        let schema = &schema;
        let reader = scope.spawn(move || {
            if let Err(e) = read_rows(src, pending, plan, types, schema, display, &tx) {
                let _ = tx.send(Err(e));
            }
        });
        let mut loader = Loader::new(case_tx, table).map_err(|e| load_failed(display, e))?;
        let mut result: Result<Option<Tally>> = Ok(None);
        for msg in rx.iter() {
            match msg {
                Ok(Chunk::Batch(rb, rows_read)) => {
                    if let Err(e) = loader.load(rb) {
                        result = Err(load_failed(display, e));
                        break;
                    }
                    if !tick(rows_read) {
                        result = Err(Error::Cancelled {
                            file: display.to_string(),
                        });
                        break;
                    }
                }
                Ok(Chunk::Done(t)) => {
                    result = Ok(Some(t));
                    break;
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        drop(rx);
        let _ = reader.join();
        let tally = result?.ok_or_else(|| load_failed(display, "reader stopped"))?;
        drop(loader);
        Ok(tally)
    })
}

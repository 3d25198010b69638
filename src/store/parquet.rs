//! The role views and every table the rules read, as Parquet files written by
//! the export layer from the Arrow batches DuckDB streams: what a distributed engine (Spark
//! SQL, Trino, a province's data platform) needs to run the same rules
//! without hecha. Column names and types are the views' own, so a rule's SQL
//! reads the files as it reads the case.

use duckdb::arrow::datatypes::SchemaRef;
use duckdb::arrow::record_batch::RecordBatch;

use super::views::{ident, ROLE_VIEWS};
use super::Tx;
use crate::error::Result;

/// Beyond the role views: the tables and views the rules join (derived per
/// person and account, the ID numbers of every role, the clue register's
/// deadlines, the reference tables) and the ledger catalogue that an
/// evidence reference `ledger_id:row` points into.
const MORE: &[&str] = &[
    "v_ids",
    "v_person_household",
    "v_account_holders",
    "v_clue_deadlines",
    "programs",
    "program_aliases",
    "holidays",
    "documents",
    "transcripts",
    "ledgers",
];

/// Every relation to export that this case has, role views first.
pub fn relations(tx: Tx<'_>) -> Result<Vec<String>> {
    let conn = tx.conn;
    let mut st = conn.prepare(
        "SELECT count(*) > 0 FROM (
            SELECT view_name AS n FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            UNION ALL
            SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'
         ) WHERE n = ?",
    )?;
    let mut out = Vec::new();
    for name in ROLE_VIEWS
        .iter()
        .map(|(_, v)| *v)
        .chain(MORE.iter().copied())
    {
        let present: bool = st.query_row([name], |r| r.get(0))?;
        if present {
            out.push(name.to_string());
        }
    }
    Ok(out)
}

/// Streams every row of `relation` (one [`relations`] named) to `f` in
/// Arrow record batches as DuckDB produces them: never held whole. `f` gets
/// the schema first with no batch (so an empty relation still has its
/// columns), then with each batch.
pub fn each_batch(
    tx: Tx<'_>,
    relation: &str,
    f: &mut dyn FnMut(&SchemaRef, Option<RecordBatch>) -> Result<()>,
) -> Result<()> {
    let mut st = tx
        .conn
        .prepare(&format!("SELECT * FROM {}", ident(relation)))?;
    let mut stream = st.stream_arrow([])?;
    let schema = stream.get_schema();
    f(&schema, None)?;
    for batch in stream.by_ref() {
        f(&schema, Some(batch?))?;
    }
    Ok(())
}

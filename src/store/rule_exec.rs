//! Running a rule's SQL over the role views, with its parameters bound.

use duckdb::types::Value;

use super::Case;
use crate::domain::Fen;
use crate::normalise::Ymd;

/// Why a rule's SQL could not run.
pub enum ExecError {
    /// DuckDB refused or failed the SQL (its message names the line).
    Sql(duckdb::Error),
    /// The SQL names a parameter the rule does not declare.
    UnknownParam(String),
    /// Whatever took the rows failed (storing them): not the rule's fault.
    Sink(crate::error::Error),
}

impl ExecError {
    /// DuckDB's message, for the rule error it becomes.
    pub fn message(&self) -> String {
        match self {
            ExecError::Sql(e) => e.to_string(),
            ExecError::UnknownParam(n) => n.clone(),
            ExecError::Sink(e) => e.to_string(),
        }
    }
}

impl From<duckdb::Error> for ExecError {
    fn from(e: duckdb::Error) -> ExecError {
        ExecError::Sql(e)
    }
}

/// One row of a rule's result: each cell as JSON, and the `amount` column
/// (when there is one) as exact money.
pub struct RuleRow<'a> {
    pub cells: &'a [serde_json::Value],
    pub amount: Option<Fen>,
}

/// Runs `sql`, binding each `$name` from `param`, and hands `f` the column
/// names and then each row as DuckDB streams it: the result is never held
/// whole, however many rows it has. Reads only: each rule in its own
/// implicit transaction, so one failing rule cannot abort the others.
pub fn each_row(
    case: &Case,
    sql: &str,
    param: &dyn Fn(&str) -> Option<String>,
    f: &mut dyn FnMut(&[String], RuleRow<'_>) -> crate::error::Result<()>,
) -> Result<(), ExecError> {
    let conn = case.conn();
    let mut st = conn.prepare(sql)?;
    let mut values = Vec::with_capacity(st.parameter_count());
    for i in 1..=st.parameter_count() {
        let name = st.parameter_name(i)?;
        let name = name.trim_start_matches('$').to_string();
        values.push(param(&name).ok_or(ExecError::UnknownParam(name))?);
    }
    // Executed streaming; the rows are then read chunk by chunk.
    drop(st.stream_arrow(duckdb::params_from_iter(values.iter()))?);
    // A bare `NULL AS x` column has DuckDB's NULL type, which duckdb-rs cannot
    // read (it panics): such columns are read as NULL without touching them.
    let readable: Vec<bool> = (0..st.column_count())
        .map(|i| st.column_type(i) != duckdb::arrow::datatypes::DataType::Null)
        .collect();
    let mut rows = st.raw_query();
    let mut columns: Vec<String> = Vec::new();
    let mut amount_at: Option<Option<usize>> = None;
    let mut cells: Vec<serde_json::Value> = Vec::new();
    while let Some(row) = rows.next()? {
        if columns.is_empty() {
            columns = row.as_ref().column_names();
        }
        let amount_at =
            *amount_at.get_or_insert_with(|| columns.iter().position(|c| c == "amount"));
        cells.clear();
        let mut amount = None;
        for i in 0..columns.len() {
            let v = if readable.get(i).copied().unwrap_or(false) {
                row.get::<_, Value>(i).unwrap_or(Value::Null)
            } else {
                Value::Null
            };
            if Some(i) == amount_at {
                amount = fen_of(&v);
            }
            cells.push(json_of(&v));
        }
        f(
            &columns,
            RuleRow {
                cells: &cells,
                amount,
            },
        )
        .map_err(ExecError::Sink)?;
    }
    Ok(())
}

fn fen_of(v: &Value) -> Option<Fen> {
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
    crate::normalise::parse_amount_fen(&s)
        .ok()
        .flatten()
        .map(Fen)
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

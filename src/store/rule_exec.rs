//! Running a rule's SQL over the role views, with its parameters bound.

use duckdb::types::Value;

use super::Case;
use crate::domain::Fen;
use crate::normalise::Ymd;

/// The rows a rule returned: column names, each cell as JSON, and the
/// `amount` column (when there is one) as exact money.
pub struct RuleRows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<serde_json::Value>>,
    pub amounts: Vec<Option<Fen>>,
}

/// Why a rule's SQL could not run.
pub enum ExecError {
    /// DuckDB refused or failed the SQL (its message names the line).
    Sql(duckdb::Error),
    /// The SQL names a parameter the rule does not declare.
    UnknownParam(String),
}

impl ExecError {
    /// DuckDB's message, for the rule error it becomes.
    pub fn message(&self) -> String {
        match self {
            ExecError::Sql(e) => e.to_string(),
            ExecError::UnknownParam(n) => n.clone(),
        }
    }
}

impl From<duckdb::Error> for ExecError {
    fn from(e: duckdb::Error) -> ExecError {
        ExecError::Sql(e)
    }
}

/// Runs `sql`, binding each `$name` from `param`. Reads only: each rule in
/// its own implicit transaction, so one failing rule cannot abort the others.
pub fn run(
    case: &Case,
    sql: &str,
    param: &dyn Fn(&str) -> Option<String>,
) -> Result<RuleRows, ExecError> {
    let conn = case.conn();
    let mut st = conn.prepare(sql)?;
    for i in 1..=st.parameter_count() {
        let name = st.parameter_name(i)?;
        let name = name.trim_start_matches('$').to_string();
        let value = param(&name).ok_or(ExecError::UnknownParam(name))?;
        st.raw_bind_parameter(i, value.as_str())?;
    }
    st.raw_execute()?;
    // A bare `NULL AS x` column has DuckDB's NULL type, which duckdb-rs cannot
    // read (it panics): such columns are read as NULL without touching them.
    let readable: Vec<bool> = (0..st.column_count())
        .map(|i| st.column_type(i) != duckdb::arrow::datatypes::DataType::Null)
        .collect();
    let mut rows = st.raw_query();
    let mut out = RuleRows {
        columns: Vec::new(),
        rows: Vec::new(),
        amounts: Vec::new(),
    };
    let mut amount_col: Option<Option<usize>> = None;
    while let Some(row) = rows.next()? {
        if out.columns.is_empty() {
            out.columns = row.as_ref().column_names();
        }
        let amount_at =
            *amount_col.get_or_insert_with(|| out.columns.iter().position(|c| c == "amount"));
        let values: Vec<Value> = (0..out.columns.len())
            .map(|i| {
                if readable.get(i).copied().unwrap_or(false) {
                    row.get::<_, Value>(i).unwrap_or(Value::Null)
                } else {
                    Value::Null
                }
            })
            .collect();
        out.amounts
            .push(amount_at.and_then(|i| values.get(i)).and_then(fen_of));
        out.rows.push(values.iter().map(json_of).collect());
    }
    Ok(out)
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

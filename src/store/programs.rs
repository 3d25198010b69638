//! The case's program table (built-in rows and its own) and the rule files it carries.

use duckdb::types::Value;
use serde::Serialize;

use super::Case;
use crate::domain::now_text;
use crate::error::Result;

/// A row of the program table.
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

pub fn list(case: &Case) -> Result<Vec<ProgramRow>> {
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

/// Adds (or updates) case program `name` (already normalised) with its
/// normalised aliases; `p` is logged as given.
pub fn add(case: &Case, name: &str, aliases: &[String], p: &ProgramRow) -> Result<()> {
    case.change("program.add", |conn| {
        conn.execute(
            "INSERT INTO programs (program, means_tested, discretionary, land_type, min_age, source) VALUES (?, ?, ?, ?, ?, 'case') \
             ON CONFLICT (program) DO UPDATE SET means_tested = excluded.means_tested, discretionary = excluded.discretionary, \
             land_type = excluded.land_type, min_age = excluded.min_age, source = 'case'",
            duckdb::params![name, p.means_tested, p.discretionary, p.land_type, p.min_age],
        )?;
        let alias_sql = "INSERT INTO program_aliases (alias, program, source) VALUES (?, ?, 'case') ON CONFLICT (alias) DO UPDATE SET program = excluded.program, source = 'case'";
        conn.execute(alias_sql, duckdb::params![name, name])?;
        for a in aliases {
            conn.execute(alias_sql, duckdb::params![a, name])?;
        }
        Ok((
            (),
            serde_json::json!({ "program": name, "aliases": p.aliases, "means_tested": p.means_tested, "discretionary": p.discretionary, "land_type": p.land_type, "min_age": p.min_age }),
        ))
    })
}

/// The rule files stored in the case: (file name, text), by name.
pub fn case_rules(case: &Case) -> Result<Vec<(String, String)>> {
    let mut st = case
        .conn()
        .prepare("SELECT file_name, text FROM case_rules ORDER BY file_name")?;
    let rows = st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

/// Stores (or replaces) a rule file in the case.
pub fn add_case_rule(case: &Case, file_name: &str, text: &str) -> Result<()> {
    case.change("rule.add", |conn| {
        conn.execute(
            "INSERT INTO case_rules (file_name, text, added_at) VALUES (?, ?, CAST(? AS TIMESTAMP)) \
             ON CONFLICT (file_name) DO UPDATE SET text = excluded.text, added_at = excluded.added_at",
            duckdb::params![file_name, text, now_text()],
        )?;
        Ok((
            (),
            serde_json::json!({ "file": file_name, "sha256": super::audit::sha256_hex(text.as_bytes()) }),
        ))
    })
}

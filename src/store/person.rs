//! The ledger rows and complaints about one person, for the person view.

use super::views::literal;
use super::Case;
use crate::error::Result;

/// A ledger row about the person: (role, ledger, row, name, date, description).
pub struct RoleRow {
    pub role: &'static str,
    pub ledger: String,
    pub row: i64,
    pub name: Option<String>,
    pub date: Option<String>,
    pub text: Option<String>,
}

/// Every role-view row with this ID number, role by role, in ledger order.
/// `word` gives the event texts' words in the UI language (`served`, `yuan`, …).
pub fn role_rows(case: &Case, idn: &str, word: &dyn Fn(&str) -> String) -> Result<Vec<RoleRow>> {
    let w = |k: &str| literal(&word(k));
    let span = |place: &str| {
        format!(
            "concat({place}, ' ', position, ' ', {}, ' ', coalesce(CAST(start_date AS VARCHAR), '?'), '—', coalesce(CAST(end_date AS VARCHAR), {}))",
            w("served"),
            w("until_now")
        )
    };
    // (role, role view, date expression, description expression)
    let sources: Vec<(&'static str, &str, &str, String)> = vec![
        ("payments", "v_payments", "CAST(coalesce(month, pay_date) AS VARCHAR)", format!("concat(program, ' ', CAST(amount AS VARCHAR), {})", w("yuan"))),
        ("deaths", "v_deaths", "CAST(death_date AS VARCHAR)", w("death")),
        ("officials", "v_officials", "CAST(start_date AS VARCHAR)", span("employer")),
        ("cadres", "v_cadres", "CAST(start_date AS VARCHAR)", span("village")),
        ("households", "v_households", "CAST(NULL AS VARCHAR)", format!("concat({}, ' ', household, ' ', coalesce(relation, ''))", w("household"))),
        ("land", "v_land", "CAST(NULL AS VARCHAR)", format!("concat(coalesce(land_type, ''), ' ', {}, ' ', CAST(registered_area AS DOUBLE), ' ', {})", w("registered"), w("mu"))),
        ("allocations", "v_allocations", "CAST(NULL AS VARCHAR)", format!("concat(project, ' ', {}, ' ', CAST(due AS VARCHAR), {})", w("due"), w("yuan"))),
        ("inventory", "v_inventory", "CAST(date AS VARCHAR)", "concat(movement, ' ', item, ' ', CAST(qty AS DOUBLE), coalesce(unit, ''))".to_string()),
    ];
    let mut out = Vec::new();
    for (role, view, date, desc) in &sources {
        let sql = format!("SELECT ledger, row, name, {date}, {desc} FROM {view} WHERE id_number = ? ORDER BY ledger_id, row");
        let mut st = case.conn().prepare(&sql)?;
        let found = st
            .query_map([idn], |r| {
                Ok(RoleRow {
                    role,
                    ledger: r.get(0)?,
                    row: r.get(1)?,
                    name: r.get(2)?,
                    date: r.get(3)?,
                    text: r.get(4)?,
                })
            })?
            .collect::<duckdb::Result<Vec<_>>>()?;
        out.extend(found);
    }
    Ok(out)
}

/// A complaint about the person: (ledger, row, received date, description).
pub type Complaint = (String, i64, Option<String>, Option<String>);

/// Complaints that name `name` as the accused or the informant:
/// (ledger, row, received date, description).
pub fn complaints_naming(
    case: &Case,
    name: &str,
    word: &dyn Fn(&str) -> String,
) -> Result<Vec<Complaint>> {
    let w = |k: &str| literal(&word(k));
    let mut st = case.conn().prepare(&format!(
        "SELECT ledger, row, CAST(received_date AS VARCHAR), concat(CASE WHEN accused = ? THEN {} ELSE {} END, issue) \
         FROM v_complaints WHERE accused = ? OR informant = ? ORDER BY received_date",
        w("accused"),
        w("informant")
    ))?;
    let out = st
        .query_map(duckdb::params![name, name, name], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

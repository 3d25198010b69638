//! A case's own document templates, kept in `case_settings` as
//! `template:NAME` (they travel with the case file).

use super::Tx;
use crate::error::Result;

const PREFIX: &str = "template:";

/// (name, text) of every template stored in the case.
pub fn case_templates(tx: Tx<'_>) -> Result<Vec<(String, String)>> {
    let mut st = tx.conn.prepare(
        "SELECT substr(key, length(?) + 1), value FROM case_settings WHERE starts_with(key, ?) ORDER BY key",
    )?;
    let rows = st
        .query_map([PREFIX, PREFIX], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

pub fn set_case_template(tx: Tx<'_>, name: &str, text: &str) -> Result<()> {
    super::clues::set_setting(tx, &format!("{PREFIX}{name}"), text)
}

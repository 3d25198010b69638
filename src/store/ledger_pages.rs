//! Ledger pages: one screenful of a ledger's rows, filtered and sorted, as text
//! (the Ledgers screen).

use std::collections::HashMap;

use duckdb::OptionalExt;

use super::views::ident;
use crate::store::Case;

/// What page to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageQuery {
    /// The ledger's name (its row in `ledgers`).
    pub ledger: String,
    /// The ledger's table.
    pub table: String,
    pub offset: usize,
    pub limit: usize,
    /// A column and ascending?
    pub sort: Option<(String, bool)>,
    /// Rows containing this text (in any shown column); empty: every row.
    pub filter: String,
    /// The normalised columns (`n_…`, `_invalid`) instead of the originals.
    pub normalised: bool,
    /// The page holding this row (by `#`) instead of `offset`, if it is shown.
    pub at_row: Option<i64>,
}

/// One ledger page: column names and rows as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerPage {
    /// `#` (the row number), then the shown columns.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Rows matching the filter.
    pub total: usize,
    pub offset: usize,
    /// "姓名→name · 身份证号→id_number …" for the title line.
    pub mapping: String,
}

/// Why a page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("{0}")]
    Db(#[from] duckdb::Error),
    /// The stored column list is not readable.
    #[error("{0}")]
    Columns(#[from] serde_json::Error),
}

/// Reads one page of a ledger.
pub fn page(case: &Case, q: &PageQuery) -> Result<LedgerPage, PageError> {
    let conn = case.conn();
    let (columns_json, mapping): (String, String) = conn.query_row(
        "SELECT columns, mapping FROM ledgers WHERE name = ?",
        [&q.ledger],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    #[derive(serde::Deserialize)]
    struct C {
        name: String,
    }
    let mut cols: Vec<String> = serde_json::from_str::<Vec<C>>(&columns_json)?
        .into_iter()
        .map(|c| c.name)
        .collect();
    if q.normalised {
        // The normalised columns (n_…) and the row's invalid-value flags instead of the originals.
        let mut st = conn.prepare(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ? AND (column_name LIKE 'n\\_%' ESCAPE '\\' OR column_name = '_invalid') ORDER BY column_index",
        )?;
        cols = st
            .query_map([&q.table], |r| r.get::<_, String>(0))?
            .collect::<duckdb::Result<_>>()?;
    }
    let mut select = vec!["CAST(_row AS VARCHAR)".to_string()];
    select.extend(
        cols.iter()
            .map(|c| format!("CAST({} AS VARCHAR)", ident(c))),
    );
    let filter_sql = if q.filter.trim().is_empty() {
        String::new()
    } else {
        let concat = cols
            .iter()
            .map(|c| format!("coalesce({}, '')", ident(c)))
            .collect::<Vec<_>>()
            .join(" || ' ' || ");
        format!(" WHERE contains({concat}, ?)")
    };
    let order = match &q.sort {
        Some((c, asc)) if cols.contains(c) => format!(
            " ORDER BY {} {} NULLS LAST, _row",
            ident(c),
            if *asc { "ASC" } else { "DESC" }
        ),
        _ => " ORDER BY _row".to_string(),
    };
    let total_sql = format!("SELECT count(*) FROM {}{filter_sql}", ident(&q.table));
    let f = q.filter.trim().to_string();
    let offset = match q.at_row {
        Some(row) => {
            // The row's place in this order and filter: its page starts at a multiple of the limit.
            let pos_sql = format!(
                "SELECT pos FROM (SELECT _row, row_number() OVER ({}) - 1 AS pos FROM {}{filter_sql}) WHERE _row = ?",
                order.trim(),
                ident(&q.table)
            );
            let pos: Option<i64> = if filter_sql.is_empty() {
                conn.query_row(&pos_sql, [row], |r| r.get(0)).optional()?
            } else {
                conn.query_row(&pos_sql, duckdb::params![f, row], |r| r.get(0))
                    .optional()?
            };
            match pos {
                Some(p) if q.limit > 0 => (p as usize / q.limit) * q.limit,
                _ => q.offset,
            }
        }
        None => q.offset,
    };
    let sql = format!(
        "SELECT {} FROM {}{filter_sql}{order} LIMIT {} OFFSET {}",
        select.join(", "),
        ident(&q.table),
        q.limit,
        offset
    );
    let total: i64 = if filter_sql.is_empty() {
        conn.query_row(&total_sql, [], |r| r.get(0))
    } else {
        conn.query_row(&total_sql, [&f], |r| r.get(0))
    }?;
    let mut st = conn.prepare(&sql)?;
    let n = cols.len() + 1;
    let map_row = |r: &duckdb::Row<'_>| -> duckdb::Result<Vec<String>> {
        (0..n)
            .map(|i| r.get::<_, Option<String>>(i).map(|v| v.unwrap_or_default()))
            .collect()
    };
    let rows: Vec<Vec<String>> = if filter_sql.is_empty() {
        st.query_map([], map_row)?.collect::<duckdb::Result<_>>()
    } else {
        st.query_map([&f], map_row)?.collect::<duckdb::Result<_>>()
    }?;
    let mut columns = vec!["#".to_string()];
    columns.extend(cols);
    let mapping = serde_json::from_str::<std::collections::BTreeMap<String, Vec<String>>>(&mapping)
        .map(|m| {
            m.into_iter()
                .filter_map(|(field, cols)| cols.first().map(|c| format!("{c}→{field}")))
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .unwrap_or_default();
    Ok(LedgerPage {
        columns,
        rows,
        total: total as usize,
        offset,
        mapping,
    })
}

/// The village (normalised) of each of these ledger rows `(ledger name, row)`
/// whose ledger has a village column and whose village is filled in.
pub fn villages(
    case: &Case,
    rows: &[(String, i64)],
) -> crate::error::Result<HashMap<(String, i64), String>> {
    let conn = case.conn();
    let mut by_ledger: HashMap<&str, Vec<i64>> = HashMap::new();
    for (l, r) in rows {
        by_ledger.entry(l.as_str()).or_default().push(*r);
    }
    let mut out = HashMap::new();
    for (ledger, nums) in by_ledger {
        let table: Option<String> = conn
            .query_row(
                "SELECT table_name FROM ledgers WHERE name = ?",
                [ledger],
                |r| r.get(0),
            )
            .optional()?;
        let Some(table) = table else { continue };
        let has: i64 = conn.query_row(
            "SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ? AND column_name = 'n_village'",
            [&table],
            |r| r.get(0),
        )?;
        if has == 0 {
            continue;
        }
        // Row numbers are bound as one comma-separated text and split in SQL:
        // a county case's 100,000s of findings written into the statement as
        // an IN list took DuckDB's parser tens of seconds.
        let list = nums
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!(
            "SELECT CAST(_row AS BIGINT), CAST(n_village AS VARCHAR) FROM {} \
             WHERE CAST(_row AS BIGINT) IN (SELECT CAST(unnest(string_split(?, ',')) AS BIGINT)) \
             AND n_village IS NOT NULL",
            ident(&table)
        );
        let mut st = conn.prepare(&sql)?;
        let found = st
            .query_map([&list], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<duckdb::Result<Vec<_>>>()?;
        for (row, village) in found {
            out.insert((ledger.to_string(), row), village);
        }
    }
    Ok(out)
}

//! Ledger pages: one screenful of a ledger's rows, filtered and sorted, as text
//! (the Ledgers screen).

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
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND (column_name LIKE 'n\\_%' ESCAPE '\\' OR column_name = '_invalid') ORDER BY column_index",
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
    let sql = format!(
        "SELECT {} FROM {}{filter_sql}{order} LIMIT {} OFFSET {}",
        select.join(", "),
        ident(&q.table),
        q.limit,
        q.offset
    );
    let f = q.filter.trim().to_string();
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
        offset: q.offset,
        mapping,
    })
}

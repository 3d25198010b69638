//! What `hecha bench` needs from storage: plain DuckDB (no hecha schema, no
//! normalisation) to time hecha against, and a bulk load of generated letters
//! to fill a large case quickly. Nothing else calls these.

use std::path::Path;

use duckdb::{Config, Connection, Statement};

use super::views::literal;
use crate::audit::sha256_hex;
use crate::error::Result;
use crate::store::Case;

/// A plain DuckDB database beside the case (extension autoloading off, as in
/// a case).
pub struct PlainDb {
    conn: Connection,
}

impl PlainDb {
    pub fn open(path: &Path) -> Result<PlainDb> {
        let conn =
            Connection::open_with_flags(path, Config::default().enable_autoload_extension(false)?)?;
        Ok(PlainDb { conn })
    }

    /// The same memory limit a case runs under.
    pub fn set_memory_limit_mb(&self, mb: u64) -> Result<()> {
        super::open::set_memory_limit(&self.conn, mb)
    }

    /// DuckDB's own `read_csv` of `csv` (UTF-8, with a header) into a new
    /// table `plain`.
    pub fn read_csv(&self, csv: &Path) -> Result<()> {
        self.conn.execute_batch(&format!(
            "CREATE TABLE plain AS SELECT * FROM read_csv({}, header = true)",
            literal(&csv.to_string_lossy())
        ))?;
        Ok(())
    }

    /// Rows in the table `plain`.
    pub fn plain_rows(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM plain", [], |r| r.get(0))?)
    }

    /// `sql` prepared with each `$name` parameter bound to `value(name)`.
    pub fn prepare(&self, sql: &str, value: &dyn Fn(&str) -> String) -> Result<PlainQuery<'_>> {
        let mut st = self.conn.prepare(sql)?;
        for i in 1..=st.parameter_count() {
            let name = st.parameter_name(i)?;
            let v = value(name.trim_start_matches('$'));
            st.raw_bind_parameter(i, v.as_str())?;
        }
        Ok(PlainQuery(st))
    }
}

/// A prepared, bound query on a [`PlainDb`].
pub struct PlainQuery<'a>(Statement<'a>);

impl PlainQuery<'_> {
    /// Runs the query and counts its rows (reading every one).
    pub fn count_rows(&mut self) -> Result<usize> {
        self.0.raw_execute()?;
        let mut rows = self.0.raw_query();
        let mut n = 0usize;
        while rows.next()?.is_some() {
            n += 1;
        }
        Ok(n)
    }
}

/// One generated letter for [`append_letters`].
pub struct BulkLetter<'a> {
    pub id: i64,
    pub title: &'a str,
    pub source_file: &'a str,
    pub sha256: &'a str,
    pub imported_at: &'a str,
    pub text: &'a str,
}

/// Appends letters straight into `documents` in one transaction, without
/// the import pipeline or audit entries (a benchmark's scratch case), each
/// with the hash of its text as an import stores it: `fill` is handed a
/// function that appends one letter.
pub fn append_letters(
    case: &Case,
    fill: impl FnOnce(&mut dyn FnMut(&BulkLetter<'_>) -> Result<()>) -> Result<()>,
) -> Result<()> {
    case.transaction(|conn| {
        let mut app = conn.appender("documents")?;
        fill(&mut |d| {
            app.append_row(duckdb::params![
                d.id,
                "letter",
                d.title,
                d.source_file,
                None::<String>,
                d.sha256,
                "UTF-8",
                d.imported_at,
                d.text.chars().count() as i64,
                d.text,
                sha256_hex(d.text.as_bytes()),
                None::<i64>
            ])?;
            Ok(())
        })?;
        app.flush()?;
        Ok(())
    })
}

/// A full scan of a case's payments (rows and their total), for timing reads.
pub fn scan_payments(case: &Case) -> Result<(i64, String)> {
    Ok(case.conn().query_row(
        "SELECT count(*), CAST(coalesce(sum(amount), 0) AS VARCHAR) FROM v_payments",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

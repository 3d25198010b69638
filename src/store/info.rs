//! What `hecha info` shows, and the case's own fields.

use serde::Serialize;

use super::Case;
use crate::error::Result;

/// What `hecha info` shows.
#[derive(Debug, Clone, Serialize)]
pub struct CaseInfo {
    pub path: String,
    pub id: String,
    pub title: String,
    pub as_of: String,
    pub schema_version: i32,
    pub documents: Vec<KindCount>,
    pub ledgers: Vec<LedgerInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindCount {
    pub kind: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LedgerInfo {
    pub id: i32,
    pub name: String,
    pub file: String,
    pub sheet: Option<String>,
    pub role: String,
    pub rows: i64,
    pub encoding: String,
    pub table: String,
}

impl Case {
    pub fn info(&self) -> Result<CaseInfo> {
        let (title, as_of): (String, String) = self.conn.query_row(
            "SELECT title, CAST(as_of AS VARCHAR) FROM case_info LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let schema_version: i32 = self.conn.query_row(
            "SELECT coalesce(max(version), 0) FROM hecha_migrations",
            [],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT k.kind, count(d.id) FROM (VALUES ('letter'), ('transcript')) k(kind) \
             LEFT JOIN documents d ON d.kind = k.kind GROUP BY k.kind ORDER BY k.kind",
        )?;
        let documents = stmt
            .query_map([], |r| {
                Ok(KindCount {
                    kind: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<duckdb::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT id, name, source_file, sheet, role, row_count, encoding, table_name FROM ledgers ORDER BY id",
        )?;
        let ledgers = stmt
            .query_map([], |r| {
                Ok(LedgerInfo {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    file: r.get(2)?,
                    sheet: r.get(3)?,
                    role: r.get(4)?,
                    rows: r.get(5)?,
                    encoding: r.get(6)?,
                    table: r.get(7)?,
                })
            })?
            .collect::<duckdb::Result<Vec<_>>>()?;
        Ok(CaseInfo {
            path: self.path.display().to_string(),
            id: self.id.clone(),
            title,
            as_of,
            schema_version,
            documents,
            ledgers,
        })
    }

    /// Sets the case's title, case number (案件编号) and officer (承办人); `None`
    /// leaves a field as it is. Logged as `case.meta`.
    pub fn set_meta(
        &self,
        title: Option<&str>,
        case_no: Option<&str>,
        officer: Option<&str>,
    ) -> Result<()> {
        if title.is_none() && case_no.is_none() && officer.is_none() {
            return Ok(());
        }
        self.change("case.meta", |conn| {
            conn.execute(
                "UPDATE case_info SET title = coalesce(?, title), case_no = coalesce(?, case_no), officer = coalesce(?, officer)",
                duckdb::params![title, case_no, officer],
            )?;
            Ok((
                (),
                serde_json::json!({ "title": title, "case_no": case_no, "officer": officer }),
            ))
        })
    }
}

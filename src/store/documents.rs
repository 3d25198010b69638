//! The `documents` table: letters and transcripts, their text as imported.

use super::Tx;

use crate::error::Result;

/// A document to insert (the id and the import time are the store's).
pub struct NewDocument<'a> {
    /// `letter` or `transcript`.
    pub kind: &'a str,
    pub title: &'a str,
    pub source_file: &'a str,
    pub source_path: &'a str,
    /// SHA-256 of the file's bytes.
    pub sha256: &'a str,
    pub encoding: &'a str,
    /// Characters of `text`.
    pub chars: i64,
    pub text: &'a str,
    /// SHA-256 of `text` as UTF-8.
    pub text_sha256: &'a str,
}

/// The kind of the document imported from a file with this hash, if any.
pub fn kind_by_sha(tx: Tx<'_>, sha256: &str) -> Result<Option<String>> {
    let conn = tx.conn;
    let mut st = conn.prepare("SELECT kind FROM documents WHERE sha256 = ? LIMIT 1")?;
    let mut rows = st.query([sha256])?;
    Ok(match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    })
}

/// Inserts a document under the next free id and returns that id. Call inside
/// the transaction that also writes the audit entry.
pub fn insert(tx: Tx<'_>, doc: &NewDocument<'_>) -> Result<i64> {
    let conn = tx.conn;
    let id: i64 = conn.query_row(
        "SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM documents",
        [],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO documents (id, kind, title, source_file, source_path, sha256, encoding, imported_at, chars, text, text_sha256) \
         VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?)",
        duckdb::params![
            id,
            doc.kind,
            doc.title,
            doc.source_file,
            doc.source_path,
            doc.sha256,
            doc.encoding,
            chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
            doc.chars,
            doc.text,
            doc.text_sha256,
        ],
    )?;
    Ok(id)
}

//! The `documents` table: letters and transcripts, their text as imported,
//! and `document_pages`: where each page of a paged document lies in its text.

use std::collections::BTreeMap;

use duckdb::OptionalExt;

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
    /// Pages, for a paged document (its rows go in with [`insert_pages`]).
    pub pages: Option<i64>,
}

/// One page of a paged document: where it lies in the text (chars).
#[derive(Debug, Clone, PartialEq)]
pub struct PageRow {
    /// 1-based.
    pub page_no: u32,
    pub start_char: u64,
    pub chars: u64,
    /// `text_layer`, `ocr` or `converted`.
    pub source: String,
    pub confidence: Option<f32>,
}

/// A stored document, as `hecha show` needs it.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub source_file: String,
    pub sha256: String,
    pub encoding: String,
    pub chars: i64,
    pub pages: Option<i64>,
    pub text: String,
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

/// The kinds of the documents imported from files with these hashes (hash →
/// kind), in one query.
pub fn kinds_by_sha(
    tx: Tx<'_>,
    sha256s: &[&str],
) -> Result<std::collections::HashMap<String, String>> {
    let mut out = std::collections::HashMap::new();
    if sha256s.is_empty() {
        return Ok(out);
    }
    // Hex digests hold no comma: the list binds as one text.
    let mut st = tx.conn.prepare_cached(
        "SELECT sha256, any_value(kind) FROM documents \
         WHERE sha256 IN (SELECT unnest(string_split(?, ','))) GROUP BY sha256",
    )?;
    let mut rows = st.query([sha256s.join(",")])?;
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, r.get(1)?);
    }
    Ok(out)
}

/// The id the next document gets.
pub fn next_id(tx: Tx<'_>) -> Result<i64> {
    Ok(tx.conn.query_row(
        "SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM documents",
        [],
        |r| r.get(0),
    )?)
}

/// Inserts a document under the next free id and returns that id. Call inside
/// the transaction that also writes the audit entry.
pub fn insert(tx: Tx<'_>, doc: &NewDocument<'_>) -> Result<i64> {
    let id = next_id(tx)?;
    insert_at(tx, id, doc)?;
    Ok(id)
}

/// Inserts a document under `id` (free: from [`next_id`], counted on by the
/// caller for a group).
pub fn insert_at(tx: Tx<'_>, id: i64, doc: &NewDocument<'_>) -> Result<()> {
    insert_many_at(tx, id, std::slice::from_ref(doc))
}

/// Inserts documents with ids `first..` in one go (DuckDB's appender, in
/// the caller's transaction: a single statement per document cost most of a
/// group import's time in planning).
pub fn insert_many_at(tx: Tx<'_>, first: i64, docs: &[NewDocument<'_>]) -> Result<()> {
    use duckdb::types::Value;
    let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let text = |s: &str| Value::Text(s.to_string());
    let mut app = super::append::Append::new(
        tx.conn,
        "documents",
        &[
            "id",
            "kind",
            "title",
            "source_file",
            "source_path",
            "sha256",
            "encoding",
            "imported_at",
            "chars",
            "text",
            "text_sha256",
            "pages",
        ],
    )?;
    for (n, doc) in docs.iter().enumerate() {
        app.row(vec![
            Value::BigInt(first + n as i64),
            text(doc.kind),
            text(doc.title),
            text(doc.source_file),
            text(doc.source_path),
            text(doc.sha256),
            text(doc.encoding),
            text(&now),
            Value::BigInt(doc.chars),
            text(doc.text),
            text(doc.text_sha256),
            doc.pages.map_or(Value::Null, Value::BigInt),
        ])?;
    }
    app.finish()
}

/// Inserts the page rows of document `doc_id` (in the document's transaction).
pub fn insert_pages(tx: Tx<'_>, doc_id: i64, pages: &[PageRow]) -> Result<()> {
    let mut st = tx.conn.prepare(
        "INSERT INTO document_pages (doc_id, page_no, start_char, chars, source, confidence) VALUES (?, ?, ?, ?, ?, ?)",
    )?;
    for p in pages {
        st.execute(duckdb::params![
            doc_id,
            p.page_no,
            p.start_char as i64,
            p.chars as i64,
            p.source,
            p.confidence,
        ])?;
    }
    Ok(())
}

fn page_row(r: &duckdb::Row<'_>, at: usize) -> duckdb::Result<PageRow> {
    Ok(PageRow {
        page_no: r.get::<_, i64>(at)? as u32,
        start_char: r.get::<_, i64>(at + 1)? as u64,
        chars: r.get::<_, i64>(at + 2)? as u64,
        source: r.get(at + 3)?,
        confidence: r.get(at + 4)?,
    })
}

/// The pages of document `doc_id`, in page order (empty when it is not paged).
pub fn pages_of(tx: Tx<'_>, doc_id: i64) -> Result<Vec<PageRow>> {
    let mut st = tx.conn.prepare(
        "SELECT page_no, start_char, chars, source, confidence FROM document_pages WHERE doc_id = ? ORDER BY page_no",
    )?;
    let rows = st
        .query_map([doc_id], |r| page_row(r, 0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

/// The pages of each of the documents `ids` that is paged, in page order.
pub fn pages_of_many(tx: Tx<'_>, ids: &[i64]) -> Result<BTreeMap<i64, Vec<PageRow>>> {
    let mut out: BTreeMap<i64, Vec<PageRow>> = BTreeMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let sql = format!(
        "SELECT doc_id, page_no, start_char, chars, source, confidence FROM document_pages \
         WHERE doc_id IN ({}) ORDER BY doc_id, page_no",
        id_list(ids)
    );
    let mut st = tx.conn.prepare(&sql)?;
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, page_row(r, 1)?)))?;
    for row in rows {
        let (id, page) = row?;
        out.entry(id).or_default().push(page);
    }
    Ok(out)
}

/// `1,2,3`: ids written into SQL (integers only, nothing from outside as text).
pub(crate) fn id_list(ids: &[i64]) -> String {
    let mut s = String::with_capacity(ids.len() * 8);
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&id.to_string());
    }
    s
}

/// The document `doc` names: its id (digits), else its source file name,
/// else its title (the first imported when several match).
pub fn find(tx: Tx<'_>, doc: &str) -> Result<Option<StoredDocument>> {
    let id: Option<i64> = doc.trim().parse().ok();
    Ok(tx
        .conn
        .query_row(
            "SELECT id, kind, title, source_file, sha256, encoding, chars, pages, text FROM documents \
             WHERE id = ? OR source_file = ? OR title = ? \
             ORDER BY (id = ?) DESC, (source_file = ?) DESC, id LIMIT 1",
            duckdb::params![id, doc, doc, id, doc],
            |r| {
                Ok(StoredDocument {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    title: r.get(2)?,
                    source_file: r.get(3)?,
                    sha256: r.get(4)?,
                    encoding: r.get(5)?,
                    chars: r.get(6)?,
                    pages: r.get(7)?,
                    text: r.get(8)?,
                })
            },
        )
        .optional()?)
}

/// Every document's kind, title and first 400 characters, by id.
pub fn heads(tx: Tx<'_>) -> Result<std::collections::HashMap<i64, (String, String, String)>> {
    let mut st = tx
        .conn
        .prepare("SELECT id, kind, title, left(text, 400) FROM documents")?;
    let out = st
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// Every document's id, kind and text, for the near-duplicate pass.
pub fn texts(case: &super::Case) -> Result<Vec<(i64, String, String)>> {
    let mut st = case
        .conn()
        .prepare("SELECT id, kind, text FROM documents ORDER BY id")?;
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<duckdb::Result<Vec<(i64, String, String)>>>()?;
    Ok(rows)
}

/// One member of a near-duplicate group, as the rule's SQL reads it.
pub struct NearDuplicate {
    pub group: i64,
    pub doc_id: i64,
    /// Similarity to the principal, percent with one decimal (`95.3`).
    pub similarity: String,
    pub principal: bool,
}

/// Puts the groups of the near-duplicate pass in the temporary table
/// `near_duplicates` (this connection only; the case file is not written).
pub fn stage_near_duplicates(case: &super::Case, rows: &[NearDuplicate]) -> Result<()> {
    let conn = case.conn();
    conn.execute_batch(
        "CREATE OR REPLACE TEMP TABLE near_duplicates (grp BIGINT, doc_id BIGINT, similarity DECIMAL(4,1), principal BOOLEAN)",
    )?;
    let mut st =
        conn.prepare("INSERT INTO near_duplicates VALUES (?, ?, CAST(? AS DECIMAL(4,1)), ?)")?;
    for r in rows {
        st.execute(duckdb::params![
            r.group,
            r.doc_id,
            r.similarity,
            r.principal
        ])?;
    }
    Ok(())
}

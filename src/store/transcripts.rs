//! `transcripts`: the elements of each transcript as read from its text
//! ([`Transcript`]), one row per document, for the document rules.

use super::{Case, Tx};
use crate::domain::Transcript;
use crate::error::Result;

/// Stores (or replaces) the elements read from transcript `doc_id`.
pub fn put(tx: Tx<'_>, doc_id: i64, t: &Transcript) -> Result<()> {
    put_conn(tx.conn, doc_id, t)
}

fn put_conn(conn: &duckdb::Connection, doc_id: i64, t: &Transcript) -> Result<()> {
    conn.execute("DELETE FROM transcripts WHERE doc_id = ?", [doc_id])?;
    // The list binds as one text, names separated by U+001F (never in a name).
    let interviewers = t.interviewers.join("\u{1f}");
    conn.execute(
        "INSERT INTO transcripts (doc_id, parser, start_at, end_at, place, interviewers, recorder, interviewee, \
         interviewee_id, notice, closing, questions, answers, time_line, interviewers_line, head_end) \
         SELECT ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?, \
                list_filter(string_split(?, chr(31)), lambda x: x <> ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?",
        duckdb::params![
            doc_id,
            Transcript::PARSER,
            t.start.as_deref().map(|s| format!("{s}:00")),
            t.end.as_deref().map(|s| format!("{s}:00")),
            t.place,
            interviewers,
            t.recorder,
            t.interviewee,
            t.interviewee_id,
            t.notice,
            t.closing,
            t.questions as i64,
            t.answers as i64,
            t.time_line,
            t.interviewers_line,
            t.head_end,
        ],
    )?;
    Ok(())
}

/// Transcripts not read yet, or read by an older parser: (id, text).
pub fn stale(case: &Case) -> Result<Vec<(i64, String)>> {
    let conn = case.conn();
    let mut st = conn.prepare(
        "SELECT d.id, d.text FROM documents d LEFT JOIN transcripts t ON t.doc_id = d.id \
         WHERE d.kind = 'transcript' AND (t.doc_id IS NULL OR t.parser < ?) ORDER BY d.id",
    )?;
    let rows = st
        .query_map([Transcript::PARSER], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<Vec<(i64, String)>>>()?;
    Ok(rows)
}

/// Stores what was read from stale transcripts, in one transaction (derived
/// data: no audit entry, like the reference tables).
pub fn refresh(case: &Case, read: &[(i64, Transcript)]) -> Result<()> {
    if read.is_empty() || case.is_pack() {
        return Ok(());
    }
    case.transaction(|conn| {
        for (id, t) in read {
            put_conn(conn, *id, t)?;
        }
        Ok(())
    })
}

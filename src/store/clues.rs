//! The clue register as stored: clues, the persons complained about, the
//! append-only stage events, the deadlines derived from them (kept for the
//! `clue-deadline` rule) and the case's own deadline settings.

use std::collections::{HashMap, HashSet};

use duckdb::OptionalExt;
use serde::Serialize;

use super::Tx;
use crate::domain::{now_text, os_user, Fen};
use crate::error::Result;

/// A clue as stored (codes, ISO dates).
#[derive(Debug, Clone, Serialize)]
pub struct ClueRow {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub source: String,
    pub received: String,
    pub real_name: bool,
    pub informant: Option<String>,
    pub officer: Option<String>,
    pub village: Option<String>,
    /// `KIND:REF` of what the clue was registered from (a complaint row, a finding).
    pub origin: Option<String>,
    pub violation_amount: Option<Fen>,
    pub confiscated: Option<Fen>,
    pub refunded: Option<Fen>,
}

/// A person complained about (被反映人).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SubjectRow {
    pub name: String,
    pub id_number: Option<String>,
    pub post: Option<String>,
}

/// One stage event as stored.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub event: String,
    pub date: String,
    pub disposition: Option<String>,
    pub outcome: Option<String>,
    pub sanction: Option<String>,
    pub note: Option<String>,
    pub recorded_at: String,
    pub recorded_by: String,
}

/// What a new clue is registered with.
#[derive(Debug, Clone, Default)]
pub struct NewClue {
    pub title: String,
    pub source: String,
    pub received: String,
    pub real_name: bool,
    pub informant: Option<String>,
    pub officer: Option<String>,
    pub village: Option<String>,
    pub origin_kind: Option<String>,
    pub origin_ref: Option<String>,
}

/// A new stage event (codes, ISO date).
#[derive(Debug, Clone, Default)]
pub struct NewEvent {
    pub event: String,
    pub date: String,
    pub disposition: Option<String>,
    pub outcome: Option<String>,
    pub sanction: Option<String>,
    pub note: Option<String>,
}

/// A deadline derived from the events, as the rule reads it.
#[derive(Debug, Clone)]
pub struct DeadlineRow {
    pub what: String,
    pub cycle: i64,
    pub start: String,
    pub due: String,
    pub soon_from: String,
    pub done_on: Option<String>,
    pub warning: Option<String>,
}

/// A complaint-ledger row, as `from-complaints` registers it.
#[derive(Debug, Clone)]
pub struct ComplaintRow {
    /// `ledger_id:row`, the reference of the row item.
    pub reference: String,
    pub record_no: Option<String>,
    pub received: Option<String>,
    pub informant: Option<String>,
    pub accused: Option<String>,
    pub village: Option<String>,
    pub issue: Option<String>,
    pub handler: Option<String>,
    pub status: Option<String>,
    pub closed: Option<String>,
}

/// Money fields of a clue, each set only when given.
#[derive(Debug, Clone, Default)]
pub struct ClueEdit {
    pub title: Option<String>,
    pub officer: Option<String>,
    pub violation_amount: Option<Fen>,
    pub confiscated: Option<Fen>,
    pub refunded: Option<Fen>,
}

const CLUE_COLS: &str = "id, number, title, source, strftime(received, '%Y-%m-%d'), real_name, \
    informant, officer, village, origin_kind, origin_ref, CAST(violation_amount AS VARCHAR), \
    CAST(confiscated AS VARCHAR), CAST(refunded AS VARCHAR)";

fn clue_row(r: &duckdb::Row<'_>) -> duckdb::Result<ClueRow> {
    let money = |i: usize| -> duckdb::Result<Option<Fen>> {
        Ok(r.get::<_, Option<String>>(i)?
            .and_then(|s| Fen::from_decimal_text(&s)))
    };
    let kind: Option<String> = r.get(9)?;
    let reference: Option<String> = r.get(10)?;
    Ok(ClueRow {
        id: r.get(0)?,
        number: r.get(1)?,
        title: r.get(2)?,
        source: r.get(3)?,
        received: r.get(4)?,
        real_name: r.get(5)?,
        informant: r.get(6)?,
        officer: r.get(7)?,
        village: r.get(8)?,
        origin: kind.zip(reference).map(|(k, r)| format!("{k}:{r}")),
        violation_amount: money(11)?,
        confiscated: money(12)?,
        refunded: money(13)?,
    })
}

/// Every clue, in id order.
pub fn list(tx: Tx<'_>) -> Result<Vec<ClueRow>> {
    let mut st = tx
        .conn
        .prepare(&format!("SELECT {CLUE_COLS} FROM clues ORDER BY id"))?;
    let rows = st.query_map([], clue_row)?.collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

pub fn get(tx: Tx<'_>, id: i64) -> Result<Option<ClueRow>> {
    Ok(tx
        .conn
        .query_row(
            &format!("SELECT {CLUE_COLS} FROM clues WHERE id = ?"),
            [id],
            clue_row,
        )
        .optional()?)
}

/// The id of the clue numbered `number`.
pub fn id_of_number(tx: Tx<'_>, number: &str) -> Result<Option<i64>> {
    Ok(tx
        .conn
        .query_row("SELECT id FROM clues WHERE number = ?", [number], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The clue registered from the complaint row numbered `record` (信访编号).
pub fn id_of_record(tx: Tx<'_>, record: &str) -> Result<Option<i64>> {
    let present: bool = tx.conn.query_row(
        "SELECT count(*) > 0 FROM duckdb_views() WHERE database_name = current_database() AND view_name = 'v_complaints'",
        [],
        |r| r.get(0),
    )?;
    if !present {
        return Ok(None);
    }
    Ok(tx
        .conn
        .query_row(
            "SELECT c.id FROM clues c JOIN v_complaints v ON c.origin_kind = 'row'              AND c.origin_ref = concat(v.ledger_id, ':', v.row) WHERE v.record_no = ? ORDER BY c.id LIMIT 1",
            [record],
            |r| r.get(0),
        )
        .optional()?)
}

/// Every real-name clue's informant, in clue order (the export redacts them).
pub fn informants(tx: Tx<'_>) -> Result<Vec<String>> {
    let mut st = tx.conn.prepare(
        "SELECT informant FROM clues WHERE informant IS NOT NULL AND trim(informant) <> '' ORDER BY id",
    )?;
    let rows = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

/// The persons complained about, by clue.
pub fn subjects(tx: Tx<'_>) -> Result<HashMap<i64, Vec<SubjectRow>>> {
    let mut st = tx.conn.prepare(
        "SELECT clue_id, name, id_number, post FROM clue_subjects ORDER BY clue_id, seq",
    )?;
    let mut out: HashMap<i64, Vec<SubjectRow>> = HashMap::new();
    for row in st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            SubjectRow {
                name: r.get(1)?,
                id_number: r.get(2)?,
                post: r.get(3)?,
            },
        ))
    })? {
        let (clue, s) = row?;
        out.entry(clue).or_default().push(s);
    }
    Ok(out)
}

/// The stage events, by clue, in the order they were recorded.
pub fn events(tx: Tx<'_>) -> Result<HashMap<i64, Vec<EventRow>>> {
    let mut st = tx.conn.prepare(
        "SELECT clue_id, id, event, strftime(date, '%Y-%m-%d'), disposition, outcome, sanction, note, \
         strftime(recorded_at, '%Y-%m-%d %H:%M:%S'), recorded_by FROM clue_events ORDER BY clue_id, id",
    )?;
    let mut out: HashMap<i64, Vec<EventRow>> = HashMap::new();
    for row in st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            EventRow {
                id: r.get(1)?,
                event: r.get(2)?,
                date: r.get(3)?,
                disposition: r.get(4)?,
                outcome: r.get(5)?,
                sanction: r.get(6)?,
                note: r.get(7)?,
                recorded_at: r.get(8)?,
                recorded_by: r.get(9)?,
            },
        ))
    })? {
        let (clue, e) = row?;
        out.entry(clue).or_default().push(e);
    }
    Ok(out)
}

/// The next free number of the year: `XS-2024-003`.
pub fn next_number(tx: Tx<'_>, year: i32) -> Result<String> {
    let prefix = format!("XS-{year}-");
    let taken: Vec<String> = {
        let mut st = tx
            .conn
            .prepare("SELECT number FROM clues WHERE starts_with(number, ?)")?;
        let rows = st
            .query_map([&prefix], |r| r.get::<_, String>(0))?
            .collect::<duckdb::Result<_>>()?;
        rows
    };
    let next = taken
        .iter()
        .filter_map(|n| n.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    Ok(format!("{prefix}{next:03}"))
}

/// Registers a clue; returns its id and number.
pub fn insert(tx: Tx<'_>, c: &NewClue, year: i32) -> Result<(i64, String)> {
    let id = super::allegations::next_id(tx.conn, "clues")?;
    let number = next_number(tx, year)?;
    let at = now_text();
    tx.conn.execute(
        "INSERT INTO clues (id, number, title, source, received, real_name, informant, officer, village, \
         origin_kind, origin_ref, created_at, updated_at) \
         VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))",
        duckdb::params![
            id,
            number,
            c.title,
            c.source,
            c.received,
            c.real_name,
            c.informant,
            c.officer,
            c.village,
            c.origin_kind,
            c.origin_ref,
            at,
            at
        ],
    )?;
    Ok((id, number))
}

/// Adds a person complained about. A person already on the clue by that
/// name, with the same ID number or none yet, is not added twice: what is
/// given fills in what was missing (ID number, post). Returns whether a
/// person was added.
pub fn add_subject(tx: Tx<'_>, clue: i64, s: &SubjectRow) -> Result<bool> {
    let same: Option<i64> = tx
        .conn
        .query_row(
            "SELECT seq FROM clue_subjects WHERE clue_id = ? AND name = ? \
             AND (id_number IS NULL OR ? IS NULL OR id_number = ?) ORDER BY seq LIMIT 1",
            duckdb::params![clue, s.name, s.id_number, s.id_number],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(seq) = same {
        tx.conn.execute(
            "UPDATE clue_subjects SET id_number = coalesce(id_number, ?), post = coalesce(?, post) \
             WHERE clue_id = ? AND seq = ?",
            duckdb::params![s.id_number, s.post, clue, seq],
        )?;
        return Ok(false);
    }
    tx.conn.execute(
        "INSERT INTO clue_subjects (clue_id, seq, name, id_number, post) \
         SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ? FROM clue_subjects WHERE clue_id = ?",
        duckdb::params![clue, s.name, s.id_number, s.post, clue],
    )?;
    Ok(true)
}

/// Appends a stage event; returns its id.
pub fn add_event(tx: Tx<'_>, clue: i64, e: &NewEvent) -> Result<i64> {
    let id = super::allegations::next_id(tx.conn, "clue_events")?;
    tx.conn.execute(
        "INSERT INTO clue_events (id, clue_id, event, date, disposition, outcome, sanction, note, recorded_at, recorded_by) \
         VALUES (?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?)",
        duckdb::params![
            id,
            clue,
            e.event,
            e.date,
            e.disposition,
            e.outcome,
            e.sanction,
            e.note,
            now_text(),
            os_user()
        ],
    )?;
    touch(tx, clue)?;
    Ok(id)
}

fn touch(tx: Tx<'_>, clue: i64) -> Result<()> {
    tx.conn.execute(
        "UPDATE clues SET updated_at = CAST(? AS TIMESTAMP) WHERE id = ?",
        duckdb::params![now_text(), clue],
    )?;
    Ok(())
}

/// Sets the fields given (title, officer, money).
pub fn edit(tx: Tx<'_>, clue: i64, e: &ClueEdit) -> Result<()> {
    let money = |f: Option<Fen>| f.map(|f| f.to_string());
    tx.conn.execute(
        "UPDATE clues SET title = coalesce(?, title), officer = coalesce(?, officer), \
         violation_amount = coalesce(CAST(? AS DECIMAL(18,2)), violation_amount), \
         confiscated = coalesce(CAST(? AS DECIMAL(18,2)), confiscated), \
         refunded = coalesce(CAST(? AS DECIMAL(18,2)), refunded) WHERE id = ?",
        duckdb::params![
            e.title,
            e.officer,
            money(e.violation_amount),
            money(e.confiscated),
            money(e.refunded),
            clue
        ],
    )?;
    touch(tx, clue)
}

/// Puts an allegation (a problem raised) under a clue.
pub fn attach_allegation(tx: Tx<'_>, allegation: i64, clue: i64) -> Result<()> {
    tx.conn.execute(
        "UPDATE allegations SET clue_id = ? WHERE id = ?",
        duckdb::params![clue, allegation],
    )?;
    Ok(())
}

/// Replaces the derived deadlines of one clue.
pub fn replace_deadlines(tx: Tx<'_>, clue: i64, rows: &[DeadlineRow]) -> Result<()> {
    tx.conn
        .execute("DELETE FROM clue_deadlines WHERE clue_id = ?", [clue])?;
    let mut st = tx.conn.prepare(
        "INSERT INTO clue_deadlines (clue_id, what, cycle, start, due, soon_from, done_on, warning) \
         VALUES (?, ?, ?, CAST(? AS DATE), CAST(? AS DATE), CAST(? AS DATE), CAST(? AS DATE), ?)",
    )?;
    for d in rows {
        st.execute(duckdb::params![
            clue,
            d.what,
            d.cycle,
            d.start,
            d.due,
            d.soon_from,
            d.done_on,
            d.warning
        ])?;
    }
    Ok(())
}

/// The `ledger_id:row` references complaint rows are registered from.
pub fn registered_rows(tx: Tx<'_>) -> Result<HashSet<String>> {
    let mut st = tx
        .conn
        .prepare("SELECT origin_ref FROM clues WHERE origin_kind = 'row'")?;
    let rows = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

/// Every row of the complaint ledgers, in received order (none without the role).
pub fn complaint_rows(tx: Tx<'_>) -> Result<Vec<ComplaintRow>> {
    let present: bool = tx.conn.query_row(
        "SELECT count(*) > 0 FROM duckdb_views() WHERE database_name = current_database() AND view_name = 'v_complaints'",
        [],
        |r| r.get(0),
    )?;
    if !present {
        return Ok(Vec::new());
    }
    let mut st = tx.conn.prepare(
        "SELECT concat(ledger_id, ':', row), record_no, strftime(received_date, '%Y-%m-%d'), informant, \
         accused, village, issue, handler, status, strftime(closed_date, '%Y-%m-%d') FROM v_complaints ORDER BY received_date NULLS LAST, ledger_id, row",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(ComplaintRow {
                reference: r.get(0)?,
                record_no: r.get(1)?,
                received: r.get(2)?,
                informant: r.get(3)?,
                accused: r.get(4)?,
                village: r.get(5)?,
                issue: r.get(6)?,
                handler: r.get(7)?,
                status: r.get(8)?,
                closed: r.get(9)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

/// The case's own deadline settings (`key` → value as written; its templates aside).
pub fn settings(tx: Tx<'_>) -> Result<Vec<(String, String)>> {
    let mut st = tx.conn.prepare(
        "SELECT key, value FROM case_settings WHERE NOT starts_with(key, 'template:') ORDER BY key",
    )?;
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

pub fn set_setting(tx: Tx<'_>, key: &str, value: &str) -> Result<()> {
    tx.conn.execute(
        "INSERT INTO case_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        duckdb::params![key, value],
    )?;
    Ok(())
}

/// Rewrites derived register data (the deadlines) in one transaction; not
/// an audited change, like the holiday calendar's refresh.
pub fn refresh_derived(case: &super::Case, f: impl FnOnce(Tx<'_>) -> Result<()>) -> Result<()> {
    // A review pack keeps the deadlines as they stood when it was cut.
    if case.is_pack() {
        return Ok(());
    }
    case.transaction(|conn| f(Tx { conn }))
}

/// Schema 9: every allegation made before the register becomes a clue of its
/// own (received on the day it was entered, source 群众举报), nothing lost.
pub(super) fn allegations_into_clues(conn: &duckdb::Connection) -> Result<()> {
    let mut st = conn.prepare(
        "SELECT id, title, strftime(created_at, '%Y-%m-%d'), CAST(year(created_at) AS INTEGER) \
         FROM allegations WHERE clue_id IS NULL ORDER BY id",
    )?;
    let rows: Vec<(i64, String, String, i32)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<duckdb::Result<_>>()?;
    let tx = Tx { conn };
    for (allegation, title, received, year) in rows {
        let (clue, _) = insert(
            tx,
            &NewClue {
                title,
                source: "report".into(),
                received,
                origin_kind: Some("allegation".into()),
                origin_ref: Some(allegation.to_string()),
                ..NewClue::default()
            },
            year,
        )?;
        attach_allegation(tx, allegation, clue)?;
    }
    Ok(())
}

//! Allegations (问题线索), evidence links with a stable evidence catalogue
//! (E-001…), notes and tags. Every change is one transaction with its audit entry.

use serde::Serialize;

use crate::case::Case;
use crate::error::{Error, Msg, Result};
use crate::ingest::normalise as norm;

/// The allegation statuses: stored in Chinese, accepted in Chinese or English.
pub const STATUSES: &[(&str, &str)] = &[
    ("待核查", "pending"),
    ("属实", "true"),
    ("部分属实", "partly"),
    ("不属实", "false"),
    ("无法证实", "unproven"),
];

pub fn parse_status(s: &str) -> Option<&'static str> {
    let s = s.trim();
    STATUSES
        .iter()
        .find(|(zh, en)| *zh == s || en.eq_ignore_ascii_case(s))
        .map(|(zh, _)| *zh)
}

/// The English key of a stored (Chinese) status: pending, true, partly, false, unproven.
pub fn status_key(status: &str) -> &'static str {
    STATUSES
        .iter()
        .find(|(zh, _)| *zh == status)
        .map(|(_, en)| *en)
        .unwrap_or("pending")
}

/// A stored (Chinese) status in the UI language.
pub fn status_label(status: &str) -> String {
    crate::tr!(&format!("tui.status.{}", status_key(status)))
}

/// A relation (supports / contradicts / relates) in the UI language.
pub fn relation_label(relation: &str) -> String {
    crate::tr!(&format!("casework.relation.{relation}"))
}

pub fn parse_relation(s: &str) -> Option<&'static str> {
    match s.trim() {
        "supports" | "证实" => Some("supports"),
        "contradicts" | "反驳" => Some("contradicts"),
        "relates" | "相关" => Some("relates"),
        _ => None,
    }
}

fn now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

fn next_id(conn: &duckdb::Connection, table: &str) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM {table}"),
        [],
        |r| r.get(0),
    )?)
}

/// Creates an allegation; returns its id.
pub fn allege(case: &Case, title: &str, text: Option<&str>, source: Option<&str>) -> Result<i64> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Msg::new("casework.title_required").into());
    }
    case.transaction(|conn| {
        let id = next_id(conn, "allegations")?;
        let at = now();
        conn.execute(
            "INSERT INTO allegations (id, title, text, source, status, created_at, updated_at) VALUES (?, ?, ?, ?, '待核查', CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))",
            duckdb::params![id, title, text, source, at, at],
        )?;
        crate::audit::append(conn, "allegation.create", serde_json::json!({ "id": id, "title": title, "text": text, "source": source }))?;
        Ok(id)
    })
}

fn allegation_exists(case: &Case, id: i64) -> Result<()> {
    let n: i64 =
        case.conn()
            .query_row("SELECT count(*) FROM allegations WHERE id = ?", [id], |r| {
                r.get(0)
            })?;
    if n == 0 {
        return Err(Msg::new("casework.no_allegation").arg("id", id).into());
    }
    Ok(())
}

/// Sets an allegation's status (with a reason) and, optionally, the amount involved.
pub fn set_status(
    case: &Case,
    id: i64,
    status: &str,
    reason: &str,
    amount: Option<&str>,
) -> Result<()> {
    allegation_exists(case, id)?;
    let status = parse_status(status)
        .ok_or_else(|| Error::from(Msg::new("casework.bad_status").arg("value", status)))?;
    if reason.trim().is_empty() {
        return Err(Msg::new("checks.reason_required").into());
    }
    let amount = match amount {
        Some(a) => Some(
            norm::parse_amount_fen(a)
                .ok()
                .flatten()
                .map(norm::format_fen)
                .ok_or_else(|| Error::from(Msg::new("casework.bad_amount").arg("value", a)))?,
        ),
        None => None,
    };
    case.transaction(|conn| {
        conn.execute(
            "UPDATE allegations SET status = ?, reason = ?, amount = coalesce(CAST(? AS DECIMAL(18,2)), amount), updated_at = CAST(? AS TIMESTAMP) WHERE id = ?",
            duckdb::params![status, reason.trim(), amount, now(), id],
        )?;
        crate::audit::append(
            conn,
            "allegation.status",
            serde_json::json!({ "id": id, "status": status, "reason": reason.trim(), "amount": amount }),
        )?;
        Ok(())
    })
}

/// What a link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Finding(String),
    /// A document (by source file name or title) and the quoted text in it.
    Document {
        source: String,
        quote: String,
    },
    /// `LEDGER:ROW`
    Row(String),
    Person(String),
}

/// Resolves an item to (kind, stable reference, label, quote) or a clear error.
fn resolve(case: &Case, item: &Item) -> Result<Resolved> {
    let conn = case.conn();
    match item {
        Item::Finding(id) => {
            let row: Option<(String, String)> = conn
                .query_row(
                    "SELECT rule, text FROM findings WHERE id = ? ORDER BY run_id DESC LIMIT 1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .ok();
            let (rule, text) =
                row.ok_or_else(|| Error::from(Msg::new("checks.unknown_finding").arg("id", id)))?;
            Ok(("finding", id.clone(), format!("{rule}: {text}"), None))
        }
        Item::Document { source, quote } => {
            let doc: Option<(i64, String, String)> = conn
                .query_row(
                    "SELECT id, title, text FROM documents WHERE source_file = ? OR title = ? ORDER BY id LIMIT 1",
                    duckdb::params![source, source],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .ok();
            let (id, title, text) = doc.ok_or_else(|| {
                Error::from(Msg::new("casework.no_document").arg("source", source))
            })?;
            let byte = text.find(quote.as_str()).ok_or_else(|| {
                Error::from(
                    Msg::new("casework.quote_not_found")
                        .arg("quote", quote)
                        .arg("source", source),
                )
            })?;
            let start = text[..byte].chars().count();
            let end = start + quote.chars().count();
            Ok((
                "document",
                format!("{id}:{start}:{end}"),
                format!("{title} [{start}..{end}]"),
                Some(quote.clone()),
            ))
        }
        Item::Row(spec) => {
            let (ledger, row) = spec
                .rsplit_once(':')
                .and_then(|(l, r)| {
                    r.trim()
                        .parse::<i64>()
                        .ok()
                        .map(|r| (l.trim().to_string(), r))
                })
                .ok_or_else(|| Error::from(Msg::new("casework.bad_row").arg("value", spec)))?;
            let table: Option<(i64, String)> = conn
                .query_row(
                    "SELECT id, table_name FROM ledgers WHERE name = ? OR source_file = ?",
                    duckdb::params![ledger, ledger],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .ok();
            let (lid, table) = table.ok_or_else(|| {
                Error::from(Msg::new("casework.no_ledger").arg("ledger", &ledger))
            })?;
            let n: i64 = conn.query_row(
                &format!(
                    "SELECT count(*) FROM {} WHERE _row = ?",
                    crate::ingest::views::ident(&table)
                ),
                [row],
                |r| r.get(0),
            )?;
            if n == 0 {
                return Err(Msg::new("casework.no_row")
                    .arg("ledger", &ledger)
                    .arg("row", row)
                    .into());
            }
            Ok((
                "row",
                format!("{lid}:{row}"),
                format!("{ledger} #{row}"),
                None,
            ))
        }
        Item::Person(idn) => {
            let id = norm::parse_id_number(idn)
                .and_then(|i| i.normalised)
                .ok_or_else(|| Error::from(Msg::new("casework.bad_person").arg("value", idn)))?;
            Ok(("person", id.clone(), id, None))
        }
    }
}

/// Links an item to an allegation; returns (link id, catalogue number).
pub fn link(
    case: &Case,
    allegation: i64,
    item: &Item,
    relation: &str,
    note: Option<&str>,
) -> Result<(i64, i64)> {
    allegation_exists(case, allegation)?;
    let relation = parse_relation(relation)
        .ok_or_else(|| Error::from(Msg::new("casework.bad_relation").arg("value", relation)))?;
    let (kind, reference, label, quote) = resolve(case, item)?;
    case.transaction(|conn| {
        let id = next_link_id(conn)?;
        // Catalogue numbers are never reused: removed links keep theirs.
        let no: i64 = conn.query_row(
            "SELECT CAST(coalesce(max(catalogue_no), 0) + 1 AS BIGINT) FROM links WHERE allegation_id = ?",
            [allegation],
            |r| r.get(0),
        )?;
        conn.execute(
            "INSERT INTO links (id, allegation_id, item_kind, item_ref, label, quote, relation, note, catalogue_no, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP))",
            duckdb::params![id, allegation, kind, reference, label, quote, relation, note, no, now()],
        )?;
        crate::audit::append(
            conn,
            "link.add",
            serde_json::json!({ "id": id, "allegation": allegation, "kind": kind, "ref": reference, "relation": relation, "note": note, "catalogue": format!("E-{no:03}") }),
        )?;
        Ok((id, no))
    })
}

/// Link ids are one sequence over allegation links and item links, so
/// `hecha unlink CASE N` names one link whichever table holds it.
fn next_link_id(conn: &duckdb::Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM (SELECT id FROM links UNION ALL SELECT id FROM item_links)",
        [],
        |r| r.get(0),
    )?)
}

/// One end of a link: an allegation or an item.
#[derive(Debug, Clone)]
pub enum Endpoint {
    Allegation(i64),
    Item(Item),
}

/// A link made by [`link_pair`]: its id and, when one end is an allegation,
/// the evidence catalogue number (E-001…).
#[derive(Debug, Clone, Serialize)]
pub struct Linked {
    pub id: i64,
    pub catalogue: Option<String>,
}

/// Links any two items. When exactly one end is an allegation the other end
/// joins that allegation's evidence catalogue; otherwise (finding ↔ row,
/// document ↔ person, allegation ↔ allegation, …) the link is kept as a
/// cross-reference between the two items.
pub fn link_pair(
    case: &Case,
    a: &Endpoint,
    b: &Endpoint,
    relation: &str,
    note: Option<&str>,
) -> Result<Linked> {
    match (a, b) {
        (Endpoint::Allegation(id), Endpoint::Item(item))
        | (Endpoint::Item(item), Endpoint::Allegation(id)) => {
            let (id, no) = link(case, *id, item, relation, note)?;
            Ok(Linked {
                id,
                catalogue: Some(format!("E-{no:03}")),
            })
        }
        _ => {
            let relation = parse_relation(relation).ok_or_else(|| {
                Error::from(Msg::new("casework.bad_relation").arg("value", relation))
            })?;
            let (ak, ar, al, aq) = resolve_endpoint(case, a)?;
            let (bk, br, bl, bq) = resolve_endpoint(case, b)?;
            if ak == bk && ar == br {
                return Err(Msg::new("casework.self_link").into());
            }
            case.transaction(|conn| {
                let id = next_link_id(conn)?;
                conn.execute(
                    "INSERT INTO item_links (id, a_kind, a_ref, a_label, a_quote, b_kind, b_ref, b_label, b_quote, relation, note, created_at) \
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP))",
                    duckdb::params![id, ak, ar, al, aq, bk, br, bl, bq, relation, note, now()],
                )?;
                crate::audit::append(
                    conn,
                    "link.add",
                    serde_json::json!({ "id": id, "a": { "kind": ak, "ref": ar }, "b": { "kind": bk, "ref": br }, "relation": relation, "note": note }),
                )?;
                Ok(Linked {
                    id,
                    catalogue: None,
                })
            })
        }
    }
}

type Resolved = (&'static str, String, String, Option<String>);

fn resolve_endpoint(case: &Case, e: &Endpoint) -> Result<Resolved> {
    match e {
        Endpoint::Item(item) => resolve(case, item),
        Endpoint::Allegation(id) => {
            let title: String = case
                .conn()
                .query_row("SELECT title FROM allegations WHERE id = ?", [id], |r| {
                    r.get(0)
                })
                .map_err(|_| Error::from(Msg::new("casework.no_allegation").arg("id", id)))?;
            Ok(("allegation", id.to_string(), title, None))
        }
    }
}

/// One end of a listed link.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LinkEnd {
    pub kind: String,
    pub reference: String,
    pub label: String,
    pub quote: Option<String>,
}

/// A live link of either table, for listings and the person view.
#[derive(Debug, Clone, Serialize)]
pub struct LinkRow {
    pub id: i64,
    pub a: LinkEnd,
    pub b: LinkEnd,
    pub relation: String,
    pub note: Option<String>,
    /// The evidence number when `a` is an allegation and `b` its evidence.
    pub catalogue: Option<String>,
}

/// Every live (not removed) link, allegation links first, then item links, by id.
pub fn links(case: &Case) -> Result<Vec<LinkRow>> {
    // Both tables in one shape: an allegation link's `a` end is its allegation.
    let mut st = case.conn().prepare(
        "SELECT l.id, 'allegation', CAST(l.allegation_id AS VARCHAR), a.title, CAST(NULL AS VARCHAR), \
                l.item_kind, l.item_ref, l.label, l.quote, l.relation, l.note, l.catalogue_no \
         FROM links l JOIN allegations a ON a.id = l.allegation_id WHERE l.removed_at IS NULL \
         UNION ALL \
         SELECT id, a_kind, a_ref, a_label, a_quote, b_kind, b_ref, b_label, b_quote, relation, note, NULL \
         FROM item_links WHERE removed_at IS NULL \
         ORDER BY 12 IS NULL, 1",
    )?;
    let out = st
        .query_map([], |r| {
            let end = |k: usize| -> duckdb::Result<LinkEnd> {
                Ok(LinkEnd {
                    kind: r.get(k)?,
                    reference: r.get(k + 1)?,
                    label: r.get(k + 2)?,
                    quote: r.get(k + 3)?,
                })
            };
            Ok(LinkRow {
                id: r.get(0)?,
                a: end(1)?,
                b: end(5)?,
                relation: r.get(9)?,
                note: r.get(10)?,
                catalogue: r.get::<_, Option<i64>>(11)?.map(|n| format!("E-{n:03}")),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

/// A note on an item.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub id: i64,
    pub at: String,
    pub text: String,
}

/// The notes on one item (`kind`, `reference` as in `KIND:REF`), oldest first.
pub fn notes_for(case: &Case, kind: &str, reference: &str) -> Result<Vec<Note>> {
    let mut st = case.conn().prepare(
        "SELECT id, strftime(created_at, '%Y-%m-%d %H:%M'), text FROM notes WHERE item_kind = ? AND item_ref = ? ORDER BY id",
    )?;
    let notes = st
        .query_map([kind, reference], |r| {
            Ok(Note {
                id: r.get(0)?,
                at: r.get(1)?,
                text: r.get(2)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(notes)
}

/// Notes keyed by (item kind, item reference).
pub type NotesByItem = std::collections::BTreeMap<(String, String), Vec<Note>>;

/// Every note in the case, by item.
pub fn all_notes(case: &Case) -> Result<NotesByItem> {
    let mut st = case.conn().prepare(
        "SELECT item_kind, item_ref, id, strftime(created_at, '%Y-%m-%d %H:%M'), text FROM notes ORDER BY id",
    )?;
    let rows: Vec<(String, String, Note)> = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                Note {
                    id: r.get(2)?,
                    at: r.get(3)?,
                    text: r.get(4)?,
                },
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    let mut out = NotesByItem::new();
    for (k, r, n) in rows {
        out.entry((k, r)).or_default().push(n);
    }
    Ok(out)
}

/// The tags on one item.
pub fn tags_for(case: &Case, kind: &str, reference: &str) -> Result<Vec<String>> {
    let mut st = case
        .conn()
        .prepare("SELECT tag FROM tags WHERE item_kind = ? AND item_ref = ? ORDER BY tag")?;
    let tags = st
        .query_map([kind, reference], |r| r.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(tags)
}

/// Removes a link (an allegation's catalogue number stays retired).
pub fn unlink(case: &Case, link: i64) -> Result<()> {
    let live = |table: &str| -> Result<bool> {
        let n: i64 = case.conn().query_row(
            &format!("SELECT count(*) FROM {table} WHERE id = ? AND removed_at IS NULL"),
            [link],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    };
    let table = if live("links")? {
        "links"
    } else if live("item_links")? {
        "item_links"
    } else {
        return Err(Msg::new("casework.no_link").arg("id", link).into());
    };
    case.transaction(|conn| {
        conn.execute(
            &format!("UPDATE {table} SET removed_at = CAST(? AS TIMESTAMP) WHERE id = ?"),
            duckdb::params![now(), link],
        )?;
        crate::audit::append(conn, "link.remove", serde_json::json!({ "id": link }))?;
        Ok(())
    })
}

/// Adds a note to any item (`KIND:REF`, e.g. `finding:F8d42184520`, `row:3:12`, `allegation:1`).
pub fn note(case: &Case, on: &str, text: &str) -> Result<i64> {
    let (kind, reference) = split_on(on)?;
    if text.trim().is_empty() {
        return Err(Msg::new("casework.empty_note").into());
    }
    case.transaction(|conn| {
        let id = next_id(conn, "notes")?;
        conn.execute(
            "INSERT INTO notes (id, item_kind, item_ref, text, created_at) VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP))",
            duckdb::params![id, kind, reference, text.trim(), now()],
        )?;
        crate::audit::append(conn, "note.add", serde_json::json!({ "id": id, "on": on, "text": text.trim() }))?;
        Ok(id)
    })
}

/// Tags (or stars, with the tag `★`) an item.
pub fn tag(case: &Case, on: &str, tag: &str) -> Result<()> {
    let (kind, reference) = split_on(on)?;
    let tag = tag.trim();
    if tag.is_empty() {
        return Err(Msg::new("casework.empty_note").into());
    }
    case.transaction(|conn| {
        conn.execute(
            "INSERT INTO tags (item_kind, item_ref, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            duckdb::params![kind, reference, tag],
        )?;
        crate::audit::append(conn, "tag.add", serde_json::json!({ "on": on, "tag": tag }))?;
        Ok(())
    })
}

fn split_on(on: &str) -> Result<(String, String)> {
    let (k, r) = on
        .split_once(':')
        .ok_or_else(|| Error::from(Msg::new("casework.bad_on").arg("value", on)))?;
    let k = k.trim();
    if !["allegation", "finding", "document", "row", "person"].contains(&k) || r.trim().is_empty() {
        return Err(Msg::new("casework.bad_on").arg("value", on).into());
    }
    Ok((k.to_string(), r.trim().to_string()))
}

#[derive(Debug, Clone, Serialize)]
pub struct CatalogueEntry {
    pub no: String,
    pub link: i64,
    pub kind: String,
    pub reference: String,
    pub label: String,
    pub quote: Option<String>,
    pub relation: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Allegation {
    pub id: i64,
    pub title: String,
    pub text: Option<String>,
    pub source: Option<String>,
    pub status: String,
    pub reason: Option<String>,
    pub amount: Option<String>,
    pub evidence: Vec<CatalogueEntry>,
}

/// Every allegation with its evidence catalogue (removed links left out, numbers kept).
pub fn allegations(case: &Case) -> Result<Vec<Allegation>> {
    let conn = case.conn();
    let mut st = conn.prepare("SELECT id, title, text, source, status, reason, CAST(amount AS VARCHAR) FROM allegations ORDER BY id")?;
    let mut out: Vec<Allegation> = st
        .query_map([], |r| {
            Ok(Allegation {
                id: r.get(0)?,
                title: r.get(1)?,
                text: r.get(2)?,
                source: r.get(3)?,
                status: r.get(4)?,
                reason: r.get(5)?,
                amount: r
                    .get::<_, Option<String>>(6)?
                    .and_then(|a| norm::parse_amount_fen(&a).ok().flatten())
                    .map(norm::format_fen),
                evidence: Vec::new(),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    let mut st = conn.prepare(
        "SELECT catalogue_no, id, item_kind, item_ref, label, quote, relation, note FROM links \
         WHERE allegation_id = ? AND removed_at IS NULL ORDER BY catalogue_no",
    )?;
    for a in out.iter_mut() {
        a.evidence = st
            .query_map([a.id], |r| {
                Ok(CatalogueEntry {
                    no: format!("E-{:03}", r.get::<_, i64>(0)?),
                    link: r.get(1)?,
                    kind: r.get(2)?,
                    reference: r.get(3)?,
                    label: r.get(4)?,
                    quote: r.get(5)?,
                    relation: r.get(6)?,
                    note: r.get(7)?,
                })
            })?
            .collect::<duckdb::Result<_>>()?;
    }
    Ok(out)
}

/// One dated (or undated) event in a person's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub date: Option<String>,
    pub kind: String,
    pub text: String,
    pub ledger: Option<String>,
    pub row: Option<i64>,
}

/// Everything about one ID number in the case.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id_number: String,
    pub names: Vec<String>,
    /// role → (ledger, row) references
    pub rows: std::collections::BTreeMap<String, Vec<(String, i64)>>,
    pub timeline: Vec<Event>,
    pub documents: Vec<String>,
    pub findings: Vec<crate::checks::Finding>,
    /// (allegation id, title, catalogue number) where the person, one of their
    /// findings or one of their ledger rows is evidence.
    pub links: Vec<(i64, String, String)>,
    /// Links between the person and other items (findings, rows, documents…).
    pub cross_links: Vec<LinkRow>,
    pub notes: Vec<Note>,
    pub tags: Vec<String>,
}

/// The person view: ledger rows by role, a dated timeline, the documents that
/// name the person (by name or ID), findings and links.
pub fn person(case: &Case, id_number: &str) -> Result<PersonView> {
    let idn = norm::parse_id_number(id_number)
        .and_then(|i| i.normalised)
        .ok_or_else(|| Error::from(Msg::new("casework.bad_person").arg("value", id_number)))?;
    let conn = case.conn();
    // (role view, dated expression, description expression)
    // Words of the event texts, in the UI language (catalogue text, quoted).
    let w = |k: &str| crate::ingest::views::literal(&crate::tr!(&format!("person.{k}")));
    let span = |place: &str| {
        format!(
            "concat({place}, ' ', position, ' ', {}, ' ', coalesce(CAST(start_date AS VARCHAR), '?'), '—', coalesce(CAST(end_date AS VARCHAR), {}))",
            w("served"),
            w("until_now")
        )
    };
    let sources: Vec<(&str, &str, &str, String)> = vec![
        ("payments", "v_payments", "CAST(coalesce(month, pay_date) AS VARCHAR)", format!("concat(program, ' ', CAST(amount AS VARCHAR), {})", w("yuan"))),
        ("deaths", "v_deaths", "CAST(death_date AS VARCHAR)", w("death")),
        ("officials", "v_officials", "CAST(start_date AS VARCHAR)", span("employer")),
        ("cadres", "v_cadres", "CAST(start_date AS VARCHAR)", span("village")),
        ("households", "v_households", "CAST(NULL AS VARCHAR)", format!("concat({}, ' ', household, ' ', coalesce(relation, ''))", w("household"))),
        ("land", "v_land", "CAST(NULL AS VARCHAR)", format!("concat(coalesce(land_type, ''), ' ', {}, ' ', CAST(registered_area AS DOUBLE), ' ', {})", w("registered"), w("mu"))),
        ("allocations", "v_allocations", "CAST(NULL AS VARCHAR)", format!("concat(project, ' ', {}, ' ', CAST(due AS VARCHAR), {})", w("due"), w("yuan"))),
        ("inventory", "v_inventory", "CAST(date AS VARCHAR)", "concat(movement, ' ', item, ' ', CAST(qty AS DOUBLE), coalesce(unit, ''))".to_string()),
    ];
    let mut names: Vec<String> = Vec::new();
    let mut rows: std::collections::BTreeMap<String, Vec<(String, i64)>> = Default::default();
    let mut timeline = Vec::new();
    for (role, view, date, desc) in &sources {
        let sql = format!("SELECT ledger, row, name, {date}, {desc} FROM {view} WHERE id_number = ? ORDER BY ledger_id, row");
        let mut st = conn.prepare(&sql)?;
        let found: Vec<(String, i64, Option<String>, Option<String>, Option<String>)> = st
            .query_map([&idn], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<duckdb::Result<_>>()?;
        for (ledger, row, name, date, text) in found {
            if let Some(n) = name.filter(|n| !names.contains(n)) {
                names.push(n);
            }
            rows.entry(role.to_string())
                .or_default()
                .push((ledger.clone(), row));
            timeline.push(Event {
                date,
                kind: role.to_string(),
                text: text.unwrap_or_default(),
                ledger: Some(ledger),
                row: Some(row),
            });
        }
    }
    // Complaints name people, not ID numbers.
    if !names.is_empty() {
        let mut st = conn.prepare(
            &format!("SELECT ledger, row, CAST(received_date AS VARCHAR), concat(CASE WHEN accused = ? THEN {} ELSE {} END, issue) \
             FROM v_complaints WHERE accused = ? OR informant = ? ORDER BY received_date",
            w("accused"),
            w("informant")
        ))?;
        for n in &names {
            let found: Vec<(String, i64, Option<String>, Option<String>)> = st
                .query_map(duckdb::params![n, n, n], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect::<duckdb::Result<_>>()?;
            for (ledger, row, date, text) in found {
                rows.entry("complaints".into())
                    .or_default()
                    .push((ledger.clone(), row));
                timeline.push(Event {
                    date,
                    kind: "complaints".into(),
                    text: text.unwrap_or_default(),
                    ledger: Some(ledger),
                    row: Some(row),
                });
            }
        }
    }
    // Letters and transcripts that mention the person by name or ID (18- or 15-digit form).
    let old15 = if idn.len() == 18 && &idn[6..8] == "19" {
        Some(format!("{}{}", &idn[..6], &idn[8..17]))
    } else {
        None
    };
    let mut st = conn.prepare("SELECT title, text FROM documents ORDER BY id")?;
    let docs: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    let mut documents = Vec::new();
    for (title, text) in docs {
        let folded = crate::search::analysis::fold_str(&text);
        let hit = folded.contains(&idn.to_lowercase())
            || old15.as_ref().is_some_and(|o| folded.contains(o.as_str()))
            || names.iter().any(|n| text.contains(n.as_str()));
        if hit {
            documents.push(title);
        }
    }
    timeline.sort_by(|a, b| a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)));
    let findings: Vec<crate::checks::Finding> = crate::checks::latest_findings(case, None)?
        .map(|(_, _, f)| f.into_iter().filter(|f| f.subject.key == idn).collect())
        .unwrap_or_default();
    // Evidence about the person: the person, their findings, their ledger rows.
    let mut st = conn.prepare("SELECT id, name FROM ledgers")?;
    let ledger_ids: std::collections::HashMap<String, i64> = st
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(0)?)))?
        .collect::<duckdb::Result<_>>()?;
    let mut mine: std::collections::HashSet<(String, String)> = Default::default();
    mine.insert(("person".into(), idn.clone()));
    for f in &findings {
        mine.insert(("finding".into(), f.id.clone()));
    }
    for refs in rows.values() {
        for (ledger, row) in refs {
            if let Some(id) = ledger_ids.get(ledger) {
                mine.insert(("row".into(), format!("{id}:{row}")));
            }
        }
    }
    // One read of the links: allegation evidence about the person, and the
    // person's cross-references.
    let (evidence, cross): (Vec<LinkRow>, Vec<LinkRow>) = self::links(case)?
        .into_iter()
        .partition(|l| l.catalogue.is_some());
    let links: Vec<(i64, String, String)> = evidence
        .into_iter()
        .filter(|l| mine.contains(&(l.b.kind.clone(), l.b.reference.clone())))
        .filter_map(|l| Some((l.a.reference.parse().ok()?, l.a.label, l.catalogue?)))
        .collect();
    let cross_links = cross
        .into_iter()
        .filter(|l| {
            [&l.a, &l.b]
                .iter()
                .any(|e| e.kind == "person" && e.reference == idn)
        })
        .collect();
    let notes = notes_for(case, "person", &idn)?;
    let tags = tags_for(case, "person", &idn)?;
    Ok(PersonView {
        id_number: idn,
        names,
        rows,
        timeline,
        documents,
        findings,
        links,
        cross_links,
        notes,
        tags,
    })
}

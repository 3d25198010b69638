//! Allegations (问题线索) and their evidence catalogues, as stored.

use serde::Serialize;

use super::Case;
use crate::domain::{
    now_text, AllegationStatus, CatalogueNo, EvidenceType, Fen, ItemKind, Original, Relation,
};
use crate::error::Result;

/// One entry of an allegation's evidence catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogueEntry {
    pub no: CatalogueNo,
    pub link: i64,
    pub kind: String,
    pub reference: String,
    pub label: String,
    pub quote: Option<String>,
    pub relation: Relation,
    pub note: Option<String>,
    /// The kind of evidence: as set, or else as suggested from the item
    /// (`type_set` says which).
    pub evidence_type: Option<EvidenceType>,
    pub type_set: bool,
    /// 原件 / 复印件, when said.
    pub original: Option<Original>,
    /// What the item proves (证明内容).
    pub proves: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Allegation {
    pub id: i64,
    pub title: String,
    pub text: Option<String>,
    pub source: Option<String>,
    pub status: AllegationStatus,
    pub reason: Option<String>,
    pub amount: Option<Fen>,
    /// The clue this problem was raised in.
    pub clue_id: Option<i64>,
    /// When it was last changed (its verdict set): `YYYY-MM-DD HH:MM:SS`.
    pub updated_at: String,
    pub evidence: Vec<CatalogueEntry>,
}

/// The next id of a table with an integer `id` (`table` is one of ours).
pub(super) fn next_id(conn: &duckdb::Connection, table: &str) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM {table}"),
        [],
        |r| r.get(0),
    )?)
}

/// Creates an allegation (status pending) under clue `clue`; returns its id.
pub fn insert_in(
    tx: super::Tx<'_>,
    title: &str,
    text: Option<&str>,
    source: Option<&str>,
    clue: Option<i64>,
) -> Result<i64> {
    let id = next_id(tx.conn, "allegations")?;
    let at = now_text();
    tx.conn.execute(
        "INSERT INTO allegations (id, title, text, source, status, created_at, updated_at, clue_id) VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?)",
        duckdb::params![id, title, text, source, AllegationStatus::Pending.stored(), at, at, clue],
    )?;
    Ok(id)
}

/// The title of allegation `id`, if there is one.
pub fn title(case: &Case, id: i64) -> Result<Option<String>> {
    use duckdb::OptionalExt;
    Ok(case
        .conn()
        .query_row("SELECT title FROM allegations WHERE id = ?", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Sets the status, its reason and (when given) the amount involved.
pub fn set_status(
    case: &Case,
    id: i64,
    status: AllegationStatus,
    reason: &str,
    amount: Option<Fen>,
) -> Result<()> {
    let amount = amount.map(|a| a.to_string());
    case.change("allegation.status", |conn| {
        let before = super::undo::status_state(conn, id)?;
        conn.execute(
            "UPDATE allegations SET status = ?, reason = ?, amount = coalesce(CAST(? AS DECIMAL(18,2)), amount), updated_at = CAST(? AS TIMESTAMP) WHERE id = ?",
            duckdb::params![status.stored(), reason, amount, now_text(), id],
        )?;
        Ok((
            (),
            serde_json::json!({ "id": id, "status": status.stored(), "reason": reason, "amount": amount, "before": before }),
        ))
    })
}

/// Every allegation with its evidence catalogue (removed links left out, numbers kept).
pub fn list(case: &Case) -> Result<Vec<Allegation>> {
    let conn = case.conn();
    let mut st = conn.prepare("SELECT id, title, text, source, status, reason, CAST(amount AS VARCHAR), clue_id, strftime(updated_at, '%Y-%m-%d %H:%M:%S') FROM allegations ORDER BY id")?;
    let mut out: Vec<Allegation> = st
        .query_map([], |r| {
            Ok(Allegation {
                id: r.get(0)?,
                title: r.get(1)?,
                text: r.get(2)?,
                source: r.get(3)?,
                status: AllegationStatus::from_stored(&r.get::<_, String>(4)?),
                reason: r.get(5)?,
                amount: r
                    .get::<_, Option<String>>(6)?
                    .and_then(|a| Fen::from_decimal_text(&a)),
                clue_id: r.get(7)?,
                updated_at: r.get(8)?,
                evidence: Vec::new(),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    let mut st = conn.prepare(
        "SELECT catalogue_no, id, item_kind, item_ref, label, quote, relation, note, evidence_type, original, proves, \
         strftime(created_at, '%Y-%m-%d %H:%M:%S') FROM links \
         WHERE allegation_id = ? AND removed_at IS NULL ORDER BY catalogue_no",
    )?;
    for a in out.iter_mut() {
        a.evidence = st
            .query_map([a.id], |r| {
                Ok(CatalogueEntry {
                    no: CatalogueNo(r.get(0)?),
                    link: r.get(1)?,
                    kind: r.get(2)?,
                    reference: r.get(3)?,
                    label: r.get(4)?,
                    quote: r.get(5)?,
                    relation: Relation::parse(&r.get::<_, String>(6)?).unwrap_or(Relation::Relates),
                    note: r.get(7)?,
                    evidence_type: r
                        .get::<_, Option<String>>(8)?
                        .as_deref()
                        .and_then(EvidenceType::parse),
                    type_set: r.get::<_, Option<String>>(8)?.is_some(),
                    original: r
                        .get::<_, Option<String>>(9)?
                        .as_deref()
                        .and_then(Original::parse),
                    proves: r.get(10)?,
                    created_at: r.get(11)?,
                })
            })?
            .collect::<duckdb::Result<_>>()?;
    }
    Ok(out)
}

/// An item of the case, resolved to what a link stores about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub kind: ItemKind,
    pub reference: String,
    pub label: String,
    pub quote: Option<String>,
}

//! Evidence links: allegation ↔ item (the evidence catalogue, `links`) and
//! item ↔ item cross-references (`item_links`). Link ids are one sequence
//! over both tables, so `hecha unlink CASE N` names one link whichever
//! table holds it.

use serde::Serialize;

use super::allegations::Resolved;
use super::Case;
use crate::domain::{now_text, CatalogueNo, EvidenceType, Original, Relation};
use crate::error::Result;

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
    pub relation: Relation,
    pub note: Option<String>,
    /// The evidence number when `a` is an allegation and `b` its evidence.
    pub catalogue: Option<CatalogueNo>,
}

fn next_link_id(conn: &duckdb::Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) FROM (SELECT id FROM links UNION ALL SELECT id FROM item_links)",
        [],
        |r| r.get(0),
    )?)
}

/// What is said about an item as evidence: its kind, original or copy, what
/// it proves (each `None`: not said, or unchanged).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceSpec {
    pub evidence_type: Option<EvidenceType>,
    pub original: Option<Original>,
    pub proves: Option<String>,
}

impl EvidenceSpec {
    fn payload(&self) -> serde_json::Value {
        serde_json::json!({
            "type": self.evidence_type.map(EvidenceType::code),
            "original": self.original.map(Original::code),
            "proves": self.proves,
        })
    }
}

/// Adds `item` to allegation `allegation`'s catalogue under the next number
/// (numbers are never reused: removed links keep theirs).
pub fn add_evidence(
    case: &Case,
    allegation: i64,
    item: &Resolved,
    relation: Relation,
    note: Option<&str>,
    spec: &EvidenceSpec,
) -> Result<(i64, CatalogueNo)> {
    case.change("link.add", |conn| {
        let id = next_link_id(conn)?;
        let no: i64 = conn.query_row(
            "SELECT CAST(coalesce(max(catalogue_no), 0) + 1 AS BIGINT) FROM links WHERE allegation_id = ?",
            [allegation],
            |r| r.get(0),
        )?;
        let (kind, reference) = (item.kind.as_str(), item.reference.as_str());
        conn.execute(
            "INSERT INTO links (id, allegation_id, item_kind, item_ref, label, quote, relation, note, catalogue_no, created_at, evidence_type, original, proves) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?)",
            duckdb::params![id, allegation, kind, reference, item.label, item.quote, relation.as_str(), note, no, now_text(),
                spec.evidence_type.map(EvidenceType::code), spec.original.map(Original::code), spec.proves],
        )?;
        let no = CatalogueNo(no);
        let mut payload = serde_json::json!({ "id": id, "allegation": allegation, "kind": kind, "ref": reference, "relation": relation.as_str(), "note": note, "catalogue": no.to_string() });
        if *spec != EvidenceSpec::default() {
            payload["evidence"] = spec.payload();
        }
        Ok(((id, no), payload))
    })
}

/// Adds every item of a search's result set (`query`) to allegation
/// `allegation`'s catalogue in one change, one audit entry; an item already
/// in that catalogue is left as it is. Returns the links added with their
/// numbers.
pub fn add_evidence_many(
    case: &Case,
    allegation: i64,
    items: &[Resolved],
    relation: Relation,
    note: Option<&str>,
    query: &str,
) -> Result<Vec<(i64, CatalogueNo)>> {
    case.change("link.bulk", |conn| {
        let mut out = Vec::new();
        let mut added = Vec::new();
        for item in items {
            let (kind, reference) = (item.kind.as_str(), item.reference.as_str());
            let there: i64 = conn.query_row(
                "SELECT count(*) FROM links WHERE allegation_id = ? AND item_kind = ? AND item_ref = ? AND removed_at IS NULL",
                duckdb::params![allegation, kind, reference],
                |r| r.get(0),
            )?;
            if there > 0 {
                continue;
            }
            let id = next_link_id(conn)?;
            let no: i64 = conn.query_row(
                "SELECT CAST(coalesce(max(catalogue_no), 0) + 1 AS BIGINT) FROM links WHERE allegation_id = ?",
                [allegation],
                |r| r.get(0),
            )?;
            conn.execute(
                "INSERT INTO links (id, allegation_id, item_kind, item_ref, label, quote, relation, note, catalogue_no, created_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP))",
                duckdb::params![id, allegation, kind, reference, item.label, item.quote, relation.as_str(), note, no, now_text()],
            )?;
            let no = CatalogueNo(no);
            added.push(serde_json::json!({ "id": id, "kind": kind, "ref": reference, "catalogue": no.to_string() }));
            out.push((id, no));
        }
        let payload = serde_json::json!({
            "allegation": allegation, "query": query, "relation": relation.as_str(), "note": note,
            "items": items.len(), "added": added,
        });
        Ok((out, payload))
    })
}

/// Says what catalogue entry (link) `id` is as evidence; what `spec` leaves
/// `None` stays as it was. `false` when there is no such live entry.
pub fn set_evidence(case: &Case, id: i64, spec: &EvidenceSpec) -> Result<bool> {
    let live: i64 = case.conn().query_row(
        "SELECT count(*) FROM links WHERE id = ? AND removed_at IS NULL",
        [id],
        |r| r.get(0),
    )?;
    if live == 0 {
        return Ok(false);
    }
    case.change("link.evidence", |conn| {
        let n = conn.execute(
            "UPDATE links SET evidence_type = coalesce(?, evidence_type), original = coalesce(?, original), \
             proves = coalesce(?, proves) WHERE id = ? AND removed_at IS NULL",
            duckdb::params![
                spec.evidence_type.map(EvidenceType::code),
                spec.original.map(Original::code),
                spec.proves,
                id
            ],
        )?;
        let mut payload = spec.payload();
        payload["id"] = serde_json::json!(id);
        Ok((n > 0, payload))
    })
}

/// Links two items as a cross-reference; returns the link id.
pub fn add_cross(
    case: &Case,
    a: &Resolved,
    b: &Resolved,
    relation: Relation,
    note: Option<&str>,
) -> Result<i64> {
    case.change("link.add", |conn| {
        let id = next_link_id(conn)?;
        conn.execute(
            "INSERT INTO item_links (id, a_kind, a_ref, a_label, a_quote, b_kind, b_ref, b_label, b_quote, relation, note, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP))",
            duckdb::params![id, a.kind.as_str(), a.reference, a.label, a.quote, b.kind.as_str(), b.reference, b.label, b.quote, relation.as_str(), note, now_text()],
        )?;
        Ok((
            id,
            serde_json::json!({ "id": id, "a": { "kind": a.kind.as_str(), "ref": a.reference }, "b": { "kind": b.kind.as_str(), "ref": b.reference }, "relation": relation.as_str(), "note": note }),
        ))
    })
}

/// Removes live link `id` from whichever table holds it; `false` when there is none.
pub fn remove(case: &Case, id: i64) -> Result<bool> {
    let live = |table: &str| -> Result<bool> {
        let n: i64 = case.conn().query_row(
            &format!("SELECT count(*) FROM {table} WHERE id = ? AND removed_at IS NULL"),
            [id],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    };
    let table = if live("links")? {
        "links"
    } else if live("item_links")? {
        "item_links"
    } else {
        return Ok(false);
    };
    case.change("link.remove", |conn| {
        conn.execute(
            &format!("UPDATE {table} SET removed_at = CAST(? AS TIMESTAMP) WHERE id = ?"),
            duckdb::params![now_text(), id],
        )?;
        Ok((true, serde_json::json!({ "id": id })))
    })
}

/// Every live (not removed) link, allegation links first, then item links, by id.
pub fn list(case: &Case) -> Result<Vec<LinkRow>> {
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
                relation: Relation::parse(&r.get::<_, String>(9)?).unwrap_or(Relation::Relates),
                note: r.get(10)?,
                catalogue: r.get::<_, Option<i64>>(11)?.map(CatalogueNo),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(out)
}

//! Bulk actions on a search's result set (Datashare's "tagging by query"):
//! tag, star or link every hit to a problem of a clue in one change, audited
//! as one entry that names the query.

use serde::Serialize;

use super::links::{parse_relation, resolve, Item};
use super::CaseError;
use crate::domain::{ItemKind, ItemRef};
use crate::error::{Error, Result};
use crate::store::{self, Case};

/// What to do to every hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bulk {
    Tag(String),
    /// The tag `★`.
    Star,
    /// Into the evidence catalogue of a problem (allegation).
    Link {
        allegation: i64,
        relation: String,
        note: Option<String>,
    },
}

/// What a bulk action did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BulkReport {
    pub query: String,
    /// Hits the action was applied to.
    pub items: usize,
    /// Of those, the ones changed (not already tagged or linked).
    pub changed: usize,
}

/// The star tag.
pub const STAR: &str = "★";

/// Applies `action` to every item (each a document with the text a hit
/// marked, or a ledger row) of the result set of `query`, as one change.
pub fn apply(case: &Case, query: &str, items: &[Item], action: &Bulk) -> Result<BulkReport> {
    let changed = match action {
        Bulk::Tag(_) | Bulk::Star => {
            let tag = match action {
                Bulk::Tag(t) => t.trim().to_string(),
                _ => STAR.to_string(),
            };
            if tag.is_empty() {
                return Err(CaseError::EmptyText.into());
            }
            let refs = items
                .iter()
                .map(|i| tag_ref(case, i))
                .collect::<Result<Vec<_>>>()?;
            store::notes::add_tags(case, &refs, &tag, query)?
        }
        Bulk::Link {
            allegation,
            relation,
            note,
        } => {
            super::allegations::title_of(case, *allegation)?;
            let relation = parse_relation(relation)?;
            let resolved = items
                .iter()
                .map(|i| resolve(case, i))
                .collect::<Result<Vec<_>>>()?;
            store::links::add_evidence_many(
                case,
                *allegation,
                &resolved,
                relation,
                note.as_deref(),
                query,
            )?
            .len()
        }
    };
    Ok(BulkReport {
        query: query.to_string(),
        items: items.len(),
        changed,
    })
}

/// The item a tag goes on: a whole document (`document:ID`) or a row.
fn tag_ref(case: &Case, item: &Item) -> Result<ItemRef> {
    let r = resolve(case, item)?;
    let reference = match r.kind {
        ItemKind::Document => r
            .reference
            .split(':')
            .next()
            .unwrap_or_default()
            .to_string(),
        _ => r.reference,
    };
    if reference.is_empty() {
        return Err(Error::from(CaseError::EmptyText));
    }
    Ok(ItemRef::new(r.kind, reference))
}

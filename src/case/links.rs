//! Evidence links between any two items, and the evidence catalogue (E-001…)
//! an allegation's links make.

use serde::Serialize;

use super::CaseError;
use crate::domain::{CatalogueNo, ItemKind, Relation};
use crate::error::{Error, Result};
use crate::normalise as norm;
use crate::store::allegations::Resolved;
use crate::store::links::EvidenceSpec;
use crate::store::{self, Case};

pub use crate::store::links::{LinkEnd, LinkRow};

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
    pub catalogue: Option<CatalogueNo>,
}

pub(super) fn parse_relation(relation: &str) -> Result<Relation> {
    Relation::parse(relation).ok_or_else(|| {
        Error::from(CaseError::BadRelation {
            value: relation.to_string(),
        })
    })
}

/// Resolves an item to what a link stores about it, or a clear error.
pub(super) fn resolve(case: &Case, item: &Item) -> Result<Resolved> {
    match item {
        Item::Finding(id) => {
            let (rule, text) = store::items::finding_text(case, id)?
                .ok_or_else(|| Error::from(CaseError::UnknownFinding { id: id.clone() }))?;
            Ok(Resolved {
                kind: ItemKind::Finding,
                reference: id.clone(),
                label: format!("{rule}: {text}"),
                quote: None,
            })
        }
        Item::Document { source, quote } => {
            let (id, title, text) =
                store::items::document_by_source(case, source)?.ok_or_else(|| {
                    Error::from(CaseError::NoDocument {
                        file: source.clone(),
                    })
                })?;
            let byte = text.find(quote.as_str()).ok_or_else(|| {
                Error::from(CaseError::QuoteNotFound {
                    quote: quote.clone(),
                    file: source.clone(),
                })
            })?;
            let start = text[..byte].chars().count();
            let end = start + quote.chars().count();
            let spans = super::document::pages_of(case, id)?;
            let label = match super::document::cite(&spans, start as u64, end as u64) {
                Some(c) if c.ocr => format!(
                    "{title} {} [{start}..{end}]（{}）",
                    crate::tr!("page.no", page = c.page),
                    crate::tr!("page.ocr_mark")
                ),
                Some(c) => format!(
                    "{title} {} [{start}..{end}]",
                    crate::tr!("page.no", page = c.page)
                ),
                None => format!("{title} [{start}..{end}]"),
            };
            Ok(Resolved {
                kind: ItemKind::Document,
                reference: format!("{id}:{start}:{end}"),
                label,
                quote: Some(quote.clone()),
            })
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
                .ok_or_else(|| {
                    Error::from(CaseError::BadRow {
                        value: spec.clone(),
                    })
                })?;
            let (lid, table) = store::items::ledger_by_name(case, &ledger)?.ok_or_else(|| {
                Error::from(CaseError::NoLedger {
                    ledger: ledger.clone(),
                })
            })?;
            if !store::items::row_exists(case, &table, row)? {
                return Err(CaseError::NoRow { ledger, row }.into());
            }
            Ok(Resolved {
                kind: ItemKind::Row,
                reference: format!("{lid}:{row}"),
                label: format!("{ledger} #{row}"),
                quote: None,
            })
        }
        Item::Person(idn) => {
            let id = norm::parse_id_number(idn)
                .and_then(|i| i.normalised)
                .ok_or_else(|| Error::from(CaseError::BadPerson { value: idn.clone() }))?;
            Ok(Resolved {
                kind: ItemKind::Person,
                reference: id.clone(),
                label: id,
                quote: None,
            })
        }
    }
}

fn resolve_endpoint(case: &Case, e: &Endpoint) -> Result<Resolved> {
    match e {
        Endpoint::Item(item) => resolve(case, item),
        Endpoint::Allegation(id) => {
            let title = super::allegations::title_of(case, *id)?;
            Ok(Resolved {
                kind: ItemKind::Allegation,
                reference: id.to_string(),
                label: title,
                quote: None,
            })
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
) -> Result<(i64, CatalogueNo)> {
    link_as(
        case,
        allegation,
        item,
        relation,
        note,
        &EvidenceSpec::default(),
    )
}

/// [`link`], saying what the item is as evidence (its kind, 原件 or 复印件,
/// what it proves; see [`super::evidence::spec`]).
pub fn link_as(
    case: &Case,
    allegation: i64,
    item: &Item,
    relation: &str,
    note: Option<&str>,
    spec: &EvidenceSpec,
) -> Result<(i64, CatalogueNo)> {
    super::allegations::title_of(case, allegation)?;
    let relation = parse_relation(relation)?;
    let resolved = resolve(case, item)?;
    store::links::add_evidence(case, allegation, &resolved, relation, note, spec)
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
    link_pair_as(case, a, b, relation, note, &EvidenceSpec::default())
}

/// [`link_pair`], saying what the item is as evidence (only for an item
/// joining an allegation's catalogue).
pub fn link_pair_as(
    case: &Case,
    a: &Endpoint,
    b: &Endpoint,
    relation: &str,
    note: Option<&str>,
    spec: &EvidenceSpec,
) -> Result<Linked> {
    match (a, b) {
        (Endpoint::Allegation(id), Endpoint::Item(item))
        | (Endpoint::Item(item), Endpoint::Allegation(id)) => {
            let (id, no) = link_as(case, *id, item, relation, note, spec)?;
            Ok(Linked {
                id,
                catalogue: Some(no),
            })
        }
        _ if *spec != EvidenceSpec::default() => Err(CaseError::EvidenceNeedsAllegation.into()),
        _ => {
            let relation = parse_relation(relation)?;
            let a = resolve_endpoint(case, a)?;
            let b = resolve_endpoint(case, b)?;
            if a.kind == b.kind && a.reference == b.reference {
                return Err(CaseError::SelfLink.into());
            }
            let id = store::links::add_cross(case, &a, &b, relation, note)?;
            Ok(Linked {
                id,
                catalogue: None,
            })
        }
    }
}

/// Every live (not removed) link, allegation links first, then item links, by id.
pub fn links(case: &Case) -> Result<Vec<LinkRow>> {
    store::links::list(case)
}

/// Removes a link (an allegation's catalogue number stays retired).
pub fn unlink(case: &Case, link: i64) -> Result<()> {
    if store::links::remove(case, link)? {
        Ok(())
    } else {
        Err(CaseError::NoLink { id: link }.into())
    }
}

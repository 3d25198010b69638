//! Notes and tags on any item, written `KIND:REF` (`finding:F8d42184520`,
//! `row:3:12`, `allegation:1`).

use super::CaseError;
use crate::domain::ItemRef;
use crate::error::{Error, Result};
use crate::store::{self, Case};

pub use crate::store::notes::{Note, NotesByItem};

fn parse_on(on: &str) -> Result<ItemRef> {
    ItemRef::parse(on).ok_or_else(|| {
        Error::from(CaseError::BadItem {
            value: on.to_string(),
        })
    })
}

/// Adds a note to any item; returns its id.
pub fn note(case: &Case, on: &str, text: &str) -> Result<i64> {
    let item = parse_on(on)?;
    if text.trim().is_empty() {
        return Err(CaseError::EmptyText.into());
    }
    store::notes::add_note(case, &item, on, text.trim())
}

/// Tags (or stars, with the tag `★`) an item.
pub fn tag(case: &Case, on: &str, tag: &str) -> Result<()> {
    let item = parse_on(on)?;
    let tag = tag.trim();
    if tag.is_empty() {
        return Err(CaseError::EmptyText.into());
    }
    store::notes::add_tag(case, &item, on, tag)
}

/// The notes on one item (`kind`, `reference` as in `KIND:REF`), oldest first.
pub fn notes_for(case: &Case, kind: &str, reference: &str) -> Result<Vec<Note>> {
    store::notes::notes_for(case, kind, reference)
}

/// Every note in the case, by item.
pub fn all_notes(case: &Case) -> Result<NotesByItem> {
    store::notes::all_notes(case)
}

/// The tags on one item.
pub fn tags_for(case: &Case, kind: &str, reference: &str) -> Result<Vec<String>> {
    store::notes::tags_for(case, kind, reference)
}

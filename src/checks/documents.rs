//! What the document rules read besides the documents themselves: the
//! elements of each transcript (stored, read again when the parser changes)
//! and the near-duplicate groups (computed for each run with its parameters).

use std::collections::BTreeMap;

use super::similar::{self, Input, Params};
use crate::error::Result;
use crate::ingest::transcript;
use crate::store::{self, Case};

/// Reads the transcripts not read yet (imported before schema 12, or by an
/// older parser) and stores their elements.
pub fn refresh(case: &Case) -> Result<()> {
    if case.is_pack() {
        return Ok(());
    }
    let stale = store::transcripts::stale(case)?;
    let read: Vec<_> = stale
        .iter()
        .map(|(id, text)| (*id, transcript::parse(text)))
        .collect();
    store::transcripts::refresh(case, &read)
}

/// The near-duplicate pass: groups under the rule's `similarity` and
/// `min_chars`, staged for its SQL.
pub fn stage_near_duplicates(case: &Case, params: &BTreeMap<String, String>) -> Result<()> {
    let int = |name: &str, default: u32| {
        params
            .get(name)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .unwrap_or(default)
    };
    let p = Params {
        similarity: int("similarity", 80).clamp(1, 100),
        min_chars: int("min_chars", 50) as usize,
    };
    let docs = store::documents::texts(case)?;
    let inputs: Vec<Input<'_>> = docs
        .iter()
        .map(|(id, kind, text)| Input {
            id: *id,
            kind,
            text,
        })
        .collect();
    let groups = similar::groups(&inputs, &p);
    let rows: Vec<store::documents::NearDuplicate> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .members
                .iter()
                .map(move |m| store::documents::NearDuplicate {
                    group: g as i64 + 1,
                    doc_id: m.id,
                    similarity: format!("{}.{}", m.permille / 10, m.permille % 10),
                    principal: m.principal,
                })
        })
        .collect();
    store::documents::stage_near_duplicates(case, &rows)
}

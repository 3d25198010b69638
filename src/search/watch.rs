//! Watch lists (关注词, as Autopsy's keyword lists and Datashare's batch
//! searches relaunched on new documents): every saved term is rerun after an
//! import, and only the items it had not found before are reported as new.

use super::{SearchIndex, SearchOptions};
use crate::error::Result;
use crate::store::{self, Case};

pub use crate::store::watch::{NewHit, WatchTerm};

/// At most this many new hits of one term are described in one run (a term
/// that suddenly matches more is too broad to watch; its count still shows).
const DESCRIBED: usize = 10_000;

/// Reruns every saved term over the index and records what each found for
/// the first time; returns the number of new hits (a term just added finds
/// only known ones: its first run sets what counts as seen).
pub fn run(case: &Case, index: &SearchIndex) -> Result<usize> {
    let terms = store::watch::list(case)?;
    let mut found = Vec::new();
    for t in &terms {
        let keys = index.matching_keys_with(&t.term, t.fuzzy)?;
        let known = store::watch::known(case, t.id)?;
        let fresh: Vec<String> = keys.into_iter().filter(|k| !known.contains(k)).collect();
        let primed = store::watch::primed(case, t.id)?;
        let hits = if primed {
            let described = index.describe(
                &t.term,
                &SearchOptions {
                    limit: DESCRIBED,
                    fuzzy: t.fuzzy,
                },
                &fresh[..fresh.len().min(DESCRIBED)],
            )?;
            described
                .into_iter()
                .map(|h| (h.key, h.title, h.source, h.snippet))
                .collect()
        } else {
            fresh
                .into_iter()
                .map(|k| (k, String::new(), String::new(), String::new()))
                .collect()
        };
        found.push(store::watch::Found {
            term_id: t.id,
            hits,
        });
    }
    store::watch::record(case, &found)
}

/// After an import: when the case watches terms, brings the index up to date
/// and reruns them; `None` when nothing is watched.
pub fn after_import(case: &Case) -> Result<Option<usize>> {
    if terms(case)?.is_empty() {
        return Ok(None);
    }
    let index = SearchIndex::open(case, &mut |_, _| {})?;
    run(case, &index).map(Some)
}

/// The saved terms with their counts.
pub fn terms(case: &Case) -> Result<Vec<WatchTerm>> {
    store::watch::list(case)
}

/// Saves terms (checked as queries first); returns how many were new. Run
/// [`run`] next: a new term's first run sets what it already finds.
pub fn add(case: &Case, terms: &[String], fuzzy: bool) -> Result<usize> {
    for t in terms {
        super::query::parse(t).map_err(crate::Error::from)?;
    }
    Ok(store::watch::add(case, terms, fuzzy)?.len())
}

/// Removes terms and their hits; returns how many were removed.
pub fn remove(case: &Case, terms: &[String]) -> Result<usize> {
    store::watch::remove(case, terms)
}

/// The hits not yet reported.
pub fn new_hits(case: &Case) -> Result<Vec<NewHit>> {
    store::watch::new_hits(case)
}

/// Marks the new hits reported.
pub fn mark_reported(case: &Case) -> Result<usize> {
    store::watch::mark_reported(case)
}

//! What the index cannot decide alone: `/pattern/` (the index narrows to
//! texts holding the pattern's literal, when it has one; the pattern is run
//! on each candidate's stored text). [`Verified`] wraps any collector so
//! that counts, facets and top hits see only what passes. (`NEAR` is decided
//! by the index: see [`super::near`].)

use std::sync::Arc;

use regex::Regex;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::schema::{Field, Value as _};
use tantivy::{DocId, Score, SegmentReader, TantivyDocument};

use super::analysis;
use super::query::ParsedQuery;
use super::SearchError;

/// The checks a query's candidates must pass.
pub(super) struct Checks {
    patterns: Vec<Regex>,
}

impl Checks {
    /// `None` when the query needs no check (no pattern).
    pub(super) fn of(pq: &ParsedQuery) -> Result<Option<Arc<Checks>>, SearchError> {
        if pq.patterns.is_empty() {
            return Ok(None);
        }
        let patterns = pq
            .patterns
            .iter()
            .map(|p| {
                compile(p).map_err(|e| SearchError::BadPattern {
                    pattern: p.clone(),
                    detail: e.to_string(),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Some(Arc::new(Checks { patterns })))
    }
}

pub(super) fn compile(p: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(p).size_limit(1 << 22).build()
}

/// The literal every match of the pattern starts (or ends) with, folded as
/// the index folds text — each a substring of the folded text wherever the
/// pattern matches — or `None` when there is no such finite set.
pub(super) fn required_literals(pattern: &str) -> Option<Vec<String>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let mut best: Option<Vec<String>> = None;
    for kind in [ExtractKind::Prefix, ExtractKind::Suffix] {
        let mut ex = Extractor::new();
        ex.kind(kind).limit_total(64);
        let seq = ex.extract(&hir);
        let Some(lits) = seq.literals() else {
            continue;
        };
        let folded: Option<Vec<String>> = lits
            .iter()
            .map(|l| {
                let s = std::str::from_utf8(l.as_bytes()).ok()?;
                Some(analysis::fold_str(s)).filter(|f| !f.is_empty())
            })
            .collect();
        let Some(mut folded) = folded.filter(|f| !f.is_empty()) else {
            continue;
        };
        folded.sort();
        folded.dedup();
        let shortest = |v: &[String]| v.iter().map(|s| s.chars().count()).min().unwrap_or(0);
        if best
            .as_ref()
            .is_none_or(|b| shortest(&folded) > shortest(b))
        {
            best = Some(folded);
        }
    }
    best
}

/// Passes to `inner` only the documents that pass `checks`.
pub(super) struct Verified<C> {
    pub(super) inner: C,
    pub(super) checks: Arc<Checks>,
    pub(super) text: Field,
}

pub(super) struct VerifiedSegment<S> {
    inner: S,
    checks: Arc<Checks>,
    text: Field,
    store: tantivy::store::StoreReader,
}

impl<C: Collector> Collector for Verified<C> {
    type Fruit = C::Fruit;
    type Child = VerifiedSegment<C::Child>;

    fn for_segment(&self, ord: u32, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(VerifiedSegment {
            inner: self.inner.for_segment(ord, reader)?,
            checks: self.checks.clone(),
            text: self.text,
            store: reader.get_store_reader(64)?,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

impl<S: SegmentCollector> SegmentCollector for VerifiedSegment<S> {
    type Fruit = S::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Ok(d) = self.store.get::<TantivyDocument>(doc) else {
            return;
        };
        let text = d
            .get_first(self.text)
            .and_then(|v| v.as_str())
            .unwrap_or("");
        if !self.checks.patterns.iter().all(|r| r.is_match(text)) {
            return;
        }
        self.inner.collect(doc, score);
    }

    fn harvest(self) -> Self::Fruit {
        self.inner.harvest()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_of_patterns() {
        assert_eq!(required_literals(r"6214\d{12}"), Some(vec!["6214".into()]));
        assert_eq!(
            required_literals("(截留|挪用)补偿"),
            Some(vec!["截留补偿".into(), "挪用补偿".into()])
        );
        assert_eq!(required_literals(r"\d+"), None);
        assert_eq!(
            required_literals(r"\d{4}年补贴"),
            Some(vec!["年补贴".into()])
        );
    }
}

//! What the index cannot decide alone: `A NEAR/N B` (the index finds the two
//! terms close together; the text says whether within N) and `/pattern/`
//! (the index narrows to texts holding the pattern's literal, when it has
//! one; the pattern is run on each candidate's text). [`Verified`] wraps any
//! collector so that counts, facets and top hits see only texts that pass.

use std::sync::Arc;

use regex::Regex;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::schema::{Field, Value as _};
use tantivy::{DocId, Score, SegmentReader, TantivyDocument};

use super::analysis;
use super::query::{Near, ParsedQuery};
use super::SearchError;

/// The checks a query's candidates must pass on their text.
pub(super) struct Checks {
    near: Vec<(Vec<char>, Vec<char>, usize)>,
    patterns: Vec<Regex>,
}

impl Checks {
    /// `None` when the query needs no text check.
    pub(super) fn of(pq: &ParsedQuery) -> Result<Option<Arc<Checks>>, SearchError> {
        if pq.near.is_empty() && pq.patterns.is_empty() {
            return Ok(None);
        }
        let near = pq
            .near
            .iter()
            .map(|Near { a, b, within }| {
                (
                    analysis::fold_str(a).chars().collect(),
                    analysis::fold_str(b).chars().collect(),
                    *within as usize,
                )
            })
            .collect();
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
        Ok(Some(Arc::new(Checks { near, patterns })))
    }

    pub(super) fn pass(&self, text: &str) -> bool {
        if !self.patterns.iter().all(|r| r.is_match(text)) {
            return false;
        }
        if self.near.is_empty() {
            return true;
        }
        let folded = analysis::fold(text).chars;
        self.near.iter().all(|(a, b, n)| within(&folded, a, b, *n))
    }
}

pub(super) fn compile(p: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(p).size_limit(1 << 22).build()
}

fn starts(hay: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| hay[i..i + needle.len()] == needle[..])
        .collect()
}

/// Whether `a` and `b` occur with at most `n` characters between them, in
/// either order (overlapping occurrences count as adjacent).
pub(super) fn within(hay: &[char], a: &[char], b: &[char], n: usize) -> bool {
    let (pa, pb) = (starts(hay, a), starts(hay, b));
    pa.iter().any(|&x| {
        pb.iter().any(|&y| {
            let gap = if x + a.len() <= y {
                y - (x + a.len())
            } else if y + b.len() <= x {
                x - (y + b.len())
            } else {
                0
            };
            gap <= n
        })
    })
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

/// Passes to `inner` only the documents whose stored text passes `checks`.
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
        if self.checks.pass(text) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.inner.harvest()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn near_in_both_orders_and_not_beyond() {
        let hay = c(&analysis::fold_str("村干部截留了部分补偿款，另有补贴"));
        assert!(within(&hay, &c("截留"), &c("补偿款"), 3));
        assert!(!within(&hay, &c("截留"), &c("补偿款"), 2));
        assert!(within(&hay, &c("补偿款"), &c("截留"), 3), "either order");
        assert!(!within(&hay, &c("截留"), &c("没有"), 100));
    }

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

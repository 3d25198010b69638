//! What the index cannot decide alone: `A NEAR/N B` with a term of four
//! characters or more, or N beyond a phrase's slop (the index finds the two
//! terms; their positions in the index say whether within N), and
//! `/pattern/` (the index narrows to texts holding the pattern's literal,
//! when it has one; the pattern is run on each candidate's stored text).
//! [`Verified`] wraps any collector so that counts, facets and top hits see
//! only what passes.

use std::sync::Arc;

use regex::Regex;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption, Value as _};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyDocument, Term};

use super::analysis;
use super::query::{Near, ParsedQuery};
use super::SearchError;

/// One `NEAR` the index positions decide: each term as its grams with
/// their offsets (a unigram, bigram or trigram, or overlapping trigrams).
struct NearCheck {
    a: Vec<(u32, Term)>,
    la: u32,
    b: Vec<(u32, Term)>,
    lb: u32,
    within: u32,
}

/// The checks a query's candidates must pass.
pub(super) struct Checks {
    near: Vec<NearCheck>,
    patterns: Vec<Regex>,
}

/// (offset, gram) of a folded term on the body field, as the index holds it.
fn grams(body: Field, q: &[char]) -> Vec<(u32, Term)> {
    let t = |s: String| Term::from_field_text(body, &s);
    if q.len() <= 3 {
        return vec![(0, t(q.iter().collect()))];
    }
    (0..q.len() - 2)
        .map(|i| (i as u32, t(q[i..i + 3].iter().collect())))
        .collect()
}

impl Checks {
    /// `None` when the query needs no check (no pattern, and every `NEAR`
    /// one the index answers exactly).
    pub(super) fn of(pq: &ParsedQuery, body: Field) -> Result<Option<Arc<Checks>>, SearchError> {
        let near: Vec<NearCheck> = pq
            .near
            .iter()
            .filter(|n| !super::plan::near_is_exact(&n.a, &n.b, n.within))
            .map(|Near { a, b, within }| {
                let qa: Vec<char> = analysis::fold_str(a).chars().collect();
                let qb: Vec<char> = analysis::fold_str(b).chars().collect();
                NearCheck {
                    a: grams(body, &qa),
                    la: qa.len() as u32,
                    b: grams(body, &qb),
                    lb: qb.len() as u32,
                    within: *within,
                }
            })
            .collect();
        if near.is_empty() && pq.patterns.is_empty() {
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
        Ok(Some(Arc::new(Checks { near, patterns })))
    }
}

pub(super) fn compile(p: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(p).size_limit(1 << 22).build()
}

/// Whether occurrences starting at `pa` (length `la`) and `pb` (length `lb`)
/// come with at most `n` characters between them, in either order
/// (overlapping occurrences count as adjacent). Both lists sorted.
pub(super) fn close(pa: &[u32], la: u32, pb: &[u32], lb: u32, n: u32) -> bool {
    pa.iter().any(|&x| {
        // Only the b occurrences that could be close: from x - lb - n on.
        let from = x.saturating_sub(lb + n);
        let i = pb.partition_point(|&y| y < from);
        pb[i..].iter().take_while(|&&y| y <= x + la + n).any(|&y| {
            // Overlapping occurrences saturate to a gap of 0.
            let gap = if x + la <= y {
                y - (x + la)
            } else {
                x.saturating_sub(y + lb)
            };
            gap <= n
        })
    })
}

/// The start positions of a term in document `doc`, from its grams' postings
/// (every gram at its offset); empty when it is not there.
fn occurrences(
    grams: &mut [(u32, Option<SegmentPostings>)],
    doc: DocId,
    buf: &mut Vec<u32>,
) -> Vec<u32> {
    let mut starts: Option<Vec<u32>> = None;
    for (off, postings) in grams.iter_mut() {
        let Some(p) = postings.as_mut() else {
            return Vec::new();
        };
        if p.doc() < doc {
            p.seek(doc);
        }
        if p.doc() != doc {
            return Vec::new();
        }
        p.positions(buf);
        let here: Vec<u32> = buf
            .iter()
            .filter(|&&x| x >= *off)
            .map(|x| x - *off)
            .collect();
        starts = Some(match starts {
            None => here,
            Some(prev) => prev
                .into_iter()
                .filter(|x| here.binary_search(x).is_ok())
                .collect(),
        });
        if starts.as_ref().is_some_and(Vec::is_empty) {
            return Vec::new();
        }
    }
    starts.unwrap_or_default()
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
    pub(super) body: Field,
}

type SegGrams = Vec<(u32, Option<SegmentPostings>)>;

pub(super) struct VerifiedSegment<S> {
    inner: S,
    checks: Arc<Checks>,
    text: Field,
    /// Per NEAR check: the postings of A's and B's grams in this segment.
    near: Vec<(SegGrams, SegGrams)>,
    store: Option<tantivy::store::StoreReader>,
    buf: Vec<u32>,
}

impl<C: Collector> Collector for Verified<C> {
    type Fruit = C::Fruit;
    type Child = VerifiedSegment<C::Child>;

    fn for_segment(&self, ord: u32, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        let inverted = reader.inverted_index(self.body)?;
        let open = |g: &[(u32, Term)]| -> tantivy::Result<SegGrams> {
            g.iter()
                .map(|(o, t)| {
                    Ok((
                        *o,
                        inverted.read_postings(t, IndexRecordOption::WithFreqsAndPositions)?,
                    ))
                })
                .collect()
        };
        let near = self
            .checks
            .near
            .iter()
            .map(|n| Ok((open(&n.a)?, open(&n.b)?)))
            .collect::<tantivy::Result<_>>()?;
        let store = if self.checks.patterns.is_empty() {
            None
        } else {
            Some(reader.get_store_reader(64)?)
        };
        Ok(VerifiedSegment {
            inner: self.inner.for_segment(ord, reader)?,
            checks: self.checks.clone(),
            text: self.text,
            near,
            store,
            buf: Vec::new(),
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
        for (i, (a, b)) in self.near.iter_mut().enumerate() {
            let n = &self.checks.near[i];
            let pa = occurrences(a, doc, &mut self.buf);
            if pa.is_empty() {
                return;
            }
            let pb = occurrences(b, doc, &mut self.buf);
            if !close(&pa, n.la, &pb, n.lb, n.within) {
                return;
            }
        }
        if let Some(store) = &self.store {
            let Ok(d) = store.get::<TantivyDocument>(doc) else {
                return;
            };
            let text = d
                .get_first(self.text)
                .and_then(|v| v.as_str())
                .unwrap_or("");
            if !self.checks.patterns.iter().all(|r| r.is_match(text)) {
                return;
            }
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
    fn near_in_both_orders_and_not_beyond() {
        // 村干部截留了部分补偿款: 截留 at 3, 补偿款 at 8 — three characters between.
        assert!(close(&[3], 2, &[8], 3, 3));
        assert!(!close(&[3], 2, &[8], 3, 2));
        assert!(close(&[8], 3, &[3], 2, 3), "either order");
        assert!(!close(&[3], 2, &[], 3, 100));
        assert!(close(&[3, 40], 2, &[1, 45], 3, 3), "any pair");
        assert!(close(&[5], 4, &[6], 2, 0), "overlapping");
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

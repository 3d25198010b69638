//! `A NEAR/N B` as one query: the documents holding every gram of both
//! terms (a leapfrog over their postings, rarest first), kept when the
//! terms' positions — each term's start where all its grams line up — come
//! within N characters of each other, in either order (overlapping
//! occurrences count as adjacent). Exact for terms of any length and any N
//! the query language allows, from the index alone: no stored text is read.
//! Scored as BM25 over both terms' grams with the number of A occurrences
//! that have a B close by as the frequency.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// A term as the body field holds it: (offset in the term, gram).
pub(super) type Grams = Vec<(u32, Term)>;

#[derive(Clone, Debug)]
pub(super) struct NearQuery {
    a: Grams,
    la: u32,
    b: Grams,
    lb: u32,
    within: u32,
}

impl NearQuery {
    /// `a` and `b` non-empty, on one field; `la`, `lb` the terms' lengths in
    /// characters.
    pub(super) fn new(a: Grams, la: u32, b: Grams, lb: u32, within: u32) -> NearQuery {
        NearQuery {
            a,
            la,
            b,
            lb,
            within,
        }
    }

    fn terms(&self) -> impl Iterator<Item = &Term> {
        self.a.iter().chain(&self.b).map(|(_, t)| t)
    }
}

impl Query for NearQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let terms: Vec<Term> = self.terms().cloned().collect();
        let bm25 = match scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } if !terms.is_empty() => Some(Bm25Weight::for_terms(statistics_provider, &terms)?),
            _ => None,
        };
        Ok(Box::new(NearWeight {
            q: self.clone(),
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for t in self.terms() {
            visitor(t, true);
        }
    }
}

struct NearWeight {
    q: NearQuery,
    bm25: Option<Bm25Weight>,
}

type SegGrams = Vec<(u32, SegmentPostings)>;

impl NearWeight {
    fn near_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<NearScorer>> {
        let Some((_, first)) = self.q.a.first() else {
            return Ok(None);
        };
        if self.q.b.is_empty() {
            return Ok(None);
        }
        let field = first.field();
        let inverted = reader.inverted_index(field)?;
        let open = |g: &[(u32, Term)]| -> tantivy::Result<Option<SegGrams>> {
            let mut out = Vec::with_capacity(g.len());
            for (o, t) in g {
                match inverted.read_postings(t, IndexRecordOption::WithFreqsAndPositions)? {
                    Some(p) => out.push((*o, p)),
                    None => return Ok(None),
                }
            }
            Ok(Some(out))
        };
        let (Some(a), Some(b)) = (open(&self.q.a)?, open(&self.q.b)?) else {
            return Ok(None);
        };
        let fieldnorms = match &self.bm25 {
            Some(_) => reader.fieldnorms_readers().get_field(field)?,
            None => None,
        }
        .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
        // The leapfrog visits the rarest postings first.
        let mut order: Vec<(bool, usize, u32)> = a
            .iter()
            .enumerate()
            .map(|(i, (_, p))| (true, i, p.doc_freq()))
            .chain(
                b.iter()
                    .enumerate()
                    .map(|(i, (_, p))| (false, i, p.doc_freq())),
            )
            .collect();
        order.sort_by_key(|&(_, _, df)| df);
        let size_hint = order.first().map(|o| o.2).unwrap_or(0);
        let mut s = NearScorer {
            a,
            b,
            order: order.into_iter().map(|(side, i, _)| (side, i)).collect(),
            la: self.q.la,
            lb: self.q.lb,
            within: self.q.within,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
            fieldnorms,
            doc: 0,
            close: 0,
            pa: Vec::new(),
            pb: Vec::new(),
            buf: Vec::new(),
            size_hint,
        };
        s.find(0);
        Ok(Some(s))
    }
}

impl Weight for NearWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.near_scorer(reader, boost)? {
            Some(s) => Box::new(s),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let Some(mut s) = self.near_scorer(reader, 1.0)? else {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        };
        if s.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("NEAR", s.score()))
    }
}

struct NearScorer {
    a: SegGrams,
    b: SegGrams,
    /// (is A, index): the postings in leapfrog order.
    order: Vec<(bool, usize)>,
    la: u32,
    lb: u32,
    within: u32,
    bm25: Option<Bm25Weight>,
    fieldnorms: FieldNormReader,
    doc: DocId,
    /// The current document's A occurrences with a B close by.
    close: u32,
    pa: Vec<u32>,
    pb: Vec<u32>,
    buf: Vec<u32>,
    size_hint: u32,
}

impl NearScorer {
    fn postings(&mut self, k: usize) -> &mut SegmentPostings {
        let (is_a, i) = self.order[k];
        if is_a {
            &mut self.a[i].1
        } else {
            &mut self.b[i].1
        }
    }

    /// The first document from `target` on holding every gram.
    fn align(&mut self, mut target: DocId) -> DocId {
        'again: loop {
            if target == TERMINATED {
                return TERMINATED;
            }
            for k in 0..self.order.len() {
                let p = self.postings(k);
                let d = if p.doc() < target {
                    p.seek(target)
                } else {
                    p.doc()
                };
                if d > target {
                    target = d;
                    continue 'again;
                }
            }
            return target;
        }
    }

    /// Moves to the first matching document from `target` on.
    fn find(&mut self, mut target: DocId) -> DocId {
        loop {
            let d = self.align(target);
            if d == TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            starts(&mut self.a, &mut self.pa, &mut self.buf);
            if !self.pa.is_empty() {
                starts(&mut self.b, &mut self.pb, &mut self.buf);
                let n = close_count(
                    &self.pa,
                    self.la,
                    &self.pb,
                    self.lb,
                    self.within,
                    self.bm25.is_none(),
                );
                if n > 0 {
                    self.doc = d;
                    self.close = n;
                    return d;
                }
            }
            target = d + 1;
        }
    }
}

/// The start positions of a term in the current document: where each of
/// its grams is found at its offset (all postings on that document).
fn starts(grams: &mut [(u32, SegmentPostings)], out: &mut Vec<u32>, buf: &mut Vec<u32>) {
    out.clear();
    let Some(((o0, p0), rest)) = grams.split_first_mut() else {
        return;
    };
    p0.positions(buf);
    out.extend(buf.iter().filter(|&&x| x >= *o0).map(|&x| x - *o0));
    for (o, p) in rest {
        if out.is_empty() {
            return;
        }
        p.positions(buf);
        let mut j = 0;
        out.retain(|&s| {
            let want = s + *o;
            while j < buf.len() && buf[j] < want {
                j += 1;
            }
            j < buf.len() && buf[j] == want
        });
    }
}

/// How many occurrences starting at `pa` (length `la`) have one starting at
/// `pb` (length `lb`) with at most `n` characters between, in either order
/// (overlapping occurrences count as adjacent); 0 or 1 with `first_only`.
/// Both lists sorted.
pub(super) fn close_count(
    pa: &[u32],
    la: u32,
    pb: &[u32],
    lb: u32,
    n: u32,
    first_only: bool,
) -> u32 {
    // y is close to x exactly when x - lb - n <= y <= x + la + n: a B ending
    // at most n before x, overlapping x, or starting at most n after A ends.
    let mut count = 0;
    let mut i = 0;
    for &x in pa {
        let from = x.saturating_sub(lb + n);
        while i < pb.len() && pb[i] < from {
            i += 1;
        }
        if pb.get(i).is_some_and(|&y| y <= x + la + n) {
            count += 1;
            if first_only {
                return 1;
            }
        }
    }
    count
}

impl DocSet for NearScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.find(self.doc + 1)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc == TERMINATED || target <= self.doc {
            return self.doc;
        }
        self.find(target)
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.size_hint
    }
}

impl Scorer for NearScorer {
    fn score(&mut self) -> Score {
        match &self.bm25 {
            Some(w) => w.score(self.fieldnorms.fieldnorm_id(self.doc), self.close),
            None => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::close_count;

    fn close(pa: &[u32], la: u32, pb: &[u32], lb: u32, n: u32) -> bool {
        close_count(pa, la, pb, lb, n, true) > 0
    }

    #[test]
    fn near_in_both_orders_and_not_beyond() {
        // 村干部截留了部分补偿款: 截留 at 3, 补偿款 at 8 — three characters between.
        assert!(close(&[3], 2, &[8], 3, 3));
        assert!(!close(&[3], 2, &[8], 3, 2));
        assert!(close(&[8], 3, &[3], 2, 3), "either order");
        assert!(!close(&[8], 3, &[3], 2, 2), "either order, not beyond");
        assert!(!close(&[3], 2, &[], 3, 100));
        assert!(close(&[3, 40], 2, &[1, 45], 3, 3), "any pair");
        assert!(close(&[5], 4, &[6], 2, 0), "overlapping");
        assert!(close(&[6], 2, &[5], 4, 0), "overlapping, other way");
        assert!(close(&[10], 2, &[12], 2, 0), "adjacent");
        assert!(!close(&[10], 2, &[13], 2, 0));
        assert!(!close(&[13], 2, &[10], 2, 0));
    }

    #[test]
    fn counts_every_close_occurrence() {
        assert_eq!(close_count(&[0, 10, 100], 2, &[4, 200], 2, 5, false), 2);
        assert_eq!(close_count(&[0, 10, 100], 2, &[4, 200], 2, 5, true), 1);
        assert_eq!(close_count(&[0, 1, 2], 1, &[], 1, 5, false), 0);
    }
}

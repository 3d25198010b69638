//! Running a query: building the tantivy query, hits with snippets and
//! highlights, and batch searches.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value as _};
use tantivy::{DocAddress, Score, TantivyDocument, Term};

use serde::Serialize;

use super::facets::{FacetCollector, Facets};
use super::schema::tantivy_err;
use super::snippet::{highlight_ranges, snippet};
use super::{analysis, jieba, query, SearchIndex};
use crate::error::{Error, Result};

/// One search hit (the `--json` shape).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub source: String,
    pub kind: String,
    pub title: String,
    pub ledger: Option<String>,
    pub row: Option<u64>,
    /// The page (1-based) of the first highlight, for a paged document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// True when that page's text was recognised by OCR.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ocr: bool,
    pub score: f32,
    /// The best passage, every query term marked with 【】.
    pub snippet: String,
    #[serde(skip)]
    pub key: String,
    /// Every occurrence of the query terms: char ranges in `text`.
    #[serde(skip)]
    pub highlights: Vec<(usize, usize)>,
    #[serde(skip)]
    pub text: String,
    /// A paged document's pages: (start char in `text`, page number, OCR).
    #[serde(skip)]
    pub pages: Vec<HitPage>,
}

/// Where a page starts in a hit's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitPage {
    pub start_char: usize,
    pub number: u32,
    pub ocr: bool,
}

impl Hit {
    /// The page holding char `at` of the text (none for an unpaged item).
    pub fn page_at(&self, at: usize) -> Option<HitPage> {
        let i = self.pages.partition_point(|p| p.start_char <= at);
        self.pages.get(i.checked_sub(1)?).copied()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

impl SearchIndex {
    fn term_query(&self, term: &str) -> Box<dyn Query> {
        let f = &self.f;
        let q: Vec<char> = analysis::fold_str(term).chars().collect();
        let body_t = |s: String| Term::from_field_text(f.body, &s);
        let substring: Box<dyn Query> = match q.len() {
            0 => Box::new(AllQuery),
            1 => Box::new(TermQuery::new(
                body_t(q[0].to_string()),
                IndexRecordOption::WithFreqs,
            )),
            2 => Box::new(TermQuery::new(
                body_t(q.iter().collect()),
                IndexRecordOption::WithFreqs,
            )),
            3 => Box::new(TermQuery::new(
                body_t(q.iter().collect()),
                IndexRecordOption::WithFreqs,
            )),
            _ => {
                // Overlapping trigrams at consecutive offsets: exactly the substring,
                // with far fewer candidate positions than bigrams of common words.
                let terms: Vec<(usize, Term)> = (0..q.len() - 2)
                    .map(|i| (i, body_t(q[i..i + 3].iter().collect())))
                    .collect();
                Box::new(PhraseQuery::new_with_offset(terms))
            }
        };
        let mut alts: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, substring)];
        let mut ents = Vec::new();
        analysis::entity_tokens(term, &mut ents);
        let ascii: String = term.trim().to_ascii_lowercase();
        if !ascii.is_empty() && ascii.chars().all(|c| c.is_ascii_lowercase()) {
            ents.push(format!("py:{ascii}"));
        }
        for e in ents {
            alts.push((
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.entities, &e),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if alts.len() == 1 {
            alts.pop()
                .map(|(_, q)| q)
                .unwrap_or_else(|| Box::new(AllQuery))
        } else {
            Box::new(BooleanQuery::new(alts))
        }
    }

    fn build(&self, pq: &query::ParsedQuery) -> Box<dyn Query> {
        let f = &self.f;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for t in &pq.terms {
            clauses.push((Occur::Must, self.term_query(t)));
            // Ranking: jieba words of the term, on the words field.
            for w in jieba().cut_for_search(t, false) {
                let w = w.word.trim();
                if !w.is_empty() {
                    let tq = TermQuery::new(
                        Term::from_field_text(f.words, &w.to_lowercase()),
                        IndexRecordOption::WithFreqs,
                    );
                    clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(tq), 2.0))));
                }
            }
        }
        for t in &pq.excluded {
            clauses.push((Occur::MustNot, self.term_query(t)));
        }
        let any_of = |field: Field, values: &[String]| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(
                values
                    .iter()
                    .map(|v| {
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(
                                Term::from_field_text(field, v),
                                IndexRecordOption::Basic,
                            )) as Box<dyn Query>,
                        )
                    })
                    .collect(),
            ))
        };
        if !pq.kinds.is_empty() {
            clauses.push((Occur::Must, any_of(f.kind, &pq.kinds)));
        }
        if !pq.ledgers.is_empty() {
            clauses.push((Occur::Must, any_of(f.ledger, &pq.ledgers)));
        }
        if !pq.roles.is_empty() {
            clauses.push((Occur::Must, any_of(f.role, &pq.roles)));
        }
        if !pq.villages.is_empty() {
            clauses.push((Occur::Must, any_of(f.village, &pq.villages)));
        }
        if let Some((a, b)) = pq.years {
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    std::ops::Bound::Included(Term::from_field_u64(f.years, a)),
                    std::ops::Bound::Included(Term::from_field_u64(f.years, b)),
                )),
            ));
        }
        if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// Runs a query: the best `limit` hits with snippets, the total and facets.
    pub fn search(&self, q: &str, limit: usize) -> Result<SearchResult> {
        let pq = query::parse(q).map_err(Error::from)?;
        let query = self.build(&pq);
        let searcher = self.reader.searcher();
        let (top, total, facets) = searcher
            .search(
                &query,
                &(
                    TopDocs::with_limit(limit.max(1)).order_by_score(),
                    Count,
                    FacetCollector,
                ),
            )
            .map_err(tantivy_err)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top.into_iter().take(limit) {
            hits.push(self.hit(&searcher, addr, score, &pq.terms)?);
        }
        Ok(SearchResult {
            total,
            hits,
            facets,
        })
    }

    /// Every matching document's key (for tests and batch counts).
    pub fn matching_keys(&self, q: &str) -> Result<Vec<String>> {
        let pq = query::parse(q).map_err(Error::from)?;
        let query = self.build(&pq);
        let searcher = self.reader.searcher();
        let docs = searcher
            .search(&query, &tantivy::collector::DocSetCollector)
            .map_err(tantivy_err)?;
        let mut keys = Vec::with_capacity(docs.len());
        for addr in docs {
            let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
            keys.push(text_of(&d, self.f.key));
        }
        keys.sort();
        Ok(keys)
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        addr: DocAddress,
        score: Score,
        terms: &[String],
    ) -> Result<Hit> {
        let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
        let f = &self.f;
        let kind = text_of(&d, f.kind);
        let text = text_of(&d, f.text);
        let highlights = highlight_ranges(&text, terms);
        let snippet = snippet(&text, &highlights, 60);
        let row = d.get_first(f.row).and_then(|v| v.as_u64());
        let ledger = Some(text_of(&d, f.ledger)).filter(|s| !s.is_empty());
        let pages: Vec<HitPage> =
            serde_json::from_str::<Vec<(usize, u32, bool)>>(&text_of(&d, f.pages))
                .unwrap_or_default()
                .into_iter()
                .map(|(start_char, number, ocr)| HitPage {
                    start_char,
                    number,
                    ocr,
                })
                .collect();
        let mut hit = Hit {
            source: text_of(&d, f.source),
            kind,
            title: text_of(&d, f.title),
            ledger,
            row,
            page: None,
            ocr: false,
            score,
            snippet,
            key: text_of(&d, f.key),
            highlights,
            text,
            pages,
        };
        let first = hit.page_at(hit.highlights.first().map(|h| h.0).unwrap_or(0));
        hit.page = first.map(|p| p.number);
        hit.ocr = first.is_some_and(|p| p.ocr);
        Ok(hit)
    }
}

pub(super) fn text_of(d: &TantivyDocument, field: Field) -> String {
    d.get_first(field)
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

//! Running a query: building the tantivy query, hits with snippets and
//! highlights, and batch searches.

use std::sync::Arc;

use tantivy::collector::{Collector, Count, DocSetCollector, TopDocs};
use tantivy::query::Query;
use tantivy::schema::{Field, Value as _};
use tantivy::{DocAddress, Score, TantivyDocument};

use serde::Serialize;

use super::facets::{FacetCollector, Facets};
use super::names::{self, Match};
use super::query::ParsedQuery;
use super::schema::tantivy_err;
use super::snippet::{highlight_ranges, snippet};
use super::verify::{Checks, Verified};
use super::{amounts, plan, query, SearchIndex};
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
    /// How the names asked with `name~` (or `--fuzzy`) were found: their exact
    /// spelling, a homophone, or a near spelling.
    #[serde(rename = "match")]
    pub matched: Match,
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
    /// Runs a query: the best `limit` hits with snippets, the total and facets.
    pub fn search(&self, q: &str, limit: usize) -> Result<SearchResult> {
        self.search_with(
            q,
            &SearchOptions {
                limit,
                fuzzy: false,
            },
        )
    }

    /// [`SearchIndex::search`] with options: exact spellings first, then
    /// homophones, then near spellings of the `name~` terms (every name-like
    /// term with `fuzzy`).
    pub fn search_with(&self, q: &str, opts: &SearchOptions) -> Result<SearchResult> {
        let pq = parsed(q, opts.fuzzy)?;
        let checks = Checks::of(&pq).map_err(Error::from)?;
        let searcher = self.reader.searcher();
        let limit = opts.limit.max(1);
        let mut out = SearchResult {
            total: 0,
            hits: Vec::new(),
            facets: Facets::default(),
        };
        for tier in plan::tiers(&self.f, &pq) {
            let want = limit.saturating_sub(out.hits.len()).max(1);
            let c = (
                TopDocs::with_limit(want).order_by_score(),
                Count,
                FacetCollector,
            );
            let (top, total, facets) = self.collect(&searcher, &*tier.query, &checks, c)?;
            out.total += total;
            out.facets.add(facets);
            for (score, addr) in top {
                if out.hits.len() < opts.limit {
                    out.hits
                        .push(self.hit(&searcher, addr, score, &pq, tier.degree)?);
                }
            }
        }
        Ok(out)
    }

    /// Runs `c` over the hits of `query` that pass the text checks.
    fn collect<C: Collector>(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        checks: &Option<Arc<Checks>>,
        c: C,
    ) -> Result<C::Fruit> {
        match checks {
            None => searcher.search(query, &c),
            Some(ch) => searcher.search(
                query,
                &Verified {
                    inner: c,
                    checks: ch.clone(),
                    text: self.f.text,
                },
            ),
        }
        .map_err(tantivy_err)
    }

    /// The hits (snippets marked for the query) of the items `keys` among
    /// the query's matches, best degree first, in the order of `keys` within.
    pub fn describe(&self, q: &str, opts: &SearchOptions, keys: &[String]) -> Result<Vec<Hit>> {
        let pq = parsed(q, opts.fuzzy)?;
        let checks = Checks::of(&pq).map_err(Error::from)?;
        let searcher = self.reader.searcher();
        let wanted: std::collections::HashSet<&str> = keys.iter().map(String::as_str).collect();
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for tier in plan::tiers(&self.f, &pq) {
            let docs = self.collect(&searcher, &*tier.query, &checks, DocSetCollector)?;
            let mut docs: Vec<DocAddress> = docs.into_iter().collect();
            docs.sort();
            for addr in docs {
                let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
                let key = text_of(&d, self.f.key);
                if wanted.contains(key.as_str()) && seen.insert(key) && out.len() < opts.limit {
                    out.push(self.hit(&searcher, addr, 0.0, &pq, tier.degree)?);
                }
            }
        }
        Ok(out)
    }

    /// The ID numbers, phones, cards and amounts the query's hits mention
    /// most (`keep` of each kind), with how many hits mention each: keys as
    /// [`super::mentions::facet`] reads them.
    pub fn mention_facets(
        &self,
        q: &str,
        fuzzy: bool,
        keep: usize,
    ) -> Result<std::collections::BTreeMap<String, u64>> {
        let pq = parsed(q, fuzzy)?;
        let checks = Checks::of(&pq).map_err(Error::from)?;
        let searcher = self.reader.searcher();
        let mut all = std::collections::BTreeMap::new();
        for tier in plan::tiers(&self.f, &pq) {
            let c = super::facets::MentionCollector { keep };
            for (k, v) in self.collect(&searcher, &*tier.query, &checks, c)? {
                *all.entry(k).or_default() += v;
            }
        }
        Ok(all)
    }

    /// Every matching document's key (for tests and batch counts).
    pub fn matching_keys(&self, q: &str) -> Result<Vec<String>> {
        self.matching_keys_with(q, false)
    }

    /// [`SearchIndex::matching_keys`], names fuzzy when asked.
    pub fn matching_keys_with(&self, q: &str, fuzzy: bool) -> Result<Vec<String>> {
        let pq = parsed(q, fuzzy)?;
        let checks = Checks::of(&pq).map_err(Error::from)?;
        let searcher = self.reader.searcher();
        let mut keys = Vec::new();
        for tier in plan::tiers(&self.f, &pq) {
            let docs = self.collect(&searcher, &*tier.query, &checks, DocSetCollector)?;
            for addr in docs {
                let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
                keys.push(text_of(&d, self.f.key));
            }
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        addr: DocAddress,
        score: Score,
        pq: &ParsedQuery,
        degree: Match,
    ) -> Result<Hit> {
        let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
        let f = &self.f;
        let kind = text_of(&d, f.kind);
        let text = text_of(&d, f.text);
        let highlights = highlights(&text, pq, degree);
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
            matched: degree,
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

/// What a search is asked with besides its query.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    pub limit: usize,
    /// Every name-like term (two to four Chinese characters) as `name~`.
    pub fuzzy: bool,
}

fn parsed(q: &str, fuzzy: bool) -> Result<ParsedQuery> {
    let mut pq = query::parse(q).map_err(Error::from)?;
    if fuzzy {
        for t in &pq.terms {
            if names::is_name_like(t) && !pq.names.contains(t) {
                pq.names.push(t.clone());
            }
        }
    }
    Ok(pq)
}

/// Where a hit's text shows the query: exact terms, the spellings of the
/// names found at this degree, amounts of the amount terms however written,
/// and the pattern matches (char ranges, merged).
pub fn highlights(text: &str, pq: &ParsedQuery, degree: Match) -> Vec<(usize, usize)> {
    let mut plain = Vec::new();
    let mut out = Vec::new();
    let money: Vec<i64> = pq
        .terms
        .iter()
        .filter_map(|t| amounts::query_amount(t))
        .collect();
    if !money.is_empty() {
        out.extend(
            amounts::spans(text)
                .into_iter()
                .filter(|s| money.contains(&s.2))
                .map(|s| (s.0, s.1)),
        );
    }
    for t in &pq.terms {
        if pq.names.contains(t) && degree > Match::Exact {
            out.extend(names::find(text, t, degree).into_iter().map(|m| (m.0, m.1)));
        } else if amounts::query_amount(t).is_none() {
            plain.push(t.clone());
        }
    }
    out.extend(highlight_ranges(text, &plain));
    for p in &pq.patterns {
        if let Ok(re) = super::verify::compile(p) {
            let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            let at = |b: usize| starts.partition_point(|&s| s < b);
            out.extend(
                re.find_iter(text)
                    .take(1000)
                    .map(|m| (at(m.start()), at(m.end()))),
            );
        }
    }
    super::snippet::merged(out)
}

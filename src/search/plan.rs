//! From a parsed query to tantivy queries: one per degree of name match
//! (exact spellings first, then homophones, then near spellings), each
//! excluding what a better degree already found.

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::names::{self, Match};
use super::query::ParsedQuery;
use super::schema::Fields;
use super::{amounts, analysis, jieba, near, verify};

/// One pass of a search: its query and the degree of name match it finds.
pub(super) struct Tier {
    pub(super) query: Box<dyn Query>,
    pub(super) degree: Match,
}

fn entity(f: &Fields, e: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(f.entities, e),
        IndexRecordOption::Basic,
    ))
}

/// (offset, term) of the folded text `q` on the body field: the unigram,
/// bigram or trigram itself, or overlapping trigrams for longer terms.
fn grams(f: &Fields, q: &[char]) -> Vec<(usize, Term)> {
    let body_t = |s: String| Term::from_field_text(f.body, &s);
    if q.len() <= 3 {
        return vec![(0, body_t(q.iter().collect()))];
    }
    (0..q.len() - 2)
        .map(|i| (i, body_t(q[i..i + 3].iter().collect())))
        .collect()
}

/// The exact-substring query of a term on the body field.
fn substring(f: &Fields, term: &str) -> Box<dyn Query> {
    let q: Vec<char> = analysis::fold_str(term).chars().collect();
    if q.is_empty() {
        return Box::new(AllQuery);
    }
    let mut g = grams(f, &q);
    if g.len() == 1 {
        let (_, t) = g.remove(0);
        return Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
    }
    Box::new(PhraseQuery::new_with_offset(g))
}

/// One term: an amount term matches amounts only (not serial numbers); any
/// other term its exact substring, or an ID, phone or card number it stands
/// for (those ranked first).
fn term_query(f: &Fields, term: &str) -> Box<dyn Query> {
    if let Some(fen) = amounts::query_amount(term) {
        return entity(f, &format!("amt:{fen}"));
    }
    let mut alts: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, substring(f, term))];
    let mut ents = Vec::new();
    analysis::entity_tokens(term, &mut ents);
    let ascii: String = term.trim().to_ascii_lowercase();
    if !ascii.is_empty() && ascii.chars().all(|c| c.is_ascii_lowercase()) {
        ents.push(format!("py:{ascii}"));
    }
    for e in ents {
        let boost = if e.starts_with("py:") { 1.0 } else { 4.0 };
        alts.push((
            Occur::Should,
            Box::new(BoostQuery::new(entity(f, &e), boost)),
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

/// A name matched up to degree `worst`: its exact spelling, and for
/// homophones and near spellings the keywords [`names::asked`] gives.
fn name_query(f: &Fields, name: &str, worst: Match) -> Box<dyn Query> {
    let mut alts: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, substring(f, name))];
    let asked = names::asked(name);
    if worst >= Match::Homophone {
        for k in &asked.homophone {
            alts.push((Occur::Should, entity(f, k)));
        }
    }
    if worst >= Match::Near {
        for k in &asked.near {
            alts.push((Occur::Should, entity(f, k)));
        }
    }
    Box::new(BooleanQuery::new(alts))
}

/// `A NEAR/N B`, decided by the index (see [`near`]).
fn near_query(f: &Fields, a: &str, b: &str, within: u32) -> Option<Box<dyn Query>> {
    let qa: Vec<char> = analysis::fold_str(a).chars().collect();
    let qb: Vec<char> = analysis::fold_str(b).chars().collect();
    if qa.is_empty() || qb.is_empty() {
        return None;
    }
    let g = |q: &[char]| -> near::Grams {
        grams(f, q)
            .into_iter()
            .map(|(o, t)| (o as u32, t))
            .collect()
    };
    Some(Box::new(near::NearQuery::new(
        g(&qa),
        qa.len() as u32,
        g(&qb),
        qb.len() as u32,
        within,
    )))
}

fn any_of(field: Field, values: &[String]) -> Box<dyn Query> {
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
}

/// Every name term matched at degree `worst` or better.
fn names_up_to(f: &Fields, pq: &ParsedQuery, worst: Match) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        pq.names
            .iter()
            .map(|n| (Occur::Must, name_query(f, n, worst)))
            .collect(),
    ))
}

/// The query of one degree (`degree` is Exact when the query has no name).
fn build(f: &Fields, pq: &ParsedQuery, degree: Match) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for t in &pq.terms {
        let clause = if degree > Match::Exact && pq.names.contains(t) {
            // Scored alike within a degree, so that BM25 orders the hits.
            Box::new(ConstScoreQuery::new(name_query(f, t, degree), 1.0))
        } else {
            term_query(f, t)
        };
        clauses.push((Occur::Must, clause));
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
    if degree > Match::Exact {
        let better = if degree == Match::Near {
            Match::Homophone
        } else {
            Match::Exact
        };
        clauses.push((Occur::MustNot, names_up_to(f, pq, better)));
    }
    for n in &pq.near {
        if let Some(q) = near_query(f, &n.a, &n.b, n.within) {
            clauses.push((Occur::Must, q));
        }
    }
    for p in &pq.patterns {
        if let Some(lits) = verify::required_literals(p) {
            let alts = lits
                .iter()
                .map(|l| (Occur::Should, substring(f, l)))
                .collect();
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(alts)), 1.0)),
            ));
        }
    }
    for t in &pq.excluded {
        clauses.push((Occur::MustNot, term_query(f, t)));
    }
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

/// The passes of a query: one, or three when it has a `name~` term.
pub(super) fn tiers(f: &Fields, pq: &ParsedQuery) -> Vec<Tier> {
    let degrees: &[Match] = if pq.names.is_empty() {
        &[Match::Exact]
    } else {
        &[Match::Exact, Match::Homophone, Match::Near]
    };
    degrees
        .iter()
        .map(|&degree| Tier {
            query: build(f, pq, degree),
            degree,
        })
        .collect()
}

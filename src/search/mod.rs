//! Full-text search over a case: a tantivy index derived from the case file,
//! kept in the user cache directory and brought up to date automatically.

pub mod analysis;
pub mod query;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value as _, FAST, INDEXED,
    STORED, STRING,
};
use tantivy::{
    DocAddress, DocId, Index, IndexReader, ReloadPolicy, Score, SegmentReader, TantivyDocument,
    Term,
};

use crate::case::Case;
use crate::error::{Error, Msg, Result};

/// Bumped when the index layout changes: an older index is rebuilt.
const INDEX_VERSION: u32 = 1;
const JIEBA: &str = "hecha_jieba";
const BIGRAM: &str = "hecha_bigram";

struct Fields {
    key: Field,
    kind: Field,
    source: Field,
    title: Field,
    ledger: Field,
    role: Field,
    row: Field,
    village: Field,
    years: Field,
    body: Field,
    words: Field,
    entities: Field,
    text: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let body_opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(BIGRAM)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let words_opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(JIEBA)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let f = Fields {
        key: b.add_text_field("key", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED | FAST),
        source: b.add_text_field("source", STORED),
        title: b.add_text_field("title", STORED),
        ledger: b.add_text_field("ledger", STRING | STORED | FAST),
        role: b.add_text_field("role", STRING | STORED),
        row: b.add_u64_field("row", STORED),
        village: b.add_text_field("village", STRING | STORED | FAST),
        years: b.add_u64_field("years", INDEXED | FAST | STORED),
        body: b.add_text_field("body", body_opts),
        words: b.add_text_field("words", words_opts),
        entities: b.add_text_field("entities", STRING),
        text: b.add_text_field("text", STORED),
    };
    (b.build(), f)
}

/// What the index holds, to tell whether the case changed since it was built.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
struct Manifest {
    version: u32,
    case_id: String,
    /// document id → sha256
    documents: BTreeMap<i64, String>,
    /// ledger id → (sha256, rows)
    ledgers: BTreeMap<i64, (String, i64)>,
}

/// The index directory of a case: `<cache>/index/<case id>`.
pub fn index_dir(case: &Case) -> Result<PathBuf> {
    // An encrypted case keeps its index in its private RAM directory.
    if let Some(ram) = case.ram_dir() {
        return Ok(ram.join("index"));
    }
    let dirs = directories::ProjectDirs::from("", "", "hecha")
        .ok_or_else(|| Error::from(Msg::new("search.no_cache_dir")))?;
    Ok(dirs.cache_dir().join("index").join(case.id()))
}

fn current_manifest(case: &Case) -> Result<Manifest> {
    let conn = case.conn();
    let mut m = Manifest {
        version: INDEX_VERSION,
        case_id: case.id().to_string(),
        ..Default::default()
    };
    let mut st = conn.prepare("SELECT id, sha256 FROM documents")?;
    m.documents = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    let mut st = conn.prepare("SELECT id, sha256, row_count FROM ledgers")?;
    m.ledgers = st
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                (r.get::<_, String>(1)?, r.get::<_, i64>(2)?),
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(m)
}

/// An open search index, up to date with its case.
pub struct SearchIndex {
    reader: IndexReader,
    f: Fields,
}

/// Progress while (re)indexing: items done and total.
pub type IndexProgress<'a> = &'a mut dyn FnMut(u64, u64);

fn tantivy_err(e: tantivy::TantivyError) -> Error {
    Error::from(Msg::new("search.index_failed").arg("detail", e))
}

fn register(index: &Index) {
    index
        .tokenizers()
        .register(JIEBA, tantivy_jieba::JiebaTokenizer::with_hmm(false));
    index
        .tokenizers()
        .register(BIGRAM, analysis::BigramTokenizer);
}

pub(crate) fn jieba() -> &'static tantivy_jieba::jieba_rs::Jieba {
    static J: std::sync::OnceLock<tantivy_jieba::jieba_rs::Jieba> = std::sync::OnceLock::new();
    J.get_or_init(tantivy_jieba::jieba_rs::Jieba::new)
}

impl SearchIndex {
    /// Opens the case's index, building or updating it first when the case
    /// changed since it was built (new documents and ledgers are added; a
    /// removed or altered one makes a full rebuild).
    pub fn open(case: &Case, progress: IndexProgress<'_>) -> Result<SearchIndex> {
        let dir = index_dir(case)?;
        Self::open_in(case, &dir, false, progress)
    }

    /// Rebuilds the index from scratch.
    pub fn rebuild(case: &Case, progress: IndexProgress<'_>) -> Result<SearchIndex> {
        let dir = index_dir(case)?;
        Self::open_in(case, &dir, true, progress)
    }

    pub fn open_in(
        case: &Case,
        dir: &Path,
        force: bool,
        progress: IndexProgress<'_>,
    ) -> Result<SearchIndex> {
        let (schema, f) = schema();
        let manifest_path = dir.join("hecha-manifest.json");
        let current = current_manifest(case)?;
        let old: Option<Manifest> = std::fs::read_to_string(&manifest_path)
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok());
        let reusable = !force
            && old.as_ref().is_some_and(|m| {
                m.version == INDEX_VERSION
                    && m.case_id == current.case_id
                    && m.documents
                        .iter()
                        .all(|(id, sha)| current.documents.get(id) == Some(sha))
                    && m.ledgers
                        .iter()
                        .all(|(id, v)| current.ledgers.get(id) == Some(v))
            });
        let index = if reusable {
            Index::open_in_dir(dir).ok()
        } else {
            None
        };
        let (index, old) = match index {
            Some(i) => (i, old.unwrap_or_default()),
            None => {
                if dir.exists() {
                    std::fs::remove_dir_all(dir)?;
                }
                std::fs::create_dir_all(dir)?;
                (
                    Index::create_in_dir(dir, schema).map_err(tantivy_err)?,
                    Manifest::default(),
                )
            }
        };
        register(&index);
        let new_docs: Vec<i64> = current
            .documents
            .keys()
            .filter(|id| !old.documents.contains_key(id))
            .copied()
            .collect();
        let new_ledgers: Vec<i64> = current
            .ledgers
            .keys()
            .filter(|id| !old.ledgers.contains_key(id))
            .copied()
            .collect();
        if !new_docs.is_empty() || !new_ledgers.is_empty() || old.case_id.is_empty() {
            let total = new_docs.len() as u64
                + new_ledgers
                    .iter()
                    .map(|id| current.ledgers.get(id).map(|v| v.1).unwrap_or(0) as u64)
                    .sum::<u64>();
            let mut writer = index
                .writer::<TantivyDocument>(200_000_000)
                .map_err(tantivy_err)?;
            let mut done = 0u64;
            let villages = known_villages(case)?;
            add_documents(case, &f, &mut writer, &new_docs, &villages, &mut |n| {
                done += n;
                progress(done, total);
            })?;
            for id in &new_ledgers {
                add_ledger(case, &f, &mut writer, *id, &mut |n| {
                    done += n;
                    progress(done, total);
                })?;
            }
            writer.commit().map_err(tantivy_err)?;
            writer.wait_merging_threads().map_err(tantivy_err)?;
            std::fs::write(
                &manifest_path,
                serde_json::to_string(&current).unwrap_or_default(),
            )?;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(tantivy_err)?;
        Ok(SearchIndex { reader, f })
    }

    /// Every indexed record's key and the exact text its `body` was built from
    /// (title and text for documents), for recall checks.
    pub fn searchable_texts(&self) -> Result<Vec<(String, String)>> {
        let searcher = self.reader.searcher();
        let docs = searcher
            .search(&AllQuery, &tantivy::collector::DocSetCollector)
            .map_err(tantivy_err)?;
        let mut out = Vec::with_capacity(docs.len());
        for addr in docs {
            let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
            let key = text_of(&d, self.f.key);
            let text = text_of(&d, self.f.text);
            let body = if key.starts_with("d:") {
                format!("{}\n{}", text_of(&d, self.f.title), text)
            } else {
                text
            };
            out.push((key, body));
        }
        out.sort();
        Ok(out)
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

fn known_villages(case: &Case) -> Result<Vec<String>> {
    let mut st = case.conn().prepare(
        "SELECT DISTINCT village FROM (SELECT village FROM v_households UNION ALL SELECT village FROM v_payments \
         UNION ALL SELECT village FROM v_cadres UNION ALL SELECT village FROM v_land UNION ALL SELECT village FROM v_complaints) \
         WHERE village IS NOT NULL AND length(village) >= 2",
    )?;
    let v = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<duckdb::Result<Vec<_>>>()?;
    Ok(v)
}

/// Adds the entity keywords (deduplicated) and the years a text mentions.
fn add_entities_and_years(
    doc: &mut TantivyDocument,
    f: &Fields,
    mut ents: Vec<String>,
    text: &str,
) {
    ents.sort();
    ents.dedup();
    for e in ents {
        doc.add_text(f.entities, e);
    }
    let mut years = Vec::new();
    analysis::years(text, &mut years);
    for y in years {
        doc.add_u64(f.years, y);
    }
}

fn add_documents(
    case: &Case,
    f: &Fields,
    writer: &mut tantivy::IndexWriter,
    ids: &[i64],
    villages: &[String],
    tick: &mut dyn FnMut(u64),
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut st = case
        .conn()
        .prepare("SELECT id, kind, title, source_file, text FROM documents WHERE id = ?")?;
    for id in ids {
        let (kind, title, source, text): (String, String, String, String) =
            st.query_row([id], |r| Ok((r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, format!("d:{id}"));
        doc.add_text(f.kind, &kind);
        doc.add_text(f.source, &source);
        doc.add_text(f.title, &title);
        let full = format!("{title}\n{text}");
        doc.add_text(f.body, &full);
        doc.add_text(f.words, &full);
        let mut ents = Vec::new();
        analysis::entities(&text, &mut ents);
        analysis::text_name_pinyin(&text, &mut ents);
        add_entities_and_years(&mut doc, f, ents, &text);
        for v in villages.iter().filter(|v| text.contains(String::as_str(v))) {
            doc.add_text(f.village, v);
        }
        doc.add_text(f.text, &text);
        writer.add_document(doc).map_err(tantivy_err)?;
        tick(1);
    }
    Ok(())
}

fn add_ledger(
    case: &Case,
    f: &Fields,
    writer: &mut tantivy::IndexWriter,
    id: i64,
    tick: &mut dyn FnMut(u64),
) -> Result<()> {
    let conn = case.conn();
    let (name, source, role, table, columns): (String, String, String, String, String) = conn
        .query_row(
            "SELECT name, source_file, role, table_name, columns FROM ledgers WHERE id = ?",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
    let cols: Vec<crate::ingest::ledger::Column> = serde_json::from_str::<Vec<ColumnIn>>(&columns)
        .unwrap_or_default()
        .into_iter()
        .map(|c| crate::ingest::ledger::Column {
            name: c.name,
            header: c.header,
            field: None,
        })
        .collect();
    let have: Vec<String> = {
        let mut st =
            conn.prepare("SELECT column_name FROM duckdb_columns() WHERE table_name = ?")?;
        let v = st
            .query_map([&table], |r| r.get::<_, String>(0))?
            .collect::<duckdb::Result<Vec<_>>>()?;
        v
    };
    let name_cols: Vec<&str> = ["n_name", "n_informant", "n_accused", "n_handler"]
        .into_iter()
        .filter(|c| have.iter().any(|h| h == c))
        .collect();
    let village_expr = if have.iter().any(|h| h == "n_village") {
        "n_village"
    } else {
        "NULL"
    };
    let mut select = vec![
        "_row".to_string(),
        format!("CAST({village_expr} AS VARCHAR)"),
    ];
    select.push(if name_cols.is_empty() {
        "CAST(NULL AS VARCHAR)".into()
    } else {
        format!("concat_ws(' ', {})", name_cols.join(", "))
    });
    select.extend(cols.iter().map(|c| crate::ingest::views::ident(&c.name)));
    let sql = format!(
        "SELECT {} FROM {} ORDER BY _row",
        select.join(", "),
        crate::ingest::views::ident(&table)
    );
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query([])?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        let row: i64 = r.get(0)?;
        let village: Option<String> = r.get(1)?;
        let names: Option<String> = r.get(2)?;
        let mut text = String::new();
        for (i, c) in cols.iter().enumerate() {
            let v: Option<String> = r.get(3 + i)?;
            if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
                if !text.is_empty() {
                    text.push_str(" | ");
                }
                text.push_str(&c.header);
                text.push('：');
                text.push_str(&v);
            }
        }
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, format!("r:{id}:{row}"));
        doc.add_text(f.kind, "ledger");
        doc.add_text(f.source, &source);
        doc.add_text(f.title, format!("{name} #{row}"));
        doc.add_text(f.ledger, &name);
        doc.add_text(f.role, &role);
        doc.add_u64(f.row, row as u64);
        if let Some(v) = &village {
            doc.add_text(f.village, v);
        }
        doc.add_text(f.body, &text);
        doc.add_text(f.words, &text);
        let mut ents = Vec::new();
        analysis::entities(&text, &mut ents);
        for nm in names
            .as_deref()
            .unwrap_or("")
            .split(' ')
            .filter(|s| !s.is_empty())
        {
            analysis::name_pinyin(nm, &mut ents);
        }
        add_entities_and_years(&mut doc, f, ents, &text);
        doc.add_text(f.text, &text);
        writer.add_document(doc).map_err(tantivy_err)?;
        n += 1;
        if n % 4096 == 0 {
            tick(4096);
        }
    }
    tick(n % 4096);
    Ok(())
}

#[derive(Deserialize)]
struct ColumnIn {
    name: String,
    header: String,
}

/// One search hit (the `--json` shape).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub source: String,
    pub kind: String,
    pub title: String,
    pub ledger: Option<String>,
    pub row: Option<u64>,
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
}

/// Hit counts by kind, ledger, village and year.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub kind: BTreeMap<String, u64>,
    pub ledger: BTreeMap<String, u64>,
    pub village: BTreeMap<String, u64>,
    pub year: BTreeMap<u64, u64>,
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
        Ok(Hit {
            source: text_of(&d, f.source),
            kind,
            title: text_of(&d, f.title),
            ledger,
            row,
            score,
            snippet,
            key: text_of(&d, f.key),
            highlights,
            text,
        })
    }
}

fn text_of(d: &TantivyDocument, field: Field) -> String {
    d.get_first(field)
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Every occurrence of each term in `text`, as char ranges, found on the folded
/// text so they are exact substrings (not loose tokens).
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let folded = analysis::fold(text);
    // byte offset → char index in the original
    let mut char_at: HashMap<usize, usize> = HashMap::new();
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        char_at.insert(bi, ci);
    }
    let total_chars = text.chars().count();
    let mut out = Vec::new();
    for t in terms {
        let q: Vec<char> = analysis::fold_str(t).chars().collect();
        if q.is_empty() || q.len() > folded.chars.len() {
            continue;
        }
        for i in 0..=folded.chars.len() - q.len() {
            if folded.chars[i..i + q.len()] == q[..] {
                let start = char_at.get(&folded.spans[i].0).copied().unwrap_or(0);
                let end_byte = folded.spans[i + q.len() - 1].1;
                let end = char_at.get(&end_byte).copied().unwrap_or(total_chars);
                out.push((start, end));
            }
        }
    }
    out.sort();
    // merge overlaps
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The best passage of about `width` characters (the window with the most
/// highlights), highlights marked with 【】.
pub fn snippet(text: &str, highlights: &[(usize, usize)], width: usize) -> String {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if chars.is_empty() {
        return String::new();
    }
    let mut best = (0usize, 0usize);
    for (i, (s, _)) in highlights.iter().enumerate() {
        let count = highlights[i..]
            .iter()
            .take_while(|(s2, _)| *s2 < s + width)
            .count();
        if count > best.1 {
            best = (*s, count);
        }
    }
    let start = best.0.saturating_sub(width / 4);
    let end = (start + width).min(chars.len());
    let start = end.saturating_sub(width).min(start);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut i = start;
    for (s, e) in highlights.iter().filter(|(s, e)| *e > start && *s < end) {
        let s = (*s).max(start);
        let e = (*e).min(end);
        out.extend(&chars[i..s]);
        out.push('【');
        out.extend(&chars[s..e]);
        out.push('】');
        i = e;
    }
    out.extend(&chars[i..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Counts hits by kind, ledger, village and year from fast fields.
struct FacetCollector;

struct SegmentFacets {
    kind: Option<tantivy::columnar::StrColumn>,
    ledger: Option<tantivy::columnar::StrColumn>,
    village: Option<tantivy::columnar::StrColumn>,
    years: Option<tantivy::columnar::Column<u64>>,
    kind_c: HashMap<u64, u64>,
    ledger_c: HashMap<u64, u64>,
    village_c: HashMap<u64, u64>,
    year_c: BTreeMap<u64, u64>,
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(&self, _ord: u32, reader: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let ff = reader.fast_fields();
        Ok(SegmentFacets {
            kind: ff.str("kind")?,
            ledger: ff.str("ledger")?,
            village: ff.str("village")?,
            years: ff.u64("years").ok(),
            kind_c: HashMap::new(),
            ledger_c: HashMap::new(),
            village_c: HashMap::new(),
            year_c: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Facets>) -> tantivy::Result<Facets> {
        let mut out = Facets::default();
        for f in fruits {
            for (k, v) in f.kind {
                *out.kind.entry(k).or_default() += v;
            }
            for (k, v) in f.ledger {
                *out.ledger.entry(k).or_default() += v;
            }
            for (k, v) in f.village {
                *out.village.entry(k).or_default() += v;
            }
            for (k, v) in f.year {
                *out.year.entry(k).or_default() += v;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Facets;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let count = |col: &Option<tantivy::columnar::StrColumn>, map: &mut HashMap<u64, u64>| {
            if let Some(c) = col {
                for ord in c.term_ords(doc) {
                    *map.entry(ord).or_default() += 1;
                }
            }
        };
        count(&self.kind, &mut self.kind_c);
        count(&self.ledger, &mut self.ledger_c);
        count(&self.village, &mut self.village_c);
        if let Some(y) = &self.years {
            for v in y.values_for_doc(doc) {
                *self.year_c.entry(v).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> Facets {
        let names = |col: &Option<tantivy::columnar::StrColumn>, map: HashMap<u64, u64>| {
            let mut out = BTreeMap::new();
            if let Some(c) = col {
                let mut s = String::new();
                for (ord, n) in map {
                    s.clear();
                    if c.ord_to_str(ord, &mut s).unwrap_or(false) {
                        *out.entry(s.clone()).or_default() += n;
                    }
                }
            }
            out
        };
        Facets {
            kind: names(&self.kind, self.kind_c),
            ledger: names(&self.ledger, self.ledger_c),
            village: names(&self.village, self.village_c),
            year: self.year_c,
        }
    }
}

/// Batch search: per-term counts and the best hits.
#[derive(Debug, Clone, Serialize)]
pub struct BatchRow {
    pub term: String,
    pub total: usize,
    pub hits: Vec<Hit>,
    pub error: Option<String>,
}

pub fn batch(index: &SearchIndex, terms: &[String], limit: usize) -> Vec<BatchRow> {
    terms
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| match index.search(t, limit) {
            Ok(r) => BatchRow {
                term: t.clone(),
                total: r.total,
                hits: r.hits,
                error: None,
            },
            Err(e) => BatchRow {
                term: t.clone(),
                total: 0,
                hits: Vec::new(),
                error: Some(e.to_string()),
            },
        })
        .collect()
}
#[cfg(test)]
mod tokenizer_tests {
    use super::*;
    #[test]
    fn both_custom_tokenizers_are_registered_for_their_fields() {
        let (schema, f) = schema();
        let index = Index::create_in_ram(schema);
        register(&index);
        let mut w = index.writer::<TantivyDocument>(50_000_000).unwrap();
        let mut doc = TantivyDocument::default();
        doc.add_text(f.body, "反映清水村张海山");
        doc.add_text(f.words, "反映清水村张海山");
        w.add_document(doc).unwrap();
        let r = w.commit();
        assert!(r.is_ok(), "{r:?}");
    }
}

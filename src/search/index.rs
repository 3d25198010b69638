//! The index on disk: where it lives, what it holds, and bringing it up to
//! date with its case.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

use super::feed::{add_documents, add_ledger};
use super::hits::text_of;
use super::schema::{register, schema, tantivy_err, Fields, INDEX_VERSION};
use crate::error::{Error, Result};
use crate::store::{self, Case};

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

/// The index directory of a case: `<cache>/index/<case id>` (an encrypted
/// case's: `<case id>.sealed`, every file in it encrypted).
pub fn index_dir(case: &Case) -> Result<PathBuf> {
    // A plaintext snapshot in RAM keeps its index beside it.
    if let Some(ram) = case.ram_dir() {
        return Ok(ram.join("index"));
    }
    let dirs = directories::ProjectDirs::from("", "", "hecha")
        .ok_or_else(|| Error::from(super::SearchError::NoCacheDir))?;
    let name = if case.index_key().is_some() {
        format!("{}.sealed", case.id())
    } else {
        case.id().to_string()
    };
    Ok(dirs.cache_dir().join("index").join(name))
}

const MANIFEST: &str = "hecha-manifest.json";

/// The index's folder: plain files, or encrypted ones under the case's key.
enum Place {
    Plain(PathBuf),
    Sealed(super::sealed::SealedDirectory),
}

impl Place {
    fn of(case: &Case, dir: &Path) -> Result<Place> {
        Ok(match case.index_key() {
            Some(key) => Place::Sealed(super::sealed::SealedDirectory::open(dir, key)?),
            None => Place::Plain(dir.to_path_buf()),
        })
    }

    fn manifest(&self) -> Option<Manifest> {
        let text = match self {
            Place::Plain(dir) => std::fs::read(dir.join(MANIFEST)).ok()?,
            Place::Sealed(d) => tantivy::Directory::atomic_read(d, Path::new(MANIFEST)).ok()?,
        };
        serde_json::from_slice(&text).ok()
    }

    fn write_manifest(&self, m: &Manifest) -> Result<()> {
        let text = serde_json::to_vec(m).unwrap_or_default();
        match self {
            Place::Plain(dir) => std::fs::write(dir.join(MANIFEST), text)?,
            Place::Sealed(d) => tantivy::Directory::atomic_write(d, Path::new(MANIFEST), &text)?,
        }
        Ok(())
    }

    fn open(&self) -> Option<Index> {
        match self {
            Place::Plain(dir) => Index::open_in_dir(dir).ok(),
            Place::Sealed(d) => Index::open(d.clone()).ok(),
        }
    }

    /// A new, empty index (whatever was there is removed).
    fn create(&self, dir: &Path, schema: tantivy::schema::Schema) -> Result<Index> {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
        std::fs::create_dir_all(dir)?;
        match self {
            Place::Plain(dir) => Index::create_in_dir(dir, schema).map_err(tantivy_err),
            Place::Sealed(d) => Index::create(d.clone(), schema, tantivy::IndexSettings::default())
                .map_err(tantivy_err),
        }
    }
}

fn current_manifest(case: &Case) -> Result<Manifest> {
    let (documents, ledgers) = store::search_feed::contents(case)?;
    Ok(Manifest {
        version: INDEX_VERSION,
        case_id: case.id().to_string(),
        documents,
        ledgers,
    })
}

/// An open search index, up to date with its case.
pub struct SearchIndex {
    pub(super) reader: IndexReader,
    pub(super) f: Fields,
}

/// Progress while (re)indexing: items done and total.
pub type IndexProgress<'a> = &'a mut dyn FnMut(u64, u64);

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
        let place = Place::of(case, dir)?;
        let current = current_manifest(case)?;
        let old: Option<Manifest> = place.manifest();
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
        let index = if reusable { place.open() } else { None };
        let (index, old) = match index {
            Some(i) => (i, old.unwrap_or_default()),
            None => (place.create(dir, schema)?, Manifest::default()),
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
            // 600 MB shared by tantivy's indexing threads (one per core):
            // at 200 MB a 1M-record rebuild took 29.6 s, at 600 MB 24.5 s
            // (fewer, larger segments to flush and merge), peak RSS 536 →
            // 765 MiB.
            let mut writer = index
                .writer::<TantivyDocument>(600_000_000)
                .map_err(tantivy_err)?;
            let mut done = 0u64;
            let villages = store::search_feed::known_villages(case)?;
            case.with_memory_limit(store::search_feed::INDEX_FEED_MEMORY_MB, || {
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
                Ok::<_, crate::error::Error>(())
            })?;
            writer.commit().map_err(tantivy_err)?;
            writer.wait_merging_threads().map_err(tantivy_err)?;
            place.write_manifest(&current)?;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(tantivy_err)?;
        Ok(SearchIndex { reader, f })
    }

    /// Every indexed record's key and the exact text its `body` was built from
    /// (title and text for documents, the cell values for ledger rows), for
    /// recall checks.
    pub fn searchable_texts(&self) -> Result<Vec<(String, String)>> {
        let searcher = self.reader.searcher();
        let docs = searcher
            .search(&AllQuery, &DocSetCollector)
            .map_err(tantivy_err)?;
        let mut out = Vec::with_capacity(docs.len());
        for addr in docs {
            let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
            let key = text_of(&d, self.f.key);
            let text = text_of(&d, self.f.text);
            let body = if key.starts_with("d:") {
                format!("{}\n{}", text_of(&d, self.f.title), text)
            } else {
                super::feed::row_values(&text)
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

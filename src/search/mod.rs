//! Full-text search over a case: a tantivy index derived from the case file,
//! kept in the user cache directory and brought up to date automatically.

pub mod amounts;
pub mod analysis;
mod batch;
mod error;
mod facets;
mod feed;
mod hits;
mod index;
pub mod mentions;
pub mod names;
mod near;
mod plan;
pub mod query;
mod schema;
mod sealed;
mod snippet;
mod verify;
pub mod watch;

pub use batch::{batch, BatchRow};
pub use error::SearchError;
pub use facets::Facets;
pub use hits::{highlights, Hit, HitPage, SearchOptions, SearchResult};
pub use index::{index_dir, IndexProgress, SearchIndex};
pub(crate) use schema::jieba;
pub use snippet::{highlight_ranges, snippet};

#[cfg(test)]
mod tokenizer_tests {
    use super::schema::{register, schema};
    use tantivy::{Index, TantivyDocument};
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

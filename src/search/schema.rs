//! The index layout: fields, tokenizers, and index errors.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::Index;

use super::analysis;
use crate::error::Error;

/// Bumped when the index layout changes: an older index is rebuilt.
pub(super) const INDEX_VERSION: u32 = 4;
const JIEBA: &str = "hecha_jieba";
const BIGRAM: &str = "hecha_bigram";

pub(super) struct Fields {
    pub(super) key: Field,
    pub(super) kind: Field,
    pub(super) source: Field,
    pub(super) title: Field,
    pub(super) ledger: Field,
    pub(super) role: Field,
    pub(super) row: Field,
    pub(super) village: Field,
    pub(super) years: Field,
    pub(super) body: Field,
    pub(super) words: Field,
    pub(super) entities: Field,
    /// The ID, phone, card and amount keywords again, as a fast field for facets.
    pub(super) mentions: Field,
    pub(super) text: Field,
    /// A paged document's pages as JSON `[[start_char, page_no, ocr], …]`.
    pub(super) pages: Field,
}

pub(super) fn schema() -> (Schema, Fields) {
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
        mentions: b.add_text_field("mentions", STRING | FAST),
        text: b.add_text_field("text", STORED),
        pages: b.add_text_field("pages", STORED),
    };
    (b.build(), f)
}

pub(super) fn tantivy_err(e: tantivy::TantivyError) -> Error {
    Error::from(super::SearchError::Index {
        detail: e.to_string(),
    })
}

pub(super) fn register(index: &Index) {
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

//! What search refuses or fails at, one variant per failure.

use crate::error::Msg;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("{}", self.msg())]
    UnclosedQuote { query: String },
    /// A filter (`kind:…`) cannot be negated.
    #[error("{}", self.msg())]
    NegatedFilter { filter: String },
    #[error("{}", self.msg())]
    EmptyFilter { filter: String },
    #[error("{}", self.msg())]
    BadKind { value: String },
    #[error("{}", self.msg())]
    BadDate { value: String },
    /// A term with nothing searchable in it (only punctuation).
    #[error("{}", self.msg())]
    EmptyTerm { term: String },
    #[error("{}", self.msg())]
    EmptyQuery,
    #[error("{}", self.msg())]
    BadPattern { pattern: String, detail: String },
    #[error("{}", self.msg())]
    NegatedPattern { pattern: String },
    /// `NEAR/N` without a term on each side.
    #[error("{}", self.msg())]
    NearNeedsTerms { query: String },
    #[error("{}", self.msg())]
    BadNear { value: String },
    #[error("{}", self.msg())]
    NoCacheDir,
    /// tantivy failed reading or writing the index.
    #[error("{}", self.msg())]
    Index { detail: String },
}

impl SearchError {
    /// The failure as a catalogue message.
    pub fn msg(&self) -> Msg {
        use SearchError::*;
        match self {
            UnclosedQuote { query } => Msg::new("search.unclosed_quote").arg("query", query),
            NegatedFilter { filter } => Msg::new("search.negated_filter").arg("filter", filter),
            EmptyFilter { filter } => Msg::new("search.empty_filter").arg("filter", filter),
            BadKind { value } => Msg::new("search.bad_kind").arg("value", value),
            BadDate { value } => Msg::new("search.bad_date").arg("value", value),
            EmptyTerm { term } => Msg::new("search.empty_term").arg("term", term),
            EmptyQuery => Msg::new("search.empty_query"),
            BadPattern { pattern, detail } => Msg::new("search.bad_pattern")
                .arg("pattern", pattern)
                .arg("detail", detail),
            NegatedPattern { pattern } => {
                Msg::new("search.negated_pattern").arg("pattern", pattern)
            }
            NearNeedsTerms { query } => Msg::new("search.near_terms").arg("query", query),
            BadNear { value } => Msg::new("search.bad_near")
                .arg("value", value)
                .arg("max", super::query::MAX_NEAR),
            NoCacheDir => Msg::new("search.no_cache_dir"),
            Index { detail } => Msg::new("search.index_failed").arg("detail", detail),
        }
    }
}

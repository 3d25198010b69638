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
            NoCacheDir => Msg::new("search.no_cache_dir"),
            Index { detail } => Msg::new("search.index_failed").arg("detail", detail),
        }
    }
}

//! Batch search: per-term counts and the best hits.

use serde::Serialize;

use super::{Hit, SearchIndex};

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

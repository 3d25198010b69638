//! Findings of the cross-checks and the runs that produced them.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::{Decision, Fen};

/// How a finding compares with the previous run of its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingChange {
    New,
    Changed,
    Same,
}

impl FindingChange {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingChange::New => "new",
            FindingChange::Changed => "changed",
            FindingChange::Same => "same",
        }
    }

    /// A stored code back; anything unknown reads as new.
    pub fn from_code(s: &str) -> FindingChange {
        match s {
            "changed" => FindingChange::Changed,
            "same" => FindingChange::Same,
            _ => FindingChange::New,
        }
    }
}

impl PartialEq<&str> for FindingChange {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for FindingChange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Subject {
    pub kind: String,
    pub key: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, serde::Deserialize)]
pub struct Evidence {
    pub ledger: String,
    pub file: String,
    pub row: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Review {
    pub status: Decision,
    pub reason: String,
    pub reviewed_at: String,
    pub reviewer: String,
}

/// One finding (the `--json` shape, plus change and review).
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub id: String,
    pub rule: String,
    pub subject: Subject,
    #[serde(skip)]
    pub scope: String,
    pub name: String,
    pub amount: Option<Fen>,
    pub evidence: Vec<Evidence>,
    pub detail: serde_json::Map<String, serde_json::Value>,
    pub text: String,
    /// Against the previous run of its rule.
    pub change: FindingChange,
    pub review: Option<Review>,
}

/// One rule's part of a run. `skipped` and `error` are shown in the UI
/// language; the case stores them as codes (see `checks::engine`).
#[derive(Debug, Clone, Serialize)]
pub struct RuleRun {
    pub id: String,
    pub title: String,
    pub version: i32,
    pub findings: usize,
    pub amount: Option<Fen>,
    pub ms: u64,
    pub skipped: Option<String>,
    pub error: Option<String>,
    pub params: BTreeMap<String, String>,
    pub new: usize,
    pub changed: usize,
    pub gone: Vec<String>,
}

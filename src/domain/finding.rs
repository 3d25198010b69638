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

/// What a finding rests on: a ledger row, or lines of a document.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, serde::Deserialize)]
#[serde(untagged)]
pub enum Evidence {
    /// Row `row` (1-based, as in the file) of ledger `ledger`, imported from `file`.
    Row {
        ledger: String,
        file: String,
        row: i64,
    },
    /// Lines `line..=line_end` (1-based; 0 = the whole document) of document
    /// `document`, imported from `file`; `quote` is the first line concerned.
    Document {
        document: i64,
        file: String,
        title: String,
        line: u32,
        line_end: u32,
        quote: String,
    },
}

impl Evidence {
    /// The ledger and row, for a row.
    pub fn row(&self) -> Option<(&str, i64)> {
        match self {
            Evidence::Row { ledger, row, .. } => Some((ledger, *row)),
            Evidence::Document { .. } => None,
        }
    }

    /// The source file's name.
    pub fn file(&self) -> &str {
        match self {
            Evidence::Row { file, .. } | Evidence::Document { file, .. } => file,
        }
    }

    /// One line for lists: `发放台账 #12 (发放.csv)` or `谈话笔录-张三.txt 第 3–5 行`.
    pub fn label(&self) -> String {
        match self {
            Evidence::Row { ledger, file, row } => format!("{ledger} #{row}  ({file})"),
            Evidence::Document {
                file,
                line,
                line_end,
                ..
            } => match (*line, *line_end) {
                (0, _) => file.clone(),
                (a, b) if b > a => {
                    crate::tr!("checks.evidence_lines", file = file, from = a, to = b)
                }
                (a, _) => crate::tr!("checks.evidence_line", file = file, line = a),
            },
        }
    }
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

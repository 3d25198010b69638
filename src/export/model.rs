//! The case summary: one model that every format renders.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Header {
    pub title: String,
    pub case_id: String,
    pub case_no: Option<String>,
    pub officer: Option<String>,
    pub as_of: String,
    pub created_at: String,
    pub exported_at: String,
    /// The allegation the summary is limited to, if any.
    pub scope: Option<String>,
    pub redacted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Count {
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Overview {
    pub letters: i64,
    pub transcripts: i64,
    pub ledgers: i64,
    pub ledger_rows: i64,
    pub allegations: i64,
    pub allegations_by_status: Vec<Count>,
    pub findings: i64,
    pub confirmed: i64,
    pub dismissed: i64,
    pub unreviewed: i64,
    /// Sum of all findings' amounts (yuan, two decimals).
    pub amount: String,
    pub confirmed_amount: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EvidenceItem {
    /// E-001…
    pub no: String,
    /// supports / contradicts / relates, in the export's language.
    pub relation: String,
    /// finding / document / row / person / allegation
    pub kind: String,
    /// What it is: a finding's rule and subject, a document's title, a ledger and row…
    pub description: String,
    pub quote: Option<String>,
    pub file: Option<String>,
    /// The first 12 hex digits of the source file's SHA-256.
    pub sha256: Option<String>,
    pub row: Option<i64>,
    pub note: Option<String>,
    /// The page a quote of a paged document is on (1-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The quote's char span in the document's text (paged documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<(u64, u64)>,
    /// The quoted text was recognised by OCR: to be checked against the original.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ocr: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AllegationPart {
    pub id: i64,
    pub title: String,
    pub text: Option<String>,
    pub source: Option<String>,
    pub status: String,
    pub reason: Option<String>,
    pub amount: Option<String>,
    pub evidence: Vec<EvidenceItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunPart {
    pub id: i64,
    pub started_at: String,
    pub as_of: String,
    /// The first 16 hex digits of the data fingerprint.
    pub fingerprint: String,
    pub hecha_version: String,
    pub rules: i64,
    pub findings: i64,
    /// Rule parameters of the run (`rule.param=value`), where a rule has any.
    pub params: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FindingPart {
    pub id: String,
    pub subject: String,
    pub id_number: Option<String>,
    pub amount: Option<String>,
    /// confirmed / dismissed / unreviewed, in the export's language.
    pub review: String,
    pub reason: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RulePart {
    pub rule: String,
    pub title: String,
    pub count: i64,
    pub amount: String,
    pub confirmed_amount: String,
    pub findings: Vec<FindingPart>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Totals {
    pub amount: String,
    pub confirmed: String,
    pub unreviewed: String,
    pub dismissed: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OpenFinding {
    pub id: String,
    pub rule: String,
    pub subject: String,
    pub amount: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OpenAllegation {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OpenItems {
    pub unreviewed_findings: Vec<OpenFinding>,
    pub pending_allegations: Vec<OpenAllegation>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AuditPart {
    pub entries: i64,
    pub head_hash: String,
}

/// The case summary: every renderer reads only this.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub header: Header,
    pub overview: Overview,
    pub allegations: Vec<AllegationPart>,
    pub runs: Vec<RunPart>,
    pub rules: Vec<RulePart>,
    pub totals: Totals,
    pub open_items: OpenItems,
    pub audit: AuditPart,
}

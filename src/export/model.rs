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

/// One deadline of a clue, as the register part shows it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DeadlinePart {
    pub what: String,
    pub due: String,
    pub done_on: Option<String>,
    /// 按期完成 / 超期完成 / 逾期未办 / 临期 / 进行中, in the export's language.
    pub state: String,
    /// Missed: overdue, or met after its due day.
    pub missed: bool,
}

/// One clue of the register (问题线索台账).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CluePart {
    pub number: String,
    pub title: String,
    pub source: String,
    pub received: String,
    /// 实名（举报人：…）or 匿名 — the name is redacted with the rest.
    pub informant: String,
    pub subjects: String,
    pub officer: Option<String>,
    pub disposition: Option<String>,
    /// The status with the outcome and sanction, in words.
    pub status: String,
    pub form: Option<String>,
    /// `2024-04-10 处置：谈话函询`, in order.
    pub events: Vec<String>,
    pub deadlines: Vec<DeadlinePart>,
    /// The problems raised (allegation ids).
    pub problems: Vec<i64>,
}

/// One node of a subject's relationship graph.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GraphNode {
    /// person / household / account / cash / post / program / finding / document
    pub kind: String,
    pub label: String,
}

/// One edge, between nodes by their index (labels are redacted, ids are not kept).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GraphEdge {
    pub from: usize,
    pub to: usize,
    /// member / holds / serves / paid / transfer / about / names
    pub kind: String,
    /// The edge's words in the export's language (户主; 发放台账、银行流水; 2 笔).
    pub label: String,
    /// Yuan, exact.
    pub amount: Option<String>,
}

/// The relationship graph around one subject (the HTML draws it as SVG; the
/// other formats list its edges).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GraphPart {
    /// The subject: name and ID number.
    pub title: String,
    pub root: usize,
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
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
    /// The clue register, most urgent first (a summary of one allegation: its clue).
    #[serde(default)]
    pub register: Vec<CluePart>,
    /// The subjects' relationship graphs (clue subjects, then the people of
    /// the findings, most money first).
    #[serde(default)]
    pub graphs: Vec<GraphPart>,
}

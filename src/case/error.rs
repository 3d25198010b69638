//! What casework refuses, one variant per failure, read through the catalogue.

use crate::error::Msg;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("{}", self.msg())]
    TitleRequired,
    #[error("{}", self.msg())]
    NoAllegation { id: i64 },
    #[error("{}", self.msg())]
    NoClue { id: i64 },
    #[error("{}", self.msg())]
    BadStatus { value: String },
    #[error("{}", self.msg())]
    ReasonRequired,
    #[error("{}", self.msg())]
    BadAmount { value: String },
    /// Not `KIND:REF` with a known kind.
    #[error("{}", self.msg())]
    BadItem { value: String },
    #[error("{}", self.msg())]
    EmptyText,
    #[error("{}", self.msg())]
    BadRelation { value: String },
    #[error("{}", self.msg())]
    UnknownFinding { id: String },
    #[error("{}", self.msg())]
    NoDocument { file: String },
    #[error("{}", self.msg())]
    QuoteNotFound { quote: String, file: String },
    /// `--page` on a document without pages.
    #[error("{}", self.msg())]
    NotPaged { doc: String },
    #[error("{}", self.msg())]
    NoPage { doc: String, page: u32, pages: u32 },
    /// Not `LEDGER:ROW`.
    #[error("{}", self.msg())]
    BadRow { value: String },
    #[error("{}", self.msg())]
    NoLedger { ledger: String },
    #[error("{}", self.msg())]
    NoRow { ledger: String, row: i64 },
    #[error("{}", self.msg())]
    BadPerson { value: String },
    #[error("{}", self.msg())]
    SelfLink,
    #[error("{}", self.msg())]
    NoLink { id: i64 },
    #[error("{}", self.msg())]
    NothingToSet,
    #[error("{}", self.msg())]
    EvidenceNeedsAllegation,
    #[error("{}", self.msg())]
    BadEvidenceType { value: String },
    #[error("{}", self.msg())]
    BadOriginal { value: String },
    #[error("{}", self.msg())]
    NothingToUndo,
    /// The change was logged before changes recorded what they replaced.
    #[error("{}", self.msg())]
    UndoNoPriorState { seq: i64, action: String },
    /// What the change touched is no longer in the case.
    #[error("{}", self.msg())]
    UndoGone { seq: i64, action: String },
}

impl CaseError {
    /// The failure as a catalogue message.
    pub fn msg(&self) -> Msg {
        use CaseError::*;
        match self {
            TitleRequired => Msg::new("casework.title_required"),
            NoAllegation { id } => Msg::new("casework.no_allegation").arg("id", id),
            NoClue { id } => Msg::new("register.no_clue").arg("id", id),
            BadStatus { value } => Msg::new("casework.bad_status").arg("value", value),
            ReasonRequired => Msg::new("checks.reason_required"),
            BadAmount { value } => Msg::new("casework.bad_amount").arg("value", value),
            BadItem { value } => Msg::new("casework.bad_on").arg("value", value),
            EmptyText => Msg::new("casework.empty_note"),
            BadRelation { value } => Msg::new("casework.bad_relation").arg("value", value),
            UnknownFinding { id } => Msg::new("checks.unknown_finding").arg("id", id),
            NoDocument { file } => Msg::new("casework.no_document").arg("source", file),
            QuoteNotFound { quote, file } => Msg::new("casework.quote_not_found")
                .arg("quote", quote)
                .arg("source", file),
            NotPaged { doc } => Msg::new("page.not_paged").arg("doc", doc),
            NoPage { doc, page, pages } => Msg::new("page.no_page")
                .arg("doc", doc)
                .arg("page", page)
                .arg("pages", pages),
            BadRow { value } => Msg::new("casework.bad_row").arg("value", value),
            NoLedger { ledger } => Msg::new("casework.no_ledger").arg("ledger", ledger),
            NoRow { ledger, row } => Msg::new("casework.no_row")
                .arg("ledger", ledger)
                .arg("row", row),
            BadPerson { value } => Msg::new("casework.bad_person").arg("value", value),
            SelfLink => Msg::new("casework.self_link"),
            NoLink { id } => Msg::new("casework.no_link").arg("id", id),
            NothingToSet => Msg::new("casework.nothing_to_set"),
            EvidenceNeedsAllegation => Msg::new("casework.evidence_needs_allegation"),
            BadEvidenceType { value } => Msg::new("casework.bad_evidence_type")
                .arg("value", value)
                .arg(
                    "types",
                    crate::domain::EvidenceType::ALL
                        .map(|t| format!("{}（{}）", t.code(), t.chinese()))
                        .join("、"),
                ),
            BadOriginal { value } => Msg::new("casework.bad_original").arg("value", value),
            NothingToUndo => Msg::new("casework.nothing_to_undo"),
            UndoNoPriorState { seq, action } => Msg::new("casework.undo_no_prior")
                .arg("seq", seq)
                .arg("action", action),
            UndoGone { seq, action } => Msg::new("casework.undo_gone")
                .arg("seq", seq)
                .arg("action", action),
        }
    }
}

//! Undo of the last casework change (a link added or removed, a review, an
//! allegation's status, a note): a compensating change, audited like any
//! other — the audit log is never rewritten. Undo again to go further back.

use super::CaseError;
use crate::domain::{AllegationStatus, Decision};
use crate::error::{Msg, Result};
use crate::store::undo::{self, Refusal, Reverted};
use crate::store::Case;

/// What an undo reversed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    /// The audit entry that was undone.
    pub seq: i64,
    pub what: Reverted,
}

impl Undone {
    /// The status-line sentence, in the UI language.
    pub fn msg(&self) -> Msg {
        let seq = self.seq;
        match &self.what {
            Reverted::LinkRemoved { link } => Msg::new("casework.undone_link").arg("id", link),
            Reverted::LinkRestored { link } => Msg::new("casework.undone_unlink").arg("id", link),
            Reverted::Review { finding, status } => {
                let state = match status.as_deref().and_then(Decision::from_code) {
                    Some(d) => d.label(),
                    None => crate::tr!("casework.unreviewed"),
                };
                Msg::new("casework.undone_review")
                    .arg("finding", finding)
                    .arg("status", state)
            }
            Reverted::Status { allegation, status } => Msg::new("casework.undone_status")
                .arg("id", allegation)
                .arg("status", AllegationStatus::from_stored(status).label()),
            Reverted::NoteRemoved { note } => Msg::new("casework.undone_note").arg("id", note),
        }
        .arg("seq", seq)
    }
}

/// Undoes the latest change not yet undone.
pub fn undo_last(case: &Case) -> Result<Undone> {
    let Some(last) = undo::last_undoable(case)? else {
        return Err(CaseError::NothingToUndo.into());
    };
    match undo::revert(case, &last)? {
        Ok(what) => Ok(Undone {
            seq: last.seq,
            what,
        }),
        Err(Refusal::NoPriorState { seq, action }) => {
            Err(CaseError::UndoNoPriorState { seq, action }.into())
        }
        Err(Refusal::Gone { seq, action }) => Err(CaseError::UndoGone { seq, action }.into()),
    }
}

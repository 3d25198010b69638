//! Whether each problem of a clue rests on enough evidence, as a county
//! reviewer asks (事实是否清楚，证据是否确实充分): a verdict of 属实 with nothing
//! behind it, a single item (孤证), only the subject's own statements, only
//! complaint material, a contradicting item left unanswered, a linked
//! finding nobody reviewed.

use std::collections::HashSet;

use serde::Serialize;

use crate::case::{Allegation, NotesByItem};
use crate::domain::{AllegationStatus, EvidenceType, Relation};
use crate::error::Result;
use crate::store::{self, Case};
use crate::tr;

/// One sufficiency warning about one problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `no-evidence`, `single-item`, `statement-only`, `letter-only`,
    /// `contradiction`, `unreviewed-finding`.
    pub code: &'static str,
    pub problem: i64,
    /// The catalogue numbers concerned (E-002 …).
    pub items: Vec<String>,
    /// The warning in the UI language.
    pub text: String,
}

/// What the warnings read besides the problems: reviews and notes.
pub struct Facts {
    reviewed: HashSet<String>,
    notes: NotesByItem,
}

impl Facts {
    pub fn load(case: &Case) -> Result<Facts> {
        Ok(Facts {
            reviewed: store::reviews::all(case)?.into_keys().collect(),
            notes: crate::case::all_notes(case)?,
        })
    }

    /// A note on `kind:reference` written at or after `at` (minutes).
    fn noted_since(&self, kind: &str, reference: &str, at: &str) -> bool {
        self.notes
            .get(&(kind.to_string(), reference.to_string()))
            .is_some_and(|ns| ns.iter().any(|n| n.at.as_str() >= at))
    }
}

/// The warnings about problem `p`, in a fixed order.
pub fn check(p: &Allegation, facts: &Facts) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut warn = |code: &'static str, items: Vec<String>| {
        let text = tr!(
            &format!("register.warning.{code}"),
            title = p.title,
            items = items.join("、")
        );
        out.push(Warning {
            code,
            problem: p.id,
            items,
            text,
        });
    };
    let supports: Vec<_> = p
        .evidence
        .iter()
        .filter(|e| e.relation == Relation::Supports)
        .collect();
    let proof: Vec<_> = supports
        .iter()
        .filter(|e| e.evidence_type.is_none_or(EvidenceType::is_evidence))
        .collect();
    let nos = |v: &[&&crate::case::CatalogueEntry]| v.iter().map(|e| e.no.to_string()).collect();
    let found = matches!(p.status, AllegationStatus::True | AllegationStatus::Partly);
    if found && proof.is_empty() {
        warn("no-evidence", Vec::new());
    }
    if proof.len() == 1 {
        warn("single-item", nos(&proof));
    }
    if !proof.is_empty()
        && proof
            .iter()
            .all(|e| e.evidence_type == Some(EvidenceType::SubjectStatement))
    {
        warn("statement-only", nos(&proof));
    }
    if !supports.is_empty() && proof.is_empty() {
        let letters: Vec<_> = supports.iter().collect();
        warn("letter-only", nos(&letters));
    }
    let problem = p.id.to_string();
    let unanswered: Vec<String> = p
        .evidence
        .iter()
        .filter(|e| e.relation == Relation::Contradicts)
        .filter(|e| {
            // Notes are kept to the minute.
            let since = e.created_at.get(..16).unwrap_or(&e.created_at);
            let answered = e.note.as_deref().is_some_and(|n| !n.trim().is_empty())
                || facts.noted_since("allegation", &problem, since)
                || facts.noted_since(&e.kind, &e.reference, since)
                // A verdict given after the contradicting item came in.
                || (p.status != AllegationStatus::Pending && p.updated_at > e.created_at);
            !answered
        })
        .map(|e| e.no.to_string())
        .collect();
    if !unanswered.is_empty() {
        warn("contradiction", unanswered);
    }
    let unreviewed: Vec<String> = p
        .evidence
        .iter()
        .filter(|e| e.kind == "finding" && !facts.reviewed.contains(&e.reference))
        .map(|e| e.no.to_string())
        .collect();
    if !unreviewed.is_empty() {
        warn("unreviewed-finding", unreviewed);
    }
    out
}

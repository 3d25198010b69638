//! The clue register part of the summary: each clue with its disposition,
//! stages and deadlines met or missed, in the export's language.

use super::model::{CluePart, DeadlinePart};
use crate::domain::ClueSource;
use crate::error::Result;
use crate::register::{self, DeadlineState};
use crate::store::Case;
use crate::tr;

/// The register, or only the clue holding allegation `scope`.
pub(super) fn parts(case: &Case, scope: Option<i64>) -> Result<Vec<CluePart>> {
    let reg = register::load(case, None)?;
    Ok(reg
        .clues
        .iter()
        .filter(|c| scope.is_none_or(|id| c.problems.iter().any(|p| p.id == id)))
        .map(|c| {
            let status = c.status_text();
            CluePart {
                number: c.number.clone(),
                title: c.title.clone(),
                source: ClueSource::parse(&c.source)
                    .map(|s| s.label())
                    .unwrap_or_else(|| c.source.clone()),
                received: c.received.clone(),
                informant: if c.real_name {
                    tr!(
                        "export.informant_real",
                        informant = c.informant.clone().unwrap_or_default()
                    )
                } else {
                    tr!("register.show_anonymous")
                },
                subjects: c.subject_names(),
                officer: c.officer.clone(),
                disposition: c.disposition.map(|d| d.label()),
                status,
                form: c.form.map(|f| f.label()),
                events: c
                    .events
                    .iter()
                    .map(|e| {
                        let label = e.label();
                        let detail = e.decisions();
                        if detail.is_empty() {
                            format!("{} {label}", e.date)
                        } else {
                            format!("{} {label}：{}", e.date, detail.join("，"))
                        }
                    })
                    .collect(),
                deadlines: c
                    .deadlines
                    .iter()
                    .map(|d| DeadlinePart {
                        what: d.what.label(),
                        due: d.due.clone(),
                        done_on: d.done_on.clone(),
                        state: match (d.state, d.late) {
                            (DeadlineState::Done, false) => tr!("export.deadline_met"),
                            (DeadlineState::Done, true) => tr!("export.deadline_late"),
                            (DeadlineState::Overdue, _) => tr!("export.deadline_missed"),
                            (s, _) => s.label(),
                        },
                        missed: d.late || d.state == DeadlineState::Overdue,
                    })
                    .collect(),
                problems: c.problems.iter().map(|p| p.id).collect(),
            }
        })
        .collect())
}

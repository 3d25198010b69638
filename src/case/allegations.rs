//! Allegations (问题线索): creating them and recording what they turned out to be.

use super::CaseError;
use crate::domain::{AllegationStatus, Fen};
use crate::error::{Error, Result};
use crate::normalise as norm;
use crate::store::{self, Case};

pub use crate::store::allegations::{Allegation, CatalogueEntry};

/// Creates an allegation (a problem raised) in a clue of its own, received
/// today (群众举报); returns its id. `hecha clue` and the register refine the clue.
pub fn allege(case: &Case, title: &str, text: Option<&str>, source: Option<&str>) -> Result<i64> {
    allege_in(case, None, title, text, source)
}

/// Creates an allegation under clue `clue`, or in a new clue when `None`.
pub fn allege_in(
    case: &Case,
    clue: Option<i64>,
    title: &str,
    text: Option<&str>,
    source: Option<&str>,
) -> Result<i64> {
    let title = title.trim();
    if title.is_empty() {
        return Err(CaseError::TitleRequired.into());
    }
    if let Some(c) = clue {
        if store::clues::get(case.reads(), c)?.is_none() {
            return Err(CaseError::NoClue { id: c }.into());
        }
    }
    case.write("allegation.create", |tx| {
        let (clue, number) = match clue {
            Some(c) => (c, None),
            None => {
                let today = store::today();
                let (c, n) = store::clues::insert(
                    tx,
                    &store::clues::NewClue {
                        title: title.to_string(),
                        source: "report".into(),
                        received: today.to_string(),
                        ..Default::default()
                    },
                    today.y,
                )?;
                (c, Some(n))
            }
        };
        let id = store::allegations::insert_in(tx, title, text, source, Some(clue))?;
        Ok::<_, Error>((
            id,
            serde_json::json!({ "id": id, "title": title, "text": text, "source": source, "clue": clue, "clue_number": number }),
        ))
    })
}

/// The title of allegation `id`, or a clear error when there is none.
pub(crate) fn title_of(case: &Case, id: i64) -> Result<String> {
    store::allegations::title(case, id)?.ok_or_else(|| Error::from(CaseError::NoAllegation { id }))
}

/// Sets an allegation's status (with a reason) and, optionally, the amount
/// involved (违纪金额, as the user wrote it: `1,050元`, `1050.00` …).
pub fn set_status(
    case: &Case,
    id: i64,
    status: &str,
    reason: &str,
    amount: Option<&str>,
) -> Result<()> {
    title_of(case, id)?;
    let status = AllegationStatus::parse(status).ok_or_else(|| {
        Error::from(CaseError::BadStatus {
            value: status.to_string(),
        })
    })?;
    if reason.trim().is_empty() {
        return Err(CaseError::ReasonRequired.into());
    }
    let amount = match amount {
        Some(a) => Some(
            norm::parse_amount_fen(a)
                .ok()
                .flatten()
                .map(Fen)
                .ok_or_else(|| {
                    Error::from(CaseError::BadAmount {
                        value: a.to_string(),
                    })
                })?,
        ),
        None => None,
    };
    store::allegations::set_status(case, id, status, reason.trim(), amount)
}

/// Every allegation with its evidence catalogue (removed links left out, numbers kept).
/// Each entry's evidence type is as set, or as its item suggests.
pub fn allegations(case: &Case) -> Result<Vec<Allegation>> {
    let mut all = store::allegations::list(case)?;
    super::evidence::fill_suggestions(case, &mut all)?;
    Ok(all)
}

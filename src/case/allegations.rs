//! Allegations (问题线索): creating them and recording what they turned out to be.

use super::CaseError;
use crate::domain::{AllegationStatus, Fen};
use crate::error::{Error, Result};
use crate::normalise as norm;
use crate::store::{self, Case};

pub use crate::store::allegations::{Allegation, CatalogueEntry};

/// Creates an allegation; returns its id.
pub fn allege(case: &Case, title: &str, text: Option<&str>, source: Option<&str>) -> Result<i64> {
    let title = title.trim();
    if title.is_empty() {
        return Err(CaseError::TitleRequired.into());
    }
    store::allegations::insert(case, title, text, source)
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
pub fn allegations(case: &Case) -> Result<Vec<Allegation>> {
    store::allegations::list(case)
}

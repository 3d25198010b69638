//! Which clues a list shows: by deadline state, disposition, officer.

use super::{user, Clue, DeadlineState};
use crate::domain::Disposition;
use crate::error::Result;
use crate::Msg;

/// The filter of a clue list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub state: Option<DeadlineState>,
    pub disposition: Option<Disposition>,
    pub officer: Option<String>,
}

impl Filter {
    /// From what the user typed (codes or Chinese terms).
    pub fn parse(
        state: Option<&str>,
        disposition: Option<&str>,
        officer: Option<&str>,
    ) -> Result<Filter> {
        let state = match state {
            Some(s) => Some(
                DeadlineState::parse(s)
                    .or_else(|| {
                        [
                            DeadlineState::Overdue,
                            DeadlineState::DueSoon,
                            DeadlineState::Open,
                            DeadlineState::Done,
                        ]
                        .into_iter()
                        .find(|x| x.label() == s.trim())
                    })
                    .ok_or_else(|| {
                        user(Msg::new("register.bad_code").arg("value", s).arg(
                            "codes",
                            "overdue 逾期、due-soon 临期、open 进行中、done 已完成",
                        ))
                    })?,
            ),
            None => None,
        };
        let disposition = match disposition {
            Some(d) => Some(Disposition::parse(d).ok_or_else(|| {
                user(
                    Msg::new("register.bad_code")
                        .arg("value", d)
                        .arg("codes", Disposition::codes()),
                )
            })?),
            None => None,
        };
        Ok(Filter {
            state,
            disposition,
            officer: officer
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        })
    }

    pub fn keeps(&self, c: &Clue) -> bool {
        self.state
            .is_none_or(|s| c.deadlines.iter().any(|d| d.state == s))
            && self.disposition.is_none_or(|d| c.disposition == Some(d))
            && self
                .officer
                .as_deref()
                .is_none_or(|o| c.officer.as_deref() == Some(o))
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

//! A clue's life: which stage event may follow which, and where its events
//! leave it. Refusals name the event, the date and what must come first.

use serde::Serialize;

use crate::domain::{Disposition, EventKind, Outcome, Sanction};
use crate::normalise::Ymd;
use crate::Msg;

/// One stage event, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    pub date: Ymd,
    pub disposition: Option<Disposition>,
    pub outcome: Option<Outcome>,
    pub sanction: Option<Sanction>,
    pub note: Option<String>,
}

impl Event {
    pub fn new(kind: EventKind, date: Ymd) -> Event {
        Event {
            kind,
            date,
            disposition: None,
            outcome: None,
            sanction: None,
            note: None,
        }
    }
}

/// Where a clue stands (stored nowhere: derived from its events).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Registered, not yet disposed of (待处置).
    Registered,
    Inquiry,
    Verification,
    Shelved,
    Investigation,
    Review,
    Decided,
    Concluded,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Registered,
        Status::Inquiry,
        Status::Verification,
        Status::Shelved,
        Status::Investigation,
        Status::Review,
        Status::Decided,
        Status::Concluded,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Registered => "registered",
            Status::Inquiry => "inquiry",
            Status::Verification => "verification",
            Status::Shelved => "shelved",
            Status::Investigation => "investigation",
            Status::Review => "review",
            Status::Decided => "decided",
            Status::Concluded => "concluded",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim();
        Status::ALL
            .into_iter()
            .find(|x| x.code() == s || x.label() == s)
    }

    pub fn label(self) -> String {
        crate::tr!(&format!("register.status.{}", self.code()))
    }

    /// Still being worked (not concluded, decided or shelved).
    pub fn is_active(self) -> bool {
        !matches!(self, Status::Concluded | Status::Decided | Status::Shelved)
    }
}

/// The state a clue's events leave it in, within the current cycle (a
/// `reopened` starts a new one).
#[derive(Debug, Clone, Default)]
pub struct State {
    pub disposition: Option<Disposition>,
    pub accepted: bool,
    pub letter_sent: bool,
    pub replied: bool,
    pub interviewed: bool,
    pub verification_started: bool,
    pub verification_reported: bool,
    pub case_opened: bool,
    pub review_started: bool,
    pub decided: bool,
    /// The date the clue was concluded (办结, 予以了结 or a decision).
    pub concluded: Option<Ymd>,
    pub notified: bool,
    pub fed_back: bool,
    /// The last event of the main flow (feedback and objections aside).
    pub last: Option<(EventKind, Ymd)>,
    pub outcome: Option<Outcome>,
    pub sanction: Option<Sanction>,
    /// Reopenings so far.
    pub cycle: u32,
}

fn side_event(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::InformantNotified | EventKind::InformantFedBack | EventKind::Objection
    )
}

impl State {
    /// The state after `events`, applied in the order they were recorded.
    pub fn replay(events: &[Event]) -> State {
        let mut s = State::default();
        for e in events {
            s.apply(e);
        }
        s
    }

    pub fn status(&self) -> Status {
        if self.concluded.is_some() {
            return if self.decided && self.disposition != Some(Disposition::Closed) {
                Status::Decided
            } else {
                Status::Concluded
            };
        }
        if self.review_started {
            return Status::Review;
        }
        if self.case_opened {
            return Status::Investigation;
        }
        match self.disposition {
            None => Status::Registered,
            Some(Disposition::Inquiry) => Status::Inquiry,
            Some(Disposition::Verification) => Status::Verification,
            Some(Disposition::Shelved) => Status::Shelved,
            Some(Disposition::Investigation) => Status::Investigation,
            Some(Disposition::Closed) => Status::Concluded,
        }
    }

    /// Whether `e` may follow; the refusal says why not.
    pub fn check(&self, e: &Event, received: Ymd, real_name: bool) -> Result<(), Msg> {
        let ev = e.kind.label();
        let refuse = |key: &'static str| Msg::new(key).arg("event", &ev).arg("date", e.date);
        if e.date < received {
            return Err(refuse("register.refuse.before_receipt").arg("received", received));
        }
        if let Some((kind, last)) = self.last {
            if !side_event(e.kind) && e.date < last {
                return Err(refuse("register.refuse.before_last")
                    .arg("last", kind.label())
                    .arg("last_date", last));
            }
        }
        let needs = |event: EventKind| refuse("register.refuse.needs").arg("needed", event.label());
        let needs_disposition = |d: Disposition| {
            refuse("register.refuse.needs_disposition").arg("disposition", d.label())
        };
        let twice = || refuse("register.refuse.twice");
        let over = || refuse("register.refuse.concluded");
        use EventKind as K;
        match e.kind {
            K::Accepted => {
                if self.accepted {
                    return Err(twice());
                }
                if self.disposition.is_some() {
                    return Err(refuse("register.refuse.accept_after_disposal"));
                }
            }
            K::InformantNotified => {
                if !real_name {
                    return Err(refuse("register.refuse.anonymous"));
                }
                if self.notified {
                    return Err(twice());
                }
            }
            K::Disposed => {
                let Some(d) = e.disposition else {
                    return Err(refuse("register.refuse.disposition_required"));
                };
                if self.concluded.is_some() {
                    return Err(over());
                }
                if self.case_opened {
                    return Err(refuse("register.refuse.after_case"));
                }
                if let Some(current) = self.disposition {
                    let moved_on = (current == Disposition::Inquiry
                        && (self.replied || self.interviewed))
                        || (current == Disposition::Verification && self.verification_reported);
                    if !moved_on || d == current {
                        return Err(refuse("register.refuse.second_disposition")
                            .arg("current", current.label()));
                    }
                }
            }
            K::LetterSent | K::Interviewed => {
                if self.disposition != Some(Disposition::Inquiry) || self.concluded.is_some() {
                    return Err(needs_disposition(Disposition::Inquiry));
                }
            }
            K::ReplyReceived => {
                if !self.letter_sent {
                    return Err(needs(K::LetterSent));
                }
                if self.replied {
                    return Err(twice());
                }
            }
            K::VerificationStarted => {
                if self.disposition != Some(Disposition::Verification) || self.concluded.is_some() {
                    return Err(needs_disposition(Disposition::Verification));
                }
                if self.verification_started {
                    return Err(twice());
                }
            }
            K::Extended => {
                if !self.verification_started || self.verification_reported {
                    return Err(needs(K::VerificationStarted));
                }
                if e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    return Err(refuse("register.refuse.note_required"));
                }
            }
            K::VerificationReported => {
                if !self.verification_started {
                    return Err(needs(K::VerificationStarted));
                }
                if self.verification_reported {
                    return Err(twice());
                }
            }
            K::CaseOpened => {
                if self.case_opened {
                    return Err(twice());
                }
                if self.concluded.is_some() {
                    return Err(over());
                }
                let may = self.disposition == Some(Disposition::Investigation)
                    || (self.disposition == Some(Disposition::Verification)
                        && self.verification_reported);
                if !may {
                    return Err(refuse("register.refuse.case_needs_basis"));
                }
            }
            K::ReviewStarted => {
                if !self.case_opened {
                    return Err(needs(K::CaseOpened));
                }
                if self.review_started {
                    return Err(twice());
                }
            }
            K::Decided => {
                if !self.case_opened {
                    return Err(refuse("register.refuse.decision_before_case"));
                }
                if self.decided {
                    return Err(twice());
                }
                check_outcome(e, true).map_err(refuse)?;
            }
            K::Concluded => {
                if self.concluded.is_some() {
                    return Err(over());
                }
                if self.case_opened && !self.decided {
                    return Err(needs(K::Decided));
                }
                if self.disposition == Some(Disposition::Shelved) {
                    return Err(needs(K::Reopened));
                }
                check_outcome(e, false).map_err(refuse)?;
            }
            K::InformantFedBack => {
                if !real_name {
                    return Err(refuse("register.refuse.anonymous"));
                }
                match self.concluded {
                    None => return Err(needs(K::Concluded)),
                    Some(c) if e.date < c => {
                        return Err(refuse("register.refuse.before_last")
                            .arg("last", K::Concluded.label())
                            .arg("last_date", c))
                    }
                    _ => {}
                }
            }
            K::Objection => {
                if !real_name {
                    return Err(refuse("register.refuse.anonymous"));
                }
                if !self.fed_back && !self.notified {
                    return Err(needs(K::InformantFedBack));
                }
            }
            K::Reopened => {
                if self.disposition != Some(Disposition::Shelved) && self.concluded.is_none() {
                    return Err(refuse("register.refuse.reopen_needs_shelved"));
                }
            }
        }
        Ok(())
    }

    pub fn apply(&mut self, e: &Event) {
        use EventKind as K;
        if !side_event(e.kind) {
            self.last = Some((e.kind, e.date));
        }
        match e.kind {
            K::Accepted => self.accepted = true,
            K::InformantNotified => self.notified = true,
            K::Disposed => {
                self.disposition = e.disposition;
                self.letter_sent = false;
                self.replied = false;
                self.interviewed = false;
                if e.disposition == Some(Disposition::Closed) {
                    self.concluded = Some(e.date);
                }
            }
            K::LetterSent => self.letter_sent = true,
            K::ReplyReceived => self.replied = true,
            K::Interviewed => self.interviewed = true,
            K::VerificationStarted => self.verification_started = true,
            K::Extended => {}
            K::VerificationReported => self.verification_reported = true,
            K::CaseOpened => self.case_opened = true,
            K::ReviewStarted => self.review_started = true,
            K::Decided => {
                self.decided = true;
                self.outcome = e.outcome;
                self.sanction = e.sanction;
                self.concluded = Some(e.date);
            }
            K::Concluded => {
                if e.outcome.is_some() {
                    self.outcome = e.outcome;
                    self.sanction = e.sanction;
                }
                self.concluded = Some(e.date);
            }
            K::InformantFedBack => self.fed_back = true,
            K::Objection => self.fed_back = false,
            K::Reopened => {
                let (cycle, notified, last) = (self.cycle + 1, self.notified, self.last);
                *self = State {
                    cycle,
                    notified,
                    last,
                    accepted: true,
                    ..State::default()
                };
            }
        }
    }
}

/// An outcome fits its event: a decision needs one of the after-立案
/// outcomes (a sanction with 党纪/政务处分); a conclusion takes the others.
fn check_outcome(e: &Event, decision: bool) -> Result<(), &'static str> {
    match e.outcome {
        None if decision => Err("register.refuse.outcome_required"),
        None => Ok(()),
        Some(o) if o.after_case() != decision => Err(if decision {
            "register.refuse.outcome_not_decision"
        } else {
            "register.refuse.outcome_needs_case"
        }),
        Some(Outcome::PartySanction) => match e.sanction {
            Some(s) if s.is_party() => Ok(()),
            _ => Err("register.refuse.sanction_required"),
        },
        Some(Outcome::StateSanction) => match e.sanction {
            Some(s) if !s.is_party() => Ok(()),
            _ => Err("register.refuse.sanction_required"),
        },
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Ymd {
        crate::normalise::parse_date(s).unwrap().unwrap()
    }

    fn ev(kind: EventKind, date: &str) -> Event {
        Event::new(kind, d(date))
    }

    fn disposed(date: &str, disp: Disposition) -> Event {
        Event {
            disposition: Some(disp),
            ..ev(EventKind::Disposed, date)
        }
    }

    fn refused(s: &State, e: &Event) -> &'static str {
        s.check(e, d("2024-03-01"), true).unwrap_err().key
    }

    #[test]
    fn out_of_order_events_are_refused_with_their_reason() {
        let mut s = State::default();
        assert_eq!(
            refused(&s, &ev(EventKind::Accepted, "2024-02-01")),
            "register.refuse.before_receipt"
        );
        let decided = Event {
            outcome: Some(Outcome::PartySanction),
            sanction: Some(Sanction::PartyWarning),
            ..ev(EventKind::Decided, "2024-04-01")
        };
        assert_eq!(
            refused(&s, &decided),
            "register.refuse.decision_before_case"
        );
        assert_eq!(
            refused(&s, &ev(EventKind::LetterSent, "2024-03-05")),
            "register.refuse.needs_disposition"
        );
        let first = disposed("2024-03-10", Disposition::Shelved);
        assert!(s.check(&first, d("2024-03-01"), true).is_ok());
        s.apply(&first);
        assert_eq!(
            refused(&s, &disposed("2024-03-12", Disposition::Verification)),
            "register.refuse.second_disposition"
        );
        assert_eq!(
            refused(&s, &disposed("2024-03-09", Disposition::Verification)),
            "register.refuse.before_last"
        );
        let reopened = ev(EventKind::Reopened, "2024-05-01");
        assert!(s.check(&reopened, d("2024-03-01"), true).is_ok());
        s.apply(&reopened);
        assert!(s
            .check(
                &disposed("2024-05-02", Disposition::Verification),
                d("2024-03-01"),
                true
            )
            .is_ok());
        assert_eq!(
            s.check(
                &ev(EventKind::InformantNotified, "2024-03-05"),
                d("2024-03-01"),
                false
            )
            .unwrap_err()
            .key,
            "register.refuse.anonymous"
        );
    }

    #[test]
    fn inquiry_then_verification_then_case_runs_through() {
        let received = d("2024-03-01");
        let steps = [
            disposed("2024-03-10", Disposition::Inquiry),
            ev(EventKind::LetterSent, "2024-03-11"),
            ev(EventKind::ReplyReceived, "2024-03-25"),
            disposed("2024-04-01", Disposition::Verification),
            ev(EventKind::VerificationStarted, "2024-04-02"),
            Event {
                note: Some("书记批准".into()),
                ..ev(EventKind::Extended, "2024-05-20")
            },
            ev(EventKind::VerificationReported, "2024-06-20"),
            ev(EventKind::CaseOpened, "2024-06-25"),
            ev(EventKind::ReviewStarted, "2024-08-01"),
            Event {
                outcome: Some(Outcome::PartySanction),
                sanction: Some(Sanction::PartySeriousWarning),
                ..ev(EventKind::Decided, "2024-08-20")
            },
            ev(EventKind::InformantFedBack, "2024-08-28"),
        ];
        let mut s = State::default();
        for e in &steps {
            assert_eq!(s.check(e, received, true), Ok(()), "{e:?}");
            s.apply(e);
        }
        assert_eq!(s.status(), Status::Decided);
        assert_eq!(s.sanction, Some(Sanction::PartySeriousWarning));
    }
}

//! The deadlines a clue's events set, counted on the working-day calendar,
//! and their state on an as-of date.

use serde::Serialize;

use super::lifecycle::Event;
use super::settings::Settings;
use crate::domain::{Disposition, EventKind};
use crate::normalise::Ymd;
use crate::reference::calendar::{Calendar, Period};

/// The register's deadlines, each with the event that starts it and the one that meets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Disposal,
    AcceptanceNotice,
    InquiryReply,
    InquiryClosure,
    Verification,
    Investigation,
    Review,
    ResultFeedback,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Disposal,
        Kind::AcceptanceNotice,
        Kind::InquiryReply,
        Kind::InquiryClosure,
        Kind::Verification,
        Kind::Investigation,
        Kind::Review,
        Kind::ResultFeedback,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Disposal => "disposal",
            Kind::AcceptanceNotice => "acceptance-notice",
            Kind::InquiryReply => "inquiry-reply",
            Kind::InquiryClosure => "inquiry-closure",
            Kind::Verification => "verification",
            Kind::Investigation => "investigation",
            Kind::Review => "review",
            Kind::ResultFeedback => "result-feedback",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    pub fn label(self) -> String {
        crate::tr!(&format!("register.deadline.{}", self.code()))
    }
}

/// A deadline's state on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Overdue,
    DueSoon,
    Open,
    Done,
}

impl State {
    pub fn code(self) -> &'static str {
        match self {
            State::Overdue => "overdue",
            State::DueSoon => "due-soon",
            State::Open => "open",
            State::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        [State::Overdue, State::DueSoon, State::Open, State::Done]
            .into_iter()
            .find(|x| x.code() == s.trim())
    }

    pub fn label(self) -> String {
        crate::tr!(&format!("register.state.{}", self.code()))
    }
}

/// One deadline of a clue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub kind: Kind,
    /// 0 before any `reopened`, then one more per reopening.
    pub cycle: u32,
    pub start: Ymd,
    pub due: Ymd,
    /// From this day on the deadline is due soon.
    pub soon_from: Ymd,
    pub done_on: Option<Ymd>,
    /// The start or the due day lies outside the holiday table's years.
    pub outside_calendar: bool,
}

impl Deadline {
    pub fn state(&self, as_of: Ymd) -> State {
        match self.done_on {
            Some(_) => State::Done,
            None if as_of > self.due => State::Overdue,
            None if as_of >= self.soon_from => State::DueSoon,
            None => State::Open,
        }
    }

    /// Met after its due day.
    pub fn late(&self) -> bool {
        self.done_on.is_some_and(|d| d > self.due)
    }
}

struct Open {
    kind: Kind,
    cycle: u32,
    start: Ymd,
    period: Period,
    extensions: u32,
    done_on: Option<Ymd>,
}

/// Every deadline `events` set for a clue received on `received`.
pub fn compute(
    received: Ymd,
    real_name: bool,
    events: &[Event],
    settings: &Settings,
    cal: &Calendar,
) -> Vec<Deadline> {
    let mut all: Vec<Open> = Vec::new();
    let mut cycle = 0;
    let open = |all: &mut Vec<Open>, kind: Kind, cycle: u32, start: Ymd| {
        all.push(Open {
            kind,
            cycle,
            start,
            period: settings.get(kind.code()),
            extensions: 0,
            done_on: None,
        });
    };
    let close = |all: &mut Vec<Open>, kind: Kind, on: Ymd| {
        for d in all
            .iter_mut()
            .filter(|d| d.kind == kind && d.done_on.is_none())
        {
            d.done_on = Some(on);
        }
    };
    let is_open = |all: &Vec<Open>, kind: Kind, cycle: u32| {
        all.iter()
            .any(|d| d.kind == kind && d.cycle == cycle && d.done_on.is_none())
    };
    // A conclusion meets every deadline still running, and starts the result feedback.
    let conclude = |all: &mut Vec<Open>, cycle: u32, on: Ymd| {
        for d in all
            .iter_mut()
            .filter(|d| d.done_on.is_none() && d.kind != Kind::ResultFeedback)
        {
            d.done_on = Some(on);
        }
        let started = all
            .iter()
            .any(|d| d.kind == Kind::ResultFeedback && d.cycle == cycle);
        if real_name && !started {
            all.push(Open {
                kind: Kind::ResultFeedback,
                cycle,
                start: on,
                period: settings.get(Kind::ResultFeedback.code()),
                extensions: 0,
                done_on: None,
            });
        }
    };
    open(&mut all, Kind::Disposal, 0, received);
    if real_name {
        open(&mut all, Kind::AcceptanceNotice, 0, received);
    }
    for e in events {
        let on = e.date;
        use EventKind as K;
        match e.kind {
            K::Accepted | K::Objection => {}
            K::InformantNotified => close(&mut all, Kind::AcceptanceNotice, on),
            K::Disposed => {
                close(&mut all, Kind::Disposal, on);
                close(&mut all, Kind::InquiryClosure, on);
                if e.disposition == Some(Disposition::Closed) {
                    conclude(&mut all, cycle, on);
                }
            }
            K::LetterSent => open(&mut all, Kind::InquiryReply, cycle, on),
            K::ReplyReceived | K::Interviewed => {
                if e.kind == K::ReplyReceived {
                    close(&mut all, Kind::InquiryReply, on);
                }
                if !is_open(&all, Kind::InquiryClosure, cycle) {
                    open(&mut all, Kind::InquiryClosure, cycle, on);
                }
            }
            K::VerificationStarted => open(&mut all, Kind::Verification, cycle, on),
            K::Extended => {
                for d in all
                    .iter_mut()
                    .filter(|d| d.kind == Kind::Verification && d.done_on.is_none())
                {
                    d.extensions += 1;
                }
            }
            K::VerificationReported => close(&mut all, Kind::Verification, on),
            K::CaseOpened => open(&mut all, Kind::Investigation, cycle, on),
            K::ReviewStarted => {
                close(&mut all, Kind::Investigation, on);
                open(&mut all, Kind::Review, cycle, on);
            }
            K::Decided | K::Concluded => {
                close(&mut all, Kind::Review, on);
                conclude(&mut all, cycle, on);
            }
            K::InformantFedBack => close(&mut all, Kind::ResultFeedback, on),
            K::Reopened => {
                cycle += 1;
                open(&mut all, Kind::Disposal, cycle, on);
            }
        }
    }
    let extension = settings.get("verification-extension");
    let soon = settings.due_soon_days();
    all.into_iter()
        .filter_map(|d| {
            let due = match d.period.end(cal, d.start)? {
                due if d.extensions > 0 => extend(cal, due, extension, d.extensions)?,
                due => due,
            };
            Some(Deadline {
                kind: d.kind,
                cycle: d.cycle,
                start: d.start,
                due,
                soon_from: cal.sub_working_days(due, soon)?,
                done_on: d.done_on,
                outside_calendar: !cal.covers(d.start) || !cal.covers(due),
            })
        })
        .collect()
}

/// A due day moved on by `times` approved extensions.
fn extend(cal: &Calendar, due: Ymd, by: Period, times: u32) -> Option<Ymd> {
    by.times(times).end(cal, due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Outcome;

    fn d(s: &str) -> Ymd {
        crate::normalise::parse_date(s).unwrap().unwrap()
    }

    fn ev(kind: EventKind, date: &str) -> Event {
        Event::new(kind, d(date))
    }

    fn find(ds: &[Deadline], k: Kind) -> &Deadline {
        ds.iter().find(|x| x.kind == k).unwrap()
    }

    #[test]
    fn every_deadline_across_national_day_2023() {
        let cal = Calendar::builtin();
        let s = Settings::builtin();
        // Received Monday 2023-09-25, real name.
        let received = d("2023-09-25");
        let none = compute(received, true, &[], &s, &cal);
        let notice = find(&none, Kind::AcceptanceNotice);
        assert_eq!(
            notice.due,
            d("2023-10-20"),
            "15 working days with 10-07/08 worked"
        );
        assert_eq!(notice.state(d("2023-10-16")), State::Open);
        assert_eq!(notice.soon_from, d("2023-10-17"));
        assert_eq!(notice.state(d("2023-10-17")), State::DueSoon);
        assert_eq!(notice.state(d("2023-10-23")), State::Overdue);
        // One month: 2023-10-25 (a Wednesday).
        assert_eq!(find(&none, Kind::Disposal).due, d("2023-10-25"));

        let mut disposed = ev(EventKind::Disposed, "2023-09-28");
        disposed.disposition = Some(Disposition::Inquiry);
        let events = vec![
            ev(EventKind::InformantNotified, "2023-10-09"),
            disposed,
            ev(EventKind::LetterSent, "2023-09-28"),
            ev(EventKind::ReplyReceived, "2023-10-25"),
        ];
        let ds = compute(received, true, &events, &s, &cal);
        let reply = find(&ds, Kind::InquiryReply);
        // 09-28 + 15 working days: 10-07, 10-08 … 10-26? 10-07(1) 10-08(2) 10-09..13(7) 10-16..20(12) 10-23..25(15).
        assert_eq!(reply.due, d("2023-10-25"));
        assert_eq!(reply.done_on, Some(d("2023-10-25")));
        assert!(!reply.late());
        let closure = find(&ds, Kind::InquiryClosure);
        assert_eq!(closure.due, d("2023-11-27"), "11-25 is a Saturday");
        assert_eq!(find(&ds, Kind::Disposal).done_on, Some(d("2023-09-28")));
        assert_eq!(
            find(&ds, Kind::AcceptanceNotice).state(d("2023-12-01")),
            State::Done
        );
    }

    #[test]
    fn verification_extends_and_a_decision_starts_the_feedback() {
        let cal = Calendar::builtin();
        let s = Settings::builtin();
        let received = d("2024-03-01");
        let mut disposed = ev(EventKind::Disposed, "2024-03-05");
        disposed.disposition = Some(Disposition::Verification);
        let mut extended = ev(EventKind::Extended, "2024-05-01");
        extended.note = Some("批准".into());
        let mut decided = ev(EventKind::Decided, "2024-11-15");
        decided.outcome = Some(Outcome::Judicial);
        let events = vec![
            disposed,
            ev(EventKind::VerificationStarted, "2024-03-06"),
            extended,
            ev(EventKind::VerificationReported, "2024-06-20"),
            ev(EventKind::CaseOpened, "2024-06-25"),
            ev(EventKind::ReviewStarted, "2024-10-10"),
            decided,
        ];
        let ds = compute(received, true, &events, &s, &cal);
        let v = find(&ds, Kind::Verification);
        // 2024-03-06 + 2 months = 05-06 (Monday), + 1 month extension = 06-06.
        assert_eq!(v.due, d("2024-06-06"));
        assert!(v.late());
        // 06-25 + 90 days = 09-23 (Monday).
        let inv = find(&ds, Kind::Investigation);
        assert_eq!(inv.due, d("2024-09-23"));
        assert!(inv.late());
        let fb = find(&ds, Kind::ResultFeedback);
        assert_eq!(fb.start, d("2024-11-15"));
        assert_eq!(fb.state(d("2024-11-20")), State::Open);
        // An anonymous clue has no notice and no feedback.
        let anon = compute(received, false, &events, &s, &cal);
        assert!(anon
            .iter()
            .all(|x| !matches!(x.kind, Kind::AcceptanceNotice | Kind::ResultFeedback)));
    }

    #[test]
    fn dates_outside_the_table_are_marked() {
        let cal = Calendar::builtin();
        let ds = compute(d("2026-12-20"), false, &[], &Settings::builtin(), &cal);
        assert!(find(&ds, Kind::Disposal).outside_calendar, "due in 2027");
    }
}

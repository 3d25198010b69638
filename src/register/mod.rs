//! The clue register (问题线索台账): clues with the persons complained about,
//! the problems raised, append-only stage events, and the deadlines those
//! events set on the working-day calendar. Everything shown is derived from
//! the stored events each time; the deadlines are also kept in
//! `clue_deadlines` for the `clue-deadline` rule.

pub mod deadline;
mod filter;
pub mod lifecycle;
mod ops;
pub mod settings;
pub mod stats;
pub mod sufficiency;

use std::collections::HashMap;

use serde::Serialize;

use crate::case::{self, Allegation};
use crate::domain::{Disposition, EventKind, Fen, Form, Outcome, Sanction};
use crate::error::{Error, Result};
use crate::normalise::{parse_date, Ymd};
use crate::reference::calendar::Calendar;
use crate::store::clues::{ClueRow, EventRow, SubjectRow};
use crate::store::{self, Case};
use crate::Msg;

pub use deadline::{Deadline, Kind as DeadlineKind, State as DeadlineState};
pub use filter::Filter;
pub use lifecycle::{Event, Status};
pub use ops::{
    add_event, add_problem, add_subject, edit, from_complaints, new_clue, refresh_deadlines,
};
pub use settings::Settings;

/// A deadline as shown and exported.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineView {
    pub what: DeadlineKind,
    pub start: String,
    pub due: String,
    pub state: DeadlineState,
    pub done_on: Option<String>,
    /// Met after the due day.
    pub late: bool,
    pub cycle: u32,
    /// The holiday table does not cover the dates (only weekends were skipped).
    pub outside_calendar: bool,
}

/// A stage event as stored, with its wording in the UI language.
pub type EventView = EventRow;

impl EventView {
    /// The event's name (the stored code when hecha does not know it).
    pub fn label(&self) -> String {
        EventKind::parse(&self.event)
            .map(|k| k.label())
            .unwrap_or_else(|| self.event.clone())
    }

    /// What the event decided, in order: disposition, outcome, sanction.
    pub fn decisions(&self) -> Vec<String> {
        [
            self.disposition
                .as_deref()
                .and_then(Disposition::parse)
                .map(|d| d.label()),
            self.outcome
                .as_deref()
                .and_then(Outcome::parse)
                .map(|o| o.label()),
            self.sanction
                .as_deref()
                .and_then(Sanction::parse)
                .map(|s| s.label()),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The decisions and then the note: everything said about the event.
    pub fn details(&self) -> Vec<String> {
        let mut d = self.decisions();
        d.extend(self.note.clone());
        d
    }
}

/// One clue with everything the register shows about it.
#[derive(Debug, Clone, Serialize)]
pub struct Clue {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub status: Status,
    pub disposition: Option<Disposition>,
    pub source: String,
    pub received: String,
    pub real_name: bool,
    pub informant: Option<String>,
    pub officer: Option<String>,
    pub village: Option<String>,
    pub origin: Option<String>,
    pub subjects: Vec<SubjectRow>,
    pub problems: Vec<Allegation>,
    pub events: Vec<EventView>,
    pub deadlines: Vec<DeadlineView>,
    pub outcome: Option<Outcome>,
    pub sanction: Option<Sanction>,
    pub form: Option<Form>,
    pub violation_amount: Option<Fen>,
    pub confiscated: Option<Fen>,
    pub refunded: Option<Fen>,
    /// Whether each problem rests on enough evidence (see [`sufficiency`]).
    pub warnings: Vec<sufficiency::Warning>,
}

impl Clue {
    /// The most pressing deadline still running: overdue first, then by due day.
    pub fn next_deadline(&self) -> Option<&DeadlineView> {
        self.deadlines
            .iter()
            .filter(|d| d.state != DeadlineState::Done)
            .min_by(|a, b| (a.state, &a.due).cmp(&(b.state, &b.due)))
    }

    /// Sort key: overdue, due soon, open, then clues with nothing running.
    fn urgency(&self) -> (u8, String, String) {
        match self.next_deadline() {
            Some(d) => (d.state as u8, d.due.clone(), self.number.clone()),
            None => (9, String::new(), self.number.clone()),
        }
    }

    /// The status with the outcome and sanction: 已办结（党纪处分：警告）.
    pub fn status_text(&self) -> String {
        let mut s = self.status.label();
        if let Some(o) = self.outcome {
            s.push_str(&format!("（{}", o.label()));
            if let Some(x) = self.sanction {
                s.push_str(&format!("：{}", x.label()));
            }
            s.push('）');
        }
        s
    }

    pub fn subject_names(&self) -> String {
        self.subjects
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// The register on an as-of date, most urgent first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Register {
    pub as_of: String,
    pub clues: Vec<Clue>,
}

/// What a new clue is registered with, as the user typed it.
#[derive(Debug, Clone, Default)]
pub struct ClueInput {
    pub title: Option<String>,
    pub received: String,
    pub subject: Option<String>,
    pub subject_id: Option<String>,
    pub post: Option<String>,
    pub source: Option<String>,
    pub real_name: bool,
    pub informant: Option<String>,
    pub officer: Option<String>,
    /// `KIND:REF` the clue comes from (`finding:F…` makes a 大数据比对 clue).
    pub from: Option<String>,
}

/// A stage event as the user typed it.
#[derive(Debug, Clone, Default)]
pub struct EventInput {
    pub event: String,
    pub date: String,
    pub disposition: Option<String>,
    pub outcome: Option<String>,
    pub sanction: Option<String>,
    pub note: Option<String>,
}

fn user(msg: Msg) -> Error {
    Error::User(msg)
}

fn date_arg(s: &str) -> Result<Ymd> {
    match parse_date(s) {
        Ok(Some(d)) => Ok(d),
        _ => Err(user(Msg::new("register.bad_date").arg("value", s))),
    }
}

fn stored_date(s: &str) -> Option<Ymd> {
    parse_date(s).ok().flatten()
}

/// The as-of date: as given, else the case's, else today.
pub fn as_of(case: &Case, given: Option<Ymd>) -> Ymd {
    given
        .or_else(|| {
            store::runs::case_as_of(case)
                .ok()
                .and_then(|s| stored_date(&s))
        })
        .unwrap_or_else(store::today)
}

fn typed_event(e: &EventRow) -> Option<Event> {
    Some(Event {
        kind: EventKind::parse(&e.event)?,
        date: stored_date(&e.date)?,
        disposition: e.disposition.as_deref().and_then(Disposition::parse),
        outcome: e.outcome.as_deref().and_then(Outcome::parse),
        sanction: e.sanction.as_deref().and_then(Sanction::parse),
        note: e.note.clone(),
    })
}

struct Context {
    settings: Settings,
    calendar: Calendar,
}

impl Context {
    fn load(case: &Case) -> Result<Context> {
        Ok(Context {
            settings: Settings::load(Some(case))?,
            calendar: store::reference::calendar(case.reads())?,
        })
    }

    fn deadlines(&self, row: &ClueRow, events: &[Event]) -> Vec<Deadline> {
        match stored_date(&row.received) {
            Some(received) => deadline::compute(
                received,
                row.real_name,
                events,
                &self.settings,
                &self.calendar,
            ),
            None => Vec::new(),
        }
    }
}

/// The whole register on `as_of` (the case's as-of date when `None`).
pub fn load(case: &Case, as_of_date: Option<Ymd>) -> Result<Register> {
    let as_of_date = as_of(case, as_of_date);
    let ctx = Context::load(case)?;
    let tx = case.reads();
    let mut subjects = store::clues::subjects(tx)?;
    let mut events = store::clues::events(tx)?;
    let mut problems: HashMap<i64, Vec<Allegation>> = HashMap::new();
    for a in case::allegations(case)? {
        if let Some(c) = a.clue_id {
            problems.entry(c).or_default().push(a);
        }
    }
    let facts = sufficiency::Facts::load(case)?;
    let mut clues: Vec<Clue> = store::clues::list(tx)?
        .into_iter()
        .map(|row| {
            let evs = events.remove(&row.id).unwrap_or_default();
            let subs = subjects.remove(&row.id).unwrap_or_default();
            let probs = problems.remove(&row.id).unwrap_or_default();
            let mut clue = build(&ctx, row, subs, evs, probs, as_of_date);
            clue.warnings = clue
                .problems
                .iter()
                .flat_map(|p| sufficiency::check(p, &facts))
                .collect();
            clue
        })
        .collect();
    clues.sort_by_key(Clue::urgency);
    Ok(Register {
        as_of: as_of_date.to_string(),
        clues,
    })
}

/// One clue, by id or number.
pub fn clue(case: &Case, key: &str, as_of_date: Option<Ymd>) -> Result<Clue> {
    let id = resolve(case, key)?;
    load(case, as_of_date)?
        .clues
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| case::CaseError::NoClue { id }.into())
}

/// A clue's id from `3` or `XS-2024-003`.
pub fn resolve(case: &Case, key: &str) -> Result<i64> {
    let key = key.trim();
    let id = match key.parse::<i64>() {
        Ok(id) => Some(id).filter(|id| {
            store::clues::get(case.reads(), *id)
                .ok()
                .flatten()
                .is_some()
        }),
        Err(_) => store::clues::id_of_number(case.reads(), key)?,
    };
    id.ok_or_else(|| user(Msg::new("register.no_clue_key").arg("key", key)))
}

fn build(
    ctx: &Context,
    row: ClueRow,
    subjects: Vec<SubjectRow>,
    events: Vec<EventRow>,
    problems: Vec<Allegation>,
    as_of_date: Ymd,
) -> Clue {
    let typed: Vec<Event> = events.iter().filter_map(typed_event).collect();
    let state = lifecycle::State::replay(&typed);
    let deadlines = ctx
        .deadlines(&row, &typed)
        .into_iter()
        .map(|d| DeadlineView {
            what: d.kind,
            start: d.start.to_string(),
            due: d.due.to_string(),
            state: d.state(as_of_date),
            done_on: d.done_on.map(|x| x.to_string()),
            late: d.late(),
            cycle: d.cycle,
            outside_calendar: d.outside_calendar,
        })
        .collect();
    let form = state.outcome.and_then(|o| Form::of(o, state.sanction));
    Clue {
        id: row.id,
        number: row.number,
        title: row.title,
        status: state.status(),
        disposition: state.disposition,
        source: row.source,
        received: row.received,
        real_name: row.real_name,
        informant: row.informant,
        officer: row.officer,
        village: row.village,
        origin: row.origin,
        subjects,
        problems,
        events,
        deadlines,
        outcome: state.outcome,
        sanction: state.sanction,
        form,
        violation_amount: row.violation_amount,
        confiscated: row.confiscated,
        refunded: row.refunded,
        warnings: Vec::new(),
    }
}

/// The last year the case's holiday table covers.
pub fn calendar_last_year(case: &Case) -> Option<i32> {
    store::reference::calendar(case.reads())
        .ok()?
        .years()
        .map(|(_, last)| last)
}

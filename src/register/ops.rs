//! Changes to the register: registering clues (by hand, from a finding, from
//! the complaint ledger), stage events checked against the clue's life,
//! persons, problems, money; each one change with its audit entry, the
//! clue's stored deadlines recomputed inside it.

use super::{
    date_arg, lifecycle, resolve, stored_date, typed_event, user, ClueInput, Context, Event,
    EventInput,
};
use crate::case;
use crate::domain::{ClueSource, Disposition, EventKind, Fen, ItemRef, Outcome, Sanction};
use crate::error::{Error, Result};
use crate::normalise::{parse_amount_fen, Ymd};
use crate::store::clues::{ClueEdit, DeadlineRow, NewClue, NewEvent, SubjectRow};
use crate::store::{self, Case, Tx};
use crate::Msg;

/// The village a post names (`枫树村村委会主任` → `枫树村`).
fn village_of(post: &str) -> Option<String> {
    let end = post.find('村')? + '村'.len_utf8();
    let v = &post[..end];
    (v.chars().count() <= 8).then(|| v.to_string())
}

fn blank(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Registers a clue; returns its id and number.
pub fn new_clue(case: &Case, input: &ClueInput) -> Result<(i64, String)> {
    let received = date_arg(&input.received)?;
    let from = match blank(&input.from) {
        Some(f) => Some(
            ItemRef::parse(&f)
                .ok_or_else(|| Error::from(case::CaseError::BadItem { value: f.clone() }))?,
        ),
        None => None,
    };
    let finding = match &from {
        Some(r) if r.kind == crate::domain::ItemKind::Finding => Some(
            store::items::finding_text(case, &r.reference)?.ok_or_else(|| {
                Error::from(case::CaseError::UnknownFinding {
                    id: r.reference.clone(),
                })
            })?,
        ),
        _ => None,
    };
    let source = match blank(&input.source) {
        Some(s) => ClueSource::parse(&s).ok_or_else(|| {
            user(
                Msg::new("register.bad_code")
                    .arg("value", &s)
                    .arg("codes", ClueSource::codes()),
            )
        })?,
        None if finding.is_some() => ClueSource::DataComparison,
        None => ClueSource::Report,
    };
    let title = blank(&input.title)
        .or_else(|| {
            finding
                .as_ref()
                .map(|(_, text)| text.chars().take(80).collect())
        })
        .ok_or_else(|| Error::from(case::CaseError::TitleRequired))?;
    let informant = blank(&input.informant);
    if input.real_name && informant.is_none() {
        return Err(user(Msg::new("register.informant_required")));
    }
    let subject = blank(&input.subject);
    let post = blank(&input.post);
    let new = NewClue {
        title: title.clone(),
        source: source.code().to_string(),
        received: received.to_string(),
        real_name: input.real_name,
        informant,
        officer: blank(&input.officer),
        village: post.as_deref().and_then(village_of),
        origin_kind: from.as_ref().map(|r| r.kind.as_str().to_string()),
        origin_ref: from.as_ref().map(|r| r.reference.clone()),
    };
    let ctx = Context::load(case)?;
    let (id, number, problem) = case.write("clue.create", |tx| {
        let (id, number) = store::clues::insert(tx, &new, received.y)?;
        if let Some(name) = &subject {
            store::clues::add_subject(
                tx,
                id,
                &SubjectRow {
                    name: name.clone(),
                    id_number: blank(&input.subject_id),
                    post: post.clone(),
                },
            )?;
        }
        let problem = match &finding {
            Some(_) => Some(store::allegations::insert_in(tx, &title, None, None, Some(id))?),
            None => None,
        };
        refresh_one(tx, &ctx, id)?;
        Ok::<_, Error>((
            (id, number.clone(), problem),
            serde_json::json!({ "id": id, "number": number, "title": title, "source": source.code(),
                "received": received.to_string(), "real_name": input.real_name, "from": input.from }),
        ))
    })?;
    if let (Some(problem), Some(r)) = (problem, &from) {
        case::link(
            case,
            problem,
            &case::Item::Finding(r.reference.clone()),
            "supports",
            None,
        )?;
    }
    Ok((id, number))
}

/// Appends a stage event after checking it may follow; returns its id.
pub fn add_event(case: &Case, key: &str, input: &EventInput) -> Result<i64> {
    let id = resolve(case, key)?;
    let kind = EventKind::parse(&input.event).ok_or_else(|| {
        user(
            Msg::new("register.bad_code")
                .arg("value", &input.event)
                .arg("codes", EventKind::codes()),
        )
    })?;
    let parse_code =
        |value: &Option<String>, codes: String, f: &dyn Fn(&str) -> bool| match blank(value) {
            Some(v) if !f(&v) => Err(user(
                Msg::new("register.bad_code")
                    .arg("value", v)
                    .arg("codes", codes),
            )),
            _ => Ok(()),
        };
    parse_code(&input.disposition, Disposition::codes(), &|v| {
        Disposition::parse(v).is_some()
    })?;
    parse_code(&input.outcome, Outcome::codes(), &|v| {
        Outcome::parse(v).is_some()
    })?;
    let outcome = blank(&input.outcome).and_then(|o| Outcome::parse(&o));
    parse_code(&input.sanction, Sanction::codes(), &|v| {
        Sanction::parse_with(v, outcome).is_some()
    })?;
    let event = Event {
        kind,
        date: date_arg(&input.date)?,
        disposition: blank(&input.disposition).and_then(|d| Disposition::parse(&d)),
        outcome,
        sanction: blank(&input.sanction).and_then(|s| Sanction::parse_with(&s, outcome)),
        note: blank(&input.note),
    };
    let row = store::clues::get(case.reads(), id)?.ok_or(case::CaseError::NoClue { id })?;
    let received = stored_date(&row.received)
        .ok_or_else(|| user(Msg::new("register.bad_date").arg("value", &row.received)))?;
    let past: Vec<Event> = store::clues::events(case.reads())?
        .remove(&id)
        .unwrap_or_default()
        .iter()
        .filter_map(typed_event)
        .collect();
    lifecycle::State::replay(&past)
        .check(&event, received, row.real_name)
        .map_err(user)?;
    let ctx = Context::load(case)?;
    let stored = NewEvent {
        event: kind.code().to_string(),
        date: event.date.to_string(),
        disposition: event.disposition.map(|d| d.code().to_string()),
        outcome: event.outcome.map(|o| o.code().to_string()),
        sanction: event.sanction.map(|s| s.code().to_string()),
        note: event.note.clone(),
    };
    case.write("clue.event", |tx| {
        let eid = store::clues::add_event(tx, id, &stored)?;
        refresh_one(tx, &ctx, id)?;
        Ok::<_, Error>((
            eid,
            serde_json::json!({ "clue": id, "event_id": eid, "event": stored.event, "date": stored.date,
                "disposition": stored.disposition, "outcome": stored.outcome, "sanction": stored.sanction,
                "note": stored.note }),
        ))
    })
}

/// Adds a person complained about.
pub fn add_subject(
    case: &Case,
    key: &str,
    name: &str,
    id_number: Option<&str>,
    post: Option<&str>,
) -> Result<bool> {
    let id = resolve(case, key)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(user(Msg::new("register.subject_required")));
    }
    let subject = SubjectRow {
        name: name.to_string(),
        id_number: id_number
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        post: post
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    };
    case.write("clue.subject", |tx| {
        let added = store::clues::add_subject(tx, id, &subject)?;
        Ok::<_, Error>((
            added,
            serde_json::json!({ "clue": id, "name": subject.name, "id_number": subject.id_number, "post": subject.post }),
        ))
    })
}

/// Adds a problem raised (an allegation) to a clue; returns the allegation id.
pub fn add_problem(case: &Case, key: &str, title: &str, text: Option<&str>) -> Result<i64> {
    let id = resolve(case, key)?;
    case::allegations::allege_in(case, Some(id), title, text, None)
}

/// Sets a clue's title, officer or money (违纪金额, 收缴, 退赔群众) as typed.
pub fn edit(
    case: &Case,
    key: &str,
    title: Option<&str>,
    officer: Option<&str>,
    money: [Option<&str>; 3],
) -> Result<()> {
    let id = resolve(case, key)?;
    let amount = |s: Option<&str>| -> Result<Option<Fen>> {
        match s {
            None => Ok(None),
            Some(a) => parse_amount_fen(a)
                .ok()
                .flatten()
                .map(|f| Some(Fen(f)))
                .ok_or_else(|| {
                    case::CaseError::BadAmount {
                        value: a.to_string(),
                    }
                    .into()
                }),
        }
    };
    let e = ClueEdit {
        title: title
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        officer: officer
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        violation_amount: amount(money[0])?,
        confiscated: amount(money[1])?,
        refunded: amount(money[2])?,
    };
    case.write("clue.edit", |tx| {
        store::clues::edit(tx, id, &e)?;
        Ok::<_, Error>((
            (),
            serde_json::json!({ "clue": id, "title": e.title, "officer": e.officer,
                "violation_amount": e.violation_amount.map(|f| f.to_string()),
                "confiscated": e.confiscated.map(|f| f.to_string()),
                "refunded": e.refunded.map(|f| f.to_string()) }),
        ))
    })
}

/// One clue per complaint-ledger row not yet registered (received = 受理日期,
/// subject = 被反映人, informant = 信访人, anonymous when 匿名, source 群众举报),
/// the row kept as the clue's origin. Returns the new clues (id, number).
pub fn from_complaints(case: &Case) -> Result<Vec<(i64, String)>> {
    let ctx = Context::load(case)?;
    let tx = case.reads();
    let done = store::clues::registered_rows(tx)?;
    let rows: Vec<_> = store::clues::complaint_rows(tx)?
        .into_iter()
        .filter(|r| !done.contains(&r.reference))
        .collect();
    let mut skipped = 0;
    let todo: Vec<(store::clues::ComplaintRow, Ymd)> = rows
        .into_iter()
        .filter_map(|r| match r.received.as_deref().and_then(stored_date) {
            Some(d) => Some((r, d)),
            None => {
                skipped += 1;
                None
            }
        })
        .collect();
    case.write("clue.from_complaints", |tx| {
        let mut made = Vec::new();
        for (r, received) in &todo {
            let informant = r
                .informant
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty() && !s.contains("匿名"));
            let title = r
                .issue
                .clone()
                .or_else(|| r.record_no.clone())
                .unwrap_or_else(|| r.reference.clone());
            let (id, number) = store::clues::insert(
                tx,
                &NewClue {
                    title: title.clone(),
                    source: ClueSource::Report.code().to_string(),
                    received: received.to_string(),
                    real_name: informant.is_some(),
                    informant: informant.map(str::to_string),
                    officer: r.handler.clone(),
                    village: r.village.clone(),
                    origin_kind: Some("row".into()),
                    origin_ref: Some(r.reference.clone()),
                },
                received.y,
            )?;
            if let Some(name) = r
                .accused
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                store::clues::add_subject(
                    tx,
                    id,
                    &SubjectRow {
                        name: name.to_string(),
                        id_number: None,
                        post: None,
                    },
                )?;
            }
            // The ledger says it was closed (已办结, with its date): so does the register.
            let closed = r
                .closed
                .as_deref()
                .and_then(stored_date)
                .filter(|d| d >= received && ledger_closed(r.status.as_deref()));
            if let Some(on) = closed {
                store::clues::add_event(
                    tx,
                    id,
                    &NewEvent {
                        event: EventKind::Concluded.code().to_string(),
                        date: on.to_string(),
                        note: r.status.clone(),
                        ..NewEvent::default()
                    },
                )?;
            }
            refresh_one(tx, &ctx, id)?;
            made.push((id, number));
        }
        let payload = serde_json::json!({ "clues": made.len(), "skipped_no_date": skipped });
        Ok::<_, Error>((made, payload))
    })
}

/// A complaint-ledger status that means closed (as the complaint-overdue rule reads it).
fn ledger_closed(status: Option<&str>) -> bool {
    matches!(
        status.map(str::trim),
        Some("已办结" | "办结" | "已结" | "结案" | "已结案" | "已完结")
    )
}

/// Recomputes the stored deadlines of one clue (inside its change).
fn refresh_one(tx: Tx<'_>, ctx: &Context, id: i64) -> Result<()> {
    let Some(row) = store::clues::get(tx, id)? else {
        return Ok(());
    };
    let events: Vec<Event> = store::clues::events(tx)?
        .remove(&id)
        .unwrap_or_default()
        .iter()
        .filter_map(typed_event)
        .collect();
    let rows: Vec<DeadlineRow> = ctx
        .deadlines(&row, &events)
        .into_iter()
        .map(|d| DeadlineRow {
            what: d.kind.code().to_string(),
            cycle: i64::from(d.cycle),
            start: d.start.to_string(),
            due: d.due.to_string(),
            soon_from: d.soon_from.to_string(),
            done_on: d.done_on.map(|x| x.to_string()),
            warning: d.outside_calendar.then(|| "outside-calendar".to_string()),
        })
        .collect();
    store::clues::replace_deadlines(tx, id, &rows)
}

/// Recomputes every clue's stored deadlines (settings or the calendar changed);
/// derived data, so not an audited change.
pub fn refresh_deadlines(case: &Case) -> Result<()> {
    let ctx = Context::load(case)?;
    let ids: Vec<i64> = store::clues::list(case.reads())?
        .iter()
        .map(|c| c.id)
        .collect();
    store::clues::refresh_derived(case, |tx| {
        for id in ids {
            refresh_one(tx, &ctx, id)?;
        }
        Ok(())
    })
}

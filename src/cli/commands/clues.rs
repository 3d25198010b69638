//! `hecha clue …`: the clue register (问题线索台账) — registering clues,
//! recording stage events, persons, problems and money, showing one clue.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use hecha::register::{self, Clue, ClueInput, EventInput};
use hecha::tr;

use super::parse_as_of;
use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::{emit, emit_as, Layout};

#[derive(Subcommand)]
pub enum ClueWhat {
    /// 登记问题线索 / register a clue
    New(NewArgs),
    /// 记录办理环节 / record a stage event
    Event(EventArgs),
    /// 一条线索的全部情况 / everything about one clue
    Show(ShowArgs),
    /// 添加被反映人 / add a person complained about
    Subject(SubjectArgs),
    /// 添加反映的问题 / add a problem raised
    Problem(ProblemArgs),
    /// 修改标题、承办人、金额 / set the title, officer or money
    Edit(EditArgs),
    /// 从信访台账逐行登记 / register one clue per complaint-ledger row
    FromComplaints(CaseArg),
}

#[derive(Args)]
pub struct CaseArg {
    case: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct NewArgs {
    case: PathBuf,
    /// 线索标题 / title
    #[arg(long)]
    title: Option<String>,
    /// 受理日期 / date received
    #[arg(long)]
    received: String,
    /// 被反映人 / the person complained about
    #[arg(long)]
    subject: Option<String>,
    /// 被反映人身份证号 / their ID number
    #[arg(long = "subject-id")]
    subject_id: Option<String>,
    /// 单位职务 / their post
    #[arg(long)]
    post: Option<String>,
    /// 线索来源 / source: report|assigned|inspection|self-found|transferred|lower-level|confession|data-comparison
    #[arg(long)]
    source: Option<String>,
    /// 实名举报 / a real-name informant
    #[arg(long = "real-name")]
    real_name: bool,
    /// 举报人 / the informant (with --real-name)
    #[arg(long)]
    informant: Option<String>,
    /// 承办人 / the officer
    #[arg(long)]
    officer: Option<String>,
    /// 来自 KIND:REF（finding:F… 为大数据比对线索）/ registered from
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct EventArgs {
    case: PathBuf,
    /// 线索序号或编号 / clue id or number
    clue: String,
    /// accepted|informant-notified|disposed|letter-sent|reply-received|interviewed|verification-started|extended|verification-reported|case-opened|review-started|decided|concluded|informant-fed-back|objection|reopened
    event: String,
    #[arg(long)]
    date: String,
    /// inquiry|verification|shelved|closed|investigation（谈话函询|初步核实|暂存待查|予以了结|立案审查）
    #[arg(long)]
    disposition: Option<String>,
    /// cleared|reminder|criticism|self-examination|admonition|organisational|transferred|party-sanction|state-sanction|judicial
    #[arg(long)]
    outcome: Option<String>,
    /// party-warning|party-serious-warning|party-post-removal|party-probation|party-expulsion|state-warning|state-demerit|state-major-demerit|state-demotion|state-dismissal|state-expulsion
    #[arg(long)]
    sanction: Option<String>,
    #[arg(long)]
    note: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ShowArgs {
    case: PathBuf,
    clue: String,
    #[arg(long = "as-of")]
    as_of: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct SubjectArgs {
    case: PathBuf,
    clue: String,
    name: String,
    #[arg(long = "id-number")]
    id_number: Option<String>,
    #[arg(long)]
    post: Option<String>,
}

#[derive(Args)]
pub struct ProblemArgs {
    case: PathBuf,
    clue: String,
    title: String,
    #[arg(long)]
    text: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct EditArgs {
    case: PathBuf,
    clue: String,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    officer: Option<String>,
    /// 违纪金额 / amount involved in the violation
    #[arg(long = "violation-amount")]
    violation_amount: Option<String>,
    /// 收缴 / confiscated
    #[arg(long)]
    confiscated: Option<String>,
    /// 退赔群众 / refunded to villagers
    #[arg(long)]
    refunded: Option<String>,
}

pub fn run(what: ClueWhat) -> Result<i32> {
    match what {
        ClueWhat::New(a) => new(a),
        ClueWhat::Event(a) => event(a),
        ClueWhat::Show(a) => show(a),
        ClueWhat::Subject(a) => subject(a),
        ClueWhat::Problem(a) => problem(a),
        ClueWhat::Edit(a) => edit(a),
        ClueWhat::FromComplaints(a) => from_complaints(a),
    }
}

fn new(a: NewArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let input = ClueInput {
        title: a.title,
        received: a.received,
        subject: a.subject,
        subject_id: a.subject_id,
        post: a.post,
        source: a.source,
        real_name: a.real_name,
        informant: a.informant,
        officer: a.officer,
        from: a.from,
    };
    let (id, number) = register::new_clue(&c, &input)?;
    let title = register::clue(&c, &id.to_string(), None)?.title;
    emit_as(
        Layout::Line,
        a.json,
        &serde_json::json!({ "id": id, "number": number }),
        |_| {
            println!(
                "{}",
                tr!("register.created", number = number, id = id, title = title)
            )
        },
    );
    Ok(0)
}

fn event(a: EventArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let input = EventInput {
        event: a.event,
        date: a.date,
        disposition: a.disposition,
        outcome: a.outcome,
        sanction: a.sanction,
        note: a.note,
    };
    let id = register::add_event(&c, &a.clue, &input)?;
    let clue = register::clue(&c, &a.clue, None)?;
    let e = clue.events.iter().find(|e| e.id == id);
    emit_as(
        Layout::Line,
        a.json,
        &serde_json::json!({ "id": id, "clue": clue.id, "number": clue.number, "status": clue.status }),
        |_| {
            if let Some(e) = e {
                println!(
                    "{}",
                    tr!(
                        "register.event_added",
                        number = clue.number,
                        event = e.label(),
                        date = e.date
                    )
                );
            }
        },
    );
    Ok(0)
}

fn show(a: ShowArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let as_of = a.as_of.as_deref().map(parse_as_of).transpose()?;
    let clue = register::clue(&c, &a.clue, as_of)?;
    let last = register::calendar_last_year(&c);
    emit(a.json, &clue, |clue| print_clue(clue, last));
    Ok(0)
}

fn print_clue(c: &Clue, last: Option<i32>) {
    println!("{}  {}", c.number, c.title);
    let source = hecha::domain::ClueSource::parse(&c.source)
        .map(|s| s.label())
        .unwrap_or_else(|| c.source.clone());
    let realness = if c.real_name {
        tr!(
            "register.show_real_name",
            informant = c.informant.clone().unwrap_or_default()
        )
    } else {
        tr!("register.show_anonymous")
    };
    println!(
        "{}",
        tr!(
            "register.show_received",
            date = c.received,
            source = source,
            realness = realness
        )
    );
    println!("{}", tr!("register.show_status", status = c.status_text()));
    if let Some(o) = &c.officer {
        println!("{}", tr!("register.show_officer", officer = o));
    }
    if let Some(f) = c.form {
        println!("{}", tr!("register.show_form", form = f.label()));
    }
    if c.violation_amount.is_some() || c.confiscated.is_some() || c.refunded.is_some() {
        let m =
            |f: Option<hecha::domain::Fen>| f.map(|f| f.to_string()).unwrap_or_else(|| "—".into());
        println!(
            "{}",
            tr!(
                "register.show_money",
                violation = m(c.violation_amount),
                confiscated = m(c.confiscated),
                refunded = m(c.refunded)
            )
        );
    }
    if !c.subjects.is_empty() {
        println!("\n{}", tr!("register.show_subjects"));
        for s in &c.subjects {
            let extra: Vec<&str> = [s.post.as_deref(), s.id_number.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            println!("  {}  {}", s.name, extra.join("  "));
        }
    }
    if !c.problems.is_empty() {
        println!("\n{}", tr!("register.show_problems"));
        for p in &c.problems {
            println!(
                "  #{} [{}] {}  {}",
                p.id,
                p.status.label(),
                p.title,
                p.amount.map(|a| a.to_string()).unwrap_or_default()
            );
            for e in &p.evidence {
                let kind = e.evidence_type.map(|t| format!("[{}] ", t.label()));
                println!("      {} {}{}", e.no, kind.unwrap_or_default(), e.label);
            }
        }
    }
    if !c.warnings.is_empty() {
        println!("\n{}", tr!("register.show_warnings"));
        for w in &c.warnings {
            println!("  ⚠ {}", w.text);
        }
    }
    if !c.events.is_empty() {
        println!("\n{}", tr!("register.show_events"));
        for e in &c.events {
            println!("  {}  {}  {}", e.date, e.label(), e.details().join("；"));
        }
    }
    if !c.deadlines.is_empty() {
        println!("\n{}", tr!("register.show_deadlines"));
        for d in &c.deadlines {
            println!("  {}", deadline_text(d, last));
        }
    }
}

/// One deadline as a line: running, or met (late or not).
pub fn deadline_text(d: &register::DeadlineView, last: Option<i32>) -> String {
    let mut s = match &d.done_on {
        Some(done) => tr!(
            "register.deadline_done",
            what = d.what.label(),
            due = d.due,
            done_on = done,
            late = if d.late {
                tr!("register.late")
            } else {
                String::new()
            }
        ),
        None => tr!(
            "register.deadline_line",
            what = d.what.label(),
            start = d.start,
            due = d.due,
            state = d.state.label()
        ),
    };
    if d.outside_calendar {
        s.push_str(&tr!(
            "register.outside_calendar",
            last = last.map(|y| y.to_string()).unwrap_or_default()
        ));
    }
    s
}

fn subject(a: SubjectArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let added = register::add_subject(
        &c,
        &a.clue,
        &a.name,
        a.id_number.as_deref(),
        a.post.as_deref(),
    )?;
    let number = register::clue(&c, &a.clue, None)?.number;
    let key = if added {
        "register.subject_added"
    } else {
        "register.subject_exists"
    };
    println!("{}", tr!(key, name = a.name, number = number));
    Ok(0)
}

fn problem(a: ProblemArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let id = register::add_problem(&c, &a.clue, &a.title, a.text.as_deref())?;
    let number = register::clue(&c, &a.clue, None)?.number;
    emit_as(
        Layout::Line,
        a.json,
        &serde_json::json!({ "id": id, "clue": number }),
        |_| {
            println!(
                "{}",
                tr!(
                    "register.problem_added",
                    id = id,
                    title = a.title,
                    number = number
                )
            )
        },
    );
    Ok(0)
}

fn edit(a: EditArgs) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    register::edit(
        &c,
        &a.clue,
        a.title.as_deref(),
        a.officer.as_deref(),
        [
            a.violation_amount.as_deref(),
            a.confiscated.as_deref(),
            a.refunded.as_deref(),
        ],
    )?;
    let number = register::clue(&c, &a.clue, None)?.number;
    println!("{}", tr!("register.edited", number = number));
    Ok(0)
}

fn from_complaints(a: CaseArg) -> Result<i32> {
    let c = opening::read_write(&a.case)?;
    let made = register::from_complaints(&c)?;
    let list: Vec<_> = made
        .iter()
        .map(|(id, number)| serde_json::json!({ "id": id, "number": number }))
        .collect();
    emit(a.json, &list, |_| {
        if made.is_empty() {
            println!("{}", tr!("register.from_complaints_none"));
        } else {
            println!("{}", tr!("register.from_complaints", n = made.len()));
        }
    });
    Ok(0)
}

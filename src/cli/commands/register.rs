//! `hecha clues`, `hecha stats`, `hecha deadlines`: the clue register as a
//! list (most urgent first, filtered), its statistics and its time limits.

use std::path::PathBuf;

use clap::Args;
use hecha::register::{self, settings, stats, Clue, DeadlineState};
use hecha::tr;

use super::parse_as_of;
use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::{emit, table};

#[derive(Args)]
pub struct ListArgs {
    case: PathBuf,
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// 只列逾期的线索 / only clues with an overdue deadline
    #[arg(long)]
    overdue: bool,
    /// 按时限状态筛选 / clues with a deadline in this state: overdue|due-soon|open|done
    #[arg(long)]
    state: Option<String>,
    /// 按处置方式筛选 / by disposition
    #[arg(long)]
    disposition: Option<String>,
    /// 按承办人筛选 / by officer
    #[arg(long)]
    officer: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct StatsArgs {
    case: PathBuf,
    #[arg(long = "as-of")]
    as_of: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct DeadlinesArgs {
    case: PathBuf,
    /// 本案时限，KEY=VALUE（如 verification=15wd）/ this case's own limit
    #[arg(long = "set")]
    set: Vec<String>,
    #[arg(long)]
    json: bool,
}

pub fn list(a: ListArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let as_of = a.as_of.as_deref().map(parse_as_of).transpose()?;
    let reg = register::load(&c, as_of)?;
    let filter = register::Filter::parse(
        if a.overdue {
            Some("overdue")
        } else {
            a.state.as_deref()
        },
        a.disposition.as_deref(),
        a.officer.as_deref(),
    )?;
    let clues: Vec<&Clue> = reg.clues.iter().filter(|c| filter.keeps(c)).collect();
    emit(a.json, &clues, |clues| {
        if reg.clues.is_empty() {
            println!("{}", tr!("register.empty"));
            return;
        }
        let count = |s: DeadlineState| {
            reg.clues
                .iter()
                .filter(|c| c.deadlines.iter().any(|d| d.state == s))
                .count()
        };
        println!(
            "{}",
            tr!(
                "register.header",
                as_of = reg.as_of,
                n = reg.clues.len(),
                overdue = count(DeadlineState::Overdue),
                soon = count(DeadlineState::DueSoon)
            )
        );
        let headers = [
            tr!("register.col_number"),
            tr!("register.col_title"),
            tr!("register.col_subjects"),
            tr!("register.col_status"),
            tr!("register.col_next"),
            tr!("register.col_officer"),
        ];
        let rows: Vec<Vec<String>> = clues
            .iter()
            .map(|c| {
                let next = c
                    .next_deadline()
                    .map(|d| format!("{} {} {}", d.what.label(), d.due, d.state.label()))
                    .unwrap_or_default();
                vec![
                    c.number.clone(),
                    truncate(&c.title, 30),
                    c.subject_names(),
                    c.status_text(),
                    next,
                    c.officer.clone().unwrap_or_default(),
                ]
            })
            .collect();
        table(&headers, &rows);
    });
    Ok(0)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

pub fn stats(a: StatsArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let as_of = a.as_of.as_deref().map(parse_as_of).transpose()?;
    let reg = register::load(&c, as_of)?;
    let s = stats::stats(&reg);
    emit(a.json, &s, |s| {
        println!(
            "{}",
            tr!("register.stats_header", as_of = s.as_of, n = s.clues)
        );
        for (title, counts) in s.breakdowns() {
            println!("\n{title}");
            for x in counts {
                println!("  {:<4} {}", x.clues, x.label);
            }
        }
        let d = &s.deadlines;
        println!(
            "\n{}",
            tr!(
                "register.stats_deadlines",
                overdue = d.overdue,
                soon = d.due_soon,
                open = d.open,
                done = d.done,
                late = d.late
            )
        );
        let m = &s.money;
        println!(
            "{}",
            tr!(
                "register.stats_money",
                violation = m.violation,
                confiscated = m.confiscated,
                refunded = m.refunded,
                recovered = m.recovered
            )
        );
    });
    Ok(0)
}

pub fn deadlines(a: DeadlinesArgs) -> Result<i32> {
    let c = if a.set.is_empty() {
        opening::read_only(&a.case)?
    } else {
        opening::read_write(&a.case)?
    };
    for kv in &a.set {
        let (k, v) = kv.split_once('=').unwrap_or((kv.as_str(), ""));
        let key = settings::set_for_case(&c, k, v)?;
        if !a.json {
            println!(
                "{}",
                tr!("register.setting_saved", key = key, value = v.trim())
            );
        }
    }
    if !a.set.is_empty() {
        register::refresh_deadlines(&c)?;
    }
    let s = register::Settings::load(Some(&c))?;
    let entries: Vec<_> = s
        .entries()
        .into_iter()
        .map(|(k, p, o)| serde_json::json!({ "key": k, "value": p.code(), "origin": o }))
        .collect();
    emit(a.json, &entries, |_| {
        let user = settings::user_file()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        println!("{}", tr!("register.settings_header", user = user));
        for (k, p, o) in s.entries() {
            let origin = match o {
                settings::Origin::Builtin => tr!("register.origin_builtin"),
                settings::Origin::User => tr!("register.origin_user"),
                settings::Origin::Case => tr!("register.origin_case"),
            };
            println!(
                "  {}",
                tr!(
                    "register.settings_line",
                    key = k,
                    value = p,
                    origin = origin
                )
            );
        }
    });
    Ok(0)
}

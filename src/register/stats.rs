//! Statistics on the register: clues by status, disposition, outcome, form,
//! village and month received; deadlines by state; money found and recovered.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{DeadlineState, Register};
use crate::domain::Fen;

/// One line of a breakdown: the stored code, its label, how many clues.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub clues: usize,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct DeadlineCounts {
    pub overdue: usize,
    pub due_soon: usize,
    pub open: usize,
    pub done: usize,
    /// Met, but after the due day.
    pub late: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Money {
    /// 违纪金额
    pub violation: Fen,
    /// 收缴
    pub confiscated: Fen,
    /// 退赔群众
    pub refunded: Fen,
    /// 收缴 + 退赔
    pub recovered: Fen,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub as_of: String,
    pub clues: usize,
    pub by_status: Vec<Count>,
    pub by_disposition: Vec<Count>,
    pub by_outcome: Vec<Count>,
    pub by_form: Vec<Count>,
    pub by_village: Vec<Count>,
    pub by_month: Vec<Count>,
    pub deadlines: DeadlineCounts,
    pub money: Money,
}

impl Stats {
    /// Each breakdown with its title (a catalogue key), in the order shown;
    /// empty ones left out.
    pub fn breakdowns(&self) -> Vec<(String, &[Count])> {
        [
            ("register.stats_by_status", &self.by_status),
            ("register.stats_by_disposition", &self.by_disposition),
            ("register.stats_by_outcome", &self.by_outcome),
            ("register.stats_by_form", &self.by_form),
            ("register.stats_by_village", &self.by_village),
            ("register.stats_by_month", &self.by_month),
        ]
        .into_iter()
        .filter(|(_, c)| !c.is_empty())
        .map(|(key, c)| (crate::tr!(key), c.as_slice()))
        .collect()
    }
}

fn counts(items: impl Iterator<Item = (String, String)>) -> Vec<Count> {
    let mut map: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (key, label) in items {
        map.entry(key).or_insert((label, 0)).1 += 1;
    }
    map.into_iter()
        .map(|(key, (label, clues))| Count { key, label, clues })
        .collect()
}

/// The breakdowns of `register`.
pub fn stats(register: &Register) -> Stats {
    let cs = &register.clues;
    let none = || crate::tr!("register.none");
    let mut deadlines = DeadlineCounts::default();
    for d in cs.iter().flat_map(|c| &c.deadlines) {
        match d.state {
            DeadlineState::Overdue => deadlines.overdue += 1,
            DeadlineState::DueSoon => deadlines.due_soon += 1,
            DeadlineState::Open => deadlines.open += 1,
            DeadlineState::Done => deadlines.done += 1,
        }
        if d.late {
            deadlines.late += 1;
        }
    }
    let sum = |f: &dyn Fn(&super::Clue) -> Option<Fen>| Fen::sum(cs.iter().filter_map(f));
    let confiscated = sum(&|c| c.confiscated);
    let refunded = sum(&|c| c.refunded);
    Stats {
        as_of: register.as_of.clone(),
        clues: cs.len(),
        by_status: counts(
            cs.iter()
                .map(|c| (c.status.code().to_string(), c.status.label())),
        ),
        by_disposition: counts(cs.iter().map(|c| match c.disposition {
            Some(d) => (d.code().to_string(), d.label()),
            None => ("none".into(), none()),
        })),
        by_outcome: counts(cs.iter().filter_map(|c| {
            let o = c.outcome?;
            Some(match c.sanction {
                Some(s) => (
                    format!("{}/{}", o.code(), s.code()),
                    format!("{}（{}）", o.label(), s.label()),
                ),
                None => (o.code().to_string(), o.label()),
            })
        })),
        by_form: counts(
            cs.iter()
                .filter_map(|c| c.form.map(|f| (f.0.to_string(), f.label()))),
        ),
        by_village: counts(cs.iter().map(|c| match &c.village {
            Some(v) => (v.clone(), v.clone()),
            None => ("none".into(), none()),
        })),
        by_month: counts(cs.iter().map(|c| {
            let m: String = c.received.chars().take(7).collect();
            (m.clone(), m)
        })),
        deadlines,
        money: Money {
            violation: sum(&|c| {
                c.violation_amount.or_else(|| {
                    let amounts: Vec<Fen> = c.problems.iter().filter_map(|p| p.amount).collect();
                    (!amounts.is_empty()).then(|| Fen::sum(amounts))
                })
            }),
            confiscated,
            refunded,
            recovered: Fen::sum([confiscated, refunded]),
        },
    }
}

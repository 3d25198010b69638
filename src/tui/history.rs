//! Navigation history, like a browser's. Every jump (`Effect::Goto`,
//! `ShowPerson`, `SearchFor` and any `Show*`: see `Effect::is_jump`) records
//! where you were just before it; Back returns there and Forward undoes the
//! Back. A place is a [`Location`]: the screen and what was selected on it.

use super::app::Screen;
use super::effect::Effect;
use super::widgets::{text_of, textarea_with};
use super::workbench::Workbench;

/// How many places Back can go to (the oldest are forgotten).
pub const LIMIT: usize = 100;

/// What was selected on a screen: enough to come back to it. Screens without
/// a selection worth keeping are [`Spot::Screen`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    Screen,
    Search {
        query: String,
        result: usize,
        hit: usize,
    },
    /// The selected finding, by id (the list may be re-sorted meanwhile).
    Checks {
        finding: Option<String>,
    },
    /// The ledger by name, and the selected row.
    Ledgers {
        ledger: Option<String>,
        row: usize,
    },
    Case {
        clue: usize,
        problem: usize,
        evidence: Option<usize>,
    },
    /// The person by the ID number in the field, and the relationship
    /// tree's focus when the tree shows.
    Person {
        id: String,
        node: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub screen: Screen,
    pub spot: Spot,
}

impl Location {
    /// Where the workbench is now.
    pub fn of(b: &Workbench) -> Location {
        let spot = match b.screen {
            Screen::Search => Spot::Search {
                query: text_of(&b.search.query),
                result: b.search.result_sel,
                hit: b.search.hit_index,
            },
            Screen::Checks => Spot::Checks {
                finding: b.checks.selected_finding().map(|f| f.id.clone()),
            },
            Screen::Ledgers => Spot::Ledgers {
                ledger: b
                    .ledgers
                    .ledgers
                    .get(b.ledgers.ledger_sel)
                    .map(|l| l.name.clone()),
                row: b.ledgers.row_sel,
            },
            Screen::Case => Spot::Case {
                clue: b.case.clue_sel,
                problem: b.case.problem_sel,
                evidence: b.case.evidence_sel,
            },
            Screen::Person => Spot::Person {
                id: text_of(&b.person.id),
                node: b
                    .person
                    .show_relations
                    .then(|| b.person.relations.focus.clone()),
            },
            _ => Spot::Screen,
        };
        Location {
            screen: b.screen,
            spot,
        }
    }

    /// Shows this place again (the screen, then its selection; what is not
    /// loaded any more is asked for).
    pub fn restore(self, b: &mut Workbench) -> Vec<Effect> {
        let mut fx = b.show(self.screen);
        match self.spot {
            Spot::Screen => {}
            Spot::Search { query, result, hit } => {
                if text_of(&b.search.query) == query {
                    b.search.result_sel = result;
                    b.search.hit_index = hit;
                } else {
                    b.search.query = textarea_with(&query);
                    b.search.restore_sel = Some((result, hit));
                    fx.extend(b.search.search());
                }
            }
            Spot::Checks { finding } => {
                let at = finding.and_then(|id| b.checks.findings.iter().position(|f| f.id == id));
                if let Some(i) = at {
                    b.checks.finding_sel = i;
                }
            }
            Spot::Ledgers { ledger, row } => {
                let l = &mut b.ledgers;
                let at = ledger.and_then(|n| l.ledgers.iter().position(|x| x.name == n));
                if let Some(i) = at.filter(|&i| i != l.ledger_sel) {
                    l.ledger_sel = i;
                    l.page = None;
                    l.col_sel = 0;
                    l.sort = None;
                    fx.extend(l.load_page());
                }
                l.row_sel = row;
            }
            Spot::Case {
                clue,
                problem,
                evidence,
            } => {
                b.case.clue_sel = clue;
                b.case.problem_sel = problem;
                b.case.evidence_sel = evidence;
            }
            Spot::Person { id, node } => {
                b.person.show_relations = node.is_some();
                if text_of(&b.person.id) != id && !id.trim().is_empty() {
                    fx.extend(b.person.open_at(&id, node));
                } else if let Some(n) = node {
                    b.person.relations.focus_on(&n);
                }
                b.person.focused = false;
            }
        }
        fx
    }
}

impl Workbench {
    /// Carries out a jump, recording where it left from (if it moved).
    pub(super) fn recorded(&mut self, e: Effect) -> Vec<Effect> {
        let from = Location::of(self);
        let more = self.jump(e);
        if Location::of(self) != from {
            self.history.record(from);
        }
        more
    }

    /// Back (or Forward): shows the place, or says there is none.
    pub(super) fn walk(&mut self, back: bool) -> Vec<Effect> {
        let here = Location::of(self);
        let to = if back {
            self.history.back(here)
        } else {
            self.history.forward(here)
        };
        match to {
            Some(to) => to.restore(self),
            None if back => vec![Effect::say("tui.history_start")],
            None => vec![Effect::say("tui.history_end")],
        }
    }
}

/// The places behind and ahead, newest last.
#[derive(Debug, Default)]
pub struct History {
    back: Vec<Location>,
    forward: Vec<Location>,
}

impl History {
    /// A jump away from `from`: Back will return there; Forward is forgotten.
    pub fn record(&mut self, from: Location) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > LIMIT {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// Going back from `here`: the place to show, if any.
    pub fn back(&mut self, here: Location) -> Option<Location> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    /// Going forward from `here` (after a Back).
    pub fn forward(&mut self, here: Location) -> Option<Location> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }

    /// How many places Back and Forward can go to.
    pub fn depth(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }
}

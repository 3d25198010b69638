//! The Checks screen: the rules with their latest outcome, and the findings
//! (sorted by rule, amount or name), reviewed with a reason.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::widgets::{Block, Cell, Row, Table, Widget};

use std::collections::BTreeMap;

use super::findings_list::{FindingFilter, ListRow};
use super::{pick, Component, Ctx};
use crate::casework::Item;
use crate::checks::{Finding, RuleRun};
use crate::store::check_history::LastRun;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{step, ActionSpec};
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::{Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::overlays::{finding::FindingDetail, review::Review, Overlay};
use crate::tui::widgets::BOLD;

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Link).hint("link"),
    ActionSpec::anywhere(Action::RunChecks).hint("run"),
    ActionSpec::anywhere(Action::ConfirmFinding).hint_pair(Action::DismissFinding, "review"),
    ActionSpec::anywhere(Action::DismissFinding),
    ActionSpec::anywhere(Action::RunRule),
    ActionSpec::here(Action::CycleSort),
    ActionSpec::here(Action::FilterRule).hint("filter"),
    ActionSpec::here(Action::FilterVillage),
    ActionSpec::here(Action::FilterReview),
    ActionSpec::here(Action::ToggleGroups),
    ActionSpec::here(Action::ShowPerson),
    ActionSpec::here(Action::Open),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FindingSort {
    #[default]
    Rule,
    Amount,
    Name,
}

impl FindingSort {
    fn next(self) -> FindingSort {
        match self {
            FindingSort::Rule => FindingSort::Amount,
            FindingSort::Amount => FindingSort::Name,
            FindingSort::Name => FindingSort::Rule,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FindingSort::Rule => "tui.sort.rule",
            FindingSort::Amount => "tui.sort.amount",
            FindingSort::Name => "tui.sort.name",
        }
    }
}

/// A review decision on a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Confirm,
    Dismiss,
}

impl Decision {
    /// As stored.
    pub fn status(self) -> &'static str {
        match self {
            Decision::Confirm => "confirmed",
            Decision::Dismiss => "dismissed",
        }
    }
}

#[derive(Default)]
pub struct Checks {
    pub rules: Vec<RuleRun>,
    /// Every finding of the latest run, in list order (see `findings_list`).
    pub findings: Vec<Finding>,
    /// The selected finding: an index into `findings`, one that is shown.
    pub finding_sel: usize,
    pub sort: FindingSort,
    /// One list, not grouped by rule.
    pub flat: bool,
    pub filter: FindingFilter,
    /// Finding id → the village of its evidence rows.
    pub villages: BTreeMap<String, String>,
    pub last_run: Option<LastRun>,
    /// The first list line drawn (kept between frames, as a table's offset
    /// is, so that the list scrolls only when the selection leaves it).
    pub list_offset: std::cell::Cell<usize>,
    /// The list as shown (derived from the fields above; see `refresh_list`).
    pub list: super::findings_list::ListView,
}

impl Checks {
    /// The selected finding, if the filter shows it.
    pub fn selected_finding(&self) -> Option<&Finding> {
        self.findings
            .get(self.finding_sel)
            .filter(|_| self.is_shown(self.finding_sel))
    }

    /// The ID number of the selected finding's subject.
    fn person_here(&self) -> Option<String> {
        let id = &self.selected_finding()?.subject.key;
        crate::normalise::parse_id_number(id).and_then(|i| i.normalised)
    }
}

impl Component for Checks {
    fn section(&self) -> Section {
        Section::Checks
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            self.move_selection(d);
            return Vec::new();
        }
        match a {
            Action::Open => match self.selected_finding() {
                Some(f) => vec![Effect::Open(Overlay::Finding(Box::new(
                    FindingDetail::new(f.clone(), self.rule_title(&f.rule)),
                )))],
                None => Vec::new(),
            },
            Action::FilterRule => {
                self.filter.rule = self.next_rule_filter();
                self.refresh_list();
                Vec::new()
            }
            Action::FilterVillage => {
                self.filter.village = self.next_village_filter();
                self.refresh_list();
                Vec::new()
            }
            Action::FilterReview => {
                self.filter.review = self.filter.review.next();
                self.refresh_list();
                Vec::new()
            }
            Action::ToggleGroups => {
                self.flat = !self.flat;
                self.sort_findings();
                Vec::new()
            }
            Action::RunChecks | Action::RunRule => {
                let rules = match a {
                    Action::RunRule => match self.selected_finding() {
                        Some(f) => vec![f.rule.clone()],
                        None => return Vec::new(),
                    },
                    _ => Vec::new(),
                };
                if ctx.busy {
                    return Vec::new();
                }
                vec![Effect::Request(Request::RunChecks { rules })]
            }
            Action::ConfirmFinding | Action::DismissFinding => {
                let decision = if a == Action::ConfirmFinding {
                    Decision::Confirm
                } else {
                    Decision::Dismiss
                };
                match self.selected_finding() {
                    Some(f) => vec![Effect::Open(Overlay::Review(Box::new(Review::new(
                        f.id.clone(),
                        decision,
                    ))))],
                    None => Vec::new(),
                }
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.sort_findings();
                Vec::new()
            }
            Action::Link => match self.selected_finding() {
                Some(f) => vec![Effect::LinkItem {
                    item: Item::Finding(f.id.clone()),
                    label: format!("{} {} {}", f.id, self.rule_title(&f.rule), f.name),
                }],
                None => Vec::new(),
            },
            Action::ShowPerson => self
                .person_here()
                .map(Effect::ShowPerson)
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Checks {
                rules,
                findings,
                last_run,
                villages,
            } => {
                // The selection follows its finding through the reload.
                let selected = self.findings.get(self.finding_sel).map(|f| f.id.clone());
                self.rules = rules.clone();
                self.findings = findings.clone();
                self.villages = villages.clone();
                self.last_run = last_run.clone();
                self.order(selected);
                Vec::new()
            }
            Reply::RunDone(r) => vec![Effect::Say(match r {
                Ok(()) => Notice::key("tui.checks_done"),
                Err(e) => Notice::Failed(e.clone()),
            })],
            Reply::Reviewed(r) => vec![Effect::Say(match r {
                Ok(()) => Notice::key("tui.reviewed"),
                Err(e) => Notice::Failed(e.clone()),
            })],
            _ => Vec::new(),
        }
    }

    fn click(&mut self, area: Rect, at: (u16, u16), ctx: &Ctx) -> Vec<Effect> {
        let (_, list) = panes(area);
        // The list's lines (group headers among them) as last drawn: from
        // the window's first line, under the border and the header row.
        let inner = list.inner(ratatui::layout::Margin::new(1, 1));
        let (x, y) = at;
        let line = (inner.contains(ratatui::layout::Position { x, y }) && y > inner.y)
            .then(|| self.list_offset.get() + (y - inner.y - 1) as usize);
        match line.and_then(|k| self.list_rows().get(k)) {
            Some(&ListRow::Finding(i)) => match pick(&mut self.finding_sel, i) {
                Some(open) => self.update(open, ctx),
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        let (rules, findings) = panes(area);
        self.render_rules(rules, buf);
        self.render_findings(findings, buf);
    }
}

/// The rules table above the findings table.
fn panes(area: Rect) -> (Rect, Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(area.height.min(16) / 2 + 2),
            Constraint::Min(4),
        ])
        .split(area);
    (rows[0], rows[1])
}

impl Checks {
    fn render_rules(&self, area: Rect, buf: &mut Buffer) {
        let header = Row::new(vec![
            tr!("checks.col_rule"),
            tr!("checks.col_findings"),
            tr!("checks.col_amount"),
            tr!("checks.col_changes"),
            tr!("checks.col_ms"),
            tr!("checks.col_note"),
        ])
        .style(BOLD);
        let rule_rows: Vec<Row> = self
            .rules
            .iter()
            .map(|r| {
                Row::new(vec![
                    Cell::from(r.title.clone()),
                    Cell::from(r.findings.to_string()),
                    Cell::from(
                        r.amount
                            .map(|a| a.to_string())
                            .unwrap_or_else(|| "—".into()),
                    ),
                    Cell::from(format!("{}/{}/{}", r.new, r.changed, r.gone.len())),
                    Cell::from(format!("{} ms", r.ms)),
                    Cell::from(
                        r.skipped
                            .clone()
                            .or_else(|| r.error.clone())
                            .unwrap_or_default(),
                    ),
                ])
            })
            .collect();
        let title = match &self.last_run {
            Some(run) => tr!("tui.last_run", run = run.id, at = run.started),
            None => tr!("tui.never_run"),
        };
        Widget::render(
            Table::new(
                rule_rows,
                [
                    Constraint::Length(18),
                    Constraint::Length(5),
                    Constraint::Length(11),
                    Constraint::Length(9),
                    Constraint::Length(8),
                    Constraint::Min(6),
                ],
            )
            .header(header)
            .block(Block::bordered().title(title)),
            area,
            buf,
        );
    }
}

/// "confirmed" / "dismissed" in the UI language.
pub fn review_word(f: &Finding) -> Option<String> {
    match f.review.as_ref().map(|r| r.status.as_str()) {
        Some("confirmed") => Some(tr!("checks.review_confirmed")),
        Some("dismissed") => Some(tr!("checks.review_dismissed")),
        _ => None,
    }
}

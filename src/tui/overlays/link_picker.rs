//! The link picker: choose the allegation an item becomes evidence of, and
//! the relation (supports, contradicts, relates). Its keys are in the
//! `[link_picker]` keymap section.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use crate::casework::{Allegation, Item};
use crate::domain::{AllegationStatus, Relation};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::job::{Reply, Request};
use crate::tui::widgets::{centered, choices, status_style, DIM, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::NextRelation),
    ActionSpec::here(Action::PrevRelation),
    ActionSpec::here(Action::Open),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

/// Link relations, in the order the picker cycles through them.
pub const RELATIONS: [&str; 3] = ["supports", "contradicts", "relates"];

/// An allegation as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: i64,
    pub status: AllegationStatus,
    pub title: String,
}

fn choices_of(allegations: &[Allegation]) -> Vec<Choice> {
    allegations
        .iter()
        .map(|a| Choice {
            id: a.id,
            status: a.status,
            title: a.title.clone(),
        })
        .collect()
}

#[derive(Debug)]
pub struct LinkPicker {
    pub item: Item,
    pub label: String,
    pub allegations: Vec<Choice>,
    pub sel: usize,
    /// Index into [`RELATIONS`].
    pub relation: usize,
}

impl LinkPicker {
    /// Starts on allegation `sel` with the first relation.
    pub fn new(item: Item, label: String, allegations: &[Allegation], sel: usize) -> LinkPicker {
        LinkPicker {
            item,
            label,
            allegations: choices_of(allegations),
            sel: sel.min(allegations.len().saturating_sub(1)),
            relation: 0,
        }
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if let Some(d) = step(a) {
            self.sel = clamp_move(self.sel, d, self.allegations.len());
            return Vec::new();
        }
        let n = RELATIONS.len();
        match a {
            Action::NextRelation => self.relation = (self.relation + 1) % n,
            Action::PrevRelation => self.relation = (self.relation + n - 1) % n,
            Action::Open => {
                let mut fx: Vec<Effect> = self
                    .allegations
                    .get(self.sel)
                    .map(|c| {
                        Effect::Request(Request::Link {
                            allegation: c.id,
                            item: self.item.clone(),
                            relation: RELATIONS[self.relation % n].to_string(),
                        })
                    })
                    .into_iter()
                    .collect();
                fx.push(Effect::Close);
                return fx;
            }
            _ => {}
        }
        Vec::new()
    }

    /// The allegations were reloaded.
    pub fn on_reply(&mut self, r: &Reply) {
        if let Reply::Case { allegations, .. } = r {
            self.allegations = choices_of(allegations);
            self.sel = self.sel.min(self.allegations.len().saturating_sub(1));
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let r = centered(area, area.width.saturating_sub(8).min(90), 14);
        crate::tui::widgets::clear(r, buf);
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(4), Constraint::Min(3)])
            .split(r);
        let mut rel_line = vec![Span::styled(format!("{}：", tr!("tui.col_relation")), DIM)];
        rel_line.extend(choices(
            RELATIONS.iter().map(|rel| {
                let label = Relation::parse(rel).map(|r| r.label()).unwrap_or_default();
                (label, Default::default())
            }),
            self.relation,
        ));
        rel_line.push(Span::styled(tr!("tui.relation_keys"), DIM));
        Paragraph::new(vec![Line::from(self.label.clone()), Line::from(rel_line)])
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(tr!("tui.link_title")))
            .render(rows[0], buf);
        let items: Vec<ListItem> = self
            .allegations
            .iter()
            .map(|a| {
                ListItem::new(Line::from(vec![
                    Span::raw(format!("#{} ", a.id)),
                    Span::styled(
                        format!("[{}] ", a.status.label()),
                        status_style(a.status.stored()),
                    ),
                    Span::raw(a.title.clone()),
                ]))
            })
            .collect();
        let mut st = ListState::default().with_selected(Some(self.sel));
        StatefulWidget::render(
            List::new(items)
                .block(Block::bordered().title(tr!("tui.pick_allegation")))
                .highlight_style(SEL),
            rows[1],
            buf,
            &mut st,
        );
    }
}

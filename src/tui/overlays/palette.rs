//! The command palette: every action a screen declares, found by fuzzy name.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::widgets::{Block, List, ListItem, ListState, StatefulWidget};
use tui_textarea::TextArea;

use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, fuzzy, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::widgets::{self, centered, text_of, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Submit),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

#[derive(Debug)]
pub struct Palette {
    pub text: TextArea<'static>,
    pub sel: usize,
    /// What it offers.
    candidates: Vec<Action>,
}

impl Palette {
    pub fn new(candidates: Vec<Action>) -> Palette {
        Palette {
            text: widgets::textarea(),
            sel: 0,
            candidates,
        }
    }

    /// The matching actions, best first (fuzzy: the typed letters in order).
    pub fn matches(&self) -> Vec<Action> {
        let q = text_of(&self.text).to_lowercase();
        let mut scored: Vec<(usize, Action)> = self
            .candidates
            .iter()
            .filter_map(|&a| {
                let hay = format!("{} {}", a.name(), a.describe()).to_lowercase();
                fuzzy(&q, &hay).map(|s| (s, a))
            })
            .collect();
        scored.sort_by_key(|(s, a)| (*s, a.name()));
        scored.into_iter().map(|(_, a)| a).collect()
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if let Some(d) = step(a) {
            self.sel = clamp_move(self.sel, d, self.matches().len());
            return Vec::new();
        }
        match a {
            Action::Submit => {
                let mut fx = vec![Effect::Close];
                fx.extend(self.matches().get(self.sel).map(|&a| Effect::Dispatch(a)));
                fx
            }
            _ => Vec::new(),
        }
    }

    pub fn input(&mut self, key: KeyEvent) {
        if self.text.input(key) {
            self.sel = 0;
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let r = centered(area, 60, 16);
        crate::tui::widgets::clear(r, buf);
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(3), Constraint::Min(1)])
            .split(r);
        widgets::field(rows[0], buf, &self.text, tr!("tui.palette_title"), true);
        let items: Vec<ListItem> = self
            .matches()
            .into_iter()
            .map(|a| ListItem::new(format!("{:<16} {}", a.name(), a.describe())))
            .collect();
        let mut st = ListState::default().with_selected(Some(self.sel));
        StatefulWidget::render(
            List::new(items)
                .block(Block::bordered())
                .highlight_style(SEL),
            rows[1],
            buf,
            &mut st,
        );
    }
}

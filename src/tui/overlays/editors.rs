//! The editors: an allegation's status (with reason and amount), a note, a
//! new allegation's title. Only editing keys reach their text fields; the
//! status editor's own keys are in the `[status_editor]` keymap section.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};
use tui_textarea::TextArea;

use crate::domain::AllegationStatus;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::job::Request;
use crate::tui::widgets::{self, centered, choices, lines_of, status_style, text_of};

pub const STATUS_ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::NextField),
    ActionSpec::here(Action::Complete),
    ActionSpec::here(Action::Submit),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

pub const TEXT_ACTIONS: &[ActionSpec] = &[ActionSpec::here(Action::Submit)];

/// Which field of the status editor has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusField {
    Reason,
    Amount,
}

/// An allegation's status (chosen with ↑/↓), its reason and the amount involved.
#[derive(Debug)]
pub struct StatusEditor {
    pub id: i64,
    /// Index into [`AllegationStatus::ALL`].
    pub status_sel: usize,
    pub reason: TextArea<'static>,
    /// The amount involved (违纪金额).
    pub amount: TextArea<'static>,
    pub field: StatusField,
}

impl StatusEditor {
    /// Opens on the allegation's current status, reason and amount.
    pub fn new(id: i64, status: AllegationStatus, reason: &str, amount: &str) -> StatusEditor {
        StatusEditor {
            id,
            status_sel: AllegationStatus::ALL
                .iter()
                .position(|s| *s == status)
                .unwrap_or(0),
            reason: widgets::textarea_with(reason),
            amount: widgets::textarea_with(amount),
            field: StatusField::Reason,
        }
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if let Some(d) = step(a) {
            self.status_sel = clamp_move(self.status_sel, d, AllegationStatus::ALL.len());
            return Vec::new();
        }
        match a {
            // Tab moves between the reason and the amount.
            Action::NextField | Action::Complete => {
                self.field = match self.field {
                    StatusField::Amount => StatusField::Reason,
                    StatusField::Reason => StatusField::Amount,
                };
                Vec::new()
            }
            Action::Submit => {
                let reason = lines_of(&self.reason);
                if reason.trim().is_empty() {
                    return vec![Effect::say("checks.reason_required")];
                }
                let status = AllegationStatus::ALL
                    [self.status_sel.min(AllegationStatus::ALL.len() - 1)]
                .stored();
                let amount = text_of(&self.amount);
                let amount = Some(amount.trim().to_string()).filter(|a| !a.is_empty());
                vec![
                    Effect::Request(Request::SetStatus {
                        id: self.id,
                        status: status.to_string(),
                        reason,
                        amount,
                    }),
                    Effect::Close,
                ]
            }
            _ => Vec::new(),
        }
    }

    pub fn input(&mut self, key: KeyEvent) {
        match self.field {
            StatusField::Reason => self.reason.input(key),
            StatusField::Amount => self.amount.input(key),
        };
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let r = centered(area, 70, 15);
        crate::tui::widgets::clear(r, buf);
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([
                Constraint::Length(3),
                Constraint::Min(3),
                Constraint::Length(3),
            ])
            .split(r);
        let spans = choices(
            AllegationStatus::ALL
                .iter()
                .map(|s| (s.label(), status_style(s.stored()))),
            self.status_sel,
        );
        Paragraph::new(Line::from(spans))
            .block(Block::bordered().title(tr!("tui.status_title", id = self.id)))
            .render(rows[0], buf);
        widgets::field(
            rows[1],
            buf,
            &self.reason,
            tr!("tui.reason_title"),
            self.field == StatusField::Reason,
        );
        widgets::field(
            rows[2],
            buf,
            &self.amount,
            tr!("tui.amount_title"),
            self.field == StatusField::Amount,
        );
    }
}

/// A note on `on` (`KIND:REF`), described by `label`.
#[derive(Debug)]
pub struct NoteEditor {
    pub on: String,
    pub label: String,
    pub text: TextArea<'static>,
    /// The person (ID number) to show again once the note is saved.
    pub refresh_person: Option<String>,
}

impl NoteEditor {
    pub fn new(on: String, label: String, refresh_person: Option<String>) -> NoteEditor {
        NoteEditor {
            on,
            label,
            text: widgets::textarea(),
            refresh_person,
        }
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if a != Action::Submit {
            return Vec::new();
        }
        let text = lines_of(&self.text);
        if text.trim().is_empty() {
            return vec![Effect::say("casework.empty_note")];
        }
        let mut fx = vec![Effect::Request(Request::Note {
            on: self.on.clone(),
            text,
        })];
        if let Some(id) = &self.refresh_person {
            fx.push(Effect::Request(Request::Person { id: id.clone() }));
        }
        fx.push(Effect::Close);
        fx
    }

    pub fn input(&mut self, key: KeyEvent) {
        self.text.input(key);
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let r = centered(area, 70, 8);
        crate::tui::widgets::clear(r, buf);
        widgets::field(
            r,
            buf,
            &self.text,
            tr!("tui.note_title", on = self.label),
            true,
        );
    }
}

/// A new allegation's title (a problem raised), in a clue or in a new one.
#[derive(Debug)]
pub struct NewAllegation {
    pub title: TextArea<'static>,
    /// The clue (id, number) it is raised in; `None` registers a new clue.
    pub clue: Option<(i64, String)>,
}

impl Default for NewAllegation {
    fn default() -> NewAllegation {
        NewAllegation::under(None)
    }
}

impl NewAllegation {
    pub fn under(clue: Option<(i64, String)>) -> NewAllegation {
        NewAllegation {
            title: widgets::textarea(),
            clue,
        }
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if a != Action::Submit {
            return Vec::new();
        }
        let title = text_of(&self.title);
        if title.trim().is_empty() {
            return vec![Effect::say("casework.title_required")];
        }
        vec![
            Effect::Request(Request::Allege {
                title,
                clue: self.clue.as_ref().map(|(id, _)| *id),
            }),
            Effect::Close,
        ]
    }

    pub fn input(&mut self, key: KeyEvent) {
        self.title.input(key);
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let r = centered(area, 70, 3);
        crate::tui::widgets::clear(r, buf);
        let title = match &self.clue {
            Some((_, number)) => tr!("tui.new_problem", number = number),
            None => tr!("tui.new_allegation"),
        };
        widgets::field(r, buf, &self.title, title, true);
    }
}

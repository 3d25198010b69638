//! The Audit screen: the verification of the chain and the documents, and the
//! audit log itself.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

use super::{Component, Ctx};
use crate::audit::{Entry, Verification};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::job::{JobError, Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::widgets::{BOLD, DIM, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::anywhere(Action::Verify).hint("verify"),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

#[derive(Default)]
pub struct Audit {
    pub entries: Vec<Entry>,
    pub verification: Option<Result<Verification, JobError>>,
    pub sel: usize,
}

impl Component for Audit {
    fn section(&self) -> Section {
        Section::Audit
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, _ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            self.sel = clamp_move(self.sel, d, self.entries.len());
            return Vec::new();
        }
        match a {
            Action::Verify => vec![Effect::Request(Request::LoadAudit)],
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        if let Reply::Audit {
            entries,
            verification,
        } = r
        {
            self.entries = entries.clone();
            self.verification = Some(verification.clone());
            self.sel = self.entries.len().saturating_sub(1);
        }
        Vec::new()
    }

    fn on_enter(&mut self) -> Vec<Effect> {
        vec![Effect::Request(Request::LoadAudit)]
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(4), Constraint::Min(3)])
            .split(area);
        let (text, style) = match &self.verification {
            None => (tr!("tui.verifying"), DIM),
            Some(Ok(v)) => match &v.failure {
                None => (
                    format!(
                        "✓ {}",
                        tr!("audit.intact", entries = v.entries, documents = v.documents)
                    ),
                    Style::new().fg(Color::Green),
                ),
                Some(fail) => (
                    format!("✗ {}", fail.message()),
                    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                ),
            },
            Some(Err(e)) => (format!("✗ {e}"), Style::new().fg(Color::Red)),
        };
        Paragraph::new(Line::styled(text, style))
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(tr!("tui.verify_title")))
            .render(rows[0], buf);
        let header = Row::new(vec![
            "#".to_string(),
            tr!("tui.col_time"),
            tr!("tui.col_user"),
            tr!("tui.col_action"),
            tr!("tui.col_payload"),
        ])
        .style(BOLD);
        let trows: Vec<Row> = self
            .entries
            .iter()
            .map(|e| {
                Row::new(vec![
                    e.seq.to_string(),
                    e.at.clone(),
                    e.user.clone(),
                    e.action.clone(),
                    e.shown_payload(),
                ])
            })
            .collect();
        let head = self
            .entries
            .last()
            .map(|e| e.hash.chars().take(16).collect::<String>())
            .unwrap_or_default();
        let mut st = TableState::default().with_selected(Some(self.sel));
        StatefulWidget::render(
            Table::new(
                trows,
                [
                    Constraint::Length(5),
                    Constraint::Length(19),
                    Constraint::Length(10),
                    Constraint::Length(18),
                    Constraint::Min(10),
                ],
            )
            .header(header)
            .row_highlight_style(SEL)
            .block(
                Block::bordered()
                    .title(format!("{} · {}", tr!("tui.audit_log"), self.entries.len()))
                    .title_bottom(Line::styled(
                        format!("{} {head}…", tr!("tui.head_hash")),
                        DIM,
                    )),
            ),
            rows[1],
            buf,
            &mut st,
        );
    }
}

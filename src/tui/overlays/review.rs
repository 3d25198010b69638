//! Reviewing a finding: the detail view, and the reason for confirming or
//! dismissing it.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use tui_textarea::TextArea;

use crate::checks::Finding;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::ActionSpec;
use crate::tui::components::checks::Decision;
use crate::tui::effect::Effect;
use crate::tui::job::Request;
use crate::tui::widgets::{self, centered, lines_of, BOLD};

pub const ACTIONS: &[ActionSpec] = &[ActionSpec::here(Action::Submit)];

/// The reason for a review decision on finding `id`.
#[derive(Debug)]
pub struct Review {
    pub id: String,
    pub decision: Decision,
    pub reason: TextArea<'static>,
}

impl Review {
    pub fn new(id: String, decision: Decision) -> Review {
        Review {
            id,
            decision,
            reason: widgets::textarea(),
        }
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if a != Action::Submit {
            return Vec::new();
        }
        let reason = lines_of(&self.reason);
        if reason.trim().is_empty() {
            return vec![Effect::say("checks.reason_required")];
        }
        vec![
            Effect::Request(Request::Review {
                id: self.id.clone(),
                status: self.decision.status().to_string(),
                reason,
            }),
            Effect::Close,
        ]
    }

    pub fn input(&mut self, key: KeyEvent) {
        self.reason.input(key);
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let r = centered(area, 64, 8);
        crate::tui::widgets::clear(r, buf);
        let title = match self.decision {
            Decision::Confirm => tr!("tui.review_confirm"),
            Decision::Dismiss => tr!("tui.review_dismiss"),
        };
        widgets::field(r, buf, &self.reason, title, true);
    }
}

/// A finding in full: its text, evidence rows and review.
pub fn render_finding(x: &Finding, area: Rect, buf: &mut Buffer) {
    let r = centered(
        area,
        area.width.saturating_sub(6).min(110),
        area.height.saturating_sub(4),
    );
    let mut lines = vec![
        Line::styled(
            format!(
                "{} · {} · {}",
                x.id,
                x.rule,
                x.amount
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "—".into())
            ),
            BOLD,
        ),
        Line::from(""),
        Line::from(x.text.clone()),
        Line::from(""),
        Line::styled(tr!("tui.evidence"), Style::new().fg(Color::Cyan)),
    ];
    for e in &x.evidence {
        lines.push(Line::from(format!(
            "  {} #{}  ({})",
            e.ledger, e.row, e.file
        )));
    }
    if let Some(rv) = &x.review {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!("{}: {} — {}", tr!("tui.col_review"), rv.status, rv.reason),
            Style::new().fg(Color::Green),
        ));
    }
    crate::tui::widgets::clear(r, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(tr!("tui.finding_title")))
        .render(r, buf);
}

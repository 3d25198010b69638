//! Reviewing a finding: the reason for confirming or dismissing it.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tui_textarea::TextArea;

use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::ActionSpec;
use crate::tui::components::checks::Decision;
use crate::tui::effect::Effect;
use crate::tui::job::Request;
use crate::tui::widgets::{self, centered, lines_of};

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

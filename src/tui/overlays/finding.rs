//! A finding in full: its sentence, its evidence items (one highlighted,
//! chosen with ↑/↓, opened with Enter) and its review.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::checks::{Evidence, Finding};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Keymap, Section};
use crate::tui::widgets::{centered, BOLD, DIM, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Open),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

/// One evidence item of a finding and where opening it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceItem {
    /// A ledger row (its `#`), of a ledger read from `file`.
    Row {
        ledger: String,
        row: i64,
        file: String,
    },
    /// A place in a document: its source and the quoted text.
    Document { source: String, quote: String },
}

impl EvidenceItem {
    /// The jump that shows it.
    pub fn show(&self) -> Effect {
        match self {
            EvidenceItem::Row { ledger, row, .. } => Effect::ShowRow {
                ledger: ledger.clone(),
                row: *row,
            },
            EvidenceItem::Document { source, quote } => Effect::ShowDocument {
                source: source.clone(),
                quote: quote.clone(),
            },
        }
    }

    fn label(&self) -> String {
        match self {
            EvidenceItem::Row { ledger, row, file } => format!("{ledger} #{row}  ({file})"),
            EvidenceItem::Document { source, quote } => format!("{source}：“{quote}”"),
        }
    }
}

/// The detail of one finding, with the selected evidence item.
#[derive(Debug)]
pub struct FindingDetail {
    pub finding: Finding,
    /// The rule's title in the UI language.
    pub rule_title: String,
    pub items: Vec<EvidenceItem>,
    pub sel: usize,
}

impl FindingDetail {
    pub fn new(finding: Finding, rule_title: String) -> FindingDetail {
        let items = finding
            .evidence
            .iter()
            .map(|e| match e {
                Evidence::Row { ledger, file, row } => EvidenceItem::Row {
                    ledger: ledger.clone(),
                    row: *row,
                    file: file.clone(),
                },
                Evidence::Document { file, quote, .. } => EvidenceItem::Document {
                    source: file.clone(),
                    quote: quote.clone(),
                },
            })
            .collect();
        FindingDetail {
            finding,
            rule_title,
            items,
            sel: 0,
        }
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if let Some(d) = step(a) {
            self.sel = clamp_move(self.sel, d, self.items.len());
            return Vec::new();
        }
        match (a, self.items.get(self.sel)) {
            (Action::Open, Some(item)) => vec![item.show()],
            _ => Vec::new(),
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, keymap: &Keymap) {
        let x = &self.finding;
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
                    self.rule_title,
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
        for (i, item) in self.items.iter().enumerate() {
            let text = format!("  {}", item.label());
            lines.push(if i == self.sel {
                Line::styled(text, SEL)
            } else {
                Line::from(text)
            });
        }
        if let Some(rv) = &x.review {
            lines.push(Line::from(""));
            lines.push(Line::styled(
                format!("{}: {} — {}", tr!("tui.col_review"), rv.status, rv.reason),
                Style::new().fg(Color::Green),
            ));
        }
        let key = |a: Action| {
            keymap
                .keys_for(Section::Global, a)
                .into_iter()
                .next()
                .unwrap_or_default()
        };
        let hint = if self.items.is_empty() {
            String::new()
        } else {
            tr!(
                "tui.evidence_keys",
                up = key(Action::Up),
                down = key(Action::Down),
                open = key(Action::Open)
            )
        };
        crate::tui::widgets::clear(r, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(tr!("tui.finding_title"))
                    .title_bottom(Line::styled(hint, DIM)),
            )
            .render(r, buf);
    }
}

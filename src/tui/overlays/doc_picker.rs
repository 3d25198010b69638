//! The documents of a clue: choose a template (↑/↓), see the document filled
//! and redacted beside the list, Enter writes it as .docx next to the case.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::job::{Reply, Request};
use crate::tui::widgets::{centered, DIM, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Open),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

#[derive(Debug)]
pub struct DocPicker {
    pub clue: i64,
    pub number: String,
    /// (name, title), as the worker found them.
    pub templates: Vec<(String, String)>,
    pub sel: usize,
    /// The selected template's document (Markdown, redacted), or why not.
    pub preview: Option<Result<String, String>>,
}

impl DocPicker {
    pub fn new(clue: i64, number: String) -> DocPicker {
        DocPicker {
            clue,
            number,
            templates: Vec::new(),
            sel: 0,
            preview: None,
        }
    }

    /// The first request: the templates and the first one's document.
    pub fn load(&self) -> Request {
        Request::DocPreview {
            clue: self.clue,
            template: None,
        }
    }

    fn selected(&self) -> Option<&str> {
        self.templates.get(self.sel).map(|(n, _)| n.as_str())
    }

    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if let Some(d) = step(a) {
            let before = self.sel;
            self.sel = clamp_move(self.sel, d, self.templates.len());
            if self.sel == before {
                return Vec::new();
            }
            self.preview = None;
            return vec![Effect::Request(Request::DocPreview {
                clue: self.clue,
                template: self.selected().map(str::to_string),
            })];
        }
        match (a, self.selected()) {
            (Action::Open, Some(t)) => vec![
                Effect::Request(Request::WriteDoc {
                    clue: self.clue,
                    number: self.number.clone(),
                    template: t.to_string(),
                }),
                Effect::Close,
            ],
            _ => Vec::new(),
        }
    }

    pub fn on_reply(&mut self, r: &Reply) {
        if let Reply::DocPreview(result) = r {
            match result {
                Ok((templates, name, text)) => {
                    self.templates = templates.clone();
                    if let Some(i) = self.templates.iter().position(|(n, _)| n == name) {
                        self.sel = i;
                    }
                    self.preview = Some(Ok(text.clone()));
                }
                Err(e) => self.preview = Some(Err(e.to_string())),
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let r = centered(
            area,
            area.width.saturating_sub(6).max(40),
            area.height.saturating_sub(4).max(10),
        );
        crate::tui::widgets::clear(r, buf);
        let cols = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Length(30), Constraint::Min(20)])
            .split(r);
        let items: Vec<ListItem> = self
            .templates
            .iter()
            .map(|(name, title)| {
                ListItem::new(vec![
                    Line::from(title.clone()),
                    Line::from(Span::styled(format!("  {name}"), DIM)),
                ])
            })
            .collect();
        let mut st = ListState::default().with_selected(Some(self.sel));
        StatefulWidget::render(
            List::new(items)
                .block(Block::bordered().title(tr!("tui.docs.title", number = self.number)))
                .highlight_style(SEL),
            cols[0],
            buf,
            &mut st,
        );
        let text = match &self.preview {
            None => tr!("tui.docs.loading"),
            Some(Ok(t)) => t.clone(),
            Some(Err(e)) => e.clone(),
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(tr!("tui.docs.preview")))
            .render(cols[1], buf);
    }
}

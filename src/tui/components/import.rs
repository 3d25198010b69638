//! The Import screen: a path (Tab completes it) imported on the worker, and
//! the report of every file.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, Widget};
use tui_textarea::TextArea;

use super::{Component, Ctx};
use crate::error::Msg;
use crate::ingest::{FileReport, Status};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::ActionSpec;
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::{Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::widgets::{self, text_of, DIM};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::anywhere(Action::ImportPath).hint("import"),
    ActionSpec::here(Action::Submit),
    ActionSpec::here(Action::Complete),
    ActionSpec::here(Action::Cancel),
];

pub struct Import {
    pub path: TextArea<'static>,
    pub focused: bool,
    pub reports: Vec<FileReport>,
}

impl Default for Import {
    fn default() -> Import {
        Import {
            path: widgets::textarea(),
            focused: false,
            reports: Vec::new(),
        }
    }
}

impl Component for Import {
    fn section(&self) -> Section {
        Section::Import
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, ctx: &Ctx) -> Vec<Effect> {
        match a {
            Action::ImportPath => {
                vec![Effect::Goto(crate::tui::app::Screen::Import), Effect::Focus]
            }
            Action::Submit if self.focused => {
                let p = text_of(&self.path);
                if p.trim().is_empty() || ctx.busy {
                    return Vec::new();
                }
                self.focused = false;
                vec![Effect::Request(Request::Import {
                    paths: vec![p.trim().into()],
                })]
            }
            Action::Complete if self.focused => vec![Effect::CompletePath(text_of(&self.path))],
            Action::Cancel => {
                self.focused = false;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Completed(done) => {
                self.path = widgets::textarea_with(done);
                Vec::new()
            }
            Reply::Imported(reports) => {
                let count = |s: Status| reports.iter().filter(|r| r.status == s).count();
                self.reports = reports.clone();
                vec![Effect::Say(Notice::Say(
                    Msg::new("tui.imported")
                        .arg("ok", count(Status::Imported))
                        .arg("bad", count(Status::Error)),
                ))]
            }
            _ => Vec::new(),
        }
    }

    fn on_enter(&mut self) -> Vec<Effect> {
        self.focused = false;
        Vec::new()
    }

    fn input(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.focused {
            self.path.input(key);
        }
        Vec::new()
    }

    fn typing(&self) -> bool {
        self.focused
    }

    fn set_focus(&mut self, on: bool) {
        self.focused = on;
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(3), Constraint::Min(3)])
            .split(area);
        widgets::field(
            rows[0],
            buf,
            &self.path,
            tr!("tui.import_title"),
            self.focused,
        );
        let items: Vec<ListItem> = if self.reports.is_empty() {
            vec![ListItem::new(Text::from(tr!("tui.import_hint")))]
        } else {
            self.reports.iter().map(report_item).collect()
        };
        List::new(items)
            .block(Block::bordered().title(tr!("tui.import_results")))
            .render(rows[1], buf);
    }
}

fn report_item(r: &FileReport) -> ListItem<'static> {
    let (mark, style) = match r.status {
        Status::Imported => ("✓", Style::new().fg(Color::Green)),
        Status::Duplicate => ("=", DIM),
        Status::Error => ("✗", Style::new().fg(Color::Red)),
    };
    let what = r
        .role
        .map(|x| x.as_str().to_string())
        .or(r.kind.map(|k| k.as_str().to_string()))
        .unwrap_or_default();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{mark} "), style),
        Span::raw(format!(
            "{}  {what}  {}",
            r.file,
            r.size_msg().map(|m| m.to_string()).unwrap_or_default()
        )),
    ])];
    if let Some(e) = &r.error {
        lines.push(Line::styled(format!("  {e}"), Style::new().fg(Color::Red)));
    }
    for w in &r.warnings {
        lines.push(Line::styled(format!("  ! {w}"), DIM));
    }
    ListItem::new(Text::from(lines))
}

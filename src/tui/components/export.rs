//! The Export screen: format, scope and redaction, the output path and a
//! Markdown preview of what will be written.

use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use tui_textarea::TextArea;

use super::{Component, Ctx};
use crate::export::Format;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::{Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::widgets::{self, choices, text_of, DIM};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::anywhere(Action::CycleFormat).hint("format"),
    ActionSpec::anywhere(Action::CycleScope).hint("scope"),
    ActionSpec::anywhere(Action::ToggleRedact).hint("redact"),
    ActionSpec::anywhere(Action::WriteExport).hint("write"),
    ActionSpec::anywhere(Action::ExportPath),
    ActionSpec::here(Action::Submit),
    ActionSpec::here(Action::Cancel),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

pub struct Export {
    pub format: Format,
    /// 0: the whole case; n: the n-th allegation.
    pub scope: usize,
    pub redact: bool,
    pub path: TextArea<'static>,
    pub focused: bool,
    pub preview: Option<String>,
    pub scroll: u16,
    /// The allegations one may limit the export to: (id, title).
    pub allegations: Vec<(i64, String)>,
    /// The case file: the default output goes next to it.
    case_path: PathBuf,
}

impl Export {
    pub fn new(case_path: &Path) -> Export {
        Export {
            format: Format::Markdown,
            scope: 0,
            redact: true,
            path: widgets::textarea(),
            focused: false,
            preview: None,
            scroll: 0,
            allegations: Vec::new(),
            case_path: case_path.to_path_buf(),
        }
    }

    /// The allegation the export is limited to (None: the whole case).
    pub fn allegation(&self) -> Option<&(i64, String)> {
        self.scope
            .checked_sub(1)
            .and_then(|i| self.allegations.get(i))
    }

    fn options(&self) -> crate::export::Options {
        crate::export::Options {
            allegation: self.allegation().map(|a| a.0),
            redact: self.redact,
        }
    }

    /// Asks for the Markdown preview of the current choices.
    fn preview(&self) -> Vec<Effect> {
        vec![Effect::Request(Request::Preview {
            opts: self.options(),
        })]
    }

    fn write(&self) -> Vec<Effect> {
        let path = text_of(&self.path);
        if path.trim().is_empty() {
            return Vec::new();
        }
        vec![Effect::Request(Request::Export {
            opts: self.options(),
            format: self.format,
            path: PathBuf::from(path.trim()),
        })]
    }
}

impl Component for Export {
    fn section(&self) -> Section {
        Section::Export
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, _ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            let n = self
                .preview
                .as_ref()
                .map(|p| p.lines().count())
                .unwrap_or(0);
            self.scroll = clamp_move(self.scroll as usize, d, n) as u16;
            return Vec::new();
        }
        match a {
            Action::CycleFormat => {
                let all = Format::ALL;
                let i = all.iter().position(|f| *f == self.format).unwrap_or(0);
                let old = self.format.extension();
                self.format = all[(i + 1) % all.len()];
                // Keep the typed path, with the new extension.
                let p = text_of(&self.path);
                let new = match p.strip_suffix(&format!(".{old}")) {
                    Some(stem) => format!("{stem}.{}", self.format.extension()),
                    None => p,
                };
                self.path = widgets::textarea_with(&new);
                Vec::new()
            }
            Action::CycleScope => {
                self.scope = (self.scope + 1) % (self.allegations.len() + 1);
                self.preview()
            }
            Action::ToggleRedact => {
                self.redact = !self.redact;
                self.preview()
            }
            Action::ExportPath => {
                vec![Effect::Goto(crate::tui::app::Screen::Export), Effect::Focus]
            }
            Action::WriteExport => self.write(),
            Action::Submit if self.focused => {
                self.focused = false;
                self.write()
            }
            Action::Cancel => {
                self.focused = false;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Case { allegations, .. } => {
                self.allegations = allegations
                    .iter()
                    .map(|a| (a.id, a.title.clone()))
                    .collect();
                Vec::new()
            }
            Reply::ExportPath(p) => {
                self.path = widgets::textarea_with(p);
                Vec::new()
            }
            Reply::Preview(Ok(m)) => {
                self.preview = Some(m.clone());
                Vec::new()
            }
            Reply::Preview(Err(e)) => {
                self.preview = None;
                vec![Effect::Say(Notice::Failed(e.clone()))]
            }
            _ => Vec::new(),
        }
    }

    fn on_enter(&mut self) -> Vec<Effect> {
        self.focused = false;
        let mut fx = Vec::new();
        if text_of(&self.path).trim().is_empty() {
            fx.push(Effect::SuggestExportPath {
                dir: self
                    .case_path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
                stem: self
                    .case_path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "hecha".into()),
                ext: self.format.extension(),
            });
        }
        fx.extend(self.preview());
        fx
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
            .constraints([
                Constraint::Length(4),
                Constraint::Length(3),
                Constraint::Min(3),
            ])
            .split(area);
        let chosen = Format::ALL
            .iter()
            .position(|f| *f == self.format)
            .unwrap_or(0);
        let mut line1 = vec![Span::styled(format!("{}：", tr!("tui.export_format")), DIM)];
        line1.extend(choices(
            Format::ALL
                .iter()
                .map(|f| (f.extension().to_string(), Style::default())),
            chosen,
        ));
        let scope = match self.allegation() {
            Some((id, title)) => format!("#{id} {title}"),
            None => tr!("export.scope_all"),
        };
        let redaction = if self.redact {
            Span::styled(tr!("tui.export_redacted"), Style::new().fg(Color::Green))
        } else {
            Span::styled(
                tr!("tui.export_unredacted"),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            )
        };
        let line2 = Line::from(vec![
            Span::styled(format!("{}：", tr!("export.scope")), DIM),
            Span::raw(scope),
            Span::raw("   "),
            redaction,
        ]);
        Paragraph::new(vec![Line::from(line1), line2])
            .block(Block::bordered().title(tr!("tui.export_title")))
            .render(rows[0], buf);
        widgets::field(
            rows[1],
            buf,
            &self.path,
            tr!("tui.export_path_title"),
            self.focused,
        );
        let lines: Vec<Line> = self
            .preview
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(|l| {
                if l.starts_with('#') {
                    Line::styled(
                        l.to_string(),
                        Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
                    )
                } else {
                    Line::from(l.to_string())
                }
            })
            .collect();
        Paragraph::new(lines)
            .scroll((self.scroll, 0))
            .block(Block::bordered().title(tr!("tui.export_preview")))
            .render(rows[2], buf);
    }
}

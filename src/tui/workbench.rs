//! The workbench: the screens and the overlay, routing actions and replies to
//! them. Pure: `update`, `on_key` and `on_reply` change state and return the
//! I/O effects for the runtime; `render` only reads.

use std::path::Path;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};

use super::action::Action;
use super::app::Screen;
use super::commands::{lists, lists_anywhere, palette_actions, ActionSpec};
use super::components::{
    audit::Audit, case::Case, checks::Checks, export::Export, home::Home, import::Import,
    ledgers::Ledgers, person::Person, search::Search, Component, Ctx,
};
use super::effect::{Effect, Notice};
use super::history::History;
use super::job::{JobId, Progress, Reply, Request};
use super::keymap::{Keymap, Section};
use super::overlays::{help::Help, link_picker::LinkPicker, palette::Palette, Overlay, View};
use super::widgets::{status_line, tabs};
use crate::error::Msg;
use crate::tr;

/// The workbench's own actions (and its hints: help, palette … quit).
pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::anywhere(Action::Help).hint("help"),
    ActionSpec::anywhere(Action::Palette).hint("palette"),
    ActionSpec::anywhere(Action::Quit).hint_last("quit"),
    ActionSpec::anywhere(Action::Cancel),
    ActionSpec::anywhere(Action::ScreenHome),
    ActionSpec::anywhere(Action::ScreenSearch),
    ActionSpec::anywhere(Action::ScreenChecks),
    ActionSpec::anywhere(Action::ScreenLedgers),
    ActionSpec::anywhere(Action::ScreenImport),
    ActionSpec::anywhere(Action::ScreenCase),
    ActionSpec::anywhere(Action::ScreenPerson),
    ActionSpec::anywhere(Action::ScreenAudit),
    ActionSpec::anywhere(Action::ScreenExport),
    ActionSpec::anywhere(Action::NextScreen),
    ActionSpec::anywhere(Action::PrevScreen),
    ActionSpec::anywhere(Action::Undo),
    ActionSpec::anywhere(Action::Back),
    ActionSpec::anywhere(Action::Forward),
];

/// What the keys of the `[input]` section may do while a text field has the keyboard.
pub const INPUT_ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Submit).hint("submit"),
    ActionSpec::here(Action::Cancel).hint("leave"),
    ActionSpec::here(Action::Complete),
    ActionSpec::here(Action::Quit).hint_last("quit"),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
];

/// Work running on the worker, as the status line shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    pub job: JobId,
    pub label: Progress,
    pub done: u64,
    pub total: u64,
    /// Esc stops it.
    pub cancellable: bool,
}

pub struct Workbench {
    pub screen: Screen,
    pub overlay: Overlay,
    pub keymap: Keymap,
    pub case_name: String,
    pub should_quit: bool,
    pub busy: Option<Busy>,
    pub message: Option<Notice>,
    /// Where Back and Forward go.
    pub history: History,
    pub home: Home,
    pub search: Search,
    pub checks: Checks,
    pub ledgers: Ledgers,
    pub import: Import,
    pub case: Case,
    pub person: Person,
    pub audit: Audit,
    pub export: Export,
}

impl Workbench {
    pub fn new(keymap: Keymap, case_path: &Path) -> Workbench {
        let home = Home::new(&keymap);
        Workbench {
            screen: Screen::Home,
            overlay: Overlay::None,
            keymap,
            case_name: case_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            should_quit: false,
            busy: None,
            message: None,
            history: History::default(),
            home,
            search: Search::default(),
            checks: Checks::default(),
            ledgers: Ledgers::default(),
            import: Import::default(),
            case: Case::default(),
            person: Person::default(),
            audit: Audit::default(),
            export: Export::new(case_path),
        }
    }

    /// What to load when the workbench opens.
    pub fn startup(&self) -> Vec<Effect> {
        [
            Request::LoadOverview,
            Request::LoadChecks,
            Request::LoadLedgers,
            Request::LoadCase,
        ]
        .into_iter()
        .map(Effect::Request)
        .collect()
    }

    pub fn component(&self, s: Screen) -> &dyn Component {
        match s {
            Screen::Home => &self.home,
            Screen::Search => &self.search,
            Screen::Checks => &self.checks,
            Screen::Ledgers => &self.ledgers,
            Screen::Import => &self.import,
            Screen::Case => &self.case,
            Screen::Person => &self.person,
            Screen::Audit => &self.audit,
            Screen::Export => &self.export,
        }
    }

    pub(super) fn component_mut(&mut self, s: Screen) -> &mut dyn Component {
        match s {
            Screen::Home => &mut self.home,
            Screen::Search => &mut self.search,
            Screen::Checks => &mut self.checks,
            Screen::Ledgers => &mut self.ledgers,
            Screen::Import => &mut self.import,
            Screen::Case => &mut self.case,
            Screen::Person => &mut self.person,
            Screen::Audit => &mut self.audit,
            Screen::Export => &mut self.export,
        }
    }

    /// The section whose keys apply on the current screen.
    pub fn section(&self) -> Section {
        self.screen.section()
    }

    /// A text field has the keyboard.
    pub fn typing(&self) -> bool {
        self.overlay.typing() || self.component(self.screen).typing()
    }

    /// The keymap sections asked for a key, first match wins: the overlay's
    /// own, then `[input]` while typing, else the screen's and `[global]`.
    pub fn key_sections(&self) -> Vec<Section> {
        let mut v: Vec<Section> = self.overlay.section().into_iter().collect();
        if self.typing() {
            v.push(Section::Input);
        } else {
            v.extend([self.section(), Section::Global]);
        }
        v
    }

    /// The lists the palette offers actions from.
    pub fn palette_actions(&self) -> Vec<Action> {
        let mut all: Vec<&[ActionSpec]> = vec![ACTIONS];
        all.extend(Screen::ALL.iter().map(|&s| self.component(s).actions()));
        palette_actions(&all)
    }

    /// The help overlay's sections, each with the actions of its handler.
    pub fn help_sections(&self) -> Vec<(Section, &'static [ActionSpec])> {
        let mut v = vec![(Section::Global, ACTIONS)];
        v.extend(Screen::ALL.iter().map(|&s| {
            let c = self.component(s);
            (c.section(), c.actions())
        }));
        v.push((Section::Input, INPUT_ACTIONS));
        v.push((Section::LinkPicker, super::overlays::link_picker::ACTIONS));
        v.push((
            Section::StatusEditor,
            super::overlays::editors::STATUS_ACTIONS,
        ));
        v
    }

    pub(super) fn ctx(&self) -> Ctx {
        Ctx {
            busy: self.busy.is_some(),
        }
    }

    /// A key press: a bound action, or (in a text field) an edit.
    pub fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if let Some(a) = self.keymap.lookup(&self.key_sections(), &key) {
            return self.update(a);
        }
        if self.overlay.typing() {
            self.overlay.input(key);
            return Vec::new();
        }
        let s = self.screen;
        let c = self.component_mut(s);
        if c.typing() {
            let fx = c.input(key);
            return self.resolve(fx);
        }
        Vec::new()
    }

    /// Applies an action; returns the I/O to carry out.
    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        let fx = self.dispatch(a);
        self.resolve(fx)
    }

    /// A reply from a job (never a stale one: the runtime drops those).
    pub fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Changed(Ok(d)) => self.message = Some(Notice::Say(d.msg())),
            Reply::Changed(Err(e)) | Reply::Failed(e) => {
                self.message = Some(Notice::Failed(e.clone()))
            }
            _ => {}
        }
        let mut fx = Vec::new();
        for s in Screen::ALL {
            fx.extend(self.component_mut(s).on_reply(r));
        }
        self.overlay.on_reply(r);
        self.resolve(fx)
    }

    /// A cancellable job started.
    pub fn started(&mut self, job: JobId, label: Msg) {
        self.busy = Some(Busy {
            job,
            label: Progress::Start(label),
            done: 0,
            total: 0,
            cancellable: true,
        });
    }

    /// Progress of a job: it shows unless another job's cancellable work does.
    pub fn progress(&mut self, job: JobId, label: Progress, done: u64, total: u64) {
        match &mut self.busy {
            Some(b) if b.job == job => {
                b.label = label;
                b.done = done;
                b.total = total;
            }
            Some(b) if b.cancellable => {}
            _ => {
                self.busy = Some(Busy {
                    job,
                    label,
                    done,
                    total,
                    cancellable: false,
                })
            }
        }
    }

    /// A job is over: its progress goes.
    pub fn finished(&mut self, job: JobId) {
        if self.busy.as_ref().is_some_and(|b| b.job == job) {
            self.busy = None;
        }
    }

    fn dispatch(&mut self, a: Action) -> Vec<Effect> {
        let screens = |a: Action| -> Option<Screen> {
            Some(match a {
                Action::ScreenHome => Screen::Home,
                Action::ScreenSearch => Screen::Search,
                Action::ScreenChecks => Screen::Checks,
                Action::ScreenLedgers => Screen::Ledgers,
                Action::ScreenImport => Screen::Import,
                Action::ScreenCase => Screen::Case,
                Action::ScreenPerson => Screen::Person,
                Action::ScreenAudit => Screen::Audit,
                Action::ScreenExport => Screen::Export,
                _ => return None,
            })
        };
        if let Some(s) = screens(a) {
            return vec![Effect::Goto(s)];
        }
        match a {
            Action::Quit => {
                if self.busy.is_some() && !matches!(self.overlay, Overlay::ConfirmQuit) {
                    self.overlay = Overlay::ConfirmQuit;
                    return Vec::new();
                }
                vec![Effect::Quit]
            }
            Action::Help => {
                self.overlay = match self.overlay {
                    Overlay::Help(_) => Overlay::None,
                    _ => Overlay::Help(Help::default()),
                };
                Vec::new()
            }
            Action::Palette => vec![Effect::Open(Overlay::Palette(Box::new(Palette::new(
                self.palette_actions(),
            ))))],
            Action::NextScreen | Action::PrevScreen => {
                let i = Screen::ALL
                    .iter()
                    .position(|s| *s == self.screen)
                    .unwrap_or(0);
                let n = Screen::ALL.len();
                let j = if a == Action::NextScreen {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                vec![Effect::Goto(Screen::ALL[j])]
            }
            Action::Cancel => self.cancel(),
            Action::Undo => vec![Effect::Request(Request::Undo)],
            Action::Back => self.walk(true),
            Action::Forward => self.walk(false),
            _ => {
                if let Some(fx) = self.overlay.update(a) {
                    return fx;
                }
                let ctx = self.ctx();
                let here = self.screen;
                let owner = if lists(self.component(here).actions(), a) {
                    Some(here)
                } else {
                    Screen::ALL
                        .into_iter()
                        .find(|&s| lists_anywhere(self.component(s).actions(), a))
                };
                match owner {
                    Some(s) => self.component_mut(s).update(a, &ctx),
                    None => Vec::new(),
                }
            }
        }
    }

    /// Esc: leave the quit question, else stop running work, else close the
    /// overlay, else let the screen step back (leave its field or pane).
    fn cancel(&mut self) -> Vec<Effect> {
        if matches!(self.overlay, Overlay::ConfirmQuit) {
            self.overlay = Overlay::None;
            return Vec::new();
        }
        let s = self.screen;
        // In a screen's text field Esc leaves the field first, work or not.
        if !self.overlay.is_open() && self.component(s).typing() {
            let ctx = self.ctx();
            let c = self.component_mut(s);
            if lists(c.actions(), Action::Cancel) {
                return c.update(Action::Cancel, &ctx);
            }
            c.set_focus(false);
            return Vec::new();
        }
        if self.busy.as_ref().is_some_and(|b| b.cancellable) {
            return vec![Effect::CancelJob, Effect::say("tui.cancelling")];
        }
        if self.overlay.is_open() {
            self.overlay = Overlay::None;
            return Vec::new();
        }
        let ctx = self.ctx();
        let c = self.component_mut(s);
        if lists(c.actions(), Action::Cancel) {
            return c.update(Action::Cancel, &ctx);
        }
        Vec::new()
    }

    /// Shows screen `s` (closing any overlay).
    pub fn show(&mut self, s: Screen) -> Vec<Effect> {
        self.screen = s;
        self.overlay = Overlay::None;
        self.component_mut(s).on_enter()
    }

    /// Carries out the UI effects among the components; returns the I/O ones.
    pub(crate) fn resolve(&mut self, fx: Vec<Effect>) -> Vec<Effect> {
        let mut io = Vec::new();
        for e in fx {
            let more = match e {
                e if e.is_io() => {
                    io.push(e);
                    continue;
                }
                e if e.is_jump() => self.recorded(e),
                Effect::Focus => {
                    let s = self.screen;
                    self.component_mut(s).set_focus(true);
                    Vec::new()
                }
                Effect::Open(o) => {
                    if o.typing() {
                        let s = self.screen;
                        self.component_mut(s).set_focus(false);
                    }
                    self.overlay = o;
                    Vec::new()
                }
                Effect::Close => {
                    self.overlay = Overlay::None;
                    Vec::new()
                }
                Effect::Say(n) => {
                    self.message = Some(n);
                    Vec::new()
                }
                Effect::Dispatch(a) => self.dispatch(a),
                Effect::LinkItem { item, label } => {
                    if self.case.allegations.is_empty() {
                        vec![Effect::say("tui.no_allegations")]
                    } else {
                        let p = LinkPicker::new(
                            item,
                            label,
                            &self.case.allegations,
                            self.case.allegation_index(),
                        );
                        vec![Effect::Open(Overlay::LinkPicker(p))]
                    }
                }
                Effect::Quit => {
                    self.should_quit = true;
                    Vec::new()
                }
                _ => Vec::new(),
            };
            io.extend(self.resolve(more));
        }
        io
    }

    /// Carries out a jump (see `Effect::is_jump`); `resolve` records it.
    pub(super) fn jump(&mut self, e: Effect) -> Vec<Effect> {
        match e {
            Effect::Goto(s) => self.show(s),
            Effect::ShowPerson(id) => {
                let mut fx = self.person.open(&id);
                fx.extend(self.show(Screen::Person));
                self.person.set_focus(false);
                fx
            }
            Effect::ShowNode(node) => {
                let fx = self.show(Screen::Person);
                self.person.show_relations = true;
                self.person.relations.focus_on(&node);
                fx
            }
            Effect::SearchFor(text) => {
                let mut fx = self.show(Screen::Search);
                fx.extend(self.search.search_for(&text));
                fx
            }
            Effect::ShowRow { ledger, row } => {
                // After entering: the row's page supersedes any first page asked for.
                let mut fx = self.show(Screen::Ledgers);
                fx.extend(self.ledgers.show_row(&ledger, row));
                fx
            }
            Effect::ShowDocument { source, quote } => {
                let mut fx = self.show(Screen::Search);
                fx.extend(self.search.show_document(&source, &quote));
                fx
            }
            _ => Vec::new(),
        }
    }

    /// The tab bar, the screen and the status line.
    pub fn layout(area: Rect) -> [Rect; 3] {
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([
                Constraint::Length(1),
                Constraint::Min(3),
                Constraint::Length(1),
            ])
            .split(area);
        [rows[0], rows[1], rows[2]]
    }

    /// The tabs' labels and the shown one.
    pub fn tabs(&self) -> (Vec<String>, usize) {
        let labels: Vec<String> = Screen::ALL
            .iter()
            .map(|s| tr!(&format!("tui.screen.{}", s.key())))
            .collect();
        let sel = Screen::ALL
            .iter()
            .position(|s| *s == self.screen)
            .unwrap_or(0);
        (labels, sel)
    }

    /// The status line's hints: the text field's keys while typing, else the
    /// workbench's and the screen's.
    pub fn hint_items(&self) -> Vec<(Action, String)> {
        if self.typing() {
            status_line::hint_items(&self.keymap, Section::Input, INPUT_ACTIONS, &[])
        } else {
            let screen = self.component(self.screen).actions();
            status_line::hint_items(&self.keymap, self.section(), ACTIONS, screen)
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let rows = Workbench::layout(area);
        let (labels, sel) = self.tabs();
        tabs::render_from(0, &labels, sel, &self.case_name, rows[0], buf);
        let screen = self.component(self.screen);
        screen.render(rows[1], buf);
        // The mode shows during progress too.
        let mode = tr!(if self.typing() {
            "tui.mode.typing"
        } else {
            "tui.mode.screen"
        });
        let label = self
            .busy
            .as_ref()
            .map(|b| format!("{mode} · {}", b.label.text()));
        let progress =
            self.busy
                .as_ref()
                .zip(label.as_deref())
                .map(|(b, label)| status_line::Progress {
                    label,
                    done: b.done,
                    total: b.total,
                });
        let left = match &self.message {
            Some(m) => m.text(),
            None => tr!(&format!("tui.screen.{}", self.screen.key())),
        };
        let typing = self.typing();
        let hints: Vec<String> = self.hint_items().into_iter().map(|(_, t)| t).collect();
        let hints = hints.join("  ");
        let left = status_line::mode_line(typing, left);
        status_line::render(progress, left, &hints, rows[2], buf);
        let sections = self.help_sections();
        let view = View {
            keymap: &self.keymap,
            finding: self.checks.selected_finding(),
            sections: &sections,
        };
        self.overlay.render(area, buf, &view);
    }
}

//! The workbench as a running program: the pure [`Workbench`] plus the
//! [`Runtime`] that carries out its effects. Key presses and actions go in;
//! the runtime executes what `update` asks for; replies come back through it.

use std::time::Duration;

use crossterm::event::KeyEvent;

use super::action::Action;
use super::keymap::{Keymap, Section};
use super::runtime::Runtime;
use super::workbench::Workbench;
use crate::case::Case;

pub use super::overlays::Overlay;
pub use super::widgets::text_of;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Search,
    Checks,
    Ledgers,
    Import,
    Case,
    Person,
    Audit,
    Export,
}

impl Screen {
    pub const ALL: [Screen; 9] = [
        Screen::Home,
        Screen::Search,
        Screen::Checks,
        Screen::Ledgers,
        Screen::Import,
        Screen::Case,
        Screen::Person,
        Screen::Audit,
        Screen::Export,
    ];

    pub fn section(self) -> Section {
        match self {
            Screen::Home => Section::Home,
            Screen::Search => Section::Search,
            Screen::Checks => Section::Checks,
            Screen::Ledgers => Section::Ledgers,
            Screen::Import => Section::Import,
            Screen::Case => Section::Case,
            Screen::Person => Section::Person,
            Screen::Audit => Section::Audit,
            Screen::Export => Section::Export,
        }
    }

    pub fn key(self) -> &'static str {
        self.section().name()
    }
}

pub struct App {
    bench: Workbench,
    // Dropped after the workbench: joins the worker.
    runtime: Runtime,
}

impl App {
    /// Opens the workbench on a case: the worker thread takes the case.
    pub fn new(case: Case, keymap: Keymap) -> App {
        let bench = Workbench::new(keymap, case.path());
        let runtime = Runtime::start(case);
        let mut app = App { bench, runtime };
        let fx = app.bench.startup();
        app.runtime.execute(&mut app.bench, fx);
        app
    }

    /// A key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        let fx = self.bench.on_key(key);
        self.runtime.execute(&mut self.bench, fx);
    }

    /// A mouse event over the workbench drawn in `area`.
    pub fn on_mouse(&mut self, m: crossterm::event::MouseEvent, area: ratatui::layout::Rect) {
        let fx = self.bench.on_mouse(m, area);
        self.runtime.execute(&mut self.bench, fx);
    }

    /// An action, as if its key was pressed.
    pub fn update(&mut self, a: Action) {
        let fx = self.bench.update(a);
        self.runtime.execute(&mut self.bench, fx);
    }

    /// Applies every reply that has arrived. Returns true if anything changed.
    pub fn drain(&mut self) -> bool {
        self.runtime.drain(&mut self.bench)
    }

    /// Waits (up to `timeout`) until every job has finished (tests, e2e).
    pub fn settle(&mut self, timeout: Duration) {
        self.runtime.settle(&mut self.bench, timeout);
    }

    /// True while a job is unfinished.
    pub fn is_pending(&self) -> bool {
        self.runtime.is_pending()
    }

    pub fn bench(&self) -> &Workbench {
        &self.bench
    }

    pub fn bench_mut(&mut self) -> &mut Workbench {
        &mut self.bench
    }

    pub fn should_quit(&self) -> bool {
        self.bench.should_quit
    }

    pub fn screen(&self) -> Screen {
        self.bench.screen
    }

    pub fn overlay(&self) -> &Overlay {
        &self.bench.overlay
    }

    /// The status line's message, as shown.
    pub fn message(&self) -> Option<String> {
        self.bench.message.as_ref().map(|m| m.text())
    }

    /// The palette's matching actions, best first.
    pub fn palette_matches(&self) -> Vec<Action> {
        match &self.bench.overlay {
            Overlay::Palette(p) => p.matches(),
            _ => Vec::new(),
        }
    }
}

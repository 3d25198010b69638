//! The screens. Each owns its state and declares its actions; `update` and
//! `on_reply` only change that state and return effects (no I/O, no worker
//! calls); `render` only reads it.

pub mod audit;
pub mod case;
pub mod checks;
pub mod export;
pub mod findings_list;
pub mod home;
pub mod import;
pub mod ledgers;
pub mod person;
pub mod register_view;
pub mod relations;
pub mod search;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::Action;
use super::commands::ActionSpec;
use super::effect::Effect;
use super::job::Reply;
use super::keymap::Section;

/// Rows one turn of the wheel moves.
pub const WHEEL_STEP: usize = 3;

/// A click at row `i` of a list whose selection is `sel`: select it, or open
/// it when it is selected already (the keyboard's Enter).
pub fn pick(sel: &mut usize, i: usize) -> Option<Action> {
    if *sel == i {
        return Some(Action::Open);
    }
    *sel = i;
    None
}

/// What a screen may know of the workbench around it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    /// A cancellable job (checks, import) is running.
    pub busy: bool,
}

pub trait Component {
    /// The keymap section of its keys.
    fn section(&self) -> Section;
    /// The actions it handles, with their hints.
    fn actions(&self) -> &'static [ActionSpec];
    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect>;
    fn on_reply(&mut self, _reply: &Reply) -> Vec<Effect> {
        Vec::new()
    }
    /// Shown: reset the keyboard focus, load what is missing.
    fn on_enter(&mut self) -> Vec<Effect> {
        self.set_focus(false);
        Vec::new()
    }
    /// A key that no action claimed, while a text field has the keyboard.
    fn input(&mut self, _key: KeyEvent) -> Vec<Effect> {
        Vec::new()
    }
    /// A text field has the keyboard.
    fn typing(&self) -> bool {
        false
    }
    fn set_focus(&mut self, _on: bool) {}
    /// A left click at `at` inside the screen's `area`: select (or enter)
    /// what is drawn there; a click on the selected row opens it.
    fn click(&mut self, _area: Rect, _at: (u16, u16), _ctx: &Ctx) -> Vec<Effect> {
        Vec::new()
    }
    /// The wheel over `at`: move through the list drawn there.
    fn wheel(&mut self, _area: Rect, _at: (u16, u16), down: bool, ctx: &Ctx) -> Vec<Effect> {
        let a = if down { Action::Down } else { Action::Up };
        (0..WHEEL_STEP).flat_map(|_| self.update(a, ctx)).collect()
    }
    fn render(&self, area: Rect, buf: &mut Buffer);
}

//! The screens. Each owns its state and declares its actions; `update` and
//! `on_reply` only change that state and return effects (no I/O, no worker
//! calls); `render` only reads it.

pub mod audit;
pub mod case;
pub mod checks;
pub mod export;
pub mod home;
pub mod import;
pub mod ledgers;
pub mod person;
pub mod search;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::Action;
use super::commands::ActionSpec;
use super::effect::Effect;
use super::job::Reply;
use super::keymap::Section;

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
    fn render(&self, area: Rect, buf: &mut Buffer);
}

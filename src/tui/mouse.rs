//! The mouse: a click on a tab shows its screen (a jump, so Back returns), a
//! click on a key hint of the status line runs it (the hints are buttons), a
//! click in a list selects its row and a second click opens it, the wheel
//! moves through the list under the pointer (or the open overlay). While an
//! overlay's text field is being edited the mouse does nothing. Off with
//! `mouse = false` in the settings file (see `settings.rs`).

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::Screen;
use super::effect::Effect;
use super::widgets::tabs;
use super::workbench::Workbench;

impl Workbench {
    /// A mouse event over the workbench drawn in `area`.
    pub fn on_mouse(&mut self, m: MouseEvent, area: Rect) -> Vec<Effect> {
        if self.overlay.typing() {
            return Vec::new();
        }
        let at = (m.column, m.row);
        let [bar, body, status] = Workbench::layout(area);
        let down = match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if bar.contains(Position::from(at)) {
                    let (labels, sel) = self.tabs();
                    return match tabs::at(0, &labels, sel, &self.case_name, bar, m.column) {
                        Some(i) => self.resolve(vec![Effect::Goto(Screen::ALL[i])]),
                        None => Vec::new(),
                    };
                }
                if status.contains(Position::from(at)) && self.busy.is_none() {
                    let items = self.hint_items();
                    return match super::widgets::status_line::hint_at(&items, status, m.column) {
                        Some(a) => self.update(a),
                        None => Vec::new(),
                    };
                }
                if self.overlay.is_open() || !body.contains(Position::from(at)) {
                    return Vec::new();
                }
                let (s, ctx) = (self.screen, self.ctx());
                let fx = self.component_mut(s).click(body, at, &ctx);
                return self.resolve(fx);
            }
            MouseEventKind::ScrollDown => true,
            MouseEventKind::ScrollUp => false,
            _ => return Vec::new(),
        };
        if self.overlay.is_open() {
            return self.update(if down { Action::Down } else { Action::Up });
        }
        if !body.contains(Position::from(at)) {
            return Vec::new();
        }
        let (s, ctx) = (self.screen, self.ctx());
        let fx = self.component_mut(s).wheel(body, at, down, &ctx);
        self.resolve(fx)
    }
}

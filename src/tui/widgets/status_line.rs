//! The bottom line: progress of the running job, or which mode the keys are in
//! (browsing the screen, or typing in a field), the last message and the key
//! hints (read from the action lists: the screen's, or the text field's).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{BOLD, DIM, SEL};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::ActionSpec;
use crate::tui::keymap::{Keymap, Section};

/// `? help  : commands  l link  n/N hits  ctrl-c quit`: the workbench's hints,
/// then the screen's, then the trailing ones, each with its first key.
pub fn hints(
    keymap: &Keymap,
    section: Section,
    global: &[ActionSpec],
    screen: &[ActionSpec],
) -> String {
    hint_items(keymap, section, global, screen)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(GAP)
}

/// Between two hints.
const GAP: &str = "  ";

/// The hints one by one, each with its action (a click on it runs that).
pub fn hint_items(
    keymap: &Keymap,
    section: Section,
    global: &[ActionSpec],
    screen: &[ActionSpec],
) -> Vec<(Action, String)> {
    let key = |a: Action| {
        keymap
            .keys_for(section, a)
            .into_iter()
            .chain(keymap.keys_for(Section::Global, a))
            .next()
            .unwrap_or_default()
    };
    let one = |s: &ActionSpec| {
        s.hint.map(|h| {
            let word = tr!(&format!("tui.hint.{}", h.word));
            let text = match h.pair {
                Some(p) => format!("{}/{} {word}", key(s.action), key(p)),
                None => format!("{} {word}", key(s.action)),
            };
            (s.action, text)
        })
    };
    let lead = global.iter().filter(|s| s.hint.is_some_and(|h| !h.last));
    let last = global.iter().filter(|s| s.hint.is_some_and(|h| h.last));
    lead.chain(screen.iter())
        .chain(last)
        .filter_map(one)
        .collect()
}

/// The hint drawn at column `x` of the status line in `area` (as `render`
/// right-aligns them), if any: the hints are buttons.
pub fn hint_at(items: &[(Action, String)], area: Rect, x: u16) -> Option<Action> {
    let total: usize = items.iter().map(|(_, t)| t.width()).sum::<usize>()
        + GAP.len() * items.len().saturating_sub(1);
    let w = (total as u16).min(area.width);
    let mut left = area.right() - w;
    for (a, t) in items {
        let right = left + t.width() as u16;
        if (left..right).contains(&x) {
            return Some(*a);
        }
        left = right + GAP.len() as u16;
    }
    None
}

/// The running job's progress, with how to cancel it.
pub struct Progress<'a> {
    pub label: &'a str,
    pub done: u64,
    pub total: u64,
}

/// The mode badge and the message: ` 浏览  比对完成。` or ` 输入中  …`.
pub fn mode_line(typing: bool, message: String) -> Line<'static> {
    let mode = tr!(if typing {
        "tui.mode.typing"
    } else {
        "tui.mode.screen"
    });
    Line::from(vec![
        Span::styled(format!(" {mode} "), SEL.patch(BOLD)),
        Span::raw(" "),
        Span::raw(message),
    ])
}

pub fn render<'a>(
    progress: Option<Progress<'_>>,
    left: impl Into<Line<'a>>,
    hints: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    if let Some(b) = progress {
        let ratio = if b.total > 0 {
            (b.done as f64 / b.total as f64).clamp(0.0, 1.0)
        } else {
            0.0
        };
        Gauge::default()
            .ratio(ratio)
            .label(format!("{} · Esc {}", b.label, tr!("tui.cancel")))
            .gauge_style(Style::new().fg(Color::Cyan))
            .render(area, buf);
        return;
    }
    let w = hints.width() as u16;
    let parts = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Min(4), Constraint::Length(w.min(area.width))])
        .split(area);
    Paragraph::new(left.into())
        .style(Style::new().fg(Color::Cyan))
        .render(parts[0], buf);
    Paragraph::new(hints.to_string())
        .style(DIM)
        .render(parts[1], buf);
}

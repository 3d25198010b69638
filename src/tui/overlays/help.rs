//! The help overlay: every keymap section with its keys and what they do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::View;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::widgets::centered;

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

#[derive(Debug, Default)]
pub struct Help {
    pub scroll: u16,
}

impl Help {
    pub fn update(&mut self, a: Action) -> Vec<Effect> {
        if let Some(d) = step(a) {
            self.scroll = (self.scroll as isize + d).clamp(0, u16::MAX as isize) as u16;
        }
        Vec::new()
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let r = centered(
            area,
            area.width.saturating_sub(4).min(90),
            area.height.saturating_sub(2),
        );
        let mut lines: Vec<Line> = Vec::new();
        for (section, _) in view.sections {
            let Some(map) = view.keymap.sections.get(section) else {
                continue;
            };
            lines.push(Line::styled(
                tr!(&format!("tui.section.{}", section.name())),
                Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
            ));
            for (k, a) in map {
                lines.push(Line::from(vec![
                    Span::raw(format!("  {:<12}", k.display())),
                    Span::raw(a.describe()),
                ]));
            }
        }
        crate::tui::widgets::clear(r, buf);
        Paragraph::new(lines)
            .scroll((self.scroll, 0))
            .block(Block::bordered().title(tr!("tui.help_title")))
            .render(r, buf);
    }
}

//! The tab bar: one tab per screen, the case file's name on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs, Widget};
use unicode_width::UnicodeWidthStr;

use super::{DIM, SEL};

/// `labels` are the screens' names in order, numbered from 1; `sel` the shown one.
pub fn render(labels: &[String], sel: usize, case_name: &str, area: Rect, buf: &mut Buffer) {
    render_from(1, labels, sel, case_name, area, buf);
}

/// As [`render`], the tabs numbered from `first` (the workbench's from 0: the
/// home screen's key).
pub fn render_from(
    first: usize,
    labels: &[String],
    sel: usize,
    case_name: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let full: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {s}", i + first))
        .collect();
    // Each tab takes its label plus a space either side, and a divider but the last.
    let need: usize = full
        .iter()
        .map(|t| t.width() + 3)
        .sum::<usize>()
        .saturating_sub(1);
    let mut name_w = (case_name.width() as u16 + 2).min(area.width / 2);
    let fits = need + name_w as usize <= area.width as usize;
    if !fits {
        name_w = 0;
    }
    let titles: Vec<Line> = full
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            // Narrow terminals: the other tabs shrink to their number.
            if fits || need <= area.width as usize || i == sel {
                Line::from(t)
            } else {
                Line::from((i + first).to_string())
            }
        })
        .collect();
    let parts = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Min(10), Constraint::Length(name_w)])
        .split(area);
    Tabs::new(titles)
        .select(sel)
        .highlight_style(SEL)
        .divider("│")
        .render(parts[0], buf);
    Paragraph::new(case_name)
        .alignment(Alignment::Right)
        .style(DIM)
        .render(parts[1], buf);
}

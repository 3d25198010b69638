//! The tab bar: one tab per screen, the case file's name on the right. A click
//! finds its tab with [`at`], which lays the tabs out as `render` draws them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs, Widget};
use unicode_width::UnicodeWidthStr;

use super::{DIM, SEL};

/// The tabs' texts and the width left for the case name.
/// Tabs are numbered from `first` (the workbench's from 0: the home screen's key).
fn titles(
    first: usize,
    labels: &[String],
    sel: usize,
    case_name: &str,
    area: Rect,
) -> (Vec<String>, u16) {
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
    let titles = full
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            // Narrow terminals: the other tabs shrink to their number.
            if fits || need <= area.width as usize || i == sel {
                t
            } else {
                (i + first).to_string()
            }
        })
        .collect();
    (titles, name_w)
}

fn parts(area: Rect, name_w: u16) -> std::rc::Rc<[Rect]> {
    Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Min(10), Constraint::Length(name_w)])
        .split(area)
}

/// `labels` are the screens' names in order, numbered from 1; `sel` the shown one.
pub fn render(labels: &[String], sel: usize, case_name: &str, area: Rect, buf: &mut Buffer) {
    render_from(1, labels, sel, case_name, area, buf);
}

/// As [`render`], the tabs numbered from `first`.
pub fn render_from(
    first: usize,
    labels: &[String],
    sel: usize,
    case_name: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let (titles, name_w) = titles(first, labels, sel, case_name, area);
    let parts = parts(area, name_w);
    Tabs::new(titles.into_iter().map(Line::from))
        .select(sel)
        .highlight_style(SEL)
        .divider("│")
        .render(parts[0], buf);
    Paragraph::new(case_name)
        .alignment(Alignment::Right)
        .style(DIM)
        .render(parts[1], buf);
}

/// The tab drawn at column `x` (its padding included, not the dividers).
pub fn at(
    first: usize,
    labels: &[String],
    sel: usize,
    case_name: &str,
    area: Rect,
    x: u16,
) -> Option<usize> {
    let (titles, name_w) = titles(first, labels, sel, case_name, area);
    let tabs = parts(area, name_w)[0];
    let mut left = tabs.x;
    for (i, t) in titles.iter().enumerate() {
        let right = (left + t.width() as u16 + 2).min(tabs.right());
        if (left..right).contains(&x) {
            return Some(i);
        }
        left = right + 1;
        if left >= tabs.right() {
            break;
        }
    }
    None
}

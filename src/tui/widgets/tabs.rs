//! The tab bar: one tab per screen, the case file's name on the right. A click
//! finds its tab with [`at`], which lays the tabs out as `render` draws them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs, Widget};
use unicode_width::UnicodeWidthStr;

use super::{DIM, SEL};

/// The tabs' texts and the width left for the case name.
fn titles(labels: &[String], sel: usize, case_name: &str, area: Rect) -> (Vec<String>, u16) {
    let full: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {s}", i + 1))
        .collect();
    // Each tab takes its label plus a space either side and a divider.
    let need: usize = full.iter().map(|t| t.width() + 3).sum();
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
                (i + 1).to_string()
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

/// `labels` are the screens' names in order; `sel` the shown one.
pub fn render(labels: &[String], sel: usize, case_name: &str, area: Rect, buf: &mut Buffer) {
    let (titles, name_w) = titles(labels, sel, case_name, area);
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
pub fn at(labels: &[String], sel: usize, case_name: &str, area: Rect, x: u16) -> Option<usize> {
    let (titles, name_w) = titles(labels, sel, case_name, area);
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

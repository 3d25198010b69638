//! Titled boxes stacked top to bottom in an area, each as tall as its lines,
//! the flexible ones cut when the area is too short.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::text::clip;
use super::{BOLD, DIM};

/// A titled block's lines, and whether it may shrink when space is short.
pub struct Part {
    pub title: Line<'static>,
    pub lines: Vec<Line<'static>>,
    /// Never cut (the others give way first).
    pub fixed: bool,
}

/// Draws the parts top to bottom, each as tall as its lines. When the area
/// is too short the flexible parts are cut (tallest first, the cut shown as
/// `…`), and if that is not enough the last flexible ones are left out.
pub fn stack(parts: &[Part], area: Rect, buf: &mut Buffer) {
    let mut h: Vec<u16> = parts.iter().map(|p| p.lines.len() as u16 + 2).collect();
    let total = |h: &[u16]| h.iter().sum::<u16>();
    while total(&h) > area.height {
        let cut = (0..parts.len())
            .filter(|&i| !parts[i].fixed && h[i] > 3)
            .max_by_key(|&i| h[i]);
        let drop = (0..parts.len())
            .rev()
            .find(|&i| !parts[i].fixed && h[i] > 0);
        match (cut, drop) {
            (Some(i), _) | (None, Some(i)) if h[i] > 3 => h[i] -= 1,
            (None, Some(i)) => h[i] = 0,
            _ => break,
        }
    }
    let bottom = area.y + area.height;
    let mut y = area.y;
    for (i, p) in parts.iter().enumerate() {
        let last = (i + 1..parts.len()).all(|j| h[j] == 0);
        if h[i] == 0 || y >= bottom {
            continue;
        }
        // The last part shown takes what is left.
        let height = if last {
            bottom - y
        } else {
            h[i].min(bottom - y)
        };
        let r = Rect::new(area.x, y, area.width, height);
        let inner = height.saturating_sub(2) as usize;
        let mut lines: Vec<Line> = p.lines.iter().take(inner).cloned().collect();
        if p.lines.len() > inner && inner > 1 {
            lines[inner - 1] = Line::styled("…", DIM);
        }
        Paragraph::new(lines)
            .block(Block::bordered().title(p.title.clone()))
            .render(r, buf);
        y += height;
    }
}

/// A box title: bold, cut to `w` columns.
pub fn title(s: String, w: u16) -> Line<'static> {
    Line::styled(clip(&s, w), BOLD)
}

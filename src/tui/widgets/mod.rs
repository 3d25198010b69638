//! Small drawing pieces shared by the screens and overlays: styles, text
//! fields, a centred box, marked snippets, the tab bar and the status line.

pub mod boxes;
pub mod status_line;
pub mod tabs;
pub mod text;

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use tui_textarea::TextArea;

pub const HL: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
pub const SEL: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);

/// An empty one-line text field.
pub fn textarea() -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_cursor_line_style(Style::default());
    t
}

/// A text field holding `s`.
pub fn textarea_with(s: &str) -> TextArea<'static> {
    let mut t = textarea();
    t.insert_str(s);
    t
}

/// A field's text, lines joined by spaces.
pub fn text_of(t: &TextArea<'_>) -> String {
    t.lines().join(" ")
}

/// A field's text, lines kept.
pub fn lines_of(t: &TextArea<'_>) -> String {
    t.lines().join("\n")
}

/// A box of `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears the cells under a popup, and blanks a wide character of the screen
/// behind that starts just left of it: the terminal would draw that
/// character's second half over the popup's left border (ratatui's diff
/// skips the cell it covers). A wide character cut by the right edge needs no
/// help: once its first cell is overwritten, the diff redraws the next one.
pub fn clear(area: Rect, buf: &mut ratatui::buffer::Buffer) {
    use ratatui::widgets::{Clear, Widget};
    use unicode_width::UnicodeWidthStr;
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        for dx in 1..=2u16 {
            let Some(x) = area.x.checked_sub(dx).filter(|&x| x >= buf.area.x) else {
                break;
            };
            let cell = &mut buf[(x, y)];
            if cell.symbol().width() > dx as usize {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(area, buf);
}

/// The item under `(x, y)` in a bordered list or table drawn in `area`:
/// `header` rows above the items, each `h` rows high, `len` items, `sel`
/// selected. It scrolls as ratatui does from a fresh state: just enough to
/// show the selection.
pub fn item_at(
    area: Rect,
    header: u16,
    h: u16,
    len: usize,
    sel: usize,
    (x, y): (u16, u16),
) -> Option<usize> {
    let inner = area.inner(ratatui::layout::Margin::new(1, 1));
    if len == 0 || !inner.contains(ratatui::layout::Position { x, y }) || y < inner.y + header {
        return None;
    }
    let h = h.max(1);
    let fit = (inner.height.saturating_sub(header) / h).max(1) as usize;
    let offset = (sel.min(len - 1) + 1).saturating_sub(fit);
    let i = offset + ((y - inner.y - header) / h) as usize;
    (i < len).then_some(i)
}

/// A bordered box for a text field; cyan while it has the keyboard.
pub fn input_block(title: String, focused: bool) -> Block<'static> {
    let b = Block::bordered().title(title);
    if focused {
        b.border_style(Style::new().fg(Color::Cyan))
    } else {
        b
    }
}

/// A text field drawn in its box.
pub fn field(
    area: Rect,
    buf: &mut ratatui::buffer::Buffer,
    t: &TextArea<'static>,
    title: String,
    focused: bool,
) {
    use ratatui::widgets::Widget;
    let mut t = t.clone();
    t.set_block(input_block(title, focused));
    (&t).render(area, buf);
}

/// Splits text marked with 【】 into spans with the marked parts highlighted.
pub fn marked(s: &str) -> Line<'static> {
    let mut spans = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('【') {
        spans.push(Span::raw(rest[..i].to_string()));
        let after = &rest[i + '【'.len_utf8()..];
        match after.find('】') {
            Some(j) => {
                spans.push(Span::styled(after[..j].to_string(), HL));
                rest = &after[j + '】'.len_utf8()..];
            }
            None => {
                rest = after;
            }
        }
    }
    spans.push(Span::raw(rest.to_string()));
    Line::from(spans)
}

/// An allegation status's colour (statuses are stored in Chinese).
pub fn status_style(status: &str) -> Style {
    match status {
        "属实" => Style::new().fg(Color::Red),
        "部分属实" => Style::new().fg(Color::Yellow),
        "不属实" => Style::new().fg(Color::Green),
        "无法证实" => DIM,
        _ => Style::new().fg(Color::Cyan),
    }
}

/// Choices in a row, the chosen one reversed: ` a   b   c `.
pub fn choices<'a>(labels: impl Iterator<Item = (String, Style)>, chosen: usize) -> Vec<Span<'a>> {
    labels
        .enumerate()
        .flat_map(|(i, (label, style))| {
            let style = if i == chosen { SEL } else { style };
            [Span::styled(format!(" {label} "), style), Span::raw(" ")]
        })
        .collect()
}

//! Text measured in terminal columns (a CJK character takes two): cutting to
//! a width with `…`, padding, and items flowed into lines of a width.

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::DIM;

/// `s` in at most `w` columns: cut, ending in `…`, when it is wider.
pub fn clip(s: &str, w: u16) -> String {
    let w = w as usize;
    if s.width() <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w - 1 {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` cut to `w` columns and padded with spaces to exactly `w`.
pub fn pad(s: &str, w: u16) -> String {
    let s = clip(s, w);
    let n = (w as usize).saturating_sub(s.width());
    format!("{s}{}", " ".repeat(n))
}

/// `s` broken into lines of at most `w` columns: at a space when the line
/// has one, else between characters (Chinese text has no spaces).
pub fn wrap(s: &str, w: u16) -> Vec<String> {
    let w = (w as usize).max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            let rest = match line.rfind(' ') {
                Some(i) if c != ' ' => {
                    let rest = line[i + 1..].to_string();
                    line.truncate(i);
                    rest
                }
                _ => String::new(),
            };
            out.push(std::mem::take(&mut line));
            used = rest.width();
            line = rest;
            if c == ' ' {
                continue;
            }
        }
        line.push(c);
        used += cw;
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

const SEP: &str = " · ";

/// The items joined by ` · ` into lines of at most `w` columns, an item never
/// split across lines (one wider than a line is cut). A label leads the first
/// line and the others are indented under it.
pub fn flow(label: Option<String>, items: Vec<String>, w: u16) -> Vec<Line<'static>> {
    let w = w as usize;
    let (lead, indent) = match label {
        Some(l) if l.width() + 10 < w => {
            let n = l.width() + 1;
            (Some(format!("{l} ")), n)
        }
        _ => (None, 0),
    };
    let room = w.saturating_sub(indent).max(1);
    let mut lines: Vec<Vec<String>> = vec![Vec::new()];
    let mut used = 0;
    for item in items {
        let item = clip(&item, room as u16);
        let iw = item.width();
        let current = lines.len() - 1;
        if !lines[current].is_empty() && used + SEP.width() + iw > room {
            lines.push(Vec::new());
            used = 0;
        }
        let current = lines.len() - 1;
        if !lines[current].is_empty() {
            used += SEP.width();
        }
        used += iw;
        lines[current].push(item);
    }
    lines
        .into_iter()
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, items)| {
            let mut spans = Vec::new();
            match (&lead, i) {
                (Some(l), 0) => spans.push(Span::styled(l.clone(), DIM)),
                (Some(_), _) => spans.push(Span::raw(" ".repeat(indent))),
                _ => {}
            }
            for (j, item) in items.into_iter().enumerate() {
                if j > 0 {
                    spans.push(Span::styled(SEP, DIM));
                }
                spans.push(Span::raw(item));
            }
            Line::from(spans)
        })
        .collect()
}

/// Display width in columns.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to `w - 1` columns and right-aligned in `w`.
pub fn pad_left(s: &str, w: u16) -> String {
    let s = clip(s, w.saturating_sub(1));
    format!("{}{s}", " ".repeat((w as usize).saturating_sub(width(&s))))
}

/// Spans cut to `w` columns (the last one ending in `…` when cut).
pub fn clip_spans(spans: Vec<Span<'static>>, w: u16) -> Line<'static> {
    let mut left = w as usize;
    let mut out = Vec::new();
    for s in spans {
        if left == 0 {
            break;
        }
        let sw = width(&s.content);
        if sw <= left {
            left -= sw;
            out.push(s);
        } else {
            out.push(Span::styled(clip(&s.content, left as u16), s.style));
            break;
        }
    }
    Line::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(l: &Line) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn clipping_counts_a_chinese_character_as_two_columns() {
        assert_eq!(clip("举报信", 6), "举报信");
        assert_eq!(clip("举报信", 5), "举报…");
        assert_eq!(clip("举报信", 4), "举…");
        assert_eq!(clip("abc", 2), "a…");
        assert_eq!(pad("举", 4), "举  ");
    }

    #[test]
    fn wrapping_breaks_english_at_spaces_and_chinese_anywhere() {
        assert_eq!(wrap("run every rule now", 9), ["run every", "rule now"]);
        assert_eq!(wrap("运行全部比对规则", 6), ["运行全", "部比对", "规则"]);
        for l in wrap("选中发现、文书或台账行按 l 关联到问题线索", 11) {
            assert!(l.width() <= 11, "{l}");
        }
    }

    #[test]
    fn flowed_items_wrap_whole_and_every_line_fits() {
        let items: Vec<String> = [
            "补贴发放明细 148 行",
            "信访登记 18 行",
            "公务接待登记 20 行",
        ]
        .map(String::from)
        .to_vec();
        let lines = flow(Some("台账".into()), items, 40);
        let t: Vec<String> = lines.iter().map(text).collect();
        assert_eq!(
            t,
            [
                "台账 补贴发放明细 148 行",
                "     信访登记 18 行 · 公务接待登记 20 行"
            ]
        );
        for l in &t {
            assert!(l.width() <= 40, "{l}");
        }
    }
}

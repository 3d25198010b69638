//! Aligned tables by display width (CJK is two columns).

use unicode_width::UnicodeWidthStr;

/// Pads `s` with spaces to `width` display columns.
fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Prints `headers`, a rule, then `rows`, each column as wide as its widest cell.
pub fn table(headers: &[String], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers
        .iter()
        .map(|h| UnicodeWidthStr::width(h.as_str()))
        .collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(UnicodeWidthStr::width(c.as_str()));
        }
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        println!("  {}", parts.join("  ").trim_end());
    };
    line(headers);
    line(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>());
    for r in rows {
        line(r);
    }
}

//! The summary laid out once as blocks (title, headings, paragraphs, lists,
//! tables), then written as Markdown, self-contained HTML or Word .docx, so
//! the three carry the same text.

mod blocks;
mod docx;
mod html;
mod markdown;

pub use blocks::{blocks, Block};
pub use docx::{docx, docx_of, Look};
pub use html::{html, html_of, xml_escape};
pub use markdown::{markdown, markdown_of};

/// Each column's widest text in display columns (CJK counts two).
pub(super) fn col_widest(head: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    use unicode_width::UnicodeWidthStr;
    (0..head.len())
        .map(|i| {
            std::iter::once(head[i].as_str())
                .chain(rows.iter().filter_map(|r| r.get(i).map(String::as_str)))
                .map(UnicodeWidthStr::width)
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Columns no wider than this are never wrapped (numbers, statuses, ids).
pub(super) const SHORT: usize = 20;

/// Column widths in twips for a table `total` twips wide: short columns get
/// exactly their text (about 120 twips a display column at 9 pt, plus the cell
/// margins); the rest share what is left by their widest text, capped.
/// `per_col`: twips a display column of the table's text takes (about 120 at 9 pt).
pub(super) fn col_twips(
    head: &[String],
    rows: &[Vec<String>],
    total: usize,
    per_col: usize,
) -> Vec<usize> {
    let widest = col_widest(head, rows);
    let short: Vec<usize> = widest.iter().map(|w| w * per_col + 260).collect();
    let fixed: usize = widest
        .iter()
        .zip(&short)
        .filter(|(w, _)| **w <= SHORT)
        .map(|(_, s)| s)
        .sum();
    let long_weight: usize = widest
        .iter()
        .filter(|w| **w > SHORT)
        .map(|w| (*w).min(80))
        .sum();
    if fixed >= total || long_weight == 0 {
        let sum: usize = widest
            .iter()
            .map(|w| (*w).clamp(4, 80))
            .sum::<usize>()
            .max(1);
        return widest
            .iter()
            .map(|w| total * (*w).clamp(4, 80) / sum)
            .collect();
    }
    // The long columns keep at least two fifths of the width; short ones shrink
    // (and may wrap) before a long column becomes a sliver.
    let rest = (total - fixed).max(total * 2 / 5);
    let room = total - rest;
    widest
        .iter()
        .zip(short)
        .map(|(w, s)| {
            if *w <= SHORT {
                s * room / fixed.max(1)
            } else {
                rest * (*w).min(80) / long_weight
            }
        })
        .collect()
}

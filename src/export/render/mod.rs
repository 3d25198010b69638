//! The summary laid out once as blocks (title, headings, paragraphs, lists,
//! tables), then written as Markdown, self-contained HTML or Word .docx, so
//! the three carry the same text.

mod blocks;
mod docx;
mod html;
mod markdown;
mod pages;
mod svg;

pub use blocks::{blocks, Block};
pub use docx::{docx, docx_of, Look};
pub use html::{html, html_of, xml_escape};
pub use markdown::{markdown, markdown_of};
pub use pages::official_pages;
pub use svg::svg;

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
    // A short column is as wide as its widest cell; its heading may take two
    // lines (顺序号, 责任者) rather than a date or a page range wrapping.
    let cells = col_widest(&vec![String::new(); head.len()], rows);
    let widest: Vec<usize> = col_widest(head, rows)
        .into_iter()
        .zip(cells)
        .map(|(all, cell)| {
            if rows.is_empty() || all > SHORT {
                all
            } else {
                // Half the heading, in whole CJK characters.
                cell.max(all.div_ceil(4) * 2)
            }
        })
        .collect();
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
    // The long columns keep two fifths of the width if the short ones can
    // still hold their text on one line (`need`), else down to a quarter;
    // past that the widest short columns are capped first (a 文号 wraps, a
    // date or a page range does not) before a long one becomes a sliver.
    let need = |w: usize| w * per_col + 300;
    let needs: Vec<usize> = widest
        .iter()
        .filter(|w| **w <= SHORT)
        .map(|w| need(*w))
        .collect();
    let need_sum: usize = needs.iter().sum();
    let (rest, short_width): (usize, Box<dyn Fn(usize, usize) -> usize>) =
        if total - fixed >= total * 2 / 5 {
            (total - fixed, Box::new(|_, s| s))
        } else if total.saturating_sub(need_sum) >= total * 2 / 5 {
            let rest = total * 2 / 5;
            let spare = total - rest - need_sum;
            let above = (fixed - need_sum).max(1);
            (
                rest,
                Box::new(move |w, s| need(w) + (s - need(w)) * spare / above),
            )
        } else {
            let rest = total.saturating_sub(need_sum).max(total / 4);
            let level = water_level(&needs, total - rest);
            (rest, Box::new(move |w, _| need(w).min(level)))
        };
    widest
        .iter()
        .zip(short)
        .map(|(w, s)| {
            if *w <= SHORT {
                short_width(*w, s)
            } else {
                rest * (*w).min(80) / long_weight
            }
        })
        .collect()
}

/// The largest cap `l` for which the widths `needs`, each cut to `l`, fit in `budget`.
fn water_level(needs: &[usize], budget: usize) -> usize {
    let mut sorted = needs.to_vec();
    sorted.sort_unstable();
    let mut used = 0;
    for (i, n) in sorted.iter().enumerate() {
        let left = sorted.len() - i;
        if used + n * left > budget {
            return (budget - used) / left;
        }
        used += n;
    }
    usize::MAX
}

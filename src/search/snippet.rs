//! Where the query terms are in a text, and the passage that shows them best.

use std::collections::HashMap;

use super::analysis;

/// Every occurrence of each term in `text`, as char ranges, found on the folded
/// text so they are exact substrings (not loose tokens).
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let folded = analysis::fold(text);
    // byte offset → char index in the original
    let mut char_at: HashMap<usize, usize> = HashMap::new();
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        char_at.insert(bi, ci);
    }
    let total_chars = text.chars().count();
    let mut out = Vec::new();
    for t in terms {
        let q: Vec<char> = analysis::fold_str(t).chars().collect();
        if q.is_empty() || q.len() > folded.chars.len() {
            continue;
        }
        for i in 0..=folded.chars.len() - q.len() {
            if folded.chars[i..i + q.len()] == q[..] {
                let start = char_at.get(&folded.spans[i].0).copied().unwrap_or(0);
                let end_byte = folded.spans[i + q.len() - 1].1;
                let end = char_at.get(&end_byte).copied().unwrap_or(total_chars);
                out.push((start, end));
            }
        }
    }
    merged(out)
}

/// Char ranges sorted, overlapping and touching ones merged.
pub(super) fn merged(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The best passage of about `width` characters (the window with the most
/// highlights), highlights marked with 【】.
pub fn snippet(text: &str, highlights: &[(usize, usize)], width: usize) -> String {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if chars.is_empty() {
        return String::new();
    }
    let mut best = (0usize, 0usize);
    for (i, (s, _)) in highlights.iter().enumerate() {
        let count = highlights[i..]
            .iter()
            .take_while(|(s2, _)| *s2 < s + width)
            .count();
        if count > best.1 {
            best = (*s, count);
        }
    }
    let start = best.0.saturating_sub(width / 4);
    let end = (start + width).min(chars.len());
    let start = end.saturating_sub(width).min(start);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut i = start;
    for (s, e) in highlights.iter().filter(|(s, e)| *e > start && *s < end) {
        let s = (*s).max(start);
        let e = (*e).min(end);
        out.extend(&chars[i..s]);
        out.push('【');
        out.extend(&chars[s..e]);
        out.push('】');
        i = e;
    }
    out.extend(&chars[i..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

//! The Markdown a template writes, read back as export blocks (title,
//! headings, paragraphs, bullet lists, pipe tables), so a document renders
//! as .md, .html and .docx from one text.

use crate::export::render::Block;

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('|') | Some('\\')) => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '|' => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    out.push(cur.trim().to_string());
    out
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Blocks from Markdown: `#` the title, `##` / `###` headings, `- ` bullets,
/// `| … |` tables (header, rule, rows), other lines paragraphs (a blank line
/// ends one; a line of one `\` or `&nbsp;` keeps an empty paragraph, for
/// signature space).
pub fn blocks(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut bullets: Vec<String> = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let flush = |out: &mut Vec<Block>,
                 para: &mut Vec<String>,
                 bullets: &mut Vec<String>,
                 table: &mut Vec<Vec<String>>| {
        if !para.is_empty() {
            out.push(Block::Para(para.join("")));
            para.clear();
        }
        if !bullets.is_empty() {
            out.push(Block::Bullets(std::mem::take(bullets)));
        }
        if !table.is_empty() {
            let mut rows = std::mem::take(table);
            let head = rows.remove(0);
            let width = head.len();
            let rows = rows
                .into_iter()
                .map(|mut r| {
                    r.resize(width, String::new());
                    r
                })
                .collect();
            out.push(Block::Table { head, rows });
        }
    };
    for line in md.lines() {
        let t = line.trim_end();
        let trimmed = t.trim_start();
        if trimmed.starts_with('|') {
            if !para.is_empty() || !bullets.is_empty() {
                flush(&mut out, &mut para, &mut bullets, &mut Vec::new());
            }
            if !is_rule(trimmed) {
                table.push(cells(trimmed));
            }
            continue;
        }
        if !table.is_empty() {
            flush(&mut out, &mut Vec::new(), &mut Vec::new(), &mut table);
        }
        if trimmed.is_empty() {
            flush(&mut out, &mut para, &mut bullets, &mut table);
        } else if trimmed == "\\" || trimmed == "&nbsp;" {
            flush(&mut out, &mut para, &mut bullets, &mut table);
            out.push(Block::Para(String::new()));
        } else if let Some(h) = trimmed.strip_prefix("### ") {
            flush(&mut out, &mut para, &mut bullets, &mut table);
            out.push(Block::Heading(2, h.trim().to_string()));
        } else if let Some(h) = trimmed.strip_prefix("## ") {
            flush(&mut out, &mut para, &mut bullets, &mut table);
            out.push(Block::Heading(1, h.trim().to_string()));
        } else if let Some(h) = trimmed.strip_prefix("# ") {
            flush(&mut out, &mut para, &mut bullets, &mut table);
            out.push(Block::Title(h.trim().to_string()));
        } else if let Some(b) = trimmed.strip_prefix("- ") {
            if !para.is_empty() {
                flush(&mut out, &mut para, &mut Vec::new(), &mut Vec::new());
            }
            bullets.push(b.trim().to_string());
        } else {
            if !bullets.is_empty() {
                flush(&mut out, &mut Vec::new(), &mut bullets, &mut Vec::new());
            }
            para.push(trimmed.to_string());
        }
    }
    flush(&mut out, &mut para, &mut bullets, &mut table);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_reads_back_as_blocks() {
        let b = blocks("# 标题\n\n## 一、情况\n\n第一行\n接着\n\n- 甲\n- 乙\n\n| 编号 | 证据 |\n|---|---|\n| E-001 | a \\| b |\n\n\\\n");
        assert_eq!(
            b,
            vec![
                Block::Title("标题".into()),
                Block::Heading(1, "一、情况".into()),
                Block::Para("第一行接着".into()),
                Block::Bullets(vec!["甲".into(), "乙".into()]),
                Block::Table {
                    head: vec!["编号".into(), "证据".into()],
                    rows: vec![vec!["E-001".into(), "a | b".into()]],
                },
                Block::Para(String::new()),
            ]
        );
    }
}

//! The summary as Markdown.

use super::{blocks, Block};
use crate::export::Summary;

/// Markdown cell text: pipes escaped.
fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

/// The summary as Markdown.
pub fn markdown(s: &Summary) -> String {
    markdown_of(&blocks(s))
}

/// Blocks as Markdown.
pub fn markdown_of(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks.iter().cloned() {
        match block.text_only() {
            Block::Title(t) => out.push_str(&format!("# {t}\n\n")),
            Block::Heading(level, t) => {
                out.push_str(&format!("{} {t}\n\n", "#".repeat(level as usize + 1)))
            }
            Block::Para(p) => out.push_str(&format!("{p}\n\n")),
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {i}\n"));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                let line = |cells: &[String]| {
                    format!(
                        "| {} |\n",
                        cells
                            .iter()
                            .map(|c| md_cell(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                };
                out.push_str(&line(&head));
                out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                for r in &rows {
                    out.push_str(&line(r));
                }
                out.push('\n');
            }
            // Drawn only in HTML; `text_only` made it a list.
            Block::Figure { .. } => {}
        }
    }
    out
}

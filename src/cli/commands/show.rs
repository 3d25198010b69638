//! `hecha show CASE DOC [--page N]`: a document's text, or one page's.

use std::path::PathBuf;

use clap::Args;
use hecha::casework::{self, DocumentText};
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::opening;
use crate::cli::output::emit;

#[derive(Args)]
pub struct ShowArgs {
    case: PathBuf,
    /// 文书编号、文件名或标题 / document id, file name or title
    doc: String,
    /// 只显示这一页（从 1 起）/ only this page (1-based)
    #[arg(long)]
    page: Option<u32>,
    #[arg(long)]
    json: bool,
}

pub fn show(a: ShowArgs) -> Result<i32> {
    let c = opening::read_only(&a.case)?;
    let d = casework::document_text(&c, &a.doc, a.page)?;
    emit(a.json, &d, print_document);
    Ok(0)
}

/// A heading line (title, file, page), the OCR mark when it applies, then the
/// text; for a whole paged document each page starts with its own heading.
fn print_document(d: &DocumentText) {
    let mut head = format!("{}  {}", d.title, d.file);
    if let Some(p) = d.page {
        head.push_str(&format!("  {}", tr!("page.no", page = p)));
    }
    println!("{head}");
    if d.page.is_some() && d.ocr {
        println!("（{}）", tr!("page.ocr_mark"));
    }
    if let Some(t) = &d.transcript {
        let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
        println!(
            "{}",
            tr!(
                "casework.transcript_head",
                start = or_dash(&t.start),
                end = or_dash(&t.end),
                place = or_dash(&t.place),
                interviewers = t.interviewers.join("、"),
                recorder = or_dash(&t.recorder),
                interviewee = or_dash(&t.interviewee),
                turns = t.questions
            )
        );
        if !d.transcript_missing.is_empty() {
            let missing: Vec<String> = d
                .transcript_missing
                .iter()
                .map(|m| tr!(&format!("casework.transcript_missing.{m}")))
                .collect();
            println!(
                "⚠ {}",
                tr!("casework.transcript_lacks", items = missing.join("、"))
            );
        }
    }
    println!();
    if d.page_list.is_empty() {
        println!("{}", d.text);
        return;
    }
    let chars: Vec<char> = d.text.chars().collect();
    for s in &d.page_list {
        let mut line = format!("—— {} ——", tr!("page.no", page = s.number));
        if s.is_ocr() {
            line.push_str(&format!("（{}）", tr!("page.ocr_mark")));
        }
        println!("{line}");
        let a = (s.start_char as usize).min(chars.len());
        let b = (a + s.chars as usize).min(chars.len());
        println!("{}", chars[a..b].iter().collect::<String>());
        println!();
    }
}

//! Feeding the index: documents and ledger rows become tantivy documents
//! with their words, entities (names, ID numbers, pinyin) and years.

use tantivy::TantivyDocument;

use super::analysis;
use super::schema::{tantivy_err, Fields};
use crate::error::Result;
use crate::store::{self, Case};

/// Between a ledger row's cells in its stored text.
pub(super) const ROW_SEP: &str = " | ";
/// Between a cell's header and its value in a ledger row's stored text.
pub(super) const HEADER_SEP: &str = "：";

/// A ledger row's indexed values from its stored text `header：value | …`.
pub(super) fn row_values(text: &str) -> String {
    text.split(ROW_SEP)
        .map(|cell| cell.split_once(HEADER_SEP).map_or(cell, |(_, v)| v))
        .collect::<Vec<_>>()
        .join(ROW_SEP)
}

/// Adds the entity keywords (deduplicated) and the years a text mentions.
fn add_entities_and_years(
    doc: &mut TantivyDocument,
    f: &Fields,
    mut ents: Vec<String>,
    text: &str,
) {
    ents.sort();
    ents.dedup();
    for e in ents {
        if ["id:", "tel:", "card:", "amt:"]
            .iter()
            .any(|p| e.starts_with(p))
        {
            doc.add_text(f.mentions, &e);
        }
        doc.add_text(f.entities, e);
    }
    let mut years = Vec::new();
    analysis::years(text, &mut years);
    for y in years {
        doc.add_u64(f.years, y);
    }
}

pub(super) fn add_documents(
    case: &Case,
    f: &Fields,
    writer: &mut tantivy::IndexWriter,
    ids: &[i64],
    villages: &[String],
    tick: &mut dyn FnMut(u64),
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    store::search_feed::each_document(case, ids, &mut |d| {
        let (id, text, title) = (d.id, &d.text, &d.title);
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, format!("d:{id}"));
        doc.add_text(f.kind, &d.kind);
        doc.add_text(f.source, &d.source);
        doc.add_text(f.title, title);
        let full = format!("{title}\n{text}");
        doc.add_text(f.body, &full);
        doc.add_text(f.words, analysis::join_cjk_lines(&full));
        let mut ents = Vec::new();
        analysis::entities(text, &mut ents);
        analysis::text_name_pinyin(text, &mut ents);
        add_entities_and_years(&mut doc, f, ents, text);
        for v in villages.iter().filter(|v| text.contains(String::as_str(v))) {
            doc.add_text(f.village, v);
        }
        doc.add_text(f.text, text);
        if !d.pages.is_empty() {
            let pages: Vec<(u64, u32, bool)> = d
                .pages
                .iter()
                .map(|p| (p.start_char, p.page_no, p.source == "ocr"))
                .collect();
            doc.add_text(f.pages, serde_json::json!(pages).to_string());
        }
        writer.add_document(doc).map_err(tantivy_err)?;
        tick(1);
        Ok(())
    })
}

pub(super) fn add_ledger(
    case: &Case,
    f: &Fields,
    writer: &mut tantivy::IndexWriter,
    id: i64,
    tick: &mut dyn FnMut(u64),
) -> Result<()> {
    let mut n = 0u64;
    store::search_feed::each_ledger_row(case, id, &mut |ledger, r| {
        let row = r.row;
        // Stored (shown) with its headers; indexed by its values only: the
        // same header words on every row of a ledger would be a quarter of
        // the positions and find every row.
        let mut text = String::new();
        let mut values = String::new();
        for (header, v) in ledger.headers.iter().zip(r.cells) {
            if let Some(v) = v.as_ref().filter(|v| !v.trim().is_empty()) {
                if !text.is_empty() {
                    text.push_str(ROW_SEP);
                    values.push_str(ROW_SEP);
                }
                text.push_str(header);
                text.push_str(HEADER_SEP);
                text.push_str(v);
                values.push_str(v);
            }
        }
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, format!("r:{id}:{row}"));
        doc.add_text(f.kind, "ledger");
        doc.add_text(f.source, &ledger.source);
        doc.add_text(f.title, format!("{} #{row}", ledger.name));
        doc.add_text(f.ledger, &ledger.name);
        doc.add_text(f.role, &ledger.role);
        doc.add_u64(f.row, row as u64);
        if let Some(v) = &r.village {
            doc.add_text(f.village, v);
        }
        // No jieba words: ranking words serve prose, and a row's values are
        // names, numbers and dates the body's grams already find.
        doc.add_text(f.body, &values);
        let mut ents = Vec::new();
        analysis::entities(&values, &mut ents);
        // A row's amounts are its money cells (not its 序号 or 户号).
        ents.retain(|e| !e.starts_with("amt:"));
        for a in r.amounts.as_deref().unwrap_or("").split(' ') {
            if let Ok(Some(fen)) = crate::normalise::parse_amount_fen(a) {
                ents.push(format!("amt:{fen}"));
            }
        }
        for nm in r
            .names
            .as_deref()
            .unwrap_or("")
            .split(' ')
            .filter(|s| !s.is_empty())
        {
            analysis::name_pinyin(nm, &mut ents);
            super::names::keywords(nm, &mut ents);
        }
        add_entities_and_years(&mut doc, f, ents, &text);
        doc.add_text(f.text, &text);
        writer.add_document(doc).map_err(tantivy_err)?;
        n += 1;
        if n.is_multiple_of(4096) {
            tick(4096);
        }
        Ok(())
    })?;
    tick(n % 4096);
    Ok(())
}

//! The evidence of a review pack as documents of the bound volume, drawn
//! from the subset case (so already redacted): the linked documents —
//! transcripts first, as the file-binding rules put 言词证据 before 书证 —
//! then an extract of every ledger with the rows it carries, then the
//! findings; each group in the order the report's facts cite it.

use std::collections::BTreeMap;

use crate::case::Allegation;
use crate::error::Result;
use crate::export::render::Block;
use crate::store::ledger_pages::{self, PageQuery};
use crate::store::{self, Case};
use crate::tr;

/// One piece of evidence bound into the volume.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Document(i64),
    Ledger(i64),
    Findings,
}

/// The evidence of `problems` in binding order: transcripts, other
/// documents, ledger extracts, findings; within each, by first citation.
pub fn order(sub: &Case, problems: &[Allegation]) -> Result<Vec<Unit>> {
    let ledgers: BTreeMap<String, i64> = sub
        .info()?
        .ledgers
        .into_iter()
        .map(|l| (l.name, l.id as i64))
        .collect();
    let mut cited: Vec<Unit> = Vec::new();
    let push = |u: Unit, v: &mut Vec<Unit>| {
        if !v.contains(&u) {
            v.push(u);
        }
    };
    for e in problems.iter().flat_map(|a| a.evidence.iter()) {
        let first = e.reference.split(':').next().unwrap_or_default();
        match e.kind.as_str() {
            "document" => {
                if let Ok(id) = first.parse() {
                    push(Unit::Document(id), &mut cited);
                }
            }
            "row" => {
                if let Ok(id) = first.parse() {
                    push(Unit::Ledger(id), &mut cited);
                }
            }
            "finding" => {
                push(Unit::Findings, &mut cited);
                for l in finding_ledgers(sub, &e.reference, &ledgers)? {
                    push(Unit::Ledger(l), &mut cited);
                }
            }
            _ => {}
        }
    }
    // Ledgers held for the subjects' own rows come after the cited ones.
    for id in ledgers.values() {
        push(Unit::Ledger(*id), &mut cited);
    }
    // Transcripts, other documents, ledgers, findings; a document that is
    // not in the subset is dropped.
    let mut ranked = Vec::with_capacity(cited.len());
    for (i, u) in cited.into_iter().enumerate() {
        let rank = match &u {
            Unit::Document(id) => match store::documents::find(sub.reads(), &id.to_string())? {
                Some(d) if d.kind == "transcript" => 0,
                Some(_) => 1,
                None => continue,
            },
            Unit::Ledger(_) => 2,
            Unit::Findings => 3,
        };
        ranked.push((rank, i, u));
    }
    ranked.sort();
    Ok(ranked.into_iter().map(|(_, _, u)| u).collect())
}

/// The ledgers a finding's evidence rows are in.
fn finding_ledgers(sub: &Case, id: &str, ledgers: &BTreeMap<String, i64>) -> Result<Vec<i64>> {
    Ok(store::pack::finding_evidence(sub.reads(), id)?
        .into_iter()
        .filter_map(|(ledger, _)| ledgers.get(&ledger).copied())
        .collect())
}

/// A unit as a document: its title, its blocks, its date (YYYYMMDD, may be
/// empty) and its note for the 卷内文件目录.
pub struct Bound {
    pub title: String,
    pub blocks: Vec<Block>,
    pub date: String,
    pub note: String,
}

/// The unit's document, from the subset.
pub fn bind(sub: &Case, unit: &Unit) -> Result<Bound> {
    match unit {
        Unit::Document(id) => document(sub, *id),
        Unit::Ledger(id) => ledger(sub, *id),
        Unit::Findings => findings(sub),
    }
}

fn compact_date(s: &str) -> String {
    s.get(..10).unwrap_or(s).replace('-', "")
}

fn document(sub: &Case, id: i64) -> Result<Bound> {
    let d = crate::case::document_text(sub, &id.to_string(), None)?;
    let imported = store::pack::document_imported(sub.reads(), id)?.unwrap_or_default();
    let mut blocks = vec![
        Block::Title(d.title.clone()),
        Block::Para(tr!("pack.doc_source", file = d.file, chars = d.chars)),
    ];
    if d.ocr {
        blocks.push(Block::Para(tr!("pack.ocr_note")));
    }
    for line in d.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        blocks.push(Block::Para(line.to_string()));
    }
    Ok(Bound {
        title: d.title,
        blocks,
        date: compact_date(&imported),
        note: if d.ocr {
            tr!("pack.note_ocr")
        } else {
            String::new()
        },
    })
}

fn ledger(sub: &Case, id: i64) -> Result<Bound> {
    let info = sub.info()?;
    let l = info
        .ledgers
        .iter()
        .find(|l| l.id as i64 == id)
        .ok_or_else(|| crate::Error::User(crate::Msg::new("pack.no_ledger").arg("id", id)))?;
    let page = ledger_pages::page(
        sub,
        &PageQuery {
            ledger: l.name.clone(),
            table: l.table.clone(),
            offset: 0,
            limit: usize::MAX / 2,
            sort: None,
            filter: String::new(),
            normalised: false,
            at_row: None,
        },
    )
    .map_err(|e| crate::Error::User(crate::Msg::new("err.db").arg("detail", e)))?;
    let title = tr!("pack.ledger_title", name = l.name);
    let imported = store::pack::ledger_imported(sub.reads(), id)?.unwrap_or_default();
    Ok(Bound {
        blocks: vec![
            Block::Title(title.clone()),
            Block::Para(tr!(
                "pack.ledger_source",
                file = l.file,
                rows = page.rows.len()
            )),
            Block::Table {
                head: page.columns,
                rows: page.rows,
            },
        ],
        title,
        date: compact_date(&imported),
        note: tr!("pack.note_rows", rows = l.rows),
    })
}

fn findings(sub: &Case) -> Result<Bound> {
    let (rules, _) = crate::checks::load_rules(Some(sub));
    let reviews = store::reviews::all(sub)?;
    let mut rows = Vec::new();
    for (id, rule, text, amount) in store::pack::findings(sub.reads())? {
        let title = rules
            .iter()
            .find(|r| r.id == rule)
            .map(|r| r.title().to_string())
            .unwrap_or(rule);
        let review = reviews
            .get(&id)
            .map(|r| tr!(&format!("pack.review.{}", r.status.as_str())))
            .unwrap_or_else(|| tr!("pack.unreviewed"));
        rows.push(vec![id, title, text, amount, review]);
    }
    let title = tr!("pack.findings_title");
    Ok(Bound {
        blocks: vec![
            Block::Title(title.clone()),
            Block::Table {
                head: ["id", "rule", "finding", "amount", "review"]
                    .map(|h| tr!(&format!("pack.col.{h}")))
                    .to_vec(),
                rows,
            },
        ],
        title,
        date: String::new(),
        note: String::new(),
    })
}

//! The subjects' relationship graphs of the summary: who the clues name (with
//! an ID number), then the people of the findings — confirmed first, most
//! money first — each with their household, accounts and who else holds
//! them, posts, payments, money out of the accounts, findings and documents.

use std::collections::HashMap;

use super::model::{GraphEdge, GraphNode, GraphPart};
use crate::case::graph::{self, edge_word, source_words};
use crate::checks::Finding;
use crate::domain::{Decision, Fen};
use crate::error::Result;
use crate::store::Case;

/// At most this many subjects get a graph.
pub const MAX_GRAPHS: usize = 5;

/// The graphs of the summary's subjects.
pub(super) fn parts(
    case: &Case,
    findings: &[Finding],
    scope: Option<i64>,
) -> Result<Vec<GraphPart>> {
    let mut ids: Vec<String> = Vec::new();
    let reg = crate::register::load(case, None)?;
    for c in reg
        .clues
        .iter()
        .filter(|c| scope.is_none_or(|id| c.problems.iter().any(|p| p.id == id)))
    {
        for s in &c.subjects {
            if let Some(id) = s.id_number.as_ref().map(|i| i.trim().to_uppercase()) {
                if !id.is_empty() && !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    // People of the findings: confirmed first, then by the money involved.
    let mut money: HashMap<&str, (bool, Fen)> = HashMap::new();
    for f in findings.iter().filter(|f| f.subject.kind == "person") {
        let e = money
            .entry(f.subject.key.as_str())
            .or_insert((false, Fen::ZERO));
        e.0 |= f
            .review
            .as_ref()
            .is_some_and(|r| r.status == Decision::Confirmed);
        e.1 += f.amount.unwrap_or(Fen::ZERO);
    }
    let mut people: Vec<(&str, (bool, Fen))> = money.into_iter().collect();
    people.sort_by(|a, b| {
        b.1 .0
            .cmp(&a.1 .0)
            .then(b.1 .1.cmp(&a.1 .1))
            .then(a.0.cmp(b.0))
    });
    for (id, _) in people {
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
    }
    ids.truncate(MAX_GRAPHS);
    let mut out = Vec::new();
    for id in ids {
        let g = graph::graph(case, &id, 1)?;
        out.push(part(&g));
    }
    Ok(out)
}

/// The graph by node index, its edges in words.
fn part(g: &graph::Graph) -> GraphPart {
    let index: HashMap<&str, usize> = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let edges = g
        .edges
        .iter()
        .filter_map(|e| {
            Some(GraphEdge {
                from: *index.get(e.from.as_str())?,
                to: *index.get(e.to.as_str())?,
                kind: e.kind.to_string(),
                label: match e.kind {
                    "holds" => source_words(&e.label),
                    "about" | "names" => String::new(),
                    _ => e.label.clone(),
                },
                amount: e.amount.clone(),
            })
        })
        .collect();
    let root = index.get(g.root.as_str()).copied().unwrap_or(0);
    GraphPart {
        title: g
            .nodes
            .get(root)
            .map(|n| n.label.clone())
            .unwrap_or_default(),
        root,
        nodes: g
            .nodes
            .iter()
            .map(|n| GraphNode {
                kind: n.kind.to_string(),
                label: n.label.clone(),
            })
            .collect(),
        edges,
    }
}

/// A node in words: its kind, then its label (once: 户 31010001, not 户 户 31010001).
pub fn named(kind: &str, label: &str) -> String {
    let word = graph::kind_word(kind);
    if label.starts_with(&word) {
        label.to_string()
    } else {
        format!("{word} {label}")
    }
}

/// The graph's edges as sentences (李春生 持有 账户 6217…（发放台账）), for
/// the formats that do not draw.
pub fn sentences(g: &GraphPart) -> Vec<String> {
    let name = |i: usize| {
        g.nodes
            .get(i)
            .map(|n| named(&n.kind, &n.label))
            .unwrap_or_default()
    };
    g.edges
        .iter()
        .map(|e| {
            let mut detail: Vec<String> = Vec::new();
            if !e.label.is_empty() {
                detail.push(e.label.clone());
            }
            if let Some(a) = &e.amount {
                detail.push(format!("¥{a}"));
            }
            let detail = if detail.is_empty() {
                String::new()
            } else {
                crate::tr!(
                    "export.graph_detail",
                    detail = detail.join(&crate::tr!("export.graph_sep"))
                )
            };
            format!(
                "{} {} {}{detail}",
                name(e.from),
                edge_word(&e.kind, true),
                name(e.to)
            )
        })
        .collect()
}

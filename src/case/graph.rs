//! The relationship view of a person (关系图): their household, their accounts
//! and who else uses them, their cadre posts, the payments they received, the
//! money that left those accounts and to whom, the findings and documents
//! about them — as a graph, written as JSON, Graphviz DOT or GraphML (Gephi
//! and yEd open it).

use std::collections::{BTreeSet, VecDeque};

use serde::Serialize;

use crate::error::Result;
use crate::store::{self, Case};

/// One node: `person:ID`, `household:H`, `account:A`, `post:…`,
/// `program:P`, `finding:F`, `document:N`, `cash:A`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    pub id: String,
    pub kind: &'static str,
    pub label: String,
    /// What opening the node shows: a document's source file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One edge: `member` (person → household), `holds` (person → account),
/// `serves` (person → post), `paid` (program → person), `transfer`
/// (account → account or cash), `about` (finding → person or account),
/// `names` (document → person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: &'static str,
    pub label: String,
    /// Yuan, exact, for payments and transfers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Graph {
    pub root: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Graph {
    fn node(&mut self, id: String, kind: &'static str, label: String) -> String {
        if !self.nodes.iter().any(|n| n.id == id) {
            self.nodes.push(Node {
                id: id.clone(),
                kind,
                label,
                source: None,
            });
        }
        id
    }

    /// The node with this id.
    pub fn get(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    fn edge(
        &mut self,
        from: &str,
        to: &str,
        kind: &'static str,
        label: String,
        amount: Option<String>,
    ) {
        let e = Edge {
            from: from.to_string(),
            to: to.to_string(),
            kind,
            label,
            amount,
        };
        if !self.edges.contains(&e) {
            self.edges.push(e);
        }
    }

    /// The neighbours of node `id` (either direction), for navigation.
    pub fn neighbours(&self, id: &str) -> Vec<&Node> {
        let mut out: Vec<&Node> = Vec::new();
        for e in &self.edges {
            let other = if e.from == id {
                &e.to
            } else if e.to == id {
                &e.from
            } else {
                continue;
            };
            if let Some(n) = self.nodes.iter().find(|n| &n.id == other) {
                if !out.iter().any(|m| m.id == n.id) {
                    out.push(n);
                }
            }
        }
        out
    }
}

/// The graph around person `id_number`, expanding people up to `depth` hops
/// (1: the person and their neighbours).
pub fn graph(case: &Case, id_number: &str, depth: usize) -> Result<Graph> {
    let id_number = id_number.trim().to_uppercase();
    let mut g = Graph {
        root: format!("person:{id_number}"),
        ..Default::default()
    };
    let mut queue: VecDeque<(String, usize)> = VecDeque::from([(id_number.clone(), 0)]);
    let mut seen: BTreeSet<String> = BTreeSet::from([id_number]);
    let mut enqueue = |id: &str, d: usize, queue: &mut VecDeque<(String, usize)>| {
        if d < depth.max(1) && seen.insert(id.to_string()) {
            queue.push_back((id.to_string(), d));
        }
    };
    while let Some((id, d)) = queue.pop_front() {
        let name = store::graph::name_of(case, &id)?.unwrap_or_else(|| id.clone());
        let me = g.node(format!("person:{id}"), "person", format!("{name} {id}"));
        if let Some((hh, members)) = store::graph::household(case, &id)? {
            let h = g.node(
                format!("household:{hh}"),
                "household",
                crate::tr!("graph.household", hh = hh),
            );
            for [mid, mname, rel] in members {
                let m = g.node(format!("person:{mid}"), "person", format!("{mname} {mid}"));
                g.edge(&m, &h, "member", rel, None);
                enqueue(&mid, d + 1, &mut queue);
            }
        }
        let accounts = store::graph::accounts_of(case, &id)?;
        for (account, sources) in &accounts {
            let a = g.node(format!("account:{account}"), "account", account.clone());
            g.edge(&me, &a, "holds", sources.clone(), None);
            for (hid, hname, hsources) in store::graph::holders_of(case, account)? {
                let h = holder_node(&mut g, hid.as_deref(), &hname);
                g.edge(&h, &a, "holds", hsources, None);
                if let Some(hid) = hid {
                    enqueue(&hid, d + 1, &mut queue);
                }
            }
            for [to, to_name, n, total] in store::graph::outflows(case, account)? {
                let t = if to == "cash" {
                    g.node(format!("cash:{account}"), "cash", crate::tr!("graph.cash"))
                } else {
                    let t = g.node(format!("account:{to}"), "account", to.clone());
                    let holders = store::graph::holders_of(case, &to)?;
                    if holders.is_empty() && !to_name.is_empty() {
                        let h = holder_node(&mut g, None, &to_name);
                        g.edge(&h, &t, "holds", "statement".into(), None);
                    }
                    for (hid, hname, hsources) in holders {
                        let h = holder_node(&mut g, hid.as_deref(), &hname);
                        g.edge(&h, &t, "holds", hsources, None);
                        if let Some(hid) = hid {
                            enqueue(&hid, d + 1, &mut queue);
                        }
                    }
                    t
                };
                g.edge(
                    &a,
                    &t,
                    "transfer",
                    crate::tr!("graph.transfers", n = n),
                    Some(total),
                );
            }
        }
        for [village, position, start, end] in store::graph::posts(case, &id)? {
            let p = g.node(
                format!("post:{village}{position}"),
                "post",
                format!("{village}{position}"),
            );
            g.edge(&me, &p, "serves", format!("{start}—{end}"), None);
        }
        for [program, n, total] in store::graph::payments(case, &id)? {
            let p = g.node(format!("program:{program}"), "program", program.clone());
            g.edge(
                &p,
                &me,
                "paid",
                crate::tr!("graph.transfers", n = n),
                Some(total),
            );
        }
        let mut keys = vec![id.clone()];
        keys.extend(accounts.iter().map(|(a, _)| a.clone()));
        for [fid, rule, text] in store::graph::findings_about(case, &keys)? {
            let f = g.node(
                format!("finding:{fid}"),
                "finding",
                format!("{rule}: {text}"),
            );
            g.edge(&f, &me, "about", rule, None);
        }
        if name != id {
            for [doc, source, title] in store::graph::documents_naming(case, &name, 10)? {
                let n = g.node(format!("document:{doc}"), "document", title);
                if let Some(node) = g.nodes.iter_mut().find(|x| x.id == n) {
                    node.source = Some(source);
                }
                g.edge(&n, &me, "names", name.clone(), None);
            }
        }
    }
    Ok(g)
}

fn holder_node(g: &mut Graph, id: Option<&str>, name: &str) -> String {
    match id {
        Some(id) => g.node(format!("person:{id}"), "person", format!("{name} {id}")),
        None => g.node(format!("name:{name}"), "person", name.to_string()),
    }
}

/// The order neighbours are listed and drawn in, by node kind (of a kind together).
const KIND_ORDER: [&str; 8] = [
    "household",
    "person",
    "account",
    "cash",
    "post",
    "program",
    "finding",
    "document",
];

/// Where a node kind comes in [`KIND_ORDER`] (unknown kinds last).
pub fn kind_rank(kind: &str) -> usize {
    KIND_ORDER
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(KIND_ORDER.len())
}

/// A node kind in words (人员, 账户…).
pub fn kind_word(kind: &str) -> String {
    crate::tr!(&format!("graph.kind.{kind}"))
}

/// An edge kind in words, seen from its start (`outgoing`: 转出至) or its
/// end (转入自).
pub fn edge_word(kind: &str, outgoing: bool) -> String {
    let way = if outgoing { "out" } else { "in" };
    crate::tr!(&format!("graph.edge_{way}.{kind}"))
}

/// A `holds` edge's sources (`payment,statement`) in words (发放台账、银行流水).
pub fn source_words(sources: &str) -> String {
    sources
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| crate::tr!(&format!("graph.source.{}", s.trim())))
        .collect::<Vec<_>>()
        .join("、")
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Graphviz DOT.
pub fn to_dot(g: &Graph) -> String {
    let mut out = String::from(
        "digraph hecha {\n  graph [rankdir=LR];\n  node [fontname=\"Noto Sans CJK SC\"];\n",
    );
    for n in &g.nodes {
        let shape = match n.kind {
            "person" => "ellipse",
            "account" | "cash" => "box",
            "household" => "house",
            "finding" => "note",
            "document" => "tab",
            _ => "diamond",
        };
        out.push_str(&format!(
            "  \"{}\" [label=\"{}\", shape={shape}{}];\n",
            dot_escape(&n.id),
            dot_escape(&n.label),
            if n.id == g.root { ", style=bold" } else { "" }
        ));
    }
    for e in &g.edges {
        let label = match &e.amount {
            Some(a) => format!("{} {} {a}", e.kind, e.label),
            None => format!("{} {}", e.kind, e.label),
        };
        out.push_str(&format!(
            "  \"{}\" -> \"{}\" [label=\"{}\"];\n",
            dot_escape(&e.from),
            dot_escape(&e.to),
            dot_escape(label.trim())
        ));
    }
    out.push_str("}\n");
    out
}

/// GraphML (XML; Gephi and yEd read it).
pub fn to_graphml(g: &Graph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         \x20 <key id=\"label\" for=\"all\" attr.name=\"label\" attr.type=\"string\"/>\n\
         \x20 <key id=\"kind\" for=\"all\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         \x20 <key id=\"amount\" for=\"edge\" attr.name=\"amount\" attr.type=\"string\"/>\n\
         \x20 <graph id=\"hecha\" edgedefault=\"directed\">\n",
    );
    for n in &g.nodes {
        out.push_str(&format!(
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"kind\">{}</data></node>\n",
            xml_escape(&n.id),
            xml_escape(&n.label),
            n.kind
        ));
    }
    for (i, e) in g.edges.iter().enumerate() {
        out.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"label\">{}</data><data key=\"kind\">{}</data>{}</edge>\n",
            xml_escape(&e.from),
            xml_escape(&e.to),
            xml_escape(&e.label),
            e.kind,
            e.amount
                .as_ref()
                .map(|a| format!("<data key=\"amount\">{}</data>", xml_escape(a)))
                .unwrap_or_default()
        ));
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

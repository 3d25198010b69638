//! A subject's relationship graph drawn as one inline SVG: the subject in the
//! middle, their direct neighbours on a ring around them, what lies beyond
//! (the accounts money went to, their holders) on an outer ring next to the
//! neighbour it hangs from. No script, no external resources: it prints.

use std::collections::VecDeque;
use std::f64::consts::TAU;

use unicode_width::UnicodeWidthStr;

use super::html::xml_escape;
use crate::case::graph::{kind_rank, kind_word};
use crate::export::model::GraphPart;

/// At most this many nodes are drawn (nearest first); the rest are counted.
pub const MAX_NODES: usize = 48;
/// Labels longer than this many display columns are cut with "…".
const LABEL_COLUMNS: usize = 20;
/// The small line above the label (a person's ID number, a kind).
const SMALL_COLUMNS: usize = 22;
/// Pixels per display column of the small line's 9 px.
const SMALL_PX: f64 = 5.0;
/// Pixels per display column at the label's 12 px (a CJK character: 2 columns).
const COLUMN_PX: f64 = 6.6;
const BOX_H: f64 = 34.0;
/// Room between two boxes on a ring.
const GAP_PX: f64 = 14.0;

struct Placed {
    node: usize,
    x: f64,
    y: f64,
    w: f64,
    small: String,
    label: String,
}

/// The fill of a node kind.
fn fill(kind: &str) -> &'static str {
    match kind {
        "person" => "#dbe9f7",
        "household" => "#dff0d8",
        "account" => "#fcf3cf",
        "cash" => "#fde2c8",
        "post" => "#d5f0ee",
        "program" => "#e8dff5",
        "finding" => "#f8d7da",
        "document" => "#eeeeee",
        _ => "#ffffff",
    }
}

/// `s` cut to `cols` display columns.
fn cut(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if (out.as_str().width() + c.to_string().width()) > cols.saturating_sub(1) {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Each node's distance from the root (edges either way); unreachable: None.
fn distances(g: &GraphPart) -> Vec<Option<usize>> {
    let n = g.nodes.len();
    let mut dist = vec![None; n];
    if g.root >= n {
        return dist;
    }
    dist[g.root] = Some(0);
    let mut queue = VecDeque::from([g.root]);
    while let Some(v) = queue.pop_front() {
        let d = dist[v].unwrap_or(0);
        for e in &g.edges {
            let w = if e.from == v {
                e.to
            } else if e.to == v {
                e.from
            } else {
                continue;
            };
            if w < n && dist[w].is_none() {
                dist[w] = Some(d + 1);
                queue.push_back(w);
            }
        }
    }
    dist
}

/// The radius at which `widths` boxes fit side by side on a circle.
fn ring_radius(widths: &[f64], least: f64) -> f64 {
    let around: f64 = widths.iter().map(|w| w + GAP_PX).sum();
    (around / TAU).max(least)
}

/// A box's two lines: the small one above (a person's ID number, else the
/// kind unless the label says it) and the label.
fn box_lines(kind: &str, label: &str) -> (String, String) {
    if kind == "person" {
        if let Some((name, id)) = label.split_once(' ') {
            return (cut(id, SMALL_COLUMNS), cut(name, LABEL_COLUMNS));
        }
    }
    let main = cut(label, LABEL_COLUMNS);
    (kind_line(kind, &main), main)
}

/// The graph as an SVG element (with its own width and height in pixels).
pub fn svg(g: &GraphPart) -> String {
    let dist = distances(g);
    let rank = |i: usize| kind_rank(&g.nodes[i].kind);
    let mut order: Vec<usize> = (0..g.nodes.len()).filter(|&i| dist[i].is_some()).collect();
    order.sort_by_key(|&i| (dist[i], rank(i), i));
    let hidden = g.nodes.len().saturating_sub(order.len().min(MAX_NODES));
    order.truncate(MAX_NODES);
    let boxed = |i: usize, x: f64, y: f64| {
        let (small, label) = box_lines(&g.nodes[i].kind, &g.nodes[i].label);
        let w = (label.width() as f64 * COLUMN_PX).max(small.width() as f64 * SMALL_PX) + 16.0;
        Placed {
            node: i,
            x,
            y,
            w,
            small,
            label,
        }
    };
    let ring1: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| dist[i] == Some(1))
        .collect();
    let ring2: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| dist[i].is_some_and(|d| d >= 2))
        .collect();
    let w1: Vec<f64> = ring1.iter().map(|&i| boxed(i, 0.0, 0.0).w).collect();
    let r1 = ring_radius(&w1, 190.0);
    let mut placed: Vec<Placed> = vec![boxed(g.root, 0.0, 0.0)];
    let mut angle_of: Vec<Option<f64>> = vec![None; g.nodes.len()];
    for (k, &i) in ring1.iter().enumerate() {
        let a = TAU * k as f64 / ring1.len().max(1) as f64 - TAU / 4.0;
        angle_of[i] = Some(a);
        placed.push(boxed(i, r1 * a.cos(), r1 * a.sin()));
    }
    // The outer ring: each node next to the inner node it hangs from, pushed
    // along the ring only as far as the boxes before it need.
    let parent_angle = |i: usize| -> f64 {
        g.edges
            .iter()
            .filter_map(|e| {
                let other = if e.from == i {
                    e.to
                } else if e.to == i {
                    e.from
                } else {
                    return None;
                };
                angle_of.get(other).copied().flatten()
            })
            .fold(None, |m: Option<f64>, a| Some(m.map_or(a, |m| m.min(a))))
            .unwrap_or(0.0)
    };
    let mut outer: Vec<(f64, usize)> = ring2.iter().map(|&i| (parent_angle(i), i)).collect();
    outer.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let w2: Vec<f64> = outer.iter().map(|&(_, i)| boxed(i, 0.0, 0.0).w).collect();
    let r2 = ring_radius(&w2, r1 + 150.0);
    let mut angles: Vec<f64> = Vec::with_capacity(outer.len());
    for (k, &(want, _)) in outer.iter().enumerate() {
        let a = match k {
            0 => want,
            _ => want.max(angles[k - 1] + ((w2[k - 1] + w2[k]) / 2.0 + GAP_PX) / r2),
        };
        angles.push(a);
    }
    // Centre the pushed ring on where its nodes wanted to be.
    let drift =
        outer.iter().zip(&angles).map(|(o, a)| a - o.0).sum::<f64>() / outer.len().max(1) as f64;
    for (&(_, i), a) in outer.iter().zip(&angles) {
        let a = a - drift;
        placed.push(boxed(i, r2 * a.cos(), r2 * a.sin()));
    }
    // The canvas: every box inside, a margin round it.
    let (mut x0, mut y0, mut x1, mut y1) = (0f64, 0f64, 0f64, 0f64);
    for p in &placed {
        x0 = x0.min(p.x - p.w / 2.0);
        x1 = x1.max(p.x + p.w / 2.0);
        y0 = y0.min(p.y - BOX_H / 2.0);
        y1 = y1.max(p.y + BOX_H / 2.0);
    }
    let m = 12.0;
    let (vx, vy, vw, vh) = (x0 - m, y0 - m, x1 - x0 + 2.0 * m, y1 - y0 + 2.0 * m + 18.0);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" viewBox=\"{vx:.0} {vy:.0} {vw:.0} {vh:.0}\" width=\"{vw:.0}\" height=\"{vh:.0}\" role=\"img\" aria-label=\"{}\" font-family=\"SimSun, 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif\">\n",
        xml_escape(&g.title)
    );
    let at = |node: usize| placed.iter().find(|p| p.node == node);
    for e in &g.edges {
        let (Some(a), Some(b)) = (at(e.from), at(e.to)) else {
            continue;
        };
        let (ax, ay) = edge_end(b, a);
        let (bx, by) = edge_end(a, b);
        let money = e.amount.is_some();
        let colour = if money { "#b03a2e" } else { "#777" };
        out.push_str(&format!(
            "<line x1=\"{ax:.1}\" y1=\"{ay:.1}\" x2=\"{bx:.1}\" y2=\"{by:.1}\" stroke=\"{colour}\" stroke-width=\"{}\"/>\n",
            if money { 1.6 } else { 1.0 },
        ));
        out.push_str(&arrow_head((ax, ay), (bx, by), colour));
        let text = match &e.amount {
            Some(a) => format!("¥{a}"),
            None if e.kind == "member" => e.label.clone(),
            None => String::new(),
        };
        if !text.is_empty() {
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>\n",
                (ax + bx) / 2.0,
                (ay + by) / 2.0 - 3.0,
                if money { "#b03a2e" } else { "#444" },
                xml_escape(&cut(&text, LABEL_COLUMNS))
            ));
        }
    }
    for p in &placed {
        let node = &g.nodes[p.node];
        let root = p.node == g.root;
        out.push_str(&format!(
            "<g><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{BOX_H}\" rx=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">{}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\"{}>{}</text></g>\n",
            xml_escape(&node.label),
            p.x - p.w / 2.0,
            p.y - BOX_H / 2.0,
            p.w,
            if node.kind == "person" { 12 } else { 3 },
            fill(&node.kind),
            if root { "#000" } else { "#666" },
            if root { 2 } else { 1 },
            p.x,
            p.y - 5.0,
            xml_escape(&p.small),
            p.x,
            p.y + 11.0,
            if root { " font-weight=\"bold\"" } else { "" },
            xml_escape(&p.label),
        ));
    }
    if hidden > 0 {
        out.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#555\">{}</text>\n",
            x0,
            y1 + 14.0,
            xml_escape(&crate::tr!("export.graph_hidden", n = hidden))
        ));
    }
    out.push_str("</svg>");
    out
}

/// A filled triangle at `to`, pointing away from `from` (no markers: the
/// page references nothing, not even inside itself).
fn arrow_head(from: (f64, f64), to: (f64, f64), colour: &str) -> String {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1.0 {
        return String::new();
    }
    let (ux, uy) = (dx / len, dy / len);
    let (l, w) = (8.0, 3.5);
    let (bx, by) = (to.0 - ux * l, to.1 - uy * l);
    format!(
        "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{colour}\"/>\n",
        to.0,
        to.1,
        bx - uy * w,
        by + ux * w,
        bx + uy * w,
        by - ux * w
    )
}

/// The small line above a box's label: the node's kind, unless the label
/// says it already (户 31010001, 现金).
fn kind_line(kind: &str, label: &str) -> String {
    let word = kind_word(kind);
    if label.starts_with(&word) {
        String::new()
    } else {
        word
    }
}

/// Where the line from `from`'s centre to `to`'s centre meets `to`'s box.
fn edge_end(from: &Placed, to: &Placed) -> (f64, f64) {
    let (dx, dy) = (from.x - to.x, from.y - to.y);
    if dx == 0.0 && dy == 0.0 {
        return (to.x, to.y);
    }
    let tx = if dx == 0.0 {
        f64::INFINITY
    } else {
        (to.w / 2.0 + 2.0) / dx.abs()
    };
    let ty = if dy == 0.0 {
        f64::INFINITY
    } else {
        (BOX_H / 2.0 + 2.0) / dy.abs()
    };
    let t = tx.min(ty).min(1.0);
    (to.x + dx * t, to.y + dy * t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::model::{GraphEdge, GraphNode};

    fn part(n: usize) -> GraphPart {
        let mut nodes = vec![GraphNode {
            kind: "person".into(),
            label: "李春生 430423196204181012".into(),
        }];
        let mut edges = Vec::new();
        for i in 1..n {
            nodes.push(GraphNode {
                kind: "account".into(),
                label: format!("62170000{i:04}"),
            });
            edges.push(GraphEdge {
                from: 0,
                to: i,
                kind: "holds".into(),
                label: String::new(),
                amount: (i % 2 == 0).then(|| "5520.00".into()),
            });
        }
        GraphPart {
            title: "李春生".into(),
            root: 0,
            nodes,
            edges,
        }
    }

    #[test]
    fn every_node_is_drawn_once_and_the_svg_is_well_formed() {
        let s = svg(&part(9));
        assert_eq!(s.matches("<rect").count(), 9);
        assert_eq!(s.matches("<line").count(), 8);
        assert_eq!(s.matches("¥5520.00").count(), 4);
        let mut r = quick_xml::Reader::from_str(&s);
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}\n{s}"),
            }
        }
    }

    #[test]
    fn a_big_graph_is_cut_and_says_how_much_was_left_out() {
        let s = svg(&part(MAX_NODES + 10));
        assert_eq!(s.matches("<rect").count(), MAX_NODES);
        assert!(s.contains("10"), "{s}");
    }

    #[test]
    fn labels_are_cut_by_display_width() {
        assert_eq!(cut("张三", LABEL_COLUMNS), "张三");
        let c = cut(&"账".repeat(20), LABEL_COLUMNS);
        assert!(c.ends_with('…'));
        assert!(c.width() <= LABEL_COLUMNS, "{c}");
    }

    #[test]
    fn boxes_on_a_ring_do_not_overlap() {
        let g = part(30);
        let s = svg(&g);
        assert!(s.contains("viewBox"));
        let w: Vec<f64> = (1..30).map(|_| 100.0).collect();
        let r = ring_radius(&w, 150.0);
        // Neighbouring centres are at least a box and a gap apart along the ring.
        assert!(TAU * r / 29.0 >= 100.0 + GAP_PX - 1e-9);
    }
}

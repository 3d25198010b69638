//! The Person screen's relationship tree (关系): the node in focus — at first
//! the person — and its neighbours in the case's graph (household, accounts
//! and who else holds them, posts, payments, money that left the accounts,
//! findings, documents). Enter on a neighbour moves there (a person opens as
//! the Person screen's person; a document opens at the person's name);
//! Backspace walks back through the navigation history.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

use crate::case::graph::{edge_word, kind_rank, kind_word, source_words, Edge, Graph, Node};
use crate::tr;
use crate::tui::effect::Effect;
use crate::tui::widgets::{BOLD, DIM, SEL};

/// One neighbour of the focus: the edge joining them and which way it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour<'g> {
    pub node: &'g Node,
    pub edge: &'g Edge,
    /// The edge leaves the focus (focus → node).
    pub outgoing: bool,
}

#[derive(Debug, Default)]
pub struct Relations {
    pub graph: Option<Graph>,
    /// The node in focus (a node id of `graph`, or the person asked for
    /// while their graph loads).
    pub focus: String,
    pub sel: usize,
    /// The focus to take when the graph arrives (Back to another person's node).
    pub pending: Option<String>,
}

impl Relations {
    /// A new person is asked for: the focus is theirs until the graph comes.
    pub fn expect(&mut self, id_number: &str, node: Option<String>) {
        self.focus = format!("person:{}", id_number.trim().to_uppercase());
        self.pending = node;
        self.sel = 0;
    }

    /// The graph arrived.
    pub fn loaded(&mut self, g: Graph) {
        let want = self.pending.take();
        self.focus = match want {
            Some(n) if g.get(&n).is_some() => n,
            _ => g.root.clone(),
        };
        self.graph = Some(g);
        self.sel = 0;
    }

    /// Moves the focus to node `id` (a jump: `Effect::ShowNode`).
    pub fn focus_on(&mut self, id: &str) {
        if self.focus != id {
            self.focus = id.to_string();
            self.sel = 0;
        }
    }

    /// The focus's neighbours, household first, documents last.
    pub fn neighbours(&self) -> Vec<Neighbour<'_>> {
        let Some(g) = &self.graph else {
            return Vec::new();
        };
        let mut out: Vec<Neighbour> = Vec::new();
        for e in &g.edges {
            let (other, outgoing) = if e.from == self.focus {
                (&e.to, true)
            } else if e.to == self.focus {
                (&e.from, false)
            } else {
                continue;
            };
            if let Some(node) = g.get(other) {
                out.push(Neighbour {
                    node,
                    edge: e,
                    outgoing,
                });
            }
        }
        out.sort_by_key(|n| kind_rank(n.node.kind));
        out
    }

    /// How many neighbours the focus has (the rows of the tree).
    pub fn len(&self) -> usize {
        self.neighbours().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Enter on the selected neighbour: a person with an ID number opens as
    /// the screen's person, a document at `name`, anything else takes the focus.
    pub fn follow(&self, person: &str, name: Option<&str>) -> Vec<Effect> {
        let list = self.neighbours();
        let Some(n) = list.get(self.sel) else {
            return Vec::new();
        };
        if let Some(id) = n.node.id.strip_prefix("person:") {
            if id != person {
                return vec![Effect::ShowPerson(id.to_string())];
            }
        }
        if let (Some(source), Some(name)) = (&n.node.source, name) {
            return vec![Effect::ShowDocument {
                source: source.clone(),
                quote: name.to_string(),
            }];
        }
        vec![Effect::ShowNode(n.node.id.clone())]
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let Some(g) = &self.graph else {
            Paragraph::new(tr!("tui.relations_loading"))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(tr!("tui.relations")))
                .render(area, buf);
            return;
        };
        let focus = g.get(&self.focus);
        let title = match focus {
            Some(n) => format!(
                "{} · {} {}",
                tr!("tui.relations"),
                kind_word(n.kind),
                n.label
            ),
            None => tr!("tui.relations"),
        };
        let list = self.neighbours();
        if list.is_empty() {
            Paragraph::new(tr!("tui.relations_none"))
                .block(Block::bordered().title(title))
                .render(area, buf);
            return;
        }
        let rows: Vec<Row> = list
            .iter()
            .map(|n| {
                let arrow = if n.outgoing { "→" } else { "←" };
                let what = match &n.edge.amount {
                    Some(a) => format!("{} ¥{a}", n.edge_label()),
                    None => n.edge_label(),
                };
                Row::new(vec![
                    Line::from(vec![
                        Span::raw(format!("{arrow} ")),
                        Span::styled(edge_word(n.edge.kind, n.outgoing), BOLD),
                    ]),
                    Line::from(kind_word(n.node.kind)),
                    Line::from(n.node.label.clone()),
                    Line::from(Span::styled(what, DIM)),
                ])
            })
            .collect();
        let mut st = TableState::default().with_selected(Some(self.sel.min(list.len() - 1)));
        StatefulWidget::render(
            Table::new(
                rows,
                [
                    Constraint::Length(12),
                    Constraint::Length(6),
                    Constraint::Fill(3),
                    Constraint::Fill(2),
                ],
            )
            .header(
                Row::new(vec![
                    tr!("tui.col_relation"),
                    tr!("tui.col_kind"),
                    tr!("tui.col_node"),
                    tr!("tui.col_detail"),
                ])
                .style(BOLD),
            )
            .row_highlight_style(SEL)
            .block(Block::bordered().title(title)),
            area,
            buf,
            &mut st,
        );
    }
}

impl Neighbour<'_> {
    /// The edge's own words: a relation (户主), the ties of an account
    /// (发放台账、流水), a count of payments.
    fn edge_label(&self) -> String {
        match self.edge.kind {
            "holds" => source_words(&self.edge.label),
            "about" | "names" => String::new(),
            _ => self.edge.label.clone(),
        }
    }
}

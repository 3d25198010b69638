//! The Case screen: the allegations, and the selected one's evidence
//! catalogue with its notes; new allegations, statuses, notes, unlinking.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Cell, List, ListItem, ListState, Paragraph, Row, StatefulWidget, Table, TableState,
    Widget, Wrap,
};

use super::{Component, Ctx};
use crate::casework::{Allegation, NotesByItem};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::job::{Done, Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::overlays::editors::{NoteEditor, StatusEditor};
use crate::tui::overlays::Overlay;
use crate::tui::widgets::{status_style, BOLD, DIM, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::anywhere(Action::NewAllegation).hint("allege"),
    ActionSpec::anywhere(Action::SetStatus).hint("status"),
    ActionSpec::anywhere(Action::AddNote).hint("note"),
    ActionSpec::anywhere(Action::Unlink).hint("unlink"),
    ActionSpec::here(Action::Open),
    ActionSpec::here(Action::Cancel),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

#[derive(Default)]
pub struct Case {
    pub allegations: Vec<Allegation>,
    /// Every note in the case, by (kind, reference).
    pub notes: NotesByItem,
    pub allegation_sel: usize,
    /// The selected catalogue entry when the evidence pane has the keys.
    pub evidence_sel: Option<usize>,
}

impl Case {
    pub fn selected_allegation(&self) -> Option<&Allegation> {
        self.allegations.get(self.allegation_sel)
    }

    fn evidence_count(&self) -> usize {
        self.selected_allegation()
            .map(|a| a.evidence.len())
            .unwrap_or(0)
    }

    /// The note target: the selected evidence item, else the allegation.
    fn note_target(&self) -> Option<(String, String)> {
        let a = self.selected_allegation()?;
        match self.evidence_sel.and_then(|i| a.evidence.get(i)) {
            Some(e) => Some((
                format!("{}:{}", e.kind, e.reference),
                format!("{} {}", e.no, e.label),
            )),
            None => Some((
                format!("allegation:{}", a.id),
                format!("#{} {}", a.id, a.title),
            )),
        }
    }
}

impl Component for Case {
    fn section(&self) -> Section {
        Section::Case
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, _ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            match self.evidence_sel {
                Some(i) => self.evidence_sel = Some(clamp_move(i, d, self.evidence_count())),
                None => {
                    self.allegation_sel = clamp_move(self.allegation_sel, d, self.allegations.len())
                }
            }
            return Vec::new();
        }
        match a {
            Action::Open => {
                let n = self.evidence_count();
                self.evidence_sel = match self.evidence_sel {
                    None if n > 0 => Some(0),
                    _ => None,
                };
                Vec::new()
            }
            Action::Cancel => {
                self.evidence_sel = None;
                Vec::new()
            }
            Action::NewAllegation => vec![Effect::Open(Overlay::NewAllegation(Box::default()))],
            Action::SetStatus => match self.selected_allegation() {
                Some(a) => vec![Effect::Open(Overlay::Status(Box::new(StatusEditor::new(
                    a.id,
                    a.status,
                    a.reason.as_deref().unwrap_or_default(),
                    &a.amount.map(|a| a.to_string()).unwrap_or_default(),
                ))))],
                None => Vec::new(),
            },
            Action::AddNote => match self.note_target() {
                Some((on, label)) => vec![Effect::Open(Overlay::Note(Box::new(NoteEditor::new(
                    on, label, None,
                ))))],
                None => Vec::new(),
            },
            Action::Unlink => {
                let link = self
                    .selected_allegation()
                    .and_then(|a| a.evidence.get(self.evidence_sel?))
                    .map(|e| e.link);
                match link {
                    Some(link) => vec![Effect::Request(Request::Unlink { link })],
                    None => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Case { allegations, notes } => {
                self.allegations = allegations.clone();
                self.notes = notes.clone();
                self.allegation_sel = self
                    .allegation_sel
                    .min(self.allegations.len().saturating_sub(1));
                let n = self.evidence_count();
                self.evidence_sel = match self.evidence_sel {
                    Some(_) if n == 0 => None,
                    Some(i) => Some(i.min(n - 1)),
                    None => None,
                };
            }
            // A new allegation is last in the list (reloaded next).
            Reply::Changed(Ok(Done::Created { .. })) => {
                self.allegation_sel = self.allegations.len();
                self.evidence_sel = None;
            }
            _ => {}
        }
        Vec::new()
    }

    fn click(&mut self, area: Rect, at: (u16, u16), _ctx: &Ctx) -> Vec<Effect> {
        let (list, right) = panes(area);
        let n = self.allegations.len();
        if let Some(i) = crate::tui::widgets::item_at(list, 0, 2, n, self.allegation_sel, at) {
            self.allegation_sel = i;
            self.evidence_sel = None;
        } else if right.contains(at.into()) && self.evidence_sel.is_none() {
            // The catalogue pane takes the keys, as Enter does.
            self.evidence_sel = (self.evidence_count() > 0).then_some(0);
        }
        Vec::new()
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        let (list, right) = panes(area);
        self.render_list(list, buf);
        let Some(a) = self.selected_allegation() else {
            Block::bordered()
                .title(tr!("tui.catalogue"))
                .render(right, buf);
            return;
        };
        let right = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(7), Constraint::Min(4)])
            .split(right);
        self.render_head(a, right[0], buf);
        self.render_catalogue(a, right[1], buf);
    }
}

/// The allegation list and the pane of the selected one.
fn panes(area: Rect) -> (Rect, Rect) {
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(38), Constraint::Percentage(62)])
        .split(area);
    (cols[0], cols[1])
}

/// A bordered block, cyan when its pane has the keys.
fn pane(title: String, active: bool) -> Block<'static> {
    let b = Block::bordered().title(title);
    if active {
        b.border_style(Style::new().fg(Color::Cyan))
    } else {
        b
    }
}

impl Case {
    fn note_lines(&self, kind: &str, reference: &str, lines: &mut Vec<Line<'static>>) {
        if let Some(notes) = self.notes.get(&(kind.to_string(), reference.to_string())) {
            for n in notes {
                lines.push(Line::from(vec![
                    Span::styled(format!("  ✎ {} ", n.at), DIM),
                    Span::raw(n.text.replace('\n', " ")),
                ]));
            }
        }
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let items: Vec<ListItem> = self
            .allegations
            .iter()
            .map(|a| {
                ListItem::new(Text::from(vec![
                    Line::from(vec![
                        Span::raw(format!("#{} ", a.id)),
                        Span::styled(
                            format!("[{}] ", a.status.label()),
                            status_style(a.status.stored()),
                        ),
                        Span::raw(a.title.clone()),
                    ]),
                    Line::styled(
                        format!(
                            "   {} · {}",
                            tr!("tui.evidence_count", n = a.evidence.len()),
                            a.amount
                                .map(|a| a.to_string())
                                .unwrap_or_else(|| "—".into())
                        ),
                        DIM,
                    ),
                ]))
            })
            .collect();
        let title = format!("{} · {}", tr!("tui.allegations"), self.allegations.len());
        if items.is_empty() {
            Paragraph::new(tr!("tui.no_allegations"))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(title))
                .render(area, buf);
            return;
        }
        let mut st = ListState::default().with_selected(Some(self.allegation_sel));
        StatefulWidget::render(
            List::new(items)
                .block(pane(title, self.evidence_sel.is_none()))
                .highlight_style(SEL),
            area,
            buf,
            &mut st,
        );
    }

    fn render_head(&self, a: &Allegation, area: Rect, buf: &mut Buffer) {
        let mut head = vec![
            Line::styled(format!("#{} {}", a.id, a.title), BOLD),
            Line::from(vec![
                Span::styled(a.status.label(), status_style(a.status.stored())),
                Span::raw(
                    a.reason
                        .as_ref()
                        .map(|r| format!(" — {}", r.replace('\n', " ")))
                        .unwrap_or_default(),
                ),
            ]),
        ];
        if let Some(amount) = &a.amount {
            head.push(Line::from(format!(
                "{}：{amount}",
                tr!("tui.amount_involved")
            )));
        }
        if let Some(src) = &a.source {
            head.push(Line::styled(format!("{}：{src}", tr!("tui.source")), DIM));
        }
        if let Some(t) = &a.text {
            head.push(Line::from(t.replace('\n', " ")));
        }
        self.note_lines("allegation", &a.id.to_string(), &mut head);
        Paragraph::new(head)
            .wrap(Wrap { trim: false })
            .block(Block::bordered())
            .render(area, buf);
    }

    fn render_catalogue(&self, a: &Allegation, area: Rect, buf: &mut Buffer) {
        let header = Row::new(vec![
            tr!("tui.col_no"),
            tr!("tui.col_relation"),
            tr!("tui.col_item"),
        ])
        .style(BOLD);
        let rows: Vec<Row> = a
            .evidence
            .iter()
            .map(|e| {
                let mut lines = vec![Line::from(format!(
                    "{} {}",
                    tr!(&format!("tui.item.{}", e.kind)),
                    e.label
                ))];
                if let Some(q) = &e.quote {
                    lines.push(Line::styled(
                        format!("“{}”", q.replace('\n', " ")),
                        Style::new().fg(Color::Yellow),
                    ));
                }
                if let Some(n) = &e.note {
                    lines.push(Line::styled(n.clone(), DIM));
                }
                self.note_lines(&e.kind, &e.reference, &mut lines);
                let h = lines.len() as u16;
                Row::new(vec![
                    Cell::from(e.no.to_string()),
                    Cell::from(e.relation.label()),
                    Cell::from(Text::from(lines)),
                ])
                .height(h)
            })
            .collect();
        let mut st = TableState::default().with_selected(self.evidence_sel);
        let title = format!("{} · {}", tr!("tui.catalogue"), a.evidence.len());
        StatefulWidget::render(
            Table::new(
                rows,
                [
                    Constraint::Length(6),
                    Constraint::Length(8),
                    Constraint::Min(10),
                ],
            )
            .header(header)
            .row_highlight_style(SEL)
            .block(pane(title, self.evidence_sel.is_some())),
            area,
            buf,
            &mut st,
        );
    }
}

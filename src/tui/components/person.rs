//! The Person screen: one person by ID number — a dated timeline or their
//! relationship tree (`r` switches), their rows by role, findings,
//! documents, links and notes.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};
use tui_textarea::TextArea;

use super::checks::review_word;
use super::relations::Relations;
use super::{Component, Ctx};
use crate::casework::PersonView;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::{Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::overlays::editors::NoteEditor;
use crate::tui::overlays::Overlay;
use crate::tui::widgets::{self, text_of, BOLD, DIM, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::anywhere(Action::PersonId).hint("person_id"),
    ActionSpec::here(Action::AddNote).hint("note"),
    ActionSpec::here(Action::Relations).hint("relations"),
    ActionSpec::here(Action::Open),
    ActionSpec::here(Action::Submit),
    ActionSpec::here(Action::Cancel),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

pub struct Person {
    pub id: TextArea<'static>,
    pub focused: bool,
    pub person: Option<PersonView>,
    pub scroll: usize,
    /// The relationship tree shows instead of the timeline.
    pub show_relations: bool,
    pub relations: Relations,
}

impl Default for Person {
    fn default() -> Person {
        Person {
            id: widgets::textarea(),
            focused: false,
            person: None,
            scroll: 0,
            show_relations: false,
            relations: Relations::default(),
        }
    }
}

impl Person {
    /// Asks for the person with this ID number (shown in the ID field).
    pub fn open(&mut self, id: &str) -> Vec<Effect> {
        self.open_at(id, None)
    }

    /// Asks for the person, the relationship tree to focus node `node` when
    /// it arrives (Back to a node of another person's tree).
    pub fn open_at(&mut self, id: &str, node: Option<String>) -> Vec<Effect> {
        self.id = widgets::textarea_with(id);
        self.relations.expect(id, node);
        vec![Effect::Request(Request::Person { id: id.to_string() })]
    }

    /// The ID number of the person shown (as normalised by the core).
    fn shown_id(&self) -> Option<&str> {
        self.person.as_ref().map(|p| p.id_number.as_str())
    }
}

impl Component for Person {
    fn section(&self) -> Section {
        Section::Person
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, _ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            if self.show_relations {
                let n = self.relations.len();
                self.relations.sel = clamp_move(self.relations.sel, d, n);
            } else {
                let n = self.person.as_ref().map(|p| p.timeline.len()).unwrap_or(0);
                self.scroll = clamp_move(self.scroll, d, n);
            }
            return Vec::new();
        }
        match a {
            Action::PersonId => vec![Effect::Goto(crate::tui::app::Screen::Person), Effect::Focus],
            Action::Relations => {
                self.show_relations = !self.show_relations;
                Vec::new()
            }
            Action::Open if self.show_relations && self.person.is_some() => {
                let name = self.person.as_ref().and_then(|p| p.names.first().cloned());
                let id = self.shown_id().unwrap_or_default().to_string();
                self.relations.follow(&id, name.as_deref())
            }
            Action::Open => {
                self.focused = true;
                Vec::new()
            }
            Action::Cancel => {
                self.focused = false;
                Vec::new()
            }
            Action::Submit if self.focused => {
                self.focused = false;
                let id = text_of(&self.id);
                if id.trim().is_empty() {
                    return Vec::new();
                }
                self.relations.expect(id.trim(), None);
                vec![Effect::Request(Request::Person {
                    id: id.trim().to_string(),
                })]
            }
            Action::AddNote => match &self.person {
                Some(p) => vec![Effect::Open(Overlay::Note(Box::new(NoteEditor::new(
                    format!("person:{}", p.id_number),
                    p.id_number.clone(),
                    Some(p.id_number.clone()),
                ))))],
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Person(Ok(p)) => {
                self.person = Some(p.clone());
                self.scroll = 0;
                Vec::new()
            }
            Reply::Person(Err(e)) => vec![Effect::Say(Notice::Failed(e.clone()))],
            Reply::Relations(Ok(g)) => {
                self.relations.loaded(g.clone());
                Vec::new()
            }
            Reply::Relations(Err(e)) => vec![Effect::Say(Notice::Failed(e.clone()))],
            _ => Vec::new(),
        }
    }

    fn input(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.focused {
            self.id.input(key);
        }
        Vec::new()
    }

    fn typing(&self) -> bool {
        self.focused
    }

    fn set_focus(&mut self, on: bool) {
        self.focused = on;
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        let rows = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(3), Constraint::Min(3)])
            .split(area);
        widgets::field(
            rows[0],
            buf,
            &self.id,
            tr!("tui.person_id_title"),
            self.focused,
        );
        let Some(p) = &self.person else {
            Paragraph::new(tr!("tui.person_hint"))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(tr!("tui.screen.person")))
                .render(rows[1], buf);
            return;
        };
        // Side by side when wide; the timeline above the rest when narrow.
        let (dir, split) = if rows[1].width >= 120 {
            (Direction::Horizontal, [60, 40])
        } else {
            (Direction::Vertical, [55, 45])
        };
        let cols = Layout::default()
            .direction(dir)
            .constraints([
                Constraint::Percentage(split[0]),
                Constraint::Percentage(split[1]),
            ])
            .split(rows[1]);
        if self.show_relations {
            self.relations.render(cols[0], buf);
        } else {
            self.render_timeline(p, cols[0], buf);
        }
        Paragraph::new(details(p))
            .wrap(Wrap { trim: false })
            .block(Block::bordered())
            .render(cols[1], buf);
    }
}

impl Person {
    fn render_timeline(&self, p: &PersonView, area: Rect, buf: &mut Buffer) {
        let header = Row::new(vec![
            tr!("tui.col_date"),
            tr!("tui.col_kind"),
            tr!("tui.col_event"),
            tr!("tui.col_where"),
        ])
        .style(BOLD);
        let rows: Vec<Row> = p
            .timeline
            .iter()
            .map(|e| {
                Row::new(vec![
                    e.date.clone().unwrap_or_else(|| "—".into()),
                    tr!(&format!("tui.event.{}", e.kind)),
                    e.text.clone(),
                    match (&e.ledger, e.row) {
                        (Some(l), Some(r)) => format!("{l} #{r}"),
                        _ => String::new(),
                    },
                ])
            })
            .collect();
        let mut st = TableState::default().with_selected(Some(self.scroll));
        let title = format!(
            "{} {} · {}",
            p.id_number,
            p.names.join("、"),
            tr!("tui.timeline")
        );
        StatefulWidget::render(
            Table::new(
                rows,
                [
                    Constraint::Length(10),
                    Constraint::Length(6),
                    Constraint::Min(16),
                    Constraint::Length(18),
                ],
            )
            .header(header)
            .row_highlight_style(SEL)
            .block(Block::bordered().title(title)),
            area,
            buf,
            &mut st,
        );
    }
}

/// Rows by role, findings, documents, links, tags and notes.
fn details(p: &PersonView) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan);
    let mut lines: Vec<Line> = vec![Line::styled(tr!("tui.person_rows"), bold)];
    for (role, refs) in &p.rows {
        lines.push(Line::from(format!(
            "  {} {}",
            tr!(&format!("role.{role}")),
            refs.len()
        )));
    }
    lines.push(Line::styled(
        format!("{} · {}", tr!("checks.findings_header"), p.findings.len()),
        bold,
    ));
    for x in &p.findings {
        let review = review_word(x)
            .map(|w| format!(" [{w}]"))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  {} {} {}{review}",
            x.id,
            x.rule,
            x.amount.map(|a| a.to_string()).unwrap_or_default()
        )));
    }
    lines.push(Line::styled(
        format!("{} · {}", tr!("tui.mentioned_in"), p.documents.len()),
        bold,
    ));
    for d in &p.documents {
        lines.push(Line::from(format!("  {d}")));
    }
    lines.push(Line::styled(tr!("tui.person_links"), bold));
    for (id, title, no) in &p.links {
        lines.push(Line::from(format!("  #{id} {title} {no}")));
    }
    for l in &p.cross_links {
        let other = if l.a.kind == "person" && l.a.reference == p.id_number {
            &l.b
        } else {
            &l.a
        };
        lines.push(Line::from(format!(
            "  ⟷ {} {} [{}]",
            tr!(&format!("tui.item.{}", other.kind)),
            other.label,
            l.relation.label()
        )));
    }
    if !p.tags.is_empty() {
        lines.push(Line::from(format!("  {}", p.tags.join(" "))));
    }
    for n in &p.notes {
        lines.push(Line::from(vec![
            Span::styled(format!("  ✎ {} ", n.at), DIM),
            Span::raw(n.text.replace('\n', " ")),
        ]));
    }
    lines
}

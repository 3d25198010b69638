//! Drawing the clue register: the 到期预警 strip, the clue list, the selected
//! clue (deadlines, timeline, problems, evidence) or the statistics.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Cell, List, ListItem, ListState, Paragraph, Row, StatefulWidget, Table, TableState,
    Widget, Wrap,
};

use super::case::{Case, Focus};
use crate::domain::ClueSource;
use crate::register::{stats, Clue, DeadlineState, DeadlineView};
use crate::tr;
use crate::tui::widgets::{status_style, BOLD, DIM, SEL};

/// A sufficiency warning.
const WARN: Style = Style::new().fg(Color::Yellow);

/// The colour of a deadline state.
pub fn state_style(s: DeadlineState) -> Style {
    match s {
        DeadlineState::Overdue => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        DeadlineState::DueSoon => Style::new().fg(Color::Yellow),
        DeadlineState::Open => Style::new().fg(Color::Cyan),
        DeadlineState::Done => DIM,
    }
}

/// The strip, and below it the clue list and the pane of the selected clue.
fn split(area: Rect) -> (Rect, Rect, Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(3), Constraint::Min(4)])
        .split(area);
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(42), Constraint::Percentage(58)])
        .split(rows[1]);
    (rows[0], cols[0], cols[1])
}

/// The clue list and the pane of the selected clue.
pub fn panes(area: Rect) -> (Rect, Rect) {
    let (_, list, right) = split(area);
    (list, right)
}

fn pane(title: String, active: bool) -> Block<'static> {
    let b = Block::bordered().title(title);
    if active {
        b.border_style(Style::new().fg(Color::Cyan))
    } else {
        b
    }
}

pub fn render(c: &Case, area: Rect, buf: &mut Buffer) {
    let (strip, list, right) = split(area);
    render_strip(c, strip, buf);
    render_list(c, list, buf);
    if c.stats {
        render_stats(c, right, buf);
        return;
    }
    match c.selected_clue() {
        Some(clue) => render_clue(c, clue, right, buf),
        None => Block::bordered()
            .title(tr!("tui.register.detail"))
            .render(right, buf),
    }
}

fn render_strip(c: &Case, area: Rect, buf: &mut Buffer) {
    let running: Vec<(&Clue, &DeadlineView)> = c
        .register
        .clues
        .iter()
        .flat_map(|clue| clue.deadlines.iter().map(move |d| (clue, d)))
        .filter(|(_, d)| matches!(d.state, DeadlineState::Overdue | DeadlineState::DueSoon))
        .collect();
    let overdue = running
        .iter()
        .filter(|(_, d)| d.state == DeadlineState::Overdue)
        .count();
    let soon = running.len() - overdue;
    let mut spans = vec![
        Span::styled(
            tr!("tui.register.overdue", n = overdue),
            state_style(DeadlineState::Overdue),
        ),
        Span::raw("  "),
        Span::styled(
            tr!("tui.register.due_soon", n = soon),
            state_style(DeadlineState::DueSoon),
        ),
    ];
    let mut sorted = running;
    sorted.sort_by(|a, b| (a.1.state, &a.1.due).cmp(&(b.1.state, &b.1.due)));
    for (clue, d) in sorted.iter().take(4) {
        spans.push(Span::raw("  ·  "));
        spans.push(Span::styled(
            format!("{} {} {}", clue.number, d.what.label(), &d.due[5..]),
            state_style(d.state),
        ));
    }
    let title = format!(
        "{} · {}",
        tr!("tui.register.warning"),
        tr!("tui.register.as_of", date = c.register.as_of)
    );
    Paragraph::new(Line::from(spans))
        .block(Block::bordered().title(title))
        .render(area, buf);
}

fn filter_text(c: &Case) -> String {
    let f = &c.filter;
    let mut parts = Vec::new();
    if let Some(s) = f.state {
        parts.push(s.label());
    }
    if let Some(d) = f.disposition {
        parts.push(d.label());
    }
    if let Some(o) = &f.officer {
        parts.push(o.clone());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" · {}", tr!("tui.register.filtered", by = parts.join("、")))
    }
}

fn status_of(clue: &Clue) -> String {
    let mut s = clue.status.label();
    if let Some(o) = clue.outcome {
        s = format!("{s}·{}", o.label());
    }
    s
}

fn render_list(c: &Case, area: Rect, buf: &mut Buffer) {
    let visible = c.visible();
    let title = format!(
        "{} · {}/{}{}",
        tr!("tui.register.title"),
        visible.len(),
        c.register.clues.len(),
        filter_text(c)
    );
    if visible.is_empty() {
        let text = if c.register.clues.is_empty() {
            tr!("tui.register.empty")
        } else {
            tr!("tui.register.none_match")
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .block(pane(title, true))
            .render(area, buf);
        return;
    }
    let items: Vec<ListItem> = visible
        .iter()
        .map(|clue| {
            let next = clue.next_deadline();
            let second = match next {
                Some(d) => Span::styled(
                    format!("{} {} {}", d.what.label(), d.due, d.state.label()),
                    state_style(d.state),
                ),
                None => Span::styled(tr!("tui.register.nothing_running"), DIM),
            };
            ListItem::new(Text::from(vec![
                Line::from(vec![
                    Span::styled(format!("{} ", clue.number), BOLD),
                    Span::styled(format!("[{}] ", status_of(clue)), DIM),
                    Span::raw(clue.title.clone()),
                ]),
                Line::from(vec![
                    Span::raw(format!("   {} · ", clue.subject_names())),
                    second,
                ]),
            ]))
        })
        .collect();
    let mut st = ListState::default().with_selected(Some(c.clue_sel));
    StatefulWidget::render(
        List::new(items)
            .block(pane(title, c.focus == Focus::Clues))
            .highlight_style(SEL),
        area,
        buf,
        &mut st,
    );
}

fn render_clue(c: &Case, clue: &Clue, area: Rect, buf: &mut Buffer) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(6),
            Constraint::Min(5),
            Constraint::Length(7),
        ])
        .split(area);
    render_head(clue, rows[0], buf);
    let mid = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
        .split(rows[1]);
    render_deadlines(clue, mid[0], buf);
    render_timeline(clue, mid[1], buf);
    render_problems(c, clue, rows[2], buf);
}

fn render_head(clue: &Clue, area: Rect, buf: &mut Buffer) {
    let source = ClueSource::parse(&clue.source)
        .map(|s| s.label())
        .unwrap_or_else(|| clue.source.clone());
    let realness = if clue.real_name {
        tr!(
            "register.show_real_name",
            informant = clue.informant.clone().unwrap_or_default()
        )
    } else {
        tr!("register.show_anonymous")
    };
    let mut second = vec![Span::raw(tr!(
        "register.show_received",
        date = clue.received,
        source = source,
        realness = realness
    ))];
    if let Some(o) = &clue.officer {
        second.push(Span::raw(format!(
            "　{}",
            tr!("register.show_officer", officer = o)
        )));
    }
    let mut third = vec![Span::styled(status_of(clue), BOLD)];
    if let Some(s) = clue.sanction {
        third.push(Span::raw(format!("（{}）", s.label())));
    }
    if let Some(f) = clue.form {
        third.push(Span::raw(format!("　{}", f.label())));
    }
    let subjects: Vec<String> = clue
        .subjects
        .iter()
        .map(|s| match &s.post {
            Some(p) => format!("{}（{p}）", s.name),
            None => s.name.clone(),
        })
        .collect();
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", clue.number), BOLD),
            Span::raw(clue.title.clone()),
        ]),
        Line::from(second),
        Line::from(format!(
            "{}：{}",
            tr!("register.show_subjects"),
            subjects.join("、")
        )),
        Line::from(third),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered())
        .render(area, buf);
}

fn render_deadlines(clue: &Clue, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = clue
        .deadlines
        .iter()
        .map(|d| {
            let (text, style) = match &d.done_on {
                Some(done) => (
                    format!(
                        "{} {} → {}{}",
                        d.what.label(),
                        d.due,
                        done,
                        if d.late {
                            tr!("register.late")
                        } else {
                            String::new()
                        }
                    ),
                    if d.late {
                        Style::new().fg(Color::Magenta)
                    } else {
                        DIM
                    },
                ),
                None => (
                    format!("{} {} {}", d.what.label(), d.due, d.state.label()),
                    state_style(d.state),
                ),
            };
            let mark = if d.outside_calendar { " *" } else { "" };
            Line::styled(format!("{text}{mark}"), style)
        })
        .collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(tr!("register.show_deadlines")))
        .render(area, buf);
}

fn render_timeline(clue: &Clue, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![Line::styled(
        format!("{}  {}", clue.received, tr!("tui.register.received")),
        DIM,
    )];
    for e in &clue.events {
        let label = e.label();
        let detail = e.details();
        lines.push(Line::from(vec![
            Span::raw(format!("{}  ", e.date)),
            Span::styled(label, BOLD),
            Span::raw(if detail.is_empty() {
                String::new()
            } else {
                format!(" {}", detail.join("；"))
            }),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(tr!("register.show_events")))
        .render(area, buf);
}

fn render_problems(c: &Case, clue: &Clue, area: Rect, buf: &mut Buffer) {
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(45), Constraint::Percentage(55)])
        .split(area);
    let items: Vec<ListItem> = clue
        .problems
        .iter()
        .map(|p| {
            let warned = clue.warnings.iter().filter(|w| w.problem == p.id).count();
            let mut spans = vec![
                Span::raw(format!("#{} ", p.id)),
                Span::styled(
                    format!("[{}] ", p.status.label()),
                    status_style(p.status.stored()),
                ),
                Span::raw(p.title.clone()),
            ];
            if warned > 0 {
                spans.push(Span::styled(format!(" ⚠{warned}"), WARN));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let title = format!(
        "{} · {}",
        tr!("register.show_problems"),
        clue.problems.len()
    );
    let sel = (c.focus != Focus::Clues).then_some(c.problem_sel);
    let mut st = ListState::default().with_selected(sel);
    StatefulWidget::render(
        List::new(items)
            .block(pane(title, c.focus == Focus::Problems))
            .highlight_style(SEL),
        cols[0],
        buf,
        &mut st,
    );
    let evidence = clue
        .problems
        .get(c.problem_sel)
        .map(|p| p.evidence.as_slice())
        .unwrap_or_default();
    let rows: Vec<Row> = evidence
        .iter()
        .map(|e| {
            let mut text = format!("{} {}", tr!(&format!("tui.item.{}", e.kind)), e.label);
            if let Some(t) = e.evidence_type {
                text = format!("[{}] {text}", t.label());
            }
            if let Some(q) = &e.quote {
                text.push_str(&format!(" “{}”", q.replace('\n', " ")));
            }
            if c.notes.contains_key(&(e.kind.clone(), e.reference.clone())) {
                text.push_str(" ✎");
            }
            Row::new(vec![
                Cell::from(e.no.to_string()),
                Cell::from(e.relation.label()),
                Cell::from(text),
            ])
        })
        .chain(
            // The selected problem's sufficiency warnings, after its evidence.
            clue.problems
                .get(c.problem_sel)
                .into_iter()
                .flat_map(|p| clue.warnings.iter().filter(move |w| w.problem == p.id))
                .map(|w| {
                    Row::new(vec![
                        Cell::from("⚠"),
                        Cell::from(""),
                        Cell::from(w.text.clone()),
                    ])
                    .style(WARN)
                }),
        )
        .collect();
    let mut st = TableState::default().with_selected(c.evidence_sel);
    let title = format!("{} · {}", tr!("tui.catalogue"), evidence.len());
    StatefulWidget::render(
        Table::new(
            rows,
            [
                Constraint::Length(6),
                Constraint::Length(8),
                Constraint::Min(10),
            ],
        )
        .header(
            Row::new(vec![
                tr!("tui.col_no"),
                tr!("tui.col_relation"),
                tr!("tui.col_item"),
            ])
            .style(BOLD),
        )
        .row_highlight_style(SEL)
        .block(pane(title, c.focus == Focus::Evidence)),
        cols[1],
        buf,
        &mut st,
    );
}

fn render_stats(c: &Case, area: Rect, buf: &mut Buffer) {
    let s = stats::stats(&c.register);
    let mut lines = vec![Line::styled(
        tr!("register.stats_header", as_of = s.as_of, n = s.clues),
        BOLD,
    )];
    let d = &s.deadlines;
    lines.push(Line::from(tr!(
        "register.stats_deadlines",
        overdue = d.overdue,
        soon = d.due_soon,
        open = d.open,
        done = d.done,
        late = d.late
    )));
    let m = &s.money;
    lines.push(Line::from(tr!(
        "register.stats_money",
        violation = m.violation,
        confiscated = m.confiscated,
        refunded = m.refunded,
        recovered = m.recovered
    )));
    for (title, counts) in s.breakdowns() {
        let parts: Vec<String> = counts
            .iter()
            .map(|x| format!("{} {}", x.label, x.clues))
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{title}："), BOLD),
            Span::raw(parts.join("  ")),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(pane(tr!("tui.register.stats"), true))
        .render(area, buf);
}

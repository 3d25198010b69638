//! Rendering: reads the app state, never changes it, never does I/O.

use ratatui::layout::{Alignment, Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Cell, Clear, Gauge, List, ListItem, ListState, Paragraph, Row, Table, TableState, Tabs,
    Wrap,
};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::{App, Focus, Overlay, Screen};
use super::keymap::Section;
use crate::tr;

const HL: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
const SEL: Style = Style::new().add_modifier(Modifier::REVERSED);
const DIM: Style = Style::new().fg(Color::DarkGray);

pub fn render(app: &App, f: &mut Frame<'_>) {
    let area = f.area();
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .split(area);
    tabs(app, f, rows[0]);
    match app.screen {
        Screen::Search => search(app, f, rows[1]),
        Screen::Checks => checks(app, f, rows[1]),
        Screen::Ledgers => ledgers(app, f, rows[1]),
        Screen::Import => import(app, f, rows[1]),
        Screen::Case => case(app, f, rows[1]),
        Screen::Person => person(app, f, rows[1]),
        Screen::Audit => audit(app, f, rows[1]),
        Screen::Export => export(app, f, rows[1]),
    }
    status(app, f, rows[2]);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => help(app, f, area),
        Overlay::Palette => palette(app, f, area),
        Overlay::Finding => finding(app, f, area),
        Overlay::Review { status, .. } => review(app, f, area, status),
        Overlay::LinkPicker { label, .. } => link_picker(app, f, area, label),
        Overlay::Status { id } => status_editor(app, f, area, *id),
        Overlay::Note { label, .. } => {
            let r = centered(area, 70, 8);
            f.render_widget(Clear, r);
            let mut t = app.note.clone();
            t.set_block(input_block(tr!("tui.note_title", on = label), true));
            f.render_widget(&t, r);
        }
        Overlay::NewAllegation => {
            let r = centered(area, 70, 3);
            f.render_widget(Clear, r);
            let mut t = app.title.clone();
            t.set_block(input_block(tr!("tui.new_allegation"), true));
            f.render_widget(&t, r);
        }
        Overlay::ConfirmQuit => {
            let r = centered(area, 50, 5);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(tr!("tui.confirm_quit"))
                    .wrap(Wrap { trim: false })
                    .block(Block::bordered().title(tr!("tui.quit"))),
                r,
            );
        }
    }
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn tabs(app: &App, f: &mut Frame<'_>, area: Rect) {
    let sel = Screen::ALL
        .iter()
        .position(|s| *s == app.screen)
        .unwrap_or(0);
    let full: Vec<String> = Screen::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {}", i + 1, tr!(&format!("tui.screen.{}", s.key()))))
        .collect();
    // Each tab takes its label plus a space either side and a divider.
    let need: usize = full.iter().map(|t| t.width() + 3).sum();
    let mut name_w = (app.case_name.width() as u16 + 2).min(area.width / 2);
    let fits = need + name_w as usize <= area.width as usize;
    if !fits {
        name_w = 0;
    }
    let titles: Vec<Line> = full
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            // Narrow terminals: the other tabs shrink to their number.
            if fits || need <= area.width as usize || i == sel {
                Line::from(t)
            } else {
                Line::from((i + 1).to_string())
            }
        })
        .collect();
    let parts = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Min(10), Constraint::Length(name_w)])
        .split(area);
    f.render_widget(
        Tabs::new(titles)
            .select(sel)
            .highlight_style(SEL)
            .divider("│"),
        parts[0],
    );
    f.render_widget(
        Paragraph::new(app.case_name.as_str())
            .alignment(Alignment::Right)
            .style(DIM),
        parts[1],
    );
}

/// Splits text marked with 【】 into spans with the marked parts highlighted.
fn marked(s: &str) -> Line<'static> {
    let mut spans = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('【') {
        spans.push(Span::raw(rest[..i].to_string()));
        let after = &rest[i + '【'.len_utf8()..];
        match after.find('】') {
            Some(j) => {
                spans.push(Span::styled(after[..j].to_string(), HL));
                rest = &after[j + '】'.len_utf8()..];
            }
            None => {
                rest = after;
            }
        }
    }
    spans.push(Span::raw(rest.to_string()));
    Line::from(spans)
}

fn input_block(title: String, focused: bool) -> Block<'static> {
    let b = Block::bordered().title(title);
    if focused {
        b.border_style(Style::new().fg(Color::Cyan))
    } else {
        b
    }
}

fn search(app: &App, f: &mut Frame<'_>, area: Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(3), Constraint::Min(3)])
        .split(area);
    let mut q = app.query.clone();
    q.set_block(input_block(
        tr!("tui.query_title"),
        app.focus == Focus::Query,
    ));
    f.render_widget(&q, rows[0]);
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(45), Constraint::Percentage(55)])
        .split(rows[1]);
    if let Some(e) = &app.search_error {
        f.render_widget(
            Paragraph::new(e.as_str())
                .style(Style::new().fg(Color::Red))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(tr!("tui.results"))),
            rows[1],
        );
        return;
    }
    let Some(r) = &app.results else {
        f.render_widget(
            Paragraph::new(tr!("tui.search_hint"))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(tr!("tui.results"))),
            rows[1],
        );
        return;
    };
    let items: Vec<ListItem> = r
        .hits
        .iter()
        .map(|h| {
            let kind = tr!(&format!("kind.{}", h.kind));
            ListItem::new(Text::from(vec![
                Line::from(vec![
                    Span::styled(format!("[{kind}] "), DIM),
                    Span::styled(h.title.clone(), Style::new().add_modifier(Modifier::BOLD)),
                ]),
                marked(&h.snippet),
            ]))
        })
        .collect();
    let facets = {
        let k: Vec<String> = r
            .facets
            .kind
            .iter()
            .map(|(k, v)| format!("{}{v}", tr!(&format!("kind.{k}"))))
            .collect();
        k.join(" ")
    };
    let title = format!("{} · {}", tr!("search.total", n = r.total), facets);
    let top = |m: &std::collections::BTreeMap<String, u64>| {
        let mut v: Vec<(&String, &u64)> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.into_iter()
            .take(3)
            .map(|(k, n)| format!("{k}{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let years: Vec<String> = r
        .facets
        .year
        .iter()
        .rev()
        .take(3)
        .map(|(y, n)| format!("{y}:{n}"))
        .collect();
    let bottom = format!(
        "{} │ {} │ {}",
        top(&r.facets.village),
        top(&r.facets.ledger),
        years.join(" ")
    );
    let mut st = ListState::default().with_selected(Some(app.result_sel));
    f.render_stateful_widget(
        List::new(items)
            .block(
                Block::bordered()
                    .title(title)
                    .title_bottom(Line::styled(bottom, DIM)),
            )
            .highlight_style(SEL),
        cols[0],
        &mut st,
    );
    // Preview: the whole document or row, every hit highlighted, the current one reversed.
    let Some(h) = r.hits.get(app.result_sel) else {
        f.render_widget(Block::bordered().title(tr!("tui.preview")), cols[1]);
        return;
    };
    let chars: Vec<char> = h.text.chars().collect();
    let mut lines: Vec<Line> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut current_line = 0usize;
    let mut i = 0usize;
    let mut buf = String::new();
    let flush = |buf: &mut String, spans: &mut Vec<Span<'static>>, style: Style| {
        if !buf.is_empty() {
            spans.push(Span::styled(std::mem::take(buf), style));
        }
    };
    let mut hl_iter = h.highlights.iter().enumerate().peekable();
    while i < chars.len() {
        if let Some(&(k, &(s, e))) = hl_iter.peek() {
            if i == s {
                flush(&mut buf, &mut spans, Style::default());
                let text: String = chars[s..e.min(chars.len())].iter().collect();
                let style = if k == app.hit_index {
                    HL.add_modifier(Modifier::REVERSED)
                } else {
                    HL
                };
                if k == app.hit_index {
                    current_line = lines.len();
                }
                spans.push(Span::styled(text.replace('\n', " "), style));
                i = e;
                hl_iter.next();
                continue;
            }
        }
        let c = chars[i];
        if c == '\n' {
            flush(&mut buf, &mut spans, Style::default());
            lines.push(Line::from(std::mem::take(&mut spans)));
        } else if c != '\r' {
            buf.push(c);
        }
        i += 1;
    }
    flush(&mut buf, &mut spans, Style::default());
    lines.push(Line::from(spans));
    let n_hits = h.highlights.len();
    let title = format!(
        "{} · {} {}/{}",
        h.source,
        tr!("tui.hits"),
        if n_hits == 0 { 0 } else { app.hit_index + 1 },
        n_hits
    );
    let scroll = current_line.saturating_sub(2) as u16;
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(Block::bordered().title(title)),
        cols[1],
    );
}

fn checks(app: &App, f: &mut Frame<'_>, area: Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(area.height.min(16) / 2 + 2),
            Constraint::Min(4),
        ])
        .split(area);
    let header = Row::new(vec![
        tr!("checks.col_rule"),
        tr!("checks.col_findings"),
        tr!("checks.col_amount"),
        tr!("checks.col_changes"),
        tr!("checks.col_ms"),
        tr!("checks.col_note"),
    ])
    .style(Style::new().add_modifier(Modifier::BOLD));
    let rule_rows: Vec<Row> = app
        .rules
        .iter()
        .map(|r| {
            Row::new(vec![
                Cell::from(r.title.clone()),
                Cell::from(r.findings.to_string()),
                Cell::from(r.amount.map(|a| a.to_string()).unwrap_or_else(|| "—".into())),
                Cell::from(format!("{}/{}/{}", r.new, r.changed, r.gone.len())),
                Cell::from(format!("{} ms", r.ms)),
                Cell::from(
                    r.skipped
                        .clone()
                        .or_else(|| r.error.clone())
                        .unwrap_or_default(),
                ),
            ])
        })
        .collect();
    let title = match &app.last_run {
        Some((id, at)) => tr!("tui.last_run", run = id, at = at),
        None => tr!("tui.never_run"),
    };
    f.render_widget(
        Table::new(
            rule_rows,
            [
                Constraint::Length(18),
                Constraint::Length(5),
                Constraint::Length(11),
                Constraint::Length(9),
                Constraint::Length(8),
                Constraint::Min(6),
            ],
        )
        .header(header)
        .block(Block::bordered().title(title)),
        rows[0],
    );
    let fheader = Row::new(vec![
        String::new(),
        "ID".to_string(),
        tr!("checks.col_rule"),
        tr!("tui.col_name"),
        tr!("checks.col_amount"),
        tr!("tui.col_review"),
    ])
    .style(Style::new().add_modifier(Modifier::BOLD));
    let frows: Vec<Row> = app
        .findings
        .iter()
        .map(|x| {
            let change = match x.change.as_str() {
                "new" => tr!("checks.change_new"),
                "changed" => tr!("checks.change_changed"),
                _ => String::new(),
            };
            let review = x
                .review
                .as_ref()
                .map(|r| r.status.label())
                .unwrap_or_default();
            Row::new(vec![
                change,
                x.id.clone(),
                x.rule.clone(),
                x.name.clone(),
                x.amount.map(|a| a.to_string()).unwrap_or_else(|| "—".into()),
                review,
            ])
        })
        .collect();
    let sort = tr!(&format!("tui.sort.{:?}", app.sort).to_lowercase());
    let mut st = TableState::default().with_selected(Some(app.finding_sel));
    f.render_stateful_widget(
        Table::new(
            frows,
            [
                Constraint::Length(4),
                Constraint::Length(12),
                Constraint::Length(22),
                Constraint::Min(8),
                Constraint::Length(11),
                Constraint::Length(7),
            ],
        )
        .header(fheader)
        .row_highlight_style(SEL)
        .block(Block::bordered().title(format!(
            "{} · {} · {sort}",
            tr!("checks.findings_header"),
            app.findings.len()
        ))),
        rows[1],
        &mut st,
    );
}

/// Column widths from display widths (CJK counts two), capped.
fn widths(columns: &[String], rows: &[Vec<String>], cap: usize) -> Vec<Constraint> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let w = rows
                .iter()
                .take(200)
                .map(|r| r.get(i).map(|v| v.width()).unwrap_or(0))
                .max()
                .unwrap_or(0)
                .max(c.width());
            Constraint::Length(w.min(cap) as u16)
        })
        .collect()
}

fn ledgers(app: &App, f: &mut Frame<'_>, area: Rect) {
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([
            Constraint::Length(area.width.min(120) / 4),
            Constraint::Min(20),
        ])
        .split(area);
    let items: Vec<ListItem> = app
        .ledgers
        .iter()
        .map(|l| {
            ListItem::new(Text::from(vec![
                Line::from(l.name.clone()),
                Line::styled(
                    format!("  {} · {}", l.role, tr!("cli.rows", n = l.rows)),
                    DIM,
                ),
            ]))
        })
        .collect();
    let mut st = ListState::default().with_selected(Some(app.ledger_sel));
    f.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(tr!("tui.screen.ledgers")))
            .highlight_style(SEL),
        cols[0],
        &mut st,
    );
    let right = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(3), Constraint::Min(3)])
        .split(cols[1]);
    let mut filt = app.filter.clone();
    filt.set_block(input_block(
        tr!("tui.filter_title"),
        app.focus == Focus::LedgerFilter,
    ));
    f.render_widget(&filt, right[0]);
    let Some(p) = &app.page else {
        f.render_widget(Block::bordered(), right[1]);
        return;
    };
    // Horizontal scroll: the row number, then columns from just left of the selected one.
    let first = app
        .col_sel
        .saturating_sub(2)
        .max(1)
        .min(p.columns.len().saturating_sub(1).max(1));
    let visible: Vec<usize> = std::iter::once(0).chain(first..p.columns.len()).collect();
    let header = Row::new(visible.iter().map(|&i| (i, &p.columns[i])).map(|(i, c)| {
        let mark = match app.ledger_sort {
            Some((s, true)) if s == i => " ▲",
            Some((s, false)) if s == i => " ▼",
            _ => "",
        };
        let style = if i == app.col_sel {
            SEL
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        Cell::from(format!("{c}{mark}")).style(style)
    }));
    let rows: Vec<Row> = p
        .rows
        .iter()
        .map(|r| {
            Row::new(
                visible
                    .iter()
                    .map(|&i| Cell::from(r.get(i).cloned().unwrap_or_default())),
            )
        })
        .collect();
    let vcols: Vec<String> = visible.iter().map(|&i| p.columns[i].clone()).collect();
    let vrows: Vec<Vec<String>> = p
        .rows
        .iter()
        .take(200)
        .map(|r| {
            visible
                .iter()
                .map(|&i| r.get(i).cloned().unwrap_or_default())
                .collect()
        })
        .collect();
    let role = app
        .ledgers
        .get(app.ledger_sel)
        .map(|l| l.role.clone())
        .unwrap_or_default();
    let view = if app.normalised {
        tr!("tui.normalised")
    } else {
        tr!("tui.original")
    };
    let title = format!(
        "{role} · {view} · {}/{} · {}",
        p.rows.len(),
        p.total,
        p.mapping
    );
    let mut st = TableState::default().with_selected(Some(app.row_sel));
    f.render_stateful_widget(
        Table::new(rows, widths(&vcols, &vrows, 24))
            .header(header)
            .row_highlight_style(SEL)
            .block(Block::bordered().title(title)),
        right[1],
        &mut st,
    );
}

fn import(app: &App, f: &mut Frame<'_>, area: Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(3), Constraint::Min(3)])
        .split(area);
    let mut p = app.import_path.clone();
    p.set_block(input_block(
        tr!("tui.import_title"),
        app.focus == Focus::ImportPath,
    ));
    f.render_widget(&p, rows[0]);
    let items: Vec<ListItem> = if app.import_reports.is_empty() {
        vec![ListItem::new(Text::from(tr!("tui.import_hint")))]
    } else {
        app.import_reports
            .iter()
            .map(|r| {
                let (mark, style) = match r.status {
                    crate::ingest::Status::Imported => ("✓", Style::new().fg(Color::Green)),
                    crate::ingest::Status::Duplicate => ("=", DIM),
                    crate::ingest::Status::Error => ("✗", Style::new().fg(Color::Red)),
                };
                let what = r
                    .role
                    .map(|x| x.as_str().to_string())
                    .or(r.kind.map(|k| k.as_str().to_string()))
                    .unwrap_or_default();
                let mut lines = vec![Line::from(vec![
                    Span::styled(format!("{mark} "), style),
                    Span::raw(format!(
                        "{}  {what}  {}",
                        r.file,
                        r.rows.map(|n| tr!("cli.rows", n = n)).unwrap_or_default()
                    )),
                ])];
                if let Some(e) = &r.error {
                    lines.push(Line::styled(format!("  {e}"), Style::new().fg(Color::Red)));
                }
                for w in &r.warnings {
                    lines.push(Line::styled(format!("  ! {w}"), DIM));
                }
                ListItem::new(Text::from(lines))
            })
            .collect()
    };
    f.render_widget(
        List::new(items).block(Block::bordered().title(tr!("tui.import_results"))),
        rows[1],
    );
}

fn hints(app: &App) -> String {
    let key = |a: Action| {
        app.keymap
            .keys_for(app.section(), a)
            .into_iter()
            .chain(app.keymap.keys_for(Section::Global, a))
            .next()
            .unwrap_or_default()
    };
    let mut parts = vec![
        format!("{} {}", key(Action::Help), tr!("tui.hint.help")),
        format!("{} {}", key(Action::Palette), tr!("tui.hint.palette")),
    ];
    match app.screen {
        Screen::Search => parts.push(format!(
            "{}/{} {}",
            key(Action::NextHit),
            key(Action::PrevHit),
            tr!("tui.hint.hits")
        )),
        Screen::Checks => {
            parts.push(format!(
                "{} {}",
                key(Action::RunChecks),
                tr!("tui.hint.run")
            ));
            parts.push(format!(
                "{}/{} {}",
                key(Action::ConfirmFinding),
                key(Action::DismissFinding),
                tr!("tui.hint.review")
            ));
        }
        Screen::Ledgers => parts.push(format!(
            "{} {}",
            key(Action::CycleSort),
            tr!("tui.hint.sort")
        )),
        Screen::Import => parts.push(format!(
            "{} {}",
            key(Action::ImportPath),
            tr!("tui.hint.import")
        )),
        Screen::Case => {
            parts.push(format!(
                "{} {}",
                key(Action::NewAllegation),
                tr!("tui.hint.allege")
            ));
            parts.push(format!(
                "{} {}",
                key(Action::SetStatus),
                tr!("tui.hint.status")
            ));
            parts.push(format!("{} {}", key(Action::AddNote), tr!("tui.hint.note")));
            parts.push(format!(
                "{} {}",
                key(Action::Unlink),
                tr!("tui.hint.unlink")
            ));
        }
        Screen::Person => {
            parts.push(format!(
                "{} {}",
                key(Action::PersonId),
                tr!("tui.hint.person_id")
            ));
            parts.push(format!("{} {}", key(Action::AddNote), tr!("tui.hint.note")));
        }
        Screen::Audit => parts.push(format!(
            "{} {}",
            key(Action::Verify),
            tr!("tui.hint.verify")
        )),
        Screen::Export => {
            parts.push(format!(
                "{} {}",
                key(Action::CycleFormat),
                tr!("tui.hint.format")
            ));
            parts.push(format!(
                "{} {}",
                key(Action::CycleScope),
                tr!("tui.hint.scope")
            ));
            parts.push(format!(
                "{} {}",
                key(Action::ToggleRedact),
                tr!("tui.hint.redact")
            ));
            parts.push(format!(
                "{} {}",
                key(Action::WriteExport),
                tr!("tui.hint.write")
            ));
        }
    }
    if matches!(
        app.screen,
        Screen::Search | Screen::Checks | Screen::Ledgers
    ) {
        parts.insert(2, format!("{} {}", key(Action::Link), tr!("tui.hint.link")));
    }
    parts.push(format!("{} {}", key(Action::Quit), tr!("tui.hint.quit")));
    parts.join("  ")
}

fn status(app: &App, f: &mut Frame<'_>, area: Rect) {
    if let Some(b) = &app.busy {
        let ratio = if b.total > 0 {
            (b.done as f64 / b.total as f64).clamp(0.0, 1.0)
        } else {
            0.0
        };
        f.render_widget(
            Gauge::default()
                .ratio(ratio)
                .label(format!("{} · Esc {}", b.label, tr!("tui.cancel")))
                .gauge_style(Style::new().fg(Color::Cyan)),
            area,
        );
        return;
    }
    let left = match &app.message {
        Some(m) => m.clone(),
        None => tr!(&format!("tui.screen.{}", app.screen.key())),
    };
    let right = hints(app);
    let w = right.width() as u16;
    let parts = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Min(4), Constraint::Length(w.min(area.width))])
        .split(area);
    f.render_widget(
        Paragraph::new(left).style(Style::new().fg(Color::Cyan)),
        parts[0],
    );
    f.render_widget(Paragraph::new(right).style(DIM), parts[1]);
}

fn help(app: &App, f: &mut Frame<'_>, area: Rect) {
    let r = centered(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    let mut lines: Vec<Line> = Vec::new();
    for section in Section::ALL {
        let Some(map) = app.keymap.sections.get(&section) else {
            continue;
        };
        lines.push(Line::styled(
            tr!(&format!("tui.section.{}", section.name())),
            Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
        ));
        for (k, a) in map {
            lines.push(Line::from(vec![
                Span::raw(format!("  {:<12}", k.display())),
                Span::raw(a.describe()),
            ]));
        }
    }
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .scroll((app.help_scroll, 0))
            .block(Block::bordered().title(tr!("tui.help_title"))),
        r,
    );
}

fn palette(app: &App, f: &mut Frame<'_>, area: Rect) {
    let r = centered(area, 60, 16);
    f.render_widget(Clear, r);
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(3), Constraint::Min(1)])
        .split(r);
    let mut input = app.palette.clone();
    input.set_block(input_block(tr!("tui.palette_title"), true));
    f.render_widget(&input, rows[0]);
    let items: Vec<ListItem> = app
        .palette_matches()
        .into_iter()
        .map(|a| ListItem::new(format!("{:<16} {}", a.name(), a.describe())))
        .collect();
    let mut st = ListState::default().with_selected(Some(app.palette_sel));
    f.render_stateful_widget(
        List::new(items)
            .block(Block::bordered())
            .highlight_style(SEL),
        rows[1],
        &mut st,
    );
}

fn finding(app: &App, f: &mut Frame<'_>, area: Rect) {
    let Some(x) = app.selected_finding() else {
        return;
    };
    let r = centered(
        area,
        area.width.saturating_sub(6).min(110),
        area.height.saturating_sub(4),
    );
    let mut lines = vec![
        Line::styled(
            format!(
                "{} · {} · {}",
                x.id,
                x.rule,
                x.amount.map(|a| a.to_string()).unwrap_or_else(|| "—".into())
            ),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::from(""),
        Line::from(x.text.clone()),
        Line::from(""),
        Line::styled(tr!("tui.evidence"), Style::new().fg(Color::Cyan)),
    ];
    for e in &x.evidence {
        lines.push(Line::from(format!(
            "  {} #{}  ({})",
            e.ledger, e.row, e.file
        )));
    }
    if let Some(rv) = &x.review {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!("{}: {} — {}", tr!("tui.col_review"), rv.status.as_str(), rv.reason),
            Style::new().fg(Color::Green),
        ));
    }
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(tr!("tui.finding_title"))),
        r,
    );
}

fn review(app: &App, f: &mut Frame<'_>, area: Rect, status: &str) {
    let r = centered(area, 64, 8);
    f.render_widget(Clear, r);
    let mut t = app.reason.clone();
    let title = if status == "confirmed" {
        tr!("tui.review_confirm")
    } else {
        tr!("tui.review_dismiss")
    };
    t.set_block(input_block(title, true));
    f.render_widget(&t, r);
}

fn status_style(status: &str) -> Style {
    match status {
        "属实" => Style::new().fg(Color::Red),
        "部分属实" => Style::new().fg(Color::Yellow),
        "不属实" => Style::new().fg(Color::Green),
        "无法证实" => DIM,
        _ => Style::new().fg(Color::Cyan),
    }
}

fn note_lines(app: &App, kind: &str, reference: &str, lines: &mut Vec<Line<'static>>) {
    if let Some(notes) = app.notes.get(&(kind.to_string(), reference.to_string())) {
        for n in notes {
            lines.push(Line::from(vec![
                Span::styled(format!("  ✎ {} ", n.at), DIM),
                Span::raw(n.text.replace('\n', " ")),
            ]));
        }
    }
}

fn case(app: &App, f: &mut Frame<'_>, area: Rect) {
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(38), Constraint::Percentage(62)])
        .split(area);
    let items: Vec<ListItem> = app
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
                        a.amount.map(|a| a.to_string()).unwrap_or_else(|| "—".into())
                    ),
                    DIM,
                ),
            ]))
        })
        .collect();
    let list_title = format!("{} · {}", tr!("tui.allegations"), app.allegations.len());
    if items.is_empty() {
        f.render_widget(
            Paragraph::new(tr!("tui.no_allegations"))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(list_title)),
            cols[0],
        );
    } else {
        let mut st = ListState::default().with_selected(Some(app.allegation_sel));
        let b = Block::bordered().title(list_title);
        let b = if app.evidence_sel.is_none() {
            b.border_style(Style::new().fg(Color::Cyan))
        } else {
            b
        };
        f.render_stateful_widget(
            List::new(items).block(b).highlight_style(SEL),
            cols[0],
            &mut st,
        );
    }
    let Some(a) = app.selected_allegation() else {
        f.render_widget(Block::bordered().title(tr!("tui.catalogue")), cols[1]);
        return;
    };
    let right = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(7), Constraint::Min(4)])
        .split(cols[1]);
    let mut head = vec![
        Line::styled(
            format!("#{} {}", a.id, a.title),
            Style::new().add_modifier(Modifier::BOLD),
        ),
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
    note_lines(app, "allegation", &a.id.to_string(), &mut head);
    f.render_widget(
        Paragraph::new(head)
            .wrap(Wrap { trim: false })
            .block(Block::bordered()),
        right[0],
    );
    let header = Row::new(vec![
        tr!("tui.col_no"),
        tr!("tui.col_relation"),
        tr!("tui.col_item"),
    ])
    .style(Style::new().add_modifier(Modifier::BOLD));
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
            note_lines(app, &e.kind, &e.reference, &mut lines);
            let h = lines.len() as u16;
            Row::new(vec![
                Cell::from(e.no.to_string()),
                Cell::from(e.relation.label()),
                Cell::from(Text::from(lines)),
            ])
            .height(h)
        })
        .collect();
    let mut st = TableState::default().with_selected(app.evidence_sel);
    let b = Block::bordered().title(format!("{} · {}", tr!("tui.catalogue"), a.evidence.len()));
    let b = if app.evidence_sel.is_some() {
        b.border_style(Style::new().fg(Color::Cyan))
    } else {
        b
    };
    f.render_stateful_widget(
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
        .block(b),
        right[1],
        &mut st,
    );
}

fn person(app: &App, f: &mut Frame<'_>, area: Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(3), Constraint::Min(3)])
        .split(area);
    let mut q = app.person_id.clone();
    q.set_block(input_block(
        tr!("tui.person_id_title"),
        app.focus == Focus::PersonId,
    ));
    f.render_widget(&q, rows[0]);
    let Some(p) = &app.person else {
        f.render_widget(
            Paragraph::new(tr!("tui.person_hint"))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(tr!("tui.screen.person"))),
            rows[1],
        );
        return;
    };
    // Side by side when wide; the timeline above the rest when narrow.
    let cols = if rows[1].width >= 120 {
        Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(60), Constraint::Percentage(40)])
            .split(rows[1])
    } else {
        Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Percentage(55), Constraint::Percentage(45)])
            .split(rows[1])
    };
    let header = Row::new(vec![
        tr!("tui.col_date"),
        tr!("tui.col_kind"),
        tr!("tui.col_event"),
        tr!("tui.col_where"),
    ])
    .style(Style::new().add_modifier(Modifier::BOLD));
    let trows: Vec<Row> = p
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
    let mut st = TableState::default().with_selected(Some(app.person_scroll));
    let title = format!(
        "{} {} · {}",
        p.id_number,
        p.names.join("、"),
        tr!("tui.timeline")
    );
    f.render_stateful_widget(
        Table::new(
            trows,
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
        cols[0],
        &mut st,
    );
    let bold = Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan);
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::styled(tr!("tui.person_rows"), bold));
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
        let review = match x.review.as_ref().map(|r| r.status) {
            Some(d) => format!(" [{}]", d.label()),
            _ => String::new(),
        };
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
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered()),
        cols[1],
    );
}

fn audit(app: &App, f: &mut Frame<'_>, area: Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(4), Constraint::Min(3)])
        .split(area);
    let (text, style) = match &app.verification {
        None => (tr!("tui.verifying"), DIM),
        Some(Ok(v)) => match &v.failure {
            None => (
                format!(
                    "✓ {}",
                    tr!("audit.intact", entries = v.entries, documents = v.documents)
                ),
                Style::new().fg(Color::Green),
            ),
            Some(fail) => (
                format!("✗ {}", fail.message()),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
        },
        Some(Err(e)) => (format!("✗ {e}"), Style::new().fg(Color::Red)),
    };
    f.render_widget(
        Paragraph::new(Line::styled(text, style))
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(tr!("tui.verify_title"))),
        rows[0],
    );
    let header = Row::new(vec![
        "#".to_string(),
        tr!("tui.col_time"),
        tr!("tui.col_user"),
        tr!("tui.col_action"),
        tr!("tui.col_payload"),
    ])
    .style(Style::new().add_modifier(Modifier::BOLD));
    let trows: Vec<Row> = app
        .audit
        .iter()
        .map(|e| {
            Row::new(vec![
                e.seq.to_string(),
                e.at.clone(),
                e.user.clone(),
                e.action.clone(),
                e.payload.to_string(),
            ])
        })
        .collect();
    let head = app
        .audit
        .last()
        .map(|e| e.hash.chars().take(16).collect::<String>())
        .unwrap_or_default();
    let mut st = TableState::default().with_selected(Some(app.audit_sel));
    f.render_stateful_widget(
        Table::new(
            trows,
            [
                Constraint::Length(5),
                Constraint::Length(19),
                Constraint::Length(10),
                Constraint::Length(18),
                Constraint::Min(10),
            ],
        )
        .header(header)
        .row_highlight_style(SEL)
        .block(
            Block::bordered()
                .title(format!("{} · {}", tr!("tui.audit_log"), app.audit.len()))
                .title_bottom(Line::styled(
                    format!("{} {head}…", tr!("tui.head_hash")),
                    DIM,
                )),
        ),
        rows[1],
        &mut st,
    );
}

fn link_picker(app: &App, f: &mut Frame<'_>, area: Rect, label: &str) {
    let r = centered(area, area.width.saturating_sub(8).min(90), 14);
    f.render_widget(Clear, r);
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(4), Constraint::Min(3)])
        .split(r);
    let relations: Vec<Span> = super::app::RELATIONS
        .iter()
        .enumerate()
        .flat_map(|(i, rel)| {
            let style = if i == app.relation {
                SEL
            } else {
                Style::default()
            };
            [
                Span::styled(format!(" {} ", crate::domain::Relation::parse(rel).map(|r| r.label()).unwrap_or_default()), style),
                Span::raw(" "),
            ]
        })
        .collect();
    let mut rel_line = vec![Span::styled(format!("{}：", tr!("tui.col_relation")), DIM)];
    rel_line.extend(relations);
    rel_line.push(Span::styled(tr!("tui.relation_keys"), DIM));
    f.render_widget(
        Paragraph::new(vec![Line::from(label.to_string()), Line::from(rel_line)])
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(tr!("tui.link_title"))),
        rows[0],
    );
    let items: Vec<ListItem> = app
        .allegations
        .iter()
        .map(|a| {
            ListItem::new(Line::from(vec![
                Span::raw(format!("#{} ", a.id)),
                Span::styled(
                    format!("[{}] ", a.status.label()),
                    status_style(a.status.stored()),
                ),
                Span::raw(a.title.clone()),
            ]))
        })
        .collect();
    let mut st = ListState::default().with_selected(Some(app.picker_sel));
    f.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(tr!("tui.pick_allegation")))
            .highlight_style(SEL),
        rows[1],
        &mut st,
    );
}

fn status_editor(app: &App, f: &mut Frame<'_>, area: Rect, id: i64) {
    let r = centered(area, 70, 15);
    f.render_widget(Clear, r);
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(3),
            Constraint::Min(3),
            Constraint::Length(3),
        ])
        .split(r);
    let spans: Vec<Span> = crate::domain::AllegationStatus::ALL
        .iter()
        .enumerate()
        .flat_map(|(i, st)| {
            let style = if i == app.status_sel {
                SEL
            } else {
                status_style(st.stored())
            };
            [
                Span::styled(format!(" {} ", st.label()), style),
                Span::raw(" "),
            ]
        })
        .collect();
    f.render_widget(
        Paragraph::new(Line::from(spans))
            .block(Block::bordered().title(tr!("tui.status_title", id = id))),
        rows[0],
    );
    let mut t = app.reason.clone();
    t.set_block(input_block(
        tr!("tui.reason_title"),
        app.focus == Focus::Reason,
    ));
    f.render_widget(&t, rows[1]);
    let mut a = app.amount.clone();
    a.set_block(input_block(
        tr!("tui.amount_title"),
        app.focus == Focus::Amount,
    ));
    f.render_widget(&a, rows[2]);
}

fn export(app: &App, f: &mut Frame<'_>, area: Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Min(3),
        ])
        .split(area);
    let formats: Vec<Span> = crate::export::Format::ALL
        .iter()
        .flat_map(|fmt| {
            let style = if *fmt == app.export_format {
                SEL
            } else {
                Style::default()
            };
            [
                Span::styled(format!(" {} ", fmt.extension()), style),
                Span::raw(" "),
            ]
        })
        .collect();
    let mut line1 = vec![Span::styled(format!("{}：", tr!("tui.export_format")), DIM)];
    line1.extend(formats);
    let scope = match app.export_allegation() {
        Some(a) => format!("#{} {}", a.id, a.title),
        None => tr!("export.scope_all"),
    };
    let redaction = if app.export_redact {
        Span::styled(tr!("tui.export_redacted"), Style::new().fg(Color::Green))
    } else {
        Span::styled(
            tr!("tui.export_unredacted"),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )
    };
    let line2 = Line::from(vec![
        Span::styled(format!("{}：", tr!("export.scope")), DIM),
        Span::raw(scope),
        Span::raw("   "),
        redaction,
    ]);
    f.render_widget(
        Paragraph::new(vec![Line::from(line1), line2])
            .block(Block::bordered().title(tr!("tui.export_title"))),
        rows[0],
    );
    let mut p = app.export_path.clone();
    p.set_block(input_block(
        tr!("tui.export_path_title"),
        app.focus == Focus::ExportPath,
    ));
    f.render_widget(&p, rows[1]);
    let preview = app.export_preview.clone().unwrap_or_default();
    let lines: Vec<Line> = preview
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                Line::styled(
                    l.to_string(),
                    Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
                )
            } else {
                Line::from(l.to_string())
            }
        })
        .collect();
    f.render_widget(
        Paragraph::new(lines)
            .scroll((app.export_scroll, 0))
            .block(Block::bordered().title(tr!("tui.export_preview"))),
        rows[2],
    );
}

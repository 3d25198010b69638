//! The Ledgers screen: the ledger list, and one ledger as a table (filtered,
//! sorted by a column, original or normalised values).

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{
    Block, Cell, List, ListItem, ListState, Row, StatefulWidget, Table, TableState, Widget,
};
use tui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::{Component, Ctx, WHEEL_STEP};
use crate::case::LedgerInfo;
use crate::casework::Item;
use crate::error::Msg;
use crate::ingest::fields::Field;
use crate::store::ledger_pages::{LedgerPage, PageQuery};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::{Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::widgets::{self, text_of, BOLD, DIM, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Link).hint("link"),
    ActionSpec::here(Action::CycleSort).hint("sort"),
    ActionSpec::here(Action::ShowPerson),
    ActionSpec::here(Action::Filter),
    ActionSpec::here(Action::ToggleNormalised),
    ActionSpec::anywhere(Action::PrevColumn),
    ActionSpec::anywhere(Action::NextColumn),
    ActionSpec::anywhere(Action::SearchRow),
    ActionSpec::anywhere(Action::PrevLedger),
    ActionSpec::anywhere(Action::NextLedger),
    ActionSpec::here(Action::Submit),
    ActionSpec::here(Action::Cancel),
    ActionSpec::here(Action::Down),
    ActionSpec::here(Action::Up),
    ActionSpec::here(Action::PageDown),
    ActionSpec::here(Action::PageUp),
    ActionSpec::here(Action::Top),
    ActionSpec::here(Action::Bottom),
];

/// Rows per page.
pub const PAGE_ROWS: usize = 200;

pub struct Ledgers {
    pub ledgers: Vec<LedgerInfo>,
    pub ledger_sel: usize,
    pub page: Option<LedgerPage>,
    pub row_sel: usize,
    pub col_sel: usize,
    /// Sorted by this column, ascending?
    pub sort: Option<(usize, bool)>,
    /// Show the normalised columns instead of the original cells.
    pub normalised: bool,
    pub filter: TextArea<'static>,
    pub filter_focused: bool,
    /// A row to select once its page arrives (`Effect::ShowRow`).
    pub pending_row: Option<i64>,
    /// A row asked for before the ledger list arrived.
    pending_show: Option<(String, i64)>,
}

impl Default for Ledgers {
    fn default() -> Ledgers {
        Ledgers {
            ledgers: Vec::new(),
            ledger_sel: 0,
            page: None,
            row_sel: 0,
            col_sel: 0,
            sort: None,
            normalised: false,
            filter: widgets::textarea(),
            filter_focused: false,
            pending_row: None,
            pending_show: None,
        }
    }
}

impl Ledgers {
    /// Asks for the first page of the selected ledger as it is now shown.
    pub fn load_page(&self) -> Vec<Effect> {
        self.request_page(None)
    }

    /// Shows row `row` (its `#`) of ledger `ledger`: the filter goes (the row
    /// must show), the page holding it is asked for, and the row is selected
    /// when it arrives.
    pub fn show_row(&mut self, ledger: &str, row: i64) -> Vec<Effect> {
        if self.ledgers.is_empty() {
            self.pending_show = Some((ledger.to_string(), row));
            return Vec::new();
        }
        let Some(i) = self.ledgers.iter().position(|l| l.name == ledger) else {
            return vec![Effect::Say(Notice::Say(
                Msg::new("casework.no_ledger").arg("ledger", ledger),
            ))];
        };
        if i != self.ledger_sel {
            self.ledger_sel = i;
            self.page = None;
            self.col_sel = 0;
            self.sort = None;
        }
        self.filter = widgets::textarea();
        self.filter_focused = false;
        self.pending_row = Some(row);
        self.request_page(Some(row))
    }

    /// Asks for a page of the selected ledger as it is now shown: the first,
    /// or the one holding row `at_row`.
    fn request_page(&self, at_row: Option<i64>) -> Vec<Effect> {
        let Some(l) = self.ledgers.get(self.ledger_sel) else {
            return Vec::new();
        };
        let sort = self.sort.and_then(|(c, asc)| {
            self.page
                .as_ref()
                .and_then(|p| p.columns.get(c).filter(|_| c > 0).map(|n| (n.clone(), asc)))
        });
        vec![Effect::Request(Request::LedgerPage(PageQuery {
            ledger: l.name.clone(),
            table: l.table.clone(),
            offset: 0,
            limit: PAGE_ROWS,
            sort,
            filter: text_of(&self.filter),
            normalised: self.normalised,
            at_row,
        }))]
    }

    /// The selected row as link evidence.
    pub fn item_here(&self) -> Option<(Item, String)> {
        let l = self.ledgers.get(self.ledger_sel)?;
        let row = self.page.as_ref()?.rows.get(self.row_sel)?.first()?.clone();
        Some((
            Item::Row(format!("{}:{row}", l.name)),
            format!("{} #{row}", l.name),
        ))
    }

    /// The ID number in the selected row's ID column.
    fn person_here(&self) -> Option<String> {
        let p = self.page.as_ref()?;
        let row = p.rows.get(self.row_sel)?;
        let col = p
            .columns
            .iter()
            .position(|c| c == "n_id_number" || Field::from_header(c) == Some(Field::IdNumber))?;
        let id = row.get(col)?;
        crate::normalise::parse_id_number(id).and_then(|i| i.normalised)
    }

    /// The selected row's person: the name column if mapped, else the first cell.
    fn name_here(&self) -> Option<String> {
        let p = self.page.as_ref()?;
        let row = p.rows.get(self.row_sel)?;
        let name_col = p
            .columns
            .iter()
            .position(|c| Field::from_header(c) == Some(Field::Name));
        row.get(name_col.unwrap_or(1)).cloned()
    }
}

impl Component for Ledgers {
    fn section(&self) -> Section {
        Section::Ledgers
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, _ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            let n = self.page.as_ref().map(|p| p.rows.len()).unwrap_or(0);
            self.row_sel = clamp_move(self.row_sel, d, n);
            return Vec::new();
        }
        match a {
            Action::CycleSort => {
                let c = self.col_sel;
                self.sort = match self.sort {
                    Some((x, true)) if x == c => Some((c, false)),
                    Some((x, false)) if x == c => None,
                    _ => Some((c, true)),
                };
                self.load_page()
            }
            Action::Filter => {
                self.filter_focused = true;
                Vec::new()
            }
            Action::PrevColumn => {
                self.col_sel = self.col_sel.saturating_sub(1);
                Vec::new()
            }
            Action::NextColumn => {
                let n = self.page.as_ref().map(|p| p.columns.len()).unwrap_or(1);
                self.col_sel = (self.col_sel + 1).min(n.saturating_sub(1));
                Vec::new()
            }
            Action::PrevLedger | Action::NextLedger => {
                if self.ledgers.is_empty() {
                    return Vec::new();
                }
                let n = self.ledgers.len();
                self.ledger_sel = if a == Action::NextLedger {
                    (self.ledger_sel + 1) % n
                } else {
                    (self.ledger_sel + n - 1) % n
                };
                self.page = None;
                self.row_sel = 0;
                self.col_sel = 0;
                self.sort = None;
                self.load_page()
            }
            Action::SearchRow => match self.name_here() {
                Some(v) if !v.trim().is_empty() => vec![Effect::SearchFor(v.trim().to_string())],
                _ => Vec::new(),
            },
            Action::ToggleNormalised => {
                self.normalised = !self.normalised;
                self.page = None;
                self.col_sel = 0;
                self.sort = None;
                self.load_page()
            }
            Action::Submit if self.filter_focused => {
                self.filter_focused = false;
                self.row_sel = 0;
                self.load_page()
            }
            Action::Cancel => {
                self.filter_focused = false;
                Vec::new()
            }
            Action::Link => match self.item_here() {
                Some((item, label)) => vec![Effect::LinkItem { item, label }],
                None => Vec::new(),
            },
            Action::ShowPerson => self
                .person_here()
                .map(Effect::ShowPerson)
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Ledgers(l) => {
                self.ledgers = l.clone();
                if let Some((ledger, row)) = self.pending_show.take() {
                    return self.show_row(&ledger, row);
                }
                if self.page.is_none() && !self.ledgers.is_empty() {
                    return self.load_page();
                }
                Vec::new()
            }
            Reply::Page(Ok(p)) => {
                self.page = Some(p.clone());
                if let Some(row) = self.pending_row.take() {
                    let want = row.to_string();
                    if let Some(i) = p.rows.iter().position(|r| r.first() == Some(&want)) {
                        self.row_sel = i;
                    }
                }
                Vec::new()
            }
            Reply::Page(Err(e)) => vec![Effect::Say(Notice::Failed(e.clone()))],
            _ => Vec::new(),
        }
    }

    fn on_enter(&mut self) -> Vec<Effect> {
        self.filter_focused = false;
        if self.page.is_none() {
            return self.load_page();
        }
        Vec::new()
    }

    fn input(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.filter_focused {
            self.filter.input(key);
        }
        Vec::new()
    }

    fn typing(&self) -> bool {
        self.filter_focused
    }

    fn set_focus(&mut self, on: bool) {
        self.filter_focused = on;
    }

    fn click(&mut self, area: Rect, at: (u16, u16), ctx: &Ctx) -> Vec<Effect> {
        let (list, filter, table) = panes(area);
        if filter.contains(at.into()) {
            self.filter_focused = true;
            return Vec::new();
        }
        self.filter_focused = false;
        let n = self.ledgers.len();
        if let Some(i) = widgets::item_at(list, 0, 2, n, self.ledger_sel, at) {
            if i != self.ledger_sel {
                // As if ] had been pressed until ledger i.
                self.ledger_sel = (i + n - 1) % n;
                return self.update(Action::NextLedger, ctx);
            }
            return Vec::new();
        }
        let rows = self.page.as_ref().map(|p| p.rows.len()).unwrap_or(0);
        if let Some(i) = widgets::item_at(table, 1, 1, rows, self.row_sel, at) {
            self.row_sel = i;
        }
        Vec::new()
    }

    fn wheel(&mut self, area: Rect, at: (u16, u16), down: bool, ctx: &Ctx) -> Vec<Effect> {
        let (list, _, _) = panes(area);
        let (a, n) = match (list.contains(at.into()), down) {
            (true, true) => (Action::NextLedger, 1),
            (true, false) => (Action::PrevLedger, 1),
            (false, true) => (Action::Down, WHEEL_STEP),
            (false, false) => (Action::Up, WHEEL_STEP),
        };
        (0..n).flat_map(|_| self.update(a, ctx)).collect()
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        let (list, filter, table) = panes(area);
        let items: Vec<ListItem> = self
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
        let mut st = ListState::default().with_selected(Some(self.ledger_sel));
        StatefulWidget::render(
            List::new(items)
                .block(Block::bordered().title(tr!("tui.screen.ledgers")))
                .highlight_style(SEL),
            list,
            buf,
            &mut st,
        );
        widgets::field(
            filter,
            buf,
            &self.filter,
            tr!("tui.filter_title"),
            self.filter_focused,
        );
        match &self.page {
            Some(p) => self.render_page(p, table, buf),
            None => Block::bordered().render(table, buf),
        }
    }
}

/// The ledger list, the filter line and the table, as `render` lays them out.
fn panes(area: Rect) -> (Rect, Rect, Rect) {
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([
            Constraint::Length(area.width.min(120) / 4),
            Constraint::Min(20),
        ])
        .split(area);
    let right = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(3), Constraint::Min(3)])
        .split(cols[1]);
    (cols[0], right[0], right[1])
}

impl Ledgers {
    fn render_page(&self, p: &LedgerPage, area: Rect, buf: &mut Buffer) {
        // Horizontal scroll: the row number, then columns from just left of the selected one.
        let first = self
            .col_sel
            .saturating_sub(2)
            .max(1)
            .min(p.columns.len().saturating_sub(1).max(1));
        let visible: Vec<usize> = std::iter::once(0)
            .chain(first..p.columns.len())
            .filter(|&i| i < p.columns.len())
            .collect();
        let header = Row::new(visible.iter().map(|&i| {
            let mark = match self.sort {
                Some((s, true)) if s == i => " ▲",
                Some((s, false)) if s == i => " ▼",
                _ => "",
            };
            let style: Style = if i == self.col_sel { SEL } else { BOLD };
            Cell::from(format!("{}{mark}", p.columns[i])).style(style)
        }));
        let cells = |r: &Vec<String>| -> Vec<String> {
            visible
                .iter()
                .map(|&i| r.get(i).cloned().unwrap_or_default())
                .collect()
        };
        let rows: Vec<Row> = p.rows.iter().map(|r| Row::new(cells(r))).collect();
        let vcols: Vec<String> = visible.iter().map(|&i| p.columns[i].clone()).collect();
        let vrows: Vec<Vec<String>> = p.rows.iter().take(200).map(cells).collect();
        let role = self
            .ledgers
            .get(self.ledger_sel)
            .map(|l| l.role.clone())
            .unwrap_or_default();
        let view = if self.normalised {
            tr!("tui.normalised")
        } else {
            tr!("tui.original")
        };
        // Past the first page: which rows these are.
        let shown = if p.offset == 0 {
            p.rows.len().to_string()
        } else {
            format!("{}–{}", p.offset + 1, p.offset + p.rows.len())
        };
        let title = format!("{role} · {view} · {shown}/{} · {}", p.total, p.mapping);
        let mut st = TableState::default().with_selected(Some(self.row_sel));
        StatefulWidget::render(
            Table::new(rows, widths(&vcols, &vrows, 24))
                .header(header)
                .row_highlight_style(SEL)
                .block(Block::bordered().title(title)),
            area,
            buf,
            &mut st,
        );
    }
}

/// Column widths from display widths (CJK counts two), capped.
pub fn widths(columns: &[String], rows: &[Vec<String>], cap: usize) -> Vec<Constraint> {
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

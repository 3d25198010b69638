//! The Search screen: a query line searched as you type, the hits, and a
//! preview with every hit marked.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};
use tui_textarea::TextArea;

use super::{pick, Component, Ctx, WHEEL_STEP};
use crate::casework::Item;
use crate::search::names::Match;
use crate::search::SearchResult;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::commands::{clamp_move, step, ActionSpec};
use crate::tui::effect::Effect;
use crate::tui::job::{JobError, Lane, Reply, Request};
use crate::tui::keymap::Section;
use crate::tui::widgets::{self, text_of, DIM, HL, SEL};

pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec::here(Action::Link).hint("link"),
    ActionSpec::anywhere(Action::NextHit).hint_pair(Action::PrevHit, "hits"),
    ActionSpec::anywhere(Action::PrevHit),
    ActionSpec::anywhere(Action::FocusSearch),
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

/// How many hits a search asks for.
pub const LIMIT: usize = 50;

pub struct Search {
    pub query: TextArea<'static>,
    pub focused: bool,
    pub results: Option<SearchResult>,
    /// Why the current query cannot run (malformed), shown under the query line.
    pub error: Option<JobError>,
    pub result_sel: usize,
    /// The current hit inside the selected result.
    pub hit_index: usize,
    /// The document to select when the results arrive (`Effect::ShowDocument`).
    pub pending_source: Option<String>,
    /// The selection to take when the next results arrive (going back).
    pub restore_sel: Option<(usize, usize)>,
}

impl Default for Search {
    fn default() -> Search {
        Search {
            query: widgets::textarea(),
            // The workbench opens on the screen: `/` or `i` enters the query line.
            focused: false,
            results: None,
            error: None,
            result_sel: 0,
            hit_index: 0,
            pending_source: None,
            restore_sel: None,
        }
    }
}

impl Search {
    /// Searches for the query line (an empty line clears the results).
    pub fn search(&mut self) -> Vec<Effect> {
        let q = text_of(&self.query);
        if q.trim().is_empty() {
            self.results = None;
            return vec![Effect::Supersede(Lane::Search)];
        }
        vec![Effect::Request(Request::Search {
            query: q,
            limit: LIMIT,
        })]
    }

    /// Puts `text` on the query line and searches for it.
    pub fn search_for(&mut self, text: &str) -> Vec<Effect> {
        self.query = widgets::textarea_with(text);
        self.search()
    }

    /// Shows document `source` in the preview at `quote`: searches for the
    /// quote as a phrase and selects that document's hit when it arrives.
    pub fn show_document(&mut self, source: &str, quote: &str) -> Vec<Effect> {
        let phrase: String = quote
            .chars()
            .map(|c| {
                if matches!(c, '"' | '“' | '”') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        self.focused = false;
        self.pending_source = Some(source.to_string());
        self.search_for(&format!("\"{}\"", phrase.trim()))
    }

    /// The item under the cursor as link evidence: a ledger row, or the
    /// sentence around the current hit in a document.
    pub fn item_here(&self) -> Option<(Item, String)> {
        let h = self.results.as_ref()?.hits.get(self.result_sel)?;
        if let (Some(ledger), Some(row)) = (&h.ledger, h.row) {
            return Some((
                Item::Row(format!("{ledger}:{row}")),
                format!("{ledger} #{row}"),
            ));
        }
        let (s, e) = h.highlights.get(self.hit_index).copied().unwrap_or((0, 0));
        let quote = sentence_around(&h.text, s, e);
        if quote.is_empty() {
            return None;
        }
        Some((
            Item::Document {
                source: h.source.clone(),
                quote: quote.clone(),
            },
            match h.page_at(s) {
                Some(p) => format!("{} {}：“{quote}”", h.title, tr!("page.no", page = p.number)),
                None => format!("{}：“{quote}”", h.title),
            },
        ))
    }
}

impl Component for Search {
    fn section(&self) -> Section {
        Section::Search
    }

    fn actions(&self) -> &'static [ActionSpec] {
        ACTIONS
    }

    fn update(&mut self, a: Action, _ctx: &Ctx) -> Vec<Effect> {
        if let Some(d) = step(a) {
            let n = self.results.as_ref().map(|r| r.hits.len()).unwrap_or(0);
            self.result_sel = clamp_move(self.result_sel, d, n);
            self.hit_index = 0;
            return Vec::new();
        }
        match a {
            Action::NextHit | Action::PrevHit => {
                let n = self
                    .results
                    .as_ref()
                    .and_then(|r| r.hits.get(self.result_sel))
                    .map(|h| h.highlights.len())
                    .unwrap_or(0);
                if n > 0 {
                    self.hit_index = if a == Action::NextHit {
                        (self.hit_index + 1) % n
                    } else {
                        (self.hit_index + n - 1) % n
                    };
                }
                Vec::new()
            }
            Action::FocusSearch => {
                vec![Effect::Goto(crate::tui::app::Screen::Search), Effect::Focus]
            }
            Action::Open | Action::Cancel => {
                self.focused = false;
                Vec::new()
            }
            Action::Submit if self.focused => {
                self.focused = false;
                self.search()
            }
            Action::Link => match self.item_here() {
                Some((item, label)) => vec![Effect::LinkItem { item, label }],
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn on_reply(&mut self, r: &Reply) -> Vec<Effect> {
        match r {
            Reply::Search(result) => {
                match result {
                    Ok(r) => {
                        self.results = Some(r.clone());
                        self.error = None;
                    }
                    Err(e) => self.error = Some(e.clone()),
                }
                (self.result_sel, self.hit_index) = self.restore_sel.take().unwrap_or((0, 0));
                if let (Some(src), Ok(r)) = (self.pending_source.take(), result) {
                    if let Some(i) = r.hits.iter().position(|h| h.source == src) {
                        self.result_sel = i;
                    }
                }
                Vec::new()
            }
            // New files: the same query again.
            Reply::Imported(_) if !text_of(&self.query).trim().is_empty() => self.search(),
            _ => Vec::new(),
        }
    }

    fn input(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.focused && self.query.input(key) {
            return self.search();
        }
        Vec::new()
    }

    fn typing(&self) -> bool {
        self.focused
    }

    fn set_focus(&mut self, on: bool) {
        self.focused = on;
    }

    fn click(&mut self, area: Rect, at: (u16, u16), ctx: &Ctx) -> Vec<Effect> {
        let (line, list, _) = panes(area);
        if line.contains(at.into()) {
            self.focused = true;
            return Vec::new();
        }
        self.focused = false;
        let n = self.results.as_ref().map(|r| r.hits.len()).unwrap_or(0);
        match widgets::item_at(list, 0, 2, n, self.result_sel, at) {
            Some(i) => {
                let open = pick(&mut self.result_sel, i);
                self.hit_index = 0;
                open.map(|a| self.update(a, ctx)).unwrap_or_default()
            }
            None => Vec::new(),
        }
    }

    fn wheel(&mut self, area: Rect, at: (u16, u16), down: bool, ctx: &Ctx) -> Vec<Effect> {
        let (_, _, preview) = panes(area);
        // Over the preview the wheel steps through the hits.
        let a = match (preview.contains(at.into()), down) {
            (true, true) => Action::NextHit,
            (true, false) => Action::PrevHit,
            (false, true) => Action::Down,
            (false, false) => Action::Up,
        };
        let n = if preview.contains(at.into()) {
            1
        } else {
            WHEEL_STEP
        };
        (0..n).flat_map(|_| self.update(a, ctx)).collect()
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        let (line, list, preview) = panes(area);
        let below = list.union(preview);
        widgets::field(line, buf, &self.query, tr!("tui.query_title"), self.focused);
        if let Some(e) = &self.error {
            Paragraph::new(e.to_string())
                .style(Style::new().fg(Color::Red))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(tr!("tui.results")))
                .render(below, buf);
            return;
        }
        let Some(r) = &self.results else {
            Paragraph::new(tr!("tui.search_hint"))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(tr!("tui.results")))
                .render(below, buf);
            return;
        };
        self.render_hits(r, list, buf);
        self.render_preview(r, preview, buf);
    }
}

/// The query line, the hit list and the preview, as `render` lays them out.
fn panes(area: Rect) -> (Rect, Rect, Rect) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(3), Constraint::Min(3)])
        .split(area);
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(45), Constraint::Percentage(55)])
        .split(rows[1]);
    (rows[0], cols[0], cols[1])
}

impl Search {
    fn render_hits(&self, r: &SearchResult, area: Rect, buf: &mut Buffer) {
        let items: Vec<ListItem> = r
            .hits
            .iter()
            .map(|h| {
                let kind = tr!(&format!("kind.{}", h.kind));
                let mut head = vec![
                    Span::styled(format!("[{kind}] "), DIM),
                    Span::styled(h.title.clone(), Style::new().add_modifier(Modifier::BOLD)),
                ];
                // A homophone or near spelling says so, next to the title.
                if h.matched != Match::Exact {
                    head.push(Span::styled(
                        format!(
                            " 〔{}〕",
                            tr!(&format!("search.match_{}", h.matched.as_str()))
                        ),
                        Style::new().fg(Color::Yellow),
                    ));
                }
                ListItem::new(Text::from(vec![
                    Line::from(head),
                    widgets::marked(&h.snippet),
                ]))
            })
            .collect();
        let facets: Vec<String> = r
            .facets
            .kind
            .iter()
            .map(|(k, v)| format!("{}{v}", tr!(&format!("kind.{k}"))))
            .collect();
        let title = format!(
            "{} · {}",
            tr!("search.total", n = r.total),
            facets.join(" ")
        );
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
        let mut st = ListState::default().with_selected(Some(self.result_sel));
        StatefulWidget::render(
            List::new(items)
                .block(
                    Block::bordered()
                        .title(title)
                        .title_bottom(Line::styled(bottom, DIM)),
                )
                .highlight_style(SEL),
            area,
            buf,
            &mut st,
        );
    }

    /// The whole document or row, every hit highlighted, the current one reversed.
    fn render_preview(&self, r: &SearchResult, area: Rect, buf: &mut Buffer) {
        let Some(h) = r.hits.get(self.result_sel) else {
            Block::bordered()
                .title(tr!("tui.preview"))
                .render(area, buf);
            return;
        };
        let chars: Vec<char> = h.text.chars().collect();
        let mut lines: Vec<Line> = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        let mut current_line = 0usize;
        let mut i = 0usize;
        let mut text = String::new();
        let flush = |text: &mut String, spans: &mut Vec<Span<'static>>| {
            if !text.is_empty() {
                spans.push(Span::raw(std::mem::take(text)));
            }
        };
        let mut hl_iter = h.highlights.iter().enumerate().peekable();
        while i < chars.len() {
            if let Some(&(k, &(s, e))) = hl_iter.peek() {
                if i == s {
                    flush(&mut text, &mut spans);
                    let marked: String = chars[s..e.min(chars.len())].iter().collect();
                    let style = if k == self.hit_index {
                        current_line = lines.len();
                        HL.add_modifier(Modifier::REVERSED)
                    } else {
                        HL
                    };
                    spans.push(Span::styled(marked.replace('\n', " "), style));
                    i = e;
                    hl_iter.next();
                    continue;
                }
            }
            let c = chars[i];
            if c == '\n' {
                flush(&mut text, &mut spans);
                lines.push(Line::from(std::mem::take(&mut spans)));
            } else if c != '\r' {
                text.push(c);
            }
            i += 1;
        }
        flush(&mut text, &mut spans);
        lines.push(Line::from(spans));
        let n_hits = h.highlights.len();
        let mut title = format!(
            "{} · {} {}/{}",
            h.source,
            tr!("tui.hits"),
            if n_hits == 0 { 0 } else { self.hit_index + 1 },
            n_hits
        );
        let at = h.highlights.get(self.hit_index).map(|x| x.0).unwrap_or(0);
        if let Some(p) = h.page_at(at) {
            title.push_str(&format!(" · {}", tr!("page.no", page = p.number)));
            if p.ocr {
                title.push_str(&format!(" · {}", tr!("page.ocr_mark")));
            }
        }
        let scroll = current_line.saturating_sub(2) as u16;
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(Block::bordered().title(title))
            .render(area, buf);
    }
}

/// The sentence (or line) around chars `s..e` of `text`: from just after the
/// previous 。！？；or newline to the next one, at most 120 characters.
pub fn sentence_around(text: &str, s: usize, e: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let s = s.min(chars.len());
    let e = e.clamp(s, chars.len());
    let stop = |c: char| matches!(c, '。' | '！' | '？' | '；' | '\n' | '\r');
    let mut a = s;
    while a > 0 && !stop(chars[a - 1]) && s - a < 60 {
        a -= 1;
    }
    let mut b = e;
    while b < chars.len() && !stop(chars[b]) && b - e < 60 {
        b += 1;
    }
    if b < chars.len() && matches!(chars[b], '。' | '！' | '？' | '；') {
        b += 1;
    }
    chars[a..b].iter().collect::<String>().trim().to_string()
}

#[cfg(test)]
mod page_tests {
    use super::*;
    use crate::search::{Hit, HitPage};

    #[test]
    fn the_preview_names_the_current_hits_page_and_marks_recognised_text() {
        let text = "第一页甲\n\n第二页甲";
        let page = |start_char, number, ocr| HitPage {
            start_char,
            number,
            ocr,
        };
        let hit = Hit {
            source: "扫描件.pdf".into(),
            kind: "letter".into(),
            title: "扫描件".into(),
            ledger: None,
            row: None,
            page: Some(1),
            ocr: false,
            score: 1.0,
            matched: crate::search::names::Match::Exact,
            snippet: String::new(),
            key: "d:1".into(),
            highlights: vec![(3, 4), (9, 10)],
            text: text.into(),
            pages: vec![page(0, 1, false), page(6, 2, true)],
        };
        let mut s = Search::default();
        s.on_reply(&Reply::Search(Ok(SearchResult {
            total: 1,
            hits: vec![hit],
            facets: Default::default(),
        })));
        let shown = |s: &Search| {
            let area = Rect::new(0, 0, 120, 8);
            let mut buf = Buffer::empty(area);
            s.render(area, &mut buf);
            use unicode_width::UnicodeWidthStr;
            let mut out = String::new();
            for y in 0..area.height {
                let mut x = 0;
                while x < area.width {
                    let sym = buf[(x, y)].symbol();
                    out.push_str(sym);
                    x += (sym.width() as u16).max(1);
                }
                out.push('\n');
            }
            out
        };
        let first = shown(&s);
        assert!(first.contains(&tr!("page.no", page = 1)), "{first}");
        assert!(!first.contains(&tr!("page.ocr_mark")), "{first}");
        s.update(Action::NextHit, &Ctx::default());
        let second = shown(&s);
        assert!(second.contains(&tr!("page.no", page = 2)), "{second}");
        assert!(second.contains(&tr!("page.ocr_mark")), "{second}");
        let (_, label) = s.item_here().unwrap();
        assert!(label.contains(&tr!("page.no", page = 2)), "{label}");
    }
}

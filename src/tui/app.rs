//! Application state and `update`: actions and key presses change state and
//! send requests to the worker; replies come back as messages. Rendering
//! (`ui.rs`) only reads this state.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::KeyEvent;
use tui_textarea::TextArea;

use super::action::Action;
use super::keymap::{Keymap, Section};
use super::worker::{LedgerPage, Reply, Request, Worker};
use crate::case::{Case, LedgerInfo};
use crate::checks::{Finding, RuleRun};
use crate::ingest::FileReport;
use crate::search::SearchResult;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Search,
    Checks,
    Ledgers,
    Import,
}

impl Screen {
    pub const ALL: [Screen; 4] = [
        Screen::Search,
        Screen::Checks,
        Screen::Ledgers,
        Screen::Import,
    ];

    pub fn section(self) -> Section {
        match self {
            Screen::Search => Section::Search,
            Screen::Checks => Section::Checks,
            Screen::Ledgers => Section::Ledgers,
            Screen::Import => Section::Import,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Screen::Search => "search",
            Screen::Checks => "checks",
            Screen::Ledgers => "ledgers",
            Screen::Import => "import",
        }
    }
}

/// Which text field has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    None,
    Query,
    ImportPath,
    LedgerFilter,
    Palette,
    Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Palette,
    Finding,
    Review { id: String, status: &'static str },
    ConfirmQuit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingSort {
    Rule,
    Amount,
    Name,
}

/// Work running on the worker thread.
#[derive(Debug, Clone)]
pub struct Busy {
    pub label: String,
    pub done: u64,
    pub total: u64,
    pub cancel: Option<Arc<AtomicBool>>,
}

pub struct App {
    pub screen: Screen,
    pub overlay: Overlay,
    pub focus: Focus,
    pub keymap: Keymap,
    pub case_name: String,
    pub should_quit: bool,
    pub busy: Option<Busy>,
    pub message: Option<String>,
    tx: Sender<Request>,
    rx: Receiver<Reply>,
    pending: usize,
    // search
    pub query: TextArea<'static>,
    search_gen: u64,
    pub results: Option<SearchResult>,
    /// Why the current query cannot run (malformed), shown under the query line.
    pub search_error: Option<String>,
    pub result_sel: usize,
    pub hit_index: usize,
    // checks
    pub rules: Vec<RuleRun>,
    pub findings: Vec<Finding>,
    pub finding_sel: usize,
    pub sort: FindingSort,
    pub last_run: Option<(i64, String)>,
    pub reason: TextArea<'static>,
    // ledgers
    pub ledgers: Vec<LedgerInfo>,
    pub ledger_sel: usize,
    pub page: Option<LedgerPage>,
    page_gen: u64,
    pub row_sel: usize,
    pub col_sel: usize,
    pub ledger_sort: Option<(usize, bool)>,
    /// Show the normalised columns instead of the original cells.
    pub normalised: bool,
    pub filter: TextArea<'static>,
    // import
    pub import_path: TextArea<'static>,
    pub import_reports: Vec<FileReport>,
    // palette
    pub palette: TextArea<'static>,
    pub palette_sel: usize,
    pub help_scroll: u16,
}

pub const PAGE_ROWS: usize = 200;

fn textarea() -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_cursor_line_style(ratatui::style::Style::default());
    t
}

pub fn text_of(t: &TextArea<'_>) -> String {
    t.lines().join(" ")
}

fn clear(t: &mut TextArea<'static>) {
    *t = textarea();
}

impl App {
    /// Opens the workbench on a case: the worker thread takes the case.
    pub fn new(case: Case, keymap: Keymap) -> App {
        let case_name = case
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (req_tx, req_rx) = channel();
        let (rep_tx, rep_rx) = channel();
        Worker::spawn(case, req_rx, rep_tx);
        let mut app = App {
            screen: Screen::Search,
            overlay: Overlay::None,
            focus: Focus::Query,
            keymap,
            case_name,
            should_quit: false,
            busy: None,
            message: None,
            tx: req_tx,
            rx: rep_rx,
            pending: 0,
            query: textarea(),
            search_gen: 0,
            results: None,
            search_error: None,
            result_sel: 0,
            hit_index: 0,
            rules: Vec::new(),
            findings: Vec::new(),
            finding_sel: 0,
            sort: FindingSort::Rule,
            last_run: None,
            reason: textarea(),
            ledgers: Vec::new(),
            ledger_sel: 0,
            page: None,
            page_gen: 0,
            row_sel: 0,
            col_sel: 0,
            ledger_sort: None,
            normalised: false,
            filter: textarea(),
            import_path: textarea(),
            import_reports: Vec::new(),
            palette: textarea(),
            palette_sel: 0,
            help_scroll: 0,
        };
        app.send(Request::LoadChecks);
        app.send(Request::LoadLedgers);
        app
    }

    fn send(&mut self, r: Request) {
        self.pending += 1;
        let _ = self.tx.send(r);
    }

    /// True while a reply is outstanding.
    pub fn is_pending(&self) -> bool {
        self.pending > 0
    }

    /// Applies every reply that has arrived. Returns true if anything changed.
    pub fn drain(&mut self) -> bool {
        let mut changed = false;
        while let Ok(r) = self.rx.try_recv() {
            self.apply(r);
            changed = true;
        }
        changed
    }

    /// Waits (up to `timeout`) until every request has been answered (tests, e2e).
    pub fn settle(&mut self, timeout: Duration) {
        let deadline = std::time::Instant::now() + timeout;
        while self.pending > 0 && std::time::Instant::now() < deadline {
            if let Ok(r) = self.rx.recv_timeout(Duration::from_millis(20)) {
                self.apply(r);
            }
        }
        self.drain();
    }

    fn apply(&mut self, r: Reply) {
        match r {
            Reply::Progress { label, done, total } => {
                let cancel = self.busy.as_ref().and_then(|b| b.cancel.clone());
                self.busy = Some(Busy {
                    label,
                    done,
                    total,
                    cancel,
                });
                return;
            }
            Reply::Search { gen, result } => {
                // Indexing progress (no cancel handle) ends with the search it served.
                if self.busy.as_ref().is_some_and(|b| b.cancel.is_none()) {
                    self.busy = None;
                }
                if gen == self.search_gen {
                    match result {
                        Ok(r) => {
                            self.results = Some(r);
                            self.search_error = None;
                        }
                        Err(e) => self.search_error = Some(e),
                    }
                    self.result_sel = 0;
                    self.hit_index = 0;
                }
            }
            Reply::Checks {
                rules,
                findings,
                last_run,
            } => {
                self.rules = rules;
                self.findings = findings;
                self.last_run = last_run;
                self.sort_findings();
                self.finding_sel = self.finding_sel.min(self.findings.len().saturating_sub(1));
            }
            Reply::RunDone(r) => {
                self.busy = None;
                self.message = Some(match r {
                    Ok(()) => crate::tr!("tui.checks_done"),
                    Err(e) => e,
                });
            }
            Reply::Reviewed(r) => {
                self.message = Some(match r {
                    Ok(()) => crate::tr!("tui.reviewed"),
                    Err(e) => e,
                });
            }
            Reply::Ledgers(l) => {
                self.ledgers = l;
                if self.page.is_none() && !self.ledgers.is_empty() {
                    self.load_page();
                }
            }
            Reply::Page { gen, page } => {
                if gen == self.page_gen {
                    match page {
                        Ok(p) => self.page = Some(p),
                        Err(e) => self.message = Some(e),
                    }
                }
            }
            Reply::Imported(reports) => {
                self.busy = None;
                let ok = reports
                    .iter()
                    .filter(|r| r.status == crate::ingest::Status::Imported)
                    .count();
                let bad = reports
                    .iter()
                    .filter(|r| r.status == crate::ingest::Status::Error)
                    .count();
                self.message = Some(crate::tr!("tui.imported", ok = ok, bad = bad));
                self.import_reports = reports;
                if !text_of(&self.query).trim().is_empty() {
                    self.search();
                }
            }
            Reply::Error(e) => self.message = Some(e),
            Reply::Skipped => {}
        }
        self.pending = self.pending.saturating_sub(1);
    }

    fn sort_findings(&mut self) {
        match self.sort {
            FindingSort::Rule => self
                .findings
                .sort_by(|a, b| a.rule.cmp(&b.rule).then(a.subject.key.cmp(&b.subject.key))),
            FindingSort::Amount => self
                .findings
                .sort_by(|a, b| fen(b).cmp(&fen(a)).then(a.rule.cmp(&b.rule))),
            FindingSort::Name => self
                .findings
                .sort_by(|a, b| a.name.cmp(&b.name).then(a.rule.cmp(&b.rule))),
        }
    }

    fn search(&mut self) {
        let q = text_of(&self.query);
        self.search_gen += 1;
        if q.trim().is_empty() {
            self.results = None;
            return;
        }
        let gen = self.search_gen;
        self.send(Request::Search {
            gen,
            query: q,
            limit: 50,
        });
    }

    fn load_page(&mut self) {
        let Some(l) = self.ledgers.get(self.ledger_sel) else {
            return;
        };
        self.page_gen += 1;
        let sort = self.ledger_sort.and_then(|(c, asc)| {
            self.page
                .as_ref()
                .and_then(|p| p.columns.get(c).filter(|_| c > 0).map(|n| (n.clone(), asc)))
        });
        let req = Request::LedgerPage {
            gen: self.page_gen,
            ledger: l.name.clone(),
            table: l.table.clone(),
            offset: 0,
            limit: PAGE_ROWS,
            sort,
            filter: text_of(&self.filter),
            normalised: self.normalised,
        };
        self.send(req);
    }

    /// The section whose keys apply now.
    pub fn section(&self) -> Section {
        self.screen.section()
    }

    pub fn typing(&self) -> bool {
        self.focus != Focus::None
    }

    /// Handles a key press: a bound action, or (in a text field) an edit.
    pub fn on_key(&mut self, key: KeyEvent) {
        if let Some(a) = self.keymap.action(self.section(), self.typing(), &key) {
            self.update(a);
            return;
        }
        let field = match self.focus {
            Focus::Query => &mut self.query,
            Focus::ImportPath => &mut self.import_path,
            Focus::LedgerFilter => &mut self.filter,
            Focus::Palette => &mut self.palette,
            Focus::Reason => &mut self.reason,
            Focus::None => return,
        };
        if field.input(key) {
            match self.focus {
                Focus::Query => self.search(),
                Focus::Palette => self.palette_sel = 0,
                _ => {}
            }
        }
    }

    /// The palette's matching actions, best first (fuzzy: the typed letters in order).
    pub fn palette_matches(&self) -> Vec<Action> {
        let q = text_of(&self.palette).to_lowercase();
        let mut scored: Vec<(usize, Action)> = Action::ALL
            .iter()
            .copied()
            .filter(|a| a.in_palette())
            .filter_map(|a| {
                let hay = format!("{} {}", a.name(), a.describe()).to_lowercase();
                fuzzy(&q, &hay).map(|s| (s, a))
            })
            .collect();
        scored.sort_by_key(|(s, a)| (*s, a.name()));
        scored.into_iter().map(|(_, a)| a).collect()
    }

    fn set_screen(&mut self, s: Screen) {
        self.screen = s;
        self.overlay = Overlay::None;
        self.focus = match s {
            Screen::Search => Focus::Query,
            _ => Focus::None,
        };
        if s == Screen::Ledgers && self.page.is_none() {
            self.load_page();
        }
    }

    fn move_sel(&mut self, delta: isize) {
        let clamp = |v: usize, len: usize| -> usize {
            if len == 0 {
                0
            } else {
                (v as isize + delta).clamp(0, len as isize - 1) as usize
            }
        };
        if self.overlay == Overlay::Palette {
            let n = self.palette_matches().len();
            self.palette_sel = clamp(self.palette_sel, n);
            return;
        }
        if self.overlay == Overlay::Help {
            self.help_scroll = (self.help_scroll as isize + delta).max(0) as u16;
            return;
        }
        match self.screen {
            Screen::Search => {
                let n = self.results.as_ref().map(|r| r.hits.len()).unwrap_or(0);
                self.result_sel = clamp(self.result_sel, n);
                self.hit_index = 0;
            }
            Screen::Checks => self.finding_sel = clamp(self.finding_sel, self.findings.len()),
            Screen::Ledgers => {
                let n = self.page.as_ref().map(|p| p.rows.len()).unwrap_or(0);
                self.row_sel = clamp(self.row_sel, n);
            }
            Screen::Import => {}
        }
    }

    pub fn selected_finding(&self) -> Option<&Finding> {
        self.findings.get(self.finding_sel)
    }

    /// Applies an action.
    pub fn update(&mut self, a: Action) {
        match a {
            Action::Quit => {
                if self.busy.is_some() && self.overlay != Overlay::ConfirmQuit {
                    self.overlay = Overlay::ConfirmQuit;
                } else {
                    self.should_quit = true;
                }
            }
            Action::Help => {
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                }
            }
            Action::Palette => {
                clear(&mut self.palette);
                self.palette_sel = 0;
                self.overlay = Overlay::Palette;
                self.focus = Focus::Palette;
            }
            Action::FocusSearch => {
                self.set_screen(Screen::Search);
                self.focus = Focus::Query;
            }
            Action::ScreenSearch => self.set_screen(Screen::Search),
            Action::ScreenChecks => self.set_screen(Screen::Checks),
            Action::ScreenLedgers => self.set_screen(Screen::Ledgers),
            Action::ScreenImport => self.set_screen(Screen::Import),
            Action::NextScreen | Action::PrevScreen => {
                let i = Screen::ALL
                    .iter()
                    .position(|s| *s == self.screen)
                    .unwrap_or(0);
                let n = Screen::ALL.len();
                let j = if a == Action::NextScreen {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.set_screen(Screen::ALL[j]);
            }
            Action::Cancel => {
                if self.overlay == Overlay::ConfirmQuit {
                    self.overlay = Overlay::None;
                } else if let Some(c) = self.busy.as_ref().and_then(|b| b.cancel.clone()) {
                    c.store(true, Ordering::Relaxed);
                    self.message = Some(crate::tr!("tui.cancelling"));
                } else if self.overlay != Overlay::None {
                    if matches!(self.overlay, Overlay::Review { .. }) {
                        clear(&mut self.reason);
                    }
                    self.overlay = Overlay::None;
                    self.focus = if self.screen == Screen::Search {
                        Focus::Query
                    } else {
                        Focus::None
                    };
                } else {
                    self.focus = Focus::None;
                }
            }
            Action::Down => self.move_sel(1),
            Action::Up => self.move_sel(-1),
            Action::PageDown => self.move_sel(10),
            Action::PageUp => self.move_sel(-10),
            Action::Top => self.move_sel(-1_000_000),
            Action::Bottom => self.move_sel(1_000_000),
            Action::Open => match self.screen {
                Screen::Checks if !self.findings.is_empty() => self.overlay = Overlay::Finding,
                Screen::Search => self.focus = Focus::None,
                Screen::Ledgers => {}
                _ => {}
            },
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
            }
            Action::RunChecks | Action::RunRule => {
                let rules: Vec<String> = match a {
                    Action::RunRule => match self.selected_finding() {
                        Some(f) => vec![f.rule.clone()],
                        None => return,
                    },
                    _ => Vec::new(),
                };
                if self.busy.is_none() {
                    let cancel = Arc::new(AtomicBool::new(false));
                    self.busy = Some(Busy {
                        label: crate::tr!("tui.running_checks"),
                        done: 0,
                        total: 0,
                        cancel: Some(cancel.clone()),
                    });
                    self.send(Request::RunChecks { cancel, rules });
                    // RunChecks answers twice (done, then the reloaded checks).
                    self.pending += 1;
                }
            }
            Action::ConfirmFinding | Action::DismissFinding => {
                if let Some(f) = self.selected_finding() {
                    let status = if a == Action::ConfirmFinding {
                        "confirmed"
                    } else {
                        "dismissed"
                    };
                    self.overlay = Overlay::Review {
                        id: f.id.clone(),
                        status,
                    };
                    clear(&mut self.reason);
                    self.focus = Focus::Reason;
                }
            }
            Action::CycleSort => match self.screen {
                Screen::Checks => {
                    self.sort = match self.sort {
                        FindingSort::Rule => FindingSort::Amount,
                        FindingSort::Amount => FindingSort::Name,
                        FindingSort::Name => FindingSort::Rule,
                    };
                    self.sort_findings();
                }
                Screen::Ledgers => {
                    let c = self.col_sel;
                    self.ledger_sort = match self.ledger_sort {
                        Some((x, true)) if x == c => Some((c, false)),
                        Some((x, false)) if x == c => None,
                        _ => Some((c, true)),
                    };
                    self.load_page();
                }
                _ => {}
            },
            Action::Filter => {
                if self.screen == Screen::Ledgers {
                    self.focus = Focus::LedgerFilter;
                }
            }
            Action::PrevColumn => self.col_sel = self.col_sel.saturating_sub(1),
            Action::NextColumn => {
                let n = self.page.as_ref().map(|p| p.columns.len()).unwrap_or(1);
                self.col_sel = (self.col_sel + 1).min(n.saturating_sub(1));
            }
            Action::PrevLedger | Action::NextLedger => {
                if !self.ledgers.is_empty() {
                    let n = self.ledgers.len();
                    self.ledger_sel = if a == Action::NextLedger {
                        (self.ledger_sel + 1) % n
                    } else {
                        (self.ledger_sel + n - 1) % n
                    };
                    self.page = None;
                    self.row_sel = 0;
                    self.col_sel = 0;
                    self.ledger_sort = None;
                    self.load_page();
                }
            }
            Action::SearchRow => {
                // Search for the selected row's person: the name column if mapped, else the first cell.
                let value = self.page.as_ref().and_then(|p| {
                    let row = p.rows.get(self.row_sel)?;
                    let name_col = p.columns.iter().position(|c| {
                        crate::ingest::fields::Field::from_header(c)
                            == Some(crate::ingest::fields::Field::Name)
                    });
                    row.get(name_col.unwrap_or(1)).cloned()
                });
                if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
                    self.query = textarea();
                    self.query.insert_str(v.trim());
                    self.set_screen(Screen::Search);
                    self.search();
                }
            }
            Action::ToggleNormalised => {
                if self.screen == Screen::Ledgers {
                    self.normalised = !self.normalised;
                    self.page = None;
                    self.col_sel = 0;
                    self.ledger_sort = None;
                    self.load_page();
                }
            }
            Action::ImportPath => {
                self.set_screen(Screen::Import);
                self.focus = Focus::ImportPath;
            }
            Action::Submit => self.submit(),
            Action::Complete => {
                if self.focus == Focus::ImportPath {
                    let typed = text_of(&self.import_path);
                    if let Some(done) = complete_path(&typed) {
                        self.import_path = textarea();
                        self.import_path.insert_str(done);
                    }
                }
            }
        }
    }

    fn submit(&mut self) {
        match self.focus {
            Focus::Query => {
                self.search();
                self.focus = Focus::None;
            }
            Focus::LedgerFilter => {
                self.focus = Focus::None;
                self.row_sel = 0;
                self.load_page();
            }
            Focus::ImportPath => {
                let p = text_of(&self.import_path);
                if !p.trim().is_empty() && self.busy.is_none() {
                    let cancel = Arc::new(AtomicBool::new(false));
                    self.busy = Some(Busy {
                        label: crate::tr!("tui.importing"),
                        done: 0,
                        total: 0,
                        cancel: Some(cancel.clone()),
                    });
                    self.send(Request::Import {
                        paths: vec![PathBuf::from(p.trim())],
                        cancel,
                    });
                    // Import answers with the reports and the refreshed ledger list.
                    self.pending += 1;
                    self.focus = Focus::None;
                }
            }
            Focus::Palette => {
                let chosen = self.palette_matches().get(self.palette_sel).copied();
                self.overlay = Overlay::None;
                self.focus = Focus::None;
                if let Some(a) = chosen {
                    self.update(a);
                }
            }
            Focus::Reason => {
                if let Overlay::Review { id, status } = self.overlay.clone() {
                    let reason = self.reason.lines().join("\n");
                    if reason.trim().is_empty() {
                        self.message = Some(crate::tr!("checks.reason_required"));
                        return;
                    }
                    self.send(Request::Review {
                        id,
                        status: status.to_string(),
                        reason,
                    });
                    // Review answers twice (result, then the reloaded checks).
                    self.pending += 1;
                    clear(&mut self.reason);
                    self.overlay = Overlay::None;
                    self.focus = Focus::None;
                }
            }
            Focus::None => {}
        }
    }
}

fn fen(f: &Finding) -> i64 {
    f.amount
        .as_deref()
        .and_then(|a| crate::ingest::normalise::parse_amount_fen(a).ok().flatten())
        .unwrap_or(-1)
}

/// A fuzzy score: all query characters appear in order; lower is better.
pub fn fuzzy(q: &str, hay: &str) -> Option<usize> {
    if q.is_empty() {
        return Some(0);
    }
    let mut score = 0;
    let mut last = 0;
    let hay: Vec<char> = hay.chars().collect();
    let mut i = 0;
    for qc in q.chars() {
        let found = hay[i..].iter().position(|&c| c == qc)?;
        score += found + if last > 0 && found > 0 { 1 } else { 0 };
        i += found + 1;
        last = i;
    }
    Some(score)
}

/// Completes a path prefix to the longest common prefix of matching entries.
pub fn complete_path(typed: &str) -> Option<String> {
    let p = std::path::Path::new(typed);
    let (dir, prefix) = if typed.ends_with('/') || typed.ends_with(std::path::MAIN_SEPARATOR) {
        (p.to_path_buf(), String::new())
    } else {
        (
            p.parent().map(|d| {
                if d.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    d.to_path_buf()
                }
            })?,
            p.file_name()?.to_string_lossy().into_owned(),
        )
    };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .filter(|(n, _)| n.starts_with(&prefix) && !n.starts_with('.'))
        .collect();
    names.sort();
    let first = names.first()?.clone();
    let mut common = first.0.clone();
    for (n, _) in &names[1..] {
        while !n.starts_with(&common) {
            common.pop();
        }
    }
    let mut out = if typed.ends_with('/') {
        format!("{typed}{common}")
    } else {
        dir.join(&common).display().to_string()
    };
    if names.len() == 1 && first.1 {
        out.push(std::path::MAIN_SEPARATOR);
    }
    Some(out)
}

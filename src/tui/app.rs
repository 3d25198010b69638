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
use crate::audit::{Entry, Verification};
use crate::case::{Case, LedgerInfo};
use crate::casework::{Allegation, Item, PersonView};
use crate::checks::{Finding, RuleRun};
use crate::ingest::FileReport;
use crate::search::SearchResult;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Search,
    Checks,
    Ledgers,
    Import,
    Case,
    Person,
    Audit,
    Export,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Search,
        Screen::Checks,
        Screen::Ledgers,
        Screen::Import,
        Screen::Case,
        Screen::Person,
        Screen::Audit,
        Screen::Export,
    ];

    pub fn section(self) -> Section {
        match self {
            Screen::Search => Section::Search,
            Screen::Checks => Section::Checks,
            Screen::Ledgers => Section::Ledgers,
            Screen::Import => Section::Import,
            Screen::Case => Section::Case,
            Screen::Person => Section::Person,
            Screen::Audit => Section::Audit,
            Screen::Export => Section::Export,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Screen::Search => "search",
            Screen::Checks => "checks",
            Screen::Ledgers => "ledgers",
            Screen::Import => "import",
            Screen::Case => "case",
            Screen::Person => "person",
            Screen::Audit => "audit",
            Screen::Export => "export",
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
    /// A new allegation's title.
    Title,
    /// A note's text.
    Note,
    PersonId,
    ExportPath,
    /// The amount involved, in the status editor.
    Amount,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Palette,
    Finding,
    Review {
        id: String,
        status: &'static str,
    },
    ConfirmQuit,
    /// Choose the allegation an item becomes evidence of.
    LinkPicker {
        item: Item,
        label: String,
    },
    /// An allegation's status (chosen with ↑/↓) and its reason.
    Status {
        id: i64,
    },
    /// A note on `on` (`KIND:REF`), described by `label`.
    Note {
        on: String,
        label: String,
    },
    NewAllegation,
}

/// Link relations, in the order the picker cycles through them.
pub const RELATIONS: [&str; 3] = ["supports", "contradicts", "relates"];

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
    /// The worker thread, joined when the app goes (it owns the case, whose
    /// drop writes back and wipes an encrypted case's RAM copy).
    worker: Option<std::thread::JoinHandle<()>>,
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
    // case
    pub allegations: Vec<Allegation>,
    /// Every note in the case, by (kind, reference).
    pub notes: crate::casework::NotesByItem,
    pub allegation_sel: usize,
    /// The selected catalogue entry when the evidence pane has the keys.
    pub evidence_sel: Option<usize>,
    pub picker_sel: usize,
    pub relation: usize,
    pub status_sel: usize,
    pub title: TextArea<'static>,
    pub note: TextArea<'static>,
    /// The amount involved (违纪金额) in the status editor.
    pub amount: TextArea<'static>,
    // person
    pub person_id: TextArea<'static>,
    pub person: Option<PersonView>,
    pub person_scroll: usize,
    // audit
    pub audit: Vec<Entry>,
    pub verification: Option<Result<Verification, String>>,
    pub audit_sel: usize,
    // export
    pub export_format: crate::export::Format,
    /// 0: the whole case; n: the n-th allegation.
    pub export_scope: usize,
    pub export_redact: bool,
    pub export_path: TextArea<'static>,
    pub export_preview: Option<String>,
    pub export_scroll: u16,
    preview_gen: u64,
    case_path: PathBuf,
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

impl Drop for App {
    fn drop(&mut self) {
        // Stop any running work, close the request channel, and wait for the
        // worker to drop the case.
        if let Some(c) = self.busy.as_ref().and_then(|b| b.cancel.clone()) {
            c.store(true, Ordering::Relaxed);
        }
        let (closed, _) = channel();
        drop(std::mem::replace(&mut self.tx, closed));
        if let Some(h) = self.worker.take() {
            let _ = h.join();
        }
    }
}

impl App {
    /// Opens the workbench on a case: the worker thread takes the case.
    pub fn new(case: Case, keymap: Keymap) -> App {
        let case_name = case
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let case_path = case.path().to_path_buf();
        let (req_tx, req_rx) = channel();
        let (rep_tx, rep_rx) = channel();
        let worker = Worker::spawn(case, req_rx, rep_tx);
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
            worker: Some(worker),
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
            allegations: Vec::new(),
            notes: Default::default(),
            allegation_sel: 0,
            evidence_sel: None,
            picker_sel: 0,
            relation: 0,
            status_sel: 0,
            title: textarea(),
            note: textarea(),
            amount: textarea(),
            person_id: textarea(),
            person: None,
            person_scroll: 0,
            audit: Vec::new(),
            verification: None,
            audit_sel: 0,
            export_format: crate::export::Format::Markdown,
            export_scope: 0,
            export_redact: true,
            export_path: textarea(),
            export_preview: None,
            export_scroll: 0,
            preview_gen: 0,
            case_path,
        };
        app.send(Request::LoadChecks);
        app.send(Request::LoadLedgers);
        app.send(Request::LoadCase);
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
            Reply::Case { allegations, notes } => {
                self.allegations = allegations;
                self.notes = notes;
                self.allegation_sel = self
                    .allegation_sel
                    .min(self.allegations.len().saturating_sub(1));
                let n = self
                    .selected_allegation()
                    .map(|a| a.evidence.len())
                    .unwrap_or(0);
                self.evidence_sel = match self.evidence_sel {
                    Some(_) if n == 0 => None,
                    Some(i) => Some(i.min(n - 1)),
                    None => None,
                };
            }
            Reply::Changed(r) => {
                self.message = Some(match r {
                    Ok(m) => m,
                    Err(e) => e,
                });
            }
            Reply::Person(r) => match r {
                Ok(p) => {
                    self.person = Some(p);
                    self.person_scroll = 0;
                }
                Err(e) => self.message = Some(e),
            },
            Reply::Audit {
                entries,
                verification,
            } => {
                self.audit = entries;
                self.verification = Some(verification);
                self.audit_sel = self.audit.len().saturating_sub(1);
            }
            Reply::Preview { gen, markdown } => {
                if gen == self.preview_gen {
                    match markdown {
                        Ok(m) => self.export_preview = Some(m),
                        Err(e) => {
                            self.export_preview = None;
                            self.message = Some(e);
                        }
                    }
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
        // The link picker: ←/→ (or Tab) choose the relation.
        if matches!(self.overlay, Overlay::LinkPicker { .. }) {
            use crossterm::event::KeyCode;
            let n = RELATIONS.len();
            match key.code {
                KeyCode::Right | KeyCode::Tab => {
                    self.relation = (self.relation + 1) % n;
                    return;
                }
                KeyCode::Left | KeyCode::BackTab => {
                    self.relation = (self.relation + n - 1) % n;
                    return;
                }
                _ => {}
            }
        }
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
            Focus::Title => &mut self.title,
            Focus::Note => &mut self.note,
            Focus::PersonId => &mut self.person_id,
            Focus::ExportPath => &mut self.export_path,
            Focus::Amount => &mut self.amount,
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
        if s == Screen::Audit {
            self.send(Request::LoadAudit);
        }
        if s == Screen::Person && self.person.is_none() {
            self.focus = Focus::PersonId;
        }
        if s == Screen::Export {
            if text_of(&self.export_path).trim().is_empty() {
                self.default_export_path();
            }
            self.preview();
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
        match self.overlay {
            Overlay::LinkPicker { .. } => {
                self.picker_sel = clamp(self.picker_sel, self.allegations.len());
                return;
            }
            Overlay::Status { .. } => {
                self.status_sel = clamp(self.status_sel, crate::domain::AllegationStatus::ALL.len());
                return;
            }
            _ => {}
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
            Screen::Case => match self.evidence_sel {
                Some(i) => {
                    let n = self
                        .selected_allegation()
                        .map(|a| a.evidence.len())
                        .unwrap_or(0);
                    self.evidence_sel = Some(clamp(i, n));
                }
                None => self.allegation_sel = clamp(self.allegation_sel, self.allegations.len()),
            },
            Screen::Person => {
                let n = self.person.as_ref().map(|p| p.timeline.len()).unwrap_or(0);
                self.person_scroll = clamp(self.person_scroll, n);
            }
            Screen::Audit => self.audit_sel = clamp(self.audit_sel, self.audit.len()),
            Screen::Export => {
                let n = self
                    .export_preview
                    .as_ref()
                    .map(|p| p.lines().count())
                    .unwrap_or(0);
                self.export_scroll = clamp(self.export_scroll as usize, n) as u16;
            }
        }
    }

    /// The allegation the export is limited to (None: the whole case).
    pub fn export_allegation(&self) -> Option<&Allegation> {
        self.export_scope
            .checked_sub(1)
            .and_then(|i| self.allegations.get(i))
    }

    fn export_options(&self) -> crate::export::Options {
        crate::export::Options {
            allegation: self.export_allegation().map(|a| a.id),
            redact: self.export_redact,
        }
    }

    /// Asks the worker for the Markdown preview of the current choices.
    fn preview(&mut self) {
        self.preview_gen += 1;
        let gen = self.preview_gen;
        let opts = self.export_options();
        self.send(Request::Preview { gen, opts });
    }

    /// `<case dir>/<case name>-报告.<ext>`, numbered so that it names no existing file.
    fn default_export_path(&mut self) {
        let dir = self
            .case_path
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_default();
        let stem = self
            .case_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "hecha".into());
        let ext = self.export_format.extension();
        let word = crate::tr!("tui.export_word");
        let mut path = dir.join(format!("{stem}-{word}.{ext}"));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{stem}-{word}-{n}.{ext}"));
            n += 1;
        }
        self.export_path = textarea();
        self.export_path.insert_str(path.display().to_string());
    }

    pub fn selected_allegation(&self) -> Option<&Allegation> {
        self.allegations.get(self.allegation_sel)
    }

    /// The item under the cursor on the current screen, as link evidence:
    /// the current hit's sentence in a document, a ledger row, or a finding.
    pub fn item_here(&self) -> Option<(Item, String)> {
        match self.screen {
            Screen::Search => {
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
                    format!("{}：“{quote}”", h.title),
                ))
            }
            Screen::Checks => {
                let f = self.selected_finding()?;
                Some((
                    Item::Finding(f.id.clone()),
                    format!("{} {} {}", f.id, f.rule, f.name),
                ))
            }
            Screen::Ledgers => {
                let l = self.ledgers.get(self.ledger_sel)?;
                let row = self.page.as_ref()?.rows.get(self.row_sel)?.first()?.clone();
                Some((
                    Item::Row(format!("{}:{row}", l.name)),
                    format!("{} #{row}", l.name),
                ))
            }
            _ => None,
        }
    }

    /// The ID number of the person under the cursor (a finding's subject or a row's ID column).
    fn person_here(&self) -> Option<String> {
        let id = match self.screen {
            Screen::Checks => Some(self.selected_finding()?.subject.key.clone()),
            Screen::Ledgers => {
                let p = self.page.as_ref()?;
                let row = p.rows.get(self.row_sel)?;
                let col = p.columns.iter().position(|c| {
                    c == "n_id_number"
                        || crate::ingest::fields::Field::from_header(c)
                            == Some(crate::ingest::fields::Field::IdNumber)
                })?;
                row.get(col).cloned()
            }
            _ => None,
        }?;
        crate::ingest::normalise::parse_id_number(&id).and_then(|i| i.normalised)
    }

    fn open_person(&mut self, id: &str) {
        self.person_id = textarea();
        self.person_id.insert_str(id);
        self.send(Request::Person { id: id.to_string() });
        self.set_screen(Screen::Person);
        self.focus = Focus::None;
    }

    /// A change that the worker answers twice: the outcome, then the reloaded case.
    fn change(&mut self, r: Request) {
        self.send(r);
        self.pending += 1;
    }

    /// The note target on the Case screen: the selected evidence item, else the allegation.
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
                    if matches!(
                        self.overlay,
                        Overlay::Review { .. } | Overlay::Status { .. }
                    ) {
                        clear(&mut self.reason);
                    }
                    self.overlay = Overlay::None;
                    self.focus = if self.screen == Screen::Search {
                        Focus::Query
                    } else {
                        Focus::None
                    };
                } else if self.screen == Screen::Case && self.evidence_sel.is_some() {
                    self.evidence_sel = None;
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
            Action::Open if matches!(self.overlay, Overlay::LinkPicker { .. }) => {
                if let Overlay::LinkPicker { item, .. } = self.overlay.clone() {
                    if let Some(a) = self.allegations.get(self.picker_sel) {
                        let allegation = a.id;
                        self.change(Request::Link {
                            allegation,
                            item,
                            relation: RELATIONS[self.relation].to_string(),
                        });
                    }
                    self.overlay = Overlay::None;
                }
            }
            Action::Open => match self.screen {
                Screen::Checks if !self.findings.is_empty() => self.overlay = Overlay::Finding,
                Screen::Case => {
                    let n = self
                        .selected_allegation()
                        .map(|a| a.evidence.len())
                        .unwrap_or(0);
                    self.evidence_sel = match self.evidence_sel {
                        None if n > 0 => Some(0),
                        _ => None,
                    };
                }
                Screen::Person => self.focus = Focus::PersonId,
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
            Action::ScreenCase => self.set_screen(Screen::Case),
            Action::ScreenPerson => self.set_screen(Screen::Person),
            Action::ScreenAudit => self.set_screen(Screen::Audit),
            Action::Link => match self.item_here() {
                Some((item, label)) if !self.allegations.is_empty() => {
                    self.picker_sel = self.allegation_sel.min(self.allegations.len() - 1);
                    self.relation = 0;
                    self.overlay = Overlay::LinkPicker { item, label };
                }
                Some(_) => self.message = Some(crate::tr!("tui.no_allegations")),
                None => {}
            },
            Action::ShowPerson => {
                if let Some(id) = self.person_here() {
                    self.open_person(&id);
                }
            }
            Action::NewAllegation => {
                clear(&mut self.title);
                self.overlay = Overlay::NewAllegation;
                self.focus = Focus::Title;
            }
            Action::SetStatus => {
                let chosen = self.selected_allegation().map(|a| {
                    (
                        a.id,
                        a.status,
                        a.reason.clone().unwrap_or_default(),
                        a.amount.map(|a| a.to_string()).unwrap_or_default(),
                    )
                });
                if let Some((id, status, reason, amount)) = chosen {
                    self.amount = textarea();
                    self.amount.insert_str(amount);
                    self.status_sel = crate::domain::AllegationStatus::ALL
                        .iter()
                        .position(|s| *s == status)
                        .unwrap_or(0);
                    self.reason = textarea();
                    self.reason.insert_str(reason);
                    self.overlay = Overlay::Status { id };
                    self.focus = Focus::Reason;
                }
            }
            Action::AddNote => {
                let target = match self.screen {
                    Screen::Person => self
                        .person
                        .as_ref()
                        .map(|p| (format!("person:{}", p.id_number), p.id_number.clone())),
                    _ => self.note_target(),
                };
                if let Some((on, label)) = target {
                    clear(&mut self.note);
                    self.overlay = Overlay::Note { on, label };
                    self.focus = Focus::Note;
                }
            }
            Action::Unlink => {
                let link = self
                    .selected_allegation()
                    .and_then(|a| a.evidence.get(self.evidence_sel?))
                    .map(|e| e.link);
                if let Some(link) = link {
                    self.change(Request::Unlink { link });
                }
            }
            Action::PersonId => {
                self.set_screen(Screen::Person);
                self.focus = Focus::PersonId;
            }
            Action::Verify => self.send(Request::LoadAudit),
            Action::ScreenExport => self.set_screen(Screen::Export),
            Action::CycleFormat => {
                let all = crate::export::Format::ALL;
                let i = all
                    .iter()
                    .position(|f| *f == self.export_format)
                    .unwrap_or(0);
                let old = self.export_format.extension();
                self.export_format = all[(i + 1) % all.len()];
                // Keep the typed path, with the new extension.
                let p = text_of(&self.export_path);
                let new = match p.strip_suffix(&format!(".{old}")) {
                    Some(stem) => format!("{stem}.{}", self.export_format.extension()),
                    None => p,
                };
                self.export_path = textarea();
                self.export_path.insert_str(new);
            }
            Action::CycleScope => {
                self.export_scope = (self.export_scope + 1) % (self.allegations.len() + 1);
                self.preview();
            }
            Action::ToggleRedact => {
                self.export_redact = !self.export_redact;
                self.preview();
            }
            Action::ExportPath => {
                self.set_screen(Screen::Export);
                self.focus = Focus::ExportPath;
            }
            Action::WriteExport => {
                let path = text_of(&self.export_path);
                if !path.trim().is_empty() {
                    let opts = self.export_options();
                    self.send(Request::Export {
                        opts,
                        format: self.export_format,
                        path: PathBuf::from(path.trim()),
                    });
                }
            }
            Action::Complete if matches!(self.overlay, Overlay::Status { .. }) => {
                // Tab moves between the reason and the amount.
                self.focus = if self.focus == Focus::Amount {
                    Focus::Reason
                } else {
                    Focus::Amount
                };
            }
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
            Focus::Reason | Focus::Amount if matches!(self.overlay, Overlay::Status { .. }) => {
                let Overlay::Status { id } = self.overlay else {
                    return;
                };
                let reason = self.reason.lines().join("\n");
                if reason.trim().is_empty() {
                    self.message = Some(crate::tr!("checks.reason_required"));
                    return;
                }
                let status = crate::domain::AllegationStatus::ALL[self.status_sel.min(4)].stored();
                let amount = text_of(&self.amount);
                let amount = Some(amount.trim().to_string()).filter(|a| !a.is_empty());
                self.change(Request::SetStatus {
                    id,
                    status: status.to_string(),
                    reason,
                    amount,
                });
                clear(&mut self.reason);
                clear(&mut self.amount);
                self.overlay = Overlay::None;
                self.focus = Focus::None;
            }
            Focus::Title => {
                let title = text_of(&self.title);
                if title.trim().is_empty() {
                    self.message = Some(crate::tr!("casework.title_required"));
                    return;
                }
                self.change(Request::Allege { title });
                // The new allegation is last in the list.
                self.allegation_sel = self.allegations.len();
                self.evidence_sel = None;
                clear(&mut self.title);
                self.overlay = Overlay::None;
                self.focus = Focus::None;
            }
            Focus::Note => {
                if let Overlay::Note { on, .. } = self.overlay.clone() {
                    let text = self.note.lines().join("\n");
                    if text.trim().is_empty() {
                        self.message = Some(crate::tr!("casework.empty_note"));
                        return;
                    }
                    self.change(Request::Note { on, text });
                    if self.screen == Screen::Person {
                        if let Some(p) = &self.person {
                            let id = p.id_number.clone();
                            self.send(Request::Person { id });
                        }
                    }
                }
                clear(&mut self.note);
                self.overlay = Overlay::None;
                self.focus = Focus::None;
            }
            Focus::ExportPath => {
                self.focus = Focus::None;
                self.update(Action::WriteExport);
            }
            Focus::PersonId => {
                let id = text_of(&self.person_id);
                if !id.trim().is_empty() {
                    self.send(Request::Person {
                        id: id.trim().to_string(),
                    });
                }
                self.focus = Focus::None;
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
            // The amount field exists only in the status editor.
            Focus::Amount => {}
            Focus::None => {}
        }
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

fn fen(f: &Finding) -> i64 {
    f.amount.map(|a| a.fen()).unwrap_or(-1)
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

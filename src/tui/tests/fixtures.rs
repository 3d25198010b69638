//! Small states to test with: a workbench without a worker, and data as the
//! worker would send it.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::case::LedgerInfo;
use crate::casework::{Allegation, CatalogueEntry};
use crate::checks::{Finding, Subject};
use crate::search::{Facets, Hit, SearchResult};
use crate::store::ledger_pages::LedgerPage;
use crate::tui::effect::Effect;
use crate::tui::job::Reply;
use crate::tui::keymap::Keymap;
use crate::tui::workbench::Workbench;

/// An ID number with a valid check digit (from the demo township).
pub const ID: &str = "430423196204181012";

/// A workbench as it opens (on the home screen), without a worker.
pub fn fresh() -> Workbench {
    Workbench::new(Keymap::builtin(false), Path::new("/nowhere/demo.duckdb"))
}

/// A workbench on the Search screen, browsing (`/` enters the query line),
/// where most tests start.
pub fn bench() -> Workbench {
    let mut b = fresh();
    b.screen = crate::tui::app::Screen::Search;
    b
}

pub fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

pub fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// Types `s` key by key, collecting the effects.
pub fn type_str(b: &mut Workbench, s: &str) -> Vec<Effect> {
    s.chars().flat_map(|c| b.on_key(key(c))).collect()
}

pub fn finding(id: &str, rule: &str, name: &str, amount: Option<&str>) -> Finding {
    Finding {
        id: id.into(),
        rule: rule.into(),
        subject: Subject {
            kind: "person".into(),
            key: ID.into(),
        },
        scope: String::new(),
        name: name.into(),
        amount: amount.and_then(crate::domain::Fen::from_decimal_text),
        evidence: Vec::new(),
        detail: Default::default(),
        text: format!("{name}: {rule}"),
        change: crate::domain::FindingChange::New,
        review: None,
    }
}

pub fn checks_reply(findings: Vec<Finding>) -> Reply {
    Reply::Checks {
        rules: Vec::new(),
        findings,
        last_run: None,
        villages: Default::default(),
    }
}

pub fn allegation(id: i64, title: &str, status: &str) -> Allegation {
    Allegation {
        id,
        title: title.into(),
        text: None,
        source: None,
        status: crate::domain::AllegationStatus::from_stored(status),
        reason: None,
        amount: None,
        clue_id: Some(id),
        updated_at: "2024-06-01 09:00:00".into(),
        evidence: Vec::new(),
    }
}

pub fn evidence(no: &str, link: i64) -> CatalogueEntry {
    CatalogueEntry {
        no: crate::domain::CatalogueNo::parse(no).unwrap_or(crate::domain::CatalogueNo(link)),
        link,
        kind: "finding".into(),
        reference: format!("F-{link}"),
        label: format!("finding F-{link}"),
        quote: None,
        relation: crate::domain::Relation::Supports,
        note: None,
        evidence_type: None,
        type_set: false,
        original: None,
        proves: None,
        created_at: "2024-06-01 09:00:00".into(),
    }
}

/// The case as the worker sends it: each allegation in a clue of its own
/// (numbered XS-2024-00N, received 2024-06-01, nothing recorded yet).
pub fn case_reply(allegations: Vec<Allegation>) -> Reply {
    let clues = allegations
        .iter()
        .map(|a| clue(a.id, vec![a.clone()]))
        .collect();
    Reply::Case {
        allegations,
        notes: Default::default(),
        register: Box::new(crate::register::Register {
            as_of: "2024-06-30".into(),
            clues,
        }),
    }
}

pub fn clue(id: i64, problems: Vec<Allegation>) -> crate::register::Clue {
    crate::register::Clue {
        id,
        number: format!("XS-2024-{id:03}"),
        title: problems
            .first()
            .map(|p| p.title.clone())
            .unwrap_or_default(),
        status: crate::register::Status::Registered,
        disposition: None,
        source: "report".into(),
        received: "2024-06-01".into(),
        real_name: false,
        informant: None,
        officer: None,
        village: None,
        origin: None,
        subjects: Vec::new(),
        problems,
        events: Vec::new(),
        deadlines: Vec::new(),
        outcome: None,
        sanction: None,
        form: None,
        violation_amount: None,
        confiscated: None,
        refunded: None,
        warnings: Vec::new(),
    }
}

pub fn hit(title: &str, text: &str, highlights: Vec<(usize, usize)>) -> Hit {
    Hit {
        source: format!("{title}.txt"),
        kind: "letter".into(),
        title: title.into(),
        ledger: None,
        row: None,
        page: None,
        ocr: false,
        score: 1.0,
        matched: crate::search::names::Match::Exact,
        snippet: text.into(),
        key: title.into(),
        highlights,
        text: text.into(),
        pages: Vec::new(),
    }
}

pub fn results(hits: Vec<Hit>) -> SearchResult {
    SearchResult {
        total: hits.len(),
        hits,
        facets: Facets::default(),
    }
}

pub fn ledger(name: &str) -> LedgerInfo {
    LedgerInfo {
        id: 1,
        name: name.into(),
        file: format!("{name}.xlsx"),
        sheet: None,
        role: "payments".into(),
        rows: 2,
        encoding: "utf-8".into(),
        table: format!("ledger_{name}"),
    }
}

/// A page with the row number, a name and an ID number column.
pub fn page() -> LedgerPage {
    LedgerPage {
        columns: vec!["#".into(), "姓名".into(), "身份证号".into()],
        rows: vec![
            vec!["1".into(), "李春生".into(), ID.into()],
            vec!["2".into(), "赵海燕".into(), String::new()],
        ],
        total: 2,
        offset: 0,
        mapping: String::new(),
    }
}

/// Renders with `draw` into a fresh buffer of `w`×`h`.
pub fn draw(w: u16, h: u16, draw: impl FnOnce(Rect, &mut Buffer)) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    draw(area, &mut buf);
    buf
}

/// Row `y` of a buffer as text (wide characters once).
pub fn row(buf: &Buffer, y: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let s = buf[(x, y)].symbol();
        out.push_str(s);
        x += (s.width() as u16).max(1);
    }
    out
}

/// The whole buffer as text, rows joined by newlines.
pub fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cell at which `needle` starts (the first such, row by row).
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    use unicode_width::UnicodeWidthStr;
    for y in 0..buf.area.height {
        let line = row(buf, y);
        if let Some(i) = line.find(needle) {
            return Some((line[..i].width() as u16, y));
        }
    }
    None
}

/// The person view of `id` named `name`, with nothing else known.
pub fn person_view(id: &str, name: &str) -> crate::casework::PersonView {
    crate::casework::PersonView {
        id_number: id.into(),
        names: vec![name.into()],
        rows: Default::default(),
        timeline: Vec::new(),
        documents: Vec::new(),
        findings: Vec::new(),
        links: Vec::new(),
        cross_links: Vec::new(),
        notes: Vec::new(),
        tags: Vec::new(),
    }
}

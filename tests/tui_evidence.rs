//! Following a finding's evidence on the demo township, with the worker
//! running: Enter on an evidence row of the finding's detail opens the Ledgers
//! screen on that ledger, on the page that holds the row, the row selected.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hecha::store::ledger_pages::{page, PageQuery};
use hecha::tui::app::{Overlay, Screen};
use hecha::tui::{App, Keymap};

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn settle(app: &mut App) {
    app.settle(Duration::from_secs(60));
}

#[test]
fn a_page_asked_for_at_a_row_is_the_page_holding_it_in_the_shown_order() {
    let dir = tempfile::tempdir().unwrap();
    std::env::set_var("XDG_CACHE_HOME", dir.path().join("cache"));
    let (case, _) =
        hecha::demo::build_with(&dir.path().join("demo.duckdb"), None, &mut |_| {}).unwrap();
    let info = case.info().unwrap();
    let l = info.ledgers.iter().max_by_key(|l| l.rows).unwrap();
    assert!(l.rows > 12, "{} has {} rows", l.name, l.rows);
    let q = |limit: usize, sort: Option<(String, bool)>, at_row: Option<i64>| PageQuery {
        ledger: l.name.clone(),
        table: l.table.clone(),
        offset: 0,
        limit,
        sort,
        filter: String::new(),
        normalised: true,
        at_row,
    };
    let first = page(&case, &q(1000, None, None)).unwrap();
    let sort = Some((first.columns[1].clone(), false));
    // Sorted descending by a column, in pages of 5: every row is found on its page.
    let all = page(&case, &q(1000, sort.clone(), None)).unwrap();
    for (i, r) in all.rows.iter().enumerate().step_by(3) {
        let row: i64 = r[0].parse().unwrap();
        let p = page(&case, &q(5, sort.clone(), Some(row))).unwrap();
        assert_eq!(p.offset, i / 5 * 5, "row {row} is number {i}");
        assert!(p.rows.iter().any(|x| x[0] == r[0]), "row {row} on its page");
    }
}

#[test]
fn opening_an_evidence_row_selects_that_row_in_the_ledgers_screen() {
    hecha::i18n::set_lang(hecha::i18n::Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    std::env::set_var("XDG_CACHE_HOME", dir.path().join("cache"));
    let (case, _) =
        hecha::demo::build_with(&dir.path().join("demo.duckdb"), None, &mut |_| {}).unwrap();
    let mut app = App::new(case, Keymap::builtin(false));
    settle(&mut app);
    app.update(hecha::tui::action::Action::ScreenChecks);
    app.update(hecha::tui::action::Action::RunChecks);
    settle(&mut app);
    let checks = &app.bench().checks;
    assert!(
        !checks.villages.is_empty(),
        "findings know their villages (the village filter)"
    );
    // A finding with two evidence rows or more: the second one is opened.
    let at = checks
        .findings
        .iter()
        .position(|f| f.evidence.len() >= 2 && f.evidence.iter().all(|e| e.row().is_some()))
        .expect("a finding with several evidence rows");
    let (ledger, row) = checks.findings[at].evidence[1]
        .row()
        .map(|(l, r)| (l.to_string(), r))
        .expect("a row");
    app.bench_mut().checks.finding_sel = at;
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay(), Overlay::Finding(_)));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Ledgers);
    let l = &app.bench().ledgers;
    assert_eq!(l.ledgers[l.ledger_sel].name, ledger);
    let p = l.page.as_ref().expect("the row's page");
    assert_eq!(
        p.rows.get(l.row_sel).and_then(|r| r.first()),
        Some(&row.to_string()),
        "row #{row} of {ledger} selected",
    );
    assert_eq!(
        l.item_here().map(|(_, label)| label),
        Some(format!("{ledger} #{row}"))
    );
}

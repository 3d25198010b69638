//! Drives the workbench through key presses and actions on the demo township
//! and snapshots every screen and the help overlay at 80×24 and 160×48.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hecha::i18n::Lang;
use hecha::tui::action::Action;
use hecha::tui::app::Overlay;
use hecha::tui::{ui, App, Keymap};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn key(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

fn typing(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, c);
    }
}

fn settle(app: &mut App) {
    app.settle(Duration::from_secs(60));
}

fn snap(app: &App, lang: &str, screen: &str) {
    for (w, h) in SIZES {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| ui::render(app, f)).unwrap();
        let text = t.backend().to_string();
        insta::with_settings!({
            filters => vec![
                // The time column is as wide as its widest figure: pad-free.
                (r"\d+ ms *", "[ms] "),
                (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?", "[time]"),
                // A time in a payload, however far the column lets it show.
                (r#""updated_at":"\d{4}-\d{2}-\d{2}[^"│]*"?"#, r#""updated_at":"[time]""#),
                (r"\b[0-9a-f]{16}…", "[hash]…"),
                (r"(\s)([a-z_][a-z0-9_:-]{0,15})(\s+)([a-z]+\.[a-z_]+\s)", "$1[user]$3$4"),
                (r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "[uuid]"),
                (r"[^\s│]*/demo-", "[dir]/demo-"),
            ],
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(format!("{screen}_{lang}_{w}x{h}"), text);
        });
    }
}

pub fn run_flow(lang: Lang) {
    let tag = if lang == Lang::Zh { "zh" } else { "en" };
    hecha::i18n::set_lang(lang);
    let dir = tempfile::tempdir().unwrap();
    std::env::set_var("XDG_CACHE_HOME", dir.path().join("cache"));
    std::env::set_current_dir(dir.path()).unwrap();
    let path = dir.path().join("demo.duckdb");
    let (case, _) = hecha::demo::build_with(&path, None, &mut |_| {}).unwrap();
    let mut app = App::new(case, Keymap::builtin(false));
    settle(&mut app);

    // Home (概览), the first screen: what is in the case, and the next step (run the checks).
    assert_eq!(app.screen(), hecha::tui::app::Screen::Home);
    assert_eq!(
        app.bench().home.next_step(),
        hecha::casework::Step::Check,
        "imported, never checked"
    );
    snap(&app, tag, "home_start");
    key(&mut app, '1');

    // Search: `/` enters the line; type as you go; the hit is highlighted in
    // the list and the preview.
    key(&mut app, '/');
    typing(&mut app, "赵海燕");
    settle(&mut app);
    let hits = app
        .bench()
        .search
        .results
        .as_ref()
        .map(|r| r.total)
        .unwrap_or(0);
    assert!(hits >= 3, "search-as-you-type found {hits}");
    app.update(Action::Submit);
    settle(&mut app);
    key(&mut app, 'n');
    assert_eq!(
        app.bench().search.hit_index,
        1,
        "n moves to the next hit in the preview"
    );
    snap(&app, tag, "search");

    app.update(Action::Help);
    snap(&app, tag, "help");
    app.update(Action::Help);

    // Checks: run all, then confirm the first finding with a reason.
    key(&mut app, '2');
    key(&mut app, 'r');
    settle(&mut app);
    assert_eq!(
        app.bench().checks.findings.len(),
        57,
        "the sample planted anomalies; message {:?}",
        app.message()
    );
    key(&mut app, 'c');
    typing(&mut app, "核对属实");
    app.update(Action::Submit);
    settle(&mut app);
    assert_eq!(
        app.bench().checks.findings[0]
            .review
            .as_ref()
            .map(|r| r.status.as_str()),
        Some("confirmed")
    );
    // Run just the selected finding's rule: the review carries over.
    key(&mut app, 'R');
    settle(&mut app);
    assert_eq!(app.bench().checks.findings.len(), 57);
    assert_eq!(
        app.bench().checks.findings[0]
            .review
            .as_ref()
            .map(|r| r.status.as_str()),
        Some("confirmed")
    );
    snap(&app, tag, "checks");

    // Ledgers: the first ledger as a table, sorted by its second column.
    key(&mut app, '3');
    settle(&mut app);
    app.update(Action::NextColumn);
    app.update(Action::CycleSort);
    settle(&mut app);
    assert!(
        app.bench()
            .ledgers
            .page
            .as_ref()
            .map(|p| p.rows.len())
            .unwrap_or(0)
            > 10
    );
    snap(&app, tag, "ledgers");
    // The normalised values of the same ledger.
    key(&mut app, 'v');
    settle(&mut app);
    let cols = app
        .bench()
        .ledgers
        .page
        .as_ref()
        .map(|p| p.columns.clone())
        .unwrap_or_default();
    assert!(
        cols.iter().any(|c| c == "n_amount") && cols.iter().any(|c| c == "n_id_number"),
        "{cols:?}"
    );
    key(&mut app, 'v');
    settle(&mut app);

    // Import: one more letter, imported on the worker thread.
    std::fs::write(
        dir.path().join("补充举报信.txt"),
        "补充反映：赵海燕代领补贴。",
    )
    .unwrap();
    key(&mut app, '4');
    key(&mut app, 'i');
    typing(&mut app, "补充举报信.txt");
    app.update(Action::Submit);
    settle(&mut app);
    assert_eq!(
        app.bench().import.reports.first().map(|r| r.status),
        Some(hecha::ingest::Status::Imported)
    );
    snap(&app, tag, "import");

    // The palette finds actions by fuzzy name.
    app.update(Action::Palette);
    typing(&mut app, "scrchk");
    assert_eq!(app.palette_matches().first(), Some(&Action::ScreenChecks));
    app.update(Action::Submit);
    assert_eq!(
        app.screen(),
        hecha::tui::app::Screen::Checks,
        "the palette runs the chosen action"
    );

    // Case: the clue register of the demo — every deadline state on its as-of date.
    key(&mut app, '5');
    settle(&mut app);
    let states: std::collections::BTreeSet<_> = app
        .bench()
        .case
        .register
        .clues
        .iter()
        .flat_map(|c| c.deadlines.iter().map(|d| d.state))
        .collect();
    assert_eq!(
        states.len(),
        4,
        "done, overdue, due soon, running: {states:?}"
    );
    let n_clues = app.bench().case.register.clues.len();
    assert_eq!(n_clues, 18, "one clue per complaint row");
    snap(&app, tag, "register");
    // Record a disposition on a clue not yet disposed of, through the event form.
    let tang = app
        .bench()
        .case
        .visible()
        .iter()
        .position(|c| c.subject_names() == "唐秀芳")
        .expect("唐秀芳's clue");
    app.bench_mut().case.clue_sel = tang;
    key(&mut app, 'e');
    assert!(matches!(app.overlay(), Overlay::Form(_)));
    app.update(Action::Down);
    app.update(Action::Down);
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    app.update(Action::Down);
    snap(&app, tag, "register_event");
    app.update(Action::Submit);
    settle(&mut app);
    let tang = app
        .bench()
        .case
        .register
        .clues
        .iter()
        .find(|c| c.subject_names() == "唐秀芳")
        .expect("still there");
    assert_eq!(
        tang.status,
        hecha::register::Status::Inquiry,
        "{:?}",
        app.message()
    );
    // The statistics of the register.
    key(&mut app, 't');
    assert!(app.bench().case.stats);
    key(&mut app, 't');
    // Filter by deadline state: overdue clues only.
    key(&mut app, 'f');
    assert!(app.bench().case.visible().len() < n_clues);
    key(&mut app, 'f');
    key(&mut app, 'f');
    key(&mut app, 'f');
    key(&mut app, 'f');
    assert_eq!(app.bench().case.visible().len(), n_clues);

    // A new problem raised in the selected clue, then evidence linked from a
    // finding, a search hit and a ledger row.
    let before = app.bench().case.allegations.len();
    key(&mut app, 'a');
    typing(&mut app, "赵海燕冒领一卡通补贴");
    app.update(Action::Submit);
    settle(&mut app);
    assert_eq!(
        app.bench().case.allegations.len(),
        before + 1,
        "{:?}",
        app.message()
    );
    let new_id = app
        .bench()
        .case
        .allegations
        .iter()
        .map(|a| a.id)
        .max()
        .unwrap();
    assert_eq!(
        app.bench().case.selected_allegation().map(|a| a.id),
        Some(new_id)
    );
    // The shared account behind 赵海燕's cards.
    let zhao = app
        .bench()
        .checks
        .findings
        .iter()
        .position(|f| f.rule == "shared-account")
        .expect("a shared-account finding");
    key(&mut app, '2');
    app.bench_mut().checks.finding_sel = zhao;
    key(&mut app, 'l');
    assert!(matches!(app.overlay(), Overlay::LinkPicker { .. }));
    app.update(Action::Open);
    settle(&mut app);
    key(&mut app, '1');
    app.update(Action::Cancel);
    app.bench_mut().search.result_sel = app
        .bench()
        .search
        .results
        .as_ref()
        .and_then(|r| r.hits.iter().position(|h| h.ledger.is_none()))
        .expect("a document hit");
    key(&mut app, 'l');
    // The second relation: contradicts.
    app.on_key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE));
    app.update(Action::Open);
    settle(&mut app);
    key(&mut app, '3');
    app.bench_mut().ledgers.row_sel = 2;
    key(&mut app, 'l');
    app.update(Action::Open);
    settle(&mut app);
    let a = app
        .bench()
        .case
        .allegations
        .iter()
        .find(|a| a.id == new_id)
        .unwrap();
    let nos: Vec<String> = a.evidence.iter().map(|e| e.no.to_string()).collect();
    assert_eq!(nos, ["E-001", "E-002", "E-003"], "{:?}", app.message());
    let kinds: Vec<&str> = a.evidence.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["finding", "document", "row"]);
    assert_eq!(a.evidence[1].relation, "contradicts");
    assert!(a.evidence[1]
        .quote
        .as_deref()
        .unwrap_or("")
        .contains("赵海燕"));

    // Status with a reason (↓ twice: 部分属实), a note, then unlink E-003.
    key(&mut app, '5');
    key(&mut app, 's');
    app.update(Action::Down);
    app.update(Action::Down);
    typing(&mut app, "冒领属实，金额待核");
    // Tab to the amount involved.
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    typing(&mut app, "1,380");
    app.update(Action::Submit);
    settle(&mut app);
    let new_one = |app: &App| {
        app.bench()
            .case
            .allegations
            .iter()
            .find(|a| a.id == new_id)
            .cloned()
            .unwrap()
    };
    assert_eq!(new_one(&app).status, "部分属实");
    assert_eq!(
        new_one(&app).amount.map(|a| a.to_string()).as_deref(),
        Some("1380.00")
    );
    key(&mut app, 'm');
    typing(&mut app, "已调取一卡通流水");
    app.update(Action::Submit);
    settle(&mut app);
    assert_eq!(
        app.bench()
            .case
            .notes
            .values()
            .map(|n| n.len())
            .sum::<usize>(),
        1
    );
    app.update(Action::Open);
    app.update(Action::Bottom);
    key(&mut app, 'x');
    settle(&mut app);
    assert_eq!(new_one(&app).evidence.len(), 2);
    app.update(Action::Cancel);
    snap(&app, tag, "case");

    // Person: from a finding about one person (李春生's withheld compensation).
    key(&mut app, '2');
    app.bench_mut().checks.finding_sel = app
        .bench()
        .checks
        .findings
        .iter()
        .position(|f| f.name == "李春生")
        .expect("a finding about 李春生");
    key(&mut app, 'p');
    settle(&mut app);
    assert_eq!(app.screen(), hecha::tui::app::Screen::Person);
    let p = app.bench().person.person.as_ref().expect("the person view");
    assert!(p.names.iter().any(|n| n == "李春生"));
    assert!(!p.timeline.is_empty() && !p.findings.is_empty());
    snap(&app, tag, "person");

    // Audit: every change above is logged and the chain verifies.
    key(&mut app, '7');
    settle(&mut app);
    let actions: Vec<&str> = app
        .bench()
        .audit
        .entries
        .iter()
        .map(|e| e.action.as_str())
        .collect();
    for want in [
        "allegation.create",
        "link.add",
        "allegation.status",
        "note.add",
        "link.remove",
    ] {
        assert!(actions.contains(&want), "{want} in {actions:?}");
    }
    assert!(matches!(&app.bench().audit.verification, Some(Ok(v)) if v.failure.is_none()));
    snap(&app, tag, "audit");

    // Home again (h): checked, one finding confirmed, an allegation with its verdict and evidence.
    key(&mut app, 'h');
    settle(&mut app);
    assert_eq!(app.screen(), hecha::tui::app::Screen::Home);
    let o = app.bench().home.overview.clone().expect("the overview");
    assert_eq!(o.run.as_ref().map(|r| r.confirmed()), Some(1));
    assert_eq!(o.evidence_count(), 2);
    assert_eq!(
        app.bench().home.next_step(),
        hecha::casework::Step::Check,
        "a letter was imported after the last run"
    );
    snap(&app, tag, "home");
    for (w, h) in SIZES {
        let area = ratatui::layout::Rect::new(0, 0, w, h - 2);
        for (line, room) in app.bench().home.lines_with_room(area) {
            assert!(
                unicode_width::UnicodeWidthStr::width(line.as_str()) <= room,
                "{w}×{h}: {line:?} over {room}"
            );
        }
    }

    // Export: the Markdown preview of the whole case, redacted; write it.
    key(&mut app, '8');
    settle(&mut app);
    let preview = app.bench().export.preview.clone().unwrap_or_default();
    assert!(preview.contains("赵海燕冒领一卡通补贴"), "{preview}");
    assert!(
        !preview.contains("430423196204181012"),
        "redacted by default"
    );
    key(&mut app, 's');
    settle(&mut app);
    assert!(app.bench().export.allegation().is_some());
    snap(&app, tag, "export");
    key(&mut app, 'w');
    settle(&mut app);
    let written = hecha::tui::app::text_of(&app.bench().export.path);
    assert!(
        std::path::Path::new(written.trim()).exists(),
        "{:?}",
        app.message()
    );

    key(&mut app, 'q');
    assert!(app.should_quit());
}

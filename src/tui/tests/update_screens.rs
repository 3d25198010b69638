//! Pure `update` tests of the screens and the workbench's routing: state in,
//! an action or a key, state and effects out. No terminal, no worker.

use crossterm::event::KeyCode;

use super::fixtures::*;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::components::checks::Checks;
use crate::tui::components::{Component, Ctx};
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::{Done, JobId, Lane, Progress, Reply, Request};
use crate::tui::overlays::Overlay;
use crate::tui::widgets::text_of;

fn requests(fx: &[Effect]) -> Vec<&Request> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Request(r) => Some(r),
            _ => None,
        })
        .collect()
}

#[test]
fn the_workbench_opens_on_home_and_loads_the_overview_checks_ledgers_and_the_case() {
    let b = fresh();
    assert_eq!(b.screen, Screen::Home);
    assert_eq!(Screen::ALL[0], Screen::Home, "home is the first tab");
    assert!(!b.typing(), "no text field has the keyboard at start-up");
    let fx = b.startup();
    let r = requests(&fx);
    assert!(matches!(
        r.as_slice(),
        [
            Request::LoadOverview,
            Request::LoadChecks,
            Request::LoadLedgers,
            Request::LoadCase
        ]
    ));
}

#[test]
fn typing_in_the_query_searches_as_you_type() {
    let mut b = bench();
    b.on_key(key('/'));
    let fx = type_str(&mut b, "赵");
    assert!(
        matches!(requests(&fx)[..], [Request::Search { query, limit: 50 }] if query == "赵"),
        "{fx:?}"
    );
    assert_eq!(text_of(&b.search.query), "赵");
}

#[test]
fn clearing_the_query_drops_the_results_and_supersedes_the_pending_search() {
    let mut b = bench();
    b.on_key(key('/'));
    type_str(&mut b, "a");
    b.on_reply(&Reply::Search(Ok(results(vec![hit(
        "信",
        "a",
        vec![(0, 1)],
    )]))));
    assert!(b.search.results.is_some());
    let fx = b.on_key(code(KeyCode::Backspace));
    assert!(
        matches!(fx.as_slice(), [Effect::Supersede(Lane::Search)]),
        "{fx:?}"
    );
    assert!(b.search.results.is_none());
}

#[test]
fn q_types_in_the_query_but_quits_once_the_query_is_left() {
    let mut b = bench();
    b.on_key(key('/'));
    type_str(&mut b, "q");
    assert!(!b.should_quit);
    b.update(Action::Submit);
    assert!(!b.typing());
    b.on_key(key('q'));
    assert!(b.should_quit);
}

#[test]
fn quitting_while_work_runs_asks_first_and_esc_takes_the_question_back() {
    let mut b = bench();
    b.started(JobId(7), crate::error::Msg::new("tui.running_checks"));
    b.update(Action::Quit);
    assert!(matches!(b.overlay, Overlay::ConfirmQuit));
    assert!(!b.should_quit);
    b.update(Action::Cancel);
    assert!(matches!(b.overlay, Overlay::None));
    b.update(Action::Quit);
    b.update(Action::Quit);
    assert!(b.should_quit, "asked twice: quit");
}

#[test]
fn esc_while_checks_run_cancels_the_job_and_says_so() {
    let mut b = bench();
    b.started(JobId(3), crate::error::Msg::new("tui.running_checks"));
    let fx = b.update(Action::Cancel);
    assert!(matches!(fx.as_slice(), [Effect::CancelJob]), "{fx:?}");
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "tui.cancelling"));
    b.finished(JobId(3));
    assert!(b.busy.is_none(), "the job's end ends its progress");
}

#[test]
fn progress_is_tagged_with_its_job_and_ends_with_it() {
    let mut b = bench();
    b.progress(JobId(1), Progress::Indexing, 1, 4);
    assert_eq!(
        b.busy.as_ref().map(|x| (x.job, x.cancellable)),
        Some((JobId(1), false))
    );
    b.started(JobId(2), crate::error::Msg::new("tui.importing"));
    // Another job's progress does not take over running, cancellable work.
    b.progress(JobId(1), Progress::Indexing, 2, 4);
    assert_eq!(b.busy.as_ref().map(|x| x.job), Some(JobId(2)));
    b.progress(JobId(2), Progress::File("a.xlsx".into()), 5, 10);
    assert_eq!(b.busy.as_ref().map(|x| x.done), Some(5));
    b.finished(JobId(1));
    assert!(b.busy.is_some(), "an other job's end leaves it");
    b.finished(JobId(2));
    assert!(b.busy.is_none());
}

#[test]
fn running_checks_is_refused_while_work_runs() {
    let mut b = bench();
    b.update(Action::ScreenChecks);
    let fx = b.update(Action::RunChecks);
    assert!(matches!(requests(&fx)[..], [Request::RunChecks { rules }] if rules.is_empty()));
    b.started(JobId(1), crate::error::Msg::new("tui.running_checks"));
    assert!(b.update(Action::RunChecks).is_empty());
}

#[test]
fn run_rule_runs_only_the_selected_findings_rule() {
    let mut c = Checks::default();
    c.on_reply(&checks_reply(vec![
        finding("F-1", "shared-account", "刘翠", Some("10.00")),
        finding("F-2", "dead-payee", "李春生", Some("20.00")),
    ]));
    c.update(Action::Down, &Ctx::default());
    let fx = c.update(Action::RunRule, &Ctx::default());
    assert!(
        matches!(requests(&fx)[..], [Request::RunChecks { rules }] if rules == &["shared-account".to_string()]),
        "sorted by rule: dead-payee first, then shared-account"
    );
}

#[test]
fn a_confirmation_needs_a_reason_then_sends_the_review() {
    let mut b = bench();
    b.on_reply(&checks_reply(vec![finding("F-1", "r", "张三", None)]));
    b.update(Action::ScreenChecks);
    b.on_key(key('c'));
    assert!(matches!(b.overlay, Overlay::Review(_)));
    assert!(b.typing());
    let fx = b.update(Action::Submit);
    assert!(fx.is_empty());
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "checks.reason_required"));
    assert!(matches!(b.overlay, Overlay::Review(_)), "stays open");
    type_str(&mut b, "属实");
    let fx = b.update(Action::Submit);
    assert!(matches!(
        requests(&fx)[..],
        [Request::Review { id, status, reason }] if id == "F-1" && status == "confirmed" && reason == "属实"
    ));
    assert!(matches!(b.overlay, Overlay::None));
}

#[test]
fn linking_without_allegations_says_so() {
    let mut b = bench();
    b.on_reply(&checks_reply(vec![finding("F-1", "r", "张三", None)]));
    b.update(Action::ScreenChecks);
    b.on_key(key('l'));
    assert!(matches!(b.overlay, Overlay::None));
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "tui.no_allegations"));
}

#[test]
fn show_person_from_a_finding_opens_the_person_screen_on_its_subject() {
    let mut b = bench();
    b.on_reply(&checks_reply(vec![finding("F-1", "r", "张三", None)]));
    b.update(Action::ScreenChecks);
    let fx = b.on_key(key('p'));
    assert_eq!(b.screen, Screen::Person);
    assert!(matches!(requests(&fx)[..], [Request::Person { id }] if id == ID));
    assert_eq!(text_of(&b.person.id), ID);
    assert!(!b.typing(), "the ID is filled in, not being typed");
}

#[test]
fn a_new_ledger_list_loads_the_first_page_once() {
    let mut b = bench();
    let fx = b.on_reply(&Reply::Ledgers(vec![ledger("发放"), ledger("名册")]));
    assert!(matches!(
        requests(&fx)[..],
        [Request::LedgerPage(q)] if q.ledger == "发放" && q.offset == 0 && q.sort.is_none()
    ));
    b.on_reply(&Reply::Page(Ok(page())));
    assert!(
        b.update(Action::ScreenLedgers).is_empty(),
        "the page is there"
    );
}

#[test]
fn sorting_a_ledger_column_goes_ascending_descending_then_off() {
    let mut b = bench();
    b.on_reply(&Reply::Ledgers(vec![ledger("发放")]));
    b.on_reply(&Reply::Page(Ok(page())));
    b.update(Action::ScreenLedgers);
    b.update(Action::NextColumn);
    let sort_of = |fx: &[Effect]| match requests(fx)[..] {
        [Request::LedgerPage(q)] => q.sort.clone(),
        _ => Some(("?".into(), false)),
    };
    assert_eq!(
        sort_of(&b.update(Action::CycleSort)),
        Some(("姓名".into(), true))
    );
    assert_eq!(
        sort_of(&b.update(Action::CycleSort)),
        Some(("姓名".into(), false))
    );
    assert_eq!(sort_of(&b.update(Action::CycleSort)), None);
}

#[test]
fn search_row_searches_for_the_rows_name() {
    let mut b = bench();
    b.on_reply(&Reply::Ledgers(vec![ledger("发放")]));
    b.on_reply(&Reply::Page(Ok(page())));
    b.update(Action::ScreenLedgers);
    b.update(Action::Down);
    let fx = b.update(Action::SearchRow);
    assert_eq!(b.screen, Screen::Search);
    assert_eq!(text_of(&b.search.query), "赵海燕");
    assert!(matches!(requests(&fx)[..], [Request::Search { query, .. }] if query == "赵海燕"));
}

#[test]
fn an_import_rereads_the_query_and_reports_its_counts() {
    let mut b = bench();
    b.on_key(key('/'));
    type_str(&mut b, "补贴");
    let fx = b.on_reply(&Reply::Imported(Vec::new()));
    assert!(matches!(requests(&fx)[..], [Request::Search { query, .. }] if query == "补贴"));
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "tui.imported"));
}

#[test]
fn import_path_takes_the_keyboard_and_submit_starts_the_import() {
    let mut b = bench();
    b.update(Action::ScreenImport);
    b.on_key(key('i'));
    assert!(b.import.focused);
    type_str(&mut b, "a.csv");
    let fx = b.update(Action::Submit);
    assert!(
        matches!(requests(&fx)[..], [Request::Import { paths }] if paths == &[std::path::PathBuf::from("a.csv")])
    );
    assert!(!b.typing());
}

#[test]
fn tab_in_the_import_path_asks_for_completion_and_the_answer_fills_it() {
    let mut b = bench();
    b.update(Action::ImportPath);
    type_str(&mut b, "/tm");
    let fx = b.on_key(code(KeyCode::Tab));
    assert!(
        matches!(fx.as_slice(), [Effect::CompletePath(p)] if p == "/tm"),
        "{fx:?}"
    );
    b.on_reply(&Reply::Completed("/tmp/".into()));
    assert_eq!(text_of(&b.import.path), "/tmp/");
}

#[test]
fn next_screen_wraps_around_and_closes_the_overlay() {
    let mut b = bench();
    b.update(Action::ScreenExport);
    b.update(Action::Help);
    assert!(matches!(b.overlay, Overlay::Help(_)));
    b.update(Action::NextScreen);
    assert_eq!(b.screen, Screen::ALL[0]);
    assert!(matches!(b.overlay, Overlay::None));
    b.update(Action::PrevScreen);
    assert_eq!(b.screen, Screen::Export);
}

#[test]
fn entering_export_suggests_a_path_next_to_the_case_and_asks_for_a_preview() {
    let mut b = bench();
    let fx = b.update(Action::ScreenExport);
    assert!(
        matches!(
            fx.as_slice(),
            [Effect::SuggestExportPath { dir, stem, ext: "md" }, Effect::Request(Request::Preview { opts })]
                if dir == std::path::Path::new("/nowhere") && stem == "demo" && opts.redact && opts.allegation.is_none()
        ),
        "{fx:?}"
    );
    b.on_reply(&Reply::ExportPath("/nowhere/demo-报告.md".into()));
    let fx = b.update(Action::ScreenExport);
    assert!(
        matches!(fx.as_slice(), [Effect::Request(Request::Preview { .. })]),
        "a path is kept"
    );
}

#[test]
fn cycling_the_format_keeps_the_typed_path_with_the_new_extension() {
    let mut b = bench();
    b.on_reply(&Reply::ExportPath("/x/report.md".into()));
    b.update(Action::CycleFormat);
    assert_eq!(text_of(&b.export.path), "/x/report.html");
    b.update(Action::CycleFormat);
    assert_eq!(text_of(&b.export.path), "/x/report.docx");
}

#[test]
fn the_export_scope_runs_through_the_allegations_and_back_to_the_case() {
    let mut b = bench();
    b.on_reply(&case_reply(vec![
        allegation(4, "甲", "待核查"),
        allegation(9, "乙", "属实"),
    ]));
    let scope = |fx: &[Effect]| match requests(fx)[..] {
        [Request::Preview { opts }] => opts.allegation,
        _ => Some(-1),
    };
    assert_eq!(scope(&b.update(Action::CycleScope)), Some(4));
    assert_eq!(scope(&b.update(Action::CycleScope)), Some(9));
    assert_eq!(scope(&b.update(Action::CycleScope)), None);
}

#[test]
fn esc_on_the_case_screen_leaves_the_evidence_pane_first() {
    let mut b = bench();
    let mut a = allegation(1, "甲", "待核查");
    a.evidence = vec![evidence("E-001", 11), evidence("E-002", 12)];
    b.on_reply(&case_reply(vec![a]));
    b.update(Action::ScreenCase);
    // Enter: the clue's problems, Enter again: the problem's catalogue.
    b.update(Action::Open);
    b.update(Action::Open);
    b.update(Action::Bottom);
    assert_eq!(b.case.evidence_sel, Some(1));
    let fx = b.on_key(key('x'));
    assert!(matches!(requests(&fx)[..], [Request::Unlink { link: 12 }]));
    b.update(Action::Cancel);
    assert_eq!(b.case.evidence_sel, None);
    assert_eq!(b.case.focus, crate::tui::components::case::Focus::Problems);
    b.update(Action::Cancel);
    assert_eq!(b.case.focus, crate::tui::components::case::Focus::Clues);
}

#[test]
fn c_in_the_catalogue_sets_the_kind_of_evidence_starting_from_the_suggestion() {
    use crate::domain::{EvidenceType, Original};
    let mut b = bench();
    let mut a = allegation(1, "甲", "待核查");
    let mut e = evidence("E-001", 11);
    e.evidence_type = Some(EvidenceType::Documentary);
    e.original = Some(Original::Copy);
    a.evidence = vec![e];
    b.on_reply(&case_reply(vec![a]));
    b.update(Action::ScreenCase);
    // Not in the catalogue yet: says how to get there.
    b.on_key(key('c'));
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "tui.form.evidence_pick"));
    b.update(Action::Open);
    b.update(Action::Open);
    b.on_key(key('c'));
    // The suggested 书证 is chosen; ↓ moves to the next kind (证人证言).
    b.update(Action::Down);
    let fx = b.update(Action::Submit);
    match requests(&fx)[..] {
        [Request::SetEvidence {
            link,
            evidence_type,
            original,
            proves,
        }] => {
            assert_eq!(*link, 11);
            assert_eq!(evidence_type.as_deref(), Some("witness"));
            assert_eq!(original.as_deref(), Some("copy"));
            assert_eq!(*proves, None);
        }
        ref other => panic!("{other:?}"),
    }
}

#[test]
fn a_created_allegation_becomes_the_selected_one_once_reloaded() {
    let mut b = bench();
    b.on_reply(&case_reply(vec![allegation(1, "甲", "待核查")]));
    b.on_reply(&Reply::Changed(Ok(Done::Created { allegation: 2 })));
    b.on_reply(&case_reply(vec![
        allegation(1, "甲", "待核查"),
        allegation(2, "乙", "待核查"),
    ]));
    assert_eq!(b.case.selected_allegation().map(|a| a.id), Some(2));
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "casework.created"));
}

#[test]
fn actions_of_another_screen_reach_their_owner_only_when_declared_anywhere() {
    let mut b = bench();
    b.on_reply(&checks_reply(vec![finding("F-1", "r", "张三", None)]));
    b.update(Action::Submit);
    // From the Search screen: confirming a finding is declared `anywhere` by Checks …
    b.update(Action::ConfirmFinding);
    assert!(matches!(b.overlay, Overlay::Review(_)));
    b.update(Action::Cancel);
    // … the ledger filter only on its screen.
    b.update(Action::Filter);
    assert!(!b.ledgers.filter_focused);
}

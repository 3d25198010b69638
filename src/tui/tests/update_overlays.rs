//! Pure `update` tests of the overlays, the keymap sections they read, the
//! action lists that feed hints, help and palette, and the job book.

use crossterm::event::KeyCode;

use super::fixtures::*;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::commands::lists;
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::{Lane, Reply, Request};
use crate::tui::keymap::{Keymap, Section, DEFAULT, VIM};
use crate::tui::overlays::editors::StatusField;
use crate::tui::overlays::Overlay;
use crate::tui::runtime::Jobs;
use crate::tui::workbench::{self, Workbench};

fn requests(fx: &[Effect]) -> Vec<&Request> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Request(r) => Some(r),
            _ => None,
        })
        .collect()
}

/// On the Checks screen with one finding and two allegations, the picker open.
fn picking(b: &mut Workbench) {
    b.on_reply(&checks_reply(vec![finding("F-1", "r", "张三", None)]));
    b.on_reply(&case_reply(vec![
        allegation(1, "甲", "待核查"),
        allegation(2, "乙", "属实"),
    ]));
    b.update(Action::ScreenChecks);
    b.on_key(key('l'));
    assert!(matches!(b.overlay, Overlay::LinkPicker(_)));
}

fn relation(b: &Workbench) -> usize {
    match &b.overlay {
        Overlay::LinkPicker(p) => p.relation,
        _ => usize::MAX,
    }
}

#[test]
fn the_link_picker_links_the_chosen_allegation_with_the_chosen_relation() {
    let mut b = bench();
    picking(&mut b);
    b.on_key(code(KeyCode::Right));
    assert_eq!(relation(&b), 1);
    b.on_key(code(KeyCode::Tab));
    b.on_key(code(KeyCode::Left));
    assert_eq!(relation(&b), 1, "tab forward, left back");
    b.update(Action::Down);
    let fx = b.update(Action::Open);
    assert!(
        matches!(
            requests(&fx)[..],
            [Request::Link { allegation: 2, item: crate::casework::Item::Finding(f), relation }]
                if f == "F-1" && relation == "contradicts"
        ),
        "{fx:?}"
    );
    assert!(matches!(b.overlay, Overlay::None));
}

#[test]
fn a_user_keymap_rebinds_a_key_of_the_link_picker() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("keymap.toml");
    std::fs::write(
        &p,
        "[link_picker]\n\"r\" = \"next_relation\"\n\"ctrl-r\" = \"prev_relation\"\n",
    )
    .unwrap();
    let keymap = Keymap::load(Some(&p), false).unwrap();
    let mut b = Workbench::new(keymap, std::path::Path::new("/nowhere/demo.duckdb"));
    picking(&mut b);
    // `r` runs the checks on the Checks screen, but inside the picker it is rebound.
    let fx = b.on_key(key('r'));
    assert!(fx.is_empty(), "no check run: {fx:?}");
    assert_eq!(relation(&b), 1);
    b.on_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('r'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    assert_eq!(relation(&b), 0);
    b.on_key(code(KeyCode::Right));
    assert_eq!(relation(&b), 1, "the default keys stay");
    b.update(Action::Cancel);
    let fx = b.on_key(key('r'));
    assert!(
        matches!(requests(&fx)[..], [Request::RunChecks { .. }]),
        "outside the picker r runs checks"
    );
}

#[test]
fn the_link_picker_follows_a_reloaded_allegation_list() {
    let mut b = bench();
    picking(&mut b);
    b.update(Action::Bottom);
    b.on_reply(&case_reply(vec![allegation(1, "甲", "待核查")]));
    let fx = b.update(Action::Open);
    assert!(matches!(
        requests(&fx)[..],
        [Request::Link { allegation: 1, .. }]
    ));
}

#[test]
fn the_palette_runs_the_chosen_action() {
    let mut b = bench();
    b.update(Action::Palette);
    assert!(
        b.typing() && !b.search.focused,
        "the palette has the keyboard"
    );
    type_str(&mut b, "scrchk");
    match &b.overlay {
        Overlay::Palette(p) => assert_eq!(p.matches().first(), Some(&Action::ScreenChecks)),
        _ => panic!("no palette"),
    }
    b.update(Action::Submit);
    assert_eq!(b.screen, Screen::Checks);
    assert!(matches!(b.overlay, Overlay::None));
}

#[test]
fn the_palette_offers_every_declared_action_but_the_text_field_keys() {
    let b = bench();
    let offered = b.palette_actions();
    let inside: &[Action] = &[
        Action::Submit,
        Action::Complete,
        Action::Cancel,
        Action::Palette,
        Action::NextRelation,
        Action::PrevRelation,
        Action::NextField,
    ];
    let want: Vec<Action> = Action::ALL
        .iter()
        .copied()
        .filter(|a| !inside.contains(a))
        .collect();
    assert_eq!(offered, want);
}

#[test]
fn every_default_binding_is_an_action_its_section_declares() {
    let b = bench();
    let sections = b.help_sections();
    let declared = |s: Section| -> &'static [crate::tui::commands::ActionSpec] {
        sections
            .iter()
            .find(|(x, _)| *x == s)
            .map(|(_, l)| *l)
            .unwrap_or(&[])
    };
    let on_some_screen = |a: Action| {
        Screen::ALL
            .iter()
            .any(|&s| lists(b.component(s).actions(), a))
    };
    for (file, src) in [("default", DEFAULT), ("vim", VIM)] {
        for binding in Keymap::parse(file, src).unwrap() {
            let (s, a) = (binding.section, binding.action);
            let ok = lists(declared(s), a)
                // Global keys act on the shown screen (moving, opening) or the workbench.
                || (s == Section::Global && on_some_screen(a))
                || (s != Section::Input && lists(workbench::ACTIONS, a));
            assert!(
                ok,
                "{file}: [{}] binds {} that nothing there handles",
                s.name(),
                a.name()
            );
        }
    }
    let named: Vec<Section> = sections.iter().map(|(s, _)| *s).collect();
    assert_eq!(named, Section::ALL, "help lists every section, in order");
}

#[test]
fn the_hints_line_is_read_from_the_screens_action_list() {
    let mut b = bench();
    let hint = |w: &str| crate::tr!(&format!("tui.hint.{w}"));
    let line = |b: &Workbench| {
        crate::tui::widgets::status_line::hints(
            &b.keymap,
            b.section(),
            workbench::ACTIONS,
            b.component(b.screen).actions(),
        )
    };
    assert_eq!(
        line(&b),
        format!(
            "? {}  : {}  l {}  n/N {}  ctrl-c {}",
            hint("help"),
            hint("palette"),
            hint("link"),
            hint("hits"),
            hint("quit")
        )
    );
    b.update(Action::ScreenChecks);
    assert_eq!(
        line(&b),
        format!(
            "? {}  : {}  l {}  r {}  c/d {}  f {}  ctrl-c {}",
            hint("help"),
            hint("palette"),
            hint("link"),
            hint("run"),
            hint("review"),
            hint("filter"),
            hint("quit")
        )
    );
}

#[test]
fn the_status_editor_opens_on_the_current_status_and_tab_moves_to_the_amount() {
    let mut b = bench();
    let mut a = allegation(3, "甲", "属实");
    a.reason = Some("旧理由".into());
    b.on_reply(&case_reply(vec![a]));
    b.update(Action::ScreenCase);
    b.on_key(key('s'));
    let Overlay::Status(s) = &b.overlay else {
        panic!("no status editor")
    };
    assert_eq!((s.status_sel, s.field), (1, StatusField::Reason));
    b.on_key(code(KeyCode::Down));
    b.on_key(code(KeyCode::Tab));
    type_str(&mut b, "1,380");
    let fx = b.update(Action::Submit);
    assert!(
        matches!(
            requests(&fx)[..],
            [Request::SetStatus { id: 3, status, reason, amount: Some(amount) }]
                if status == "部分属实" && reason == "旧理由" && amount == "1,380"
        ),
        "{fx:?}"
    );
    assert!(matches!(b.overlay, Overlay::None));
}

#[test]
fn a_note_on_the_person_screen_saves_and_shows_the_person_again() {
    let mut b = bench();
    b.on_reply(&checks_reply(vec![finding("F-1", "r", "张三", None)]));
    b.update(Action::ScreenChecks);
    b.on_key(key('p'));
    assert!(b.update(Action::AddNote).is_empty(), "no person shown yet");
    b.on_reply(&Reply::Person(Ok(person_view(ID, "李春生"))));
    b.update(Action::AddNote);
    type_str(&mut b, "已约谈");
    let fx = b.update(Action::Submit);
    assert!(
        matches!(
            requests(&fx)[..],
            [Request::Note { on, text }, Request::Person { id }] if on == &format!("person:{ID}") && text == "已约谈" && id == ID
        ),
        "{fx:?}"
    );
}

#[test]
fn a_new_allegation_needs_a_title() {
    let mut b = bench();
    b.update(Action::NewAllegation);
    assert!(b.update(Action::Submit).is_empty());
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "casework.title_required"));
    type_str(&mut b, "冒领");
    let fx = b.update(Action::Submit);
    assert!(
        matches!(requests(&fx)[..], [Request::Allege { title, clue: None }] if title == "冒领")
    );
}

#[test]
fn a_new_problem_on_the_case_screen_is_raised_in_the_selected_clue() {
    let mut b = bench();
    b.on_reply(&case_reply(vec![
        allegation(1, "甲", "待核查"),
        allegation(2, "乙", "待核查"),
    ]));
    b.update(Action::ScreenCase);
    b.update(Action::Down);
    b.update(Action::NewAllegation);
    type_str(&mut b, "又一个问题");
    let fx = b.update(Action::Submit);
    assert!(matches!(
        requests(&fx)[..],
        [Request::Allege { clue: Some(2), .. }]
    ));
}

#[test]
fn the_event_form_sends_the_chosen_event_disposition_and_date() {
    let mut b = bench();
    b.on_reply(&case_reply(vec![allegation(7, "甲", "待核查")]));
    b.update(Action::ScreenCase);
    b.update(Action::AddEvent);
    assert!(matches!(b.overlay, Overlay::Form(_)));
    // Event: accepted → informant-notified → disposed.
    b.update(Action::Down);
    b.update(Action::Down);
    b.update(Action::NextField);
    // The date field starts at the register's as-of date.
    b.update(Action::NextField);
    b.update(Action::Down);
    let fx = b.update(Action::Submit);
    match requests(&fx)[..] {
        [Request::ClueEvent { clue, input }] => {
            assert_eq!(*clue, 7);
            assert_eq!(input.event, "disposed");
            assert_eq!(input.date, "2024-06-30");
            assert_eq!(input.disposition.as_deref(), Some("inquiry"));
            assert_eq!(input.outcome, None);
        }
        ref other => panic!("{other:?}"),
    }
}

#[test]
fn a_subject_needs_a_name_and_a_new_clue_a_title() {
    let mut b = bench();
    b.on_reply(&case_reply(vec![allegation(3, "甲", "待核查")]));
    b.update(Action::ScreenCase);
    b.update(Action::AddSubject);
    assert!(b.update(Action::Submit).is_empty());
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "register.subject_required"));
    type_str(&mut b, "王堃");
    let fx = b.update(Action::Submit);
    assert!(
        matches!(requests(&fx)[..], [Request::ClueSubject { clue: 3, name, .. }] if name == "王堃")
    );
    b.update(Action::NewClue);
    assert!(b.update(Action::Submit).is_empty());
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "casework.title_required"));
}

#[test]
fn filters_cycle_through_deadline_states_and_back_to_all() {
    use crate::register::DeadlineState;
    let mut b = bench();
    b.on_reply(&case_reply(vec![
        allegation(1, "甲", "待核查"),
        allegation(2, "乙", "待核查"),
    ]));
    b.update(Action::ScreenCase);
    assert_eq!(b.case.visible().len(), 2);
    b.update(Action::FilterState);
    assert_eq!(b.case.filter.state, Some(DeadlineState::Overdue));
    assert_eq!(b.case.visible().len(), 0, "no deadlines in the fixture");
    for _ in 0..4 {
        b.update(Action::FilterState);
    }
    assert_eq!(b.case.filter.state, None);
    assert_eq!(b.case.visible().len(), 2);
    b.update(Action::ToggleStats);
    assert!(b.case.stats);
    b.update(Action::Cancel);
    assert!(!b.case.stats);
}

#[test]
fn help_toggles_and_scrolls_without_moving_the_screen() {
    let mut b = bench();
    b.on_reply(&Reply::Search(Ok(results(vec![
        hit("a", "x", vec![]),
        hit("b", "y", vec![]),
    ]))));
    b.update(Action::Help);
    b.update(Action::Down);
    b.update(Action::Down);
    match &b.overlay {
        Overlay::Help(h) => assert_eq!(h.scroll, 2),
        _ => panic!("no help"),
    }
    assert_eq!(b.search.result_sel, 0);
    b.update(Action::Help);
    assert!(matches!(b.overlay, Overlay::None));
}

#[test]
fn a_reply_from_any_but_the_newest_job_of_its_lane_is_stale() {
    let mut jobs = Jobs::default();
    let first = jobs.issue(Lane::Search);
    let page = jobs.issue(Lane::Page);
    let second = jobs.issue(Lane::Search);
    assert!(!jobs.is_current(first));
    assert!(jobs.is_current(second));
    assert!(jobs.is_current(page), "lanes are separate");
    jobs.supersede(Lane::Search);
    assert!(
        !jobs.is_current(second),
        "a cleared query makes its search stale"
    );
    assert!(jobs.is_pending());
    for j in [first, page, second] {
        jobs.finish(j);
    }
    assert!(!jobs.is_pending());
    assert!(!jobs.is_current(page), "a finished job has no more replies");
}

#[test]
fn the_documents_of_a_clue_preview_the_chosen_template_and_write_it() {
    let mut b = bench();
    b.on_reply(&case_reply(vec![allegation(4, "甲", "待核查")]));
    b.update(Action::ScreenCase);
    let fx = b.update(Action::Documents);
    assert!(matches!(b.overlay, Overlay::DocPicker(_)));
    assert!(matches!(
        requests(&fx)[..],
        [Request::DocPreview {
            clue: 4,
            template: None
        }]
    ));
    b.on_reply(&Reply::DocPreview(Ok((
        vec![
            ("verification-report".into(), "初步核实情况报告".into()),
            ("inquiry-letter".into(), "关于作出书面说明的函".into()),
        ],
        "verification-report".into(),
        "# 初步核实情况报告".into(),
    ))));
    let fx = b.update(Action::Down);
    assert!(matches!(
        requests(&fx)[..],
        [Request::DocPreview { clue: 4, template: Some(t) }] if t == "inquiry-letter"
    ));
    let fx = b.update(Action::Open);
    assert!(matches!(
        requests(&fx)[..],
        [Request::WriteDoc { clue: 4, template, .. }] if template == "inquiry-letter"
    ));
    assert!(!b.overlay.is_open());
}

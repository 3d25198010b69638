//! Keys that mean one thing (start-up focus, digits, `/` and Esc, the mode on
//! the status line) and the navigation history (Back / Forward).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::fixtures::*;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::Request;
use crate::tui::overlays::Overlay;
use crate::tui::widgets::text_of;
use crate::tui::workbench::Workbench;

fn alt(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::ALT)
}

/// The status line (the last row) of the whole workbench at 80×24.
fn status(b: &Workbench) -> String {
    let buf = draw(80, 24, |a, buf| b.render(a, buf));
    row(&buf, 23)
}

#[test]
fn the_first_digit_a_newcomer_presses_opens_its_screen() {
    let mut b = bench();
    let fx = b.on_key(key('5'));
    assert_eq!(
        b.screen,
        Screen::Case,
        "5 opens the Case screen at start-up"
    );
    assert!(
        !fx.iter()
            .any(|e| matches!(e, Effect::Request(Request::Search { .. }))),
        "nothing was searched for: {fx:?}"
    );
    assert_eq!(text_of(&b.search.query), "");
}

#[test]
fn slash_enters_the_search_line_from_any_screen_and_esc_leaves_it() {
    let mut b = bench();
    b.on_key(key('3'));
    b.on_key(key('/'));
    assert_eq!(b.screen, Screen::Search);
    assert!(b.typing(), "/ gives the search line the keyboard");
    type_str(&mut b, "5");
    assert_eq!(b.screen, Screen::Search, "while typing, a digit is text");
    assert_eq!(text_of(&b.search.query), "5");
    b.on_key(code(KeyCode::Esc));
    assert!(!b.typing(), "Esc leaves the line");
    b.on_key(key('5'));
    assert_eq!(
        b.screen,
        Screen::Case,
        "and the digits switch screens again"
    );
}

#[test]
fn i_on_the_search_screen_enters_the_line_too() {
    let mut b = bench();
    b.on_key(key('i'));
    assert!(b.typing());
    b.on_key(code(KeyCode::Enter));
    assert!(!b.typing(), "Enter leaves it as well");
}

#[test]
fn coming_back_to_the_search_screen_does_not_take_the_keyboard() {
    let mut b = bench();
    b.on_key(key('/'));
    b.on_key(code(KeyCode::Esc));
    b.on_key(key('2'));
    b.on_key(key('1'));
    assert_eq!(b.screen, Screen::Search);
    assert!(!b.typing());
    b.on_key(key('6'));
    assert_eq!(b.screen, Screen::Person);
    assert!(!b.typing(), "the Person screen waits for i");
    b.on_key(key('7'));
    assert_eq!(b.screen, Screen::Audit);
}

#[test]
fn digits_work_over_an_overlay_but_not_in_a_text_field_of_one() {
    let mut b = bench();
    b.update(Action::Help);
    b.on_key(key('2'));
    assert_eq!(b.screen, Screen::Checks);
    assert!(matches!(b.overlay, Overlay::None), "the jump closes help");
    b.on_reply(&checks_reply(vec![finding("F-1", "r", "张三", None)]));
    b.on_key(key('c'));
    assert!(matches!(b.overlay, Overlay::Review(_)));
    b.on_key(key('4'));
    assert_eq!(b.screen, Screen::Checks, "4 is part of the reason");
}

#[test]
fn the_status_line_says_browse_or_typing_and_how_to_leave_the_field() {
    let mut b = bench();
    let line = status(&b);
    assert!(line.contains(&tr!("tui.mode.screen")), "{line:?}");
    assert!(!line.contains(&tr!("tui.mode.typing")), "{line:?}");
    b.on_key(key('/'));
    let line = status(&b);
    assert!(line.contains(&tr!("tui.mode.typing")), "{line:?}");
    assert!(
        line.contains(&format!("esc {}", tr!("tui.hint.leave"))),
        "{line:?}"
    );
    assert!(
        !line.contains(&tr!("tui.hint.link")),
        "no screen keys while typing: {line:?}"
    );
}

#[test]
fn back_and_forward_walk_the_screens_like_a_browser() {
    let mut b = bench();
    b.on_key(key('2'));
    b.on_key(key('5'));
    b.on_key(code(KeyCode::Backspace));
    assert_eq!(b.screen, Screen::Checks);
    b.on_key(alt(KeyCode::Left));
    assert_eq!(b.screen, Screen::Search);
    let fx = b.update(Action::Back);
    assert!(fx.is_empty());
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "tui.history_start"));
    b.on_key(alt(KeyCode::Right));
    assert_eq!(b.screen, Screen::Checks);
    b.on_key(alt(KeyCode::Right));
    assert_eq!(b.screen, Screen::Case);
    b.update(Action::Forward);
    assert!(matches!(&b.message, Some(Notice::Say(m)) if m.key == "tui.history_end"));
}

#[test]
fn a_new_jump_after_going_back_forgets_the_way_forward() {
    let mut b = bench();
    b.on_key(key('2'));
    b.on_key(key('5'));
    b.update(Action::Back);
    b.on_key(key('3'));
    assert_eq!(b.history.depth(), (2, 0));
    b.update(Action::Back);
    assert_eq!(b.screen, Screen::Checks);
}

#[test]
fn going_back_from_a_person_returns_to_the_same_finding() {
    let mut b = bench();
    b.on_reply(&checks_reply(vec![
        finding("F-1", "r", "张三", None),
        finding("F-2", "r", "李四", None),
    ]));
    b.on_key(key('2'));
    b.update(Action::Down);
    b.on_key(key('p'));
    assert_eq!(b.screen, Screen::Person);
    b.on_key(key('1'));
    b.update(Action::Back);
    assert_eq!(b.screen, Screen::Person, "back to the person first");
    assert_eq!(text_of(&b.person.id), ID);
    b.update(Action::Back);
    assert_eq!(b.screen, Screen::Checks);
    assert_eq!(
        b.checks.selected_finding().map(|f| f.id.as_str()),
        Some("F-2")
    );
}

#[test]
fn going_back_to_an_earlier_search_runs_it_again_and_keeps_its_selection() {
    let mut b = bench();
    b.on_reply(&crate::tui::job::Reply::Ledgers(vec![ledger("发放")]));
    b.on_reply(&crate::tui::job::Reply::Page(Ok(page())));
    b.on_key(key('/'));
    type_str(&mut b, "补贴");
    b.on_key(code(KeyCode::Enter));
    b.search.result_sel = 1;
    b.on_key(key('3'));
    b.update(Action::Down);
    let fx = b.update(Action::SearchRow);
    assert!(
        matches!(&fx[..], [Effect::Request(Request::Search { query, .. })] if query == "赵海燕")
    );
    b.update(Action::Back);
    assert_eq!(b.screen, Screen::Ledgers);
    assert_eq!(b.ledgers.row_sel, 1, "the row it jumped from");
    let fx = b.update(Action::Back);
    assert_eq!(b.screen, Screen::Search);
    assert!(matches!(&fx[..], [Effect::Request(Request::Search { query, .. })] if query == "补贴"));
    b.on_reply(&crate::tui::job::Reply::Search(Ok(results(vec![
        hit("甲", "补贴", vec![(0, 2)]),
        hit("乙", "补贴", vec![(0, 2)]),
    ]))));
    assert_eq!(b.search.result_sel, 1, "the hit selected before");
}

#[test]
fn backspace_in_a_text_field_deletes_instead_of_going_back() {
    let mut b = bench();
    b.on_key(key('2'));
    b.on_key(key('/'));
    type_str(&mut b, "ab");
    b.on_key(code(KeyCode::Backspace));
    assert_eq!(b.screen, Screen::Search);
    assert_eq!(text_of(&b.search.query), "a");
}

#[test]
fn esc_leaves_the_search_line_before_it_cancels_running_work() {
    let mut b = bench();
    b.started(
        crate::tui::job::JobId(5),
        crate::error::Msg::new("tui.running_checks"),
    );
    b.on_key(key('/'));
    let fx = b.on_key(code(KeyCode::Esc));
    assert!(fx.is_empty(), "{fx:?}");
    assert!(!b.typing());
    let fx = b.on_key(code(KeyCode::Esc));
    assert!(matches!(fx.as_slice(), [Effect::CancelJob]), "{fx:?}");
}

#[test]
fn the_status_line_says_the_mode_while_work_runs() {
    let mut b = bench();
    b.started(
        crate::tui::job::JobId(5),
        crate::error::Msg::new("tui.running_checks"),
    );
    assert!(
        status(&b).contains(&tr!("tui.mode.screen")),
        "{}",
        status(&b)
    );
    b.on_key(key('/'));
    assert!(
        status(&b).contains(&tr!("tui.mode.typing")),
        "{}",
        status(&b)
    );
}

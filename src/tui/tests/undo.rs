//! `u` undoes the last change: it asks the worker, and the status line says
//! what was undone (or why nothing was).

use super::fixtures::*;
use crate::error::Msg;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::effect::{Effect, Notice};
use crate::tui::job::{Done, Reply, Request};
use crate::tui::widgets::text_of;

#[test]
fn u_on_a_screen_asks_for_an_undo_and_the_status_line_says_what_was_undone() {
    let mut b = bench();
    b.update(Action::ScreenCase);
    assert_eq!(b.screen, Screen::Case);
    assert!(!b.typing());
    let fx = b.on_key(key('u'));
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Request(Request::Undo))),
        "{fx:?}"
    );
    let said = Msg::new("casework.undone_note").arg("id", 3).arg("seq", 9);
    b.on_reply(&Reply::Changed(Ok(Done::Undone(said))));
    assert!(
        matches!(&b.message, Some(Notice::Say(m)) if m.key == "casework.undone_note"),
        "{:?}",
        b.message
    );
}

#[test]
fn u_while_typing_is_a_letter_not_an_undo() {
    let mut b = bench();
    b.update(Action::ScreenSearch);
    b.update(Action::FocusSearch);
    assert!(b.typing());
    let fx = b.on_key(key('u'));
    assert!(!fx
        .iter()
        .any(|e| matches!(e, Effect::Request(Request::Undo))));
    assert_eq!(text_of(&b.search.query), "u");
}

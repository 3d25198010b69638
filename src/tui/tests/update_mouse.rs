//! The mouse, with synthetic crossterm events: a click on a tab, on a row
//! (twice: open), the wheel over a list; and the setting that turns it off.

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::fixtures::*;
use crate::tr;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::job::Reply;
use crate::tui::overlays::Overlay;
use crate::tui::settings::Settings;
use crate::tui::workbench::Workbench;

const AREA: Rect = Rect {
    x: 0,
    y: 0,
    width: 120,
    height: 30,
};

fn mouse(kind: MouseEventKind, (column, row): (u16, u16)) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn click(b: &mut Workbench, at: (u16, u16)) {
    b.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), at), AREA);
}

/// Where `text` is drawn on the workbench as it is now.
fn spot(b: &Workbench, text: &str) -> (u16, u16) {
    let buf = draw(AREA.width, AREA.height, |a, buf| b.render(a, buf));
    find(&buf, text)
        .unwrap_or_else(|| panic!("{text:?} not drawn:\n{}", super::fixtures::text(&buf)))
}

#[test]
fn a_click_on_a_tab_shows_its_screen_and_back_returns() {
    let mut b = bench();
    let tab = format!("5 {}", tr!("tui.screen.case"));
    let (x, y) = spot(&b, &tab);
    click(&mut b, (x + 1, y));
    assert_eq!(b.screen, Screen::Case);
    let at = spot(&b, &format!("3 {}", tr!("tui.screen.ledgers")));
    click(&mut b, at);
    assert_eq!(b.screen, Screen::Ledgers);
    b.update(Action::Back);
    assert_eq!(b.screen, Screen::Case, "a click is a jump like a digit");
}

#[test]
fn a_click_on_a_ledger_row_selects_it() {
    let mut b = bench();
    b.on_reply(&Reply::Ledgers(vec![ledger("发放")]));
    b.on_reply(&Reply::Page(Ok(page())));
    b.on_key(key('3'));
    assert_eq!(b.ledgers.row_sel, 0);
    let at = spot(&b, "赵海燕");
    click(&mut b, at);
    assert_eq!(b.ledgers.row_sel, 1);
    assert!(!b.typing());
    let title: String = tr!("tui.filter_title").chars().take(3).collect();
    let at = spot(&b, &title);
    click(&mut b, at);
    assert!(b.typing(), "a click on the filter line enters it");
}

#[test]
fn a_click_selects_a_finding_and_a_second_click_opens_it() {
    let mut b = bench();
    b.on_reply(&checks_reply(vec![
        finding("F-1", "r", "张三", None),
        finding("F-2", "r", "李四", None),
        finding("F-3", "r", "王五", None),
    ]));
    b.on_key(key('2'));
    let at = spot(&b, "王五");
    click(&mut b, at);
    assert_eq!(b.checks.finding_sel, 2);
    assert!(matches!(b.overlay, Overlay::None));
    click(&mut b, at);
    assert!(matches!(b.overlay, Overlay::Finding(_)));
}

#[test]
fn the_wheel_moves_through_the_list_under_the_pointer() {
    let mut b = bench();
    b.on_reply(&Reply::Ledgers(vec![ledger("发放"), ledger("名册")]));
    b.on_reply(&Reply::Page(Ok(page())));
    b.on_key(key('3'));
    let row = spot(&b, "李春生");
    b.on_mouse(mouse(MouseEventKind::ScrollDown, row), AREA);
    assert_eq!(b.ledgers.row_sel, 1, "down the rows (two of them)");
    assert_eq!(b.ledgers.ledger_sel, 0);
    let list = spot(&b, "名册");
    b.on_mouse(mouse(MouseEventKind::ScrollDown, list), AREA);
    assert_eq!(
        b.ledgers.ledger_sel, 1,
        "over the ledger list: the next ledger"
    );
}

#[test]
fn the_mouse_leaves_an_overlays_text_field_alone() {
    let mut b = bench();
    b.on_reply(&checks_reply(vec![finding("F-1", "r", "张三", None)]));
    b.on_key(key('2'));
    b.on_key(key('c'));
    assert!(matches!(b.overlay, Overlay::Review(_)));
    click(&mut b, (3, 0));
    assert_eq!(b.screen, Screen::Checks);
    assert!(matches!(b.overlay, Overlay::Review(_)));
}

#[test]
fn mouse_false_in_the_settings_file_turns_it_off_and_a_typo_names_the_file() {
    assert!(Settings::default().mouse);
    assert_eq!(
        Settings::parse("config.toml", "mouse = false"),
        Ok(Settings { mouse: false })
    );
    let e = Settings::parse("/cfg/config.toml", "mouse = \"no\"").unwrap_err();
    assert!(e.to_string().contains("/cfg/config.toml"), "{e}");
    assert!(Settings::parse("c.toml", "mice = false").is_err());
    assert_eq!(Settings::load(None), Ok(Settings::default()));
}

#[test]
fn the_key_hints_on_the_status_line_are_buttons() {
    let mut b = bench();
    let at = spot(&b, &format!("? {}", tr!("tui.hint.help")));
    click(&mut b, at);
    assert!(matches!(b.overlay, Overlay::Help(_)), "a click on ? help");
    b.update(Action::Help);
    b.on_key(key('/'));
    assert!(b.typing());
    let at = spot(&b, &format!("esc {}", tr!("tui.hint.leave")));
    click(&mut b, (at.0 + 4, at.1));
    assert!(!b.typing(), "a click on esc leave field leaves it");
}

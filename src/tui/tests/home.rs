//! The home screen (概览): which step is next, the keys that open it, and
//! every row within the width in both languages.

use unicode_width::UnicodeWidthStr;

use super::fixtures::*;
use crate::casework::overview::{AllegationLine, RuleLine, RunLine};
use crate::casework::{Overview, Step};
use crate::domain::AllegationStatus;
use crate::store::overview::{DocCount, RoleCount};
use crate::tr;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::components::home::Home;
use crate::tui::components::Component;
use crate::tui::effect::Effect;
use crate::tui::job::{Reply, Request};
use crate::tui::keymap::Keymap;

fn rule(id: &str, title: &str, findings: i64, confirmed: i64) -> RuleLine {
    RuleLine {
        rule: id.into(),
        title: title.into(),
        findings,
        open: findings - confirmed,
        confirmed,
        dismissed: 0,
        open_amount: crate::domain::Fen::from_decimal_text("1710.00"),
    }
}

/// The demo township after a check run, one finding confirmed, one allegation.
fn overview() -> Overview {
    let roles = [
        ("payments", 4, 148),
        ("households", 1, 76),
        ("inventory", 1, 60),
        ("land", 1, 28),
        ("meals", 1, 20),
        ("cadres", 1, 18),
        ("complaints", 1, 18),
        ("officials", 1, 16),
        ("allocations", 1, 12),
        ("deaths", 1, 8),
    ];
    let rules = [
        ("meal-docs", "公务用餐四单不符", 6),
        ("complaint-overdue", "信访超期", 6),
        ("official-ineligible", "公职人员违规领取", 4),
        ("cadre-relative", "优亲厚友", 4),
        ("invalid-id", "身份证号异常", 3),
        ("deceased-paid", "死亡后仍领取", 2),
        ("inflated-area", "虚报面积", 2),
        ("duplicate-payment", "重复领取", 2),
        ("shared-account", "一卡多人", 2),
        ("compensation-shortfall", "截留克扣", 2),
        ("inventory-gap", "物资去向不明", 2),
        ("age-ineligible", "年龄不符", 2),
        ("holiday-meal", "节点违规吃喝", 2),
    ];
    Overview {
        title: "清水镇惠民惠农资金及村级事务问题线索专项核查".into(),
        case_no: Some("清纪核〔2024〕3号".into()),
        officer: Some("王明".into()),
        as_of: "2024-06-30".into(),
        documents: vec![
            DocCount {
                kind: "letter".into(),
                count: 4,
            },
            DocCount {
                kind: "transcript".into(),
                count: 3,
            },
        ],
        ledgers: roles
            .iter()
            .map(|(role, ledgers, rows)| RoleCount {
                role: role.to_string(),
                ledgers: *ledgers,
                rows: *rows,
            })
            .collect(),
        run: Some(RunLine {
            id: 1,
            started: "2024-07-01 09:30".into(),
            stale: false,
            rules: rules
                .iter()
                .enumerate()
                .map(|(i, (id, title, n))| rule(id, title, *n, i64::from(i == 5)))
                .collect(),
        }),
        allegations: vec![AllegationLine {
            id: 1,
            title: "赵海燕冒领一卡通补贴，并以他人名义多次领取面积类补贴".into(),
            status: AllegationStatus::Partly,
            evidence: 2,
            amount: crate::domain::Fen::from_decimal_text("1380.00"),
        }],
        cross_links: 0,
        register: (0, 0, 0),
        watch: Vec::new(),
    }
}

fn home_with(o: Overview) -> Home {
    let mut h = Home::new(&Keymap::builtin(false));
    h.on_reply(&Reply::Overview(Ok(Box::new(o))));
    h
}

#[test]
fn the_next_step_follows_the_work_done_on_the_case() {
    let mut o = overview();
    assert_eq!(o.next_step(), Step::Review, "findings are open");
    for r in o.run.iter_mut().flat_map(|r| r.rules.iter_mut()) {
        r.confirmed = r.findings;
        r.open = 0;
    }
    assert_eq!(o.next_step(), Step::Export, "reviewed, linked, a verdict");
    o.allegations[0].status = AllegationStatus::Pending;
    assert_eq!(o.next_step(), Step::Link, "a verdict is still open");
    o.allegations.clear();
    assert_eq!(o.next_step(), Step::Link, "nothing to link to yet");
    if let Some(r) = o.run.as_mut() {
        r.stale = true;
    }
    assert_eq!(o.next_step(), Step::Check, "imported since the last run");
    o.run = None;
    assert_eq!(o.next_step(), Step::Check);
    o.ledgers.clear();
    o.documents.clear();
    assert_eq!(o.next_step(), Step::Import);
}

#[test]
fn zero_and_h_open_home_from_any_screen_and_enter_opens_the_next_step() {
    let mut b = fresh();
    b.update(Action::ScreenLedgers);
    let fx = b.on_key(key('0'));
    assert_eq!(b.screen, Screen::Home);
    assert!(
        matches!(fx.as_slice(), [Effect::Request(Request::LoadOverview)]),
        "shown again, the overview is read afresh: {fx:?}"
    );
    b.update(Action::ScreenAudit);
    b.on_key(key('h'));
    assert_eq!(b.screen, Screen::Home);
    b.on_reply(&Reply::Overview(Ok(Box::new(overview()))));
    assert_eq!(b.home.step_sel, 2, "review is selected: it is next");
    b.update(Action::Open);
    assert_eq!(b.screen, Screen::Checks);
    b.on_key(key('0'));
    b.update(Action::Down);
    b.update(Action::Open);
    assert_eq!(b.screen, Screen::Case, "the link step's screen");
}

#[test]
fn the_steps_name_the_keys_of_the_keymap() {
    let h = home_with(overview());
    assert_eq!(h.keys_of(Step::Import), "4 i");
    assert_eq!(h.keys_of(Step::Check), "2 r");
    assert_eq!(h.keys_of(Step::Review), "2 c/d");
    assert_eq!(h.keys_of(Step::Link), "l");
    assert_eq!(h.keys_of(Step::Export), "8 w");
}

#[test]
fn every_line_fits_its_box_and_the_screen_says_what_is_next() {
    let mut empty = overview();
    empty.run = None;
    empty.allegations.clear();
    for o in [overview(), empty] {
        let home = home_with(o);
        for (w, h) in [(80, 22), (60, 22), (160, 46), (40, 12)] {
            let area = ratatui::layout::Rect::new(0, 0, w, h);
            for (line, room) in home.lines_with_room(area) {
                assert!(line.width() <= room, "{w}×{h}: {line:?} over {room}");
            }
            let buf = draw(w, h, |a, b| home.render(a, b));
            let all = text(&buf);
            for y in 0..h {
                let r = row(&buf, y);
                assert!(r.width() <= w as usize, "{r:?}");
            }
            assert!(all.contains('▶'), "{w}×{h}:\n{all}");
            if w >= 60 {
                assert!(all.contains("清纪核〔2024〕3号"), "{all}");
            }
        }
    }
    let home = home_with(overview());
    let all = text(&draw(80, 22, |a, b| home.render(a, b)));
    let wants = [
        tr!("tui.home.doc.letter", n = 4),
        tr!(
            "tui.home.role_rows_n",
            role = tr!("role.payments"),
            rows = 148,
            n = 4
        ),
        "死亡后仍领取 1".to_string(),
        format!("[{}]", AllegationStatus::Partly.label()),
    ];
    for want in wants {
        assert!(all.contains(&want), "{want} in\n{all}");
    }
}

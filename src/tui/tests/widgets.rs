//! Widget tests: one screen, overlay or widget drawn into a `Buffer`, its
//! cells checked (text and style).

use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

use super::fixtures::*;
use crate::tr;
use crate::tui::components::checks::Checks;
use crate::tui::components::ledgers::Ledgers;
use crate::tui::components::search::Search;
use crate::tui::components::{Component, Ctx};
use crate::tui::job::Reply;
use crate::tui::overlays::editors::StatusEditor;
use crate::tui::overlays::link_picker::LinkPicker;
use crate::tui::overlays::{help::Help, Overlay, View};
use crate::tui::widgets::{self, status_line, tabs};

#[test]
fn the_tab_bar_names_every_screen_and_the_case_when_wide() {
    let labels: Vec<String> = ["A", "B", "C"].iter().map(|s| s.to_string()).collect();
    let buf = draw(40, 1, |a, b| tabs::render(&labels, 1, "demo.duckdb", a, b));
    let line = row(&buf, 0);
    assert!(line.starts_with(" 1 A │ 2 B │ 3 C"), "{line:?}");
    assert!(line.trim_end().ends_with("demo.duckdb"));
    let (x, _) = find(&buf, "2 B").unwrap();
    assert!(
        buf[(x, 0)].modifier.contains(Modifier::REVERSED),
        "the shown tab is reversed"
    );
}

#[test]
fn narrow_tab_bars_shrink_the_other_tabs_to_their_number() {
    let labels: Vec<String> = ["检索", "比对", "台账"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let buf = draw(24, 1, |a, b| tabs::render(&labels, 0, "case.duckdb", a, b));
    let line = row(&buf, 0);
    assert!(
        line.contains("1 检索") && line.contains("│ 2 │ 3"),
        "{line:?}"
    );
    assert!(!line.contains("case"), "no room for the case name");
}

#[test]
fn the_status_line_shows_progress_with_how_to_cancel() {
    let p = status_line::Progress {
        label: "导入 a.xlsx",
        done: 1,
        total: 2,
    };
    let buf = draw(60, 1, |a, b| {
        status_line::render(Some(p), "left", "hints", a, b)
    });
    let line = row(&buf, 0);
    assert!(line.contains("导入 a.xlsx · Esc"), "{line:?}");
    assert!(!line.contains("hints"));
    assert_eq!(
        buf[(0, 0)].symbol(),
        "█",
        "half done: the left half is filled"
    );
    assert_eq!(buf[(0, 0)].fg, Color::Cyan);
    assert_eq!(buf[(59, 0)].symbol(), " ");
}

#[test]
fn the_status_line_shows_the_message_left_and_the_hints_right() {
    let buf = draw(40, 1, |a, b| {
        status_line::render(None, "已保存", "? help", a, b)
    });
    let line = row(&buf, 0);
    assert!(line.starts_with("已保存"));
    assert!(line.ends_with("? help"), "{line:?}");
    assert_eq!(buf[(0, 0)].fg, Color::Cyan);
    assert_eq!(buf[(39, 0)].fg, Color::DarkGray);
}

#[test]
fn marked_snippets_highlight_the_terms_between_the_brackets() {
    let line = widgets::marked("付【赵海燕】补贴");
    let buf = draw(20, 1, |a, b| line.render(a, b));
    assert_eq!(row(&buf, 0).trim_end(), "付赵海燕补贴");
    assert_eq!(buf[(0, 0)].bg, Color::Reset);
    assert_eq!(buf[(2, 0)].bg, Color::Yellow, "the marked name");
    assert_eq!(buf[(8, 0)].bg, Color::Reset);
}

#[test]
fn the_search_screen_without_results_explains_the_query_syntax() {
    let mut s = Search::default();
    s.set_focus(true);
    let buf = draw(80, 12, |a, b| s.render(a, b));
    assert!(text(&buf).contains(&tr!("tui.query_title")));
    let hint = tr!("tui.search_hint");
    let first_words: String = hint.chars().take(6).collect();
    assert!(text(&buf).contains(&first_words), "{}", text(&buf));
    assert_eq!(
        buf[(0, 0)].fg,
        Color::Cyan,
        "the focused query line is cyan"
    );
}

#[test]
fn the_search_preview_reverses_the_current_hit_and_marks_the_others() {
    let mut s = Search::default();
    s.on_reply(&Reply::Search(Ok(results(vec![hit(
        "举报信",
        "甲乙甲乙",
        vec![(0, 1), (2, 3)],
    )]))));
    s.update(crate::tui::action::Action::NextHit, &Ctx::default());
    let buf = draw(80, 10, |a, b| s.render(a, b));
    let (x, y) = find(&buf, "甲乙甲乙").unwrap();
    assert!(x >= 36, "in the preview pane");
    assert_eq!(buf[(x, y)].bg, Color::Yellow);
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(
        buf[(x + 4, y)].modifier.contains(Modifier::REVERSED),
        "hit 2 is current"
    );
    assert!(text(&buf).contains("2/2"));
}

#[test]
fn the_checks_screen_says_never_run_and_marks_a_confirmed_finding() {
    let mut c = Checks::default();
    let mut f = finding("F-1", "dead-payee", "李春生", Some("20.00"));
    f.review = Some(crate::checks::Review {
        status: crate::domain::Decision::Confirmed,
        reason: "r".into(),
        reviewed_at: String::new(),
        reviewer: String::new(),
    });
    c.on_reply(&checks_reply(vec![f]));
    let buf = draw(100, 20, |a, b| c.render(a, b));
    let all = text(&buf);
    assert!(all.contains(&tr!("tui.never_run")), "{all}");
    assert!(
        all.contains("李春生: dead-payee") && all.contains("20.00"),
        "{all}"
    );
    assert!(all.contains(&tr!("checks.review_confirmed")));
    assert!(
        all.contains(&tr!("checks.group", title = "dead-payee", n = 1)),
        "the rule's header row: {all}"
    );
    let (_, y) = find(&buf, "李春生").unwrap();
    assert!(
        buf[(2, y)].modifier.contains(Modifier::REVERSED),
        "the selected row"
    );
}

#[test]
fn a_findings_sentence_is_cut_to_its_column_by_display_width() {
    use crate::tui::components::findings_list::truncate;
    use unicode_width::UnicodeWidthStr;
    assert_eq!(truncate("赵海燕代领", 20), "赵海燕代领");
    assert_eq!(truncate("赵海燕代领", 7), "赵海燕…");
    assert_eq!(truncate("ab赵海燕", 5), "ab赵…");
    assert!(truncate("赵海燕代领补贴", 6).width() <= 6);
    let mut c = Checks::default();
    let mut f = finding("F-1", "shared-account", "赵海燕", Some("1380.00"));
    f.text = "赵海燕（身份证号 430423196204181012）名下的一卡通与刘翠、王五共用一个收款账户，共领取补贴十二次。".into();
    c.on_reply(&checks_reply(vec![f]));
    for w in [60u16, 61, 80] {
        let buf = draw(w, 20, |a, b| c.render(a, b));
        let (_, y) = find(&buf, "赵海燕（").expect("the sentence");
        let line = row(&buf, y);
        assert!(
            line.contains('…') && line.contains("1380.00"),
            "{w}: {line}"
        );
        assert_eq!(line.width(), w as usize, "nothing spills: {line}");
    }
}

#[test]
fn the_findings_detail_highlights_the_chosen_evidence_item() {
    use crate::tui::overlays::finding::FindingDetail;
    let mut f = finding("F-1", "shared-account", "赵海燕", None);
    f.evidence = [20, 50]
        .into_iter()
        .map(|row| crate::checks::Evidence::Row {
            ledger: "发放".into(),
            file: "发放.xlsx".into(),
            row,
        })
        .collect();
    let mut d = FindingDetail::new(f, "一卡通共用账户".into());
    d.update(crate::tui::action::Action::Down);
    let km = crate::tui::keymap::Keymap::builtin(false);
    let buf = draw(90, 24, |a, b| d.render(a, b, &km));
    let all = text(&buf);
    assert!(
        all.contains("F-1 · 一卡通共用账户"),
        "the rule's title: {all}"
    );
    let (x20, y20) = find(&buf, "发放 #20").unwrap();
    let (x50, y50) = find(&buf, "发放 #50").unwrap();
    assert!(!buf[(x20, y20)].modifier.contains(Modifier::REVERSED));
    assert!(
        buf[(x50, y50)].modifier.contains(Modifier::REVERSED),
        "{all}"
    );
}

#[test]
fn the_ledger_header_marks_the_sorted_column() {
    let mut l = Ledgers::default();
    l.on_reply(&Reply::Ledgers(vec![ledger("发放")]));
    l.on_reply(&Reply::Page(Ok(page())));
    l.update(crate::tui::action::Action::NextColumn, &Ctx::default());
    l.update(crate::tui::action::Action::CycleSort, &Ctx::default());
    let buf = draw(100, 12, |a, b| l.render(a, b));
    let (x, y) = find(&buf, "姓名 ▲").expect("sorted ascending");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "the selected column"
    );
    assert!(text(&buf).contains("李春生"));
}

#[test]
fn the_link_picker_reverses_the_chosen_relation() {
    let mut p = LinkPicker::new(
        crate::casework::Item::Finding("F-1".into()),
        "F-1 r 张三".into(),
        &[allegation(1, "冒领补贴", "待核查")],
        0,
    );
    p.update(crate::tui::action::Action::NextRelation);
    let buf = draw(100, 20, |a, b| p.render(a, b));
    let contradicts = crate::domain::Relation::Contradicts.label();
    let supports = crate::domain::Relation::Supports.label();
    let (x, y) = find(&buf, &contradicts).unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buf, &supports).unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(text(&buf).contains("#1 ") && text(&buf).contains("冒领补贴"));
}

#[test]
fn the_status_editor_frames_the_field_that_has_the_keyboard() {
    let mut s = StatusEditor::new(1, crate::domain::AllegationStatus::True, "理由", "");
    let buf = draw(70, 15, |a, b| s.render(a, b));
    let (_, reason_y) = find(&buf, &tr!("tui.reason_title")).unwrap();
    let (_, amount_y) = find(&buf, &tr!("tui.amount_title")).unwrap();
    assert_eq!(buf[(0, reason_y)].fg, Color::Cyan);
    assert_ne!(buf[(0, amount_y)].fg, Color::Cyan);
    s.update(crate::tui::action::Action::NextField);
    let buf = draw(70, 15, |a, b| s.render(a, b));
    assert_eq!(buf[(0, amount_y)].fg, Color::Cyan);
    assert_ne!(buf[(0, reason_y)].fg, Color::Cyan);
}

#[test]
fn help_lists_the_overlay_sections_after_the_screens() {
    let b = bench();
    let sections = b.help_sections();
    let view = View {
        keymap: &b.keymap,
        finding: None,
        sections: &sections,
    };
    let h = Overlay::Help(Help::default());
    let buf = draw(100, 200, |a, bf| h.render(a, bf, &view));
    let all = text(&buf);
    assert!(all.contains(&tr!("tui.section.link_picker")), "{all}");
    assert!(all.contains(&crate::tui::action::Action::NextRelation.describe()));
    assert!(all.contains(&tr!("tui.section.status_editor")));
}

#[test]
fn the_quit_question_is_drawn_over_the_middle() {
    let b = bench();
    let sections = b.help_sections();
    let view = View {
        keymap: &b.keymap,
        finding: None,
        sections: &sections,
    };
    let buf = draw(80, 24, |a, bf| Overlay::ConfirmQuit.render(a, bf, &view));
    let (x, y) = find(&buf, "┌").unwrap();
    assert_eq!((x, y), (15, 9));
    assert!(row(&buf, 9).contains(&tr!("tui.quit")));
}

/// A screen full of Chinese text: every wide character starts at an even column.
fn cjk_screen(w: u16, h: u16) -> ratatui::buffer::Buffer {
    draw(w, h, |a, b| {
        let line: String = "保存到比对页检索台账审计导出"
            .chars()
            .cycle()
            .take(w as usize)
            .collect();
        for y in a.top()..a.bottom() {
            b.set_stringn(0, y, &line, w as usize, ratatui::style::Style::default());
        }
    })
}

/// What a terminal shows in column `x` of row `y`: "" where the second half
/// of a wide character covers it.
fn shown(buf: &ratatui::buffer::Buffer, x: u16, y: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut col = 0;
    while col < buf.area.width {
        let s = buf[(col, y)].symbol();
        let w = (s.width() as u16).max(1);
        if col == x {
            return s.to_string();
        }
        if col < x && x < col + w {
            return String::new();
        }
        col += w;
    }
    String::new()
}

#[test]
fn a_popup_over_chinese_text_keeps_both_borders_at_odd_and_even_offsets() {
    for x in [1u16, 3, 4, 7, 10, 13] {
        for width in [7u16, 8, 11] {
            let mut buf = cjk_screen(40, 8);
            let r = ratatui::layout::Rect::new(x, 2, width, 4);
            widgets::clear(r, &mut buf);
            ratatui::widgets::Block::bordered().render(r, &mut buf);
            let right = x + width - 1;
            for y in 2..6 {
                let (l, rr) = match y {
                    2 => ("┌", "┐"),
                    5 => ("└", "┘"),
                    _ => ("│", "│"),
                };
                assert_eq!(shown(&buf, x, y), l, "left edge at x={x} w={width} y={y}");
                assert_eq!(
                    shown(&buf, right, y),
                    rr,
                    "right edge at x={x} w={width} y={y}"
                );
            }
            // Outside the popup the text stays, but for the cut character.
            assert_eq!(shown(&buf, 0, 1), "保");
            assert_eq!(shown(&buf, 0, 3), if x == 1 { " " } else { "保" });
        }
    }
}

#[test]
fn the_quit_question_over_chinese_text_has_its_left_border_at_an_odd_column() {
    let mut buf = cjk_screen(81, 12);
    let view = View {
        keymap: &crate::tui::keymap::Keymap::builtin(false),
        finding: None,
        sections: &[],
    };
    Overlay::ConfirmQuit.render(buf.area, &mut buf, &view);
    // centred: (81 - 50) / 2 = 15, an odd column inside a wide character.
    let (x, y) = find(&buf, "┌").expect("the top-left corner is shown");
    assert_eq!(x, 15);
    for y in y..y + 5 {
        assert!(
            ["┌", "│", "└"].contains(&shown(&buf, 15, y).as_str()),
            "row {y}: {:?}",
            row(&buf, y)
        );
    }
}

#[test]
fn a_long_findings_list_scrolls_to_a_deep_selection_and_keeps_its_window_going_up() {
    use crate::tui::action::Action;
    // More findings than the screen has lines (a county case has 100,000s).
    let mut c = Checks::default();
    let findings = (0..300)
        .map(|i| {
            finding(
                &format!("F-{i:03}"),
                "dead-payee",
                &format!("甲{i:03}"),
                Some("20.00"),
            )
        })
        .collect();
    c.on_reply(&checks_reply(findings));
    let ctx = Ctx::default();
    for _ in 0..250 {
        c.update(Action::Down, &ctx);
    }
    assert_eq!(c.selected_finding().map(|f| f.name.as_str()), Some("甲250"));
    let buf = draw(100, 30, |a, b| c.render(a, b));
    let (_, y) = find(&buf, "甲250").expect("the deep selection is drawn");
    assert!(
        buf[(2, y)].modifier.contains(Modifier::REVERSED),
        "and drawn selected"
    );
    assert!(
        find(&buf, "甲000").is_none(),
        "the top of the list is scrolled away"
    );
    // Up by two: the selection moves within the window, which stays put.
    let (_, top) = find(&buf, "甲2").expect("the window's first finding");
    let first = row(&buf, top);
    c.update(Action::Up, &ctx);
    c.update(Action::Up, &ctx);
    let buf = draw(100, 30, |a, b| c.render(a, b));
    assert_eq!(row(&buf, top), first, "the window kept its place");
    let (_, y2) = find(&buf, "甲248").unwrap();
    assert_eq!(y2 + 2, y, "the selection moved up two lines on screen");
    assert!(buf[(2, y2)].modifier.contains(Modifier::REVERSED));
    // A click picks the finding drawn there, not one the window has left.
    let (_, y3) = find(&buf, "甲245").unwrap();
    c.click(ratatui::layout::Rect::new(0, 0, 100, 30), (10, y3), &ctx);
    assert_eq!(c.selected_finding().map(|f| f.name.as_str()), Some("甲245"));
}

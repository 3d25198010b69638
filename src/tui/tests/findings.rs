//! The Checks screen's findings list (grouping, filters, sort) and following
//! a finding's evidence: pure `update` tests, no terminal, no worker.

use crossterm::event::KeyCode;

use super::fixtures::*;
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::components::checks::{Checks, FindingSort};
use crate::tui::components::findings_list::ListRow;
use crate::tui::components::{Component, Ctx};
use crate::tui::effect::Effect;
use crate::tui::job::{Reply, Request};
use crate::tui::overlays::Overlay;

fn requests(fx: &[Effect]) -> Vec<&Request> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Request(r) => Some(r),
            _ => None,
        })
        .collect()
}

fn ids(c: &Checks) -> Vec<String> {
    c.findings.iter().map(|f| f.id.clone()).collect()
}

fn shown_ids(c: &Checks) -> Vec<String> {
    c.shown()
        .iter()
        .map(|&i| c.findings[i].id.clone())
        .collect()
}

#[test]
fn cycling_the_sort_orders_findings_by_amount_then_name() {
    let mut c = Checks::default();
    c.on_reply(&checks_reply(vec![
        finding("F-1", "a-rule", "王五", Some("5.00")),
        finding("F-2", "b-rule", "张三", Some("50.00")),
        finding("F-3", "c-rule", "李四", None),
    ]));
    assert_eq!(ids(&c), ["F-1", "F-2", "F-3"]);
    c.update(Action::CycleSort, &Ctx::default());
    assert_eq!(
        ids(&c),
        ["F-2", "F-1", "F-3"],
        "the rule with the largest amount first, none last"
    );
    // One list, not grouped: by name across the rules.
    c.update(Action::ToggleGroups, &Ctx::default());
    c.update(Action::CycleSort, &Ctx::default());
    assert_eq!(ids(&c), ["F-2", "F-3", "F-1"], "by name");
}

#[test]
fn findings_are_grouped_by_rule_with_counts_and_amounts_and_sorted_by_amount_inside() {
    let mut c = Checks::default();
    c.on_reply(&checks_reply(vec![
        finding("F-1", "a-rule", "王五", Some("5.00")),
        finding("F-2", "b-rule", "张三", Some("50.00")),
        finding("F-3", "a-rule", "李四", Some("7.50")),
        finding("F-4", "a-rule", "赵六", None),
    ]));
    c.update(Action::CycleSort, &Ctx::default());
    assert_eq!(c.sort, FindingSort::Amount);
    let fen = |s: &str| crate::domain::Fen::from_decimal_text(s);
    assert_eq!(
        c.list_rows(),
        vec![
            ListRow::Group {
                rule: "b-rule".into(),
                count: 1,
                amount: fen("50.00"),
            },
            ListRow::Finding(0),
            ListRow::Group {
                rule: "a-rule".into(),
                count: 3,
                amount: fen("12.50"),
            },
            ListRow::Finding(1),
            ListRow::Finding(2),
            ListRow::Finding(3),
        ]
    );
    assert_eq!(
        ids(&c),
        ["F-2", "F-3", "F-1", "F-4"],
        "largest amount first in a group"
    );
    // The selection follows its finding through the new order.
    assert_eq!(c.selected_finding().map(|f| f.id.as_str()), Some("F-1"));
    // Moving skips the header rows: from F-2 down to F-3.
    c.update(Action::Top, &Ctx::default());
    assert_eq!(c.selected_finding().map(|f| f.id.as_str()), Some("F-2"));
    c.update(Action::Down, &Ctx::default());
    assert_eq!(c.selected_finding().map(|f| f.id.as_str()), Some("F-3"));
    // Ungrouped: no header rows.
    c.update(Action::ToggleGroups, &Ctx::default());
    assert!(c
        .list_rows()
        .iter()
        .all(|r| matches!(r, ListRow::Finding(_))));
}

#[test]
fn findings_filter_by_rule_review_state_and_village_in_turn() {
    let mut c = Checks::default();
    let mut confirmed = finding("F-2", "b-rule", "张三", Some("50.00"));
    confirmed.review = Some(crate::checks::Review {
        status: crate::domain::Decision::Confirmed,
        reason: "属实".into(),
        reviewed_at: String::new(),
        reviewer: String::new(),
    });
    let reply = Reply::Checks {
        rules: Vec::new(),
        findings: vec![
            finding("F-1", "a-rule", "王五", Some("5.00")),
            confirmed,
            finding("F-3", "a-rule", "李四", None),
        ],
        last_run: None,
        villages: [("F-1", "红星村"), ("F-2", "青山村"), ("F-3", "青山村")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
    };
    c.on_reply(&reply);
    let ctx = Ctx::default();
    // Rule: each rule with findings in turn, then all again.
    c.update(Action::FilterRule, &ctx);
    assert_eq!(shown_ids(&c), ["F-1", "F-3"]);
    c.update(Action::FilterRule, &ctx);
    assert_eq!(shown_ids(&c), ["F-2"]);
    assert_eq!(
        c.selected_finding().map(|f| f.id.as_str()),
        Some("F-2"),
        "the selection follows"
    );
    c.update(Action::FilterRule, &ctx);
    assert_eq!(c.filter.rule, None);
    assert_eq!(shown_ids(&c).len(), 3);
    // Review state: not reviewed, confirmed, dismissed, all.
    c.update(Action::FilterReview, &ctx);
    assert_eq!(shown_ids(&c), ["F-1", "F-3"]);
    c.update(Action::FilterReview, &ctx);
    assert_eq!(shown_ids(&c), ["F-2"]);
    c.update(Action::FilterReview, &ctx);
    assert!(shown_ids(&c).is_empty());
    assert!(
        c.selected_finding().is_none(),
        "nothing shown, nothing selected"
    );
    assert!(c.update(Action::Open, &ctx).is_empty());
    c.update(Action::FilterReview, &ctx);
    // Village: in name order, then all.
    c.update(Action::FilterVillage, &ctx);
    assert_eq!(c.filter.village.as_deref(), Some("红星村"));
    assert_eq!(shown_ids(&c), ["F-1"]);
    c.update(Action::FilterVillage, &ctx);
    assert_eq!(
        shown_ids(&c),
        ["F-3", "F-2"],
        "in list order: a-rule, then b-rule"
    );
    c.update(Action::FilterVillage, &ctx);
    assert_eq!(shown_ids(&c).len(), 3);
}

#[test]
fn enter_in_a_findings_detail_opens_the_chosen_evidence_row_in_the_ledgers_screen() {
    let mut b = bench();
    b.on_reply(&Reply::Ledgers(vec![ledger("发放"), ledger("名册")]));
    let mut f = finding("F-1", "r", "张三", None);
    f.evidence = [20, 50]
        .into_iter()
        .map(|row| crate::checks::Evidence::Row {
            ledger: "名册".into(),
            file: "名册.xlsx".into(),
            row,
        })
        .collect();
    b.on_reply(&checks_reply(vec![f]));
    b.update(Action::ScreenChecks);
    b.on_key(code(KeyCode::Enter));
    assert!(matches!(&b.overlay, Overlay::Finding(d) if d.sel == 0 && d.items.len() == 2));
    // ↓ moves among the evidence items, not the findings.
    b.on_key(code(KeyCode::Down));
    assert!(matches!(&b.overlay, Overlay::Finding(d) if d.sel == 1));
    let fx = b.on_key(code(KeyCode::Enter));
    assert_eq!(b.screen, Screen::Ledgers);
    assert!(matches!(b.overlay, Overlay::None));
    assert_eq!(b.ledgers.ledger_sel, 1, "the evidence row's ledger");
    let asked: Vec<_> = requests(&fx)
        .into_iter()
        .filter_map(|r| match r {
            Request::LedgerPage(q) => Some(q.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        asked.last().map(|q| (q.ledger.as_str(), q.at_row)),
        Some(("名册", Some(50))),
        "the last page asked for (it supersedes) holds row 50: {asked:?}"
    );
    // The page arrives: row #50 is selected.
    let mut p = page();
    p.offset = 0;
    p.rows = (40..60)
        .map(|r| vec![r.to_string(), "某".into(), String::new()])
        .collect();
    b.on_reply(&Reply::Page(Ok(p)));
    assert_eq!(b.ledgers.row_sel, 10);
    assert_eq!(
        b.ledgers.item_here().map(|(_, l)| l),
        Some("名册 #50".to_string())
    );
}

#[test]
fn show_document_searches_the_quote_and_selects_that_documents_hit() {
    let mut b = bench();
    let fx = b.resolve(vec![Effect::ShowDocument {
        source: "乙.txt".into(),
        quote: "反映“赵海燕”代领".into(),
    }]);
    assert_eq!(b.screen, Screen::Search);
    assert!(!b.typing(), "the preview has the keys, not the query line");
    assert!(
        matches!(requests(&fx)[..], [Request::Search { query, .. }] if query == "\"反映 赵海燕 代领\""),
        "{fx:?}"
    );
    b.on_reply(&Reply::Search(Ok(results(vec![
        hit("甲", "反映赵海燕代领", vec![(0, 7)]),
        hit("乙", "反映赵海燕代领", vec![(0, 7)]),
    ]))));
    assert_eq!(b.search.result_sel, 1);
    assert_eq!(b.search.hit_index, 0);
}

//! The Person screen's relationship tree: `r` shows it, Enter follows a
//! relation (a person opens as the screen's person), Backspace comes back.

use crossterm::event::KeyCode;

use super::fixtures::*;
use crate::case::graph::{Edge, Graph, Node};
use crate::tui::app::Screen;
use crate::tui::effect::Effect;
use crate::tui::job::{Reply, Request};
use crate::tui::widgets::text_of;
use crate::tui::workbench::Workbench;

const WIFE: &str = "430423196507201022";
const KEEPER: &str = "43042319700101103X";

fn node(id: &str, kind: &'static str, label: &str) -> Node {
    Node {
        id: id.into(),
        kind,
        label: label.into(),
        source: None,
    }
}

fn edge(from: &str, to: &str, kind: &'static str, label: &str, amount: Option<&str>) -> Edge {
    Edge {
        from: from.into(),
        to: to.into(),
        kind,
        label: label.into(),
        amount: amount.map(str::to_string),
    }
}

/// 李春生: household H1 with his wife; his card 6217…01, from which 5,520
/// went to the keeper's card 6228…99.
fn graph() -> Graph {
    let me = format!("person:{ID}");
    let wife = format!("person:{WIFE}");
    let keeper = format!("person:{KEEPER}");
    let mut letter = node("document:3", "document", "举报信");
    letter.source = Some("举报信.docx".into());
    Graph {
        root: me.clone(),
        nodes: vec![
            node(&me, "person", "李春生"),
            node("household:H1", "household", "户 H1"),
            node(&wife, "person", "王桂兰"),
            node("account:621701", "account", "621701"),
            node("account:622899", "account", "622899"),
            node(&keeper, "person", "赵会计"),
            node("program:低保", "program", "低保"),
            letter,
        ],
        edges: vec![
            edge(&me, "household:H1", "member", "户主", None),
            edge(&wife, "household:H1", "member", "妻", None),
            edge(&me, "account:621701", "holds", "payment", None),
            edge(
                "account:621701",
                "account:622899",
                "transfer",
                "2 笔",
                Some("5520.00"),
            ),
            edge(&keeper, "account:622899", "holds", "statement", None),
            edge("program:低保", &me, "paid", "12 笔", Some("5520.00")),
            edge("document:3", &me, "names", "李春生", None),
        ],
    }
}

/// The Person screen showing 李春生, his relations loaded, the tree shown.
fn on_tree() -> Workbench {
    let mut b = bench();
    b.resolve(vec![Effect::ShowPerson(ID.into())]);
    b.on_reply(&Reply::Person(Ok(person_view(ID, "李春生"))));
    b.on_reply(&Reply::Relations(Ok(graph())));
    b.on_key(key('r'));
    assert!(b.person.show_relations, "r shows the relationship tree");
    b
}

/// Selects the neighbour whose node is `id`.
fn select(b: &mut Workbench, id: &str) {
    let at = b
        .person
        .relations
        .neighbours()
        .iter()
        .position(|n| n.node.id == id)
        .unwrap_or_else(|| panic!("{id} is not a neighbour of {}", b.person.relations.focus));
    b.person.relations.sel = at;
}

fn neighbour_ids(b: &Workbench) -> Vec<String> {
    b.person
        .relations
        .neighbours()
        .iter()
        .map(|n| n.node.id.clone())
        .collect()
}

#[test]
fn the_tree_lists_the_persons_neighbours_household_first() {
    let b = on_tree();
    assert_eq!(
        neighbour_ids(&b),
        [
            "household:H1",
            "account:621701",
            "program:低保",
            "document:3"
        ]
    );
    let buf = draw(120, 30, |a, buf| b.render(a, buf));
    let all = text(&buf);
    assert!(all.contains("关系 · 人员 李春生"), "{all}");
    assert!(all.contains("属于"), "the household edge in words: {all}");
    assert!(
        all.contains("发放台账"),
        "the account's tie in words: {all}"
    );
    assert!(all.contains("¥5520.00"), "the payments' sum: {all}");
}

#[test]
fn enter_follows_the_money_and_backspace_comes_back() {
    let mut b = on_tree();
    select(&mut b, "account:621701");
    b.on_key(code(KeyCode::Enter));
    assert_eq!(b.person.relations.focus, "account:621701");
    assert!(neighbour_ids(&b).contains(&"account:622899".to_string()));
    select(&mut b, "account:622899");
    b.on_key(code(KeyCode::Enter));
    assert_eq!(
        neighbour_ids(&b),
        [format!("person:{KEEPER}").as_str(), "account:621701"],
        "the keeper's card: who holds it, where the money came from"
    );
    // The keeper is a person: Enter opens them as the screen's person.
    select(&mut b, &format!("person:{KEEPER}"));
    let fx = b.on_key(code(KeyCode::Enter));
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Request(Request::Person { id }) if id == KEEPER)),
        "{fx:?}"
    );
    assert_eq!(text_of(&b.person.id), KEEPER);
    assert_eq!(b.person.relations.focus, format!("person:{KEEPER}"));
    // Back: to 李春生's tree, at the keeper's card (asked for again).
    let fx = b.on_key(code(KeyCode::Backspace));
    assert_eq!(b.screen, Screen::Person);
    assert_eq!(text_of(&b.person.id), ID);
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Request(Request::Person { id }) if id == ID)),
        "{fx:?}"
    );
    b.on_reply(&Reply::Person(Ok(person_view(ID, "李春生"))));
    b.on_reply(&Reply::Relations(Ok(graph())));
    assert_eq!(b.person.relations.focus, "account:622899");
    b.on_key(code(KeyCode::Backspace));
    assert_eq!(b.person.relations.focus, "account:621701");
    b.on_key(code(KeyCode::Backspace));
    assert_eq!(b.person.relations.focus, format!("person:{ID}"));
    assert!(b.person.show_relations);
}

#[test]
fn a_household_member_opens_as_the_person_and_a_document_at_the_name() {
    let mut b = on_tree();
    select(&mut b, "household:H1");
    b.on_key(code(KeyCode::Enter));
    assert_eq!(
        neighbour_ids(&b),
        [format!("person:{ID}"), format!("person:{WIFE}")]
    );
    // Oneself: the focus goes back to the person, nothing is asked for.
    select(&mut b, &format!("person:{ID}"));
    let fx = b.on_key(code(KeyCode::Enter));
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(b.person.relations.focus, format!("person:{ID}"));
    select(&mut b, "document:3");
    b.on_key(code(KeyCode::Enter));
    assert_eq!(b.screen, Screen::Search, "the letter opens");
    assert_eq!(b.search.pending_source.as_deref(), Some("举报信.docx"));
    assert!(text_of(&b.search.query).contains("李春生"));
}

#[test]
fn r_again_shows_the_timeline_and_the_keys_move_in_the_shown_pane() {
    let mut b = on_tree();
    b.on_key(code(KeyCode::Down));
    assert_eq!(b.person.relations.sel, 1);
    assert_eq!(b.person.scroll, 0);
    b.on_key(key('r'));
    assert!(!b.person.show_relations);
    let buf = draw(120, 30, |a, buf| b.render(a, buf));
    assert!(text(&buf).contains("时间线"));
}

//! Undo of the last change: a link added or removed, a review, an
//! allegation's status, a note — each reversed by a compensating, audited
//! change, the audit chain still verifying, and undo walking further back.

mod common;

use common::*;
use hecha::casework::{self, Item};

fn verified(c: &hecha::Case) {
    let v = hecha::audit::verify(c).unwrap();
    assert!(v.failure.is_none(), "{:?}", v.failure);
}

fn review_of(c: &hecha::Case, finding: &str) -> Option<String> {
    let (_, _, findings) = hecha::checks::latest_findings(c, None).unwrap().unwrap();
    findings
        .iter()
        .find(|f| f.id == finding)
        .and_then(|f| f.review.as_ref())
        .map(|r| format!("{}:{}", r.status.as_str(), r.reason))
}

#[test]
fn each_change_kind_is_undone_in_reverse_order_and_the_chain_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    assert_eq!(import_json(&case, &[&root.join("ledgers")], &[]).0, 0);
    let run = cli_json(&["check"], &case);
    let finding = run["findings"][0]["id"].as_str().unwrap().to_string();

    let c = hecha::Case::open(&case).unwrap();
    assert!(
        casework::undo_last(&c).is_err(),
        "nothing undoable yet (import and check runs are not undone)"
    );
    let a = casework::allege(&c, "线索一", None, None).unwrap();
    let item = Item::Finding(finding.clone());
    let (l1, _) = casework::link(&c, a, &item, "supports", None).unwrap();
    let (l2, _) = casework::link(
        &c,
        a,
        &Item::Row("征地补偿分配表:1".into()),
        "relates",
        None,
    )
    .unwrap();
    casework::unlink(&c, l2).unwrap();
    hecha::checks::review(&c, &finding, "confirmed", "初审属实").unwrap();
    hecha::checks::review(&c, &finding, "dismissed", "复核排除").unwrap();
    casework::set_status(&c, a, "属实", "查实", Some("1,050元")).unwrap();
    let note = casework::note(&c, &format!("allegation:{a}"), "待补充银行流水").unwrap();
    let entries_before = hecha::audit::entries(&c).unwrap().len();

    let live = |c: &hecha::Case| -> Vec<i64> {
        casework::links(c).unwrap().iter().map(|l| l.id).collect()
    };
    let status = |c: &hecha::Case| {
        let al = casework::allegations(c).unwrap();
        let x = al.iter().find(|x| x.id == a).unwrap();
        (x.status.stored().to_string(), x.amount.map(|f| f.0))
    };
    assert_eq!(status(&c), ("属实".into(), Some(105_000)));

    // 1. The note goes.
    let u = casework::undo_last(&c).unwrap();
    assert!(u.msg().to_string().contains(&format!("#{note}")));
    assert!(casework::notes_for(&c, "allegation", &a.to_string())
        .unwrap()
        .is_empty());
    // 2. The status is back to pending, with no amount.
    casework::undo_last(&c).unwrap();
    assert_eq!(status(&c), ("待核查".into(), None));
    // 3. The second review is undone: the first is back, reason and all.
    casework::undo_last(&c).unwrap();
    assert_eq!(
        review_of(&c, &finding).as_deref(),
        Some("confirmed:初审属实")
    );
    // 4. …then the first: no review at all.
    let u = casework::undo_last(&c).unwrap();
    assert_eq!(review_of(&c, &finding), None);
    assert!(u.msg().to_string().contains(&finding));
    // 5. The removed link is live again, its catalogue number kept.
    assert!(!live(&c).contains(&l2));
    casework::undo_last(&c).unwrap();
    assert!(live(&c).contains(&l2));
    // 6. …and the links added are removed, latest first.
    casework::undo_last(&c).unwrap();
    assert_eq!(live(&c), vec![l1]);
    casework::undo_last(&c).unwrap();
    assert!(live(&c).is_empty());
    // Only the allegation's creation is left, which undo does not reverse.
    assert!(casework::undo_last(&c).is_err());

    // Append-only: every undo is one more entry, each naming what it undid.
    let entries = hecha::audit::entries(&c).unwrap();
    assert_eq!(entries.len(), entries_before + 7);
    let undos: Vec<_> = entries.iter().filter(|e| e.action == "undo").collect();
    assert_eq!(undos.len(), 7);
    let undone: Vec<&str> = undos
        .iter()
        .map(|e| e.payload["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        undone,
        [
            "note.add",
            "allegation.status",
            "finding.review",
            "finding.review",
            "link.remove",
            "link.add",
            "link.add"
        ]
    );
    verified(&c);

    // A new change after undoing is itself the next to undo.
    let (l3, no3) = casework::link(&c, a, &item, "supports", None).unwrap();
    assert_ne!(
        no3.to_string(),
        "E-001",
        "catalogue numbers are never reused"
    );
    casework::undo_last(&c).unwrap();
    assert!(!live(&c).contains(&l3));
    verified(&c);
}

#[test]
fn cli_undo_says_what_it_undid_and_refuses_when_nothing_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    hecha()
        .arg("allege")
        .arg(&case)
        .arg("虚报冒领")
        .assert()
        .success();
    hecha()
        .arg("note")
        .arg(&case)
        .args(["--on", "allegation:1", "约谈村会计"])
        .assert()
        .success();
    let out = hecha()
        .arg("undo")
        .arg(&case)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["undoes"].as_i64().unwrap() > 0);
    assert!(v["message"].as_str().unwrap().contains("备注"));
    let out = hecha().arg("undo").arg(&case).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有可撤销的改动"));
    hecha().arg("verify").arg(&case).assert().success();
}

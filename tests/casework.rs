//! Allegations, evidence links and the evidence catalogue, notes, tags — via the CLI.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn allegations_link_every_kind_of_evidence_and_the_catalogue_is_stable() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    assert_eq!(
        import_json(&case, &[&root.join("letters"), &root.join("ledgers")], &[]).0,
        0
    );
    let run = cli_json(&["check"], &case);
    let finding = run["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "compensation-shortfall" && f["name"] == "李春生")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    let a = cli_json(
        &[
            "allege",
            "李春生反映刘建国截留铁塔补偿款",
            "--text",
            "实名举报",
            "--from",
            "letter:举报信_石桥村李春生实名举报刘建国.txt",
        ],
        &case,
    );
    let id = a["id"].as_i64().unwrap().to_string();
    let l1 = cli_json(&["link", "--allegation", &id, "--finding", &finding], &case);
    assert_eq!(l1["catalogue"], "E-001");
    let l2 = cli_json(
        &[
            "link",
            "--allegation",
            &id,
            "--document",
            "举报信_石桥村李春生实名举报刘建国.txt",
            "--quote",
            "刘建国",
            "--relation",
            "relates",
        ],
        &case,
    );
    assert_eq!(l2["catalogue"], "E-002");
    let l3 = cli_json(
        &[
            "link",
            "--allegation",
            &id,
            "--row",
            "征地补偿分配表:1",
            "--note",
            "应得 10000 元",
        ],
        &case,
    );
    assert_eq!(l3["catalogue"], "E-003");
    let l4 = cli_json(
        &[
            "link",
            "--allegation",
            &id,
            "--person",
            "430423196204181012",
            "--relation",
            "证实",
        ],
        &case,
    );
    assert_eq!(l4["catalogue"], "E-004");

    // Unlink E-002: numbers are never reused.
    hecha()
        .arg("unlink")
        .arg(&case)
        .arg(l2["id"].as_i64().unwrap().to_string())
        .assert()
        .success();
    let l5 = cli_json(
        &[
            "link",
            "--allegation",
            &id,
            "--row",
            "征地补偿款支付明细:1",
            "--relation",
            "contradicts",
        ],
        &case,
    );
    assert_eq!(l5["catalogue"], "E-005");
    let list = cli_json(&["allegations"], &case);
    let nos: Vec<&str> = list[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["no"].as_str().unwrap())
        .collect();
    assert_eq!(nos, vec!["E-001", "E-003", "E-004", "E-005"]);

    // Status with a reason and the amount involved.
    hecha()
        .arg("status")
        .arg(&case)
        .args([
            "--allegation",
            &id,
            "partly",
            "--reason",
            "截留属实，管理费说法不成立",
            "--amount",
            "6,000元",
        ])
        .assert()
        .success();
    let list = cli_json(&["allegations"], &case);
    assert_eq!(list[0]["status"], "部分属实");
    assert_eq!(list[0]["amount"], "6000.00");
    hecha()
        .arg("status")
        .arg(&case)
        .args(["--allegation", &id, "属实", "--reason", ""])
        .assert()
        .code(2);
    hecha()
        .arg("status")
        .arg(&case)
        .args(["--allegation", &id, "maybe", "--reason", "x"])
        .assert()
        .code(2);

    // Links survive a rerun of the checks and a reindex.
    cli_json(&["check"], &case);
    hecha()
        .arg("reindex")
        .arg(&case)
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .assert()
        .success();
    let list = cli_json(&["allegations"], &case);
    assert_eq!(list[0]["evidence"].as_array().unwrap().len(), 4);
    assert_eq!(list[0]["evidence"][0]["reference"], finding.as_str());

    // Notes and tags; bad references are clear errors.
    hecha()
        .arg("note")
        .arg(&case)
        .args(["--on", &format!("finding:{finding}"), "已调取银行流水"])
        .assert()
        .success();
    hecha()
        .arg("tag")
        .arg(&case)
        .args(["--on", "row:6:1", "★"])
        .assert()
        .success();
    hecha()
        .arg("note")
        .arg(&case)
        .args(["--on", "nothing", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("类别"));
    hecha()
        .arg("link")
        .arg(&case)
        .args([
            "--allegation",
            &id,
            "--document",
            "举报信_石桥村李春生实名举报刘建国.txt",
            "--quote",
            "不存在的话",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("找不到引文"));
    hecha()
        .arg("link")
        .arg(&case)
        .args(["--allegation", "99", "--person", "430423196204181012"])
        .assert()
        .code(2);
    hecha()
        .arg("link")
        .arg(&case)
        .args(["--allegation", &id, "--row", "征地补偿分配表:999"])
        .assert()
        .code(2);

    // Every change is in the audit log and the chain verifies.
    let log = cli_json(&["log"], &case);
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for a in [
        "allegation.create",
        "link.add",
        "link.remove",
        "allegation.status",
        "note.add",
        "tag.add",
    ] {
        assert!(actions.contains(&a), "{a}");
    }
    hecha().arg("verify").arg(&case).assert().success();
}

#[test]
fn the_person_view_holds_rows_findings_and_the_letters_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    assert_eq!(
        import_json(
            &case,
            &[
                &root.join("letters"),
                &root.join("transcripts"),
                &root.join("ledgers")
            ],
            &[]
        )
        .0,
        0
    );
    cli_json(&["check"], &case);
    let p = cli_json(&["person", "430423196204181012"], &case);
    assert_eq!(p["names"][0], "李春生");
    for role in [
        "allocations",
        "households",
        "land",
        "payments",
        "complaints",
    ] {
        assert!(
            p["rows"][role]
                .as_array()
                .map(|a| !a.is_empty())
                .unwrap_or(false),
            "{role}: {p:#}"
        );
    }
    let docs: Vec<&str> = p["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(
        docs.contains(&"举报信_石桥村李春生实名举报刘建国"),
        "{docs:?}"
    );
    assert!(docs.contains(&"谈话笔录_李春生_20240402"), "{docs:?}");
    assert_eq!(p["findings"][0]["rule"], "compensation-shortfall");
    let dates: Vec<&str> = p["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "the timeline is in date order");
    // A 15-digit old form finds the same person.
    let p15 = cli_json(&["person", "430423620418101"], &case);
    assert_eq!(p15["id_number"], "430423196204181012");
    hecha()
        .arg("person")
        .arg(&case)
        .arg("12345")
        .assert()
        .code(2);
}

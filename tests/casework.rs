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
    // The person view shows the allegation their finding is evidence of.
    let p = cli_json(&["person", "430423196204181012"], &case);
    let links = p["links"].as_array().unwrap();
    assert!(
        links
            .iter()
            .any(|l| l[0].as_i64().map(|x| x.to_string()) == Some(id.clone())),
        "{p:#}"
    );
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

/// Links between every pair of item kinds (allegation, finding, document span,
/// ledger row, person), same kind included, round-trip through link and unlink.
#[test]
fn links_between_every_pair_of_item_kinds_round_trip() {
    use hecha::casework::{self, Endpoint, Item};
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    assert_eq!(
        import_json(&case, &[&root.join("letters"), &root.join("ledgers")], &[]).0,
        0
    );
    let run = cli_json(&["check"], &case);
    let findings: Vec<String> = run["findings"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    let c = hecha::case::Case::open(&case).unwrap();
    let a1 = casework::allege(&c, "线索一", None, None).unwrap();
    let a2 = casework::allege(&c, "线索二", None, None).unwrap();
    let letter = "举报信_石桥村李春生实名举报刘建国.txt";
    // Two items of each kind, so a kind can be linked to itself.
    let items = |k: usize, which: usize| -> Endpoint {
        match k {
            0 => Endpoint::Allegation([a1, a2][which]),
            1 => Endpoint::Item(Item::Finding(findings[which].clone())),
            2 => Endpoint::Item(Item::Document {
                source: letter.into(),
                quote: ["刘建国", "李春生"][which].into(),
            }),
            3 => Endpoint::Item(Item::Row(
                ["征地补偿分配表:1", "征地补偿分配表:2"][which].into(),
            )),
            _ => Endpoint::Item(Item::Person(
                ["430423196204181012", "430424196509021382"][which].into(),
            )),
        }
    };
    let kinds = ["allegation", "finding", "document", "row", "person"];
    let mut made = 0;
    for i in 0..kinds.len() {
        for j in i..kinds.len() {
            let (a, b) = (items(i, 0), items(j, 1));
            let linked = casework::link_pair(&c, &a, &b, "relates", Some("测试"))
                .unwrap_or_else(|e| panic!("{} ↔ {}: {e}", kinds[i], kinds[j]));
            made += 1;
            let one_allegation = (i == 0) != (j == 0);
            assert_eq!(
                linked.catalogue.is_some(),
                one_allegation,
                "{} ↔ {}",
                kinds[i],
                kinds[j]
            );
            let all = casework::links(&c).unwrap();
            let l = all
                .iter()
                .find(|l| l.id == linked.id)
                .unwrap_or_else(|| panic!("{} ↔ {} not listed", kinds[i], kinds[j]));
            let mut got = [l.a.kind.as_str(), l.b.kind.as_str()];
            got.sort();
            let mut want = [kinds[i], kinds[j]];
            want.sort();
            assert_eq!(got, want);
            assert_eq!(l.relation, "relates");
            if kinds[i] == "document" || kinds[j] == "document" {
                assert!(l.a.quote.is_some() || l.b.quote.is_some());
            }
            casework::unlink(&c, linked.id).unwrap();
            assert!(
                casework::links(&c)
                    .unwrap()
                    .iter()
                    .all(|l| l.id != linked.id),
                "{} ↔ {} still listed after unlink",
                kinds[i],
                kinds[j]
            );
            // A removed link cannot be removed twice.
            assert!(casework::unlink(&c, linked.id).is_err());
        }
    }
    assert_eq!(made, 15);
    // An item is not linked to itself; a link needs a known relation.
    assert!(casework::link_pair(&c, &items(3, 0), &items(3, 0), "relates", None).is_err());
    assert!(casework::link_pair(&c, &items(3, 0), &items(4, 0), "maybe", None).is_err());
    // Link ids are one sequence across both kinds of link.
    let x = casework::link_pair(&c, &items(1, 0), &items(3, 0), "supports", None).unwrap();
    let y = casework::link_pair(&c, &items(0, 0), &items(3, 0), "supports", None).unwrap();
    assert_eq!(y.id, x.id + 1);
    // The person view lists the person's cross-links.
    let z = casework::link_pair(&c, &items(4, 0), &items(3, 1), "supports", None).unwrap();
    let p = casework::person(&c, "430423196204181012").unwrap();
    assert!(p.cross_links.iter().any(|l| l.id == z.id));
    assert!(hecha::audit::verify(&c).unwrap().failure.is_none());
    drop(c);

    // The CLI takes any two items and refuses one or three.
    let l = cli_json(
        &[
            "link",
            "--finding",
            &findings[0],
            "--person",
            "430423196204181012",
        ],
        &case,
    );
    assert!(l["catalogue"].is_null());
    let listed = cli_json(&["links"], &case);
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"] == l["id"] && x["b"]["kind"] == "person"));
    hecha()
        .arg("link")
        .arg(&case)
        .args(["--finding", &findings[0]])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("恰好两项"));
    hecha()
        .arg("unlink")
        .arg(&case)
        .arg(l["id"].as_i64().unwrap().to_string())
        .assert()
        .success();
    hecha().arg("verify").arg(&case).assert().success();
}

//! The workbench's views on the command line: `hecha runs` (each rule's
//! latest outcome) and `hecha rows` (a ledger page), human and `--json`.

mod common;

use common::{cli_json, hecha, new_case};

/// A case with the demo township's files imported.
fn township(dir: &std::path::Path) -> std::path::PathBuf {
    let case = new_case(dir);
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("dir");
    hecha::demo::write_sample(&files).expect("sample");
    hecha()
        .arg("import")
        .arg(&case)
        .arg(&files)
        .assert()
        .success();
    case
}

#[test]
fn runs_shows_each_rules_latest_outcome_and_the_last_run() {
    let dir = tempfile::tempdir().expect("tmp");
    let case = township(dir.path());
    let out = hecha().arg("runs").arg(&case).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "no run yet");
    assert!(String::from_utf8_lossy(&out.stderr).contains("hecha check"));

    hecha().arg("check").arg(&case).assert().code(0);
    hecha()
        .args(["check", "--rule", "deceased-paid"])
        .arg(&case)
        .assert()
        .code(0);
    let v = cli_json(&["runs"], &case);
    assert_eq!(v["run_id"], 2);
    assert!(v["started"].as_str().is_some_and(|s| s.len() == 16));
    let rules = v["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 21, "every rule that has run, once");
    let dp = rules
        .iter()
        .find(|r| r["rule"] == "deceased-paid")
        .expect("deceased-paid");
    assert!(dp["findings"].as_u64().is_some_and(|n| n > 0));
    assert_eq!(dp["new"], 0, "the second run finds the same");
    assert!(dp["gone"].as_array().is_some_and(|g| g.is_empty()));
    for key in ["amount", "ms", "skipped", "error", "changed"] {
        assert!(dp.get(key).is_some(), "{key}");
    }

    let out = hecha()
        .args(["--lang", "en", "runs"])
        .arg(&case)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Last run #2 · "), "{text}");
    assert!(text.contains("deceased-paid"), "{text}");
}

#[test]
fn rows_pages_filters_sorts_and_shows_the_normalised_columns() {
    let dir = tempfile::tempdir().expect("tmp");
    let case = township(dir.path());
    let ledger = "村干部名册";
    let all = cli_json(&["rows", ledger, "--limit", "100"], &case);
    let total = all["total"].as_u64().expect("total");
    assert!(total > 5);
    assert_eq!(all["rows"].as_array().map(Vec::len), Some(total as usize));
    assert_eq!(all["columns"][0], "#");
    assert!(all["columns"]
        .as_array()
        .is_some_and(|c| c.iter().any(|c| c == "姓名")));

    let page = cli_json(&["rows", ledger, "--offset", "2", "--limit", "3"], &case);
    assert_eq!(page["total"], total);
    assert_eq!(page["offset"], 2);
    let rows = page["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], "3", "the row number comes first");

    let desc = cli_json(&["rows", ledger, "--sort", "#", "--desc"], &case);
    assert_eq!(
        desc["rows"][0][0], "1",
        "an unknown sort column keeps row order"
    );
    let by_name = cli_json(
        &["rows", ledger, "--sort", "姓名", "--desc", "--limit", "100"],
        &case,
    );
    let names: Vec<String> = by_name["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r[3].as_str().unwrap_or_default().to_string())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(names, sorted);

    let first_name = all["rows"][0][3].as_str().expect("name").to_string();
    let hit = cli_json(&["rows", ledger, "--filter", &first_name], &case);
    assert!(hit["total"].as_u64().is_some_and(|n| n >= 1 && n < total));

    let norm = cli_json(&["rows", ledger, "--normalised", "--limit", "1"], &case);
    assert!(norm["columns"]
        .as_array()
        .is_some_and(|c| c.iter().any(|c| c == "n_id_number")));

    let out = hecha()
        .args(["--lang", "en", "rows"])
        .arg(&case)
        .arg("no-such-ledger")
        .output()
        .expect("rows");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-ledger"));
    let out = hecha()
        .arg("rows")
        .arg(&case)
        .args([ledger, "--limit", "2"])
        .output()
        .expect("rows");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!("{ledger}  1–2 / {total}")),
        "{text}"
    );
}

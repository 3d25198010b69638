//! The audit log: every change appends a hash-chained entry; `hecha verify`
//! proves nothing was altered and names the first entry or document that was.

mod common;

use common::*;
use predicates::prelude::*;

fn sql(case: &std::path::Path, stmt: &str) {
    let c = duckdb::Connection::open(case).unwrap();
    c.execute_batch(stmt).unwrap();
}

fn busy_case(dir: &std::path::Path) -> std::path::PathBuf {
    let case = new_case(dir);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let (code, _) = import_json(&case, &[&root.join("letters"), &root.join("ledgers")], &[]);
    assert_eq!(code, 0);
    let v = cli_json(&["check"], &case);
    let fid = v["findings"][0]["id"].as_str().unwrap().to_string();
    hecha()
        .arg("review")
        .arg(&case)
        .arg(&fid)
        .arg("dismissed")
        .args(["--reason", "已核实无误"])
        .assert()
        .success();
    hecha()
        .arg("programs")
        .arg(&case)
        .args(["--add", "养老金", "--min-age", "60"])
        .assert()
        .success();
    case
}

#[test]
fn every_change_is_logged_and_verify_passes_on_a_fresh_and_a_busy_case() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.duckdb");
    hecha().arg("new").arg(&fresh).assert().success();
    hecha()
        .arg("verify")
        .arg(&fresh)
        .assert()
        .success()
        .stdout(predicate::str::contains("完整"));
    let case = busy_case(&dir.path().join("b").tap_mkdir());
    let out = hecha()
        .arg("log")
        .arg(&case)
        .arg("--json")
        .output()
        .unwrap();
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions[0], "case.create");
    for a in [
        "import.document",
        "import.ledger",
        "checks.run",
        "finding.review",
        "program.add",
    ] {
        assert!(actions.contains(&a), "{a} not logged: {actions:?}");
    }
    assert_eq!(
        actions.iter().filter(|a| **a == "import.ledger").count(),
        13
    );
    hecha().arg("verify").arg(&case).assert().success();
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}
impl TapMkdir for std::path::PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

#[test]
fn altering_or_deleting_an_entry_or_a_document_is_caught_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let case = busy_case(dir.path());
    let n: i64 = query_i64(&case, "SELECT count(*) FROM audit_log");
    assert!(n > 10);
    let copy = |name: &str| {
        let p = dir.path().join(name);
        std::fs::copy(&case, &p).unwrap();
        p
    };
    let altered = copy("altered.duckdb");
    sql(&altered, "UPDATE audit_log SET payload = replace(payload, '已核实无误', '已核实有误') WHERE action = 'finding.review'");
    let seq = query_i64(
        &altered,
        "SELECT seq FROM audit_log WHERE action = 'finding.review'",
    );
    hecha()
        .arg("verify")
        .arg(&altered)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("第 {seq} 条被改动")));

    let deleted = copy("deleted.duckdb");
    sql(&deleted, "DELETE FROM audit_log WHERE seq = 3");
    hecha()
        .arg("verify")
        .arg(&deleted)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("第 3 条缺失"));

    let truncated = copy("truncated.duckdb");
    sql(
        &truncated,
        &format!("DELETE FROM audit_log WHERE seq = {n}"),
    );
    hecha()
        .arg("verify")
        .arg(&truncated)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("第 {n} 条缺失")));

    let doc = copy("doc.duckdb");
    sql(
        &doc,
        "UPDATE documents SET text = text || '（补记）' WHERE id = 2",
    );
    hecha()
        .arg("verify")
        .arg(&doc)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("文书 #2"));

    hecha()
        .arg("--lang")
        .arg("en")
        .arg("verify")
        .arg(&altered)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("altered"));
}

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

/// Stock DuckDB, not hecha, edits a stored payload by one byte of
/// whitespace: the JSON means the same, but the stored bytes changed.
#[test]
fn a_whitespace_edit_of_a_stored_payload_is_caught_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    sql(
        &case,
        "UPDATE audit_log SET payload = payload || ' ' WHERE seq = 1",
    );
    hecha()
        .arg("verify")
        .arg(&case)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("第 1 条被改动"));
}

/// The hash scheme before schema 7: SHA-256 over the previous hash and the
/// entry as re-serialised JSON.
fn scheme_1_hash(
    prev: &str,
    seq: i64,
    at: &str,
    user: &str,
    action: &str,
    payload: &str,
) -> String {
    use sha2::{Digest, Sha256};
    let payload: serde_json::Value = serde_json::from_str(payload).unwrap();
    let canonical = serde_json::json!({ "seq": seq, "at": at, "user": user, "action": action, "payload": payload }).to_string();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(canonical.as_bytes());
    hex::encode(h.finalize())
}

/// Turns a case back into one made before schema 7 (scheme-1 hashes, no
/// scheme column), as an older hecha left it.
fn make_scheme_1(case: &std::path::Path) {
    let c = duckdb::Connection::open(case).unwrap();
    let rows: Vec<(i64, String, String, String, String)> = c
        .prepare("SELECT seq, logged_at, os_user, action, payload FROM audit_log ORDER BY seq")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev = "0".repeat(64);
    for (seq, at, user, action, payload) in &rows {
        let hash = scheme_1_hash(&prev, *seq, at, user, action, payload);
        c.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
            duckdb::params![prev, hash, seq],
        )
        .unwrap();
        prev = hash;
    }
    c.execute("UPDATE audit_head SET hash = ?", [&prev])
        .unwrap();
    c.execute_batch(
        "ALTER TABLE audit_log DROP COLUMN scheme; DELETE FROM hecha_migrations WHERE version >= 7",
    )
    .unwrap();
}

#[test]
fn a_case_made_before_the_switch_keeps_verifying_and_records_the_switch() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    make_scheme_1(&case);
    // Opening it for writing migrates it: the chain records the new scheme.
    hecha()
        .arg("allege")
        .arg(&case)
        .arg("反映村干部优亲厚友")
        .assert()
        .success();
    hecha()
        .arg("verify")
        .arg(&case)
        .assert()
        .success()
        .stdout(predicate::str::contains("完整"));
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
    assert_eq!(
        actions,
        ["case.create", "audit.scheme", "allegation.create"]
    );
    // From the switch on, a whitespace edit is caught.
    sql(
        &case,
        "UPDATE audit_log SET payload = payload || ' ' WHERE seq = 3",
    );
    hecha()
        .arg("verify")
        .arg(&case)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("第 3 条被改动"));
}

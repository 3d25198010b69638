//! The hostile input corpus (tests/corpus/files, made by make_corpus.py) plus
//! files too large to commit: every file imports correctly or fails with a
//! clear error naming it; never a panic, never more than 10 s, bounded memory,
//! and the case unchanged on error.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;

/// Peak resident memory of any finished child process, in KiB.
fn children_max_rss_kib() -> i64 {
    // SAFETY: getrusage writes into the struct we pass and nothing else.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
        u.ru_maxrss
    }
}

fn big_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    // 100,000 columns.
    let p = dir.join("big_100000_columns.csv");
    let header: Vec<String> = (0..100_000).map(|i| format!("c{i}")).collect();
    let row: Vec<&str> = (0..100_000).map(|_| "1").collect();
    std::fs::write(&p, format!("{}\n{}\n", header.join(","), row.join(","))).unwrap();
    out.push(p);
    // A 50 MB single line, as a ledger and as a letter.
    let p = dir.join("big_50mb_line.csv");
    let mut s = String::from("姓名,备注\n张三,");
    s.push_str(&"很".repeat(50 * 1024 * 1024 / 3));
    s.push('\n');
    std::fs::write(&p, &s).unwrap();
    out.push(p);
    let p = dir.join("big_50mb_line.txt");
    std::fs::write(&p, "举".repeat(50 * 1024 * 1024 / 3)).unwrap();
    out.push(p);
    out
}

#[test]
fn every_hostile_file_imports_or_fails_cleanly_and_a_failure_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/files");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 100, "{} corpus files", files.len());
    let big = tempfile::tempdir().unwrap();
    files.extend(big_files(big.path()));

    let (mut ok, mut failed) = (0, 0);
    let mut slowest = (Duration::ZERO, String::new());
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let before = footprint(&case);
        let started = Instant::now();
        let out = hecha()
            .arg("import")
            .arg(&case)
            .arg(f)
            .arg("--json")
            .env("HECHA_LANG", "zh-CN")
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let took = started.elapsed();
        if took > slowest.0 {
            slowest = (took, name.clone());
        }
        let code = out.status.code();
        assert!(
            matches!(code, Some(0) | Some(2)),
            "{name}: exit {code:?} (a panic is 101, a signal none)\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(took < Duration::from_secs(10), "{name} took {took:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{name}: not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        });
        let report = &v[0];
        match report["status"].as_str() {
            Some("imported") | Some("duplicate") => ok += 1,
            Some("error") => {
                failed += 1;
                let e = report["error"].as_str().unwrap_or_default();
                assert!(!e.is_empty(), "{name}: an error without a message");
                assert_eq!(
                    footprint(&case),
                    before,
                    "{name} failed but changed the case: {e}"
                );
            }
            other => panic!("{name}: status {other:?} in {v}"),
        }
    }
    let rss = children_max_rss_kib();
    eprintln!(
        "corpus: {} files, {ok} imported, {failed} refused; slowest {} in {:?}; peak child RSS {} MiB",
        files.len(),
        slowest.1,
        slowest.0,
        rss / 1024
    );
    assert!(rss < 3 * 1024 * 1024, "peak memory {} MiB", rss / 1024);
    assert!(ok > 10 && failed > 30, "imported {ok}, refused {failed}");
    hecha().arg("verify").arg(&case).assert().success();
}

//! Confidentiality and integrity: encrypted cases leave no plaintext on disk,
//! wrong passphrases and damaged files are clear errors, one writer at a time
//! with read-only lookers, and hostile names never become SQL.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use predicates::prelude::*;

const PASS: &str = "correct horse battery staple";

/// A RAM-backed directory, or None when this machine has no /dev/shm on tmpfs.
fn ram_base() -> Option<tempfile::TempDir> {
    let shm = Path::new("/dev/shm");
    let mounts = std::fs::read_to_string("/proc/mounts").ok()?;
    let on_tmpfs = mounts
        .lines()
        .any(|l| l.split_whitespace().nth(1) == Some("/dev/shm") && l.contains("tmpfs"));
    if !shm.is_dir() || !on_tmpfs {
        eprintln!("no tmpfs at /dev/shm: the first-scheme migration test is skipped");
        return None;
    }
    tempfile::Builder::new()
        .prefix("hecha-test-")
        .tempdir_in(shm)
        .ok()
}

/// True when the file's DuckDB header says it is encrypted.
fn duckdb_encrypted(path: &Path) -> bool {
    let b = std::fs::read(path).unwrap();
    &b[8..12] == b"DUCK" && b[20] & 1 == 1
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn an_encrypted_case_leaves_no_plaintext_on_disk_and_refuses_wrong_passphrases() {
    // As on Windows: no RAM file system at all.
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("加密案件.duckdb");
    let cache = dir.path().join("cache");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let run = |args: &[&str]| {
        let mut c = hecha();
        c.args(args)
            .env("HECHA_PASSPHRASE", PASS)
            .env("HECHA_NO_RAM_DIR", "1")
            .env("XDG_CACHE_HOME", &cache)
            .env("HECHA_LANG", "zh-CN");
        c
    };
    let case_s = case.to_str().unwrap();
    run(&["new", case_s, "--encrypt", "--as-of", "2024-06-30"])
        .assert()
        .success();
    assert!(duckdb_encrypted(&case), "DuckDB's own encryption");
    run(&[
        "import",
        case_s,
        root.join("letters").to_str().unwrap(),
        root.join("ledgers").to_str().unwrap(),
    ])
    .assert()
    .success();
    run(&["check", case_s]).assert().success();
    run(&["search", case_s, "李春生"])
        .assert()
        .success()
        .stdout(predicate::str::contains("李春生"));
    run(&["allege", case_s, "刘建国截留李春生补偿款"])
        .assert()
        .success();
    run(&["verify", case_s]).assert().success();

    // Nothing readable anywhere on disk: not in the case file or its WAL,
    // not in the spill folder, not in the search index (which is there,
    // encrypted, in the cache).
    let secrets = [
        "李春生",
        "430423196204181012",
        "铁塔",
        "信访",
        "hecha_migrations",
    ];
    let files = files_under(dir.path());
    assert!(
        files
            .iter()
            .any(|f| f.to_string_lossy().contains(".sealed")),
        "the index is kept, encrypted: {files:?}"
    );
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for s in secrets {
            assert!(!contains(&bytes, s), "{s} in {}", f.display());
        }
    }
    let head = std::fs::read(&case).unwrap();

    // A wrong passphrase, none at all, a short one: clear errors, nothing changed.
    run(&["info", case_s])
        .env("HECHA_PASSPHRASE", "wrong passphrase")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("口令不正确"));
    run(&["allege", case_s, "x"])
        .env("HECHA_PASSPHRASE", "wrong passphrase")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("口令不正确"));
    run(&["info", case_s])
        .env_remove("HECHA_PASSPHRASE")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("HECHA_PASSPHRASE"));
    run(&[
        "new",
        dir.path().join("短.duckdb").to_str().unwrap(),
        "--encrypt",
    ])
    .env("HECHA_PASSPHRASE", "short")
    .assert()
    .code(2)
    .stderr(predicate::str::contains("至少"));
    assert_eq!(std::fs::read(&case).unwrap(), head);

    // The search index under another key, or tampered with, is not trusted:
    // it is rebuilt, and search still answers.
    for f in files_under(&cache) {
        if f.to_string_lossy().contains(".sealed") && f.ends_with("hecha-manifest.json") {
            let mut b = std::fs::read(&f).unwrap();
            let n = b.len() - 3;
            b[n] ^= 1;
            std::fs::write(&f, b).unwrap();
        }
    }
    run(&["search", case_s, "李春生"])
        .assert()
        .success()
        .stdout(predicate::str::contains("李春生"));

    // Decrypt, use as a plain case, encrypt again: the audit chain holds throughout.
    run(&["decrypt", case_s]).assert().success();
    assert!(!duckdb_encrypted(&case));
    hecha()
        .args(["info", case_s])
        .env_remove("HECHA_PASSPHRASE")
        .assert()
        .success();
    run(&["encrypt", case_s]).assert().success();
    assert!(duckdb_encrypted(&case));
    let log = run(&["log", case_s, "--json"]).output().unwrap();
    let log: serde_json::Value = serde_json::from_slice(&log.stdout).unwrap();
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"case.decrypt") && actions.contains(&"case.encrypt"));
    run(&["verify", case_s]).assert().success();

    // One writer; a looker reads a copy of the (still encrypted) file.
    let writer = hecha::Case::open_with(&case, &|_| Ok(PASS.to_string())).unwrap();
    run(&["allege", case_s, "x"]).assert().code(2);
    let info = run(&["info", case_s, "--json"]).output().unwrap();
    assert!(
        info.status.success(),
        "{}",
        String::from_utf8_lossy(&info.stderr)
    );
    drop(writer);
    for f in files_under(dir.path()) {
        let bytes = std::fs::read(&f).unwrap();
        assert!(!contains(&bytes, "李春生"), "李春生 in {}", f.display());
    }
}

#[test]
fn a_case_encrypted_by_the_first_scheme_opens_and_migrates() {
    let Some(ram) = ram_base() else { return };
    let dir = tempfile::tempdir().unwrap();
    let plain = new_case(dir.path());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    import_json(
        &plain,
        &[&root
            .join("letters")
            .join("举报信_石桥村李春生实名举报刘建国.txt")],
        &[],
    );
    let docs = query_i64(&plain, "SELECT count(*) FROM documents");
    // The first scheme: the whole file, XChaCha20-Poly1305 under Argon2id.
    let old = dir.path().join("旧加密.duckdb");
    let kdf = hecha::store::crypt::Kdf::new().unwrap();
    let key = kdf.derive(PASS).unwrap();
    hecha::store::crypt::encrypt_file(&plain, &old, &key, &kdf).unwrap();
    assert_eq!(&std::fs::read(&old).unwrap()[..8], b"HECHAENC");
    let old_s = old.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut c = hecha();
        c.args(args)
            .env("HECHA_PASSPHRASE", PASS)
            .env("HECHA_RAM_DIR", ram.path())
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .env("HECHA_LANG", "zh-CN");
        c
    };
    // Read-only: it opens as it is.
    run(&["info", old_s]).assert().success();
    assert_eq!(&std::fs::read(&old).unwrap()[..8], b"HECHAENC");
    // For writing: it becomes a DuckDB-encrypted case, logged, nothing lost.
    run(&["allege", old_s, "刘建国截留补偿款"])
        .assert()
        .success();
    assert!(duckdb_encrypted(&old));
    let log = run(&["log", old_s, "--json"]).output().unwrap();
    let log: serde_json::Value = serde_json::from_slice(&log.stdout).unwrap();
    assert!(log
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "case.encryption_migrated"));
    let info = run(&["info", old_s, "--json"]).output().unwrap();
    let info: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(info["documents"][0]["count"], docs);
    run(&["verify", old_s]).assert().success();
    run(&["search", old_s, "李春生"])
        .assert()
        .success()
        .stdout(predicate::str::contains("李春生"));
    assert!(files_under(ram.path()).is_empty(), "RAM directory cleaned");
    assert!(!dir.path().join(".旧加密.duckdb.lock").exists());
    // Without a RAM file system a first-scheme case is refused, in words.
    hecha::store::crypt::encrypt_file(&plain, &old, &key, &kdf).unwrap();
    run(&["info", old_s])
        .env("HECHA_NO_RAM_DIR", "1")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("旧格式"));
}

#[test]
fn one_writer_at_a_time_and_read_only_lookers_see_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_case(dir.path());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let (_, v) = import_json(&path, &[&root.join("letters")], &[]);
    // Scans and photos need OCR; whatever went in is what lookers must see.
    let letters = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "imported")
        .count();
    assert!(letters >= 4, "{v}");
    // A writer holds the case…
    let writer = hecha::Case::open(&path).unwrap();
    // …a second writer is told so, by name and process…
    hecha()
        .args(["allege"])
        .arg(&path)
        .arg("x")
        .env("HECHA_LANG", "zh-CN")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("另一个 hecha 进程"));
    // …and read-only lookers still see it, from a snapshot: the CLI…
    let info = cli_json(&["info"], &path);
    assert_eq!(info["documents"][0]["count"], letters, "{info}");
    // …and the library.
    {
        let look = hecha::Case::open_read_only(&path).unwrap();
        let n: i64 = look.query_text("SELECT count(*) FROM documents").unwrap()[0][0]
            .as_deref()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(n as usize, letters);
        // Changes are refused in words.
        let err = hecha::casework::allege(&look, "x", None, None).unwrap_err();
        assert_eq!(err.key(), Some("case.read_only"), "{err}");
    }
    drop(writer);
    hecha().arg("verify").arg(&path).assert().success();
}

#[test]
fn hostile_file_and_column_names_are_stored_verbatim_and_never_run_as_sql() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_case(dir.path());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/files");
    // Hostile file names, each with its own rows (identical bytes would be duplicates).
    let mut files: Vec<PathBuf> = Vec::new();
    for (i, name) in [
        "\"; DROP TABLE ledgers; --.csv",
        "名单'; DELETE FROM documents;--.csv",
        "a\"b'c`d.csv",
    ]
    .iter()
    .enumerate()
    {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            format!("姓名,身份证号码,补贴项目,发放年月,发放金额(元)\n张{i},430423195003051233,低保,2023年5月,100\n"),
        )
        .unwrap();
        files.push(p);
    }
    files.push(corpus.join("csv_hostile_column_names.csv"));
    files.push(corpus.join("xlsx_hostile_headers.xlsx"));
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let (code, reports) = import_json(&path, &refs, &[]);
    assert_eq!(code, 0, "{reports:#}");
    // The names are data: stored as they were, every table still there.
    let stored = query_strings(&path, "SELECT name FROM ledgers ORDER BY id");
    let stored: Vec<String> = stored.into_iter().filter_map(|r| r[0].clone()).collect();
    assert!(
        stored.iter().any(|n| n == "\"; DROP TABLE ledgers; --"),
        "{stored:?}"
    );
    assert!(
        stored
            .iter()
            .any(|n| n == "名单'; DELETE FROM documents;--"),
        "{stored:?}"
    );
    assert_eq!(query_i64(&path, "SELECT count(*) FROM ledgers"), 5);
    let columns = query_strings(
        &path,
        "SELECT columns FROM ledgers WHERE name = 'csv_hostile_column_names'",
    );
    let columns = columns[0][0].clone().unwrap_or_default();
    assert!(columns.contains("DROP TABLE ledgers"), "{columns}");
    // The views over them answer, and the checks run.
    assert_eq!(query_i64(&path, "SELECT count(*) FROM v_payments"), 3);
    cli_json(&["check"], &path);
    hecha().arg("verify").arg(&path).assert().success();
}

//! The shape of the code base, checked on every test run so it stays as
//! docs/ARCHITECTURE.md draws it: small files, SQL only in the storage layer,
//! and layers that import downward only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files() -> Vec<(String, String)> {
    let mut v = Vec::new();
    rust_files(&src(), &mut v);
    v.sort();
    v.into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(src())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn no_source_file_is_over_600_lines() {
    let long: Vec<String> = files()
        .into_iter()
        .map(|(f, t)| (f, t.lines().count()))
        .filter(|(_, n)| *n > 600)
        .map(|(f, n)| format!("{f}: {n}"))
        .collect();
    assert!(long.is_empty(), "files over 600 lines: {long:?}");
}

/// The text of every string literal in `code` (normal and raw), comments skipped.
fn string_literals(code: &str) -> Vec<String> {
    let b: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '\'' {
            // A char literal ('"', '\'') or a lifetime: skip it whole.
            if b.get(i + 2) == Some(&'\'') {
                i += 3;
            } else if b.get(i + 1) == Some(&'\\') && b.get(i + 3) == Some(&'\'') {
                i += 4;
            } else {
                i += 1;
            }
        } else if c == 'r'
            && (b.get(i + 1) == Some(&'#') || b.get(i + 1) == Some(&'"'))
            && (i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '_'))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            j += 1;
            let start = j;
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = b[start..].iter().collect();
            let end = rest
                .find(&close)
                .map(|e| start + rest[..e].chars().count())
                .unwrap_or(b.len());
            out.push(b[start..end].iter().collect());
            i = end + close.len();
        } else if c == '"' {
            let mut j = i + 1;
            let mut s = String::new();
            while j < b.len() && b[j] != '"' {
                if b[j] == '\\' {
                    j += 1;
                }
                if let Some(ch) = b.get(j) {
                    s.push(*ch);
                }
                j += 1;
            }
            out.push(s);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn looks_like_sql(s: &str) -> bool {
    let words = [
        "SELECT ",
        "INSERT INTO",
        "UPDATE ",
        "DELETE FROM",
        "CREATE TABLE",
        "CREATE VIEW",
        "CREATE OR REPLACE",
        "ALTER TABLE",
        "DROP TABLE",
        "DROP VIEW",
        "BEGIN TRANSACTION",
        "COMMIT",
        "ROLLBACK",
        "CHECKPOINT",
        "SET memory_limit",
        " FROM ",
        " WHERE ",
    ];
    let t = s.trim_start();
    words.iter().any(|w| {
        t.starts_with(w.trim_start()) && w.trim() == w.trim_end() && t.len() >= w.trim().len()
    }) || (s.contains("SELECT ") && s.contains(" FROM "))
}

#[test]
fn sql_is_written_only_in_the_storage_layer() {
    let mut found = Vec::new();
    for (f, text) in files() {
        if f.starts_with("store/") {
            continue;
        }
        for lit in string_literals(&text) {
            if looks_like_sql(&lit) {
                found.push(format!("{f}: {}", lit.chars().take(60).collect::<String>()));
            }
        }
    }
    assert!(found.is_empty(), "SQL outside src/store/: {found:#?}");
}

/// The top-level module a file belongs to (`store/audit.rs` → `store`).
fn module_of(file: &str) -> String {
    let first = file.split('/').next().unwrap_or(file);
    first.trim_end_matches(".rs").to_string()
}

/// The first segment of every `crate::…` path in `code`, braces opened.
fn crate_paths(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + 7..];
        if let Some(inner) = rest.strip_prefix('{') {
            let end = inner.find('}').unwrap_or(inner.len());
            // Nested groups are rare at the first level; each part's head is enough.
            for part in inner[..end].split(',') {
                out.push(ident(part));
            }
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

#[test]
fn modules_import_each_other_without_cycles() {
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let modules: BTreeSet<String> = files()
        .iter()
        .map(|(f, _)| module_of(f))
        .filter(|m| m != "lib" && m != "main")
        .collect();
    for (f, text) in files() {
        let m = module_of(&f);
        if m == "lib" || m == "main" || m == "cli" {
            continue;
        }
        let body = text.split("#[cfg(test)]").next().unwrap_or("");
        for used in crate_paths(body) {
            if used != m && modules.contains(&used) {
                deps.entry(m.clone()).or_default().insert(used);
            }
        }
    }
    // Depth-first search for a cycle, reporting the first one found.
    fn visit(
        m: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut cycle = path[i..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for d in deps.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, deps, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in deps.keys() {
        let cycle = visit(m, &deps, &mut Vec::new(), &mut done);
        assert!(cycle.is_none(), "import cycle: {:?}\nall: {deps:#?}", cycle);
    }
}

#[test]
fn the_connection_never_leaves_the_storage_layer() {
    for (f, text) in files() {
        if f.starts_with("store/") {
            continue;
        }
        let body = text.split("#[cfg(test)]").next().unwrap_or("");
        assert!(!body.contains(".conn()"), "{f} reaches for the connection");
        assert!(
            !body.contains("duckdb::Connection"),
            "{f} names a connection"
        );
    }
}

//! The county review pack: the subset case verifies against the head it
//! names (and the full case), opens read-only in hecha and in a stock
//! DuckDB, holds exactly the rows the clue needs, keeps every quoted passage
//! on its text, and — redacted — leaks no informant name or full ID number
//! in any file or any text column.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{docx_text, hecha, worked};
use hecha::casework::{self, Item};
use hecha::export::redact::Redactor;

/// The worked clue of tests/docs.rs, with a transcript and a ledger row too.
fn worked_more(dir: &Path) -> (hecha::Case, String, i64) {
    let (case, _, number) = worked(dir);
    let a = hecha::register::clue(&case, &number, None)
        .unwrap()
        .problems[0]
        .id;
    casework::link(
        &case,
        a,
        &Item::Document {
            source: "谈话笔录_刘建国_20240410.txt".into(),
            quote: "我跟会计唐秀芳说先付李春生4000元".into(),
        },
        "supports",
        None,
    )
    .unwrap();
    casework::link(
        &case,
        a,
        &Item::Row("征地补偿分配表:3".into()),
        "relates",
        None,
    )
    .unwrap();
    casework::notes::note(&case, &format!("allegation:{a}"), "李春生反映属实，待核对").unwrap();
    (case, number, a)
}

fn count(case: &hecha::Case, sql: &str) -> i64 {
    case.query_text(sql).unwrap()[0][0]
        .as_deref()
        .unwrap()
        .parse()
        .unwrap()
}

/// (ledger name, row) the clue's links and linked findings cite, in the full case.
fn cited_rows(case: &hecha::Case, number: &str) -> BTreeSet<(String, i64)> {
    let clue = hecha::register::clue(case, number, None).unwrap();
    let (_, _, findings) = hecha::checks::latest_findings(case, None).unwrap().unwrap();
    let names: std::collections::HashMap<i64, String> = case
        .info()
        .unwrap()
        .ledgers
        .into_iter()
        .map(|l| (l.id as i64, l.name))
        .collect();
    let mut out = BTreeSet::new();
    for e in clue.problems.iter().flat_map(|p| p.evidence.iter()) {
        match e.kind.as_str() {
            "row" => {
                let (l, r) = e.reference.split_once(':').unwrap();
                out.insert((
                    names[&l.parse::<i64>().unwrap()].clone(),
                    r.parse().unwrap(),
                ));
            }
            "finding" => {
                let f = findings.iter().find(|f| f.id == e.reference).unwrap();
                let ev = serde_json::to_value(&f.evidence).unwrap();
                for c in ev.as_array().unwrap() {
                    out.insert((
                        c["ledger"].as_str().unwrap().to_string(),
                        c["row"].as_i64().unwrap(),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_subset_verifies_opens_read_only_and_holds_exactly_the_cited_rows() {
    let dir = tempfile::tempdir().unwrap();
    let (case, number, _) = worked_more(dir.path());
    let out = dir.path().join("送审包");
    let report = hecha::pack::write(&case, &number, &out, true).unwrap();
    let subset = out.join(hecha::pack::SUBSET);

    // Opened for writing, it is still read-only: a change is refused in words.
    let sub = hecha::Case::open(&subset).unwrap();
    assert!(sub.is_pack());
    let refused = casework::notes::note(&sub, "allegation:1", "x").unwrap_err();
    assert!(refused.to_string().contains("送审包"), "{refused}");

    // The chain runs from entry 1 to the full case's head, which it names.
    let v = hecha::audit::verify(&sub).unwrap();
    assert!(v.failure.is_none(), "{:?}", v.failure);
    let p = v.pack.clone().unwrap();
    assert_eq!(p.clue, number);
    assert_eq!(p.source_id, case.id());
    assert_eq!(v.entries, p.head_seq);
    assert!(p.carriage.whole > 0 && p.carriage.omitted > 0);
    assert_eq!(p.carriage.unproven_to, None);
    let full = hecha::audit::entries(&case).unwrap();
    assert_eq!(full[p.head_seq as usize - 1].hash, p.head_hash);
    // The full case recorded the cut, with the manifest's hash.
    let cut = full.last().unwrap();
    assert_eq!(cut.action, "pack.cut");
    let manifest = std::fs::read(out.join(hecha::pack::MANIFEST)).unwrap();
    assert_eq!(
        cut.payload["manifest_sha256"].as_str().unwrap(),
        hecha::audit::sha256_hex(&manifest)
    );
    let check = hecha::pack::check_source(&sub, &case, Some(&manifest)).unwrap();
    assert!(check.ok(), "{check:?}");
    assert!(!hecha::pack::check_source(&sub, &case, Some(b"{}"))
        .unwrap()
        .ok());

    // Exactly the cited rows, plus the subjects' own roster rows.
    let cited = cited_rows(&case, &number);
    assert!(cited.len() >= 3, "{cited:?}");
    let subject_rows: i64 = ["v_cadres", "v_officials", "v_households", "v_deaths"]
        .iter()
        .map(|v| {
            count(
                &case,
                &format!("SELECT count(*) FROM {v} WHERE id_number = '430423196505051019'"),
            )
        })
        .sum();
    let info = sub.info().unwrap();
    let held: i64 = info
        .ledgers
        .iter()
        .map(|l| count(&sub, &format!("SELECT count(*) FROM \"{}\"", l.table)))
        .sum();
    assert_eq!(held as usize, report.rows);
    assert_eq!(report.cited_rows, cited.len());
    // A row both cited and the subject's own counts once.
    assert!(held <= cited.len() as i64 + subject_rows && held >= cited.len() as i64);
    for (ledger, row) in &cited {
        let l = info.ledgers.iter().find(|l| &l.name == ledger).unwrap();
        assert_eq!(
            count(
                &sub,
                &format!("SELECT count(*) FROM \"{}\" WHERE _row = {row}", l.table)
            ),
            1,
            "{ledger} #{row}"
        );
    }
    assert_eq!(count(&sub, "SELECT count(*) FROM clues"), 1);
    assert_eq!(count(&sub, "SELECT count(*) FROM documents"), 2);
    assert_eq!(count(&sub, "SELECT count(*) FROM findings"), 1);
    assert_eq!(count(&sub, "SELECT count(*) FROM notes"), 1);

    // Every quoted passage still points at its (redacted) words.
    let clue = hecha::register::clue(&sub, &number, None).unwrap();
    let mut quotes = 0;
    for e in clue.problems.iter().flat_map(|p| p.evidence.iter()) {
        if e.kind == "document" {
            let mut parts = e.reference.split(':');
            let id = parts.next().unwrap();
            let s: usize = parts.next().unwrap().parse().unwrap();
            let t: usize = parts.next().unwrap().parse().unwrap();
            let text = casework::document_text(&sub, id, None).unwrap().text;
            let got: String = text.chars().skip(s).take(t - s).collect();
            assert_eq!(Some(got), e.quote.clone());
            quotes += 1;
        }
    }
    assert_eq!(quotes, 2);
    drop(sub);

    // A stock DuckDB reads it, read-only.
    let config = duckdb::Config::default()
        .access_mode(duckdb::AccessMode::ReadOnly)
        .unwrap();
    let stock = duckdb::Connection::open_with_flags(&subset, config).unwrap();
    let clues: i64 = stock
        .query_row("SELECT count(*) FROM clues", [], |r| r.get(0))
        .unwrap();
    assert_eq!(clues, 1);
    drop(stock);

    // The CLI verifies it against the full case, and searches it.
    case.checkpoint().unwrap();
    hecha()
        .arg("verify")
        .arg(&subset)
        .arg("--source")
        .arg(case.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("送审包（线索"))
        .stdout(predicates::str::contains("与原案件核对一致"));
    hecha()
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .arg("search")
        .arg(&subset)
        .arg("机耕道")
        .assert()
        .success()
        .stdout(predicates::str::contains("谈话笔录_刘建国"));

    // The volume: the index first, the report, the transcripts before the
    // letters, the ledgers, the findings; each with its pages.
    let names: Vec<&str> = report.files.iter().map(|f| f.name.as_str()).collect();
    assert!(names[0].contains("卷内文件目录"), "{names:?}");
    assert!(names[1].contains("初步核实情况报告"), "{names:?}");
    let at = |w: &str| names.iter().position(|n| n.contains(w)).unwrap();
    assert!(at("谈话笔录") < at("举报信"));
    assert!(at("举报信") < at("台账摘录"));
    assert!(at("台账摘录") < at("数据比对发现"));
    let index = docx_text(&std::fs::read(out.join(names[0])).unwrap());
    for f in &report.files[1..] {
        if let Some(pages) = &f.pages {
            assert!(index.contains(pages.as_str()), "{pages} in {index}");
        }
    }
    // The manifest names every file with its hash.
    let m: serde_json::Value = serde_json::from_slice(&manifest).unwrap();
    for f in m["files"].as_array().unwrap() {
        let bytes = std::fs::read(out.join(f["name"].as_str().unwrap())).unwrap();
        assert_eq!(
            f["sha256"].as_str().unwrap(),
            hecha::audit::sha256_hex(&bytes)
        );
    }
}

/// Every text a pack holds: each file (a .docx's every part), and every text
/// column of every table of the subset case.
fn pack_texts(out: &Path) -> Vec<(String, String)> {
    use std::io::Read;
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        if name.ends_with(".docx") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                let mut s = String::new();
                part.read_to_string(&mut s).unwrap();
                texts.push((format!("{name}/{}", part.name()), s));
            }
        } else {
            texts.push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    let sub = hecha::Case::open_read_only(&out.join(hecha::pack::SUBSET)).unwrap();
    let columns = sub
        .query_text(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' \
             AND data_type = 'VARCHAR' AND table_name IN (SELECT table_name FROM duckdb_tables())",
        )
        .unwrap();
    assert!(columns.len() > 50, "{}", columns.len());
    for c in columns {
        let (t, col) = (c[0].clone().unwrap(), c[1].clone().unwrap());
        for row in sub
            .query_text(&format!(
                "SELECT \"{col}\" FROM \"{t}\" WHERE \"{col}\" IS NOT NULL"
            ))
            .unwrap()
        {
            texts.push((format!("{t}.{col}"), row[0].clone().unwrap()));
        }
    }
    texts
}

/// Every full ID number the case holds: in its ledgers, documents and subjects.
fn case_ids(case: &hecha::Case) -> BTreeSet<String> {
    let re = regex::Regex::new(r"(?:^|[^0-9])([0-9]{17}[0-9Xx])(?:[^0-9]|$)").unwrap();
    let mut sql: Vec<String> = case
        .info()
        .unwrap()
        .ledgers
        .iter()
        .map(|l| format!("SELECT CAST(COLUMNS(*) AS VARCHAR) FROM \"{}\"", l.table))
        .collect();
    sql.push("SELECT text FROM documents".into());
    sql.push("SELECT id_number FROM clue_subjects".into());
    let mut ids = BTreeSet::new();
    for q in sql {
        for row in case.query_text(&q).unwrap() {
            for cell in row.into_iter().flatten() {
                for c in re.captures_iter(&cell) {
                    ids.insert(c[1].to_string());
                }
            }
        }
    }
    ids
}

#[test]
fn a_redacted_pack_leaks_no_informant_name_or_id_number() {
    let dir = tempfile::tempdir().unwrap();
    let (case, number, _) = worked_more(dir.path());
    let informants: Vec<String> = Redactor::from_case(&case)
        .unwrap()
        .informants()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert!(informants.contains(&"李春生".to_string()), "{informants:?}");
    let ids = case_ids(&case);
    assert!(ids.len() > 50, "{}", ids.len());

    let out = dir.path().join("redacted");
    hecha::pack::write(&case, &number, &out, true).unwrap();
    let texts = pack_texts(&out);
    for (place, text) in &texts {
        for name in &informants {
            assert!(!text.contains(name.as_str()), "{name} in {place}");
        }
        for id in &ids {
            assert!(!text.contains(id.as_str()), "{id} in {place}");
        }
    }
    assert!(texts.iter().any(|(_, t)| t.contains("举报人")));

    // Unredacted (audited), the same scan finds them: it looks in the right places.
    let plain = dir.path().join("plain");
    let r = hecha::pack::write(&case, &number, &plain, false).unwrap();
    assert!(!r.redacted);
    let texts = pack_texts(&plain);
    assert!(texts.iter().any(|(_, t)| t.contains("李春生")));
    assert!(texts.iter().any(|(_, t)| t.contains("430423196204181012")));
    let last = hecha::audit::entries(&case).unwrap().pop().unwrap();
    assert_eq!(last.action, "pack.cut");
    assert_eq!(last.payload["redacted"], serde_json::json!(false));
}

#[test]
fn an_altered_pack_fails_verification() {
    let dir = tempfile::tempdir().unwrap();
    let (case, number, _) = worked_more(dir.path());
    let out = dir.path().join("pack");
    let report = hecha::pack::write(&case, &number, &out, true).unwrap();
    let subset = out.join(hecha::pack::SUBSET);
    let tamper = |sql: &str| {
        let copy = dir.path().join("tampered.duckdb");
        std::fs::copy(&subset, &copy).unwrap();
        duckdb::Connection::open(&copy)
            .unwrap()
            .execute_batch(sql)
            .unwrap();
        let c = hecha::Case::open_read_only(&copy).unwrap();
        let v = hecha::audit::verify(&c).unwrap();
        std::fs::remove_file(&copy).unwrap();
        v.failure
    };
    // A whole entry's payload, an omitted entry's digest, the head: each is caught.
    let whole = tamper(
        "UPDATE audit_log SET payload = payload || ' ' WHERE seq = (SELECT min(seq) FROM audit_log WHERE carried = 'whole' AND action = 'link.add')",
    );
    assert!(
        matches!(whole, Some(hecha::audit::Failure::Altered { .. })),
        "{whole:?}"
    );
    let omitted = tamper(
        "UPDATE audit_log SET digest = repeat('0', 64) WHERE seq = (SELECT min(seq) FROM audit_log WHERE carried = 'omitted')",
    );
    assert!(
        matches!(omitted, Some(hecha::audit::Failure::Altered { .. })),
        "{omitted:?}"
    );
    let head = tamper(&format!(
        "UPDATE pack_info SET head_hash = repeat('a', 64); UPDATE audit_head SET seq = {}",
        report.head_seq
    ));
    assert!(head.is_some(), "{head:?}");
    let text = tamper(
        "UPDATE documents SET text = text || '。' WHERE id = (SELECT min(id) FROM documents)",
    );
    assert!(
        matches!(text, Some(hecha::audit::Failure::Document { .. })),
        "{text:?}"
    );
    // A directory that holds files is not written over.
    let again = hecha::pack::write(&case, &number, &out, true).unwrap_err();
    assert!(again.to_string().contains("不是空目录"), "{again}");
}

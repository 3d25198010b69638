//! Search: complete substring recall over the seeds and the sample township,
//! folding (Traditional/Simplified, full-width), pinyin, IDs, amounts, filters,
//! snippets, and an index that refreshes itself and survives deletion.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use hecha::search::{analysis::fold_str, SearchIndex};
use hecha::Case;

fn case_with(dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let case = dir.join("case.duckdb");
    let c = Case::create(&case, Some("检索测试"), None).unwrap();
    let opts = hecha::ingest::ImportOptions {
        ocr: Some(hecha::ingest::OcrEngine::configured()),
        ..Default::default()
    };
    let r = hecha::ingest::import_paths(&c, paths, &opts, &mut |_| {});
    // Scans and photos need an OCR engine; without one only they may fail.
    let ocr = hecha::ocr::engine(&hecha::ocr::OcrSettings::load()).is_ok();
    assert!(
        r.iter().all(|x| x.error.is_none()
            || (!ocr && x.error.as_deref().is_some_and(|e| e.contains("OCR")))),
        "{r:?}"
    );
    case
}

fn open(case: &Path, index: &Path) -> SearchIndex {
    let c = Case::open_read_only(case).unwrap();
    SearchIndex::open_in(&c, index, false, &mut |_, _| {}).unwrap()
}

#[test]
fn recall_is_complete_for_queries_of_1_to_10_characters() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The five seed reports (copied from ../shared/seeds into the fixtures) and the sample township.
    let paths = vec![
        root.join("sample-data/letters"),
        root.join("sample-data/transcripts"),
        root.join("sample-data/ledgers"),
        root.join("tests/fixtures/seeds"),
    ];
    let case = case_with(dir.path(), &paths);
    let idx = open(&case, &dir.path().join("index"));
    let texts = idx.searchable_texts().unwrap();
    assert!(texts.len() > 300, "{}", texts.len());
    let folded: Vec<(String, String)> = texts
        .iter()
        .map(|(k, t)| (k.clone(), fold_str(t)))
        .collect();
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    let mut checked = 0;
    let mut by_len = [0usize; 11];
    while checked < 500 {
        let (_, text) = &texts[(rng.next() % texts.len() as u64) as usize];
        let chars: Vec<char> = text.chars().collect();
        let len = 1 + (rng.next() % 10) as usize;
        if chars.len() < len {
            continue;
        }
        let start = (rng.next() % (chars.len() - len + 1) as u64) as usize;
        let q: String = chars[start..start + len].iter().collect();
        let fq = fold_str(&q);
        if fq.is_empty()
            || q.contains('"')
            || q.trim_start().starts_with('-')
            || q.contains(':')
            || q.chars().any(|c| c.is_whitespace())
            // A term written as an amount (`5.00`, `30元`) means that amount, not a substring.
            || hecha::search::amounts::query_amount(&q).is_some()
        {
            continue;
        }
        let want: Vec<String> = folded
            .iter()
            .filter(|(_, t)| t.contains(&fq))
            .map(|(k, _)| k.clone())
            .collect();
        let got = idx.matching_keys(&q).unwrap();
        let missing: Vec<&String> = want.iter().filter(|k| !got.contains(k)).collect();
        assert!(missing.is_empty(), "query {q:?}: missing {missing:?}");
        if !fq.is_ascii() {
            // No entity alternatives for Chinese text: exactly the substring matches.
            assert_eq!(got, want, "query {q:?}");
        }
        by_len[len] += 1;
        checked += 1;
    }
    assert!(
        by_len[1..].iter().all(|&n| n >= 15),
        "every length 1..=10 is exercised: {by_len:?}"
    );
}

#[test]
fn folding_pinyin_ids_amounts_filters_and_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("举报信一.txt"), "我举报清水村张海山违规领取住房补贴18,172元，身份证430423195003051233，电话13800001234。2021年的事。").unwrap();
    std::fs::write(
        d.join("舉報信二.txt"),
        "石橋村李某冒領補貼。張三說：發放金額為18172.00元。2023年5月。",
    )
    .unwrap();
    std::fs::write(
        d.join("李四谈话笔录.txt"),
        "问：你叫什么？\n答：李四，身份证４３０４２３１９６２０７１８２０２Ｘ。\n",
    )
    .unwrap();
    std::fs::write(
        d.join("发放.csv"),
        "姓名,身份证号,村,补贴项目,发放年月,发放金额\n张海山,430423195003051233,清水村,低保,2022-05,300\n王 五,430423196207182029,石桥村,低保,2023-05,300\n",
    )
    .unwrap();
    let case = case_with(
        d,
        &[
            d.join("举报信一.txt"),
            d.join("舉報信二.txt"),
            d.join("李四谈话笔录.txt"),
            d.join("发放.csv"),
        ],
    );
    let idx = open(&case, &d.join("index"));
    let titles = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = idx
            .search(q, 50)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.title)
            .collect();
        v.sort();
        v
    };
    // Traditional ↔ Simplified, both ways.
    assert_eq!(titles("补贴 kind:letter"), vec!["举报信一", "舉報信二"]);
    assert_eq!(titles("補貼 kind:letter"), vec!["举报信一", "舉報信二"]);
    assert_eq!(titles("石桥村 kind:letter"), vec!["舉報信二"]);
    // Full-width digits and letters fold; a space inside a name does not matter.
    assert_eq!(
        titles("４３０４２３１９６２０７１８２０２x"),
        vec!["李四谈话笔录"]
    );
    assert_eq!(titles("王五"), vec!["发放 #2"]);
    // An ID number finds its 15-digit old form too, and an amount all its spellings.
    assert_eq!(titles("430423500305123 kind:letter"), vec!["举报信一"]);
    assert_eq!(titles("18172"), vec!["举报信一", "舉報信二"]);
    assert_eq!(titles("18,172元"), vec!["举报信一", "舉報信二"]);
    assert_eq!(titles("18172.00"), vec!["举报信一", "舉報信二"]);
    // Pinyin of person names, initials and full: the ledger's name column and names in a letter.
    assert_eq!(titles("zhs"), vec!["举报信一", "发放 #1"]);
    assert_eq!(titles("zhanghaishan"), vec!["举报信一", "发放 #1"]);
    assert_eq!(titles("zhs kind:ledger"), vec!["发放 #1"]);
    // Filters and exclusion.
    assert_eq!(titles("低保 village:石桥村"), vec!["发放 #2"]);
    assert_eq!(titles("低保 date:2022"), vec!["发放 #1"]);
    assert_eq!(titles("role:payments -张海山"), vec!["发放 #2"]);
    assert_eq!(titles("kind:transcript"), vec!["李四谈话笔录"]);
    assert_eq!(titles("\"清水村 张海山\""), vec!["举报信一"]);
    // Snippets mark every occurrence of each term as the exact text.
    let r = idx.search("補貼 張三", 5).unwrap();
    assert_eq!(r.total, 1);
    assert!(
        r.hits[0].snippet.contains("【張三】") && r.hits[0].snippet.contains("【補貼】"),
        "{}",
        r.hits[0].snippet
    );
    let r = idx.search("清水村", 5).unwrap();
    assert_eq!(r.facets.kind.get("letter"), Some(&1));
    assert_eq!(r.facets.kind.get("ledger"), Some(&1));
    assert_eq!(r.facets.village.get("清水村"), Some(&2));
    // Malformed queries are messages.
    assert!(idx.search("\"未闭合", 5).is_err());
    assert!(idx.search("date:abc", 5).is_err());
}

#[test]
fn the_index_refreshes_after_an_import_and_survives_deletion() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "第一封举报信：赵某。").unwrap();
    let case = case_with(d, &[d.join("a.txt")]);
    let index = d.join("index");
    assert_eq!(open(&case, &index).matching_keys("赵某").unwrap().len(), 1);
    std::fs::write(d.join("b.txt"), "第二封举报信：也说赵某。").unwrap();
    {
        let c = Case::open(&case).unwrap();
        hecha::ingest::import_paths(&c, &[d.join("b.txt")], &Default::default(), &mut |_| {});
    }
    assert_eq!(
        open(&case, &index).matching_keys("赵某").unwrap().len(),
        2,
        "new document added"
    );
    std::fs::remove_dir_all(&index).unwrap();
    assert_eq!(
        open(&case, &index).matching_keys("赵某").unwrap().len(),
        2,
        "rebuilt after deletion"
    );
}

#[test]
fn cli_search_json_plain_batch_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("信.txt"), "反映清水村张海山领取住房补贴。").unwrap();
    let case = new_case(d);
    assert_eq!(import_json(&case, &[&d.join("信.txt")], &[]).0, 0);
    let cache = d.join("cache");
    let out = hecha()
        .arg("search")
        .arg(&case)
        .arg("住房补贴")
        .arg("--json")
        .env("XDG_CACHE_HOME", &cache)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["source"], "信.txt");
    assert_eq!(v[0]["kind"], "letter");
    assert!(v[0]["snippet"].as_str().unwrap().contains("【住房补贴】"));
    for k in ["title", "ledger", "row", "score"] {
        assert!(v[0].get(k).is_some(), "{k}");
    }
    hecha()
        .arg("search")
        .arg(&case)
        .arg("-张海山 kind:letter")
        .env("XDG_CACHE_HOME", &cache)
        .assert()
        .success()
        .stdout(predicates::str::contains("共 0 条结果"));
    std::fs::write(d.join("terms.txt"), "张海山\n住房\n\"坏\n").unwrap();
    let out = hecha()
        .arg("search")
        .arg(&case)
        .arg("--batch")
        .arg(d.join("terms.txt"))
        .env("XDG_CACHE_HOME", &cache)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("term,total,"), "{text}");
    assert!(text.contains("张海山,1,1,letter"), "{text}");
    assert_eq!(out.status.code(), Some(2), "a malformed line is reported");
    hecha()
        .arg("search")
        .arg(&case)
        .arg("\"未闭合")
        .env("XDG_CACHE_HOME", &cache)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("引号"));
    hecha()
        .arg("reindex")
        .arg(&case)
        .env("XDG_CACHE_HOME", &cache)
        .assert()
        .success();
}

//! Paged documents (PDF, scans, OFD …) stored page by page: exact page spans,
//! search hits carrying their page, `hecha show`, and quotes and exports that
//! cite the page and mark recognised text. Pages come from `import_pages`, so
//! no real PDF is needed.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use hecha::ingest::{import_pages, Page, PageSource, Status};
use hecha::search::SearchIndex;
use hecha::Case;

fn pages() -> Vec<Page> {
    vec![
        Page {
            number: 1,
            text: "举报信\n反映清水村村委会主任的问题。".into(),
            source: PageSource::TextLayer,
            confidence: None,
        },
        Page {
            number: 2,
            // a name broken across two lines by the scan's line layout
            text: "村民张\n海山领取住房补贴18,172元，\n但其已于2021年去世。".into(),
            source: PageSource::Ocr,
            confidence: Some(0.93),
        },
        Page {
            number: 3,
            text: "请组织核查。\n实名举报人 李四".into(),
            source: PageSource::TextLayer,
            confidence: None,
        },
    ]
}

/// A case holding the three-page scanned letter (and a plain letter).
fn paged_case(dir: &Path) -> PathBuf {
    hecha::i18n::set_lang(hecha::i18n::Lang::Zh);
    let case = new_case(dir);
    std::fs::write(dir.join("普通信.txt"), "反映王五的问题，张海山也知情。").unwrap();
    assert_eq!(import_json(&case, &[&dir.join("普通信.txt")], &[]).0, 0);
    let c = Case::open(&case).unwrap();
    let rep = import_pages(&c, "扫描举报信.pdf", &pages()).unwrap();
    assert_eq!(rep.status, Status::Imported, "{rep:?}");
    assert_eq!((rep.pages, rep.ocr_pages), (Some(3), Some(1)));
    let v = serde_json::to_value(&rep).unwrap();
    assert_eq!(
        (v["pages"].as_i64(), v["ocr_pages"].as_i64()),
        (Some(3), Some(1))
    );
    case
}

#[test]
fn a_paged_document_is_stored_with_exact_page_spans_in_one_audited_change() {
    let dir = tempfile::tempdir().unwrap();
    let case = paged_case(dir.path());
    let rows = query_strings(
        &case,
        "SELECT p.page_no, p.source, substr(d.text, p.start_char + 1, p.chars) \
         FROM document_pages p JOIN documents d ON d.id = p.doc_id ORDER BY p.page_no",
    );
    let want = pages();
    assert_eq!(rows.len(), 3);
    for (r, p) in rows.iter().zip(&want) {
        assert_eq!(r[0].as_deref(), Some(p.number.to_string().as_str()));
        assert_eq!(r[1].as_deref(), Some(p.source.as_str()));
        assert_eq!(r[2].as_deref(), Some(p.text.as_str()));
    }
    assert_eq!(
        query_i64(
            &case,
            "SELECT pages FROM documents WHERE source_file = '扫描举报信.pdf'"
        ),
        3
    );
    let joined: Vec<String> = want.iter().map(|p| p.text.clone()).collect();
    assert_eq!(
        query_strings(&case, "SELECT text FROM documents WHERE pages = 3")[0][0].as_deref(),
        Some(joined.join("\n\n").as_str())
    );
    let c = Case::open_read_only(&case).unwrap();
    let v = hecha::audit::verify(&c).unwrap();
    assert!(v.failure.is_none(), "{:?}", v.failure);
    let payload = query_strings(
        &case,
        "SELECT payload FROM audit_log WHERE action = 'import.document' ORDER BY seq DESC LIMIT 1",
    );
    let p: serde_json::Value = serde_json::from_str(payload[0][0].as_deref().unwrap()).unwrap();
    assert_eq!(
        (p["pages"].as_i64(), p["ocr_pages"].as_i64()),
        (Some(3), Some(1))
    );
    // The same pages again are a duplicate, not a second document.
    let c = Case::open(&case).unwrap();
    let again = import_pages(&c, "扫描举报信.pdf", &pages()).unwrap();
    assert_eq!(again.status, Status::Duplicate);
    assert_eq!(query_i64(&case, "SELECT count(*) FROM document_pages"), 3);
}

#[test]
fn search_hits_on_a_paged_document_carry_their_page_and_find_a_name_broken_across_lines() {
    let dir = tempfile::tempdir().unwrap();
    let case = paged_case(dir.path());
    let c = Case::open_read_only(&case).unwrap();
    let idx = SearchIndex::open_in(&c, &dir.path().join("index"), false, &mut |_, _| {}).unwrap();
    let r = idx.search("张海山", 10).unwrap();
    let paged = r
        .hits
        .iter()
        .find(|h| h.source == "扫描举报信.pdf")
        .unwrap();
    assert_eq!(paged.page, Some(2));
    assert!(paged.ocr);
    let (s, e) = paged.highlights[0];
    let marked: String = paged.text.chars().skip(s).take(e - s).collect();
    assert_eq!(
        marked, "张\n海山",
        "the highlight spans the line break exactly"
    );
    let plain = r.hits.iter().find(|h| h.source == "普通信.txt").unwrap();
    assert_eq!(plain.page, None);
    let v = serde_json::to_value(plain).unwrap();
    assert!(v.get("page").is_none() && v.get("ocr").is_none(), "{v}");
    let r = idx.search("李四", 10).unwrap();
    assert_eq!(r.hits[0].page, Some(3));
    assert!(!r.hits[0].ocr);
    // The CLI contract: "page" (1-based) in `search --json`.
    let out = hecha()
        .arg("search")
        .arg(&case)
        .arg("住房补贴")
        .arg("--json")
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["page"], 2, "{v}");
}

#[test]
fn show_prints_a_document_or_one_page_and_refuses_pages_that_are_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let case = paged_case(dir.path());
    let v = cli_json(&["show", "扫描举报信", "--page", "2"], &case);
    assert_eq!(v["page"], 2);
    assert_eq!(v["pages"], 3);
    assert_eq!(v["ocr"], true);
    assert_eq!(v["source"], "ocr");
    assert_eq!(v["text"], pages()[1].text.as_str());
    let whole = cli_json(&["show", "扫描举报信.pdf"], &case);
    assert_eq!(whole["page_list"].as_array().unwrap().len(), 3);
    assert!(whole["text"].as_str().unwrap().contains("\n\n"));
    let by_id = cli_json(&["show", "1"], &case);
    assert_eq!(by_id["file"], "普通信.txt");
    assert!(by_id.get("pages").is_none());
    hecha()
        .arg("show")
        .arg(&case)
        .args(["扫描举报信", "--page", "2"])
        .assert()
        .success()
        .stdout(predicates::str::contains("第 2 页"))
        .stdout(predicates::str::contains("识别文本，以原件为准"))
        .stdout(predicates::str::contains("村民张\n海山"));
    hecha()
        .arg("show")
        .arg(&case)
        .args(["扫描举报信", "--page", "9"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("没有第 9 页"));
    hecha()
        .arg("show")
        .arg(&case)
        .args(["普通信", "--page", "1"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("不分页"));
    hecha()
        .arg("show")
        .arg(&case)
        .arg("没有这份")
        .assert()
        .failure();
}

#[test]
fn quotes_and_exports_cite_the_page_and_mark_recognised_text() {
    let dir = tempfile::tempdir().unwrap();
    let case = paged_case(dir.path());
    let c = Case::open(&case).unwrap();
    let a = hecha::casework::allege(&c, "冒领住房补贴", None, None).unwrap();
    let quote = |q: &str| hecha::casework::Item::Document {
        source: "扫描举报信.pdf".into(),
        quote: q.into(),
    };
    hecha::casework::link(&c, a, &quote("领取住房补贴18,172元"), "supports", None).unwrap();
    hecha::casework::link(&c, a, &quote("请组织核查"), "relates", None).unwrap();
    let links = hecha::casework::links(&c).unwrap();
    let labels: Vec<String> = links.iter().map(|l| format!("{l:?}")).collect();
    assert!(
        labels
            .iter()
            .any(|l| l.contains("第 2 页") && l.contains("识别文本，以原件为准")),
        "{labels:?}"
    );
    let opts = hecha::export::Options {
        allegation: None,
        redact: false,
    };
    let s = hecha::export::build(&c, &opts).unwrap();
    let ev = &s.allegations[0].evidence;
    assert_eq!((ev[0].page, ev[0].ocr), (Some(2), true));
    assert_eq!((ev[1].page, ev[1].ocr), (Some(3), false));
    let (start, end) = ev[0].span.unwrap();
    assert_eq!(end - start, "领取住房补贴18,172元".chars().count() as u64);
    let md = hecha::export::render::markdown(&s);
    assert!(md.contains("第 2 页") && md.contains("第 3 页"), "{md}");
    assert!(md.contains("识别文本，以原件为准"), "{md}");
}

#[test]
fn a_paged_format_this_build_cannot_read_is_refused_and_the_case_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let case = new_case(d);
    std::fs::write(d.join("扫描件.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    let before = footprint(&case);
    let (code, v) = import_json(&case, &[&d.join("扫描件.pdf")], &[]);
    assert_ne!(code, 0);
    assert_eq!(v[0]["status"], "error");
    assert!(
        v[0]["error"].as_str().unwrap().contains("扫描件.pdf"),
        "{v}"
    );
    assert_eq!(footprint(&case), before);
}

//! Working a result set: watch lists rerun after every import (only new hits
//! reported), bulk tag / star / link audited as one entry, results to .xlsx
//! and CSV, and the mentions of letters and transcripts.

mod common;

use std::path::{Path, PathBuf};

use calamine::Reader as _;
use common::*;

struct Env {
    dir: tempfile::TempDir,
    case: PathBuf,
}

impl Env {
    fn new(files: &[(&str, &str)]) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let case = new_case(dir.path());
        let e = Env { dir, case };
        let paths = e.write(files);
        let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let (code, v) = import_json(&e.case, &refs, &[]);
        assert_eq!(code, 0, "{v}");
        e
    }

    fn write(&self, files: &[(&str, &str)]) -> Vec<PathBuf> {
        files
            .iter()
            .map(|(name, text)| {
                let p = self.dir.path().join(name);
                std::fs::write(&p, text).unwrap();
                p
            })
            .collect()
    }

    fn run(&self, args: &[&str]) -> (bool, String, String) {
        let mut c = hecha();
        c.env("XDG_CACHE_HOME", self.dir.path().join("cache"));
        let out = c.args(args).output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn case(&self) -> &str {
        self.case.to_str().unwrap()
    }

    fn audit(&self, action: &str) -> i64 {
        query_i64(
            &self.case,
            &format!("SELECT count(*) FROM audit_log WHERE action = '{action}'"),
        )
    }
}

#[test]
fn a_watch_list_reports_only_the_hits_an_import_brings() {
    let e = Env::new(&[
        ("旧举报.txt", "反映谭海斌多领低保，卡号6214830000000009。"),
        ("无关.txt", "村里修路的事。"),
    ]);
    let (ok, out, err) = e.run(&["watch", "add", e.case(), "谭海斌", "6214830000000009"]);
    assert!(ok, "{err}");
    assert!(out.contains("谭海斌"), "{out}");
    // What the terms already find is not new.
    let (ok, out, _) = e.run(&["watch", e.case(), "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["new"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v["terms"][0]["hits"], 1);
    // An import brings a new letter and a ledger row naming him.
    let new = e.write(&[
        ("新举报.txt", "谭海斌又去领了一次。"),
        ("发放.csv", "姓名,身份证号,补贴项目,发放金额\n谭海斌,430423195003051233,低保,300\n李四,430423196207182029,低保,300\n"),
        ("别的.txt", "与本案无关的来信。"),
    ]);
    let mut args = vec!["import", e.case()];
    args.extend(new.iter().map(|p| p.to_str().unwrap()));
    let (ok, out, err) = e.run(&args);
    assert!(ok, "{err}");
    assert!(out.contains("关注词新命中 2 条"), "{out}");
    let (ok, out, _) = e.run(&["watch", e.case(), "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut titles: Vec<&str> = v["new"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    titles.sort();
    assert_eq!(titles, vec!["发放 #1", "新举报"], "{v}");
    assert!(
        v["new"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("【谭海斌】"),
        "{v}"
    );
    // Reported once: the next look has nothing new; a rerun finds nothing new either.
    let (_, out, _) = e.run(&["watch", "run", e.case(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["new"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v["terms"][0]["hits"], 3);
    // Each import's run is one audit entry.
    assert_eq!(e.audit("watch.run"), 2);
    let (ok, _, _) = e.run(&["watch", "remove", e.case(), "谭海斌"]);
    assert!(ok);
    let (_, out, _) = e.run(&["watch", "list", e.case(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    // Bad input is a message.
    let (ok, _, err) = e.run(&["watch", "add", e.case()]);
    assert!(!ok && err.contains("关注词"), "{err}");
    let (ok, _, err) = e.run(&["watch", "add", e.case(), "\"未闭合"]);
    assert!(!ok && err.contains("引号"), "{err}");
}

#[test]
fn bulk_tag_star_and_link_are_one_audit_entry_each() {
    let e = Env::new(&[
        ("一.txt", "村干部截留补偿款五千元。"),
        ("二.txt", "补偿款被截留，群众有意见。"),
        ("三.txt", "修路的事。"),
        (
            "发放.csv",
            "姓名,身份证号,补贴项目,发放金额,备注\n张三,430423195003051233,征地补偿款,300,被截留\n",
        ),
    ]);
    let before = query_i64(&e.case, "SELECT count(*) FROM audit_log");
    let (ok, out, err) = e.run(&["search", e.case(), "截留 补偿", "--tag", "截留线索"]);
    assert!(ok, "{err}");
    assert!(out.contains("3 条"), "{out}");
    assert_eq!(
        query_i64(&e.case, "SELECT count(*) FROM audit_log"),
        before + 1
    );
    assert_eq!(e.audit("tag.bulk"), 1);
    assert_eq!(
        query_i64(&e.case, "SELECT count(*) FROM tags WHERE tag = '截留线索'"),
        3
    );
    assert_eq!(
        query_i64(
            &e.case,
            "SELECT count(*) FROM tags WHERE tag = '截留线索' AND item_kind = 'row'"
        ),
        1
    );
    let (ok, _, _) = e.run(&["search", e.case(), "截留 kind:letter", "--star"]);
    assert!(ok);
    assert_eq!(
        query_i64(&e.case, "SELECT count(*) FROM tags WHERE tag = '★'"),
        2
    );
    // Into a problem's evidence catalogue: one entry, each hit numbered.
    let (ok, _, err) = e.run(&["allege", e.case(), "截留征地补偿款"]);
    assert!(ok, "{err}");
    let (ok, _, err) = e.run(&["search", e.case(), "截留", "--link-problem", "1"]);
    assert!(ok, "{err}");
    assert_eq!(e.audit("link.bulk"), 1);
    assert_eq!(
        query_i64(
            &e.case,
            "SELECT count(*) FROM links WHERE allegation_id = 1"
        ),
        3
    );
    // Again: nothing doubled.
    let (ok, _, _) = e.run(&["search", e.case(), "截留", "--link-problem", "1"]);
    assert!(ok);
    assert_eq!(
        query_i64(
            &e.case,
            "SELECT count(*) FROM links WHERE allegation_id = 1"
        ),
        3
    );
    let (ok, _, err) = e.run(&["search", e.case(), "截留", "--star", "--tag", "x"]);
    assert!(!ok && err.contains("一次只能用一个"), "{err}");
    let (ok, _, err) = e.run(&["search", e.case(), "截留", "--link-problem", "99"]);
    assert!(!ok, "{err}");
}

#[test]
fn results_go_to_xlsx_and_csv_with_every_hit() {
    let mut ledger = String::from("姓名,身份证号,补贴项目,发放金额\n");
    for i in 0..30 {
        ledger.push_str(&format!("村民{i},,低保,{}\n", 100 + i));
    }
    let e = Env::new(&[
        ("一.txt", "低保的事，=1+1。"),
        ("二.txt", "反映低保优亲厚友。"),
        ("发放.csv", &ledger),
    ]);
    let xlsx = e.dir.path().join("结果.xlsx");
    let (ok, out, err) = e.run(&[
        "search",
        e.case(),
        "低保",
        "--export",
        xlsx.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("32"), "{out}");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 33, "header and every hit");
    assert_eq!(rows[0][0], "序号");
    assert!(rows.iter().any(|r| r[3] == "一"), "{rows:?}");
    assert!(
        rows.iter().any(|r| r[3] == "发放 #30" && r[6] == "30"),
        "{rows:?}"
    );
    assert!(
        rows[1..].iter().all(|r| r[8].contains("【低保】")),
        "{rows:?}"
    );
    let csv = e.dir.path().join("结果.csv");
    let (ok, _, _) = e.run(&[
        "search",
        e.case(),
        "低保 kind:letter",
        "--export",
        csv.to_str().unwrap(),
    ]);
    assert!(ok);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.lines().count(), 3);
    let (ok, _, err) = e.run(&["search", e.case(), "低保", "--export", "x.pdf"]);
    assert!(!ok && err.contains(".xlsx"), "{err}");
}

#[test]
fn mentions_keep_valid_ids_and_luhn_cards_only() {
    let e = Env::new(&[
        (
            "一.txt",
            "身份证430423195003051233，错号430423195003051234，卡号6214830000000009，\
             错卡6214830000000002，电话13800001234，多领1050元，2024年1月5日。",
        ),
        ("二.txt", "他的卡6214830000000009又被用了，2024-01-05。"),
        (
            "发放.csv",
            "姓名,身份证号,补贴项目,发放金额,卡号\n张三,430423195003051233,低保,1050,6214830000000009\n",
        ),
    ]);
    let (ok, out, err) = e.run(&["mentions", e.case(), "--json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let of = |k: &str| -> Vec<(String, usize, Option<u64>)> {
        v.as_array()
            .unwrap()
            .iter()
            .filter(|m| m["kind"] == k)
            .map(|m| {
                (
                    m["value"].as_str().unwrap().to_string(),
                    m["documents"].as_array().unwrap().len(),
                    m["rows"].as_u64(),
                )
            })
            .collect()
    };
    assert_eq!(of("id"), vec![("430423195003051233".into(), 1, Some(1))]);
    assert_eq!(of("card"), vec![("6214830000000009".into(), 2, Some(1))]);
    assert_eq!(of("phone"), vec![("13800001234".into(), 1, Some(0))]);
    assert_eq!(of("amount"), vec![("1050.00".into(), 1, Some(1))]);
    assert_eq!(of("date"), vec![("2024-01-05".into(), 2, None)]);
    let (ok, out, _) = e.run(&["mentions", e.case(), "--kind", "card", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let (ok, _, err) = e.run(&["mentions", e.case(), "--kind", "qq"]);
    assert!(!ok && err.contains("--kind"), "{err}");
    // As facets of a search: what its hits mention (a ledger row is found by
    // its values, not by its headers' words).
    let (ok, out, _) = e.run(&["search", e.case(), "6214830000000009"]);
    assert!(ok);
    let line = out
        .lines()
        .find(|l| l.starts_with("提到"))
        .unwrap_or_default();
    assert!(line.contains("卡号 6214830000000009 3"), "{out}");
    assert!(!line.contains("6214830000000002"), "not a card: {line}");
    // The pivot: every document and row with that card.
    let (ok, out, _) = e.run(&["search", e.case(), "6214830000000009", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
}

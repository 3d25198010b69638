//! The query language investigators trust: homophone and near spellings of
//! names (`name~`, `--fuzzy`), amounts that mean money (`1050元`, Chinese
//! numerals) and not serial numbers, `A NEAR/N B` in both orders, and
//! `/regex/` over the text.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use hecha::search::names::Match;
use hecha::search::{SearchIndex, SearchOptions};
use hecha::Case;

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(rel)
}

fn build(dir: &Path, files: &[(&str, &str)], samples: &[&str]) -> (PathBuf, SearchIndex) {
    let case = dir.join("case.duckdb");
    let c = Case::create(&case, Some("检索语言"), None).unwrap();
    let mut paths = Vec::new();
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        paths.push(p);
    }
    paths.extend(samples.iter().map(|s| sample(s)));
    let r = hecha::ingest::import_paths(&c, &paths, &Default::default(), &mut |_| {});
    assert!(r.iter().all(|x| x.error.is_none()), "{r:?}");
    drop(c);
    let c = Case::open_read_only(&case).unwrap();
    let idx = SearchIndex::open_in(&c, &dir.join("index"), false, &mut |_, _| {}).unwrap();
    (case, idx)
}

fn titles(idx: &SearchIndex, q: &str) -> Vec<String> {
    let mut v: Vec<String> = idx
        .search(q, 100)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.title)
        .collect();
    v.sort();
    v
}

#[test]
fn homophone_and_near_spellings_of_sample_names_rank_below_the_exact_one() {
    let dir = tempfile::tempdir().unwrap();
    // 唐秀芳 is the 石桥村 accountant of the sample cadre roster.
    let (_, idx) = build(
        dir.path(),
        &[
            ("甲_原字.txt", "反映石桥村会计唐秀芳代领低保。"),
            ("乙_同音.txt", "村民说唐绣芳把一卡通收走了。"),
            ("丙_近音.txt", "据说唐秀防管着全村的存折。"),
            ("丁_一字之差.txt", "唐秀英也在场。"),
            ("戊_无关.txt", "唐家的人都不知道这件事，黄秀兰也不知道。"),
        ],
        &["ledgers/村干部名册.csv"],
    );
    // Without ~ only the exact spelling.
    assert_eq!(titles(&idx, "唐秀芳 kind:letter"), vec!["甲_原字"]);
    let r = idx.search("唐秀芳~", 20).unwrap();
    let got: Vec<(String, Match)> = r
        .hits
        .iter()
        .map(|h| (h.title.clone(), h.matched))
        .collect();
    let exact: Vec<&(String, Match)> = got.iter().filter(|g| g.1 == Match::Exact).collect();
    assert_eq!(exact.len(), 2, "the letter and the roster row: {got:?}");
    assert!(
        exact.iter().any(|g| g.0.starts_with("村干部名册")),
        "{got:?}"
    );
    assert_eq!(
        got.get(2),
        Some(&("乙_同音".to_string(), Match::Homophone)),
        "exact first, then the homophone: {got:?}"
    );
    let mut near: Vec<(String, Match)> = got[3..].to_vec();
    near.sort();
    assert_eq!(
        near,
        vec![
            ("丁_一字之差".to_string(), Match::Near),
            ("丙_近音".to_string(), Match::Near),
        ],
        "then the near spellings: {got:?}"
    );
    assert_eq!(r.total, 5, "{got:?}");
    assert!(got.iter().all(|g| g.0 != "戊_无关"), "{got:?}");
    // The variant spelling is what the snippet marks.
    let h = r.hits.iter().find(|h| h.title == "乙_同音").unwrap();
    assert!(h.snippet.contains("【唐绣芳】"), "{}", h.snippet);
    // --fuzzy treats every name-like term so; other terms stay exact.
    let f = idx
        .search_with(
            "唐秀芳 一卡通",
            &SearchOptions {
                limit: 20,
                fuzzy: true,
            },
        )
        .unwrap();
    let t: Vec<&str> = f.hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(t, vec!["乙_同音"], "{t:?}");
    // The misspelt name in a ledger row is found from the right spelling.
    std::fs::create_dir_all(dir.path().join("b")).unwrap();
    let (_, idx2) = build(
        &dir.path().join("b"),
        &[(
            "发放.csv",
            "姓名,身份证号,补贴项目,发放金额\n唐绣芳,430423197204090262,低保,300\n",
        )],
        &[],
    );
    let r = idx2.search("唐秀芳~", 5).unwrap();
    assert_eq!(r.hits.len(), 1);
    assert_eq!(r.hits[0].matched, Match::Homophone);
}

#[test]
fn an_amount_query_finds_money_not_serial_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = String::from("序号,姓名,补贴项目,发放金额\n");
    for i in 1045..=1055 {
        ledger.push_str(&format!("{i},村民{i},低保,300\n"));
    }
    ledger.push_str("1056,杨满仓,低保,1050\n");
    let (_, idx) = build(
        dir.path(),
        &[
            ("举报一.txt", "他多领了1050元，还说没有。"),
            ("举报二.txt", "共计一千零五十元整，是冒领的。"),
            ("举报三.txt", "合计¥1,050.00。编号1050的档案。"),
            ("举报四.txt", "档案编号1050，与钱无关。"),
            ("发放.csv", &ledger),
        ],
        &[],
    );
    let want = vec!["举报一", "举报三", "举报二", "发放 #12"];
    for q in ["1050元", "¥1050", "1,050.00", "一千零五十元", "1050.00"] {
        assert_eq!(titles(&idx, q), want, "{q}");
    }
    // A bare number is a substring: the serial number too.
    let bare = titles(&idx, "1050");
    assert!(
        bare.contains(&"发放 #6".to_string()) && bare.contains(&"举报四".to_string()),
        "{bare:?}"
    );
    // The amount is what the snippet marks, however written.
    let r = idx.search("1050元 kind:letter", 5).unwrap();
    let s: Vec<&str> = r.hits.iter().map(|h| h.snippet.as_str()).collect();
    assert!(s.iter().any(|s| s.contains("【一千零五十元整】")), "{s:?}");
    assert!(s.iter().any(|s| s.contains("【¥1,050.00】")), "{s:?}");
}

#[test]
fn near_finds_both_orders_within_n_and_not_beyond() {
    let dir = tempfile::tempdir().unwrap();
    let gap = |n: usize| "的".repeat(n);
    let (_, idx) = build(
        dir.path(),
        &[
            ("前后.txt", &format!("村干部截留{}补偿款。", gap(20))),
            ("后前.txt", &format!("补偿款被{}截留。", gap(18))),
            ("太远.txt", &format!("截留{}补偿款。", gap(21))),
            ("标点不算.txt", &format!("截留，{}、补偿款。", gap(20))),
            ("只有一个.txt", "补偿款按时发放。"),
            ("长词近.txt", "危房改造资金被人冒名领取。"),
            ("长词远.txt", &format!("冒名领取{}危房改造资金。", gap(30))),
        ],
        &[],
    );
    // Terms of four characters and more: their grams' positions decide.
    assert_eq!(titles(&idx, "危房改造资金 NEAR/2 冒名领取"), vec!["长词近"]);
    assert_eq!(
        titles(&idx, "危房改造资金 NEAR/1 冒名领取"),
        Vec::<String>::new()
    );
    assert_eq!(titles(&idx, "冒名领取 NEAR/30 危房改造资金").len(), 2);
    assert_eq!(
        titles(&idx, "冒名领取 NEAR/29 危房改造资金"),
        vec!["长词近"]
    );
    assert_eq!(
        titles(&idx, "\"截留\" NEAR/20 \"补偿款\""),
        vec!["前后", "后前", "标点不算"]
    );
    assert_eq!(titles(&idx, "截留 NEAR/19 补偿款"), vec!["后前"]);
    assert_eq!(
        titles(&idx, "截留 near/21 补偿款"),
        vec!["前后", "后前", "太远", "标点不算"]
    );
    // Large N: no slop in the index, the text decides.
    assert_eq!(titles(&idx, "截留 NEAR/500 补偿款").len(), 4);
    let r = idx.search("截留 NEAR/20 补偿款", 5).unwrap();
    assert_eq!(r.total, 3);
    assert_eq!(r.facets.kind.get("letter"), Some(&3));
}

#[test]
fn regex_over_text_with_a_clear_error_for_a_bad_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let (case, idx) = build(
        dir.path(),
        &[
            ("卡号.txt", "他的卡号是6214830012345678，存折另放。"),
            ("短号.txt", "编号621412，不是卡号。"),
            ("别的卡.txt", "卡号6228480012345678。"),
        ],
        &["ledgers/2024年上半年惠民惠农补贴一卡通发放明细.csv"],
    );
    assert_eq!(titles(&idx, r"/6214\d{12}/ kind:letter"), vec!["卡号"]);
    // Over ledger rows too: every 一卡通 account of the sample ledger starts 6214.
    let rows = idx.search(r"/6214\d{15}/ kind:ledger", 5).unwrap();
    assert!(rows.total > 10, "{}", rows.total);
    // A pattern without a literal scans every text.
    assert_eq!(titles(&idx, r"/\d{6}，不是/"), vec!["短号"]);
    let r = idx.search(r"/62(14|28)\d{12}/ kind:letter", 5).unwrap();
    assert_eq!(r.total, 2);
    assert!(r
        .hits
        .iter()
        .any(|h| h.snippet.contains("【6228480012345678】")));
    // A bad pattern is a message naming it.
    let e = idx.search("/6214[/", 5).unwrap_err();
    assert!(e.to_string().contains("6214["), "{e}");
    let out = hecha()
        .args(["--lang", "zh", "search"])
        .arg(&case)
        .arg("/(截留/")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("正则表达式 /(截留/"), "{err}");
}

#[test]
fn cli_json_says_how_each_name_matched() {
    let dir = tempfile::tempdir().unwrap();
    let (case, _) = build(
        dir.path(),
        &[
            ("原.txt", "谭海斌领了补贴。"),
            ("错.txt", "谈海斌领了补贴。"),
        ],
        &[],
    );
    let out = hecha()
        .args(["search"])
        .arg(&case)
        .args(["谭海斌", "--fuzzy", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m: Vec<(&str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["title"].as_str().unwrap(), h["match"].as_str().unwrap()))
        .collect();
    assert_eq!(m, vec![("原", "exact"), ("错", "homophone")]);
}

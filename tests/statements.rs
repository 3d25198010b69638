//! Bank statements (银行流水): role detection on banks' export layouts, the
//! normalised view, who holds each account, and the four fund-flow rules
//! with their near misses.

mod common;

use std::path::Path;

use common::{cli_json, gbk, import_json, new_case, query_strings};

/// Citizen IDs with a correct check digit.
fn id(birth: &str, seq: u32) -> String {
    let body = format!("430423{birth}{seq:03}");
    let check = hecha::normalise::id_check_char(body.as_bytes()).unwrap() as char;
    format!("{body}{check}")
}

struct People {
    a: String,
    a_son: String,
    b: String,
    c: String,
    c_wife: String,
    d: String,
    e: String,
    x: String,
}

fn people() -> People {
    People {
        a: id("19500101", 11),
        a_son: id("19750101", 13),
        b: id("19520202", 21),
        c: id("19700303", 31),
        c_wife: id("19720404", 42),
        d: id("19600505", 51),
        e: id("19610606", 62),
        x: id("19800707", 71),
    }
}

/// A case with households, a cadre, payments and the statements of `files`.
fn case_with(dir: &Path, statements: &[(&str, Vec<u8>)]) -> std::path::PathBuf {
    let p = people();
    let case = new_case(dir);
    let write = |name: &str, bytes: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let hh = write(
        "户籍.csv",
        format!(
            "户号,姓名,身份证号,与户主关系\n\
             H1,甲,{},户主\nH1,甲子,{},子\nH2,乙,{},户主\nH3,丙,{},户主\nH3,丙妻,{},配偶\nH5,丁,{},户主\nH6,戊,{},户主\nH7,外人,{},户主\n",
            p.a, p.a_son, p.b, p.c, p.c_wife, p.d, p.e, p.x
        )
        .into_bytes(),
    );
    let cadres = write(
        "村干部.csv",
        format!(
            "村,姓名,身份证号,职务,任职日期\n石桥村,丙,{},主任,2021-01-01\n",
            p.c
        )
        .into_bytes(),
    );
    let pays = write(
        "发放.csv",
        format!(
            "姓名,身份证号,补贴项目,发放年月,发放日期,发放金额,银行卡号\n\
             甲,{},高龄补贴,2024-01,2024-01-10,1000,A1\n\
             乙,{},高龄补贴,2024-01,2024-01-10,800,B1\n\
             丁,{},临时救助,2024-01,2024-01-10,500,D1\n\
             戊,{},低保,2024-01,2024-01-10,600,E1\n\
             丙妻,{},临时救助,2024-01,2024-01-10,700,W1\n",
            p.a, p.b, p.d, p.e, p.c_wife
        )
        .into_bytes(),
    );
    let mut paths = vec![hh, cadres, pays];
    for (name, bytes) in statements {
        paths.push(write(name, bytes.clone()));
    }
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let (code, v) = import_json(&case, &refs, &[]);
    assert_eq!(code, 0, "{v}");
    case
}

/// 甲's card: a bank export in GBK with a title and an account line above the
/// header, two amount columns, and a totals row at the bottom.
fn statement_a() -> Vec<u8> {
    gbk("中国农业银行账户交易明细\n账号：A1,户名：甲,,,,,,,\n\
         交易日期,交易时间,收入金额,支出金额,余额,对方户名,对方账号,摘要,交易渠道\n\
         2024-01-10,09:01:02,1000.00,,1000.00,清水镇财政所,ZF001,高龄补贴,批量代发\n\
         2024-01-15,10:00:00,,900.00,100.00,甲子,S9,转账,手机银行\n\
         2024-02-10,11:00:00,,850.00,50.00,外人,X1,转账,网银\n\
         合计,,1000.00,1750.00,,,,,\n")
}

/// 乙's card: one amount column with a 借贷标志.
fn statement_b() -> String {
    "交易日期,交易金额,借贷标志,余额,对方户名,对方账号,摘要,本方账号,户名\n\
     20240110,800.00,贷,800.00,清水镇财政所,ZF001,高龄补贴,B1,乙\n\
     20240120,700.00,借,100.00,丙,C1,转账,B1,乙\n"
        .to_string()
}

/// The cadre 丙's card: money from 丁 (临时救助) and from his wife.
fn statement_c() -> String {
    "交易日期,收入金额,支出金额,对方户名,对方账号,本方账号,户名\n\
     2024-01-12,450.00,,丁,D1,C1,丙\n\
     2024-01-13,650.00,,丙妻,W1,C1,丙\n\
     2024-01-20,700.00,,乙,B1,C1,丙\n"
        .to_string()
}

/// P1 takes money from three households' subsidy accounts; Q1 from two.
fn statement_pool() -> String {
    "交易日期,收入金额,支出金额,对方户名,对方账号,本方账号,户名\n\
     2024-02-01,300.00,,乙,B1,P1,钱某\n\
     2024-02-15,400.00,,丁,D1,P1,钱某\n\
     2024-03-20,500.00,,戊,E1,P1,钱某\n\
     2024-02-01,100.00,,丁,D1,Q1,孙某\n\
     2024-02-02,100.00,,戊,E1,Q1,孙某\n"
        .to_string()
}

/// S1: three cash deposits just under 50,000 in 20 days; T1: two, and one at 50,000.
fn statement_cash() -> String {
    "交易日期,交易金额,借贷标志,摘要,交易渠道,本方账号,户名\n\
     2024-03-01,48000.00,贷,现金存入,柜面,S1,周某\n\
     2024-03-10,49000.00,贷,现存,柜面,S1,周某\n\
     2024-03-20,46000.00,贷,存现,ATM,S1,周某\n\
     2024-03-01,48000.00,贷,现金存入,柜面,T1,吴某\n\
     2024-03-05,49000.00,贷,现金存入,柜面,T1,吴某\n\
     2024-03-08,50000.00,贷,现金存入,柜面,T1,吴某\n"
        .to_string()
}

fn all_statements() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("农行流水_甲.csv", statement_a()),
        ("流水_乙.csv", statement_b().into_bytes()),
        ("流水_丙.csv", statement_c().into_bytes()),
        ("流水_归集.csv", statement_pool().into_bytes()),
        ("流水_现金.csv", statement_cash().into_bytes()),
    ]
}

fn findings(case: &Path, rule: &str, sets: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["check", "--rule", rule];
    for s in sets {
        args.extend(["--set", s]);
    }
    let v = cli_json(&args, case);
    assert!(v["rules"][0]["error"].is_null(), "{}", v["rules"][0]);
    assert!(v["rules"][0]["skipped"].is_null(), "{}", v["rules"][0]);
    v["findings"].as_array().unwrap().clone()
}

fn keyed(fs: &[serde_json::Value]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs
        .iter()
        .map(|f| {
            (
                f["subject"]["key"].as_str().unwrap().to_string(),
                f["amount"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn bank_exports_are_read_as_statements_whatever_their_layout() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_with(dir.path(), &all_statements());
    let roles = query_strings(
        &case,
        "SELECT source_file, role, row_count FROM ledgers WHERE source_file LIKE '%流水%' ORDER BY source_file",
    );
    for r in &roles {
        assert_eq!(r[1].as_deref(), Some("statements"), "{r:?}");
    }
    // The title and account lines are above the header, the totals row is not data.
    let a = roles
        .iter()
        .find(|r| r[0].as_deref() == Some("农行流水_甲.csv"))
        .unwrap();
    assert_eq!(a[2].as_deref(), Some("3"));
    let rows = query_strings(
        &case,
        "SELECT coalesce(own_account, ''), strftime(ts, '%Y-%m-%d %H:%M:%S'), direction, CAST(amount AS VARCHAR), \
         coalesce(counter_account, ''), cash FROM v_statements ORDER BY file, row",
    );
    let text: Vec<String> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    // Two amount columns: the direction from the column; the time joined to the date.
    assert!(
        text.contains(&"A1|2024-01-10 09:01:02|in|1000.00|ZF001|false".to_string()),
        "{text:#?}"
    );
    assert!(text.contains(&"A1|2024-01-15 10:00:00|out|900.00|S9|false".to_string()));
    // One amount column with 借/贷.
    assert!(text.contains(&"B1|2024-01-20 00:00:00|out|700.00|C1|false".to_string()));
    assert!(text.contains(&"B1|2024-01-10 00:00:00|in|800.00|ZF001|false".to_string()));
    // Cash from the memo or the channel.
    assert!(text.contains(&"S1|2024-03-20 00:00:00|in|46000.00||true".to_string()));
    // The account named above the header, and its holder.
    let a1 = query_strings(
        &case,
        "SELECT DISTINCT name FROM v_statements WHERE own_account = 'A1'",
    );
    assert_eq!(a1, vec![vec![Some("甲".to_string())]]);
    // The account's holders, with where each tie comes from.
    let holders = query_strings(
        &case,
        "SELECT account, name, source, coalesce(id_number, '') FROM v_account_holders WHERE account IN ('B1', 'C1') ORDER BY account, source",
    );
    let holders: Vec<String> = holders
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert_eq!(
        holders,
        [
            "B1|乙|payment|430423195202020210",
            "B1|乙|statement|430423195202020210",
            "C1|丙|statement|430423197003030319"
        ],
        "a statement's holder is resolved to the one person of the case bearing the name"
    );
}

#[test]
fn a_subsidy_moved_on_to_a_cadre_is_diverted_and_to_the_family_or_a_month_later_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_with(dir.path(), &all_statements());
    let p = people();
    let fs = findings(&case, "subsidy-diverted", &[]);
    // 乙's 800 → 700 to the cadre 丙 ten days later: diverted (amount = the
    // outflow, at most the payment). 甲's 900 to his son (same household) is not;
    // his 850 to an outsider came 31 days after the payment (N + 1).
    assert_eq!(keyed(&fs), vec![(p.b.clone(), "700.00".to_string())]);
    assert!(
        fs[0]["text"].as_str().unwrap().contains("丙"),
        "{}",
        fs[0]["text"]
    );
    // With a window of 31 days 甲's transfer to the outsider is caught too.
    let wide = findings(&case, "subsidy-diverted", &["subsidy-diverted.days=31"]);
    let mut want = vec![
        (p.a.clone(), "850.00".to_string()),
        (p.b.clone(), "700.00".to_string()),
    ];
    want.sort();
    assert_eq!(keyed(&wide), want);
}

#[test]
fn pooled_accounts_need_three_households() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_with(dir.path(), &all_statements());
    let fs = findings(&case, "pooled-accounts", &[]);
    // P1: 乙, 丁, 戊 within 90 days (1,200 yuan); the cadre's C1: 丁, 丙妻, 乙
    // (1,800; 乙's transfer is on both statements and counts once). Q1: two
    // households only.
    assert_eq!(
        keyed(&fs),
        vec![
            ("C1".to_string(), "1800.00".to_string()),
            ("P1".to_string(), "1200.00".to_string())
        ]
    );
    let p1 = fs.iter().find(|f| f["subject"]["key"] == "P1").unwrap();
    assert_eq!(p1["detail"]["households"], 3);
    assert_eq!(p1["evidence"].as_array().unwrap().len(), 3);
    let two = findings(
        &case,
        "pooled-accounts",
        &["pooled-accounts.min_households=2"],
    );
    let keys: Vec<String> = keyed(&two).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["C1", "P1", "Q1"]);
    // A 30-day window splits P1's transfers (02-01, 02-15, 03-20); C1's are within 8 days.
    let short = findings(&case, "pooled-accounts", &["pooled-accounts.days=30"]);
    let keys: Vec<String> = keyed(&short).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["C1"]);
}

#[test]
fn cash_just_under_the_threshold_three_times_is_structuring_twice_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_with(dir.path(), &all_statements());
    let fs = findings(&case, "cash-structuring", &[]);
    assert_eq!(
        keyed(&fs),
        vec![("S1".to_string(), "143000.00".to_string())]
    );
    assert_eq!(fs[0]["detail"]["count"], 3);
    assert_eq!(fs[0]["evidence"].as_array().unwrap().len(), 3);
    // T1 has two under the line and one at it (not under): two are not enough.
    let two = findings(&case, "cash-structuring", &["cash-structuring.min_count=2"]);
    assert_eq!(
        keyed(&two),
        vec![
            ("S1".to_string(), "143000.00".to_string()),
            ("T1".to_string(), "97000.00".to_string())
        ]
    );
}

#[test]
fn money_into_a_cadres_account_from_discretionary_payees_but_not_from_his_wife() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_with(dir.path(), &all_statements());
    let p = people();
    let fs = findings(&case, "cadre-inflow", &[]);
    // 丁 (临时救助) sent 450 to 丙's card; his wife's 650 does not count; 乙's
    // 700 is a 高龄补贴 (not discretionary). Seen on both statements, once.
    assert_eq!(keyed(&fs), vec![(p.c.clone(), "450.00".to_string())]);
    assert!(fs[0]["detail"]["from"].as_str().unwrap().contains('丁'));
}

#[test]
fn the_sample_statements_hold_the_planted_card_keeping_pooling_and_structuring() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let (code, v) = import_json(
        &case,
        &[&root.join("ledgers"), &root.join("statements")],
        &[],
    );
    assert_eq!(code, 0, "{v}");
    let roles = query_strings(
        &case,
        "SELECT source_file, role, row_count FROM ledgers WHERE role = 'statements' ORDER BY source_file",
    );
    assert_eq!(roles.len(), 2, "{roles:?}");
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("expected_findings.json")).unwrap(),
    )
    .unwrap();
    let v = cli_json(
        &[
            "check",
            "--rule",
            "subsidy-diverted",
            "--rule",
            "pooled-accounts",
            "--rule",
            "cash-structuring",
            "--rule",
            "cadre-inflow",
        ],
        &case,
    );
    let mut got: Vec<(String, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["subject"]["key"].as_str().unwrap().to_string(),
                f["amount"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(String, String, String)> = expected["statement_findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["subject"].as_str().unwrap().to_string(),
                f["amount"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn the_relationship_graph_follows_the_money_and_writes_graphml() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_with(dir.path(), &all_statements());
    let p = people();
    cli_json(&["check"], &case);
    let out = common::hecha()
        .arg("graph")
        .arg(&case)
        .args(["--person", &p.b, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let me = format!("person:{}", p.b);
    let cadre = format!("person:{}", p.c);
    for want in [
        me.as_str(),
        "household:H2",
        "account:B1",
        "account:C1",
        cadre.as_str(),
        "program:高龄补贴",
    ] {
        assert!(ids.contains(&want), "{want} in {ids:?}");
    }
    let edges = g["edges"].as_array().unwrap();
    let has = |from: &str, to: &str, kind: &str| {
        edges
            .iter()
            .find(|e| e["from"] == from && e["to"] == to && e["kind"] == kind)
    };
    assert_eq!(
        has("account:B1", "account:C1", "transfer").unwrap()["amount"],
        "700.00"
    );
    assert!(has(&cadre, "account:C1", "holds").is_some());
    assert!(has(&me, "account:B1", "holds").is_some());
    // The subsidy-diverted finding about 乙 hangs on the person.
    assert!(edges.iter().any(|e| e["to"] == me.as_str()
        && e["kind"] == "about"
        && e["label"] == "subsidy-diverted"));
    // GraphML: well-formed, the same nodes and edges.
    let out = common::hecha()
        .arg("graph")
        .arg(&case)
        .args(["--person", &p.b, "--format", "graphml"])
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut nodes, mut edges_n) = (0, 0);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => match e.name().as_ref() {
                b"node" => nodes += 1,
                b"edge" => edges_n += 1,
                _ => {}
            },
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("GraphML: {e}"),
        }
    }
    assert_eq!(nodes, ids.len());
    assert_eq!(edges_n, edges.len());
    // A person the case does not know is an error in words.
    common::hecha()
        .arg("graph")
        .arg(&case)
        .args(["--person", "110101199001011234"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("110101199001011234"));
}

#[test]
fn a_date_cell_holding_the_time_keeps_it_when_there_is_no_time_column() {
    let dir = tempfile::tempdir().unwrap();
    let s = "交易日期,交易金额,借贷标志,对方户名,对方账号,本方账号,户名\n\
             2024-01-05 10:22:33,100.00,贷,乙,B1,A1,甲\n\
             2024/1/6 9:05,200.00,借,乙,B1,A1,甲\n\
             2024-01-07T08:00:01,300.00,借,乙,B1,A1,甲\n\
             20240108,400.00,借,乙,B1,A1,甲\n";
    let case = case_with(dir.path(), &[("流水_时间.csv", s.as_bytes().to_vec())]);
    let rows = query_strings(
        &case,
        "SELECT strftime(tx_date, '%Y-%m-%d'), strftime(ts, '%Y-%m-%d %H:%M:%S') FROM v_statements \
         WHERE file = '流水_时间.csv' ORDER BY row",
    );
    let got: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r[0].clone().unwrap_or_default(),
                r[1].clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2024-01-05".into(), "2024-01-05 10:22:33".into()),
            ("2024-01-06".into(), "2024-01-06 09:05:00".into()),
            ("2024-01-07".into(), "2024-01-07 08:00:01".into()),
            ("2024-01-08".into(), "2024-01-08 00:00:00".into()),
        ] as [(String, String); 4]
    );
}

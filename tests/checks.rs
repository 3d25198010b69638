//! The 13 cross-check rules on hand-built ledgers: hits, near-misses at the
//! exact boundaries of DOMAIN.md, the seeds' figures, stable identities and reviews.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use hecha::checks::{self, Finding, RunOptions};
use hecha::Case;

/// Valid 18-digit ID for a birth date and sequence (computes the check digit).
fn id(birth: &str, seq: u32) -> String {
    let first17 = format!("430423{birth}{seq:03}");
    let c = hecha::ingest::normalise::id_check_char(first17.as_bytes()).unwrap() as char;
    format!("{first17}{c}")
}

/// The 15-digit old form of an 18-digit ID born in the 1900s.
fn old15(id18: &str) -> String {
    format!("{}{}", &id18[..6], &id18[8..17])
}

struct Fixture {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    case: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let case = dir.path().join("case.duckdb");
        Case::create(
            &case,
            Some("规则测试"),
            hecha::ingest::normalise::parse_date("2024-06-30").unwrap(),
        )
        .unwrap();
        Fixture {
            dir: dir.path().to_path_buf(),
            _dir: dir,
            case,
        }
    }

    fn ledger(&self, name: &str, csv: &str) -> &Self {
        let p = self.dir.join(name);
        std::fs::write(&p, csv).unwrap();
        let c = Case::open(&self.case).unwrap();
        let r = hecha::ingest::import_paths(&c, &[p], &Default::default(), &mut |_| {});
        assert_eq!(r[0].error, None, "{name}");
        self
    }

    fn run(&self, rule: &str) -> Vec<Finding> {
        self.run_with(rule, &[])
    }

    fn run_with(&self, rule: &str, sets: &[(&str, &str)]) -> Vec<Finding> {
        let c = Case::open(&self.case).unwrap();
        let opts = RunOptions {
            rules: vec![rule.to_string()],
            sets: sets
                .iter()
                .map(|(p, v)| (rule.to_string(), p.to_string(), v.to_string()))
                .collect(),
            as_of: None,
        };
        let r = checks::run(&c, &opts).unwrap();
        assert_eq!(r.rules[0].error, None, "{rule}");
        assert_eq!(r.rules[0].skipped, None, "{rule}");
        r.findings(&c).unwrap()
    }
}

fn keys(fs: &[Finding]) -> Vec<(String, Option<String>)> {
    let mut v: Vec<_> = fs
        .iter()
        .map(|f| (f.subject.key.clone(), f.amount.map(|a| a.to_string())))
        .collect();
    v.sort();
    v
}

#[test]
fn deceased_paid_flags_months_after_death_not_the_month_of_death_and_matches_15_digit_ids() {
    let a = id("19500305", 123);
    let b = id("19620718", 202);
    let f = Fixture::new();
    // A's death is registered under the old 15-digit number.
    f.ledger(
        "死亡.csv",
        &format!(
            "姓名,身份证号,死亡日期\n甲,{},2023-09-12\n乙,{b},2023-10-31\n",
            old15(&a)
        ),
    );
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,补贴项目,发放年月,发放金额\n\
             甲,{a},残疾人生活补贴,2023-09,100\n\
             甲,{a},残疾人护理补贴,2023-09,90\n\
             甲,{a},残疾人护理补贴,2023-10,90\n\
             甲,{a},残疾人护理补贴,2023-11,90.50\n\
             乙,{b},高龄补贴,2023-10,300\n"
        ),
    );
    let fs = f.run("deceased-paid");
    assert_eq!(
        keys(&fs),
        vec![(a.clone(), Some("180.50".into()))],
        "October and November only, for A"
    );
    assert_eq!(
        fs[0].detail["months"],
        serde_json::json!(["2023-10", "2023-11"])
    );
    assert_eq!(fs[0].evidence[0].file(), "死亡.csv");
    assert_eq!(fs[0].evidence[0].row().map(|r| r.1), Some(1));
    assert_eq!(fs[0].subject.kind, "person");
}

#[test]
fn official_ineligible_self_wins_household_counts_and_months_outside_service_do_not() {
    let off = id("19800101", 111);
    let spouse = id("19820202", 222);
    let other = id("19700303", 333);
    let f = Fixture::new();
    f.ledger(
        "名册.csv",
        &format!("姓名,身份证号,工作单位,职务,入职日期,离职日期\n干部甲,{off},镇财政所,科员,2023-06-15,2023-09-15\n"),
    );
    f.ledger("户籍.csv", &format!("户号,姓名,身份证号,与户主关系\nH1,干部甲,{off},户主\nH1,配偶,{spouse},妻\nH2,他人,{other},户主\n"));
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,补贴项目,发放年月,发放金额\n\
             干部甲,{off},低保,2023-05,500\n\
             干部甲,{off},低保,2023-06,500\n\
             配偶,{spouse},低保,2023-09,400\n\
             配偶,{spouse},低保,2023-10,400\n\
             配偶,{spouse},高龄补贴,2023-07,300\n\
             他人,{other},低保,2023-07,600\n"
        ),
    );
    let fs = f.run("official-ineligible");
    // Before joining (May) and after leaving (October) are not flagged; 高龄补贴 is not means-tested.
    assert_eq!(
        keys(&fs),
        vec![
            (off.clone(), Some("500.00".into())),
            (spouse.clone(), Some("400.00".into()))
        ]
    );
    let by = |k: &str| fs.iter().find(|x| x.subject.key == k).unwrap();
    assert_eq!(by(&off).detail["via"], "self");
    assert_eq!(by(&spouse).detail["via"], "household");
}

#[test]
fn cadre_relative_flags_household_members_in_the_village_during_the_term() {
    let cadre = id("19700101", 101);
    let son = id("19950101", 102);
    let cousin = id("19900101", 103);
    let f = Fixture::new();
    f.ledger(
        "村干部.csv",
        &format!(
            "姓名,身份证号,村,职务,任职日期,离任日期\n刘书记,{cadre},石桥村,书记,2021-01-01,\n"
        ),
    );
    f.ledger(
        "户籍.csv",
        &format!("户号,姓名,身份证号,与户主关系,村\nH1,刘书记,{cadre},户主,石桥村\nH1,刘儿,{son},子,石桥村\nH9,表亲,{cousin},户主,石桥村\n"),
    );
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,村,补贴项目,发放年月,发放金额\n\
             刘书记,{cadre},石桥村,低保,2023-01,500\n\
             刘儿,{son},石桥村,低保,2023-01,500\n\
             刘儿,{son},石桥村,高龄补贴,2023-01,300\n\
             刘儿,{son},枫树村,临时救助,2023-02,200\n\
             表亲,{cousin},石桥村,低保,2023-01,500\n"
        ),
    );
    f.ledger(
        "物资.csv",
        &format!(
            "日期,物资名称,类型,数量,单位,单价,领取人,身份证号,村\n\
             2023-03-01,有机肥,入库,10,吨,1100,,,\n\
             2023-04-01,有机肥,发放,3.44,吨,,刘儿,{son},石桥村\n\
             2023-04-02,有机肥,盘点,6.56,吨,,,,\n"
        ),
    );
    let fs = f.run("cadre-relative");
    // 500 低保 + 3.44 t × 1,100 = 4,284.00; not the cadre, not 高龄补贴, not another village, not another household.
    assert_eq!(keys(&fs), vec![(son, Some("4284.00".into()))]);
}

#[test]
fn inflated_area_uses_summed_parcels_exact_tolerance_and_the_seed_figure() {
    let ma = id("19390909", 433);
    let edge = id("19600101", 111);
    let f = Fixture::new();
    f.ledger(
        "确权.csv",
        &format!(
            "姓名,身份证号,地类,确权面积(亩)\n\
             马,{ma},草地,12.50\n马,{ma},草地,8.00\n马,{ma},林地,30\n\
             边界,{edge},草地,10.00\n"
        ),
    );
    // 马 claims 48.5 mu at 37.5 yuan/mu = 1,818.75 against 20.5 registered: 28 mu × 37.5 = 1,050.00.
    f.ledger(
        "面积.csv",
        &format!(
            "姓名,身份证号,补贴项目,补贴面积,发放年月,发放金额\n\
             马,{ma},草原禁牧补助,48.50,2023-12,1818.75\n\
             边界,{edge},禁牧补助,10.01,2023-12,375.38\n"
        ),
    );
    let fs = f.run("inflated-area");
    assert_eq!(
        keys(&fs),
        vec![(ma.clone(), Some("1050.00".into()))],
        "exactly +0.01 mu is within tolerance"
    );
    let fs = f.run_with("inflated-area", &[("area_tolerance", "0.005")]);
    assert_eq!(
        fs.len(),
        2,
        "a lower tolerance (bound as a parameter) catches the edge"
    );
}

#[test]
fn duplicate_payment_keeps_the_earliest_and_sees_through_program_aliases() {
    let a = id("19570130", 361);
    let f = Fixture::new();
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,补贴项目,发放年月,发放日期,发放金额\n\
             钟,{a},最低生活保障,2023-12,2023-12-20,500\n\
             钟,{a},低保,2023-12,2023-12-05,490\n\
             钟,{a},低保,2024-01,2024-01-05,490\n"
        ),
    );
    let fs = f.run("duplicate-payment");
    assert_eq!(
        keys(&fs),
        vec![(a, Some("500.00".into()))],
        "the later 500 is the extra one"
    );
    assert_eq!(fs[0].evidence.len(), 2);
    assert_eq!(
        fs[0].evidence[0].row().map(|r| r.1),
        Some(2),
        "first = earliest pay date"
    );
}

#[test]
fn shared_account_needs_two_households_not_one_family() {
    let (h1, w1, x) = (id("19600101", 1), id("19620101", 2), id("19700101", 3));
    let f = Fixture::new();
    f.ledger(
        "户籍.csv",
        &format!("户号,姓名,身份证号,与户主关系\nA,夫,{h1},户主\nA,妻,{w1},妻\nB,外人,{x},户主\n"),
    );
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,补贴项目,发放年月,发放金额,银行卡号\n\
             夫,{h1},低保,2023-01,100,6217001\n妻,{w1},低保,2023-01,100,6217001\n\
             夫,{h1},低保,2023-02,100,6217002\n外人,{x},低保,2023-02,100,6217002\n"
        ),
    );
    let fs = f.run("shared-account");
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].subject.kind, "account");
    assert_eq!(fs[0].subject.key, "6217002");
    assert_eq!(fs[0].amount, None);
    assert_eq!(fs[0].detail["card"], "6217002");
}

#[test]
fn compensation_shortfall_seed_figure_unpaid_whole_and_exactly_one_yuan_is_fine() {
    let (li, ou, edge, over) = (
        id("19620418", 101),
        id("19700618", 543),
        id("19800101", 1),
        id("19810101", 2),
    );
    let f = Fixture::new();
    f.ledger(
        "分配.csv",
        &format!(
            "项目名称,姓名,身份证号,补偿金额（元）\n\
             铁塔用地补偿,李,{li},10000\n道路征地补偿,欧阳,{ou},8600\n\
             道路征地补偿,边界,{edge},1000.00\n道路征地补偿,多付,{over},500\n"
        ),
    );
    f.ledger(
        "支付.csv",
        &format!(
            "项目名称,姓名,身份证号,发放日期,实发金额\n\
             铁塔用地补偿,李,{li},2023-05-01,4000\n\
             道路征地补偿,边界,{edge},2023-05-01,999.00\n\
             道路征地补偿,多付,{over},2023-05-01,600\n"
        ),
    );
    let fs = f.run("compensation-shortfall");
    assert_eq!(
        keys(&fs),
        vec![(li, Some("6000.00".into())), (ou, Some("8600.00".into()))]
    );
}

#[test]
fn inventory_gap_seed_figure_8_88_tonnes_at_1100() {
    let f = Fixture::new();
    f.ledger(
        "物资.csv",
        "日期,物资名称,类型,数量,单位,单价\n\
         2023-03-01,有机肥,入库,60,吨,1100\n\
         2023-04-01,有机肥,发放,46.04,吨,\n\
         2023-04-05,有机肥,出库,3,吨,\n\
         2023-06-30,有机肥,盘点,2.08,吨,\n\
         2023-03-01,棉被,入库,10,床,180\n2023-04-01,棉被,发放,4,床,\n2023-06-30,棉被,盘点,6,床,\n",
    );
    let fs = f.run("inventory-gap");
    assert_eq!(
        keys(&fs),
        vec![("有机肥".to_string(), Some("9768.00".into()))],
        "a balanced item is not flagged"
    );
    assert_eq!(fs[0].subject.kind, "item");
}

#[test]
fn invalid_id_reports_every_ledger_and_skips_empty_cells() {
    let f = Fixture::new();
    f.ledger("户籍.csv", "户号,姓名,身份证号,与户主关系\nA,甲,430423196609149530,户主\nA,乙,,妻\nB,丙,４３０４２３１９９１０１０９２８３,户主\n");
    f.ledger(
        "杂项.csv",
        "姓名,身份证号,备注\n甲, 430423196609149530 ,无\n",
    );
    let fs = f.run("invalid-id");
    let ks: Vec<&str> = fs.iter().map(|f| f.subject.key.as_str()).collect();
    assert_eq!(fs.len(), 2, "{ks:?}");
    let bad = fs
        .iter()
        .find(|f| f.subject.key == "430423196609149530")
        .unwrap();
    assert_eq!(
        bad.evidence.len(),
        2,
        "the same key in two ledgers, one of them role 'other'"
    );
    assert!(
        ks.contains(&"43042319910109283"),
        "full-width digits are folded in the key"
    );
}

#[test]
fn age_ineligible_flags_months_before_the_eightieth_birthday_month() {
    let a = id("19440820", 432);
    let f = Fixture::new();
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,补贴项目,发放年月,发放金额\n\
             胡,{a},高龄津贴,2024-07,100\n胡,{a},高龄津贴,2024-08,100\n胡,{a},高龄津贴,2024-09,100\n胡,{a},低保,2024-07,500\n"
        ),
    );
    let fs = f.run("age-ineligible");
    assert_eq!(
        keys(&fs),
        vec![(a, Some("100.00".into()))],
        "July only: she turns 80 in August"
    );
}

#[test]
fn meal_docs_reasons_and_boundaries() {
    let f = Fixture::new();
    f.ledger(
        "接待.csv",
        "接待编号,接待日期,来访单位,公函号,审批单号,来宾人数,陪餐人数,用餐地点,菜单,发票号码,发票日期,发票金额,接待标准\n\
         J1,2023-07-20,甲局,H1,S1,10,3,机关食堂,工作餐,F1,2023-07-20,1560,120\n\
         J2,2023-07-21,乙局,H2,S2,4,2,机关食堂,工作餐,F2,2023-07-21,720,\n\
         J3,2023-07-22,丙局,,S3,12,4,机关食堂,工作餐 白酒,F3,2023-07-23,2000,120\n\
         J4,2023-07-24,丁局,H4,S4,12,5,某会所,工作餐,,,9999,120\n",
    );
    let fs = f.run("meal-docs");
    let reasons = |k: &str| {
        fs.iter()
            .find(|x| x.subject.key == k)
            .map(|x| x.detail["reasons"].clone())
            .unwrap_or(serde_json::Value::Null)
    };
    // J1: 3 hosts for 10 guests, invoice exactly 120 × 13: clean. J2: exactly 120 × 6 with the default standard.
    assert_eq!(reasons("J1"), serde_json::Value::Null);
    assert_eq!(reasons("J2"), serde_json::Value::Null);
    assert_eq!(
        reasons("J3"),
        serde_json::json!([
            "missing_letter_no",
            "invoice_date_mismatch",
            "over_standard",
            "alcohol_or_tobacco"
        ])
    );
    // No invoice: the invoice checks are skipped; 5 hosts for 12 guests is too many.
    assert_eq!(
        reasons("J4"),
        serde_json::json!(["missing_invoice", "too_many_hosts", "private_venue"])
    );
    assert!(fs.iter().all(|x| x.subject.kind == "record"));
}

#[test]
fn complaint_overdue_cards_at_exact_boundaries_and_repeats() {
    let f = Fixture::new();
    // as-of 2024-06-30: 2024-05-01 is exactly 60 days, 2024-04-01 exactly 90, 2024-03-31 is 91.
    f.ledger(
        "信访.csv",
        "信访编号,受理日期,信访人,被反映人,所在村,反映问题,办理状态,办结日期\n\
         X1,2024-05-01,甲,张三,石桥村,问题一,办理中,\n\
         X2,2024-04-30,乙,李四,石桥村,问题二,办理中,\n\
         X3,2024-04-01,丙,王五,枫树村,问题三,办理中,\n\
         X4,2024-03-31,丁,赵六,枫树村,问题四,办理中,\n\
         X5,2024-01-01,戊,张三,石桥村,问题五,已办结,2024-01-20\n\
         X6,2024-05-10,己,张三,枫树村,问题六,已办结,2024-05-20\n",
    );
    let fs = f.run("complaint-overdue");
    let card = |k: &str| {
        fs.iter()
            .find(|x| x.subject.key == k)
            .map(|x| x.detail["card"].clone())
    };
    assert_eq!(card("X2"), Some(serde_json::json!("yellow")), "61 days");
    assert_eq!(
        card("X3"),
        Some(serde_json::json!("yellow")),
        "exactly 90 days is still yellow"
    );
    assert_eq!(card("X4"), Some(serde_json::json!("red")));
    // X1 (exactly 60 days) is only a repeat of X5 (same accused, same village); X6 is another village.
    let x1 = fs.iter().find(|x| x.subject.key == "X1").unwrap();
    assert_eq!(x1.detail["card"], serde_json::Value::Null);
    assert_eq!(x1.detail["repeat_of"], "X5");
    assert!(fs
        .iter()
        .all(|x| x.subject.key != "X5" && x.subject.key != "X6"));
    assert_eq!(fs.len(), 4);
}

#[test]
fn holiday_meal_uses_the_state_council_calendar() {
    let f = Fixture::new();
    f.ledger(
        "接待.csv",
        "接待编号,接待日期,来访单位,公函号,审批单号,来宾人数,陪餐人数,用餐地点,菜单,发票号码,发票日期,发票金额\n\
         J1,2024-02-12,甲局,H1,S1,2,1,食堂,工作餐,F1,2024-02-12,100\n\
         J2,2024-02-18,乙局,H2,S2,2,1,食堂,工作餐,F2,2024-02-18,100\n\
         J3,2023-10-02,丙局,H3,S3,2,1,食堂,工作餐,F3,2023-10-02,100\n\
         J4,2023-10-07,丁局,H4,S4,2,1,食堂,工作餐,F4,2023-10-07,100\n",
    );
    let fs = f.run("holiday-meal");
    let mut ks: Vec<&str> = fs.iter().map(|x| x.subject.key.as_str()).collect();
    ks.sort();
    // 2024-02-18 is a make-up working day; 2023-10-07 a make-up working day after 国庆.
    assert_eq!(ks, vec!["J1", "J3"]);
}

#[test]
fn a_rule_whose_ledgers_are_missing_is_skipped_with_a_note() {
    let f = Fixture::new();
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,补贴项目,发放年月,发放金额\n甲,{},低保,2023-01,1\n",
            id("19600101", 1)
        ),
    );
    let c = Case::open(&f.case).unwrap();
    let r = checks::run(
        &c,
        &RunOptions {
            rules: vec!["deceased-paid".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let note = r.rules[0].skipped.clone().unwrap();
    assert!(note.contains("deaths"), "{note}");
}

#[test]
fn review_survives_a_rerun_and_a_new_ledger_brings_new_findings() {
    let a = id("19500305", 123);
    let b = id("19620718", 202);
    let f = Fixture::new();
    f.ledger(
        "死亡.csv",
        &format!("姓名,身份证号,死亡日期\n甲,{a},2023-01-10\n乙,{b},2023-01-10\n"),
    );
    f.ledger(
        "发放1.csv",
        &format!("姓名,身份证号,补贴项目,发放年月,发放金额\n甲,{a},低保,2023-03,100\n"),
    );
    let first = f.run("deceased-paid");
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].change, "new");
    let fid = first[0].id.clone();
    {
        let c = Case::open(&f.case).unwrap();
        checks::review(&c, &fid, "dismissed", "已核实：系代领后退回").unwrap();
    }
    let second = f.run("deceased-paid");
    assert_eq!(second[0].id, fid);
    assert_eq!(second[0].change, "same");
    assert_eq!(
        second[0].review.as_ref().map(|r| r.status.as_str()),
        Some("dismissed")
    );
    f.ledger(
        "发放2.csv",
        &format!("姓名,身份证号,补贴项目,发放年月,发放金额\n乙,{b},低保,2023-04,200\n"),
    );
    let third = f.run("deceased-paid");
    let new: Vec<&str> = third
        .iter()
        .filter(|x| x.change == "new")
        .map(|x| x.subject.key.as_str())
        .collect();
    assert_eq!(new, vec![b.as_str()]);
    assert_eq!(
        third
            .iter()
            .find(|x| x.id == fid)
            .unwrap()
            .review
            .as_ref()
            .unwrap()
            .reason,
        "已核实：系代领后退回"
    );
}

#[test]
fn a_broken_user_rule_names_its_file_and_line_and_the_others_still_run() {
    let f = Fixture::new();
    let bad = f.dir.join("broken.sql");
    std::fs::write(
        &bad,
        "-- id = \"broken\"\n-- version = 1\n-- title_zh = \"坏\"\n-- title_en = \"bad\"\n-- subject = \"person\"\n\
         -- text_zh = \"x\"\n-- text_en = \"x\"\nSELECT\n  nosuchcolumn AS subject_key\nFROM v_payments\n",
    )
    .unwrap();
    let c = Case::open(&f.case).unwrap();
    checks::add_case_rule(&c, &bad).unwrap();
    let r = checks::run(&c, &RunOptions::default()).unwrap();
    let broken = r.rules.iter().find(|x| x.id == "broken").unwrap();
    let e = broken.error.clone().unwrap();
    assert!(e.starts_with("case:broken.sql:9:"), "{e}");
    assert!(r
        .rules
        .iter()
        .filter(|x| x.id != "broken")
        .all(|x| x.error.is_none()));
}

/// Every planted anomaly of sample-data is found, with its amount, and nothing else.
#[test]
fn sample_data_planted_anomalies_are_found_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let (code, _) = import_json(&case, &[&root.join("ledgers")], &[]);
    assert_eq!(code, 0);
    let v = cli_json(&["check"], &case);
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("expected_findings.json")).unwrap(),
    )
    .unwrap();
    let mut want: Vec<(String, String, String, Option<String>)> = expected["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["subject_kind"].as_str().unwrap().to_string(),
                f["subject"].as_str().unwrap().to_string(),
                f["amount"].as_str().map(String::from),
            )
        })
        .collect();
    let mut got: Vec<(String, String, String, Option<String>)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["subject"]["kind"].as_str().unwrap().to_string(),
                f["subject"]["key"].as_str().unwrap().to_string(),
                f["amount"].as_str().map(String::from),
            )
        })
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    // The key evidence rows of every planted anomaly are cited.
    for f in expected["findings"].as_array().unwrap() {
        let found = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["rule"] == f["rule"] && g["subject"]["key"] == f["subject"])
            .unwrap();
        for e in f["key_evidence"].as_array().unwrap() {
            let file = Path::new(e["file"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let cited = found["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|g| g["file"] == file.as_str() && g["row"] == e["row"]);
            assert!(
                cited,
                "{} {}: {file}#{} not cited",
                f["rule"], f["subject"], e["row"]
            );
        }
    }
    // The JSON shape the issue relies on.
    let r0 = &v["rules"][0];
    for k in ["id", "title", "findings", "amount", "ms", "skipped"] {
        assert!(r0.get(k).is_some(), "rules[].{k}");
    }
    let f0 = &v["findings"][0];
    for k in [
        "id", "rule", "subject", "name", "amount", "evidence", "detail", "text",
    ] {
        assert!(f0.get(k).is_some(), "findings[].{k}");
    }
    assert!(v.get("run_id").is_some() && v.get("as_of").is_some());
}

#[test]
fn cli_check_review_findings_programs_and_user_rules() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let a = id("19500305", 123);
    let deaths = dir.path().join("死亡.csv");
    let pays = dir.path().join("发放.csv");
    std::fs::write(
        &deaths,
        format!("姓名,身份证号,死亡日期\n甲,{a},2023-01-10\n"),
    )
    .unwrap();
    std::fs::write(&pays, format!("姓名,身份证号,补贴项目,发放年月,发放金额\n甲,{a},农村五保金,2023-03,100\n甲,{a},农村五保金,2023-04,50.5\n")).unwrap();
    assert_eq!(import_json(&case, &[&deaths, &pays], &[]).0, 0);

    // A user rule in the config directory loads beside the built-in ones.
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("hecha/rules")).unwrap();
    std::fs::write(
        config.join("hecha/rules/big-payment.sql"),
        "-- id = \"big-payment\"\n-- version = 1\n-- title_zh = \"大额\"\n-- title_en = \"Big\"\n-- subject = \"person\"\n\
         -- roles = [\"payments\"]\n-- text_zh = \"{name} {amount}\"\n-- text_en = \"{name} {amount}\"\n\
         -- [[param]]\n-- name = \"threshold\"\n-- type = \"decimal\"\n-- default = \"60\"\n\
         SELECT 'person' AS subject_kind, id_number AS subject_key, concat(ledger_id, ':', row) AS scope, name, amount,\n\
         concat(ledger_id, ':', row) AS evidence FROM v_payments WHERE amount > CAST($threshold AS DECIMAL(18,2))\n",
    )
    .unwrap();
    let out = hecha()
        .args(["rules", "--json"])
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rules"].as_array().unwrap().len(), 22);

    // Plain output: a Chinese table with totals per rule.
    let out = hecha()
        .arg("check")
        .arg(&case)
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("死亡后仍领取") && text.contains("150.50") && text.contains("合计"),
        "{text}"
    );
    assert!(text.contains("big-payment"), "{text}");
    assert!(
        text.contains("未运行：需要先导入"),
        "skipped rules say which ledger to import: {text}"
    );

    // An alias the case adds is applied when the views are read: no re-import.
    hecha()
        .args(["programs"])
        .arg(&case)
        .args([
            "--add",
            "特困人员救助供养",
            "--alias",
            "农村五保金",
            "--means-tested",
            "--discretionary",
        ])
        .assert()
        .success();
    let progs = query_strings(&case, "SELECT DISTINCT program FROM v_payments");
    assert_eq!(progs, vec![vec![Some("特困人员救助供养".into())]]);

    // Review a finding, then see it in `findings`; --set with a bad value is refused.
    let v = cli_json(&["check", "--rule", "deceased-paid"], &case);
    let fid = v["findings"][0]["id"].as_str().unwrap().to_string();
    hecha()
        .arg("review")
        .arg(&case)
        .arg(&fid)
        .arg("confirmed")
        .args(["--reason", "死亡证明与发放记录核对一致"])
        .assert()
        .success();
    let v = cli_json(&["findings"], &case);
    let reviewed = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == fid.as_str())
        .unwrap();
    assert_eq!(reviewed["review"]["status"], "confirmed");
    // Findings are each rule's latest: the full run's other rules are still listed.
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "big-payment"));
    hecha()
        .arg("check")
        .arg(&case)
        .args(["--set", "inflated-area.area_tolerance=abc"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("area_tolerance"));
    hecha()
        .arg("review")
        .arg(&case)
        .arg("Fnope")
        .arg("confirmed")
        .args(["--reason", "x"])
        .assert()
        .code(2);
}

#[test]
fn a_rule_returning_bare_nulls_does_not_panic() {
    let f = Fixture::new();
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,补贴项目,发放年月,发放金额\n甲,{},低保,2023-01,1\n",
            id("19600101", 1)
        ),
    );
    let rule = f.dir.join("nulls.sql");
    std::fs::write(
        &rule,
        "-- id = \"nulls\"\n-- version = 1\n-- title_zh = \"空\"\n-- title_en = \"nulls\"\n-- subject = \"person\"\n\
         -- text_zh = \"{name}{d_x}\"\n-- text_en = \"{name}{d_x}\"\n\
         SELECT 'person' AS subject_kind, id_number AS subject_key, '' AS scope, NULL AS name, NULL AS amount, NULL AS evidence, NULL AS d_x FROM v_payments\n",
    )
    .unwrap();
    let c = Case::open(&f.case).unwrap();
    checks::add_case_rule(&c, &rule).unwrap();
    let r = checks::run(
        &c,
        &RunOptions {
            rules: vec!["nulls".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let fs = r.findings(&c).unwrap();
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].amount, None);
    assert_eq!(fs[0].detail["x"], serde_json::Value::Null);
}

/// A rule whose SQL fails after DuckDB has streamed some of its rows: what it
/// staged is dropped, the rule reports its error, and the other rules' findings
/// are stored; a rerun compares against the last successful run only.
#[test]
fn a_rule_failing_mid_stream_stores_none_of_its_rows() {
    let f = Fixture::new();
    f.ledger(
        "发放.csv",
        &format!(
            "姓名,身份证号,补贴项目,发放年月,发放金额\n甲,{},低保,2023-01,1\n甲,{},低保,2023-01,1\n",
            id("19600101", 1),
            id("19600101", 1)
        ),
    );
    let rule = f.dir.join("late-error.sql");
    // 10,000 rows: the cast fails on row 9,000, chunks after the first streamed.
    std::fs::write(
        &rule,
        "-- id = \"late-error\"\n-- version = 1\n-- title_zh = \"晚错\"\n-- title_en = \"late error\"\n-- subject = \"person\"\n\
         -- text_zh = \"{key}\"\n-- text_en = \"{key}\"\n\
         SELECT 'person' AS subject_kind, CAST(range AS VARCHAR) AS subject_key, '' AS scope, '' AS name, \
         CAST(CASE WHEN range < 9000 THEN '1' ELSE 'x' END AS INTEGER) AS amount, '' AS evidence FROM range(10000)\n",
    )
    .unwrap();
    let c = Case::open(&f.case).unwrap();
    checks::add_case_rule(&c, &rule).unwrap();
    let opts = RunOptions {
        rules: vec!["late-error".into(), "duplicate-payment".into()],
        ..Default::default()
    };
    let r = checks::run(&c, &opts).unwrap();
    let late = r.rules.iter().find(|x| x.id == "late-error").unwrap();
    assert!(late.error.is_some(), "{late:?}");
    assert_eq!(late.findings, 0);
    let dup = r
        .rules
        .iter()
        .find(|x| x.id == "duplicate-payment")
        .unwrap();
    assert_eq!((dup.error.as_deref(), dup.findings, dup.new), (None, 1, 1));
    let fs = r.findings(&c).unwrap();
    assert_eq!(fs.len(), 1, "only duplicate-payment's finding is stored");
    assert_eq!(fs[0].rule, "duplicate-payment");
    assert_eq!(r.findings_page(&c, 1, 10).unwrap().len(), 0);
    // Rerun: the same finding, now unchanged.
    let again = checks::run(&c, &opts).unwrap();
    let dup = again
        .rules
        .iter()
        .find(|x| x.id == "duplicate-payment")
        .unwrap();
    assert_eq!(
        (dup.findings, dup.new, dup.changed, dup.gone.len()),
        (1, 0, 0, 0)
    );
    assert_eq!(
        again.findings(&c).unwrap()[0].change,
        hecha::domain::FindingChange::Same
    );
}

#[test]
fn every_findings_village_comes_back_for_tens_of_thousands_of_evidence_rows() {
    // 25,000 people each paid twice in one month: 25,000 duplicate-payment
    // findings whose 50,000 evidence rows are looked up in one go (the list
    // once went into the statement as literals, which a county case's
    // parser time could not carry).
    let f = Fixture::new();
    let mut csv = String::from("姓名,身份证号,村,补贴项目,发放年月,发放日期,发放金额\n");
    let mut people = Vec::new();
    for day in 0..25 {
        for seq in 0..1000 {
            let who = id(&format!("195701{:02}", day + 1), seq);
            let village = format!("{}村", ["东", "西", "南", "北", "中"][(seq % 5) as usize]);
            for d in ["05", "20"] {
                csv.push_str(&format!(
                    "某,{who},{village},低保,2024-01,2024-01-{d},490\n"
                ));
            }
            people.push((who, village));
        }
    }
    f.ledger("发放.csv", &csv);
    let fs = f.run("duplicate-payment");
    assert_eq!(fs.len(), 25_000);
    let c = Case::open(&f.case).unwrap();
    let villages = checks::villages(&c, &fs).unwrap();
    assert_eq!(villages.len(), 25_000, "a village for every finding");
    let want: std::collections::HashMap<_, _> = people.into_iter().collect();
    for x in &fs {
        assert_eq!(
            villages.get(&x.id),
            want.get(&x.subject.key),
            "{}",
            x.subject.key
        );
    }
}

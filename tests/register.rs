//! The clue register through the CLI contract: clues, stage events and their
//! refusals, working-day deadlines, from-complaints, the migration of old
//! allegations, statistics and the clue-deadline rule.

mod common;

use std::path::Path;

use common::{cli_json, hecha, new_case, query_i64};

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

fn new_clue(case: &Path, args: &[&str]) -> (i64, String) {
    let out = hecha()
        .args(["clue", "new"])
        .arg(case)
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        v["id"].as_i64().unwrap(),
        v["number"].as_str().unwrap().to_string(),
    )
}

fn event(case: &Path, clue: &str, args: &[&str]) -> std::process::Output {
    hecha()
        .args(["clue", "event"])
        .arg(case)
        .arg(clue)
        .args(args)
        .output()
        .unwrap()
}

fn ok_event(case: &Path, clue: &str, args: &[&str]) {
    let out = event(case, clue, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `hecha clue show` takes the case after the sub-command.
fn cli_clue_show(case: &Path, clue: &str, as_of: &str) -> serde_json::Value {
    let out = hecha()
        .args(["clue", "show"])
        .arg(case)
        .args([clue, "--as-of", as_of, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn deadline<'a>(clue: &'a serde_json::Value, what: &str) -> &'a serde_json::Value {
    clue["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["what"] == what)
        .unwrap_or_else(|| panic!("no {what} in {clue}"))
}

#[test]
fn deadlines_count_working_days_across_national_day_2023_with_its_make_up_days() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (id, number) = new_clue(
        &case,
        &[
            "--title",
            "反映村主任违规发放低保",
            "--received",
            "2023-09-25",
            "--subject",
            "王堃",
            "--post",
            "枫树村村委会主任",
            "--real-name",
            "--informant",
            "李喆",
        ],
    );
    assert_eq!(number, "XS-2023-001");
    let c = cli_clue_show(&case, &id.to_string(), "2023-10-16");
    // Monday 2023-09-25 + 15 working days = 2023-10-20: the make-up Saturday and
    // Sunday 10-07 and 10-08 count, the holiday 09-29..10-06 does not.
    let notice = deadline(&c, "acceptance-notice");
    assert_eq!(notice["due"], "2023-10-20");
    assert_eq!(notice["state"], "open");
    assert_eq!(
        deadline(
            &cli_clue_show(&case, &number, "2023-10-17"),
            "acceptance-notice"
        )["state"],
        "due-soon"
    );
    assert_eq!(
        deadline(
            &cli_clue_show(&case, &number, "2023-10-23"),
            "acceptance-notice"
        )["state"],
        "overdue"
    );
    assert_eq!(deadline(&c, "disposal")["due"], "2023-10-25");
    assert_eq!(c["real_name"], true);
    assert_eq!(c["status"], "registered");
    assert_eq!(c["village"], "枫树村");
    assert_eq!(c["subjects"][0]["name"], "王堃");

    ok_event(
        &case,
        &number,
        &["informant-notified", "--date", "2023-10-09"],
    );
    ok_event(
        &case,
        &number,
        &[
            "disposed",
            "--date",
            "2023-10-09",
            "--disposition",
            "谈话函询",
        ],
    );
    ok_event(&case, &number, &["letter-sent", "--date", "2023-10-10"]);
    let c = cli_clue_show(&case, &number, "2023-10-31");
    assert_eq!(c["status"], "inquiry");
    assert_eq!(c["disposition"], "inquiry");
    assert_eq!(deadline(&c, "acceptance-notice")["state"], "done");
    assert_eq!(deadline(&c, "acceptance-notice")["done_on"], "2023-10-09");
    // 10-10 + 15 working days = 10-31.
    let reply = deadline(&c, "inquiry-reply");
    assert_eq!(reply["due"], "2023-10-31");
    assert_eq!(reply["state"], "due-soon");
    ok_event(&case, &number, &["reply-received", "--date", "2023-11-02"]);
    let c = cli_clue_show(&case, &number, "2023-11-02");
    assert_eq!(deadline(&c, "inquiry-reply")["late"], true);
    // One month after the reply: 12-02 is a Saturday, so 12-04.
    assert_eq!(deadline(&c, "inquiry-closure")["due"], "2023-12-04");
    ok_event(
        &case,
        &number,
        &["concluded", "--date", "2023-11-20", "--outcome", "谈话提醒"],
    );
    let c = cli_clue_show(&case, &number, "2023-11-21");
    assert_eq!(c["status"], "concluded");
    assert_eq!(c["form"], 1);
    // The informant is told the result within 15 working days of the conclusion.
    assert_eq!(deadline(&c, "result-feedback")["due"], "2023-12-11");
}

#[test]
fn a_month_period_ending_on_a_rest_day_ends_on_the_next_working_day() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    // 2023-09-01 + 1 month = 2023-10-01 (National Day) → 2023-10-07, a make-up Saturday.
    let (_, a) = new_clue(&case, &["--title", "线索甲", "--received", "2023-09-01"]);
    assert_eq!(
        deadline(&cli_clue_show(&case, &a, "2023-09-02"), "disposal")["due"],
        "2023-10-07"
    );
    // 2024-03-27 + 1 month = Saturday 04-27 → Sunday 04-28, a make-up working day.
    let (_, b) = new_clue(&case, &["--title", "线索乙", "--received", "2024-03-27"]);
    assert_eq!(
        deadline(&cli_clue_show(&case, &b, "2024-03-28"), "disposal")["due"],
        "2024-04-28"
    );
    // 2024-05-04 + 1 month = Tuesday 06-04, a working day: unchanged.
    let (_, c) = new_clue(&case, &["--title", "线索丙", "--received", "2024-05-04"]);
    assert_eq!(
        deadline(&cli_clue_show(&case, &c, "2024-05-05"), "disposal")["due"],
        "2024-06-04"
    );
}

#[test]
fn events_out_of_order_are_refused_with_a_clear_message_and_nothing_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (_, n) = new_clue(
        &case,
        &["--title", "反映会计挪用资金", "--received", "2024-03-01"],
    );
    let events = || query_i64(&case, "SELECT count(*) FROM clue_events");
    let refused = |args: &[&str], words: &str| {
        let out = event(&case, &n, args);
        assert_eq!(out.status.code(), Some(2), "{args:?} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{args:?}: {err}");
    };
    refused(
        &["accepted", "--date", "2024-02-28"],
        "早于受理日期 2024-03-01",
    );
    refused(
        &[
            "decided",
            "--date",
            "2024-04-01",
            "--outcome",
            "party-sanction",
            "--sanction",
            "警告",
        ],
        "尚未立案",
    );
    refused(&["reply-received", "--date", "2024-03-05"], "函询发出");
    refused(&["informant-notified", "--date", "2024-03-05"], "匿名");
    refused(&["disposed", "--date", "2024-03-05"], "--disposition");
    refused(
        &["disposed", "--date", "2024-03-05", "--disposition", "maybe"],
        "不是可用的代码",
    );
    refused(&["teleported", "--date", "2024-03-05"], "不是可用的代码");
    refused(&["accepted", "--date", "2024-13-45"], "看不懂");
    assert_eq!(events(), 0);

    ok_event(
        &case,
        &n,
        &[
            "disposed",
            "--date",
            "2024-03-10",
            "--disposition",
            "暂存待查",
        ],
    );
    refused(
        &[
            "disposed",
            "--date",
            "2024-03-12",
            "--disposition",
            "verification",
        ],
        "先“重新启用”",
    );
    refused(
        &[
            "disposed",
            "--date",
            "2024-03-08",
            "--disposition",
            "verification",
        ],
        "早于上一步",
    );
    refused(&["case-opened", "--date", "2024-03-12"], "立案审查");
    assert_eq!(events(), 1);
    ok_event(&case, &n, &["reopened", "--date", "2024-05-06"]);
    ok_event(
        &case,
        &n,
        &[
            "disposed",
            "--date",
            "2024-05-07",
            "--disposition",
            "verification",
        ],
    );
    ok_event(&case, &n, &["verification-started", "--date", "2024-05-08"]);
    refused(&["extended", "--date", "2024-06-01"], "--note");
    ok_event(
        &case,
        &n,
        &[
            "extended",
            "--date",
            "2024-06-01",
            "--note",
            "经书记批准延期一个月",
        ],
    );
    ok_event(
        &case,
        &n,
        &["verification-reported", "--date", "2024-07-20"],
    );
    ok_event(&case, &n, &["case-opened", "--date", "2024-07-25"]);
    refused(&["concluded", "--date", "2024-08-01"], "处分决定");
    refused(
        &[
            "decided",
            "--date",
            "2024-09-01",
            "--outcome",
            "party-sanction",
        ],
        "--sanction",
    );
    ok_event(&case, &n, &["review-started", "--date", "2024-09-20"]);
    ok_event(
        &case,
        &n,
        &[
            "decided",
            "--date",
            "2024-10-15",
            "--outcome",
            "政务处分",
            "--sanction",
            "记过",
        ],
    );
    let c = cli_clue_show(&case, &n, "2024-10-16");
    assert_eq!(c["status"], "decided");
    assert_eq!(c["sanction"], "state-demerit");
    assert_eq!(c["form"], 2);
    // 05-08 + 2 months = 07-08, + 1 month extension = 08-08: reported in time.
    let v = deadline(&c, "verification");
    assert_eq!(v["due"], "2024-08-08");
    assert_eq!(v["late"], false);
    // Every event is in the audit log.
    let log = cli_json(&["log"], &case);
    let n_events = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "clue.event")
        .count();
    assert_eq!(n_events, 9);
}

#[test]
fn from_complaints_registers_every_sample_row_once() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    hecha()
        .arg("import")
        .arg(&case)
        .arg(sample("ledgers/信访举报登记簿.csv"))
        .assert()
        .success();
    let made = {
        let out = hecha()
            .args(["clue", "from-complaints"])
            .arg(&case)
            .arg("--json")
            .output()
            .unwrap();
        assert!(out.status.success());
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert_eq!(made.as_array().unwrap().len(), 18);
    let again = hecha()
        .args(["clue", "from-complaints"])
        .arg(&case)
        .arg("--json")
        .output()
        .unwrap();
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        again.as_array().unwrap().len(),
        0,
        "rows are registered once"
    );
    let clues = cli_json(&["clues"], &case);
    let clues = clues.as_array().unwrap();
    assert_eq!(clues.len(), 18);
    let by_subject = |name: &str, received: &str| {
        clues
            .iter()
            .find(|c| c["subjects"][0]["name"] == name && c["received"] == received)
            .unwrap_or_else(|| panic!("{name} {received}"))
    };
    // A real-name row: 李春生 reported 刘建国 on 2024-03-27, still open.
    let liu = by_subject("刘建国", "2024-03-27");
    assert_eq!(liu["real_name"], true);
    assert_eq!(liu["informant"], "李春生");
    assert_eq!(liu["source"], "report");
    assert_eq!(liu["status"], "registered");
    assert_eq!(liu["village"], "石桥村");
    assert!(liu["origin"].as_str().unwrap().starts_with("row:"));
    assert_eq!(
        liu["problems"].as_array().unwrap().len(),
        0,
        "problems are the officer's to raise"
    );
    assert_eq!(deadline(liu, "acceptance-notice")["state"], "overdue");
    // An anonymous row closed in the ledger is concluded on its 办结日期.
    let xie = by_subject("谢国平", "2023-03-08");
    assert_eq!(xie["real_name"], false);
    assert_eq!(xie["status"], "concluded");
    assert_eq!(xie["events"][0]["event"], "concluded");
    assert_eq!(xie["events"][0]["date"], "2023-04-21");
    // Most urgent first: the first clue has an overdue deadline.
    assert!(clues[0]["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["state"] == "overdue"));
    let overdue = cli_json(&["clues", "--overdue"], &case);
    assert!(overdue.as_array().unwrap().len() < 18);
    // The rule reports the same overdue deadlines.
    hecha().arg("check").arg(&case).assert().success();
    let findings = cli_json(&["findings", "--rule", "clue-deadline"], &case);
    let n_overdue: usize = clues
        .iter()
        .flat_map(|c| c["deadlines"].as_array().unwrap())
        .filter(|d| d["state"] == "overdue" || d["state"] == "due-soon")
        .count();
    assert_eq!(findings["findings"].as_array().unwrap().len(), n_overdue);
    // Statistics: by village and month, every clue counted once.
    let stats = cli_json(&["stats"], &case);
    assert_eq!(stats["clues"], 18);
    let villages: i64 = stats["by_village"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["clues"].as_i64().unwrap())
        .sum();
    assert_eq!(villages, 18);
}

#[test]
fn allegations_made_before_the_register_become_clues_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    {
        // Turn the case back into a schema-8 case with two old allegations.
        let c = duckdb::Connection::open(&case).unwrap();
        c.execute_batch(
            "DROP VIEW IF EXISTS v_clue_deadlines;
             DROP TABLE clues; DROP TABLE clue_subjects; DROP TABLE clue_events;
             DROP TABLE clue_deadlines; DROP TABLE case_settings; DROP TABLE makeup_days;
             ALTER TABLE allegations DROP COLUMN clue_id;
             DELETE FROM hecha_migrations WHERE version >= 9;
             INSERT INTO allegations (id, title, status, created_at, updated_at, amount)
               VALUES (1, '刘建国截留铁塔补偿款', '属实', TIMESTAMP '2024-04-02 09:00:00', TIMESTAMP '2024-04-02 09:00:00', 6000),
                      (2, '马德贵虚报禁牧面积', '待核查', TIMESTAMP '2024-05-10 10:00:00', TIMESTAMP '2024-05-10 10:00:00', NULL);",
        )
        .unwrap();
    }
    // Any change opens the case for writing and migrates it.
    hecha()
        .args(["allege"])
        .arg(&case)
        .arg("新的问题")
        .assert()
        .success();
    let clues = cli_json(&["clues"], &case);
    let clues = clues.as_array().unwrap();
    assert_eq!(clues.len(), 3);
    let liu = clues
        .iter()
        .find(|c| c["title"] == "刘建国截留铁塔补偿款")
        .unwrap();
    assert_eq!(liu["received"], "2024-04-02");
    assert_eq!(liu["number"], "XS-2024-001");
    assert_eq!(liu["origin"], "allegation:1");
    assert_eq!(liu["problems"][0]["id"], 1);
    assert_eq!(liu["problems"][0]["status"], "属实");
    assert_eq!(liu["problems"][0]["amount"], "6000.00");
    assert_eq!(
        query_i64(
            &case,
            "SELECT count(*) FROM allegations WHERE clue_id IS NULL"
        ),
        0
    );
    assert_eq!(
        query_i64(&case, "SELECT count(*) FROM makeup_days WHERE year = 2023"),
        7
    );
    // The old problem-level commands keep working, and --clue adds to a clue.
    hecha()
        .args(["allege"])
        .arg(&case)
        .args(["又一个问题", "--clue", "XS-2024-001"])
        .assert()
        .success();
    let liu = cli_clue_show(&case, "XS-2024-001", "2024-06-30");
    assert_eq!(liu["problems"].as_array().unwrap().len(), 2);
}

#[test]
fn a_clue_from_a_finding_is_a_data_comparison_clue_with_the_finding_linked() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    for f in [
        "ledgers/死亡人员户籍注销登记.csv",
        "ledgers/2024年上半年惠民惠农补贴一卡通发放明细.csv",
    ] {
        hecha()
            .arg("import")
            .arg(&case)
            .arg(sample(f))
            .assert()
            .success();
    }
    hecha().arg("check").arg(&case).assert().success();
    let findings = cli_json(&["findings", "--rule", "deceased-paid"], &case);
    let f = findings["findings"][0]["id"].as_str().unwrap().to_string();
    let (id, _) = new_clue(
        &case,
        &[
            "--received",
            "2024-06-30",
            "--from",
            &format!("finding:{f}"),
        ],
    );
    let c = cli_clue_show(&case, &id.to_string(), "2024-06-30");
    assert_eq!(c["source"], "data-comparison");
    assert_eq!(c["origin"], format!("finding:{f}"));
    let evidence = &c["problems"][0]["evidence"];
    assert_eq!(evidence[0]["kind"], "finding");
    assert_eq!(evidence[0]["reference"], f.as_str());
    let out = hecha()
        .args(["clue", "new"])
        .arg(&case)
        .args(["--received", "2024-06-30", "--from", "finding:Fnothing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn deadline_settings_are_overridden_per_case_and_bad_ones_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (_, n) = new_clue(&case, &["--title", "线索", "--received", "2024-03-01"]);
    ok_event(
        &case,
        &n,
        &[
            "disposed",
            "--date",
            "2024-03-04",
            "--disposition",
            "verification",
        ],
    );
    ok_event(&case, &n, &["verification-started", "--date", "2024-03-05"]);
    assert_eq!(
        deadline(&cli_clue_show(&case, &n, "2024-03-06"), "verification")["due"],
        "2024-05-06"
    );
    let s = cli_json(&["deadlines", "--set", "verification=15个工作日"], &case);
    let v = s
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "verification")
        .unwrap();
    assert_eq!(v["value"], "15wd");
    assert_eq!(v["origin"], "case");
    // 03-05 + 15 working days = 03-26.
    assert_eq!(
        deadline(&cli_clue_show(&case, &n, "2024-03-06"), "verification")["due"],
        "2024-03-26"
    );
    let out = hecha()
        .arg("deadlines")
        .arg(&case)
        .args(["--set", "verification=soon"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("verification"));
}

#[test]
fn a_date_beyond_the_holiday_table_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (_, n) = new_clue(&case, &["--title", "线索", "--received", "2026-12-20"]);
    let c = cli_clue_show(&case, &n, "2026-12-21");
    assert_eq!(deadline(&c, "disposal")["outside_calendar"], true);
    let out = hecha()
        .args(["clue", "show"])
        .arg(&case)
        .args([n.as_str(), "--as-of", "2026-12-21"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("节假日表只到 2026 年"));
}

#[test]
fn an_informant_registered_by_hand_is_redacted_in_every_export_of_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (_, n) = new_clue(
        &case,
        &[
            "--title",
            "反映村会计虚报误工补贴",
            "--received",
            "2024-05-06",
            "--subject",
            "钱多多",
            "--subject-id",
            "430423196204181012",
            "--real-name",
            "--informant",
            "郑好人",
        ],
    );
    ok_event(&case, &n, &["informant-notified", "--date", "2024-05-10"]);
    for fmt in ["md", "html", "docx", "json"] {
        let out = dir.path().join(format!("报告.{fmt}"));
        hecha()
            .arg("export")
            .arg(&case)
            .args(["--format", fmt, "--out"])
            .arg(&out)
            .env("HECHA_LANG", "zh-CN")
            .assert()
            .success();
        let bytes = std::fs::read(&out).unwrap();
        let text = if fmt == "docx" {
            use std::io::Read;
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut all = String::new();
            for i in 0..zip.len() {
                zip.by_index(i).unwrap().read_to_string(&mut all).unwrap();
            }
            all
        } else {
            String::from_utf8(bytes).unwrap()
        };
        assert!(text.contains(&n), "the register is in the {fmt} export");
        assert!(!text.contains("郑好人"), "informant in the {fmt} export");
        assert!(
            !text.contains("430423196204181012"),
            "full ID in the {fmt} export"
        );
        assert!(text.contains("举报人A"), "pseudonym in the {fmt} export");
    }
    // Unredacted, as an explicit choice, the name is there.
    let out = dir.path().join("不脱敏.md");
    hecha()
        .arg("export")
        .arg(&case)
        .args(["--format", "md", "--no-redact", "--out"])
        .arg(&out)
        .env("HECHA_LANG", "zh-CN")
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().contains("郑好人"));
}

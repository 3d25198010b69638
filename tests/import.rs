//! `hecha new / import / info`: decoding, roles, row numbers, normalised views,
//! and every kind of bad input (clear error, exit 2, case unchanged).

mod common;

use common::*;
use predicates::prelude::*;

const PAYMENTS: &str = "姓名,身份证号码,村(社区),补贴项目,发放年月,发放日期,发放金额(元),银行卡号\r\n\
张海山,430423195003051233,清水村,低保,2023年5月,2023/5/10,\"1,050.00\",6217000011112222\r\n\
李秀英,430423196207182029,石桥村,高龄津贴,202305,20230510,¥300,6217000033334444\r\n\
王 建国,430423197001013611,清水村,残疾人护理补贴,2023-05,2023年5月10日,１０５０元,6217000055556666\r\n";

#[test]
fn gbk_payments_csv_imports_with_role_rows_and_normalised_values() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = dir.path().join("发放明细.csv");
    std::fs::write(&f, gbk(PAYMENTS)).unwrap();
    let (code, v) = import_json(&case, &[&f], &[]);
    assert_eq!(code, 0, "{v}");
    let r = &v[0];
    assert_eq!(r["kind"], "ledger");
    assert_eq!(r["role"], "payments");
    assert_eq!(r["rows"], 3);
    assert_eq!(r["encoding"], "GB18030");
    assert_eq!(r["status"], "imported");
    assert!(r["error"].is_null());

    let rows = query_strings(
        &case,
        "SELECT row::VARCHAR, name, id_number, village, program, program_raw, month::VARCHAR, pay_date::VARCHAR, \
         amount::VARCHAR, account FROM v_payments ORDER BY row",
    );
    let s = |r: usize, c: usize| rows[r][c].clone().unwrap_or_default();
    assert_eq!(s(0, 0), "1");
    assert_eq!(s(0, 1), "张海山");
    assert_eq!(s(0, 4), "最低生活保障", "alias 低保 is canonicalised");
    assert_eq!(s(0, 5), "低保");
    assert_eq!(s(0, 6), "2023-05-01");
    assert_eq!(s(0, 7), "2023-05-10");
    assert_eq!(s(0, 8), "1050.00");
    assert_eq!(s(1, 4), "高龄补贴");
    assert_eq!(s(1, 8), "300.00");
    assert_eq!(s(2, 1), "王建国", "inner spaces removed from names");
    assert_eq!(s(2, 8), "1050.00", "full-width digits and 元");
    assert_eq!(s(2, 7), "2023-05-10");
    // The amount column is exact DECIMAL(18,2), never a float.
    let ty = query_strings(&case, "SELECT typeof(amount) FROM v_payments LIMIT 1");
    assert_eq!(ty[0][0].as_deref(), Some("DECIMAL(18,2)"));
    // Original cells are kept beside the normalised values.
    let orig = query_strings(
        &case,
        "SELECT \"发放金额(元)\", \"姓名\" FROM ledger_1 WHERE _row = 3",
    );
    assert_eq!(orig[0][0].as_deref(), Some("１０５０元"));
    assert_eq!(orig[0][1].as_deref(), Some("王 建国"));
}

#[test]
fn utf16_and_utf8_bom_csvs_decode_and_record_their_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    std::fs::write(
        &a,
        utf16le_bom("姓名,身份证号,死亡日期\n张海山,430423195003051233,2023-03-15\n"),
    )
    .unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(
        "户号,姓名,身份证号,与户主关系\nH001,李秀英,430423196207182029,户主\n".as_bytes(),
    );
    std::fs::write(&b, bom).unwrap();
    let (code, v) = import_json(&case, &[&a, &b], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["encoding"], "UTF-16LE");
    assert_eq!(v[0]["role"], "deaths");
    assert_eq!(v[1]["encoding"], "UTF-8 (BOM)");
    assert_eq!(v[1]["role"], "households");
    let d = query_strings(&case, "SELECT name, death_date::VARCHAR FROM v_deaths");
    assert_eq!(d[0], vec![Some("张海山".into()), Some("2023-03-15".into())]);
    let h = query_strings(&case, "SELECT household, name FROM v_households");
    assert_eq!(
        h[0],
        vec![Some("H001".into()), Some("李秀英".into())],
        "BOM not part of the first header"
    );
}

#[test]
fn xlsx_title_row_is_skipped_dates_become_dates_and_row_numbers_follow_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(&case, &[&fixture("land.xlsx")], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["role"], "land");
    assert_eq!(v[0]["rows"], 3);
    let rows = query_strings(
        &case,
        "SELECT row::VARCHAR, name, land_type, registered_area::VARCHAR, id_valid::VARCHAR FROM v_land ORDER BY row",
    );
    assert_eq!(rows[0][0].as_deref(), Some("1"));
    assert_eq!(rows[0][1].as_deref(), Some("张海山"));
    assert_eq!(rows[0][3].as_deref(), Some("12.5000"));
    assert_eq!(rows[2][3].as_deref(), Some("3.2500"));
    assert!(rows.iter().all(|r| r[4].as_deref() == Some("true")));
    // Real date cells and a serial number typed into a date column both read as dates.
    let dates = query_strings(&case, "SELECT \"登记日期\" FROM ledger_1 ORDER BY _row");
    assert_eq!(dates[0][0].as_deref(), Some("2019-03-01"));
    assert_eq!(dates[1][0].as_deref(), Some("2020-11-30"));
    let header_line = query_i64(&case, "SELECT header_line FROM ledgers");
    assert_eq!(
        header_line, 2,
        "the title row above the header is not a data row"
    );
}

#[test]
fn xlsx_named_sheet_and_missing_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = fixture("land.xlsx");
    hecha()
        .arg("import")
        .arg(&case)
        .arg(&f)
        .args(["--sheet", "不存在"])
        .assert()
        .code(2)
        .stdout(
            predicate::str::contains("没有名为“不存在”的工作表")
                .and(predicate::str::contains("确权")),
        );
    let (code, v) = import_json(&case, &[&f], &["--sheet", "说明", "--role", "other"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["role"], "other");
}

#[test]
fn docx_and_txt_documents_import_with_kind_from_content() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let t = dir.path().join("谈话记录.txt");
    std::fs::write(
        &t,
        gbk("时间：2024年3月1日\r\n问：你的姓名？\r\n答：张海山。\r\n"),
    )
    .unwrap();
    let (code, v) = import_json(&case, &[&fixture("letter.docx"), &t], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["kind"], "letter");
    assert_eq!(v[0]["encoding"], "DOCX");
    assert_eq!(v[1]["kind"], "transcript");
    assert_eq!(v[1]["encoding"], "GB18030");
    let docs = query_strings(
        &case,
        "SELECT kind, text, sha256 FROM documents ORDER BY id",
    );
    let letter = docs[0][1].clone().unwrap();
    assert!(
        letter.starts_with("举报信\n清水镇纪委：\n我反映"),
        "paragraphs kept: {letter:?}"
    );
    assert!(
        letter.contains("姓名\t金额"),
        "table cells kept: {letter:?}"
    );
    assert_eq!(
        docs[1][1].as_deref(),
        Some("时间：2024年3月1日\n问：你的姓名？\n答：张海山。\n")
    );
    assert_eq!(docs[0][2].as_ref().map(|s| s.len()), Some(64));
}

#[test]
fn reimporting_identical_bytes_is_a_duplicate_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = dir.path().join("p.csv");
    std::fs::write(&f, gbk(PAYMENTS)).unwrap();
    assert_eq!(import_json(&case, &[&f], &[]).0, 0);
    let before = footprint(&case);
    let copy = dir.path().join("copy-of-p.csv");
    std::fs::copy(&f, &copy).unwrap();
    let (code, v) = import_json(&case, &[&f, &copy], &[]);
    assert_eq!(code, 0);
    assert_eq!(v[0]["status"], "duplicate");
    assert_eq!(v[1]["status"], "duplicate");
    assert_eq!(footprint(&case), before);
}

#[test]
fn garbage_id_column_imports_rows_flagged_invalid() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = dir.path().join("deaths.csv");
    std::fs::write(
        &f,
        "姓名,身份证号,死亡日期\n甲,abc,2023-01-01\n乙,4304231950030512,2023-01-02\n丙,430423195013051233,2023-01-03\n丁,430423195003051234,2023-01-04\n戊,430423500305123,2023-01-05\n己,,2023-01-06\n",
    )
    .unwrap();
    let (code, v) = import_json(&case, &[&f], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["rows"], 6, "no row dropped");
    assert!(v[0]["warnings"].to_string().contains("身份证号"), "{v}");
    let rows = query_strings(
        &case,
        "SELECT id_raw, id_valid::VARCHAR, id_number, flags FROM v_deaths ORDER BY row",
    );
    assert_eq!(
        rows[0],
        vec![
            Some("ABC".into()),
            Some("false".into()),
            None,
            Some("id_number".into())
        ]
    );
    assert_eq!(rows[1][1].as_deref(), Some("false"), "16 digits");
    assert_eq!(rows[2][1].as_deref(), Some("false"), "month 13");
    assert_eq!(rows[3][1].as_deref(), Some("false"), "check digit");
    assert_eq!(rows[4][1].as_deref(), Some("true"), "15-digit upgraded");
    assert_eq!(rows[4][2].as_deref(), Some("430423195003051233"));
    assert_eq!(rows[5][0], None, "empty ID stays empty, not invalid");
    assert_eq!(rows[5][1], None);
}

#[test]
fn ledger_that_fits_no_role_is_other_with_a_warning_naming_headers() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = dir.path().join("杂项.csv");
    std::fs::write(&f, "姓名,备注,联系电话\n张三,无,13800000000\n").unwrap();
    let (code, v) = import_json(&case, &[&f], &[]);
    assert_eq!(code, 0);
    assert_eq!(v[0]["role"], "other");
    let w = v[0]["warnings"].to_string();
    assert!(w.contains("备注") && w.contains("联系电话"), "{w}");
}

#[test]
fn role_override_wins_over_detection() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = dir.path().join("x.csv");
    std::fs::write(
        &f,
        "姓名,身份证号,村,职务\n张三,430423195003051233,清水村,书记\n",
    )
    .unwrap();
    let (_, v) = import_json(&case, &[&f], &["--role", "officials"]);
    assert_eq!(v[0]["role"], "officials");
    assert_eq!(
        query_strings(&case, "SELECT role_source FROM ledgers")[0][0].as_deref(),
        Some("override")
    );
}

#[test]
fn short_rows_import_with_a_warning_and_long_rows_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let short = dir.path().join("short.csv");
    std::fs::write(
        &short,
        "户号,姓名,与户主关系,村\nH1,张三,户主,清水村\nH1,李四\nH2,王五,户主,石桥村\n",
    )
    .unwrap();
    let (code, v) = import_json(&case, &[&short], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["rows"], 3);
    assert!(v[0]["warnings"].to_string().contains("数据行：2"), "{v}");

    let long = dir.path().join("long.csv");
    std::fs::write(
        &long,
        "户号,姓名,与户主关系\nH1,张三,户主\nH1,李四,妻,多余\n",
    )
    .unwrap();
    let before = footprint(&case);
    let (code, v) = import_json(&case, &[&long], &[]);
    assert_eq!(code, 2);
    let e = v[0]["error"].as_str().unwrap();
    assert!(
        e.contains("long.csv") && e.contains("第 3 行") && e.contains("表头只有 3 列"),
        "{e}"
    );
    assert_eq!(footprint(&case), before);
}

/// Warnings are stored as codes with arguments (a case made in Chinese reads
/// in English and back); a case made before codes keeps its text as it was.
#[test]
fn ledger_warnings_are_stored_as_codes_and_read_in_either_language() {
    use hecha::i18n::Lang;
    use hecha::ingest::ledger::stored_warnings;
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let short = dir.path().join("short.csv");
    std::fs::write(
        &short,
        "户号,姓名,与户主关系,村\nH1,张三,户主,清水村\nH1,李四\n",
    )
    .unwrap();
    let (code, v) = import_json(&case, &[&short], &[]);
    assert_eq!(code, 0, "{v}");
    assert!(v[0]["warnings"].to_string().contains("数据行：2"), "{v}");
    let stored = query_strings(&case, "SELECT warnings FROM ledgers WHERE id = 1");
    let stored = stored[0][0].clone().unwrap_or_default();
    assert!(
        stored.contains(r#""code":"import.warn_short_rows""#),
        "{stored}"
    );
    assert!(
        !stored.contains("数据行"),
        "stored language-neutral: {stored}"
    );

    let c = hecha::Case::open(&case).unwrap();
    let w = stored_warnings(&c, 1).unwrap().unwrap();
    assert_eq!(w.len(), 1);
    assert!(w[0].render_in(Lang::Zh).contains("数据行：2"), "{w:?}");
    assert!(w[0].render_in(Lang::En).contains("data rows: 2"), "{w:?}");
    assert!(stored_warnings(&c, 99).unwrap().is_none());

    // A case made before warnings were codes holds their text: stock DuckDB writes one.
    drop(c);
    duckdb::Connection::open(&case)
        .unwrap()
        .execute(
            "UPDATE ledgers SET warnings = ? WHERE id = 1",
            [r#"["short.csv：旧的警告文字"]"#],
        )
        .unwrap();
    let c = hecha::Case::open(&case).unwrap();
    let w = stored_warnings(&c, 1).unwrap().unwrap();
    assert_eq!(w[0].render_in(Lang::En), "short.csv：旧的警告文字");
    assert_eq!(w[0].render_in(Lang::Zh), "short.csv：旧的警告文字");
}

/// Every bad input: a clear message naming the file and place, exit 2, case unchanged.
#[test]
fn bad_inputs_are_refused_clearly_and_leave_the_case_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let case = new_case(d);
    let good = d.join("good.csv");
    std::fs::write(&good, gbk(PAYMENTS)).unwrap();
    assert_eq!(import_json(&case, &[&good], &[]).0, 0);
    let before = footprint(&case);

    let xlsx = std::fs::read(fixture("land.xlsx")).unwrap();
    let docx = std::fs::read(fixture("letter.docx")).unwrap();
    let mut undecodable = b"name,amount\nabc,1\n".to_vec();
    undecodable.extend_from_slice(&[0xFF, 0xFF, b',', b'1', b'\n']);
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        (
            "junk.csv",
            vec![0x50, 0x4B, 0x03, 0x04, 0x00, 0x9F, 0x00, 0xFF, 0x10],
            vec!["junk.csv", "二进制", "字节偏移 2"],
        ),
        (
            "truncated.xlsx",
            xlsx[..xlsx.len() / 2].to_vec(),
            vec!["truncated.xlsx", "Excel 文件已损坏"],
        ),
        (
            "truncated.docx",
            docx[..docx.len() / 3].to_vec(),
            vec!["truncated.docx", "Word 文件已损坏"],
        ),
        (
            "quote.csv",
            "姓名,金额\n张三,100\n李四,\"100\n王五,200\n"
                .as_bytes()
                .to_vec(),
            vec!["quote.csv", "第 3 行", "引号"],
        ),
        (
            "enc.csv",
            undecodable,
            vec!["enc.csv", "字节偏移 18", "GB18030"],
        ),
        ("empty.csv", Vec::new(), vec!["empty.csv", "空"]),
        ("empty.txt", b"  \n".to_vec(), vec!["empty.txt", "空"]),
        (
            "noheader.csv",
            "张三,430423195003051233,1050.00\n李四,430423196207182029,300\n"
                .as_bytes()
                .to_vec(),
            vec!["noheader.csv", "第 1 行", "不是表头"],
        ),
        ("notes.pdf", b"%PDF-1.4".to_vec(), vec!["notes.pdf", ".pdf"]),
    ];
    for (name, bytes, expect) in &cases {
        let p = d.join(name);
        std::fs::write(&p, bytes).unwrap();
        let (code, v) = import_json(&case, &[&p], &[]);
        assert_eq!(code, 2, "{name}: {v}");
        assert_eq!(v[0]["status"], "error", "{name}");
        let e = v[0]["error"].as_str().unwrap_or_default();
        for want in expect {
            assert!(e.contains(want), "{name}: error {e:?} lacks {want:?}");
        }
        assert_eq!(footprint(&case), before, "{name} changed the case");
    }

    // A path that does not exist.
    let (code, v) = import_json(&case, &[&d.join("nope.csv")], &[]);
    assert_eq!(code, 2);
    assert!(v[0]["error"].as_str().unwrap().contains("不存在"));

    // Good files still go in beside a bad one; exit 2 says something failed.
    let other = d.join("other.csv");
    std::fs::write(
        &other,
        "姓名,身份证号,死亡日期\n张三,430423195003051233,2023-01-01\n",
    )
    .unwrap();
    let (code, v) = import_json(&case, &[&d.join("junk.csv"), &other], &[]);
    assert_eq!(code, 2);
    assert_eq!(v[1]["status"], "imported");
}

#[test]
fn case_paths_that_are_not_hecha_cases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let f = d.join("p.csv");
    std::fs::write(&f, PAYMENTS).unwrap();
    hecha()
        .arg("import")
        .arg(d.join("missing.duckdb"))
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不存在").and(predicate::str::contains("hecha new")));
    assert!(
        !d.join("missing.duckdb").exists(),
        "no case is created by import"
    );
    let text = d.join("notes.duckdb");
    std::fs::write(&text, "this is not a database").unwrap();
    hecha()
        .arg("info")
        .arg(&text)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不是 DuckDB"));
    let plain = d.join("plain.duckdb");
    {
        let c = duckdb::Connection::open(&plain).unwrap();
        c.execute_batch("CREATE TABLE t (x INTEGER)").unwrap();
    }
    hecha()
        .arg("info")
        .arg(&plain)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不是 hecha 案件"));
}

#[test]
fn a_case_from_a_newer_hecha_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    {
        let c = duckdb::Connection::open(&case).unwrap();
        c.execute_batch("INSERT INTO hecha_migrations VALUES (99, 'future', TIMESTAMP '2030-01-01 00:00:00', '9.9.9')").unwrap();
    }
    hecha()
        .args(["--lang", "en", "info"])
        .arg(&case)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newer hecha").and(predicate::str::contains("99")));
}

#[test]
fn a_case_open_in_another_process_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = dir.path().join("p.csv");
    std::fs::write(&f, PAYMENTS).unwrap();
    let _held = hecha::Case::open(&case).unwrap();
    hecha()
        .arg("import")
        .arg(&case)
        .arg(&f)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("另一个 hecha 进程")
                .and(predicate::str::contains(std::process::id().to_string())),
        );
}

#[test]
fn new_refuses_to_overwrite_and_info_reports_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    hecha()
        .arg("new")
        .arg(&case)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("已存在"));
    let out = hecha()
        .arg("info")
        .arg(&case)
        .arg("--json")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "测试案件");
    assert_eq!(v["as_of"], "2024-06-30");
    assert_eq!(v["schema_version"], hecha::case::schema::current_version());
    // Every role view exists (empty) on a new case, with its normalised columns.
    for view in [
        "v_payments",
        "v_deaths",
        "v_officials",
        "v_cadres",
        "v_households",
        "v_land",
        "v_allocations",
        "v_inventory",
        "v_meals",
        "v_complaints",
    ] {
        assert_eq!(query_i64(&case, &format!("SELECT count(*) FROM {view}")), 0);
    }
    assert_eq!(
        query_i64(
            &case,
            "SELECT count(*) FROM (SELECT month, amount, program FROM v_payments)"
        ),
        0
    );
}

#[test]
fn total_rows_are_left_out_of_the_ledger_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = dir.path().join("p.csv");
    std::fs::write(&f, format!("{PAYMENTS}合计,,,,,,2400.00,\r\n")).unwrap();
    let (_, v) = import_json(&case, &[&f], &[]);
    assert_eq!(v[0]["rows"], 3);
    assert_eq!(query_i64(&case, "SELECT count(*) FROM ledger_1"), 3);
    assert_eq!(query_i64(&case, "SELECT count(*) FROM v_payments"), 3);
    let w = v[0]["warnings"].to_string();
    assert!(w.contains("合计") && w.contains("数据行：4"), "{v}");
    assert!(!w.contains("不符"), "the total adds up: {v}");
}

#[test]
fn xlsx_serial_dates_numeric_periods_and_amounts_are_normalised() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(&case, &[&fixture("payments.xlsx")], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["role"], "payments");
    let rows = query_strings(
        &case,
        "SELECT period::VARCHAR, pay_date::VARCHAR, month::VARCHAR, amount::VARCHAR, flags FROM v_payments ORDER BY row",
    );
    assert_eq!(
        rows[0],
        vec![
            Some("2023-05-01".into()),
            Some("2023-05-10".into()),
            Some("2023-05-01".into()),
            Some("1050.00".into()),
            None
        ]
    );
    // 45108 is Excel's serial for 2023-07-01; a date cell in the period column gives its month.
    assert_eq!(rows[1][0].as_deref(), Some("2023-06-01"));
    assert_eq!(rows[1][1].as_deref(), Some("2023-07-01"));
    assert_eq!(rows[1][3].as_deref(), Some("300.50"));
    assert_eq!(rows[2][0].as_deref(), Some("2023-07-01"));
    assert_eq!(rows[2][1].as_deref(), Some("2023-07-10"));
    assert_eq!(rows[2][3].as_deref(), Some("90.00"));
}

#[test]
fn text_serial_numbers_in_csv_date_columns_are_dates() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let f = dir.path().join("d.csv");
    std::fs::write(
        &f,
        "姓名,身份证号,死亡日期\n张三,430423195003051233,45047\n李四,430423196207182029,2023.5.1\n",
    )
    .unwrap();
    let (code, _) = import_json(&case, &[&f], &[]);
    assert_eq!(code, 0);
    let rows = query_strings(
        &case,
        "SELECT death_date::VARCHAR FROM v_deaths ORDER BY row",
    );
    assert_eq!(
        rows,
        vec![
            vec![Some("2023-05-01".into())],
            vec![Some("2023-05-01".into())]
        ]
    );
}

#[test]
fn a_folder_of_letters_imports_in_groups_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let folder = dir.path().join("来信");
    std::fs::create_dir(&folder).unwrap();
    // 600 letters (more than one group), a GBK one, a transcript, a copy of
    // letter 7 under another name, a binary file and an empty one among them.
    for i in 0..600 {
        std::fs::write(
            folder.join(format!("信{i:04}.txt")),
            format!("举报第{i}号：村干部冒领补贴{i}元。\r\n请核查。\n"),
        )
        .unwrap();
    }
    std::fs::write(
        folder.join("信0300a.txt"),
        gbk("举报：清水村低保优亲厚友。\n"),
    )
    .unwrap();
    std::fs::write(
        folder.join("信0300b.txt"),
        "时间：2024年3月1日\n问：你叫什么名字？\n答：张海山。\n",
    )
    .unwrap();
    std::fs::copy(folder.join("信0007.txt"), folder.join("信0007副本.txt")).unwrap();
    std::fs::write(folder.join("信0400a.txt"), b"\x00\x01\x02binary\x00").unwrap();
    std::fs::write(folder.join("信0400b.txt"), b"").unwrap();
    let (code, v) = import_json(&case, &[&folder], &[]);
    assert_eq!(code, 2, "some files failed: {v}");
    let reps = v.as_array().unwrap();
    assert_eq!(reps.len(), 605);
    let by = |name: &str| {
        reps.iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} reported"))
    };
    assert_eq!(by("信0400a.txt")["status"], "error");
    assert!(by("信0400a.txt")["error"]
        .as_str()
        .unwrap()
        .contains("信0400a.txt"));
    assert_eq!(by("信0400b.txt")["status"], "error");
    assert_eq!(by("信0007副本.txt")["status"], "duplicate");
    assert_eq!(by("信0300a.txt")["encoding"], "GB18030");
    assert_eq!(by("信0300b.txt")["kind"], "transcript");
    let imported = reps.iter().filter(|r| r["status"] == "imported").count();
    assert_eq!(imported, 602);
    // Each file in whole, under its own id, with its own audit entry.
    assert_eq!(query_i64(&case, "SELECT count(*) FROM documents"), 602);
    assert_eq!(
        query_i64(&case, "SELECT count(DISTINCT id) FROM documents"),
        602
    );
    assert_eq!(
        query_i64(
            &case,
            "SELECT count(*) FROM audit_log WHERE action = 'import.document'"
        ),
        602
    );
    let t = query_strings(
        &case,
        "SELECT text FROM documents WHERE source_file = '信0599.txt'",
    );
    assert_eq!(
        t[0][0].as_deref(),
        Some("举报第599号：村干部冒领补贴599元。\n请核查。\n")
    );
    assert_eq!(query_i64(&case, "SELECT count(*) FROM transcripts"), 1);
    hecha().arg("verify").arg(&case).assert().success();
    // Again: every file is already there.
    let (_, v) = import_json(&case, &[&folder], &[]);
    let dup = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "duplicate")
        .count();
    assert_eq!(dup, 603);
    assert_eq!(query_i64(&case, "SELECT count(*) FROM documents"), 602);
}

/// Payments with a 户号 column: one person per file.
fn household_payments(name: &str, id: &str, household: &str) -> String {
    format!(
        "户号,姓名,身份证号码,村(社区),补贴项目,发放年月,发放金额(元)\r\n{household},{name},{id},清水村,低保,2023-05,300\r\n"
    )
}

#[test]
fn a_folder_of_payment_files_rebuilds_the_derived_tables_once_and_an_interrupted_import_is_settled_on_opening(
) {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let files = dir.path().join("months");
    std::fs::create_dir_all(&files).unwrap();
    for (i, (name, id, hh)) in [
        ("张海山", "430423195003051233", "H001"),
        ("李秀英", "430423196207182029", "H002"),
        ("王建国", "430423197001013611", "H003"),
    ]
    .into_iter()
    .enumerate()
    {
        std::fs::write(
            files.join(format!("{}月.csv", i + 1)),
            household_payments(name, id, hh),
        )
        .unwrap();
    }
    let (code, v) = import_json(&case, &[&files], &[]);
    assert_eq!(code, 0, "{v}");
    let stale = "SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('v_person_household', 'v_account_holders') AND comment IS NOT NULL AND comment <> ''";
    assert_eq!(
        query_i64(&case, "SELECT count(*) FROM v_person_household"),
        3,
        "every file's household"
    );
    assert_eq!(
        query_i64(&case, stale),
        0,
        "rebuilt at the end of the import"
    );

    // One more file through the single-file path, which leaves the rebuild to
    // the end of an import: as if the import stopped right after the file.
    let one = dir.path().join("4月.csv");
    std::fs::write(
        &one,
        household_payments("赵某", "43042319800101001X", "H004"),
    )
    .unwrap();
    {
        let c = hecha::Case::open(&case).unwrap();
        let mut rep = hecha::ingest::FileReport::new_for("4月.csv");
        hecha::ingest::import_file(&c, &one, &Default::default(), &mut rep, &mut |_, _, _| {})
            .unwrap();
        assert_eq!(
            c.query_text(stale).unwrap()[0][0].as_deref(),
            Some("2"),
            "the file is in, its derived tables marked stale"
        );
        assert_eq!(
            c.query_text("SELECT count(*) FROM v_person_household")
                .unwrap()[0][0]
                .as_deref(),
            Some("3")
        );
    }
    // Opening the case for writing rebuilds them.
    drop(hecha::Case::open(&case).unwrap());
    assert_eq!(query_i64(&case, stale), 0);
    assert_eq!(
        query_strings(
            &case,
            "SELECT household FROM v_person_household WHERE id_number = '43042319800101001X'"
        ),
        vec![vec![Some("H004".to_string())]]
    );
}

#[test]
fn an_import_holds_duckdbs_cache_smaller_and_gives_the_case_its_limit_back() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let file = dir.path().join("5月.csv");
    std::fs::write(
        &file,
        household_payments("张海山", "430423195003051233", "H001"),
    )
    .unwrap();
    let c = hecha::Case::open(&case).unwrap();
    let limit = |c: &hecha::Case| {
        c.query_text("SELECT current_setting('memory_limit')")
            .unwrap()[0][0]
            .clone()
    };
    let usual = limit(&c);
    let during = c.with_memory_limit(64, || limit(&c));
    assert_ne!(during, usual, "lowered while the closure runs");
    assert_eq!(limit(&c), usual, "and put back after");
    let reports = hecha::ingest::import_paths(&c, &[file], &Default::default(), &mut |_| {});
    assert_eq!(reports[0].status, hecha::ingest::Status::Imported);
    assert_eq!(limit(&c), usual, "the import gives the case its limit back");
}

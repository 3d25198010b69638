//! Spreadsheets as real systems write them (tests/fixtures/sheets, made by
//! scripts/make-sheet-fixtures.py): inlineStr cells, empty shared strings,
//! BIFF5 .xls, a stream named BOOK, .xlsb, .ods, WPS .et; totals rows kept out
//! of the data and checked; headers over two rows joined.

mod common;

use common::*;

fn sheet(name: &str) -> std::path::PathBuf {
    fixture(&format!("sheets/{name}"))
}

/// The stored warnings of ledger `id` (language-neutral codes and arguments).
fn stored_warnings(case: &std::path::Path, id: i32) -> serde_json::Value {
    let s = query_strings(
        case,
        &format!("SELECT warnings FROM ledgers WHERE id = {id}"),
    );
    serde_json::from_str(s[0][0].as_deref().unwrap_or("[]")).unwrap()
}

fn with_code<'a>(w: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    w.as_array()
        .unwrap()
        .iter()
        .filter(|x| x["code"] == code)
        .collect()
}

#[test]
fn every_workbook_format_reads_with_its_rows_names_and_amounts() {
    let cases: &[(&str, &str)] = &[
        ("inline-str.xlsx", "XLSX"),
        ("biff5.xls", "XLS"),
        ("book-stream.xls", "XLS"),
        ("wps.et", "XLS"),
        ("binary.xlsb", "XLSB"),
        ("calc.ods", "ODS"),
    ];
    for (file, format) in cases {
        let dir = tempfile::tempdir().unwrap();
        let case = new_case(dir.path());
        let (code, v) = import_json(&case, &[&sheet(file)], &[]);
        assert_eq!(code, 0, "{file}: {v}");
        let r = &v[0];
        assert_eq!(r["status"], "imported", "{file}: {v}");
        assert_eq!(r["role"], "payments", "{file}: {v}");
        assert_eq!(r["rows"], 3, "{file}: {v}");
        assert_eq!(r["encoding"], *format, "{file}: {v}");
        let rows = query_strings(
            &case,
            "SELECT name, id_number, village, amount::VARCHAR FROM v_payments ORDER BY row",
        );
        let s = |r: usize, c: usize| rows[r][c].clone().unwrap_or_default();
        assert_eq!(s(0, 0), "张海山", "{file}");
        assert_eq!(s(0, 1), "430423195003051233", "{file}");
        assert_eq!(s(1, 2), "石桥村", "{file}");
        assert_eq!(s(2, 0), "王建国", "{file}");
        assert_eq!(s(2, 3), "1050.50", "{file}");
        let total = query_strings(&case, "SELECT sum(amount)::VARCHAR FROM v_payments");
        assert_eq!(total[0][0].as_deref(), Some("2400.50"), "{file}");
    }
}

#[test]
fn empty_shared_strings_are_empty_cells_not_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(&case, &[&sheet("empty-sst.xlsx")], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["status"], "imported", "{v}");
    assert_eq!(v[0]["rows"], 3, "{v}");
    let rows = query_strings(
        &case,
        "SELECT \"姓名\", \"备注\", \"发放金额(元)\" FROM ledger_1 ORDER BY _row",
    );
    assert_eq!(rows[0][0].as_deref(), Some("张海山"));
    assert_eq!(rows[0][1], None, "an empty shared string is an empty cell");
    assert_eq!(rows[2][0].as_deref(), Some("王建国"));
    assert_eq!(rows[2][2].as_deref(), Some("1050.5"));
}

#[test]
fn a_csv_with_a_title_two_payments_and_a_total_has_two_rows() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(&case, &[&sheet("totals.csv")], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["rows"], 2, "{v}");
    assert_eq!(query_i64(&case, "SELECT count(*) FROM ledger_1"), 2);
    let w = stored_warnings(&case, 1);
    let totals = with_code(&w, "import.warn_totals_rows");
    assert_eq!(totals.len(), 1, "{w}");
    assert_eq!(totals[0]["args"]["rows"], "3", "{w}");
    assert_eq!(totals[0]["args"]["checked"], "1", "{w}");
    assert!(
        with_code(&w, "import.warn_total_mismatch").is_empty(),
        "{w}"
    );
    // Shown to the investigator in the report.
    assert!(v[0]["warnings"].to_string().contains("合计"), "{v}");
}

#[test]
fn a_total_that_does_not_add_up_is_a_warning_naming_line_and_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(&case, &[&sheet("totals-mismatch.csv")], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["rows"], 2, "{v}");
    let w = stored_warnings(&case, 1);
    let m = with_code(&w, "import.warn_total_mismatch");
    assert_eq!(m.len(), 1, "{w}");
    let a = &m[0]["args"];
    assert_eq!(a["line"], "5", "{w}");
    assert_eq!(a["stated"], "1450.00", "{w}");
    assert_eq!(a["computed"], "1350.00", "{w}");
    assert_eq!(a["diff"], "100.00", "{w}");
    assert_eq!(a["column"], "发放金额", "{w}");
    let shown = v[0]["warnings"].to_string();
    assert!(
        shown.contains("1450.00") && shown.contains("1350.00"),
        "{v}"
    );
}

#[test]
fn page_totals_are_checked_per_page_and_the_grand_total_over_all() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(&case, &[&sheet("paged-totals.xlsx")], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["rows"], 4, "{v}");
    assert_eq!(query_i64(&case, "SELECT count(*) FROM v_payments"), 4);
    let w = stored_warnings(&case, 1);
    let t = with_code(&w, "import.warn_totals_rows");
    assert_eq!(t[0]["args"]["count"], "3", "{w}");
    assert_eq!(t[0]["args"]["checked"], "3", "{w}");
    // Only the second page's 本页合计 is wrong (500.00 for 400.00 of rows).
    let m = with_code(&w, "import.warn_total_mismatch");
    assert_eq!(m.len(), 1, "{w}");
    assert_eq!(m[0]["args"]["label"], "本页合计", "{w}");
    assert_eq!(m[0]["args"]["line"], "8", "{w}");
    assert_eq!(m[0]["args"]["stated"], "500.00", "{w}");
    assert_eq!(m[0]["args"]["computed"], "400.00", "{w}");
}

#[test]
fn a_header_over_two_merged_rows_is_joined_and_its_words_still_match() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(&case, &[&sheet("two-row-header.xlsx")], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v[0]["role"], "payments", "{v}");
    assert_eq!(
        v[0]["rows"], 2,
        "the sub-title row is header, the 合计 row is a total: {v}"
    );
    let cols = query_strings(&case, "SELECT columns FROM ledgers WHERE id = 1");
    let cols = cols[0][0].clone().unwrap_or_default();
    assert!(
        cols.contains("补贴金额/标准") && cols.contains("补贴金额/实发"),
        "{cols}"
    );
    let rows = query_strings(
        &case,
        "SELECT name, amount::VARCHAR, pay_date::VARCHAR FROM v_payments ORDER BY row",
    );
    assert_eq!(rows[0][0].as_deref(), Some("张海山"));
    assert_eq!(rows[0][1].as_deref(), Some("500.00"));
    assert_eq!(rows[1][2].as_deref(), Some("2023-05-10"));
    let w = stored_warnings(&case, 1);
    assert!(with_code(&w, "import.warn_invalid").is_empty(), "{w}");
    assert!(
        with_code(&w, "import.warn_total_mismatch").is_empty(),
        "{w}"
    );
}

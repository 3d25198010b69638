//! The bundled sample township: every role detected, and every stored row number
//! checked against the original file with an independent reader.

mod common;

use std::path::Path;

use common::*;

fn sample(dir: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(dir)
}

#[test]
fn importing_the_sample_directories_gives_every_role_and_document_kind() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(
        &case,
        &[
            &sample("letters"),
            &sample("transcripts"),
            &sample("ledgers"),
        ],
        &[],
    );
    assert_eq!(code, 0, "{v:#}");
    let reports = v.as_array().unwrap();
    assert!(reports.iter().all(|r| r["status"] == "imported"), "{v:#}");
    let roles: Vec<&str> = reports.iter().filter_map(|r| r["role"].as_str()).collect();
    for role in [
        "payments",
        "deaths",
        "officials",
        "cadres",
        "households",
        "land",
        "allocations",
        "inventory",
        "meals",
        "complaints",
    ] {
        assert!(roles.contains(&role), "no {role} ledger among {roles:?}");
    }
    assert!(!roles.contains(&"other"), "{roles:?}");
    let encodings: Vec<&str> = reports
        .iter()
        .filter_map(|r| r["encoding"].as_str())
        .collect();
    for enc in ["GB18030", "UTF-16LE", "XLSX", "DOCX"] {
        assert!(
            encodings.contains(&enc),
            "no {enc} file among {encodings:?}"
        );
    }
    let kinds: Vec<&str> = reports.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert!(kinds.iter().filter(|k| **k == "letter").count() >= 3);
    assert!(kinds.iter().filter(|k| **k == "transcript").count() >= 2);
    for r in reports.iter().filter(|r| r["kind"] == "ledger") {
        assert!(r["rows"].as_u64().unwrap() > 0, "{r}");
        let w = r["warnings"].to_string();
        assert!(!w.contains("无法判断"), "{r}");
    }

    // Row numbers: the stored _row must be the data row of the original file.
    let ledgers = query_strings(
        &case,
        "SELECT table_name, source_path, encoding, header_line::VARCHAR, columns FROM ledgers",
    );
    for l in &ledgers {
        let table = l[0].clone().unwrap();
        let path = l[1].clone().unwrap();
        let enc = l[2].clone().unwrap();
        let header_line: usize = l[3].clone().unwrap().parse().unwrap();
        let columns: serde_json::Value = serde_json::from_str(l[4].as_deref().unwrap()).unwrap();
        let first_col = columns[0]["name"].as_str().unwrap().replace('"', "\"\"");
        let original: Vec<Vec<String>> = read_original(Path::new(&path), &enc);
        let stored = query_strings(
            &case,
            &format!("SELECT _row::VARCHAR, \"{first_col}\" FROM {table} ORDER BY _row"),
        );
        assert!(!stored.is_empty());
        for row in stored {
            let n: usize = row[0].as_deref().unwrap().parse().unwrap();
            let want = original
                .get(header_line - 1 + n)
                .and_then(|r| r.first())
                .cloned()
                .unwrap_or_default();
            assert_eq!(
                row[1].clone().unwrap_or_default(),
                want,
                "{path}: data row {n}"
            );
        }
    }
}

/// Reads a ledger with readers independent of hecha's own: the `csv` crate for
/// CSV (after decoding with encoding_rs) and calamine for Excel. Rows are
/// indexed by physical line / sheet row, 0-based.
fn read_original(path: &Path, enc: &str) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    if enc == "XLSX" || enc == "XLS" {
        use calamine::{open_workbook_auto, Reader};
        let mut wb = open_workbook_auto(path).unwrap();
        let name = wb.sheet_names()[0].clone();
        let range = wb.worksheet_range(&name).unwrap();
        let start = range.start().unwrap().0 as usize;
        let mut out = vec![Vec::new(); start];
        for r in range.rows() {
            out.push(r.iter().map(|c| c.to_string()).collect());
        }
        return out;
    }
    let text = match enc {
        "GB18030" => encoding_rs::GB18030
            .decode_without_bom_handling(&bytes)
            .0
            .into_owned(),
        "UTF-16LE" => encoding_rs::UTF_16LE
            .decode_without_bom_handling(&bytes[2..])
            .0
            .into_owned(),
        "UTF-16BE" => encoding_rs::UTF_16BE
            .decode_without_bom_handling(&bytes[2..])
            .0
            .into_owned(),
        "UTF-8 (BOM)" => String::from_utf8(bytes[3..].to_vec()).unwrap(),
        _ => String::from_utf8(bytes).unwrap(),
    };
    let delim = if text.lines().next().unwrap_or("").contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let line = rec.position().unwrap().line() as usize;
        while out.len() + 1 < line {
            out.push(Vec::new()); // blank lines the csv crate skips
        }
        out.push(rec.iter().map(str::to_string).collect());
    }
    out
}

#[test]
fn demo_builds_the_case_in_the_user_data_directory() {
    let home = tempfile::tempdir().unwrap();
    let out = hecha()
        .arg("demo")
        .arg("--json")
        .env("XDG_DATA_HOME", home.path())
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["case"]["ledgers"].as_array().unwrap().len() >= 10);
    assert!(
        v["imports"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "imported"),
        "{v:#}"
    );
    let path = v["case"]["path"].as_str().unwrap();
    assert!(Path::new(path).starts_with(home.path()), "{path}");
    assert!(Path::new(path).exists());
}

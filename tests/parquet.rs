//! `hecha export-parquet`: every role view and rule table as a Parquet file
//! that reads back row for row and cent for cent, a manifest whose hashes
//! match, an audit entry, and a folder that is never overwritten silently.

use std::collections::BTreeMap;

use hecha::export::parquet as pq;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use sha2::{Digest, Sha256};

use duckdb::arrow::array::{Array, Decimal128Array};

fn one(case: &hecha::Case, sql: &str) -> String {
    case.query_text(sql).unwrap()[0][0]
        .clone()
        .unwrap_or_default()
}

#[test]
fn role_views_go_out_as_parquet_that_reads_back_exactly() {
    hecha::i18n::set_lang(hecha::i18n::Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    std::env::set_var("XDG_CACHE_HOME", dir.path().join("cache"));
    let (case, _) =
        hecha::demo::build_with(&dir.path().join("demo.duckdb"), None, &mut |_| {}).unwrap();
    let out = dir.path().join("out");
    let files = pq::export(&case, &out, false).unwrap();

    let by: BTreeMap<&str, &pq::File> = files.iter().map(|f| (f.relation.as_str(), f)).collect();
    for rel in [
        "v_payments",
        "v_deaths",
        "v_statements",
        "v_person_household",
        "ledgers",
    ] {
        assert!(by.contains_key(rel), "{rel} missing from {:?}", by.keys());
    }
    // Rows, file for file, as the case counts them; hashes as the manifest says.
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join(pq::MANIFEST)).unwrap()).unwrap();
    assert_eq!(manifest["files"].as_array().unwrap().len(), files.len());
    for f in &files {
        let want: u64 = one(&case, &format!("SELECT count(*) FROM {}", f.relation))
            .parse()
            .unwrap();
        assert_eq!(f.rows, want, "{}", f.relation);
        let bytes = std::fs::read(out.join(&f.file)).unwrap();
        assert_eq!(hex::encode(Sha256::digest(&bytes)), f.sha256, "{}", f.file);
        let reader = ParquetRecordBatchReaderBuilder::try_new(
            std::fs::File::open(out.join(&f.file)).unwrap(),
        )
        .unwrap()
        .build()
        .unwrap();
        let read: usize = reader.map(|b| b.unwrap().num_rows()).sum();
        assert_eq!(read as u64, want, "{} read back", f.file);
    }
    // Money stays exact: the amounts are decimals in fen, summing to the case's own sum.
    let reader = ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(out.join("v_payments.parquet")).unwrap(),
    )
    .unwrap()
    .build()
    .unwrap();
    let mut fen: i128 = 0;
    for b in reader {
        let b = b.unwrap();
        let col = b.column_by_name("amount").unwrap();
        let dec = col
            .as_any()
            .downcast_ref::<Decimal128Array>()
            .expect("a decimal column");
        assert_eq!(dec.scale(), 2);
        fen += dec.iter().flatten().sum::<i128>();
    }
    let want = one(
        &case,
        "SELECT CAST(sum(amount) * 100 AS BIGINT) FROM v_payments",
    );
    assert!(fen > 0);
    assert_eq!(fen.to_string(), want);

    // On the record, with every file's hash.
    let entries = hecha::store::audit::entries(&case).unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last.action, "export.parquet");
    assert_eq!(last.payload["files"].as_array().unwrap().len(), files.len());

    // A folder with files in it is not overwritten without --force.
    let before = std::fs::read(out.join("v_payments.parquet")).unwrap();
    let err = pq::export(&case, &out, false).unwrap_err().to_string();
    assert!(err.contains("已存在") && err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read(out.join("v_payments.parquet")).unwrap(),
        before
    );
    assert_eq!(
        hecha::store::audit::entries(&case).unwrap().len(),
        entries.len()
    );
    // With --force it is, and no temporary folder is left beside it.
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    pq::export(&case, &out, true).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".hecha-parquet")
        })
        .collect();
    assert!(leftovers.is_empty());
    // A file where the folder should be is an error, and stays as it was.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    assert!(pq::export(&case, &file, true).is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

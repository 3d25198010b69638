//! No input may panic the importer: mutated and truncated files either import
//! or fail with a message naming the file, and a failure leaves the case as it was.

mod common;

use common::*;
use hecha::ingest::{self, ImportOptions, Status};

const SEED_CSV: &str =
    "姓名,身份证号码,村(社区),补贴项目,发放年月,发放日期,发放金额(元),银行卡号\r\n\
张海山,430423195003051233,清水村,低保,2023年5月,2023/5/10,\"1,050.00\",6217000011112222\r\n\
李秀英,430423196207182029,石桥村,高龄津贴,202305,20230510,¥300,6217000033334444\r\n";

/// (ledgers, ledger tables) of the case.
fn counts(case: &hecha::Case) -> (i64, i64) {
    let rows = case
        .query_text("SELECT (SELECT count(*) FROM ledgers), (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'ledger_%')")
        .unwrap();
    let n = |i: usize| rows[0][i].as_deref().unwrap().parse().unwrap();
    (n(0), n(1))
}

#[test]
fn mutated_and_truncated_files_never_panic_and_failures_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let case_path = dir.path().join("case.duckdb");
    let case = hecha::Case::create(&case_path, Some("fuzz"), None).unwrap();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    let seeds: Vec<(&str, Vec<u8>)> = vec![
        ("csv", gbk(SEED_CSV)),
        ("csv", SEED_CSV.as_bytes().to_vec()),
        ("csv", utf16le_bom(SEED_CSV)),
        ("xlsx", std::fs::read(fixture("payments.xlsx")).unwrap()),
        ("docx", std::fs::read(fixture("letter.docx")).unwrap()),
        ("txt", gbk("问：你的姓名？\r\n答：张海山。\r\n")),
    ];
    for (i, (ext, bytes)) in seeds.iter().enumerate() {
        for k in 0..25 {
            let mut b = bytes.clone();
            match k % 5 {
                0 => b.truncate((rng.next() as usize) % (b.len() + 1)),
                1 => {
                    for _ in 0..1 + rng.next() % 4 {
                        let at = (rng.next() as usize) % b.len().max(1);
                        if let Some(x) = b.get_mut(at) {
                            *x = rng.next() as u8;
                        }
                    }
                }
                2 => {
                    let at = (rng.next() as usize) % (b.len() + 1);
                    let ins: Vec<u8> = [b'"', b',', b'\n', b'\r', 0xA1, 0xFF, b'\t']
                        .iter()
                        .copied()
                        .filter(|_| rng.next().is_multiple_of(2))
                        .collect();
                    b.splice(at..at, ins);
                }
                3 => {
                    let at = (rng.next() as usize) % (b.len() + 1);
                    b.drain(at..(at + 1 + (rng.next() as usize) % 8).min(b.len()));
                }
                _ => {
                    b = b
                        .iter()
                        .map(|x| x ^ (rng.next().is_multiple_of(3) as u8))
                        .collect()
                }
            }
            inputs.push((format!("f{i}_{k}.{ext}"), b));
        }
    }
    let (mut imported, mut failed) = (0, 0);
    for (name, bytes) in &inputs {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let before: (i64, i64) = counts(&case);
        let reports = ingest::import_paths(
            &case,
            std::slice::from_ref(&p),
            &ImportOptions::default(),
            &mut |_| {},
        );
        assert_eq!(reports.len(), 1);
        let r = &reports[0];
        match r.status {
            Status::Error => {
                failed += 1;
                let e = r.error.as_deref().unwrap_or_default();
                assert!(
                    e.contains(name.as_str()),
                    "error does not name the file: {e}"
                );
                let after: (i64, i64) = counts(&case);
                assert_eq!(before, after, "{name} failed but changed the case");
            }
            _ => imported += 1,
        }
    }
    assert!(
        failed > 10 && imported > 10,
        "imported {imported}, failed {failed}"
    );
}

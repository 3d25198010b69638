//! OCR end to end on a rendered page (tests/fixtures/ocr-page.png, made by
//! scripts/render-ocr-fixture.py). Runs when the PP-OCRv5 models and ONNX
//! Runtime are installed (README's set-up lines); otherwise skips with a
//! note — except under HECHA_REQUIRE_OCR=1 (set by .ci/run, which installs
//! them), where absence fails.

use std::sync::atomic::AtomicBool;

use hecha::ocr::{ppocr::PpOcr, tesseract::Tesseract, Engine, OcrSettings};

fn required() -> bool {
    std::env::var("HECHA_REQUIRE_OCR").is_ok_and(|v| v == "1")
}

fn skip_or_fail(what: &str, e: impl std::fmt::Display) {
    assert!(
        !required(),
        "HECHA_REQUIRE_OCR=1 but {what} is not usable: {e}"
    );
    eprintln!("note: {what} not installed, OCR test skipped: {e}");
}

fn page() -> image::RgbImage {
    image::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ocr-page.png"
    ))
    .expect("fixture")
    .to_rgb8()
}

fn ppocr() -> Option<PpOcr> {
    match PpOcr::open(&OcrSettings::load()) {
        Ok(e) => Some(e),
        Err(e) => {
            skip_or_fail("PP-OCR", e);
            None
        }
    }
}

fn assert_reads_the_letter(text: &str) {
    for want in ["党支部", "1,050.00元", "王堃", "李喆", "陈玥"] {
        assert!(text.contains(want), "{want:?} not read in:\n{text}");
    }
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.first().is_some_and(|l| l.starts_with("中共某某镇")),
        "reading order:\n{text}"
    );
}

#[test]
fn ppocr_reads_the_party_branch_the_amount_and_rare_character_names() {
    let Some(e) = ppocr() else { return };
    let p = e.recognise(&page(), &AtomicBool::new(false)).unwrap();
    assert_reads_the_letter(&p.text);
    assert_eq!(p.rotated, 0);
    assert_eq!(p.lines.len(), 4, "{:#?}", p.lines);
    assert!(p.confidence > 0.9, "{}", p.confidence);
}

#[test]
fn ppocr_reads_a_page_lying_on_its_side_or_upside_down_in_order() {
    let Some(e) = ppocr() else { return };
    let img = page();
    let no = AtomicBool::new(false);
    let side = e.recognise(&image::imageops::rotate90(&img), &no).unwrap();
    assert_reads_the_letter(&side.text);
    assert_eq!(side.rotated, 270);
    let down = e.recognise(&image::imageops::rotate180(&img), &no).unwrap();
    assert_reads_the_letter(&down.text);
    assert_eq!(down.rotated, 180);
}

#[test]
fn ppocr_stops_when_cancelled() {
    let Some(e) = ppocr() else { return };
    let r = e.recognise(&page(), &AtomicBool::new(true));
    assert_eq!(r.err(), Some(hecha::ocr::OcrError::Cancelled));
}

#[test]
fn tesseract_fallback_reads_the_page() {
    let t = match Tesseract::find() {
        Ok(t) => t,
        Err(e) => return skip_or_fail("tesseract (chi_sim)", e),
    };
    let p = t.recognise(&page(), &AtomicBool::new(false)).unwrap();
    assert_eq!(t.id(), "tesseract");
    assert!(
        p.text.contains("党支部") || p.text.contains("收到来信"),
        "{}",
        p.text
    );
}

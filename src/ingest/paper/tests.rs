//! Each format on the committed samples (sample-data/letters/, tests/fixtures/paper/,
//! written by scripts/make-paper-samples.py), the bad inputs, and no panic on
//! truncated or garbled copies of every sample.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::*;
use crate::ingest::page::PageSource;
use crate::ocr::{OcrError, OcrPage};

/// Reads every page image as "识别 W×H".
struct FakeOcr {
    calls: AtomicUsize,
}

impl Engine for FakeOcr {
    fn id(&self) -> &'static str {
        "fake"
    }
    fn recognise(&self, img: &image::RgbImage, _: &AtomicBool) -> Result<OcrPage, OcrError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        Ok(OcrPage {
            text: format!("识别 {}×{}", img.width(), img.height()),
            confidence: 0.9,
            lines: Vec::new(),
            rotated: 0,
        })
    }
}

fn fake() -> FakeOcr {
    FakeOcr {
        calls: AtomicUsize::new(0),
    }
}

fn sample(rel: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

const TEXT_PDF: &str = "sample-data/letters/举报信_王堃违规报销接待费用_Word导出.pdf";
const SCAN_PDF: &str = "sample-data/letters/扫描件_关于枫树村低保评审的情况反映.pdf";
const PHOTO: &str = "sample-data/letters/手机拍照_李喆举报信.jpg";
const DOC: &str = "sample-data/letters/举报信_王堃_Word97.doc";
const OFD: &str = "sample-data/letters/电子发票_福满楼酒家_王堃.ofd";
const FIX: &str = "tests/fixtures/paper/";

fn read(bytes: &[u8], ocr: Option<&dyn Engine>) -> Result<Vec<Page>> {
    let cancel = AtomicBool::new(false);
    read_paged(bytes, "x", ocr, &mut |_, _| {}, &cancel)
}

#[test]
fn formats_are_told_from_the_content() {
    assert_eq!(sniff(&sample(TEXT_PDF)), Some(Format::Pdf));
    assert_eq!(sniff(&sample(PHOTO)), Some(Format::Jpeg));
    assert_eq!(sniff(&sample(DOC)), Some(Format::Ole2));
    assert_eq!(sniff(&sample(OFD)), Some(Format::Ofd));
    assert_eq!(
        sniff(&sample(&format!("{FIX}two_pages.tif"))),
        Some(Format::Tiff)
    );
    assert_eq!(
        sniff(&sample(&format!("{FIX}small.png"))),
        Some(Format::Png)
    );
    assert_eq!(
        sniff(&sample(&format!("{FIX}small.bmp"))),
        Some(Format::Bmp)
    );
    assert_eq!(sniff(b"PK\x03\x04 a docx is not OFD"), None);
    assert_eq!(sniff(b"hello"), None);
    assert!(is_paged_ext("PDF") && is_paged_ext("wps") && !is_paged_ext("docx"));
    let e = read(b"plain text, not a paged document", None).unwrap_err();
    assert!(matches!(e, Error::PagedUnknown { .. }), "{e:?}");
}

#[test]
fn a_text_pdf_gives_its_pages_from_the_text_layer_without_ocr() {
    let mut seen = Vec::new();
    let cancel = AtomicBool::new(false);
    let pages = read_paged(
        &sample(TEXT_PDF),
        "x",
        None,
        &mut |d, t| seen.push((d, t)),
        &cancel,
    )
    .unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(seen, vec![(1, 2), (2, 2)]);
    assert!(pages.iter().all(|p| p.source == PageSource::TextLayer));
    assert!(pages[0].text.contains("王堃"), "{}", pages[0].text);
    assert!(pages[0].text.contains("1,050.00"), "{}", pages[0].text);
    assert!(pages[1].text.contains("合计"), "{}", pages[1].text);
    assert_eq!(pages[1].number, 2);
}

#[test]
fn a_scanned_pdf_goes_to_ocr_page_by_page() {
    let ocr = fake();
    let pages = read(&sample(SCAN_PDF), Some(&ocr)).unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(ocr.calls.load(Ordering::SeqCst), 2);
    assert!(pages.iter().all(|p| p.source == PageSource::Ocr));
    assert_eq!(pages[0].text, "识别 1000×1414");
    assert_eq!(pages[0].confidence, Some(0.9));
    // Without an engine: a clear error naming the page, not an empty import.
    let e = read(&sample(SCAN_PDF), None).unwrap_err();
    assert!(matches!(e, Error::OcrUnavailable { page: 1, .. }), "{e:?}");
}

#[test]
fn photos_and_tiff_pages_are_recognised() {
    let ocr = fake();
    let pages = read(&sample(PHOTO), Some(&ocr)).unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].source, PageSource::Ocr);
    let tif = read(&sample(&format!("{FIX}two_pages.tif")), Some(&ocr)).unwrap();
    assert_eq!(tif.len(), 2);
    assert_eq!(tif[1].number, 2);
    assert_eq!(tif[1].text, "识别 400×200");
    for f in ["small.png", "small.bmp"] {
        let p = read(&sample(&format!("{FIX}{f}")), Some(&ocr)).unwrap();
        assert_eq!(p[0].text, "识别 200×100", "{f}");
    }
}

#[test]
fn word97_and_wps_read_as_one_converted_page() {
    for f in [DOC.to_string(), format!("{FIX}letter.wps")] {
        let pages = read(&sample(&f), None).unwrap();
        assert_eq!(pages.len(), 1, "{f}");
        assert_eq!(pages[0].source, PageSource::Converted);
        assert!(
            pages[0].text.contains("王堃违规报销"),
            "{f}: {}",
            pages[0].text
        );
    }
    let e = read(&sample(&format!("{FIX}not_word.doc")), None).unwrap_err();
    assert!(matches!(e, Error::DocNotWord { .. }), "{e:?}");
}

#[test]
fn an_ofd_invoice_gives_its_text_with_the_template_labels() {
    let pages = read(&sample(OFD), None).unwrap();
    assert_eq!(pages.len(), 1);
    let t = &pages[0].text;
    assert!(
        t.contains("购买方名称：") && t.contains("枫树村村民委员会"),
        "{t}"
    );
    assert!(t.contains("王堃") && t.contains("1,050.00"), "{t}");
}

#[test]
fn bad_inputs_give_their_errors() {
    let ocr = fake();
    let check = |f: &str, ok: &dyn Fn(&Error) -> bool| {
        let e = read(&sample(&format!("{FIX}{f}")), Some(&ocr)).unwrap_err();
        assert!(ok(&e), "{f}: {e:?}");
        let text = e.to_string();
        assert!(text.contains('x'), "{f}: {text}");
    };
    check("encrypted.pdf", &|e| {
        matches!(e, Error::PdfEncrypted { .. })
    });
    // A /Count that lies is not believed: one real, blank page.
    check("page_bomb.pdf", &|e| matches!(e, Error::Empty { .. }));
    let e = read(&many_pages(MAX_PAGES + 1), None).unwrap_err();
    assert!(matches!(e, Error::TooManyPages { .. }), "{e:?}");
    check("pixel_bomb.png", &|e| {
        matches!(e, Error::ImageTooLarge { page: 1, .. })
    });
    check("pixel_bomb.tif", &|e| {
        matches!(e, Error::ImageTooLarge { page: 1, .. })
    });
    check("zip_bomb.ofd", &|e| matches!(e, Error::TooLarge { .. }));
    check("unmapped_font.pdf", &|e| {
        matches!(e, Error::PageUnreadable { page: 1, .. })
    });
    // A broken xref is either repaired (the text is read) or a clear error.
    match read(&sample(&format!("{FIX}broken_xref.pdf")), None) {
        Ok(p) => assert!(p[0].text.contains("王堃")),
        Err(e) => assert!(matches!(e, Error::PdfBroken { .. }), "{e:?}"),
    }
    let mut jpg = sample(PHOTO);
    jpg.truncate(jpg.len() / 3);
    if let Err(e) = read(&jpg, Some(&ocr)) {
        assert!(matches!(e, Error::ImageBroken { page: 1, .. }), "{e:?}");
    }
}

/// A PDF of `n` real (empty) pages, with a correct xref table.
fn many_pages(n: u32) -> Vec<u8> {
    let mut objs = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} >>",
            (0..n)
                .map(|i| format!("{} 0 R", i + 3))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ];
    for _ in 0..n {
        objs.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".into());
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn cancel_stops_between_pages() {
    let cancel = AtomicBool::new(true);
    let e = read_paged(&sample(TEXT_PDF), "x", None, &mut |_, _| {}, &cancel).unwrap_err();
    assert!(matches!(e, Error::Cancelled { .. }), "{e:?}");
}

/// Truncated and byte-flipped copies of every sample: errors, never a panic
/// (the guard turns a parser's panic into an error, so catch it here too).
#[test]
fn no_panic_on_truncated_or_garbled_samples() {
    let ocr = fake();
    let mut files: Vec<String> = [TEXT_PDF, SCAN_PDF, PHOTO, DOC, OFD]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for f in [
        "two_pages.tif",
        "small.png",
        "small.bmp",
        "letter.wps",
        "encrypted.pdf",
    ] {
        files.push(format!("{FIX}{f}"));
    }
    let mut seed: u64 = 0x5EED;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for f in &files {
        let good = sample(f);
        let mut variants: Vec<Vec<u8>> = Vec::new();
        for frac in [1, 2, 5, 9, 10, 25, 50, 75, 90, 99] {
            variants.push(good[..good.len() * frac / 100].to_vec());
        }
        for _ in 0..24 {
            let mut v = good.clone();
            for _ in 0..(1 + next() % 8) {
                let i = (next() as usize) % v.len();
                v[i] ^= 1 << (next() % 8);
            }
            variants.push(v);
        }
        for v in variants {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = read(&v, Some(&ocr));
            }));
            assert!(r.is_ok(), "{f}: panicked on a damaged copy");
        }
    }
}

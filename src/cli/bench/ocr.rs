//! `hecha bench ocr`: N pages of known Chinese text (one rendered A4 page,
//! tests/fixtures/ocr-bench-page.png, made scan-like per page: a small tilt,
//! blur, salt-and-pepper noise and JPEG q60; every other scan also turned
//! 90° or 180°), read by PP-OCR and by Tesseract chi_sim on a pool of
//! workers sized to the cores. Prints the character error rate, pages per
//! minute, the rare-character names read and peak RSS.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use hecha::ocr::{ppocr::PpOcr, tesseract::Tesseract, Engine, OcrSettings};
use hecha::tr;
use image::RgbImage;

use super::{mib, rss_mib, Rng};
use crate::cli::error::Result;

const PAGE: &[u8] = include_bytes!("../../../tests/fixtures/ocr-bench-page.png");
const TRUTH: &str = include_str!("../../../tests/fixtures/ocr-bench-page.txt");
const NAMES: [&str; 8] = [
    "王堃", "李喆", "赵镕", "陈玥", "张犇", "刘赟", "周彧", "吴祎",
];
const VARIANTS: [&str; 4] = ["clean", "scan", "scan+90", "scan+180"];

#[derive(Debug, Clone, serde::Serialize)]
pub struct OcrBench {
    pub pages: usize,
    pub workers: usize,
    pub runs: Vec<EngineRun>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct EngineRun {
    pub engine: String,
    /// Why it did not run (not installed).
    pub skipped: Option<String>,
    pub secs: f64,
    pub pages_per_minute: f64,
    pub secs_per_page: f64,
    /// Character error rate over all pages, in per cent (whitespace ignored).
    pub cer_percent: f64,
    /// (variant, CER %) per kind of page.
    pub cer_by_variant: Vec<(String, f64)>,
    /// Rare-character names read right on every page, of 8.
    pub names_read: usize,
    pub names_missed: Vec<String>,
    /// Peak RSS of hecha (for Tesseract: of hecha, which runs it as a
    /// child process; the child's is not counted).
    pub peak_rss_mib: Option<f64>,
}

pub fn run(pages: usize, log: &mut dyn FnMut(&str)) -> Result<OcrBench> {
    let settings = OcrSettings::load();
    let workers = settings.workers();
    log(&format!("ocr bench: making {pages} pages"));
    let base = image::load_from_memory(PAGE)
        .map_err(|e| crate::cli::error::Error::BenchImportFailed(e.to_string()))?
        .to_rgb8();
    let imgs: Vec<(usize, RgbImage)> = (0..pages)
        .map(|i| (i % VARIANTS.len(), make_page(&base, i)))
        .collect();
    let mut runs = Vec::new();
    log("ocr bench: PP-OCR");
    runs.push(match PpOcr::open(&settings) {
        Ok(e) => measure(&e, &imgs, workers),
        Err(e) => skipped("ppocr", e.to_string()),
    });
    log("ocr bench: Tesseract chi_sim");
    runs.push(match Tesseract::find() {
        Ok(t) => measure(&t, &imgs, workers),
        Err(e) => skipped("tesseract", e.to_string()),
    });
    Ok(OcrBench {
        pages,
        workers,
        runs,
    })
}

fn skipped(engine: &str, reason: String) -> EngineRun {
    EngineRun {
        engine: engine.into(),
        skipped: Some(reason),
        secs: 0.0,
        pages_per_minute: 0.0,
        secs_per_page: 0.0,
        cer_percent: 0.0,
        cer_by_variant: Vec::new(),
        names_read: 0,
        names_missed: Vec::new(),
        peak_rss_mib: None,
    }
}

/// Reads every page on `workers` threads; the figures of the run.
fn measure(e: &dyn Engine, imgs: &[(usize, RgbImage)], workers: usize) -> EngineRun {
    let next = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    let texts: Vec<std::sync::Mutex<String>> = imgs.iter().map(|_| Default::default()).collect();
    let t = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((_, img)) = imgs.get(i) else { break };
                let text = e
                    .recognise(img, &cancel)
                    .map(|p| p.text)
                    .unwrap_or_default();
                if let Ok(mut slot) = texts[i].lock() {
                    *slot = text;
                }
            });
        }
    });
    let secs = t.elapsed().as_secs_f64();
    let texts: Vec<String> = texts
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_default())
        .collect();
    let truth = squeeze(TRUTH);
    let (mut errs, mut total) = (0usize, 0usize);
    let mut by = vec![(0usize, 0usize); VARIANTS.len()];
    let mut missed: Vec<String> = Vec::new();
    for ((v, _), text) in imgs.iter().zip(&texts) {
        let d = levenshtein(&truth, &squeeze(text));
        errs += d;
        total += truth.len();
        by[*v].0 += d;
        by[*v].1 += truth.len();
        for n in NAMES {
            if !text.contains(n) && !missed.iter().any(|m| m == n) {
                missed.push(n.to_string());
            }
        }
    }
    let n = imgs.len().max(1) as f64;
    let pct = |e: usize, t: usize| 100.0 * e as f64 / t.max(1) as f64;
    EngineRun {
        engine: e.id().into(),
        skipped: None,
        secs,
        pages_per_minute: 60.0 * n / secs.max(1e-9),
        secs_per_page: secs / n,
        cer_percent: pct(errs, total),
        cer_by_variant: VARIANTS
            .iter()
            .zip(&by)
            .filter(|(_, (_, t))| *t > 0)
            .map(|(v, (e, t))| (v.to_string(), pct(*e, *t)))
            .collect(),
        names_read: NAMES.len() - missed.len(),
        names_missed: missed,
        peak_rss_mib: rss_mib("VmHWM:"),
    }
}

fn squeeze(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Page `i`: the clean page (variant 0), else a scan of it with its own
/// noise, turned by 0°, 90° or 180°.
fn make_page(base: &RgbImage, i: usize) -> RgbImage {
    if i.is_multiple_of(VARIANTS.len()) {
        return base.clone();
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1));
    let tilt = if i.is_multiple_of(2) { 1.2f32 } else { -0.8 };
    let mut img = image::imageops::blur(&tilt_page(base, tilt), 0.8);
    let (w, h) = img.dimensions();
    for _ in 0..60_000 {
        let (x, y) = (
            (rng.next() % w as u64) as u32,
            (rng.next() % h as u64) as u32,
        );
        let v = [0u8, 255, 128][(rng.next() % 3) as usize];
        img.put_pixel(x, y, image::Rgb([v, v, v]));
    }
    let mut jpeg = Vec::new();
    let img = match image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 60)
        .encode_image(&img)
        .ok()
        .and_then(|_| image::load_from_memory(&jpeg).ok())
    {
        Some(d) => d.to_rgb8(),
        None => img,
    };
    match i % VARIANTS.len() {
        2 => image::imageops::rotate90(&img),
        3 => image::imageops::rotate180(&img),
        _ => img,
    }
}

/// The page turned by `deg` degrees about its centre (bilinear, white fill).
fn tilt_page(img: &RgbImage, deg: f32) -> RgbImage {
    let (w, h) = img.dimensions();
    let (s, c) = deg.to_radians().sin_cos();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    RgbImage::from_fn(w, h, |x, y| {
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let (sx, sy) = (c * dx + s * dy + cx, -s * dx + c * dy + cy);
        if sx < 0.0 || sy < 0.0 || sx >= (w - 1) as f32 || sy >= (h - 1) as f32 {
            return image::Rgb([255, 255, 255]);
        }
        let (x0, y0) = (sx as u32, sy as u32);
        let (fx, fy) = (sx - x0 as f32, sy - y0 as f32);
        let p = |x: u32, y: u32| img.get_pixel(x, y).0[0] as f32;
        let top = p(x0, y0) + (p(x0 + 1, y0) - p(x0, y0)) * fx;
        let bot = p(x0, y0 + 1) + (p(x0 + 1, y0 + 1) - p(x0, y0 + 1)) * fx;
        let v = (top + (bot - top) * fy).round() as u8;
        image::Rgb([v, v, v])
    })
}

pub fn print(b: &OcrBench) {
    for r in &b.runs {
        if let Some(reason) = &r.skipped {
            println!(
                "{}",
                tr!("ocr.bench_skipped", engine = r.engine, reason = reason)
            );
            continue;
        }
        println!(
            "{}",
            tr!(
                "ocr.bench_line",
                engine = r.engine,
                pages = b.pages,
                cer = format!("{:.2}", r.cer_percent),
                ppm = format!("{:.1}", r.pages_per_minute),
                spp = format!("{:.2}", r.secs_per_page),
                rss = mib(r.peak_rss_mib)
            )
        );
        for (v, cer) in &r.cer_by_variant {
            println!("  {v}: {cer:.2}%");
        }
        println!(
            "{}",
            tr!(
                "ocr.bench_names",
                read = r.names_read,
                total = NAMES.len(),
                missing = r.names_missed.join(" ")
            )
        );
    }
}

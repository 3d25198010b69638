// Shared by the targets: an OCR engine that reads nothing, and the call.
use std::sync::atomic::AtomicBool;

use hecha::ocr::{Engine, OcrError, OcrPage};

pub struct Blind;

impl Engine for Blind {
    fn id(&self) -> &'static str {
        "blind"
    }
    fn recognise(&self, _: &image::RgbImage, _: &AtomicBool) -> Result<OcrPage, OcrError> {
        Ok(OcrPage {
            text: String::new(),
            confidence: 0.0,
            lines: Vec::new(),
            rotated: 0,
        })
    }
}

/// Reads `data` (after `magic`, if it does not start with it) as a paged document.
pub fn run(magic: &[u8], data: &[u8]) {
    let mut bytes = Vec::with_capacity(magic.len() + data.len());
    if !data.starts_with(magic) {
        bytes.extend_from_slice(magic);
    }
    bytes.extend_from_slice(data);
    let cancel = AtomicBool::new(false);
    let _ = hecha::ingest::read_paged(&bytes, "fuzz", Some(&Blind), &mut |_, _| {}, &cancel);
}

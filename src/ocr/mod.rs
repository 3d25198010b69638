//! Optical character recognition (the shared contract; a minimal stand-in in
//! this branch, replaced by the OCR engines at merge).

use std::sync::atomic::AtomicBool;

use crate::i18n::Msg;

/// A recognised page.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrPage {
    /// Lines joined by '\n', in reading order.
    pub text: String,
    /// Mean confidence, 0..1.
    pub confidence: f32,
    pub lines: Vec<OcrLine>,
    /// Degrees the page was turned before reading.
    pub rotated: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OcrLine {
    pub text: String,
    pub confidence: f32,
    pub quad: [(f32, f32); 4],
}

#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    /// Something the engine needs is not installed.
    #[error("{what}: {hint}")]
    Missing { what: String, hint: String },
}

impl OcrError {
    pub fn msg(&self) -> Msg {
        match self {
            OcrError::Missing { what, hint } => {
                Msg::new("ocr.missing").arg("what", what).arg("hint", hint)
            }
        }
    }
}

/// An OCR engine.
pub trait Engine: Send + Sync {
    fn id(&self) -> &'static str;
    fn recognise(&self, img: &image::RgbImage, cancel: &AtomicBool) -> Result<OcrPage, OcrError>;
}

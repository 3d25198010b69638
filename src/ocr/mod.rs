//! Text recognition (OCR) of page images. This is the shared contract only
//! (the engine trait and its results); the engines themselves live beside it.

use std::sync::atomic::AtomicBool;

use crate::Msg;

/// An OCR engine: reads the text of one page image.
pub trait Engine: Send + Sync {
    /// A short name of the engine (for reports).
    fn id(&self) -> &'static str;
    /// Reads one page; returns early with an error when `cancel` is set.
    fn recognise(&self, img: &image::RgbImage, cancel: &AtomicBool) -> Result<OcrPage, OcrError>;
}

/// What was read from one page.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrPage {
    /// The lines joined by '\n', in reading order.
    pub text: String,
    /// Mean confidence, 0..1.
    pub confidence: f32,
    pub lines: Vec<OcrLine>,
    /// Degrees the page was turned before reading (0, 90, 180, 270).
    pub rotated: u16,
}

/// One recognised line and where it is on the page (pixel corners, clockwise
/// from top left).
#[derive(Debug, Clone, PartialEq)]
pub struct OcrLine {
    pub text: String,
    pub confidence: f32,
    pub quad: [(f32, f32); 4],
}

#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    /// No usable engine: `what` is missing, `hint` says how to install it.
    #[error("{}", Msg::new("ocr.missing").arg("what", .what).arg("hint", .hint))]
    Missing { what: String, hint: String },
    /// The engine ran and failed.
    #[error("{}", Msg::new("ocr.failed").arg("detail", .detail))]
    Failed { detail: String },
}

impl OcrError {
    pub fn msg(&self) -> Msg {
        match self {
            OcrError::Missing { what, hint } => {
                Msg::new("ocr.missing").arg("what", what).arg("hint", hint)
            }
            OcrError::Failed { detail } => Msg::new("ocr.failed").arg("detail", detail),
        }
    }
}

//! What OCR refuses or fails at, one variant per failure, each read from
//! the message catalogue.

use std::path::PathBuf;

use crate::Msg;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OcrError {
    /// Something to install: `what` is missing, `hint` is the command line
    /// that installs it.
    #[error("{}", self.msg())]
    Missing { what: String, hint: String },
    /// The settings turn OCR off.
    #[error("{}", self.msg())]
    Off,
    /// A model file that is not the pinned one (another wheel version, a
    /// damaged download).
    #[error("{}", self.msg())]
    ModelMismatch {
        file: PathBuf,
        expected: String,
        found: String,
    },
    /// The ONNX Runtime library could not be loaded.
    #[error("{}", self.msg())]
    Library { path: PathBuf, detail: String },
    /// ONNX Runtime failed creating a session or running a model.
    #[error("{}", self.msg())]
    Runtime { detail: String },
    /// The Tesseract command failed on a page.
    #[error("{}", self.msg())]
    Tesseract { detail: String },
    /// A page image too small or too large to read.
    #[error("{}", self.msg())]
    BadImage { width: u32, height: u32 },
    #[error("{}", self.msg())]
    Io { path: PathBuf, detail: String },
    #[error("{}", self.msg())]
    Cancelled,
}

impl OcrError {
    /// The failure as a catalogue message.
    pub fn msg(&self) -> Msg {
        use OcrError::*;
        match self {
            Missing { what, hint } => Msg::new("ocr.missing").arg("what", what).arg("hint", hint),
            Off => Msg::new("ocr.off"),
            ModelMismatch {
                file,
                expected,
                found,
            } => Msg::new("ocr.model_mismatch")
                .arg("file", file.display())
                .arg("expected", expected)
                .arg("found", found),
            Library { path, detail } => Msg::new("ocr.library")
                .arg("path", path.display())
                .arg("detail", detail),
            Runtime { detail } => Msg::new("ocr.runtime").arg("detail", detail),
            Tesseract { detail } => Msg::new("ocr.tesseract").arg("detail", detail),
            BadImage { width, height } => Msg::new("ocr.bad_image")
                .arg("width", width)
                .arg("height", height),
            Io { path, detail } => Msg::new("ocr.io")
                .arg("path", path.display())
                .arg("detail", detail),
            Cancelled => Msg::new("ocr.cancelled"),
        }
    }

    pub(crate) fn runtime(e: impl std::fmt::Display) -> OcrError {
        OcrError::Runtime {
            detail: e.to_string(),
        }
    }
}

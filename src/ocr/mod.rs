//! Optical character recognition of page images, offline.
//!
//! The default engine is PP-OCRv5 (mobile det + cls + rec, ONNX) run through
//! ONNX Runtime loaded at run time from an absolute path ([`ppocr`]); its
//! 18k-character dictionary reads the rare characters names are written with
//! (堃 喆 镕 玥 …). The fallback is the Tesseract command line with `chi_sim`
//! ([`tesseract`]). [`engine`] picks one from the settings and what is
//! installed ([`lookup`]); when neither is there it says what to install.

mod error;
pub mod lookup;
pub mod ppocr;
pub mod render;
pub mod tesseract;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

pub use error::OcrError;
pub use lookup::{status, OcrStatus};

/// An OCR engine: one page image in, its lines of text out. Engines are
/// shared between the workers of an import (`Send + Sync`); `cancel` is
/// checked between the stages of a page.
pub trait Engine: Send + Sync {
    /// What draws a PDF page whose text layer cannot be used, so it can be
    /// recognised; none when pages cannot be drawn.
    fn renderer(&self) -> Option<&dyn render::PageRenderer> {
        None
    }

    /// A short stable name: `ppocr` or `tesseract`.
    fn id(&self) -> &'static str;
    fn recognise(&self, img: &image::RgbImage, cancel: &AtomicBool) -> Result<OcrPage, OcrError>;
}

/// What was read from one page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OcrPage {
    /// The lines joined by '\n', in reading order.
    pub text: String,
    /// Mean confidence of the lines, 0..1 (0 for a page with no text).
    pub confidence: f32,
    pub lines: Vec<OcrLine>,
    /// Degrees (0, 90, 180, 270) the page was turned clockwise to read it
    /// upright; the quads are in the turned page's pixels.
    pub rotated: u16,
}

/// One line of text and where it is on the page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OcrLine {
    pub text: String,
    pub confidence: f32,
    /// Corners clockwise from the top left, in pixels.
    pub quad: [(f32, f32); 4],
}

impl OcrPage {
    /// A page made of these lines (text and mean confidence derived).
    pub fn from_lines(lines: Vec<OcrLine>, rotated: u16) -> OcrPage {
        let text = lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let confidence = if lines.is_empty() {
            0.0
        } else {
            lines.iter().map(|l| l.confidence).sum::<f32>() / lines.len() as f32
        };
        OcrPage {
            text,
            confidence,
            lines,
            rotated,
        }
    }
}

/// Which engine to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EngineChoice {
    /// PP-OCR when its models and ONNX Runtime are installed, else Tesseract.
    #[default]
    Auto,
    #[serde(rename = "ppocr")]
    PpOcr,
    Tesseract,
    /// No OCR: image imports fail, text-layer PDFs still import.
    Off,
}

impl EngineChoice {
    pub fn parse(s: &str) -> Option<EngineChoice> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Some(EngineChoice::Auto),
            "ppocr" | "pp-ocr" | "paddle" => Some(EngineChoice::PpOcr),
            "tesseract" => Some(EngineChoice::Tesseract),
            "off" | "none" => Some(EngineChoice::Off),
            _ => None,
        }
    }
}

/// The `[ocr]` settings (config file `config.toml` in hecha's config
/// directory), each overridable from the environment: `HECHA_OCR_ENGINE`,
/// `HECHA_OCR_MODELS`, `HECHA_ORT_LIB`, `HECHA_OCR_WORKERS`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct OcrSettings {
    pub engine: EngineChoice,
    /// The folder the models were installed into (`pip install --target`),
    /// or the `ppocrv5` folder itself.
    pub models_dir: Option<PathBuf>,
    /// The ONNX Runtime library file (`libonnxruntime.so.1.*`, `onnxruntime.dll`).
    pub ort_library: Option<PathBuf>,
    /// How many pages may be read at once (default: the number of cores, at most 4).
    pub workers: Option<usize>,
    /// The PDFium library file that draws PDF pages to be recognised
    /// (`libpdfium.so`, `pdfium.dll`).
    pub pdfium_library: Option<PathBuf>,
}

impl OcrSettings {
    /// The settings from the config file, then the environment over them.
    /// A config file that cannot be read or parsed counts as absent here;
    /// `hecha ocr status` names the file and its error.
    pub fn load() -> OcrSettings {
        let file = lookup::config_file()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|s| lookup::parse_config(&s).ok())
            .unwrap_or_default();
        file.with_env(|k| std::env::var_os(k))
    }

    /// These settings with the environment (as `var` reads it) over them.
    pub fn with_env(mut self, var: impl Fn(&str) -> Option<std::ffi::OsString>) -> OcrSettings {
        let set = |k: &str| var(k).filter(|v| !v.is_empty());
        if let Some(e) =
            set("HECHA_OCR_ENGINE").and_then(|v| EngineChoice::parse(&v.to_string_lossy()))
        {
            self.engine = e;
        }
        if let Some(v) = set("HECHA_OCR_MODELS") {
            self.models_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = set("HECHA_ORT_LIB") {
            self.ort_library = Some(PathBuf::from(v));
        }
        if let Some(v) = set("HECHA_PDFIUM_LIB") {
            self.pdfium_library = Some(PathBuf::from(v));
        }
        if let Some(n) = set("HECHA_OCR_WORKERS").and_then(|v| v.to_string_lossy().parse().ok()) {
            self.workers = Some(n);
        }
        self
    }

    /// Pages read at once.
    pub fn workers(&self) -> usize {
        self.workers
            .unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(1)
                    .min(4)
            })
            .max(1)
    }
}

/// The engine the settings ask for. `Auto`: PP-OCR when its models and the
/// ONNX Runtime library are found (and the models are the pinned ones), else
/// Tesseract when `tesseract` with `chi_sim` is on the PATH, else
/// [`OcrError::Missing`] naming what to install.
pub fn engine(settings: &OcrSettings) -> Result<Box<dyn Engine>, OcrError> {
    match settings.engine {
        EngineChoice::Off => Err(OcrError::Off),
        EngineChoice::PpOcr => Ok(Box::new(ppocr::PpOcr::open(settings)?)),
        EngineChoice::Tesseract => Ok(Box::new(tesseract::Tesseract::find()?)),
        EngineChoice::Auto => match ppocr::PpOcr::open(settings) {
            Ok(e) => Ok(Box::new(e)),
            // Only absence falls back: models that are there but wrong, or a
            // runtime that fails, are worth saying rather than quietly
            // reading names worse with Tesseract.
            Err(OcrError::Missing { what, .. }) => match tesseract::Tesseract::find() {
                Ok(t) => Ok(Box::new(t)),
                Err(_) => Err(OcrError::Missing {
                    what: format!("{what}; tesseract (chi_sim)"),
                    hint: lookup::SETUP_HINT.to_string(),
                }),
            },
            Err(e) => Err(e),
        },
    }
}

/// The configured engine, opened when the first page needs it: importing
/// text files and text-layer PDFs never loads a model, and an engine that is
/// missing fails the page that needed it with what to install.
pub struct Lazy {
    settings: OcrSettings,
    engine: std::sync::OnceLock<Result<Box<dyn Engine>, OcrError>>,
}

impl Lazy {
    pub fn new(settings: OcrSettings) -> Lazy {
        Lazy {
            settings,
            engine: std::sync::OnceLock::new(),
        }
    }

    fn get(&self) -> Result<&dyn Engine, OcrError> {
        match self.engine.get_or_init(|| engine(&self.settings)) {
            Ok(e) => Ok(e.as_ref()),
            Err(e) => Err(e.clone()),
        }
    }
}

impl Engine for Lazy {
    fn renderer(&self) -> Option<&dyn render::PageRenderer> {
        self.get().ok()?;
        let r = render::PdfiumRenderer::get(&self.settings).ok()?;
        Some(r)
    }

    fn id(&self) -> &'static str {
        match self.engine.get() {
            Some(Ok(e)) => e.id(),
            _ => "none",
        }
    }

    fn recognise(&self, img: &image::RgbImage, cancel: &AtomicBool) -> Result<OcrPage, OcrError> {
        self.get()?.recognise(img, cancel)
    }
}

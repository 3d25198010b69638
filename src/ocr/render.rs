//! Drawing a PDF page as an image, for pages whose text layer lies (a font
//! without ToUnicode, GBK bytes in a simple font) or that carry text drawn
//! as outlines, and for scans coded in ways the image readers do not take
//! (CCITT fax, JBIG2, JPEG 2000). PDFium does the drawing, loaded at run
//! time from an absolute path like ONNX Runtime (the `pypdfium2` wheel's
//! library, installed with the OCR set-up line); no network, no link step.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use image::RgbImage;
use pdfium_render::prelude::{PdfRenderConfig, Pdfium};

use super::lookup::{self, SETUP_HINT};
use super::{OcrError, OcrSettings};

/// Draws pages of a PDF.
pub trait PageRenderer: Send + Sync {
    /// Page `index` (0-based) of the PDF in `pdf`, at about [`DPI`], no side
    /// longer than [`MAX_SIDE`] pixels.
    fn render(&self, pdf: &[u8], index: u32) -> Result<RgbImage, String>;
}

/// Resolution pages are drawn at: what the recogniser reads best.
pub const DPI: f32 = 200.0;
/// The longest side of a drawn page in pixels (an A0 poster stays readable
/// and memory stays bounded).
pub const MAX_SIDE: i32 = 4000;

/// PDFium, bound once per process (its library cannot be bound twice).
pub struct PdfiumRenderer {
    pdfium: Pdfium,
    pub library: PathBuf,
}

static PDFIUM: OnceLock<Result<PdfiumRenderer, OcrError>> = OnceLock::new();

impl PdfiumRenderer {
    /// The process's PDFium, found from the settings (`pdfium_library`,
    /// `HECHA_PDFIUM_LIB`) or the OCR root's `pypdfium2_raw/` folder.
    pub fn get(settings: &OcrSettings) -> Result<&'static PdfiumRenderer, OcrError> {
        PDFIUM
            .get_or_init(|| {
                let candidates =
                    lookup::pdfium_candidates(settings, lookup::default_root().as_deref());
                let lib = lookup::find_library(&candidates).ok_or_else(|| OcrError::Missing {
                    what: "PDFium (pypdfium2==5.15.2)".into(),
                    hint: SETUP_HINT.to_string(),
                })?;
                PdfiumRenderer::bind(&lib)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    fn bind(lib: &Path) -> Result<PdfiumRenderer, OcrError> {
        let bindings = Pdfium::bind_to_library(lib).map_err(|e| OcrError::Library {
            path: lib.to_path_buf(),
            detail: e.to_string(),
        })?;
        Ok(PdfiumRenderer {
            pdfium: Pdfium::new(bindings),
            library: lib.to_path_buf(),
        })
    }
}

impl PageRenderer for PdfiumRenderer {
    fn render(&self, pdf: &[u8], index: u32) -> Result<RgbImage, String> {
        let doc = self
            .pdfium
            .load_pdf_from_byte_slice(pdf, None)
            .map_err(|e| e.to_string())?;
        let index = i32::try_from(index).map_err(|e| e.to_string())?;
        let page = doc.pages().get(index).map_err(|e| e.to_string())?;
        let config = PdfRenderConfig::new()
            .scale_page_by_factor(DPI / 72.0)
            .set_maximum_width(MAX_SIDE)
            .set_maximum_height(MAX_SIDE);
        let bitmap = page
            .render_with_config(&config)
            .map_err(|e| e.to_string())?;
        let img = bitmap.as_image().map_err(|e| e.to_string())?;
        Ok(img.into_rgb8())
    }
}

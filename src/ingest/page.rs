//! A page of a paged document (PDF, scan, photo, OFD) and where its text came from.

/// One page: its 1-based number, its text and where that text came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// 1-based.
    pub number: u32,
    pub text: String,
    pub source: PageSource,
    /// OCR confidence (0..1) for recognised pages; none otherwise.
    pub confidence: Option<f32>,
}

/// Where a page's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSource {
    /// The file's own text (a PDF text layer, OFD text).
    TextLayer,
    /// Recognised from the page image (to be checked against the original).
    Ocr,
    /// Converted from a format without pages (Word 97 .doc, WPS).
    Converted,
}

impl PageSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PageSource::TextLayer => "text_layer",
            PageSource::Ocr => "ocr",
            PageSource::Converted => "converted",
        }
    }
}

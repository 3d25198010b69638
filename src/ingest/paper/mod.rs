//! Paged documents: PDF (text layer, scanned pages), images (JPEG, PNG, TIFF,
//! BMP), Word 97–2003 and WPS (.doc/.wps) and OFD, read into [`Page`]s. The
//! format is told from the content, not the name; each format has its own
//! module. Pages without a usable text layer go to the OCR engine given.
//! Nothing here touches the case: the caller stores the pages.

mod driver;
mod gate;
mod ofd;
mod pdf;
mod pdf_image;
mod raster;
mod word;

use std::sync::atomic::AtomicBool;

use super::error::{Error, Result};
use super::page::Page;
use crate::ocr::Engine;

pub use gate::{assess, Reason, Verdict};

/// Most pages in one document (a page bomb beyond that).
pub const MAX_PAGES: u32 = 5000;
/// Most pixels in one page image (A3 at 600 dpi is about 70 million).
pub const MAX_PIXELS: u64 = 100_000_000;
/// Most bytes one page's stream or image may inflate to.
pub const MAX_STREAM: u64 = 256 * 1024 * 1024;
/// Most text taken from one page's text layer.
pub const MAX_PAGE_TEXT: usize = 16 * 1024 * 1024;

/// The extensions read as paged documents.
pub const PAGED_EXT: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "tif", "tiff", "bmp", "doc", "wps", "ofd",
];

/// Whether files with this (lower-case, dot-less) extension are read by [`read_paged`].
pub fn is_paged_ext(ext: &str) -> bool {
    PAGED_EXT.contains(&ext.to_ascii_lowercase().as_str())
}

/// A paged format, told from the first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Jpeg,
    Png,
    Tiff,
    Bmp,
    /// An OLE2 compound file (.doc, .wps; or something else in that container).
    Ole2,
    /// A zip package with OFD.xml.
    Ofd,
}

/// The format of `bytes`, from its magic bytes (a PDF header may follow up to
/// 1 KB of junk, as readers allow).
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(Format::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Format::Png);
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Some(Format::Tiff);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Format::Ole2);
    }
    if bytes.starts_with(b"PK\x03\x04") && ofd::is_ofd(bytes) {
        return Some(Format::Ofd);
    }
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(Format::Pdf);
    }
    if bytes.len() > 26 && bytes.starts_with(b"BM") {
        return Some(Format::Bmp);
    }
    None
}

/// Reads a paged document: its pages in order, 1-based. `file` names the
/// file in errors; `ocr` reads pages without a usable text layer (none: such
/// a page is an error saying OCR is needed); `progress(done, total)` after
/// each page; `cancel` stops between pages.
pub fn read_paged(
    bytes: &[u8],
    file: &str,
    ocr: Option<&dyn Engine>,
    progress: &mut dyn FnMut(u32, u32),
    cancel: &AtomicBool,
) -> Result<Vec<Page>> {
    if bytes.is_empty() {
        return Err(Error::Empty { file: file.into() });
    }
    let mut d = driver::Driver::new(file, ocr, progress, cancel);
    let pages = match sniff(bytes) {
        Some(Format::Pdf) => pdf::read(bytes, &mut d)?,
        Some(Format::Jpeg | Format::Png | Format::Bmp) => raster::read_single(bytes, &mut d)?,
        Some(Format::Tiff) => raster::read_tiff(bytes, &mut d)?,
        Some(Format::Ole2) => word::read(bytes, file, &word::OfficeOxide)?,
        Some(Format::Ofd) => ofd::read(bytes, &mut d)?,
        None => return Err(Error::PagedUnknown { file: file.into() }),
    };
    if pages.iter().all(|p| p.text.trim().is_empty()) {
        return Err(Error::Empty { file: file.into() });
    }
    Ok(pages)
}

/// Runs a third-party parser, turning a panic in it into an error detail
/// (hecha must not crash on a hostile file, whoever's code it trips).
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> std::result::Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| "internal parser failure".to_string())
}

#[cfg(test)]
mod tests;

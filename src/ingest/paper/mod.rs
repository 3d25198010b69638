//! Readers of paged documents (PDF, images, Word binary, WPS, OFD).
//!
//! A stub in this branch: the paper readers replace it at merge. Until then
//! every paged format is refused with a clear message.

use super::error::Error;
use super::page::Page;

/// Reads a paged document into its pages (format from the content).
pub fn read_paged(
    bytes: &[u8],
    file: &str,
    ocr: Option<&dyn crate::ocr::Engine>,
    progress: &mut dyn FnMut(u64, u64),
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<Vec<Page>, Error> {
    let _ = (bytes, ocr, progress, cancel);
    Err(Error::NotYetSupported {
        file: file.to_string(),
    })
}

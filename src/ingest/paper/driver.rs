//! The page loop shared by the readers: pages come in order, text pages are
//! done at once, image pages are recognised in batches on a few threads (as
//! many as the cores, at most four), with progress after each page and a
//! cancel check between pages.

use std::sync::atomic::{AtomicBool, Ordering};

use image::RgbImage;

use super::super::error::{Error, Result};
use super::super::page::{Page, PageSource};
use crate::ocr::{Engine, OcrError, OcrPage};

pub(crate) struct Driver<'a> {
    pub file: &'a str,
    ocr: Option<&'a dyn Engine>,
    progress: &'a mut dyn FnMut(u32, u32),
    cancel: &'a AtomicBool,
    total: u32,
    done: u32,
    pages: Vec<Page>,
    pending: Vec<(u32, RgbImage)>,
    workers: usize,
}

impl<'a> Driver<'a> {
    pub fn new(
        file: &'a str,
        ocr: Option<&'a dyn Engine>,
        progress: &'a mut dyn FnMut(u32, u32),
        cancel: &'a AtomicBool,
    ) -> Driver<'a> {
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 4);
        Driver {
            file,
            ocr,
            progress,
            cancel,
            total: 0,
            done: 0,
            pages: Vec::new(),
            pending: Vec::new(),
            workers,
        }
    }

    pub fn file(&self) -> String {
        self.file.to_string()
    }

    /// The page count, once known (for progress).
    pub fn set_total(&mut self, total: u32) {
        self.total = total;
    }

    pub fn check_cancel(&self) -> Result<()> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled { file: self.file() });
        }
        Ok(())
    }

    /// Page `index` (0-based) of `pdf` drawn as an image, when there is an
    /// engine to read it and a renderer to draw it; `None` otherwise or when
    /// drawing fails (the caller then says why the page cannot be read).
    pub fn render(&self, pdf: &[u8], index: u32) -> Option<RgbImage> {
        let r = self.ocr?.renderer()?;
        super::guarded(|| r.render(pdf, index)).ok()?.ok()
    }

    /// Threads a reader may use for its own CPU-bound work.
    pub fn workers(&self) -> usize {
        self.workers
    }

    pub fn has_ocr(&self) -> bool {
        self.ocr.is_some()
    }

    /// Fails at once if page `number` needs OCR and there is no engine.
    pub fn require_ocr(&self, number: u32) -> Result<()> {
        if self.ocr.is_none() {
            return Err(Error::OcrUnavailable {
                file: self.file(),
                page: number,
            });
        }
        Ok(())
    }

    /// A page whose text is known.
    pub fn text(&mut self, number: u32, text: String, source: PageSource) -> Result<()> {
        self.pages.push(Page {
            number,
            text,
            source,
            confidence: None,
        });
        self.done += 1;
        (self.progress)(self.done, self.total.max(self.done));
        self.check_cancel()
    }

    /// A page to recognise from its image.
    pub fn image(&mut self, number: u32, img: RgbImage) -> Result<()> {
        self.require_ocr(number)?;
        self.pending.push((number, img));
        if self.pending.len() >= self.workers {
            self.flush()?;
        }
        self.check_cancel()
    }

    /// The pages, in order (after recognising any still waiting).
    pub fn finish(&mut self) -> Result<Vec<Page>> {
        self.flush()?;
        let mut pages = std::mem::take(&mut self.pages);
        pages.sort_by_key(|p| p.number);
        Ok(pages)
    }

    fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.check_cancel()?;
        let pending = std::mem::take(&mut self.pending);
        let Some(engine) = self.ocr else {
            let page = pending.first().map(|p| p.0).unwrap_or(1);
            return Err(Error::OcrUnavailable {
                file: self.file(),
                page,
            });
        };
        let cancel = self.cancel;
        let results: Vec<(u32, std::result::Result<OcrPage, OcrError>)> = if pending.len() == 1 {
            pending
                .iter()
                .map(|(n, img)| (*n, recognise(engine, img, cancel)))
                .collect()
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = pending
                    .iter()
                    .map(|(n, img)| (*n, s.spawn(move || recognise(engine, img, cancel))))
                    .collect();
                handles
                    .into_iter()
                    .map(|(n, h)| {
                        let r = h.join().unwrap_or_else(|_| {
                            Err(OcrError::Runtime {
                                detail: "internal failure".into(),
                            })
                        });
                        (n, r)
                    })
                    .collect()
            })
        };
        for (number, r) in results {
            let page = match r {
                Ok(p) => p,
                Err(e) => {
                    self.check_cancel()?;
                    return Err(Error::Ocr {
                        file: self.file(),
                        page: number,
                        source: e,
                    });
                }
            };
            self.pages.push(Page {
                number,
                text: page.text,
                source: PageSource::Ocr,
                confidence: Some(page.confidence.clamp(0.0, 1.0)),
            });
            self.done += 1;
            (self.progress)(self.done, self.total.max(self.done));
        }
        self.check_cancel()
    }
}

fn recognise(
    engine: &dyn Engine,
    img: &RgbImage,
    cancel: &AtomicBool,
) -> std::result::Result<OcrPage, OcrError> {
    super::guarded(|| engine.recognise(img, cancel))
        .unwrap_or_else(|detail| Err(OcrError::Runtime { detail }))
}

//! PDF: each page's text layer through oxidize-pdf (lenient parse), judged
//! by the quality gate; a page that fails, or a scan with no text, is
//! recognised from its image (taken out by [`super::pdf_image`]).

use std::io::Cursor;

use oxidize_pdf::parser::{ParseError, ParseOptions, PdfDocument, PdfReader};
use oxidize_pdf::text::ExtractionOptions;

use super::super::error::{Error, Result};
use super::super::page::{Page, PageSource};
use super::driver::Driver;
use super::gate::{assess, Verdict};
use super::pdf_image::Images;
use super::{guarded, MAX_PAGES, MAX_PAGE_TEXT};

type Doc<'b> = PdfDocument<Cursor<&'b [u8]>>;

/// The text layer of PDF pages (behind a trait so another extractor can stand in).
pub(super) trait TextLayer {
    fn page_count(&self) -> std::result::Result<u32, ParseError>;
    /// The text of page `index` (0-based).
    fn page_text(&self, index: u32) -> std::result::Result<String, ParseError>;
}

struct Oxidize<'b>(Doc<'b>);

impl TextLayer for Oxidize<'_> {
    fn page_count(&self) -> std::result::Result<u32, ParseError> {
        self.0.page_count()
    }

    fn page_text(&self, index: u32) -> std::result::Result<String, ParseError> {
        let options = ExtractionOptions {
            max_extracted_bytes: Some(MAX_PAGE_TEXT),
            ..ExtractionOptions::default()
        };
        self.0
            .extract_text_from_page_with_options(index, options)
            .map(|t| t.text)
    }
}

fn open(bytes: &[u8]) -> std::result::Result<Oxidize<'_>, ParseError> {
    let reader = PdfReader::new_with_options(Cursor::new(bytes), ParseOptions::lenient())?;
    if reader.is_encrypted() && !reader.is_unlocked() {
        return Err(ParseError::PdfLocked);
    }
    Ok(Oxidize(reader.into_document()))
}

fn parse_error(file: &str, e: ParseError) -> Error {
    let file = file.to_string();
    match e {
        ParseError::EncryptionNotSupported | ParseError::WrongPassword | ParseError::PdfLocked => {
            Error::PdfEncrypted { file }
        }
        ParseError::EmptyFile => Error::Empty { file },
        other => Error::PdfBroken {
            file,
            detail: other.to_string(),
        },
    }
}

pub(super) fn read(bytes: &[u8], d: &mut Driver<'_>) -> Result<Vec<Page>> {
    let file = d.file();
    let layer = guarded(|| open(bytes))
        .map_err(|detail| Error::PdfBroken {
            file: file.clone(),
            detail,
        })?
        .map_err(|e| parse_error(&file, e))?;
    read_layer(&layer, bytes, d)
}

fn read_layer(layer: &dyn TextLayer, bytes: &[u8], d: &mut Driver<'_>) -> Result<Vec<Page>> {
    let file = d.file();
    let count = guarded(|| layer.page_count())
        .map_err(|detail| Error::PdfBroken {
            file: file.clone(),
            detail,
        })?
        .map_err(|e| parse_error(&file, e))?;
    if count > MAX_PAGES {
        return Err(Error::TooManyPages {
            file,
            pages: u64::from(count),
            limit: MAX_PAGES,
        });
    }
    if count == 0 {
        return Err(Error::Empty { file });
    }
    d.set_total(count);
    // lopdf parses the file only when a page needs its image.
    let mut images: Option<std::result::Result<Images, String>> = None;
    let workers = d.workers();
    for start in (0..count).step_by(CHUNK as usize) {
        d.check_cancel()?;
        let end = (start + CHUNK).min(count);
        let texts = extract_range(layer, bytes, start..end, workers);
        for (index, extracted) in (start..end).zip(texts) {
            d.check_cancel()?;
            let (text, verdict, failure) = match extracted {
                Text::Ok(t) => {
                    let t = tidy(&t);
                    let v = assess(&t);
                    (t, v, None)
                }
                Text::Locked => return Err(Error::PdfEncrypted { file }),
                Text::Failed(e) => (String::new(), Verdict::Blank, Some(e)),
            };
            page(d, bytes, &mut images, index, text, verdict, failure)?;
        }
    }
    d.finish()
}

/// Pages whose text layers are read together (on `workers` threads, each
/// with its own parse of the file), before they are judged in order.
const CHUNK: u32 = 64;

/// One page's text layer as read.
enum Text {
    Ok(String),
    /// The file needs a password after all.
    Locked,
    Failed(String),
}

fn extract(layer: &dyn TextLayer, index: u32) -> Text {
    match guarded(|| layer.page_text(index)) {
        Ok(Ok(t)) => Text::Ok(t),
        Ok(Err(ParseError::PdfLocked | ParseError::WrongPassword)) => Text::Locked,
        Ok(Err(e)) => Text::Failed(e.to_string()),
        Err(detail) => Text::Failed(detail),
    }
}

/// The text layers of pages `range`: every `workers`-th page on each thread
/// (extraction is CPU-bound; a predefined CJK CMap costs ~50 ms a page).
/// A thread that cannot parse the file leaves its pages to this one.
fn extract_range(
    layer: &dyn TextLayer,
    bytes: &[u8],
    range: std::ops::Range<u32>,
    workers: usize,
) -> Vec<Text> {
    let n = range.len();
    if workers <= 1 || n < 2 {
        return range.map(|i| extract(layer, i)).collect();
    }
    let mut out: Vec<Option<Text>> = (0..n).map(|_| None).collect();
    let mine = |w: usize| {
        range
            .clone()
            .enumerate()
            .filter(move |(k, _)| k % workers == w)
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (1..workers)
            .map(|w| {
                let pages: Vec<(usize, u32)> = mine(w).collect();
                s.spawn(move || {
                    let Ok(Ok(own)) = guarded(|| open(bytes)) else {
                        return Vec::new();
                    };
                    pages
                        .into_iter()
                        .map(|(k, i)| (k, extract(&own, i)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for (k, i) in mine(0) {
            out[k] = Some(extract(layer, i));
        }
        for h in handles {
            for (k, t) in h.join().unwrap_or_default() {
                out[k] = Some(t);
            }
        }
    });
    range
        .zip(out)
        .map(|(i, t)| t.unwrap_or_else(|| extract(layer, i)))
        .collect()
}

/// One page judged: its text layer if good, else its scan or its drawing
/// recognised, else the reason it cannot be read.
fn page(
    d: &mut Driver<'_>,
    bytes: &[u8],
    images: &mut Option<std::result::Result<Images, String>>,
    index: u32,
    text: String,
    verdict: Verdict,
    failure: Option<String>,
) -> Result<()> {
    let file = d.file();
    let number = index + 1;
    if verdict == Verdict::Good {
        return d.text(number, text, PageSource::TextLayer);
    }
    // A scan: the page's own image, decoded as it is stored.
    let imgs = images.get_or_insert_with(|| Images::load(bytes));
    let scan = match imgs {
        Ok(imgs) => imgs.scan(number).map_err(|e| e.into_error(d.file, number)),
        Err(detail) => Err(Error::PdfPageBroken {
            file: file.clone(),
            page: number,
            detail: failure.clone().unwrap_or_else(|| detail.clone()),
        }),
    };
    if let Ok(Some(img)) = scan {
        return d.image(number, img);
    }
    // No usable scan: the page drawn (a lying font, text as outlines,
    // an image coded as CCITT, JBIG2 or JPEG 2000), when it can be.
    if let Some(img) = d.render(bytes, index) {
        return d.image(number, img);
    }
    match (scan, verdict, failure) {
        (Err(e), Verdict::Bad(_), _) | (Err(e), _, Some(_)) => return Err(e),
        (_, _, Some(detail)) => {
            return Err(Error::PdfPageBroken {
                file,
                page: number,
                detail,
            })
        }
        (_, Verdict::Bad(_), None) => {
            if d.has_ocr() {
                return Err(Error::PageUnreadable { file, page: number });
            }
            d.require_ocr(number)?;
        }
        // A page with no text and nothing to read: blank.
        (_, _, None) => d.text(number, text, PageSource::TextLayer)?,
    }
    Ok(())
}

/// Line ends without trailing blanks, no trailing blank lines.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches([' ', '\t', '\r']))
        .collect();
    lines.join("\n").trim_end().to_string()
}

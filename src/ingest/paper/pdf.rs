//! PDF: each page's text layer through oxidize-pdf (lenient parse), judged
//! by the quality gate; a page that fails, or a scan with no text, is
//! recognised from its image (taken out by [`super::pdf_image`]).

use std::io::Cursor;
use std::sync::mpsc;

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
    let workers = d.workers();
    std::thread::scope(|s| {
        let pool = Pool::start(s, bytes, workers.saturating_sub(1));
        // lopdf parses the file only when a page needs its image.
        let mut images: Option<std::result::Result<Images, String>> = None;
        for start in (0..count).step_by(CHUNK as usize) {
            d.check_cancel()?;
            let end = (start + CHUNK).min(count);
            for (index, extracted) in (start..end).zip(pool.extract(layer, start..end)) {
                d.check_cancel()?;
                page(d, bytes, &mut images, index, extracted)?;
            }
        }
        Ok::<_, Error>(())
    })?;
    d.finish()
}

/// Pages whose text layers are read together (on a thread per core),
/// before they are judged in order.
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

/// Helper threads for the life of one file, each with its own parse of it
/// (extraction is CPU-bound and a parsed document is not shared between
/// threads). A helper that cannot parse the file answers with nothing and
/// leaves its pages to the calling thread.
struct Pool {
    helpers: Vec<Helper>,
}

struct Helper {
    jobs: mpsc::Sender<Vec<(usize, u32)>>,
    done: mpsc::Receiver<Vec<(usize, Text)>>,
}

impl Pool {
    fn start<'s, 'b: 's>(s: &'s std::thread::Scope<'s, '_>, bytes: &'b [u8], n: usize) -> Self {
        let helpers = (0..n)
            .map(|_| {
                let (jobs, job_rx) = mpsc::channel::<Vec<(usize, u32)>>();
                let (done_tx, done) = mpsc::channel();
                s.spawn(move || {
                    let own = guarded(|| open(bytes)).ok().and_then(|r| r.ok());
                    for job in job_rx {
                        let out: Vec<(usize, Text)> = match &own {
                            Some(doc) => {
                                job.into_iter().map(|(k, i)| (k, extract(doc, i))).collect()
                            }
                            None => Vec::new(),
                        };
                        if done_tx.send(out).is_err() {
                            break;
                        }
                    }
                });
                Helper { jobs, done }
            })
            .collect();
        Pool { helpers }
    }

    /// The text layers of pages `range`: every (helpers + 1)-th page on each
    /// thread, this one included.
    fn extract(&self, layer: &dyn TextLayer, range: std::ops::Range<u32>) -> Vec<Text> {
        let threads = self.helpers.len() + 1;
        let mut out: Vec<Option<Text>> = range.clone().map(|_| None).collect();
        let mine = |w: usize| {
            range
                .clone()
                .enumerate()
                .filter(move |(k, _)| k % threads == w)
        };
        let sent: Vec<bool> = self
            .helpers
            .iter()
            .enumerate()
            .map(|(w, h)| h.jobs.send(mine(w + 1).collect()).is_ok())
            .collect();
        for (k, i) in mine(0) {
            out[k] = Some(extract(layer, i));
        }
        for (h, sent) in self.helpers.iter().zip(sent) {
            if sent {
                for (k, t) in h.done.recv().unwrap_or_default() {
                    out[k] = Some(t);
                }
            }
        }
        range
            .zip(out)
            .map(|(i, t)| t.unwrap_or_else(|| extract(layer, i)))
            .collect()
    }
}

/// One page judged: its text layer if good, else its scan or its drawing
/// recognised, else the reason it cannot be read.
fn page(
    d: &mut Driver<'_>,
    bytes: &[u8],
    images: &mut Option<std::result::Result<Images, String>>,
    index: u32,
    extracted: Text,
) -> Result<()> {
    let file = d.file();
    let number = index + 1;
    let (text, verdict, failure) = match extracted {
        Text::Ok(t) => {
            let t = tidy(&t);
            let v = assess(&t);
            (t, v, None)
        }
        Text::Locked => return Err(Error::PdfEncrypted { file }),
        Text::Failed(e) => (String::new(), Verdict::Blank, Some(e)),
    };
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

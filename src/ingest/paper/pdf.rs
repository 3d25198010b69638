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
    for index in 0..count {
        d.check_cancel()?;
        let number = index + 1;
        let (text, verdict, failure) = match guarded(|| layer.page_text(index)) {
            Ok(Ok(t)) => {
                let t = tidy(&t);
                let v = assess(&t);
                (t, v, None)
            }
            Ok(Err(e @ (ParseError::PdfLocked | ParseError::WrongPassword))) => {
                return Err(parse_error(&file, e))
            }
            Ok(Err(e)) => (String::new(), Verdict::Blank, Some(e.to_string())),
            Err(detail) => (String::new(), Verdict::Blank, Some(detail)),
        };
        if verdict == Verdict::Good {
            d.text(number, text, PageSource::TextLayer)?;
            continue;
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
            d.image(number, img)?;
            continue;
        }
        // No usable scan: the page drawn (a lying font, text as outlines,
        // an image coded as CCITT, JBIG2 or JPEG 2000), when it can be.
        if let Some(img) = d.render(bytes, index) {
            d.image(number, img)?;
            continue;
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
    }
    d.finish()
}

/// Line ends without trailing blanks, no trailing blank lines.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches([' ', '\t', '\r']))
        .collect();
    lines.join("\n").trim_end().to_string()
}

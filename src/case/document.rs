//! A document's text as stored, whole or one page, and where a span of it
//! lies (its page, and whether that page's text was recognised by OCR).

use serde::Serialize;

use super::CaseError;
use crate::error::{Error, Result};
use crate::ingest::page::{page_at, page_text, PageSource, PageSpan};
use crate::store::{self, Case};

/// A document's (or one page's) text, the `hecha show --json` shape.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentText {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub file: String,
    /// Characters of the whole document.
    pub chars: i64,
    /// Pages of a paged document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// The page shown (with `--page`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Where the page's text came from (with `--page`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<PageSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// True when any of the text shown was recognised by OCR: to be checked
    /// against the original (识别文本，以原件为准).
    pub ocr: bool,
    /// Where the text shown starts in the whole document (chars).
    pub start_char: u64,
    pub text: String,
    /// Every page of a paged document (the whole document shown).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub page_list: Vec<PageSpan>,
    /// A transcript's elements, read from its whole text, and what is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<crate::ingest::transcript::Transcript>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub transcript_missing: Vec<&'static str>,
}

/// The page rows of document `id` as spans.
pub fn pages_of(case: &Case, id: i64) -> Result<Vec<PageSpan>> {
    Ok(store::documents::pages_of(case.reads(), id)?
        .into_iter()
        .map(|p| PageSpan {
            number: p.page_no,
            start_char: p.start_char,
            chars: p.chars,
            source: PageSource::parse(&p.source).unwrap_or(PageSource::TextLayer),
            confidence: p.confidence,
        })
        .collect())
}

/// The text of document `doc` (its id, file name or title), or of its page
/// `page` (1-based).
pub fn document_text(case: &Case, doc: &str, page: Option<u32>) -> Result<DocumentText> {
    let d = store::documents::find(case.reads(), doc)?.ok_or_else(|| {
        Error::from(CaseError::NoDocument {
            file: doc.to_string(),
        })
    })?;
    let spans = pages_of(case, d.id)?;
    let mut out = DocumentText {
        id: d.id,
        kind: d.kind,
        title: d.title,
        file: d.source_file,
        chars: d.chars,
        pages: d.pages.map(|n| n as u32),
        page: None,
        source: None,
        confidence: None,
        ocr: spans.iter().any(PageSpan::is_ocr),
        start_char: 0,
        text: String::new(),
        page_list: Vec::new(),
        transcript: None,
        transcript_missing: Vec::new(),
    };
    if out.kind == "transcript" {
        let t = crate::ingest::transcript::parse(&d.text);
        out.transcript_missing = t.missing();
        out.transcript = Some(t);
    }
    match page {
        None => {
            out.text = d.text;
            out.page_list = spans;
        }
        Some(n) => {
            if spans.is_empty() {
                return Err(CaseError::NotPaged {
                    doc: doc.to_string(),
                }
                .into());
            }
            let span = spans.iter().find(|s| s.number == n).ok_or_else(|| {
                Error::from(CaseError::NoPage {
                    doc: doc.to_string(),
                    page: n,
                    pages: spans.len() as u32,
                })
            })?;
            out.page = Some(n);
            out.source = Some(span.source);
            out.confidence = span.confidence;
            out.ocr = span.is_ocr();
            out.start_char = span.start_char;
            out.text = page_text(&d.text, span);
        }
    }
    Ok(out)
}

/// Where chars `start..end` of a document lie: the page of `start`, and
/// whether any page the span touches was recognised by OCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub page: u32,
    pub ocr: bool,
}

/// The citation of a span of a paged document (none for an unpaged one).
pub fn cite(spans: &[PageSpan], start: u64, end: u64) -> Option<Citation> {
    let first = page_at(spans, start)?;
    let end = end.max(start + 1);
    let ocr = first.is_ocr()
        || spans
            .iter()
            .any(|s| s.is_ocr() && s.start_char < end && start < s.start_char + s.chars);
    Some(Citation {
        page: first.number,
        ocr,
    })
}

/// The citation of a document link's reference `DOC:START:END`.
pub fn cite_reference(case: &Case, reference: &str) -> Result<Option<(i64, u64, u64, Citation)>> {
    let mut parts = reference.split(':').map(|s| s.parse::<u64>().ok());
    let (Some(Some(id)), Some(Some(start)), Some(Some(end))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return Ok(None);
    };
    let spans = pages_of(case, id as i64)?;
    Ok(cite(&spans, start, end).map(|c| (id as i64, start, end, c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(number: u32, start_char: u64, chars: u64, ocr: bool) -> PageSpan {
        PageSpan {
            number,
            start_char,
            chars,
            source: if ocr {
                PageSource::Ocr
            } else {
                PageSource::TextLayer
            },
            confidence: None,
        }
    }

    #[test]
    fn a_span_cites_its_first_page_and_any_ocr_page_it_touches() {
        let spans = [span(1, 0, 10, false), span(2, 12, 10, true)];
        assert_eq!(
            cite(&spans, 2, 5),
            Some(Citation {
                page: 1,
                ocr: false
            })
        );
        assert_eq!(cite(&spans, 8, 14), Some(Citation { page: 1, ocr: true }));
        assert_eq!(cite(&spans, 13, 15), Some(Citation { page: 2, ocr: true }));
        assert_eq!(cite(&[], 1, 2), None);
    }
}

//! A page of a paged document (PDF, scan, photo, Word binary, OFD): its
//! number, its text and where the text came from.

use serde::Serialize;

/// Where a page's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageSource {
    /// The file's own text (a PDF text layer, OFD `TextCode`).
    TextLayer,
    /// Recognised from the page image: to be checked against the original.
    Ocr,
    /// Converted from another format (Word binary, WPS).
    Converted,
}

impl PageSource {
    /// The word stored in `document_pages.source`.
    pub fn as_str(self) -> &'static str {
        match self {
            PageSource::TextLayer => "text_layer",
            PageSource::Ocr => "ocr",
            PageSource::Converted => "converted",
        }
    }

    pub fn parse(s: &str) -> Option<PageSource> {
        match s {
            "text_layer" => Some(PageSource::TextLayer),
            "ocr" => Some(PageSource::Ocr),
            "converted" => Some(PageSource::Converted),
            _ => None,
        }
    }
}

/// One page of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// 1-based.
    pub number: u32,
    pub text: String,
    pub source: PageSource,
    /// Mean OCR confidence, 0..1 (OCR pages only).
    pub confidence: Option<f32>,
}

/// Between two pages in a document's whole text.
pub const PAGE_SEPARATOR: &str = "\n\n";

/// Where a page lies in its document's whole text (chars, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PageSpan {
    pub number: u32,
    pub start_char: u64,
    pub chars: u64,
    pub source: PageSource,
    pub confidence: Option<f32>,
}

impl PageSpan {
    pub fn is_ocr(&self) -> bool {
        self.source == PageSource::Ocr
    }
}

/// The whole text of a paged document (pages joined by [`PAGE_SEPARATOR`])
/// and each page's exact place in it.
pub fn join_pages(pages: &[Page]) -> (String, Vec<PageSpan>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(pages.len());
    let mut at = 0u64;
    for (i, p) in pages.iter().enumerate() {
        if i > 0 {
            text.push_str(PAGE_SEPARATOR);
            at += PAGE_SEPARATOR.chars().count() as u64;
        }
        let page_text = p.text.replace("\r\n", "\n");
        let chars = page_text.chars().count() as u64;
        text.push_str(&page_text);
        spans.push(PageSpan {
            number: p.number,
            start_char: at,
            chars,
            source: p.source,
            confidence: p.confidence,
        });
        at += chars;
    }
    (text, spans)
}

/// The page holding char offset `at` of the whole text: the last page that
/// starts at or before it (an offset in a separator belongs to the page before).
pub fn page_at(spans: &[PageSpan], at: u64) -> Option<&PageSpan> {
    let i = spans.partition_point(|s| s.start_char <= at);
    spans.get(i.checked_sub(1)?)
}

/// A page's own text, cut out of the whole text.
pub fn page_text(text: &str, span: &PageSpan) -> String {
    text.chars()
        .skip(span.start_char as usize)
        .take(span.chars as usize)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: u32, text: &str, source: PageSource) -> Page {
        Page {
            number: n,
            text: text.into(),
            source,
            confidence: None,
        }
    }

    #[test]
    fn pages_join_with_a_blank_line_and_spans_are_exact_char_offsets() {
        let pages = [
            page(1, "第一页张三", PageSource::TextLayer),
            page(2, "第二页\n李四", PageSource::Ocr),
            page(3, "", PageSource::Ocr),
        ];
        let (text, spans) = join_pages(&pages);
        assert_eq!(text, "第一页张三\n\n第二页\n李四\n\n");
        for (p, s) in pages.iter().zip(&spans) {
            assert_eq!(page_text(&text, s), p.text);
        }
        assert_eq!(spans[1].start_char, 7);
        assert_eq!(page_at(&spans, 0).map(|s| s.number), Some(1));
        assert_eq!(page_at(&spans, 5).map(|s| s.number), Some(1));
        assert_eq!(page_at(&spans, 7).map(|s| s.number), Some(2));
        assert_eq!(page_at(&spans, 100).map(|s| s.number), Some(3));
        assert_eq!(page_at(&[], 0), None);
    }
}

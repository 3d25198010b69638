//! Word 97–2003 and WPS (.doc/.wps): the Word binary format in an OLE2
//! compound file, told from the content. Behind [`WordBinary`] so a small own
//! reader over `cfb` can stand in for office_oxide. The text has no reliable
//! pagination, so it is one converted page.

use std::io::Cursor;

use super::super::error::{Error, Result};
use super::super::page::{Page, PageSource};
use super::guarded;

#[derive(Debug)]
pub(super) enum WordError {
    /// The compound file has no WordDocument stream.
    NotWord,
    /// Protected by an open password.
    Encrypted,
    Broken(String),
}

/// Reads the text of a Word binary document.
pub(super) trait WordBinary {
    fn text(&self, bytes: &[u8]) -> std::result::Result<String, WordError>;
}

/// office_oxide's .doc reader.
pub(super) struct OfficeOxide;

impl WordBinary for OfficeOxide {
    fn text(&self, bytes: &[u8]) -> std::result::Result<String, WordError> {
        use office_oxide::doc::{DocDocument, DocError};
        match DocDocument::from_reader(Cursor::new(bytes)) {
            Ok(doc) => Ok(doc.plain_text()),
            Err(DocError::MissingStream(m)) if m.contains("WordDocument") => {
                Err(WordError::NotWord)
            }
            Err(DocError::Encrypted) => Err(WordError::Encrypted),
            Err(e) => Err(WordError::Broken(e.to_string())),
        }
    }
}

pub(super) fn read(bytes: &[u8], file: &str, reader: &dyn WordBinary) -> Result<Vec<Page>> {
    let text = guarded(|| reader.text(bytes))
        .unwrap_or_else(|d| Err(WordError::Broken(d)))
        .map_err(|e| match e {
            WordError::NotWord => Error::DocNotWord { file: file.into() },
            WordError::Encrypted => Error::DocEncrypted { file: file.into() },
            WordError::Broken(detail) => Error::DocBroken {
                file: file.into(),
                detail,
            },
        })?;
    Ok(vec![Page {
        number: 1,
        text: clean(&text),
        source: PageSource::Converted,
        confidence: None,
    }])
}

/// Word's marks to plain text: paragraph (\r), line (\v) and page (\f) breaks
/// to '\n', cell marks (\x07) to tabs, other control characters dropped.
fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\u{0B}' | '\u{0C}' => out.push('\n'),
            '\u{07}' => out.push('\t'),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    let lines: Vec<&str> = out.lines().map(|l| l.trim_end()).collect();
    lines.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(std::result::Result<String, ()>);
    impl WordBinary for Fake {
        fn text(&self, _: &[u8]) -> std::result::Result<String, WordError> {
            self.0.clone().map_err(|_| WordError::NotWord)
        }
    }

    #[test]
    fn marks_become_lines_and_tabs() {
        let pages = read(
            b"x",
            "a.doc",
            &Fake(Ok("举报信\r王堃\x07100\x07\r\x0c第二页\x01".into())),
        )
        .unwrap();
        assert_eq!(pages[0].text, "举报信\n王堃\t100\n\n第二页");
        assert_eq!(pages[0].source, PageSource::Converted);
        let e = read(b"x", "a.doc", &Fake(Err(()))).unwrap_err();
        assert!(matches!(e, Error::DocNotWord { .. }), "{e:?}");
    }
}

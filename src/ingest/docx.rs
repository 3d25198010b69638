//! Word .docx text: the paragraphs of word/document.xml, in order, one per line.

use std::io::Read;

use quick_xml::events::Event;

/// Largest document.xml we will inflate (guards against zip bombs); a
/// 1,000-page report is a few tens of megabytes.
pub const MAX_XML: u64 = 128 * 1024 * 1024;

#[derive(Debug)]
pub enum DocxError {
    /// Not a readable zip archive (truncated, or not a .docx at all).
    Zip(String),
    /// The archive has no word/document.xml.
    NoDocument,
    /// document.xml is not well-formed XML; the byte position in it.
    Xml { position: u64, detail: String },
    /// document.xml inflates to more than [`MAX_XML`] bytes (at least `size`).
    TooLarge { size: u64 },
}

/// Extracts the text of a .docx: paragraphs separated by `\n`, tabs as `\t`,
/// line breaks inside a paragraph as `\n`, table cells separated by tabs.
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    let mut raw = Vec::new();
    {
        let entry = zip.by_name("word/document.xml").map_err(|e| match e {
            zip::result::ZipError::FileNotFound => DocxError::NoDocument,
            other => DocxError::Zip(other.to_string()),
        })?;
        if entry.size() > MAX_XML {
            return Err(DocxError::TooLarge { size: entry.size() });
        }
        entry
            .take(MAX_XML + 1)
            .read_to_end(&mut raw)
            .map_err(|e| DocxError::Zip(e.to_string()))?;
    }
    if raw.len() as u64 > MAX_XML {
        return Err(DocxError::TooLarge {
            size: raw.len() as u64,
        });
    }
    let xml = String::from_utf8(raw).map_err(|e| DocxError::Xml {
        position: e.utf8_error().valid_up_to() as u64,
        detail: "invalid UTF-8".into(),
    })?;
    paragraphs(&xml)
}

fn paragraphs(xml: &str) -> Result<String, DocxError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    let mut cell_index = 0usize;
    loop {
        let ev = reader.read_event().map_err(|e| DocxError::Xml {
            position: reader.buffer_position(),
            detail: e.to_string(),
        })?;
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"tc" => {
                    if cell_index > 0 {
                        trim_spaces(&mut out);
                        out.push('\t');
                    }
                    cell_index += 1;
                }
                b"tr" => cell_index = 0,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    // Paragraphs inside a table cell stay on the row's line.
                    if cell_index == 0 {
                        out.push('\n');
                    } else {
                        out.push(' ');
                    }
                }
                b"tr" => {
                    trim_spaces(&mut out);
                    out.push('\n');
                    cell_index = 0;
                }
                b"tbl" => cell_index = 0,
                _ => {}
            },
            Event::Text(t) if in_text => {
                let s = t.decode().map_err(|e| DocxError::Xml {
                    position: reader.buffer_position(),
                    detail: e.to_string(),
                })?;
                out.push_str(&s);
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.decode().unwrap_or_default();
                let c = match name.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                if let Some(c) = c {
                    out.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // Trim trailing blank lines and spaces at line ends.
    let text: Vec<&str> = out.lines().map(|l| l.trim_end_matches(' ')).collect();
    Ok(text.join("\n").trim_end().to_string())
}

fn trim_spaces(s: &mut String) {
    let n = s.trim_end_matches(' ').len();
    s.truncate(n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tabs_breaks_and_entities() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>举报信</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">村支书 </w:t></w:r><w:r><w:t>张某&amp;李某</w:t></w:r></w:p>
            <w:p><w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml).unwrap(),
            "举报信\n村支书 张某&李某\n一\t二\n三"
        );
    }

    #[test]
    fn truncated_archive_is_a_zip_error() {
        let err = docx_text(b"PK\x03\x04 truncated").unwrap_err();
        assert!(matches!(err, DocxError::Zip(_)));
    }
}

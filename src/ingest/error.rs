//! Why an import failed: one variant per failure, each naming the file (as the
//! user gave it) and where in it. Rendered through the message catalogue
//! (`import.*` keys), so the words are those of the UI language.

use std::fmt;

use crate::error::Msg;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The path does not exist.
    NoSuchFile { file: String },
    /// The path is a directory where a file was expected.
    IsDir { file: String },
    /// An extension that is neither a ledger nor a document.
    UnknownType { file: String, ext: String },
    /// No content at all (or only blank rows / a byte-order mark).
    Empty { file: String },
    /// A control byte outside UTF-16: not text.
    Binary { file: String, offset: u64 },
    /// Neither UTF-8 nor GB18030 from this byte on.
    Undecodable { file: String, offset: u64 },
    /// Decodes as GB18030 but looks like another legacy encoding.
    AmbiguousEncoding { file: String, guess: &'static str },
    /// Invalid bytes in the middle of a file whose encoding was detected.
    DecodeFailed {
        file: String,
        offset: u64,
        encoding: &'static str,
    },
    /// A quoted CSV field opened on `line` never closes.
    UnclosedQuote { file: String, line: u64 },
    /// Reading the file failed.
    ReadFailed {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// A package part inflates to more than the limit (sizes in MB).
    TooLarge {
        file: String,
        size_mb: u64,
        limit_mb: u64,
    },
    /// More columns than the limit.
    TooWide {
        file: String,
        columns: usize,
        limit: usize,
    },
    /// A sheet whose extent is too many cells.
    SheetTooLarge {
        file: String,
        rows: usize,
        columns: usize,
    },
    /// A damaged or truncated workbook.
    ExcelBroken { file: String, detail: String },
    /// The sheet asked for is not in the workbook.
    NoSuchSheet {
        file: String,
        sheet: String,
        sheets: String,
    },
    /// A damaged or truncated .docx.
    DocxBroken { file: String, detail: String },
    /// A zip without word/document.xml.
    DocxNoBody { file: String },
    /// document.xml is not well-formed at this byte.
    DocxXml {
        file: String,
        offset: u64,
        detail: String,
    },
    /// The first non-blank row is data, not a header.
    NoHeader {
        file: String,
        line: u64,
        value: String,
    },
    /// A data row with more non-blank cells than the header has columns.
    RaggedRow {
        file: String,
        line: u64,
        row: u64,
        cells: usize,
        width: usize,
    },
    /// Writing the rows into the case failed.
    LoadFailed { file: String, detail: String },
    /// The user cancelled; the file's transaction was rolled back.
    Cancelled { file: String },
    /// Content that is none of the paged formats (PDF, image, Word 97/WPS, OFD).
    PagedUnknown { file: String },
    /// A PDF that cannot be opened without a password.
    PdfEncrypted { file: String },
    /// A PDF whose structure (header, xref, trailer) cannot be read.
    PdfBroken { file: String, detail: String },
    /// One page of a PDF cannot be read.
    PdfPageBroken {
        file: String,
        page: u32,
        detail: String,
    },
    /// More pages than the limit (a page bomb or a damaged page tree).
    TooManyPages {
        file: String,
        pages: u64,
        limit: u32,
    },
    /// A page image with more pixels than the limit.
    ImageTooLarge {
        file: String,
        page: u32,
        width: u64,
        height: u64,
        limit_mp: u64,
    },
    /// A page image that cannot be decoded (truncated, damaged, unsupported coding).
    ImageBroken {
        file: String,
        page: u32,
        detail: String,
    },
    /// A page's data inflates to more than the limit.
    PageTooLarge {
        file: String,
        page: u32,
        limit_mb: u64,
    },
    /// A page whose text layer is unusable and which has no image to recognise.
    PageUnreadable { file: String, page: u32 },
    /// A page needs OCR and no engine was given.
    OcrUnavailable { file: String, page: u32 },
    /// The OCR engine failed (or is missing) on a page.
    Ocr {
        file: String,
        page: u32,
        #[source]
        source: crate::ocr::OcrError,
    },
    /// A Word 97–2003 / WPS file that cannot be read.
    DocBroken { file: String, detail: String },
    /// A Word 97–2003 / WPS file protected by a password.
    DocEncrypted { file: String },
    /// An OLE2 compound file that holds no Word document (an .xls renamed, say).
    DocNotWord { file: String },
    /// An OFD package that cannot be read.
    OfdBroken { file: String, detail: String },
    /// An XML part of an OFD package that is malformed.
    OfdXml {
        file: String,
        part: String,
        detail: String,
    },
    /// A paged document without any page.
    NoPages { file: String },
    /// The case file (database or disk) failed, outside any one file's content.
    Case(#[source] crate::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The message a person reads (a failure of the case itself reads as the
    /// crate's error does).
    pub fn msg(&self) -> Msg {
        let m = |key| Msg::new(key);
        match self {
            Error::NoSuchFile { file } => m("import.no_such_file").arg("file", file),
            Error::IsDir { file } => m("import.is_dir").arg("file", file),
            Error::UnknownType { file, ext } => {
                m("import.unknown_type").arg("file", file).arg("ext", ext)
            }
            Error::Empty { file } => m("import.empty").arg("file", file),
            Error::Binary { file, offset } => {
                m("import.binary").arg("file", file).arg("offset", offset)
            }
            Error::Undecodable { file, offset } => m("import.undecodable")
                .arg("file", file)
                .arg("offset", offset),
            Error::AmbiguousEncoding { file, guess } => m("import.ambiguous_encoding")
                .arg("file", file)
                .arg("guess", guess),
            Error::DecodeFailed {
                file,
                offset,
                encoding,
            } => m("import.decode_failed")
                .arg("file", file)
                .arg("offset", offset)
                .arg("encoding", encoding),
            Error::UnclosedQuote { file, line } => m("import.unclosed_quote")
                .arg("file", file)
                .arg("line", line),
            Error::ReadFailed { file, source } => m("import.read_failed")
                .arg("file", file)
                .arg("detail", source),
            Error::TooLarge {
                file,
                size_mb,
                limit_mb,
            } => m("import.too_large")
                .arg("file", file)
                .arg("size", size_mb)
                .arg("limit", limit_mb),
            Error::TooWide {
                file,
                columns,
                limit,
            } => m("import.too_wide")
                .arg("file", file)
                .arg("columns", columns)
                .arg("limit", limit),
            Error::SheetTooLarge {
                file,
                rows,
                columns,
            } => m("import.sheet_too_large")
                .arg("file", file)
                .arg("rows", rows)
                .arg("columns", columns),
            Error::ExcelBroken { file, detail } => m("import.excel_broken")
                .arg("file", file)
                .arg("detail", detail),
            Error::NoSuchSheet {
                file,
                sheet,
                sheets,
            } => m("import.no_such_sheet")
                .arg("file", file)
                .arg("sheet", sheet)
                .arg("sheets", sheets),
            Error::DocxBroken { file, detail } => m("import.docx_broken")
                .arg("file", file)
                .arg("detail", detail),
            Error::DocxNoBody { file } => m("import.docx_no_body").arg("file", file),
            Error::DocxXml {
                file,
                offset,
                detail,
            } => m("import.docx_xml")
                .arg("file", file)
                .arg("offset", offset)
                .arg("detail", detail),
            Error::NoHeader { file, line, value } => m("import.no_header")
                .arg("file", file)
                .arg("line", line)
                .arg("value", value),
            Error::RaggedRow {
                file,
                line,
                row,
                cells,
                width,
            } => m("import.ragged_long")
                .arg("file", file)
                .arg("line", line)
                .arg("row", row)
                .arg("cells", cells)
                .arg("width", width),
            Error::LoadFailed { file, detail } => m("import.load_failed")
                .arg("file", file)
                .arg("detail", detail),
            Error::Cancelled { file } => m("import.cancelled").arg("file", file),
            Error::PagedUnknown { file } => m("import.paged_unknown").arg("file", file),
            Error::PdfEncrypted { file } => m("import.pdf_encrypted").arg("file", file),
            Error::PdfBroken { file, detail } => m("import.pdf_broken")
                .arg("file", file)
                .arg("detail", detail),
            Error::PdfPageBroken { file, page, detail } => m("import.pdf_page_broken")
                .arg("file", file)
                .arg("page", page)
                .arg("detail", detail),
            Error::TooManyPages { file, pages, limit } => m("import.too_many_pages")
                .arg("file", file)
                .arg("pages", pages)
                .arg("limit", limit),
            Error::ImageTooLarge {
                file,
                page,
                width,
                height,
                limit_mp,
            } => m("import.image_too_large")
                .arg("file", file)
                .arg("page", page)
                .arg("width", width)
                .arg("height", height)
                .arg("limit", limit_mp),
            Error::ImageBroken { file, page, detail } => m("import.image_broken")
                .arg("file", file)
                .arg("page", page)
                .arg("detail", detail),
            Error::PageTooLarge {
                file,
                page,
                limit_mb,
            } => m("import.page_too_large")
                .arg("file", file)
                .arg("page", page)
                .arg("limit", limit_mb),
            Error::PageUnreadable { file, page } => m("import.page_unreadable")
                .arg("file", file)
                .arg("page", page),
            Error::OcrUnavailable { file, page } => m("import.ocr_unavailable")
                .arg("file", file)
                .arg("page", page),
            Error::Ocr { file, page, source } => m("import.ocr_page")
                .arg("file", file)
                .arg("page", page)
                .arg("detail", source.msg()),
            Error::DocBroken { file, detail } => m("import.doc_broken")
                .arg("file", file)
                .arg("detail", detail),
            Error::DocEncrypted { file } => m("import.doc_encrypted").arg("file", file),
            Error::DocNotWord { file } => m("import.doc_not_word").arg("file", file),
            Error::OfdBroken { file, detail } => m("import.ofd_broken")
                .arg("file", file)
                .arg("detail", detail),
            Error::OfdXml { file, part, detail } => m("import.ofd_xml")
                .arg("file", file)
                .arg("part", part)
                .arg("detail", detail),
            Error::NoPages { file } => m("import.no_pages").arg("file", file),
            Error::Case(e) => e.msg(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.msg().fmt(f)
    }
}

impl From<crate::Error> for Error {
    fn from(e: crate::Error) -> Error {
        Error::Case(e)
    }
}

impl From<duckdb::Error> for Error {
    fn from(e: duckdb::Error) -> Error {
        Error::Case(crate::Error::from(e))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Case(crate::Error::from(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_as_the_catalogue_message_and_converts_to_a_user_error() {
        let e = Error::DecodeFailed {
            file: "a.csv".into(),
            offset: 12,
            encoding: "GB18030",
        };
        let text = e.to_string();
        let crate_err = crate::Error::from(e);
        assert_eq!(crate_err.key(), Some("import.decode_failed"));
        assert_eq!(crate_err.to_string(), text);
        assert!(text.contains("a.csv") && text.contains("12"), "{text}");
    }

    #[test]
    fn a_case_failure_passes_through_unchanged() {
        let io = std::io::Error::other("disk full");
        let e = Error::from(io);
        let text = e.to_string();
        let crate_err = crate::Error::from(e);
        assert!(matches!(crate_err, crate::Error::Io(_)));
        assert_eq!(crate_err.to_string(), text);
    }
}

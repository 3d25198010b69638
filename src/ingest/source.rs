//! Row sources: a CSV stream (already decoded to UTF-8) or an Excel sheet,
//! both yielding rows of [`Cell`]s with the place they came from.

use std::io::{self, BufRead};

use crate::normalise::Ymd;

/// One cell as the source gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A numeric spreadsheet cell.
    Number(f64),
    /// A spreadsheet date (time part, if any, kept in the text form).
    Date(Ymd, String),
    Bool(bool),
}

impl Cell {
    /// The text kept as the original value in the case file.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s.as_str()),
            Cell::Number(f) => Cow::Owned(format_number(*f)),
            Cell::Date(_, s) => Cow::Borrowed(s.as_str()),
            Cell::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s
                .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
                .is_empty(),
            _ => false,
        }
    }
}

/// Formats a spreadsheet number the way a person reads it: integers without a
/// fraction, others in the shortest form that round-trips.
pub fn format_number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Where reading a source failed.
#[derive(Debug)]
pub enum SourceError {
    /// A quoted field opened on this line is never closed.
    UnclosedQuote { line: u64 },
    /// Decoding or reading failed (decode errors carry the byte offset).
    Io(io::Error),
}

impl From<io::Error> for SourceError {
    fn from(e: io::Error) -> Self {
        SourceError::Io(e)
    }
}

pub trait RowSource {
    /// Reads the next row into `cells`, returning its place in the source (the
    /// 1-based line of a CSV record's first line, or the 1-based sheet row), or
    /// `None` at the end.
    fn next_row(&mut self, cells: &mut Vec<Cell>) -> Result<Option<u64>, SourceError>;
}

/// An RFC 4180 CSV reader over UTF-8 text: quoted fields may hold delimiters,
/// doubled quotes and line breaks; a quote inside an unquoted field is literal.
pub struct CsvSource<R> {
    r: R,
    delim: u8,
    line: u64,
    record: String,
    field: String,
}

impl<R: BufRead> CsvSource<R> {
    pub fn new(r: R, delim: u8) -> Self {
        CsvSource {
            r,
            delim,
            line: 0,
            record: String::new(),
            field: String::new(),
        }
    }

    /// Splits `self.record` into cells. Returns false when a quoted field is
    /// still open at the end of the text (the record continues on the next line).
    fn split(&mut self, cells: &mut Vec<Cell>) -> bool {
        cells.clear();
        let bytes = self.record.as_bytes();
        let end = bytes.len();
        let mut i = 0;
        loop {
            self.field.clear();
            if i < end && bytes[i] == b'"' {
                // Quoted field.
                i += 1;
                let mut closed = false;
                let mut start = i;
                while i < end {
                    if bytes[i] == b'"' {
                        self.field.push_str(&self.record[start..i]);
                        if i + 1 < end && bytes[i + 1] == b'"' {
                            self.field.push('"');
                            i += 2;
                            start = i;
                            continue;
                        }
                        i += 1;
                        closed = true;
                        break;
                    }
                    i += 1;
                }
                if !closed {
                    return false;
                }
                // Text after the closing quote up to the delimiter is kept (lenient).
                let rest_start = i;
                while i < end && bytes[i] != self.delim && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
                self.field.push_str(&self.record[rest_start..i]);
            } else {
                let start = i;
                while i < end && bytes[i] != self.delim && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
                self.field.push_str(&self.record[start..i]);
            }
            cells.push(Cell::Text(std::mem::take(&mut self.field)));
            if i < end && bytes[i] == self.delim {
                i += 1;
                continue;
            }
            // End of the record: what remains is the line break.
            return true;
        }
    }
}

impl<R: BufRead> RowSource for CsvSource<R> {
    fn next_row(&mut self, cells: &mut Vec<Cell>) -> Result<Option<u64>, SourceError> {
        self.record.clear();
        if self.r.read_line(&mut self.record)? == 0 {
            return Ok(None);
        }
        self.line += 1;
        let first = self.line;
        while !self.split(cells) {
            if self.r.read_line(&mut self.record)? == 0 {
                return Err(SourceError::UnclosedQuote { line: first });
            }
            self.line += 1;
        }
        Ok(Some(first))
    }
}

/// Picks the delimiter from the first line: comma unless tabs or semicolons
/// clearly dominate (Excel's "Unicode text" is tab-separated).
pub fn sniff_delimiter(first_line: &str) -> u8 {
    let count = |c: char| first_line.chars().filter(|&x| x == c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas && semis > tabs {
        b';'
    } else {
        b','
    }
}

/// An Excel sheet already read into memory.
pub struct SheetSource {
    rows: std::vec::IntoIter<(u64, Vec<Cell>)>,
}

impl SheetSource {
    pub fn new(rows: Vec<(u64, Vec<Cell>)>) -> Self {
        SheetSource {
            rows: rows.into_iter(),
        }
    }
}

impl RowSource for SheetSource {
    fn next_row(&mut self, cells: &mut Vec<Cell>) -> Result<Option<u64>, SourceError> {
        match self.rows.next() {
            Some((n, row)) => {
                *cells = row;
                Ok(Some(n))
            }
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Result<Vec<(u64, Vec<String>)>, SourceError> {
        let mut src = CsvSource::new(text.as_bytes(), b',');
        let mut out = Vec::new();
        let mut cells = Vec::new();
        while let Some(line) = src.next_row(&mut cells)? {
            out.push((line, cells.iter().map(|c| c.text().into_owned()).collect()));
        }
        Ok(out)
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let r = rows("姓名,备注\r\n张三,\"住址:一组,二号\"\r\n李四,\"说\"\"好\"\"的\"\n王五,\"两行\n文字\"\n赵六,x\n").unwrap();
        assert_eq!(r[1], (2, vec!["张三".into(), "住址:一组,二号".into()]));
        assert_eq!(r[2].1[1], "说\"好\"的");
        assert_eq!(r[3], (4, vec!["王五".into(), "两行\n文字".into()]));
        assert_eq!(
            r[4].0, 6,
            "line numbers count the physical lines of multi-line records"
        );
    }

    #[test]
    fn an_unclosed_quote_names_the_line_where_it_opened() {
        let err = rows("姓名,金额\n张三,100\n李四,\"100\n王五,200\n").unwrap_err();
        assert!(
            matches!(err, SourceError::UnclosedQuote { line: 3 }),
            "{err:?}"
        );
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_is_literal() {
        let r = rows("品名,规格\n电视,32\"寸\n").unwrap();
        assert_eq!(r[1].1[1], "32\"寸");
    }

    #[test]
    fn empty_trailing_fields_are_kept() {
        let r = rows("a,b,c\n1,,\n").unwrap();
        assert_eq!(r[1].1, vec!["1".to_string(), String::new(), String::new()]);
    }

    #[test]
    fn delimiter_sniffing() {
        assert_eq!(sniff_delimiter("姓名\t金额\t备注"), b'\t');
        assert_eq!(sniff_delimiter("姓名,金额"), b',');
        assert_eq!(sniff_delimiter("姓名;金额;x"), b';');
    }

    #[test]
    fn spreadsheet_numbers_read_like_a_person_writes_them() {
        assert_eq!(format_number(1050.0), "1050");
        assert_eq!(format_number(37.5), "37.5");
    }
}

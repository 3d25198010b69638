//! Text encodings: detection from a file's first bytes, and a streaming strict
//! decoder that yields UTF-8 and fails with the byte offset of the first byte
//! that is not valid in the detected encoding. Nothing is ever replaced with
//! U+FFFD: a file either decodes exactly or is refused.

use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult};

/// How far into a file detection looks.
pub const SNIFF_LEN: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl TextEncoding {
    /// The name recorded in the case file.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Gb18030 => "GB18030",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
        }
    }

    fn bom_len(self) -> usize {
        match self {
            TextEncoding::Utf8Bom => 3,
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => 2,
            _ => 0,
        }
    }
}

/// Why a file's encoding could not be decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetectError {
    /// No bytes at all (or only a byte-order mark).
    Empty,
    /// A NUL or other control byte outside UTF-16: not a text file.
    Binary { offset: u64 },
    /// Neither valid UTF-8 nor valid GB18030 at this byte.
    Undecodable { offset: u64 },
    /// Decodes as GB18030 but looks like another legacy encoding.
    Ambiguous { guess: &'static str },
}

/// Decides the encoding from the first bytes of a file (up to [`SNIFF_LEN`]).
/// `complete` is true when `head` is the whole file.
pub fn detect(head: &[u8], complete: bool) -> Result<TextEncoding, DetectError> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return non_empty(head, 3, TextEncoding::Utf8Bom);
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return non_empty(head, 2, TextEncoding::Utf16Le);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return non_empty(head, 2, TextEncoding::Utf16Be);
    }
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DetectError::Empty);
    }
    if let Some(pos) = head.iter().position(|&b| is_binary_byte(b)) {
        return Err(DetectError::Binary { offset: pos as u64 });
    }
    let utf8_err = match std::str::from_utf8(head) {
        Ok(_) => return Ok(TextEncoding::Utf8),
        // Cut mid-character at the end of the sniffed prefix: still UTF-8.
        Err(e) if e.error_len().is_none() && !complete => return Ok(TextEncoding::Utf8),
        Err(e) => e.valid_up_to() as u64,
    };
    match gb18030_error_offset(head, complete) {
        None => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(head, complete);
            let guess = det.guess(None, false);
            let name = guess.name();
            if matches!(name, "Big5" | "Shift_JIS" | "EUC-JP" | "EUC-KR") {
                Err(DetectError::Ambiguous { guess: name })
            } else {
                Ok(TextEncoding::Gb18030)
            }
        }
        Some(gb_err) => Err(DetectError::Undecodable {
            offset: utf8_err.max(gb_err),
        }),
    }
}

fn non_empty(head: &[u8], bom: usize, enc: TextEncoding) -> Result<TextEncoding, DetectError> {
    if head.len() <= bom {
        Err(DetectError::Empty)
    } else {
        Ok(enc)
    }
}

/// Control bytes that never occur in text (tab, CR, LF and form feed do).
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F)
}

fn gb18030_error_offset(bytes: &[u8], last: bool) -> Option<u64> {
    let mut dec = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = vec![
        0u8;
        dec.max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3 + 16)
    ];
    let (res, read, _) = dec.decode_to_utf8_without_replacement(bytes, &mut out, last);
    match res {
        DecoderResult::Malformed(bad, extra) => {
            Some((read as u64).saturating_sub(bad as u64 + extra as u64))
        }
        _ => None,
    }
}

/// A decoding failure in the middle of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: u64,
    pub encoding: TextEncoding,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid {} at byte {}",
            self.encoding.as_str(),
            self.offset
        )
    }
}

impl std::error::Error for DecodeError {}

/// Wraps a byte reader and yields its text as UTF-8, strictly.
/// Errors carry a [`DecodeError`] (use [`decode_error`] to get it back).
pub struct DecodeReader<R> {
    inner: R,
    encoding: TextEncoding,
    decoder: Option<Decoder>,
    /// Raw bytes read but not yet decoded.
    raw: Vec<u8>,
    raw_start: usize,
    /// Offset in the file of `raw[raw_start]`.
    raw_offset: u64,
    /// Decoded UTF-8 waiting to be handed out.
    out: Vec<u8>,
    out_start: usize,
    eof: bool,
    bom_skipped: bool,
}

impl<R: Read> DecodeReader<R> {
    pub fn new(inner: R, encoding: TextEncoding) -> Self {
        let decoder = match encoding {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => None,
            TextEncoding::Gb18030 => Some(encoding_rs::GB18030.new_decoder_without_bom_handling()),
            TextEncoding::Utf16Le => Some(encoding_rs::UTF_16LE.new_decoder_without_bom_handling()),
            TextEncoding::Utf16Be => Some(encoding_rs::UTF_16BE.new_decoder_without_bom_handling()),
        };
        DecodeReader {
            inner,
            encoding,
            decoder,
            raw: Vec::with_capacity(256 * 1024),
            raw_start: 0,
            raw_offset: 0,
            out: Vec::with_capacity(512 * 1024),
            out_start: 0,
            eof: false,
            bom_skipped: false,
        }
    }

    fn fail(&self, offset: u64) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            DecodeError {
                offset,
                encoding: self.encoding,
            },
        )
    }

    /// Reads more raw bytes and decodes them into `out`. Returns false at end.
    fn fill(&mut self) -> io::Result<bool> {
        if self.eof && self.raw_start >= self.raw.len() {
            return Ok(false);
        }
        // Compact and read another block.
        if self.raw_start > 0 {
            self.raw.drain(..self.raw_start);
            self.raw_start = 0;
        }
        if !self.eof {
            let old = self.raw.len();
            self.raw.resize(old + 256 * 1024, 0);
            let n = loop {
                match self.inner.read(&mut self.raw[old..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.raw.truncate(old);
                        return Err(e);
                    }
                }
            };
            self.raw.truncate(old + n);
            if n == 0 {
                self.eof = true;
            }
        }
        if !self.bom_skipped {
            let bom = self.encoding.bom_len();
            if self.raw.len() < bom && !self.eof {
                return Ok(true);
            }
            let skip = bom.min(self.raw.len());
            self.raw_start = skip;
            self.raw_offset = skip as u64;
            self.bom_skipped = true;
        }
        self.out.clear();
        self.out_start = 0;
        let input = &self.raw[self.raw_start..];
        match self.decoder.as_mut() {
            None => {
                let (valid, consumed) = match std::str::from_utf8(input) {
                    Ok(_) => (input.len(), input.len()),
                    Err(e) => match e.error_len() {
                        None if !self.eof => (e.valid_up_to(), e.valid_up_to()),
                        _ => return Err(self.fail(self.raw_offset + e.valid_up_to() as u64)),
                    },
                };
                self.out.extend_from_slice(&input[..valid]);
                self.raw_start += consumed;
                self.raw_offset += consumed as u64;
            }
            Some(dec) => {
                let need = dec
                    .max_utf8_buffer_length_without_replacement(input.len())
                    .unwrap_or(input.len() * 3 + 16);
                self.out.resize(need, 0);
                let last = self.eof;
                let (res, read, written) =
                    dec.decode_to_utf8_without_replacement(input, &mut self.out, last);
                self.out.truncate(written);
                match res {
                    DecoderResult::Malformed(bad, extra) => {
                        let at = self.raw_offset + read as u64 - bad as u64 - extra as u64;
                        return Err(self.fail(at));
                    }
                    DecoderResult::InputEmpty | DecoderResult::OutputFull => {}
                }
                self.raw_start += read;
                self.raw_offset += read as u64;
            }
        }
        Ok(!(self.eof && self.out.is_empty() && self.raw_start >= self.raw.len()))
    }
}

impl<R: Read> Read for DecodeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_start >= self.out.len() {
            if !self.fill()? {
                return Ok(0);
            }
        }
        let avail = &self.out[self.out_start..];
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.out_start += n;
        Ok(n)
    }
}

/// Extracts the [`DecodeError`] from an I/O error raised by [`DecodeReader`].
pub fn decode_error(e: &io::Error) -> Option<&DecodeError> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<DecodeError>())
}

/// Decodes a whole byte slice (small documents).
pub fn decode_all(bytes: &[u8], encoding: TextEncoding) -> Result<String, DecodeError> {
    let mut r = DecodeReader::new(bytes, encoding);
    let mut s = String::new();
    match r.read_to_string(&mut s) {
        Ok(_) => Ok(s),
        Err(e) => Err(decode_error(&e).cloned().unwrap_or(DecodeError {
            offset: 0,
            encoding,
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GB18030.encode(s).0.into_owned()
    }

    #[test]
    fn utf8_with_and_without_bom_is_detected() {
        assert_eq!(
            detect("姓名,金额\n张三,100\n".as_bytes(), true),
            Ok(TextEncoding::Utf8)
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("姓名".as_bytes());
        assert_eq!(detect(&b, true), Ok(TextEncoding::Utf8Bom));
        assert_eq!(decode_all(&b, TextEncoding::Utf8Bom).unwrap(), "姓名");
    }

    #[test]
    fn gbk_text_is_detected_and_decoded() {
        let b = gbk("姓名,身份证号,发放金额\n张海山,430423199001011234,1050.00\n");
        assert_eq!(detect(&b, true), Ok(TextEncoding::Gb18030));
        let s = decode_all(&b, TextEncoding::Gb18030).unwrap();
        assert!(s.starts_with("姓名,身份证号"));
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        let text = "姓名,金额\n李四,300\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(detect(&le, true), Ok(TextEncoding::Utf16Le));
        assert_eq!(detect(&be, true), Ok(TextEncoding::Utf16Be));
        assert_eq!(decode_all(&le, TextEncoding::Utf16Le).unwrap(), text);
        assert_eq!(decode_all(&be, TextEncoding::Utf16Be).unwrap(), text);
    }

    #[test]
    fn empty_and_bom_only_files_are_empty() {
        assert_eq!(detect(b"", true), Err(DetectError::Empty));
        assert_eq!(detect(b"  \r\n", true), Err(DetectError::Empty));
        assert_eq!(detect(&[0xEF, 0xBB, 0xBF], true), Err(DetectError::Empty));
    }

    #[test]
    fn binary_junk_names_the_first_control_byte() {
        let junk = [b'P', b'K', 3, 4, 0, 0, 0xFF];
        assert_eq!(detect(&junk, true), Err(DetectError::Binary { offset: 2 }));
    }

    #[test]
    fn bytes_valid_in_neither_encoding_are_undecodable_with_offset() {
        // "abc" then 0xFF, which starts nothing in UTF-8 or GB18030.
        let b = [b'a', b'b', b'c', 0xFF, b'd'];
        assert_eq!(
            detect(&b, true),
            Err(DetectError::Undecodable { offset: 3 })
        );
    }

    #[test]
    fn a_bad_byte_late_in_a_utf8_stream_fails_with_its_offset() {
        let mut b = "姓名\n".repeat(40_000).into_bytes();
        let at = b.len();
        b.push(0xC3); // lead byte followed by ASCII: invalid
        b.push(b'x');
        let mut r = DecodeReader::new(&b[..], TextEncoding::Utf8);
        let mut s = String::new();
        let err = r.read_to_string(&mut s).unwrap_err();
        assert_eq!(decode_error(&err).unwrap().offset, at as u64);
    }

    #[test]
    fn a_bad_byte_in_gbk_stream_fails_with_its_offset() {
        let mut b = gbk("张三,100\n");
        let at = b.len();
        b.extend_from_slice(&[0x81, 0x20]); // lead byte + invalid trail
        let err = decode_all(&b, TextEncoding::Gb18030).unwrap_err();
        assert_eq!(err.offset, at as u64);
    }

    #[test]
    fn multibyte_characters_split_across_read_blocks_decode_whole() {
        let text = "补贴".repeat(200_000);
        let b = gbk(&text);
        assert_eq!(decode_all(&b, TextEncoding::Gb18030).unwrap(), text);
        assert_eq!(
            decode_all(text.as_bytes(), TextEncoding::Utf8).unwrap(),
            text
        );
    }
}

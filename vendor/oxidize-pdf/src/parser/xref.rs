//! PDF Cross-Reference Table Parser
//!
//! Parses xref tables according to ISO 32000-1 Section 7.5.4

use super::xref_stream;
use super::xref_types::{XRefEntryInfo, XRefEntryType};
use super::{ParseError, ParseOptions, ParseResult};
use crate::parser::reader::PDFLines;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

// ============================================================================
// Helper functions for byte-based pattern matching
// (Issue #93: Avoid UTF-8 char boundary panics in XRef recovery)
// ============================================================================

/// Find a byte pattern in a buffer (replaces `str::find` for binary-safe searching).
///
/// Operates on raw bytes, so unlike `str::find` it never panics on UTF-8
/// boundaries — PDFs are binary and may contain arbitrary byte sequences.
///
/// `pub(crate)` so sibling parser modules (e.g. `reader.rs`) reuse this single
/// implementation instead of duplicating it (Issue #352).
pub(crate) fn find_byte_pattern(buffer: &[u8], pattern: &[u8]) -> Option<usize> {
    memchr::memmem::find(buffer, pattern)
}

/// Find last occurrence of byte pattern (replaces String::rfind)
fn rfind_byte_pattern(buffer: &[u8], pattern: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(buffer, pattern)
}

/// Parse "N G obj" header from bytes
///
/// Converts only the small line to String for number parsing,
/// avoiding UTF-8 issues with large buffer slicing.
fn parse_obj_header_bytes(line_bytes: &[u8]) -> Option<(u32, u16)> {
    // Convert only this small line to String (safe)
    let line = String::from_utf8_lossy(line_bytes);
    let parts: Vec<&str> = line.trim().split_whitespace().collect();

    if parts.len() >= 3 && parts[2] == "obj" {
        let obj_num = parts[0].parse::<u32>().ok()?;
        let gen_num = parts[1].parse::<u16>().ok()?;
        return Some((obj_num, gen_num));
    }
    None
}

/// A PDF object header (`N G obj`) located by a raw byte scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ObjHeader {
    obj_num: u32,
    generation: u16,
    /// Absolute byte offset of the start of the header line.
    offset: u64,
}

/// Scan one in-memory window for `N G obj` headers, appending de-duplicated
/// results (keyed by absolute line-start offset) to `out`.
///
/// `window_base` is the absolute file offset of `window[0]`.
fn scan_window_for_headers(
    window: &[u8],
    window_base: u64,
    out: &mut Vec<ObjHeader>,
    seen: &mut std::collections::BTreeSet<u64>,
) {
    let mut pos = 0;
    while pos < window.len() {
        let Some(obj_rel) = find_byte_pattern(&window[pos..], b"obj") else {
            break;
        };
        let abs = pos + obj_rel; // window-local index of 'o' in "obj"

        // A header needs at least "N G " (4 bytes) before "obj".
        if abs < 4 {
            pos = abs + 3;
            continue;
        }

        let line_start = window[..abs]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map(|p| p + 1)
            .unwrap_or(0);
        let line_bytes = &window[line_start..abs + 3];

        if let Some((obj_num, generation)) = parse_obj_header_bytes(line_bytes) {
            let offset = window_base + line_start as u64;
            if seen.insert(offset) {
                out.push(ObjHeader {
                    obj_num,
                    generation,
                    offset,
                });
            }
        }

        pos = abs + 3;
    }
}

/// Scan a reader for `N G obj` headers using bounded memory (Issue #339).
///
/// Behaviourally equivalent to a full-buffer scan — find every `obj` keyword,
/// walk back to the start of its line, parse `N G obj` — but reads the file in
/// fixed-size chunks with a small line carry-over, so peak memory is O(CHUNK)
/// regardless of file size instead of O(file). Results are returned in
/// ascending offset order, de-duplicated by line-start offset.
fn scan_object_headers<R: Read + Seek>(reader: &mut R) -> ParseResult<Vec<ObjHeader>> {
    scan_object_headers_chunked(reader, 64 * 1024)
}

/// Chunked implementation of [`scan_object_headers`] with an explicit chunk size
/// (the public entry point fixes it at 64 KiB; tests vary it to exercise chunk
/// boundaries cheaply).
fn scan_object_headers_chunked<R: Read + Seek>(
    reader: &mut R,
    chunk_size: usize,
) -> ParseResult<Vec<ObjHeader>> {
    let chunk_size = chunk_size.max(1);
    // Generously larger than the longest possible "N G obj" line so any header
    // straddling a chunk boundary is preserved without unbounded carry growth.
    const CARRY_CAP: usize = 1024;

    reader.seek(SeekFrom::Start(0))?;

    let mut headers: Vec<ObjHeader> = Vec::new();
    let mut seen: std::collections::BTreeSet<u64> = std::collections::BTreeSet::new();
    let mut carry: Vec<u8> = Vec::new();
    let mut window_base: u64 = 0; // absolute offset of carry[0]
    let mut chunk = vec![0u8; chunk_size];

    loop {
        // Read may return short; fill up to chunk_size bytes.
        let mut filled = 0;
        while filled < chunk_size {
            let n = reader.read(&mut chunk[filled..])?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        let eof = filled == 0;
        if eof && carry.is_empty() {
            break;
        }

        // window = carry ++ freshly read bytes
        let mut window = std::mem::take(&mut carry);
        window.extend_from_slice(&chunk[..filled]);

        scan_window_for_headers(&window, window_base, &mut headers, &mut seen);

        if eof {
            break;
        }

        // Carry from the last line boundary, bounded to CARRY_CAP so the next
        // window can see a header that straddles this chunk boundary.
        let last_nl = window.iter().rposition(|&b| b == b'\n' || b == b'\r');
        let mut start = last_nl.map(|p| p + 1).unwrap_or(0);
        if window.len() - start > CARRY_CAP {
            start = window.len() - CARRY_CAP;
        }
        window_base += start as u64;
        carry = window[start..].to_vec();
    }

    headers.sort_by_key(|h| h.offset);
    Ok(headers)
}

/// Read up to `max` bytes starting at absolute `offset`. Bounded memory: the
/// returned buffer is at most `max` bytes regardless of file size.
pub(crate) fn read_window_at<R: Read + Seek>(
    reader: &mut R,
    offset: u64,
    max: usize,
) -> ParseResult<Vec<u8>> {
    reader.seek(SeekFrom::Start(offset))?;
    let mut buf = vec![0u8; max];
    let mut filled = 0;
    while filled < max {
        let n = reader.read(&mut buf[filled..])?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    buf.truncate(filled);
    Ok(buf)
}

/// Read the last `max` bytes of the file (or the whole file if shorter),
/// returning `(start_offset, bytes)`. Bounded to `max` bytes.
fn read_tail<R: Read + Seek>(reader: &mut R, max: usize) -> ParseResult<(u64, Vec<u8>)> {
    let len = reader.seek(SeekFrom::End(0))?;
    let start = len.saturating_sub(max as u64);
    let bytes = read_window_at(reader, start, (len - start) as usize)?;
    Ok((start, bytes))
}

/// Read object `obj_num`'s content window starting at its xref `offset`,
/// trimmed at the first `endobj`, as a (lossy) string. Returns `None` if the
/// `N 0 obj` header is not present within the bounded window.
fn read_object_content<R: Read + Seek>(
    reader: &mut R,
    obj_num: u32,
    offset: u64,
) -> ParseResult<Option<String>> {
    const OBJ_WINDOW: usize = 64 * 1024;
    let window = read_window_at(reader, offset, OBJ_WINDOW)?;
    let obj_pattern = format!("{obj_num} 0 obj");
    let Some(obj_start) = find_byte_pattern(&window, obj_pattern.as_bytes()) else {
        return Ok(None);
    };
    let Some(endobj_rel) = find_byte_pattern(&window[obj_start..], b"endobj") else {
        return Ok(None);
    };
    let content_bytes = &window[obj_start..obj_start + endobj_rel];
    Ok(Some(String::from_utf8_lossy(content_bytes).into_owned()))
}

/// Locate the first (lowest-offset) `obj_num G obj` header via the bounded
/// chunked scan, stopping as soon as it is found — so locating an object near
/// the front of a large file does not read the whole tail. Returns its absolute
/// line-start offset, or `None` if no such header exists. Peak memory is O(chunk).
///
/// First-occurrence semantics match the prior whole-file `find("N 0 obj")` used
/// by the manual-extraction fallbacks (Issue #339). This is the resolver for
/// simple manual lookups (e.g. an indirect `/Length` integer); the recovery-path
/// *reconstruction* that must honour incremental-update last-write-wins
/// (Issue #426) is handled separately in `merge_object_headers` /
/// `parse_with_recovery_options`, which keep the latest header per object.
fn find_object_offset<R: Read + Seek>(reader: &mut R, obj_num: u32) -> ParseResult<Option<u64>> {
    const CHUNK_SIZE: usize = 64 * 1024;
    const CARRY_CAP: usize = 1024;

    reader.seek(SeekFrom::Start(0))?;

    let mut carry: Vec<u8> = Vec::new();
    let mut window_base: u64 = 0; // absolute offset of carry[0]
    let mut chunk = vec![0u8; CHUNK_SIZE];

    loop {
        let mut filled = 0;
        while filled < CHUNK_SIZE {
            let n = reader.read(&mut chunk[filled..])?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        let eof = filled == 0;
        if eof && carry.is_empty() {
            break;
        }

        let mut window = std::mem::take(&mut carry);
        window.extend_from_slice(&chunk[..filled]);

        // Scan this window; return the first match in ascending offset order.
        let mut headers = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        scan_window_for_headers(&window, window_base, &mut headers, &mut seen);
        if let Some(header) = headers.iter().find(|h| h.obj_num == obj_num) {
            return Ok(Some(header.offset));
        }

        if eof {
            break;
        }

        // Carry the last partial line so a header straddling the chunk boundary
        // is seen in full by the next window (bounded to CARRY_CAP).
        let last_nl = window.iter().rposition(|&b| b == b'\n' || b == b'\r');
        let mut start = last_nl.map(|p| p + 1).unwrap_or(0);
        if window.len() - start > CARRY_CAP {
            start = window.len() - CARRY_CAP;
        }
        window_base += start as u64;
        carry = window[start..].to_vec();
    }

    Ok(None)
}

/// Locate object `obj_num` via the bounded early-stopping scan and return its
/// byte offset plus a bounded window of `max` bytes starting at that offset.
/// Returns `None` if no `N G obj` header for `obj_num` exists.
///
/// Peak memory is O(scan chunk + `max`) regardless of file size — this is the
/// bounded replacement for the whole-file `read_to_end` manual-extraction
/// fallbacks in `reader.rs` (Issue #339).
pub(crate) fn read_object_window<R: Read + Seek>(
    reader: &mut R,
    obj_num: u32,
    max: usize,
) -> ParseResult<Option<(u64, Vec<u8>)>> {
    let Some(offset) = find_object_offset(reader, obj_num)? else {
        return Ok(None);
    };
    let window = read_window_at(reader, offset, max)?;
    Ok(Some((offset, window)))
}

/// Scan the whole file in bounded chunks for objects whose dictionary declares
/// `/Type /Page` (excluding the page-tree node `/Type /Pages`), returning
/// `(obj_num, 0)` for each in ascending, de-duplicated order.
///
/// Peak memory is O(scan chunk + probe window) regardless of file size — the
/// bounded replacement for the whole-file `read_to_end` page scan in `reader.rs`
/// (Issue #339). Each header is probed with a small bounded window at its offset,
/// and the match is confined to the object's own body (up to `endobj`).
pub(crate) fn scan_page_object_refs<R: Read + Seek>(
    reader: &mut R,
) -> ParseResult<Vec<(u32, u16)>> {
    const PROBE: usize = 4 * 1024;

    let headers = scan_object_headers(reader)?;
    let mut pages = Vec::new();
    for header in &headers {
        let window = read_window_at(reader, header.offset, PROBE)?;
        // Confine the match to this object's own body so a later object's /Type
        // cannot leak into this one.
        let region = match find_byte_pattern(&window, b"endobj") {
            Some(end) => &window[..end],
            None => &window[..],
        };
        let text = String::from_utf8_lossy(region);
        // PDF names need no whitespace before the value: both "/Type /Page" and the
        // compact "/Type/Page" are valid (ISO 32000-1 §7.3.5). Match both, and
        // exclude the page-tree node /Type /Pages in either spelling.
        let is_page = text.contains("/Type /Page") || text.contains("/Type/Page");
        let is_pages = text.contains("/Type /Pages") || text.contains("/Type/Pages");
        if is_page && !is_pages {
            pages.push((header.obj_num, 0));
        }
    }
    pages.sort_unstable();
    pages.dedup();
    Ok(pages)
}

/// Read a line handling both CR (\r) and LF (\n) as line terminators.
///
/// PDF files can use CR, LF, or CRLF as line endings (ISO 32000-1 Section 7.2.3).
/// Standard `BufRead::read_line()` only handles LF, causing issues with CR-only PDFs.
///
/// Returns the number of bytes read (including line terminator).
fn read_pdf_line<R: BufRead>(reader: &mut R, buf: &mut String) -> std::io::Result<usize> {
    buf.clear();
    let mut total_bytes = 0;

    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            // EOF reached
            break;
        }

        // Find the first CR or LF
        let mut found_terminator = false;
        let mut consume_len = 0;

        for (i, &byte) in available.iter().enumerate() {
            if byte == b'\r' || byte == b'\n' {
                // Found a line terminator
                // Include content up to (not including) the terminator
                let content = &available[..i];
                buf.push_str(&String::from_utf8_lossy(content));
                consume_len = i + 1; // Consume content + terminator

                // Check for CRLF sequence
                if byte == b'\r' && i + 1 < available.len() && available[i + 1] == b'\n' {
                    consume_len += 1; // Also consume the LF
                }

                found_terminator = true;
                break;
            }
        }

        if found_terminator {
            reader.consume(consume_len);
            total_bytes += consume_len;
            break;
        } else {
            // No terminator found in buffer, consume all and continue
            let len = available.len();
            buf.push_str(&String::from_utf8_lossy(available));
            reader.consume(len);
            total_bytes += len;
        }
    }

    Ok(total_bytes)
}

// ============================================================================

/// Cross-reference entry (traditional format)
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct XRefEntry {
    /// Byte offset in the file
    pub offset: u64,
    /// Generation number
    pub generation: u16,
    /// Whether the object is in use
    pub in_use: bool,
}

/// Extended XRef entry information for compressed objects
#[derive(Debug, Clone, PartialEq)]
pub struct XRefEntryExt {
    /// Basic entry information
    pub basic: XRefEntry,
    /// Additional info for compressed objects
    pub compressed_info: Option<(u32, u32)>, // (stream_obj_num, index_in_stream)
}

/// One object's state in a physical cross-reference revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RevisionXRefEntry {
    pub(crate) object_number: u32,
    pub(crate) generation: u16,
    pub(crate) in_use: bool,
}

/// Physical xref section discovered through the `/Prev` chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct XRefRevision {
    pub(crate) xref_offset: u64,
    pub(crate) entries: Vec<RevisionXRefEntry>,
}

/// Cross-reference table
#[derive(Debug, Clone)]
pub struct XRefTable {
    /// Map of object number to xref entry
    entries: HashMap<u32, XRefEntry>,
    /// Extended entries for compressed objects
    extended_entries: HashMap<u32, XRefEntryExt>,
    /// Trailer dictionary
    trailer: Option<super::objects::PdfDictionary>,
    /// Offset of the xref table in the file
    xref_offset: u64,
    /// Physical revisions, newest first while parsing and exposed oldest first.
    revisions: Vec<XRefRevision>,
}

impl Default for XRefTable {
    fn default() -> Self {
        Self::new()
    }
}

impl XRefTable {
    /// Create a new empty xref table
    pub fn new() -> Self {
        Self {
            entries: HashMap::new(),
            extended_entries: HashMap::new(),
            trailer: None,
            xref_offset: 0,
            revisions: Vec::new(),
        }
    }

    /// Get all entries in the xref table
    pub fn entries(&self) -> &HashMap<u32, XRefEntry> {
        &self.entries
    }

    /// Return every latest in-use object reference, including objects whose
    /// current location is inside an object stream.
    pub(crate) fn in_use_references(&self) -> Vec<(u32, u16)> {
        let mut references: Vec<_> = self
            .entries
            .iter()
            .filter(|(_, entry)| entry.in_use)
            .map(|(number, entry)| (*number, entry.generation))
            .chain(
                self.extended_entries
                    .iter()
                    .filter(|(_, entry)| entry.basic.in_use)
                    .map(|(number, entry)| (*number, entry.basic.generation)),
            )
            .collect();
        references.sort_unstable();
        references.dedup();
        references
    }

    /// Return the file offset containing the latest definition of an object.
    /// Compressed objects use the offset of their containing object stream.
    pub(crate) fn object_storage_offset(&self, object_number: u32) -> Option<u64> {
        if let Some((stream_number, _)) = self
            .extended_entries
            .get(&object_number)
            .and_then(|entry| entry.compressed_info)
        {
            return self.entries.get(&stream_number).map(|entry| entry.offset);
        }
        self.entries
            .get(&object_number)
            .filter(|entry| entry.in_use)
            .map(|entry| entry.offset)
    }

    /// Parse xref table from a reader with fallback recovery
    pub fn parse<R: Read + Seek>(reader: &mut BufReader<R>) -> ParseResult<Self> {
        Self::parse_with_options(reader, &super::ParseOptions::default())
    }

    /// Parse xref table from a reader with custom options
    pub fn parse_with_options<R: Read + Seek>(
        reader: &mut BufReader<R>,
        options: &super::ParseOptions,
    ) -> ParseResult<Self> {
        // Try normal parsing first
        match Self::parse_with_incremental_updates_options(reader, options) {
            Ok(table) => Ok(table),
            Err(e) => {
                // Reconstructing a missing/corrupt cross-reference table by
                // scanning object headers is standard robustness behaviour for
                // a PDF reader (poppler/pdf.js/qpdf all do it), NOT a syntax
                // tolerance. Issue #374: files without a `startxref`/`xref`
                // (e.g. poppler fuzzing fixtures) must still be recoverable via
                // `PdfReader::new`. Gate recovery on `max_recovery_attempts > 0`
                // — the semantic "recovery allowed" knob — so `default()`
                // (attempts = 3) and `tolerant()` (attempts = 5) reconstruct,
                // while `strict()` (attempts = 0) keeps failing loudly.
                if options.max_recovery_attempts > 0 {
                    tracing::warn!("Primary XRef parsing failed: {e:?}, attempting recovery");

                    // Reset reader position and try recovery
                    reader.seek(SeekFrom::Start(0))?;
                    Self::parse_with_recovery_options(reader, options)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// Parse xref table with support for incremental updates
    #[allow(dead_code)]
    fn parse_with_incremental_updates<R: Read + Seek>(
        reader: &mut BufReader<R>,
    ) -> ParseResult<Self> {
        Self::parse_with_incremental_updates_options(reader, &super::ParseOptions::default())
    }

    /// Parse xref table with support for incremental updates and options
    fn parse_with_incremental_updates_options<R: Read + Seek>(
        reader: &mut BufReader<R>,
        options: &super::ParseOptions,
    ) -> ParseResult<Self> {
        let xref_offset = Self::find_xref_offset(reader)?;
        Self::parse_revision(reader, options, xref_offset)
    }

    /// Resolve the xref chain ending at a specific physical revision.
    pub(crate) fn parse_revision<R: Read + Seek>(
        reader: &mut BufReader<R>,
        options: &super::ParseOptions,
        xref_offset: u64,
    ) -> ParseResult<Self> {
        // Parse all xref tables in the chain
        let mut merged_table = Self::new();
        let mut current_offset = Some(xref_offset);
        let mut visited_offsets = std::collections::HashSet::new();

        while let Some(offset) = current_offset {
            // Prevent infinite loops
            if visited_offsets.contains(&offset) {
                tracing::debug!(
                    "Circular reference in XRef chain at offset {} (already visited)",
                    offset
                );
                break;
            }
            visited_offsets.insert(offset);

            // Parse the xref table at this offset
            reader.seek(SeekFrom::Start(offset))?;
            let table = Self::parse_primary_with_options(reader, options)?;

            let mut revision_entries: Vec<_> = table
                .entries
                .iter()
                .map(|(object_number, entry)| RevisionXRefEntry {
                    object_number: *object_number,
                    generation: entry.generation,
                    in_use: entry.in_use,
                })
                .chain(table.extended_entries.iter().map(|(object_number, entry)| {
                    RevisionXRefEntry {
                        object_number: *object_number,
                        generation: entry.basic.generation,
                        in_use: entry.basic.in_use,
                    }
                }))
                .collect();
            revision_entries.sort_by_key(|entry| (entry.object_number, entry.generation));
            merged_table.revisions.push(XRefRevision {
                xref_offset: table.xref_offset,
                entries: revision_entries,
            });

            // Get the previous offset from trailer
            let prev_offset = table
                .trailer
                .as_ref()
                .and_then(|t| t.get("Prev"))
                .and_then(|obj| obj.as_integer())
                .map(|i| i as u64);

            if let Some(_prev) = prev_offset {
            } else {
            }

            // Merge entries (newer entries override older ones)
            let _regular_count = table.entries.len();
            let _extended_count = table.extended_entries.len();
            let current_compressed: std::collections::HashSet<u32> =
                table.extended_entries.keys().copied().collect();

            for (obj_num, entry) in table.entries {
                // A newer uncompressed entry supersedes an older compressed
                // entry for the same object number. Keep the two maps mutually
                // exclusive so object resolution cannot accidentally prefer
                // the stale object-stream location (issue #531).
                if !current_compressed.contains(&obj_num)
                    && !merged_table.extended_entries.contains_key(&obj_num)
                {
                    merged_table.entries.entry(obj_num).or_insert(entry);
                }
            }
            for (obj_num, ext_entry) in table.extended_entries {
                // Conversely, a newer compressed entry supersedes an older
                // uncompressed one encountered later in the /Prev chain.
                if !merged_table.entries.contains_key(&obj_num) {
                    merged_table
                        .extended_entries
                        .entry(obj_num)
                        .or_insert(ext_entry);
                }
            }

            // Use the most recent trailer
            if merged_table.trailer.is_none() {
                merged_table.trailer = table.trailer;
                merged_table.xref_offset = table.xref_offset;
            }

            current_offset = prev_offset;
        }

        // Check if we have a hybrid-reference file (XRef stream with missing objects)
        // This happens when the PDF has direct objects (1-N) that aren't listed in XRef streams
        // Typical for Skia/PDF and other optimized generators
        if options.lenient_syntax || options.collect_warnings {
            // Scan for objects that exist in the PDF but aren't in the XRef.
            // This is necessary for hybrid files where the XRef stream only lists
            // some objects. scan_object_headers seeks to the start itself, so no
            // explicit rewind is needed here.
            //
            // Best-effort: the hybrid scan is supplementary, so a failure here must
            // not abort parsing — but it must not be swallowed silently either.
            if let Err(e) = Self::scan_and_fill_missing_objects(reader, &mut merged_table) {
                tracing::debug!("scan_and_fill_missing_objects failed (non-fatal): {e}");
            }
        }

        Ok(merged_table)
    }

    /// Advance an isolated historical table by one physical incremental revision.
    pub(crate) fn advance_revision<R: Read + Seek>(
        &mut self,
        reader: &mut BufReader<R>,
        options: &super::ParseOptions,
        offset: u64,
    ) -> ParseResult<()> {
        reader.seek(SeekFrom::Start(offset))?;
        let next = Self::parse_primary_with_options(reader, options)?;
        let previous = next
            .trailer
            .as_ref()
            .and_then(|t| t.get("Prev"))
            .and_then(|v| v.as_integer());
        if previous.and_then(|p| u64::try_from(p).ok()) != Some(self.xref_offset) {
            return Err(ParseError::InvalidXRef);
        }
        for (number, entry) in next.entries {
            self.extended_entries.remove(&number);
            self.entries.insert(number, entry);
        }
        for (number, entry) in next.extended_entries {
            self.entries.remove(&number);
            self.extended_entries.insert(number, entry);
        }
        self.trailer = next.trailer;
        self.xref_offset = next.xref_offset;
        Ok(())
    }

    /// Parse xref table from a reader (handles both traditional and stream xrefs)
    #[allow(dead_code)]
    fn parse_primary<R: Read + Seek>(reader: &mut BufReader<R>) -> ParseResult<Self> {
        Self::parse_primary_with_options(reader, &super::ParseOptions::default())
    }

    /// Parse xref table from a reader with options
    ///
    /// Note: This expects the reader to already be positioned at the xref offset.
    /// For the primary xref (from startxref), the caller should position the reader.
    /// For /Prev chain xrefs, the reader is already positioned at the correct offset.
    fn parse_primary_with_options<R: Read + Seek>(
        reader: &mut BufReader<R>,
        options: &super::ParseOptions,
    ) -> ParseResult<Self> {
        let mut table = Self::new();

        // The reader should already be positioned at the correct xref offset
        // (either from startxref for primary, or from /Prev for chain entries)
        // We record the current position as our xref offset
        let xref_offset = reader.stream_position()?;
        table.xref_offset = xref_offset;

        // Check if this is a traditional xref table or xref stream
        // Use read_pdf_line to handle CR-only line endings (e.g., HP Scan PDFs)
        let mut line = String::new();
        let pos = reader.stream_position()?;
        read_pdf_line(reader, &mut line)?;

        if line.trim() == "xref" {
            // Traditional xref table
            Self::parse_traditional_xref_with_options(reader, &mut table, options)?;
        } else {
            tracing::debug!(
                "Not a traditional xref, checking for xref stream. Line: {:?}",
                line.trim()
            );

            // Might be an xref stream, seek back
            reader.seek(SeekFrom::Start(pos))?;

            // Try to parse as an object
            let mut lexer = super::lexer::Lexer::new_with_options(&mut *reader, options.clone());

            // Read object header
            let obj_num = match lexer.next_token()? {
                super::lexer::Token::Integer(n) => n as u32,
                _ => return Err(ParseError::InvalidXRef),
            };

            tracing::debug!("Found object {obj_num} at xref position");

            let _gen_num = match lexer.next_token()? {
                super::lexer::Token::Integer(n) => n as u16,
                _ => return Err(ParseError::InvalidXRef),
            };

            match lexer.next_token()? {
                super::lexer::Token::Obj => {}
                _ => return Err(ParseError::InvalidXRef),
            };

            // Parse the object (should be a stream)
            let obj = super::objects::PdfObject::parse_with_options(&mut lexer, options)?;

            if let Some(stream) = obj.as_stream() {
                // Check if it's an xref stream
                if stream
                    .dict
                    .get("Type")
                    .and_then(|o| o.as_name())
                    .map(|n| n.as_str())
                    == Some("XRef")
                {
                    tracing::debug!("Parsing XRef stream");

                    // Decode the stream exactly once. `XRefStream::parse` treats
                    // its input as already decoded (issue #341), so on decode
                    // failure we must NOT hand it the raw compressed bytes — they
                    // are not valid xref entries and only ever "worked" because
                    // `parse` used to re-decode them. Propagate the error so the
                    // caller falls back to recovery mode instead.
                    let decoded_data = match stream.decode(options) {
                        Ok(data) => data,
                        Err(e) => {
                            tracing::warn!(
                                "XRef stream decode failed: {e:?}, triggering recovery mode"
                            );
                            return Err(e);
                        }
                    };

                    // Use the new xref_stream module
                    let xref_stream_parser = xref_stream::XRefStream::parse(
                        &mut *reader,
                        stream.dict.clone(),
                        decoded_data,
                        options,
                    )?;

                    // Convert entries to our format
                    let entries = xref_stream_parser.to_xref_entries()?;
                    tracing::debug!("XRef stream parsed, found {} entries", entries.len());

                    // Copy entries from xref stream
                    for (obj_num, entry) in entries {
                        match entry {
                            xref_stream::XRefEntry::Free {
                                next_free_object,
                                generation,
                            } => {
                                table.entries.insert(
                                    obj_num,
                                    XRefEntry {
                                        offset: next_free_object as u64,
                                        generation,
                                        in_use: false,
                                    },
                                );
                            }
                            xref_stream::XRefEntry::InUse { offset, generation } => {
                                table.entries.insert(
                                    obj_num,
                                    XRefEntry {
                                        offset,
                                        generation,
                                        in_use: true,
                                    },
                                );
                            }
                            xref_stream::XRefEntry::Compressed {
                                stream_object_number,
                                index_within_stream,
                            } => {
                                // Create extended entry for compressed object
                                let ext_entry = XRefEntryExt {
                                    basic: XRefEntry {
                                        offset: 0,
                                        generation: 0,
                                        in_use: true,
                                    },
                                    compressed_info: Some((
                                        stream_object_number,
                                        index_within_stream,
                                    )),
                                };
                                table.extended_entries.insert(obj_num, ext_entry);
                                table.entries.insert(
                                    obj_num,
                                    XRefEntry {
                                        offset: 0,
                                        generation: 0,
                                        in_use: true,
                                    },
                                );
                            }
                        }
                    }

                    // Set trailer from xref stream
                    table.trailer = Some(xref_stream_parser.trailer_dict().clone());
                } else {
                    return Err(ParseError::InvalidXRef);
                }
            } else {
                return Err(ParseError::InvalidXRef);
            }
        }

        Ok(table)
    }

    /// Parse traditional xref table
    #[allow(dead_code)]
    fn parse_traditional_xref<R: Read + Seek>(
        reader: &mut BufReader<R>,
        table: &mut XRefTable,
    ) -> ParseResult<()> {
        Self::parse_traditional_xref_with_options(reader, table, &super::ParseOptions::default())
    }

    /// Parse traditional xref table with options
    fn parse_traditional_xref_with_options<R: Read + Seek>(
        reader: &mut BufReader<R>,
        table: &mut XRefTable,
        options: &super::ParseOptions,
    ) -> ParseResult<()> {
        let mut line = String::new();
        let mut trailer_dict_offset: Option<u64> = None;

        // Parse subsections
        // Use read_pdf_line to handle CR-only line endings (e.g., HP Scan PDFs)
        loop {
            line.clear();
            let line_start_pos = reader.stream_position()?;
            read_pdf_line(reader, &mut line)?;
            let trimmed_line = line.trim();

            // Skip empty lines and comments
            if trimmed_line.is_empty() || trimmed_line.starts_with('%') {
                continue;
            }

            // Check if we've reached the trailer
            // Note: Some PDFs use \r instead of \n as line separator, so "trailer\r<<..."
            // may appear as a single line. Use starts_with() instead of exact match.
            if trimmed_line == "trailer" {
                // Normal case: trailer keyword on its own line
                break;
            }
            if let Some(dict_pos) = trimmed_line.find("<<") {
                if trimmed_line.starts_with("trailer") {
                    // Trailer keyword followed by dict on same line (e.g., "trailer\r<<...>>")
                    // Calculate the offset to the << in the original file
                    let trailer_keyword_start =
                        trimmed_line.as_ptr() as usize - line.as_ptr() as usize;
                    trailer_dict_offset =
                        Some(line_start_pos + (trailer_keyword_start + dict_pos) as u64);
                    break;
                }
            }

            // Also check if the line looks like a trailer (might have been reached prematurely)
            if trimmed_line.starts_with("<<") {
                tracing::warn!(" Found trailer dictionary without 'trailer' keyword");
                // Seek back to the start of this line so lexer can parse it
                trailer_dict_offset = Some(line_start_pos);
                break;
            }

            // Parse subsection header (first_obj_num count)
            let parts: Vec<&str> = trimmed_line.split_whitespace().collect();
            if parts.len() != 2 {
                // Invalid subsection header
                return Err(ParseError::InvalidXRef);
            }

            let first_obj_num = parts[0]
                .parse::<u32>()
                .map_err(|_| ParseError::InvalidXRef)?;
            let count = parts[1]
                .parse::<u32>()
                .map_err(|_| ParseError::InvalidXRef)?;

            // Parse entries
            // Parse xref entries
            let mut entries_parsed = 0;
            let mut i = 0;
            while i < count {
                line.clear();
                let bytes_read = read_pdf_line(reader, &mut line)?;
                let trimmed = line.trim();

                // Skip comments
                if trimmed.starts_with('%') {
                    continue;
                }

                // Check if we've hit EOF or trailer prematurely
                if bytes_read == 0 || trimmed == "trailer" {
                    tracing::debug!(
                        "Warning: XRef subsection incomplete - expected {count} entries but found only {entries_parsed}"
                    );
                    // Put the "trailer" line back for the next phase
                    if line.trim() == "trailer" {
                        // Can't put it back easily, so we'll handle this case later
                        break;
                    }
                    break;
                }

                match Self::parse_xref_entry(&line) {
                    Ok(entry) => {
                        table.entries.insert(first_obj_num + i, entry);
                        entries_parsed += 1;
                    }
                    Err(_) => {
                        tracing::debug!(
                            "Warning: Invalid XRef entry at position {}: {:?}",
                            i,
                            line.trim()
                        );
                        // Continue parsing to get as much as possible
                    }
                }
                i += 1;
            }
            // Finished parsing xref entries
        }

        // Parse trailer dictionary
        // If we found the trailer dict embedded in the same line (e.g., "trailer\r<<...>>"),
        // seek to that position first
        if let Some(offset) = trailer_dict_offset {
            reader.seek(SeekFrom::Start(offset))?;
        }
        let mut lexer = super::lexer::Lexer::new_with_options(reader, options.clone());
        let trailer_obj = super::objects::PdfObject::parse_with_options(&mut lexer, options)?;
        // Trailer object parsed successfully

        table.trailer = trailer_obj.as_dict().cloned();

        // Validate xref table against trailer Size
        if let Some(trailer) = &table.trailer {
            if let Some(size_obj) = trailer.get("Size") {
                if let Some(expected_size) = size_obj.as_integer() {
                    // Check if the highest object number + 1 matches the Size
                    // Note: PDFs can have gaps in object numbers, so we check the max, not the count
                    if let Some(max_obj_num) = table.entries.keys().max() {
                        let max_expected = (*max_obj_num + 1) as i64;
                        if max_expected > expected_size {
                            tracing::debug!(
                                "Warning: XRef table has object {} but trailer Size is only {}",
                                max_obj_num,
                                expected_size
                            );
                            // Don't fail here, let the recovery mode handle it
                            return Err(ParseError::InvalidXRef);
                        }
                    }
                }
            }
        }

        // After parsing the trailer, the reader is positioned after the dictionary
        // We don't need to parse anything else - startxref/offset/%%EOF are handled elsewhere

        Ok(())
    }

    /// Find linearized XRef by checking if there's an XRef stream near the beginning.
    ///
    /// NOTE: This function was previously used incorrectly in `parse_primary_with_options`
    /// which caused Issue #98 (linearized PDFs failing to find Pages object).
    /// The function is preserved for potential future use in detecting linearized PDFs,
    /// but should NOT be used to override the XRef offset from startxref.
    #[allow(dead_code)]
    fn find_linearized_xref<R: Read + Seek>(reader: &mut BufReader<R>) -> ParseResult<u64> {
        // Skip PDF header
        reader.seek(SeekFrom::Start(0))?;
        let mut header = String::new();
        reader.read_line(&mut header)?;

        if !header.starts_with("%PDF-") {
            return Err(ParseError::InvalidHeader);
        }

        // Skip any binary marker line
        let mut line = String::new();
        reader.read_line(&mut line)?;

        // Now we should be at the first object if this is linearized
        // Read a bit more to check
        let pos = reader.stream_position()?;
        let mut buffer = vec![0u8; 1024];
        let bytes_read = reader.read(&mut buffer)?;
        buffer.truncate(bytes_read);

        // FIX for Issue #93: Use byte-based operations to avoid UTF-8 boundary panics
        // Look for patterns that indicate a linearized PDF
        // Linearized PDFs typically have a linearization dictionary as the first object
        tracing::debug!(
            "Checking for linearized PDF, first 100 bytes: {:?}",
            String::from_utf8_lossy(&buffer[..buffer.len().min(100)])
        );

        // Check for /Linearized pattern
        if find_byte_pattern(&buffer, b"/Linearized").is_some() {
            // This is likely a linearized PDF
            // The XRef is usually right after the linearization dictionary
            // Look for either "xref" or an XRef stream object

            // First, try to find "xref" keyword
            if let Some(xref_pos) = find_byte_pattern(&buffer, b"xref") {
                return Ok(pos + xref_pos as u64);
            }

            // Otherwise, look for an XRef stream (object with /Type /XRef)
            if find_byte_pattern(&buffer, b"/Type/XRef").is_some()
                || find_byte_pattern(&buffer, b"/Type /XRef").is_some()
            {
                // Need to parse to find the exact position
                // For now, we'll use a heuristic
                if let Some(obj_pos) = find_byte_pattern(&buffer, b" obj") {
                    // Look for the next object after linearization dict
                    let search_from = obj_pos + 4;
                    if search_from < buffer.len() {
                        let after_first_obj = &buffer[search_from..];
                        if let Some(next_obj) = find_byte_pattern(after_first_obj, b" obj") {
                            // Position of second object
                            let second_obj_start =
                                pos + (search_from + next_obj).saturating_sub(10) as u64;
                            return Ok(second_obj_start);
                        }
                    }
                }
            }
        }

        Err(ParseError::InvalidXRef)
    }

    /// Find the xref offset by looking for startxref at the end of the file
    fn find_xref_offset<R: Read + Seek>(reader: &mut BufReader<R>) -> ParseResult<u64> {
        // Go to end of file
        reader.seek(SeekFrom::End(0))?;
        let file_size = reader.stream_position()?;

        // Read last 1024 bytes (should be enough for EOL + startxref + offset + %%EOF)
        let read_size = std::cmp::min(1024, file_size);
        reader.seek(SeekFrom::End(-(read_size as i64)))?;

        let mut buffer = vec![0u8; read_size as usize];
        reader.read_exact(&mut buffer)?;

        // Convert to string and find startxref
        let content = String::from_utf8_lossy(&buffer);

        // Debug: print last part of file
        let debug_content = content.chars().take(200).collect::<String>();
        tracing::debug!("XRef search in last {read_size} bytes: {debug_content:?}");

        let mut lines = content.pdf_lines();

        // Find the LAST startxref in the tail window. An incremental update
        // (ISO 32000-1 §7.5.6) appends a new `startxref`/`%%EOF` after the
        // original; the most recent one points at the newest cross-reference
        // section and MUST take precedence (earlier ones are reached via the
        // `/Prev` chain). Returning the first occurrence would read the base
        // PDF and silently ignore every appended update.
        let mut last_offset = None;
        while let Some(line) = lines.next() {
            if line.trim() == "startxref" {
                // The offset should be on the next line
                if let Some(offset_line) = lines.next() {
                    if let Ok(offset) = offset_line.trim().parse::<u64>() {
                        last_offset = Some(offset);
                    }
                }
            }
        }

        last_offset.ok_or(ParseError::InvalidXRef)
    }

    /// Scan PDF for objects not present in XRef and add them (for hybrid files)
    fn scan_and_fill_missing_objects<R: Read + Seek>(
        reader: &mut BufReader<R>,
        table: &mut Self,
    ) -> ParseResult<()> {
        // Bounded-memory scan (Issue #339): locate object headers in fixed-size
        // chunks instead of reading the entire file into a Vec, then add them
        // with incremental-update last-write-wins semantics (Issue #426).
        let scanned = scan_object_headers(reader)?;
        table.add_headers_latest_wins(&scanned, true);

        Ok(())
    }

    /// Parse XRef table using recovery mode (scan for objects)
    #[allow(dead_code)]
    fn parse_with_recovery<R: Read + Seek>(reader: &mut BufReader<R>) -> ParseResult<Self> {
        Self::parse_with_recovery_options(reader, &super::ParseOptions::default())
    }

    /// Parse XRef table using recovery mode with options
    fn parse_with_recovery_options<R: Read + Seek>(
        reader: &mut BufReader<R>,
        options: &super::ParseOptions,
    ) -> ParseResult<Self> {
        // Bounded-memory recovery (Issue #339): scan object headers in fixed-size
        // chunks and resolve the catalog through per-object / file-tail windows,
        // instead of reading the whole file into a Vec.
        const ROOT_TAIL: usize = 256 * 1024;
        const CATALOG_TAIL: usize = 100 * 1024;

        let mut table = Self::new();

        // 1) Locate object headers (bounded scan) and add them with
        //    incremental-update last-write-wins semantics (ISO 32000-1 §7.5.6,
        //    Issue #426): a redefined object resolves to its most recent revision.
        let headers = scan_object_headers(reader)?;
        table.add_headers_latest_wins(&headers, false);

        if table.entries.is_empty() {
            return Err(ParseError::InvalidXRef);
        }
        tracing::debug!("XRef recovery: found {} objects", table.len());

        // 2) Prefer /Root declared in an XRef stream. The XRef stream / trailer
        //    conventionally lives at the end of the file, so scan a bounded tail.
        let (_, root_tail) = read_tail(reader, ROOT_TAIL)?;
        let root_tail_str = String::from_utf8_lossy(&root_tail);
        let xref_root_candidate = extract_root_from_xref_stream(&root_tail_str);

        // 3) Build a minimal trailer.
        let mut trailer = super::objects::PdfDictionary::new();
        trailer.insert(
            "Size".to_string(),
            super::objects::PdfObject::Integer(table.len() as i64),
        );

        // 3b) Preserve `/Encrypt` and `/ID` from the original classic trailer so
        //     a reconstructed ENCRYPTED document is not silently opened as
        //     plaintext (Issue #374 fail-safe). Dropping `/Encrypt` here would
        //     make `EncryptionHandler::detect_encryption` return false and the
        //     reader would treat ciphertext as cleartext.
        let (encrypt, id) = extract_encrypt_and_id_from_trailer(&root_tail, options);
        if let Some(encrypt) = encrypt {
            trailer.insert("Encrypt".to_string(), encrypt);
        }
        if let Some(id) = id {
            trailer.insert("ID".to_string(), id);
        }

        // 4) Resolve the catalog object.
        let mut catalog_candidate = None;

        // 4a) Root from the XRef stream, if it points at a known object.
        if let Some(xref_root) = xref_root_candidate {
            if table.entries.contains_key(&xref_root) {
                catalog_candidate = Some(xref_root);
                tracing::debug!("Using Root {} from XRef stream as catalog", xref_root);
            } else {
                tracing::debug!(
                    "Warning: XRef Root {} not found in object table, searching manually",
                    xref_root
                );
            }
        }

        // 4b) Validate object structure by content.
        if catalog_candidate.is_none() {
            catalog_candidate = find_catalog_by_content(reader, &table)?;
        }

        // 4c) Fallback to common object numbers (Issue #83: validate type).
        if catalog_candidate.is_none() {
            for obj_num in [1, 2, 3, 4, 5] {
                let offset = match table.entries.get(&obj_num) {
                    Some(entry) if entry.in_use => entry.offset,
                    _ => continue,
                };
                if let Some(content) = read_object_content(reader, obj_num, offset)? {
                    // Skip /Type/Sig objects (digital signatures).
                    if content.contains("/Type/Sig") || content.contains("/Type /Sig") {
                        tracing::debug!("Skipping object {} (Type: Sig)", obj_num);
                        continue;
                    }
                    if content.contains("/Type/Catalog")
                        || content.contains("/Type /Catalog")
                        || content.contains("/Pages")
                    {
                        catalog_candidate = Some(obj_num);
                        tracing::debug!(
                            "Using fallback catalog candidate: object {} (validated)",
                            obj_num
                        );
                        break;
                    }
                }
            }
        }

        // 4d) Last resort: scan ALL objects (sorted) for /Type/Catalog or /Pages.
        if catalog_candidate.is_none() && !table.entries.is_empty() {
            tracing::debug!(
                "Last resort: Scanning all {} objects for any with /Pages or /Catalog",
                table.entries.len()
            );

            let mut obj_numbers: Vec<u32> = table.entries.keys().copied().collect();
            obj_numbers.sort_unstable();

            for obj_num in obj_numbers {
                let offset = match table.entries.get(&obj_num) {
                    Some(entry) if entry.in_use => entry.offset,
                    _ => continue,
                };
                if let Some(content) = read_object_content(reader, obj_num, offset)? {
                    if content.contains("/Type/Sig") || content.contains("/Type /Sig") {
                        continue;
                    }
                    if content.contains("/Type/Catalog") || content.contains("/Type /Catalog") {
                        catalog_candidate = Some(obj_num);
                        tracing::debug!(
                            "Last resort: Found catalog at object {} (/Type/Catalog)",
                            obj_num
                        );
                        break;
                    } else if content.contains("/Pages") {
                        catalog_candidate = Some(obj_num);
                        tracing::debug!(
                            "Last resort: Found catalog at object {} (has /Pages)",
                            obj_num
                        );
                        break;
                    }
                }
            }

            // 4e) Extreme last resort: scan the last 100KB for /Type/Catalog and
            //     walk back to its "N 0 obj" header (Issue #83/#93).
            if catalog_candidate.is_none() {
                tracing::debug!("Extreme last resort: Scanning last 100KB for /Type/Catalog");

                let (_, search_buffer) = read_tail(reader, CATALOG_TAIL)?;
                if let Some(catalog_pos) = rfind_byte_pattern(&search_buffer, b"/Type/Catalog") {
                    let local_search_start = catalog_pos.saturating_sub(200);
                    let search_area = &search_buffer[local_search_start..catalog_pos];

                    if let Some(obj_pattern_pos) = rfind_byte_pattern(search_area, b" 0 obj") {
                        let before_obj = &search_area[..obj_pattern_pos];
                        let before_obj_str = String::from_utf8_lossy(before_obj);
                        let trimmed = before_obj_str.trim_end();

                        if let Some((digit_start, ch)) = trimmed
                            .char_indices()
                            .rev()
                            .find(|(_, c)| !c.is_ascii_digit())
                        {
                            let num_str = trimmed[digit_start + ch.len_utf8()..].trim();
                            if !num_str.is_empty() {
                                if let Ok(obj_num) = num_str.parse::<u32>() {
                                    tracing::debug!(
                                        "Extreme last resort: Found /Type/Catalog at object {}",
                                        obj_num
                                    );
                                    catalog_candidate = Some(obj_num);
                                }
                            }
                        } else if let Ok(obj_num) = trimmed.trim().parse::<u32>() {
                            tracing::debug!(
                                "Extreme last resort: Found /Type/Catalog at object {}",
                                obj_num
                            );
                            catalog_candidate = Some(obj_num);
                        }
                    }
                } else {
                    tracing::debug!("Extreme last resort: No /Type/Catalog found in last 100KB");
                }
            }

            // 4f) Absolute last resort: first non-signature object in the table.
            if catalog_candidate.is_none() {
                tracing::warn!(" Could not find any catalog object, using first non-signature object as absolute last resort");
                let mut obj_numbers: Vec<u32> = table.entries.keys().copied().collect();
                obj_numbers.sort_unstable();
                for obj_num in obj_numbers {
                    let offset = match table.entries.get(&obj_num) {
                        Some(entry) => entry.offset,
                        None => continue,
                    };
                    if let Some(content) = read_object_content(reader, obj_num, offset)? {
                        if !content.contains("/Type/Sig") && !content.contains("/Type /Sig") {
                            catalog_candidate = Some(obj_num);
                            tracing::debug!("Using object {} as absolute last resort", obj_num);
                            break;
                        }
                    }
                }
            }
        }

        if let Some(root_obj) = catalog_candidate {
            trailer.insert(
                "Root".to_string(),
                super::objects::PdfObject::Reference(root_obj, 0),
            );
        }

        table.set_trailer(trailer);

        Ok(table)
    }

    /// Parse object header from line
    /// Validate XRef offset before using it.
    ///
    /// NOTE: This function was previously used in the buggy linearized XRef handling
    /// that caused Issue #98. Currently unused but preserved for potential future use.
    #[allow(dead_code)]
    fn validate_offset<R: Read + Seek>(reader: &mut BufReader<R>, offset: u64) -> ParseResult<()> {
        // Get file size
        let file_size = reader.seek(SeekFrom::End(0))?;

        if offset >= file_size {
            #[cfg(debug_assertions)]
            tracing::warn!(" XRef offset {offset} exceeds file size {file_size}");
            return Err(ParseError::InvalidXRef);
        }

        // Check if offset points to valid content
        reader.seek(SeekFrom::Start(offset))?;
        let mut peek = [0u8; 20];
        let read_bytes = reader.read(&mut peek)?;

        if read_bytes == 0 {
            #[cfg(debug_assertions)]
            tracing::warn!(" XRef offset {offset} points to EOF");
            return Err(ParseError::InvalidXRef);
        }

        // FIX for Issue #93: Use byte-based operations to avoid UTF-8 boundary panics
        // Look for expected XRef markers
        let peek_slice = &peek[..read_bytes];
        let starts_with_xref = peek_slice.len() >= 4 && &peek_slice[..4] == b"xref";
        let starts_with_digit = peek_slice.first().map_or(false, |&b| b.is_ascii_digit());

        if !starts_with_xref && !starts_with_digit {
            #[cfg(debug_assertions)]
            {
                let debug_len = std::cmp::min(10, read_bytes);
                let debug_content = String::from_utf8_lossy(&peek[..debug_len]);
                tracing::debug!(
                    "Warning: XRef offset {} does not point to valid XRef content: {:?}",
                    offset,
                    debug_content
                );
            }
            // Don't fail here, as some PDFs might have variations
        }

        Ok(())
    }

    /// Parse a single xref entry line (enhanced with flexible parsing)
    fn parse_xref_entry(line: &str) -> ParseResult<XRefEntry> {
        let line = line.trim();

        // First try standard format: nnnnnnnnnn ggggg n/f
        if line.len() >= 18 {
            if let Ok(entry) = Self::parse_xref_entry_standard(line) {
                return Ok(entry);
            }
        }

        // If standard parsing fails, try flexible parsing
        Self::parse_xref_entry_flexible(line)
    }

    /// Parse XRef entry using standard fixed-width format
    fn parse_xref_entry_standard(line: &str) -> ParseResult<XRefEntry> {
        // Entry format: nnnnnnnnnn ggggg n/f
        // Where n = offset (10 digits), g = generation (5 digits), n/f = in use flag
        if line.len() < 18 {
            return Err(ParseError::InvalidXRef);
        }

        let offset_str = &line[0..10];
        let gen_str = &line[11..16];
        let flag = line.chars().nth(17);

        let offset = offset_str
            .trim()
            .parse::<u64>()
            .map_err(|_| ParseError::InvalidXRef)?;
        let generation = gen_str
            .trim()
            .parse::<u16>()
            .map_err(|_| ParseError::InvalidXRef)?;

        let in_use = match flag {
            Some('n') => true,
            Some('f') => false,
            _ => return Err(ParseError::InvalidXRef),
        };

        Ok(XRefEntry {
            offset,
            generation,
            in_use,
        })
    }

    /// Parse XRef entry using flexible whitespace-based format
    fn parse_xref_entry_flexible(line: &str) -> ParseResult<XRefEntry> {
        // Handle variations like:
        // - Extra spaces: "0000000017  00000  n"
        // - Missing spaces: "0000000017 00000n"
        // - Different padding: "17 0 n"
        // - Tabs instead of spaces

        // Split by any whitespace and filter empty parts
        let parts: Vec<&str> = line.split_whitespace().collect();

        if parts.is_empty() {
            return Err(ParseError::InvalidXRef);
        }

        // Extract offset
        let offset = parts[0]
            .parse::<u64>()
            .map_err(|_| ParseError::InvalidXRef)?;

        // Extract generation (default to 0 if missing)
        let (generation, flag_from_gen) = if parts.len() >= 2 {
            let gen_part = parts[1];
            // Check if this is just a flag character (n or f)
            if gen_part == "n" || gen_part == "f" {
                // This is just the flag, generation defaults to 0
                (0, gen_part.chars().next())
            } else if gen_part.ends_with('n') || gen_part.ends_with('f') {
                // Flag is attached to generation (e.g., "0n", "1f")
                let flag_char = gen_part.chars().last().ok_or(ParseError::InvalidXRef)?;
                let gen_str = &gen_part[..gen_part.len() - 1];
                if gen_str.is_empty() {
                    // Just the flag, no generation number
                    (0, Some(flag_char))
                } else {
                    let gen = gen_str
                        .parse::<u16>()
                        .map_err(|_| ParseError::InvalidXRef)?;
                    (gen, Some(flag_char))
                }
            } else {
                // Try to parse as generation number
                let gen = gen_part
                    .parse::<u16>()
                    .map_err(|_| ParseError::InvalidXRef)?;
                (gen, None)
            }
        } else {
            (0, None)
        };

        // Extract flag (default to 'n' if missing or invalid)
        let in_use = if let Some(flag_char) = flag_from_gen {
            // Flag was attached to generation
            match flag_char {
                'n' => true,
                'f' => false,
                _ => true, // Default to in-use
            }
        } else if parts.len() >= 3 {
            // Flag is separate
            match parts[2].chars().next() {
                Some('n') => true,
                Some('f') => false,
                _ => {
                    // Unknown flag, log warning in debug mode and assume in-use
                    #[cfg(debug_assertions)]
                    tracing::warn!(" Invalid xref flag '{}', assuming 'n'", parts[2]);
                    true
                }
            }
        } else {
            // Missing flag, assume in-use
            true
        };

        Ok(XRefEntry {
            offset,
            generation,
            in_use,
        })
    }

    /// Get an xref entry by object number
    pub fn get_entry(&self, obj_num: u32) -> Option<&XRefEntry> {
        self.entries.get(&obj_num)
    }

    /// Get a mutable xref entry by object number
    pub fn get_entry_mut(&mut self, obj_num: u32) -> Option<&mut XRefEntry> {
        self.entries.get_mut(&obj_num)
    }

    /// Get the trailer dictionary
    pub fn trailer(&self) -> Option<&super::objects::PdfDictionary> {
        self.trailer.as_ref()
    }

    /// Get the xref offset
    pub fn xref_offset(&self) -> u64 {
        self.xref_offset
    }

    pub(crate) fn revisions_oldest_first(&self) -> Vec<XRefRevision> {
        self.revisions.iter().rev().cloned().collect()
    }

    /// Get the number of entries
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Check if the table is empty
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Iterate over all entries
    pub fn iter(&self) -> impl Iterator<Item = (&u32, &XRefEntry)> {
        self.entries.iter()
    }

    /// Get extended entry information (for compressed objects)
    pub fn get_extended_entry(&self, obj_num: u32) -> Option<&XRefEntryExt> {
        self.extended_entries.get(&obj_num)
    }

    /// Check if an object is compressed
    pub fn is_compressed(&self, obj_num: u32) -> bool {
        self.extended_entries
            .get(&obj_num)
            .map(|e| e.compressed_info.is_some())
            .unwrap_or(false)
    }

    /// Add an entry to the xref table
    pub fn add_entry(&mut self, obj_num: u32, entry: XRefEntry) {
        self.entries.insert(obj_num, entry);
    }

    /// Add scanned object `headers` with incremental-update semantics: the LAST
    /// (highest-offset) definition of each object number wins, so an object
    /// redefined by an appended update resolves to its most recent revision
    /// (ISO 32000-1 §7.5.6, Issue #426). An entry already resolved from a valid
    /// xref is never overridden; `check_extended` also protects compressed-object
    /// (`extended_entries`) resolutions. `headers` is assumed ascending by offset.
    fn add_headers_latest_wins(&mut self, headers: &[ObjHeader], check_extended: bool) {
        let mut latest: HashMap<u32, &ObjHeader> = HashMap::new();
        for h in headers {
            latest.insert(h.obj_num, h); // ascending ⇒ last wins
        }
        for (obj_num, h) in latest {
            let occupied = self.entries.contains_key(&obj_num)
                || (check_extended && self.extended_entries.contains_key(&obj_num));
            if !occupied {
                self.add_entry(
                    obj_num,
                    XRefEntry {
                        offset: h.offset,
                        generation: h.generation,
                        in_use: true,
                    },
                );
            }
        }
    }

    /// Set the trailer dictionary
    pub fn set_trailer(&mut self, trailer: super::objects::PdfDictionary) {
        self.trailer = Some(trailer);
    }

    /// Add an extended entry to the xref table
    pub fn add_extended_entry(&mut self, obj_num: u32, entry: XRefEntryExt) {
        self.extended_entries.insert(obj_num, entry);
    }
}

/// Cross-reference stream (PDF 1.5+)
/// This is a more compact representation using streams
#[derive(Debug, Clone)]
pub struct XRefStream {
    /// The stream object containing xref data
    stream: super::objects::PdfStream,
    /// Decoded entries
    entries: HashMap<u32, XRefEntry>,
    /// Extended entries for compressed objects
    extended_entries: HashMap<u32, XRefEntryExt>,
}

impl XRefStream {
    /// Parse an xref stream object
    pub fn parse(stream: super::objects::PdfStream) -> ParseResult<Self> {
        let mut xref_stream = Self {
            stream,
            entries: HashMap::new(),
            extended_entries: HashMap::new(),
        };

        xref_stream.decode_entries()?;
        Ok(xref_stream)
    }

    /// Decode the xref stream entries
    fn decode_entries(&mut self) -> ParseResult<()> {
        // Get stream dictionary values
        let dict = &self.stream.dict;

        // Get the Size (number of entries)
        let size = dict
            .get("Size")
            .and_then(|obj| obj.as_integer())
            .ok_or_else(|| ParseError::MissingKey("Size".to_string()))?;

        // Get the Index array [first_obj_num, count, ...]
        let index = match dict.get("Index") {
            Some(obj) => {
                let array = obj.as_array().ok_or_else(|| ParseError::SyntaxError {
                    position: 0,
                    message: "Index must be an array".to_string(),
                })?;

                // Convert to pairs of (first_obj_num, count)
                let mut pairs = Vec::new();
                for chunk in array.0.chunks(2) {
                    if chunk.len() != 2 {
                        return Err(ParseError::SyntaxError {
                            position: 0,
                            message: "Index array must have even number of elements".to_string(),
                        });
                    }
                    let first = chunk[0]
                        .as_integer()
                        .ok_or_else(|| ParseError::SyntaxError {
                            position: 0,
                            message: "Index values must be integers".to_string(),
                        })? as u32;
                    let count = chunk[1]
                        .as_integer()
                        .ok_or_else(|| ParseError::SyntaxError {
                            position: 0,
                            message: "Index values must be integers".to_string(),
                        })? as u32;
                    pairs.push((first, count));
                }
                pairs
            }
            None => {
                // Default: single subsection starting at 0
                vec![(0, size as u32)]
            }
        };

        // Get the W array (field widths)
        let w_array = dict
            .get("W")
            .and_then(|obj| obj.as_array())
            .ok_or_else(|| ParseError::MissingKey("W".to_string()))?;

        if w_array.len() != 3 {
            return Err(ParseError::SyntaxError {
                position: 0,
                message: "W array must have exactly 3 elements".to_string(),
            });
        }

        let w: Vec<usize> = w_array
            .0
            .iter()
            .map(|obj| {
                obj.as_integer()
                    .ok_or_else(|| ParseError::SyntaxError {
                        position: 0,
                        message: "W values must be integers".to_string(),
                    })
                    .map(|i| i as usize)
            })
            .collect::<ParseResult<Vec<_>>>()?;

        // Decode the stream data
        let data = self.stream.decode(&ParseOptions::default())?;
        let mut offset = 0;

        // Process each subsection
        for (first_obj_num, count) in index {
            for i in 0..count {
                if offset + w[0] + w[1] + w[2] > data.len() {
                    return Err(ParseError::SyntaxError {
                        position: 0,
                        message: "Xref stream data truncated".to_string(),
                    });
                }

                // Read fields according to widths
                let field1 = Self::read_field(&data[offset..], w[0]);
                offset += w[0];

                let field2 = Self::read_field(&data[offset..], w[1]);
                offset += w[1];

                let field3 = Self::read_field(&data[offset..], w[2]);
                offset += w[2];

                // Parse entry type and create entry info
                let entry_info =
                    XRefEntryInfo::new(XRefEntryType::from_value(field1), field2, field3);

                // Create XRefEntry based on type
                let entry = match entry_info.entry_type {
                    XRefEntryType::Free => XRefEntry {
                        offset: entry_info.field2,
                        generation: entry_info.field3 as u16,
                        in_use: false,
                    },
                    XRefEntryType::Uncompressed => XRefEntry {
                        offset: entry_info.field2,
                        generation: entry_info.field3 as u16,
                        in_use: true,
                    },
                    XRefEntryType::Compressed => {
                        // Store extended info for compressed objects
                        let ext_entry = XRefEntryExt {
                            basic: XRefEntry {
                                offset: 0,
                                generation: 0,
                                in_use: true,
                            },
                            compressed_info: entry_info.get_compressed_info(),
                        };
                        self.extended_entries
                            .insert(first_obj_num + i, ext_entry.clone());
                        ext_entry.basic
                    }
                    XRefEntryType::Custom(_type_num) => {
                        // Custom types are treated as in-use objects
                        // Log only in debug mode to avoid spam
                        #[cfg(debug_assertions)]
                        tracing::debug!(
                            "Note: Custom xref entry type {} for object {} (treating as in-use)",
                            _type_num,
                            first_obj_num + i
                        );

                        // Store as extended entry with custom type info
                        let ext_entry = XRefEntryExt {
                            basic: XRefEntry {
                                offset: entry_info.field2,
                                generation: entry_info.field3 as u16,
                                in_use: entry_info.entry_type.is_in_use(),
                            },
                            compressed_info: None,
                        };
                        self.extended_entries
                            .insert(first_obj_num + i, ext_entry.clone());
                        ext_entry.basic
                    }
                };

                self.entries.insert(first_obj_num + i, entry);
            }
        }

        Ok(())
    }

    /// Read a field of given width from data
    fn read_field(data: &[u8], width: usize) -> u64 {
        let mut value = 0u64;
        for i in 0..width {
            if i < data.len() {
                value = (value << 8) | (data[i] as u64);
            }
        }
        value
    }

    /// Get an entry by object number
    pub fn get_entry(&self, obj_num: u32) -> Option<&XRefEntry> {
        self.entries.get(&obj_num)
    }

    /// Get the trailer dictionary from the stream
    pub fn trailer(&self) -> &super::objects::PdfDictionary {
        &self.stream.dict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::parser::objects::{PdfDictionary, PdfObject};
    use std::io::Cursor;

    #[test]
    fn byte_pattern_searches_keep_first_and_last_match_semantics() {
        let buffer = b"trailer one trailer two";

        assert_eq!(find_byte_pattern(buffer, b"trailer"), Some(0));
        assert_eq!(rfind_byte_pattern(buffer, b"trailer"), Some(12));
        assert_eq!(find_byte_pattern(buffer, b"missing"), None);
        assert_eq!(rfind_byte_pattern(buffer, b"missing"), None);
    }

    // ---- Issue #339: bounded-memory object-header scanner ----

    #[test]
    fn test_scan_object_headers_finds_simple_headers() {
        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF-1.7\n");
        let off1 = buf.len() as u64;
        buf.extend_from_slice(b"1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        let off2 = buf.len() as u64;
        buf.extend_from_slice(b"2 0 obj\n<< /Type /Pages >>\nendobj\n");
        let off10 = buf.len() as u64;
        buf.extend_from_slice(b"10 0 obj\n<< /Length 0 >>\nendobj\n");

        let mut cursor = Cursor::new(buf);
        let headers = scan_object_headers(&mut cursor).unwrap();

        assert_eq!(
            headers,
            vec![
                ObjHeader {
                    obj_num: 1,
                    generation: 0,
                    offset: off1
                },
                ObjHeader {
                    obj_num: 2,
                    generation: 0,
                    offset: off2
                },
                ObjHeader {
                    obj_num: 10,
                    generation: 0,
                    offset: off10
                },
            ]
        );
    }

    #[test]
    fn test_scan_object_headers_chunk_invariant_across_boundaries() {
        // Headers placed at varied offsets so small chunk sizes force many to
        // straddle chunk boundaries. The result must not depend on chunk size.
        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF-1.7\n");
        let mut expected: Vec<(u32, u64)> = Vec::new();
        for i in 1..=50u32 {
            for _ in 0..(i as usize % 7) {
                buf.push(b' ');
            }
            buf.push(b'\n');
            expected.push((i, buf.len() as u64));
            buf.extend_from_slice(format!("{i} 0 obj\n<< /N {i} >>\nendobj\n").as_bytes());
        }

        // Single-window scan (chunk >= file length) is the reference.
        let reference =
            scan_object_headers_chunked(&mut Cursor::new(buf.clone()), buf.len().max(1)).unwrap();

        let got: Vec<(u32, u64)> = reference.iter().map(|h| (h.obj_num, h.offset)).collect();
        assert_eq!(
            got, expected,
            "reference scan disagrees with hand-computed offsets"
        );

        for cs in [1usize, 2, 3, 7, 13, 16, 64, 256] {
            let chunked = scan_object_headers_chunked(&mut Cursor::new(buf.clone()), cs).unwrap();
            assert_eq!(chunked, reference, "scan mismatch at chunk_size={cs}");
        }
    }

    #[test]
    fn test_scan_object_headers_ignores_endobj_keyword() {
        // "endobj" contains "obj" but must never be parsed as a header.
        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF\n");
        let off = buf.len() as u64;
        buf.extend_from_slice(b"7 0 obj\n<< >>\nendobj\nendobj\n");

        let headers = scan_object_headers(&mut Cursor::new(buf)).unwrap();
        assert_eq!(
            headers,
            vec![ObjHeader {
                obj_num: 7,
                generation: 0,
                offset: off
            }]
        );
    }

    #[test]
    fn test_scan_object_headers_carry_truncation_no_newline_run() {
        // Adversarial: a >CARRY_CAP (1024) run with NO newline, which forces the
        // carry-truncation branch. Verifies the chunked scan still equals the
        // single-window reference — i.e. truncation never emits a header at a
        // wrong offset (refutes the "incorrect carry offset" hypothesis).
        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF-1.7\n");

        // 2000 bytes of non-newline filler (includes spaces/digits to be nasty).
        let filler: Vec<u8> = (0..2000u32)
            .map(|i| if i % 5 == 0 { b' ' } else { b'7' })
            .collect();

        // Case A: real header AFTER a newline that follows the long no-newline run.
        buf.extend_from_slice(&filler);
        buf.push(b'\n');
        let off_a = buf.len() as u64;
        buf.extend_from_slice(b"5 0 obj\n<< >>\nendobj\n");

        // Case B: "7 0 obj" GLUED to a long no-newline run (not at a line start);
        // must be treated identically by both scans.
        buf.extend_from_slice(&filler);
        buf.extend_from_slice(b"7 0 obj\n<< >>\nendobj\n");

        let reference =
            scan_object_headers_chunked(&mut Cursor::new(buf.clone()), buf.len().max(1)).unwrap();

        // Chunk sizes far below CARRY_CAP force the truncation path repeatedly.
        for cs in [16usize, 64, 256] {
            let chunked = scan_object_headers_chunked(&mut Cursor::new(buf.clone()), cs).unwrap();
            assert_eq!(
                chunked, reference,
                "carry-truncation mismatch at chunk_size={cs}"
            );
        }

        // The header preceded by a newline is found at its true offset; the glued
        // one (no line start) is not a valid header in either scan.
        assert!(reference
            .iter()
            .any(|h| h.obj_num == 5 && h.offset == off_a));
        assert!(!reference.iter().any(|h| h.obj_num == 7));
    }

    #[test]
    fn test_scan_object_headers_empty_input() {
        let headers = scan_object_headers(&mut Cursor::new(Vec::new())).unwrap();
        assert!(headers.is_empty());
    }

    #[test]
    fn test_scan_object_headers_reads_in_bounded_chunks() {
        // Instrumented reader recording the largest single `read` request.
        struct MaxReadReader<R> {
            inner: R,
            max_read: usize,
        }
        impl<R: Read> Read for MaxReadReader<R> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.max_read = self.max_read.max(buf.len());
                self.inner.read(buf)
            }
        }
        impl<R: Seek> Seek for MaxReadReader<R> {
            fn seek(&mut self, p: SeekFrom) -> std::io::Result<u64> {
                self.inner.seek(p)
            }
        }

        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF\n");
        for i in 1..=2000u32 {
            buf.extend_from_slice(format!("{i} 0 obj\n<< >>\nendobj\n").as_bytes());
        }
        let total = buf.len();
        assert!(
            total > 8192,
            "fixture must exceed the chunk size to be meaningful"
        );

        let mut r = MaxReadReader {
            inner: Cursor::new(buf),
            max_read: 0,
        };
        let headers = scan_object_headers_chunked(&mut r, 4096).unwrap();

        assert_eq!(headers.len(), 2000);
        assert_eq!(headers[0].obj_num, 1);
        assert_eq!(headers[1999].obj_num, 2000);
        // A read_to_end-based scan would request the whole remaining file in one
        // growing buffer; a chunked scan never asks for more than one chunk.
        assert!(
            r.max_read <= 4096,
            "scanner requested {} bytes in a single read (chunk=4096, file={total}); not bounded",
            r.max_read
        );
    }

    #[test]
    fn test_read_object_window_bounded_and_correct() {
        // Issue #339 follow-up: reader.rs manual-extraction fallbacks must locate
        // an object via the bounded chunked scanner + a bounded window read,
        // never `read_to_end` over the whole file.
        //
        // Instrumented reader recording the largest single `read` request: a
        // `read_to_end`-based locate grows one buffer to ~file size; a bounded
        // locate never requests more than one scan chunk (64 KiB) or one window.
        struct MaxReadReader<R> {
            inner: R,
            max_read: usize,
        }
        impl<R: Read> Read for MaxReadReader<R> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.max_read = self.max_read.max(buf.len());
                self.inner.read(buf)
            }
        }
        impl<R: Seek> Seek for MaxReadReader<R> {
            fn seek(&mut self, p: SeekFrom) -> std::io::Result<u64> {
                self.inner.seek(p)
            }
        }

        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF-1.7\n");
        let cat_off = buf.len() as u64;
        buf.extend_from_slice(b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        buf.extend_from_slice(b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        // Padding object large enough that the whole file far exceeds the 64 KiB
        // scan chunk, so an unbounded read_to_end would be clearly distinguishable.
        buf.extend_from_slice(b"3 0 obj\n<< /Type /Page >>\nstream\n");
        buf.extend(std::iter::repeat(b'x').take(200 * 1024));
        buf.extend_from_slice(b"\nendstream\nendobj\n");
        let total = buf.len();
        assert!(
            total > 64 * 1024,
            "fixture must exceed the scan chunk size to be meaningful"
        );

        let mut r = MaxReadReader {
            inner: Cursor::new(buf),
            max_read: 0,
        };

        let (offset, window) = read_object_window(&mut r, 1, 64 * 1024)
            .unwrap()
            .expect("object 1 must be locatable by bounded scan");

        // Located at the real header offset, window holds the object's dict.
        assert_eq!(offset, cat_off, "header offset must be the real line start");
        assert!(
            find_byte_pattern(&window, b"/Type /Catalog").is_some(),
            "window must contain the catalog dict"
        );
        assert!(
            find_byte_pattern(&window, b"/Pages 2 0 R").is_some(),
            "window must contain the /Pages reference"
        );
        // Bounded: never requested more than one scan chunk / window in a single read.
        assert!(
            r.max_read <= 64 * 1024,
            "locate requested {} bytes in a single read (file={total}); not bounded",
            r.max_read
        );
    }

    #[test]
    fn test_scan_page_object_refs_matches_compact_type_page() {
        // `/Type/Page` without a space before the value is valid PDF (ISO 32000-1
        // §7.3.5) and is emitted by Ghostscript / pdfTeX. The page scan must detect
        // it, while still excluding the compact page-tree node `/Type/Pages`.
        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF-1.7\n");
        buf.extend_from_slice(b"1 0 obj\n<< /Type/Catalog /Pages 2 0 R >>\nendobj\n");
        buf.extend_from_slice(b"2 0 obj\n<< /Type/Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        buf.extend_from_slice(b"3 0 obj\n<< /Type/Page /Parent 2 0 R >>\nendobj\n");

        let mut r = Cursor::new(buf);
        let pages = scan_page_object_refs(&mut r).unwrap();
        assert_eq!(
            pages,
            vec![(3, 0)],
            "compact /Type/Page must be detected and compact /Type/Pages excluded"
        );
    }

    #[test]
    fn test_scan_and_fill_adds_missing_preserves_present() {
        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF-1.7\n");
        let off1 = buf.len() as u64;
        buf.extend_from_slice(b"1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        buf.extend_from_slice(b"2 0 obj\n<< /Type /Pages >>\nendobj\n");
        let off3 = buf.len() as u64;
        buf.extend_from_slice(b"3 0 obj\n<< >>\nendobj\n");

        let mut table = XRefTable::new();
        // Pretend obj 2 was already known from the XRef stream at a different offset.
        table.add_entry(
            2,
            XRefEntry {
                offset: 99999,
                generation: 0,
                in_use: true,
            },
        );

        let mut reader = BufReader::new(Cursor::new(buf));
        XRefTable::scan_and_fill_missing_objects(&mut reader, &mut table).unwrap();

        // Missing objects 1 and 3 added at their real line-start offsets.
        assert_eq!(table.get_entry(1).map(|e| e.offset), Some(off1));
        assert_eq!(table.get_entry(3).map(|e| e.offset), Some(off3));
        // Already-present object 2 must NOT be overwritten by the scan.
        assert_eq!(table.get_entry(2).map(|e| e.offset), Some(99999));
    }

    #[test]
    fn test_recovery_finds_objects_and_catalog_root() {
        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF-1.7\n");
        let off1 = buf.len() as u64;
        buf.extend_from_slice(b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        let off2 = buf.len() as u64;
        buf.extend_from_slice(b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        let off3 = buf.len() as u64;
        buf.extend_from_slice(b"3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n");

        let mut reader = BufReader::new(Cursor::new(buf));
        let table =
            XRefTable::parse_with_recovery_options(&mut reader, &ParseOptions::default()).unwrap();

        assert_eq!(table.get_entry(1).map(|e| e.offset), Some(off1));
        assert_eq!(table.get_entry(2).map(|e| e.offset), Some(off2));
        assert_eq!(table.get_entry(3).map(|e| e.offset), Some(off3));

        // Root must resolve to the /Type /Catalog object (1).
        let root = table.trailer().and_then(|t| t.get("Root")).cloned();
        assert_eq!(root, Some(PdfObject::Reference(1, 0)));
    }

    #[test]
    fn test_recovery_uses_root_from_xref_stream() {
        let mut buf = Vec::new();
        buf.extend_from_slice(b"%PDF-1.7\n");
        buf.extend_from_slice(b"5 0 obj\n<< /Type /Catalog /Pages 6 0 R >>\nendobj\n");
        buf.extend_from_slice(b"6 0 obj\n<< /Type /Pages /Count 0 >>\nendobj\n");
        // XRef stream object declaring /Root 5 0 R near the end of the file.
        buf.extend_from_slice(
            b"9 0 obj\n<< /Type /XRef /Root 5 0 R /Size 10 >>\nstream\n....\nendstream\nendobj\n",
        );

        let mut reader = BufReader::new(Cursor::new(buf));
        let table =
            XRefTable::parse_with_recovery_options(&mut reader, &ParseOptions::default()).unwrap();

        let root = table.trailer().and_then(|t| t.get("Root")).cloned();
        assert_eq!(root, Some(PdfObject::Reference(5, 0)));
    }

    #[test]
    fn test_recovery_empty_when_no_objects() {
        let mut reader = BufReader::new(Cursor::new(b"%PDF-1.7\nnothing useful here\n".to_vec()));
        let result = XRefTable::parse_with_recovery_options(&mut reader, &ParseOptions::default());
        assert!(matches!(result, Err(ParseError::InvalidXRef)));
    }

    #[test]
    fn test_parse_xref_entry() {
        let entry1 = XRefTable::parse_xref_entry("0000000000 65535 f ").unwrap();
        assert_eq!(entry1.offset, 0);
        assert_eq!(entry1.generation, 65535);
        assert!(!entry1.in_use);

        let entry2 = XRefTable::parse_xref_entry("0000000017 00000 n ").unwrap();
        assert_eq!(entry2.offset, 17);
        assert_eq!(entry2.generation, 0);
        assert!(entry2.in_use);
    }

    #[test]
    fn test_parse_xref_entry_flexible() {
        // Test various flexible formats

        // Extra spaces
        let entry1 = XRefTable::parse_xref_entry("17   0   n").unwrap();
        assert_eq!(entry1.offset, 17);
        assert_eq!(entry1.generation, 0);
        assert!(entry1.in_use);

        // Different padding
        let entry2 = XRefTable::parse_xref_entry("123 5 f").unwrap();
        assert_eq!(entry2.offset, 123);
        assert_eq!(entry2.generation, 5);
        assert!(!entry2.in_use);

        // Missing generation (defaults to 0)
        let entry3 = XRefTable::parse_xref_entry("456 n").unwrap();
        assert_eq!(entry3.offset, 456);
        assert_eq!(entry3.generation, 0);
        assert!(entry3.in_use);

        // Missing flag (defaults to true)
        let entry4 = XRefTable::parse_xref_entry("789 2").unwrap();
        assert_eq!(entry4.offset, 789);
        assert_eq!(entry4.generation, 2);
        assert!(entry4.in_use);

        // Flag attached to generation
        let entry5 = XRefTable::parse_xref_entry("1000 0n").unwrap();
        assert_eq!(entry5.offset, 1000);
        assert_eq!(entry5.generation, 0);
        assert!(entry5.in_use);

        let entry6 = XRefTable::parse_xref_entry("2000 1f").unwrap();
        assert_eq!(entry6.offset, 2000);
        assert_eq!(entry6.generation, 1);
        assert!(!entry6.in_use);

        // Tabs instead of spaces
        let entry7 = XRefTable::parse_xref_entry("3000\t0\tn").unwrap();
        assert_eq!(entry7.offset, 3000);
        assert_eq!(entry7.generation, 0);
        assert!(entry7.in_use);
    }

    #[test]
    fn test_parse_xref_entry_invalid_flag_fallback() {
        // Invalid flag should default to 'n' with warning
        let entry = XRefTable::parse_xref_entry("100 0 x").unwrap();
        assert_eq!(entry.offset, 100);
        assert_eq!(entry.generation, 0);
        assert!(entry.in_use); // Should default to true
    }

    #[test]
    fn test_parse_xref_entry_malformed() {
        // Empty line
        let result = XRefTable::parse_xref_entry("");
        assert!(result.is_err());

        // Non-numeric offset
        let result = XRefTable::parse_xref_entry("abc 0 n");
        assert!(result.is_err());

        // Only whitespace
        let result = XRefTable::parse_xref_entry("   ");
        assert!(result.is_err());
    }

    #[test]
    fn test_xref_table_new() {
        let table = XRefTable::new();
        assert!(table.entries.is_empty());
        assert!(table.extended_entries.is_empty());
        assert!(table.trailer.is_none());
        assert_eq!(table.xref_offset, 0);
    }

    #[test]
    fn test_xref_table_default() {
        let table = XRefTable::default();
        assert!(table.entries.is_empty());
        assert!(table.extended_entries.is_empty());
        assert!(table.trailer.is_none());
    }

    #[test]
    fn test_xref_entry_struct() {
        let entry = XRefEntry {
            offset: 12345,
            generation: 7,
            in_use: true,
        };
        assert_eq!(entry.offset, 12345);
        assert_eq!(entry.generation, 7);
        assert!(entry.in_use);
    }

    #[test]
    fn test_xref_entry_equality() {
        let entry1 = XRefEntry {
            offset: 100,
            generation: 0,
            in_use: true,
        };
        let entry2 = XRefEntry {
            offset: 100,
            generation: 0,
            in_use: true,
        };
        assert_eq!(entry1, entry2);
    }

    #[test]
    fn test_xref_entry_clone() {
        let entry = XRefEntry {
            offset: 999,
            generation: 3,
            in_use: false,
        };
        let cloned = entry;
        assert_eq!(cloned.offset, 999);
        assert_eq!(cloned.generation, 3);
        assert!(!cloned.in_use);
    }

    #[test]
    fn test_xref_entry_ext() {
        let ext_entry = XRefEntryExt {
            basic: XRefEntry {
                offset: 500,
                generation: 0,
                in_use: true,
            },
            compressed_info: Some((10, 5)),
        };
        assert_eq!(ext_entry.basic.offset, 500);
        assert_eq!(ext_entry.compressed_info, Some((10, 5)));
    }

    #[test]
    fn test_xref_entry_ext_no_compression() {
        let ext_entry = XRefEntryExt {
            basic: XRefEntry {
                offset: 1000,
                generation: 1,
                in_use: true,
            },
            compressed_info: None,
        };
        assert!(ext_entry.compressed_info.is_none());
    }

    #[test]
    fn test_add_entry() {
        let mut table = XRefTable::new();
        table.add_entry(
            5,
            XRefEntry {
                offset: 1000,
                generation: 0,
                in_use: true,
            },
        );
        assert_eq!(table.entries.len(), 1);
        assert!(table.entries.contains_key(&5));
    }

    #[test]
    fn test_get_entry() {
        let mut table = XRefTable::new();
        let entry = XRefEntry {
            offset: 2000,
            generation: 1,
            in_use: true,
        };
        table.add_entry(10, entry);

        let retrieved = table.get_entry(10);
        assert!(retrieved.is_some());
        assert_eq!(retrieved.unwrap().offset, 2000);

        let missing = table.get_entry(999);
        assert!(missing.is_none());
    }

    #[test]
    fn test_set_trailer() {
        let mut table = XRefTable::new();
        let mut trailer = PdfDictionary::new();
        trailer.insert("Size".to_string(), PdfObject::Integer(10));

        table.set_trailer(trailer.clone());
        assert!(table.trailer.is_some());
        assert_eq!(
            table.trailer().unwrap().get("Size"),
            Some(&PdfObject::Integer(10))
        );
    }

    #[test]
    fn test_parse_xref_entry_invalid() {
        // Too short
        let result = XRefTable::parse_xref_entry("0000000000 65535");
        assert!(result.is_ok()); // Now handled by flexible parsing

        // Invalid format (non-numeric offset)
        let result = XRefTable::parse_xref_entry("not_a_number 65535 f ");
        assert!(result.is_err());

        // Invalid flag (now accepted with warning, defaults to 'n')
        let result = XRefTable::parse_xref_entry("0000000000 65535 x ");
        assert!(result.is_ok()); // Flexible parsing accepts this
        assert!(result.unwrap().in_use); // Should default to true
    }

    #[test]
    fn test_parse_xref_entry_various_offsets() {
        // Small offset
        let entry = XRefTable::parse_xref_entry("0000000001 00000 n ").unwrap();
        assert_eq!(entry.offset, 1);

        // Large offset
        let entry = XRefTable::parse_xref_entry("9999999999 00000 n ").unwrap();
        assert_eq!(entry.offset, 9999999999);

        // Max generation
        let entry = XRefTable::parse_xref_entry("0000000000 65535 f ").unwrap();
        assert_eq!(entry.generation, 65535);
    }

    #[test]
    fn test_add_extended_entry() {
        let mut table = XRefTable::new();
        let ext_entry = XRefEntryExt {
            basic: XRefEntry {
                offset: 0,
                generation: 0,
                in_use: true,
            },
            compressed_info: Some((5, 10)),
        };

        table.add_extended_entry(15, ext_entry);
        assert_eq!(table.extended_entries.len(), 1);
        assert!(table.extended_entries.contains_key(&15));
    }

    #[test]
    fn test_get_extended_entry() {
        let mut table = XRefTable::new();
        let ext_entry = XRefEntryExt {
            basic: XRefEntry {
                offset: 0,
                generation: 0,
                in_use: true,
            },
            compressed_info: Some((20, 3)),
        };

        table.add_extended_entry(7, ext_entry);

        let retrieved = table.get_extended_entry(7);
        assert!(retrieved.is_some());
        assert_eq!(retrieved.unwrap().compressed_info, Some((20, 3)));
    }

    #[test]
    fn test_xref_offset() {
        let mut table = XRefTable::new();
        assert_eq!(table.xref_offset(), 0);

        table.xref_offset = 12345;
        assert_eq!(table.xref_offset(), 12345);
    }

    #[test]
    fn test_find_xref_offset_simple() {
        let pdf_data = b"startxref\n12345\n%%EOF";
        let cursor = Cursor::new(pdf_data.to_vec());
        let mut reader = BufReader::new(cursor);

        let offset = XRefTable::find_xref_offset(&mut reader).unwrap();
        assert_eq!(offset, 12345);
    }

    #[test]
    fn test_find_xref_offset_with_spaces() {
        let pdf_data = b"startxref  \n  12345  \n%%EOF";
        let cursor = Cursor::new(pdf_data.to_vec());
        let mut reader = BufReader::new(cursor);

        let offset = XRefTable::find_xref_offset(&mut reader).unwrap();
        assert_eq!(offset, 12345);
    }

    #[test]
    fn test_find_xref_offset_missing() {
        let pdf_data = b"no startxref here";
        let cursor = Cursor::new(pdf_data.to_vec());
        let mut reader = BufReader::new(cursor);

        let result = XRefTable::find_xref_offset(&mut reader);
        assert!(result.is_err());
    }

    #[test]
    fn test_trailer_getter() {
        let mut table = XRefTable::new();
        assert!(table.trailer().is_none());

        let trailer = PdfDictionary::new();
        table.set_trailer(trailer);
        assert!(table.trailer().is_some());
    }

    #[test]
    fn test_xref_table_clone() {
        let mut table = XRefTable::new();
        table.add_entry(
            1,
            XRefEntry {
                offset: 100,
                generation: 0,
                in_use: true,
            },
        );
        table.xref_offset = 5000;

        let cloned = table.clone();
        assert_eq!(cloned.entries.len(), 1);
        assert_eq!(cloned.xref_offset, 5000);
    }

    #[test]
    fn test_parse_obj_header() {
        // Valid headers
        assert_eq!(parse_obj_header_bytes(b"1 0 obj"), Some((1, 0)));
        assert_eq!(parse_obj_header_bytes(b"123 5 obj"), Some((123, 5)));
        assert_eq!(parse_obj_header_bytes(b"  42   3   obj  "), Some((42, 3)));

        // Invalid headers
        assert_eq!(parse_obj_header_bytes(b"1 obj"), None);
        assert_eq!(parse_obj_header_bytes(b"abc 0 obj"), None);
        assert_eq!(parse_obj_header_bytes(b"1 0 object"), None);
        assert_eq!(parse_obj_header_bytes(b""), None);
    }

    #[test]
    fn test_xref_recovery_parsing() {
        // Create a mock PDF content with objects but no valid xref
        let pdf_content =
            b"1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Type /Page >>\nendobj\n";
        let mut reader = BufReader::new(Cursor::new(pdf_content));

        let table = XRefTable::parse_with_recovery(&mut reader).unwrap();

        // Should find both objects
        assert_eq!(table.len(), 2);
        assert!(table.get_entry(1).is_some());
        assert!(table.get_entry(2).is_some());

        // Both should be marked as in-use
        assert!(table.get_entry(1).unwrap().in_use);
        assert!(table.get_entry(2).unwrap().in_use);
    }

    #[test]
    fn test_xref_recovery_no_objects() {
        // Create content with no valid objects
        let pdf_content = b"This is not a PDF file\nNo objects here\n";
        let mut reader = BufReader::new(Cursor::new(pdf_content));

        let result = XRefTable::parse_with_recovery(&mut reader);
        assert!(result.is_err());
    }

    #[test]
    fn test_offset_validation() {
        let pdf_data = b"small file";
        let mut reader = BufReader::new(Cursor::new(pdf_data));

        // Valid offset
        assert!(XRefTable::validate_offset(&mut reader, 5).is_ok());

        // Invalid offset (beyond file size)
        assert!(XRefTable::validate_offset(&mut reader, 100).is_err());

        // Offset at end of file
        assert!(XRefTable::validate_offset(&mut reader, 10).is_err());
    }

    #[test]
    fn test_xref_parse_with_fallback() {
        // Issue #374: a PDF with no xref structure at all is reconstructed by
        // scanning object headers when recovery is allowed
        // (max_recovery_attempts > 0, the case for default options).
        let pdf_content =
            b"1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Type /Page >>\nendobj\n";

        // Default options allow recovery: the table is rebuilt from the scan.
        let mut reader = BufReader::new(Cursor::new(pdf_content.to_vec()));
        let table = XRefTable::parse(&mut reader).expect("recovery rebuilds xref from object scan");
        assert!(table.get_entry(1).is_some(), "object 1 indexed by scan");
        assert!(table.get_entry(2).is_some(), "object 2 indexed by scan");

        // strict() disables recovery (max_recovery_attempts == 0): a missing
        // xref must still fail loudly with InvalidXRef.
        let mut reader = BufReader::new(Cursor::new(pdf_content.to_vec()));
        match XRefTable::parse_with_options(&mut reader, &ParseOptions::strict()) {
            Err(ParseError::InvalidXRef) => {}
            Ok(_) => panic!("strict() must fail on missing xref, not recover"),
            Err(other) => panic!("strict() must fail with InvalidXRef, got: {other:?}"),
        }
    }

    #[test]
    fn test_xref_entry_creation() {
        let entry = XRefEntry {
            offset: 1234,
            generation: 5,
            in_use: true,
        };

        assert_eq!(entry.offset, 1234);
        assert_eq!(entry.generation, 5);
        assert!(entry.in_use);
    }

    #[test]
    fn test_xref_entry_ext_creation() {
        let basic = XRefEntry {
            offset: 5000,
            generation: 0,
            in_use: true,
        };

        let ext = XRefEntryExt {
            basic: basic.clone(),
            compressed_info: Some((10, 3)),
        };

        assert_eq!(ext.basic.offset, 5000);
        assert_eq!(ext.compressed_info, Some((10, 3)));
    }

    #[test]
    fn test_xref_table_new_advanced() {
        let table = XRefTable::new();
        assert_eq!(table.entries.len(), 0);
        assert_eq!(table.extended_entries.len(), 0);
        assert!(table.trailer.is_none());
        assert_eq!(table.xref_offset, 0);
    }

    #[test]
    fn test_xref_table_default_advanced() {
        let table = XRefTable::default();
        assert_eq!(table.entries.len(), 0);
        assert!(table.trailer.is_none());
    }

    #[test]
    fn test_xref_table_add_entry() {
        let mut table = XRefTable::new();

        let entry1 = XRefEntry {
            offset: 100,
            generation: 0,
            in_use: true,
        };
        table.add_entry(1, entry1);
        let entry2 = XRefEntry {
            offset: 200,
            generation: 1,
            in_use: false,
        };
        table.add_entry(2, entry2);

        assert_eq!(table.len(), 2);

        let entry1 = table.get_entry(1).unwrap();
        assert_eq!(entry1.offset, 100);
        assert_eq!(entry1.generation, 0);
        assert!(entry1.in_use);

        let entry2 = table.get_entry(2).unwrap();
        assert_eq!(entry2.offset, 200);
        assert_eq!(entry2.generation, 1);
        assert!(!entry2.in_use);
    }

    #[test]
    fn test_xref_table_add_extended_entry() {
        let mut table = XRefTable::new();

        let basic_entry = XRefEntry {
            offset: 0,
            generation: 0,
            in_use: true,
        };

        let extended_entry = XRefEntryExt {
            basic: basic_entry,
            compressed_info: Some((10, 2)),
        };

        table.add_extended_entry(5, extended_entry);

        // Check extended entry
        let ext = table.get_extended_entry(5);
        assert!(ext.is_some());
        if let Some(ext) = ext {
            assert_eq!(ext.compressed_info, Some((10, 2)));
        }

        assert!(table.is_compressed(5));
    }

    #[test]
    fn test_xref_table_get_nonexistent() {
        let table = XRefTable::new();
        assert!(table.get_entry(999).is_none());
        assert!(table.get_extended_entry(999).is_none());
    }

    #[test]
    fn test_xref_table_update_entry() {
        let mut table = XRefTable::new();

        // Add initial entry
        let entry1 = XRefEntry {
            offset: 100,
            generation: 0,
            in_use: true,
        };
        table.add_entry(1, entry1);

        // Update it
        let entry2 = XRefEntry {
            offset: 200,
            generation: 1,
            in_use: false,
        };
        table.add_entry(1, entry2);

        // Should have updated
        let entry = table.get_entry(1).unwrap();
        assert_eq!(entry.offset, 200);
        assert_eq!(entry.generation, 1);
        assert!(!entry.in_use);
    }

    #[test]
    fn test_xref_table_set_trailer() {
        let mut table = XRefTable::new();
        assert!(table.trailer.is_none());

        let mut trailer = PdfDictionary::new();
        trailer.insert("Size".to_string(), PdfObject::Integer(10));

        table.set_trailer(trailer.clone());
        assert!(table.trailer.is_some());
        assert_eq!(table.trailer(), Some(&trailer));
    }

    #[test]
    fn test_xref_table_offset() {
        let table = XRefTable::new();
        assert_eq!(table.xref_offset(), 0);
    }

    #[test]
    fn test_parse_xref_entry_invalid_static() {
        let invalid_lines = vec![
            "not a valid entry".to_string(),
            "12345 abcde n".to_string(), // Non-numeric generation
        ];

        for line in invalid_lines {
            let result = XRefTable::parse_xref_entry(&line);
            assert!(result.is_err());
        }

        // This line is now accepted by flexible parsing (missing flag defaults to 'n')
        let result = XRefTable::parse_xref_entry("12345 00000");
        assert!(result.is_ok());
        let entry = result.unwrap();
        assert_eq!(entry.offset, 12345);
        assert_eq!(entry.generation, 0);
        assert!(entry.in_use); // Defaults to true
    }

    #[test]
    fn test_xref_entry_operations() {
        let mut table = XRefTable::new();

        // Add entries
        let entry1 = XRefEntry {
            offset: 1234,
            generation: 5,
            in_use: true,
        };

        let entry2 = XRefEntry {
            offset: 5678,
            generation: 10,
            in_use: false,
        };

        table.add_entry(1, entry1);
        table.add_entry(2, entry2);

        assert_eq!(table.len(), 2);

        let retrieved1 = table.get_entry(1).unwrap();
        assert_eq!(retrieved1.offset, 1234);
        assert_eq!(retrieved1.generation, 5);
        assert!(retrieved1.in_use);

        let retrieved2 = table.get_entry(2).unwrap();
        assert_eq!(retrieved2.offset, 5678);
        assert_eq!(retrieved2.generation, 10);
        assert!(!retrieved2.in_use);
    }

    #[test]
    fn test_parse_xref_with_comments() {
        let pdf_content = b"%PDF-1.4\n\
1 0 obj\n<< /Type /Catalog >>\nendobj\n\
xref\n\
% This is a comment\n\
0 2\n\
0000000000 65535 f \n\
0000000015 00000 n \n\
% Another comment\n\
trailer\n\
<< /Size 2 /Root 1 0 R >>\n\
startxref\n\
45\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));
        reader.seek(SeekFrom::Start(45)).unwrap(); // Position of 'xref'

        let result = XRefTable::parse(&mut reader);
        assert!(result.is_ok());
        let table = result.unwrap();
        assert_eq!(table.len(), 2);
    }

    #[test]
    fn test_parse_multiple_xref_sections() {
        let pdf_content = b"%PDF-1.4\n\
1 0 obj\n<< /Type /Catalog >>\nendobj\n\
2 0 obj\n<< /Type /Page >>\nendobj\n\
xref\n\
0 2\n\
0000000000 65535 f \n\
0000000015 00000 n \n\
5 2\n\
0000000100 00000 n \n\
0000000200 00000 n \n\
trailer\n\
<< /Size 7 /Root 1 0 R >>\n\
startxref\n\
78\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));
        reader.seek(SeekFrom::Start(78)).unwrap(); // Position of 'xref'

        let result = XRefTable::parse(&mut reader);
        assert!(result.is_ok());
        let table = result.unwrap();
        // Should have entries 0, 1, 5, 6
        assert_eq!(table.len(), 4);
        assert!(table.get_entry(0).is_some());
        assert!(table.get_entry(1).is_some());
        assert!(table.get_entry(5).is_some());
        assert!(table.get_entry(6).is_some());
    }

    #[test]
    fn test_parse_xref_with_prev() {
        // Test incremental update with Prev pointer
        let pdf_content = b"%PDF-1.4\n\
% First xref at 15\n\
xref\n\
0 2\n\
0000000000 65535 f \n\
0000000100 00000 n \n\
trailer\n\
<< /Size 2 >>\n\
% Second xref at 100\n\
xref\n\
2 1\n\
0000000200 00000 n \n\
trailer\n\
<< /Size 3 /Prev 15 >>\n\
startxref\n\
100\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));
        let options = ParseOptions {
            lenient_syntax: true,
            ..Default::default()
        };

        let result = XRefTable::parse_with_options(&mut reader, &options);
        // The test might fail due to seeking issues, but structure is tested
        assert!(result.is_ok() || result.is_err());
    }

    #[test]
    fn test_invalid_xref_format() {
        let pdf_content = b"xref\ninvalid content\ntrailer";
        let mut reader = BufReader::new(Cursor::new(pdf_content));

        let result = XRefTable::parse(&mut reader);
        assert!(result.is_err());
    }

    #[test]
    fn test_xref_entry_overflow() {
        let mut table = XRefTable::new();

        // Test with maximum values
        let entry = XRefEntry {
            offset: u64::MAX,
            generation: u16::MAX,
            in_use: true,
        };
        table.add_entry(u32::MAX, entry);

        let entry = table.get_entry(u32::MAX).unwrap();
        assert_eq!(entry.offset, u64::MAX);
        assert_eq!(entry.generation, u16::MAX);
    }

    #[test]
    fn test_xref_table_operations() {
        let mut table = XRefTable::new();

        // Add some entries using correct API
        let entry1 = XRefEntry {
            offset: 100,
            generation: 0,
            in_use: true,
        };

        let entry2 = XRefEntry {
            offset: 200,
            generation: 0,
            in_use: true,
        };

        table.add_entry(1, entry1);
        table.add_entry(2, entry2);

        assert_eq!(table.len(), 2);
        assert!(table.get_entry(1).is_some());
        assert!(table.get_entry(2).is_some());
        assert!(table.get_entry(3).is_none());
    }

    #[test]
    fn test_xref_table_merge() {
        let mut table1 = XRefTable::new();
        let entry1 = XRefEntry {
            offset: 100,
            generation: 0,
            in_use: true,
        };
        table1.add_entry(1, entry1);
        let entry2 = XRefEntry {
            offset: 200,
            generation: 0,
            in_use: true,
        };
        table1.add_entry(2, entry2);

        let mut table2 = XRefTable::new();
        let entry3 = XRefEntry {
            offset: 250,
            generation: 1,
            in_use: true,
        }; // Update entry 2
        table2.add_entry(2, entry3);
        let entry4 = XRefEntry {
            offset: 300,
            generation: 0,
            in_use: true,
        }; // New entry
        table2.add_entry(3, entry4);

        // Manual merge simulation since merge method doesn't exist
        // Copy entries from table2 to table1
        for i in 2..=3 {
            if let Some(entry) = table2.get_entry(i) {
                table1.add_entry(
                    i,
                    XRefEntry {
                        offset: entry.offset,
                        generation: entry.generation,
                        in_use: entry.in_use,
                    },
                );
            }
        }

        assert_eq!(table1.len(), 3);

        // Entry 2 should be updated
        let entry2 = table1.get_entry(2).unwrap();
        assert_eq!(entry2.offset, 250);
        assert_eq!(entry2.generation, 1);

        // Entry 3 should be added
        assert!(table1.get_entry(3).is_some());
    }

    #[test]
    fn test_xref_recovery_with_stream() {
        let pdf_content = b"1 0 obj\n<< /Type /ObjStm /N 2 /First 10 >>\nstream\n12345678901 0 2 0\nendstream\nendobj\n";
        let mut reader = BufReader::new(Cursor::new(pdf_content));

        let result = XRefTable::parse_with_recovery(&mut reader);
        // Should find the object stream
        assert!(result.is_ok() || result.is_err());
    }

    #[test]
    fn test_xref_entry_equality_advanced() {
        let entry1 = XRefEntry {
            offset: 100,
            generation: 0,
            in_use: true,
        };

        let entry2 = XRefEntry {
            offset: 100,
            generation: 0,
            in_use: true,
        };

        let entry3 = XRefEntry {
            offset: 200,
            generation: 0,
            in_use: true,
        };

        assert_eq!(entry1, entry2);
        assert_ne!(entry1, entry3);
    }

    #[test]
    fn test_parse_options_effect() {
        let pdf_content = b"xref 0 1 invalid";
        let mut reader = BufReader::new(Cursor::new(pdf_content));

        // Strict parsing should fail
        let strict_options = ParseOptions {
            lenient_syntax: false,
            ..Default::default()
        };
        let result = XRefTable::parse_with_options(&mut reader, &strict_options);
        assert!(result.is_err());

        // Lenient parsing might recover
        reader.seek(SeekFrom::Start(0)).unwrap();
        let lenient_options = ParseOptions {
            lenient_syntax: true,
            ..Default::default()
        };
        let result = XRefTable::parse_with_options(&mut reader, &lenient_options);
        // May still fail but tests the option path
        assert!(result.is_err() || result.is_ok());
    }

    #[test]
    fn test_circular_reference_detection() {
        // Test circular reference detection (lines 117-121)
        let pdf_content = b"%PDF-1.4\n\
xref\n\
0 1\n\
0000000000 65535 f \n\
trailer\n\
<< /Size 1 /Prev 10 >>\n\
startxref\n\
10\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));

        // This should detect the circular reference (Prev points to itself)
        let result = XRefTable::parse_with_incremental_updates(&mut reader);
        // Should handle circular reference gracefully
        assert!(result.is_ok() || result.is_err());
    }

    #[test]
    fn test_linearized_xref_detection() {
        // Test finding linearized xref (lines 177-178)
        let pdf_content = b"%PDF-1.4\n\
1 0 obj\n\
<< /Linearized 1 /L 1234 /H [100 200] /O 5 /E 500 /N 10 /T 600 >>\n\
endobj\n\
xref\n\
0 2\n\
0000000000 65535 f \n\
0000000009 00000 n \n\
trailer\n\
<< /Size 2 >>\n\
startxref\n\
63\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));

        // Test finding linearized xref
        let result = XRefTable::find_linearized_xref(&mut reader);
        assert!(result.is_ok());

        // The actual position of "xref" in the content is at byte 90
        // Count: "%PDF-1.4\n" (9) + "1 0 obj\n" (8) + "<< /Linearized ... >>\n" (63) + "endobj\n" (7) + "xref" starts at 87
        let xref_pos = result.unwrap();
        assert_eq!(
            xref_pos, 90,
            "Expected xref at position 90, got {}",
            xref_pos
        );
    }

    #[test]
    fn test_xref_stream_parsing() {
        // Test parsing xref streams (lines 240-243)

        let pdf_content = b"%PDF-1.5\n\
1 0 obj\n\
<< /Type /XRef /Size 3 /W [1 2 1] /Length 12 >>\n\
stream\n\
\x00\x00\x00\x00\
\x01\x00\x10\x00\
\x01\x00\x20\x00\
endstream\n\
endobj\n\
startxref\n\
9\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));
        reader.seek(SeekFrom::Start(9)).unwrap();

        // This tests the xref stream parsing path
        let result = XRefTable::parse(&mut reader);
        // XRef streams are more complex and may fail in this simple test
        assert!(result.is_err() || result.is_ok());
    }

    #[test]
    fn test_xref_validation_max_object_exceeds_size() {
        // Test validation where max object number exceeds Size (lines 446-449)
        let pdf_content = b"%PDF-1.4\n\
xref\n\
0 1\n\
0000000000 65535 f \n\
10 1\n\
0000000100 00000 n \n\
trailer\n\
<< /Size 5 /Root 1 0 R >>\n\
startxref\n\
9\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));
        reader.seek(SeekFrom::Start(9)).unwrap();

        // This should fail validation because object 10 > Size 5
        let result = XRefTable::parse(&mut reader);
        assert!(result.is_err());
    }

    #[test]
    fn test_parse_with_options_lenient_vs_strict() {
        // Test different parsing options behavior
        let pdf_content = b"%PDF-1.4\n\
xref\n\
0 2\n\
0000000000 65535 f \n\
0000000015 00000 n \n\
trailer\n\
<< /Size 2 >>\n\
startxref\n\
9\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));

        // Test with strict options
        let strict_options = ParseOptions {
            lenient_syntax: false,
            recover_from_stream_errors: false,
            ..Default::default()
        };
        reader.seek(SeekFrom::Start(9)).unwrap();
        let strict_result = XRefTable::parse_with_options(&mut reader, &strict_options);

        // Test with lenient options
        let lenient_options = ParseOptions {
            lenient_syntax: true,
            recover_from_stream_errors: true,
            ..Default::default()
        };
        reader.seek(SeekFrom::Start(9)).unwrap();
        let lenient_result = XRefTable::parse_with_options(&mut reader, &lenient_options);

        // Both should succeed with valid PDF
        assert!(strict_result.is_ok());
        assert!(lenient_result.is_ok());
    }

    #[test]
    fn test_xref_entry_with_attached_flag() {
        // Test parsing xref entries with flag attached to generation (e.g., "0n")
        let entry1 = XRefTable::parse_xref_entry("12345 0n");
        assert!(entry1.is_ok());
        let entry1 = entry1.unwrap();
        assert_eq!(entry1.offset, 12345);
        assert_eq!(entry1.generation, 0);
        assert!(entry1.in_use);

        let entry2 = XRefTable::parse_xref_entry("54321 1f");
        assert!(entry2.is_ok());
        let entry2 = entry2.unwrap();
        assert_eq!(entry2.offset, 54321);
        assert_eq!(entry2.generation, 1);
        assert!(!entry2.in_use);
    }

    #[test]
    fn test_find_xref_offset_edge_cases() {
        // Test finding xref offset in various formats
        use std::io::{BufReader, Cursor};

        // With extra whitespace
        let content = b"garbage\nstartxref  \n  123  \n%%EOF";
        let mut reader = BufReader::new(Cursor::new(content));
        let result = XRefTable::find_xref_offset(&mut reader);
        assert_eq!(result.unwrap(), 123);

        // At the very end
        let content = b"startxref\n999\n%%EOF";
        let mut reader = BufReader::new(Cursor::new(content));
        let result = XRefTable::find_xref_offset(&mut reader);
        assert_eq!(result.unwrap(), 999);

        // Missing %%EOF (should still work)
        let content = b"startxref\n456";
        let mut reader = BufReader::new(Cursor::new(content));
        let result = XRefTable::find_xref_offset(&mut reader);
        // This might fail without %%EOF marker, adjust expectation
        assert!(result.is_ok() || result.is_err());

        // Missing startxref
        let content = b"some content\n%%EOF";
        let mut reader = BufReader::new(Cursor::new(content));
        let result = XRefTable::find_xref_offset(&mut reader);
        assert!(result.is_err());
    }

    #[test]
    fn test_xref_subsection_incomplete() {
        // Test handling of incomplete xref subsections
        let pdf_content = b"%PDF-1.4\n\
xref\n\
0 5\n\
0000000000 65535 f \n\
0000000015 00000 n \n\
trailer\n\
<< /Size 5 >>\n\
startxref\n\
9\n\
%%EOF";

        let mut reader = BufReader::new(Cursor::new(pdf_content));
        reader.seek(SeekFrom::Start(9)).unwrap();

        // This declares 5 entries but only provides 2
        let result = XRefTable::parse(&mut reader);
        // Should handle incomplete subsection
        assert!(result.is_err() || result.is_ok());
    }
}

type EncryptAndId = (
    Option<super::objects::PdfObject>,
    Option<super::objects::PdfObject>,
);

/// Extract `/Encrypt` and `/ID` from the original trailer found in a bounded
/// file tail (Issue #374), covering BOTH classic trailers and cross-reference
/// streams.
///
/// XRef reconstruction builds a synthetic trailer; without carrying the
/// original `/Encrypt` forward, an encrypted document whose xref had to be
/// rebuilt would be treated as unencrypted (fail-open). `/ID` is preserved too
/// because the standard security handler mixes it into the encryption key.
///
/// Both branches parse with the real object parser (binary-safe: handles
/// hex/literal strings, arrays, refs) and honour the caller's `ParseOptions`
/// so lenient tokenizing (e.g. a stray byte before `<<`) is applied when the
/// caller asked for it — not silently reverted to strict.
///
/// 1. Classic `trailer` keyword (PDF ≤1.4 and hybrid files).
/// 2. Cross-reference stream (PDF 1.5+): `/Encrypt` lives in the xref-stream
///    object's own dict, which is uncompressed text even when the stream data
///    is filtered, so it can be parsed straight from the tail.
fn extract_encrypt_and_id_from_trailer(tail: &[u8], options: &ParseOptions) -> EncryptAndId {
    // 1) Classic trailer.
    if let Some(pos) = rfind_byte_pattern(tail, b"trailer") {
        let after = &tail[pos + b"trailer".len()..];
        let mut lexer =
            super::lexer::Lexer::new_with_options(std::io::Cursor::new(after), options.clone());
        if let Ok(super::objects::PdfObject::Dictionary(dict)) =
            super::objects::PdfObject::parse_with_options(&mut lexer, options)
        {
            let encrypt = dict.get("Encrypt").cloned();
            let id = dict.get("ID").cloned();
            if encrypt.is_some() || id.is_some() {
                return (encrypt, id);
            }
        }
    }

    // 2) Cross-reference stream dict.
    extract_encrypt_and_id_from_xref_stream(tail, options)
}

/// Extract `/Encrypt` and `/ID` from a cross-reference stream object's dict in
/// the tail (Issue #374, fail-safe for PDF 1.5+ encrypted files).
///
/// Anchors on the xref stream object header (`N G obj`) that precedes
/// `/Type /XRef`, then parses the dictionary that opens after it — truncating
/// the region at the `stream` keyword so the parser sees a plain dictionary
/// (never attempting to consume the filtered stream body).
fn extract_encrypt_and_id_from_xref_stream(tail: &[u8], options: &ParseOptions) -> EncryptAndId {
    let type_pos = match rfind_byte_pattern(tail, b"/Type/XRef")
        .or_else(|| rfind_byte_pattern(tail, b"/Type /XRef"))
    {
        Some(p) => p,
        None => return (None, None),
    };

    // Anchor on the object header so a nested `<<` before `/Type` can't be
    // mistaken for the dict opening.
    let Some(obj_pos) = rfind_byte_pattern(&tail[..type_pos], b"obj") else {
        return (None, None);
    };
    let Some(rel) = find_byte_pattern(&tail[obj_pos..type_pos], b"<<") else {
        return (None, None);
    };
    let dict_start = obj_pos + rel;

    // Parse ONLY the inner dictionary (up to `>>`). We must not let the object
    // parser attempt the following `stream` body: its /Length may be an
    // indirect reference or otherwise unparseable in a recovery scenario, and a
    // body-parse failure would discard the dictionary (and thus /Encrypt) —
    // reopening the fail-open hole. Truncating at a raw `stream` substring is
    // also wrong, since a value before /Encrypt (e.g. `/Producer (streamlined)`)
    // can contain those bytes. The inner-dict parser respects string/nesting
    // boundaries, so neither problem applies.
    let region = &tail[dict_start..];
    let mut lexer =
        super::lexer::Lexer::new_with_options(std::io::Cursor::new(region), options.clone());
    // Consume the opening `<<` before parsing the dictionary body.
    if !matches!(lexer.next_token(), Ok(super::lexer::Token::DictStart)) {
        return (None, None);
    }
    match super::objects::PdfObject::parse_dictionary_inner_with_options(&mut lexer, options) {
        Ok(dict) => (dict.get("Encrypt").cloned(), dict.get("ID").cloned()),
        Err(_) => (None, None),
    }
}

/// Extract Root reference from XRef stream content
fn extract_root_from_xref_stream(content: &str) -> Option<u32> {
    // Look for pattern "/Root <number> 0 R" in XRef stream objects
    // This is more reliable than searching for catalog objects

    // Find all XRef stream objects (containing "/Type /XRef")
    let lines: Vec<&str> = content.lines().collect();
    let mut in_xref_obj = false;

    for (i, line) in lines.iter().enumerate() {
        // Check if we're starting an XRef object
        if line.contains(" obj")
            && lines
                .get(i + 1)
                .map_or(false, |next| next.contains("/Type /XRef"))
        {
            in_xref_obj = true;
            continue;
        }

        // Check if we're in an XRef object and look for /Root
        if in_xref_obj {
            if line.contains("endobj") {
                in_xref_obj = false;
                continue;
            }

            // Look for /Root pattern: "/Root 102 0 R"
            if let Some(root_pos) = line.find("/Root ") {
                let after_root = &line[root_pos + 6..]; // Skip "/Root "

                // Extract the number before " 0 R"
                if let Some(space_pos) = after_root.find(' ') {
                    let number_part = &after_root[..space_pos];
                    if let Ok(root_obj) = number_part.parse::<u32>() {
                        tracing::debug!("Extracted Root {} from XRef stream", root_obj);
                        return Some(root_obj);
                    }
                }
            }
        }
    }

    None
}

/// Find catalog by searching content and validating structure
/// FIX for Issue #93: Use byte-based operations to avoid UTF-8 boundary panics
fn find_catalog_by_content<R: Read + Seek>(
    reader: &mut R,
    table: &XRefTable,
) -> ParseResult<Option<u32>> {
    // Deterministic order (Issue #339 / #334): iterate object numbers sorted,
    // not in HashMap order, so the chosen catalog is stable across runs.
    let mut obj_numbers: Vec<u32> = table.entries.keys().copied().collect();
    obj_numbers.sort_unstable();

    for obj_num in obj_numbers {
        let offset = match table.entries.get(&obj_num) {
            Some(entry) if entry.in_use => entry.offset,
            _ => continue,
        };
        // Read a bounded window of the object and validate "/Type /Catalog".
        if let Some(content) = read_object_content(reader, obj_num, offset)? {
            if content.contains("/Type /Catalog") {
                tracing::debug!(
                    "Found catalog candidate at object {} (validated structure)",
                    obj_num
                );
                return Ok(Some(obj_num));
            }
        }
    }

    tracing::debug!("No valid catalog found by content search");
    Ok(None)
}

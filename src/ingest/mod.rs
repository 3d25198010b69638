//! Import: files and directories into a case. Each file is one transaction.

pub mod decode;
pub mod docx;
pub mod error;
pub mod fields;
pub mod ledger;
pub mod normalise;
pub mod source;
pub mod views;
pub mod warning;
mod xlsx;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::case::Case;
use crate::store;
use decode::{DecodeReader, DetectError};
pub use error::{Error, Result};
use fields::Role;
pub use warning::Warning;

/// What kind of evidence a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Letter,
    Transcript,
    Ledger,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Letter => "letter",
            DocKind::Transcript => "transcript",
            DocKind::Ledger => "ledger",
        }
    }

    pub fn parse(s: &str) -> Option<DocKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "letter" => Some(DocKind::Letter),
            "transcript" => Some(DocKind::Transcript),
            "ledger" => Some(DocKind::Ledger),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub kind: Option<DocKind>,
    pub role: Option<Role>,
    pub sheet: Option<String>,
    /// Set to cancel a running import (the current file is rolled back).
    pub cancel: Option<Arc<AtomicBool>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Imported,
    Duplicate,
    Error,
}

/// The result of importing one file (the `--json` shape).
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub file: String,
    pub kind: Option<DocKind>,
    pub role: Option<Role>,
    pub rows: Option<u64>,
    pub encoding: Option<String>,
    pub status: Status,
    pub error: Option<String>,
    /// Translated when shown (serialised as the text shown).
    pub warnings: Vec<Warning>,
}

impl FileReport {
    fn new(file: &str) -> FileReport {
        FileReport {
            file: file.to_string(),
            kind: None,
            role: None,
            rows: None,
            encoding: None,
            status: Status::Error,
            error: None,
            warnings: Vec::new(),
        }
    }
}

/// Progress of the file being imported.
#[derive(Debug, Clone)]
pub struct Progress {
    pub file: String,
    pub index: usize,
    pub files: usize,
    pub bytes_done: u64,
    pub bytes_total: u64,
}

const LEDGER_EXT: &[&str] = &["csv", "tsv", "xlsx", "xlsm", "xls"];
const DOC_EXT: &[&str] = &["txt", "md", "docx"];

fn ext_of(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Expands the given paths: files as they are, directories recursively (sorted,
/// skipping hidden files, Office lock files and unknown extensions).
pub fn collect(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else {
            let ext = ext_of(&p);
            if LEDGER_EXT.contains(&ext.as_str()) || DOC_EXT.contains(&ext.as_str()) {
                out.push(p);
            }
        }
    }
}

/// Imports every file under `paths`. Per-file failures are reported, not returned.
pub fn import_paths(
    case: &Case,
    paths: &[PathBuf],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Vec<FileReport> {
    let files = collect(paths);
    let n = files.len();
    let mut reports = Vec::with_capacity(n);
    for (i, f) in files.iter().enumerate() {
        let display = f.display().to_string();
        let mut rep = FileReport::new(&display);
        if let Err(e) = import_file(case, f, opts, &mut rep, &mut |done, total| {
            progress(&Progress {
                file: display.clone(),
                index: i,
                files: n,
                bytes_done: done,
                bytes_total: total,
            })
        }) {
            rep.status = Status::Error;
            rep.error = Some(e.to_string());
        }
        reports.push(rep);
    }
    if reports.iter().any(|r| r.status == Status::Imported) {
        let _ = case.checkpoint();
    }
    reports
}

/// Reads a whole file, hashing it.
fn read_hashed(path: &Path) -> std::io::Result<(Vec<u8>, String)> {
    let bytes = std::fs::read(path)?;
    let sha = hex::encode(Sha256::digest(&bytes));
    Ok((bytes, sha))
}

/// Streams a file through SHA-256 and returns the hash with its first bytes.
fn hash_and_head(path: &Path) -> std::io::Result<(String, Vec<u8>, u64)> {
    let mut f = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut head = Vec::with_capacity(decode::SNIFF_LEN);
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        if head.len() < decode::SNIFF_LEN {
            let take = (decode::SNIFF_LEN - head.len()).min(n);
            head.extend_from_slice(&buf[..take]);
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), head, total))
}

fn detect_error(display: &str, e: DetectError) -> Error {
    let file = display.to_string();
    match e {
        DetectError::Empty => Error::Empty { file },
        DetectError::Binary { offset } => Error::Binary { file, offset },
        DetectError::Undecodable { offset } => Error::Undecodable { file, offset },
        DetectError::Ambiguous { guess } => Error::AmbiguousEncoding { file, guess },
    }
}

/// What a file with this hash was imported as, if it was: its kind, and for a
/// ledger its role and rows.
fn existing(
    case: &Case,
    sha: &str,
    sheet: Option<&str>,
) -> Result<Option<(DocKind, Option<Role>, u64)>> {
    let conn = case.conn();
    if let Some(kind) = store::documents::kind_by_sha(conn, sha)? {
        return Ok(Some((
            DocKind::parse(&kind).unwrap_or(DocKind::Letter),
            None,
            0,
        )));
    }
    if let Some((role, n)) = store::ledgers::existing(conn, sha, sheet)? {
        return Ok(Some((DocKind::Ledger, Role::parse(&role), n)));
    }
    Ok(None)
}

/// Runs `f` in one transaction of the case: committed when it succeeds, rolled
/// back when it fails (the import error comes back as it was).
fn in_transaction<T>(
    case: &Case,
    f: impl FnOnce(&duckdb::Connection) -> Result<T>,
) -> Result<T> {
    let mut failed: Option<Error> = None;
    let r = case.transaction(|conn| match f(conn) {
        Ok(v) => Ok(v),
        Err(e) => {
            let shown = crate::Error::User(e.msg());
            failed = Some(e);
            Err(shown)
        }
    });
    match (r, failed) {
        (_, Some(e)) => Err(e),
        (Ok(v), None) => Ok(v),
        (Err(e), None) => Err(Error::Case(e)),
    }
}

/// A reader that counts the bytes read through it.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Imports one file; fills `rep` as it learns things.
pub fn import_file(
    case: &Case,
    path: &Path,
    opts: &ImportOptions,
    rep: &mut FileReport,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let display = path.display().to_string();
    if !path.exists() {
        return Err(Error::NoSuchFile { file: display });
    }
    if path.is_dir() {
        return Err(Error::IsDir { file: display });
    }
    let ext = ext_of(path);
    let kind = match opts.kind {
        Some(k) => Some(k),
        None if LEDGER_EXT.contains(&ext.as_str()) => Some(DocKind::Ledger),
        None if DOC_EXT.contains(&ext.as_str()) => None, // letter or transcript, from the content
        None => {
            return Err(Error::UnknownType { file: display, ext });
        }
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| display.clone());
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let abs = abs.display().to_string();
    let cancel = opts.cancel.clone();
    let cancelled = move || {
        cancel
            .as_ref()
            .map(|c| c.load(Ordering::Relaxed))
            .unwrap_or(false)
    };

    if kind == Some(DocKind::Ledger) {
        rep.kind = Some(DocKind::Ledger);
        let is_excel = matches!(ext.as_str(), "xlsx" | "xlsm" | "xls");
        let (sha, head, total) = hash_and_head(path)?;
        let sheet = if is_excel {
            opts.sheet.as_deref()
        } else {
            None
        };
        if let Some((_, role, rows)) = existing(case, &sha, sheet)? {
            rep.status = Status::Duplicate;
            rep.role = role;
            rep.rows = Some(rows);
            return Ok(());
        }
        let meta_role = opts.role;
        let report = if is_excel {
            if total == 0 {
                return Err(Error::Empty { file: display });
            }
            rep.encoding = Some(if ext == "xls" {
                "XLS".into()
            } else {
                "XLSX".into()
            });
            let (sheet_name, rows) = xlsx::read_sheet(path, &display, opts.sheet.as_deref())?;
            let mut src = source::SheetSource::new(rows);
            let sheet_label = opts.sheet.as_ref().map(|_| sheet_name.clone());
            let meta = ledger::LedgerMeta {
                display: &display,
                file_name: &file_name,
                path: &abs,
                sha256: &sha,
                encoding: rep.encoding.as_deref().unwrap_or(""),
                sheet: sheet_label.as_deref(),
                role: meta_role,
            };
            in_transaction(case, |conn| {
                ledger::import(conn, &mut src, &meta, &mut |_| {
                    progress(total, total);
                    !cancelled()
                })
            })?
        } else {
            let enc = decode::detect(&head, total as usize <= head.len())
                .map_err(|e| detect_error(&display, e))?;
            rep.encoding = Some(enc.as_str().to_string());
            let count = Arc::new(AtomicU64::new(0));
            let file = Counting {
                inner: File::open(path)?,
                count: count.clone(),
            };
            let mut reader = BufReader::with_capacity(1 << 20, DecodeReader::new(file, enc));
            let delim = {
                let buf = reader
                    .fill_buf()
                    .map_err(|e| ledger::source_error(&display, source::SourceError::Io(e)))?;
                let upto = buf.iter().position(|&b| b == b'\n').unwrap_or(buf.len());
                let first = String::from_utf8_lossy(&buf[..upto]);
                if ext == "tsv" {
                    b'\t'
                } else {
                    source::sniff_delimiter(&first)
                }
            };
            let mut src = source::CsvSource::new(reader, delim);
            let meta = ledger::LedgerMeta {
                display: &display,
                file_name: &file_name,
                path: &abs,
                sha256: &sha,
                encoding: enc.as_str(),
                sheet: None,
                role: meta_role,
            };
            in_transaction(case, |conn| {
                ledger::import(conn, &mut src, &meta, &mut |_| {
                    progress(count.load(Ordering::Relaxed), total);
                    !cancelled()
                })
            })?
        };
        rep.role = Some(report.role);
        rep.rows = Some(report.rows);
        rep.warnings = report.warnings;
        rep.status = Status::Imported;
        return Ok(());
    }

    // A document: letter or transcript.
    let (bytes, sha) = read_hashed(path)?;
    if let Some((k, _, _)) = existing(case, &sha, None)? {
        rep.status = Status::Duplicate;
        rep.kind = Some(k);
        return Ok(());
    }
    let (text, encoding) = if ext == "docx" {
        if bytes.is_empty() {
            return Err(Error::Empty { file: display });
        }
        let file = display.clone();
        let text = docx::docx_text(&bytes).map_err(|e| match e {
            docx::DocxError::Zip(detail) => Error::DocxBroken { file, detail },
            docx::DocxError::NoDocument => Error::DocxNoBody { file },
            docx::DocxError::Xml { position, detail } => Error::DocxXml {
                file,
                offset: position,
                detail,
            },
            docx::DocxError::TooLarge { size } => Error::TooLarge {
                file,
                size_mb: size / (1024 * 1024),
                limit_mb: docx::MAX_XML / (1024 * 1024),
            },
        })?;
        (text, "DOCX".to_string())
    } else {
        let enc = decode::detect(
            &bytes[..bytes.len().min(decode::SNIFF_LEN)],
            bytes.len() <= decode::SNIFF_LEN,
        )
        .map_err(|e| detect_error(&display, e))?;
        let text = decode::decode_all(&bytes, enc).map_err(|d| Error::DecodeFailed {
            file: display.clone(),
            offset: d.offset,
            encoding: d.encoding.as_str(),
        })?;
        (text.replace("\r\n", "\n"), enc.as_str().to_string())
    };
    if text.trim().is_empty() {
        return Err(Error::Empty { file: display });
    }
    rep.encoding = Some(encoding.clone());
    let kind = match kind {
        Some(DocKind::Ledger) | None => detect_doc_kind(&file_name, &text),
        Some(k) => k,
    };
    rep.kind = Some(kind);
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file_name.clone());
    let chars = text.chars().count() as i64;
    let text_sha256 = crate::audit::sha256_hex(text.as_bytes());
    in_transaction(case, |conn| {
        let id = store::documents::insert(
            conn,
            &store::documents::NewDocument {
                kind: kind.as_str(),
                title: &title,
                source_file: &file_name,
                source_path: &abs,
                sha256: &sha,
                encoding: &encoding,
                chars,
                text: &text,
                text_sha256: &text_sha256,
            },
        )?;
        crate::audit::append(
            conn,
            "import.document",
            serde_json::json!({ "id": id, "kind": kind.as_str(), "file": file_name, "sha256": sha, "chars": chars }),
        )?;
        Ok(())
    })?;
    progress(bytes.len() as u64, bytes.len() as u64);
    rep.status = Status::Imported;
    Ok(())
}

/// A transcript has 问：/答： lines or 笔录 in its name; anything else is a letter.
pub fn detect_doc_kind(file_name: &str, text: &str) -> DocKind {
    if file_name.contains("笔录") {
        return DocKind::Transcript;
    }
    let starts = |p: &str| {
        text.lines().any(|l| {
            let l = l.trim_start_matches([' ', '\t', '\u{3000}']);
            l.starts_with(&format!("{p}：")) || l.starts_with(&format!("{p}:"))
        })
    };
    if starts("问") && starts("答") {
        DocKind::Transcript
    } else {
        DocKind::Letter
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_is_detected_from_question_answer_lines_or_name() {
        assert_eq!(
            detect_doc_kind("谈话记录.txt", "时间：2024年\n问：你叫什么？\n答：张三。\n"),
            DocKind::Transcript
        );
        assert_eq!(
            detect_doc_kind("张三谈话笔录.docx", "……"),
            DocKind::Transcript
        );
        assert_eq!(
            detect_doc_kind("举报信.txt", "我要举报村支书。问题如下"),
            DocKind::Letter
        );
        assert_eq!(
            detect_doc_kind("x.txt", "问:半角冒号\n答:也算\n"),
            DocKind::Transcript
        );
    }

    #[test]
    fn directories_are_walked_sorted_skipping_hidden_and_unknown_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        for f in [
            "b.csv",
            "a.txt",
            ".hidden.csv",
            "~$lock.xlsx",
            "notes.py",
            "sub/c.xlsx",
        ] {
            std::fs::write(d.join(f), b"x").unwrap();
        }
        let got: Vec<String> = collect(&[d.to_path_buf()])
            .iter()
            .map(|p| {
                p.strip_prefix(d)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(got, vec!["a.txt", "b.csv", "sub/c.xlsx"]);
    }
}

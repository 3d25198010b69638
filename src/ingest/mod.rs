//! Import: files and directories into a case. Each file is one transaction
//! (with its audit entry): [`ledger_file`] for CSV/TSV and workbooks (through
//! [`ledger`]), [`document`] for letters and transcripts, [`paged`] for paged
//! documents (PDF, scans, photos, Word binary, OFD) read by [`paper`].

pub mod decode;
mod document;
pub mod docx;
pub mod error;
pub mod fields;
mod files;
pub mod ledger;
mod ledger_file;
pub use crate::normalise;
pub mod page;
mod paged;
pub mod paper;
pub mod source;
pub mod transcript;
pub mod views;
pub mod warning;
mod xlsx;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde::Serialize;

use crate::store;
use crate::store::Case;
use decode::DetectError;
pub use document::detect_doc_kind;
pub use error::{Error, Result};
use fields::Role;
pub use files::collect;
use files::{ext_of, DOC_EXT, LEDGER_EXT};
pub use page::{Page, PageSource, PageSpan};
pub use paged::import_pages;
use paper::PAGED_EXT;
pub use paper::{is_paged_ext, read_paged};
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

/// The OCR engine an import may use for pages without a text layer.
#[derive(Clone)]
pub struct OcrEngine(pub Arc<dyn crate::ocr::Engine>);

impl OcrEngine {
    /// The engine the settings (`config.toml`, environment) ask for, opened
    /// when a page first needs it.
    pub fn configured() -> OcrEngine {
        OcrEngine(Arc::new(crate::ocr::Lazy::new(
            crate::ocr::OcrSettings::load(),
        )))
    }
}

impl std::fmt::Debug for OcrEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OcrEngine({})", self.0.id())
    }
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub kind: Option<DocKind>,
    pub role: Option<Role>,
    pub sheet: Option<String>,
    /// Set to cancel a running import (the current file is rolled back).
    pub cancel: Option<Arc<AtomicBool>>,
    /// OCR for scans and photos; without it, pages that need OCR fail clearly.
    pub ocr: Option<OcrEngine>,
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
    /// Pages of a paged document (absent for others).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// How many of those pages were recognised by OCR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr_pages: Option<u32>,
}

impl FileReport {
    /// An empty report for `file` (for callers of [`import_file`]).
    pub fn new_for(file: &str) -> FileReport {
        FileReport::new(file)
    }

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
            pages: None,
            ocr_pages: None,
        }
    }

    /// How much the file held: its rows (a ledger) or its pages and how many
    /// of them were recognised (a paged document).
    pub fn size_msg(&self) -> Option<crate::Msg> {
        match (self.rows, self.pages) {
            (Some(n), _) => Some(crate::Msg::new("cli.rows").arg("n", n)),
            (None, Some(p)) => Some(
                crate::Msg::new("import.report_pages")
                    .arg("pages", p)
                    .arg("ocr", self.ocr_pages.unwrap_or(0)),
            ),
            (None, None) => None,
        }
    }
}

/// What an import's progress counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Bytes of the file read (text files, ledgers).
    Bytes,
    /// Pages of a paged document read or recognised.
    Pages,
}

/// Progress of the file being imported.
#[derive(Debug, Clone)]
pub struct Progress {
    pub file: String,
    pub index: usize,
    pub files: usize,
    /// What `done` and `total` count.
    pub unit: Unit,
    pub done: u64,
    pub total: u64,
}

/// Imports every file under `paths`. Per-file failures are reported, not returned.
/// Runs of plain letters and transcripts go in by groups (see [`document`]);
/// every other file is its own transaction.
pub fn import_paths(
    case: &Case,
    paths: &[PathBuf],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Vec<FileReport> {
    case.with_memory_limit(IMPORT_MEMORY_MB, || import_all(case, paths, opts, progress))
}

/// DuckDB's buffer pool while files are imported. A ledger streams into its
/// table front to back and DuckDB writes each row group as it fills, so a
/// larger cache only keeps blocks already written: at the case's usual 2 GB
/// a 33M-record county import peaked at 2.1 GB.
const IMPORT_MEMORY_MB: u64 = 768;

fn import_all(
    case: &Case,
    paths: &[PathBuf],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Vec<FileReport> {
    let files = collect(paths);
    let n = files.len();
    let mut reports = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let end = group_end(&files, i, opts);
        if end - i >= 2 {
            import_doc_group(case, &files[i..end], i, n, opts, &mut reports, progress);
            i = end;
            continue;
        }
        let f = &files[i];
        let display = f.display().to_string();
        let mut rep = FileReport::new(&display);
        if let Err(e) = import_file(case, f, opts, &mut rep, &mut |unit, done, total| {
            progress(&Progress {
                file: display.clone(),
                index: i,
                files: n,
                unit,
                done,
                total,
            })
        }) {
            rep.status = Status::Error;
            rep.error = Some(e.to_string());
        }
        reports.push(rep);
        i += 1;
    }
    if reports.iter().any(|r| r.status == Status::Imported) {
        settle(case, &mut reports);
        let _ = case.checkpoint();
    }
    reports
}

/// Rebuilds the derived tables once, after the last file (see
/// [`Case::settle_derived`]). Every file is already in: a failure here is
/// told on the last imported file's report, and the next opening of the case
/// rebuilds them.
fn settle(case: &Case, reports: &mut [FileReport]) {
    if let Err(e) = case.settle_derived() {
        if let Some(r) = reports
            .iter_mut()
            .rev()
            .find(|r| r.status == Status::Imported)
        {
            r.warnings.push(warning::Warning::from_msg(
                &crate::Msg::new("import.warn_derived").arg("error", e.to_string()),
            ));
        }
    }
}

/// Where the group of plain documents starting at `files[start]` ends
/// (exclusive): consecutive .txt/.md/.docx files, each small, up to the
/// group's count and bytes. `start + 1` or less means no group.
fn group_end(files: &[PathBuf], start: usize, opts: &ImportOptions) -> usize {
    if opts.kind == Some(DocKind::Ledger) {
        return start;
    }
    let mut bytes = 0u64;
    let mut end = start;
    while end < files.len() && end - start < document::GROUP_FILES {
        let f = &files[end];
        if !DOC_EXT.contains(&ext_of(f).as_str()) {
            break;
        }
        let size = match std::fs::metadata(f) {
            Ok(m) if m.is_file() => m.len(),
            _ => break,
        };
        if size > document::GROUP_FILE_MAX || (end > start && bytes + size > document::GROUP_BYTES)
        {
            break;
        }
        bytes += size;
        end += 1;
    }
    end
}

/// Imports `files` (a group, see [`group_end`]) and appends their reports;
/// `first` is the index of `files[0]` among the `n` files of the import.
fn import_doc_group(
    case: &Case,
    files: &[PathBuf],
    first: usize,
    n: usize,
    opts: &ImportOptions,
    reports: &mut Vec<FileReport>,
    progress: &mut dyn FnMut(&Progress),
) {
    let owned: Vec<OwnedTarget> = files.iter().map(|f| OwnedTarget::of(f)).collect();
    let targets: Vec<Target<'_>> = owned.iter().map(OwnedTarget::target).collect();
    let mut reps: Vec<FileReport> = owned.iter().map(|o| FileReport::new(&o.display)).collect();
    document::import_group(case, &targets, opts.kind, &mut reps, &mut |i, bytes| {
        progress(&Progress {
            file: owned[i].display.clone(),
            index: first + i,
            files: n,
            unit: Unit::Bytes,
            done: bytes,
            total: bytes,
        })
    });
    reports.extend(reps);
}

/// Why a file's encoding could not be decided, as an import error.
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
    let tx = case.reads();
    if let Some(kind) = store::documents::kind_by_sha(tx, sha)? {
        return Ok(Some((
            DocKind::parse(&kind).unwrap_or(DocKind::Letter),
            None,
            0,
        )));
    }
    if let Some((role, n)) = store::ledgers::existing(tx, sha, sheet)? {
        return Ok(Some((DocKind::Ledger, Role::parse(&role), n)));
    }
    Ok(None)
}

/// The file being imported, as the branches need it.
#[derive(Clone, Copy)]
struct Target<'a> {
    path: &'a Path,
    /// The path as the user gave it (in messages).
    display: &'a str,
    /// The extension, lower-cased.
    ext: &'a str,
    file_name: &'a str,
    /// The absolute path (stored).
    abs: &'a str,
}

/// The owned strings a [`Target`] borrows.
struct OwnedTarget {
    path: PathBuf,
    display: String,
    ext: String,
    file_name: String,
    abs: String,
}

impl OwnedTarget {
    fn of(path: &Path) -> OwnedTarget {
        let display = path.display().to_string();
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| display.clone());
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        OwnedTarget {
            path: path.to_path_buf(),
            ext: ext_of(path),
            abs: abs.display().to_string(),
            display,
            file_name,
        }
    }

    fn target(&self) -> Target<'_> {
        Target {
            path: &self.path,
            display: &self.display,
            ext: &self.ext,
            file_name: &self.file_name,
            abs: &self.abs,
        }
    }
}

/// Imports one file; fills `rep` as it learns things.
pub fn import_file(
    case: &Case,
    path: &Path,
    opts: &ImportOptions,
    rep: &mut FileReport,
    progress: &mut dyn FnMut(Unit, u64, u64),
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
        None if DOC_EXT.contains(&ext.as_str()) || PAGED_EXT.contains(&ext.as_str()) => None, // letter or transcript, from the content
        None => {
            return Err(Error::UnknownType { file: display, ext });
        }
    };
    let owned = OwnedTarget::of(path);
    let cancel = opts.cancel.clone();
    let cancelled = move || {
        cancel
            .as_ref()
            .map(|c| c.load(Ordering::Relaxed))
            .unwrap_or(false)
    };

    let t = owned.target();
    if kind == Some(DocKind::Ledger) {
        rep.kind = Some(DocKind::Ledger);
        ledger_file::import(
            case,
            &t,
            opts,
            rep,
            &mut |d, n| progress(Unit::Bytes, d, n),
            &cancelled,
        )
    } else if PAGED_EXT.contains(&ext.as_str()) {
        paged::import(case, &t, kind, opts, rep, progress)
    } else {
        document::import(case, &t, kind, rep, &mut |d, n| progress(Unit::Bytes, d, n))
    }
}

//! A paged document (PDF, scan, photo, Word binary, WPS, OFD): its pages are
//! read by [`super::paper`], joined into one text (pages separated by a blank
//! line) and stored with a `document_pages` row per page, all in the one
//! transaction of the file with its audit entry.

use std::sync::atomic::AtomicBool;

use super::error::{Error, Result};
use super::files::read_hashed;
use super::page::{join_pages, Page, PageSource};
use super::{detect_doc_kind, existing, paper, DocKind, FileReport, ImportOptions, Status, Target};
use crate::store;
use crate::store::Case;

static NOT_CANCELLED: AtomicBool = AtomicBool::new(false);

/// Imports a paged file; `kind` forces letter or transcript (else from the content).
pub(super) fn import(
    case: &Case,
    t: &Target<'_>,
    kind: Option<DocKind>,
    opts: &ImportOptions,
    rep: &mut FileReport,
    progress: &mut dyn FnMut(super::Unit, u64, u64),
) -> Result<()> {
    let (bytes, sha) = read_hashed(t.path)?;
    if let Some((k, _, _)) = existing(case, &sha, None)? {
        rep.status = Status::Duplicate;
        rep.kind = Some(k);
        return Ok(());
    }
    if bytes.is_empty() {
        return Err(Error::Empty {
            file: t.display.to_string(),
        });
    }
    let cancel = opts.cancel.as_deref().unwrap_or(&NOT_CANCELLED);
    let ocr = opts.ocr.as_ref().map(|e| e.0.as_ref());
    let pages = paper::read_paged(
        &bytes,
        t.display,
        ocr,
        &mut |d, n| progress(super::Unit::Pages, d.into(), n.into()),
        cancel,
    )?;
    let title = t
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| t.file_name.to_string());
    let doc = PagedFile {
        display: t.display,
        file_name: t.file_name,
        abs: t.abs,
        title: &title,
        sha: &sha,
        format: t.ext.to_ascii_uppercase(),
    };
    store_pages(case, &doc, &pages, kind, rep)?;
    Ok(())
}

/// Stores `pages` as one document named `name` (a file name; the title is its
/// stem), as if read from a file with those pages — for tests, and for callers
/// that already have the pages. Duplicates are judged by the text's hash.
#[doc(hidden)]
pub fn import_pages(case: &Case, name: &str, pages: &[Page]) -> Result<FileReport> {
    let mut rep = FileReport::new(name);
    let (text, _) = join_pages(pages);
    let sha = crate::audit::sha256_hex(text.as_bytes());
    if let Some((k, _, _)) = existing(case, &sha, None)? {
        rep.status = Status::Duplicate;
        rep.kind = Some(k);
        return Ok(rep);
    }
    let path = std::path::Path::new(name);
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let format = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_else(|| "PAGES".to_string());
    let doc = PagedFile {
        display: name,
        file_name: name,
        abs: name,
        title: &title,
        sha: &sha,
        format,
    };
    store_pages(case, &doc, pages, None, &mut rep)?;
    Ok(rep)
}

/// What is stored about the file a paged document came from.
struct PagedFile<'a> {
    display: &'a str,
    file_name: &'a str,
    abs: &'a str,
    title: &'a str,
    sha: &'a str,
    /// `PDF`, `JPG`, `OFD` … (the `encoding` column).
    format: String,
}

fn store_pages(
    case: &Case,
    f: &PagedFile<'_>,
    pages: &[Page],
    kind: Option<DocKind>,
    rep: &mut FileReport,
) -> Result<()> {
    if pages.is_empty() {
        return Err(Error::NoPages {
            file: f.display.to_string(),
        });
    }
    let (text, spans) = join_pages(pages);
    if text.trim().is_empty() {
        return Err(Error::Empty {
            file: f.display.to_string(),
        });
    }
    let kind = match kind {
        Some(DocKind::Ledger) | None => detect_doc_kind(f.file_name, &text),
        Some(k) => k,
    };
    let n_pages = spans.len() as u32;
    let ocr_pages = spans.iter().filter(|s| s.source == PageSource::Ocr).count() as u32;
    rep.kind = Some(kind);
    rep.encoding = Some(f.format.clone());
    rep.pages = Some(n_pages);
    rep.ocr_pages = Some(ocr_pages);
    let rows: Vec<store::documents::PageRow> = spans
        .iter()
        .map(|s| store::documents::PageRow {
            page_no: s.number,
            start_char: s.start_char,
            chars: s.chars,
            source: s.source.as_str().to_string(),
            confidence: s.confidence,
        })
        .collect();
    let chars = text.chars().count() as i64;
    let text_sha256 = crate::audit::sha256_hex(text.as_bytes());
    case.write("import.document", |tx| -> Result<((), serde_json::Value)> {
        let id = store::documents::insert(
            tx,
            &store::documents::NewDocument {
                kind: kind.as_str(),
                title: f.title,
                source_file: f.file_name,
                source_path: f.abs,
                sha256: f.sha,
                encoding: &f.format,
                chars,
                text: &text,
                text_sha256: &text_sha256,
                pages: Some(n_pages as i64),
            },
        )?;
        store::documents::insert_pages(tx, id, &rows)?;
        if kind == DocKind::Transcript {
            store::transcripts::put(tx, id, &super::transcript::parse(&text))?;
        }
        Ok((
            (),
            serde_json::json!({
                "id": id, "kind": kind.as_str(), "file": f.file_name, "sha256": f.sha,
                "chars": chars, "pages": n_pages, "ocr_pages": ocr_pages,
            }),
        ))
    })?;
    rep.status = Status::Imported;
    Ok(())
}

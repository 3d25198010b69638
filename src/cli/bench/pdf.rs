//! `hecha bench pdf`: the text-layer path of paper evidence. The bundled
//! Word-exported letter (two pages, a CJK font by the UniGB-UCS2-H CMap)
//! is made into one PDF of N pages (its pages repeated; lopdf), then read
//! page by page (parse, text layer, quality gate, line joining) and imported
//! whole into a new case (pages stored, one transaction). Prints pages/s.
//! `--source FILE` repeats another PDF's pages instead (e.g. the Identity-H
//! page with a ToUnicode map, as Word and WPS export).

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use hecha::case::Case;
use hecha::ingest::{self, ImportOptions, Status};
use lopdf::{Document, Object};

use super::{mib, rss_mib};
use crate::cli::error::{Error, Result};

const LETTER: &[u8] =
    include_bytes!("../../../sample-data/letters/举报信_王堃违规报销接待费用_Word导出.pdf");

#[derive(Debug, Clone, serde::Serialize)]
pub struct PdfBench {
    pub pages: u32,
    pub bytes: u64,
    /// Reading the text layer of every page (no storing).
    pub read_secs: f64,
    pub read_pages_per_sec: f64,
    /// `hecha import` of the file into a new case.
    pub import_secs: f64,
    pub import_pages_per_sec: f64,
    pub peak_rss_mib: Option<f64>,
}

fn failed(e: impl std::fmt::Display) -> Error {
    Error::BenchImportFailed(e.to_string())
}

/// The pages of `source` repeated to `pages` pages.
fn make_pdf(source: &[u8], pages: u32) -> Result<Vec<u8>> {
    let mut doc = Document::load_mem(source).map_err(failed)?;
    let originals: Vec<_> = doc.get_pages().into_values().collect();
    let first = *originals.first().ok_or_else(|| failed("no pages"))?;
    let root = doc
        .get_dictionary(first)
        .and_then(|d| d.get(b"Parent"))
        .and_then(Object::as_reference)
        .map_err(failed)?;
    let mut kids = Vec::with_capacity(pages as usize);
    for i in 0..pages as usize {
        let page = doc
            .get_dictionary(originals[i % originals.len()])
            .map_err(failed)?
            .clone();
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let tree = doc.get_dictionary_mut(root).map_err(failed)?;
    tree.set("Kids", Object::Array(kids));
    tree.set("Count", Object::Integer(i64::from(pages)));
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(failed)?;
    Ok(out)
}

pub fn run(
    dir: &Path,
    pages: u32,
    source: Option<&Path>,
    log: &mut dyn FnMut(&str),
) -> Result<PdfBench> {
    log(&format!("pdf bench: making a {pages}-page text PDF"));
    let bytes = match source {
        Some(p) => std::fs::read(p)?,
        None => LETTER.to_vec(),
    };
    let pdf = make_pdf(&bytes, pages)?;
    let path = dir.join("bench-text-layer.pdf");
    std::fs::write(&path, &pdf)?;

    log("pdf bench: reading the text layer");
    let cancel = AtomicBool::new(false);
    let t = Instant::now();
    let read = ingest::read_paged(&pdf, "bench.pdf", None, &mut |_, _| {}, &cancel)
        .map_err(|e| failed(e.to_string()))?;
    let read_secs = t.elapsed().as_secs_f64();
    if read.len() != pages as usize {
        return Err(failed(format!("read {} of {pages} pages", read.len())));
    }

    log("pdf bench: importing into a new case");
    let case_path = dir.join("bench-pdf.duckdb");
    let _ = std::fs::remove_file(&case_path);
    let case = Case::create(&case_path, Some("pdf bench"), None).map_err(failed)?;
    let t = Instant::now();
    let reports = ingest::import_paths(&case, &[path], &ImportOptions::default(), &mut |_| {});
    let import_secs = t.elapsed().as_secs_f64();
    match reports.first() {
        Some(r) if r.status == Status::Imported => {}
        Some(r) => return Err(failed(r.error.clone().unwrap_or_default())),
        None => return Err(failed("nothing imported")),
    }
    let per_sec = |s: f64| if s > 0.0 { f64::from(pages) / s } else { 0.0 };
    Ok(PdfBench {
        pages,
        bytes: pdf.len() as u64,
        read_secs,
        read_pages_per_sec: per_sec(read_secs),
        import_secs,
        import_pages_per_sec: per_sec(import_secs),
        peak_rss_mib: rss_mib("VmHWM:"),
    })
}

pub fn print(b: &PdfBench) {
    println!("text-layer PDF: {} pages, {} KiB", b.pages, b.bytes / 1024);
    println!(
        "  read (parse + text layer + quality gate): {:.2} s, {:.0} pages/s",
        b.read_secs, b.read_pages_per_sec
    );
    println!(
        "  import into a new case (pages stored, one transaction): {:.2} s, {:.0} pages/s",
        b.import_secs, b.import_pages_per_sec
    );
    println!("  peak RSS {}", mib(b.peak_rss_mib));
}

//! The bundled demo township (sample-data/), embedded in the binary.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::case::Case;
use crate::error::{Msg, Result};
use crate::ingest::{self, FileReport, ImportOptions, Progress};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/sample_data.rs"));
}

/// The folders of sample-data/ that hold evidence (the rest is documentation).
const EVIDENCE_DIRS: &[&str] = &["letters", "transcripts", "ledgers", "statements"];

#[derive(Debug, Deserialize)]
struct CaseToml {
    title: String,
    as_of: String,
    case_no: Option<String>,
    officer: Option<String>,
}

/// Writes the embedded sample files under `dir`; returns the evidence folders.
pub fn write_sample(dir: &Path) -> Result<Vec<PathBuf>> {
    for (rel, bytes) in embedded::FILES {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&p, bytes)?;
    }
    Ok(EVIDENCE_DIRS
        .iter()
        .map(|d| dir.join(d))
        .filter(|p| p.is_dir())
        .collect())
}

/// Where the demo case lives: the user data directory.
pub fn demo_case_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "hecha")
        .ok_or_else(|| crate::Error::from(Msg::new("demo.no_data_dir")))?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir)?;
    Ok(dir.join("demo.duckdb"))
}

/// Builds the demo case afresh at `path` from the embedded sample data,
/// reading its scans and photos with the configured OCR engine.
pub fn build(path: &Path, progress: &mut dyn FnMut(&Progress)) -> Result<(Case, Vec<FileReport>)> {
    build_with(path, Some(ingest::OcrEngine::configured()), progress)
}

/// [`build`] with this OCR engine, or none: then the scan and the photo are
/// reported as needing OCR and the rest is the same on every machine (what
/// snapshot tests want).
pub fn build_with(
    path: &Path,
    ocr: Option<ingest::OcrEngine>,
    progress: &mut dyn FnMut(&Progress),
) -> Result<(Case, Vec<FileReport>)> {
    // The previous demo case's search index goes with it (each build is a new case id).
    if path.exists() {
        if let Ok(old) = Case::open_read_only(path) {
            if let Ok(dir) = crate::search::index_dir(&old) {
                drop(old);
                let _ = std::fs::remove_dir_all(dir);
            }
        }
    }
    for p in [path.to_path_buf(), wal(path)] {
        if p.exists() {
            std::fs::remove_file(&p)?;
        }
    }
    let meta: Option<CaseToml> = embedded::FILES
        .iter()
        .find(|(rel, _)| *rel == "case.toml")
        .and_then(|(_, b)| std::str::from_utf8(b).ok())
        .and_then(|s| toml::from_str(s).ok());
    let title = meta
        .as_ref()
        .map(|m| m.title.clone())
        .unwrap_or_else(|| crate::tr!("demo.title"));
    let as_of = meta
        .as_ref()
        .and_then(|m| crate::normalise::parse_date(&m.as_of).ok().flatten());
    let case = Case::create(path, Some(&title), as_of)?;
    if let Some(m) = &meta {
        case.set_meta(None, m.case_no.as_deref(), m.officer.as_deref())?;
    }
    // The sample files stay beside the demo case, so every source path in it is real.
    let sample = path.with_file_name("sample-data");
    if sample.exists() {
        std::fs::remove_dir_all(&sample)?;
    }
    let dirs = write_sample(&sample)?;
    let opts = ImportOptions {
        ocr,
        ..Default::default()
    };
    let reports = ingest::import_paths(&case, &dirs, &opts, progress);
    register_clues(&case)?;
    // Show paths relative to the data directory, as the README names them.
    let prefix = path
        .parent()
        .map(|p| format!("{}{}", p.display(), std::path::MAIN_SEPARATOR))
        .unwrap_or_default();
    let rel = |s: &str| s.replace(&prefix, "");
    let reports = reports
        .into_iter()
        .map(|mut r| {
            r.file = rel(&r.file);
            r.error = r.error.as_deref().map(rel);
            r.warnings = r.warnings.into_iter().map(|w| w.map_text(rel)).collect();
            r
        })
        .collect();
    Ok((case, reports))
}

/// One stage event of the demo's register story (`sample-data/register.toml`).
#[derive(Debug, Deserialize)]
struct DemoEvent {
    record: String,
    event: String,
    date: String,
    disposition: Option<String>,
    outcome: Option<String>,
    sanction: Option<String>,
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RegisterToml {
    #[serde(default)]
    event: Vec<DemoEvent>,
}

/// Registers a clue per complaint row, then records the demo's stage events.
fn register_clues(case: &Case) -> Result<()> {
    crate::register::from_complaints(case)?;
    let story: Option<RegisterToml> = embedded::FILES
        .iter()
        .find(|(rel, _)| *rel == "register.toml")
        .and_then(|(_, b)| std::str::from_utf8(b).ok())
        .and_then(|s| toml::from_str(s).ok());
    for e in story.map(|s| s.event).unwrap_or_default() {
        let Some(id) = crate::store::clues::id_of_record(case.reads(), &e.record)? else {
            continue;
        };
        crate::register::add_event(
            case,
            &id.to_string(),
            &crate::register::EventInput {
                event: e.event,
                date: e.date,
                disposition: e.disposition,
                outcome: e.outcome,
                sanction: e.sanction,
                note: e.note,
            },
        )?;
    }
    Ok(())
}

fn wal(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".wal");
    PathBuf::from(s)
}

/// Number of embedded sample files (for tests).
pub fn sample_file_count() -> usize {
    embedded::FILES.len()
}

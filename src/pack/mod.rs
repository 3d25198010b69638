//! The county review pack (乡案县审送审包, `hecha pack`): one directory a
//! county reviewer opens without the township's case. It holds
//!
//! - a **subset case** (`案件子集.duckdb`): a valid hecha case with only what
//!   the clue needs (see [`store::pack::Selection`]), stored redacted unless
//!   asked otherwise, always opened read-only, and carrying the full case's
//!   audit log to its head — the entries about the clue whole (or redacted),
//!   the others as their digests — so `hecha verify` proves it was cut from
//!   a case whose head it names, and `hecha verify --source FULL` checks
//!   that head against the full case;
//! - the **bound volume** as .docx, in binding order: the 初步核实情况报告,
//!   the 处置审批表, the 证据目录, then the evidence (transcripts first, then
//!   the other documents, the ledger extracts and the findings, each in the
//!   order the report's facts cite them), and before them the 卷内文件目录
//!   with every document's pages;
//! - `manifest.json`: every file with its SHA-256, and where the pack came from.
//!
//! Cutting a pack is one change of the full case (`pack.cut`, with the
//! manifest's SHA-256): it is made whole or not at all.

mod carry;
mod volume;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::audit::sha256_hex;
use crate::docgen::{self, context::VolumeLine};
use crate::error::{Error, Result};
use crate::export::redact::Redactor;
use crate::export::render::{docx_of, official_pages, Block, Look};
use crate::store::{self, Case};
use crate::Msg;

pub use carry::concerns;
pub use volume::Unit;

/// The subset case's file name inside the pack.
pub const SUBSET: &str = "案件子集.duckdb";
/// The manifest's file name inside the pack.
pub const MANIFEST: &str = "manifest.json";

/// One file of the pack.
#[derive(Debug, Clone, Serialize)]
pub struct PackFile {
    pub name: String,
    pub title: String,
    pub sha256: String,
    pub bytes: u64,
    /// 页号 in the volume (`3-5`); none for the index, the subset and the manifest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
}

/// What a pack holds, as `hecha pack --json` and `manifest.json` say.
#[derive(Debug, Clone, Serialize)]
pub struct PackReport {
    pub format: &'static str,
    pub dir: PathBuf,
    pub clue: String,
    pub redacted: bool,
    pub source_id: String,
    pub head_seq: i64,
    pub head_hash: String,
    pub cut_at: String,
    pub allegations: usize,
    pub links: usize,
    pub findings: usize,
    pub documents: usize,
    /// Ledger rows in the subset, and of those the rows linked or cited by findings.
    pub rows: usize,
    pub cited_rows: usize,
    pub audit_whole: i64,
    pub audit_redacted: i64,
    pub audit_omitted: i64,
    pub files: Vec<PackFile>,
}

/// A file name from a title: no path separators or characters Windows refuses.
fn file_name(no: usize, title: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(40)
        .collect();
    format!("{no:02}-{}.docx", clean.trim())
}

/// `3-5`, or `3` for one page.
fn page_span(first: usize, pages: usize) -> String {
    if pages <= 1 {
        first.to_string()
    } else {
        format!("{first}-{}", first + pages - 1)
    }
}

/// One document of the volume before it is written.
struct Sheet {
    title: String,
    blocks: Vec<Block>,
    author: String,
    doc_no: String,
    date: String,
    note: String,
}

/// Writes the review pack of clue `clue` (id or number) into `out` (a new
/// or empty directory), redacted unless `redact` is false.
pub fn write(case: &Case, clue: &str, out: &Path, redact: bool) -> Result<PackReport> {
    if out.is_file() || std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some()) {
        return Err(Error::User(
            Msg::new("pack.not_empty").arg("path", out.display()),
        ));
    }
    let clue = crate::register::clue(case, clue, None)?;
    let redactor = redact.then(|| Redactor::from_case(case)).transpose()?;
    let red = |s: &str| {
        redactor
            .as_ref()
            .map_or_else(|| s.to_string(), |r| r.text(s))
    };
    let existed = out.exists();
    std::fs::create_dir_all(out).map_err(|e| io(out, e))?;
    let result = case.write(
        "pack.cut",
        |tx| -> Result<(PackReport, serde_json::Value)> {
            // The head before this cut's own entry, which is appended on commit.
            let (head_seq, head_hash) = store::export::audit_head(case)?;
            let sel = store::pack::select(tx, clue.id)?;
            let info = case.info()?;
            let cut_at = crate::domain::now_text();
            let decide = |a: &str, p: &str| carry::decide(a, p, &sel, &clue.number, &red);
            let cut = store::pack::Cut {
                info: store::pack::PackInfo {
                    source_id: case.id().to_string(),
                    source_title: info.title.clone(),
                    source_file: case
                        .path()
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    head_seq,
                    head_hash: head_hash.clone(),
                    clue_number: clue.number.clone(),
                    redacted: redact,
                    cut_at: cut_at.clone(),
                },
                redact: &red,
                decide: &decide,
            };
            let subset = out.join(SUBSET);
            let counts = store::pack::write_subset(case, &subset, &sel, &cut)?;
            let files = bind_volume(case, &clue, &subset, out, redact)?;
            let mut report = PackReport {
                format: "hecha-pack/1",
                dir: out.to_path_buf(),
                clue: clue.number.clone(),
                redacted: redact,
                source_id: case.id().to_string(),
                head_seq,
                head_hash,
                cut_at,
                allegations: counts.allegations,
                links: counts.links,
                findings: counts.findings,
                documents: counts.documents,
                rows: counts.rows,
                cited_rows: sel.cited_rows,
                audit_whole: counts.carriage.whole,
                audit_redacted: counts.carriage.redacted,
                audit_omitted: counts.carriage.omitted,
                files,
            };
            report.files.push(file_entry(&subset, SUBSET, None)?);
            let manifest = serde_json::to_vec_pretty(&report)
                .map_err(|e| Error::User(Msg::new("err.io").arg("detail", e)))?;
            std::fs::write(out.join(MANIFEST), &manifest).map_err(|e| io(out, e))?;
            let payload = serde_json::json!({
                "clue": clue.number,
                "dir": out.display().to_string(),
                "redacted": redact,
                "head_seq": report.head_seq,
                "files": report.files.len(),
                "manifest_sha256": sha256_hex(&manifest),
            });
            Ok((report, payload))
        },
    );
    if result.is_err() {
        if existed {
            if let Ok(entries) = std::fs::read_dir(out) {
                for e in entries.flatten() {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        } else {
            let _ = std::fs::remove_dir_all(out);
        }
    }
    result
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::from(crate::export::ExportError::WriteFailed {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

fn file_entry(path: &Path, name: &str, pages: Option<String>) -> Result<PackFile> {
    let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
    Ok(PackFile {
        name: name.to_string(),
        title: name.to_string(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
        pages,
    })
}

/// The volume's documents, written as .docx into `out` with the 卷内文件目录 first.
fn bind_volume(
    case: &Case,
    clue: &crate::register::Clue,
    subset: &Path,
    out: &Path,
    redact: bool,
) -> Result<Vec<PackFile>> {
    let (case_no, officer, _) = store::export::case_fields(case)?;
    let author = clue.officer.clone().or(officer).unwrap_or_default();
    let today = store::today().to_string().replace('-', "");
    let mut sheets = Vec::new();
    for name in ["verification-report", "clue-form", "evidence-catalogue"] {
        let doc = docgen::render_doc(case, &clue.number, name, redact)?;
        sheets.push(Sheet {
            title: doc.title.clone(),
            blocks: docgen::md::blocks(&doc.markdown),
            author: author.clone(),
            doc_no: if name == "verification-report" {
                case_no.clone().unwrap_or_default()
            } else {
                String::new()
            },
            date: today.clone(),
            note: String::new(),
        });
    }
    {
        let sub = Case::open_read_only(subset)?;
        for unit in volume::order(&sub, &clue.problems)? {
            let b = volume::bind(&sub, &unit)?;
            sheets.push(Sheet {
                title: b.title,
                blocks: b.blocks,
                author: String::new(),
                doc_no: String::new(),
                date: b.date,
                note: b.note,
            });
        }
    }
    // Pages run on through the volume, after the index.
    let mut lines = Vec::with_capacity(sheets.len());
    let mut next = 1;
    for (i, s) in sheets.iter().enumerate() {
        let pages = official_pages(&s.blocks);
        lines.push(VolumeLine {
            no: i + 1,
            doc_no: s.doc_no.clone(),
            author: s.author.clone(),
            title: s.title.clone(),
            date: s.date.clone(),
            pages: page_span(next, pages),
            note: s.note.clone(),
        });
        next += pages;
    }
    let index = docgen::render_doc_with(case, &clue.number, "file-index", redact, lines.clone())?;
    let mut files = Vec::with_capacity(sheets.len() + 2);
    let mut put =
        |name: String, title: &str, blocks: &[Block], pages: Option<String>| -> Result<()> {
            let data = docx_of(blocks, Look::Official).map_err(|e| io(out, e))?;
            let path = out.join(&name);
            std::fs::write(&path, &data).map_err(|e| io(&path, e))?;
            files.push(PackFile {
                name,
                title: title.to_string(),
                sha256: sha256_hex(&data),
                bytes: data.len() as u64,
                pages,
            });
            Ok(())
        };
    put(
        file_name(0, &index.title),
        &index.title,
        &docgen::md::blocks(&index.markdown),
        None,
    )?;
    for (s, line) in sheets.iter().zip(lines) {
        put(
            file_name(line.no, &s.title),
            &s.title,
            &s.blocks,
            Some(line.pages),
        )?;
    }
    Ok(files)
}

/// What checking a pack against its full case found.
#[derive(Debug, Clone, Serialize)]
pub struct SourceCheck {
    /// The full case's entry at the pack's head has the head's hash.
    pub head_matches: bool,
    /// The full case recorded this cut (`pack.cut` for the clue, after the head).
    pub cut_recorded: bool,
    /// That record's manifest hash equals the pack's `manifest.json` (when beside it).
    pub manifest_matches: Option<bool>,
}

impl SourceCheck {
    pub fn ok(&self) -> bool {
        self.head_matches && self.cut_recorded && self.manifest_matches != Some(false)
    }
}

/// Checks the subset case `sub` against the full case `full` it names: the
/// head it carries is in the full case's log, which recorded the cut, and
/// (given the pack's `manifest.json`) recorded this very manifest.
pub fn check_source(sub: &Case, full: &Case, manifest: Option<&[u8]>) -> Result<SourceCheck> {
    let info = store::pack::pack_info(sub.reads())?.ok_or_else(|| {
        Error::User(Msg::new("pack.not_a_pack").arg("path", sub.path().display()))
    })?;
    let head_matches = store::pack::hash_at(full.reads(), info.head_seq)?.as_deref()
        == Some(info.head_hash.as_str());
    let manifest_hash = manifest.map(sha256_hex);
    let mut cut_recorded = false;
    let mut manifest_matches = manifest_hash.as_ref().map(|_| false);
    for payload in store::pack::cuts_after(full.reads(), info.head_seq)? {
        let p: serde_json::Value = serde_json::from_str(&payload).unwrap_or_default();
        if p["clue"].as_str() == Some(info.clue_number.as_str())
            && p["head_seq"].as_i64() == Some(info.head_seq)
        {
            cut_recorded = true;
            if let Some(h) = &manifest_hash {
                if p["manifest_sha256"].as_str() == Some(h.as_str()) {
                    manifest_matches = Some(true);
                }
            }
        }
    }
    Ok(SourceCheck {
        head_matches,
        cut_recorded,
        manifest_matches,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_to_what_windows_accepts() {
        assert_eq!(file_name(3, "台账摘录：a/b"), "03-台账摘录：a_b.docx");
        assert_eq!(page_span(5, 1), "5");
        assert_eq!(page_span(5, 3), "5-7");
    }
}

//! The case summary for supervisors: one model built from the case
//! ([`Summary`]), redacted by default, rendered as Markdown, self-contained
//! HTML, Word .docx and JSON.

mod build;
mod error;
pub mod graphs;
mod model;
pub mod parquet;
pub mod redact;
mod register;
pub mod render;
pub mod sheet;

use std::path::Path;

use crate::error::{Error, Result};
use crate::store::{self, Case};

pub use build::build;
pub use error::ExportError;
pub use model::*;
pub use redact::Redactor;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" | "word" => Some(Format::Docx),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Json => "json",
        }
    }

    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Docx, Format::Json];
}

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// One allegation, or the whole case.
    pub allegation: Option<i64>,
    /// Redact informants, ID numbers and phone numbers (the default).
    pub redact: bool,
}

pub fn render(s: &Summary, format: Format) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Markdown => render::markdown(s).into_bytes(),
        Format::Html => render::html(s).into_bytes(),
        Format::Docx => render::docx(s)?,
        Format::Json => {
            let mut j = serde_json::to_string_pretty(s).map_err(|e| {
                Error::from(ExportError::Serialise {
                    detail: e.to_string(),
                })
            })?;
            j.push('\n');
            j.into_bytes()
        }
    })
}

/// Builds, renders and writes a summary; refuses to overwrite an existing file
/// unless `force`. An unredacted export is written to the audit log.
pub fn export(
    case: &Case,
    opts: &Options,
    format: Format,
    out: &Path,
    force: bool,
) -> Result<Summary> {
    if out.exists() && !force {
        return Err(ExportError::Exists {
            path: out.to_path_buf(),
        }
        .into());
    }
    let summary = build(case, opts)?;
    let bytes = render(&summary, format)?;
    let payload = serde_json::json!({
        "file": out.display().to_string(),
        "format": format.extension(),
        "allegation": opts.allegation,
        "sha256": crate::audit::sha256_hex(&bytes),
    });
    write_out(case, &bytes, out, opts.redact, payload)?;
    Ok(summary)
}

/// Writes `bytes` to `out` next to the target and renames (a failed write
/// leaves no half file). An unredacted file exists only with its audit
/// entry (`payload`).
pub fn write_out(
    case: &Case,
    bytes: &[u8],
    out: &Path,
    redact: bool,
    payload: serde_json::Value,
) -> Result<()> {
    let write = || -> Result<()> {
        // Write next to the target, then rename: a failed export leaves no half file.
        let dir = out
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let io = |e: std::io::Error| {
            Error::from(ExportError::WriteFailed {
                path: out.to_path_buf(),
                detail: e.to_string(),
            })
        };
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        std::io::Write::write_all(&mut tmp, bytes).map_err(io)?;
        tmp.persist(out).map_err(|e| io(e.error))?;
        Ok(())
    };
    if redact {
        write()?;
    } else {
        // The unredacted file exists only if its audit entry does.
        let existed = out.exists();
        if let Err(e) = store::export::log_unredacted(case, payload, write) {
            if !existed {
                let _ = std::fs::remove_file(out);
            }
            return Err(e);
        }
    }
    Ok(())
}

//! A ledger file: a CSV/TSV (decoded as it streams) or a workbook sheet into
//! a row source, then the ledger import in one transaction.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::decode::{self, DecodeReader};
use super::error::{Error, Result};
use super::files::{hash_and_head, Counting};
use super::{detect_error, existing, ledger, source, xlsx};
use super::{FileReport, ImportOptions, Status, Target};
use crate::store::Case;

/// Imports a ledger file.
pub(super) fn import(
    case: &Case,
    t: &Target<'_>,
    opts: &ImportOptions,
    rep: &mut FileReport,
    progress: &mut dyn FnMut(u64, u64),
    cancelled: &dyn Fn() -> bool,
) -> Result<()> {
    let Target {
        path,
        display,
        ext,
        file_name,
        abs,
    } = *t;
    let is_excel = super::files::WORKBOOK_EXT.contains(&ext);
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
            return Err(Error::Empty {
                file: display.to_string(),
            });
        }
        let ((sheet_name, rows), format) = xlsx::read_sheet(path, display, opts.sheet.as_deref())?;
        rep.encoding = Some(format.into());
        let mut src = source::SheetSource::new(rows);
        let sheet_label = opts.sheet.as_ref().map(|_| sheet_name.clone());
        let meta = ledger::LedgerMeta {
            display,
            file_name,
            path: abs,
            sha256: &sha,
            encoding: rep.encoding.as_deref().unwrap_or(""),
            sheet: sheet_label.as_deref(),
            role: meta_role,
        };
        case.write("import.ledger", |tx| {
            ledger::import(tx, &mut src, &meta, &mut |_| {
                progress(total, total);
                !cancelled()
            })
        })?
    } else {
        let enc = decode::detect(&head, total as usize <= head.len())
            .map_err(|e| detect_error(display, e))?;
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
                .map_err(|e| ledger::source_error(display, source::SourceError::Io(e)))?;
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
            display,
            file_name,
            path: abs,
            sha256: &sha,
            encoding: enc.as_str(),
            sheet: None,
            role: meta_role,
        };
        case.write("import.ledger", |tx| {
            ledger::import(tx, &mut src, &meta, &mut |_| {
                progress(count.load(Ordering::Relaxed), total);
                !cancelled()
            })
        })?
    };
    rep.role = Some(report.role);
    rep.rows = Some(report.rows);
    rep.warnings = report.warnings;
    rep.status = Status::Imported;
    Ok(())
}

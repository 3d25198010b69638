//! `hecha export-parquet`: the role views and the tables the rules read, as
//! one Parquet file each in a folder, with a `manifest.json` (rows and
//! SHA-256 of every file). The folder appears whole or not at all, and only
//! with the audit entry that records it: the files are not redacted (a rule
//! needs the ID numbers), so who exported what is on the record.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::ExportError;
use crate::error::{Error, Result};
use crate::store::{self, Case, Tx};

/// The manifest's name in the folder.
pub const MANIFEST: &str = "manifest.json";

/// One file of the export, as the manifest lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct File {
    pub relation: String,
    pub file: String,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

fn write_failed(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::from(ExportError::WriteFailed {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

fn sha256_of(path: &Path) -> Result<(u64, String)> {
    let mut f = std::fs::File::open(path).map_err(|e| write_failed(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf).map_err(|e| write_failed(path, e))?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        n += k as u64;
    }
    Ok((n, hex::encode(h.finalize())))
}

/// True when `out` holds something an export would overwrite.
fn occupied(out: &Path) -> bool {
    match std::fs::read_dir(out) {
        Ok(mut entries) => entries.next().is_some(),
        // A file of that name, or a path that cannot be read as a folder.
        Err(_) => out.exists(),
    }
}

/// Writes one relation as `<dir>/<relation>.parquet`; returns its rows.
fn write_relation(tx: Tx<'_>, relation: &str, path: &Path) -> Result<u64> {
    let file = std::fs::File::create(path).map_err(|e| write_failed(path, e))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        // Bounds the writer's memory: a row group is buffered before it is written.
        .set_max_row_group_row_count(Some(1 << 17))
        .set_created_by(format!("hecha {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut file = Some(file);
    let mut writer: Option<ArrowWriter<std::fs::File>> = None;
    let mut rows = 0u64;
    store::parquet::each_batch(tx, relation, &mut |schema, batch| {
        if let Some(f) = file.take() {
            writer = Some(
                ArrowWriter::try_new(f, schema.clone(), Some(props.clone()))
                    .map_err(|e| write_failed(path, e))?,
            );
        }
        if let (Some(w), Some(b)) = (writer.as_mut(), batch) {
            rows += b.num_rows() as u64;
            w.write(&b).map_err(|e| write_failed(path, e))?;
        }
        Ok(())
    })?;
    if let Some(w) = writer {
        w.close().map_err(|e| write_failed(path, e))?;
    }
    Ok(rows)
}

/// Exports the case into the folder `out` (created; an existing non-empty
/// one only with `force`, its same-named files replaced). Each file is named
/// after its relation, so `v_payments.parquet` is what a rule's
/// `FROM v_payments` reads. Returns the files written, manifest excluded.
pub fn export(case: &Case, out: &Path, force: bool) -> Result<Vec<File>> {
    if occupied(out) && !force {
        return Err(ExportError::Exists {
            path: out.to_path_buf(),
        }
        .into());
    }
    if out.exists() && !out.is_dir() {
        return Err(write_failed(out, "not a folder"));
    }
    let parent: PathBuf = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&parent).map_err(|e| write_failed(&parent, e))?;
    // Written beside the target, then moved in: same file system, so the
    // moves are renames, and a failed export leaves no half folder.
    let tmp = tempfile::Builder::new()
        .prefix(".hecha-parquet-")
        .tempdir_in(&parent)
        .map_err(|e| write_failed(&parent, e))?;
    let existed = out.exists();
    let relations = store::parquet::relations(case.reads())?;
    // One change of the case: the folder is published only with the audit
    // entry that records it (the files are not redacted).
    let result = case.write("export.parquet", |tx| -> Result<_> {
        let mut files = Vec::with_capacity(relations.len());
        for relation in &relations {
            let name = format!("{relation}.parquet");
            let at = tmp.path().join(&name);
            let rows = write_relation(tx, relation, &at)?;
            let (bytes, sha256) = sha256_of(&at)?;
            files.push(File {
                relation: relation.clone(),
                file: name,
                rows,
                bytes,
                sha256,
            });
        }
        let manifest = serde_json::json!({
            "case_id": case.id(),
            "hecha_version": env!("CARGO_PKG_VERSION"),
            "exported_at": chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            "files": &files,
        });
        let at = tmp.path().join(MANIFEST);
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| write_failed(&at, e))?;
        std::fs::write(&at, text).map_err(|e| write_failed(&at, e))?;
        publish(tmp.path(), out, existed, &files)?;
        let payload = serde_json::json!({
            "dir": out.display().to_string(),
            "files": files.iter().map(|f| serde_json::json!({
                "file": f.file, "rows": f.rows, "sha256": f.sha256,
            })).collect::<Vec<_>>(),
        });
        Ok((files, payload))
    });
    if result.is_err() && !existed && out.exists() {
        // Published but not recorded (the commit failed): take it back.
        let _ = std::fs::remove_dir_all(out);
    }
    result
}

/// Moves the written files from `tmp` into `out`: the folder itself when
/// `out` did not exist, else file by file (replacing same-named files).
fn publish(tmp: &Path, out: &Path, existed: bool, written: &[File]) -> Result<()> {
    if !existed {
        return std::fs::rename(tmp, out).map_err(|e| write_failed(out, e));
    }
    let names = written.iter().map(|w| w.file.as_str()).chain([MANIFEST]);
    for name in names {
        let to = out.join(name);
        std::fs::rename(tmp.join(name), &to).map_err(|e| write_failed(&to, e))?;
    }
    Ok(())
}

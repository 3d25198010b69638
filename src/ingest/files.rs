//! Finding the files to import and reading them: the walk over directories,
//! hashing, and a byte counter for progress.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::decode;

pub(super) const LEDGER_EXT: &[&str] = &["csv", "tsv", "xlsx", "xlsm", "xls", "xlsb", "ods", "et"];
/// The ledger extensions that are workbooks (read through calamine).
pub(super) const WORKBOOK_EXT: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods", "et"];
pub(super) const DOC_EXT: &[&str] = &["txt", "md", "docx"];

pub(super) fn ext_of(path: &Path) -> String {
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
            if LEDGER_EXT.contains(&ext.as_str())
                || DOC_EXT.contains(&ext.as_str())
                || super::paper::PAGED_EXT.contains(&ext.as_str())
            {
                out.push(p);
            }
        }
    }
}

/// Reads a whole file, hashing it.
pub(super) fn read_hashed(path: &Path) -> std::io::Result<(Vec<u8>, String)> {
    let bytes = std::fs::read(path)?;
    let sha = hex::encode(Sha256::digest(&bytes));
    Ok((bytes, sha))
}

/// Streams a file through SHA-256 and returns the hash with its first bytes.
pub(super) fn hash_and_head(path: &Path) -> std::io::Result<(String, Vec<u8>, u64)> {
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

/// A reader that counts the bytes read through it.
pub(super) struct Counting<R> {
    pub(super) inner: R,
    pub(super) count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

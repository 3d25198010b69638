//! `hecha bench letters`: a folder of N small letters (about 2 KB of Chinese
//! each) imported through `hecha import`'s path (read, hash, decode in
//! parallel; stored in group transactions, one audit entry per file), next
//! to the same files imported one transaction each.

use std::path::Path;
use std::time::Instant;

use hecha::case::Case;
use hecha::ingest::{self, FileReport, ImportOptions};

use super::search::gen_doc;
use super::{timed_import, Rng};
use crate::cli::error::{Error, Result};

#[derive(Debug, Clone, serde::Serialize)]
pub struct LettersBench {
    pub files: u64,
    pub bytes: u64,
    pub import_secs: f64,
    pub files_per_sec: f64,
    pub mib_per_sec: f64,
    /// The first `single_files` imported one transaction each.
    pub single_files: u64,
    pub single_files_per_sec: f64,
    pub peak_rss_mib: Option<f64>,
}

pub fn run(dir: &Path, files: u64, single: u64, log: &mut dyn FnMut(&str)) -> Result<LettersBench> {
    let folder = dir.join("letters");
    if folder.exists() {
        std::fs::remove_dir_all(&folder)?;
    }
    std::fs::create_dir_all(&folder)?;
    log(&format!("writing {files} letters …"));
    let bytes = write_letters(&folder, files)?;
    let case_path = dir.join("letters.duckdb");
    let _ = std::fs::remove_file(&case_path);
    let case = Case::create(&case_path, Some("letters bench"), None)?;
    log("importing the folder …");
    let (import_secs, peak) = timed_import(&case, std::slice::from_ref(&folder))?;
    drop(case);

    // The same files, one transaction each (what every file cost before groups).
    let single = single.min(files);
    let one_path = dir.join("letters-one.duckdb");
    let _ = std::fs::remove_file(&one_path);
    let case = Case::create(&one_path, Some("letters bench"), None)?;
    log(&format!(
        "importing {single} of them one transaction each …"
    ));
    let mut paths: Vec<_> = std::fs::read_dir(&folder)?
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let t = Instant::now();
    for p in paths.iter().take(single as usize) {
        let mut rep = FileReport::new_for(&p.display().to_string());
        ingest::import_file(
            &case,
            p,
            &ImportOptions::default(),
            &mut rep,
            &mut |_, _, _| {},
        )
        .map_err(|e| Error::BenchImportFailed(e.to_string()))?;
    }
    let single_secs = t.elapsed().as_secs_f64();
    Ok(LettersBench {
        files,
        bytes,
        import_secs,
        files_per_sec: files as f64 / import_secs,
        mib_per_sec: bytes as f64 / 1048576.0 / import_secs,
        single_files: single,
        single_files_per_sec: single as f64 / single_secs.max(1e-9),
        peak_rss_mib: peak,
    })
}

/// Writes `files` letters of about 2 KB of Chinese into `folder` (which
/// exists); their bytes in all.
pub(super) fn write_letters(folder: &Path, files: u64) -> Result<u64> {
    let mut rng = Rng(0x5EED_1E77_E125_0001);
    let mut text = String::new();
    let mut bytes = 0u64;
    for i in 0..files {
        gen_doc(&mut rng, 2000, &mut text);
        let body = format!("关于第{i}号问题线索的举报\n{text}\n");
        bytes += body.len() as u64;
        std::fs::write(folder.join(format!("举报信{i:07}.txt")), body)?;
    }
    Ok(bytes)
}

pub fn print(b: &LettersBench) {
    println!(
        "letters                   {} ({:.1} MiB)",
        b.files,
        b.bytes as f64 / 1048576.0
    );
    println!(
        "hecha import (groups)     {:.2} s   {:.0} files/s   {:.1} MiB/s",
        b.import_secs, b.files_per_sec, b.mib_per_sec
    );
    println!(
        "one transaction per file  {:.0} files/s ({} files)",
        b.single_files_per_sec, b.single_files
    );
    println!("peak RSS during import    {}", super::mib(b.peak_rss_mib));
}

//! The file-system look-ups the UI needs (run by the runtime, never by `update`).

use std::path::{Path, PathBuf};

/// The settings file: `<config dir>/config.toml`, beside `keymap.toml`.
pub fn settings_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.config_dir().join("config.toml"))
}

/// `<dir>/<stem>-报告.<ext>`, numbered so that it names no existing file.
pub fn default_export_path(dir: &Path, stem: &str, ext: &str) -> String {
    let word = crate::tr!("tui.export_word");
    let mut path = dir.join(format!("{stem}-{word}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{word}-{n}.{ext}"));
        n += 1;
    }
    path.display().to_string()
}

/// Completes a path prefix to the longest common prefix of matching entries.
pub fn complete_path(typed: &str) -> Option<String> {
    let p = Path::new(typed);
    let (dir, prefix) = if typed.ends_with('/') || typed.ends_with(std::path::MAIN_SEPARATOR) {
        (p.to_path_buf(), String::new())
    } else {
        (
            p.parent().map(|d| {
                if d.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    d.to_path_buf()
                }
            })?,
            p.file_name()?.to_string_lossy().into_owned(),
        )
    };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .filter(|(n, _)| n.starts_with(&prefix) && !n.starts_with('.'))
        .collect();
    names.sort();
    let first = names.first()?.clone();
    let mut common = first.0.clone();
    for (n, _) in &names[1..] {
        while !n.starts_with(&common) {
            common.pop();
        }
    }
    let mut out = if typed.ends_with('/') {
        format!("{typed}{common}")
    } else {
        dir.join(&common).display().to_string()
    };
    if names.len() == 1 && first.1 {
        out.push(std::path::MAIN_SEPARATOR);
    }
    Some(out)
}

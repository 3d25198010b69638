//! `hecha open` (and `hecha CASE`), `hecha keymap`, and `hecha` alone: the
//! workbench, its keymap, the recent cases.

use std::path::{Path, PathBuf};

use clap::Args;
use hecha::case::Case;
use hecha::tr;
use hecha::tui::Keymap;

use crate::cli::error::{Error, Result};
use crate::cli::opening;

#[derive(Args)]
pub struct OpenArgs {
    case: PathBuf,
    /// 只读查看（他人正在编辑时也可打开）/ look only, even while the case is open elsewhere
    #[arg(long = "read-only")]
    read_only: bool,
}

pub fn open(a: OpenArgs, vim: bool) -> Result<i32> {
    let case = if a.read_only {
        opening::read_only(&a.case)?
    } else {
        opening::read_write(&a.case)?
    };
    open_tui(case, vim)
}

#[derive(Args)]
pub struct KeymapArgs {
    #[arg(long)]
    print: bool,
}

pub fn keymap(a: KeymapArgs, vim: bool) -> Result<i32> {
    // --print is the only thing this command does (kept for the documented spelling).
    let _ = a.print;
    print!("{}", load_keymap(vim)?.to_toml());
    Ok(0)
}

/// The built-in keymap (or the vim one) with the user's file over it.
fn load_keymap(vim: bool) -> Result<Keymap> {
    let user = Keymap::user_path();
    Keymap::load(user.as_deref(), vim).map_err(|e| Error::KeymapBroken(e.to_string()))
}

/// Runs the workbench on `case` until the user quits.
pub fn open_tui(case: Case, vim: bool) -> Result<i32> {
    let keymap = load_keymap(vim)?;
    remember(case.path());
    hecha::tui::run(case, keymap)?;
    Ok(0)
}

fn recent_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.data_dir().join("recent.txt"))
}

/// Remembers an opened case (most recent first, ten at most).
fn remember(case: &Path) {
    let Some(p) = recent_path() else { return };
    let abs = std::fs::canonicalize(case)
        .unwrap_or_else(|_| case.to_path_buf())
        .display()
        .to_string();
    let mut list: Vec<String> = std::fs::read_to_string(&p)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect();
    list.retain(|l| l != &abs && !l.is_empty());
    list.insert(0, abs);
    list.truncate(10);
    if let Some(dir) = p.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(&p, list.join("\n"));
}

/// `hecha` alone: recent cases, and how to start.
pub fn print_start() {
    println!("{}", tr!("cli.start_title"));
    let recent: Vec<String> = recent_path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map(|s| {
            s.lines()
                .filter(|l| Path::new(l).exists())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    if !recent.is_empty() {
        println!("{}", tr!("cli.recent"));
        for r in &recent {
            println!("  hecha {r}");
        }
    }
    println!("{}", tr!("cli.start_hint"));
}

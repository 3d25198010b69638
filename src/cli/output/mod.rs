//! Everything the command line prints goes through here: `out` (standard
//! output that ends quietly on a closed pipe), `emit` (the one "JSON with
//! `--json`, else human text" switch every command uses) and the aligned table.

mod table;

pub use table::table;

use serde::Serialize;

/// Writes to standard output; exits with status 0 when the reader has gone
/// away (a closed pipe), like `cat` or `grep` do, and with status 1 on any
/// other write error.
pub(crate) fn out(args: std::fmt::Arguments) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("hecha: {e}");
        std::process::exit(1);
    }
}

/// How a JSON answer is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Indented over many lines (lists, reports).
    Pretty,
    /// One line (the short answers of `allege` and `link`).
    Line,
}

/// Prints `value` as indented JSON when `json` is set, else calls `human`
/// with it.
pub fn emit<T: Serialize + ?Sized>(json: bool, value: &T, human: impl FnOnce(&T)) {
    emit_as(Layout::Pretty, json, value, human);
}

/// [`emit`] with the JSON laid out as asked.
pub fn emit_as<T: Serialize + ?Sized>(
    layout: Layout,
    json: bool,
    value: &T,
    human: impl FnOnce(&T),
) {
    if json {
        let text = match layout {
            Layout::Pretty => serde_json::to_string_pretty(value),
            Layout::Line => serde_json::to_string(value),
        };
        println!("{}", text.unwrap_or_default());
    } else {
        human(value);
    }
}

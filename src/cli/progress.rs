//! Progress bars on standard error (only when it is a terminal).

use std::io::IsTerminal;

use hecha::ingest::{Progress, Unit};
use hecha::tr;

/// Runs `f` with an indexing progress bar on stderr when it is a terminal.
pub fn with_index_progress<T>(f: impl FnOnce(&mut dyn FnMut(u64, u64)) -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return f(&mut |_, _| {});
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(tr!("search.indexing"));
    let out = f(&mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    });
    bar.finish_and_clear();
    out
}

/// Runs `f` with an import progress bar on stderr when `enabled` and stderr
/// is a terminal.
pub fn with_progress<T>(enabled: bool, f: impl FnOnce(&mut dyn FnMut(&Progress)) -> T) -> T {
    if !enabled || !std::io::stderr().is_terminal() {
        return f(&mut |_| {});
    }
    let style = |unit: Unit| {
        let counts = match unit {
            Unit::Bytes => "{bytes}/{total_bytes}".to_string(),
            Unit::Pages => tr!("import.progress_pages"),
        };
        indicatif::ProgressStyle::with_template(&format!(
            "{{prefix}} [{{bar:30}}] {counts} {{wide_msg}}"
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ")
    };
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(style(Unit::Bytes));
    let mut last = (usize::MAX, Unit::Bytes);
    let out = f(&mut |p: &Progress| {
        if (p.index, p.unit) != last {
            if p.unit != last.1 {
                bar.set_style(style(p.unit));
            }
            last = (p.index, p.unit);
            bar.set_prefix(format!("{}/{}", p.index + 1, p.files));
            bar.set_message(p.file.clone());
        }
        bar.set_length(p.total);
        bar.set_position(p.done);
    });
    bar.finish_and_clear();
    out
}

//! `hecha bench tui`: the workbench, headless on a generated case — time to
//! the first frame, and search-as-you-type latency typed one key at a time.

use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hecha::search::SearchIndex;
use hecha::tui::{ui, App, Keymap};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use crate::cli::error::Result;
use crate::cli::opening;

/// Figures of the workbench benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TuiBench {
    pub documents: u64,
    /// Opening the case and drawing the first frame (index already built).
    pub first_frame_ms: f64,
    /// Key press to the redrawn frame showing the typed character (p50, p99, max).
    pub key_to_redraw_ms: (f64, f64, f64),
    /// Key press to the frame showing that query's results (p50, p99, max).
    pub key_to_results_ms: (f64, f64, f64),
    pub keystrokes: usize,
}

/// The workbench benchmark on a generated case of `docs` documents.
pub fn run(dir: &Path, docs: u64, log: &mut dyn FnMut(&str)) -> Result<TuiBench> {
    // The index goes under the benchmark's directory, not the user's cache.
    std::env::set_var("XDG_CACHE_HOME", dir.join("cache"));
    // The search benchmark's generator builds the case and its index.
    let _ = super::search::run(dir, docs, 0, log)?;
    let case_path = dir.join("search.duckdb");
    {
        log("building the case's search index …");
        let case = opening::read_write(&case_path)?;
        SearchIndex::open(&case, &mut |_, _| {})?;
    }
    log("opening the workbench …");
    let t = Instant::now();
    let case = opening::read_write(&case_path)?;
    let mut app = App::new(case, Keymap::builtin(false));
    let mut term = Terminal::new(TestBackend::new(160, 48))?;
    term.draw(|f| ui::render(&app, f))?;
    let first_frame_ms = t.elapsed().as_secs_f64() * 1000.0;
    app.settle(Duration::from_secs(120));

    let queries = [
        "补贴发放",
        "征地补偿款",
        "优亲厚友",
        "公务接待",
        "张海山",
        "一卡通",
        "禁牧",
        "信访",
    ];
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut redraw = Vec::new();
    let mut results = Vec::new();
    for q in queries {
        // Clear the line, then type the query character by character.
        for _ in 0..12 {
            app.on_key(key(KeyCode::Backspace));
        }
        app.settle(Duration::from_secs(10));
        for c in q.chars() {
            let t = Instant::now();
            app.on_key(key(KeyCode::Char(c)));
            term.draw(|f| ui::render(&app, f))?;
            redraw.push(t.elapsed().as_secs_f64() * 1000.0);
            app.settle(Duration::from_secs(10));
            term.draw(|f| ui::render(&app, f))?;
            results.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let n = redraw.len();
    Ok(TuiBench {
        documents: docs,
        first_frame_ms,
        key_to_redraw_ms: stats(&mut redraw),
        key_to_results_ms: stats(&mut results),
        keystrokes: n,
    })
}

/// p50, p99 and max of `v` (sorted in place).
fn stats(v: &mut [f64]) -> (f64, f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (p(0.5), p(0.99), *v.last().unwrap_or(&0.0))
}

pub fn print(b: &TuiBench) {
    println!("documents                         {}", b.documents);
    println!(
        "first frame (open case + draw)    {:.1} ms",
        b.first_frame_ms
    );
    let (a, p, m) = b.key_to_redraw_ms;
    println!(
        "key → redraw (p50 / p99 / max)    {a:.2} / {p:.2} / {m:.2} ms   ({} keystrokes)",
        b.keystrokes
    );
    let (a, p, m) = b.key_to_results_ms;
    println!("key → results (p50 / p99 / max)   {a:.2} / {p:.2} / {m:.2} ms");
}

//! `hecha bench tui`: the workbench, headless on a generated case — time to
//! the first frame, and search-as-you-type latency typed one key at a time.

use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hecha::search::SearchIndex;
use hecha::tui::action::Action;
use hecha::tui::{ui, App, Keymap};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use crate::cli::error::Result;
use crate::cli::opening;

/// Figures of the workbench benchmark.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TuiBench {
    /// The documents generated (none when measured on an existing case).
    pub documents: Option<u64>,
    #[serde(flatten)]
    pub workbench: Measured,
}

/// How many times the first frame is measured (the median is reported).
const FIRST_FRAMES: usize = 11;

/// Opens the workbench on `case_path` and draws its first frame; the app
/// (start-up work settled) and the milliseconds from opening to drawn.
fn first_frame(case_path: &Path) -> Result<(App, [f64; 4])> {
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let case = opening::read_write(case_path)?;
    let opened = ms(t);
    let mut app = App::new(case, Keymap::builtin(false));
    let started = ms(t);
    let mut term = Terminal::new(TestBackend::new(160, 48))?;
    term.draw(|f| ui::render(&app, f))?;
    let drawn = ms(t);
    app.settle(Duration::from_secs(120));
    Ok((app, [drawn, opened, started - opened, drawn - started]))
}

/// The workbench benchmark on a generated case of `docs` documents.
pub fn run(dir: &Path, docs: u64, log: &mut dyn FnMut(&str)) -> Result<TuiBench> {
    // The index goes under the benchmark's directory, not the user's cache.
    std::env::set_var("XDG_CACHE_HOME", dir.join("cache"));
    // The search benchmark's generator builds the case and its index.
    let _ = super::search::run(dir, docs, 0, log)?;
    let mut b = run_on(&dir.join("search.duckdb"), log)?;
    b.documents = Some(docs);
    Ok(b)
}

/// The workbench benchmark on an existing case (its index built first if it
/// has none, or an outdated one).
pub fn run_on(case_path: &Path, log: &mut dyn FnMut(&str)) -> Result<TuiBench> {
    {
        log("building the case's search index …");
        let case = opening::read_write(case_path)?;
        SearchIndex::open(&case, &mut |_, _| {})?;
    }
    Ok(TuiBench {
        documents: None,
        workbench: measure(case_path, log)?,
    })
}

/// The workbench's figures on one case: first frame, typing into search.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Measured {
    /// Opening the case and drawing the first frame (index already built):
    /// the median of several openings, and the fastest and slowest.
    pub first_frame_ms: f64,
    pub first_frame_range_ms: (f64, f64),
    /// Medians of its parts: opening the case, starting the workbench, drawing.
    pub first_frame_parts_ms: (f64, f64, f64),
    /// Key press to the redrawn frame showing the typed character (p50, p99, max).
    pub key_to_redraw_ms: (f64, f64, f64),
    /// Key press to the frame showing that query's results (p50, p99, max).
    pub key_to_results_ms: (f64, f64, f64),
    pub keystrokes: usize,
    /// On the checks screen, ↓ through the findings list: key to redrawn frame.
    pub findings_key_ms: (f64, f64, f64),
    pub findings_keys: usize,
}

/// Opens the workbench on `case_path` (its index built) several times for
/// the first frame, then types queries into search one key at a time and
/// moves through the findings list.
pub(super) fn measure(case_path: &Path, log: &mut dyn FnMut(&str)) -> Result<Measured> {
    // One first frame varies by ±30% from run to run: open the workbench
    // FIRST_FRAMES times (each time letting its start-up work finish and
    // closing it) and keep the median, with the fastest and slowest.
    log("opening the workbench …");
    let mut frames = Vec::with_capacity(FIRST_FRAMES);
    for _ in 1..FIRST_FRAMES {
        let (app, ms) = first_frame(case_path)?;
        frames.push(ms);
        drop(app); // joins the worker, which closes the case
    }
    let (mut app, ms) = first_frame(case_path)?;
    frames.push(ms);
    let mut term = Terminal::new(TestBackend::new(160, 48))?;
    // The median of each part on its own: opening, starting, drawing.
    let median = |k: usize| {
        let mut v: Vec<f64> = frames.iter().map(|f| f[k]).collect();
        v.sort_by(|a, b| a.total_cmp(b));
        (v[v.len() / 2], v[0], v[v.len() - 1])
    };
    let (first_frame_ms, lo, hi) = median(0);
    let first_frame_range_ms = (lo, hi);
    let first_frame_parts_ms = (median(1).0, median(2).0, median(3).0);

    log("typing into search …");
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
    let keystrokes = redraw.len();

    log("moving through the findings …");
    app.update(Action::ScreenChecks);
    app.settle(Duration::from_secs(120));
    term.draw(|f| ui::render(&app, f))?;
    let mut moves = Vec::new();
    for i in 0..200 {
        let a = if i % 50 == 49 {
            Action::PageDown
        } else {
            Action::Down
        };
        let t = Instant::now();
        app.update(a);
        app.drain();
        term.draw(|f| ui::render(&app, f))?;
        moves.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let findings_keys = moves.len();
    Ok(Measured {
        first_frame_ms,
        first_frame_range_ms,
        first_frame_parts_ms,
        key_to_redraw_ms: stats(&mut redraw),
        key_to_results_ms: stats(&mut results),
        keystrokes,
        findings_key_ms: stats(&mut moves),
        findings_keys,
    })
}

/// p50, p99 and max of `v` (sorted in place).
pub(super) fn stats(v: &mut [f64]) -> (f64, f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (p(0.5), p(0.99), *v.last().unwrap_or(&0.0))
}

pub fn print(t: &TuiBench) {
    if let Some(n) = t.documents {
        println!("documents                         {n}");
    }
    let b = &t.workbench;
    let (lo, hi) = b.first_frame_range_ms;
    println!(
        "first frame (open case + draw)    {:.1} ms   (median of {FIRST_FRAMES}; {lo:.1} – {hi:.1})",
        b.first_frame_ms
    );
    let (o, s, d) = b.first_frame_parts_ms;
    println!("  open / start / draw (medians)   {o:.1} / {s:.1} / {d:.1} ms");
    let (a, p, m) = b.key_to_redraw_ms;
    println!(
        "key → redraw (p50 / p99 / max)    {a:.2} / {p:.2} / {m:.2} ms   ({} keystrokes)",
        b.keystrokes
    );
    let (a, p, m) = b.key_to_results_ms;
    println!("key → results (p50 / p99 / max)   {a:.2} / {p:.2} / {m:.2} ms");
    let (a, p, m) = b.findings_key_ms;
    println!(
        "findings ↓ → redraw (p50/p99/max) {a:.2} / {p:.2} / {m:.2} ms   ({} keys)",
        b.findings_keys
    );
}

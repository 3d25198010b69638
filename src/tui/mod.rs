//! The terminal workbench (ratatui + crossterm + tui-textarea).

pub mod action;
pub mod app;
pub mod commands;
pub mod components;
pub mod effect;
pub mod history;
pub mod job;
pub mod keymap;
pub mod mouse;
pub mod overlays;
pub mod paths;
pub mod runtime;
pub mod settings;
pub mod ui;
pub mod widgets;
pub mod workbench;
pub mod worker;

#[cfg(test)]
mod tests;

use std::io::{self, Stdout};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::case::Case;
use crate::error::Result;
pub use app::App;
pub use keymap::Keymap;

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Runs the workbench until the user quits. The terminal is restored on every
/// exit path, panics included. The settings file is read first (a broken one
/// stops here, naming the file).
pub fn run(case: Case, keymap: Keymap) -> Result<()> {
    let settings =
        settings::Settings::load(paths::settings_path().as_deref()).map_err(crate::Error::User)?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A contained panic (a damaged file) is an error message, not the end.
        if crate::error::quiet_panics() {
            return;
        }
        restore();
        hook(info);
    }));
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    if settings.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let result = (|| -> Result<()> {
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let mut app = App::new(case, keymap);
        event_loop(&mut terminal, &mut app)
    })();
    restore();
    result
}

fn event_loop(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> Result<()> {
    let mut dirty = true;
    let mut last_draw = Instant::now();
    while !app.should_quit() {
        if app.drain() {
            dirty = true;
        }
        // While work runs, redraw at least every 100 ms (progress, spinner).
        if dirty
            || (app.bench().busy.is_some() && last_draw.elapsed() >= Duration::from_millis(100))
        {
            terminal.draw(|f| ui::render(app, f))?;
            last_draw = Instant::now();
            dirty = false;
        }
        if event::poll(Duration::from_millis(30))? {
            // Drain every pending event, then render once.
            loop {
                match event::read()? {
                    Event::Key(k) if k.kind != KeyEventKind::Release => app.on_key(k),
                    Event::Mouse(m) => {
                        let size = terminal.size()?;
                        app.on_mouse(m, ratatui::layout::Rect::new(0, 0, size.width, size.height));
                    }
                    Event::Resize(..) => {}
                    _ => {}
                }
                dirty = true;
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    }
    Ok(())
}

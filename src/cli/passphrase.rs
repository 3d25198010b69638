//! Asking for an encrypted case's passphrase: the front end's job, never the
//! core's (the core takes the passphrase as an argument).

use std::io::{IsTerminal, Write};
use std::path::Path;

use hecha::tr;

use super::error::{Error, Result};

/// The passphrase: `HECHA_PASSPHRASE`, else typed at the terminal (not
/// echoed); `confirm` asks twice (a new encrypted case).
pub fn passphrase(path: &Path, confirm: bool) -> Result<String> {
    if let Ok(p) = std::env::var("HECHA_PASSPHRASE") {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::PassphraseRequired(path.to_path_buf()));
    }
    let first = read_hidden(&tr!("crypt.prompt", path = path.display()))?;
    if confirm {
        let again = read_hidden(&tr!("crypt.prompt_again"))?;
        if again != first {
            return Err(Error::PassphraseMismatch);
        }
    }
    Ok(first)
}

/// Reads a line from the terminal without echoing it.
fn read_hidden(prompt: &str) -> Result<String> {
    use crossterm::event::{read, Event, KeyCode, KeyEventKind, KeyModifiers};
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    crossterm::terminal::enable_raw_mode()?;
    let mut s = String::new();
    let result = loop {
        match read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(Error::Cancelled)
                }
                KeyCode::Backspace => {
                    s.pop();
                }
                KeyCode::Char(c) => s.push(c),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(Error::from(e)),
        }
    };
    let _ = crossterm::terminal::disable_raw_mode();
    eprintln!();
    result.map(|_| s)
}

//! The workbench's settings: `<config dir>/config.toml` (beside keymap.toml),
//! read once at start. Today one setting: `mouse = false` turns the mouse off.
//! A broken file is an error at start naming the file, as a broken keymap is.

use std::path::Path;

use crate::error::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Clicks and the wheel (crossterm's mouse capture).
    pub mouse: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { mouse: true }
    }
}

impl Settings {
    /// Reads a settings source; `file` names it in errors.
    pub fn parse(file: &str, src: &str) -> Result<Settings, Msg> {
        let broken = |detail: String| {
            Msg::new("tui.config_broken")
                .arg("file", file)
                .arg("detail", detail)
        };
        let table: toml::Table = src
            .parse()
            .map_err(|e: toml::de::Error| broken(e.message().to_string()))?;
        let mut s = Settings::default();
        for (k, v) in &table {
            match (k.as_str(), v) {
                ("mouse", toml::Value::Boolean(b)) => s.mouse = *b,
                ("mouse", _) => return Err(broken("mouse = true | false".into())),
                _ => return Err(broken(format!("{k} ?"))),
            }
        }
        Ok(s)
    }

    /// The settings file if there is one, else the defaults.
    pub fn load(path: Option<&Path>) -> Result<Settings, Msg> {
        match path.and_then(|p| std::fs::read_to_string(p).ok().map(|s| (p, s))) {
            Some((p, src)) => Settings::parse(&p.display().to_string(), &src),
            None => Ok(Settings::default()),
        }
    }
}

//! Keymaps are data: `keymaps/default.toml` and `keymaps/vim.toml` (embedded),
//! with a user file in the config directory merged on top, key by key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::error::Msg;

pub const DEFAULT: &str = include_str!("../../keymaps/default.toml");
pub const VIM: &str = include_str!("../../keymaps/vim.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Global,
    Home,
    Search,
    Checks,
    Ledgers,
    Import,
    Case,
    Person,
    Audit,
    Export,
    Input,
    /// The link picker overlay.
    LinkPicker,
    /// The allegation status editor overlay.
    StatusEditor,
}

impl Section {
    pub const ALL: [Section; 13] = [
        Section::Global,
        Section::Home,
        Section::Search,
        Section::Checks,
        Section::Ledgers,
        Section::Import,
        Section::Case,
        Section::Person,
        Section::Audit,
        Section::Export,
        Section::Input,
        Section::LinkPicker,
        Section::StatusEditor,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Global => "global",
            Section::Home => "home",
            Section::Search => "search",
            Section::Checks => "checks",
            Section::Ledgers => "ledgers",
            Section::Import => "import",
            Section::Case => "case",
            Section::Person => "person",
            Section::Audit => "audit",
            Section::Export => "export",
            Section::Input => "input",
            Section::LinkPicker => "link_picker",
            Section::StatusEditor => "status_editor",
        }
    }

    fn parse(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.name() == s)
    }
}

/// A key with its modifiers (Shift is part of the character itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub code: KeyName,
    pub ctrl: bool,
    pub alt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyName {
    Char(char),
    F(u8),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
}

const NAMED: &[(&str, KeyName)] = &[
    ("enter", KeyName::Enter),
    ("esc", KeyName::Esc),
    ("tab", KeyName::Tab),
    ("backtab", KeyName::BackTab),
    ("up", KeyName::Up),
    ("down", KeyName::Down),
    ("left", KeyName::Left),
    ("right", KeyName::Right),
    ("pageup", KeyName::PageUp),
    ("pagedown", KeyName::PageDown),
    ("home", KeyName::Home),
    ("end", KeyName::End),
    ("backspace", KeyName::Backspace),
    ("delete", KeyName::Delete),
    ("space", KeyName::Char(' ')),
];

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let mut rest = s;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            if rest.len() > 1 {
                if let Some(r) = rest.strip_prefix("ctrl-") {
                    ctrl = true;
                    rest = r;
                    continue;
                }
                if let Some(r) = rest.strip_prefix("alt-") {
                    alt = true;
                    rest = r;
                    continue;
                }
            }
            break;
        }
        let code = if let Some((_, k)) = NAMED.iter().find(|(n, _)| *n == rest) {
            *k
        } else if let Some(n) = rest
            .strip_prefix('f')
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
        {
            KeyName::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => {
                    KeyName::Char(if ctrl { c.to_ascii_lowercase() } else { c })
                }
                _ => return None,
            }
        };
        Some(Key { code, ctrl, alt })
    }

    pub fn from_event(e: &KeyEvent) -> Option<Key> {
        let ctrl = e.modifiers.contains(KeyModifiers::CONTROL);
        let alt = e.modifiers.contains(KeyModifiers::ALT);
        let code = match e.code {
            KeyCode::Char(c) => KeyName::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            KeyCode::F(n) => KeyName::F(n),
            KeyCode::Enter => KeyName::Enter,
            KeyCode::Esc => KeyName::Esc,
            KeyCode::Tab if e.modifiers.contains(KeyModifiers::SHIFT) => KeyName::BackTab,
            KeyCode::Tab => KeyName::Tab,
            KeyCode::BackTab => KeyName::BackTab,
            KeyCode::Up => KeyName::Up,
            KeyCode::Down => KeyName::Down,
            KeyCode::Left => KeyName::Left,
            KeyCode::Right => KeyName::Right,
            KeyCode::PageUp => KeyName::PageUp,
            KeyCode::PageDown => KeyName::PageDown,
            KeyCode::Home => KeyName::Home,
            KeyCode::End => KeyName::End,
            KeyCode::Backspace => KeyName::Backspace,
            KeyCode::Delete => KeyName::Delete,
            _ => return None,
        };
        Some(Key { code, ctrl, alt })
    }

    pub fn display(&self) -> String {
        let mut s = String::new();
        if self.ctrl {
            s.push_str("ctrl-");
        }
        if self.alt {
            s.push_str("alt-");
        }
        match self.code {
            KeyName::Char(' ') => s.push_str("space"),
            KeyName::Char(c) => s.push(c),
            KeyName::F(n) => s.push_str(&format!("f{n}")),
            other => s.push_str(
                NAMED
                    .iter()
                    .find(|(_, k)| *k == other)
                    .map(|(n, _)| *n)
                    .unwrap_or("?"),
            ),
        }
        s
    }
}

/// One binding read from a keymap file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub section: Section,
    pub key: Key,
    pub action: Action,
    pub line: usize,
}

/// Bindings of one source that name the same key twice in a section once
/// parsed (`ctrl-C` and `ctrl-c` are one key): the later line of each pair.
pub fn duplicates(bindings: &[Binding]) -> Vec<Binding> {
    let mut seen = std::collections::BTreeSet::new();
    bindings
        .iter()
        .filter(|b| !seen.insert((b.section, b.key)))
        .copied()
        .collect()
}

/// The effective keymap.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    pub sections: BTreeMap<Section, BTreeMap<Key, Action>>,
}

/// A broken keymap file: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub file: String,
    pub line: usize,
    pub message: Msg,
}

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The line of `key` inside `[section]` of a keymap source (for error messages).
fn line_of(src: &str, section: &str, key: &str) -> usize {
    let mut in_section = false;
    for (i, line) in src.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_section = t.trim_matches(|c| c == '[' || c == ']').trim() == section;
            continue;
        }
        if in_section {
            let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if k == key {
                return i + 1;
            }
        }
    }
    1
}

impl Keymap {
    /// Reads a keymap source: every binding with its section and line.
    pub fn parse(file: &str, src: &str) -> Result<Vec<Binding>, KeymapError> {
        let err = |line: usize, message: Msg| KeymapError {
            file: file.to_string(),
            line,
            message,
        };
        let table: toml::Table = src.parse().map_err(|e: toml::de::Error| {
            let line = e
                .span()
                .map(|s| src[..s.start.min(src.len())].lines().count().max(1))
                .unwrap_or(1);
            err(line, Msg::new("keymap.bad_toml").arg("detail", e.message()))
        })?;
        let mut out = Vec::new();
        for (sec_name, value) in &table {
            if sec_name == "base" {
                continue;
            }
            let Some(section) = Section::parse(sec_name) else {
                return Err(err(
                    line_of(src, sec_name, ""),
                    Msg::new("keymap.bad_section").arg("section", sec_name),
                ));
            };
            let Some(bindings) = value.as_table() else {
                return Err(err(
                    1,
                    Msg::new("keymap.bad_section").arg("section", sec_name),
                ));
            };
            for (key_s, action_v) in bindings {
                let line = line_of(src, sec_name, key_s);
                let key = Key::parse(key_s)
                    .ok_or_else(|| err(line, Msg::new("keymap.bad_key").arg("key", key_s)))?;
                let action_s = action_v.as_str().unwrap_or("");
                let action = Action::parse(action_s).ok_or_else(|| {
                    err(line, Msg::new("keymap.bad_action").arg("action", action_s))
                })?;
                out.push(Binding {
                    section,
                    key,
                    action,
                    line,
                });
            }
        }
        Ok(out)
    }

    /// Merges a keymap source on top of this one, key by key. A source that
    /// binds one key twice in a section (`ctrl-C` and `ctrl-c`) is refused.
    pub fn merge(&mut self, file: &str, src: &str) -> Result<(), KeymapError> {
        let bindings = Keymap::parse(file, src)?;
        if let Some(d) = duplicates(&bindings).first() {
            return Err(KeymapError {
                file: file.to_string(),
                line: d.line,
                message: Msg::new("keymap.duplicate_key")
                    .arg("key", d.key.display())
                    .arg("section", d.section.name()),
            });
        }
        for b in bindings {
            self.sections
                .entry(b.section)
                .or_default()
                .insert(b.key, b.action);
        }
        Ok(())
    }

    /// The built-in default (or vim) map.
    pub fn builtin(vim: bool) -> Keymap {
        let mut k = Keymap::default();
        // The embedded maps are checked by tests; a failure here is a build defect.
        let _ = k.merge("keymaps/default.toml", DEFAULT);
        if vim {
            let _ = k.merge("keymaps/vim.toml", VIM);
        }
        k
    }

    /// The user's keymap file: `<config dir>/keymap.toml`.
    pub fn user_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "hecha").map(|d| d.config_dir().join("keymap.toml"))
    }

    /// Default (or vim, when asked or when the user file says `base = "vim"`)
    /// plus the user file, if any.
    pub fn load(user: Option<&Path>, vim: bool) -> Result<Keymap, KeymapError> {
        let user_src = user.and_then(|p| {
            std::fs::read_to_string(p)
                .ok()
                .map(|s| (p.display().to_string(), s))
        });
        let base_vim = vim
            || user_src
                .as_ref()
                .and_then(|(_, s)| s.parse::<toml::Table>().ok())
                .and_then(|t| t.get("base").and_then(|b| b.as_str().map(|b| b == "vim")))
                .unwrap_or(false);
        let mut k = Keymap::builtin(base_vim);
        if let Some((file, src)) = user_src {
            k.merge(&file, &src)?;
        }
        Ok(k)
    }

    /// The action for a key in the first of `sections` that binds it.
    pub fn lookup(&self, sections: &[Section], e: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(e)?;
        sections
            .iter()
            .find_map(|s| self.sections.get(s).and_then(|m| m.get(&key)))
            .copied()
    }

    /// The action for a key: in a text field only the `input` section counts;
    /// otherwise the screen's section first, then `global`.
    pub fn action(&self, screen: Section, typing: bool, e: &KeyEvent) -> Option<Action> {
        if typing {
            self.lookup(&[Section::Input], e)
        } else {
            self.lookup(&[screen, Section::Global], e)
        }
    }

    /// The keys bound to an action in a section (for hints).
    pub fn keys_for(&self, section: Section, action: Action) -> Vec<String> {
        self.sections
            .get(&section)
            .map(|m| {
                m.iter()
                    .filter(|(_, a)| **a == action)
                    .map(|(k, _)| k.display())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The effective map as TOML (`hecha keymap --print`).
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for (section, map) in &self.sections {
            out.push_str(&format!("[{}]\n", section.name()));
            for (k, a) in map {
                out.push_str(&format!(
                    "{:<14} = {:<18} # {}\n",
                    format!("\"{}\"", k.display()),
                    format!("\"{}\"", a.name()),
                    a.describe()
                ));
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/keymap.rs"]
mod tests;

//! The register's time limits: built-in defaults (`reference/data/deadlines.toml`),
//! then the user's `deadlines.toml` in the config directory, then the case's own
//! (`hecha deadlines CASE --set KEY=VALUE`); a later source wins per key.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::reference::calendar::Period;
use crate::store::{self, Case};
use crate::Msg;

/// Every setting key, in the order they are listed.
pub const KEYS: &[&str] = &[
    "disposal",
    "acceptance-notice",
    "inquiry-reply",
    "inquiry-closure",
    "verification",
    "verification-extension",
    "investigation",
    "review",
    "result-feedback",
    "due-soon",
];

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Builtin,
    User,
    Case,
}

/// The time limits in force for a case.
#[derive(Debug, Clone)]
pub struct Settings {
    values: BTreeMap<&'static str, (Period, Origin)>,
}

impl Settings {
    /// The built-in defaults alone.
    pub fn builtin() -> Settings {
        let mut s = Settings {
            values: BTreeMap::new(),
        };
        // The shipped file is checked by a test; a key it lacks falls back below.
        let _ = s.merge(
            include_str!("../reference/data/deadlines.toml"),
            "builtin",
            Origin::Builtin,
        );
        for key in KEYS {
            s.values
                .entry(key)
                .or_insert((fallback(key), Origin::Builtin));
        }
        s
    }

    /// Built-in, then the user's file, then the case's own.
    pub fn load(case: Option<&Case>) -> Result<Settings> {
        let mut s = Settings::builtin();
        if let Some(path) = user_file() {
            if let Ok(text) = std::fs::read_to_string(&path) {
                s.merge(&text, &path.display().to_string(), Origin::User)?;
            }
        }
        if let Some(case) = case {
            for (key, value) in store::clues::settings(case.reads())? {
                s.set(&key, &value, Origin::Case)?;
            }
        }
        Ok(s)
    }

    fn merge(&mut self, text: &str, source: &str, origin: Origin) -> Result<()> {
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            Error::User(
                Msg::new("register.settings_bad_file")
                    .arg("file", source)
                    .arg("detail", e.message()),
            )
        })?;
        for (key, value) in table {
            let value = value
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| value.to_string());
            self.set(&key, &value, origin).map_err(|e| {
                Error::User(
                    Msg::new("register.settings_in_file")
                        .arg("file", source)
                        .arg("detail", e.msg()),
                )
            })?;
        }
        Ok(())
    }

    /// Sets `key` from text as written (`2m`, `15个工作日` …).
    fn set(&mut self, key: &str, value: &str, origin: Origin) -> Result<()> {
        let key = canonical_key(key)?;
        let period = parse_value(key, value)?;
        self.values.insert(key, (period, origin));
        Ok(())
    }

    pub fn get(&self, key: &str) -> Period {
        self.values
            .get(key)
            .map(|(p, _)| *p)
            .unwrap_or_else(|| fallback(key))
    }

    /// Every key with its period and where it came from.
    pub fn entries(&self) -> Vec<(&'static str, Period, Origin)> {
        KEYS.iter()
            .map(|k| {
                let (p, o) = self
                    .values
                    .get(k)
                    .copied()
                    .unwrap_or((fallback(k), Origin::Builtin));
                (*k, p, o)
            })
            .collect()
    }

    /// Working days before a deadline that make it due soon.
    pub fn due_soon_days(&self) -> u32 {
        match self.get("due-soon") {
            Period::WorkingDays(n) | Period::Days(n) => n,
            Period::Months(n) => n * 21,
        }
    }
}

/// `verification_extension` and `verification-extension` are the same key.
fn canonical_key(key: &str) -> Result<&'static str> {
    let k = key.trim().replace('_', "-").to_ascii_lowercase();
    KEYS.iter().copied().find(|x| *x == k).ok_or_else(|| {
        Error::User(
            Msg::new("register.settings_bad_key")
                .arg("key", key)
                .arg("keys", KEYS.join(", ")),
        )
    })
}

fn parse_value(key: &str, value: &str) -> Result<Period> {
    match Period::parse(value) {
        Some(Period::Months(0) | Period::Days(0) | Period::WorkingDays(0)) | None => {
            Err(Error::User(
                Msg::new("register.settings_bad_value")
                    .arg("key", key)
                    .arg("value", value),
            ))
        }
        Some(p) => Ok(p),
    }
}

fn fallback(key: &str) -> Period {
    match key {
        "disposal" | "inquiry-closure" | "verification-extension" => Period::Months(1),
        "verification" => Period::Months(2),
        "investigation" => Period::Days(90),
        "review" => Period::Days(30),
        "due-soon" => Period::WorkingDays(3),
        _ => Period::WorkingDays(15),
    }
}

/// `<config dir>/deadlines.toml`.
pub fn user_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.config_dir().join("deadlines.toml"))
}

/// Stores a case's own value for `key` (checked first); returns the key as stored.
pub fn set_for_case(case: &Case, key: &str, value: &str) -> Result<&'static str> {
    let key = canonical_key(key)?;
    let period = parse_value(key, value)?;
    let code = period.code();
    case.write("register.setting", |tx| {
        store::clues::set_setting(tx, key, &code)?;
        Ok::<_, Error>(((), serde_json::json!({ "key": key, "value": code })))
    })?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_defaults_are_the_rules_and_every_key_reads() {
        let s = Settings::builtin();
        assert_eq!(s.get("disposal"), Period::Months(1));
        assert_eq!(s.get("acceptance-notice"), Period::WorkingDays(15));
        assert_eq!(s.get("verification"), Period::Months(2));
        assert_eq!(s.get("investigation"), Period::Days(90));
        assert_eq!(s.get("review"), Period::Days(30));
        assert_eq!(s.due_soon_days(), 3);
        let mut t = Settings::builtin();
        assert!(t
            .merge("verification = \"15个工作日\"", "test", Origin::User)
            .is_ok());
        assert_eq!(t.get("verification"), Period::WorkingDays(15));
        assert!(t.merge("nonsense = \"1m\"", "test", Origin::User).is_err());
        assert!(t.merge("review = \"soon\"", "test", Origin::User).is_err());
    }
}

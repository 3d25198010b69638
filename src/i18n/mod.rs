//! Message catalogues (zh-CN first, en) and the process-wide UI language.
//!
//! Messages live in `zh-CN.toml` / `en.toml` beside this file, embedded in the
//! binary. A message is looked up by key and `{name}` placeholders are filled
//! from the arguments. A key missing from the chosen catalogue falls back to
//! zh-CN, then to the key itself, so a gap never panics.

mod msg;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use msg::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Parses `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en-US`…; `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language the environment asks for: `HECHA_LANG`, then the OS locale.
    /// Chinese when nothing says otherwise (C/POSIX locales included).
    pub fn from_env() -> Lang {
        if let Some(l) = std::env::var("HECHA_LANG")
            .ok()
            .as_deref()
            .and_then(Lang::parse)
        {
            return l;
        }
        sys_locale::get_locale()
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(Lang::Zh)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// 0 = not chosen yet (the environment decides), 1 = zh-CN, 2 = en.
static LANG: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the UI language (at start-up; tests switch it to render both).
pub fn set_lang(lang: Lang) {
    LANG.store(
        if lang == Lang::Zh { 1 } else { 2 },
        std::sync::atomic::Ordering::Relaxed,
    );
}

pub fn lang() -> Lang {
    match LANG.load(std::sync::atomic::Ordering::Relaxed) {
        1 => Lang::Zh,
        2 => Lang::En,
        _ => {
            let l = Lang::from_env();
            set_lang(l);
            l
        }
    }
}

type Catalogue = HashMap<String, String>;

fn load(src: &str) -> Catalogue {
    let mut out = HashMap::new();
    // The catalogues are part of the binary and checked by a test, so a parse
    // failure here can only come from a broken build; fall back to empty.
    if let Ok(table) = src.parse::<toml::Table>() {
        flatten("", &table, &mut out);
    }
    out
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut Catalogue) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(&key, t, out),
            _ => {}
        }
    }
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static ZH: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    match lang {
        Lang::Zh => ZH.get_or_init(|| load(include_str!("zh-CN.toml"))),
        Lang::En => EN.get_or_init(|| load(include_str!("en.toml"))),
    }
}

/// The raw catalogue sources, for tests that check both define the same keys.
pub fn sources() -> [(&'static str, &'static str); 2] {
    [
        ("zh-CN.toml", include_str!("zh-CN.toml")),
        ("en.toml", include_str!("en.toml")),
    ]
}

/// Looks up `key` in the current language and fills `{name}` placeholders.
pub fn t(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    t_in(lang(), key, args)
}

pub fn t_in(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let template = catalogue(lang)
        .get(key)
        .or_else(|| catalogue(Lang::Zh).get(key))
        .map(String::as_str)
        .unwrap_or(key);
    fill(template, args)
}

fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `tr!("key", name = value, …)` — shorthand for [`t`].
#[macro_export]
macro_rules! tr {
    ($key:expr) => { $crate::i18n::t($key, &[]) };
    ($key:expr, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::i18n::t($key, &[$((stringify!($name), &$val as &dyn std::fmt::Display)),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        let s = fill(
            "{file} 第 {line} 行 {x}",
            &[("file", &"a.csv"), ("line", &3)],
        );
        assert_eq!(s, "a.csv 第 3 行 {x}");
    }

    #[test]
    fn both_catalogues_parse_and_define_the_same_keys() {
        let zh = load(include_str!("zh-CN.toml"));
        let en = load(include_str!("en.toml"));
        assert!(zh.len() > 20, "zh-CN catalogue failed to parse");
        let mut missing: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        missing.extend(en.keys().filter(|k| !zh.contains_key(*k)));
        assert!(
            missing.is_empty(),
            "keys in one catalogue only: {missing:?}"
        );
    }

    #[test]
    fn locale_strings_parse() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
    }
}

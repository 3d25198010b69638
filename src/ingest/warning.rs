//! Import warnings as language-neutral codes: a catalogue key with its
//! arguments, translated only when shown, so a case made in Chinese reads in
//! English and back.
//!
//! Stored (the `ledgers.warnings` column) as a JSON array of
//! `{"code":"import.warn_short_rows","args":{"file":"a.csv","count":"3",…}}`.
//! Cases made before codes hold the text as it was shown (an array of strings);
//! those read back as that text, unchanged.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::error::Msg;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A catalogue key and its named arguments.
    Code {
        code: String,
        args: BTreeMap<String, String>,
    },
    /// Text stored already translated (cases made before codes).
    Text(String),
}

impl Warning {
    pub fn from_msg(m: &Msg) -> Warning {
        Warning::Code {
            code: m.key.to_string(),
            args: m
                .args
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        }
    }

    /// The catalogue key, when this is a code.
    pub fn code(&self) -> Option<&str> {
        match self {
            Warning::Code { code, .. } => Some(code),
            Warning::Text(_) => None,
        }
    }

    /// The warning in `lang` (old text as it is).
    pub fn render_in(&self, lang: Lang) -> String {
        match self {
            Warning::Code { code, args } => {
                let args: Vec<(&str, &dyn fmt::Display)> = args
                    .iter()
                    .map(|(k, v)| (k.as_str(), v as &dyn fmt::Display))
                    .collect();
                crate::i18n::t_in(lang, code, &args)
            }
            Warning::Text(t) => t.clone(),
        }
    }

    /// Rewrites every argument (or the old text) with `f`: e.g. to show paths
    /// relative to a directory.
    pub fn map_text(self, f: impl Fn(&str) -> String) -> Warning {
        match self {
            Warning::Code { code, args } => Warning::Code {
                code,
                args: args.into_iter().map(|(k, v)| (k, f(&v))).collect(),
            },
            Warning::Text(t) => Warning::Text(f(&t)),
        }
    }

    /// The stored form of one warning.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Warning::Code { code, args } => {
                let args: serde_json::Map<String, serde_json::Value> = args
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                    .collect();
                serde_json::json!({ "code": code, "args": args })
            }
            Warning::Text(t) => serde_json::Value::String(t.clone()),
        }
    }

    /// Reads one stored warning: a code object, or old translated text.
    pub fn from_json(v: &serde_json::Value) -> Warning {
        if let Some(code) = v.get("code").and_then(|c| c.as_str()) {
            let args = v
                .get("args")
                .and_then(|a| a.as_object())
                .map(|a| {
                    a.iter()
                        .map(|(k, v)| {
                            let v = match v {
                                serde_json::Value::String(s) => s.clone(),
                                other => other.to_string(),
                            };
                            (k.clone(), v)
                        })
                        .collect()
                })
                .unwrap_or_default();
            return Warning::Code {
                code: code.to_string(),
                args,
            };
        }
        match v {
            serde_json::Value::String(s) => Warning::Text(s.clone()),
            other => Warning::Text(other.to_string()),
        }
    }
}

/// The current UI language.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_in(crate::i18n::lang()))
    }
}

/// As the text a person reads (the `--json` import report keeps its shape).
impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// The stored form of a ledger's warnings: a JSON array.
pub fn encode_all(warnings: &[Warning]) -> String {
    serde_json::Value::Array(warnings.iter().map(Warning::to_json).collect()).to_string()
}

/// Reads a stored warnings column, new (codes) or old (text). Something that is
/// not a JSON array reads as one warning holding the stored text.
pub fn decode_all(stored: &str) -> Vec<Warning> {
    match serde_json::from_str::<serde_json::Value>(stored) {
        Ok(serde_json::Value::Array(items)) => items.iter().map(Warning::from_json).collect(),
        _ if stored.trim().is_empty() => Vec::new(),
        _ => vec![Warning::Text(stored.to_string())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short_rows() -> Warning {
        Warning::from_msg(
            &Msg::new("import.warn_short_rows")
                .arg("file", "a.csv")
                .arg("count", 2)
                .arg("rows", "3, 5")
                .arg("width", 4),
        )
    }

    #[test]
    fn a_code_round_trips_and_reads_in_either_language() {
        let stored = encode_all(&[short_rows()]);
        assert!(
            stored.starts_with("[{") && stored.contains(r#""code":"import.warn_short_rows""#),
            "{stored}"
        );
        let back = decode_all(&stored);
        assert_eq!(back, vec![short_rows()]);
        let zh = back[0].render_in(Lang::Zh);
        let en = back[0].render_in(Lang::En);
        assert_eq!(
            zh,
            "a.csv：2 行的字段少于表头的 4 列，缺少的列按空值导入（数据行：3, 5）。"
        );
        assert!(en.starts_with("a.csv: 2 rows have fewer fields"), "{en}");
        // The same text as the message it came from.
        let m = Msg::new("import.warn_short_rows")
            .arg("file", "a.csv")
            .arg("count", 2)
            .arg("rows", "3, 5")
            .arg("width", 4);
        assert_eq!(en, m.render_in(Lang::En));
    }

    #[test]
    fn old_rows_with_translated_text_read_as_they_are() {
        let old = r#"["a.csv：2 行的字段少于表头的 4 列"]"#;
        let back = decode_all(old);
        assert_eq!(
            back,
            vec![Warning::Text("a.csv：2 行的字段少于表头的 4 列".into())]
        );
        assert_eq!(
            back[0].render_in(Lang::En),
            "a.csv：2 行的字段少于表头的 4 列"
        );
        assert_eq!(back[0].code(), None);
        assert_eq!(decode_all("[]"), Vec::new());
        assert_eq!(decode_all(""), Vec::new());
        assert_eq!(decode_all("garbage"), vec![Warning::Text("garbage".into())]);
    }

    #[test]
    fn paths_in_arguments_can_be_rewritten() {
        let w = short_rows().map_text(|s| s.replace("a.csv", "data/a.csv"));
        assert!(w.render_in(Lang::Zh).starts_with("data/a.csv："));
    }

    #[test]
    fn serialises_as_the_text_shown() {
        let w = Warning::Text("x".into());
        assert_eq!(serde_json::to_string(&w).unwrap_or_default(), r#""x""#);
    }
}

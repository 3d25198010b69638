//! Messages stored in a case as codes with arguments, translated when shown:
//! a case made in Chinese reads in English and back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A catalogue key and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub code: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl Code {
    pub fn new(code: impl Into<String>) -> Code {
        Code {
            code: code.into(),
            args: BTreeMap::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: impl std::fmt::Display) -> Code {
        self.args.insert(name.to_string(), value.to_string());
        self
    }

    /// The stored form: one line of JSON.
    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| self.code.clone())
    }

    /// The message in the UI language.
    pub fn render(&self) -> String {
        let args: Vec<(&str, &dyn std::fmt::Display)> = self
            .args
            .iter()
            .map(|(n, v)| (n.as_str(), v as &dyn std::fmt::Display))
            .collect();
        crate::i18n::t(&self.code, &args)
    }

    /// Shows a stored message: a code in the UI language, or text stored by
    /// an older build (already translated) as it is.
    pub fn show_stored(stored: &str) -> String {
        match serde_json::from_str::<Code>(stored) {
            Ok(c) => c.render(),
            Err(_) => stored.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_codes_translate_and_old_text_shows_as_is() {
        let c = Code::new("audit.missing").arg("seq", 3);
        let stored = c.to_stored();
        assert_eq!(serde_json::from_str::<Code>(&stored).ok(), Some(c));
        assert_eq!(Code::show_stored("已翻译的旧文字"), "已翻译的旧文字");
    }
}

//! A message to be read: a catalogue key and its arguments, rendered in the
//! UI language when shown.

use std::fmt;

/// A translated message: catalogue key plus named arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Msg {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn render_in(&self, lang: crate::i18n::Lang) -> String {
        let args: Vec<(&str, &dyn fmt::Display)> = self
            .args
            .iter()
            .map(|(n, v)| (*n, v as &dyn fmt::Display))
            .collect();
        crate::i18n::t_in(lang, self.key, &args)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_in(crate::i18n::lang()))
    }
}

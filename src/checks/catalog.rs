//! The rule catalogue: built-in rules, the user's, and the case's own.

use std::path::{Path, PathBuf};

use super::rule::{self, Rule, RuleError};
use crate::store::{self, Case};

/// Where user rules live: `<config dir>/rules/*.sql`.
pub fn user_rules_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.config_dir().join("rules"))
}

/// All rules: built-in, then the user's, then the case's own; a later rule with
/// the same id replaces an earlier one. Broken rules are returned as errors and
/// do not stop the others.
pub fn load_rules(case: Option<&Case>) -> (Vec<Rule>, Vec<RuleError>) {
    let mut rules: Vec<Rule> = Vec::new();
    let mut errors = Vec::new();
    let mut add = |r: std::result::Result<Rule, RuleError>| match r {
        Ok(rule) => match rules.iter_mut().find(|x| x.id == rule.id) {
            Some(slot) => *slot = rule,
            None => rules.push(rule),
        },
        Err(e) => errors.push(e),
    };
    for (file, text) in rule::BUILTIN {
        add(rule::parse(&format!("builtin:{file}"), text));
    }
    if let Some(dir) = user_rules_dir() {
        for r in load_dir(&dir) {
            add(r);
        }
    }
    if let Some(case) = case {
        // A case whose rule table cannot be read still runs the other rules.
        if let Ok(stored) = store::programs::case_rules(case) {
            for (name, text) in stored {
                add(rule::parse(&format!("case:{name}"), &text));
            }
        }
    }
    (rules, errors)
}

/// Loads every `*.sql` file of a directory as a rule (sorted by name).
pub fn load_dir(dir: &Path) -> Vec<std::result::Result<Rule, RuleError>> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .map(|e| e.eq_ignore_ascii_case("sql"))
                .unwrap_or(false)
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let source = p.display().to_string();
            match std::fs::read_to_string(&p) {
                Ok(text) => rule::parse(&source, &text),
                Err(e) => Err(RuleError {
                    source,
                    line: None,
                    message: e.to_string(),
                }),
            }
        })
        .collect()
}

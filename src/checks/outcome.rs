//! Why a rule did not run or failed: stored in the case as codes with
//! arguments, shown in the UI language (a case checked in Chinese reads in
//! English and back).

use super::rule::{Rule, RuleError};
use crate::domain::Code;

const SKIPPED_MISSING: &str = "checks.skipped_missing";
const RULE_SQL: &str = "checks.rule_sql_error";
const RULE_PARAM: &str = "checks.rule_unknown_param";

/// The rule needs ledgers of these roles (codes, e.g. `payments`) and the case has none.
pub fn skipped_missing(roles: &[&str]) -> Code {
    Code::new(SKIPPED_MISSING).arg("roles", roles.join(","))
}

/// DuckDB refused the rule's SQL; its `LINE n:` becomes the rule file's line.
pub fn sql_error(rule: &Rule, message: &str) -> Code {
    let line = message
        .split("LINE ")
        .nth(1)
        .and_then(|s| s.split(':').next())
        .and_then(|n| n.trim().parse::<usize>().ok())
        .map(|l| l + rule.sql_line_offset);
    let mut c = Code::new(RULE_SQL)
        .arg("source", &rule.source)
        .arg("message", message);
    if let Some(l) = line {
        c = c.arg("line", l);
    }
    c
}

/// The rule's SQL names a parameter its header does not declare.
pub fn unknown_param(rule: &Rule, name: &str) -> Code {
    Code::new(RULE_PARAM)
        .arg("source", &rule.source)
        .arg("name", name)
}

/// A code in the UI language.
pub fn show(code: &Code) -> String {
    let arg = |k: &str| code.args.get(k).cloned().unwrap_or_default();
    match code.code.as_str() {
        SKIPPED_MISSING => {
            let roles: Vec<String> = arg("roles")
                .split(',')
                .filter(|r| !r.is_empty())
                .map(|r| format!("{}（{}）", crate::tr!(&format!("role.{r}")), r))
                .collect();
            crate::tr!(SKIPPED_MISSING, roles = roles.join("、"))
        }
        RULE_SQL => RuleError {
            source: arg("source"),
            line: code.args.get("line").and_then(|l| l.parse().ok()),
            message: arg("message"),
        }
        .to_string(),
        RULE_PARAM => format!(
            "{}: {}",
            arg("source"),
            crate::tr!("rules.unknown_param", name = arg("name"))
        ),
        _ => code.render(),
    }
}

/// A stored reason in the UI language; text stored by an older build
/// (already translated) is shown as it is.
pub fn show_stored(stored: &str) -> String {
    match serde_json::from_str::<Code>(stored) {
        Ok(c) => show(&c),
        Err(_) => stored.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skip_is_stored_as_a_code_and_shown_in_the_ui_language() {
        let stored = skipped_missing(&["payments", "deaths"]).to_stored();
        assert!(stored.is_ascii(), "stored language-neutral: {stored}");
        let shown = show_stored(&stored);
        let role = crate::tr!("role.payments");
        assert!(shown.contains(&format!("{role}（payments）")), "{shown}");
        assert!(shown.contains("（deaths）"), "{shown}");
        assert_eq!(show_stored("旧版本存的文字"), "旧版本存的文字");
    }
}

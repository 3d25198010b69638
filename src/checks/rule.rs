//! Rules are data: a `.sql` file whose leading `--` comment block is a TOML
//! header (id, titles, description, subject, roles, text templates, parameters).

use serde::{Deserialize, Serialize};

use crate::ingest::fields::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamType {
    Decimal,
    Integer,
    Date,
    Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Param {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: ParamType,
    pub default: String,
    #[serde(default)]
    pub description_zh: String,
    #[serde(default)]
    pub description_en: String,
}

#[derive(Debug, Clone, Deserialize)]
struct Header {
    id: String,
    version: i32,
    title_zh: String,
    title_en: String,
    #[serde(default)]
    description_zh: String,
    #[serde(default)]
    description_en: String,
    subject: String,
    #[serde(default)]
    roles: Vec<String>,
    text_zh: String,
    text_en: String,
    #[serde(default)]
    prepare: Option<String>,
    #[serde(default, rename = "param")]
    params: Vec<Param>,
}

/// A cross-check rule.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub id: String,
    pub version: i32,
    pub title_zh: String,
    pub title_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub subject: String,
    pub roles: Vec<Role>,
    pub text_zh: String,
    pub text_en: String,
    pub params: Vec<Param>,
    /// A pass hecha runs before the SQL, with the rule's parameters, whose
    /// result the SQL reads (`near-duplicates` → the table `near_duplicates`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prepare: Option<String>,
    #[serde(skip)]
    pub sql: String,
    /// Where it came from: `builtin:deceased-paid.sql`, a file path, or `case:NAME`.
    pub source: String,
    /// Lines of header before the SQL (to map DuckDB's line numbers to the file).
    #[serde(skip)]
    pub sql_line_offset: usize,
}

impl Rule {
    pub fn title(&self) -> &str {
        match crate::i18n::lang() {
            crate::i18n::Lang::Zh => &self.title_zh,
            crate::i18n::Lang::En => &self.title_en,
        }
    }

    pub fn text_template(&self) -> &str {
        match crate::i18n::lang() {
            crate::i18n::Lang::Zh => &self.text_zh,
            crate::i18n::Lang::En => &self.text_en,
        }
    }

    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// A rule that could not be loaded: where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleError {
    pub source: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.source, l, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

const SUBJECTS: &[&str] = &["person", "account", "item", "record", "clue", "document"];

/// The passes a rule may ask for before its SQL (see [`Rule::prepare`]).
pub const PREPARES: &[&str] = &["near-duplicates"];

/// Parses a rule file: the leading `--` lines are the TOML header, the rest is SQL.
pub fn parse(source: &str, text: &str) -> Result<Rule, RuleError> {
    let err = |line: Option<usize>, message: String| RuleError {
        source: source.to_string(),
        line,
        message,
    };
    let mut header = String::new();
    let mut offset = 0;
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("--") {
            header.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            header.push('\n');
            offset += 1;
        } else if t.is_empty() && header.is_empty() {
            offset += 1;
        } else {
            break;
        }
    }
    let sql: String = text.lines().skip(offset).collect::<Vec<_>>().join("\n");
    let sql = sql.trim().trim_end_matches(';').trim().to_string();
    if header.trim().is_empty() {
        return Err(err(Some(1), crate::tr!("rules.no_header")));
    }
    let h: Header = toml::from_str(&header).map_err(|e| {
        let line = e
            .span()
            .map(|s| header[..s.start.min(header.len())].lines().count().max(1));
        err(line, e.message().to_string())
    })?;
    if sql.is_empty() {
        return Err(err(Some(offset + 1), crate::tr!("rules.no_sql")));
    }
    if !SUBJECTS.contains(&h.subject.as_str()) {
        return Err(err(
            None,
            crate::tr!("rules.bad_subject", value = h.subject),
        ));
    }
    if let Some(p) = h.prepare.as_deref().filter(|p| !PREPARES.contains(p)) {
        return Err(err(None, crate::tr!("rules.bad_prepare", value = p)));
    }
    if h.id.trim().is_empty() || h.id.contains(char::is_whitespace) {
        return Err(err(None, crate::tr!("rules.bad_id", value = h.id)));
    }
    let mut roles = Vec::new();
    for r in &h.roles {
        match Role::parse(r) {
            Some(role) => roles.push(role),
            None => return Err(err(None, crate::tr!("rules.bad_role", value = r))),
        }
    }
    for p in &h.params {
        if let Err(m) = check_value(p.ty, &p.default) {
            return Err(err(None, format!("{}: {m}", p.name)));
        }
    }
    Ok(Rule {
        id: h.id,
        version: h.version,
        title_zh: h.title_zh,
        title_en: h.title_en,
        description_zh: h.description_zh,
        description_en: h.description_en,
        subject: h.subject,
        roles,
        text_zh: h.text_zh,
        text_en: h.text_en,
        params: h.params,
        prepare: h.prepare,
        sql,
        source: source.to_string(),
        sql_line_offset: offset,
    })
}

/// Checks a parameter value against its type; returns the value to bind.
pub fn check_value(ty: ParamType, value: &str) -> Result<String, String> {
    use crate::normalise as norm;
    let v = value.trim();
    match ty {
        ParamType::Decimal => match norm::parse_scaled(v, 4) {
            Ok(Some(_)) => Ok(v.to_string()),
            _ => Err(crate::tr!(
                "rules.bad_value",
                value = v,
                expected = "decimal"
            )),
        },
        ParamType::Integer => v
            .parse::<i64>()
            .map(|n| n.to_string())
            .map_err(|_| crate::tr!("rules.bad_value", value = v, expected = "integer")),
        ParamType::Date => match norm::parse_date(v) {
            Ok(Some(d)) => Ok(d.to_string()),
            _ => Err(crate::tr!(
                "rules.bad_value",
                value = v,
                expected = "YYYY-MM-DD"
            )),
        },
        ParamType::Text => Ok(v.to_string()),
    }
}

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("rules/", $name)))),*]
    };
}

/// The rules that ship with hecha (DOMAIN.md's catalogue), in catalogue order.
pub const BUILTIN: &[(&str, &str)] = builtin![
    "deceased-paid.sql",
    "official-ineligible.sql",
    "cadre-relative.sql",
    "inflated-area.sql",
    "duplicate-payment.sql",
    "shared-account.sql",
    "compensation-shortfall.sql",
    "inventory-gap.sql",
    "invalid-id.sql",
    "age-ineligible.sql",
    "meal-docs.sql",
    "complaint-overdue.sql",
    "holiday-meal.sql",
    "clue-deadline.sql",
    "transcript-elements.sql",
    "interviewer-overlap.sql",
    "near-duplicate.sql",
    "subsidy-diverted.sql",
    "pooled-accounts.sql",
    "cash-structuring.sql",
    "cadre-inflow.sql",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_rule_parses_with_its_file_name_as_id() {
        for (file, text) in BUILTIN {
            let r = parse(&format!("builtin:{file}"), text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(format!("{}.sql", r.id), *file);
            assert!(!r.sql.is_empty());
        }
        assert_eq!(BUILTIN.len(), 21);
    }

    #[test]
    fn a_broken_header_names_the_file_and_line() {
        let text = "-- id = \"x\"\n-- version = one\n-- title_zh = \"t\"\nSELECT 1";
        let e = parse("rules/x.sql", text).unwrap_err();
        assert_eq!(e.source, "rules/x.sql");
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn parameter_values_are_checked_against_their_type() {
        assert_eq!(check_value(ParamType::Decimal, "0.01"), Ok("0.01".into()));
        assert!(check_value(ParamType::Decimal, "abc").is_err());
        assert_eq!(check_value(ParamType::Integer, " 90 "), Ok("90".into()));
        assert!(check_value(ParamType::Integer, "9.5").is_err());
        assert_eq!(
            check_value(ParamType::Date, "2024/6/30"),
            Ok("2024-06-30".into())
        );
    }
}

//! The search query language: space-separated terms ANDed (each an exact
//! substring match), `"…"` phrases with spaces, `-term` exclusions, and the
//! filters `kind:`, `ledger:`, `role:`, `village:`, `date:2021..2022`.

use super::SearchError;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedQuery {
    pub terms: Vec<String>,
    pub excluded: Vec<String>,
    pub kinds: Vec<String>,
    pub ledgers: Vec<String>,
    pub roles: Vec<String>,
    pub villages: Vec<String>,
    pub years: Option<(u64, u64)>,
}

impl ParsedQuery {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.excluded.is_empty()
            && self.kinds.is_empty()
            && self.ledgers.is_empty()
            && self.roles.is_empty()
            && self.villages.is_empty()
            && self.years.is_none()
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Parses a query; a malformed one is a clear message, never a panic.
pub fn parse(q: &str) -> Result<ParsedQuery, SearchError> {
    let mut out = ParsedQuery::default();
    let chars: Vec<char> = q.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if is_space(chars[i]) {
            i += 1;
            continue;
        }
        let negative = chars[i] == '-' && i + 1 < chars.len() && !is_space(chars[i + 1]);
        if negative {
            i += 1;
        }
        let (word, quoted) = if chars[i] == '"' || chars[i] == '“' {
            let close = if chars[i] == '"' { '"' } else { '”' };
            let start = i + 1;
            let Some(len) = chars[start..].iter().position(|&c| c == close || c == '"') else {
                return Err(SearchError::UnclosedQuote {
                    query: q.to_string(),
                });
            };
            i = start + len + 1;
            (chars[start..start + len].iter().collect::<String>(), true)
        } else {
            let start = i;
            while i < chars.len() && !is_space(chars[i]) {
                i += 1;
            }
            (chars[start..i].iter().collect::<String>(), false)
        };
        if !quoted {
            if let Some((field, value)) = word.split_once(':') {
                let field_l = field.to_ascii_lowercase();
                if ["kind", "ledger", "role", "village", "date"].contains(&field_l.as_str()) {
                    if negative {
                        return Err(SearchError::NegatedFilter {
                            filter: word.clone(),
                        });
                    }
                    if value.is_empty() {
                        return Err(SearchError::EmptyFilter {
                            filter: field.to_string(),
                        });
                    }
                    match field_l.as_str() {
                        "kind" => {
                            for k in value.split('|') {
                                if !["letter", "transcript", "ledger"].contains(&k) {
                                    return Err(SearchError::BadKind {
                                        value: k.to_string(),
                                    });
                                }
                                out.kinds.push(k.to_string());
                            }
                        }
                        "ledger" => out.ledgers.push(value.to_string()),
                        "role" => out.roles.push(value.to_string()),
                        "village" => out.villages.push(value.to_string()),
                        _ => {
                            out.years =
                                Some(parse_years(value).ok_or_else(|| SearchError::BadDate {
                                    value: value.to_string(),
                                })?)
                        }
                    }
                    continue;
                }
            }
        }
        if super::analysis::fold_str(&word).is_empty() {
            return Err(SearchError::EmptyTerm { term: word });
        }
        if negative {
            out.excluded.push(word);
        } else {
            out.terms.push(word);
        }
    }
    if out.is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    Ok(out)
}

fn parse_years(v: &str) -> Option<(u64, u64)> {
    let (a, b) = match v.split_once("..") {
        Some((a, b)) => (a, b),
        None => (v, v),
    };
    let a: u64 = if a.is_empty() { 1900 } else { a.parse().ok()? };
    let b: u64 = if b.is_empty() { 2200 } else { b.parse().ok()? };
    if !(1900..=2200).contains(&a) || !(1900..=2200).contains(&b) || a > b {
        return None;
    }
    Some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_phrases_exclusions_and_filters() {
        let q = parse(
            r#"赵某 "住房 补贴" -退回 kind:letter|transcript village:清水村 date:2021..2022"#,
        )
        .unwrap();
        assert_eq!(q.terms, vec!["赵某", "住房 补贴"]);
        assert_eq!(q.excluded, vec!["退回"]);
        assert_eq!(q.kinds, vec!["letter", "transcript"]);
        assert_eq!(q.villages, vec!["清水村"]);
        assert_eq!(q.years, Some((2021, 2022)));
    }

    #[test]
    fn malformed_queries_are_messages_not_panics() {
        assert_eq!(
            parse("\"未闭合").unwrap_err().msg().key,
            "search.unclosed_quote"
        );
        assert_eq!(
            parse("date:2022..2021").unwrap_err().msg().key,
            "search.bad_date"
        );
        assert_eq!(parse("kind:memo").unwrap_err().msg().key, "search.bad_kind");
        assert_eq!(parse("，。").unwrap_err().msg().key, "search.empty_term");
        assert_eq!(parse("   ").unwrap_err().msg().key, "search.empty_query");
        assert_eq!(
            parse("village:").unwrap_err().msg().key,
            "search.empty_filter"
        );
        for q in ["-", "\"", ":", "a:b:c", "date:..", "-\"x\"", "kind:"] {
            let _ = parse(q);
        }
    }
}

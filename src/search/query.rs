//! The search query language: space-separated terms ANDed (each an exact
//! substring match), `"…"` phrases with spaces, `-term` exclusions, the
//! filters `kind:`, `ledger:`, `role:`, `village:`, `date:2021..2022`, and
//! - `A NEAR/N B`: both terms with at most N characters between them, in
//!   either order (characters as the index counts them: letters and digits);
//! - `/pattern/`: a regular expression over the text of documents and rows
//!   (a word starting with a slash but not ending with one is a term);
//! - `name~`: the name and its homophone and near-homophone spellings.

use super::SearchError;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedQuery {
    pub terms: Vec<String>,
    /// `name~` terms (also in `terms`): matched with their homophones.
    pub names: Vec<String>,
    /// `A NEAR/N B` (both terms are also in `terms`).
    pub near: Vec<Near>,
    /// `/pattern/` sources, checked valid.
    pub patterns: Vec<String>,
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
            && self.patterns.is_empty()
            && self.excluded.is_empty()
            && self.kinds.is_empty()
            && self.ledgers.is_empty()
            && self.roles.is_empty()
            && self.villages.is_empty()
            && self.years.is_none()
    }
}

/// Two terms within `within` characters of each other, in either order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    pub a: String,
    pub b: String,
    pub within: u32,
}

/// The largest N of `NEAR/N`.
pub const MAX_NEAR: u32 = 1000;

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Parses a query; a malformed one is a clear message, never a panic.
pub fn parse(q: &str) -> Result<ParsedQuery, SearchError> {
    let mut out = ParsedQuery::default();
    let chars: Vec<char> = q.chars().collect();
    let mut i = 0;
    // The left term of a `NEAR/N` waiting for its right term.
    let mut pending_near: Option<(String, u32)> = None;
    let mut last_term: Option<String> = None;
    let near_err = || SearchError::NearNeedsTerms {
        query: q.to_string(),
    };
    while i < chars.len() {
        if is_space(chars[i]) {
            i += 1;
            continue;
        }
        let negative = chars[i] == '-' && i + 1 < chars.len() && !is_space(chars[i + 1]);
        if negative {
            i += 1;
        }
        // `/…/` is a pattern; a word merely starting with a slash is a term.
        if let Some((pattern, next)) = (chars[i] == '/').then(|| read_pattern(&chars, i)).flatten()
        {
            i = next;
            if negative {
                return Err(SearchError::NegatedPattern { pattern });
            }
            if pending_near.is_some() {
                return Err(near_err());
            }
            if let Err(e) = regex::RegexBuilder::new(&pattern)
                .size_limit(1 << 22)
                .build()
            {
                return Err(SearchError::BadPattern {
                    pattern,
                    detail: e.to_string(),
                });
            }
            out.patterns.push(pattern);
            last_term = None;
            continue;
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
            if let Some(n) = near_operator(&word) {
                let within = n.ok_or_else(|| SearchError::BadNear {
                    value: word.clone(),
                })?;
                let left = last_term
                    .take()
                    .filter(|_| !negative && pending_near.is_none());
                pending_near = Some((left.ok_or_else(near_err)?, within));
                continue;
            }
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
                    if pending_near.is_some() {
                        return Err(near_err());
                    }
                    filter(&mut out, &field_l, value)?;
                    last_term = None;
                    continue;
                }
            }
        }
        let (word, name) = match word.strip_suffix('~').or_else(|| word.strip_suffix('～')) {
            Some(w) if !quoted && !w.is_empty() => (w.to_string(), true),
            _ => (word, false),
        };
        if super::analysis::fold_str(&word).is_empty() {
            return Err(SearchError::EmptyTerm { term: word });
        }
        if negative {
            if pending_near.is_some() {
                return Err(near_err());
            }
            out.excluded.push(word);
            last_term = None;
            continue;
        }
        if name {
            out.names.push(word.clone());
        }
        if let Some((a, within)) = pending_near.take() {
            out.near.push(Near {
                a,
                b: word.clone(),
                within,
            });
        }
        out.terms.push(word.clone());
        last_term = Some(word);
    }
    if pending_near.is_some() {
        return Err(near_err());
    }
    if out.is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    Ok(out)
}

/// `NEAR/N` (any case): `Some(Some(N))`; `NEAR/x` or N too large: `Some(None)`.
fn near_operator(word: &str) -> Option<Option<u32>> {
    let rest = word
        .get(..5)
        .filter(|h| h.eq_ignore_ascii_case("near/"))
        .map(|_| &word[5..])?;
    Some(rest.parse::<u32>().ok().filter(|n| *n <= MAX_NEAR))
}

/// The pattern of `/…/` starting at `chars[at]` (a `\/` inside is a slash),
/// and the index after the closing slash, which ends the word.
fn read_pattern(chars: &[char], at: usize) -> Option<(String, usize)> {
    let mut j = at + 1;
    let mut pattern = String::new();
    while j < chars.len() {
        match chars[j] {
            '\\' if chars.get(j + 1) == Some(&'/') => {
                pattern.push('/');
                j += 2;
            }
            '\\' => {
                pattern.push('\\');
                if let Some(&c) = chars.get(j + 1) {
                    pattern.push(c);
                }
                j += 2;
            }
            '/' if chars.get(j + 1).is_none_or(|&c| is_space(c)) => {
                return (!pattern.is_empty()).then_some((pattern, j + 1));
            }
            c => {
                pattern.push(c);
                j += 1;
            }
        }
    }
    None
}

fn filter(out: &mut ParsedQuery, field: &str, value: &str) -> Result<(), SearchError> {
    match field {
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
            out.years = Some(parse_years(value).ok_or_else(|| SearchError::BadDate {
                value: value.to_string(),
            })?)
        }
    }
    Ok(())
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
    fn near_patterns_and_names() {
        let q = parse(r#""截留" near/20 补偿款 /6214\d{12}/ 谭海斌~ /a\/b c/"#).unwrap();
        assert_eq!(q.terms, vec!["截留", "补偿款", "谭海斌"]);
        assert_eq!(
            q.near,
            vec![Near {
                a: "截留".into(),
                b: "补偿款".into(),
                within: 20
            }]
        );
        assert_eq!(q.patterns, vec![r"6214\d{12}", "a/b c"]);
        assert_eq!(q.names, vec!["谭海斌"]);
        // A pattern alone is a query; a path-like word is a term.
        assert!(parse("/张.山/").is_ok());
        assert_eq!(parse("a/b").unwrap().terms, vec!["a/b"]);
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
        assert_eq!(
            parse("/6214[/").unwrap_err().msg().key,
            "search.bad_pattern"
        );
        assert_eq!(
            parse("/6214").unwrap().terms,
            vec!["/6214"],
            "no closing slash: a term"
        );
        assert_eq!(
            parse("-/x/").unwrap_err().msg().key,
            "search.negated_pattern"
        );
        assert_eq!(
            parse("NEAR/5 补偿款").unwrap_err().msg().key,
            "search.near_terms"
        );
        assert_eq!(
            parse("截留 NEAR/5").unwrap_err().msg().key,
            "search.near_terms"
        );
        assert_eq!(
            parse("截留 NEAR/x 款").unwrap_err().msg().key,
            "search.bad_near"
        );
        assert_eq!(
            parse("截留 NEAR/99999 款").unwrap_err().msg().key,
            "search.bad_near"
        );
        for q in [
            "-",
            "\"",
            ":",
            "a:b:c",
            "date:..",
            "-\"x\"",
            "kind:",
            "/",
            "//",
            "~",
            "a NEAR/1 NEAR/2 b",
            "/\\",
        ] {
            let _ = parse(q);
        }
    }
}

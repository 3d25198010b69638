//! Entities in text (Aleph's mentions): ID numbers that pass their check
//! digit, mobile phone numbers, bank card numbers that pass the Luhn check,
//! amounts written as money, and dates — found in the case's letters and
//! transcripts, each with the documents that mention it and how many ledger
//! rows hold it (the pivot: `hecha search CASE VALUE` lists them all).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{amounts, analysis, SearchIndex, SearchOptions};
use crate::domain::Fen;
use crate::error::Result;
use crate::normalise::{self as norm, Ymd};
use crate::store::{self, Case};

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Id,
    Phone,
    Card,
    Amount,
    Date,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Id, Kind::Phone, Kind::Card, Kind::Amount, Kind::Date];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Id => "id",
            Kind::Phone => "phone",
            Kind::Card => "card",
            Kind::Amount => "amount",
            Kind::Date => "date",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// One value mentioned, where.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Mention {
    pub kind: Kind,
    /// Normalised: the 18-digit ID, the digits, `1050.00`, `2024-01-05`.
    pub value: String,
    /// The titles of the documents mentioning it.
    pub documents: Vec<String>,
    /// Ledger rows holding it (not counted for dates).
    pub rows: Option<usize>,
}

/// A mention facet's key (`card:6214…`, `amt:105000`) as its kind and the
/// value a search for it takes (`6214…`, `1050.00元`).
pub fn facet(key: &str) -> Option<(Kind, String)> {
    let (k, v) = key.split_once(':')?;
    Some(match k {
        "id" => (Kind::Id, v.to_string()),
        "tel" => (Kind::Phone, v.to_string()),
        "card" => (Kind::Card, v.to_string()),
        "amt" => (Kind::Amount, format!("{}元", Fen(v.parse().ok()?))),
        _ => return None,
    })
}

/// The mentions in one text: (kind, normalised value).
pub fn extract(text: &str) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    let chars: Vec<char> = norm::to_halfwidth(text).chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        let mut run: String = chars[i..j].iter().collect();
        if j < chars.len() && matches!(chars[j], 'x' | 'X') && run.len() == 17 {
            run.push('X');
            j += 1;
        }
        match run.len() {
            15 | 18 => {
                if let Some(id) = norm::parse_id_number(&run).and_then(|p| p.normalised) {
                    out.push((Kind::Id, id));
                } else if run.len() == 18 && analysis::luhn(&run) {
                    out.push((Kind::Card, run));
                }
            }
            11 if run.starts_with('1') && matches!(run.as_bytes()[1], b'3'..=b'9') => {
                out.push((Kind::Phone, run))
            }
            16..=19 if analysis::luhn(&run) => out.push((Kind::Card, run)),
            _ => {}
        }
        i = j;
    }
    for (_, _, fen) in amounts::spans(text) {
        out.push((Kind::Amount, Fen(fen).to_string()));
    }
    out.extend(dates(&chars).into_iter().map(|d| (Kind::Date, d)));
    out
}

/// Dates written `2024年1月5日`, `2024-01-05`, `2024/1/5`, `2024.1.5`.
fn dates(chars: &[char]) -> Vec<String> {
    let num = |from: usize, max: usize| -> Option<(u32, usize)> {
        let mut j = from;
        while j < chars.len() && j - from < max && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j == from || chars.get(j).is_some_and(char::is_ascii_digit) {
            return None;
        }
        let s: String = chars[from..j].iter().collect();
        Some((s.parse().ok()?, j))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 8 <= chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let found = (|| {
            let (y, j) = num(i, 4).filter(|(_, j)| j - i == 4)?;
            let sep = *chars.get(j)?;
            if !matches!(sep, '年' | '-' | '/' | '.') {
                return None;
            }
            let (m, k) = num(j + 1, 2)?;
            let sep2 = *chars.get(k)?;
            let want = if sep == '年' { '月' } else { sep };
            if sep2 != want {
                return None;
            }
            let (d, l) = num(k + 1, 2)?;
            let end = if sep == '年' {
                (chars.get(l) == Some(&'日') || chars.get(l) == Some(&'号')).then_some(l + 1)?
            } else {
                l
            };
            let ymd = Ymd::new(y as i32, m, d)?;
            Some((ymd.to_string(), end))
        })();
        match found {
            Some((s, end)) => {
                out.push(s);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The mentions of the case's documents (of `kind`, or all), most
/// documents first, with each value's ledger rows counted from the index.
pub fn mentions(case: &Case, index: &SearchIndex, kind: Option<Kind>) -> Result<Vec<Mention>> {
    let (docs, _) = store::search_feed::contents(case)?;
    let ids: Vec<i64> = docs.keys().copied().collect();
    let mut found: BTreeMap<(Kind, String), BTreeSet<String>> = BTreeMap::new();
    store::search_feed::each_document(case, &ids, &mut |d| {
        for (k, v) in extract(&d.text) {
            if kind.is_none_or(|want| want == k) {
                found.entry((k, v)).or_default().insert(d.title.clone());
            }
        }
        Ok(())
    })?;
    let mut out = Vec::with_capacity(found.len());
    for ((k, value), titles) in found {
        let rows = match k {
            Kind::Date => None,
            Kind::Amount => Some(count(index, &format!("{value}元 kind:ledger"))?),
            _ => Some(count(index, &format!("{value} kind:ledger"))?),
        };
        out.push(Mention {
            kind: k,
            value,
            documents: titles.into_iter().collect(),
            rows,
        });
    }
    out.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.documents.len().cmp(&a.documents.len()))
            .then(a.value.cmp(&b.value))
    });
    Ok(out)
}

fn count(index: &SearchIndex, q: &str) -> Result<usize> {
    Ok(index
        .search_with(
            q,
            &SearchOptions {
                limit: 1,
                fuzzy: false,
            },
        )?
        .total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_keys_read_back_as_queries() {
        assert_eq!(
            facet("amt:105000"),
            Some((Kind::Amount, "1050.00元".into()))
        );
        assert_eq!(facet("card:6214"), Some((Kind::Card, "6214".into())));
        assert_eq!(facet("py:zhs"), None);
    }

    #[test]
    fn valid_ids_luhn_cards_phones_amounts_and_dates_only() {
        let text = "身份证430423195003051233，错号430423195003051234；\
                    卡号6214830000000009，错卡6214830000000002；\
                    电话13800001234，座机07395551234；\
                    多领1050元，序号1050；2024年1月5日、2024-02-30、2023/12/1。";
        let got = extract(text);
        let of = |k: Kind| -> Vec<&str> {
            got.iter()
                .filter(|g| g.0 == k)
                .map(|g| g.1.as_str())
                .collect()
        };
        assert_eq!(of(Kind::Id), vec!["430423195003051233"]);
        assert_eq!(of(Kind::Card), vec!["6214830000000009"]);
        assert_eq!(of(Kind::Phone), vec!["13800001234"]);
        assert_eq!(of(Kind::Amount), vec!["1050.00"]);
        assert_eq!(of(Kind::Date), vec!["2024-01-05", "2023-12-01"]);
    }
}

//! Turning a rule's rows into findings: stable ids, evidence references and
//! the text of each finding.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::domain::{Evidence, Finding};

/// A finding's stable identity: the same subject in the same rule (and scope,
/// e.g. program and month) always gets the same id.
pub fn finding_id(rule: &str, kind: &str, key: &str, scope: &str) -> String {
    let mut h = Sha256::new();
    for part in [rule, kind, key, scope] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let hex = hex::encode(h.finalize());
    format!("F{}", &hex[..10])
}

/// A cell as text: strings as they are, lists joined (、 in Chinese), NULL empty.
pub(super) fn display_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            let sep = if crate::i18n::lang() == crate::i18n::Lang::Zh {
                "、"
            } else {
                ", "
            };
            items.iter().map(display_of).collect::<Vec<_>>().join(sep)
        }
        other => other.to_string(),
    }
}

/// Fills `{name}`, `{key}`, `{amount}` and `{d_…}` in a rule's text template.
pub(super) fn render(template: &str, f: &Finding) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let name = &after[..j];
        let v = match name {
            "name" => f.name.clone(),
            "key" => f.subject.key.clone(),
            "amount" => f.amount.map(|a| a.to_string()).unwrap_or_default(),
            n => match n.strip_prefix("d_") {
                Some(d) => f.detail.get(d).map(display_of).unwrap_or_default(),
                None => format!("{{{n}}}"),
            },
        };
        out.push_str(&v);
        rest = &after[j + 1..];
    }
    out.push_str(rest);
    out
}

/// What evidence references are resolved against: ledger id → (name, file),
/// document id → (file, title), and the text of a document's line.
pub(super) struct Sources<'a> {
    pub ledgers: &'a HashMap<i64, (String, String)>,
    pub documents: &'a HashMap<i64, (String, String)>,
    pub line: &'a dyn Fn(i64, u32) -> Option<String>,
}

/// Longest quote of a line kept with a document reference (characters).
const QUOTE_CHARS: usize = 60;

/// Reads a rule's `evidence` column into references: `LEDGER_ID:ROW` for a
/// ledger row, `D<doc id>` for a whole document, `D<doc id>:LINE` or
/// `D<doc id>:FROM-TO` for its lines; parts separated by `;`. Unknown or
/// malformed parts are left out.
pub(super) fn parse_evidence(s: &str, src: &Sources<'_>) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for part in s.split(';') {
        let part = part.trim();
        let e = match part.strip_prefix('D') {
            Some(doc) => document_ref(doc, src),
            None => row_ref(part, src.ledgers),
        };
        if let Some(e) = e {
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

fn row_ref(part: &str, ledgers: &HashMap<i64, (String, String)>) -> Option<Evidence> {
    let (l, r) = part.split_once(':')?;
    let (l, row) = (l.trim().parse::<i64>().ok()?, r.trim().parse::<i64>().ok()?);
    let (ledger, file) = ledgers.get(&l)?;
    Some(Evidence::Row {
        ledger: ledger.clone(),
        file: file.clone(),
        row,
    })
}

fn document_ref(part: &str, src: &Sources<'_>) -> Option<Evidence> {
    let (id, lines) = match part.split_once(':') {
        Some((id, lines)) => (id, Some(lines)),
        None => (part, None),
    };
    let document = id.trim().parse::<i64>().ok()?;
    let (file, title) = src.documents.get(&document)?;
    let (line, line_end) = match lines {
        None => (0, 0),
        Some(l) => match l.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?);
                (a.min(b), a.max(b))
            }
            None => {
                let a = l.trim().parse::<u32>().ok()?;
                (a, a)
            }
        },
    };
    let quote = if line == 0 {
        String::new()
    } else {
        (src.line)(document, line)
            .map(|t| t.trim().chars().take(QUOTE_CHARS).collect())
            .unwrap_or_default()
    };
    Some(Evidence::Document {
        document,
        file: file.clone(),
        title: title.clone(),
        line,
        line_end,
        quote,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_ids_are_stable_and_distinguish_scope() {
        let a = finding_id(
            "duplicate-payment",
            "person",
            "430423195003051233",
            "低保|2023-05",
        );
        assert_eq!(
            a,
            finding_id(
                "duplicate-payment",
                "person",
                "430423195003051233",
                "低保|2023-05"
            )
        );
        assert_ne!(
            a,
            finding_id(
                "duplicate-payment",
                "person",
                "430423195003051233",
                "低保|2023-06"
            )
        );
        assert!(a.starts_with('F') && a.len() == 11);
    }

    #[test]
    fn evidence_keeps_known_ledgers_once_and_skips_junk() {
        let mut ledgers = HashMap::new();
        ledgers.insert(3, ("发放".to_string(), "发放.csv".to_string()));
        let mut documents = HashMap::new();
        documents.insert(7, ("笔录.txt".to_string(), "笔录".to_string()));
        let line = |_: i64, n: u32| Some(format!("  第{n}行  "));
        let src = Sources {
            ledgers: &ledgers,
            documents: &documents,
            line: &line,
        };
        let ev = parse_evidence("3:12;3:12;9:1;x;3:y;3:14;D7:5-3;D8;Dx;D7", &src);
        let rows: Vec<i64> = ev.iter().filter_map(|e| e.row()).map(|(_, r)| r).collect();
        assert_eq!(rows, vec![12, 14]);
        let docs: Vec<(u32, u32, &str)> = ev
            .iter()
            .filter_map(|e| match e {
                Evidence::Document {
                    line,
                    line_end,
                    quote,
                    ..
                } => Some((*line, *line_end, quote.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(docs, vec![(3, 5, "第3行"), (0, 0, "")]);
    }
}

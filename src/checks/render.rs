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

/// Reads a rule's `evidence` column (`LEDGER_ID:ROW;…`) into references
/// with the ledger's name and file; unknown or malformed parts are left out.
pub(super) fn parse_evidence(s: &str, ledgers: &HashMap<i64, (String, String)>) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for part in s.split(';') {
        let Some((l, r)) = part.split_once(':') else {
            continue;
        };
        let (Ok(l), Ok(row)) = (l.trim().parse::<i64>(), r.trim().parse::<i64>()) else {
            continue;
        };
        let Some((ledger, file)) = ledgers.get(&l) else {
            continue;
        };
        let e = Evidence {
            ledger: ledger.clone(),
            file: file.clone(),
            row,
        };
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
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
        let ev = parse_evidence("3:12;3:12;9:1;x;3:y;3:14", &ledgers);
        assert_eq!(ev.iter().map(|e| e.row).collect::<Vec<_>>(), vec![12, 14]);
    }
}

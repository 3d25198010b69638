//! Which audit entries of the full case a review pack carries in full: those
//! that concern its clue (the case itself, the clue, its problems and links,
//! the imports of the documents and ledgers it holds, the reviews of its
//! findings, the runs they came from). Every other entry goes in as its
//! digest, so the chain still checks from the first entry to the head.

use serde_json::Value;

use crate::audit::Carried;
use crate::store::pack::Selection;

/// True when the entry `action` with `payload` concerns what `sel` holds.
pub fn concerns(action: &str, payload: &Value, sel: &Selection, clue_number: &str) -> bool {
    let int = |k: &str| payload.get(k).and_then(Value::as_i64);
    let text = |k: &str| payload.get(k).and_then(Value::as_str);
    let in_set =
        |k: &str, set: &std::collections::BTreeSet<i64>| int(k).is_some_and(|i| set.contains(&i));
    match action {
        "case.create"
        | "case.meta"
        | "case.encrypt"
        | "case.decrypt"
        | "case.encryption_migrated"
        | "audit.scheme"
        | "register.setting"
        | "template.add"
        | "program.add"
        | "rule.add"
        | "clue.from_complaints" => true,
        "clue.create" => int("id") == Some(sel.clue),
        a if a.starts_with("clue.") => int("clue") == Some(sel.clue),
        "allegation.create" | "allegation.status" => in_set("id", &sel.allegations),
        "link.add" | "link.remove" => in_set("id", &sel.links) || in_set("id", &sel.item_links),
        "note.add" | "tag.add" => text("on").is_some_and(|on| item_carried(on, sel)),
        "finding.review" => text("finding").is_some_and(|f| sel.findings.contains_key(f)),
        "checks.run" => int("run_id").is_some_and(|r| sel.findings.values().any(|v| *v == r)),
        "import.document" => in_set("id", &sel.documents),
        "import.ledger" => int("id").is_some_and(|l| sel.rows.contains_key(&l)),
        "pack.cut" | "export.unredacted" => text("clue") == Some(clue_number),
        _ => false,
    }
}

/// True when `KIND:REF` is an item the pack holds.
fn item_carried(on: &str, sel: &Selection) -> bool {
    let Some((kind, reference)) = on.split_once(':') else {
        return false;
    };
    let first = reference.split(':').next().unwrap_or_default();
    match kind {
        "allegation" => first.parse().is_ok_and(|a| sel.allegations.contains(&a)),
        "finding" => sel.findings.contains_key(reference),
        "document" => first.parse().is_ok_and(|d| sel.documents.contains(&d)),
        "row" => {
            let mut p = reference.split(':');
            let l = p.next().and_then(|s| s.parse::<i64>().ok());
            let r = p.next().and_then(|s| s.parse::<i64>().ok());
            matches!((l, r), (Some(l), Some(r)) if sel.rows.get(&l).is_some_and(|rs| rs.contains(&r)))
        }
        "person" => sel.persons.contains(reference),
        _ => false,
    }
}

/// How the entry is carried: whole when it concerns the clue and redaction
/// leaves it as it is, redacted (shown redacted, checked by its digest) when
/// redaction changes it, and left out (its digest only) otherwise.
pub fn decide(
    action: &str,
    payload: &str,
    sel: &Selection,
    clue_number: &str,
    redact: &dyn Fn(&str) -> String,
) -> (Carried, Option<String>) {
    let value: Value = serde_json::from_str(payload).unwrap_or(Value::Null);
    if !concerns(action, &value, sel, clue_number) {
        return (Carried::Omitted, None);
    }
    let shown = redact(payload);
    if shown == payload {
        (Carried::Whole, None)
    } else {
        (Carried::Redacted, Some(shown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel() -> Selection {
        let mut s = Selection {
            clue: 3,
            ..Default::default()
        };
        s.allegations.insert(7);
        s.links.insert(12);
        s.documents.insert(2);
        s.rows.entry(4).or_default().insert(18);
        s.findings.insert("Fabc".into(), 1);
        s
    }

    #[test]
    fn entries_about_the_clue_and_its_items_are_carried() {
        let s = sel();
        let c =
            |a: &str, p: &str| concerns(a, &serde_json::from_str(p).unwrap(), &s, "XS-2024-002");
        assert!(c("clue.event", r#"{"clue":3}"#));
        assert!(!c("clue.event", r#"{"clue":4}"#));
        assert!(c("clue.create", r#"{"id":3}"#));
        assert!(c("link.add", r#"{"id":12}"#));
        assert!(c("note.add", r#"{"on":"row:4:18","text":"x"}"#));
        assert!(!c("note.add", r#"{"on":"row:4:19","text":"x"}"#));
        assert!(c("note.add", r#"{"on":"document:2:10:18","text":"x"}"#));
        assert!(c("import.ledger", r#"{"id":4}"#));
        assert!(!c("import.ledger", r#"{"id":5}"#));
        assert!(c("finding.review", r#"{"finding":"Fabc"}"#));
        assert!(c("checks.run", r#"{"run_id":1}"#));
        assert!(!c("checks.run", r#"{"run_id":2}"#));
    }

    #[test]
    fn a_payload_redaction_changes_is_shown_redacted() {
        let s = sel();
        let redact = |t: &str| t.replace("李春生", "举报人A");
        let (how, shown) = decide(
            "clue.subject",
            r#"{"clue":3,"name":"李春生"}"#,
            &s,
            "X",
            &redact,
        );
        assert_eq!(how, Carried::Redacted);
        assert_eq!(shown.as_deref(), Some(r#"{"clue":3,"name":"举报人A"}"#));
        assert_eq!(
            decide("clue.event", r#"{"clue":3}"#, &s, "X", &redact).0,
            Carried::Whole
        );
        assert_eq!(
            decide(
                "clue.event",
                r#"{"clue":9,"name":"李春生"}"#,
                &s,
                "X",
                &redact
            ),
            (Carried::Omitted, None)
        );
    }
}

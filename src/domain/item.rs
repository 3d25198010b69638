//! References to the things of a case (`KIND:REF`), parsed once at the edge.

use std::fmt;

use serde::{Serialize, Serializer};

/// The kinds of item a note, tag or link can be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Allegation,
    Finding,
    Document,
    Row,
    Person,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Allegation,
        ItemKind::Finding,
        ItemKind::Document,
        ItemKind::Row,
        ItemKind::Person,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Allegation => "allegation",
            ItemKind::Finding => "finding",
            ItemKind::Document => "document",
            ItemKind::Row => "row",
            ItemKind::Person => "person",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `KIND:REF`, e.g. `finding:F8d42184520`, `row:3:12`, `allegation:1`,
/// `document:2:10:18`, `person:110101…`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub reference: String,
}

impl ItemRef {
    pub fn new(kind: ItemKind, reference: impl Into<String>) -> ItemRef {
        ItemRef {
            kind,
            reference: reference.into(),
        }
    }

    /// Reads `KIND:REF`; `None` when the kind is unknown or the reference empty.
    pub fn parse(s: &str) -> Option<ItemRef> {
        let (k, r) = s.split_once(':')?;
        let kind = ItemKind::parse(k)?;
        let r = r.trim();
        (!r.is_empty()).then(|| ItemRef::new(kind, r))
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind, self.reference)
    }
}

impl Serialize for ItemRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_ref_parses_once_and_prints_back() {
        let r = ItemRef::parse("row:3:12").unwrap();
        assert_eq!(r.kind, ItemKind::Row);
        assert_eq!(r.reference, "3:12");
        assert_eq!(r.to_string(), "row:3:12");
        assert_eq!(
            ItemRef::parse(" finding : F1 ").map(|r| r.reference),
            Some("F1".into())
        );
        assert_eq!(ItemRef::parse("ledger:1"), None);
        assert_eq!(ItemRef::parse("row:"), None);
        assert_eq!(ItemRef::parse("row"), None);
    }
}

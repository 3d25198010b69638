//! How an item bears on an allegation or on another item.

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Supports,
    Contradicts,
    Relates,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Supports, Relation::Contradicts, Relation::Relates];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
            Relation::Relates => "relates",
        }
    }

    /// The stored code or its Chinese word.
    pub fn parse(s: &str) -> Option<Relation> {
        match s.trim() {
            "supports" | "证实" => Some(Relation::Supports),
            "contradicts" | "反驳" => Some(Relation::Contradicts),
            "relates" | "相关" => Some(Relation::Relates),
            _ => None,
        }
    }

    /// The relation in the UI language.
    pub fn label(self) -> String {
        crate::tr!(&format!("casework.relation.{}", self.as_str()))
    }
}

impl std::fmt::Display for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Compares with a stored code (`"supports"` …).
impl PartialEq<&str> for Relation {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Relation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_chinese_words_parse() {
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
        }
        assert_eq!(Relation::parse("反驳"), Some(Relation::Contradicts));
        assert_eq!(Relation::parse("refutes"), None);
    }
}

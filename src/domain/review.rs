//! A reviewer's decision on a finding.

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decision {
    Confirmed,
    Dismissed,
}

impl Decision {
    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Confirmed => "confirmed",
            Decision::Dismissed => "dismissed",
        }
    }

    /// A stored code back (`None` for anything else).
    pub fn from_code(s: &str) -> Option<Decision> {
        match s {
            "confirmed" => Some(Decision::Confirmed),
            "dismissed" => Some(Decision::Dismissed),
            _ => None,
        }
    }

    /// What a user may type, in Chinese or English.
    pub fn parse(s: &str) -> Option<Decision> {
        match s.trim() {
            "confirmed" | "confirm" | "确认" | "属实" => Some(Decision::Confirmed),
            "dismissed" | "dismiss" | "排除" | "不属实" => Some(Decision::Dismissed),
            _ => None,
        }
    }

    /// The decision in the UI language.
    pub fn label(self) -> String {
        match self {
            Decision::Confirmed => crate::tr!("checks.review_confirmed"),
            Decision::Dismissed => crate::tr!("checks.review_dismissed"),
        }
    }
}

impl std::fmt::Display for Decision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Compares with a stored code (`"confirmed"` …).
impl PartialEq<&str> for Decision {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Decision {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_english_words_parse_to_one_code() {
        assert_eq!(Decision::parse("确认"), Some(Decision::Confirmed));
        assert_eq!(Decision::parse(" dismiss "), Some(Decision::Dismissed));
        assert_eq!(Decision::parse("maybe"), None);
        for d in [Decision::Confirmed, Decision::Dismissed] {
            assert_eq!(Decision::from_code(d.as_str()), Some(d));
        }
    }
}

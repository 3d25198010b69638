//! What an allegation (问题线索) turned out to be.

use serde::{Serialize, Serializer};

/// The statuses of an allegation. The stored code is the official Chinese
/// term (待核查, 属实 …, a closed set, not a translation); English words are
/// accepted on input and labels follow the UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AllegationStatus {
    Pending,
    True,
    Partly,
    False,
    Unproven,
}

const TABLE: [(AllegationStatus, &str, &str); 5] = [
    (AllegationStatus::Pending, "待核查", "pending"),
    (AllegationStatus::True, "属实", "true"),
    (AllegationStatus::Partly, "部分属实", "partly"),
    (AllegationStatus::False, "不属实", "false"),
    (AllegationStatus::Unproven, "无法证实", "unproven"),
];

impl AllegationStatus {
    pub const ALL: [AllegationStatus; 5] = [
        AllegationStatus::Pending,
        AllegationStatus::True,
        AllegationStatus::Partly,
        AllegationStatus::False,
        AllegationStatus::Unproven,
    ];

    fn row(self) -> (AllegationStatus, &'static str, &'static str) {
        TABLE
            .iter()
            .copied()
            .find(|(s, _, _)| *s == self)
            .unwrap_or(TABLE[0])
    }

    /// The stored code (Chinese).
    pub fn stored(self) -> &'static str {
        self.row().1
    }

    /// The English key: pending, true, partly, false, unproven.
    pub fn key(self) -> &'static str {
        self.row().2
    }

    /// A stored code back; unknown text reads as pending.
    pub fn from_stored(s: &str) -> AllegationStatus {
        TABLE
            .iter()
            .find(|(_, zh, _)| *zh == s)
            .map(|(st, _, _)| *st)
            .unwrap_or(AllegationStatus::Pending)
    }

    /// What a user may type: the Chinese term or the English key.
    pub fn parse(s: &str) -> Option<AllegationStatus> {
        let s = s.trim();
        TABLE
            .iter()
            .find(|(_, zh, en)| *zh == s || en.eq_ignore_ascii_case(s))
            .map(|(st, _, _)| *st)
    }

    /// The status in the UI language.
    pub fn label(self) -> String {
        crate::tr!(&format!("tui.status.{}", self.key()))
    }

    /// Still to be looked into.
    pub fn is_open(self) -> bool {
        self == AllegationStatus::Pending
    }
}

/// Compares with a stored code (`"属实"` …).
impl PartialEq<&str> for AllegationStatus {
    fn eq(&self, other: &&str) -> bool {
        self.stored() == *other
    }
}

/// Shown as the stored code (the official term).
impl std::fmt::Display for AllegationStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.stored())
    }
}

/// Serialised as the stored code, as the JSON outputs always were.
impl Serialize for AllegationStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.stored())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_round_trips_through_its_stored_code_and_key() {
        for st in AllegationStatus::ALL {
            assert_eq!(AllegationStatus::from_stored(st.stored()), st);
            assert_eq!(AllegationStatus::parse(st.key()), Some(st));
            assert_eq!(AllegationStatus::parse(st.stored()), Some(st));
        }
        assert_eq!(
            AllegationStatus::parse("PARTLY"),
            Some(AllegationStatus::Partly)
        );
        assert_eq!(AllegationStatus::parse("也许"), None);
    }
}

//! Evidence catalogue numbers (证据目录编号): `E-001`, never reused.

use std::fmt;

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CatalogueNo(pub i64);

impl CatalogueNo {
    /// Reads `E-001` (or `e-1`).
    pub fn parse(s: &str) -> Option<CatalogueNo> {
        let s = s.trim();
        let n = s.strip_prefix("E-").or_else(|| s.strip_prefix("e-"))?;
        n.parse::<i64>().ok().filter(|n| *n > 0).map(CatalogueNo)
    }
}

impl fmt::Display for CatalogueNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("E-{:03}", self.0))
    }
}

impl Serialize for CatalogueNo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_digits_then_more() {
        assert_eq!(CatalogueNo(2).to_string(), "E-002");
        assert_eq!(CatalogueNo(1234).to_string(), "E-1234");
        assert_eq!(CatalogueNo::parse("E-002"), Some(CatalogueNo(2)));
        assert_eq!(CatalogueNo::parse("F-002"), None);
    }
}

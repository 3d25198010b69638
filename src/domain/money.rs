//! Money: an exact count of fen (分). Never a float; shown as yuan with two
//! decimals.

use std::fmt;

use serde::{Serialize, Serializer};

/// An amount of money in fen (1 yuan = 100 fen).
/// No `Default`: a missing amount is `None`, never a silent zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fen(pub i64);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    pub fn fen(self) -> i64 {
        self.0
    }

    /// Reads the decimal text DuckDB gives for a `DECIMAL(18,2)` cast to
    /// VARCHAR (`1050.00`, `-0.5`, `12`): at most two decimals, nothing else.
    pub fn from_decimal_text(s: &str) -> Option<Fen> {
        let s = s.trim();
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty() && frac.is_empty()
            || frac.len() > 2
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let int: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let mut f: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        if frac.len() == 1 {
            f *= 10;
        }
        let v = int.checked_mul(100)?.checked_add(f)?;
        Some(Fen(if neg { -v } else { v }))
    }

    /// The sum of some amounts (saturating: no case holds 9e16 fen).
    pub fn sum(items: impl IntoIterator<Item = Fen>) -> Fen {
        Fen(items.into_iter().fold(0i64, |a, b| a.saturating_add(b.0)))
    }
}

impl std::ops::Add for Fen {
    type Output = Fen;
    fn add(self, o: Fen) -> Fen {
        Fen(self.0.saturating_add(o.0))
    }
}

impl std::ops::AddAssign for Fen {
    fn add_assign(&mut self, o: Fen) {
        self.0 = self.0.saturating_add(o.0);
    }
}

/// Yuan with exactly two decimals: `Fen(105000)` → `1050.00`, `Fen(-5)` → `-0.05`.
impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        f.pad(&format!("{sign}{}.{:02}", abs / 100, abs % 100))
    }
}

/// Serialised as its yuan text (`"1050.00"`), as the JSON outputs always were.
impl Serialize for Fen {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_text_round_trips() {
        for (text, fen) in [
            ("1050.00", 105000),
            ("-0.05", -5),
            ("0.00", 0),
            ("12.30", 1230),
        ] {
            assert_eq!(Fen::from_decimal_text(text), Some(Fen(fen)));
            assert_eq!(Fen(fen).to_string(), text);
        }
        assert_eq!(Fen::from_decimal_text("12.3"), Some(Fen(1230)));
        assert_eq!(Fen::from_decimal_text("7"), Some(Fen(700)));
    }

    #[test]
    fn not_money_is_refused() {
        for bad in ["", "-", "1.234", "1e3", "一百", "1,000.00", "."] {
            assert_eq!(Fen::from_decimal_text(bad), None, "{bad}");
        }
    }
}

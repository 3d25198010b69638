//! Cell-value normalisation shared by every ledger (see DOMAIN.md, "Normalisation").
//!
//! Everything here is pure, allocation-light and standard-library only: these functions run
//! on every cell of ledgers with millions of rows. Nothing guesses: a value that cannot be
//! read exactly (an amount with more decimals than fen, an impossible date, a mangled ID
//! number) is reported, never rounded or repaired silently.
//!
//! Conventions used throughout:
//! * "space-like" characters are Unicode `White_Space` (which includes U+3000 ideographic
//!   space and U+00A0 NBSP) plus the invisible U+200B..U+200D, U+2060 and U+FEFF (BOM);
//! * "half-width" means U+FF01..=U+FF5E mapped to U+0021..=U+007E and U+3000 mapped to a space;
//! * an empty cell, or one holding only a dash placeholder (`-`, `--`, `—`, `——`, `–`, `―`,
//!   `－`), has no value (`Ok(None)`) for amounts, numbers, dates and periods.

mod amount;
mod calendar;
mod chars;
mod date;
mod format;
mod id_number;
mod text;

pub use amount::{parse_amount_fen, parse_scaled, parse_scaled_with_unit};
pub use calendar::{Ym, Ymd};
pub use date::{parse_date, parse_period};
pub use format::{float_to_scaled, format_fen, format_scaled};
pub use id_number::{id_check_char, parse_id_number, IdNumber, IdProblem, Sex};
pub use text::{header_key, normalise_name, normalise_text, to_halfwidth};

use std::fmt;

/// A cell that does not hold a value of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// Short English key of what was expected: `"amount"`, `"number"`, `"date"`, `"period"`.
    pub expected: &'static str,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid {}", self.expected)
    }
}

impl std::error::Error for ValueError {}

const AMOUNT_ERR: ValueError = ValueError { expected: "amount" };
const NUMBER_ERR: ValueError = ValueError { expected: "number" };
const DATE_ERR: ValueError = ValueError { expected: "date" };
const PERIOD_ERR: ValueError = ValueError { expected: "period" };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_error_displays_what_was_expected() {
        let e = parse_amount_fen("abc").unwrap_err();
        assert_eq!(e.to_string(), "not a valid amount");
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert_eq!(boxed.to_string(), "not a valid amount");
    }
}

//! Scaled integers as decimal text, and spreadsheet floats as scaled integers.

use std::fmt;

/// Fen as yuan with two decimals: `105000` → `1050.00`, `-5` → `-0.05`.
pub fn format_fen(fen: i64) -> String {
    format_scaled(fen, 2)
}

/// A scaled integer as a decimal with exactly `scale` places: `(125000, 4)` → `12.5000`.
pub fn format_scaled(v: i64, scale: u32) -> String {
    let digits = v.unsigned_abs().to_string();
    let scale = scale as usize;
    let mut out = String::with_capacity(digits.len() + scale + 3);
    if v < 0 {
        out.push('-');
    }
    if scale == 0 {
        out.push_str(&digits);
    } else if digits.len() <= scale {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', scale - digits.len()));
        out.push_str(&digits);
    } else {
        let (i, f) = digits.split_at(digits.len() - scale);
        out.push_str(i);
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Fixed buffer for formatting a float without allocating.
struct StackBuf {
    buf: [u8; 512],
    len: usize,
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let b = s.as_bytes();
        let end = self.len + b.len();
        if end > self.buf.len() {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(b);
        self.len = end;
        Ok(())
    }
}

/// Round a plain decimal string (`-?digits(.digits)?`) half away from zero to `scale` places.
fn round_decimal_str(b: &[u8], scale: u32) -> Option<i64> {
    let (neg, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let dot = b.iter().position(|&c| c == b'.').unwrap_or(b.len());
    let int = &b[..dot];
    let frac = if dot < b.len() {
        &b[dot + 1..]
    } else {
        &[][..]
    };
    let mut v: i128 = 0;
    let push = |v: i128, d: u8| -> Option<i128> {
        if !d.is_ascii_digit() {
            return None;
        }
        v.checked_mul(10)?.checked_add(i128::from(d - b'0'))
    };
    for &d in int {
        v = push(v, d)?;
    }
    for i in 0..scale as usize {
        v = push(v, frac.get(i).copied().unwrap_or(b'0'))?;
    }
    if frac.get(scale as usize).is_some_and(|&d| d >= b'5') {
        v = v.checked_add(1)?;
    }
    i64::try_from(if neg { -v } else { v }).ok()
}

/// A float cell from a spreadsheet as a scaled integer, rounded half away from zero to
/// `scale` places. Rounding follows the shortest decimal that round-trips the float (what the
/// spreadsheet displays), so `1.005` at scale 2 gives 101 even though the binary value is a
/// hair below 1.005. `None` for NaN, infinities and results outside the i64 range.
pub fn float_to_scaled(f: f64, scale: u32) -> Option<i64> {
    if !f.is_finite() {
        return None;
    }
    if f == 0.0 {
        return Some(0);
    }
    let x = f * 10f64.powi(scale.min(400) as i32);
    if !x.is_finite() || x.abs() >= 9.3e18 {
        return None;
    }
    let frac = (x - x.trunc()).abs();
    let tol = 1e-6 + x.abs() * 1e-13;
    if (frac - 0.5).abs() > tol {
        // Not near a tie: binary rounding error cannot change the result.
        let r = x.round();
        return if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&r) {
            Some(r as i64)
        } else {
            None
        };
    }
    // Near a tie: decide on the shortest round-trip decimal text, formatted on the stack.
    let mut sb = StackBuf {
        buf: [0; 512],
        len: 0,
    };
    fmt::Write::write_fmt(&mut sb, format_args!("{}", f)).ok()?;
    round_decimal_str(&sb.buf[..sb.len], scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::{parse_amount_fen, parse_scaled};

    // ----- formatting -----

    #[test]
    fn fen_formats_with_two_decimals() {
        assert_eq!(format_fen(105_000), "1050.00");
        assert_eq!(format_fen(-5), "-0.05");
        assert_eq!(format_fen(0), "0.00");
        assert_eq!(format_fen(7), "0.07");
        assert_eq!(format_fen(-123_456), "-1234.56");
        assert_eq!(format_fen(i64::MIN), "-92233720368547758.08");
        assert_eq!(format_fen(i64::MAX), "92233720368547758.07");
    }

    #[test]
    fn scaled_formats_with_exact_places() {
        assert_eq!(format_scaled(125_000, 4), "12.5000");
        assert_eq!(format_scaled(7_640, 3), "7.640");
        assert_eq!(format_scaled(12, 0), "12");
        assert_eq!(format_scaled(-1, 4), "-0.0001");
        assert_eq!(format_scaled(5, 1), "0.5");
    }

    #[test]
    fn parse_and_format_round_trip() {
        for v in [0i64, 1, -1, 99, 100, 105_050, -3000, 123_456_789] {
            assert_eq!(parse_amount_fen(&format_fen(v)), Ok(Some(v)));
            assert_eq!(parse_scaled(&format_scaled(v, 4), 4), Ok(Some(v)));
        }
    }

    // ----- floats -----

    #[test]
    fn floats_round_half_away_from_zero() {
        assert_eq!(float_to_scaled(1050.0, 2), Some(105_000));
        assert_eq!(float_to_scaled(1050.5, 2), Some(105_050));
        assert_eq!(float_to_scaled(0.125, 2), Some(13));
        assert_eq!(float_to_scaled(-0.125, 2), Some(-13));
        assert_eq!(float_to_scaled(2.5, 0), Some(3));
        assert_eq!(float_to_scaled(-2.5, 0), Some(-3));
        assert_eq!(float_to_scaled(0.124, 2), Some(12));
        assert_eq!(float_to_scaled(12.5, 4), Some(125_000));
    }

    #[test]
    fn floats_round_as_displayed_not_as_stored() {
        // 1.005 and 0.285 are stored a hair below the tie; spreadsheets show the decimal.
        assert_eq!(float_to_scaled(1.005, 2), Some(101));
        assert_eq!(float_to_scaled(0.285, 2), Some(29));
        assert_eq!(float_to_scaled(-1.005, 2), Some(-101));
        assert_eq!(float_to_scaled(0.1 + 0.2, 2), Some(30));
        assert_eq!(float_to_scaled(1234.56, 2), Some(123_456));
        assert_eq!(float_to_scaled(7.64, 3), Some(7_640));
    }

    #[test]
    fn non_finite_or_huge_floats_are_none() {
        assert_eq!(float_to_scaled(f64::NAN, 2), None);
        assert_eq!(float_to_scaled(f64::INFINITY, 2), None);
        assert_eq!(float_to_scaled(f64::NEG_INFINITY, 2), None);
        assert_eq!(float_to_scaled(1e17, 2), None);
        assert_eq!(float_to_scaled(1e300, 0), None);
        assert_eq!(float_to_scaled(0.0, 1000), Some(0));
        assert_eq!(float_to_scaled(-0.0, 2), Some(0));
        assert_eq!(float_to_scaled(1e16, 2), Some(1_000_000_000_000_000_000));
    }
}

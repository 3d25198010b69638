//! Calendar dates and year-month periods, validated (year 1800..=2200).

use std::fmt;

const MIN_YEAR: i32 = 1800;
const MAX_YEAR: i32 = 2200;

#[inline]
fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

#[inline]
fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Calendar date, validated (proleptic Gregorian, year 1800..=2200).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year, 1800..=2200.
    pub y: i32,
    /// Month, 1..=12.
    pub m: u32,
    /// Day of month, 1..=28/29/30/31.
    pub d: u32,
}

impl Ymd {
    /// A validated date; `None` if it is not a real calendar date (`2023-02-29`) or the year
    /// is outside 1800..=2200.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Ymd> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        if d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Ymd { y, m, d })
    }

    /// An Excel serial day number in the 1900 date system (1 = 1900-01-01), including the
    /// Lotus bug that counts a non-existent 1900-02-29 as serial 60: serials 1..=59 map to
    /// 1900-01-01..=1900-02-28, serial **60 gives `None`** (it names no real day, so we do not
    /// guess), and 61 onwards map to 1900-03-01 onwards (45047 = 2023-05-01).
    /// The fractional part (time of day) is ignored. `None` for NaN, infinities, serials below
    /// 1 or above 2958465 (9999-12-31), and dates outside the 1800..=2200 year range.
    pub fn from_excel_serial(serial: f64) -> Option<Ymd> {
        if !serial.is_finite() {
            return None;
        }
        let whole = serial.floor();
        if !(1.0..=2_958_465.0).contains(&whole) {
            return None;
        }
        let n = whole as i64;
        let days = match n {
            1..=59 => n - 25_568,
            60 => return None,
            _ => n - 25_569,
        };
        Ymd::from_days_from_epoch(days)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_from_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let m = i64::from(self.m);
        let d = i64::from(self.d);
        let y = i64::from(self.y) - i64::from(m <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside the 1800..=2200 year range.
    pub fn from_days_from_epoch(days: i64) -> Option<Ymd> {
        // 1800-01-01 is day -62091, 2200-12-31 is day 84370; anything far outside is rejected
        // before the arithmetic so it cannot overflow.
        if !(-70_000..=90_000).contains(&days) {
            return None;
        }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Ymd::new(y as i32, m as u32, d as u32)
    }

    /// The year-month this date falls in.
    pub fn ym(&self) -> Ym {
        Ym {
            y: self.y,
            m: self.m,
        }
    }
}

impl fmt::Display for Ymd {
    /// ISO form, `2023-05-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// A year-month period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ym {
    /// Year, 1800..=2200 when built by this module.
    pub y: i32,
    /// Month, 1..=12.
    pub m: u32,
}

impl Ym {
    /// A validated period; `None` for a month outside 1..=12 or a year outside 1800..=2200.
    pub fn new(y: i32, m: u32) -> Option<Ym> {
        if (MIN_YEAR..=MAX_YEAR).contains(&y) && (1..=12).contains(&m) {
            Some(Ym { y, m })
        } else {
            None
        }
    }
}

impl fmt::Display for Ym {
    /// ISO form, `2023-05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.y, self.m)
    }
}

/// Eight ASCII digits `YYYYMMDD` as a validated date.
pub(super) fn ymd_from_digits8(b: &[u8]) -> Option<Ymd> {
    if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
    Ymd::new(n(0..4) as i32, n(4..6), n(6..8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Ymd {
        Ymd::new(y, m, d).expect("test date is real")
    }

    fn ym(y: i32, m: u32) -> Ym {
        Ym::new(y, m).expect("test period is real")
    }

    // ----- Ymd / Ym -----

    #[test]
    fn ymd_rejects_impossible_dates() {
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert!(Ymd::new(2023, 2, 30).is_none());
        assert!(Ymd::new(2023, 4, 31).is_none());
        assert!(Ymd::new(2023, 13, 1).is_none());
        assert!(Ymd::new(2023, 0, 1).is_none());
        assert!(Ymd::new(2023, 1, 0).is_none());
        assert!(Ymd::new(1799, 12, 31).is_none());
        assert!(Ymd::new(2201, 1, 1).is_none());
        assert!(Ymd::new(1800, 1, 1).is_some());
        assert!(Ymd::new(2200, 12, 31).is_some());
    }

    #[test]
    fn leap_years_follow_gregorian_rules() {
        assert!(Ymd::new(2024, 2, 29).is_some());
        assert!(Ymd::new(2000, 2, 29).is_some());
        assert!(Ymd::new(1900, 2, 29).is_none());
        assert!(Ymd::new(2100, 2, 29).is_none());
        assert!(Ymd::new(1996, 2, 29).is_some());
    }

    #[test]
    fn ymd_displays_iso() {
        assert_eq!(ymd(2023, 5, 1).to_string(), "2023-05-01");
        assert_eq!(ym(2023, 5).to_string(), "2023-05");
        assert_eq!(ymd(2023, 12, 31).ym(), ym(2023, 12));
    }

    #[test]
    fn days_from_epoch_matches_known_values() {
        assert_eq!(ymd(1970, 1, 1).days_from_epoch(), 0);
        assert_eq!(ymd(1969, 12, 31).days_from_epoch(), -1);
        assert_eq!(ymd(2000, 2, 29).days_from_epoch(), 11016);
        assert_eq!(ymd(1800, 1, 1).days_from_epoch(), -62091);
        assert_eq!(ymd(2200, 12, 31).days_from_epoch(), 84370);
    }

    #[test]
    fn days_from_epoch_round_trips_every_day_in_range() {
        let mut prev: Option<Ymd> = None;
        for days in -62091..=84370 {
            let d = Ymd::from_days_from_epoch(days).expect("in range");
            assert_eq!(d.days_from_epoch(), days);
            if let Some(p) = prev {
                assert!(p < d);
            }
            prev = Some(d);
        }
        assert!(Ymd::from_days_from_epoch(-62092).is_none());
        assert!(Ymd::from_days_from_epoch(84371).is_none());
        assert!(Ymd::from_days_from_epoch(i64::MAX).is_none());
        assert!(Ymd::from_days_from_epoch(i64::MIN).is_none());
    }

    #[test]
    fn excel_serials_use_the_1900_system_with_lotus_bug() {
        assert_eq!(Ymd::from_excel_serial(1.0), Some(ymd(1900, 1, 1)));
        assert_eq!(Ymd::from_excel_serial(59.0), Some(ymd(1900, 2, 28)));
        assert_eq!(Ymd::from_excel_serial(60.0), None);
        assert_eq!(Ymd::from_excel_serial(61.0), Some(ymd(1900, 3, 1)));
        assert_eq!(Ymd::from_excel_serial(45047.0), Some(ymd(2023, 5, 1)));
        assert_eq!(Ymd::from_excel_serial(44927.0), Some(ymd(2023, 1, 1)));
        assert_eq!(Ymd::from_excel_serial(45351.0), Some(ymd(2024, 2, 29)));
    }

    #[test]
    fn excel_serial_ignores_time_and_rejects_out_of_range() {
        assert_eq!(Ymd::from_excel_serial(45047.75), Some(ymd(2023, 5, 1)));
        assert_eq!(Ymd::from_excel_serial(0.5), None);
        assert_eq!(Ymd::from_excel_serial(0.0), None);
        assert_eq!(Ymd::from_excel_serial(-1.0), None);
        assert_eq!(Ymd::from_excel_serial(2_958_466.0), None);
        // 9999-12-31 is a valid serial but outside the supported year range.
        assert_eq!(Ymd::from_excel_serial(2_958_465.0), None);
        assert_eq!(Ymd::from_excel_serial(f64::NAN), None);
        assert_eq!(Ymd::from_excel_serial(f64::INFINITY), None);
    }
}

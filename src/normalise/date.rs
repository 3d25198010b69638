//! Date and period cells: every written form, Excel serials, optional time tails.

use super::calendar::{ymd_from_digits8, Ym, Ymd};
use super::chars::{is_placeholder, trim_space_like, Cur};
use super::{ValueError, DATE_ERR, PERIOD_ERR};

/// What a date-like cell says, before validation.
enum DateLike {
    /// `2023-05`, `2023年5月`.
    YearMonth(i32, u32),
    /// `2023-05-01`, `2023年5月1日` (time, if any, already checked and dropped).
    Full(i32, u32, u32),
    /// Six plain digits, `202305`.
    Digits6(u64),
    /// Eight plain digits, `20230501`.
    Digits8(u64),
    /// A five-digit Excel serial, optionally with a fraction: `45047`, `45047.5`.
    Serial(u64),
}

/// An optional time tail after a date: `[ |T]H:MM[:SS[.fff]][Z|±HH[:MM]]`, then the end.
fn time_tail(c: &mut Cur<'_>) -> Result<(), ()> {
    c.skip_ws();
    if c.at_end() {
        return Ok(());
    }
    c.eat('T');
    let (h, nh) = c.digits();
    if !(1..=2).contains(&nh) || h > 24 || !c.eat(':') {
        return Err(());
    }
    let (mi, nmi) = c.digits();
    if nmi != 2 || mi > 59 {
        return Err(());
    }
    if c.eat(':') {
        let (sec, ns) = c.digits();
        if ns != 2 || sec > 60 {
            return Err(());
        }
        if c.eat('.') && c.digits().1 == 0 {
            return Err(());
        }
    }
    if !c.eat('Z') && (c.eat('+') || c.eat('-')) {
        if c.digits().1 != 2 {
            return Err(());
        }
        if c.eat(':') && c.digits().1 != 2 {
            return Err(());
        }
    }
    c.skip_ws();
    if c.at_end() {
        Ok(())
    } else {
        Err(())
    }
}

/// Recognise the shape of a trimmed, non-empty date or period cell.
fn scan_date_like(t: &str) -> Result<DateLike, ()> {
    let mut c = Cur::new(t);
    let (first, n1) = c.digits();
    if c.at_end() {
        return match n1 {
            5 => Ok(DateLike::Serial(first)),
            6 => Ok(DateLike::Digits6(first)),
            8 => Ok(DateLike::Digits8(first)),
            _ => Err(()),
        };
    }
    if n1 == 5 {
        // Serial with a time fraction: 45047.5
        if c.eat('.') {
            c.digits();
            if c.at_end() {
                return Ok(DateLike::Serial(first));
            }
        }
        return Err(());
    }
    if n1 != 4 {
        return Err(());
    }
    let y = first as i32;
    c.skip_ws();
    let sep = match c.peek() {
        Some(s @ ('-' | '/' | '.' | '年')) => s,
        _ => return Err(()),
    };
    c.bump();
    c.skip_ws();
    let (m, nm) = c.digits();
    if !(1..=2).contains(&nm) {
        return Err(());
    }
    let m = m as u32;
    c.skip_ws();
    let d = if sep == '年' {
        if !c.eat('月') {
            return Err(());
        }
        if c.eat('份') {
            c.skip_ws();
            return if c.at_end() {
                Ok(DateLike::YearMonth(y, m))
            } else {
                Err(())
            };
        }
        c.skip_ws();
        if c.at_end() {
            return Ok(DateLike::YearMonth(y, m));
        }
        let (d, nd) = c.digits();
        if !(1..=2).contains(&nd) {
            return Err(());
        }
        c.skip_ws();
        if !c.eat('日') {
            c.eat('号');
        }
        d
    } else {
        if c.at_end() {
            return Ok(DateLike::YearMonth(y, m));
        }
        if !c.eat(sep) {
            return Err(());
        }
        c.skip_ws();
        let (d, nd) = c.digits();
        if !(1..=2).contains(&nd) {
            return Err(());
        }
        d
    };
    time_tail(&mut c)?;
    Ok(DateLike::Full(y, m, d as u32))
}

/// A date cell. Accepts, half- or full-width: `2023-05-01`, `2023/5/1`, `2023.5.1`,
/// `2023年5月1日`, `2023年05月01号`, `20230501`, with an optional ignored time
/// (`2023-05-01 10:30:00`, `2023/5/1 10:30`, `2023-05-01T10:30:00`), and Excel serials written
/// as text with a five-digit integer part (`45047`, `45047.5`; 10000..=99999 covers
/// 1927-05-18..=2173-10-13). Other plain numbers are rejected: a 4-digit `2023` is far likelier
/// a year and a 6-digit `202305` a period than a serial. Empty or a dash placeholder →
/// `Ok(None)`; impossible dates (`2023-02-30`) → `Err`.
pub fn parse_date(s: &str) -> Result<Option<Ymd>, ValueError> {
    let t = trim_space_like(s);
    if t.is_empty() || is_placeholder(t) {
        return Ok(None);
    }
    let b = t.as_bytes();
    // Fast path: exactly YYYY-MM-DD in ASCII.
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let mut d8 = [0u8; 8];
        d8[..4].copy_from_slice(&b[..4]);
        d8[4..6].copy_from_slice(&b[5..7]);
        d8[6..].copy_from_slice(&b[8..]);
        if d8.iter().all(u8::is_ascii_digit) {
            return ymd_from_digits8(&d8).map(Some).ok_or(DATE_ERR);
        }
    }
    let date = match scan_date_like(t).map_err(|()| DATE_ERR)? {
        DateLike::Full(y, m, d) => Ymd::new(y, m, d),
        DateLike::Digits8(v) => Ymd::new(
            (v / 10_000) as i32,
            (v / 100 % 100) as u32,
            (v % 100) as u32,
        ),
        DateLike::Serial(n) => Ymd::from_excel_serial(n as f64),
        DateLike::YearMonth(..) | DateLike::Digits6(_) => None,
    };
    date.map(Some).ok_or(DATE_ERR)
}

/// A period cell (发放年月). Accepts, half- or full-width: `2023-05`, `2023-5`, `202305`,
/// `2023年5月`, `2023年05月`, `2023年5月份`, `2023/05`, `2023.05`, and any full date
/// [`parse_date`] accepts (→ its month; the date must be real). Empty or a dash placeholder →
/// `Ok(None)`.
pub fn parse_period(s: &str) -> Result<Option<Ym>, ValueError> {
    let t = trim_space_like(s);
    if t.is_empty() || is_placeholder(t) {
        return Ok(None);
    }
    let ym = match scan_date_like(t).map_err(|()| PERIOD_ERR)? {
        DateLike::YearMonth(y, m) => Ym::new(y, m),
        DateLike::Digits6(v) => Ym::new((v / 100) as i32, (v % 100) as u32),
        DateLike::Full(y, m, d) => Ymd::new(y, m, d).map(|d| d.ym()),
        DateLike::Digits8(v) => Ymd::new(
            (v / 10_000) as i32,
            (v / 100 % 100) as u32,
            (v % 100) as u32,
        )
        .map(|d| d.ym()),
        DateLike::Serial(n) => Ymd::from_excel_serial(n as f64).map(|d| d.ym()),
    };
    ym.map(Some).ok_or(PERIOD_ERR)
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

    // ----- dates -----

    fn date(s: &str) -> Option<Ymd> {
        parse_date(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn date_forms_all_mean_may_first_2023() {
        for s in [
            "2023-05-01",
            "2023-5-1",
            "2023/5/1",
            "2023/05/01",
            "2023.5.1",
            "2023年5月1日",
            "2023年05月01号",
            "2023年5月1",
            "2023 年 5 月 1 日",
            "20230501",
            "2023-05-01 10:30:00",
            "2023/5/1 10:30",
            "2023-05-01T10:30:00",
            "2023-05-01T10:30:00.123Z",
            "2023-05-01T10:30:00+08:00",
            "2023-05-01 0:00",
            "２０２３－０５－０１",
            "２０２３年５月１日",
            "45047",
            "45047.5",
            " 2023-05-01 ",
            "\u{3000}2023年5月1日\u{3000}",
            "2023年5月1日 10:30",
        ] {
            assert_eq!(date(s), Some(ymd(2023, 5, 1)), "{s:?}");
        }
    }

    #[test]
    fn text_serial_44927_is_new_year_2023() {
        assert_eq!(date("44927"), Some(ymd(2023, 1, 1)));
    }

    #[test]
    fn empty_or_dash_date_is_none() {
        for s in ["", "   ", "-", "—", "——"] {
            assert_eq!(date(s), None, "{s:?}");
        }
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for s in [
            "2023-02-30",
            "2023-02-29",
            "2023/13/1",
            "2023年4月31日",
            "20230229",
            "2023-00-10",
            "1700-01-01",
        ] {
            assert_eq!(parse_date(s), Err(ValueError { expected: "date" }), "{s:?}");
        }
        assert_eq!(date("2024-02-29"), Some(ymd(2024, 2, 29)));
        assert_eq!(date("20000229"), Some(ymd(2000, 2, 29)));
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for s in [
            "2023-05",
            "2023年5月",
            "202305",
            "2023",
            "23-5-1",
            "01/05/2023",
            "2023-05/01",
            "2023.5-1",
            "2023-05-01 abc",
            "2023-05-01 25:00",
            "2023-05-01 10:3",
            "2023-05-01 10",
            "2023-005-01",
            "2023-05-001",
            "五月一日",
            "2023年5月1日星期一",
            "45047abc",
            "123",
            "1234567",
            "45047.5.1",
            "2023 05 01",
        ] {
            assert!(parse_date(s).is_err(), "{s:?}");
        }
    }

    // ----- periods -----

    fn period(s: &str) -> Option<Ym> {
        parse_period(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn period_forms_all_mean_may_2023() {
        for s in [
            "2023-05",
            "2023-5",
            "202305",
            "2023年5月",
            "2023年05月",
            "2023年5月份",
            "2023/05",
            "2023.05",
            "2023.5",
            "２０２３年５月",
            "2023-05-01",
            "2023年5月31日",
            "20230531",
            "2023/5/1 10:30",
            "45047",
            " 2023-05 ",
        ] {
            assert_eq!(period(s), Some(ym(2023, 5)), "{s:?}");
        }
        assert_eq!(period("2023-12"), Some(ym(2023, 12)));
        assert_eq!(period("202301"), Some(ym(2023, 1)));
    }

    #[test]
    fn empty_or_dash_period_is_none() {
        assert_eq!(period(""), None);
        assert_eq!(period("—"), None);
    }

    #[test]
    fn invalid_periods_are_rejected() {
        for s in [
            "2023-13",
            "202313",
            "202300",
            "2023年0月",
            "2023",
            "23-05",
            "2023-05-32",
            "五月",
            "2023年5",
            "2023-5-",
            "2023-05-01x",
        ] {
            assert_eq!(
                parse_period(s),
                Err(ValueError { expected: "period" }),
                "{s:?}"
            );
        }
    }
}

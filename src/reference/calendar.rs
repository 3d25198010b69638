//! Working days as the State Council's notices make them: weekends and the
//! official holiday periods rest, the make-up days (调休上班) work. Deadlines
//! are counted on it: the start day is not counted, and a calendar-day or
//! month period whose last day is a rest day ends on the next working day.

use std::collections::HashSet;
use std::fmt;

use super::holidays;
use crate::normalise::{parse_date, Ymd};

/// The working-day calendar of the years its table covers.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    holidays: HashSet<i64>,
    makeups: HashSet<i64>,
    years: Option<(i32, i32)>,
}

impl Calendar {
    /// A calendar from holiday periods (inclusive) and make-up days; it covers
    /// the years `years` (the notices' years), outside which only weekends rest.
    pub fn new(periods: &[(Ymd, Ymd)], makeups: &[Ymd], years: Option<(i32, i32)>) -> Calendar {
        let mut holidays = HashSet::new();
        for (start, end) in periods {
            for day in start.days_from_epoch()..=end.days_from_epoch() {
                holidays.insert(day);
            }
        }
        Calendar {
            holidays,
            makeups: makeups.iter().map(Ymd::days_from_epoch).collect(),
            years,
        }
    }

    /// The calendar shipped with hecha (2019–2026).
    pub fn builtin() -> Calendar {
        let hs = holidays::builtin();
        let date = |s: &str| parse_date(s).ok().flatten();
        let periods: Vec<(Ymd, Ymd)> = hs
            .iter()
            .filter_map(|h| Some((date(&h.start)?, date(&h.end)?)))
            .collect();
        let makeups: Vec<Ymd> = holidays::builtin_makeups()
            .iter()
            .filter_map(|m| date(&m.date))
            .collect();
        let years = hs
            .iter()
            .map(|h| h.year)
            .min()
            .zip(hs.iter().map(|h| h.year).max());
        Calendar::new(&periods, &makeups, years)
    }

    /// The years the holiday table covers, first and last.
    pub fn years(&self) -> Option<(i32, i32)> {
        self.years
    }

    /// Whether the holiday table covers `d`'s year (outside it only weekends rest).
    pub fn covers(&self, d: Ymd) -> bool {
        self.years.is_some_and(|(a, b)| (a..=b).contains(&d.y))
    }

    pub fn is_working_day(&self, d: Ymd) -> bool {
        let day = d.days_from_epoch();
        if self.makeups.contains(&day) {
            return true;
        }
        // 1970-01-01 was a Thursday: 2 and 3 are Saturday and Sunday.
        let weekend = matches!(day.rem_euclid(7), 2 | 3);
        !weekend && !self.holidays.contains(&day)
    }

    /// `d` if it is a working day, else the next one.
    pub fn working_day_from(&self, d: Ymd) -> Option<Ymd> {
        let first = d.days_from_epoch();
        (first..first + 60)
            .map(Ymd::from_days_from_epoch)
            .find(|date| date.is_none_or(|x| self.is_working_day(x)))
            .flatten()
    }

    /// The `n`-th working day after `start` (`start` itself not counted).
    pub fn add_working_days(&self, start: Ymd, n: u32) -> Option<Ymd> {
        self.step_working_days(start, n, 1)
    }

    /// The `n`-th working day before `end` (`end` itself not counted).
    pub fn sub_working_days(&self, end: Ymd, n: u32) -> Option<Ymd> {
        self.step_working_days(end, n, -1)
    }

    fn step_working_days(&self, from: Ymd, n: u32, dir: i64) -> Option<Ymd> {
        let mut day = from.days_from_epoch();
        let mut left = n;
        let mut date = from;
        while left > 0 {
            day += dir;
            date = Ymd::from_days_from_epoch(day)?;
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        Some(date)
    }

    /// Working days in `(from, to]` (0 when `to <= from`).
    pub fn working_days_between(&self, from: Ymd, to: Ymd) -> u32 {
        let (a, b) = (from.days_from_epoch(), to.days_from_epoch());
        (a + 1..=b)
            .filter_map(Ymd::from_days_from_epoch)
            .filter(|d| self.is_working_day(*d))
            .count() as u32
    }
}

/// A time limit: calendar days, working days or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Days(u32),
    WorkingDays(u32),
    Months(u32),
}

impl Period {
    /// Reads `90d`, `15wd`, `1m`, or `90天`, `15个工作日`, `1个月`, `2 months` ….
    pub fn parse(s: &str) -> Option<Period> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let split = s.find(|c: char| !c.is_ascii_digit())?;
        let n: u32 = s[..split].parse().ok()?;
        let unit = s[split..].to_lowercase();
        match unit.as_str() {
            "d" | "day" | "days" | "天" | "日" | "个自然日" | "自然日" => {
                Some(Period::Days(n))
            }
            "wd" | "workday" | "workdays" | "workingday" | "workingdays" | "个工作日"
            | "工作日" => Some(Period::WorkingDays(n)),
            "m" | "month" | "months" | "个月" | "月" => Some(Period::Months(n)),
            _ => None,
        }
    }

    /// The last day of the period that starts on `start` (not counted).
    pub fn end(self, cal: &Calendar, start: Ymd) -> Option<Ymd> {
        match self {
            Period::WorkingDays(n) => cal.add_working_days(start, n),
            Period::Days(n) => cal.working_day_from(Ymd::from_days_from_epoch(
                start.days_from_epoch() + i64::from(n),
            )?),
            Period::Months(n) => cal.working_day_from(add_months(start, n)?),
        }
    }

    /// The same period `times` over (an extension of one month, twice, is two months).
    pub fn times(self, times: u32) -> Period {
        match self {
            Period::Days(n) => Period::Days(n * times),
            Period::WorkingDays(n) => Period::WorkingDays(n * times),
            Period::Months(n) => Period::Months(n * times),
        }
    }

    /// The language-neutral form written in settings (`15wd`).
    pub fn code(self) -> String {
        match self {
            Period::Days(n) => format!("{n}d"),
            Period::WorkingDays(n) => format!("{n}wd"),
            Period::Months(n) => format!("{n}m"),
        }
    }
}

/// Shown in the UI language: 15个工作日 / 15 working days.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, n) = match *self {
            Period::Days(1) => ("register.period.day", 1),
            Period::WorkingDays(1) => ("register.period.working_day", 1),
            Period::Months(1) => ("register.period.month", 1),
            Period::Days(n) => ("register.period.days", n),
            Period::WorkingDays(n) => ("register.period.working_days", n),
            Period::Months(n) => ("register.period.months", n),
        };
        f.write_str(&crate::tr!(key, n = n.to_string()))
    }
}

/// The same day `n` months later, or the month's last day when it is shorter
/// (01-31 + 1 month = 02-28/29).
pub fn add_months(d: Ymd, n: u32) -> Option<Ymd> {
    let months = i64::from(d.y) * 12 + i64::from(d.m - 1) + i64::from(n);
    let y = i32::try_from(months.div_euclid(12)).ok()?;
    let m = u32::try_from(months.rem_euclid(12)).ok()? + 1;
    (28..=d.d.max(28))
        .rev()
        .find_map(|day| Ymd::new(y, m, day.min(d.d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Ymd {
        parse_date(s).unwrap().unwrap()
    }

    #[test]
    fn fifteen_working_days_across_national_day_2023_count_the_make_up_weekend() {
        let cal = Calendar::builtin();
        // Received Monday 2023-09-25: 09-26..28 (3), holiday 09-29..10-06,
        // make-up Saturday and Sunday 10-07, 10-08 (5), then 10-09..10-20 (15).
        assert!(cal.is_working_day(ymd("2023-10-07")));
        assert!(cal.is_working_day(ymd("2023-10-08")));
        assert!(!cal.is_working_day(ymd("2023-10-02")));
        assert_eq!(
            cal.add_working_days(ymd("2023-09-25"), 15),
            Some(ymd("2023-10-20"))
        );
        assert_eq!(
            Period::WorkingDays(15).end(&cal, ymd("2023-09-25")),
            Some(ymd("2023-10-20"))
        );
        assert_eq!(
            cal.sub_working_days(ymd("2023-10-20"), 15),
            Some(ymd("2023-09-25"))
        );
        assert_eq!(
            cal.working_days_between(ymd("2023-09-25"), ymd("2023-10-20")),
            15
        );
    }

    #[test]
    fn a_period_ending_on_a_rest_day_ends_on_the_next_working_day() {
        let cal = Calendar::builtin();
        // 2023-09-01 + 1 month = 2023-10-01 (National Day) → 2023-10-07 (make-up Saturday).
        assert_eq!(
            Period::Months(1).end(&cal, ymd("2023-09-01")),
            Some(ymd("2023-10-07"))
        );
        // 2024-03-16 + 1 month = Tuesday 2024-04-16, a working day.
        assert_eq!(
            Period::Months(1).end(&cal, ymd("2024-03-16")),
            Some(ymd("2024-04-16"))
        );
        // 2024-05-04 + 1 month = Tuesday 2024-06-04.
        assert_eq!(
            Period::Months(1).end(&cal, ymd("2024-05-04")),
            Some(ymd("2024-06-04"))
        );
        // 2024-01-31 + 1 month = 2024-02-29 (Thursday).
        assert_eq!(add_months(ymd("2024-01-31"), 1), Some(ymd("2024-02-29")));
        assert_eq!(add_months(ymd("2023-11-30"), 3), Some(ymd("2024-02-29")));
        // 90 days from 2024-07-03 is Tuesday 2024-10-01 (National Day) → 10-08.
        assert_eq!(
            Period::Days(90).end(&cal, ymd("2024-07-03")),
            Some(ymd("2024-10-08"))
        );
        // A Saturday that is a make-up day ends the period there.
        assert_eq!(
            Period::Days(1).end(&cal, ymd("2024-10-11")),
            Some(ymd("2024-10-12"))
        );
    }

    #[test]
    fn outside_the_table_only_weekends_rest_and_coverage_says_so() {
        let cal = Calendar::builtin();
        assert_eq!(cal.years(), Some((2019, 2026)));
        assert!(cal.covers(ymd("2026-12-31")));
        assert!(!cal.covers(ymd("2027-01-01")));
        assert!(!cal.is_working_day(ymd("2027-01-02")), "a Saturday");
        assert!(
            cal.is_working_day(ymd("2027-01-01")),
            "no table: a Friday works"
        );
    }

    #[test]
    fn periods_read_codes_and_chinese() {
        assert_eq!(Period::parse("15wd"), Some(Period::WorkingDays(15)));
        assert_eq!(Period::parse("15个工作日"), Some(Period::WorkingDays(15)));
        assert_eq!(Period::parse("1个月"), Some(Period::Months(1)));
        assert_eq!(Period::parse("2 months"), Some(Period::Months(2)));
        assert_eq!(Period::parse("90天"), Some(Period::Days(90)));
        assert_eq!(Period::parse("90"), None);
        assert_eq!(Period::parse("weeks"), None);
        assert_eq!(Period::Months(1).times(2), Period::Months(2));
        assert_eq!(Period::WorkingDays(15).code(), "15wd");
    }
}

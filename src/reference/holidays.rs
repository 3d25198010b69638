//! The State Council public-holiday calendar (2019–2026), shipped as data.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Holiday {
    pub year: i32,
    pub name: String,
    pub name_en: String,
    pub start: String,
    pub end: String,
}

/// A make-up working day (调休上班): a weekend day the notice makes a working day.
#[derive(Debug, Clone, Deserialize)]
pub struct Makeup {
    pub year: i32,
    pub name: String,
    pub name_en: String,
    pub date: String,
}

#[derive(Deserialize)]
struct File {
    holiday: Vec<Holiday>,
    #[serde(default)]
    makeup: Vec<Makeup>,
}

fn file() -> Option<File> {
    toml::from_str::<File>(include_str!("data/holidays.toml")).ok()
}

pub fn builtin() -> Vec<Holiday> {
    file().map(|f| f.holiday).unwrap_or_default()
}

pub fn builtin_makeups() -> Vec<Makeup> {
    file().map(|f| f.makeup).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::normalise::parse_date;

    #[test]
    fn calendar_covers_2019_to_2026_with_valid_ordered_periods() {
        let hs = super::builtin();
        for y in 2019..=2026 {
            assert!(hs.iter().filter(|h| h.year == y).count() >= 6, "year {y}");
        }
        for h in &hs {
            let s = parse_date(&h.start).unwrap().unwrap();
            let e = parse_date(&h.end).unwrap().unwrap();
            assert!(
                s <= e && e.days_from_epoch() - s.days_from_epoch() < 10,
                "{h:?}"
            );
        }
        let spring_2024 = hs
            .iter()
            .find(|h| h.year == 2024 && h.name == "春节")
            .unwrap();
        assert_eq!(
            (spring_2024.start.as_str(), spring_2024.end.as_str()),
            ("2024-02-10", "2024-02-17")
        );
    }

    #[test]
    fn make_up_days_are_weekend_days_outside_every_holiday() {
        let hs = super::builtin();
        let ms = super::builtin_makeups();
        for y in 2019..=2026 {
            assert!(ms.iter().any(|m| m.year == y), "year {y}");
        }
        for m in &ms {
            let d = parse_date(&m.date).unwrap().unwrap();
            // 1970-01-01 was a Thursday: 2 = Saturday, 3 = Sunday.
            assert!(matches!(d.days_from_epoch().rem_euclid(7), 2 | 3), "{m:?}");
            assert!(
                !hs.iter().any(|h| h.start <= m.date && m.date <= h.end),
                "{m:?}"
            );
        }
        let oct_2023: Vec<&str> = ms
            .iter()
            .filter(|m| m.year == 2023 && m.name == "国庆节")
            .map(|m| m.date.as_str())
            .collect();
        assert_eq!(oct_2023, ["2023-10-07", "2023-10-08"]);
    }
}

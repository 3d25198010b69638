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

#[derive(Deserialize)]
struct File {
    holiday: Vec<Holiday>,
}

pub fn builtin() -> Vec<Holiday> {
    toml::from_str::<File>(include_str!("data/holidays.toml"))
        .map(|f| f.holiday)
        .unwrap_or_default()
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
}

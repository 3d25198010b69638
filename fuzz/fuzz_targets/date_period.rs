//! Dates and pay periods: parsing never panics; a parsed date prints as a
//! date that parses back to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(Some(d)) = hecha::ingest::normalise::parse_date(s) {
        let text = d.to_string();
        assert_eq!(
            hecha::ingest::normalise::parse_date(&text).ok().flatten(),
            Some(d)
        );
    }
    let _ = hecha::ingest::normalise::parse_period(s);
});

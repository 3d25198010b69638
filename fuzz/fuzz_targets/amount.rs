//! Amounts: parsing never panics; exact fen survive formatting and re-parsing.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    use hecha::ingest::normalise::{format_fen, parse_amount_fen};
    if let Ok(Some(fen)) = parse_amount_fen(s) {
        let text = format_fen(fen);
        assert_eq!(
            parse_amount_fen(&text).ok().flatten(),
            Some(fen),
            "{s:?} → {text}"
        );
    }
});

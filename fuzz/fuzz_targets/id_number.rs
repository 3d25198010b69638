//! ID numbers: parsing never panics, and a normalised number re-parses to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Some(id) = hecha::ingest::normalise::parse_id_number(s) {
        if let Some(n) = id.normalised {
            let again = hecha::ingest::normalise::parse_id_number(&n).and_then(|i| i.normalised);
            assert_eq!(again.as_deref(), Some(n.as_str()));
        }
    }
});

//! The search query language: any text parses or is refused with a message.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = hecha::search::query::parse(s);
});

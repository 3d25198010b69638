#![no_main]
//! The doc path of hecha's paged readers: any input gives pages or an error, never a panic.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::run(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", data));

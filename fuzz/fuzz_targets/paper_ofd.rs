#![no_main]
//! The ofd path of hecha's paged readers: any input gives pages or an error, never a panic.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::run(b"PK\x03\x04", data));

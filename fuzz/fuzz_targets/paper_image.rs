#![no_main]
//! The image-header path (JPEG, PNG, TIFF, BMP, told from the magic bytes): pages or an error, never a panic.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::run(b"", data));

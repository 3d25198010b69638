//! The .docx reader: any bytes give text or a clear error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hecha::ingest::docx::docx_text(data);
});

//! The text decoder and the CSV reader: any bytes decode or fail with an
//! offset, and any text splits into rows without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    use hecha::ingest::decode;
    use hecha::ingest::source::{CsvSource, RowSource};
    let Ok(enc) = decode::detect(
        &data[..data.len().min(decode::SNIFF_LEN)],
        data.len() <= decode::SNIFF_LEN,
    ) else {
        return;
    };
    let Ok(text) = decode::decode_all(data, enc) else {
        return;
    };
    let delim = hecha::ingest::source::sniff_delimiter(text.lines().next().unwrap_or(""));
    let mut src = CsvSource::new(std::io::Cursor::new(text.as_bytes()), delim);
    let mut cells = Vec::new();
    let mut rows = 0u32;
    while let Ok(Some(_)) = src.next_row(&mut cells) {
        rows += 1;
        if rows > 100_000 {
            break;
        }
    }
});

#![no_main]

// Any bytes, read as a file named *.xls.
libfuzzer_sys::fuzz_target!(|data: &[u8]| chitra_fuzz::read_bytes(data, "xls"));

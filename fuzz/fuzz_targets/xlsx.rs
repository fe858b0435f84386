#![no_main]

// Any bytes, read as a file named *.xlsx.
libfuzzer_sys::fuzz_target!(|data: &[u8]| chitra_fuzz::read_bytes(data, "xlsx"));

#![no_main]

// The pieces of the input become the XML parts of a sound xlsx.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let book = chitra_fuzz::workbook_of_parts(data);
    chitra_fuzz::read_bytes(&book, "xlsx");
});

//! The whole extractor on arbitrary bytes: a report or an error, and the
//! report serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = kantlijn::Options::default();
    if let Ok(doc) = kantlijn::Document::from_bytes("fuzz.pdf", data.to_vec(), &options) {
        let report = doc.into_report();
        let _ = serde_json::to_vec(&report);
    }
});

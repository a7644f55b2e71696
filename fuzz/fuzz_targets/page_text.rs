//! The page text layer on arbitrary bytes: every page's text, laid out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = kantlijn::Options::default();
    options.text_under = false;
    options.flattened = false;
    options.threads = 1;
    if let Ok(doc) = kantlijn::Document::from_bytes("fuzz.pdf", data.to_vec(), &options) {
        for text in doc.page_texts() {
            let _ = text.plain_text();
        }
    }
});

//! The comment-summary parser on arbitrary text: entries come out in input
//! order and each serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let comments = kantlijn::parse_summaries(kantlijn::text_pages(&text), &kantlijn::SummaryLocale::builtin());
    let _ = serde_json::to_vec(&comments);
});

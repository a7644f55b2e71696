//! The date parser, round trip: what parses, printed and parsed again,
//! gives the same moment.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(printed) = kantlijn::fuzzing::parse_date(text) {
        let again = kantlijn::fuzzing::parse_date(&printed);
        assert_eq!(again.as_deref(), Some(printed.as_str()), "{text:?}");
    }
});

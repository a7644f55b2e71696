//! The text-string decoder: any bytes decode, and decoding is a function
//! of the bytes alone.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let once = kantlijn::fuzzing::decode_text_string(data);
    assert!(!once.contains('\r'), "line ends are normalised");
    assert_eq!(once, kantlijn::fuzzing::decode_text_string(data));
});

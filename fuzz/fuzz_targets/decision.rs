//! The decision recogniser on arbitrary text, as page text and as the
//! contents of a comment.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let vocabulary = kantlijn::Vocabulary::builtin();
    let stamps = kantlijn::stamp_lines(&text, &vocabulary);
    let mut statements: Vec<kantlijn::Statement<'_>> = stamps.iter().map(kantlijn::StampLine::statement).collect();
    statements.push(kantlijn::Statement::new(&text, kantlijn::Source::Annotation));
    let decisions = kantlijn::build_register(&statements, &[], &vocabulary);
    let _ = serde_json::to_vec(&decisions);
});

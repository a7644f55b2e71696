//! False positives of the decision recogniser on a corpus of real
//! annotations.
//!
//! The corpus's reference output (`expected/<source>/<file>.json`) holds the
//! contents of about 1,800 annotations from public PDF test suites and the
//! text under each highlight; its `*.pdfannots.json` files hold the same
//! kind of text as pdfannots read it. None of it records a decision of the
//! kind kantlijn registers, so every decision found there is a false
//! positive. Each text is read as an annotation's contents (comment mode)
//! and each of its lines as a line of page text (stamp mode).
//!
//! Needs the corpus, which is not shipped: the test is ignored unless asked
//! for, with `KANTLIJN_CORPUS` naming the corpus directory (the one with
//! `expected/`); a missing or empty `expected/` is then a failure.
//!
//! ```text
//! KANTLIJN_CORPUS=../shared/corpus cargo test --test corpus_decisions -- --include-ignored
//! ```

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

use kantlijn::{Source, Statement, Vocabulary, build_register};
use serde_json::Value;
use support::data::Corpus;

mod support;

/// (where, text) of every annotation text in one reference file: `contents`
/// and `text_under` of the reference, `contents` and `text` of pdfannots.
fn texts_of(file: &Path) -> Vec<(String, String)> {
    let json: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
        .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
    let (annotations, keys) = if let Some(list) = json.as_array() {
        (list.clone(), ["contents", "text"])
    } else {
        let list = json["annotations"].as_array().cloned().unwrap_or_default();
        (list, ["contents", "text_under"])
    };
    let mut texts = Vec::new();
    for (index, annotation) in annotations.iter().enumerate() {
        for key in keys {
            if let Some(text) = annotation[key].as_str().filter(|t| !t.trim().is_empty()) {
                texts.push((
                    format!("{} #{index} {key}", file.display()),
                    text.to_owned(),
                ));
            }
        }
    }
    texts
}

#[test]
#[ignore = "needs KANTLIJN_CORPUS"]
fn corpus_texts_are_not_decisions() {
    let files = Corpus::from_env().reference_files();
    let vocabulary = Vocabulary::builtin();
    let mut texts = 0;
    let mut lines = 0;
    let mut found = Vec::new();
    for file in &files {
        for (origin, text) in texts_of(file) {
            texts += 1;
            let statement = [Statement::new(&text, Source::Annotation)];
            for decision in build_register(&statement, &[], &vocabulary) {
                found.push(format!(
                    "{origin} (comment): {text:?} -> {:?}",
                    decision.verdict
                ));
            }
            for line in text.lines() {
                lines += 1;
                let statement = [Statement::new(line, Source::PageText)];
                for decision in build_register(&statement, &[], &vocabulary) {
                    found.push(format!(
                        "{origin} (stamp): {line:?} -> {:?}",
                        decision.verdict
                    ));
                }
            }
        }
    }
    eprintln!(
        "corpus_decisions: {} files, {texts} texts, {lines} lines",
        files.len()
    );
    // The corpus is large enough to mean something.
    assert!(texts > 1_000, "only {texts} texts");
    assert!(found.is_empty(), "false positives:\n{}", found.join("\n"));
}

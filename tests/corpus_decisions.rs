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
//! Runs only when `KANTLIJN_CORPUS` names the corpus directory (the one with
//! `expected/`); otherwise it says so and passes. With the variable set, a
//! missing or empty `expected/` is a failure.
//!
//! ```text
//! KANTLIJN_CORPUS=../shared/corpus cargo test --test corpus_decisions
//! ```

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

use kantlijn::{Source, Statement, Vocabulary, build_register};
use serde_json::Value;

/// The reference files under `expected/`, sorted.
fn reference_files(expected: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for source in std::fs::read_dir(expected).unwrap() {
        let source = source.unwrap().path();
        if !source.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&source).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "json") {
                files.push(file);
            }
        }
    }
    files.sort();
    files
}

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
fn corpus_texts_are_not_decisions() {
    let Some(corpus) = std::env::var_os("KANTLIJN_CORPUS").map(PathBuf::from) else {
        eprintln!("corpus_decisions: KANTLIJN_CORPUS is not set; skipped");
        return;
    };
    let files = reference_files(&corpus.join("expected"));
    assert!(
        !files.is_empty(),
        "KANTLIJN_CORPUS is set but {} holds no reference files",
        corpus.join("expected").display()
    );
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

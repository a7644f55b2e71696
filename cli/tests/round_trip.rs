//! The command's JSON Lines read back through the crate: every shipped
//! fixture's report (errors included) deserialises into a `Report` that
//! serialises to the very same line, and reads back equal.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

use kantlijn::Report;

/// The shipped fixtures: every PDF and text file of `fixtures/`.
fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "pdf" || e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn jsonl_reads_back_into_reports() {
    let files = fixtures();
    assert!(files.len() > 20, "{} fixtures", files.len());
    let output = Command::new(env!("CARGO_BIN_EXE_kantlijn"))
        .args(["-f", "jsonl", "--quiet"])
        .args(&files)
        .output()
        .expect("run kantlijn");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), files.len(), "one report per input");
    let mut failed = 0;
    for line in lines {
        let report: Report = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        failed += usize::from(report.error.is_some());
        let written = serde_json::to_string(&report).unwrap();
        assert_eq!(written, line, "{}", report.file);
        let again: Report = serde_json::from_str(&written).unwrap();
        assert_eq!(again, report, "{}", report.file);
    }
    // The password fixture is an error record; it reads back too.
    assert_eq!(failed, 1);
}

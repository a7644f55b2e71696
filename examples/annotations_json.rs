//! Opens a PDF and prints its annotations as JSON.
//!
//! ```text
//! cargo run --example annotations_json -- fixtures/beslisnota.pdf
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: annotations_json FILE.pdf");
        return ExitCode::from(2);
    };
    let doc = match kantlijn::Document::open(&path) {
        Ok(doc) => doc,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    for warning in doc.warnings() {
        eprintln!("warning: {}", warning.message);
    }
    match serde_json::to_string_pretty(doc.annotations()) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

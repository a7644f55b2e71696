//! The man page and the shell completions, generated from the clap
//! definitions of the binary, name every option the binary takes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../examples/generate.rs"]
mod generate;

use clap::CommandFactory;

/// Every visible long option of `kantlijn`, from `--help`'s definitions.
fn long_options() -> Vec<String> {
    generate::args::Args::command()
        .get_arguments()
        .filter(|arg| !arg.is_hide_set())
        .filter_map(|arg| arg.get_long().map(|long| format!("--{long}")))
        .collect()
}

#[test]
fn the_man_page_documents_every_option() {
    let man = String::from_utf8(generate::man().unwrap()).unwrap();
    assert!(
        man.starts_with(".ie") || man.contains(".TH kantlijn"),
        "{}",
        &man[..200]
    );
    let options = long_options();
    assert!(options.len() > 25, "{options:?}");
    for option in options {
        // roff escapes the dashes: \-\-text\-inputs.
        let escaped = option.replace('-', "\\-");
        assert!(man.contains(&escaped), "{option} is not in the man page");
    }
    assert!(!man.contains("\\-\\-worker"), "internal options stay out");
    assert!(man.contains("Exit status"));
}

#[test]
fn completions_offer_every_option() {
    for shell in [
        clap_complete::Shell::Bash,
        clap_complete::Shell::Zsh,
        clap_complete::Shell::Fish,
    ] {
        let script = String::from_utf8(generate::completions(shell)).unwrap();
        for option in long_options() {
            let bare = option.trim_start_matches('-');
            assert!(script.contains(bare), "{shell}: {option} is not offered");
        }
    }
}

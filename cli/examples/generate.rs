//! Shell completions and a man page for `kantlijn`, from the same clap
//! definitions as its `--help`, so they cannot drift from the options.
//!
//! ```text
//! cargo run -p kantlijn-cli --example generate -- man > kantlijn.1
//! cargo run -p kantlijn-cli --example generate -- completions bash > kantlijn.bash
//! ```
//!
//! A build step rather than a part of the binary: the generators stay out of
//! what `cargo install` builds.

#![allow(dead_code)]

#[path = "../src/args.rs"]
pub(crate) mod args;

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

/// The man page, roff.
pub(crate) fn man() -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(args::Args::command()).render(&mut out)?;
    Ok(out)
}

/// The completion script for a shell.
pub(crate) fn completions(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut args::Args::command(), "kantlijn", &mut out);
    out
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let output = match argv.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["man"] => man().map_err(|e| e.to_string()),
        ["completions", shell] => shell
            .parse::<Shell>()
            .map(completions)
            .map_err(|e| format!("{shell}: {e}")),
        _ => Err("usage: generate man | generate completions SHELL (bash, zsh, fish, powershell, elvish)".to_owned()),
    };
    match output {
        Ok(bytes) => match std::io::stdout().lock().write_all(&bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("generate: {error}");
                ExitCode::from(3)
            }
        },
        Err(message) => {
            eprintln!("generate: {message}");
            ExitCode::from(2)
        }
    }
}

//! `kantlijn`: prints the annotations of PDF files as JSON.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use kantlijn::{Options, Report};

/// Every comment in annotated PDF files, as JSON.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// PDF files to read.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// One line of JSON, even on a terminal.
    #[arg(long)]
    compact: bool,
    /// Password for encrypted files (files with an empty user password open
    /// without one).
    #[arg(long, value_name = "PASSWORD")]
    password: Option<String>,
    /// Also list /Link annotations.
    #[arg(long)]
    links: bool,
    /// Also list /Widget annotations (form fields).
    #[arg(long)]
    widgets: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version are not errors; clap prints them either way.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut options = Options::default();
    options.password = cli.password.clone();
    options.include_links = cli.links;
    options.include_widgets = cli.widgets;

    let reports: Vec<Report> = cli
        .files
        .iter()
        .map(|file| {
            let name = file.display().to_string();
            kantlijn::extract(file, &options).unwrap_or_else(|error| Report::failed(name, &error))
        })
        .collect();
    let failed = reports.iter().any(|report| report.error.is_some());

    let stdout = io::stdout();
    let pretty = !cli.compact && stdout.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let written = if let [report] = reports.as_slice() {
        write_json(&mut out, report, pretty)
    } else {
        write_json(&mut out, &reports, pretty)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) => {
            eprintln!("kantlijn: cannot write the output: {error}");
            return ExitCode::from(2);
        }
    }
    if failed {
        for report in &reports {
            if let Some(error) = &report.error {
                eprintln!("kantlijn: {}", error.message);
            }
        }
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_json(out: &mut impl Write, value: &impl serde::Serialize, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")
}

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
    /// Do not read the text under highlights, underlines, strike-outs and
    /// carets (`text_under` is null); faster on large scanned bundles.
    #[arg(long)]
    no_text: bool,
    /// Threads that read page text for text_under; 0 uses one per core
    /// when a document has enough pages to read.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Print the text of every page in reading order instead of the
    /// annotations (pages separated by a form feed).
    #[arg(long, conflicts_with = "compact")]
    page_text: bool,
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
    options.text_under = !cli.no_text && !cli.page_text;
    options.threads = cli.threads;
    if cli.page_text {
        return page_text(&cli.files, &options);
    }

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

/// Writes the text of every page of every file; a file that cannot be read
/// is reported on stderr and makes the exit status 1.
fn page_text(files: &[PathBuf], options: &Options) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for file in files {
        let document = match kantlijn::Document::open_with(file, options) {
            Ok(document) => document,
            Err(error) => {
                eprintln!("kantlijn: {error}");
                failed = true;
                continue;
            }
        };
        for text in document.page_texts() {
            for warning in &text.warnings {
                eprintln!(
                    "kantlijn: {}: page {}: {}",
                    file.display(),
                    text.page,
                    warning.message
                );
            }
            match write!(out, "{}\x0c", text.plain_text()) {
                Ok(()) => {}
                Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                    return ExitCode::SUCCESS;
                }
                Err(error) => {
                    eprintln!("kantlijn: cannot write the output: {error}");
                    return ExitCode::from(2);
                }
            }
        }
    }
    match out.flush() {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("kantlijn: cannot write the output: {error}");
            ExitCode::from(2)
        }
        _ if failed => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
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

//! `kantlijn`: every comment in annotated PDF files, as JSON, JSON Lines,
//! CSV or Markdown, for one file or a release of thousands.

mod args;
mod inputs;
mod pool;
mod progress;
mod render;
mod sink;
mod worker;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

use clap::Parser;
use kantlijn::output::{CsvWriter, Format};
use kantlijn::{ErrorKind, Report};

use crate::args::Args;
use crate::pool::{Outcome, Spawner, Stop};
use crate::progress::{Progress, Totals};
use crate::render::Renderer;
use crate::sink::AtomicFile;
use crate::worker::{Header, Job};

const USAGE: u8 = 2;
const SOME_FAILED: u8 = 1;
const INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    if args.worker {
        return worker::run(&args, args.format(false));
    }
    match coordinate(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("kantlijn: {message}");
            ExitCode::from(USAGE)
        }
    }
}

/// Where the rendered outputs go.
enum Destination {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(AtomicFile),
    Directory(std::path::PathBuf),
}

type Runner<'r> =
    dyn FnMut(Vec<Job>, &mut dyn FnMut(Outcome) -> io::Result<()>) -> Result<(), Stop> + 'r;

/// Runs the jobs and writes their outputs, framed, into one stream.
fn stream_all(
    format: Format,
    jobs: Vec<Job>,
    out: &mut dyn Write,
    run: &mut Runner<'_>,
    totals: &mut Totals,
    progress: &Progress,
    quiet: bool,
) -> Result<(), Stop> {
    let mut stream = Stream::new(format, jobs.len());
    stream.begin(out).map_err(Stop::Output)?;
    run(jobs, &mut |outcome: Outcome| {
        totals.add(&outcome.header);
        progress.update(totals);
        if skipped(&outcome, quiet) {
            return Ok(());
        }
        stream.write(out, &outcome.payload)
    })?;
    stream
        .end(out)
        .and_then(|()| out.flush())
        .map_err(Stop::Output)
}

fn coordinate(args: &Args) -> Result<ExitCode, String> {
    if args.jobs == Some(0) {
        return Err("--jobs must be at least 1".to_owned());
    }
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        return Err("--timeout must be a positive number of seconds".to_owned());
    }
    if args.ocr {
        ocr_available(&args.ocr_lang)?;
    }
    let found = inputs::collect(&args.paths, args.files_from.as_deref());
    for (path, error) in &found.unreadable {
        eprintln!("kantlijn: cannot read {}: {error}", path.display());
    }
    if found.files.is_empty() && found.unreadable.is_empty() {
        return Err(
            "no input files (give files, folders, or - to read paths from standard input)"
                .to_owned(),
        );
    }

    let several = found.files.len() != 1 || args.paths.iter().any(|p| p.is_dir());
    let format = if args.output_dir.is_some() {
        Format::Json
    } else {
        args.format(several)
    };
    let pretty = match (&args.output, &args.output_dir) {
        (_, Some(_)) => !args.compact,
        (Some(_), None) => false,
        (None, None) => !args.compact && io::stdout().is_terminal() && format == Format::Json,
    };

    let mut skipped_existing = 0;
    let mut jobs = Vec::with_capacity(found.files.len());
    for (path, from_folder) in found.files {
        if args.skip_existing
            && let Some(dir) = &args.output_dir
            && sink::report_path(dir, &path).exists()
        {
            skipped_existing += 1;
            continue;
        }
        jobs.push(Job {
            index: jobs.len(),
            path,
            from_folder,
        });
    }

    let program =
        std::env::current_exe().map_err(|e| format!("cannot find its own program file: {e}"))?;
    let mut env = Vec::new();
    if let Some(password) = &args.password {
        env.push((worker::PASSWORD_ENV.to_owned(), password.clone()));
    }
    // Tesseract runs its own OpenMP threads inside each recognition; with
    // pages already read one per thread and workers one per core they only
    // contend (a page then takes three times as long). OpenMP reads this
    // when the process starts, so it is set for the workers.
    if args.ocr && std::env::var_os("OMP_THREAD_LIMIT").is_none() {
        env.push(("OMP_THREAD_LIMIT".to_owned(), "1".to_owned()));
    }
    let workers = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .min(jobs.len().max(1));
    // Threads inside one document only pay when the workers leave cores
    // idle: with one worker, as many as asked (0: one per core); with
    // several, one each unless asked otherwise.
    let threads = args.threads.unwrap_or(if workers == 1 { 0 } else { 1 });
    let spawner = Spawner {
        program,
        args: args.worker_args(format, pretty, threads),
        env,
    };

    let destination = match (&args.output, &args.output_dir) {
        (_, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            Destination::Directory(dir.clone())
        }
        (Some(path), None) => Destination::File(
            AtomicFile::create(path)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        ),
        (None, None) => Destination::Stdout(BufWriter::new(io::stdout().lock())),
    };

    let interrupted = pool::interrupt_flag();
    let _ = ctrlc::set_handler(move || {
        pool::interrupt_flag().store(true, Ordering::SeqCst);
    });

    let renderer = Renderer::new(format, pretty);
    let failure = |job: &Job, kind: ErrorKind, message: String| {
        let report = Report::failed_with(job.path.display().to_string(), kind, message);
        let payload = renderer.render(&report);
        (Header::of(job.index, &report, payload.len()), payload)
    };

    let progress = Progress::new(jobs.len(), args.quiet);
    let mut totals = Totals::default();
    let job_count = jobs.len();
    let mut run = |jobs: Vec<Job>, emit: &mut dyn FnMut(Outcome) -> io::Result<()>| {
        pool::run(
            jobs,
            workers,
            timeout(args),
            &spawner,
            interrupted,
            &failure,
            emit,
        )
    };
    let result = match destination {
        Destination::Directory(dir) => run(jobs, &mut |outcome: Outcome| {
            totals.add(&outcome.header);
            progress.update(&totals);
            if skipped(&outcome, args.quiet) {
                return Ok(());
            }
            sink::write_report_file(
                &sink::report_path(&dir, &outcome.job.path),
                &outcome.payload,
            )
        }),
        Destination::File(mut file) => {
            let streamed = stream_all(
                format,
                jobs,
                &mut file,
                &mut run,
                &mut totals,
                &progress,
                args.quiet,
            );
            // Unless committed, the file is removed when dropped.
            streamed.and_then(|()| file.commit().map_err(Stop::Output))
        }
        Destination::Stdout(mut out) => stream_all(
            format,
            jobs,
            &mut out,
            &mut run,
            &mut totals,
            &progress,
            args.quiet,
        ),
    };
    progress.finish();

    match result {
        Ok(()) => {}
        Err(Stop::Interrupted) => {
            eprintln!("kantlijn: interrupted");
            return Ok(ExitCode::from(INTERRUPTED));
        }
        Err(Stop::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS);
        }
        Err(Stop::Output(error)) => return Err(format!("cannot write the output: {error}")),
        Err(Stop::Spawn(error)) => return Err(format!("cannot start a worker process: {error}")),
    }
    if !args.quiet && (job_count > 1 || skipped_existing > 0) {
        eprintln!(
            "{}",
            progress::summary(
                &totals,
                skipped_existing + totals.skipped,
                progress.elapsed()
            )
        );
    }
    if totals.errors > 0 || !found.unreadable.is_empty() {
        Ok(ExitCode::from(SOME_FAILED))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// Whether an outcome is a skipped file (saying so unless quiet).
fn skipped(outcome: &Outcome, quiet: bool) -> bool {
    if outcome.header.skipped && !quiet {
        eprintln!(
            "kantlijn: skipped {} (neither a PDF nor a text file)",
            outcome.job.path.display()
        );
    }
    outcome.header.skipped
}

/// Whether `--ocr` can run: built in, and Tesseract starts with the
/// languages asked for.
#[cfg(feature = "ocr")]
fn ocr_available(languages: &str) -> Result<(), String> {
    kantlijn::OcrOptions::with_languages(languages)
        .check()
        .map_err(|e| format!("--ocr: {e}"))
}

#[cfg(not(feature = "ocr"))]
fn ocr_available(_: &str) -> Result<(), String> {
    Err(
        "--ocr: this kantlijn was built without OCR; build it with the `ocr` feature \
         (cargo install kantlijn --features ocr), which needs Tesseract 5 and Leptonica \
         (Debian: apt-get install tesseract-ocr tesseract-ocr-nld libtesseract-dev \
         libleptonica-dev libclang-dev)"
            .to_owned(),
    )
}

fn timeout(args: &Args) -> Duration {
    Duration::from_secs_f64(args.timeout)
}

/// Frames the outputs of several reports as one stream: a JSON array, a CSV
/// with one header, or plain concatenation.
struct Stream {
    format: Format,
    array: bool,
    written: usize,
}

impl Stream {
    fn new(format: Format, reports: usize) -> Self {
        Self {
            format,
            array: format == Format::Json && reports != 1,
            written: 0,
        }
    }

    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            Format::Csv(records) => {
                let mut writer = CsvWriter::new(&mut *out, records);
                writer.write_header()?;
                writer.into_inner().map(|_| ())
            }
            Format::NotasMarkdown => kantlijn::output::write_nota_table_header(out),
            _ if self.array => out.write_all(b"["),
            _ => Ok(()),
        }
    }

    fn write(&mut self, out: &mut dyn Write, payload: &[u8]) -> io::Result<()> {
        if self.array {
            out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        }
        out.write_all(payload)?;
        if self.format == Format::Json && !self.array {
            out.write_all(b"\n")?;
        }
        self.written += 1;
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.array {
            out.write_all(b"\n]\n")?;
        }
        Ok(())
    }
}

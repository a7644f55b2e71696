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
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use kantlijn::output::{CsvWriter, Format};
use kantlijn::{ErrorKind, InputKind, Report};

use crate::args::Args;
use crate::pool::{Outcome, Spawner, Stop};
use crate::progress::{Progress, Totals};
use crate::render::Renderer;
use crate::sink::OutputFile;
use crate::worker::{Header, Job};

/// Some inputs could not be read, or a folder held none.
const SOME_FAILED: u8 = 1;
/// The command line asks for something that cannot be done.
const USAGE: u8 = 2;
/// The output could not be written.
const OUTPUT_FAILED: u8 = 3;
/// Ctrl-C.
const INTERRUPTED: u8 = 130;

/// The environment variable a password may come from.
const PASSWORD_ENV: &str = "KANTLIJN_PASSWORD";

fn main() -> ExitCode {
    let args = match Args::parse_checked() {
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
        Err(fatal) => {
            eprintln!("kantlijn: {}", fatal.message);
            ExitCode::from(fatal.status)
        }
    }
}

/// A reason to stop before or while writing the output.
struct Fatal {
    status: u8,
    message: String,
}

impl Fatal {
    fn usage(message: impl Into<String>) -> Self {
        Self {
            status: USAGE,
            message: message.into(),
        }
    }

    fn output(message: impl Into<String>) -> Self {
        Self {
            status: OUTPUT_FAILED,
            message: message.into(),
        }
    }
}

/// Where the rendered outputs go.
enum Destination {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(OutputFile),
    Directory(PathBuf),
}

type Runner<'r> =
    dyn FnMut(Vec<Job>, &mut dyn FnMut(Outcome) -> io::Result<()>) -> Result<(), Stop> + 'r;

/// Runs the jobs and writes their outputs, framed, into one stream.
fn stream_all(
    mut stream: Stream,
    jobs: Vec<Job>,
    out: &mut dyn Write,
    run: &mut Runner<'_>,
    totals: &mut Totals,
    progress: &Progress,
) -> Result<(), Stop> {
    stream.begin(out).map_err(Stop::Output)?;
    run(jobs, &mut |outcome: Outcome| {
        totals.add(&outcome.header);
        progress.update(totals);
        if outcome.header.skipped {
            return Ok(());
        }
        stream.write(out, &outcome)
    })?;
    stream
        .end(out)
        .and_then(|()| out.flush())
        .map_err(Stop::Output)
}

fn coordinate(args: &Args) -> Result<ExitCode, Fatal> {
    if args.paths.is_empty() && args.files_from.is_none() {
        return Err(Fatal::usage(
            "no inputs: give files, folders, or - to read standard input (a PDF, or a list of paths)",
        ));
    }
    if args.ocr {
        ocr_available(&args.ocr_lang).map_err(Fatal::usage)?;
    }
    let password = password(args)?;
    let found = inputs::collect(args);
    if let Some((list, error)) = &found.broken_list {
        return Err(Fatal::usage(format!(
            "cannot read the list of paths {}: {error}",
            list.display()
        )));
    }
    for (path, error) in &found.unreadable {
        eprintln!("kantlijn: cannot read {}: {error}", path.display());
    }

    // Found now, not after a batch of hours: the report is written to a
    // temporary file beside it and renamed at the end.
    if let Some(output) = args.output.as_deref().filter(|o| o.as_os_str() != "-")
        && output.is_dir()
    {
        return Err(Fatal::usage(format!(
            "the output {} is a folder: name a file, or use --output-dir for a report per input",
            output.display()
        )));
    }
    if let Some(output) = args.output.as_deref().filter(|o| o.as_os_str() != "-")
        && let Some(input) = found
            .files
            .iter()
            .find(|input| same_file(output, &input.path) && read_as_input(args, input))
    {
        return Err(Fatal::usage(format!(
            "the output {} is the input {}: it would be overwritten",
            output.display(),
            input.path.display()
        )));
    }

    let several = found.files.len() != 1 || !found.folders.is_empty() || found.listed;
    let format = args.format(several);
    let pretty = match (&args.output, &args.output_dir) {
        (_, Some(_)) => !args.compact,
        (Some(path), None) if path.as_os_str() != "-" => false,
        _ => !args.compact && io::stdout().is_terminal() && format == Format::Json,
    };

    let Plan {
        jobs,
        folder_of,
        skipped_existing,
        existing_in_folder,
    } = plan(args, &found.files);
    let (spawner, workers) = spawner(args, password, format, pretty, jobs.len())?;
    let destination = destination(args)?;

    let interrupted = pool::interrupt_flag();
    let _ = ctrlc::set_handler(move || {
        pool::interrupt_flag().store(true, Ordering::SeqCst);
    });

    let renderer = Renderer::new(format, pretty);
    let failure = |job: &Job, kind: ErrorKind, message: String| {
        let mut report = Report::failed_with(job.name().display().to_string(), kind, message);
        report.set_file(job.name());
        let payload = renderer.render(&report);
        (Header::of(job.index, &report), payload)
    };

    let progress = Progress::new(jobs.len(), args.quiet);
    let mut totals = Totals::default();
    let mut read_in_folder = vec![0usize; found.folders.len()];
    for &folder in &existing_in_folder {
        if let Some(count) = read_in_folder.get_mut(folder) {
            *count += 1;
        }
    }
    let job_count = jobs.len();
    let mut run = |jobs: Vec<Job>, emit: &mut dyn FnMut(Outcome) -> io::Result<()>| {
        pool::run(
            jobs,
            workers,
            args.time_limit(),
            &spawner,
            interrupted,
            &failure,
            &mut |outcome: Outcome| {
                // Each input that failed is named, as with --page-text: the
                // summary line only counts them.
                if let Some(message) = &outcome.header.message {
                    eprintln!("kantlijn: {message}");
                }
                if !outcome.header.skipped
                    && let Some(Some(folder)) = folder_of.get(outcome.job.index)
                    && let Some(count) = read_in_folder.get_mut(*folder)
                {
                    *count += 1;
                }
                emit(outcome)
            },
        )
    };
    let stream = Stream::new(format, several, args.page_text && several);
    let mut unwritten = 0_usize;
    // Each report written, and the input it is of.
    let mut written: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    let result = match destination {
        Destination::Directory(dir) => run(jobs, &mut |outcome: Outcome| {
            totals.add(&outcome.header);
            progress.update(&totals);
            if outcome.header.skipped {
                return Ok(());
            }
            let path = sink::report_path(&dir, &outcome.job.path, outcome.job.stdin);
            // "a.pdf" and "./a.pdf" name one file, whose report is written
            // once, for the first; the others are said.
            if let Some(first) = written.get(&path) {
                eprintln!(
                    "kantlijn: {} names the same file as {}: its report is {}",
                    outcome.job.name().display(),
                    first.display(),
                    path.display()
                );
                return Ok(());
            }
            written.insert(path.clone(), outcome.job.name().to_path_buf());
            match sink::write_report_file(&path, &outcome.payload) {
                // A report the file system cannot name fails its input,
                // not the batch.
                Err(error) if sink::is_name_error(&error) => {
                    eprintln!(
                        "kantlijn: {}: cannot write its report {}: {error}",
                        outcome.job.name().display(),
                        path.display()
                    );
                    unwritten += 1;
                    Ok(())
                }
                written => written,
            }
        }),
        Destination::File(mut file) => {
            let streamed = stream_all(stream, jobs, &mut file, &mut run, &mut totals, &progress);
            // Unless committed, a regular file is removed when dropped.
            streamed.and_then(|()| file.commit().map_err(Stop::Output))
        }
        Destination::Stdout(mut out) => {
            stream_all(stream, jobs, &mut out, &mut run, &mut totals, &progress)
        }
    };
    progress.finish();
    drop(found.stdin_copy);

    if let Some(code) = stopped(result)? {
        return Ok(code);
    }
    let skipped = skipped_existing + totals.skipped;
    if !args.quiet && (job_count > 1 || skipped > 0) {
        eprintln!(
            "{}",
            progress::summary(&totals, skipped, progress.elapsed())
        );
    }
    for (read, overlaps) in read_in_folder.iter_mut().zip(&found.overlaps) {
        // Its files may all have been read with a folder named before.
        if *overlaps {
            *read = (*read).max(1);
        }
    }
    let empty_folders = say_empty_folders(&found.folders, &read_in_folder, args.text_inputs);
    let failed =
        totals.errors > 0 || !found.unreadable.is_empty() || empty_folders > 0 || unwritten > 0;
    if failed && !args.exit_zero {
        Ok(ExitCode::from(SOME_FAILED))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// The inputs to read, as jobs.
struct Plan {
    jobs: Vec<Job>,
    /// The folder (an index into the inputs' folders) each job came from.
    folder_of: Vec<Option<usize>>,
    /// Inputs left out because their report exists (--skip-existing).
    skipped_existing: usize,
    /// The folder of each of those found in a folder: its input was read,
    /// by an earlier run.
    existing_in_folder: Vec<usize>,
}

/// The jobs for the inputs found, less those whose report already exists
/// under --skip-existing.
fn plan(args: &Args, files: &[inputs::Input]) -> Plan {
    let mut plan = Plan {
        jobs: Vec::with_capacity(files.len()),
        folder_of: Vec::with_capacity(files.len()),
        skipped_existing: 0,
        existing_in_folder: Vec::new(),
    };
    for input in files {
        if args.skip_existing
            && let Some(dir) = &args.output_dir
            && sink::report_without_error(&sink::report_path(dir, &input.path, input.stdin))
        {
            plan.skipped_existing += 1;
            plan.existing_in_folder.extend(input.folder);
            continue;
        }
        plan.folder_of.push(input.folder);
        plan.jobs.push(Job {
            index: plan.jobs.len(),
            path: input.path.clone(),
            from_folder: input.folder.is_some(),
            stdin: input.stdin,
        });
    }
    plan
}

/// How the worker processes are started, and how many run for `jobs`
/// inputs.
fn spawner(
    args: &Args,
    password: Option<String>,
    format: Format,
    pretty: bool,
    jobs: usize,
) -> Result<(Spawner, usize), Fatal> {
    let program = std::env::current_exe()
        .map_err(|e| Fatal::usage(format!("cannot find its own program file: {e}")))?;
    let mut env = Vec::new();
    if let Some(password) = password {
        env.push((worker::PASSWORD_ENV.to_owned(), password));
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
        .min(jobs.max(1));
    // Threads inside one document only pay when the workers leave cores
    // idle: with one worker, as many as asked (0: one per core); with
    // several, one each unless asked otherwise.
    let threads = args.threads.unwrap_or(if workers == 1 { 0 } else { 1 });
    let spawner = Spawner {
        program,
        args: args.worker_args(format, pretty, threads),
        env,
    };
    Ok((spawner, workers))
}

/// Where the output goes: a folder of reports, a file written whole or not
/// at all, or standard output.
fn destination(args: &Args) -> Result<Destination, Fatal> {
    Ok(match (&args.output, &args.output_dir) {
        (_, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| Fatal::output(format!("cannot create {}: {e}", dir.display())))?;
            Destination::Directory(dir.clone())
        }
        (Some(path), None) if path.as_os_str() != "-" => Destination::File(
            OutputFile::create(path)
                .map_err(|e| Fatal::output(format!("cannot write {}: {e}", path.display())))?,
        ),
        _ => Destination::Stdout(BufWriter::new(io::stdout().lock())),
    })
}

/// The exit status of a run that stopped early, or the reason to fail;
/// `None` when every input was handled.
fn stopped(result: Result<(), Stop>) -> Result<Option<ExitCode>, Fatal> {
    match result {
        Ok(()) => Ok(None),
        Err(Stop::Interrupted) => {
            eprintln!("kantlijn: interrupted");
            Ok(Some(ExitCode::from(INTERRUPTED)))
        }
        Err(Stop::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            Ok(Some(ExitCode::SUCCESS))
        }
        Err(Stop::Output(error)) => Err(Fatal::output(format!("cannot write the output: {error}"))),
        Err(Stop::Spawn(error)) => Err(Fatal::usage(format!(
            "cannot start a worker process: {error}"
        ))),
    }
}

/// Whether an input would be read: a file named on its own always is; one
/// found in a folder only when it is a PDF or, with --text-inputs, a text
/// file (the register a previous run wrote into the folder is neither).
fn read_as_input(args: &Args, input: &inputs::Input) -> bool {
    input.folder.is_none()
        || match kantlijn::sniff_file(&input.path) {
            Some(InputKind::Pdf) => true,
            Some(InputKind::Text) => args.text_inputs,
            _ => false,
        }
}

/// Whether two paths name one existing regular file.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
            return false;
        };
        a.is_file() && b.is_file() && a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        a.is_file()
            && matches!(
                (std::fs::canonicalize(a), std::fs::canonicalize(b)),
                (Ok(a), Ok(b)) if a == b
            )
    }
}

/// Says which folders gave nothing to read; how many.
fn say_empty_folders(folders: &[PathBuf], read_in_folder: &[usize], text_inputs: bool) -> usize {
    let mut empty = 0;
    for (folder, _) in folders
        .iter()
        .zip(read_in_folder)
        .filter(|(_, read)| **read == 0)
    {
        eprintln!("kantlijn: {}", nothing_in(folder, text_inputs));
        empty += 1;
    }
    empty
}

/// The password: `--password`, the first line of `--password-file`, or
/// the environment variable.
fn password(args: &Args) -> Result<Option<String>, Fatal> {
    if let Some(password) = &args.password {
        return Ok(Some(password.clone()));
    }
    if let Some(file) = &args.password_file {
        let text = std::fs::read_to_string(file).map_err(|e| {
            Fatal::usage(format!(
                "cannot read the password file {}: {e}",
                file.display()
            ))
        })?;
        let line = text.lines().next().unwrap_or_default();
        return Ok(Some(line.to_owned()));
    }
    Ok(std::env::var(PASSWORD_ENV).ok().filter(|p| !p.is_empty()))
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
         (cargo install kantlijn-cli --features ocr), which needs Tesseract 5 and Leptonica \
         (Debian: apt-get install tesseract-ocr tesseract-ocr-nld libtesseract-dev \
         libleptonica-dev libclang-dev)"
            .to_owned(),
    )
}

/// What to say about a folder in which nothing was read.
fn nothing_in(folder: &Path, text_inputs: bool) -> String {
    let files = std::fs::read_dir(folder).map_or(0, Iterator::count);
    let wanted = if text_inputs {
        "PDF or text file"
    } else {
        "PDF"
    };
    if files == 0 {
        format!("{}: an empty folder; no {wanted} to read", folder.display())
    } else if text_inputs {
        format!("{}: no {wanted} in this folder", folder.display())
    } else {
        format!(
            "{}: no {wanted} in this folder (--text-inputs also reads text files)",
            folder.display()
        )
    }
}

/// Frames the outputs of several reports as one stream: a JSON array, a CSV
/// with one header, or plain concatenation; the text of several files, each
/// after a line naming it.
struct Stream {
    format: Format,
    array: bool,
    headers: bool,
    written: usize,
}

impl Stream {
    /// `several`: the inputs are not one file named alone (a folder, a
    /// list, more than one path), so that JSON is an array however many
    /// reports there turn out to be: a script reading a folder's output
    /// must not find an object on the day the folder holds one PDF.
    fn new(format: Format, several: bool, headers: bool) -> Self {
        Self {
            format,
            array: format == Format::Json && several && !headers,
            headers,
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

    fn write(&mut self, out: &mut dyn Write, outcome: &Outcome) -> io::Result<()> {
        if self.headers {
            if self.written > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"==> ")?;
            out.write_all(outcome.job.name().as_os_str().as_encoded_bytes())?;
            out.write_all(b" <==\n")?;
        } else if self.array {
            out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        }
        out.write_all(&outcome.payload)?;
        if self.format == Format::Json && !self.array && !self.headers {
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

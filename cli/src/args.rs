//! Command-line arguments, and the combinations of them that make sense.

use std::path::PathBuf;
use std::time::Duration;

use clap::{CommandFactory, Parser, ValueEnum};
use kantlijn::Subtype;
use kantlijn::output::{Format, Records};

/// Seconds a file may take by default with `--ocr`: a scanned bundle of
/// a thousand pages, read at about a page a second a core.
const OCR_TIMEOUT: f64 = 1800.0;

/// Every comment in annotated PDF files (and in Acrobat comment summaries
/// kept as text), as JSON, JSON Lines, CSV or Markdown.
///
/// PATHs are files or folders. Folders are read recursively for PDFs,
/// recognised by their content; --text-inputs also takes the text files in
/// them. A file named on its own is always read: a PDF, or a text file
/// (pages separated by form feeds). A file named .pdf that holds no PDF
/// gets an error record, in a folder too. `-` reads standard input: a PDF
/// is read as a PDF, text as a list of paths, one per line (-0: separated
/// by NUL bytes), and other binary data is refused. Each file is read in a worker process with a time limit,
/// so one broken file never stops a batch: it gets a report with an
/// `error`. Output follows the order of the inputs.
///
/// Exit status: 0 when every input was read; 1 when some could not be (their
/// reports carry `error`) or a folder held no input (--exit-zero: 0 in both
/// cases); 2 for a usage error; 3 when the output could not be written (a
/// full disk, say); 130 when interrupted.
#[derive(Debug, Parser)]
#[command(name = "kantlijn", version, about, long_about)]
pub(crate) struct Args {
    /// Files and folders to read; `-` reads standard input (a PDF, or a list
    /// of paths).
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Read paths from FILE, one per line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub(crate) files_from: Option<PathBuf>,

    /// Path lists (standard input, --files-from) are separated by NUL bytes,
    /// as `find -print0` writes them, not by line ends.
    #[arg(short = '0', long)]
    pub(crate) null: bool,

    /// Read standard input (`-`) as a PDF, whatever its first bytes.
    #[arg(long)]
    pub(crate) stdin_pdf: bool,

    /// Also read the text files found in folders (text extracted from
    /// released PDFs, Acrobat comment summaries); by default folders give
    /// only PDFs.
    #[arg(long)]
    pub(crate) text_inputs: bool,

    /// Output format. Default: json for a single file, jsonl otherwise.
    #[arg(short, long, value_enum)]
    pub(crate) format: Option<FormatArg>,

    /// With --format csv: what one row stands for (default: annotations).
    #[arg(long, value_enum)]
    pub(crate) records: Option<RecordsArg>,

    /// JSON on one line, even on a terminal (with json, jsonl and
    /// --output-dir).
    #[arg(long)]
    pub(crate) compact: bool,

    /// Write the output to FILE, replaced only when the run completes (`-`:
    /// standard output).
    #[arg(short, long, value_name = "FILE", conflicts_with = "output_dir")]
    pub(crate) output: Option<PathBuf>,

    /// Write one JSON report per input into DIR, at the input's path with
    /// `.json` added (a leading `/` becomes `%2F`, `..` becomes `%2E%2E`,
    /// `%` becomes `%25`; standard input is `%stdin.json`).
    #[arg(long, value_name = "DIR")]
    pub(crate) output_dir: Option<PathBuf>,

    /// With --output-dir: skip inputs whose report is already there and
    /// records no error (an input that failed, timed out or crashed is read
    /// again).
    #[arg(long, requires = "output_dir")]
    pub(crate) skip_existing: bool,

    /// Worker processes (default: the number of cores).
    #[arg(short, long, value_name = "N")]
    pub(crate) jobs: Option<usize>,

    /// Seconds one file may take (default: 60, the library's; with --ocr,
    /// which reads about a page a second a core, 1800). The reading stops
    /// there and the report holds what was read, with a warning; a worker
    /// that does not return shortly after is stopped and the file gets a
    /// `timeout` error.
    #[arg(long, value_name = "SECONDS")]
    pub(crate) timeout: Option<f64>,

    /// No progress and no summary on standard error (each input that
    /// could not be read is still said there).
    #[arg(short, long)]
    pub(crate) quiet: bool,

    /// Exit with status 0 even when some inputs could not be read (their
    /// reports carry `error`), as a step of a pipeline wants.
    #[arg(long)]
    pub(crate) exit_zero: bool,

    /// Password for encrypted files (files with an empty user password open
    /// without one, and with any: a batch with one file's password reads
    /// the others too). Other users can see it in the process list: prefer
    /// --password-file or the environment variable KANTLIJN_PASSWORD.
    #[arg(long, value_name = "PASSWORD", conflicts_with = "password_file")]
    pub(crate) password: Option<String>,

    /// Read the password from the first line of FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) password_file: Option<PathBuf>,

    /// Also list /Link annotations.
    #[arg(long)]
    pub(crate) links: bool,

    /// Also list /Widget annotations (form fields).
    #[arg(long)]
    pub(crate) widgets: bool,

    /// Do not read the text under highlights, underlines, strike-outs and
    /// carets (`text_under` is null), the text that stamps' and text boxes'
    /// appearances draw (`appearance_text` is null), nor the page text that
    /// printed comment summaries and burned-in stamps are found in; much
    /// faster on large scanned bundles.
    #[arg(long, conflicts_with = "no_flattened")]
    pub(crate) no_text: bool,

    /// Do not read every page's text for printed comment summaries and
    /// burned-in stamps (text under highlights is still read).
    #[arg(long)]
    pub(crate) no_flattened: bool,

    /// Read scanned pages without a text layer by OCR (Tesseract), so that
    /// stamps and printed comment summaries on them are found too. Needs a
    /// kantlijn built with the `ocr` feature.
    #[arg(long)]
    pub(crate) ocr: bool,

    /// The languages OCR reads, as Tesseract names them, joined by `+`.
    #[arg(
        long,
        value_name = "LANGS",
        default_value = "nld+eng",
        requires = "ocr"
    )]
    pub(crate) ocr_lang: String,

    /// Threads that read the pages of one document (0: one per core when a
    /// document has enough pages; batch workers use one each).
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<usize>,

    /// Print the text of every page in reading order instead of a report
    /// (pages separated by a form feed; with several files, each starts
    /// with a line `==> PATH <==`).
    #[arg(long, conflicts_with_all = [
        "decisions", "notas", "format", "output_dir", "records", "compact", "subtype", "author",
        "since", "until", "links", "widgets", "no_text", "no_flattened",
    ])]
    pub(crate) page_text: bool,

    /// Keep only annotations of these subtypes (repeatable: --subtype
    /// Highlight --subtype Text), compared without regard to case.
    #[arg(long, value_name = "NAME", value_parser = parse_subtype)]
    pub(crate) subtype: Vec<String>,

    /// Keep only annotations whose author contains TEXT (case-insensitive).
    #[arg(long, value_name = "TEXT")]
    pub(crate) author: Option<String>,

    /// Keep only records dated on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub(crate) since: Option<chrono::NaiveDate>,

    /// Keep only records dated on or before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub(crate) until: Option<chrono::NaiveDate>,

    /// Only the decisions ("MWP akkoord 8/6"): one JSON line (or, with
    /// --format csv, one row) per decision, with its file; an input without
    /// any gives one with its file alone.
    #[arg(long)]
    pub(crate) decisions: bool,

    /// Only the notas of each bundle (title, date, reference, pages, the
    /// decisions taken on each): one JSON line (with --format csv, one row;
    /// with --format markdown, one table row) per nota, with its file; an
    /// input without any gives one with its file alone.
    #[arg(long, conflicts_with = "decisions")]
    pub(crate) notas: bool,

    /// Run as a worker of another kantlijn process (internal).
    #[arg(long, hide = true)]
    pub(crate) worker: bool,

    /// The exact output format of a worker (internal).
    #[arg(long, hide = true, value_parser = parse_format)]
    pub(crate) worker_format: Option<Format>,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// A JSON report, or an array of reports.
    Json,
    /// One JSON report per line.
    Jsonl,
    /// One row per record (see --records).
    Csv,
    /// A review page per file.
    Markdown,
}

/// `--records`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RecordsArg {
    /// One row per annotation.
    Annotations,
    /// One row per entry of a printed comment summary.
    Comments,
    /// One row per decision.
    Decisions,
    /// One row per nota, its decisions folded in.
    Notas,
}

/// Where a file's reading stops, and where its worker is stopped: the
/// reading is given `timeout`; a worker still busy `grace` later (a single
/// step of a dependency that does not look at the clock) is killed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TimeLimit {
    pub(crate) timeout: Duration,
    pub(crate) grace: Duration,
}

impl TimeLimit {
    /// When the coordinator gives up on a worker.
    pub(crate) fn kill_after(&self) -> Duration {
        self.timeout.saturating_add(self.grace)
    }
}

impl Args {
    /// Parses the arguments and checks the combinations clap cannot: an
    /// option that would be ignored is a usage error, not a surprise.
    pub(crate) fn parse_checked() -> Result<Self, clap::Error> {
        let args = Self::try_parse()?;
        if !args.worker
            && let Some(problem) = args.ignored_option()
        {
            return Err(Self::command().error(clap::error::ErrorKind::ArgumentConflict, problem));
        }
        Ok(args)
    }

    /// The first option this combination would ignore, said as a usage
    /// error.
    fn ignored_option(&self) -> Option<String> {
        let format = self.format;
        let csv = format == Some(FormatArg::Csv);
        if self.records.is_some() && !csv {
            return Some("--records chooses the rows of a CSV: it needs --format csv".into());
        }
        if self.decisions {
            if let Some(format @ (FormatArg::Json | FormatArg::Markdown)) = format {
                return Some(format!(
                    "--decisions writes JSON Lines, or CSV with --format csv; --format {} would be ignored",
                    format.name()
                ));
            }
            if self.records.is_some_and(|r| r != RecordsArg::Decisions) {
                return Some(
                    "--decisions writes one row per decision; --records would be ignored".into(),
                );
            }
            if self.output_dir.is_some() {
                return Some(
                    "--output-dir writes whole reports; --decisions would be ignored".into(),
                );
            }
        }
        if self.notas {
            if format == Some(FormatArg::Json) {
                return Some(
                    "--notas writes JSON Lines, CSV with --format csv or Markdown with --format markdown; --format json would be ignored"
                        .into(),
                );
            }
            if self.records.is_some_and(|r| r != RecordsArg::Notas) {
                return Some("--notas writes one row per nota; --records would be ignored".into());
            }
            if self.output_dir.is_some() {
                return Some("--output-dir writes whole reports; --notas would be ignored".into());
            }
        }
        // A register is asked for by its flag, or as CSV rows.
        let register = |flag: bool, records| flag || (csv && self.records == Some(records));
        if !self.subtype.is_empty() || self.author.is_some() {
            if register(self.decisions, RecordsArg::Decisions) {
                return Some(
                    "decisions are kept by their date alone: --subtype and --author would be ignored (--since and --until apply)"
                        .into(),
                );
            }
            if register(self.notas, RecordsArg::Notas) {
                return Some(
                    "a nota's decisions are kept by their date alone: --subtype and --author would be ignored (--since and --until apply)"
                        .into(),
                );
            }
        }
        if self.output_dir.is_some()
            && let Some(format) = format.filter(|f| *f != FormatArg::Json)
        {
            return Some(format!(
                "--output-dir writes one JSON report per input; --format {} would be ignored",
                format.name()
            ));
        }
        // The registers are JSON Lines of rows, each on its line already.
        if self.compact
            && (self.decisions
                || self.notas
                || matches!(format, Some(FormatArg::Csv | FormatArg::Markdown)))
        {
            return Some("--compact shapes JSON reports; this output has none".into());
        }
        let reads_stdin = self.paths.iter().any(|p| p.as_os_str() == "-");
        if self.stdin_pdf && !reads_stdin {
            return Some("--stdin-pdf says how to read `-`, which is not among the inputs".into());
        }
        let stdin_list = reads_stdin && !self.stdin_pdf;
        if self.null && !stdin_list && self.files_from.is_none() {
            return Some(
                "-0 separates the paths of a list: it needs `-` (a list on standard input) or --files-from"
                    .into(),
            );
        }
        let stdin_uses = self.paths.iter().filter(|p| p.as_os_str() == "-").count()
            + usize::from(
                self.files_from
                    .as_ref()
                    .is_some_and(|f| f.as_os_str() == "-"),
            );
        if stdin_uses > 1 {
            return Some("standard input can be read once: give `-` once".into());
        }
        if self.jobs == Some(0) {
            return Some("--jobs must be at least 1".into());
        }
        if self.timeout.is_some_and(|t| !(t.is_finite() && t > 0.0)) {
            return Some("--timeout must be a positive number of seconds".into());
        }
        None
    }

    /// The options the library reads with. The password is filled in by the
    /// caller.
    pub(crate) fn options(&self) -> kantlijn::Options {
        let mut options = kantlijn::Options::default();
        options.include_links = self.links;
        options.include_widgets = self.widgets;
        options.text_under = !self.no_text && !self.page_text;
        options.flattened = !self.no_text && !self.no_flattened && !self.page_text;
        options.appearance_text = !self.no_text && !self.page_text;
        options.threads = self.threads.unwrap_or(0);
        options.limits.time_per_file = self.time_limit().timeout;
        // OCR takes about a second a page a core; it reads for as long as
        // --timeout allows, like the rest of the reading.
        #[cfg(feature = "ocr")]
        if self.ocr {
            options.ocr = Some(kantlijn::OcrOptions::with_languages(&self.ocr_lang));
        }
        options
    }

    /// `--timeout`, or its default: the library's time per file, or, with
    /// `--ocr`, [`OCR_TIMEOUT`].
    fn timeout_secs(&self) -> f64 {
        match self.timeout {
            Some(seconds) => seconds,
            None if self.ocr => OCR_TIMEOUT,
            None => kantlijn::Limits::default().time_per_file.as_secs_f64(),
        }
    }

    /// The time limit: `--timeout` for the reading, and a tenth more (at
    /// least a second) before the worker is stopped.
    pub(crate) fn time_limit(&self) -> TimeLimit {
        let timeout = Duration::try_from_secs_f64(self.timeout_secs()).unwrap_or(Duration::MAX);
        TimeLimit {
            timeout,
            grace: (timeout / 10).max(Duration::from_secs(1)),
        }
    }

    /// The filter on records.
    pub(crate) fn filter(&self) -> kantlijn::Filter {
        let mut filter = kantlijn::Filter::default();
        filter.subtypes.clone_from(&self.subtype);
        filter.author.clone_from(&self.author);
        filter.since = self.since;
        filter.until = self.until;
        filter
    }

    /// The arguments a worker process gets: everything that changes how a
    /// file is read and rendered. The password is not among them: it goes
    /// through the environment, which other users cannot read.
    pub(crate) fn worker_args(&self, format: Format, pretty: bool, threads: usize) -> Vec<String> {
        let mut args = vec![
            "--worker".to_owned(),
            "--quiet".to_owned(),
            "--worker-format".to_owned(),
            format.name().to_owned(),
            "--threads".to_owned(),
            threads.to_string(),
            "--timeout".to_owned(),
            self.timeout_secs().to_string(),
        ];
        let switches = [
            (self.no_text, "--no-text"),
            (self.no_flattened, "--no-flattened"),
            (self.page_text, "--page-text"),
            (!pretty && !self.page_text, "--compact"),
            (self.links, "--links"),
            (self.widgets, "--widgets"),
            (self.text_inputs, "--text-inputs"),
            (self.ocr, "--ocr"),
        ];
        args.extend(
            switches
                .into_iter()
                .filter(|(on, _)| *on)
                .map(|(_, flag)| flag.to_owned()),
        );
        if self.ocr {
            args.extend(["--ocr-lang".to_owned(), self.ocr_lang.clone()]);
        }
        for subtype in &self.subtype {
            args.extend(["--subtype".to_owned(), subtype.clone()]);
        }
        if let Some(author) = &self.author {
            args.extend(["--author".to_owned(), author.clone()]);
        }
        if let Some(since) = self.since {
            args.extend(["--since".to_owned(), since.to_string()]);
        }
        if let Some(until) = self.until {
            args.extend(["--until".to_owned(), until.to_string()]);
        }
        args
    }

    /// The format asked for, or the default: JSON for one file, JSON Lines
    /// for several; with `--decisions`, the decision register; with
    /// `--notas`, the nota register.
    pub(crate) fn format(&self, several: bool) -> Format {
        if let Some(format) = self.worker_format {
            return format;
        }
        if self.output_dir.is_some() {
            return Format::Json;
        }
        let records = match self.records {
            None | Some(RecordsArg::Annotations) => Records::Annotations,
            Some(RecordsArg::Comments) => Records::Comments,
            Some(RecordsArg::Decisions) => Records::Decisions,
            Some(RecordsArg::Notas) => Records::Notas,
        };
        if self.notas {
            return match self.format {
                Some(FormatArg::Csv) => Format::Csv(Records::Notas),
                Some(FormatArg::Markdown) => Format::NotasMarkdown,
                _ => Format::Notas,
            };
        }
        match (self.format, self.decisions) {
            (Some(FormatArg::Csv), true) => Format::Csv(Records::Decisions),
            (Some(FormatArg::Csv), false) => Format::Csv(records),
            (Some(FormatArg::Markdown), _) => Format::Markdown,
            (_, true) => Format::Decisions,
            (Some(FormatArg::Json), false) => Format::Json,
            (Some(FormatArg::Jsonl), false) => Format::Jsonl,
            (None, false) if several => Format::Jsonl,
            (None, false) => Format::Json,
        }
    }
}

impl FormatArg {
    fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Jsonl => "jsonl",
            Self::Csv => "csv",
            Self::Markdown => "markdown",
        }
    }
}

fn parse_format(name: &str) -> Result<Format, String> {
    name.parse()
}

/// A subtype name of the PDF specification, in any case; a typo is a usage
/// error that lists the names, rather than a filter that keeps nothing.
fn parse_subtype(name: &str) -> Result<String, String> {
    match Subtype::SPEC_NAMES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(name))
    {
        Some(known) => Ok((*known).to_owned()),
        None => Err(format!(
            "not an annotation subtype; the subtypes are {}",
            Subtype::SPEC_NAMES.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeout(args: &[&str]) -> Duration {
        Args::try_parse_from(args).unwrap().time_limit().timeout
    }

    #[test]
    fn the_default_timeout_is_the_librarys_and_longer_for_ocr() {
        let library = kantlijn::Limits::default().time_per_file;
        assert_eq!(timeout(&["kantlijn", "a.pdf"]), library);
        assert_eq!(
            timeout(&["kantlijn", "--ocr", "a.pdf"]),
            Duration::from_secs(1800)
        );
        assert_eq!(
            timeout(&["kantlijn", "--ocr", "--timeout", "5", "a.pdf"]),
            Duration::from_secs(5)
        );
        assert_eq!(
            timeout(&["kantlijn", "--timeout", "0.5", "a.pdf"]),
            Duration::from_millis(500)
        );
    }
}

//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use kantlijn::output::{Format, Records};

/// Every comment in annotated PDF files (and in Acrobat comment summaries
/// kept as text), as JSON, JSON Lines, CSV or Markdown.
///
/// PATHs are files or folders (read recursively; PDFs and text files are
/// recognised by their content, other files are skipped with a note). `-`
/// reads paths from standard input, one per line. Each file is read in a
/// worker process with a time limit, so one broken file never stops a batch:
/// it gets a report with an `error`. Output follows the order of the inputs.
///
/// Exit status: 0 when every file was read, 1 when some could not be, 2 for
/// a usage error, 130 when interrupted.
#[derive(Debug, Parser)]
#[command(name = "kantlijn", version, about, long_about)]
pub(crate) struct Args {
    /// Files and folders to read; `-` reads paths from standard input.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Read paths from FILE, one per line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub(crate) files_from: Option<PathBuf>,

    /// Output format. Default: json for a single file, jsonl otherwise.
    #[arg(short, long, value_enum)]
    pub(crate) format: Option<FormatArg>,

    /// For csv: what one row stands for.
    #[arg(long, value_enum, default_value_t = RecordsArg::Annotations)]
    pub(crate) records: RecordsArg,

    /// JSON on one line, even on a terminal.
    #[arg(long)]
    pub(crate) compact: bool,

    /// Write the output to FILE (replaced only when the run completes).
    #[arg(short, long, value_name = "FILE", conflicts_with = "output_dir")]
    pub(crate) output: Option<PathBuf>,

    /// Write one JSON report per input into DIR, named after the input.
    #[arg(long, value_name = "DIR")]
    pub(crate) output_dir: Option<PathBuf>,

    /// With --output-dir: skip inputs whose report is already there.
    #[arg(long, requires = "output_dir")]
    pub(crate) skip_existing: bool,

    /// Worker processes (default: the number of cores).
    #[arg(short, long, value_name = "N")]
    pub(crate) jobs: Option<usize>,

    /// Seconds one file may take before its worker is stopped.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    pub(crate) timeout: f64,

    /// No progress and no summary on standard error.
    #[arg(short, long)]
    pub(crate) quiet: bool,

    /// Password for encrypted files (files with an empty user password open
    /// without one).
    #[arg(long, value_name = "PASSWORD")]
    pub(crate) password: Option<String>,

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
    #[arg(long)]
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
    /// (pages separated by a form feed).
    #[arg(long, conflicts_with_all = ["decisions", "notas", "format", "output_dir"])]
    pub(crate) page_text: bool,

    /// Keep only annotations of these subtypes (repeatable: --subtype Highlight --subtype Text).
    #[arg(long, value_name = "NAME")]
    pub(crate) subtype: Vec<String>,

    /// Keep only annotations whose author contains TEXT (case-insensitive).
    #[arg(long, value_name = "TEXT")]
    pub(crate) author: Option<String>,

    /// Keep only annotations dated on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub(crate) since: Option<chrono::NaiveDate>,

    /// Keep only annotations dated on or before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub(crate) until: Option<chrono::NaiveDate>,

    /// Only the decisions ("MWP akkoord 8/6"): one JSON line (or, with
    /// --format csv, one row) per decision, with its file.
    #[arg(long)]
    pub(crate) decisions: bool,

    /// Only the notas of each bundle (title, date, reference, pages, the
    /// decisions taken on each): one JSON line (with --format csv, one row;
    /// with --format markdown, one table row) per nota, with its file.
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

impl Args {
    /// The options the library reads with.
    pub(crate) fn options(&self) -> kantlijn::Options {
        let mut options = kantlijn::Options::default();
        options.password.clone_from(&self.password);
        options.include_links = self.links;
        options.include_widgets = self.widgets;
        options.text_under = !self.no_text && !self.page_text;
        options.flattened = !self.no_text && !self.no_flattened && !self.page_text;
        options.appearance_text = !self.no_text && !self.page_text;
        options.threads = self.threads.unwrap_or(0);
        #[cfg(feature = "ocr")]
        if self.ocr {
            options.ocr = Some(kantlijn::OcrOptions::with_languages(&self.ocr_lang));
            // OCR takes about a second a page a core: a scanned bundle is
            // read for as long as --timeout allows, less a tenth to write
            // its report, not for the library's default time per file.
            if let Ok(budget) = std::time::Duration::try_from_secs_f64(self.timeout * 0.9)
                && budget > options.limits.time_per_file
            {
                options.limits.time_per_file = budget;
            }
        }
        options
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
        ];
        if self.no_text {
            args.push("--no-text".to_owned());
        }
        if self.no_flattened {
            args.push("--no-flattened".to_owned());
        }
        if self.page_text {
            args.push("--page-text".to_owned());
        }
        if self.ocr {
            args.extend([
                "--ocr".to_owned(),
                "--ocr-lang".to_owned(),
                self.ocr_lang.clone(),
                "--timeout".to_owned(),
                self.timeout.to_string(),
            ]);
        }
        if !pretty {
            args.push("--compact".to_owned());
        }
        if self.links {
            args.push("--links".to_owned());
        }
        if self.widgets {
            args.push("--widgets".to_owned());
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
        let records = match self.records {
            RecordsArg::Annotations => Records::Annotations,
            RecordsArg::Comments => Records::Comments,
            RecordsArg::Decisions => Records::Decisions,
            RecordsArg::Notas => Records::Notas,
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

fn parse_format(name: &str) -> Result<Format, String> {
    name.parse()
}

//! Writing reports: JSON, JSON Lines, CSV and Markdown.
//!
//! Each format writes one report at a time, so a batch streams through
//! without holding its reports in memory. Every input is represented: in
//! CSV a file without records still gets one row (with its error, if any),
//! so a spreadsheet of a batch has a line for every file.

mod csv;
mod markdown;
mod notas;

use std::io::{self, Write};

use crate::report::Report;

pub use self::csv::CsvWriter;
pub use markdown::write_markdown;
pub use notas::{write_nota_rows, write_nota_table_header, write_notas};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// One JSON document: a report, or an array of reports.
    Json,
    /// One report per line.
    Jsonl,
    /// One row per record (see [`Records`]), RFC 4180, UTF-8.
    Csv(Records),
    /// A review page per file.
    Markdown,
    /// A decision register: one JSON line per decision, with its file; a
    /// file that could not be read gets a line with its error.
    Decisions,
    /// A nota register: one JSON line per nota, with its file and its
    /// decisions; a file that could not be read gets a line with its error.
    Notas,
    /// A nota register as one Markdown table: a row per nota, with its file
    /// and its decisions (the header written once, by
    /// [`write_nota_table_header`]).
    NotasMarkdown,
}

impl Format {
    /// The format's name, as [`Format::from_str`](std::str::FromStr) reads it:
    /// `json`, `jsonl`, `csv:annotations`, `csv:comments`, `csv:decisions`,
    /// `csv:notas`, `markdown`, `decisions`, `notas`, `markdown:notas`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Jsonl => "jsonl",
            Self::Csv(Records::Annotations) => "csv:annotations",
            Self::Csv(Records::Comments) => "csv:comments",
            Self::Csv(Records::Decisions) => "csv:decisions",
            Self::Csv(Records::Notas) => "csv:notas",
            Self::Markdown => "markdown",
            Self::Decisions => "decisions",
            Self::Notas => "notas",
            Self::NotasMarkdown => "markdown:notas",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        [
            Self::Json,
            Self::Jsonl,
            Self::Csv(Records::Annotations),
            Self::Csv(Records::Comments),
            Self::Csv(Records::Decisions),
            Self::Csv(Records::Notas),
            Self::Markdown,
            Self::Decisions,
            Self::Notas,
            Self::NotasMarkdown,
        ]
        .into_iter()
        .find(|format| format.name() == name)
        .ok_or_else(|| format!("unknown format {name:?}"))
    }
}

/// Which records a CSV row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Records {
    /// One row per annotation.
    Annotations,
    /// One row per entry of a printed comment summary.
    Comments,
    /// One row per decision.
    Decisions,
    /// One row per nota, its decisions folded in.
    Notas,
}

/// Writes one report as a JSON document, pretty or on one line, followed by
/// a newline.
pub fn write_json(out: &mut impl Write, report: &Report, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, report)?;
    } else {
        serde_json::to_writer(&mut *out, report)?;
    }
    out.write_all(b"\n")
}

/// Writes one report as a line of JSON.
pub fn write_jsonl(out: &mut impl Write, report: &Report) -> io::Result<()> {
    write_json(out, report, false)
}

/// The line a report gives in a register of records beside its records:
/// `{"file": …, "error": …}` when it has an error (the file first as on
/// every register line), `{"file": …}` alone when it has neither an error
/// nor a record (`has_records`), so that every input has a line; nothing
/// else.
pub(crate) fn write_file_line(
    out: &mut impl Write,
    report: &Report,
    has_records: bool,
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct FileLine<'r> {
        file: &'r str,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<&'r crate::report::ReportError>,
    }
    if report.error.is_some() || !has_records {
        serde_json::to_writer(
            &mut *out,
            &FileLine {
                file: &report.file,
                error: report.error.as_ref(),
            },
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes a report's decisions as JSON lines, each with the report's file
/// first and, after the decision's keys, the title, date and reference of
/// the nota it was taken on (`nota_title`, `nota_date`, `nota_reference`;
/// `null` without one), so that a line of the register stands on its own;
/// a report that has an error gives one line with it, and one without
/// decisions a line with its file alone.
pub fn write_decisions(out: &mut impl Write, report: &Report) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Line<'r, T: serde::Serialize> {
        file: &'r str,
        #[serde(flatten)]
        record: T,
        #[serde(flatten)]
        nota: notas::NotaOfDecision<'r>,
    }
    write_file_line(out, report, !report.decisions.is_empty())?;
    for decision in &report.decisions {
        serde_json::to_writer(
            &mut *out,
            &Line {
                file: &report.file,
                record: decision,
                nota: notas::NotaOfDecision::of(report, decision),
            },
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

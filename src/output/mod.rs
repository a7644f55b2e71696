//! Writing reports: JSON, JSON Lines, CSV and Markdown.
//!
//! Each format writes one report at a time, so a batch streams through
//! without holding its reports in memory. Every input is represented: in
//! CSV a file without records still gets one row (with its error, if any),
//! so a spreadsheet of a batch has a line for every file.

mod csv;
mod markdown;

use std::io::{self, Write};

use crate::report::Report;

pub use self::csv::CsvWriter;
pub use markdown::write_markdown;

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
}

/// Which records a CSV row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Records {
    /// One row per annotation.
    Annotations,
    /// One row per entry of a printed comment summary.
    Comments,
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

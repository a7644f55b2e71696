//! The report on one input: the JSON contract.
//!
//! # Wire format (`schema_version` 1)
//!
//! ```json
//! {
//!   "schema_version": 1,
//!   "file": "fixtures/beslisnota.pdf",
//!   "file_bytes": null,
//!   "input_kind": "pdf",
//!   "pages": 2,
//!   "producer": "kantlijn fixture builder",
//!   "encrypted": false,
//!   "complete": true,
//!   "ocr_pages": [],
//!   "annotations": [ { "page": 1, "ref": "7 0 R", "subtype": "FreeText", … } ],
//!   "comments": [ { "target_page": 1, "number": 1, "author": "Aartsen, A.A.", … } ],
//!   "decisions": [ { "actor": "MWP", "verdict": "approved", "date": "2026-06-08", …, "nota": 0 } ],
//!   "notas": [ { "title": "Voortgang wetsvoorstel …", "kind": "beslisnota", "date": "2026-05-27",
//!                "reference": "2026-0000412345", "first_page": 1, "decisions": [0], … } ],
//!   "skipped": { "links": 0, "widgets": 0 },
//!   "warnings": [ { "page": 2, "ref": "12 0 R", "kind": "damaged_object", "message": "…" } ],
//!   "error": null
//! }
//! ```
//!
//! Every key is always present; absent values are `null` (or an empty list).
//! `complete` is `false` when a bound or the time limit cut the reading
//! short. A document that could not be read has `pages`, `producer` and
//! `encrypted` `null`, `complete` `false`, empty lists, and
//! `error: {"kind": …, "message": …}`, so a batch
//! holds exactly one report per input. New keys may be added within a schema
//! version; a key is never removed or changed in meaning without raising it.
//!
//! A decision's `nota` is an index into `notas`, and a nota's `decisions`
//! are indices into `decisions` (see [`Nota`]).
//!
//! Added within version 1: `annotations[].appearance_text` (the text an
//! annotation's appearance draws, see
//! [`Annotation::appearance_text`]); `decisions[].point` (the nota's point a
//! decision answers, `null` elsewhere) and `decisions[].conditional`
//! (`false` elsewhere), see [`Decision`]; the verdict `"deferred"`; and
//! `file_bytes` and `input_kind` (below). A reader of version 1 that does not know them reads the rest as before.
//!
//! ## The input's name
//!
//! `file` names the input as it was given (a path, or `-` for standard
//! input). JSON strings are Unicode, file names on Unix are bytes: a name that
//! is not UTF-8 (`nota_\xE9.pdf`, from an archive made on Windows-1252) is
//! written in `file` with each invalid byte sequence replaced by U+FFFD, and
//! `file_bytes` holds the name's exact bytes in base64 (RFC 4648, standard
//! alphabet, padded): `"bm90YV/pLnBkZg=="`. In Python,
//! `os.fsdecode(base64.b64decode(report["file_bytes"]))` gives the path
//! back; in Rust, [`Report::file_path`]. `file_bytes` is `null` whenever
//! `file` is exact.
//!
//! `input_kind` says what the input was read as, told by its content, not
//! its name: `"pdf"`, or `"text"` for text already extracted from a PDF
//! (pages separated by form feeds); `null` when it could be read as
//! neither.

use serde::{Deserialize, Serialize};

use crate::annotation::Annotation;
use crate::decision::Decision;
use crate::diagnostics::{Skipped, Warning};
use crate::error::{Error, ErrorKind};
use crate::normalise::Normalised;
use crate::nota::Nota;
use crate::summary::Comment;

mod file_name;
mod filter;
mod input_kind;
#[cfg(feature = "schema")]
pub(crate) mod schema;

pub use filter::Filter;
pub use input_kind::InputKind;

/// The version of the JSON contract this crate writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema (draft 2020-12) of a [`Report`] as JSON text, for
/// consumers that declare columns instead of inferring them (Spark,
/// pandas, a database). It is generated from the record types (the
/// `schema` feature's `report_schema`), and a test fails when this copy,
/// `schema/report-v1.json` in the repository, differs from them.
pub const REPORT_SCHEMA: &str = include_str!("../../schema/report-v1.json");

/// Everything read from one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    #[cfg_attr(
        feature = "schema",
        schemars(
            extend("const" = SCHEMA_VERSION),
            description = "The version of this contract."
        )
    )]
    pub schema_version: u32,
    /// The input as given. A name that is not UTF-8 is written with each
    /// invalid byte sequence replaced by U+FFFD, and `file_bytes` holds it
    /// exactly ([`Report::file_path`] gives it back).
    pub file: String,
    /// The exact bytes of the input's name in base64 (RFC 4648, standard
    /// alphabet, padded) when the name is not UTF-8; `null` when `file` is
    /// exact.
    pub file_bytes: Option<String>,
    /// What the input was read as, told by its content: a PDF or a text
    /// file (`"pdf"`, `"text"`); `null` when it could be read as neither.
    pub input_kind: Option<InputKind>,
    /// The number of pages (repeated page objects counted each time); for a
    /// text input, the pages its form feeds separate.
    pub pages: Option<usize>,
    /// `/Producer` of the document information dictionary.
    pub producer: Option<String>,
    /// Whether the document is encrypted (it was opened all the same);
    /// `true` also for a document refused for want of its password
    /// (`needs_password`), `None` for other inputs that could not be read.
    pub encrypted: Option<bool>,
    /// Whether everything was read: `false` when a bound of
    /// [`Limits`](crate::Limits) or the time limit cut the reading short
    /// (a warning of kind [`limit_reached`](crate::WarningKind::LimitReached)
    /// or [`time_limit`](crate::WarningKind::TimeLimit) says where), and for
    /// an input that could not be read. The line counting warnings not
    /// listed does not make a report incomplete.
    pub complete: bool,
    /// The pages whose text was recognised by OCR (scanned pages without a
    /// text layer, read with the `ocr` feature); empty without OCR.
    #[serde(default)]
    pub ocr_pages: Vec<usize>,
    /// The annotations, in page order and, within a page, in `/Annots` order.
    pub annotations: Vec<Annotation>,
    /// Entries of printed comment summaries (Acrobat's "Summarize
    /// comments") found in the text.
    pub comments: Vec<Comment>,
    /// Decisions ("MWP akkoord 8/6") read from annotations, printed summary
    /// entries and stamps burned into the page text, each once however often
    /// it was seen.
    pub decisions: Vec<Decision>,
    /// The notas of a bundle ("nota", "Beslisnota", …), in order, each with
    /// the decisions taken on it; empty when the input holds no
    /// recognisable nota header.
    pub notas: Vec<Nota>,
    /// Annotations left out by the options, counted.
    pub skipped: Skipped,
    /// Defects that did not stop the reading.
    pub warnings: Vec<Warning>,
    /// Why the input could not be read, or `null`.
    pub error: Option<ReportError>,
}

/// What reading one input gave: everything its report holds.
#[derive(Debug)]
pub(crate) struct Reading {
    /// The input as given.
    pub(crate) file: std::path::PathBuf,
    /// What it was read as.
    pub(crate) kind: InputKind,
    /// Its pages (for a text input, the pages its form feeds separate).
    pub(crate) pages: usize,
    pub(crate) producer: Option<String>,
    pub(crate) encrypted: bool,
    /// No bound or time limit cut the reading short.
    pub(crate) complete: bool,
    pub(crate) annotations: Vec<Annotation>,
    pub(crate) normalised: Normalised,
    pub(crate) skipped: Skipped,
    pub(crate) warnings: Vec<Warning>,
}

impl From<Reading> for Report {
    /// The report of an input that was read: the one place a report of
    /// what was read is made, whatever the kind of input.
    fn from(reading: Reading) -> Self {
        let Normalised {
            comments,
            decisions,
            notas,
            ocr_pages,
            // Given as warnings by the reader.
            limits_reached: _,
        } = reading.normalised;
        let mut report = Self {
            input_kind: Some(reading.kind),
            pages: Some(reading.pages),
            producer: reading.producer,
            encrypted: Some(reading.encrypted),
            complete: reading.complete,
            ocr_pages,
            annotations: reading.annotations,
            comments,
            decisions,
            notas,
            skipped: reading.skipped,
            warnings: reading.warnings,
            ..Self::new(String::new())
        };
        report.set_file(&reading.file);
        report
    }
}

impl Report {
    fn new(file: String) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            file,
            file_bytes: None,
            input_kind: None,
            pages: None,
            producer: None,
            encrypted: None,
            complete: false,
            ocr_pages: Vec::new(),
            annotations: Vec::new(),
            comments: Vec::new(),
            decisions: Vec::new(),
            notas: Vec::new(),
            skipped: Skipped::default(),
            warnings: Vec::new(),
            error: None,
        }
    }

    /// The report for an input that could not be read.
    pub fn failed(file: impl Into<String>, error: &Error) -> Self {
        Self::failed_with(file, error.kind(), error.to_string())
    }

    /// The report for an input that failed outside the library (a time limit,
    /// a crashed worker), with a message of the caller's.
    pub fn failed_with(
        file: impl Into<String>,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> Self {
        let mut report = Self::new(file.into());
        // A file refused for want of a password is known to be encrypted.
        report.encrypted = (kind == ErrorKind::NeedsPassword).then_some(true);
        report.error = Some(ReportError {
            kind,
            message: message.into(),
        });
        report
    }
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReportError {
    /// The class of failure.
    pub kind: ErrorKind,
    /// A one-line explanation naming the file.
    pub message: String,
}

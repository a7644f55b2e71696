//! kantlijn reads every comment out of annotated PDF files — sticky notes,
//! typed text, highlights, ink, stamps, replies and review states — as
//! records that keep the file's own values, decoded correctly.
//!
//! It was made for Dutch government documents released under the Open
//! Government Act (Woo), where ministers annotate decision notes in Acrobat
//! ("MWP akkoord 8/6"), but it reads any PDF.
//!
//! # Reading a document
//!
//! ```
//! use kantlijn::{Document, Subtype};
//!
//! let doc = Document::open("fixtures/beslisnota.pdf")?;
//! for note in doc.annotations() {
//!     if note.subtype == Subtype::FreeText {
//!         println!(
//!             "page {}: {:?} by {:?} on {}",
//!             note.page,
//!             note.contents.as_deref().unwrap_or(""),
//!             note.author.as_deref().unwrap_or("?"),
//!             note.modified.map(|m| m.to_string()).unwrap_or_default(),
//!         );
//!     }
//! }
//! for warning in doc.warnings() {
//!     eprintln!("{}", warning.message);
//! }
//! # Ok::<(), kantlijn::Error>(())
//! ```
//!
//! [`extract`] does the same in one call and returns a [`Report`], the
//! versioned JSON contract that the `kantlijn` command prints.
//!
//! # What comes out
//!
//! One [`Annotation`] per annotation object, in page order, except links and
//! form fields (counted, and listed on request through [`Options`]) and
//! pop-up windows (folded into their parent as [`Annotation::popup`]). Each
//! field's documentation names the PDF key it comes from.
//!
//! Text strings are decoded as the spec says (PDFDocEncoding, UTF-16BE,
//! UTF-8) and as real files need (UTF-16LE with a byte order mark); dates keep
//! the UTC offset the file gives, and are not given one it does not.
//!
//! # When the input is broken
//!
//! A document that cannot be read at all is an [`Error`] naming the file and
//! the reason. A defect inside one annotation (a dangling reference, a value
//! of the wrong type, an impossible date) becomes a [`Warning`] and the rest
//! still comes out. Every walk an input could inflate is bounded by
//! [`Limits`]; no input makes kantlijn panic.
//!
//! # Comments that survive only as text, and decisions
//!
//! Released documents are often flattened: Acrobat's printed comment
//! summary and the minister's stamp survive only as page text. Every page's
//! text (and every text input to [`extract`]) is read for summary entries
//! ([`Comment`], rules on [`parse_summaries`]) and for stamp lines; those and
//! the annotations' contents are read for decisions ([`Decision`]: actor,
//! verdict, date), each decision once however often it was seen. A bundle
//! is split into its notas ([`Nota`]: title, date, reference, pages, what
//! it asks) by their header blocks, and each decision is tied to the nota
//! it was taken on ([`Document::notas`], [`Report::notas`]).
//!
//! # How it is built
//!
//! The data flows one way, each layer a directory of `src/` that uses only
//! the layers above it in this list:
//!
//! ```text
//! pdf/         bytes → PDF objects (the one boundary over the parser), page tree,
//!              page labels, text strings, dates, rectangles
//! annotation/  annotation dictionaries → Annotation records
//! text/        each page's text (drawn by its content, or a text input's pages)
//!              as Pages; the text under markup annotations
//! normalise    one stage over the pages and annotations, whatever the input:
//!   summary/     printed comment summaries → Comment
//!   decision/    annotations, comments and stamp lines → the Decision register
//!   nota/        the pages, comments and decisions → the notas of a bundle
//! report/      everything read from one input → Report, the JSON contract
//! output/      JSON, JSON Lines, CSV, Markdown
//! ```
//!
//! Below them all, `diagnostics` (warnings), `limits` (bounds and the time
//! limit) and `error`; above them, [`Document`], [`extract`] and
//! [`Options`], which run the layers for one input. A new normaliser is a
//! directory beside `summary/`, `decision/` and `nota/` and a step in
//! `normalise.rs`. `tests/architecture.rs` checks the layering.
//!
//! # Features
//!
//! - `text` (default): the page text layer (`Document::page_text`), the
//!   text under highlights ([`Annotation::text_under`]) and the comments and
//!   stamps of flattened pages. Without it, only live annotations are read.
//! - `lopdf`: `Document::from_lopdf`, for callers that already hold a
//!   `lopdf::Document`.
//! - `ocr`: scanned pages without a text layer read by OCR
//!   ([`Options::ocr`](crate::Options), Tesseract 5 through its C library;
//!   needs libtesseract, libleptonica and libclang to build). Without it,
//!   such pages are still named in a warning.
//! - `schema`: `report_schema()`, the report's JSON Schema generated from
//!   the record types; [`REPORT_SCHEMA`] is its checked-in copy, available
//!   without the feature.
//!
//! The `kantlijn` command-line tool is the `kantlijn-cli` crate
//! (`cargo install kantlijn-cli`); this crate does not depend on its
//! argument parser or progress display.

#![deny(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod annotation;
mod decision;
mod diagnostics;
mod document;
mod error;
mod extract;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod input;
#[cfg(feature = "lopdf")]
mod interop;
mod limits;
mod normalise;
mod nota;
mod options;
pub mod output;
mod pdf;
mod report;
mod summary;
#[cfg(test)]
mod testing;
mod text;
mod threads;

/// The date and time types of the records' dates ([`Timestamp::naive`],
/// [`Decision::date`], [`Comment::date`], [`Filter::since`]): the version of
/// chrono kantlijn is built with, so that a caller need not depend on it.
pub use chrono;

pub use annotation::{
    Annotation, Color, Flags, Icon, Intent, ObjectId, Popup, Reference, ReferenceError, ReplyType,
    ReviewState, State, StateModel, Subtype,
};
pub use decision::{
    DateBasis, Decision, Sighting, SightingRef, Source, StampLine, Statement, Verdict, Vocabulary,
    VocabularyError, build_register, stamp_lines,
};
pub use diagnostics::{Skipped, Warning, WarningKind};
pub use document::{Document, Page};
pub use error::{Error, ErrorKind, Result, UnknownName};
pub use extract::{extract, extract_bytes};

pub use input::{InputKind, SNIFF_LEN, failed_input_kind, sniff, sniff_file};
pub use limits::Limits;
pub use nota::{Nota, NotaKind};
pub use options::Options;
pub use pdf::date::Timestamp;
pub use pdf::geometry::{Quad, Rect};
#[cfg(feature = "schema")]
pub use report::schema::report_schema;
pub use report::{Filter, REPORT_SCHEMA, Report, ReportError, SCHEMA_VERSION};
pub use summary::{Comment, DateOrder, SummaryLocale, parse_summaries};
pub use text::text_pages;
#[cfg(feature = "ocr")]
pub use text::{OcrError, OcrOptions};
#[cfg(feature = "text")]
pub use text::{PageText, TextLine, TextWord};

/// The README's examples, compiled and run as documentation tests so that
/// the front page cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

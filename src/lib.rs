//! kantlijn: every comment in annotated PDF files as faithful records.
//!
//! (The guide is written as the public API settles.)

#![deny(unsafe_code)]
#![warn(missing_docs)]

mod annotation;
mod date;
mod decision;
mod error;
mod geometry;
mod options;
mod pdf;
mod report;
mod text_string;

pub use annotation::{Annotation, Color, Flags, Popup, ReplyType, ReviewState, Subtype};
pub use date::Timestamp;
pub use decision::{
    DateBasis, Decision, Sighting, Source, StampLine, Statement, Verdict, Vocabulary,
    VocabularyError, build_register, stamp_lines,
};
pub use error::{Error, ErrorKind, Result};
pub use geometry::{Quad, Rect};
pub use options::{Limits, Options};
pub use report::{Report, ReportError, SCHEMA_VERSION, Skipped, Warning};

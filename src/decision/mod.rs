//! Decisions: "MWP akkoord 8/6" as `{actor: "MWP", verdict: "approved", date: "2026-06-08"}`.
//!
//! The flow, one module a step:
//! - [`vocabulary`]: the words, as data (`vocabulary.json`), extendable;
//! - [`date_text`]: dates as written (`8/6`, `8 juni`, `30-3-2026`) and how a
//!   missing year is found;
//! - [`recognise`]: one short text → a recognised decision, or nothing;
//! - [`page_text`]: the standalone stamp lines of page text and the nota date
//!   that belongs to each;
//! - [`sources`]: the statements a report's records make (annotation
//!   contents, summary entries, stamp lines);
//! - [`register`]: statements from annotations, comment summaries and page
//!   text → one [`Decision`] per decision, however often it was seen.

mod date_text;
mod page_text;
mod recognise;
mod register;
mod sources;
mod vocabulary;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::annotation::{Reference, ReferenceError, serde_as_text};
use crate::error::from_serde_name;

pub use page_text::{StampLine, stamp_lines};
pub(crate) use page_text::{last_line_of, line_count, stamp_lines_in, whole_date};
pub use register::{Statement, build_register};
pub(crate) use register::{build_register_on, years_from_notas};
pub(crate) use sources::statements;
pub use vocabulary::{Vocabulary, VocabularyError};

/// What was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// akkoord, akk., accoord, ok, prima, akkoord bevonden, gaat akkoord,
    /// stemt in, vastgesteld, getekend; approved, agreed.
    Approved,
    /// niet akkoord, n.akk., niet akk., gaat niet akkoord, geen akkoord;
    /// not approved, rejected.
    Rejected,
    /// besproken; discussed.
    Discussed,
    /// bespreken, graag bespreken, te bespreken; to discuss.
    ToDiscuss,
    /// gezien, gez., gelezen, kennisgenomen, v.k.a.; seen, noted.
    Noted,
    /// aangehouden, aanhouden, uitgesteld, later agenderen; deferred, on
    /// hold: the decision is put off.
    Deferred,
    /// A choice between the nota's options and nothing more ("Optie 2; …",
    /// "Optie B").
    Option,
}

impl Verdict {
    /// Whether the verdict asks for something still to happen: to discuss
    /// or to defer the decision.
    pub(crate) fn is_request(self) -> bool {
        matches!(self, Self::ToDiscuss | Self::Deferred)
    }
}

from_serde_name!(Verdict, "verdict");
from_serde_name!(Source, "source");
from_serde_name!(DateBasis, "date basis");

/// Where a statement was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// A live annotation's `/Contents`.
    Annotation,
    /// An entry of Acrobat's printed comment summary.
    CommentSummary,
    /// A standalone line of page text: a stamp burned into the page.
    PageText,
}

/// What a decision's date rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateBasis {
    /// The text gives day, month and year.
    Explicit,
    /// The year (or, with no date in the text, the whole date) is the
    /// annotation's `/M` (else `/CreationDate`).
    Annotation,
    /// The year (or the whole date) is the comment-summary entry's `Datum`.
    SummaryEntry,
    /// The year is the nota's date ("Datum 27 mei 2026").
    NotaDate,
    /// The year is the document's.
    Document,
}

/// Which record a statement of a decision is: written as the `ref` of a
/// [`Sighting`] and a [`Decision`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SightingRef {
    /// A live annotation: its reference (`"12 0 R"`, `"inline:1:0"`).
    Annotation(Reference),
    /// An entry of a printed comment summary, by its 0-based position in
    /// the report's `comments`: `"comment:<index>"`.
    Comment(usize),
    /// A line of page text, numbered from 1 across the input's pages:
    /// `"line:<n>"`.
    Line(usize),
}

impl fmt::Display for SightingRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Annotation(reference) => reference.fmt(f),
            Self::Comment(index) => write!(f, "comment:{index}"),
            Self::Line(line) => write!(f, "line:{line}"),
        }
    }
}

impl FromStr for SightingRef {
    type Err = ReferenceError;

    /// Reads `"12 0 R"`, `"inline:1:0"`, `"comment:3"` or `"line:12"`.
    fn from_str(text: &str) -> Result<Self, ReferenceError> {
        let number = |digits: &str| digits.parse().map_err(|_| ReferenceError::new(text));
        if let Some(index) = text.strip_prefix("comment:") {
            return number(index).map(Self::Comment);
        }
        if let Some(line) = text.strip_prefix("line:") {
            return number(line).map(Self::Line);
        }
        text.parse().map(Self::Annotation)
    }
}

serde_as_text!(SightingRef);

/// One place a decision was seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Sighting {
    /// Where: annotation, comment_summary or page_text.
    pub source: Source,
    /// The 1-based input page it was seen on, when known.
    pub page: Option<usize>,
    /// For a summary entry, the page it comments on (its `Pagina` value).
    pub target_page: Option<usize>,
    /// The annotation's reference (`"12 0 R"`), `"comment:<index>"` for a
    /// summary entry or `"line:<n>"` for page text.
    #[serde(rename = "ref")]
    pub reference: Option<SightingRef>,
    /// The text as seen there.
    pub text: String,
    /// It was seen in text recognised by OCR: a scanned page without a
    /// text layer (feature `ocr`).
    #[serde(default)]
    pub ocr: bool,
}

/// One decision: who decided what, when; and everywhere it was seen.
///
/// Every optional key is present in JSON, as `null` when unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Decision {
    /// Who decided, as written ("MWP", "Staatssecretaris"), or the
    /// annotation's author when the text names no one.
    pub actor: Option<String>,
    /// The actor's title from the vocabulary ("Minister van Werk en
    /// Participatie"), when known.
    pub actor_title: Option<String>,
    /// Whether `actor` is the author because the text named no actor.
    pub actor_from_author: bool,
    /// What was decided.
    pub verdict: Verdict,
    /// The verdict as written ("akk.", "niet akkoord", "Optie 2").
    pub verdict_text: String,
    /// The option chosen: its number ("Optie 2" → 2) or, for a lettered
    /// option, the letter's place in the alphabet ("Optie B" → 2). The
    /// option as written stays in `verdict_text` (for an option statement)
    /// or `text`.
    pub option: Option<u32>,
    /// The nota's point the decision answers, when the text answers its
    /// points one by one ("Beslispunt 1: akkoord; beslispunt 2: niet
    /// akkoord" → two decisions, points 1 and 2); `null` otherwise.
    pub point: Option<u32>,
    /// What follows the verdict ("mits …", the reasons after "Optie 2;").
    pub remark: Option<String>,
    /// Whether the remark makes the decision conditional ("akkoord, mits
    /// …", "met dien verstande dat …", "onder voorwaarde dat …"); the
    /// condition is in `remark`.
    pub conditional: bool,
    /// The decision's date, ISO `YYYY-MM-DD`.
    #[serde(
        serialize_with = "crate::pdf::date::serialize_iso_date",
        deserialize_with = "crate::pdf::date::deserialize_iso_date"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::pdf::schema::IsoDate>")
    )]
    pub date: Option<NaiveDate>,
    /// The date as written ("8/6").
    pub date_text: Option<String>,
    /// What `date` rests on.
    pub date_basis: Option<DateBasis>,
    /// The whole statement the decision was read from.
    pub text: String,
    /// The 1-based input page of that statement, when known.
    pub page: Option<usize>,
    /// Where that statement was found.
    pub source: Source,
    /// That statement's reference (see [`Sighting::reference`]).
    #[serde(rename = "ref")]
    pub reference: Option<SightingRef>,
    /// Every statement of this decision, in input order.
    pub seen_in: Vec<Sighting>,
    /// The nota the decision was taken on: its index in the report's
    /// `notas`; `null` when the input holds no nota or none could be told.
    /// Set by the nota register ([`build_register`] leaves it `null`).
    pub nota: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_as_written() {
        assert_eq!("to_discuss".parse::<Verdict>(), Ok(Verdict::ToDiscuss));
        assert_eq!("Approved".parse::<Verdict>(), Ok(Verdict::Approved));
        assert_eq!("page_text".parse::<Source>(), Ok(Source::PageText));
        assert_eq!("nota_date".parse::<DateBasis>(), Ok(DateBasis::NotaDate));
        let error = "akkoord".parse::<Verdict>().unwrap_err();
        assert_eq!(error.to_string(), "unknown verdict \"akkoord\"");
    }

    #[test]
    fn sighting_refs_read_back() {
        for text in ["12 0 R", "inline:2:0", "comment:3", "line:12"] {
            let reference: SightingRef = text.parse().unwrap();
            assert_eq!(reference.to_string(), text);
        }
        assert!("comment:x".parse::<SightingRef>().is_err());
    }
}

//! Diagnostics: what went wrong while reading without stopping it.
//!
//! The bottom of the house: every layer reports through [`Warnings`]
//! without knowing the report that will carry its warnings; this module
//! imports nothing of the crate.

use serde::{Deserialize, Serialize};

/// Annotations left out, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Skipped {
    /// `/Link` annotations (see [`Options::include_links`](crate::Options::include_links)).
    pub links: usize,
    /// `/Widget` annotations (see [`Options::include_widgets`](crate::Options::include_widgets)).
    pub widgets: usize,
}

impl Skipped {
    /// Adds the counts of a later part of the reading.
    pub(crate) fn add(&mut self, later: Self) {
        self.links += later.links;
        self.widgets += later.widgets;
    }
}

/// What kind of defect a [`Warning`] reports, so that a program can act on
/// it without reading the message. Written in snake case in JSON
/// (`"limit_reached"`); new kinds may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A bound of [`Limits`](crate::Limits) was reached (nesting, pages,
    /// entries, string or content length, glyphs): what lies beyond it was
    /// not read. Also the line that counts the warnings not listed.
    LimitReached,
    /// The time limit ([`Limits::time_per_file`](crate::Limits::time_per_file))
    /// ran out: the rest of the document was not read.
    TimeLimit,
    /// An object is missing, of the wrong type or holds an impossible value
    /// (a dangling reference, a cycle, an invalid date): it was skipped or
    /// read as `null`.
    DamagedObject,
    /// Something the file uses that kantlijn does not read (a stream filter
    /// that cannot be applied, glyphs without Unicode values, images): what
    /// it holds is missing.
    UnsupportedFeature,
    /// A value was read another way than the file states it: bytes that do
    /// not decode became U+FFFD, a font that cannot be loaded was measured
    /// as Helvetica, `/Rect` stood in for missing `/QuadPoints`.
    DecodingFallback,
    /// Scanned pages without a text layer (no text drawn over images that
    /// cover the page) that were not read by OCR: their text is missing.
    NoTextLayer,
}

impl WarningKind {
    /// Whether a warning of this kind means that the reading was cut short
    /// (see [`Report::complete`](crate::Report::complete)).
    pub fn cuts_short(self) -> bool {
        matches!(self, Self::LimitReached | Self::TimeLimit)
    }
}

/// A defect found where its page and object are not known yet (a page's
/// content, a font): the kind and the message, made a [`Warning`] by the
/// caller.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    not(feature = "text"),
    allow(dead_code, reason = "only the page text layer finds defects")
)]
pub(crate) struct Defect {
    pub(crate) kind: WarningKind,
    pub(crate) message: String,
}

#[cfg_attr(
    not(feature = "text"),
    allow(dead_code, reason = "only the page text layer finds defects")
)]
impl Defect {
    pub(crate) fn new(kind: WarningKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}

/// A defect that did not stop the reading: one broken annotation, a bad
/// date, a bound that was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Warning {
    /// The 1-based page, when the defect belongs to one.
    pub page: Option<usize>,
    /// The object (`"12 0 R"`), when the defect belongs to one.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// What kind of defect it is.
    pub kind: WarningKind,
    /// What is wrong and what was done about it.
    pub message: String,
}

impl Warning {
    #[cfg_attr(not(feature = "ocr"), allow(dead_code))]
    pub(crate) fn new(
        page: Option<usize>,
        reference: Option<String>,
        kind: WarningKind,
        message: impl Into<String>,
    ) -> Self {
        Self {
            page,
            reference,
            kind,
            message: message.into(),
        }
    }
}

/// Collects warnings up to a bound, then counts the rest; and remembers
/// whether any of them, listed or not, cut the reading short.
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    list: Vec<Warning>,
    dropped: usize,
    cut_short: bool,
}

/// Most warnings kept for one document; a file with a million broken
/// annotations gets this many and a count of the rest.
const MAX_WARNINGS: usize = 1_000;

impl Warnings {
    pub(crate) fn push(
        &mut self,
        page: Option<usize>,
        reference: Option<String>,
        kind: WarningKind,
        message: impl Into<String>,
    ) {
        self.cut_short |= kind.cuts_short();
        self.keep(Warning {
            page,
            reference,
            kind,
            message: message.into(),
        });
    }

    /// The time limit was reached on `page`: `what` says what is left
    /// unread ("the page's text is not read").
    pub(crate) fn time_limit(
        &mut self,
        page: usize,
        limit: std::time::Duration,
        what: impl std::fmt::Display,
    ) {
        self.push(
            Some(page),
            None,
            WarningKind::TimeLimit,
            format!("time limit of {limit:?} reached; {what}"),
        );
    }

    /// Adds the warnings another collector gave out (with its line counting
    /// those it did not list), and whether it saw the reading cut short.
    #[cfg_attr(
        not(feature = "text"),
        allow(dead_code, reason = "only the page text layer collects per page")
    )]
    pub(crate) fn extend(&mut self, warnings: Vec<Warning>, cut_short: bool) {
        self.cut_short |= cut_short;
        for warning in warnings {
            self.keep(warning);
        }
    }

    /// The warnings of a later part of the reading, after these: the
    /// same list and count as if they had been pushed here.
    pub(crate) fn append(&mut self, later: Self) {
        self.cut_short |= later.cut_short;
        for warning in later.list {
            self.keep(warning);
        }
        self.dropped += later.dropped;
    }

    fn keep(&mut self, warning: Warning) {
        if self.list.len() < MAX_WARNINGS {
            self.list.push(warning);
        } else {
            self.dropped += 1;
        }
    }

    /// Whether a warning of a kind that cuts the reading short was pushed.
    pub(crate) fn cut_short(&self) -> bool {
        self.cut_short
    }

    pub(crate) fn into_vec(mut self) -> Vec<Warning> {
        if self.dropped > 0 {
            self.list.push(Warning {
                page: None,
                reference: None,
                kind: WarningKind::LimitReached,
                message: format!("{} further warnings not listed", self.dropped),
            });
        }
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_snake_case() {
        let names: Vec<String> = [
            WarningKind::LimitReached,
            WarningKind::TimeLimit,
            WarningKind::DamagedObject,
            WarningKind::UnsupportedFeature,
            WarningKind::DecodingFallback,
        ]
        .iter()
        .map(|kind| serde_json::to_string(kind).unwrap())
        .collect();
        assert_eq!(
            names,
            [
                "\"limit_reached\"",
                "\"time_limit\"",
                "\"damaged_object\"",
                "\"unsupported_feature\"",
                "\"decoding_fallback\""
            ]
        );
    }

    #[test]
    fn a_limit_cuts_short_even_when_its_warning_is_not_listed() {
        let mut warnings = Warnings::default();
        for _ in 0..MAX_WARNINGS {
            warnings.push(None, None, WarningKind::DamagedObject, "broken");
        }
        assert!(!warnings.cut_short());
        warnings.push(None, None, WarningKind::LimitReached, "more than 5 pages");
        assert!(warnings.cut_short());
        let list = warnings.into_vec();
        assert_eq!(list.len(), MAX_WARNINGS + 1);
        let last = list.last().unwrap();
        assert_eq!(last.message, "1 further warnings not listed");
        assert_eq!(last.kind, WarningKind::LimitReached);
    }

    #[test]
    fn the_line_counting_unlisted_warnings_does_not_cut_short() {
        let mut page = Warnings::default();
        for _ in 0..=MAX_WARNINGS {
            page.push(Some(1), None, WarningKind::DecodingFallback, "U+FFFD");
        }
        let cut_short = page.cut_short();
        let mut document = Warnings::default();
        document.extend(page.into_vec(), cut_short);
        assert!(!document.cut_short());
        let mut page = Warnings::default();
        page.push(Some(2), None, WarningKind::TimeLimit, "time limit");
        let cut_short = page.cut_short();
        document.extend(page.into_vec(), cut_short);
        assert!(document.cut_short());
    }
}

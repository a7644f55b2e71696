//! Diagnostics: what went wrong while reading without stopping it.
//!
//! The bottom of the house: every layer reports through [`Warnings`]
//! without knowing the report that will carry its warnings; this module
//! imports nothing of the crate.

use serde::Serialize;

/// Annotations left out, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Skipped {
    /// `/Link` annotations (see [`Options::include_links`](crate::Options::include_links)).
    pub links: usize,
    /// `/Widget` annotations (see [`Options::include_widgets`](crate::Options::include_widgets)).
    pub widgets: usize,
}

/// A defect that did not stop the reading: one broken annotation, a bad
/// date, a bound that was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Warning {
    /// The 1-based page, when the defect belongs to one.
    pub page: Option<usize>,
    /// The object (`"12 0 R"`), when the defect belongs to one.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// What is wrong and what was done about it.
    pub message: String,
}

/// Collects warnings up to a bound, then counts the rest.
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    list: Vec<Warning>,
    dropped: usize,
}

/// Most warnings kept for one document; a file with a million broken
/// annotations gets this many and a count of the rest.
const MAX_WARNINGS: usize = 1_000;

impl Warnings {
    pub(crate) fn push(
        &mut self,
        page: Option<usize>,
        reference: Option<String>,
        message: impl Into<String>,
    ) {
        if self.list.len() < MAX_WARNINGS {
            self.list.push(Warning {
                page,
                reference,
                message: message.into(),
            });
        } else {
            self.dropped += 1;
        }
    }

    pub(crate) fn into_vec(mut self) -> Vec<Warning> {
        if self.dropped > 0 {
            self.list.push(Warning {
                page: None,
                reference: None,
                message: format!("{} further warnings not listed", self.dropped),
            });
        }
        self.list
    }
}

//! Keeping only the records a user asks for.

use chrono::NaiveDate;

use crate::annotation::Annotation;
use crate::report::Report;
use crate::summary::Comment;

/// Which records to keep. An empty filter keeps everything.
///
/// ```
/// use kantlijn::{Filter, Options, extract};
///
/// let mut report = extract("fixtures/beslisnota.pdf", &Options::default())?;
/// let mut filter = Filter::default();
/// filter.subtypes.push("Highlight".into());
/// filter.apply(&mut report);
/// assert!(!report.annotations.is_empty());
/// assert!(report.annotations.iter().all(|a| a.subtype.name() == "Highlight"));
/// # Ok::<(), kantlijn::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Filter {
    /// Subtype names to keep (`Highlight`, `Text`, …), compared without
    /// regard to case; empty keeps all.
    pub subtypes: Vec<String>,
    /// Keep records whose author contains this text, compared without
    /// regard to case.
    pub author: Option<String>,
    /// Keep records dated on or after this day (the date as written in the
    /// file, `/M` else `/CreationDate`). Undated records are left out when a
    /// date bound is set.
    pub since: Option<NaiveDate>,
    /// Keep records dated on or before this day.
    pub until: Option<NaiveDate>,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.subtypes.is_empty()
            && self.author.is_none()
            && self.since.is_none()
            && self.until.is_none()
    }

    /// Whether an annotation passes.
    pub fn keeps(&self, annotation: &Annotation) -> bool {
        let subtype_ok = self.subtypes.is_empty()
            || self
                .subtypes
                .iter()
                .any(|s| s.eq_ignore_ascii_case(annotation.subtype.name()));
        let date = annotation
            .modified
            .or(annotation.created)
            .map(|t| t.naive().date());
        subtype_ok && self.author_ok(annotation.author.as_deref()) && self.date_ok(date)
    }

    fn author_ok(&self, author: Option<&str>) -> bool {
        match &self.author {
            None => true,
            Some(wanted) => {
                author.is_some_and(|a| a.to_lowercase().contains(&wanted.to_lowercase()))
            }
        }
    }

    fn date_ok(&self, date: Option<NaiveDate>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        date.is_some_and(|d| self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u))
    }

    /// Whether an entry of a printed summary passes (its subtype is the
    /// one its subject names; its date is the printed one).
    pub fn keeps_comment(&self, comment: &Comment) -> bool {
        let subtype_ok = self.subtypes.is_empty()
            || comment.subtype.as_ref().is_some_and(|t| {
                self.subtypes
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(t.name()))
            });
        subtype_ok
            && self.author_ok(comment.author.as_deref())
            && self.date_ok(comment.date.map(|d| d.date()))
    }

    /// Drops the records of a report that do not pass. Decisions are kept
    /// by their date alone (`since`, `until`); notas are all kept, each
    /// listing the decisions that are (renumbered).
    pub fn apply(&self, report: &mut Report) {
        if self.is_empty() {
            return;
        }
        report.annotations.retain(|a| self.keeps(a));
        report.comments.retain(|c| self.keeps_comment(c));
        let mut kept = 0;
        let renumbered: Vec<Option<usize>> = report
            .decisions
            .iter()
            .map(|d| {
                self.date_ok(d.date).then(|| {
                    kept += 1;
                    kept - 1
                })
            })
            .collect();
        report.decisions.retain(|d| self.date_ok(d.date));
        for nota in &mut report.notas {
            nota.decisions = nota
                .decisions
                .iter()
                .filter_map(|&i| renumbered.get(i).copied().flatten())
                .collect();
        }
    }
}

//! The statements a report's records make: annotation contents, summary
//! entries and stamp lines of page text.

use super::register::Statement;
use super::{Source, StampLine};
use crate::annotation::Annotation;
use crate::summary::Comment;

/// One statement per annotation with contents, per summary entry with
/// contents, and per stamp line, in that order.
pub(crate) fn statements<'a>(
    annotations: &'a [Annotation],
    comments: &'a [Comment],
    stamps: &[StampLine<'a>],
) -> Vec<Statement<'a>> {
    let mut statements = Vec::new();
    for annotation in annotations {
        let Some(text) = annotation
            .contents
            .as_deref()
            .filter(|t| !t.trim().is_empty())
        else {
            continue;
        };
        // A reply that only sets a review state ("Accepted") says nothing
        // of the nota.
        if annotation.state.is_some() && annotation.in_reply_to.is_some() {
            continue;
        }
        let mut statement = Statement::new(text, Source::Annotation)
            .with_page(annotation.page)
            .with_reference(annotation.reference.clone());
        if let Some(author) = annotation.author.as_deref().filter(|a| !a.is_empty()) {
            statement = statement.with_author(author);
        }
        if let Some(written) = annotation.modified.or(annotation.created) {
            statement = statement.with_written(written.naive());
        }
        statements.push(statement);
    }
    for (index, comment) in comments.iter().enumerate() {
        let Some(text) = comment.contents.as_deref().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let mut statement =
            Statement::new(text, Source::CommentSummary).with_reference(format!("comment:{index}"));
        statement.page = comment.page;
        statement.target_page = comment.target_page;
        if let Some(author) = comment.author.as_deref().filter(|a| !a.is_empty()) {
            statement = statement.with_author(author);
        }
        if let Some(written) = comment.date {
            statement = statement.with_written(written);
        }
        statements.push(statement);
    }
    statements.extend(stamps.iter().map(StampLine::statement));
    statements
}

/// The decision register of a report: statements from its annotations, its
/// printed summary entries and the stamp lines of its text (pages separated
/// by form feeds), merged.
pub(crate) fn register(
    annotations: &[Annotation],
    comments: &[Comment],
    text: &str,
    document_dates: &[chrono::NaiveDate],
    vocabulary: &super::Vocabulary,
) -> Vec<super::Decision> {
    let stamps = super::stamp_lines(text, vocabulary);
    let statements = statements(annotations, comments, &stamps);
    super::build_register(&statements, document_dates, vocabulary)
}

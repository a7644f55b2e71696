//! The statements a report's records make: annotation contents, summary
//! entries and stamp lines of page text.

use super::register::Statement;
use super::{SightingRef, Source, StampLine};
use crate::annotation::Annotation;
use crate::summary::Comment;

/// One statement per annotation with contents (or, without them, with
/// text in its appearance: a dynamic stamp), per summary entry with
/// contents, and per stamp line, in that order. Left out: replies that only
/// set a review state, and text markup whose contents repeat the text under
/// it (see [`repeats_marked_text`]).
pub(crate) fn statements<'a>(
    annotations: &'a [Annotation],
    comments: &'a [Comment],
    stamps: &[StampLine<'a>],
) -> Vec<Statement<'a>> {
    let mut statements = Vec::new();
    for annotation in annotations {
        let Some(text) = said(annotation) else {
            continue;
        };
        // A reply that only sets a review state ("Accepted") says nothing
        // of the nota.
        if annotation.state.is_some() && annotation.in_reply_to.is_some() {
            continue;
        }
        if repeats_marked_text(annotation) {
            continue;
        }
        let mut statement = Statement::new(text, Source::Annotation)
            .with_page(annotation.page)
            .with_reference(SightingRef::Annotation(annotation.reference));
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
        let mut statement = Statement::new(text, Source::CommentSummary)
            .with_reference(SightingRef::Comment(index));
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

/// What an annotation says: its contents, else the text its appearance
/// draws.
fn said(annotation: &Annotation) -> Option<&str> {
    fn written(text: Option<&str>) -> Option<&str> {
        text.filter(|t| !t.trim().is_empty())
    }
    written(annotation.contents.as_deref())
        .or_else(|| written(annotation.appearance_text.as_deref()))
}

/// Whether a highlight's (underline's, …) contents only repeat the text
/// under it: Acrobat can copy the selected words into the comment, and
/// those are the page's words, not the annotator's. Compared on letters and
/// digits alone, ignoring case; the text under may run on a little (a tall
/// quad catches part of the next line), by at most a third of the contents.
fn repeats_marked_text(annotation: &Annotation) -> bool {
    if !annotation.subtype.is_text_markup() {
        return false;
    }
    let (Some(contents), Some(under)) = (
        annotation.contents.as_deref(),
        annotation.text_under.as_deref(),
    ) else {
        return false;
    };
    let key = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (contents, under) = (key(contents), key(under));
    !contents.is_empty() && under.contains(&contents) && under.len() * 3 <= contents.len() * 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Flags, Subtype};

    fn annotation(subtype: Subtype, contents: &str, text_under: Option<&str>) -> Annotation {
        Annotation {
            page: 1,
            page_label: None,
            reference: "7 0 R".parse().unwrap(),
            name: None,
            subtype,
            intent: None,
            author: Some("Aartsen, A.A.".to_owned()),
            subject: None,
            contents: Some(contents.to_owned()),
            rich_text: None,
            created: None,
            modified: None,
            color: None,
            opacity: None,
            flags: Flags::default(),
            rect: None,
            quads: None,
            icon: None,
            in_reply_to: None,
            reply_type: None,
            state: None,
            state_model: None,
            review_states: Vec::new(),
            popup: None,
            text_under: text_under.map(str::to_owned),
            appearance_text: None,
        }
    }

    fn texts(annotations: &[Annotation]) -> Vec<&str> {
        statements(annotations, &[], &[])
            .iter()
            .map(|statement| statement.text)
            .collect()
    }

    #[test]
    fn comment_on_a_highlight_is_read() {
        let annotations = [annotation(
            Subtype::Highlight,
            "Akkoord",
            Some("Gaat u akkoord met de voorgestelde inhoud?"),
        )];
        assert_eq!(texts(&annotations), ["Akkoord"]);
    }

    #[test]
    fn highlight_repeating_its_text_is_not_read() {
        // Acrobat can copy the selected words into the highlight's comment:
        // they are the page's words, not the annotator's.
        for (contents, under) in [
            ("Optie 2", "Optie 2"),
            ("akkoord", "akkoord"),
            (
                "Besproken in de beleidsstaf",
                "besproken in de beleids-\nstaf",
            ),
            // The text under a tall quad catches part of the next line.
            (
                "Optie 2 heeft de voorkeur",
                "Optie 2 heeft de voorkeur. Het",
            ),
        ] {
            let annotations = [annotation(Subtype::Highlight, contents, Some(under))];
            assert!(texts(&annotations).is_empty(), "{contents:?}");
        }
        let annotations = [annotation(Subtype::Underline, "Optie 2", Some("Optie 2"))];
        assert!(texts(&annotations).is_empty());
    }

    #[test]
    fn appearance_text_speaks_for_an_annotation_without_contents() {
        let mut stamp = annotation(Subtype::Stamp, "", None);
        stamp.contents = None;
        stamp.appearance_text = Some("AKKOORD\nMinister van SZW\n08-06-2026 09:11".to_owned());
        assert_eq!(
            texts(&[stamp.clone()]),
            ["AKKOORD\nMinister van SZW\n08-06-2026 09:11"]
        );
        // Contents, when there are any, say it.
        stamp.contents = Some("Akkoord".to_owned());
        assert_eq!(texts(&[stamp]), ["Akkoord"]);
    }

    #[test]
    fn without_the_text_under_a_highlight_is_read() {
        let annotations = [annotation(Subtype::Highlight, "Optie 2", None)];
        assert_eq!(texts(&annotations), ["Optie 2"]);
        // Other subtypes have no marked text.
        let annotations = [annotation(
            Subtype::FreeText,
            "MWP akkoord 8/6",
            Some("MWP akkoord 8/6"),
        )];
        assert_eq!(texts(&annotations), ["MWP akkoord 8/6"]);
    }
}

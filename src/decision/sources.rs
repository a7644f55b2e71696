//! The statements a report's records make: annotation contents, summary
//! entries and stamp lines of page text.

use std::collections::HashSet;

use super::register::Statement;
use super::{SightingRef, Source, StampLine};
use crate::annotation::{Annotation, Reference};
use crate::summary::Comment;

/// One statement per annotation with contents (or, without them, with
/// text in its appearance: a dynamic stamp), per summary entry with
/// contents, and per stamp line, in that order. Left out: replies that only
/// set a review state, and text markup whose contents repeat the text under
/// it (see [`repeats_marked_text`]). A reply to a remark is marked, so that
/// a bare word of assent in it is not read as a decision.
pub(crate) fn statements<'a>(
    annotations: &'a [Annotation],
    comments: &'a [Comment],
    stamps: &[StampLine<'a>],
) -> Vec<Statement<'a>> {
    let mut statements = Vec::new();
    let questions = questions(annotations);
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
        statement.replies_to_remark = annotation
            .in_reply_to
            .is_some_and(|parent| !questions.contains(&parent));
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

/// The annotations that ask something: what they say ends in a question
/// mark ("Akkoord met optie 2?"). A reply to one answers it; a reply to any
/// other ("Tekst vervangen: …", a highlight, one not in the file) replies
/// to a remark.
fn questions(annotations: &[Annotation]) -> HashSet<Reference> {
    annotations
        .iter()
        .filter(|annotation| said(annotation).is_some_and(|text| text.trim_end().ends_with('?')))
        .map(|annotation| annotation.reference)
        .collect()
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

    /// A reply is marked as one to a remark unless its parent asks
    /// something; the register then leaves a bare word of assent in it out.
    #[test]
    fn replies_to_remarks_and_to_questions() {
        let mut edit = annotation(Subtype::Text, "Tekst vervangen: \"per 1 juli\"", None);
        edit.reference = "7 0 R".parse().unwrap();
        let mut question = annotation(Subtype::Text, "Akkoord met optie 2?", None);
        question.reference = "8 0 R".parse().unwrap();
        let reply = |reference: &str, parent: &str| {
            let mut reply = annotation(Subtype::Text, "Eens", None);
            reply.reference = reference.parse().unwrap();
            reply.in_reply_to = Some(parent.parse().unwrap());
            reply
        };
        let annotations = [
            edit,
            question,
            reply("9 0 R", "7 0 R"),
            reply("10 0 R", "8 0 R"),
            reply("11 0 R", "99 0 R"),
        ];
        let marked: Vec<bool> = statements(&annotations, &[], &[])
            .iter()
            .map(|statement| statement.replies_to_remark)
            .collect();
        assert_eq!(marked, [false, false, true, false, true]);
        let vocabulary = crate::decision::Vocabulary::builtin();
        let register =
            crate::decision::build_register(&statements(&annotations, &[], &[]), &[], &vocabulary);
        // Only the answer to the question is a decision.
        assert_eq!(register.len(), 1, "{register:#?}");
        assert_eq!(
            register[0].reference.map(|r| r.to_string()).as_deref(),
            Some("10 0 R")
        );
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

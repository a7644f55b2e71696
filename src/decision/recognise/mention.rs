//! An actor a short comment names elsewhere than before or right after
//! the verdict: "Akkoord. SG wil graag een update", "Akkoord, ook namens
//! SG", "Akkoord (zie mail SG)". In a comment of at most
//! [`MAX_MENTION_WORDS`] words, such a vocabulary actor is the decision's,
//! rather than the comment's author, when
//! - it is the only one named (two different actors leave it open);
//! - it is not one letter ("M" in running text is never an actor);
//! - no `addressee_links` word stands before it: "graag voorleggen aan
//!   SG", "afstemmen met DG", "de minister informeren" name someone else
//!   than the one who decided;
//! - it is not part of a compound ("SG-overleg") and not in a question.

use super::actor::{ActorRules, actor_at, portfolio_at, title_of};
use super::cursor::{Cursor, word_at};
use crate::decision::Vocabulary;

/// The most words a comment may have for an actor named anywhere in it to
/// be taken as the decision's.
pub(super) const MAX_MENTION_WORDS: usize = 12;

/// An actor named in a comment.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mentioned {
    pub(super) text: String,
    pub(super) title: Option<String>,
}

/// The one vocabulary actor `body` names where it may be the decision's.
pub(super) fn mentioned_actor(body: &str, vocabulary: &Vocabulary) -> Option<Mentioned> {
    if body.split_whitespace().count() > MAX_MENTION_WORDS {
        return None;
    }
    let mut found: Option<Mentioned> = None;
    let mut previous = "";
    let mut boundary = true;
    for (i, c) in body.char_indices() {
        let starts_word = boundary && c.is_alphanumeric();
        boundary = !c.is_alphanumeric();
        if !starts_word {
            continue;
        }
        let at = Cursor::start(body).advance(i);
        let word = word_at(at.rest());
        let candidate = named_at(at, vocabulary)
            .filter(|_| !vocabulary.is_addressee_link(previous))
            .filter(|(_, end)| !in_compound(*end) && !in_question(*end));
        if !word.is_empty() {
            previous = word;
        }
        let Some((mentioned, _)) = candidate else {
            continue;
        };
        match &found {
            Some(earlier) if earlier.title != mentioned.title => return None,
            Some(_) => {}
            None => found = Some(mentioned),
        }
    }
    found
}

/// A vocabulary actor of more than one letter at `at`, with its portfolio
/// ("Minister van SZW"), and where it ends.
fn named_at<'a>(at: Cursor<'a>, vocabulary: &Vocabulary) -> Option<(Mentioned, Cursor<'a>)> {
    let len = actor_at(at.rest(), vocabulary, ActorRules::KNOWN)?;
    let role_end = at.advance(len);
    let role = role_end.since(at);
    let title = title_of(role, vocabulary)?;
    let after = role_end.skip_ws();
    let (end, title) = match portfolio_at(after.rest(), role, vocabulary) {
        Some(portfolio) if after > role_end && portfolio.len > 0 => {
            (after.advance(portfolio.len), portfolio.title)
        }
        _ => (role_end, title),
    };
    let text = end
        .since(at)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((
        Mentioned {
            text,
            title: Some(title),
        },
        end,
    ))
}

/// "SG-overleg": the actor is the first part of a compound.
fn in_compound(end: Cursor<'_>) -> bool {
    let mut rest = end.rest().chars();
    rest.next() == Some('-') && rest.next().is_some_and(char::is_alphanumeric)
}

/// Whether the sentence the actor stands in ends in a question mark.
fn in_question(end: Cursor<'_>) -> bool {
    end.rest()
        .chars()
        .find(|c| matches!(c, '.' | '!' | '?' | '\n' | ';'))
        == Some('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentioned(text: &str) -> Option<String> {
        mentioned_actor(text, &Vocabulary::builtin()).map(|found| found.text)
    }

    #[test]
    fn named_in_the_comment() {
        assert_eq!(
            mentioned("Akkoord. SG wil graag een update").as_deref(),
            Some("SG")
        );
        assert_eq!(mentioned("Akkoord, ook namens SG").as_deref(), Some("SG"));
        assert_eq!(mentioned("Akkoord (zie mail SG)").as_deref(), Some("SG"));
        assert_eq!(
            mentioned("Akkoord, namens Minister van SZW").as_deref(),
            Some("Minister van SZW")
        );
    }

    #[test]
    fn not_the_one_who_decided() {
        assert_eq!(mentioned("Akkoord, graag voorleggen aan SG"), None);
        assert_eq!(mentioned("Akkoord, graag afstemmen met DG"), None);
        assert_eq!(mentioned("Akkoord, graag de Minister informeren"), None);
        assert_eq!(mentioned("Akkoord, agenderen voor het SG-overleg"), None);
        assert_eq!(mentioned("Akkoord. Weet SG hiervan?"), None);
        assert_eq!(mentioned("Akkoord. SG en DG willen een update"), None);
        assert_eq!(mentioned("Akkoord. M wil een update"), None);
        assert_eq!(
            mentioned(
                "Akkoord, maar dit is een lange opmerking waarin de SG pas na twaalf woorden komt"
            ),
            None
        );
    }
}

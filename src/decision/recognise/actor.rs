//! Actors: who decided ("MWP", "Stas SZW", "Minister voor Klimaat en
//! Energie", "DGSZ"), and the title the vocabulary gives them.

use super::cursor::{Cursor, word_at, word_of};
use super::verdict::verdict_at;
use crate::decision::Vocabulary;

/// Which actors a reading accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Actors {
    /// Vocabulary actors and unknown abbreviations.
    Any,
    /// Only vocabulary actors (and, in comment mode, none of one letter).
    Titled,
}

/// What [`actor_at`] may take at one place of the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct ActorRules {
    /// Unknown abbreviations ("DGSZ").
    pub(super) unknown: bool,
    /// One-letter roles ("M", "S"), only ever before the verdict.
    pub(super) letters: bool,
}

impl ActorRules {
    /// Vocabulary actors of more than one letter.
    pub(super) const KNOWN: Self = Self {
        unknown: false,
        letters: false,
    };
}

/// An actor at the start of `text`; the bytes it covers.
pub(super) fn actor_at(text: &str, vocabulary: &Vocabulary, rules: ActorRules) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut consider = |len: usize| {
        if best.is_none_or(|b| len > b) {
            best = Some(len);
        }
    };
    for entry in vocabulary.actors().at(text) {
        if !rules.letters && is_one_letter(&entry.phrase) {
            continue;
        }
        if let Some(len) = super::cursor::match_phrase(text, &entry.phrase) {
            consider(len);
        }
    }
    let first = word_at(text);
    if !first.is_empty() {
        if vocabulary.ministry_title(first).is_some() {
            consider(first.len());
        }
        let after = Cursor::start(text).advance(first.len()).skip_ws();
        let second = word_at(after.rest());
        if !second.is_empty()
            && after.pos() > first.len()
            && let Some(both) = text.get(..after.pos() + second.len())
            && vocabulary.ministry_title(both).is_some()
        {
            consider(both.len());
        }
        if rules.unknown && is_abbreviation(first, vocabulary) {
            consider(first.len());
        }
    }
    best
}

/// A known actor (one the vocabulary gives a title) at the start of
/// `text`; the bytes it covers.
pub(super) fn known_actor_at(
    text: &str,
    vocabulary: &Vocabulary,
    rules: ActorRules,
) -> Option<usize> {
    let len = actor_at(text, vocabulary, rules)?;
    text.get(..len)
        .and_then(|found| title_of(found, vocabulary))
        .map(|_| len)
}

/// The title of an actor as written, or of its first word ("Minister WB");
/// a `W` that OCR read as `VV` ("MVVP") is read as one.
pub(super) fn title_of(actor: &str, vocabulary: &Vocabulary) -> Option<String> {
    let title = |actor: &str| {
        vocabulary.actor_title(actor).or_else(|| {
            let (first, _) = actor.split_once(char::is_whitespace)?;
            vocabulary.actor_title(first)
        })
    };
    title(actor).or_else(|| {
        actor
            .contains("VV")
            .then(|| title(&actor.replace("VV", "W")))
            .flatten()
    })
}

/// Whether an actor is a single letter ("M", "S").
pub(super) fn is_one_letter(actor: &str) -> bool {
    let mut letters = actor.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some() && letters.next().is_none()
}

/// The most words a portfolio may have ("Landbouw, Natuur en
/// Voedselkwaliteit" has three).
const MAX_PORTFOLIO_WORDS: usize = 8;

/// A portfolio after a role: the bytes it covers and the title of role and
/// portfolio together.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Portfolio {
    pub(super) len: usize,
    pub(super) title: String,
}

/// A portfolio after a vocabulary role: "van Financiën", "Participatie en
/// Integratie", "voor Klimaat en Energie", or a name ("Jansen"). Its title:
/// - after a link word, the role's title, the link and the portfolio
///   ("Minister voor Klimaat en Energie");
/// - a ministry's name or code, the role's ministry title and its name
///   ("Minister Financiën" → "Minister van Financiën");
/// - words joined by "en", "&" or a comma, the role's ministry title and
///   the words ("Staatssecretaris van Participatie en Integratie");
/// - anything else (a name, a unit), the role's title alone.
pub(super) fn portfolio_at(text: &str, role: &str, vocabulary: &Vocabulary) -> Option<Portfolio> {
    if is_one_letter(role) {
        return None;
    }
    let role_title = vocabulary.actor_title(role)?;
    let origin = Cursor::start(text);
    let (link, start) = portfolio_link(origin, vocabulary);
    let (end, joined) = portfolio_words(start, vocabulary);
    if end == start {
        return None;
    }
    let portfolio = end
        .since(start)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let ministry_role = vocabulary.ministry_role(role);
    let ministry = vocabulary.ministry_name(&portfolio);
    let title = if let Some(link) = link {
        format!("{role_title} {link} {}", ministry.unwrap_or(&portfolio))
    } else if let (Some(name), Some(ministry_role)) = (ministry, ministry_role) {
        format!("{ministry_role} {name}")
    } else if joined {
        format!("{} {portfolio}", ministry_role.unwrap_or(&role_title))
    } else {
        role_title
    };
    Some(Portfolio {
        len: end.pos(),
        title,
    })
}

/// The link word before a portfolio ("van", "voor") and where the
/// portfolio starts. A link is written in lower case: "Van Dijk" is a name.
fn portfolio_link<'a>(
    origin: Cursor<'a>,
    vocabulary: &Vocabulary,
) -> (Option<&'a str>, Cursor<'a>) {
    if let Some(len) = word_of(origin.rest(), vocabulary.portfolio_links()) {
        let after = origin.advance(len);
        let link = after.since(origin);
        if after.skip_ws() > after && link == link.to_lowercase() {
            return (Some(link), after.skip_ws());
        }
    }
    (None, origin)
}

/// The end of a portfolio's words from `start`, and whether a joiner ("en",
/// "&", ",") joined them.
fn portfolio_words<'a>(start: Cursor<'a>, vocabulary: &Vocabulary) -> (Cursor<'a>, bool) {
    let mut end = start;
    let mut at = start;
    let mut joined = false;
    for _ in 0..MAX_PORTFOLIO_WORDS {
        let Some(len) = portfolio_word(at.rest(), vocabulary) else {
            break;
        };
        end = at.advance(len);
        let gap = end.skip_ws();
        // A line break ends the portfolio: a label may stand on the next
        // line ("Minister van SZW⏎Datum: …").
        if gap.since(end).contains('\n') {
            break;
        }
        if let Some(joiner) = word_of(gap.rest(), vocabulary.portfolio_joiners()) {
            let after = gap.advance(joiner);
            let next = after.skip_ws();
            if next > after && portfolio_word(next.rest(), vocabulary).is_some() {
                joined = true;
                at = next;
                continue;
            }
        }
        if gap > end && portfolio_word(gap.rest(), vocabulary).is_some() {
            at = gap;
            continue;
        }
        break;
    }
    (end, joined)
}

/// A capitalised word of a portfolio ("Participatie", "Sociale"), not a
/// verdict; the bytes it covers.
fn portfolio_word(text: &str, vocabulary: &Vocabulary) -> Option<usize> {
    let word = word_at(text);
    (word.chars().next().is_some_and(char::is_uppercase) && verdict_at(text, vocabulary).is_none())
        .then_some(word.len())
}

/// A qualifier after an actor: a ministry code or an abbreviation ("SZW",
/// "WB"); the bytes it covers.
pub(super) fn qualifier_at(text: &str, vocabulary: &Vocabulary) -> Option<usize> {
    let word = word_at(text);
    if word.is_empty() {
        return None;
    }
    let ministry = vocabulary
        .ministries()
        .iter()
        .any(|entry| entry.phrase == word.to_lowercase());
    (ministry || is_abbreviation(word, vocabulary)).then_some(word.len())
}

/// An unknown abbreviation that may name an actor: 2–12 letters, at least two
/// capitals, not a listed non-actor, sentence word or verdict.
fn is_abbreviation(word: &str, vocabulary: &Vocabulary) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=12).contains(&letters)
        && word.chars().filter(char::is_ascii_uppercase).count() >= 2
        && word.chars().next().is_some_and(char::is_alphabetic)
        && !vocabulary.is_not_actor(word)
        && vocabulary.ministry_name(word).is_none()
        && !vocabulary.is_sentence_word(word)
        && vocabulary.verdict_of(word).is_none()
        && vocabulary.month(word).is_none()
}

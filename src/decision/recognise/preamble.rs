//! Short sentences before the verdict: "Eens. Akkoord.", "Helder. Akkoord
//! met optie 2.", "Gezien de planning, akkoord", "Gelezen. Graag
//! bespreken."
//!
//! A preamble is at most [`MAX_SENTENCES`] sentences of at most
//! [`MAX_WORDS`] words each, every one ended by a full stop, an
//! exclamation mark, a comma, a semicolon or a line break (not a colon:
//! "Advies: akkoord" is a label and its value), and a verdict (or a
//! vocabulary actor and a verdict) right after it. A preamble sentence has
//! a letter in it, no question mark, no negation ("Niet doen. Akkoord."
//! says two things), does not open with a condition ("Indien akkoord, …")
//! and holds no verdict but a weak one, a note or a discussion ("Prima.",
//! "Gezien.", "Besproken in de staf van 24/3,"): in "Akkoord. Graag
//! bespreken." the approval is the verdict and the rest a remark. A meeting
//! the preamble names dates an undated decision, as a remark's does. A longer sentence is no preamble: the text then starts with
//! something other than a verdict and is no decision.

use super::actor::{ActorRules, actor_at};
use super::cursor::{Cursor, match_phrase};
use super::verdict::verdict_at;
use crate::decision::{Verdict, Vocabulary};

/// The most sentences a preamble may have.
pub(super) const MAX_SENTENCES: usize = 2;

/// The most words a sentence of a preamble may have.
pub(super) const MAX_WORDS: usize = 4;

/// Where the verdict after a preamble starts, when `start` opens one.
pub(super) fn after_preamble<'a>(start: Cursor<'a>, vocabulary: &Vocabulary) -> Option<Cursor<'a>> {
    let mut at = start;
    for _ in 0..MAX_SENTENCES {
        at = after_sentence(at, vocabulary)?;
        if opens_verdict(at, vocabulary) {
            return Some(at);
        }
    }
    None
}

/// The end of one short sentence at `start`, past its end mark and the
/// white space after it.
fn after_sentence<'a>(start: Cursor<'a>, vocabulary: &Vocabulary) -> Option<Cursor<'a>> {
    let rest = start.rest();
    let end = rest.find(['.', '!', ',', '\n', '?', ';', ':'])?;
    let (sentence, mark) = (rest.get(..end)?, rest.get(end..)?.chars().next()?);
    // A question is no preamble; "Advies: akkoord" is a label and its value.
    if matches!(mark, '?' | ':') {
        return None;
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    // "n.akk.", "DG n.akk.", "v.k.a.": the full stop is inside a verdict
    // phrase that starts the sentence or a word of it.
    for word in words.iter().take(MAX_WORDS + 1) {
        // Where the word starts in the sentence, which starts `rest`.
        let word_start = word.as_ptr() as usize - sentence.as_ptr() as usize;
        let phrase = rest.get(word_start..).unwrap_or_default();
        if verdict_at(phrase, vocabulary).is_some_and(|found| word_start + found.len > end) {
            return None;
        }
    }
    let acceptable = !words.is_empty()
        && words.len() <= MAX_WORDS
        && sentence.chars().any(char::is_alphabetic)
        && !words
            .iter()
            .any(|word| vocabulary.is_negation(word.trim_matches(|c: char| !c.is_alphabetic())))
        && !vocabulary
            .condition_lead_ins()
            .iter()
            .any(|lead_in| match_phrase(sentence, lead_in).is_some())
        && verdict_at(sentence, vocabulary).is_none_or(|found| {
            found.weak || matches!(found.verdict, Verdict::Noted | Verdict::Discussed)
        });
    if !acceptable {
        return None;
    }
    // "M. akkoord", "Min. akkoord": the full stop is inside an actor.
    let letters = ActorRules {
        unknown: false,
        letters: true,
    };
    if actor_at(rest, vocabulary, letters).is_some_and(|len| len > end) {
        return None;
    }
    // Past the end mark (and any more of them: "Helder!!", "Dank..").
    let after = start.advance(end);
    let marks = after
        .rest()
        .find(|c: char| !matches!(c, '.' | '!' | ',' | ';' | '\n'))
        .unwrap_or(after.rest().len());
    Some(after.advance(marks).skip_ws())
}

/// Whether a verdict, or a vocabulary actor and a verdict, starts at `at`.
fn opens_verdict(at: Cursor<'_>, vocabulary: &Vocabulary) -> bool {
    if verdict_at(at.rest(), vocabulary).is_some() {
        return true;
    }
    actor_at(at.rest(), vocabulary, ActorRules::KNOWN).is_some_and(|len| {
        let verdict = at.advance(len).skip_link();
        verdict_at(verdict.rest(), vocabulary).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict_after(text: &str) -> Option<&str> {
        after_preamble(Cursor::start(text), &Vocabulary::builtin()).map(Cursor::rest)
    }

    #[test]
    fn short_sentences() {
        assert_eq!(verdict_after("Eens. Akkoord."), Some("Akkoord."));
        assert_eq!(
            verdict_after("Helder. Akkoord met optie 2."),
            Some("Akkoord met optie 2.")
        );
        assert_eq!(verdict_after("Goed stuk, dank! Akkoord"), Some("Akkoord"));
        assert_eq!(
            verdict_after("Gelezen. Graag bespreken"),
            Some("Graag bespreken")
        );
        assert_eq!(verdict_after("Helder.\nMWP akkoord"), Some("MWP akkoord"));
    }

    #[test]
    fn not_preambles() {
        assert_eq!(
            verdict_after("Ik heb de nota gelezen en vind het goed. Akkoord."),
            None
        );
        assert_eq!(verdict_after("Waarom? Akkoord."), None);
        assert_eq!(verdict_after("Advies: akkoord"), None);
        assert_eq!(verdict_after("Niet doen. Akkoord."), None);
        assert_eq!(verdict_after("Indien akkoord, graag tekenen."), None);
        assert_eq!(verdict_after("Akkoord. Graag bespreken."), None);
        assert_eq!(verdict_after("1. Akkoord"), None);
        assert_eq!(verdict_after("Eens. Dank. Goed. Akkoord."), None);
        assert_eq!(verdict_after("M. akkoord 8/6"), None);
    }
}

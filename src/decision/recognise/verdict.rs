//! Verdicts: what was decided ("akkoord", "niet akkoord", "graag
//! bespreken"), the interjection that may come first ("Ja, akkoord"), and
//! the options a nota offers ("optie 2", "optie B").

use super::cursor::{Cursor, is_separator, match_phrase, word_of};
use crate::decision::{Verdict, Vocabulary};

/// A verdict phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct VerdictMatch {
    pub(super) verdict: Verdict,
    /// The bytes the phrase covers.
    pub(super) len: usize,
    /// The phrase also opens ordinary talk ("ok", "prima"): it takes no
    /// remark.
    pub(super) weak: bool,
}

/// The verdict phrase at the start of `text`, longest first, or a request
/// to discuss or to defer after the words that soften or time it ("graag
/// eerst bespreken").
pub(super) fn verdict_at(text: &str, vocabulary: &Vocabulary) -> Option<VerdictMatch> {
    phrase_at(text, vocabulary).or_else(|| request_at(text, vocabulary))
}

/// The most request words a request may open with ("svp nog even
/// aanhouden").
const MAX_REQUEST_WORDS: usize = 3;

/// A request after one to three request words ("graag eerst bespreken",
/// "nog even aanhouden"), covering them all. Only requests take them: "nog
/// akkoord" is no approval.
fn request_at(text: &str, vocabulary: &Vocabulary) -> Option<VerdictMatch> {
    let mut at = Cursor::start(text);
    for _ in 0..MAX_REQUEST_WORDS {
        let word = at.advance(word_of(at.rest(), vocabulary.request_words())?);
        at = word.skip_ws();
        if at == word {
            return None;
        }
        let found = phrase_at(at.rest(), vocabulary);
        if let Some(found) = found.filter(|found| found.verdict.is_request()) {
            return Some(VerdictMatch {
                len: at.pos() + found.len,
                ..found
            });
        }
    }
    None
}

/// The vocabulary's verdict phrase at the start of `text`, longest first.
fn phrase_at(text: &str, vocabulary: &Vocabulary) -> Option<VerdictMatch> {
    vocabulary.verdicts().at(text).find_map(|entry| {
        match_phrase(text, &entry.phrase).map(|len| VerdictMatch {
            verdict: entry.value,
            len,
            weak: vocabulary.is_weak_phrase(&entry.phrase),
        })
    })
}

/// A word the vocabulary lists under `point_answers` at the start of
/// `text` ("ja", "nee"): the bytes it covers and the verdict it gives.
pub(super) fn answer_at(text: &str, vocabulary: &Vocabulary) -> Option<(usize, Verdict)> {
    vocabulary
        .point_answers()
        .iter()
        .find_map(|entry| Some((match_phrase(text, &entry.phrase)?, entry.value)))
}

/// Where the interjection before a verdict ends ("Ja, akkoord", "Prima,
/// akkoord"): only when a verdict follows it.
pub(super) fn after_interjection<'a>(
    start: Cursor<'a>,
    vocabulary: &Vocabulary,
) -> Option<Cursor<'a>> {
    let word = start.advance(word_of(start.rest(), vocabulary.interjections())?);
    let at = word.skip_ws_and(is_separator);
    (at > word && verdict_at(at.rest(), vocabulary).is_some()).then_some(at)
}

/// An option found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OptionMatch {
    /// The option's number; a letter counts from A = 1.
    pub(super) number: u32,
    /// The bytes "optie 2" covers.
    pub(super) len: usize,
}

/// The last letter an option may be named by ("optie H" → 8); letters
/// further on are more often roman numerals ("optie I") than options.
const LAST_OPTION_LETTER: char = 'h';

/// "optie 2" or "optie B" at the start of `text`.
pub(super) fn option_at(text: &str, vocabulary: &Vocabulary) -> Option<OptionMatch> {
    vocabulary.option_words().iter().find_map(|word| {
        let word_end = Cursor::start(text).advance(match_phrase(text, word)?);
        let value = word_end.skip_ws();
        if value == word_end {
            return None;
        }
        let (number, used) = option_value(value.rest())?;
        let end = value.advance(used);
        end.at_word_end().then_some(OptionMatch {
            number,
            len: end.pos(),
        })
    })
}

/// The number an option is named by ("2", "B"), and the bytes it covers.
fn option_value(value: &str) -> Option<(u32, usize)> {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    match (digits, value.chars().next()) {
        (1..=2, _) => Some((value.get(..digits)?.parse().ok()?, digits)),
        (0, Some(letter)) if ('a'..=LAST_OPTION_LETTER).contains(&letter.to_ascii_lowercase()) => {
            Some((
                u32::from(letter.to_ascii_lowercase()) - u32::from('a') + 1,
                1,
            ))
        }
        _ => None,
    }
}

/// A lead-in to an option ("Keuze:", "voorkeur voor") and the bytes up to
/// the option word.
pub(super) fn option_lead_in_at(text: &str, vocabulary: &Vocabulary) -> Option<usize> {
    vocabulary.option_lead_ins().iter().find_map(|lead_in| {
        let len = match_phrase(text, lead_in)?;
        let after = text.get(len..)?;
        let after_colon = after.trim_start().strip_prefix(':').unwrap_or(after);
        let skipped = text.len() - after_colon.trim_start().len();
        option_at(text.get(skipped..)?, vocabulary).map(|_| skipped)
    })
}

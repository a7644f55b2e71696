//! What follows the verdict and its date: nothing, initials or a marker
//! number ("… 30-3-2026 1", "… 11-9-2025 El"), a remark ("…, mits de
//! planning haalbaar is"), or words that make the text a sentence and not
//! a decision.

use std::sync::LazyLock;

use regex::Regex;

use super::cursor::{Cursor, is_clause_end, is_separator, match_phrase};
use crate::decision::Vocabulary;

/// A redaction placeholder: "[redacted]", "[naam verwijderd]", or the code
/// of the Woo ground a name was withheld on ("5.1.2e", "5.1.2.e", "10.2.g").
static PLACEHOLDER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:\[[^\[\]\n]{1,40}\]|[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}\.?[a-z])").ok()
});

/// What the text before the tail says about how the tail may be read.
#[derive(Debug, Clone, Copy)]
pub(super) struct Guide {
    /// An option statement with no actor or lead-in ("Optie 2 …"): only a
    /// separator may follow.
    pub(super) needs_guide: bool,
    /// The verdict took an option ("akkoord met optie 2"), which leads in
    /// a remark as a lead-in word does ("… van de nota").
    pub(super) linked_option: bool,
    /// The text ends in a question mark.
    pub(super) question: bool,
    /// The verdict has a date: after it, two capitals are a paraph's
    /// initials ("8/6 AP") even where they could name a party or a
    /// ministry, which stand alone after an undated verdict ("Akkoord CDA").
    pub(super) dated: bool,
}

/// What the tail of a text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tail {
    /// Nothing, full stops, initials, marker numbers or placeholders.
    Nothing,
    /// A remark on the decision.
    Remark(String),
    /// Words that make the text something other than a decision.
    Refuses,
}

/// Reads what follows the verdict and date.
pub(super) fn read_tail(tail: &str, guide: Guide, vocabulary: &Vocabulary) -> Tail {
    let trimmed = tail.trim_start();
    if trimmed.chars().all(|c| matches!(c, '.' | '!')) || is_marks(trimmed, guide.dated, vocabulary)
    {
        return Tail::Nothing;
    }
    let gap = tail.get(..tail.len() - trimmed.len()).unwrap_or_default();
    let Some(first) = trimmed.chars().next() else {
        return Tail::Refuses;
    };
    if gap.contains('\n') || is_separator(first) || first == '(' {
        separated_remark(trimmed, first, gap.contains('\n'), guide, vocabulary)
    } else {
        led_in_remark(trimmed, guide, vocabulary)
    }
}

/// A remark after a separator or a line break.
fn separated_remark(
    trimmed: &str,
    first: char,
    line_break: bool,
    guide: Guide,
    vocabulary: &Vocabulary,
) -> Tail {
    // "Optie 1: <title>" with nothing before it is a heading.
    if guide.needs_guide && first == ':' && !line_break {
        return Tail::Refuses;
    }
    let remark = trimmed
        .trim_start_matches(|c: char| c.is_whitespace() || is_separator(c))
        .trim_end();
    // "(Door het te) bespreken, kun je het doorbreken": the verdict word
    // ended a clause of a sentence.
    let next_word = remark
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if first == ',' && !line_break && vocabulary.is_clause_verb(next_word) {
        return Tail::Refuses;
    }
    // "Akkoord, toch?": the verdict's own sentence is a question.
    let same_sentence = !line_break && !matches!(first, '.' | ';' | '!');
    if same_sentence && first_sentence(remark).ends_with('?') {
        return Tail::Refuses;
    }
    // "Akkoord: ja / nee": a form's choice, not yet made.
    if is_choice(remark, vocabulary) {
        return Tail::Refuses;
    }
    if remark.is_empty() {
        Tail::Nothing
    } else {
        Tail::Remark(remark.to_owned())
    }
}

/// A remark after a lead-in word ("mits", "met") or an option the verdict
/// took, without a separator.
fn led_in_remark(trimmed: &str, guide: Guide, vocabulary: &Vocabulary) -> Tail {
    if guide.needs_guide || guide.question {
        return Tail::Refuses;
    }
    let starts_with = |phrases: &[String]| {
        phrases
            .iter()
            .any(|lead_in| match_phrase(trimmed, lead_in).is_some())
    };
    if !guide.linked_option && !starts_with(vocabulary.remark_lead_ins()) {
        return Tail::Refuses;
    }
    // "Akkoord met de planning? …": the verdict's sentence is a question.
    if first_sentence(trimmed).ends_with('?') {
        return Tail::Refuses;
    }
    // "Akkoord op hoofdlijnen is bereikt …": a finite verb in the first
    // clause makes the verdict word the subject of a sentence. A condition
    // ("mits de planning haalbaar is") ends in its verb and is a remark, and
    // so does a subordinate clause ("met de kanttekening dat de planning
    // krap is").
    let first_clause = trimmed.split(is_clause_end).next().unwrap_or_default();
    if !starts_with(vocabulary.condition_lead_ins())
        && !starts_with(vocabulary.conditions())
        && first_clause
            .split(|c: char| !c.is_alphabetic())
            .take_while(|word| !vocabulary.is_subordinator(word))
            .any(|word| vocabulary.is_clause_verb(word))
    {
        return Tail::Refuses;
    }
    Tail::Remark(trimmed.trim_end().to_owned())
}

/// Whether `text` offers answers to choose from: two or more verdicts or
/// point answers joined by "/", "|" or "of" ("ja / nee", "(ja/nee)",
/// "akkoord of niet akkoord").
fn is_choice(text: &str, vocabulary: &Vocabulary) -> bool {
    let inner = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '.'));
    let parts: Vec<&str> = inner
        .split(['/', '|'])
        .flat_map(|part| part.split(" of "))
        .flat_map(|part| part.split(" or "))
        .map(|part| part.trim_matches(|c: char| c.is_whitespace() || c == '☐' || c == '□'))
        .collect();
    let answer = |part: &str| {
        vocabulary.verdict_of(part).is_some()
            || vocabulary
                .point_answers()
                .iter()
                .any(|entry| entry.phrase == part.to_lowercase())
    };
    parts.len() >= 2 && parts.iter().all(|part| answer(part))
}

/// The first sentence of `text`, with its end mark.
fn first_sentence(text: &str) -> &str {
    text.split_inclusive(['.', ';', '!', '?', '\n'])
        .next()
        .unwrap_or_default()
        .trim_end()
}

/// Whether `text` is at most two initials ("El", "A.A.", "(AvH)"), marker
/// numbers or redaction placeholders ("[redacted]", "5.1.2e").
pub(super) fn is_marks(text: &str, dated: bool, vocabulary: &Vocabulary) -> bool {
    let mut at = Cursor::start(text).skip_ws();
    let mut count = 0;
    while !at.rest().is_empty() {
        count += 1;
        if count > 2 {
            return false;
        }
        let end = match placeholder_at(at.rest()) {
            Some(len) => at.advance(len),
            None => {
                let end = at.skip_token();
                let token = end.since(at).trim_end_matches([',', ';']);
                // Initials in brackets ("8/6 (AvH)"), as beside an actor.
                let initials = token
                    .strip_prefix('(')
                    .and_then(|inner| inner.strip_suffix(')'))
                    .unwrap_or(token);
                if !(is_marker_number(token) || is_initials(initials, dated, vocabulary)) {
                    return false;
                }
                end
            }
        };
        at = end.skip_ws();
    }
    count > 0
}

/// Past initials in brackets after an actor ("MWP (El) akkoord",
/// "akkoord SG (JdV) 8/6"): the signer's own mark beside the role; else
/// `at` itself.
pub(super) fn after_bracketed_initials<'a>(at: Cursor<'a>, vocabulary: &Vocabulary) -> Cursor<'a> {
    let open = at.skip_ws();
    if open.peek() != Some('(') {
        return at;
    }
    let inner = open.advance(1);
    match inner.rest().split_once(')') {
        Some((token, _))
            if !token.is_empty()
                && !token.contains(char::is_whitespace)
                && is_initials(token, false, vocabulary) =>
        {
            inner.advance(token.len() + 1)
        }
        _ => at,
    }
}

/// A redaction placeholder at the start of `text` (see [`PLACEHOLDER`]),
/// ending a word; the bytes it covers.
pub(super) fn placeholder_at(text: &str) -> Option<usize> {
    if !may_start_placeholder(text) {
        return None;
    }
    let end = PLACEHOLDER.as_ref()?.find(text)?.end();
    super::cursor::ends_word(text, end).then_some(end)
}

/// Whether `text` starts with a bracket or a digit, as a placeholder does:
/// the pattern is not run elsewhere (a regex search costs an allocation).
fn may_start_placeholder(text: &str) -> bool {
    text.starts_with('[') || crate::decision::date_text::starts_with_digit(text)
}

fn is_marker_number(token: &str) -> bool {
    (1..=3).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn is_initials(token: &str, dated: bool, vocabulary: &Vocabulary) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    let dotted = token.contains('.');
    (1..=4).contains(&letters)
        && token.chars().all(|c| c.is_alphabetic() || c == '.')
        && (dotted || token.chars().next().is_some_and(char::is_uppercase))
        && (dotted || !vocabulary.is_sentence_word(token))
        && (dated || (!vocabulary.is_not_actor(token) && vocabulary.ministry_name(token).is_none()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_filter_never_skips_one() {
        let pattern = PLACEHOLDER.as_ref().unwrap();
        let rests = ["redacted]", ".1.2e", "0.2.g", "[x]"];
        let matched = crate::testing::never_skipped(
            |text| pattern.is_match(text),
            may_start_placeholder,
            &rests,
        );
        assert!(matched >= 10, "{matched}");
    }

    #[test]
    fn placeholder_pattern_compiles() {
        assert!(PLACEHOLDER.is_some());
        assert_eq!(placeholder_at("[redacted] akkoord"), Some(10));
        assert_eq!(placeholder_at("5.1.2e"), Some(6));
        assert_eq!(placeholder_at("5.1.2ex"), None);
        assert_eq!(placeholder_at("5.1"), None);
    }
}

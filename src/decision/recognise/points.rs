//! Answers per point of a nota: "Beslispunt 1: akkoord; beslispunt 2:
//! niet akkoord. MWP 8/6", "1. akkoord 2. niet akkoord", "ad 1 akkoord",
//! "MWP: 1) akkoord, 2) graag bespreken"; and points named after a
//! verdict, in its remark (see [`linked`]): "akkoord met beslispunt 1 en
//! 3, niet akkoord met 2".
//!
//! The text opens with a point marker (after an optional vocabulary actor
//! and a link: "MWP: 1. …"): a number of one or two digits, up to
//! [`MAX_POINTS`], after one of the vocabulary's `point_words`
//! ("beslispunt 1", "ad 1", "BP1") or, alone, followed by `.`, `)` or `:`
//! ("1.", "1)", "(1)"); after a point word, a group of numbers answers
//! each of them ("ad 1 en 2 akkoord", "beslispunten 1 t/m 3: akkoord").
//! Each next marker names the lowest number not answered yet, and none
//! answered before, and starts a word; a bare number right after an option word is the option's
//! ("akkoord met optie 2. 2. niet akkoord"). A single point needs its point
//! word: "1. Akkoord" alone is a numbered line, not an answer.
//!
//! Each point's text is read as a decision of its own (in a stamp, without
//! remarks), and an answer the vocabulary lists under `point_answers`
//! ("1. ja 2. nee") counts there as a verdict. A signature at the end of the
//! text, a leading actor, or an actor or date only the last point carries
//! ("1. akkoord 2. niet akkoord 8/6") is shared by every point. When one
//! point cannot be read, or the points name different actors or dates than
//! the signature, the text is no list of answers.

use super::actor::{ActorRules, actor_at, title_of};
use super::cursor::{Cursor, is_separator, match_phrase, word_at, word_of};
use super::draft::{Draft, Named};
use super::signature::{self, Signature, Signer};
use super::tail::{Guide, Tail, read_tail};
use super::verdict::answer_at;
use super::{Mode, Recognised, read_draft};
use crate::decision::{Verdict, Vocabulary};

/// The highest point number read; also the most points a text may have.
pub(super) const MAX_POINTS: u32 = 20;

/// The characters within which the first marker's number stands: after
/// the longest vocabulary actor ("Plaatsvervangend secretaris-generaal:")
/// and the longest point word.
const FIRST_MARKER_WITHIN: usize = 64;

/// A point marker in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    /// Every number it names, a bit each: one, or a group after a point
    /// word ("ad 1 en 2", "beslispunten 1 t/m 3").
    numbers: u32,
    /// Where the marker starts and where its point's text starts.
    start: usize,
    end: usize,
    /// It has a point word ("beslispunt 1", "ad 1").
    worded: bool,
}

/// The decisions of a text of answers per point, or `None` when the text
/// is not one.
pub(super) fn answers(body: &str, mode: Mode, vocabulary: &Vocabulary) -> Option<Vec<Recognised>> {
    // Most texts have no number where a first marker could be: asked
    // before an actor or a signature is sought.
    if !body
        .chars()
        .take(FIRST_MARKER_WITHIN)
        .any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (leading, rest) = leading_actor(body, vocabulary);
    marker_at(rest, 0, vocabulary)?;
    let (head, signature) = match signature::split(rest, vocabulary) {
        Some(signed) => (signed.head, Some(signed.signature)),
        None => (rest, None),
    };
    let points = points(head, vocabulary)?;
    let mut drafts = Vec::with_capacity(points.len());
    for (number, text) in points {
        let text = text
            .trim()
            .trim_end_matches(|c: char| matches!(c, ';' | ',') || c.is_whitespace());
        let draft = read_draft(text, mode, vocabulary).or_else(|| answer(text, vocabulary))?;
        drafts.push((number, draft));
    }
    if let Some(leading) = leading {
        for (_, draft) in &mut drafts {
            match &draft.actor {
                Some(own) if !own.same(&leading) => return None,
                Some(_) => {}
                None => draft.actor = Some(leading.clone()),
            }
        }
    }
    let shared = shared(&drafts, signature);
    drafts
        .into_iter()
        .map(|(number, draft)| {
            let draft = match &shared {
                Some(signature) => draft.signed(signature.clone())?,
                None => draft,
            };
            let mut found = draft.settle(None, mode, vocabulary)?;
            found.point = Some(number);
            Some(found)
        })
        .collect()
}

/// Words that join the numbers of a list of points ("1 en 3", "1, 2 & 4").
const LIST_JOINS: [&str; 4] = ["en", "and", "und", "et"];
/// Words that span a range of points ("1 t/m 3", "1 tot en met 3").
const RANGE_WORDS: [&str; 4] = ["t/m", "tot en met", "through", "bis"];
/// Words that link a verdict to the points it answers ("akkoord met
/// beslispunt 1", "niet akkoord voor 2").
const POINT_LINKS: [&str; 4] = ["met", "voor", "with", "mit"];

/// A decision whose remark names the points it answers, and maybe the
/// verdicts of others ("akkoord met beslispunt 1 en 3, niet akkoord met
/// 2", "akkoord met beslispunten 1 t/m 3"): one decision per point, each
/// with its verdict, the rest of the remark kept. The first list needs a
/// point word ("met 1 en 3" could count anything); a later one, after a
/// separator and its verdict, does not. `None` when the remark is no such
/// list.
pub(super) fn linked(found: &Recognised, vocabulary: &Vocabulary) -> Option<Vec<Recognised>> {
    if found.point.is_some() || found.option.is_some() {
        return None;
    }
    let remark = found.remark.as_deref()?;
    let at = Cursor::start(remark).skip_ws();
    let at = skip_any(at, &POINT_LINKS);
    let worded = point_words_at(at.rest(), vocabulary)?;
    let (numbers, mut at) = number_list(at.advance(worded).skip_ws())?;
    let mut answers = vec![(found.verdict, found.verdict_text.clone(), numbers)];
    // Further clauses after a separator: a verdict, a link, maybe a point
    // word, and their numbers ("niet akkoord met 2"); or a point word, its
    // numbers and a verdict ("beslispunt 2 graag bespreken").
    loop {
        let next = at.skip_ws_and(|c| matches!(c, ',' | ';'));
        if let Some(len) = point_words_at(next.rest(), vocabulary)
            && let Some((numbers, end)) = number_list(next.advance(len).skip_ws())
            && let Some(verdict) = super::verdict::verdict_at(end.skip_ws().rest(), vocabulary)
            && !verdict.weak
            && end.skip_ws() > end
        {
            let verdict_at = end.skip_ws();
            let verdict_end = verdict_at.advance(verdict.len);
            answers.push((
                verdict.verdict,
                verdict_end.since(verdict_at).to_owned(),
                numbers,
            ));
            at = verdict_end;
            continue;
        }
        if let Some((numbers, negation, end)) = negated_points(next, &answers, vocabulary) {
            answers.push((Verdict::Rejected, negation.to_owned(), numbers));
            at = end;
            continue;
        }
        let Some(verdict) = super::verdict::verdict_at(next.rest(), vocabulary) else {
            break;
        };
        let after = next.advance(verdict.len);
        let linked = skip_any(after.skip_ws(), &POINT_LINKS);
        let numbers_at = point_words_at(linked.rest(), vocabulary)
            .map_or(linked, |len| linked.advance(len).skip_ws());
        let Some((numbers, end)) = number_list(numbers_at) else {
            break;
        };
        if verdict.weak {
            break;
        }
        answers.push((verdict.verdict, after.since(next).to_owned(), numbers));
        at = end;
    }
    let rest = at
        .rest()
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':'))
        .trim_end();
    let points: usize = answers.iter().map(|(_, _, numbers)| numbers.len()).sum();
    if points > MAX_POINTS as usize {
        return None;
    }
    let mut decisions = Vec::with_capacity(points);
    for (verdict, verdict_text, numbers) in answers {
        for number in numbers {
            decisions.push(Recognised {
                verdict,
                verdict_text: verdict_text.clone(),
                point: Some(number),
                remark: (!rest.is_empty()).then(|| rest.to_owned()),
                conditional: found.conditional && !rest.is_empty(),
                ..found.clone()
            });
        }
    }
    Some(decisions)
}

/// A clause that leaves out the verdict it negates, after points
/// approved ("akkoord met beslispunt 1 en 3, niet met 2"): a negation, a
/// link and the points, which are rejected; their numbers, the negation's
/// text and where they end.
fn negated_points<'a>(
    at: Cursor<'a>,
    answers: &[(Verdict, String, Vec<u32>)],
    vocabulary: &Vocabulary,
) -> Option<(Vec<u32>, &'a str, Cursor<'a>)> {
    if answers.last()?.0 != Verdict::Approved {
        return None;
    }
    let negation = word_at(at.rest());
    if negation.is_empty() || !vocabulary.is_negation(negation) {
        return None;
    }
    let after = at.advance(negation.len()).skip_ws();
    let linked = skip_any(after, &POINT_LINKS);
    if linked == after {
        return None;
    }
    let numbers_at = point_words_at(linked.rest(), vocabulary)
        .map_or(linked, |len| linked.advance(len).skip_ws());
    let (numbers, end) = number_list(numbers_at)?;
    Some((numbers, negation, end))
}

/// Past one of `words` and white space, when one stands here.
fn skip_any<'a>(at: Cursor<'a>, words: &[&str]) -> Cursor<'a> {
    words
        .iter()
        .find_map(|word| match_phrase(at.rest(), word))
        .map_or(at, |len| at.advance(len).skip_ws())
}

/// A point word at the start of `text` (see [`point_word`]), also in the
/// plural ("beslispunten", "punten"); the bytes it covers.
fn point_words_at(text: &str, vocabulary: &Vocabulary) -> Option<usize> {
    point_word(text, vocabulary).or_else(|| {
        vocabulary.point_words().iter().find_map(|word| {
            let head = text.get(..word.len())?;
            if !head.eq_ignore_ascii_case(word) {
                return None;
            }
            let rest = text.get(word.len()..)?;
            ["en", "s"]
                .iter()
                .find_map(|suffix| match_phrase(rest, suffix))
                .map(|plural| word.len() + plural)
        })
    })
}

/// Numbers of points at `at`: "1", "1 en 3", "1, 2 en 4", "1 t/m 3",
/// "1-3"; each from 1 to [`MAX_POINTS`], ending a word. The numbers, in
/// order and each once, and where the list ends.
fn number_list(at: Cursor<'_>) -> Option<(Vec<u32>, Cursor<'_>)> {
    let mut numbers: Vec<u32> = Vec::new();
    let (first, mut at) = point_number(at)?;
    numbers.push(first);
    loop {
        // "1, 3", "1 & 3", "1, en 3"; "1-3", "1 t/m 3".
        let joined = skip_any(
            at.skip_ws_and(|c| matches!(c, ',' | '&' | '+')),
            &LIST_JOINS,
        );
        let dashed = at.skip_ws_and(|c| matches!(c, '-' | '–'));
        let ranged = if dashed > at.skip_ws() {
            dashed
        } else {
            skip_any(dashed, &RANGE_WORDS)
        };
        if ranged > at.skip_ws()
            && let Some((last, end)) = point_number(ranged)
        {
            let from = *numbers.last()?;
            if last <= from {
                return None;
            }
            numbers.extend(from + 1..=last);
            at = end;
            continue;
        }
        if joined > at.skip_ws()
            && let Some((number, end)) = point_number(joined)
        {
            numbers.push(number);
            at = end;
            continue;
        }
        break;
    }
    let mut seen = numbers.clone();
    seen.sort_unstable();
    seen.dedup();
    (seen.len() == numbers.len() && numbers.len() <= MAX_POINTS as usize).then_some((numbers, at))
}

/// One point number at `at`, of one or two digits, ending a word.
fn point_number(at: Cursor<'_>) -> Option<(u32, Cursor<'_>)> {
    let digits = at.rest().bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let number: u32 = at.rest().get(..digits)?.parse().ok()?;
    let end = at.advance(digits);
    // "1.5", "1a", "1/6": not a point's number.
    if end.peek().is_some_and(|c| {
        c.is_alphanumeric()
            || c == '/'
            || (c == '.' && end.advance(1).peek().is_some_and(|d| d.is_ascii_digit()))
    }) {
        return None;
    }
    (1..=MAX_POINTS).contains(&number).then_some((number, end))
}

/// A vocabulary actor and a link before the first marker ("MWP: 1. …"),
/// and the text after them.
fn leading_actor<'a>(body: &'a str, vocabulary: &Vocabulary) -> (Option<Named>, &'a str) {
    let start = Cursor::start(body);
    if let Some(len) = actor_at(body, vocabulary, ActorRules::KNOWN) {
        let end = start.advance(len);
        let after = end.skip_link();
        if let Some(title) = title_of(end.since(start), vocabulary)
            && after > end
            && marker_at(after.rest(), 0, vocabulary).is_some()
        {
            let actor = Named {
                text: end.since(start).to_owned(),
                title: Some(title),
                first: true,
            };
            return (Some(actor), after.rest());
        }
    }
    (None, body)
}

/// The points of `text`: each marker's number and its text.
fn points<'a>(text: &'a str, vocabulary: &Vocabulary) -> Option<Vec<(u32, &'a str)>> {
    let first = marker_at(text, 0, vocabulary).filter(|marker| marker.start == 0)?;
    let mut points = Vec::new();
    let mut current = first;
    let mut answered = 0_u32;
    loop {
        answered |= current.numbers;
        let next = next_marker(text, current, answered, vocabulary);
        let end = next.map_or(text.len(), |marker| marker.start);
        let point_text = text.get(current.end..end)?;
        for number in 1..=MAX_POINTS {
            if current.numbers & bit(number) != 0 {
                points.push((number, point_text));
            }
        }
        match next {
            Some(marker) if points.len() < MAX_POINTS as usize => current = marker,
            Some(_) => return None,
            None => break,
        }
    }
    (points.len() > 1 || first.worded).then_some(points)
}

impl Marker {
    /// The lowest number it names.
    fn lowest(&self) -> u32 {
        self.numbers.trailing_zeros()
    }
}

/// The bit of a point number in [`Marker::numbers`].
fn bit(number: u32) -> u32 {
    1_u32.checked_shl(number).unwrap_or(0)
}

/// The marker of the next point after `current`, at the start of a word:
/// it names the lowest number not `answered` yet, and none answered.
fn next_marker(
    text: &str,
    current: Marker,
    answered: u32,
    vocabulary: &Vocabulary,
) -> Option<Marker> {
    let lowest_open = (1..=MAX_POINTS).find(|n| answered & bit(*n) == 0)?;
    let mut previous: Option<char> = None;
    let mut last_word_start = current.end;
    for (i, c) in text.get(current.end..)?.char_indices() {
        let at = current.end + i;
        let boundary = previous.is_none_or(|p| p.is_whitespace() || is_separator(p) || p == '(');
        if boundary && !c.is_whitespace() {
            if let Some(marker) = marker_at(text, at, vocabulary)
                && marker.lowest() == lowest_open
                && marker.numbers & answered == 0
                && (marker.worded
                    || word_of(
                        text.get(last_word_start..).unwrap_or_default(),
                        vocabulary.option_words(),
                    )
                    .is_none())
            {
                return Some(marker);
            }
            last_word_start = at;
        }
        previous = Some(c);
    }
    None
}

/// A point marker at byte `start` of `text`.
fn marker_at(text: &str, start: usize, vocabulary: &Vocabulary) -> Option<Marker> {
    let origin = Cursor::start(text).advance(start);
    let open = origin.peek() == Some('(');
    let at = if open { origin.advance(1) } else { origin };
    let worded_end = point_words_at(at.rest(), vocabulary).map(|len| at.advance(len).skip_ws());
    let digits_at = worded_end.unwrap_or(at);
    let digits = digits_at
        .rest()
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let number: u32 = digits_at.rest().get(..digits)?.parse().ok()?;
    if !(1..=MAX_POINTS).contains(&number) {
        return None;
    }
    let mut end = digits_at.advance(digits);
    let mut numbers = bit(number);
    // After a point word, a group ("ad 1 en 2", "beslispunten 1 t/m 3").
    if worded_end.is_some()
        && let Some((list, list_end)) = number_list(digits_at)
        && list.len() > 1
    {
        numbers = list.iter().fold(0, |mask, n| mask | bit(*n));
        end = list_end;
    }
    if open {
        if end.peek() != Some(')') {
            return None;
        }
        end = end.advance(1);
    }
    let punctuated = matches!(end.peek(), Some('.' | ')' | ':' | '-' | '–'));
    if punctuated {
        end = end.advance(end.peek().map_or(0, char::len_utf8));
    }
    if worded_end.is_none() && !open && !punctuated {
        return None;
    }
    // "1.5", "1a": a number, not a marker.
    if end.peek().is_some_and(|c| c.is_alphanumeric()) && !punctuated {
        return None;
    }
    if end.peek().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(Marker {
        numbers,
        start,
        end: end.skip_ws().pos(),
        worded: worded_end.is_some(),
    })
}

/// A point word at the start of `text` ("beslispunt", "ad"), also glued to
/// its number ("BP1"); the bytes it covers.
fn point_word(text: &str, vocabulary: &Vocabulary) -> Option<usize> {
    vocabulary.point_words().iter().find_map(|word| {
        match_phrase(text, word).or_else(|| {
            let len = word.len();
            let head = text.get(..len)?;
            (head.to_lowercase() == *word
                && text.get(len..)?.starts_with(|c: char| c.is_ascii_digit()))
            .then_some(len)
        })
    })
}

/// A point answered with a word the vocabulary lists under
/// `point_answers` ("ja", "nee"), with a remark after a separator in a
/// comment.
fn answer(text: &str, vocabulary: &Vocabulary) -> Option<Draft> {
    let (len, verdict) = answer_at(text, vocabulary)?;
    let rest = text.get(len..)?;
    let guide = Guide {
        needs_guide: true,
        linked_option: false,
        question: false,
        dated: false,
    };
    let remark = match read_tail(rest, guide, vocabulary) {
        Tail::Nothing => None,
        Tail::Remark(remark) => Some(remark),
        Tail::Refuses => return None,
    };
    Some(Draft {
        actor: None,
        lead: None,
        withheld_actor: false,
        verdict,
        verdict_text: text.get(..len)?.to_owned(),
        weak: false,
        option: None,
        remark,
        date: None,
        date_after_colon: false,
    })
}

/// What every point shares: the signature; else an actor or a date that
/// only the last point has.
fn shared(drafts: &[(u32, Draft)], signature: Option<Signature>) -> Option<Signature> {
    let (mut signer, mut date, mut date_after_colon) = match signature {
        Some(signature) => (signature.signer, signature.date, signature.date_after_colon),
        None => (None, None, false),
    };
    let (last, others) = drafts.split_last()?;
    if signer.is_none()
        && let Some(actor) = &last.1.actor
        && others.iter().all(|(_, draft)| draft.actor.is_none())
    {
        signer = Some(Signer {
            text: actor.text.clone(),
            title: actor.title.clone(),
        });
    }
    if date.is_none()
        && let Some(own) = &last.1.date
        && others.iter().all(|(_, draft)| draft.date.is_none())
    {
        date = Some(own.clone());
        date_after_colon = last.1.date_after_colon;
    }
    (signer.is_some() || date.is_some()).then_some(Signature {
        signer,
        date,
        date_after_colon,
    })
}

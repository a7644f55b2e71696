//! Signatures: who signed a decision and when, written at the end of the
//! text, after the verdict and whatever was said with it ("Niet akkoord,
//! graag herschrijven. SG 4-2-2026", "Akkoord (MWP, 8/6)",
//! "AKKOORD\nMinister van SZW\n08-06-2026 09:11", "APPROVED\nBy Jansen at
//! 9:11 am, Jun 08, 2026").
//!
//! A signature runs to the end of the text: an optional bracket, an
//! optional actor link ("door", "by", "namens"), a signer, a link, a date
//! (after a date lead-in, or a time "at 9:11 am," as Acrobat's dynamic
//! stamps write it), initials or marker numbers, the closing bracket and
//! full stops. The signer is one of:
//! - a vocabulary actor, with a qualifier or a portfolio ("DG WB",
//!   "Minister van SZW", "Minister Jansen");
//! - a one-letter role ("M 12-3"), only with a date;
//! - initials ("JdV 5/3"), only with a date;
//! - after an actor link, a person's name ("By Jansen, J. at …"), only
//!   with a date.
//!
//! Where it may start: a vocabulary actor or a one-letter role with a date
//! may follow the text directly ("akk. M 12/3", "Akkoord, mits … M 10/6");
//! anything weaker (an actor without a date, initials, a date alone) must
//! follow a separator, a line break or stand in brackets, so that "akkoord
//! met de brief van 3 juni" keeps its letter's date out of the decision.
//! A date alone may also end a clause that ends on a verb ("akkoord mits
//! FEZ instemt 8/6", "ondertekend 8-6-2026"), and a day and month jotted
//! in figures may end any clause ("akkoord met advies 11/6"); see
//! [`dates_freely`].
//! Nor does a signature follow a word of the vocabulary's
//! `addressee_links` directly: in "stuur door naar SG 8/6" the SG is
//! addressed.

use std::sync::LazyLock;

use regex::Regex;

use super::actor::{ActorRules, actor_at, is_one_letter, portfolio_at, qualifier_at, title_of};
use super::cursor::{Cursor, is_separator, word_at, word_of};
use super::date::DatedText;
use super::tail::{after_bracketed_initials, is_initials, is_marks};
use crate::decision::Vocabulary;

/// The most whitespace-separated words a signature may have ("Minister
/// van Sociale Zaken en Werkgelegenheid 08-06-2026 09:11 JdV" has nine).
const MAX_SIGNATURE_WORDS: usize = 12;

/// The most words of a person's name after an actor link ("Jansen, J.",
/// "de Vries-van Dam").
const MAX_NAME_WORDS: usize = 5;

/// A time before a signature's date, as Acrobat's dynamic stamps write it
/// ("at 9:11 am, Jun 08, 2026"; "om 09:11, 8 juni 2026").
static TIME_FIRST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:at|om|um|à)\s+[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?(?:\s?(?i:[ap]\.?m\.?|uur|u|h|uhr))?,?\s+",
    )
    .ok()
});

/// Whether `text` may start as TIME_FIRST does: among ASCII characters
/// only the first letters of "at", "om" and "um" do; another character is
/// left to the pattern, which is run only where one may start.
fn may_start_time_first(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|&b| !b.is_ascii() || matches!(b.to_ascii_lowercase(), b'a' | b'o' | b'u'))
}

/// Who signed, as written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Signer {
    pub(super) text: String,
    /// The vocabulary's title, or the role's with its portfolio; `None`
    /// for initials and names.
    pub(super) title: Option<String>,
}

/// A signature found at the end of a text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Signature {
    pub(super) signer: Option<Signer>,
    pub(super) date: Option<DatedText>,
    /// A colon stood before the date ("Besproken: 24-3-2026"), as between
    /// a label and its value.
    pub(super) date_after_colon: bool,
}

/// A text split at its signature.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Signed<'a> {
    /// The text before the signature, without the separator before it.
    pub(super) head: &'a str,
    pub(super) signature: Signature,
}

/// How strongly a signer names someone, which decides where it may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// A vocabulary actor of more than one letter.
    Known,
    /// A one-letter role ("M"): only with a date.
    Letter,
    /// Initials or a name after an actor link: only with a date, and
    /// initials only after a separator.
    Weak,
}

/// The signature that ends `text`, the longest there is, and the text
/// before it; `None` when the text does not end in one or nothing stands
/// before it.
pub(super) fn split<'a>(text: &'a str, vocabulary: &Vocabulary) -> Option<Signed<'a>> {
    starts(text).into_iter().find_map(|start| {
        let signature = signature_at(text, start, vocabulary)?;
        // The separator before the signature goes, a full stop stays: it may
        // end an abbreviated verdict ("akk. M 12/3").
        let head = text.get(..start)?.trim_end_matches(|c: char| {
            c.is_whitespace() || (is_separator(c) && !matches!(c, '.' | '!')) || c == '('
        });
        (!head.is_empty()).then_some(Signed { head, signature })
    })
}

/// The places a signature may start, leftmost first: the starts of the
/// last [`MAX_SIGNATURE_WORDS`] words and the brackets among them. A full
/// stop or a hyphen inside a word ("d.d.", "8-6") starts nothing.
fn starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        let after_break = previous.is_none_or(|p| {
            p.is_whitespace() || (is_separator(p) && !matches!(p, '.' | '-')) || p == '('
        });
        if i > 0 && !c.is_whitespace() && (after_break || c == '(') {
            starts.push(i);
        }
        previous = Some(c);
    }
    let keep = starts.len().saturating_sub(MAX_SIGNATURE_WORDS);
    starts.split_off(keep)
}

/// Whether a separator, a line break or nothing at all stands before
/// `start`. A full stop ending an abbreviation ("d.d.", "o.a.") is no
/// separator.
fn separated(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let trimmed = before.trim_end();
    let abbreviation = trimmed
        .split_whitespace()
        .next_back()
        .and_then(|word| word.strip_suffix('.'))
        .is_some_and(|word| word.contains('.'));
    before
        .get(trimmed.len()..)
        .unwrap_or_default()
        .contains('\n')
        || trimmed
            .chars()
            .next_back()
            .is_none_or(|c| (is_separator(c) && !abbreviation) || c == '(')
}

/// Whether the word before `start` is one of the vocabulary's
/// `addressee_links` ("aan", "naar", "met", "de").
fn after_addressee_link(text: &str, start: usize, vocabulary: &Vocabulary) -> bool {
    text.get(..start)
        .unwrap_or_default()
        .split_whitespace()
        .next_back()
        .is_some_and(|word| vocabulary.is_addressee_link(word))
}

/// Whether a date alone at `start` may sign `text` without a separator
/// before it. Such a date must end the text: in "akkoord 8/6 MWP" the date
/// is the verdict's and MWP its actor. It never does after one of the
/// vocabulary's `remark_date_links` ("de brief van 3 juni", "per 1
/// januari": the remark's own date), after a meeting ("in de staf 24/3",
/// dated by the meeting rule), after a number ("versie 3 8/6"), or after a
/// date lead-in ("versturen op 3 juni": the action's date). Beyond that:
/// - a day and month in figures without a year, as a signature's date is
///   jotted ("akkoord met advies 11/6", "eerst overleg met VNG 11/6",
///   "akkoord, naar M 4/6"), may follow any word but an actor: an actor
///   addressed may be followed ("stuur door naar SG 8/6": the one who
///   sends signs), not one discussed with ("besproken met M 3/4": the
///   discussion's date, with its actor) or one alone ("MWP 8/6");
/// - any other date only a clause that ends on a verb ("akkoord mits FEZ
///   instemt 8/6", "akkoord met de brief, ondertekend 8-6-2026", "signed
///   8 June"): a word in lower case ending as a finite verb or a
///   participle does (in "t", "d" or "en"). After a noun it names what
///   the date is of ("met inwerkingtreding 1 januari 2027"). A date in
///   figures may also follow an organisation's abbreviation that is no
///   actor ("akkoord, mits na overleg met IRF 3-6-2026"): that has no
///   date of its own.
fn dates_freely(text: &str, start: usize, date: &DatedText, vocabulary: &Vocabulary) -> bool {
    let after_lead_in = word_of(
        text.get(start..).unwrap_or_default(),
        vocabulary.date_lead_ins(),
    )
    .is_some();
    let figures = !date.text.chars().any(char::is_alphabetic);
    let jotted = figures && date.date.year.is_none();
    let mut before = text.get(..start).unwrap_or_default().split_whitespace();
    let word = before.next_back();
    // "naar M 4/6": the one addressed does not sign, so the date is the
    // signer's; "besproken met M 3/4": the discussion's date, with its actor.
    let addressed = before.next_back().is_some_and(|link| {
        vocabulary.is_addressee_link(link)
            && word_of(link, vocabulary.discussed_with_links()).is_none()
    });
    !after_lead_in
        && word.is_some_and(|word| {
            let ends_clause = if jotted {
                word.chars().any(char::is_alphabetic)
                    && (addressed || vocabulary.actor_title(word).is_none())
            } else {
                let verb = word.chars().all(char::is_lowercase)
                    && (word.ends_with(['t', 'd']) || word.ends_with("en"));
                // "mits na overleg met IRF 3-6-2026": an organisation's
                // abbreviation has no date of its own, as a noun has.
                let party = figures
                    && word.chars().count() >= 2
                    && word.chars().all(|c| c.is_uppercase())
                    && vocabulary.actor_title(word).is_none();
                verb || party
            };
            ends_clause
                && !vocabulary.is_remark_date_link(word)
                && !vocabulary.is_meeting_word(word)
        })
}

/// Whether a line of `text` opens with an actor link and `signer`, as the
/// signature line of Acrobat's dynamic stamps does ("GOEDGEKEURD⏎Door
/// Aartsen, A.A. om 9:11, 08-06-2026"): a person named so signs, though
/// the vocabulary does not know them.
pub(crate) fn signed_by_link(text: &str, signer: &str, vocabulary: &Vocabulary) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        word_of(line, vocabulary.actor_links()).is_some_and(|len| {
            let named = Cursor::start(line).advance(len).skip_ws();
            named.rest().starts_with(signer)
        })
    })
}

/// The signature that starts at `start` and runs to the end of `text`.
fn signature_at(text: &str, start: usize, vocabulary: &Vocabulary) -> Option<Signature> {
    let origin = Cursor::start(text).advance(start);
    let bracketed = origin.peek() == Some('(');
    let opened = if bracketed {
        origin.advance(1).skip_ws()
    } else {
        origin
    };
    let linked = opened.skip_word(vocabulary.actor_links());
    let by_link = linked > opened;
    let separated = bracketed || separated(text, start);
    // "stuur door naar SG 8/6", "besproken met de SG": the one named is
    // addressed, not signing.
    if !separated && after_addressee_link(text, start, vocabulary) {
        return None;
    }
    let mut signers = signers_at(linked, by_link, separated, vocabulary);
    if !by_link {
        signers.push(None);
    }
    signers.into_iter().find_map(|signer| {
        let at = match &signer {
            Some((_, _, end)) => after_bracketed_initials(*end, vocabulary).skip_link(),
            None => linked,
        };
        let (date, date_after_colon, end) = match dated_maybe_bracketed(at, vocabulary) {
            Some((date, end)) => {
                let colon = text
                    .get(..at.pos())
                    .unwrap_or_default()
                    .trim_end()
                    .ends_with(':');
                (Some(date), colon, end)
            }
            None => (None, false, at),
        };
        if !ends_signature(end.rest(), bracketed, date.is_some(), vocabulary) {
            return None;
        }
        let allowed = match (&signer, &date) {
            (None, None) => false,
            (None, Some(dated)) => {
                separated
                    || (end
                        .rest()
                        .trim_end()
                        .trim_end_matches(['.', ')'])
                        .is_empty()
                        && dates_freely(text, start, dated, vocabulary))
            }
            (Some((_, Strength::Known, _)), dated) => dated.is_some() || separated || by_link,
            (Some((_, Strength::Letter, _)), dated) => dated.is_some(),
            (Some((_, Strength::Weak, _)), dated) => dated.is_some() && (separated || by_link),
        };
        allowed.then(|| Signature {
            signer: signer.map(|(signer, _, _)| signer),
            date,
            date_after_colon,
        })
    })
}

/// The signers that may start at `at`, the longest reading first: a
/// vocabulary actor with a portfolio or qualifier, then alone; initials;
/// after an actor link that follows a separator or a line break, a name
/// ("APPROVED\nBy Jansen at …"; "goedgekeurd door de Raad van State" in
/// running text is not a signature).
fn signers_at<'a>(
    at: Cursor<'a>,
    by_link: bool,
    separated: bool,
    vocabulary: &Vocabulary,
) -> Vec<Option<(Signer, Strength, Cursor<'a>)>> {
    let mut found = Vec::new();
    let rules = ActorRules {
        unknown: false,
        letters: true,
    };
    if let Some(len) = actor_at(at.rest(), vocabulary, rules) {
        let role_end = at.advance(len);
        let role = role_end.since(at);
        if let Some(title) = title_of(role, vocabulary) {
            let strength = if is_one_letter(role) {
                Strength::Letter
            } else {
                Strength::Known
            };
            let after = role_end.skip_ws();
            if strength == Strength::Known && after > role_end {
                if let Some(portfolio) = portfolio_at(after.rest(), role, vocabulary) {
                    let end = after.advance(portfolio.len);
                    found.push(Some((
                        signer(at, end, Some(portfolio.title)),
                        strength,
                        end,
                    )));
                }
                if let Some(len) = qualifier_at(after.rest(), vocabulary) {
                    let end = after.advance(len);
                    found.push(Some((signer(at, end, Some(title.clone())), strength, end)));
                }
            }
            found.push(Some((
                signer(at, role_end, Some(title)),
                strength,
                role_end,
            )));
        }
    }
    if found.is_empty() {
        let end = at.skip_token();
        let token = end.since(at).trim_end_matches([',', ';', ')']);
        if looks_like_initials(token, vocabulary) {
            let end = at.advance(token.len());
            found.push(Some((signer(at, end, None), Strength::Weak, end)));
        }
    }
    if by_link
        && separated
        && let Some(end) = name_end(at, vocabulary)
    {
        found.push(Some((signer(at, end, None), Strength::Weak, end)));
    }
    found
}

/// Initials that sign: dotted ("A.A.") or with two capitals ("JdV",
/// "AB"), not a word of a sentence, a party or a ministry ("Zie 5/3",
/// "CDA 5/3" are not signatures).
fn looks_like_initials(token: &str, vocabulary: &Vocabulary) -> bool {
    let capitals = token.chars().filter(|c| c.is_uppercase()).count();
    let word = token.trim_end_matches('.');
    !token.is_empty()
        && capitals >= 1
        && (token.contains('.') || capitals >= 2)
        && is_initials(token, false, vocabulary)
        && vocabulary.verdict_of(token).is_none()
        && word_of(token, vocabulary.date_lead_ins()).is_none()
        && !vocabulary.is_month_or_weekday(word)
}

fn signer(start: Cursor<'_>, end: Cursor<'_>, title: Option<String>) -> Signer {
    Signer {
        text: end
            .since(start)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        title,
    }
}

/// The end of a person's name: capitalised words, lower-case particles
/// between them ("de Vries", "van Dam") and initials after a comma
/// ("Jansen, J."). A name starts with a capital.
fn name_end<'a>(start: Cursor<'a>, vocabulary: &Vocabulary) -> Option<Cursor<'a>> {
    if !start.peek().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut at = start;
    let mut end = None;
    for _ in 0..MAX_NAME_WORDS {
        let word = word_at(at.rest());
        if word.is_empty() {
            break;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let particle = matches!(
            word,
            "van" | "de" | "der" | "den" | "ter" | "te" | "het" | "von" | "du" | "le"
        );
        if !(capital || particle) || vocabulary.month(word).is_some() {
            break;
        }
        let mut word_end = at.advance(word.len());
        // Initials: "J.", "A.A."; after a longer word a full stop ends the
        // sentence, and the name.
        let initial = word.chars().count() == 1;
        if word_end.peek() == Some('.') && !initial {
            if capital {
                end = Some(word_end);
            }
            break;
        }
        while word_end.peek() == Some('.') {
            word_end = word_end.advance(1);
            let next = word_at(word_end.rest());
            if next.chars().count() == 1 && next.chars().all(char::is_uppercase) {
                word_end = word_end.advance(next.len());
            }
        }
        if capital {
            end = Some(word_end);
        }
        let next = word_end.skip_ws_and(|c| c == ',');
        if next == word_end {
            break;
        }
        at = next;
    }
    end
}

/// A date at `at`, also in brackets ("MWP (8/6)"); the date and where it
/// ends.
fn dated_maybe_bracketed<'a>(
    at: Cursor<'a>,
    vocabulary: &Vocabulary,
) -> Option<(DatedText, Cursor<'a>)> {
    if at.peek() != Some('(') {
        return dated(at, vocabulary);
    }
    let (date, end) = dated(at.advance(1).skip_ws(), vocabulary)?;
    let close = end.skip_ws();
    (close.peek() == Some(')')).then(|| (date, close.advance(1)))
}

/// A date at `at`, after a date lead-in or a time ("at 9:11 am,"); the
/// date and where it ends.
fn dated<'a>(at: Cursor<'a>, vocabulary: &Vocabulary) -> Option<(DatedText, Cursor<'a>)> {
    let time = TIME_FIRST
        .as_ref()
        .filter(|_| may_start_time_first(at.rest()));
    let at = match time.and_then(|time| time.find(at.rest())) {
        Some(time) => at.advance(time.end()),
        None => at,
    };
    let at = at.skip_date_lead_in(vocabulary);
    DatedText::at(at, vocabulary)
}

/// Whether what follows the signer and date ends the signature: initials
/// or marker numbers, the closing bracket when one was opened, full stops.
fn ends_signature(rest: &str, bracketed: bool, dated: bool, vocabulary: &Vocabulary) -> bool {
    let rest = rest.trim_end().trim_end_matches(['.', '!']).trim_end();
    let rest = if bracketed {
        match rest.strip_suffix(')') {
            Some(inner) => inner.trim_end().trim_end_matches(['.', ',']),
            None => return false,
        }
    } else {
        rest
    };
    // One pair of brackets may hold initials ("M 8/6 (AvH)").
    let rest = rest.trim();
    let one_pair =
        rest.starts_with('(') && rest.ends_with(')') && rest.matches(['(', ')']).count() == 2;
    rest.is_empty()
        || ((one_pair || !rest.contains([')', '('])) && is_marks(rest, dated, vocabulary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_filter_never_skips_one() {
        let pattern = TIME_FIRST.as_ref().unwrap();
        let rests = [
            "t 9:11 am, ",
            "m 09:11, ",
            "M 9.11 uur ",
            "T 9:11, ",
            " 9:11 h ",
        ];
        let matched = crate::testing::never_skipped(
            |text| pattern.is_match(text),
            may_start_time_first,
            &rests,
        );
        assert!(matched >= 8, "{matched}");
    }

    fn signed(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        let found = split(text, &Vocabulary::builtin())?;
        Some((
            found.head.to_owned(),
            found.signature.signer.map(|s| s.text),
            found.signature.date.map(|d| d.text),
        ))
    }

    fn owned(
        head: &str,
        signer: Option<&str>,
        date: Option<&str>,
    ) -> Option<(String, Option<String>, Option<String>)> {
        Some((
            head.to_owned(),
            signer.map(str::to_owned),
            date.map(str::to_owned),
        ))
    }

    #[test]
    fn pattern_compiles() {
        assert!(TIME_FIRST.is_some());
    }

    #[test]
    fn actor_and_date() {
        assert_eq!(
            signed("Niet akkoord, graag herschrijven. SG 4-2-2026"),
            owned(
                "Niet akkoord, graag herschrijven.",
                Some("SG"),
                Some("4-2-2026")
            )
        );
        assert_eq!(
            signed("akk. M 12/3"),
            owned("akk.", Some("M"), Some("12/3"))
        );
        assert_eq!(
            signed("Akkoord (MWP, 8/6)"),
            owned("Akkoord", Some("MWP"), Some("8/6"))
        );
        assert_eq!(
            signed("AKKOORD\nMinister van SZW\n08-06-2026 09:11"),
            owned(
                "AKKOORD",
                Some("Minister van SZW"),
                Some("08-06-2026 09:11")
            )
        );
    }

    #[test]
    fn weaker_signatures_need_a_separator() {
        assert_eq!(signed("Gezien. DG"), owned("Gezien.", Some("DG"), None));
        assert_eq!(
            signed("Akkoord. JdV 5/3"),
            owned("Akkoord.", Some("JdV"), Some("5/3"))
        );
        assert_eq!(
            signed("Akkoord, d.d. 8/6"),
            owned("Akkoord", None, Some("8/6"))
        );
        assert_eq!(signed("Akkoord d.d. 8-6"), None);
        assert_eq!(
            signed("Akkoord. MWP (8/6)"),
            owned("Akkoord.", Some("MWP"), Some("8/6"))
        );
        assert_eq!(
            signed("Akkoord op 8/6 door SG"),
            owned("Akkoord op 8/6", Some("SG"), None)
        );
        assert_eq!(signed("Akkoord\n8/6"), owned("Akkoord", None, Some("8/6")));
        assert_eq!(signed("Akkoord met de brief van 3 juni"), None);
        assert_eq!(
            signed("akkoord mits FEZ instemt 8/6"),
            owned("akkoord mits FEZ instemt", None, Some("8/6"))
        );
        assert_eq!(signed("Akkoord met inwerkingtreding 1 januari 2027"), None);
        assert_eq!(signed("Akkoord, graag versturen op 3 juni"), None);
        assert_eq!(signed("akkoord mits FEZ instemt 8/6 JdV"), None);
        assert_eq!(signed("Akkoord JdV 5-3-2026"), None);
        assert_eq!(signed("Akkoord met inwerkingtreding 1-1-2027"), None);
        // A day and month jotted in figures may end any clause, but not
        // after an actor, a number or a reference.
        assert_eq!(
            signed("akkoord na overleg met UWV 3/6"),
            owned("akkoord na overleg met UWV", None, Some("3/6"))
        );
        assert_eq!(
            signed("Akkoord JdV 5/3"),
            owned("Akkoord JdV", None, Some("5/3"))
        );
        assert_eq!(signed("Akkoord, brief versie 3 8/6"), None);
        assert_eq!(signed("Akkoord. Zie 5/3"), None);
        assert_eq!(signed("Akkoord, in de staf 5/3"), None);
        assert_eq!(signed("akkoord 8/6 MWP"), None);
        assert_eq!(signed("Akkoord. M"), None);
        // The one addressed does not sign; the date is the sender's.
        assert_eq!(
            signed("Akkoord, stuur door naar SG 8/6"),
            owned("Akkoord, stuur door naar SG", None, Some("8/6"))
        );
        assert_eq!(signed("Besproken met M 3/4"), None);
    }

    #[test]
    fn dynamic_stamp_signature() {
        assert_eq!(
            signed("APPROVED\nBy Jansen, J. at 9:11 am, Jun 08, 2026"),
            owned("APPROVED", Some("Jansen, J."), Some("Jun 08, 2026"))
        );
    }

    #[test]
    fn nothing_before_it() {
        assert_eq!(signed("MWP 8/6"), None);
        assert_eq!(signed("(MWP 8/6)"), None);
    }
}

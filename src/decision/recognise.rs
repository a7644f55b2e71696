//! One short text → a decision, or nothing.
//!
//! The shape is `[actor] verdict [date] [initials or a marker number]`:
//! "MWP akkoord 8/6", "MWP niet akkoord 30-3-2026 1" (Acrobat's marker number
//! left behind when the comment was flattened), "Staatssecretaris akkoord
//! 11-9-2025 El" (OCR'd initials), "Akkoord SG", "Approved by SG 8 June 2026".
//!
//! - The **actor** is a vocabulary actor ("MWP", "Stas", "plv. SG"), a role
//!   joined to a ministry ("MSZW", "MinSZW", "Stas SZW"), or an unknown
//!   abbreviation of 2–12 letters with at least two capitals ("DGSZ"), not
//!   listed under `not_actors` (parties, organisations: "CDA akkoord" is no
//!   office holder's decision), not a ministry code alone ("EZK akkoord
//!   12/3" is a ministry's agreement in a consultation table) nor a
//!   sentence word. One qualifier may follow ("Minister SZW", "DG WB"), or
//!   a role's **portfolio**: capitalised words joined by "en", "&" or a
//!   comma, after an optional "van"/"voor" in lower case
//!   ("Staatssecretaris Participatie en Integratie", "Minister voor Klimaat
//!   en Energie", "Minister Jansen"); see [`portfolio_at`] for its title.
//!   The actor may also follow the verdict ("Akkoord SG", "Approved by SG";
//!   after a separator, "Akkoord – MWP", only a vocabulary actor) or the
//!   date ("akkoord 8/6 MWP", again only a vocabulary actor: an unknown
//!   abbreviation there is initials), or make up a whole remark as a
//!   signature, with or without a date and initials ("Akkoord. SG 5/3",
//!   "akkoord (MWP, 8/6)"; only a vocabulary actor). In stamp mode an
//!   actor after the verdict needs a date: "Akkoord SG" on a page is the
//!   label of a nota's approval block.
//! - Weak actor signs need a date: an unknown abbreviation ("DGSZ
//!   akkoord") and, in comment mode, a one-letter role of a paraaf block
//!   ("M akkoord 4/5"; in stamp mode "S akkoord" stands). Without a date
//!   the text is read again without them: before the verdict the text then
//!   starts with something else and is refused; after it, they are
//!   initials. One-letter roles are never read after the verdict, where a
//!   letter is initials.
//! - The **verdict** is the longest vocabulary phrase at that place, after
//!   an optional interjection ("Ja, akkoord", "Prima, akkoord"; only when a
//!   verdict follows it). A **weak** verdict (`weak_verdicts`: "ok",
//!   "prima", "vu", …, words that also open ordinary talk) may stand alone
//!   or with an actor, date or initials but takes no remark, so "OK, de
//!   planning is krap." is no decision; in stamp mode it needs an actor
//!   ("OK 12/3" is a checklist row). In comment mode "akkoord met optie 2"
//!   also records option 2, and the option leads in a remark as a lead-in
//!   word does ("… optie 2 van de nota").
//! - The **date** is one of the forms of [`date_text`](super::date_text),
//!   after white space, `,`, `:` or a dash, a date lead-in ("d.d.", "op",
//!   "am", …), or in brackets. Without one, a remark's meeting gives it:
//!   a `meeting_words` word among the remark's first words followed by its
//!   date ("Besproken in de staf van 24/3" → 24/3), for every verdict but
//!   `to_discuss` (whose meeting is still to come) and `option`.
//! - A redaction placeholder ("[redacted]", or a Woo ground's code such as
//!   "5.1.2e") in the actor's place is a withheld actor: the decision is
//!   read, with no actor, when it has a date.
//! - Anything after that must be, in [`Mode::Stamp`], at most two initials,
//!   numbers or redaction placeholders. In [`Mode::Comment`] it may also be
//!   a **remark**: text after a separator (`,` `;` `:` `.` `-` `(` or a
//!   line break) or after a lead-in word ("mits", "met", "maar", …). Not a remark: a question ending in `?`
//!   without a separator; a comma followed by a finite verb ("bespreken, kun
//!   je …"), which shows the verdict word ended a clause; and, after a
//!   lead-in other than a condition ("mits", "tenzij", …), a first clause
//!   with a finite verb ("Akkoord op hoofdlijnen is bereikt"), which makes
//!   the verdict word the subject of a sentence.
//!
//! Comment mode also reads **option statements**: "Optie 2; reasons" (option
//! 2, the reasons as remark), "Keuze: optie 2", "MWP: optie 2", "Optie B".
//! An option is a number of one or two digits or a letter A–H, which counts
//! from A = 1 ("Optie B" → 2; later letters are more often roman numerals).
//! Without an actor or lead-in, "Optie 1: Het wetsvoorstel agenderen" is a
//! heading and "Optie 2 heeft de voorkeur" a sentence: neither is a
//! decision.
//!
//! Never decisions: a text that starts with anything else (so sentences such
//! as "Gaat u akkoord met …?", "Indien u akkoord bent …", "MWP heeft …
//! gelezen", e-mail headers "Onderwerp: …", "Bijlagen: …"), and any text that
//! names a file (`….pdf`), and a verdict after an empty check box ("☐
//! Akkoord", a form's option left unticked). Stamp mode also refuses lines
//! with tabs (table rows) and lines over [`MAX_STAMP_CHARS`], and needs an
//! actor or a date: a bare "Akkoord" or "TE BESPREKEN" line is a heading,
//! not a stamp, and without an actor "Approved: 12/03/2021" is a label and
//! its value in a document's control table.

use std::sync::LazyLock;

use regex::Regex;

use super::Verdict;
use super::Vocabulary;
use super::date_text::{self, WrittenDate};

/// A redaction placeholder: "[redacted]", "[naam verwijderd]", or the code
/// of the Woo ground a name was withheld on ("5.1.2e", "5.1.2.e", "10.2.g").
static PLACEHOLDER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:\[[^\[\]\n]{1,40}\]|\d{1,2}(?:\.\d{1,2}){1,3}\.?[a-z])").ok()
});

/// The longest line page text may hold and still be a stamp.
pub(crate) const MAX_STAMP_CHARS: usize = 80;

/// How strictly a text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Annotation contents and comment-summary entries: remarks after the
    /// verdict and option statements are allowed.
    Comment,
    /// A standalone line of page text: the whole line must be a stamp.
    Stamp,
}

/// A decision read from one text, before its date is settled.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Recognised {
    pub(crate) actor: Option<String>,
    pub(crate) actor_title: Option<String>,
    pub(crate) verdict: Verdict,
    pub(crate) verdict_text: String,
    pub(crate) option: Option<u32>,
    pub(crate) remark: Option<String>,
    pub(crate) date: Option<WrittenDate>,
    pub(crate) date_text: Option<String>,
}

/// Empty check boxes: a verdict after one was not chosen.
const UNTICKED: [char; 2] = ['☐', '□'];

/// Reads one short text as a decision.
pub(crate) fn recognise(text: &str, mode: Mode, vocabulary: &Vocabulary) -> Option<Recognised> {
    let found = read(text, mode, vocabulary, Actors::Any)?;
    // An unknown abbreviation ("EZK akkoord") or, in a comment, a single
    // letter ("S akkoord") is an actor only when a date comes with it;
    // otherwise read the text again without such actors.
    let weak_actor = found.actor.as_ref().is_some_and(|actor| {
        found.actor_title.is_none() || (mode == Mode::Comment && is_one_letter(actor))
    });
    if weak_actor && found.date.is_none() {
        return read(text, mode, vocabulary, Actors::Titled);
    }
    Some(found)
}

/// A signature read from a remark: the actor, its title and the date with
/// its text.
type Signature = (String, Option<String>, Option<(WrittenDate, String)>);

/// A remark that is a signature: a vocabulary actor, optionally in
/// brackets, with an optional date and initials ("SG 5/3", "(MWP, 8/6)").
fn signature(remark: &str, vocabulary: &Vocabulary) -> Option<Signature> {
    let trimmed = remark.trim();
    let inner = trimmed
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .unwrap_or(trimmed)
        .trim();
    let known = ActorRules {
        unknown: false,
        letters: false,
    };
    let len = actor_at(inner, vocabulary, known)?;
    let actor = inner.get(..len)?;
    let title = title_of(actor, vocabulary)?;
    let at = skip_separator(inner, len);
    let mut end = at;
    let mut date = None;
    if at > len
        && let Some((found, date_len)) = date_text::parse_at(rest(inner, at), vocabulary)
    {
        date = Some((found, inner.get(at..at + date_len)?.to_owned()));
        end = at + date_len;
    }
    let tail = rest(inner, end).trim_matches(|c: char| c.is_whitespace() || c == '.');
    (tail.is_empty() || is_marks(tail, date.is_some(), vocabulary))
        .then(|| (actor.to_owned(), Some(title), date))
}

/// Which actors a reading accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actors {
    /// Vocabulary actors and unknown abbreviations.
    Any,
    /// Only vocabulary actors (and, in comment mode, none of one letter).
    Titled,
}

/// What [`actor_at`] may take at one place of the text.
#[derive(Debug, Clone, Copy)]
struct ActorRules {
    /// Unknown abbreviations ("DGSZ").
    unknown: bool,
    /// One-letter roles ("M", "S"), only ever before the verdict.
    letters: bool,
}

fn read(text: &str, mode: Mode, vocabulary: &Vocabulary, actors: Actors) -> Option<Recognised> {
    let s = match mode {
        Mode::Comment => {
            let body = text.trim_start_matches(|c: char| {
                c.is_whitespace() || !(c.is_alphanumeric() || c.is_ascii_punctuation())
            });
            // "☐ Akkoord": an option of a form left unticked.
            let icons = text.get(..text.len() - body.len()).unwrap_or_default();
            if icons.contains(UNTICKED) {
                return None;
            }
            body.trim_end()
        }
        Mode::Stamp => text.trim(),
    };
    if mode == Mode::Stamp
        && (s.chars().nth(MAX_STAMP_CHARS).is_some() || s.contains(['\t', '\n', '\r']))
    {
        return None;
    }
    if s.is_empty() || names_a_file(s, vocabulary) {
        return None;
    }
    let before = ActorRules {
        unknown: actors == Actors::Any,
        letters: actors == Actors::Any || mode == Mode::Stamp,
    };
    let after = ActorRules {
        unknown: actors == Actors::Any,
        letters: false,
    };

    // "Ja, akkoord": an interjection before the verdict; "[redacted]
    // akkoord 8/6": a withheld actor, which like an unknown one needs a date.
    let mut pos = interjection_end(s, vocabulary).unwrap_or(0);
    let mut withheld_actor = false;
    if let Some(len) = placeholder_at(s)
        && skip_ws(s, len) > len
        && verdict_at(rest(s, skip_ws(s, len)), vocabulary).is_some()
    {
        pos = skip_ws(s, len);
        withheld_actor = true;
    }

    // The actor before the verdict, unless the text opens with a verdict.
    let mut actor: Option<(usize, usize)> = None;
    let mut actor_title = None;
    let mut actor_first = false;
    if verdict_at(rest(s, pos), vocabulary).is_none()
        && let Some(len) = actor_at(rest(s, pos), vocabulary, before)
    {
        let mut end = len;
        let after_actor = skip_separator(s, end);
        let role = s.get(..len).unwrap_or_default();
        if verdict_at(rest(s, after_actor), vocabulary).is_none()
            && !(mode == Mode::Comment && option_at(rest(s, after_actor), vocabulary).is_some())
        {
            let at = skip_ws(s, end);
            if let Some(qualifier) = qualifier_at(rest(s, at), vocabulary) {
                end = at + qualifier;
            } else if at > end
                && let Some((portfolio, title)) = portfolio_at(rest(s, at), role, vocabulary)
                && verdict_at(rest(s, skip_separator(s, at + portfolio)), vocabulary).is_some()
            {
                end = at + portfolio;
                actor_title = title;
            }
        }
        actor = Some((0, end));
        actor_first = true;
        pos = skip_separator(s, end);
    }

    // The verdict, or in comment mode an option statement.
    let verdict;
    let verdict_span;
    let mut weak = false;
    let mut option = None;
    let mut needs_guide = false;
    if let Some((found, len, is_weak)) = verdict_at(rest(s, pos), vocabulary) {
        verdict = found;
        verdict_span = (pos, pos + len);
        weak = is_weak;
        pos += len;
    } else if mode == Mode::Comment {
        let lead_in = option_lead_in_at(rest(s, pos), vocabulary);
        let start = pos + lead_in.unwrap_or(0);
        let (number, len) = option_at(rest(s, start), vocabulary)?;
        verdict = Verdict::Option;
        verdict_span = (start, start + len);
        option = Some(number);
        pos = start + len;
        needs_guide = lead_in.is_none() && actor.is_none();
    } else {
        return None;
    }
    let core_end = pos;

    // An actor after the verdict ("Akkoord SG", "Approved by SG"); after a
    // separator only a known one ("Akkoord – MWP", "Noted, SG").
    if actor.is_none() {
        let at = skip_ws(s, pos);
        let by =
            word_of(rest(s, at), vocabulary.actor_links()).map_or(at, |len| skip_ws(s, at + len));
        let separated = skip_separator(s, pos);
        if let Some(len) = actor_at(rest(s, by), vocabulary, after)
            && by > core_end
        {
            actor = Some((by, by + len));
            pos = by + len;
        } else if separated > at
            && let Some(len) = actor_at(rest(s, separated), vocabulary, after)
            && s.get(separated..separated + len)
                .and_then(|found| title_of(found, vocabulary))
                .is_some()
        {
            actor = Some((separated, separated + len));
            pos = separated + len;
        }
    }

    // "akkoord met optie 2".
    let mut linked_option = false;
    if mode == Mode::Comment && option.is_none() {
        let at = skip_ws(s, pos);
        let with =
            word_of(rest(s, at), vocabulary.option_links()).map_or(at, |len| skip_ws(s, at + len));
        if at > pos
            && let Some((number, len)) = option_at(rest(s, with), vocabulary)
        {
            option = Some(number);
            linked_option = true;
            pos = with + len;
        }
    }

    // The date ("8/6", ", 8/6", "- 8/6", "(8/6)", "d.d. 8-6-2026", "op 8 juni").
    let mut date = None;
    let mut date_text = None;
    let mut date_after_colon = false;
    {
        let at = skip_ws(s, pos);
        let first = rest(s, at).chars().next();
        let at = match first {
            Some(c @ (',' | ':' | '-' | '–' | '—')) => skip_ws(s, at + c.len_utf8()),
            _ => at,
        };
        let (at, bracketed) = match rest(s, at).strip_prefix('(') {
            Some(_) => (skip_ws(s, at + 1), true),
            None => (at, false),
        };
        let at =
            word_of(rest(s, at), vocabulary.date_lead_ins()).map_or(at, |len| skip_ws(s, at + len));
        if at > pos
            && let Some((found, len)) = date_text::parse_at(rest(s, at), vocabulary)
        {
            let close = skip_ws(s, at + len);
            let end = if !bracketed {
                Some(at + len)
            } else if rest(s, close).starts_with(')') {
                Some(close + 1)
            } else {
                None
            };
            if let Some(end) = end {
                date = Some(found);
                date_text = s.get(at..at + len).map(str::to_owned);
                date_after_colon = first == Some(':');
                pos = end;
            }
        }
    }

    // A known actor after the date ("akkoord 8/6 MWP"); an unknown
    // abbreviation there is read as initials.
    if actor.is_none() {
        let at = skip_ws(s, pos);
        if let Some(len) = actor_at(rest(s, at), vocabulary, after)
            && at > pos
            && s.get(at..at + len)
                .and_then(|found| title_of(found, vocabulary))
                .is_some()
        {
            actor = Some((at, at + len));
            pos = at + len;
        }
    }

    // What follows.
    let tail = rest(s, pos);
    let guide = Guide {
        needs_guide,
        linked_option,
        question: s.ends_with('?'),
        dated: date.is_some(),
    };
    let mut remark = read_tail(tail, mode, guide, vocabulary)?;

    let mut actor_text = actor
        .and_then(|(from, to)| s.get(from..to))
        .map(str::to_owned);
    let mut actor_title = actor_title.or_else(|| {
        actor_text
            .as_deref()
            .and_then(|actor| title_of(actor, vocabulary))
    });
    // "Akkoord. SG 5/3", "akkoord (MWP, 8/6)": a remark that is only a
    // known actor's signature, with or without a date, names the actor.
    if actor_text.is_none()
        && let Some((signed, title, signed_on)) = remark
            .as_deref()
            .and_then(|remark| signature(remark, vocabulary))
        && (date.is_none() || signed_on.is_none())
    {
        actor_text = Some(signed);
        actor_title = title;
        remark = None;
        if let Some((found, written)) = signed_on {
            date = Some(found);
            date_text = Some(written);
        }
    }
    let has_actor = actor_text.is_some();
    // "Approved: 12/03/2021" without an actor is a label and its value.
    if mode == Mode::Stamp && !has_actor && (weak || date.is_none() || date_after_colon) {
        return None;
    }
    // "Akkoord SG" on a page is the label of a nota's approval block; a
    // stamp names its actor first or carries a date.
    if mode == Mode::Stamp && has_actor && !actor_first && date.is_none() {
        return None;
    }
    if withheld_actor && date.is_none() {
        return None;
    }
    // "OK, de planning is krap": a weak word opening a sentence.
    if weak && remark.is_some() {
        return None;
    }
    // "Besproken in de staf van 24/3": the meeting's date is the decision's.
    if date.is_none()
        && matches!(
            verdict,
            Verdict::Approved | Verdict::Rejected | Verdict::Discussed | Verdict::Noted
        )
        && let Some((found, written)) = remark
            .as_deref()
            .and_then(|remark| meeting_date(remark, vocabulary))
    {
        date = Some(found);
        date_text = Some(written);
    }
    Some(Recognised {
        actor: actor_text,
        actor_title,
        verdict,
        verdict_text: s.get(verdict_span.0..verdict_span.1)?.to_owned(),
        option,
        remark,
        date,
        date_text,
    })
}

/// Where the interjection before a verdict ends ("Ja, akkoord", "Prima,
/// akkoord"): only when a verdict follows it.
fn interjection_end(s: &str, vocabulary: &Vocabulary) -> Option<usize> {
    let len = word_of(s, vocabulary.interjections())?;
    let mut at = skip_ws(s, len);
    if let Some(c @ (',' | '!' | '.' | ':' | ';' | '-' | '–' | '—')) = rest(s, at).chars().next()
    {
        at = skip_ws(s, at + c.len_utf8());
    }
    (at > len && verdict_at(rest(s, at), vocabulary).is_some()).then_some(at)
}

/// Words of a remark searched for a meeting and its date.
const MEETING_SCAN_WORDS: usize = 8;

/// The date of a meeting named early in a remark ("in de staf van 24/3",
/// "beleidsstaf d.d. 24-3-2026"), with the date as written.
fn meeting_date(remark: &str, vocabulary: &Vocabulary) -> Option<(WrittenDate, String)> {
    let mut at = skip_ws(remark, 0);
    for _ in 0..MEETING_SCAN_WORDS {
        let token_len = rest(remark, at)
            .find(char::is_whitespace)
            .unwrap_or(rest(remark, at).len());
        if token_len == 0 {
            return None;
        }
        let token_end = at + token_len;
        let word = remark
            .get(at..token_end)?
            .trim_matches(|c: char| !c.is_alphanumeric());
        if vocabulary.is_meeting_word(word) {
            let next = skip_ws(remark, token_end);
            let link = word_of(rest(remark, next), vocabulary.meeting_date_links())
                .map_or(next, |len| skip_ws(remark, next + len));
            if let Some((date, len)) = date_text::parse_at(rest(remark, link), vocabulary) {
                return Some((date, remark.get(link..link + len)?.to_owned()));
            }
        }
        at = skip_ws(remark, token_end);
    }
    None
}

/// What the text before the tail says about how the tail may be read.
#[derive(Debug, Clone, Copy)]
struct Guide {
    /// An option statement with no actor or lead-in ("Optie 2 …"): only a
    /// separator may follow.
    needs_guide: bool,
    /// The verdict took an option ("akkoord met optie 2"), which leads in
    /// a remark as a lead-in word does ("… van de nota").
    linked_option: bool,
    /// The text ends in a question mark.
    question: bool,
    /// The verdict has a date: after it, two capitals are a paraph's
    /// initials ("8/6 AP") even where they could name a party or a
    /// ministry, which stand alone after an undated verdict ("Akkoord CDA").
    dated: bool,
}

/// Reads what follows the verdict and date: `Some(None)` when it is nothing,
/// initials or a marker number; `Some(Some(remark))` for a remark; `None`
/// when it makes the text something other than a decision.
fn read_tail(
    tail: &str,
    mode: Mode,
    guide: Guide,
    vocabulary: &Vocabulary,
) -> Option<Option<String>> {
    let trimmed = tail.trim_start();
    if trimmed.chars().all(|c| matches!(c, '.' | '!')) {
        return Some(None);
    }
    if is_marks(trimmed, guide.dated, vocabulary) {
        return Some(None);
    }
    if mode == Mode::Stamp {
        return None;
    }
    let gap = tail.get(..tail.len() - trimmed.len()).unwrap_or_default();
    let first = trimmed.chars().next()?;
    let separated =
        gap.contains('\n') || matches!(first, ',' | ';' | ':' | '.' | '-' | '–' | '—' | '(' | '!');
    if separated {
        // "Optie 1: <title>" with nothing before it is a heading.
        if guide.needs_guide && first == ':' && !gap.contains('\n') {
            return None;
        }
        let remark = trimmed
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '—' | '!')
            })
            .trim_end();
        // "(Door het te) bespreken, kun je het doorbreken": the verdict word
        // ended a clause of a sentence.
        let next_word = remark
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        if first == ',' && !gap.contains('\n') && vocabulary.is_clause_verb(next_word) {
            return None;
        }
        return Some((!remark.is_empty()).then(|| remark.to_owned()));
    }
    if guide.needs_guide || guide.question {
        return None;
    }
    if !guide.linked_option
        && !vocabulary
            .remark_lead_ins()
            .iter()
            .any(|lead_in| match_phrase(trimmed, lead_in).is_some())
    {
        return None;
    }
    // "Akkoord op hoofdlijnen is bereikt …": a finite verb in the first
    // clause makes the verdict word the subject of a sentence. A condition
    // ("mits de planning haalbaar is") ends in its verb and is a remark.
    let condition = vocabulary
        .condition_lead_ins()
        .iter()
        .any(|lead_in| match_phrase(trimmed, lead_in).is_some());
    let first_clause = trimmed
        .split(['.', ',', ';', ':', '!', '?', '\n', '(', '–', '—'])
        .next()
        .unwrap_or_default();
    if !condition
        && first_clause
            .split(|c: char| !c.is_alphabetic())
            .any(|word| vocabulary.is_clause_verb(word))
    {
        return None;
    }
    Some(Some(trimmed.trim_end().to_owned()))
}

/// Whether `text` is at most two initials ("El", "A.A."), marker numbers or
/// redaction placeholders ("[redacted]", "5.1.2e").
fn is_marks(text: &str, dated: bool, vocabulary: &Vocabulary) -> bool {
    let mut at = skip_ws(text, 0);
    let mut count = 0;
    while at < text.len() {
        count += 1;
        if count > 2 {
            return false;
        }
        let tail = rest(text, at);
        let len = match placeholder_at(tail) {
            Some(len) => len,
            None => {
                let len = tail.find(char::is_whitespace).unwrap_or(tail.len());
                let token = tail
                    .get(..len)
                    .unwrap_or_default()
                    .trim_end_matches([',', ';']);
                if !(is_marker_number(token) || is_initials(token, dated, vocabulary)) {
                    return false;
                }
                len
            }
        };
        at = skip_ws(text, at + len);
    }
    count > 0
}

/// A redaction placeholder at the start of `text` (see [`PLACEHOLDER`]),
/// ending a word; the bytes it covers.
fn placeholder_at(text: &str) -> Option<usize> {
    let end = PLACEHOLDER.as_ref()?.find(text)?.end();
    text.get(end..)
        .and_then(|tail| tail.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(end)
}

fn is_marker_number(token: &str) -> bool {
    (1..=3).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit())
}

fn is_initials(token: &str, dated: bool, vocabulary: &Vocabulary) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    let dotted = token.contains('.');
    (1..=4).contains(&letters)
        && token.chars().all(|c| c.is_alphabetic() || c == '.')
        && (dotted || token.chars().next().is_some_and(char::is_uppercase))
        && (dotted || !vocabulary.is_sentence_word(token))
        && (dated || (!vocabulary.is_not_actor(token) && vocabulary.ministry_name(token).is_none()))
}

/// Whether the text names a file (`… - 20260416 Nota vervolg.pdf`): an
/// attachment line or a file name, never a decision.
fn names_a_file(text: &str, vocabulary: &Vocabulary) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '(' | ')' | '"' | '\''))
        .filter_map(|word| {
            let word = word.trim_end_matches(['.', ':']);
            let (stem, extension) = word.rsplit_once('.')?;
            (!stem.is_empty()).then_some(extension)
        })
        .any(|extension| vocabulary.is_file_extension(extension))
}

/// The title of an actor as written, or of its first word ("Minister WB").
fn title_of(actor: &str, vocabulary: &Vocabulary) -> Option<String> {
    vocabulary.actor_title(actor).or_else(|| {
        let (first, _) = actor.split_once(char::is_whitespace)?;
        vocabulary.actor_title(first)
    })
}

fn rest(s: &str, pos: usize) -> &str {
    s.get(pos..).unwrap_or_default()
}

fn skip_ws(s: &str, pos: usize) -> usize {
    let tail = rest(s, pos);
    pos + (tail.len() - tail.trim_start().len())
}

/// Skips white space and one separator between an actor and the verdict
/// ("MWP: akkoord", "SG - akkoord").
fn skip_separator(s: &str, pos: usize) -> usize {
    let at = skip_ws(s, pos);
    match rest(s, at).chars().next() {
        Some(c @ (':' | ',' | '-' | '–' | '—')) => skip_ws(s, at + c.len_utf8()),
        _ => at,
    }
}

/// Matches a normalised vocabulary phrase at the start of `text`, ignoring
/// case; any white space in the phrase matches a run of white space, white
/// space may follow a full stop, and `'` matches `’`. Gives the bytes of
/// `text` covered; a phrase ending in a letter or digit must end a word.
pub(crate) fn match_phrase(text: &str, phrase: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let mut wanted = phrase.chars().peekable();
    let mut end = 0;
    let skip_space = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
                      end: &mut usize| {
        let mut any = false;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_whitespace() {
                break;
            }
            any = true;
            *end = i + c.len_utf8();
            chars.next();
        }
        any
    };
    while let Some(want) = wanted.next() {
        if want == ' ' {
            if !skip_space(&mut chars, &mut end) {
                return None;
            }
            continue;
        }
        let (i, c) = chars.next()?;
        if !same_char(c, want) {
            return None;
        }
        end = i + c.len_utf8();
        if want == '.' && wanted.peek().is_some_and(|next| *next != ' ') {
            skip_space(&mut chars, &mut end);
        }
    }
    let last = phrase.chars().last()?;
    if last.is_alphanumeric()
        && text
            .get(end..)
            .and_then(|tail| tail.chars().next())
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    Some(end)
}

fn same_char(c: char, want: char) -> bool {
    let apostrophe = |c: char| matches!(c, '\'' | '’' | '‘');
    c == want || (apostrophe(c) && apostrophe(want)) || c.to_lowercase().eq(std::iter::once(want))
}

/// The verdict phrase at the start of `text`, longest first: the verdict,
/// the bytes covered and whether the phrase is weak (takes no remark).
fn verdict_at(text: &str, vocabulary: &Vocabulary) -> Option<(Verdict, usize, bool)> {
    vocabulary.verdicts().iter().find_map(|entry| {
        match_phrase(text, &entry.phrase)
            .map(|len| (entry.value, len, vocabulary.is_weak_phrase(&entry.phrase)))
    })
}

/// The last letter an option may be named by ("optie H" → 8); letters
/// further on are more often roman numerals ("optie I") than options.
const LAST_OPTION_LETTER: char = 'h';

/// "optie 2" or "optie B" at the start of `text`: the number (a letter
/// counts from A = 1) and the bytes covered.
fn option_at(text: &str, vocabulary: &Vocabulary) -> Option<(u32, usize)> {
    vocabulary.option_words().iter().find_map(|word| {
        let len = match_phrase(text, word)?;
        let after = text.get(len..)?;
        let gap = after.len() - after.trim_start().len();
        if gap == 0 {
            return None;
        }
        let value = after.trim_start();
        let digits = value.bytes().take_while(u8::is_ascii_digit).count();
        let (number, used) = match (digits, value.chars().next()) {
            (1..=2, _) => (value.get(..digits)?.parse().ok()?, digits),
            (0, Some(letter))
                if ('a'..=LAST_OPTION_LETTER).contains(&letter.to_ascii_lowercase()) =>
            {
                (
                    u32::from(letter.to_ascii_lowercase()) - u32::from('a') + 1,
                    1,
                )
            }
            _ => return None,
        };
        let end = len + gap + used;
        let next = text.get(end..).and_then(|t| t.chars().next());
        if next.is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some((number, end))
    })
}

/// A lead-in to an option ("Keuze:", "voorkeur voor") and the bytes up to
/// the option word.
fn option_lead_in_at(text: &str, vocabulary: &Vocabulary) -> Option<usize> {
    vocabulary.option_lead_ins().iter().find_map(|lead_in| {
        let len = match_phrase(text, lead_in)?;
        let after = text.get(len..)?;
        let after_colon = after.trim_start().strip_prefix(':').unwrap_or(after);
        let skipped = text.len() - after_colon.trim_start().len();
        option_at(text.get(skipped..)?, vocabulary).map(|_| skipped)
    })
}

/// The first of `words` at the start of `text`; the bytes it covers.
fn word_of(text: &str, words: &[String]) -> Option<usize> {
    words.iter().find_map(|word| match_phrase(text, word))
}

/// An actor at the start of `text`; the bytes it covers.
fn actor_at(text: &str, vocabulary: &Vocabulary, rules: ActorRules) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut consider = |len: usize| {
        if best.is_none_or(|b| len > b) {
            best = Some(len);
        }
    };
    for entry in vocabulary.actors() {
        if !rules.letters && is_one_letter(&entry.phrase) {
            continue;
        }
        if let Some(len) = match_phrase(text, &entry.phrase) {
            consider(len);
        }
    }
    let first = word_at(text);
    if !first.is_empty() {
        if vocabulary.ministry_title(first).is_some() {
            consider(first.len());
        }
        let after = skip_ws(text, first.len());
        let second = word_at(rest(text, after));
        if !second.is_empty()
            && after > first.len()
            && let Some(both) = text.get(..after + second.len())
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

/// Whether an actor is a single letter ("M", "S").
fn is_one_letter(actor: &str) -> bool {
    let mut letters = actor.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some() && letters.next().is_none()
}

/// The most words a portfolio may have ("Landbouw, Natuur en
/// Voedselkwaliteit" has three).
const MAX_PORTFOLIO_WORDS: usize = 8;

/// A portfolio after a vocabulary role: "van Financiën", "Participatie en
/// Integratie", "voor Klimaat en Energie", or a name ("Jansen"). Gives the
/// bytes it covers and the title of role and portfolio together:
/// - after a link word, the role's title, the link and the portfolio
///   ("Minister voor Klimaat en Energie");
/// - a ministry's name or code, the role's ministry title and its name
///   ("Minister Financiën" → "Minister van Financiën");
/// - words joined by "en", "&" or a comma, the role's ministry title and
///   the words ("Staatssecretaris van Participatie en Integratie");
/// - anything else (a name, a unit), the role's title alone.
fn portfolio_at(
    text: &str,
    role: &str,
    vocabulary: &Vocabulary,
) -> Option<(usize, Option<String>)> {
    if is_one_letter(role) {
        return None;
    }
    let role_title = vocabulary.actor_title(role)?;
    // A link is written in lower case: "Van Dijk" is a name.
    let (link, start) = match word_of(text, vocabulary.portfolio_links()) {
        Some(len)
            if skip_ws(text, len) > len
                && text
                    .get(..len)
                    .is_some_and(|link| link == link.to_lowercase()) =>
        {
            (text.get(..len), skip_ws(text, len))
        }
        _ => (None, 0),
    };
    let mut end = start;
    let mut at = start;
    let mut joined = false;
    for _ in 0..MAX_PORTFOLIO_WORDS {
        let Some(len) = portfolio_word(rest(text, at), vocabulary) else {
            break;
        };
        end = at + len;
        let gap = skip_ws(text, end);
        if let Some(joiner) = word_of(rest(text, gap), vocabulary.portfolio_joiners()) {
            let next = skip_ws(text, gap + joiner);
            if next > gap + joiner && portfolio_word(rest(text, next), vocabulary).is_some() {
                joined = true;
                at = next;
                continue;
            }
        }
        if gap > end && portfolio_word(rest(text, gap), vocabulary).is_some() {
            at = gap;
            continue;
        }
        break;
    }
    if end == start {
        return None;
    }
    let portfolio = text
        .get(start..end)?
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
    Some((end, Some(title)))
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
fn qualifier_at(text: &str, vocabulary: &Vocabulary) -> Option<usize> {
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

/// A word of letters, `&` and inner hyphens at the start of `text`.
fn word_at(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(i, c)| !(c.is_alphabetic() || c == '&' || (c == '-' && i > 0)))
        .map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or_default().trim_end_matches('-')
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

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::builtin()
    }

    fn comment(text: &str) -> Option<Recognised> {
        recognise(text, Mode::Comment, &vocabulary())
    }

    fn stamp(text: &str) -> Option<Recognised> {
        recognise(text, Mode::Stamp, &vocabulary())
    }

    /// (actor, verdict, date as written) of a text read in both modes, which
    /// must agree.
    fn read(text: &str) -> (Option<String>, Verdict, Option<String>) {
        let found = comment(text).unwrap_or_else(|| panic!("{text:?} not recognised"));
        assert_eq!(
            stamp(text).as_ref().map(|s| s.verdict),
            found
                .actor
                .as_ref()
                .or(found.date_text.as_ref())
                .map(|_| found.verdict),
            "{text:?} in stamp mode"
        );
        (found.actor, found.verdict, found.date_text)
    }

    fn verdict(text: &str) -> Verdict {
        comment(text)
            .unwrap_or_else(|| panic!("{text:?} not recognised"))
            .verdict
    }

    #[test]
    fn approved_forms() {
        for text in [
            "akkoord",
            "Akkoord.",
            "AKKOORD",
            "akk.",
            "akk",
            "accoord",
            "ok",
            "OK",
            "oké",
            "approved",
            "Agreed",
            "goedgekeurd",
        ] {
            assert_eq!(verdict(text), Verdict::Approved, "{text}");
        }
    }

    #[test]
    fn rejected_forms() {
        for text in [
            "niet akkoord",
            "Niet Akkoord",
            "n.akk.",
            "n. akk.",
            "niet akk.",
            "niet akk",
            "not approved",
            "Rejected",
            "not agreed",
        ] {
            assert_eq!(verdict(text), Verdict::Rejected, "{text}");
        }
    }

    #[test]
    fn discussed_forms() {
        for text in ["besproken", "Besproken", "discussed"] {
            assert_eq!(verdict(text), Verdict::Discussed, "{text}");
        }
    }

    #[test]
    fn to_discuss_forms() {
        for text in [
            "bespreken",
            "graag bespreken",
            "Graag bespreken",
            "te bespreken",
            "to discuss",
            "please discuss",
        ] {
            assert_eq!(verdict(text), Verdict::ToDiscuss, "{text}");
        }
    }

    #[test]
    fn noted_forms() {
        for text in [
            "gezien",
            "Gelezen",
            "kennisgenomen",
            "kennis genomen",
            "v.k.a.",
            "V.K.A.",
            "seen",
            "noted",
        ] {
            assert_eq!(verdict(text), Verdict::Noted, "{text}");
        }
    }

    #[test]
    fn german_and_french_forms() {
        assert_eq!(verdict("einverstanden"), Verdict::Approved);
        assert_eq!(verdict("nicht einverstanden"), Verdict::Rejected);
        assert_eq!(verdict("d'accord"), Verdict::Approved);
        assert_eq!(verdict("pas d’accord"), Verdict::Rejected);
        assert_eq!(verdict("vu"), Verdict::Noted);
    }

    #[test]
    fn stamp_with_short_date() {
        let found = comment("MWP akkoord 8/6").unwrap();
        assert_eq!(found.actor.as_deref(), Some("MWP"));
        assert_eq!(
            found.actor_title.as_deref(),
            Some("Minister van Werk en Participatie")
        );
        assert_eq!(found.verdict, Verdict::Approved);
        assert_eq!(found.verdict_text, "akkoord");
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
        let date = found.date.unwrap();
        assert_eq!((date.day, date.month, date.year), (8, 6, None));
        assert_eq!(found.remark, None);
    }

    #[test]
    fn stamp_with_marker_number() {
        // Seed 000: Acrobat's marker number after the flattened stamp.
        let found = stamp("MWP niet akkoord 30-3-2026 1").unwrap();
        assert_eq!(found.verdict, Verdict::Rejected);
        assert_eq!(found.verdict_text, "niet akkoord");
        assert_eq!(found.date_text.as_deref(), Some("30-3-2026"));
        let found = stamp("MWP besproken 20-4-2026  1").unwrap();
        assert_eq!(found.verdict, Verdict::Discussed);
        assert_eq!(found.date_text.as_deref(), Some("20-4-2026"));
        assert!(stamp("MWP bespreken 7-5-2026  ").is_some());
    }

    #[test]
    fn stamp_with_initials() {
        // Seed 001: "El" is OCR'd initials.
        let found = stamp("Staatssecretaris akkoord 11-9-2025 El").unwrap();
        assert_eq!(found.actor.as_deref(), Some("Staatssecretaris"));
        assert_eq!(found.actor_title.as_deref(), Some("Staatssecretaris"));
        assert_eq!(found.verdict, Verdict::Approved);
        assert_eq!(found.date_text.as_deref(), Some("11-9-2025"));
        assert!(stamp("SG akkoord 8/6 A.A.").is_some());
        assert!(stamp("SG akkoord 8/6 JdV 2").is_some());
        // An unknown abbreviation after the date is initials, not an actor.
        let found = stamp("akkoord 8/6 AB").unwrap();
        assert_eq!(found.actor, None);
        // After a separator, an unknown abbreviation is not an actor either.
        let found = comment("Akkoord, AB").unwrap();
        assert_eq!(found.actor, None);
        assert_eq!(found.remark.as_deref(), Some("AB"));
    }

    #[test]
    fn actors() {
        for (text, actor, title) in [
            ("Minister akkoord 8/6", "Minister", Some("Minister")),
            (
                "Staatssecretaris gezien 8/6",
                "Staatssecretaris",
                Some("Staatssecretaris"),
            ),
            ("Stas akkoord 8/6", "Stas", Some("Staatssecretaris")),
            ("SG akkoord 8/6", "SG", Some("Secretaris-generaal")),
            (
                "pSG akkoord 8/6",
                "pSG",
                Some("Plaatsvervangend secretaris-generaal"),
            ),
            (
                "plv. SG akkoord 8/6",
                "plv. SG",
                Some("Plaatsvervangend secretaris-generaal"),
            ),
            ("DG gezien 8/6", "DG", Some("Directeur-generaal")),
            (
                "MSZW akkoord 8/6",
                "MSZW",
                Some("Minister van Sociale Zaken en Werkgelegenheid"),
            ),
            (
                "MinSZW akkoord 8/6",
                "MinSZW",
                Some("Minister van Sociale Zaken en Werkgelegenheid"),
            ),
            ("MP akkoord 8/6", "MP", Some("Minister-president")),
            (
                "Stas SZW akkoord 8/6",
                "Stas SZW",
                Some("Staatssecretaris van Sociale Zaken en Werkgelegenheid"),
            ),
            (
                "Minister SZW akkoord 8/6",
                "Minister SZW",
                Some("Minister van Sociale Zaken en Werkgelegenheid"),
            ),
            (
                "SBZK akkoord 8/6",
                "SBZK",
                Some("Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties"),
            ),
            ("DGSZ akkoord 8/6", "DGSZ", None),
            ("DG WB akkoord 8/6", "DG WB", Some("Directeur-generaal")),
            (
                "MWP: akkoord 8/6",
                "MWP",
                Some("Minister van Werk en Participatie"),
            ),
            ("Akkoord SG 8/6", "SG", Some("Secretaris-generaal")),
            (
                "Approved by SG 8 June 2026",
                "SG",
                Some("Secretaris-generaal"),
            ),
            (
                "Akkoord 8/6 MWP",
                "MWP",
                Some("Minister van Werk en Participatie"),
            ),
        ] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor.as_deref(), Some(actor), "{text}");
            assert_eq!(found.actor_title.as_deref(), title, "{text}");
        }
    }

    #[test]
    fn initials_after_a_date_may_spell_a_party() {
        // A paraph "AP" after the date is initials; after an undated
        // verdict the same letters would be a party and refuse the text.
        let found = stamp("MWP akkoord 8/6 AP").unwrap_or_else(|| panic!("initials"));
        assert_eq!(found.actor.as_deref(), Some("MWP"));
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
    }

    #[test]
    fn amount_after_a_date_is_not_a_time() {
        let found = comment("Akkoord 8/6, 1.500 fte erbij").unwrap_or_else(|| panic!("amount"));
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
        assert_eq!(found.remark.as_deref(), Some("1.500 fte erbij"));
    }

    #[test]
    fn signature_after_the_verdict() {
        for (text, actor, date) in [
            ("Akkoord. SG 5/3", "SG", Some("5/3")),
            ("akkoord (MWP, 8/6)", "MWP", Some("8/6")),
            ("Gezien. DG", "DG", None),
            ("Niet akkoord - Stas 3-2-2026 El", "Stas", Some("3-2-2026")),
            ("Min. akkoord 3-2", "Min.", Some("3-2")),
            // A weak verdict takes an actor and date, signed or not.
            ("OK. SG 5/3", "SG", Some("5/3")),
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor.as_deref(), Some(actor), "{text}");
            assert_eq!(found.date_text.as_deref(), date, "{text}");
            assert_eq!(found.remark, None, "{text}");
        }
        // A remark that goes on after the actor stays a remark, and an
        // unknown abbreviation there is not an actor.
        for (text, remark) in [
            (
                "Akkoord. SG wil graag een update",
                "SG wil graag een update",
            ),
            ("Akkoord. AB 5/3", "AB 5/3"),
            ("Akkoord (zie mail SG)", "(zie mail SG)"),
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor, None, "{text}");
            assert_eq!(found.remark.as_deref(), Some(remark), "{text}");
        }
        // A date in the text and another in the signature: the remark is
        // kept as written.
        let found = comment("Akkoord 8/6, SG 9/6").unwrap_or_else(|| panic!("two dates"));
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
    }

    #[test]
    fn date_forms() {
        for (text, date) in [
            ("MWP akkoord 8/6", "8/6"),
            ("MWP akkoord 8-6", "8-6"),
            ("MWP akkoord 8-6-26", "8-6-26"),
            ("MWP akkoord 8-6-2026", "8-6-2026"),
            ("MWP akkoord 8.6.2026", "8.6.2026"),
            ("MWP akkoord 8 juni", "8 juni"),
            ("MWP akkoord 8 jun 2026", "8 jun 2026"),
            ("MWP akkoord 8 juni 2026", "8 juni 2026"),
            ("MWP akkoord 2026-06-08", "2026-06-08"),
            ("MWP akkoord, 8/6", "8/6"),
            ("MWP akkoord d.d. 8-6-2026", "8-6-2026"),
            ("MWP akkoord op 8 juni", "8 juni"),
            ("MWP akkoord - 8/6", "8/6"),
            ("MWP: akkoord (8/6)", "8/6"),
            ("Akkoord – MWP – 8 juni 2026", "8 juni 2026"),
            ("SG approved June 8, 2026", "June 8, 2026"),
        ] {
            assert_eq!(read(text).2.as_deref(), Some(date), "{text}");
        }
    }

    #[test]
    fn remark_after_comma() {
        let found = comment("MWP akkoord, met de kanttekening dat de brief korter moet").unwrap();
        assert_eq!(found.verdict, Verdict::Approved);
        assert_eq!(
            found.remark.as_deref(),
            Some("met de kanttekening dat de brief korter moet")
        );
    }

    #[test]
    fn remark_after_mits() {
        let found = comment("Akkoord mits de planning haalbaar is").unwrap();
        assert_eq!(found.verdict, Verdict::Approved);
        assert_eq!(
            found.remark.as_deref(),
            Some("mits de planning haalbaar is")
        );
        let found = comment("MWP akkoord 8/6, mits de planning haalbaar is").unwrap();
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
        assert_eq!(
            found.remark.as_deref(),
            Some("mits de planning haalbaar is")
        );
    }

    #[test]
    fn remark_after_lead_in_without_verb() {
        let found = comment("Akkoord met de voorgestelde inhoud").unwrap();
        assert_eq!(found.remark.as_deref(), Some("met de voorgestelde inhoud"));
        let found = comment("Besproken in de beleidsstaf van 24 maart").unwrap();
        assert_eq!(found.verdict, Verdict::Discussed);
        // A verb after the first clause is the remark's own sentence.
        let found = comment("Akkoord met de brief. Die kan zo uit.").unwrap();
        assert_eq!(
            found.remark.as_deref(),
            Some("met de brief. Die kan zo uit.")
        );
    }

    #[test]
    fn remark_on_next_line() {
        let found = comment("MWP akkoord 8/6\nGraag de brief nog inkorten").unwrap();
        assert_eq!(found.remark.as_deref(), Some("Graag de brief nog inkorten"));
    }

    #[test]
    fn no_remark_in_stamp_mode() {
        assert!(stamp("MWP akkoord, met de kanttekening").is_none());
        assert!(stamp("MWP akkoord mits de planning haalbaar is").is_none());
    }

    #[test]
    fn option_statement() {
        // Seed 000, summary entry on page 4.
        let found = comment(
            "Optie 2; Een belangrijk onderwerp maar twijfels over wettelijk vastleggen van een gedragscode",
        )
        .unwrap();
        assert_eq!(found.verdict, Verdict::Option);
        assert_eq!(found.verdict_text, "Optie 2");
        assert_eq!(found.option, Some(2));
        assert_eq!(
            found.remark.as_deref(),
            Some(
                "Een belangrijk onderwerp maar twijfels over wettelijk vastleggen van een gedragscode"
            )
        );
        assert_eq!(found.actor, None);
    }

    #[test]
    fn option_forms() {
        for (text, number) in [
            ("Optie 2", 2),
            ("optie 3.", 3),
            ("Keuze: optie 1", 1),
            ("Voorkeur voor optie 2, graag uitwerken", 2),
            ("MWP: optie 2: graag uitwerken", 2),
            ("Option 2", 2),
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.verdict, Verdict::Option, "{text}");
            assert_eq!(found.option, Some(number), "{text}");
        }
        let found = comment("MWP akkoord met optie 2").unwrap();
        assert_eq!(found.verdict, Verdict::Approved);
        assert_eq!(found.option, Some(2));
        assert_eq!(found.remark, None);
    }

    #[test]
    fn no_options_in_stamp_mode() {
        assert!(stamp("Optie 2").is_none());
        assert!(stamp("MWP optie 2 8/6").is_none());
    }

    #[test]
    fn body_sentences_are_not_decisions() {
        for text in [
            "Indien u akkoord bent met de tekenversie van de brief kunt u deze ondertekenen.",
            "Gaat u akkoord met de voorgestelde inhoud van de Voortgangsbrief G&VW?",
            "MWP heeft beide nota's + bijlagen gelezen, hij vraagt om dit te bespreken.",
            "Nadat akkoord is gegeven kunt u de brief ondertekenen.",
            "e Nadat akkoord is gegeven kunt u de brief ondertekenen.",
            "In juni wordt duidelijk of deze zorgplicht akkoord is.",
            "- In juni wordt duidelijk of deze zorgplicht akkoord is.",
            "Akkoord is gegeven door de SG.",
            "Akkoord?",
            "Gezien de drukte stellen we voor",
            "We bespreken deze nota graag met u in de beleidsstaf van 24 maart a.s.",
            // Seed 000, a sentence continued from the previous page.
            "bespreken, kun je het doorbreken' en 'Man, zeg er wat van!') kosten circa € 1,5 miljoen per campagne.",
            "besproken, is het voorstel aangepast.",
            // Highlighted body text copied into a highlight's contents.
            "Akkoord op hoofdlijnen is bereikt met de sociale partners.",
            "Akkoord met het voorstel wordt gegeven door de SG.",
            "Gelezen in samenhang met artikel 3 is de regeling van toepassing.",
            "Discussed in the meeting are the following points",
            "Approved by the board in 2020, the plan was delayed.",
        ] {
            assert!(comment(text).is_none(), "comment {text:?}");
            assert!(stamp(text).is_none(), "stamp {text:?}");
        }
    }

    #[test]
    fn nota_headers_are_not_decisions() {
        for text in [
            "TER BESLISSING",
            "TER BESPREKING",
            "TE BESPREKEN",
            "BRIEF ONDERTEKENEN",
            "Akkoord",
        ] {
            assert!(stamp(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn mail_lines_are_not_decisions() {
        for text in [
            "Onderwerp: MWP bespreker [redacted] (EU-richtlijn bestrijding geweld tegen vrouwen) en [redacted] (gedragscode)",
            "Bijlagen: MWP bespreken - [redacted] - 20260416 Nota vervolg gedragscode.pdf; MWP bespreken - [redacted] - EU-richtlijn bestrijding van geweld tegen vrouwen - akkoord gevraagd voor agendering ambtelijk voorportaal.pdf",
            "MWP bespreken - [redacted] - 20260416 Nota vervolg gedragscode.pdf",
            "MWP akkoord.pdf",
        ] {
            assert!(comment(text).is_none(), "comment {text:?}");
            assert!(stamp(text).is_none(), "stamp {text:?}");
        }
    }

    #[test]
    fn staff_lines_are_not_decisions() {
        for text in [
            "Beleidsstaf MWP, 20/4: Voortgangsbrief Gezond en Veilig Werken.",
            "Voorleggen aan MWP\tIn de week van 25 mei",
            "Voorleggen aan MWP In de week van 25 mei",
        ] {
            assert!(comment(text).is_none(), "comment {text:?}");
            assert!(stamp(text).is_none(), "stamp {text:?}");
        }
    }

    #[test]
    fn option_sentences_and_headings_are_not_decisions() {
        for text in [
            "Optie 1 is ongericht (alle huishoudens met minderjarige kinderen) en duur (minimaal 300.000-500.000).",
            "- Optie 1 is ongericht (alle huishoudens met minderjarige kinderen) en duur.",
            "Optie 2 heeft de voorkeur.",
            "Optie 1: Het wetsvoorstel agenderen voor de RSD",
            "Optie 2: Het wetsvoorstel terugtrekken",
        ] {
            assert!(comment(text).is_none(), "comment {text:?}");
            assert!(stamp(text).is_none(), "stamp {text:?}");
        }
    }

    #[test]
    fn summary_comments_are_not_decisions() {
        // Seed 000's other summary entries.
        for text in [
            "Graag passage over zzp aanpassen zodat die termen niet door elkaar worden gebruikt.",
            "Misschien wel goed dat we even een deepdive doen om gezamenlijke visie te ontwikkelen.",
            "Toezegging Patijn debat Rechtsvermoeden",
            "Volgens mij was dat niet de afdrank van ons eerdere gesprek.",
            "Zit hier mijn gesprek met Hamer ook al in? De afspraak dat we verder gaan met die sectorale aanpak.",
        ] {
            assert!(comment(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn stamp_needs_actor_or_date() {
        assert!(stamp("akkoord").is_none());
        assert!(stamp("akkoord 8/6").is_some());
        assert!(stamp("MWP akkoord").is_some());
        assert!(comment("akkoord").is_some());
    }

    #[test]
    fn stamp_refuses_sentence_after_verdict() {
        assert!(stamp("MWP akkoord 8/6 is gegeven").is_none());
        assert!(stamp("MWP akkoord de brief").is_none());
        assert!(comment("MWP akkoord de brief").is_none());
    }

    #[test]
    fn stamp_line_length() {
        let long = format!("MWP akkoord 8/6 {}", "A ".repeat(40));
        assert!(stamp(&long).is_none());
    }

    #[test]
    fn icons_before_a_comment() {
        assert_eq!(verdict("☰ MWP bespreken 7-5-2026"), Verdict::ToDiscuss);
        assert!(stamp("• MWP bespreken 7-5-2026").is_none());
    }

    #[test]
    fn hostile_text() {
        assert!(comment("").is_none());
        assert!(comment("\u{0}\u{feff}").is_none());
        assert!(stamp("akkoord 99/99").is_none());
        let long = "akkoord ".repeat(10_000);
        assert!(comment(&long).is_none());
        assert!(comment("optie 999999999999").is_none());
        assert!(comment("MWP ✓").is_none());
    }

    #[test]
    fn phrase_matching() {
        assert_eq!(match_phrase("N. Akk. 8/6", "n.akk."), Some(7));
        assert_eq!(match_phrase("akkoorden", "akkoord"), None);
        assert_eq!(match_phrase("niet   akkoord", "niet akkoord"), Some(14));
        assert_eq!(match_phrase("d’accord", "d'accord"), Some("d’accord".len()));
        assert_eq!(match_phrase("akk", "akk."), None);
    }

    #[test]
    fn weak_verdict_stands_alone() {
        for text in ["ok", "Ok!", "OK.", "oké", "Prima", "prima."] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.verdict, Verdict::Approved, "{text}");
            assert_eq!(found.remark, None, "{text}");
        }
        let found = comment("OK MWP 8/6").unwrap();
        assert_eq!(found.actor.as_deref(), Some("MWP"));
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
        let found = comment("ok 8/6 AA").unwrap();
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
        assert!(stamp("MWP ok 12/3").is_some());
    }

    #[test]
    fn weak_verdict_takes_no_remark() {
        for text in [
            "OK, de planning is krap.",
            "Ok. Graag de brief inkorten",
            "ok\nGraag de brief inkorten",
            "Prima, maar de planning is krap",
            "Niet ok, de cijfers kloppen niet",
            "Vu, merci",
            "Read, thanks",
        ] {
            assert!(comment(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn weak_verdict_stamp_needs_an_actor() {
        // A checklist row in page text, not a stamp.
        assert!(stamp("OK 12/3").is_none());
        assert!(stamp("Prima 12-3-2026").is_none());
        assert!(stamp("akkoord 12/3").is_some());
    }

    #[test]
    fn interjection_before_the_verdict() {
        for (text, verdict, verdict_text) in [
            ("Prima, akkoord", Verdict::Approved, "akkoord"),
            ("Ja, akkoord", Verdict::Approved, "akkoord"),
            ("Ja akkoord", Verdict::Approved, "akkoord"),
            ("OK, akkoord", Verdict::Approved, "akkoord"),
            ("Nee, niet akkoord", Verdict::Rejected, "niet akkoord"),
            ("Ja, graag bespreken", Verdict::ToDiscuss, "graag bespreken"),
            ("Yes, agreed", Verdict::Approved, "agreed"),
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.verdict, verdict, "{text}");
            assert_eq!(found.verdict_text, verdict_text, "{text}");
            assert_eq!(found.remark, None, "{text}");
        }
        let found = comment("OK, akkoord met de brief").unwrap();
        assert_eq!(found.remark.as_deref(), Some("met de brief"));
        let found = comment("Ja, akkoord 8/6").unwrap();
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
        for text in [
            "Ja",
            "Ja, akkoord is gegeven",
            "Ja, gezien de drukte stellen we voor",
            "Prima, de brief kan zo",
            "Goed gezien!",
        ] {
            assert!(comment(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn parties_and_organisations_are_not_actors() {
        for text in [
            "CDA akkoord",
            "CDA akkoord 8/6",
            "VVD niet akkoord 8-6-2026",
            "FNV akkoord 8/6",
            "VNO-NCW akkoord 8/6",
            "PvdA gezien 8/6",
            "Akkoord CDA",
        ] {
            assert!(comment(text).is_none(), "comment {text:?}");
            assert!(stamp(text).is_none(), "stamp {text:?}");
        }
    }

    #[test]
    fn unknown_abbreviation_needs_a_date() {
        // "EZK akkoord" records a ministry's agreement in a consultation
        // table; an unknown abbreviation is an actor only with a date.
        for text in ["EZK akkoord", "DGSZ akkoord", "DGSZ: akkoord"] {
            assert!(comment(text).is_none(), "comment {text:?}");
            assert!(stamp(text).is_none(), "stamp {text:?}");
        }
        let found = stamp("DGSZ akkoord 8/6").unwrap();
        assert_eq!(found.actor.as_deref(), Some("DGSZ"));
        let found = comment("DGSZ akkoord 8/6").unwrap();
        assert_eq!(found.actor.as_deref(), Some("DGSZ"));
        // After the verdict and without a date it is read as initials.
        let found = comment("Akkoord DGSZ").unwrap();
        assert_eq!(found.actor, None);
        assert_eq!(found.remark, None);
        let found = comment("Approved by DGSZ 8 June 2026").unwrap();
        assert_eq!(found.actor.as_deref(), Some("DGSZ"));
        assert!(comment("Approved by DGSZ").is_none());
    }

    #[test]
    fn option_after_verdict_with_remark() {
        let found = comment("Akkoord met optie 2 van de nota").unwrap();
        assert_eq!(found.verdict, Verdict::Approved);
        assert_eq!(found.option, Some(2));
        assert_eq!(found.remark.as_deref(), Some("van de nota"));
        let found = comment("MWP akkoord met optie 2, graag snel uitwerken").unwrap();
        assert_eq!(found.option, Some(2));
        assert_eq!(found.remark.as_deref(), Some("graag snel uitwerken"));
        // The verdict phrase is the subject of a sentence.
        assert!(comment("Akkoord met optie 2 is verstandig").is_none());
        assert!(comment("Akkoord met optie 2 van de nota?").is_none());
    }

    #[test]
    fn lettered_options() {
        // A letter counts from A = 1.
        for (text, number, verdict_text) in [
            ("Optie B", 2, "Optie B"),
            ("optie b", 2, "optie b"),
            ("Keuze: optie A", 1, "optie A"),
            ("Variant C; goedkoper", 3, "Variant C"),
            ("Option A", 1, "Option A"),
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.verdict, Verdict::Option, "{text}");
            assert_eq!(found.option, Some(number), "{text}");
            assert_eq!(found.verdict_text, verdict_text, "{text}");
        }
        let found = comment("Akkoord met optie C").unwrap();
        assert_eq!(found.verdict, Verdict::Approved);
        assert_eq!(found.option, Some(3));
        for text in [
            "Optie B is duurder",
            "Optie B: de wet intrekken",
            "Optie B heeft de voorkeur.",
            "optie ab",
            "optie 2b",
            "Option a new approach",
        ] {
            assert!(comment(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn role_with_portfolio() {
        for (text, actor, title) in [
            (
                "Staatssecretaris Participatie en Integratie akkoord 3-2-2026",
                "Staatssecretaris Participatie en Integratie",
                "Staatssecretaris van Participatie en Integratie",
            ),
            (
                "Minister van Sociale Zaken en Werkgelegenheid akkoord 8/6",
                "Minister van Sociale Zaken en Werkgelegenheid",
                "Minister van Sociale Zaken en Werkgelegenheid",
            ),
            (
                "Minister voor Klimaat en Energie gezien 8/6",
                "Minister voor Klimaat en Energie",
                "Minister voor Klimaat en Energie",
            ),
            (
                "Stas Fiscaliteit & Belastingdienst akkoord 8/6",
                "Stas Fiscaliteit & Belastingdienst",
                "Staatssecretaris van Fiscaliteit & Belastingdienst",
            ),
            (
                "Minister Financiën akkoord 8/6",
                "Minister Financiën",
                "Minister van Financiën",
            ),
            ("Minister Jansen akkoord 8/6", "Minister Jansen", "Minister"),
            ("DG Werk akkoord 8/6", "DG Werk", "Directeur-generaal"),
        ] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor.as_deref(), Some(actor), "{text}");
            assert_eq!(found.actor_title.as_deref(), Some(title), "{text}");
        }
        let found = comment("Minister van Financiën: akkoord").unwrap();
        assert_eq!(found.actor_title.as_deref(), Some("Minister van Financiën"));
        for text in [
            "Minister van Werk en Participatie",
            "Aan Minister van Werk en Participatie",
            "Minister van Werk en Participatie heeft akkoord gegeven",
            "Staatssecretaris Participatie en de Kamer akkoord",
        ] {
            assert!(comment(text).is_none(), "comment {text:?}");
            assert!(stamp(text).is_none(), "stamp {text:?}");
        }
    }

    #[test]
    fn one_letter_roles() {
        // Paraaf blocks: "M" the minister, "S" the state secretary.
        let found = stamp("M akkoord 4/5").unwrap();
        assert_eq!(found.actor.as_deref(), Some("M"));
        assert_eq!(found.actor_title.as_deref(), Some("Minister"));
        assert_eq!(found.date_text.as_deref(), Some("4/5"));
        let found = comment("M akkoord 4/5").unwrap();
        assert_eq!(found.actor.as_deref(), Some("M"));
        let found = stamp("S akkoord").unwrap();
        assert_eq!(found.actor.as_deref(), Some("S"));
        assert_eq!(found.actor_title.as_deref(), Some("Staatssecretaris"));
        // Without a date a comment's single letter is too weak a sign.
        assert!(comment("S akkoord").is_none());
        assert!(comment("M gezien").is_none());
        // After the verdict a letter is initials.
        let found = stamp("akkoord 8/6 M").unwrap();
        assert_eq!(found.actor, None);
        let found = comment("Akkoord – S").unwrap();
        assert_eq!(found.actor, None);
    }

    #[test]
    fn meeting_date_in_the_remark() {
        for (text, verdict, date) in [
            ("Besproken in de staf van 24/3", Verdict::Discussed, "24/3"),
            (
                "Akkoord in de beleidsstaf op 24 maart",
                Verdict::Approved,
                "24 maart",
            ),
            (
                "Discussed in the meeting of 3 June",
                Verdict::Discussed,
                "3 June",
            ),
            (
                "MWP besproken, beleidsstaf d.d. 24-3-2026",
                Verdict::Discussed,
                "24-3-2026",
            ),
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.verdict, verdict, "{text}");
            assert_eq!(found.date_text.as_deref(), Some(date), "{text}");
            assert!(found.remark.is_some(), "{text}");
        }
        let found = comment("Besproken in de staf van 24/3").unwrap();
        assert_eq!(found.remark.as_deref(), Some("in de staf van 24/3"));
        // Not the decision's date: a letter's date, a planned meeting, a
        // deadline.
        for text in [
            "Akkoord met de brief van 3 juni",
            "Bespreken in de staf van 24/3",
            "Akkoord, graag versturen op 3 juni",
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.date, None, "{text}");
        }
    }

    #[test]
    fn english_german_and_french() {
        for (text, verdict, actor, date) in [
            (
                "Approved 8 June 2026",
                Verdict::Approved,
                None,
                Some("8 June 2026"),
            ),
            ("Agreed – SG", Verdict::Approved, Some("SG"), None),
            ("Not agreed", Verdict::Rejected, None, None),
            ("Noted", Verdict::Noted, None, None),
            ("Discussed 3/4", Verdict::Discussed, None, Some("3/4")),
            ("Einverstanden", Verdict::Approved, None, None),
            ("Genehmigt", Verdict::Approved, None, None),
            ("Nicht genehmigt", Verdict::Rejected, None, None),
            ("Zur Kenntnis genommen", Verdict::Noted, None, None),
            ("Besprochen am 3.4.", Verdict::Discussed, None, Some("3.4")),
            ("D'accord", Verdict::Approved, None, None),
            ("Vu", Verdict::Noted, None, None),
            ("Lu et approuvé", Verdict::Approved, None, None),
            ("Vu le 1er juin", Verdict::Noted, None, Some("1er juin")),
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.verdict, verdict, "{text}");
            assert_eq!(found.actor.as_deref(), actor, "{text}");
            assert_eq!(found.date_text.as_deref(), date, "{text}");
        }
        let found = comment("Seen, thanks").unwrap();
        assert_eq!(found.verdict, Verdict::Noted);
        assert_eq!(found.remark.as_deref(), Some("thanks"));
        for text in [
            "Vu le décret du 3 juin 2026",
            "Read the attached note first",
            "Agreed upon by both parties in 2020",
        ] {
            assert!(comment(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn more_date_forms() {
        for (text, date_text, (day, month, year)) in [
            ("MWP akkoord 12-03-26", "12-03-26", (12, 3, Some(2026))),
            ("MWP akkoord 2026-06-08", "2026-06-08", (8, 6, Some(2026))),
            ("MWP akkoord 8.6.26", "8.6.26", (8, 6, Some(2026))),
            ("MWP akkoord ma 8/6", "ma 8/6", (8, 6, None)),
            ("MWP akkoord 8/6 14:30", "8/6 14:30", (8, 6, None)),
            (
                "SG gezien vr 12 juni 2026",
                "vr 12 juni 2026",
                (12, 6, Some(2026)),
            ),
        ] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.date_text.as_deref(), Some(date_text), "{text}");
            let date = found.date.unwrap();
            assert_eq!(
                (date.day, date.month, date.year),
                (day, month, year),
                "{text}"
            );
        }
    }

    #[test]
    fn stamp_actor_after_the_verdict_needs_a_date() {
        // Labels of a nota's approval block, waiting to be filled in.
        for text in [
            "Akkoord SG",
            "Gezien DG",
            "Akkoord bewindspersoon",
            "OK MWP",
        ] {
            assert!(stamp(text).is_none(), "{text:?}");
            assert!(comment(text).is_some(), "{text:?}");
        }
        assert!(stamp("Akkoord SG 8/6").is_some());
        assert!(stamp("Akkoord 8/6 SG").is_some());
    }

    #[test]
    fn ministries_are_not_actors() {
        // A ministry's agreement in a consultation table, not a decision.
        for text in [
            "EZK akkoord 12/3",
            "BZK akkoord 12/3",
            "FIN akkoord 12/3",
            "OCW gezien 12-3",
            "JenV akkoord 12-3-2026",
            "Akkoord EZK 12/3",
            "Akkoord EZK",
        ] {
            assert!(comment(text).is_none(), "comment {text:?}");
            assert!(stamp(text).is_none(), "stamp {text:?}");
        }
        // A role with its ministry is an actor.
        for (text, title) in [
            (
                "MinEZK akkoord",
                "Minister van Economische Zaken en Klimaat",
            ),
            (
                "Minister JenV akkoord",
                "Minister van Justitie en Veiligheid",
            ),
            (
                "Minister van JenV akkoord",
                "Minister van Justitie en Veiligheid",
            ),
        ] {
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor_title.as_deref(), Some(title), "{text}");
        }
    }

    #[test]
    fn unticked_box_is_not_a_decision() {
        assert!(comment("☐ Akkoord").is_none());
        assert!(comment("□ Niet akkoord").is_none());
        assert_eq!(verdict("☒ Akkoord"), Verdict::Approved);
        assert_eq!(verdict("☑ Akkoord"), Verdict::Approved);
    }

    #[test]
    fn name_after_a_role() {
        // "Van Dijk" is a name, not "van" and a portfolio.
        let found = stamp("Staatssecretaris Van Dijk akkoord 8/6").unwrap();
        assert_eq!(found.actor.as_deref(), Some("Staatssecretaris Van Dijk"));
        assert_eq!(found.actor_title.as_deref(), Some("Staatssecretaris"));
    }

    #[test]
    fn conversational_agreement_takes_no_remark() {
        // Replies in a review thread agree with a comment, not a nota.
        for text in [
            "Agree with Peter",
            "Disagree, this is wrong",
            "Accepted, will fix",
        ] {
            assert!(comment(text).is_none(), "{text:?}");
        }
        assert_eq!(verdict("Agree"), Verdict::Approved);
        assert_eq!(verdict("Disagree"), Verdict::Rejected);
    }

    #[test]
    fn seen_and_approved() {
        for text in [
            "Gezien en akkoord",
            "gelezen en akkoord 8/6",
            "Gelezen en goedgekeurd",
        ] {
            assert_eq!(verdict(text), Verdict::Approved, "{text}");
        }
        let found = comment("Gezien en akkoord").unwrap();
        assert_eq!(found.verdict_text, "Gezien en akkoord");
    }

    #[test]
    fn more_portfolio_codes() {
        for (text, title) in [
            (
                "Minister van WenP akkoord 8/6",
                "Minister van Werk en Participatie",
            ),
            (
                "Minister van VWS akkoord 8/6",
                "Minister van Volksgezondheid, Welzijn en Sport",
            ),
            (
                "MBHO akkoord 8/6",
                "Minister van Buitenlandse Handel en Ontwikkelingshulp",
            ),
        ] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor_title.as_deref(), Some(title), "{text}");
        }
    }

    #[test]
    fn german_and_french_weekdays() {
        for (text, date_text) in [
            ("SG gesehen Mo 8.6.2026", "Mo 8.6.2026"),
            ("SG vu lundi 8 juin 2026", "lundi 8 juin 2026"),
        ] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.date_text.as_deref(), Some(date_text), "{text}");
        }
    }

    #[test]
    fn stamp_label_and_date_is_not_a_stamp() {
        // A document's control table: "Approved: <date>".
        for text in ["Approved: 12/03/2021", "Besproken: 24-3-2026"] {
            assert!(stamp(text).is_none(), "{text:?}");
            assert!(comment(text).is_some(), "{text:?}");
        }
        assert!(stamp("MWP besproken: 24-3-2026").is_some());
        assert!(stamp("Besproken 24-3-2026").is_some());
    }

    #[test]
    fn placeholder_pattern_compiles() {
        assert!(PLACEHOLDER.is_some());
        assert_eq!(placeholder_at("[redacted] akkoord"), Some(10));
        assert_eq!(placeholder_at("5.1.2e"), Some(6));
        assert_eq!(placeholder_at("5.1.2ex"), None);
        assert_eq!(placeholder_at("5.1"), None);
    }

    #[test]
    fn redaction_placeholders() {
        // Woo bundles replace names and initials by a placeholder or by the
        // code of the ground for withholding them.
        for text in [
            "Staatssecretaris akkoord 11-9-2025 [redacted]",
            "MWP akkoord 8/6 5.1.2e",
            "MWP akkoord 8/6 5.1.2.e",
            "MWP akkoord 8/6 [naam verwijderd]",
        ] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert!(found.actor.is_some(), "{text}");
            assert!(found.date.is_some(), "{text}");
        }
        let found = comment("MWP akkoord [redacted]").unwrap();
        assert_eq!(found.remark, None);
        // A redacted actor: a decision by someone, when dated.
        for text in ["[redacted] akkoord 8/6", "[5.1.2e] niet akkoord 8-6-2026"] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor, None, "{text}");
            let found = comment(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor, None, "{text}");
        }
        for text in [
            "[redacted] akkoord",
            "[redacted] heeft akkoord gegeven",
            "MWP akkoord [redacted] en [redacted]",
            "[redacted]",
        ] {
            assert!(stamp(text).is_none(), "stamp {text:?}");
            assert!(comment(text).is_none(), "comment {text:?}");
        }
    }

    #[test]
    fn german_option_link() {
        let found = comment("Einverstanden mit Option 2").unwrap();
        assert_eq!(found.verdict, Verdict::Approved);
        assert_eq!(found.option, Some(2));
    }

    #[test]
    fn times_and_lines() {
        for (text, date_text) in [
            ("MWP akkoord 8/6 14.30 uur", "8/6 14.30 uur"),
            ("MWP akkoord 8-6-2026, 9.15u", "8-6-2026, 9.15u"),
            ("MWP akkoord dd 8-6-2026", "8-6-2026"),
        ] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.date_text.as_deref(), Some(date_text), "{text}");
        }
        let found = comment("MWP akkoord\n8/6").unwrap();
        assert_eq!(found.date_text.as_deref(), Some("8/6"));
        let found = comment("MWP\nakkoord 8/6").unwrap();
        assert_eq!(found.actor.as_deref(), Some("MWP"));
        // A decimal number after a date is not a time.
        assert!(stamp("MWP akkoord 8/6 1.5").is_none());
    }

    #[test]
    fn spelled_out_and_foreign_titles() {
        for (text, actor, title) in [
            (
                "Directeur-generaal akkoord 8/6",
                "Directeur-generaal",
                "Directeur-generaal",
            ),
            (
                "Secretaris-generaal gezien 8/6",
                "Secretaris-generaal",
                "Secretaris-generaal",
            ),
            ("TG akkoord 8/6", "TG", "Thesaurier-generaal"),
            (
                "Deputy Minister approved 8 June 2026",
                "Deputy Minister",
                "Deputy Minister",
            ),
            (
                "Staatssekretär genehmigt 8.6.2026",
                "Staatssekretär",
                "Staatssekretär",
            ),
            ("Ministre vu le 8 juin 2026", "Ministre", "Ministre"),
        ] {
            let found = stamp(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found.actor.as_deref(), Some(actor), "{text}");
            assert_eq!(found.actor_title.as_deref(), Some(title), "{text}");
        }
    }
}

//! One short text → a decision (one per point, when the text answers a
//! nota's points one by one), or nothing.
//!
//! The shape is `[actor] verdict [date] [initials or a marker number]`:
//! "MWP akkoord 8/6", "MWP niet akkoord 30-3-2026 1" (Acrobat's marker number
//! left behind when the comment was flattened), "Staatssecretaris akkoord
//! 11-9-2025 El" (OCR'd initials), "Akkoord SG", "Approved by SG 8 June 2026";
//! in a comment, with a remark and a signature ("Niet akkoord, graag
//! herschrijven. SG 4-2-2026").
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
//!   en Energie", "Minister Jansen"); see [`actor::portfolio_at`] for its title.
//!   The actor may also follow the verdict ("Akkoord SG", "Approved by SG";
//!   after a separator, "Akkoord – MWP", only a vocabulary actor) or the
//!   date ("akkoord 8/6 MWP", again only a vocabulary actor: an unknown
//!   abbreviation there is initials), or sign the text at its end (see
//!   [`signature`]: "Akkoord. SG 5/3", "akkoord (MWP, 8/6)", "Akkoord, mits
//!   … M 10/6", "AKKOORD\nMinister van SZW\n08-06-2026 09:11"); an actor
//!   link may come first ("Namens MWP: akkoord", "akkoord door SG"), or a
//!   form's label, then with a date ("Paraaf SG: akkoord 5/6"). A
//!   signature's actor and date are the decision's unless the text before
//!   it names another; the text before it is read as a whole text is. In a
//!   comment without an actor, a vocabulary actor named elsewhere (see
//!   [`mention`]: "Akkoord. SG wil graag een update") is the decision's. In
//!   stamp mode an actor after the verdict needs a date: "Akkoord SG" on a
//!   page is the label of a nota's approval block.
//! - Weak actor signs need a date: an unknown abbreviation ("DGSZ
//!   akkoord") and, in comment mode, a one-letter role of a paraaf block
//!   ("M akkoord 4/5"; in stamp mode "S akkoord" stands). Without a date
//!   the text is read again without them: before the verdict the text then
//!   starts with something else and is refused; after it, they are
//!   initials. After the verdict a one-letter role is read only with a date
//!   ("akk. M 12/3"), never after the date ("akkoord 8/6 M": initials), and
//!   a letter in running text never ("Akkoord met categorie M").
//! - The **verdict** is the longest vocabulary phrase at that place, after
//!   an optional interjection ("Ja, akkoord", "Prima, akkoord"; only when a
//!   verdict follows it) or, in a comment, short sentences (see
//!   [`preamble`]: "Eens. Akkoord.", "Helder. Akkoord met optie 2."). A **weak** verdict (`weak_verdicts`: "ok",
//!   "prima", "vu", …, words that also open ordinary talk) may stand alone
//!   or with an actor, date or initials but takes no remark, so "OK, de
//!   planning is krap." is no decision; in stamp mode it needs an actor
//!   ("OK 12/3" is a checklist row). After an actor, a bare answer of
//!   `point_answers` ("DG: ja, 8-6", "Minister nee 8/6") is a weak verdict
//!   that needs a date. "akkoord met optie 2" also records
//!   option 2, and the option leads in a remark as a lead-in word does
//!   ("… optie 2 van de nota").
//! - The **date** is one of the forms of [`date_text`](super::date_text),
//!   after white space, `,`, `:` or a dash, a date lead-in ("d.d.", "op",
//!   "am", …), or in brackets. Without one, a remark's meeting gives it:
//!   a `meeting_words` word among the remark's first words followed by its
//!   date ("Besproken in de staf van 24/3" → 24/3), for every verdict but
//!   `to_discuss` (whose meeting is still to come) and `option`.
//!   A date may also come first, before the whole decision ("8/6 akkoord
//!   MWP", "30-3-2026: MWP niet akkoord"); see [`dated_first`].
//! - A redaction placeholder ("[redacted]", or a Woo ground's code such as
//!   "5.1.2e") in the actor's place is a withheld actor: the decision is
//!   read, with no actor, when it has a date.
//! - Anything after that is at most two initials, numbers or redaction
//!   placeholders, or a **remark**: text after a separator (`,` `;` `:` `.` `-` `(` or a
//!   line break) or after a lead-in word ("mits", "met", "maar", …). Not a remark: a question ending in `?`
//!   without a separator; a comma followed by a finite verb ("bespreken, kun
//!   je …"), which shows the verdict word ended a clause; and, after a
//!   lead-in other than a condition ("mits", "tenzij", …), a first clause
//!   with a finite verb before any subordinating word ("Akkoord op
//!   hoofdlijnen is bereikt"; but "met de kanttekening dat de planning krap
//!   is" is a remark), which makes the verdict word the subject of a
//!   sentence; a verdict whose own sentence is a question ("Akkoord,
//!   toch?"); and a form's open choice ("Akkoord: ja / nee"). A remark that
//!   states a condition makes the decision **conditional** (see
//!   [`condition`]). In [`Mode::Stamp`] a line with a remark or an option
//!   must name its actor and carry a date ("MBZK akkoord met optie 2 -
//!   9/6", "Minister akkoord, maar graag de brief inkorten. 8-6"): running
//!   text may open with an actor and a verdict ("MinFin akkoord met de
//!   dekking per 1 januari 2027") but seldom also ends its clause on a
//!   date.
//!
//! A text that reports a **discussion and then its outcome** ("MWP
//! besproken 8/6, akkoord", "Besproken in BS 8/6: akkoord optie 2") is
//! the decision of the outcome's clause, with the discussion's actor and
//! date where the clause has none.
//!
//! A text may also be an **option statement**: "Optie 2; reasons" (option
//! 2, the reasons as remark), "Keuze: optie 2", "MWP: optie 2", "Optie B".
//! An option is a number of one or two digits or a letter A–H, which counts
//! from A = 1 ("Optie B" → 2; later letters are more often roman numerals).
//! Without an actor or lead-in, "Optie 1: Het wetsvoorstel agenderen" is a
//! heading and "Optie 2 heeft de voorkeur" a sentence: neither is a
//! decision. In stamp mode it needs its actor and a date, as a remark does
//! ("MWP optie 2 8/6").
//!
//! **Answers per point** ("Beslispunt 1: akkoord; beslispunt 2: niet
//! akkoord. MWP 8/6", "1. akkoord 2. niet akkoord", "ad 1 akkoord") are read
//! point by point, each a decision with its point, sharing the signature;
//! see [`points`].
//!
//! Never decisions: a text that starts with anything else (so sentences such
//! as "Gaat u akkoord met …?", "Indien u akkoord bent …", "MWP heeft …
//! gelezen", e-mail headers "Onderwerp: …", "Bijlagen: …"), and any text that
//! names a file (`….pdf`), and a verdict after an empty check box ("☐
//! Akkoord", a form's option left unticked). Stamp mode also refuses lines
//! with tabs (table rows), lines over 120 characters and, over 80, lines
//! that do not end near a digit or have no actor or no date; it reads a
//! box of two to four short lines ("Akkoord. MWP\n8 juni 2026", a
//! flattened text box) only with an actor and a date; and it needs
//! an actor or a date: a bare "Akkoord" or "TE BESPREKEN" line is a heading,
//! not a stamp, and without an actor "Approved: 12/03/2021" is a label and
//! its value in a document's control table.
//!
//! One file a concept: [`cursor`] (the scanner's moves, separators, word
//! boundaries, phrase matching), [`actor`], [`verdict`] (and options),
//! [`preamble`], [`date`] (dates, meetings), [`tail`] (remarks, initials,
//! marker numbers), [`signature`], [`reading`] (one reading along the
//! text), [`draft`] (a reading joined to its signature and settled),
//! [`condition`], [`mention`], [`points`] and [`refusal`] (what is never a
//! decision). The cases the recogniser is held to are data: `cases.jsonl`
//! beside this file, read by the tests in `tests.rs`.

mod actor;
mod condition;
mod cursor;
mod date;
mod draft;
mod form;
mod mention;
mod points;
mod preamble;
mod reading;
mod refusal;
mod sign_off;
mod signature;
mod tail;
#[cfg(test)]
mod tests;
mod verdict;

use actor::Actors;
use draft::Draft;

pub(crate) use cursor::ends_word;
pub(crate) use form::is_unticked_line;
pub(crate) use refusal::is_box_line;
pub(crate) use signature::signed_by_link;

use super::Verdict;
use super::Vocabulary;
use super::date_text::{self, WrittenDate};

/// How strictly a text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Annotation contents and comment-summary entries: remarks after the
    /// verdict and option statements are allowed.
    Comment,
    /// A standalone line of page text: the whole line must be a stamp,
    /// and one that says more than who decided what and when names its
    /// actor and carries a date.
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
    /// The nota's point this answers ("Beslispunt 2: niet akkoord").
    pub(crate) point: Option<u32>,
    pub(crate) remark: Option<String>,
    /// The remark states a condition ("mits …").
    pub(crate) conditional: bool,
    pub(crate) date: Option<WrittenDate>,
    pub(crate) date_text: Option<String>,
}

impl Recognised {
    /// Whether its verdict is a weak one, a word that also opens ordinary
    /// talk ("ok", "eens", "prima").
    pub(crate) fn weak_verdict(&self, vocabulary: &Vocabulary) -> bool {
        vocabulary.is_weak_phrase(&super::vocabulary::normalise(&self.verdict_text))
    }
}

/// Reads one short text: its decisions, one per point when it answers a
/// nota's points one by one, else at most one.
pub(crate) fn recognise(text: &str, mode: Mode, vocabulary: &Vocabulary) -> Vec<Recognised> {
    // "☒ Akkoord ☐ Niet akkoord": the option ticked is what was decided.
    // The settled text has no boxes left.
    if let Some(settled) = form::settled(text) {
        return recognise(&settled, mode, vocabulary);
    }
    let found = recognise_in_order(text, mode, vocabulary);
    let found = if found.is_empty() {
        dated_first(text, mode, vocabulary)
            .filter(|found| !found.is_empty())
            .or_else(|| sign_off::sign_off(text, vocabulary).map(|found| vec![found]))
            .unwrap_or_default()
    } else {
        found
    };
    if mode == Mode::Stamp && found.iter().any(|d| refusal::long_stamp_refuses(text, d)) {
        return Vec::new();
    }
    found
}

/// A decision written after its date ("8/6 akkoord MWP", "8-6-2026: MWP
/// akkoord"): the text after the date is read with the date moved behind
/// it, where a stamp carries it; if that reading takes the date elsewhere
/// (a comment's remark), the text after the date is read alone and the
/// date given to it. Either way, the reading must not hold a date of its
/// own. A date of dots alone without a year ("1.2 akkoord") is a point's
/// number, not a date.
fn dated_first(text: &str, mode: Mode, vocabulary: &Vocabulary) -> Option<Vec<Recognised>> {
    let text = text.trim_start();
    // Nearly every line of a page is no decision and comes here: only one
    // that opens as a date can (a digit, or a month or weekday name; see
    // `date_text::parse_at`) is parsed.
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        let word = text
            .split(|c: char| c.is_whitespace() || matches!(c, '.' | ','))
            .next()?;
        if !vocabulary.is_month_or_weekday(word) {
            return None;
        }
    }
    let (date, len) = date_text::parse_at(text, vocabulary)?;
    let written = text.get(..len)?;
    if date.year.is_none() && !written.contains(['/', '-']) && written.contains('.') {
        return None;
    }
    let after = text.get(len..)?;
    let rest =
        after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '-' | '–'));
    if rest.is_empty() || rest.len() == after.len() {
        return None;
    }
    let moved = recognise_in_order(&format!("{rest} {written}"), mode, vocabulary);
    if !moved.is_empty()
        && moved
            .iter()
            .all(|found| found.date_text.as_deref() == Some(written))
    {
        return Some(moved);
    }
    let mut found = recognise_in_order(rest, mode, vocabulary);
    if found.is_empty() || found.iter().any(|found| found.date.is_some()) {
        return None;
    }
    for decision in &mut found {
        decision.date = Some(date);
        decision.date_text = Some(written.to_owned());
    }
    Some(found)
}

/// Reads a text whose decision comes first (see [`recognise`]).
fn recognise_in_order(text: &str, mode: Mode, vocabulary: &Vocabulary) -> Vec<Recognised> {
    let found = read_in_order(text, mode, vocabulary);
    if let [discussion] = found.as_slice()
        && let Some(decided) = decided_after_discussion(discussion, vocabulary)
    {
        return decided;
    }
    found
}

/// [`recognise_in_order`] without looking for the outcome of a discussion:
/// a clause after one is read by this, so that a text of many discussions
/// is not read again from each of them.
fn read_in_order(text: &str, mode: Mode, vocabulary: &Vocabulary) -> Vec<Recognised> {
    let Some(body) = refusal::body(text, mode, vocabulary) else {
        return Vec::new();
    };
    // A decision's verdict is a verdict phrase, or an answer to a point,
    // matched in the body or in a part of it; a comment's may also be an
    // option ("Optie 2", after an option word). A text in which none could
    // match is passed over at once: nearly every short line of a page is
    // one, and most comments.
    let may_hold = vocabulary.may_hold_verdict(body) || vocabulary.may_hold_option(body);
    if !may_hold {
        return Vec::new();
    }
    if let Some(points) = points::answers(body, mode, vocabulary) {
        return points;
    }
    if !reading::opens_decision(body, mode, vocabulary) {
        return Vec::new();
    }
    let Some(found) = drafts(body, mode, vocabulary)
        .into_iter()
        .find_map(|draft| draft.settle(Some(body), mode, vocabulary))
    else {
        return Vec::new();
    };
    // "akkoord met beslispunt 1 en 3, niet akkoord met 2": one per point.
    points::linked(&found, vocabulary).unwrap_or_else(|| vec![found])
}

/// The most clauses of a discussion's remark tried for its outcome.
const MAX_OUTCOME_CLAUSES: usize = 8;

/// The decision taken in a discussion that a text reports first ("MWP
/// besproken 8/6, akkoord", "Besproken in BS 8/6: akkoord optie 2"): the
/// first clause of the remark that reads as a decision of its own, other
/// than another report of a discussion, gives the verdict and what comes
/// with it; the discussion's actor and date stand unless the clause names
/// its own. A comment's short sentences before its verdict are read so
/// already (see [`preamble`]); this also reads a stamp line and a remark
/// after a meeting.
fn decided_after_discussion(
    found: &Recognised,
    vocabulary: &Vocabulary,
) -> Option<Vec<Recognised>> {
    if found.verdict != Verdict::Discussed {
        return None;
    }
    let remark = found.remark.as_deref()?;
    let clauses = std::iter::once(0).chain(
        remark
            .char_indices()
            .filter(|&(_, c)| matches!(c, ',' | ';' | ':' | '.' | '\n'))
            .map(|(i, c)| i + c.len_utf8()),
    );
    clauses.take(MAX_OUTCOME_CLAUSES).find_map(|start| {
        let clause = remark.get(start..)?.trim_start();
        let decided = read_in_order(clause, Mode::Comment, vocabulary);
        let taken = !decided.is_empty()
            && decided
                .iter()
                .all(|d| !matches!(d.verdict, Verdict::Discussed | Verdict::Noted));
        taken.then(|| {
            decided
                .into_iter()
                .map(|mut d| {
                    if d.actor.is_none() {
                        d.actor.clone_from(&found.actor);
                        d.actor_title.clone_from(&found.actor_title);
                    }
                    if d.date.is_none() {
                        d.date = found.date;
                        d.date_text.clone_from(&found.date_text);
                    }
                    d
                })
                .collect()
        })
    })
}

/// The first reading of `text` as one decision, before the refusals: see
/// [`drafts`].
fn read_draft(text: &str, mode: Mode, vocabulary: &Vocabulary) -> Option<Draft> {
    drafts(text, mode, vocabulary).into_iter().next()
}

/// The readings of `text` as one decision, in the order they are tried:
/// the text before a signature at its end, with the signature joined to
/// it; then the whole text.
///
/// An unknown abbreviation ("EZK akkoord"), initials or, in a comment, a
/// single letter ("S akkoord") is an actor only when a date comes with it;
/// otherwise the text is read again without such actors.
fn drafts(text: &str, mode: Mode, vocabulary: &Vocabulary) -> Vec<Draft> {
    let signed = signature::split(text, vocabulary);
    let attempt = |actors: Actors| -> Vec<Draft> {
        let mut found = Vec::new();
        if let Some(signed) = &signed
            && let Some(head) = reading::read(signed.head, mode, vocabulary, actors)
            && let Some(draft) = head.signed(signed.signature.clone())
        {
            found.push(draft);
        }
        found.extend(reading::read(text, mode, vocabulary, actors));
        found
    };
    let mut found = attempt(Actors::Any);
    if found
        .iter()
        .any(|draft| draft.weak_actor(mode) && draft.date.is_none())
    {
        let again = attempt(Actors::Titled);
        found = found
            .into_iter()
            .filter(|draft| !(draft.weak_actor(mode) && draft.date.is_none()))
            .chain(again)
            .collect();
    }
    found
}

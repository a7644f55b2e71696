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
//!   en Energie", "Minister Jansen"); see [`actor::portfolio_at`] for its title.
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
//! with tabs (table rows) and lines over 80 characters, and needs an
//! actor or a date: a bare "Akkoord" or "TE BESPREKEN" line is a heading,
//! not a stamp, and without an actor "Approved: 12/03/2021" is a label and
//! its value in a document's control table.
//!
//! One file a concept: [`cursor`] (the scanner's moves, separators, word
//! boundaries, phrase matching), [`actor`], [`verdict`] (and options),
//! [`date`] (dates, signatures, meetings), [`tail`] (remarks, initials,
//! marker numbers) and [`refusal`] (what is never a decision). The cases
//! the recogniser is held to are data: `cases.jsonl` beside this file,
//! read by the tests in `tests.rs`.

mod actor;
mod cursor;
mod date;
mod refusal;
mod tail;
#[cfg(test)]
mod tests;
mod verdict;

use actor::{ActorRules, Actors, actor_at, known_actor_at, portfolio_at, qualifier_at, title_of};
use cursor::Cursor;
use date::{DateMatch, DatedText, date_after, meeting_date, signature};
use refusal::Shape;
use tail::{Guide, Tail, placeholder_at, read_tail};
use verdict::{after_interjection, option_at, option_lead_in_at, verdict_at};

pub(crate) use cursor::ends_word;

use super::Verdict;
use super::Vocabulary;
use super::date_text::WrittenDate;

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

/// Reads one short text as a decision.
pub(crate) fn recognise(text: &str, mode: Mode, vocabulary: &Vocabulary) -> Option<Recognised> {
    let found = read(text, mode, vocabulary, Actors::Any)?;
    // An unknown abbreviation ("EZK akkoord") or, in a comment, a single
    // letter ("S akkoord") is an actor only when a date comes with it;
    // otherwise read the text again without such actors.
    let weak_actor = found.actor.as_ref().is_some_and(|actor| {
        found.actor_title.is_none() || (mode == Mode::Comment && actor::is_one_letter(actor))
    });
    if weak_actor && found.date.is_none() {
        return read(text, mode, vocabulary, Actors::Titled);
    }
    Some(found)
}

/// One reading of a text, step by step along it: the opening, the actor,
/// the verdict (or option), an actor after it, an option it takes, the
/// date, an actor after the date, and the tail.
fn read(text: &str, mode: Mode, vocabulary: &Vocabulary, actors: Actors) -> Option<Recognised> {
    let body = refusal::body(text, mode, vocabulary)?;
    let reading = Reading::new(body, mode, vocabulary, actors);
    let opening = reading.opening();
    let leading = reading.actor_before(opening.at);
    let core = reading.core(
        leading.as_ref().map_or(opening.at, |found| found.end),
        leading.is_some(),
    )?;
    let mut at = core.end;
    let mut actor = leading;
    if actor.is_none()
        && let Some(found) = reading.actor_after_verdict(at)
    {
        at = found.end;
        actor = Some(found);
    }
    let linked = reading.linked_option(at, core.option);
    if let Some(linked) = linked {
        at = linked.end;
    }
    let date = date_after(at, vocabulary);
    if let Some(found) = &date {
        at = found.end;
    }
    if actor.is_none()
        && let Some(found) = reading.known_actor_after(at)
    {
        at = found.end;
        actor = Some(found);
    }
    let guide = Guide {
        needs_guide: core.needs_guide,
        linked_option: linked.is_some(),
        question: body.ends_with('?'),
        dated: date.is_some(),
    };
    let remark = match read_tail(at.rest(), mode, guide, vocabulary) {
        Tail::Refuses => return None,
        Tail::Nothing => None,
        Tail::Remark(remark) => Some(remark),
    };
    let read = Read {
        withheld_actor: opening.withheld_actor,
        actor,
        option: core.option.or(linked.map(|linked| linked.number)),
        core,
        date,
        remark,
    };
    reading.finish(read)
}

/// The context of one reading: the text, the mode and the actors accepted
/// before and after the verdict.
struct Reading<'a, 'v> {
    text: &'a str,
    mode: Mode,
    vocabulary: &'v Vocabulary,
    before: ActorRules,
    after: ActorRules,
}

/// Where the reading of the actor and verdict begins.
struct Opening<'a> {
    at: Cursor<'a>,
    /// A redaction placeholder stands in the actor's place ("[redacted]
    /// akkoord 8/6").
    withheld_actor: bool,
}

/// An actor read from the text.
#[derive(Debug, Clone)]
struct ActorFound<'a> {
    text: &'a str,
    /// The title of a role with its portfolio ("Minister voor Klimaat en
    /// Energie"); else the vocabulary's title of `text` is looked up.
    title: Option<String>,
    /// The actor stands before the verdict.
    first: bool,
    /// Where the reading goes on after it.
    end: Cursor<'a>,
}

impl<'a> ActorFound<'a> {
    /// An actor of `len` bytes at `start`, after the verdict.
    fn after_verdict(start: Cursor<'a>, len: usize) -> Self {
        let end = start.advance(len);
        Self {
            text: end.since(start),
            title: None,
            first: false,
            end,
        }
    }
}

/// The verdict, or an option statement standing for one.
struct Core<'a> {
    verdict: Verdict,
    verdict_text: &'a str,
    weak: bool,
    option: Option<u32>,
    /// An option statement with no actor or lead-in ("Optie 2 …").
    needs_guide: bool,
    end: Cursor<'a>,
}

/// An option the verdict takes ("akkoord met optie 2").
#[derive(Clone, Copy)]
struct LinkedOption<'a> {
    number: u32,
    end: Cursor<'a>,
}

/// Everything read along the text, before the signature, the refusals and
/// the meeting date settle the decision.
struct Read<'a> {
    withheld_actor: bool,
    actor: Option<ActorFound<'a>>,
    core: Core<'a>,
    option: Option<u32>,
    date: Option<DateMatch<'a>>,
    remark: Option<String>,
}

impl<'a, 'v> Reading<'a, 'v> {
    fn new(text: &'a str, mode: Mode, vocabulary: &'v Vocabulary, actors: Actors) -> Self {
        Self {
            text,
            mode,
            vocabulary,
            before: ActorRules {
                unknown: actors == Actors::Any,
                letters: actors == Actors::Any || mode == Mode::Stamp,
            },
            after: ActorRules {
                unknown: actors == Actors::Any,
                letters: false,
            },
        }
    }

    /// "Ja, akkoord": an interjection before the verdict; "[redacted]
    /// akkoord 8/6": a withheld actor, which like an unknown one needs a
    /// date.
    fn opening(&self) -> Opening<'a> {
        let start = Cursor::start(self.text);
        let at = after_interjection(start, self.vocabulary).unwrap_or(start);
        if let Some(len) = placeholder_at(self.text) {
            let placeholder = start.advance(len);
            let verdict = placeholder.skip_ws();
            if verdict > placeholder && verdict_at(verdict.rest(), self.vocabulary).is_some() {
                return Opening {
                    at: verdict,
                    withheld_actor: true,
                };
            }
        }
        Opening {
            at,
            withheld_actor: false,
        }
    }

    /// The actor before the verdict, unless the text opens with a verdict:
    /// a role, with one qualifier ("Minister SZW") or a portfolio
    /// ("Minister voor Klimaat en Energie") when a verdict follows.
    fn actor_before(&self, start: Cursor<'a>) -> Option<ActorFound<'a>> {
        if verdict_at(start.rest(), self.vocabulary).is_some() {
            return None;
        }
        let role_end = start.advance(actor_at(start.rest(), self.vocabulary, self.before)?);
        let role = role_end.since(start);
        let mut end = role_end;
        let mut title = None;
        let next = role_end.skip_link();
        let verdict_next = verdict_at(next.rest(), self.vocabulary).is_some()
            || (self.mode == Mode::Comment && option_at(next.rest(), self.vocabulary).is_some());
        if !verdict_next {
            let at = role_end.skip_ws();
            if let Some(qualifier) = qualifier_at(at.rest(), self.vocabulary) {
                end = at.advance(qualifier);
            } else if at > role_end
                && let Some(portfolio) = portfolio_at(at.rest(), role, self.vocabulary)
                && verdict_at(
                    at.advance(portfolio.len).skip_link().rest(),
                    self.vocabulary,
                )
                .is_some()
            {
                end = at.advance(portfolio.len);
                title = Some(portfolio.title);
            }
        }
        Some(ActorFound {
            text: end.since(start),
            title,
            first: true,
            end: end.skip_link(),
        })
    }

    /// The verdict, or in comment mode an option statement ("Optie 2",
    /// "Keuze: optie 2").
    fn core(&self, at: Cursor<'a>, actor_first: bool) -> Option<Core<'a>> {
        if let Some(found) = verdict_at(at.rest(), self.vocabulary) {
            let end = at.advance(found.len);
            return Some(Core {
                verdict: found.verdict,
                verdict_text: end.since(at),
                weak: found.weak,
                option: None,
                needs_guide: false,
                end,
            });
        }
        if self.mode != Mode::Comment {
            return None;
        }
        let lead_in = option_lead_in_at(at.rest(), self.vocabulary);
        let start = at.advance(lead_in.unwrap_or(0));
        let found = option_at(start.rest(), self.vocabulary)?;
        let end = start.advance(found.len);
        Some(Core {
            verdict: Verdict::Option,
            verdict_text: end.since(start),
            weak: false,
            option: Some(found.number),
            needs_guide: lead_in.is_none() && !actor_first,
            end,
        })
    }

    /// An actor after the verdict ("Akkoord SG", "Approved by SG"); after a
    /// separator only a known one ("Akkoord – MWP", "Noted, SG").
    fn actor_after_verdict(&self, verdict_end: Cursor<'a>) -> Option<ActorFound<'a>> {
        let at = verdict_end.skip_ws();
        let by = at.skip_word(self.vocabulary.actor_links());
        let separated = verdict_end.skip_link();
        let start =
            if by > verdict_end && actor_at(by.rest(), self.vocabulary, self.after).is_some() {
                by
            } else if separated > at
                && known_actor_at(separated.rest(), self.vocabulary, self.after).is_some()
            {
                separated
            } else {
                return None;
            };
        let len = actor_at(start.rest(), self.vocabulary, self.after)?;
        Some(ActorFound::after_verdict(start, len))
    }

    /// "akkoord met optie 2" (comment mode, when the verdict has no option).
    fn linked_option(&self, at: Cursor<'a>, option: Option<u32>) -> Option<LinkedOption<'a>> {
        if self.mode != Mode::Comment || option.is_some() {
            return None;
        }
        let word = at.skip_ws();
        let with = word.skip_word(self.vocabulary.option_links());
        if word <= at {
            return None;
        }
        let found = option_at(with.rest(), self.vocabulary)?;
        Some(LinkedOption {
            number: found.number,
            end: with.advance(found.len),
        })
    }

    /// A known actor after the date ("akkoord 8/6 MWP"); an unknown
    /// abbreviation there is read as initials.
    fn known_actor_after(&self, from: Cursor<'a>) -> Option<ActorFound<'a>> {
        let start = from.skip_ws();
        if start <= from {
            return None;
        }
        let len = known_actor_at(start.rest(), self.vocabulary, self.after)?;
        Some(ActorFound::after_verdict(start, len))
    }

    /// Settles a reading: a remark that is a signature names the actor
    /// (and the date), the last refusals apply, and a remark's meeting
    /// dates an undated decision.
    fn finish(&self, read: Read<'a>) -> Option<Recognised> {
        let Read {
            withheld_actor,
            actor,
            core,
            option,
            date,
            remark,
        } = read;
        let date_after_colon = date.as_ref().is_some_and(|found| found.after_colon);
        let mut date = date.map(|found| found.dated);
        let mut remark = remark;
        let mut actor_text = actor.as_ref().map(|found| found.text.to_owned());
        let mut actor_title = actor.as_ref().and_then(|found| {
            found
                .title
                .clone()
                .or_else(|| title_of(found.text, self.vocabulary))
        });
        // "Akkoord. SG 5/3", "akkoord (MWP, 8/6)": a remark that is only a
        // known actor's signature, with or without a date, names the actor.
        if actor.is_none()
            && let Some(signed) = remark
                .as_deref()
                .and_then(|remark| signature(remark, self.vocabulary))
            && (date.is_none() || signed.date.is_none())
        {
            actor_text = Some(signed.actor);
            actor_title = Some(signed.title);
            remark = None;
            if signed.date.is_some() {
                date = signed.date;
            }
        }
        let shape = Shape {
            mode: self.mode,
            actor: actor_text.is_some(),
            actor_first: actor.as_ref().is_some_and(|found| found.first),
            withheld_actor,
            weak_verdict: core.weak,
            dated: date.is_some(),
            date_after_colon,
            remark: remark.is_some(),
        };
        if refusal::refuses(shape) {
            return None;
        }
        // "Besproken in de staf van 24/3": the meeting's date is the decision's.
        if date.is_none()
            && matches!(
                core.verdict,
                Verdict::Approved | Verdict::Rejected | Verdict::Discussed | Verdict::Noted
            )
        {
            date = remark
                .as_deref()
                .and_then(|remark| meeting_date(remark, self.vocabulary));
        }
        let (date, date_text) = match date {
            Some(DatedText { date, text }) => (Some(date), Some(text)),
            None => (None, None),
        };
        Some(Recognised {
            actor: actor_text,
            actor_title,
            verdict: core.verdict,
            verdict_text: core.verdict_text.to_owned(),
            option,
            remark,
            date,
            date_text,
        })
    }
}

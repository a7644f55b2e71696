//! The reading of one text along its parts: the opening (an interjection,
//! short sentences, a withheld actor), the actor before the verdict, the
//! verdict or option statement, an actor after it, an option it takes, the
//! date, a known actor after the date, and the tail.

use super::Mode;
use super::actor::{
    ActorRules, Actors, actor_at, known_actor_at, portfolio_at, qualifier_at, title_of,
};
use super::cursor::{Cursor, is_separator};
use super::date::{DateMatch, DatedText, date_after};
use super::draft::{Draft, Named};
use super::preamble::after_preamble;
use super::tail::{Guide, Tail, after_bracketed_initials, placeholder_at, read_tail};
use super::verdict::{after_interjection, answer_at, option_at, option_lead_in_at, verdict_at};
use crate::decision::{Verdict, Vocabulary};

/// One reading of a text (already passed by [`refusal::body`]), step by
/// step along it: the opening, the actor, the verdict (or option), an actor
/// after it, an option it takes, the date, an actor after the date, and
/// the tail. The draft is not yet held to the refusals.
///
/// [`refusal::body`]: super::refusal::body
pub(super) fn read(
    body: &str,
    mode: Mode,
    vocabulary: &Vocabulary,
    actors: Actors,
) -> Option<Draft> {
    let reading = Reading::new(body, mode, vocabulary, actors);
    let Start {
        opening,
        leading,
        early,
        core,
    } = reading.start()?;
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
    let date = match early {
        Some((dated, _)) => Some(DateMatch {
            dated,
            after_colon: false,
            end: at,
        }),
        None => date_after(at, vocabulary),
    };
    if let Some(found) = &date {
        at = found.end;
    } else if core.answer || opening.labelled {
        return None;
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
    let remark = match read_tail(at.rest(), guide, vocabulary) {
        Tail::Refuses => return None,
        Tail::Nothing => None,
        Tail::Remark(remark) => Some(remark),
    };
    // "Niet akkoord; liever optie 1.": a remark that opens with a choice of
    // option records it.
    let option = core
        .option
        .or(linked.map(|linked| linked.number))
        .or_else(|| {
            remark
                .as_deref()
                .and_then(|text| reading.chosen_option(text))
        });
    let actor = actor.map(|found| Named {
        text: found.text.to_owned(),
        title: found.title.or_else(|| title_of(found.text, vocabulary)),
        first: found.first,
    });
    let lead = opening.at.since(Cursor::start(body)).trim();
    Some(Draft {
        actor,
        lead: (!lead.is_empty()).then(|| lead.to_owned()),
        withheld_actor: opening.withheld_actor,
        verdict: core.verdict,
        verdict_text: core.verdict_text.to_owned(),
        weak: core.weak,
        option,
        remark,
        date_after_colon: date.as_ref().is_some_and(|found| found.after_colon),
        date: date.map(|found| found.dated),
    })
}

/// Whether a decision can start `text`: its opening, an actor and a date
/// before the verdict, and the verdict (or option statement). A text that
/// cannot, cannot with a signature cut off its end either, so this is
/// asked before the costlier readings.
pub(super) fn opens_decision(text: &str, mode: Mode, vocabulary: &Vocabulary) -> bool {
    Reading::new(text, mode, vocabulary, Actors::Any)
        .start()
        .is_some()
}

/// The start of a reading, up to the verdict.
struct Start<'a> {
    opening: Opening<'a>,
    leading: Option<ActorFound<'a>>,
    /// A date between the actor and the verdict, and where the verdict
    /// starts.
    early: Option<(DatedText, Cursor<'a>)>,
    core: Core<'a>,
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
    /// A form's label stands before the actor ("Paraaf SG: akkoord 5/6"):
    /// without a date the text is the label of an empty field.
    labelled: bool,
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
    /// A bare answer after the actor ("Minister nee 8/6"): it needs a date.
    answer: bool,
    end: Cursor<'a>,
}

/// An option the verdict takes ("akkoord met optie 2").
#[derive(Clone, Copy)]
struct LinkedOption<'a> {
    number: u32,
    end: Cursor<'a>,
}

impl<'a, 'v> Reading<'a, 'v> {
    /// The opening, the actor before the verdict, a date after it ("SG
    /// 3/4: akkoord") and the verdict.
    fn start(&self) -> Option<Start<'a>> {
        let opening = self.opening();
        let leading = self.actor_before(opening.at);
        let early = leading
            .as_ref()
            .and_then(|found| self.date_before_verdict(found.end));
        let verdict_at = match (&early, &leading) {
            (Some((_, end)), _) => *end,
            // "MWP: Ja, akkoord": an interjection may follow the actor too.
            (None, Some(found)) => {
                after_interjection(found.end, self.vocabulary).unwrap_or(found.end)
            }
            (None, None) => opening.at,
        };
        let core = self.core(verdict_at, leading.is_some())?;
        Some(Start {
            opening,
            leading,
            early,
            core,
        })
    }

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

    /// "Ja, akkoord": an interjection before the verdict, and in a comment
    /// short sentences ("Eens. Akkoord."); "[redacted] akkoord 8/6": a
    /// withheld actor, which like an unknown one needs a date; "Paraaf SG:
    /// akkoord 5/6": a form's label before the actor, which needs one too.
    fn opening(&self) -> Opening<'a> {
        let start = Cursor::start(self.text);
        let preamble = match self.mode {
            Mode::Comment => after_preamble(start, self.vocabulary),
            Mode::Stamp => None,
        };
        let at = after_interjection(start, self.vocabulary)
            .or(preamble)
            .unwrap_or(start);
        // "Namens MWP: akkoord", "Door SG akkoord bevonden"; "Paraaf SG:
        // akkoord 5/6", a form's label.
        let linked = at.skip_word(self.vocabulary.actor_links());
        let label = at.skip_word(self.vocabulary.actor_labels());
        let known = |at: Cursor<'a>| {
            known_actor_at(at.rest(), self.vocabulary, ActorRules::KNOWN).is_some()
        };
        let (at, labelled) = if linked > at && known(linked) {
            (linked, false)
        } else if label > at && known(label) {
            (label, true)
        } else {
            (at, false)
        };
        if let Some(len) = placeholder_at(self.text) {
            let placeholder = start.advance(len);
            let verdict = placeholder.skip_ws();
            if verdict > placeholder && verdict_at(verdict.rest(), self.vocabulary).is_some() {
                return Opening {
                    at: verdict,
                    withheld_actor: true,
                    labelled: false,
                };
            }
        }
        Opening {
            at,
            withheld_actor: false,
            labelled,
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
            || option_at(next.rest(), self.vocabulary).is_some();
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
            end: after_bracketed_initials(end, self.vocabulary).skip_link(),
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
                answer: false,
                end,
            });
        }
        if actor_first && let Some(core) = self.answer(at) {
            return Some(core);
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
            answer: false,
            end,
        })
    }

    /// A bare answer after the actor, a word the vocabulary lists under
    /// `point_answers` ("DG: ja, 8-6", "Minister nee 8/6"): the answer to
    /// the nota's question. It is weak (it takes no remark) and needs a
    /// date, so that a reply "Ja" or "SG: nee" in a thread is none.
    fn answer(&self, at: Cursor<'a>) -> Option<Core<'a>> {
        let (len, verdict) = answer_at(at.rest(), self.vocabulary)?;
        let end = at.advance(len);
        Some(Core {
            verdict,
            verdict_text: end.since(at),
            weak: true,
            option: None,
            needs_guide: false,
            answer: true,
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

    /// A date right after the leading actor, when a verdict follows it
    /// ("SG 3/4: akkoord", "MWP 8/6 akkoord"); the date and where the
    /// verdict starts.
    fn date_before_verdict(&self, at: Cursor<'a>) -> Option<(DatedText, Cursor<'a>)> {
        let start = at.skip_date_lead_in(self.vocabulary);
        let (dated, end) = DatedText::at(start, self.vocabulary)?;
        let verdict = end.skip_link();
        (verdict > end && verdict_at(verdict.rest(), self.vocabulary).is_some())
            .then_some((dated, verdict))
    }

    /// The option a remark opens with, alone in its clause ("optie 2",
    /// "liever optie 1.", "voorkeur voor optie B; …").
    fn chosen_option(&self, remark: &str) -> Option<u32> {
        let lead_in = option_lead_in_at(remark, self.vocabulary).unwrap_or(0);
        let at = Cursor::start(remark).advance(lead_in);
        let found = option_at(at.rest(), self.vocabulary)?;
        let after = at.advance(found.len).skip_ws();
        after
            .peek()
            .is_none_or(|c| is_separator(c) || c == '\n')
            .then_some(found.number)
    }

    /// "akkoord met optie 2" (comment mode, when the verdict has no option).
    fn linked_option(&self, at: Cursor<'a>, option: Option<u32>) -> Option<LinkedOption<'a>> {
        if option.is_some() {
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
}

//! A reading before it is settled: the signature at the end of the text is
//! joined to it, then the refusals apply, and what is left to find — the
//! date of a meeting the remark names, whether the remark is a condition,
//! an actor the comment names elsewhere — is found.

use super::actor::{ActorRules, actor_at, title_of};
use super::condition::is_conditional;
use super::cursor::{Cursor, word_of};
use super::date::{DatedText, date_after, meeting_date};
use super::mention::mentioned_actor;
use super::refusal::{self, Shape};
use super::signature::Signature;
use super::{Mode, Recognised, actor};
use crate::decision::{Verdict, Vocabulary, vocabulary::normalise};

/// An actor as read from the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Named {
    pub(super) text: String,
    pub(super) title: Option<String>,
    /// The actor stands before the verdict.
    pub(super) first: bool,
}

impl Named {
    /// Whether two actors are the same: as written, or by their title.
    pub(super) fn same(&self, other: &Self) -> bool {
        normalise(&self.text) == normalise(&other.text)
            || (self.title.is_some() && self.title == other.title)
    }
}

/// The most words after "with" in a remark that says what is agreed with:
/// an article and a noun ("met het advies").
const MAX_AGREED_WITH_WORDS: usize = 2;

/// Whether a remark opens with a word for "with" (the vocabulary's
/// `discussed_with_links`) and a short clause in lower case: what is
/// agreed with ("eens met het advies", "with the proposal"). Not whom
/// ("Agree with Peter", "Eens met Piet": a reply to someone), nor a longer
/// clause, where "eens" means "even" or "once" ("niet eens met de minister
/// besproken", "eens met de DG bespreken").
fn says_with_what(remark: &str, vocabulary: &Vocabulary) -> bool {
    word_of(remark, vocabulary.discussed_with_links()).is_some_and(|len| {
        let rest = remark.get(len..).unwrap_or_default();
        let clause = rest
            .split(['.', ',', ';', ':', '!', '?', '\n'])
            .next()
            .unwrap_or_default();
        let words = clause.split_whitespace().count();
        rest.starts_with(char::is_whitespace)
            && rest.trim_start().starts_with(char::is_lowercase)
            && (1..=MAX_AGREED_WITH_WORDS).contains(&words)
    })
}

/// What one reading found, before the refusals.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Draft {
    pub(super) actor: Option<Named>,
    /// What stands before the actor and verdict: an interjection or short
    /// sentences ("Besproken in de staf van 24/3,").
    pub(super) lead: Option<String>,
    /// A redaction placeholder stands in the actor's place.
    pub(super) withheld_actor: bool,
    pub(super) verdict: Verdict,
    pub(super) verdict_text: String,
    /// The verdict also opens ordinary talk ("ok", "prima").
    pub(super) weak: bool,
    pub(super) option: Option<u32>,
    pub(super) remark: Option<String>,
    pub(super) date: Option<DatedText>,
    /// A colon stood before the date ("Approved: 12/03/2021").
    pub(super) date_after_colon: bool,
}

impl Draft {
    /// Whether the actor is a weak sign that needs a date: an unknown
    /// abbreviation or initials ("DGSZ akkoord"), or in a comment a single
    /// letter ("S akkoord").
    pub(super) fn weak_actor(&self, mode: Mode) -> bool {
        self.actor.as_ref().is_some_and(|found| {
            found.title.is_none() || (mode == Mode::Comment && actor::is_one_letter(&found.text))
        })
    }

    /// The reading with the signature that ends its text: the signer is
    /// the actor and the signature's date the date, unless the reading
    /// names another actor or another date (then the signature is not
    /// one, and the text is read as a whole).
    pub(super) fn signed(mut self, signature: Signature) -> Option<Self> {
        if let Some(signer) = signature.signer {
            let signer = Named {
                text: signer.text,
                title: signer.title,
                first: false,
            };
            match &self.actor {
                Some(actor) if !actor.same(&signer) => return None,
                Some(_) => {}
                None if self.withheld_actor => return None,
                None => self.actor = Some(signer),
            }
        }
        // "…, graag herschrijven. SG 4-2-2026": the full stop before the
        // signature ends the remark's sentence.
        if let Some(remark) = &mut self.remark
            && remark.ends_with('.')
            && !remark.ends_with("..")
        {
            remark.pop();
        }
        if let Some(date) = signature.date {
            match &self.date {
                Some(own) if own.date != date.date => return None,
                Some(_) => {}
                None => {
                    self.date = Some(date);
                    self.date_after_colon = signature.date_after_colon;
                }
            }
        }
        Some(self)
    }

    /// The decision this reading records, or `None` when the refusals say
    /// it records none. `mentions`: the whole comment, when an actor named
    /// anywhere in it may be the decision's ([`mentioned_actor`]).
    pub(super) fn settle(
        self,
        mentions: Option<&str>,
        mode: Mode,
        vocabulary: &Vocabulary,
    ) -> Option<Recognised> {
        let shape = Shape {
            mode,
            actor: self.actor.is_some(),
            actor_first: self.actor.as_ref().is_some_and(|found| found.first),
            withheld_actor: self.withheld_actor,
            weak_verdict: self.weak,
            dated: self.date.is_some(),
            date_after_colon: self.date_after_colon,
            remark: self.remark.is_some(),
            remark_says_with: self
                .remark
                .as_deref()
                .is_some_and(|remark| says_with_what(remark, vocabulary)),
            option: self.option.is_some(),
        };
        if refusal::refuses(shape) {
            return None;
        }
        let mut date = self.date;
        // "Besproken in de staf van 24/3", "Besproken in de staf van 24/3,
        // akkoord": the meeting's date is the decision's.
        if date.is_none()
            && matches!(
                self.verdict,
                Verdict::Approved | Verdict::Rejected | Verdict::Discussed | Verdict::Noted
            )
        {
            date = [self.remark.as_deref(), self.lead.as_deref()]
                .into_iter()
                .flatten()
                .find_map(|text| meeting_date(text, vocabulary));
        }
        let mut actor = self.actor.map(|found| (found.text, found.title));
        // "Besproken met M 3/4": who it was discussed with, and when.
        if self.verdict == Verdict::Discussed
            && actor.is_none()
            && !self.withheld_actor
            && let Some((with, when)) = self
                .remark
                .as_deref()
                .and_then(|remark| discussed_with(remark, vocabulary))
        {
            actor = Some(with);
            date = date.or(when);
        }
        if actor.is_none()
            && !self.withheld_actor
            && mode == Mode::Comment
            && let Some(body) = mentions
        {
            actor = mentioned_actor(body, vocabulary).map(|found| (found.text, found.title));
        }
        let conditional = is_conditional(self.verdict, self.remark.as_deref(), vocabulary);
        let (actor, actor_title) = actor.map_or((None, None), |(text, title)| (Some(text), title));
        let (date, date_text) = match date {
            Some(DatedText { date, text }) => (Some(date), Some(text)),
            None => (None, None),
        };
        Some(Recognised {
            actor,
            actor_title,
            verdict: self.verdict,
            verdict_text: self.verdict_text,
            option: self.option,
            point: None,
            remark: self.remark,
            conditional,
            date,
            date_text,
        })
    }
}

/// An actor as written, and its title.
type ActorAndTitle = (String, Option<String>);

/// Who a remark says the text was discussed with, and when: "met M 3/4",
/// "met SG". The remark must end there; a one-letter role needs the date.
fn discussed_with(
    remark: &str,
    vocabulary: &Vocabulary,
) -> Option<(ActorAndTitle, Option<DatedText>)> {
    let start = Cursor::start(remark).skip_ws();
    let at = start.skip_word(vocabulary.discussed_with_links());
    if at == start {
        return None;
    }
    let letters = ActorRules {
        unknown: false,
        letters: true,
    };
    let len = actor_at(at.rest(), vocabulary, letters)?;
    let text = at.rest().get(..len)?;
    let after = at.advance(len);
    let (date, end) = match date_after(after, vocabulary) {
        Some(found) => (Some(found.dated), found.end),
        None => (None, after),
    };
    let ended = end
        .rest()
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | '!' | ')'));
    if !ended || (date.is_none() && actor::is_one_letter(text)) {
        return None;
    }
    Some(((text.to_owned(), title_of(text, vocabulary)), date))
}

//! Sign-offs: a form's signature field filled in ("Paraaf SG 13-4-2026",
//! "Paraaf: MinFin 3/4", "SG paraaf 13/4"). Initialling or signing a nota
//! approves it, as "geparafeerd" and "getekend" say; the field left empty,
//! or filled without a date, is the form's and no decision.

use super::Recognised;
use super::actor::{ActorRules, known_actor_at, title_of};
use super::cursor::Cursor;
use crate::decision::date_text;
use crate::decision::{Verdict, Vocabulary};

/// How far into a sign-off its label may stand, in words: first, or after
/// an actor of up to two words ("Stas SZW paraaf 13/4").
const MAX_LABEL_WORD: usize = 3;
/// The longest sign-off, in bytes: a label, a signer of a word or two and a
/// date ("Parafering Stas Fiscaliteit 13-4-2026" takes 38).
const MAX_SIGN_OFF_BYTES: usize = 48;

/// The sign-off `text` is, when it is one: a sign-off label and a known
/// actor (or a one-letter role), in either order, then a date, and nothing
/// after it but punctuation.
pub(super) fn sign_off(text: &str, vocabulary: &Vocabulary) -> Option<Recognised> {
    fn actor_end<'t>(at: Cursor<'t>, vocabulary: &Vocabulary) -> Option<Cursor<'t>> {
        // A sign-off always has its date, so a one-letter role signs one
        // too ("Paraaf M 8-6-2026"), as it signs a dated verdict.
        let rules = ActorRules {
            letters: true,
            ..ActorRules::KNOWN
        };
        Some(at.advance(known_actor_at(at.rest(), vocabulary, rules)?))
    }
    let text = text.trim();
    let labels = vocabulary.sign_off_labels();
    if text.len() > MAX_SIGN_OFF_BYTES || !may_hold_label(text, labels) {
        return None;
    }
    let start = Cursor::start(text);
    let label_end = start.skip_word(labels);
    let (label, actor, after) = if label_end > start {
        // "Paraaf SG 13/4", "Paraaf: SG 3/4".
        let actor_start = label_end.skip_link();
        let end = actor_end(actor_start, vocabulary)?;
        (
            label_end.since(start),
            end.since(actor_start),
            end.skip_link(),
        )
    } else {
        // "SG paraaf 13/4".
        let end = actor_end(start, vocabulary)?;
        let label_start = end.skip_link();
        let label_end = label_start.skip_word(labels);
        if label_end == label_start {
            return None;
        }
        (
            label_end.since(label_start),
            end.since(start),
            label_end.skip_link(),
        )
    };
    let (date, len) = date_text::parse_at(after.rest(), vocabulary)?;
    let date_end = after.advance(len);
    if date_end.rest().chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Recognised {
        actor: Some(actor.to_owned()),
        actor_title: title_of(actor, vocabulary),
        verdict: Verdict::Approved,
        verdict_text: label.trim_end().to_owned(),
        option: None,
        point: None,
        remark: None,
        conditional: false,
        date: Some(date),
        date_text: Some(date_end.since(after).trim_end().to_owned()),
    })
}

/// Whether one of the first words of `text` may be a label: nearly every
/// text that comes here is no decision at all, and is passed over by a
/// comparison of a few words' bytes. A label of several words, or of
/// letters beyond ASCII (whose case is folded otherwise), is always looked
/// for.
fn may_hold_label(text: &str, labels: &[String]) -> bool {
    if labels
        .iter()
        .any(|label| !label.is_ascii() || label.contains(' '))
    {
        return true;
    }
    text.split_whitespace().take(MAX_LABEL_WORD).any(|word| {
        let word = word.trim_end_matches([':', ',', ';']);
        labels.iter().any(|label| word.eq_ignore_ascii_case(label))
    })
}

//! Conditions on a decision: "akkoord, mits de planning haalbaar is",
//! "akkoord met de brief, met dien verstande dat …", "niet akkoord, tenzij
//! …".
//!
//! A decision is conditional when it approves or rejects (or chooses an
//! option) and its remark opens with one of the vocabulary's
//! `condition_lead_ins` ("mits", "indien", "als", "onder voorwaarde dat"),
//! or a later clause of the remark's first sentence opens with one of its
//! `conditions`, the phrases that open a condition wherever they stand
//! ("…, mits …"; "als" there is as often "as" as "if", and does not
//! count). The condition stays in the remark.

use super::cursor::{is_separator, match_phrase};
use crate::decision::{Verdict, Vocabulary};

/// Whether a decision with this verdict and remark is conditional.
pub(super) fn is_conditional(
    verdict: Verdict,
    remark: Option<&str>,
    vocabulary: &Vocabulary,
) -> bool {
    if !matches!(
        verdict,
        Verdict::Approved | Verdict::Rejected | Verdict::Option
    ) {
        return false;
    }
    let Some(remark) = remark else {
        return false;
    };
    let remark =
        remark.trim_start_matches(|c: char| c.is_whitespace() || is_separator(c) || c == '(');
    let opens = |text: &str, phrases: &[String]| {
        phrases
            .iter()
            .any(|phrase| match_phrase(text.trim_start(), phrase).is_some())
    };
    if opens(remark, vocabulary.condition_lead_ins()) || opens(remark, vocabulary.conditions()) {
        return true;
    }
    let first_sentence = remark
        .split(['.', ';', '!', '?', '\n'])
        .next()
        .unwrap_or_default();
    first_sentence
        .split([',', '(', '–', '—'])
        .skip(1)
        .any(|clause| opens(clause, vocabulary.conditions()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conditional(remark: &str) -> bool {
        is_conditional(Verdict::Approved, Some(remark), &Vocabulary::builtin())
    }

    #[test]
    fn conditions() {
        assert!(conditional("mits de planning haalbaar is"));
        assert!(conditional("met dien verstande dat de brief korter wordt"));
        assert!(conditional("onder voorwaarde dat FIN instemt"));
        assert!(conditional("als de SG ook akkoord is"));
        assert!(conditional("met de brief, mits deze korter wordt"));
        assert!(conditional("(onder voorbehoud van instemming FIN)"));
    }

    #[test]
    fn not_conditions() {
        assert!(!conditional("met de kanttekening dat de brief korter moet"));
        assert!(!conditional("graag snel uitwerken"));
        assert!(!conditional("met optie 2, als tussenstap"));
        assert!(!conditional("graag versturen. Mits nodig bellen."));
        assert!(!is_conditional(
            Verdict::ToDiscuss,
            Some("indien nodig"),
            &Vocabulary::builtin()
        ));
    }
}

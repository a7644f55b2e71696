//! Dates next to a verdict ("akkoord 8/6", "akkoord (8/6)", "d.d.
//! 8-6-2026"), and the meeting a remark names ("besproken in de staf van
//! 24/3").

use super::cursor::Cursor;
use crate::decision::Vocabulary;
use crate::decision::date_text::{self, WrittenDate};

/// A date and its text as written ("8/6").
#[derive(Debug, Clone, PartialEq)]
pub(super) struct DatedText {
    pub(super) date: WrittenDate,
    pub(super) text: String,
}

impl DatedText {
    /// The date at the start of `at`, and where it ends.
    pub(super) fn at<'a>(at: Cursor<'a>, vocabulary: &Vocabulary) -> Option<(Self, Cursor<'a>)> {
        let (date, len) = date_text::parse_at(at.rest(), vocabulary)?;
        let end = at.advance(len);
        let text = end.since(at).to_owned();
        Some((Self { date, text }, end))
    }
}

/// The date after a verdict, found by [`date_after`].
#[derive(Debug, Clone, PartialEq)]
pub(super) struct DateMatch<'a> {
    pub(super) dated: DatedText,
    /// A colon stood before it ("Approved: 12/03/2021"), as between a label
    /// and its value.
    pub(super) after_colon: bool,
    /// Where the date ends (after its closing bracket).
    pub(super) end: Cursor<'a>,
}

/// A date after `from`, past white space: "8/6", ", 8/6", "- 8/6", "(8/6)",
/// "d.d. 8-6-2026", "op 8 juni". Something must stand between `from` and
/// the date.
pub(super) fn date_after<'a>(from: Cursor<'a>, vocabulary: &Vocabulary) -> Option<DateMatch<'a>> {
    let first = from.skip_ws().peek();
    let at = from.skip_link();
    let (at, bracketed) = match at.peek() {
        Some('(') => (at.advance(1).skip_ws(), true),
        _ => (at, false),
    };
    let at = at.skip_date_lead_in(vocabulary);
    if at <= from {
        return None;
    }
    let (dated, date_end) = DatedText::at(at, vocabulary)?;
    let end = if bracketed {
        let close = date_end.skip_ws();
        if close.peek() != Some(')') {
            return None;
        }
        close.advance(1)
    } else {
        date_end
    };
    Some(DateMatch {
        dated,
        after_colon: first == Some(':'),
        end,
    })
}

/// Words of a remark searched for a meeting and its date.
const MEETING_SCAN_WORDS: usize = 8;

/// The date of a meeting named early in a remark ("in de staf van 24/3",
/// "beleidsstaf d.d. 24-3-2026").
pub(super) fn meeting_date(remark: &str, vocabulary: &Vocabulary) -> Option<DatedText> {
    let mut at = Cursor::start(remark).skip_ws();
    for _ in 0..MEETING_SCAN_WORDS {
        let token_end = at.skip_token();
        if token_end == at {
            return None;
        }
        let word = token_end
            .since(at)
            .trim_matches(|c: char| !c.is_alphanumeric());
        if vocabulary.is_meeting_word(word) {
            let link = token_end
                .skip_ws()
                .skip_word(vocabulary.meeting_date_links());
            if let Some((dated, _)) = DatedText::at(link, vocabulary) {
                return Some(dated);
            }
        }
        at = token_end.skip_ws();
    }
    None
}

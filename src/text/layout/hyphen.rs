//! Step 7: words broken by a hyphen at a line end.

use super::{Layout, Word};
use crate::text::glyph::Glyphs;

/// The characters that end a word broken at a line end.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{00AD}')
}

/// Step 7.
pub(super) fn mark_hyphen_breaks(glyphs: &Glyphs, layout: &mut Layout) {
    let text_of = |layout: &Layout, word: &Word| -> String {
        layout
            .order
            .get(word.glyphs.clone())
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| glyphs.list.get(i as usize))
            .map(|g| glyphs.text(g))
            .collect()
    };
    let mut marks = Vec::new();
    for pair in layout.lines.windows(2) {
        let [line, next] = pair else { continue };
        if line.block != next.block || line.words.is_empty() || next.words.is_empty() {
            continue;
        }
        let (Some(last), Some(first)) = (
            layout.words.get(line.words.end - 1),
            layout.words.get(next.words.start),
        ) else {
            continue;
        };
        let last_text = text_of(layout, last);
        let first_text = text_of(layout, first);
        marks.push((line.words.end - 1, continuation(&last_text, &first_text)));
    }
    for (index, continues) in marks {
        if let Some(word) = layout.words.get_mut(index) {
            word.hyphen_break = continues == Continuation::Break;
            word.hyphen_joins = continues == Continuation::Compound;
        }
    }
}

/// How a word ending a line goes on at the start of the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Continuation {
    /// It does not, or that cannot be told: the next line starts a new
    /// word.
    None,
    /// A line-break hyphen: the word goes on without the hyphen.
    Break,
    /// The word's own hyphen: it goes on with the hyphen, without a space.
    Compound,
}

/// How a word ending a line and the word starting the next are joined
/// (step 7).
pub(crate) fn continuation(last: &str, first: &str) -> Continuation {
    let mut chars = last.chars().rev();
    let (Some(hyphen), Some(before)) = (chars.next(), chars.next()) else {
        return Continuation::None;
    };
    if !is_hyphen(hyphen) || !before.is_alphabetic() {
        return Continuation::None;
    }
    if hyphen == '\u{00AD}' {
        return Continuation::Break;
    }
    match first.chars().next() {
        Some(next) if before.is_uppercase() && (next.is_lowercase() || next.is_numeric()) => {
            Continuation::Compound
        }
        Some(next) if next.is_lowercase() => Continuation::Break,
        _ => Continuation::None,
    }
}

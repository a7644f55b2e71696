//! Step 7: words broken by a hyphen at a line end.

use super::{Layout, Word};
use crate::text::glyph::Glyphs;

/// The characters that end a word broken at a line end.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{00AD}')
}

/// Step 7.
pub(super) fn mark_hyphen_breaks(glyphs: &Glyphs, layout: &mut Layout) {
    // The characters of a word's text, read from the glyphs: only the
    // last two and the next line's first are looked at.
    let glyphs_of = |word: &Word| {
        layout
            .order
            .get(word.glyphs.clone())
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| glyphs.list.get(i as usize))
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
        let mut ending = glyphs_of(last)
            .rev()
            .flat_map(|g| glyphs.text(g).chars().rev());
        let (hyphen, before) = (ending.next(), ending.next());
        let next = glyphs_of(first).flat_map(|g| glyphs.text(g).chars()).next();
        marks.push((line.words.end - 1, joined(hyphen, before, next)));
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
#[cfg(test)]
pub(crate) fn continuation(last: &str, first: &str) -> Continuation {
    let mut chars = last.chars().rev();
    joined(chars.next(), chars.next(), first.chars().next())
}

/// [`continuation`] of a word ending in `before` and `hyphen` and a word
/// starting with `next`.
fn joined(hyphen: Option<char>, before: Option<char>, next: Option<char>) -> Continuation {
    let (Some(hyphen), Some(before)) = (hyphen, before) else {
        return Continuation::None;
    };
    if !is_hyphen(hyphen) || !before.is_alphabetic() {
        return Continuation::None;
    }
    if hyphen == '\u{00AD}' {
        return Continuation::Break;
    }
    match next {
        Some(next) if before.is_uppercase() && (next.is_lowercase() || next.is_numeric()) => {
            Continuation::Compound
        }
        Some(next) if next.is_lowercase() => Continuation::Break,
        _ => Continuation::None,
    }
}

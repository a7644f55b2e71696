//! From glyphs to words and lines in reading order.
//!
//! 1. **Line pieces.** Glyphs are taken in the order they were drawn; a
//!    glyph joins the piece before it when it runs in the same direction,
//!    stands on the same baseline (within 0.45 of the font size: a
//!    superscript stays) and lies within [`MAX_GAP`](lines::MAX_GAP) font sizes of it
//!    (on either side, so right-to-left text joins too).
//! 2. **Lines.** Pieces on one baseline that were drawn apart (a word
//!    drawn later, text drawn twice for a bold effect) are joined when they
//!    are within [`JOIN_GAP`](lines::JOIN_GAP) font sizes. A line's glyphs are put in visual order, and a glyph
//!    drawn twice at the same place is kept once.
//! 3. **Words.** A line breaks into words at white-space glyphs and at gaps
//!    wider than [`WORD_GAP`](lines::WORD_GAP) font sizes (many writers position words
//!    instead of drawing spaces).
//! 4. **Blocks.** A line and the line below it form one block (a paragraph,
//!    a column's run of lines) when each is the other's only neighbour:
//!    overlapping across, a normal line distance apart, in a similar size.
//!    A line spanning two columns therefore joins neither.
//! 5. **Reading order.** Blocks are cut recursively (an XY cut): first at
//!    vertical gutters, left before right, then at horizontal gaps, top
//!    before bottom. A gutter is not cut when the blocks on its sides are a
//!    table rather than columns: their lines share baselines and one side
//!    is narrow (labels and values); such a region is read row by row.
//!    Everything is done in the frame of the text's own direction, so a
//!    page turned by `/Rotate` or text drawn sideways reads the same;
//!    directions with less text follow the main one.
//! 6. **Right-to-left runs** are put in logical order: in a line whose
//!    words are mostly Hebrew or Arabic the word order is reversed, and the
//!    glyphs of each right-to-left word are too (a simplified Unicode
//!    bidirectional algorithm: numbers and Latin words inside keep their
//!    own order).
//! 7. **Hyphenation.** A line of a block that ends in a word with a hyphen
//!    after a letter has its last word marked by how it goes on. After a
//!    capital and before a lowercase letter or a digit the hyphen is the
//!    word's own, and the word goes on without a space: a Dutch compound
//!    with an abbreviation ("EU-" + "richtlijn" is "EU-richtlijn",
//!    "COVID-" + "19" is "COVID-19"), common in government text. Otherwise,
//!    before a lowercase letter it is a line-break hyphen ("regis-" +
//!    "ters" is "registers"); before a capital or a digit it is kept and
//!    the lines stay apart ("non-" + "VM", or a capitalised word broken
//!    by hyphenation: which one cannot be told). A soft hyphen (U+00AD)
//!    always breaks. Without a dictionary a compound of lowercase parts
//!    broken at its hyphen ("Woo-" + "verzoek") reads as one word
//!    ("Wooverzoek").

mod bidi;
mod blocks;
mod hyphen;
mod lines;
mod order;
#[cfg(test)]
pub(crate) mod tests;

use std::ops::Range;

use super::glyph::Glyphs;
use bidi::{logical_words, page_has_rtl};
use hyphen::mark_hyphen_breaks;
#[cfg(feature = "ocr")]
pub(crate) use lines::MAX_GAP;
use lines::{LineBox, Words};
use order::reading_order;

/// The words and lines of a page in reading order.
#[derive(Debug, Default, Clone)]
pub(crate) struct Layout {
    /// Glyph indices (into [`Glyphs::list`]) in reading order, word by word;
    /// white space is left out.
    pub(crate) order: Vec<u32>,
    pub(crate) words: Vec<Word>,
    pub(crate) lines: Vec<Line>,
}

/// A word: a run of [`Layout::order`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub(crate) glyphs: Range<usize>,
    /// The word ends a line with a hyphen that breaks it across lines.
    pub(crate) hyphen_break: bool,
    /// The word ends a line with a hyphen of its own ("EU-") and goes on
    /// with the first word of the next line: joined without a space, the
    /// hyphen kept.
    pub(crate) hyphen_joins: bool,
}

/// A line: a run of [`Layout::words`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub(crate) words: Range<usize>,
    /// The index of its block (a paragraph or a column's run of lines).
    pub(crate) block: usize,
}

/// Lays out the glyphs of a page.
pub(crate) fn layout(glyphs: &Glyphs) -> Layout {
    layout_with(glyphs, &mut Scratch::default())
}

/// What laying out a page works in: kept from page to page (one per
/// thread), so that a page is laid out without allocating for each line.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    steps: lines::Scratch,
    lines: Vec<LineBox>,
    words: Words,
}

/// Lays out the glyphs of a page, working in `scratch`.
pub(crate) fn layout_with(glyphs: &Glyphs, scratch: &mut Scratch) -> Layout {
    lines::lines(
        glyphs,
        &mut scratch.steps,
        &mut scratch.lines,
        &mut scratch.words,
    );
    let order = reading_order(&mut scratch.lines);
    assemble(glyphs, &scratch.lines, &scratch.words, &order)
}

/// Steps 3, 6 and 7: words in logical order, lines in reading order,
/// hyphen breaks.
fn assemble(glyphs: &Glyphs, lines: &[LineBox], words: &Words, order: &[usize]) -> Layout {
    let mut layout = Layout::default();
    layout.order.reserve(words.glyphs.len());
    layout.words.reserve(words.starts.len());
    layout.lines.reserve(lines.len());
    let mut visual: Vec<&[u32]> = Vec::new();
    let rtl = page_has_rtl(glyphs);
    for &line_index in order {
        let Some(line) = lines.get(line_index) else {
            continue;
        };
        let first_word = layout.words.len();
        let add = |layout: &mut Layout, word: &[u32]| {
            let start = layout.order.len();
            layout.order.extend_from_slice(word);
            layout.words.push(Word {
                glyphs: start..layout.order.len(),
                hyphen_break: false,
                hyphen_joins: false,
            });
        };
        if rtl {
            visual.clear();
            visual.extend(words.of(line));
        }
        match rtl.then(|| logical_words(glyphs, &visual)).flatten() {
            Some(reordered) => reordered.iter().for_each(|w| add(&mut layout, w)),
            None => {
                // The words in visual order: the line's glyphs copied at
                // once.
                let base = layout.order.len();
                layout.order.extend_from_slice(words.glyphs_of(line));
                layout.words.extend(words.spans(line).map(|span| Word {
                    glyphs: base + span.start..base + span.end,
                    hyphen_break: false,
                    hyphen_joins: false,
                }));
            }
        }
        layout.lines.push(Line {
            words: first_word..layout.words.len(),
            block: line.block,
        });
    }
    mark_hyphen_breaks(glyphs, &mut layout);
    layout
}

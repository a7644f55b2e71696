//! The text under a markup annotation's quadrilaterals.
//!
//! A glyph is under the annotation when at least the coverage threshold
//! ([`Options::glyph_coverage`](crate::Options::glyph_coverage), one half by
//! default) of its box lies inside one quadrilateral. Each glyph is tested
//! once, so quadrilaterals that overlap (Acrobat draws neighbouring lines'
//! quads overlapping) never repeat text, and a tall quad that reaches a
//! little into the next line takes none of it.
//!
//! The glyphs taken are read in the page's reading order (see
//! [`layout`](super::layout)): words within a line joined by a space, lines
//! joined by a space, and a word broken by a hyphen at the end of a line
//! joined again without it; a compound broken at its own hyphen ("EU-" +
//! "richtlijn") is joined with the hyphen and without a space (see
//! [`layout`](super::layout), step 7).
//!
//! # Words cut at a quad's edge
//!
//! A word that a quad's edge cuts is, for a highlight, an underline or a
//! squiggly underline, **taken whole when the glyphs under the quads make
//! up at least half of its width**, and otherwise cut to exactly those
//! glyphs. For a strike-out it is always cut to exactly those glyphs.
//!
//! The rule answers both complaints about other tools' extraction. Cut-off
//! characters come from quads that applications computed with other glyph
//! metrics than the page's, so that an edge glyph is only a quarter inside
//! ("ore text" for "more text" in pdfminer's `simple5.pdf`, "ellentesque"
//! for "Pellentesque" in pdf.js's `issue13447.pdf`): a word mostly
//! highlighted was meant whole. Neighbouring words pulled in come from
//! counting any overlap ("duty t" in pdfannots' `word2column.pdf`,
//! "light t" in iText's `flattenHighlightAnnotationTest.pdf`): a glyph a
//! quad only grazes is not under it, and a word of which only a grazed
//! glyph or two would count is not taken. A deliberately partial
//! selection (one letter struck out, the end of a word highlighted) keeps
//! its glyphs; strike-outs mark characters to delete, so they are never
//! completed.

use super::coverage::Area;
use super::glyph::{Glyphs, greatest, least};
use super::layout::Layout;

/// The bounds of each line of a layout, to skip lines far from the quads.
pub(crate) struct LineIndex {
    bounds: Vec<[f32; 4]>,
    /// Lines by the bottom of their bounds.
    by_bottom: Vec<(f32, usize)>,
    /// The tallest line's height.
    tallest: f32,
}

impl LineIndex {
    pub(crate) fn new(glyphs: &Glyphs, layout: &Layout) -> Self {
        let bounds = layout
            .lines
            .iter()
            .map(|line| {
                let words = layout.words.get(line.words.clone()).unwrap_or_default();
                let members = match (words.first(), words.last()) {
                    (Some(first), Some(last)) => layout
                        .order
                        .get(first.glyphs.start..last.glyphs.end)
                        .unwrap_or_default(),
                    _ => &[],
                };
                line_bounds(glyphs, members)
            })
            .collect::<Vec<[f32; 4]>>();
        let mut by_bottom: Vec<(f32, usize)> = bounds
            .iter()
            .enumerate()
            .filter(|(_, b)| b[1].is_finite() && b[3].is_finite())
            .map(|(i, b)| (b[1], i))
            .collect();
        by_bottom.sort_by(|a, b| a.0.total_cmp(&b.0));
        let tallest = bounds
            .iter()
            .map(|b| b[3] - b[1])
            .filter(|h| h.is_finite())
            .fold(0.0_f32, f32::max);
        Self {
            bounds,
            by_bottom,
            tallest,
        }
    }

    /// The lines whose bounds meet one of the areas', in reading order.
    fn lines_near(&self, areas: &[Area]) -> Vec<usize> {
        let (low, high) =
            areas
                .iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(low, high), area| {
                    let b = area.bounds();
                    (low.min(b[1]), high.max(b[3]))
                });
        // A line meets [low, high] only if its bottom lies within the
        // tallest line's height below `low` and `high`.
        let from = self
            .by_bottom
            .partition_point(|(bottom, _)| *bottom < low - self.tallest);
        let to = self
            .by_bottom
            .partition_point(|(bottom, _)| *bottom <= high);
        let mut near: Vec<usize> = self
            .by_bottom
            .get(from..to.max(from))
            .unwrap_or_default()
            .iter()
            .map(|(_, line)| *line)
            .filter(|&line| self.near(line, areas))
            .collect();
        near.sort_unstable();
        near
    }

    fn near(&self, line: usize, areas: &[Area]) -> bool {
        let Some(b) = self.bounds.get(line) else {
            return false;
        };
        areas.iter().any(|area| {
            let a = area.bounds();
            b[0] <= a[2] && b[2] >= a[0] && b[1] <= a[3] && b[3] >= a[1]
        })
    }
}

/// The smallest upright rectangle around the boxes of glyphs `members`:
/// the bounds of all their corners, kept per corner while the glyphs are
/// read (four lanes the compiler computes at once) and combined at the
/// end. `min` and `max` pass over a NaN, so the order they are taken in
/// does not change the bounds.
fn line_bounds(glyphs: &Glyphs, members: &[u32]) -> [f32; 4] {
    let (mut x0, mut y0) = ([f32::INFINITY; 4], [f32::INFINITY; 4]);
    let (mut x1, mut y1) = ([f32::NEG_INFINITY; 4], [f32::NEG_INFINITY; 4]);
    for glyph in members.iter().filter_map(|&i| glyphs.list.get(i as usize)) {
        let [[ax, ay], [bx, by], [cx, cy], [dx, dy]] = glyph.corners();
        let (xs, ys) = ([ax, bx, cx, dx], [ay, by, cy, dy]);
        x0 = lanes(x0, xs, least);
        y0 = lanes(y0, ys, least);
        x1 = lanes(x1, xs, greatest);
        y1 = lanes(y1, ys, greatest);
    }
    let lowest = |lanes: [f32; 4]| lanes.into_iter().fold(f32::INFINITY, f32::min);
    let highest = |lanes: [f32; 4]| lanes.into_iter().fold(f32::NEG_INFINITY, f32::max);
    [lowest(x0), lowest(y0), highest(x1), highest(y1)]
}

/// `f` of each lane of `a` and `b` (`least` and `greatest`: `a` is never
/// NaN, it starts infinite).
fn lanes(a: [f32; 4], b: [f32; 4], f: fn(f32, f32) -> f32) -> [f32; 4] {
    let ([a0, a1, a2, a3], [b0, b1, b2, b3]) = (a, b);
    [f(a0, b0), f(a1, b1), f(a2, b2), f(a3, b3)]
}

/// A run of taken glyphs within one word.
struct Piece {
    text: String,
    word: usize,
    starts_word: bool,
    ends_word: bool,
}

/// The text whose glyphs lie under the areas, `threshold` (0–1) of each
/// glyph's box at least.
pub(crate) fn text_under(
    glyphs: &Glyphs,
    layout: &Layout,
    index: &LineIndex,
    areas: &[Area],
    threshold: f32,
    complete_words: bool,
) -> String {
    let threshold = if threshold.is_finite() {
        threshold.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let mut pieces = Vec::new();
    for (word_index, members) in words_near(layout, index, areas) {
        let taken: Vec<bool> = members
            .iter()
            .map(|&i| {
                glyphs.list.get(i as usize).is_some_and(|g| {
                    let corners = g.corners();
                    let best = areas
                        .iter()
                        .map(|a| a.covers(&corners))
                        .fold(0.0_f32, f32::max);
                    // Half covered counts: the threshold is inclusive.
                    best > 0.0 && best >= threshold
                })
            })
            .collect();
        if !taken.contains(&true) {
            continue;
        }
        let taken = if complete_words && mostly_taken(glyphs, members, &taken) {
            vec![true; taken.len()]
        } else {
            taken
        };
        let text: String = members
            .iter()
            .zip(&taken)
            .filter(|(_, t)| **t)
            .filter_map(|(&i, _)| glyphs.list.get(i as usize))
            .map(|g| glyphs.text(g))
            .collect();
        pieces.push(Piece {
            text,
            word: word_index,
            starts_word: taken.first() == Some(&true),
            ends_word: taken.last() == Some(&true),
        });
    }
    join(layout, &pieces)
}

/// The words on the lines near the areas, in reading order: each word's
/// index and its glyphs (indices into the page's glyph list).
fn words_near<'a>(
    layout: &'a Layout,
    index: &LineIndex,
    areas: &[Area],
) -> impl Iterator<Item = (usize, &'a [u32])> {
    index
        .lines_near(areas)
        .into_iter()
        .filter_map(|line_number| layout.lines.get(line_number))
        .flat_map(|line| line.words.clone())
        .filter_map(|word_index| {
            let word = layout.words.get(word_index)?;
            Some((
                word_index,
                layout.order.get(word.glyphs.clone()).unwrap_or_default(),
            ))
        })
}

/// Whether the glyphs taken make up at least half of a word's width.
fn mostly_taken(glyphs: &Glyphs, members: &[u32], taken: &[bool]) -> bool {
    let (mut inside, mut total) = (0.0_f32, 0.0_f32);
    for (&i, &t) in members.iter().zip(taken) {
        let width = glyphs.list.get(i as usize).map_or(0.0, |g| g.width);
        total += width;
        if t {
            inside += width;
        }
    }
    2.0 * inside >= total
}

/// The words the area touches, whole: the text next to a caret, which
/// marks a point between glyphs rather than covering any.
pub(crate) fn words_at(glyphs: &Glyphs, layout: &Layout, index: &LineIndex, area: &Area) -> String {
    let areas = std::slice::from_ref(area);
    let mut pieces = Vec::new();
    for (word_index, members) in words_near(layout, index, areas) {
        let touched = members.iter().any(|&i| {
            glyphs
                .list
                .get(i as usize)
                .is_some_and(|g| area.covers(&g.corners()) > 0.0)
        });
        if touched {
            let text = members
                .iter()
                .filter_map(|&i| glyphs.list.get(i as usize))
                .map(|g| glyphs.text(g))
                .collect();
            pieces.push(Piece {
                text,
                word: word_index,
                starts_word: true,
                ends_word: true,
            });
        }
    }
    join(layout, &pieces)
}

/// Joins pieces with single spaces; a word broken by a hyphen at a line end
/// is joined again without it, a compound broken at its own hyphen with it.
fn join(layout: &Layout, pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut previous: Option<&Piece> = None;
    for piece in pieces {
        if let Some(prev) = previous {
            let next_word = prev.ends_word && piece.starts_word && piece.word == prev.word + 1;
            let word = layout.words.get(prev.word).filter(|_| next_word);
            if word.is_some_and(|w| w.hyphen_break) {
                out.pop();
            } else if !word.is_some_and(|w| w.hyphen_joins) {
                out.push(' ');
            }
        }
        out.push_str(&piece.text);
        previous = Some(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::glyph::Point;
    use super::super::layout::layout;
    use super::*;

    /// Fixed-pitch text, 10 high, each character 5 wide; lines given by
    /// their text, start and baseline.
    fn set(lines: &[(&str, f32, f32)]) -> Glyphs {
        super::super::layout::tests::set(lines, 10.0)
    }

    /// An Acrobat-style quad from x0 to x1 around the line at `baseline`.
    fn quad(x0: f32, x1: f32, baseline: f32) -> Area {
        let (top, bottom) = (baseline + 9.0, baseline - 3.0);
        let corners: [Point; 4] = [[x0, top], [x1, top], [x0, bottom], [x1, bottom]];
        Area::from_corners(corners).unwrap()
    }

    /// The text under the areas as a highlight takes it.
    fn under(glyphs: &Glyphs, areas: &[Area], threshold: f32) -> String {
        let layout = layout(glyphs);
        let index = LineIndex::new(glyphs, &layout);
        text_under(glyphs, &layout, &index, areas, threshold, true)
    }

    /// The text under the areas as a strike-out takes it.
    fn struck(glyphs: &Glyphs, areas: &[Area], threshold: f32) -> String {
        let layout = layout(glyphs);
        let index = LineIndex::new(glyphs, &layout);
        text_under(glyphs, &layout, &index, areas, threshold, false)
    }

    #[test]
    fn words_inside_one_quad() {
        let glyphs = set(&[(
            "Het wetsvoorstel introduceert een gedragscode.",
            72.0,
            700.0,
        )]);
        // "wetsvoorstel introduceert": characters 4 to 29.
        let text = under(&glyphs, &[quad(92.0, 217.0, 700.0)], 0.5);
        assert_eq!(text, "wetsvoorstel introduceert");
    }

    #[test]
    fn grazed_neighbour_is_left_out() {
        let glyphs = set(&[("duty to", 72.0, 700.0)]);
        // Ends 1 unit into the "t" (a fifth of its box).
        let text = under(&glyphs, &[quad(72.0, 98.0, 700.0)], 0.5);
        assert_eq!(text, "duty");
    }

    #[test]
    fn one_letter_struck_out() {
        let glyphs = set(&[("the cat", 72.0, 700.0)]);
        let text = struck(&glyphs, &[quad(97.0, 102.0, 700.0)], 0.5);
        assert_eq!(text, "a");
        // A highlight of one letter of three is not completed either.
        assert_eq!(under(&glyphs, &[quad(97.0, 102.0, 700.0)], 0.5), "a");
    }

    #[test]
    fn mostly_highlighted_word_is_taken_whole() {
        let glyphs = set(&[("the highlighted word", 72.0, 700.0)]);
        // From three quarters into the "h" of "highlighted" to the end of
        // the word.
        let area = quad(95.75, 147.0, 700.0);
        assert_eq!(
            under(&glyphs, std::slice::from_ref(&area), 0.5),
            "highlighted"
        );
        assert_eq!(struck(&glyphs, &[area], 0.5), "ighlighted");
    }

    #[test]
    fn end_of_a_word_highlighted_stays_cut() {
        let glyphs = set(&[("the highlighted word", 72.0, 700.0)]);
        // "ted" only: three letters of eleven.
        assert_eq!(under(&glyphs, &[quad(132.0, 147.0, 700.0)], 0.5), "ted");
    }

    #[test]
    fn overlapping_quads_do_not_repeat() {
        let glyphs = set(&[("one two three", 72.0, 700.0)]);
        let text = under(
            &glyphs,
            &[quad(72.0, 110.0, 700.0), quad(90.0, 137.0, 700.0)],
            0.5,
        );
        assert_eq!(text, "one two three");
    }

    #[test]
    fn lines_joined_and_hyphen_removed() {
        let glyphs = set(&[
            ("we read the regis-", 72.0, 700.0),
            ("ters of the state", 72.0, 688.0),
        ]);
        let areas = [quad(132.0, 162.0, 700.0), quad(72.0, 107.0, 688.0)];
        assert_eq!(under(&glyphs, &areas, 0.5), "registers of");
    }

    #[test]
    fn compound_broken_at_its_hyphen_keeps_it() {
        let glyphs = set(&[
            ("volgens de EU-", 72.0, 700.0),
            ("richtlijn over COVID-", 72.0, 688.0),
            ("19 en de non-", 72.0, 676.0),
            ("VM regels", 72.0, 664.0),
        ]);
        let areas = [
            quad(122.0, 142.0, 700.0),
            quad(72.0, 177.0, 688.0),
            quad(72.0, 137.0, 676.0),
            quad(72.0, 82.0, 664.0),
        ];
        // A hyphen before a capital stays, and so do the lines' space.
        assert_eq!(
            under(&glyphs, &areas, 0.5),
            "EU-richtlijn over COVID-19 en de non- VM"
        );
    }

    #[test]
    fn tall_quad_takes_nothing_of_the_next_line() {
        let glyphs = set(&[("first line", 72.0, 700.0), ("second line", 72.0, 688.0)]);
        // Reaches 4 units into the next line's 10-unit box.
        let corners: [Point; 4] = [[72.0, 709.0], [130.0, 709.0], [72.0, 694.0], [130.0, 694.0]];
        let area = Area::from_corners(corners).unwrap();
        assert_eq!(under(&glyphs, &[area], 0.5), "first line");
    }

    #[test]
    fn threshold_is_an_option() {
        let glyphs = set(&[("duty to", 72.0, 700.0)]);
        let areas = [quad(72.0, 98.0, 700.0)];
        assert_eq!(struck(&glyphs, &areas, 0.1), "duty t");
        assert_eq!(struck(&glyphs, &areas, 0.5), "duty");
    }

    #[test]
    fn caret_takes_the_words_it_touches() {
        let glyphs = set(&[("Reader installed here", 72.0, 700.0)]);
        // Between "Reader" (ends at 102) and "installed" (starts at 107).
        let corners: [Point; 4] = [
            [100.0, 696.0],
            [109.0, 696.0],
            [109.0, 706.0],
            [100.0, 706.0],
        ];
        let area = Area::from_corners(corners).unwrap();
        let layout = layout(&glyphs);
        let index = LineIndex::new(&glyphs, &layout);
        assert_eq!(
            words_at(&glyphs, &layout, &index, &area),
            "Reader installed"
        );
    }
}

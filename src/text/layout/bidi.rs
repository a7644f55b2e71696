//! Step 6: right-to-left runs in logical order.

use crate::text::glyph::Glyphs;

/// Whether a character is written right to left (Hebrew, Arabic, Syriac,
/// Thaana, NKo, and their presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Ltr,
    Rtl,
    Neutral,
}

fn word_direction(glyphs: &Glyphs, word: &[u32]) -> Direction {
    let mut direction = Direction::Neutral;
    for &i in word {
        let Some(glyph) = glyphs.list.get(i as usize) else {
            continue;
        };
        for c in glyphs.text(glyph).chars() {
            if is_rtl(c) {
                return Direction::Rtl;
            }
            if c.is_alphabetic() {
                direction = Direction::Ltr;
            }
        }
    }
    direction
}

/// Whether any glyph of the page is written right to left: one pass over
/// the page's text, most of it ASCII, instead of one per line.
pub(super) fn page_has_rtl(glyphs: &Glyphs) -> bool {
    let text = glyphs.all_text();
    !text.is_ascii() && text.chars().any(is_rtl)
}

/// The words of a line (in visual order) put in logical order; `None` when
/// that is the visual order (no right-to-left word).
pub(super) fn logical_words(glyphs: &Glyphs, visual: &[&[u32]]) -> Option<Vec<Vec<u32>>> {
    let directions: Vec<Direction> = visual.iter().map(|w| word_direction(glyphs, w)).collect();
    let rtl = directions.iter().filter(|d| **d == Direction::Rtl).count();
    if rtl == 0 {
        return None;
    }
    let ltr = directions.iter().filter(|d| **d == Direction::Ltr).count();
    let base = if rtl > ltr {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    // Neutral words take the direction around them when both sides agree,
    // else the line's: the nearest strong direction on each side, found in
    // one pass each way (a line may hold many thousands of words).
    let strong = |d: &Direction| (*d != Direction::Neutral).then_some(*d);
    let before: Vec<Option<Direction>> = directions
        .iter()
        .scan(None, |last, d| {
            let seen = *last;
            *last = strong(d).or(*last);
            Some(seen)
        })
        .collect();
    let mut after: Vec<Option<Direction>> = directions
        .iter()
        .rev()
        .scan(None, |next, d| {
            let seen = *next;
            *next = strong(d).or(*next);
            Some(seen)
        })
        .collect();
    after.reverse();
    let resolved: Vec<Direction> = directions
        .iter()
        .zip(before.iter().zip(&after))
        .map(|(d, sides)| match (d, sides) {
            (Direction::Neutral, (Some(a), Some(b))) if a == b => *a,
            (Direction::Neutral, _) => base,
            (d, _) => *d,
        })
        .collect();
    // Runs of one direction, in visual order.
    let mut runs: Vec<(Direction, Vec<Vec<u32>>)> = Vec::new();
    for ((word, direction), own) in visual.iter().zip(&resolved).zip(&directions) {
        let mut word = word.to_vec();
        // Only letters written right to left are read from the right;
        // numbers keep their digits in order wherever they stand.
        if *own == Direction::Rtl {
            word.reverse();
        }
        match runs.last_mut() {
            Some((d, run)) if d == direction => run.push(word),
            _ => runs.push((*direction, vec![word])),
        }
    }
    for (direction, run) in &mut runs {
        if *direction == Direction::Rtl {
            run.reverse();
        }
    }
    if base == Direction::Rtl {
        runs.reverse();
    }
    Some(runs.into_iter().flat_map(|(_, run)| run).collect())
}

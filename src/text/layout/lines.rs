//! Steps 1 and 2: glyphs into pieces of lines in drawing order, pieces on
//! one baseline joined into lines; each line in its own frame, its glyphs
//! in visual order and split into words (step 3).

use std::cmp::Ordering;
use std::ops::Range;

use crate::text::glyph::{ASCENT, DESCENT, Glyph, Glyphs, Point, dot, greatest, least};

/// The widest gap, in font sizes, between glyphs drawn one after the other
/// on one line.
pub(crate) const MAX_GAP: f32 = 1.2;
/// The widest gap, in font sizes, between pieces of one line drawn apart:
/// narrower than the narrowest column gutter (1.1 font sizes in the
/// USENIX template), wider than a justified word space.
pub(crate) const JOIN_GAP: f32 = 0.6;
/// The narrowest gap, in font sizes, that separates two words when no
/// white-space glyph is drawn between them.
pub(crate) const WORD_GAP: f32 = 0.15;
/// Baseline tolerance, in font sizes, for a glyph to stay on a line.
const BASELINE_TOLERANCE: f32 = 0.45;
/// Baseline tolerance, in font sizes, for pieces drawn apart to join.
const JOIN_TOLERANCE: f32 = 0.3;
/// Glyphs closer than this (in font sizes) with the same text are one
/// glyph drawn twice.
const DUPLICATE: f32 = 0.1;
/// Directions closer than this (the cosine of the angle) are the same.
const SAME_DIRECTION: f32 = 0.995;
/// Most pieces compared with each piece when joining lines.
const JOIN_WINDOW: usize = 64;

/// A line under construction: a run of glyphs drawn one after the other,
/// and its frame.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// Its glyphs: a run in drawing order (indices into [`Glyphs::list`]).
    glyphs: Range<u32>,
    /// The frame: the first glyph's origin, direction and normal.
    origin: Point,
    dir: Point,
    normal: Point,
    /// The extent along `dir` relative to `origin`.
    lo: f32,
    hi: f32,
    size: f32,
}

impl Piece {
    fn new(index: u32, glyph: &Glyph, size: f32) -> Self {
        Self {
            glyphs: index..index.saturating_add(1),
            origin: glyph.origin,
            dir: glyph.dir,
            normal: glyph.normal(),
            lo: 0.0,
            hi: glyph.width,
            size,
        }
    }

    /// Takes `glyph` (of font size `size`, drawn right after the piece's
    /// last glyph) when it belongs on this piece's line, `tolerance` font
    /// sizes off its baseline at most; says whether it did.
    fn take(&mut self, glyph: &Glyph, size: f32, tolerance: f32) -> bool {
        if dot(self.dir, glyph.dir) < SAME_DIRECTION {
            return false;
        }
        let larger = greatest(self.size, size);
        if larger > 3.0 * least(self.size, size) {
            return false;
        }
        let offset = [
            glyph.origin[0] - self.origin[0],
            glyph.origin[1] - self.origin[1],
        ];
        if dot(offset, self.normal).abs() > tolerance * larger {
            return false;
        }
        let start = dot(offset, self.dir);
        // The gap on either side: what `(after).max(before) > widest`
        // gives, a NaN on one side ignored, without the NaN-aware maximum.
        let widest = MAX_GAP * larger;
        if start - self.hi > widest || self.lo - (start + glyph.width) > widest {
            return false;
        }
        self.lo = least(self.lo, start);
        self.hi = greatest(self.hi, start + glyph.width);
        self.size = larger;
        self.glyphs.end = self.glyphs.end.saturating_add(1);
        true
    }

    /// The baseline's distance from the page origin, along the normal.
    fn baseline(&self) -> f32 {
        dot(self.origin, self.normal)
    }

    /// The extent along the direction, from the page origin.
    fn extent(&self) -> (f32, f32) {
        let base = dot(self.origin, self.dir);
        (base + self.lo, base + self.hi)
    }
}

/// What steps 1 to 3 work in, kept from page to page so that laying out a
/// page allocates next to nothing.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The pieces in drawing order (step 1).
    drawn: Vec<Piece>,
    /// The pieces sorted by direction and baseline (step 2).
    pieces: Vec<Piece>,
    /// Each piece's direction key and baseline, and where it was drawn.
    keys: Vec<(i32, f32, u32)>,
    /// Each sorted piece as step 2 compares it.
    measured: Vec<Measured>,
    /// Union-find parents, by index into `pieces`.
    parent: Vec<usize>,
    /// The next piece of the same line, by index into `pieces`;
    /// `u32::MAX` after the last.
    next: Vec<u32>,
    /// The line each line's first piece starts, by index into `pieces`.
    line_of: Vec<u32>,
    /// The lines joined, in order of their first piece: their first
    /// piece, their last, and their size (the largest of their pieces').
    joined: Vec<(u32, u32, f32)>,
    /// A line's glyphs keyed by their start along its direction.
    keyed: Vec<(f32, u32)>,
}

/// A sorted piece as step 2 compares it: direction key, baseline and
/// extent computed once, not in every comparison.
#[derive(Debug, Clone, Copy)]
struct Measured {
    key: i32,
    baseline: f32,
    lo: f32,
    hi: f32,
    size: f32,
    dir: Point,
}

/// The words of the lines: each line's glyphs in visual order, and where
/// its words start, in two lists for all lines.
#[derive(Debug, Default)]
pub(super) struct Words {
    /// Glyph indices, line after line.
    pub(super) glyphs: Vec<u32>,
    /// Where each word starts in `glyphs`, line after line.
    pub(super) starts: Vec<u32>,
}

impl Words {
    fn clear(&mut self) {
        self.glyphs.clear();
        self.starts.clear();
    }

    /// The words of a line, in visual order.
    pub(super) fn of<'w>(&'w self, line: &LineBox) -> impl Iterator<Item = &'w [u32]> + 'w {
        let line_glyphs = self.glyphs_of(line);
        self.spans(line)
            .map(move |span| line_glyphs.get(span).unwrap_or_default())
    }

    /// The line's glyphs, in visual order.
    pub(super) fn glyphs_of(&self, line: &LineBox) -> &[u32] {
        self.glyphs
            .get(line.glyphs.start as usize..line.glyphs.end as usize)
            .unwrap_or_default()
    }

    /// Where the words of a line lie in its glyphs.
    pub(super) fn spans<'w>(&'w self, line: &LineBox) -> impl Iterator<Item = Range<usize>> + 'w {
        let starts = self.starts.get(line.words.clone()).unwrap_or_default();
        let base = line.glyphs.start;
        let ends = starts.iter().skip(1).copied().chain([line.glyphs.end]);
        starts.iter().zip(ends).map(move |(&start, end)| {
            start.saturating_sub(base) as usize..end.saturating_sub(base) as usize
        })
    }
}

/// Steps 1 to 3: the lines of a page, each with its words, into `lines`
/// and `words`.
pub(super) fn lines(
    glyphs: &Glyphs,
    scratch: &mut Scratch,
    lines: &mut Vec<LineBox>,
    words: &mut Words,
) {
    pieces(glyphs, &mut scratch.drawn);
    join_pieces(scratch);
    lines.clear();
    words.clear();
    let Scratch {
        pieces,
        next,
        joined,
        keyed,
        ..
    } = scratch;
    for &(first, _, size) in joined.iter() {
        let Some(piece) = pieces.get(first as usize) else {
            continue;
        };
        let frame = Frame {
            dir: piece.dir,
            normal: piece.normal,
            size,
        };
        // Pieces drawn in order are mostly in order already: the line is
        // built in one pass over its pieces, and only when a glyph turns out
        // to stand before the one joined before it are they sorted (a
        // stable sort: glyphs at one place keep the order they were joined
        // in).
        let line = match in_joined_order(glyphs, pieces, next, first, frame, words) {
            Ok(line) => line,
            Err(OutOfOrder) => {
                keyed.clear();
                keyed.extend(
                    joined_runs(glyphs, pieces, next, first)
                        .flat_map(|(run, indices)| run.iter().zip(indices))
                        .map(|(g, i)| (dot(g.origin, frame.dir), i)),
                );
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                let mut line = Builder::new(glyphs, frame, false, words);
                for &(start, index) in keyed.iter() {
                    if let Some(glyph) = glyphs.list.get(index as usize) {
                        // Only a check of the order fails.
                        line.push(glyph, index, start, words).ok();
                    }
                }
                line.finish(words)
            }
        };
        lines.extend(line);
    }
}

/// A line built from its pieces in the order they were joined, chained
/// from `first` by `next`; `OutOfOrder` when its glyphs are not in visual
/// order that way.
fn in_joined_order(
    glyphs: &Glyphs,
    pieces: &[Piece],
    next: &[u32],
    first: u32,
    frame: Frame,
    words: &mut Words,
) -> Result<Option<LineBox>, OutOfOrder> {
    let mut line = Builder::new(glyphs, frame, true, words);
    for (run, indices) in joined_runs(glyphs, pieces, next, first) {
        for (glyph, index) in run.iter().zip(indices) {
            line.push(glyph, index, dot(glyph.origin, frame.dir), words)?;
        }
    }
    Ok(line.finish(words))
}

/// The pieces of a line in the order they were joined (chained from
/// `first` by `next`): each piece's glyphs and their indices.
fn joined_runs<'g>(
    glyphs: &'g Glyphs,
    pieces: &'g [Piece],
    next: &'g [u32],
    first: u32,
) -> impl Iterator<Item = (&'g [Glyph], Range<u32>)> + 'g {
    std::iter::successors(
        pieces.get(first as usize).map(|p| (first, p)),
        move |&(at, _)| {
            let following = next.get(at as usize).copied().unwrap_or(u32::MAX);
            pieces.get(following as usize).map(|p| (following, p))
        },
    )
    .map(move |(_, piece)| {
        let run = glyphs
            .list
            .get(piece.glyphs.start as usize..piece.glyphs.end as usize);
        (run.unwrap_or_default(), piece.glyphs.clone())
    })
}

/// A line's direction, normal and font size.
#[derive(Debug, Clone, Copy)]
struct Frame {
    dir: Point,
    normal: Point,
    size: f32,
}

/// A line's glyphs are not in order along its direction.
#[derive(Debug)]
struct OutOfOrder;

/// Step 1: pieces of lines, in drawing order. A glyph joins the piece
/// drawn before it or starts one, so a piece is a run of glyph indices.
fn pieces(glyphs: &Glyphs, pieces: &mut Vec<Piece>) {
    pieces.clear();
    let mut current: Option<Piece> = None;
    for (index, glyph) in glyphs.list.iter().enumerate() {
        let Ok(index) = u32::try_from(index) else {
            break;
        };
        let size = glyph.size();
        if let Some(piece) = &mut current
            && piece.take(glyph, size, BASELINE_TOLERANCE)
        {
            continue;
        }
        pieces.extend(current.replace(Piece::new(index, glyph, size)));
    }
    pieces.extend(current);
}

/// Step 2: pieces on one baseline, close together, joined into lines
/// ([`Scratch::joined`], chained by [`Scratch::next`]).
fn join_pieces(scratch: &mut Scratch) {
    let Scratch {
        drawn,
        pieces,
        keys,
        measured,
        parent,
        next,
        line_of,
        joined,
        ..
    } = scratch;
    // Sort by direction, then by baseline, so that pieces that may join are
    // near each other; a stable sort, so ties keep the drawing order.
    keys.clear();
    keys.extend(
        drawn
            .iter()
            .zip(0..)
            .map(|(p, i)| (direction_key(p.dir), p.baseline(), i)),
    );
    keys.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    pieces.clear();
    pieces.extend(
        keys.iter()
            .filter_map(|&(_, _, i)| drawn.get(i as usize).cloned()),
    );
    measured.clear();
    measured.extend(
        keys.iter()
            .zip(pieces.iter())
            .map(|(&(key, baseline, _), p)| {
                let (lo, hi) = p.extent();
                Measured {
                    key,
                    baseline,
                    lo,
                    hi,
                    size: p.size,
                    dir: p.dir,
                }
            }),
    );
    let count = pieces.len();
    parent.clear();
    parent.extend(0..count);
    for (i, a) in measured.iter().enumerate() {
        let window = measured
            .get(i + 1..count.min(i + 1 + JOIN_WINDOW))
            .unwrap_or_default();
        for (j, b) in (i + 1..).zip(window) {
            if b.key != a.key || b.baseline - a.baseline > JOIN_TOLERANCE * a.size.max(b.size) {
                break;
            }
            if dot(a.dir, b.dir) < SAME_DIRECTION {
                continue;
            }
            let gap = (b.lo - a.hi).max(a.lo - b.hi);
            if gap <= JOIN_GAP * a.size.max(b.size) {
                union(parent, i, j);
            }
        }
    }
    // Each line's pieces chained from its first, which is the root (union
    // keeps the smaller index as the root), in sorted order.
    next.clear();
    next.resize(count, u32::MAX);
    line_of.clear();
    line_of.resize(count, u32::MAX);
    joined.clear();
    for (i, (index, piece)) in (0_u32..).zip(pieces.iter()).enumerate() {
        let root = find(parent, i);
        let line = line_of.get(root).copied().unwrap_or(u32::MAX);
        match joined.get_mut(line as usize) {
            Some((_, last, size)) => {
                *size = size.max(piece.size);
                if let Some(slot) = next.get_mut(*last as usize) {
                    *slot = index;
                }
                *last = index;
            }
            None => {
                if let Some(slot) = line_of.get_mut(i) {
                    *slot = u32::try_from(joined.len()).unwrap_or(u32::MAX);
                }
                joined.push((index, index, piece.size));
            }
        }
    }
}

/// Directions in whole degrees.
pub(super) fn direction_key(dir: Point) -> i32 {
    #[allow(clippy::cast_possible_truncation)]
    let degrees = dir[1].atan2(dir[0]).to_degrees().round() as i32;
    degrees.rem_euclid(360)
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = p;
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb
        && let Some(slot) = parent.get_mut(ra.max(rb))
    {
        *slot = ra.min(rb);
    }
}

/// A line in its own frame: glyphs in visual order split into words.
#[derive(Debug, Clone)]
pub(super) struct LineBox {
    /// Its glyphs in [`Words::glyphs`]: in visual order (along the
    /// direction), white space and glyphs drawn twice left out.
    pub(super) glyphs: Range<u32>,
    /// Its words' starts in [`Words::starts`].
    pub(super) words: Range<usize>,
    pub(super) dir: Point,
    pub(super) normal: Point,
    /// In the frame: along the direction and along the normal.
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) baseline: f32,
    pub(super) size: f32,
    pub(super) block: usize,
}

/// A line being built (step 3): its glyphs come in visual order, and go
/// to [`Words`].
struct Builder<'g> {
    glyphs: &'g Glyphs,
    frame: Frame,
    /// Whether to check that the glyphs come in order (when they come in
    /// the order they were joined).
    check_order: bool,
    last_start: Option<f32>,
    first_glyph: usize,
    first_word: usize,
    /// The previous glyph kept: it, and where it starts along the
    /// direction, its offset along the normal and its size.
    previous: Option<(&'g Glyph, f32, f32, f32)>,
    break_pending: bool,
    x0: f32,
    x1: f32,
    baseline_sum: f32,
    counted: f32,
}

impl<'g> Builder<'g> {
    fn new(glyphs: &'g Glyphs, frame: Frame, check_order: bool, words: &Words) -> Self {
        Self {
            glyphs,
            frame,
            check_order,
            last_start: None,
            first_glyph: words.glyphs.len(),
            first_word: words.starts.len(),
            previous: None,
            break_pending: false,
            x0: f32::INFINITY,
            x1: f32::NEG_INFINITY,
            baseline_sum: 0.0,
            counted: 0.0,
        }
    }

    /// Adds glyph `index` starting at `start` along the direction.
    fn push(
        &mut self,
        glyph: &'g Glyph,
        index: u32,
        start: f32,
        words: &mut Words,
    ) -> Result<(), OutOfOrder> {
        if self.check_order {
            // As `<=` orders them: a NaN is out of order.
            if self.last_start.is_some_and(|last| {
                matches!(last.partial_cmp(&start), None | Some(Ordering::Greater))
            }) {
                words.glyphs.truncate(self.first_glyph);
                words.starts.truncate(self.first_word);
                return Err(OutOfOrder);
            }
            self.last_start = Some(start);
        }
        if glyph.space {
            self.break_pending = true;
            return Ok(());
        }
        let across = dot(glyph.origin, self.frame.normal);
        let glyph_size = glyph.size();
        let starts_word = match self.previous {
            Some((prev, prev_start, prev_across, prev_size)) => {
                let prev_end = prev_start + prev.width;
                let larger = greatest(prev_size, glyph_size);
                let drawn_twice = (start - prev_start).abs() < DUPLICATE * larger
                    && (across - prev_across).abs() < DUPLICATE * larger
                    && self.glyphs.text(prev) == self.glyphs.text(glyph);
                if drawn_twice {
                    return Ok(());
                }
                self.break_pending || start - prev_end > WORD_GAP * larger
            }
            None => true,
        };
        if starts_word {
            // Fewer than 2^32 glyphs on a page (see `pieces`).
            words
                .starts
                .push(u32::try_from(words.glyphs.len()).unwrap_or(u32::MAX));
        }
        self.break_pending = false;
        words.glyphs.push(index);
        self.previous = Some((glyph, start, across, glyph_size));
        self.x0 = least(self.x0, start);
        self.x1 = greatest(self.x1, start + glyph.width);
        self.baseline_sum += across;
        self.counted += 1.0;
        Ok(())
    }

    /// The line built; `None` when it keeps no glyph.
    fn finish(self, words: &Words) -> Option<LineBox> {
        let (Ok(start), Ok(end)) = (
            u32::try_from(self.first_glyph),
            u32::try_from(words.glyphs.len()),
        ) else {
            return None;
        };
        if start == end {
            return None;
        }
        Some(LineBox {
            glyphs: start..end,
            words: self.first_word..words.starts.len(),
            dir: self.frame.dir,
            normal: self.frame.normal,
            x0: self.x0,
            x1: self.x1,
            baseline: self.baseline_sum / self.counted,
            size: self.frame.size,
            block: 0,
        })
    }
}

impl LineBox {
    /// The number of glyphs kept.
    pub(super) fn len(&self) -> usize {
        self.glyphs.len()
    }

    pub(super) fn top(&self) -> f32 {
        self.baseline + ASCENT * self.size
    }

    pub(super) fn bottom(&self) -> f32 {
        self.baseline + DESCENT * self.size
    }

    pub(super) fn overlap(&self, other: &Self) -> f32 {
        self.x1.min(other.x1) - self.x0.max(other.x0)
    }
}

/// Measures a line in another (nearly equal) frame.
pub(super) fn reframe(line: &mut LineBox, dir: Point, normal: Point) {
    if line.dir == dir && line.normal == normal {
        return;
    }
    // The line's own extent, moved into the shared frame through its
    // reference points.
    let own_start = [
        line.x0 * line.dir[0] + line.baseline * line.normal[0],
        line.x0 * line.dir[1] + line.baseline * line.normal[1],
    ];
    let length = line.x1 - line.x0;
    line.x0 = dot(own_start, dir);
    line.x1 = line.x0 + length;
    line.baseline = dot(own_start, normal);
    line.dir = dir;
    line.normal = normal;
}

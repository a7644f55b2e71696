//! Steps 1 and 2: glyphs into pieces of lines in drawing order, pieces on
//! one baseline joined into lines; each line in its own frame, its glyphs
//! in visual order and split into words (step 3).

use std::collections::HashMap;

use crate::text::glyph::{ASCENT, DESCENT, Glyph, Glyphs, Point, dot};

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

/// A line under construction: its glyphs and its frame.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    glyphs: Vec<u32>,
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
    fn new(index: u32, glyph: &Glyph) -> Self {
        Self {
            glyphs: vec![index],
            origin: glyph.origin,
            dir: glyph.dir,
            normal: glyph.normal(),
            lo: 0.0,
            hi: glyph.width,
            size: glyph.size(),
        }
    }

    /// Whether `glyph` belongs on this piece's line, `tolerance` font sizes
    /// off its baseline at most.
    fn fits(&self, glyph: &Glyph, tolerance: f32) -> bool {
        if dot(self.dir, glyph.dir) < SAME_DIRECTION {
            return false;
        }
        let size = glyph.size();
        let larger = self.size.max(size);
        if larger > 3.0 * self.size.min(size) {
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
        let gap = (start - self.hi).max(self.lo - (start + glyph.width));
        gap <= MAX_GAP * larger
    }

    fn add(&mut self, index: u32, glyph: &Glyph) {
        let start = dot(
            [
                glyph.origin[0] - self.origin[0],
                glyph.origin[1] - self.origin[1],
            ],
            self.dir,
        );
        self.lo = self.lo.min(start);
        self.hi = self.hi.max(start + glyph.width);
        self.size = self.size.max(glyph.size());
        self.glyphs.push(index);
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

/// Step 1: pieces of lines, in drawing order.
pub(super) fn pieces(glyphs: &Glyphs) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (index, glyph) in glyphs.list.iter().enumerate() {
        let Ok(index) = u32::try_from(index) else {
            break;
        };
        match pieces.last_mut() {
            Some(piece) if piece.fits(glyph, BASELINE_TOLERANCE) => piece.add(index, glyph),
            _ => pieces.push(Piece::new(index, glyph)),
        }
    }
    pieces
}

/// Step 2: pieces on one baseline, close together, joined into lines.
pub(super) fn join_pieces(glyphs: &Glyphs, mut pieces: Vec<Piece>) -> Vec<Piece> {
    // Sort by direction, then by baseline, so that pieces that may join are
    // near each other.
    pieces.sort_by(|a, b| {
        direction_key(a.dir)
            .cmp(&direction_key(b.dir))
            .then(a.baseline().total_cmp(&b.baseline()))
    });
    let mut parent: Vec<usize> = (0..pieces.len()).collect();
    for i in 0..pieces.len() {
        let Some(a) = pieces.get(i) else { break };
        let key = direction_key(a.dir);
        let (a_lo, a_hi) = a.extent();
        for j in (i + 1)..pieces.len().min(i + 1 + JOIN_WINDOW) {
            let Some(b) = pieces.get(j) else { break };
            if direction_key(b.dir) != key
                || b.baseline() - a.baseline() > JOIN_TOLERANCE * a.size.max(b.size)
            {
                break;
            }
            if dot(a.dir, b.dir) < SAME_DIRECTION {
                continue;
            }
            let (b_lo, b_hi) = b.extent();
            let gap = (b_lo - a_hi).max(a_lo - b_hi);
            if gap <= JOIN_GAP * a.size.max(b.size) {
                union(&mut parent, i, j);
            }
        }
    }
    let mut groups: HashMap<usize, Piece> = HashMap::new();
    let mut roots = Vec::new();
    for (i, piece) in pieces.into_iter().enumerate() {
        let root = find(&mut parent, i);
        match groups.get_mut(&root) {
            Some(group) => {
                for index in piece.glyphs {
                    if let Some(glyph) = glyphs.list.get(index as usize) {
                        group.add(index, glyph);
                    }
                }
            }
            None => {
                roots.push(root);
                groups.insert(root, piece);
            }
        }
    }
    roots
        .into_iter()
        .filter_map(|root| groups.remove(&root))
        .collect()
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
    /// Glyph indices in visual order (along the direction), white space
    /// and glyphs drawn twice left out.
    pub(super) glyphs: Vec<u32>,
    /// Where each word starts in `glyphs`.
    pub(super) starts: Vec<usize>,
    pub(super) dir: Point,
    pub(super) normal: Point,
    /// In the frame: along the direction and along the normal.
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) baseline: f32,
    pub(super) size: f32,
    pub(super) block: usize,
}

impl LineBox {
    pub(super) fn new(glyphs: &Glyphs, piece: Piece) -> Option<Self> {
        let Piece {
            glyphs: mut members,
            dir,
            normal,
            size,
            ..
        } = piece;
        let along = |i: u32| {
            glyphs
                .list
                .get(i as usize)
                .map_or(0.0, |g| dot(g.origin, dir))
        };
        // Pieces drawn in order are mostly in order already.
        if !members.is_sorted_by(|a, b| along(*a) <= along(*b)) {
            let mut keyed: Vec<(f32, u32)> = members.iter().map(|&i| (along(i), i)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            members = keyed.into_iter().map(|(_, i)| i).collect();
        }
        let mut kept: Vec<u32> = Vec::with_capacity(members.len());
        let mut starts: Vec<usize> = Vec::new();
        // The previous glyph kept: it, and where it starts along the
        // direction, its offset along the normal and its size.
        let mut previous: Option<(&Glyph, f32, f32, f32)> = None;
        let mut break_pending = false;
        let (mut x0, mut x1) = (f32::INFINITY, f32::NEG_INFINITY);
        let mut baseline_sum = 0.0;
        let mut counted = 0.0;
        for index in members {
            let Some(glyph) = glyphs.list.get(index as usize) else {
                continue;
            };
            if glyph.space {
                break_pending = true;
                continue;
            }
            let start = dot(glyph.origin, dir);
            let across = dot(glyph.origin, normal);
            let glyph_size = glyph.size();
            match previous {
                Some((prev, prev_start, prev_across, prev_size)) => {
                    let prev_end = prev_start + prev.width;
                    let larger = prev_size.max(glyph_size);
                    let drawn_twice = (start - prev_start).abs() < DUPLICATE * larger
                        && (across - prev_across).abs() < DUPLICATE * larger
                        && glyphs.text(prev) == glyphs.text(glyph);
                    if drawn_twice {
                        continue;
                    }
                    if break_pending || start - prev_end > WORD_GAP * larger {
                        starts.push(kept.len());
                    }
                }
                None => starts.push(0),
            }
            break_pending = false;
            kept.push(index);
            previous = Some((glyph, start, across, glyph_size));
            x0 = x0.min(start);
            x1 = x1.max(start + glyph.width);
            baseline_sum += across;
            counted += 1.0;
        }
        if kept.is_empty() {
            return None;
        }
        Some(Self {
            glyphs: kept,
            starts,
            dir,
            normal,
            x0,
            x1,
            baseline: baseline_sum / counted,
            size,
            block: 0,
        })
    }

    /// The words, in visual order.
    pub(super) fn words(&self) -> impl Iterator<Item = &[u32]> {
        let ends = self
            .starts
            .iter()
            .skip(1)
            .copied()
            .chain([self.glyphs.len()]);
        self.starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| self.glyphs.get(start..end).unwrap_or_default())
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

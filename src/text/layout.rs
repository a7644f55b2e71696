//! From glyphs to words and lines in reading order.
//!
//! 1. **Line pieces.** Glyphs are taken in the order they were drawn; a
//!    glyph joins the piece before it when it runs in the same direction,
//!    stands on the same baseline (within 0.45 of the font size: a
//!    superscript stays) and lies within [`MAX_GAP`] font sizes of it
//!    (on either side, so right-to-left text joins too).
//! 2. **Lines.** Pieces on one baseline that were drawn apart (a word
//!    drawn later, text drawn twice for a bold effect) are joined when they
//!    are within [`JOIN_GAP`] font sizes. A line's glyphs are put in visual order, and a glyph
//!    drawn twice at the same place is kept once.
//! 3. **Words.** A line breaks into words at white-space glyphs and at gaps
//!    wider than [`WORD_GAP`] font sizes (many writers position words
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

use std::collections::HashMap;
use std::ops::Range;

use super::glyph::{ASCENT, DESCENT, Glyph, Glyphs, Point, dot};

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
/// Most lines looked at below each line when forming blocks.
const BLOCK_WINDOW: usize = 256;
/// Deepest nesting of the recursive cut; a region deeper than this is read
/// row by row.
const MAX_CUT_DEPTH: usize = 48;

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

/// A line under construction: its glyphs and its frame.
#[derive(Debug, Clone)]
struct Piece {
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

/// Lays out the glyphs of a page.
pub(crate) fn layout(glyphs: &Glyphs) -> Layout {
    let pieces = pieces(glyphs);
    let lines = join_pieces(glyphs, pieces);
    let mut lines: Vec<LineBox> = lines
        .into_iter()
        .filter_map(|piece| LineBox::new(glyphs, piece))
        .collect();
    let order = reading_order(&mut lines);
    assemble(glyphs, &lines, &order)
}

/// Step 1: pieces of lines, in drawing order.
fn pieces(glyphs: &Glyphs) -> Vec<Piece> {
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
fn join_pieces(glyphs: &Glyphs, mut pieces: Vec<Piece>) -> Vec<Piece> {
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
fn direction_key(dir: Point) -> i32 {
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
struct LineBox {
    /// Glyph indices in visual order (along the direction), white space
    /// and glyphs drawn twice left out.
    glyphs: Vec<u32>,
    /// Where each word starts in `glyphs`.
    starts: Vec<usize>,
    dir: Point,
    normal: Point,
    /// In the frame: along the direction and along the normal.
    x0: f32,
    x1: f32,
    baseline: f32,
    size: f32,
    block: usize,
}

impl LineBox {
    fn new(glyphs: &Glyphs, piece: Piece) -> Option<Self> {
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
        let mut previous: Option<&Glyph> = None;
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
            match previous {
                Some(prev) => {
                    let prev_end = dot(prev.origin, dir) + prev.width;
                    let larger = prev.size().max(glyph.size());
                    let drawn_twice = (start - dot(prev.origin, dir)).abs() < DUPLICATE * larger
                        && (dot(glyph.origin, normal) - dot(prev.origin, normal)).abs()
                            < DUPLICATE * larger
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
            previous = Some(glyph);
            x0 = x0.min(start);
            x1 = x1.max(start + glyph.width);
            baseline_sum += dot(glyph.origin, normal);
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
    fn words(&self) -> impl Iterator<Item = &[u32]> {
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

    fn top(&self) -> f32 {
        self.baseline + ASCENT * self.size
    }

    fn bottom(&self) -> f32 {
        self.baseline + DESCENT * self.size
    }

    fn overlap(&self, other: &Self) -> f32 {
        self.x1.min(other.x1) - self.x0.max(other.x0)
    }
}

/// Steps 4 and 5: assigns blocks and returns the lines' reading order.
fn reading_order(lines: &mut [LineBox]) -> Vec<usize> {
    // Lines by direction in whole degrees, and the glyphs in each.
    let mut buckets: Vec<(Vec<usize>, usize)> = vec![(Vec::new(), 0); 360];
    for (i, line) in lines.iter().enumerate() {
        let key = usize::try_from(direction_key(line.dir)).unwrap_or(0);
        if let Some((members, weight)) = buckets.get_mut(key) {
            members.push(i);
            *weight += line.glyphs.len();
        }
    }
    // Directions within two degrees of each other are one; the one with
    // the most text comes first and takes its neighbours.
    let mut keys: Vec<usize> = (0..360)
        .filter(|&k| buckets.get(k).is_some_and(|b| b.1 > 0))
        .collect();
    keys.sort_by(|&a, &b| {
        let weight = |k: usize| buckets.get(k).map_or(0, |b| b.1);
        weight(b).cmp(&weight(a)).then(a.cmp(&b))
    });
    let mut order = Vec::with_capacity(lines.len());
    let mut next_block = 0;
    for key in keys {
        let mut members: Vec<usize> = Vec::new();
        for offset in [0, 1, 359, 2, 358] {
            if let Some((bucket, _)) = buckets.get_mut((key + offset) % 360) {
                members.append(bucket);
            }
        }
        if members.is_empty() {
            continue;
        }
        members.sort_unstable();
        // One frame for the whole direction: the first line's.
        let Some(frame) = members.first().and_then(|&i| lines.get(i)) else {
            continue;
        };
        let (dir, normal) = (frame.dir, frame.normal);
        for &i in &members {
            if let Some(line) = lines.get_mut(i) {
                reframe(line, dir, normal);
            }
        }
        let blocks = blocks(lines, &members, &mut next_block);
        let mut cut = Cut {
            lines,
            order: &mut order,
        };
        cut.region(blocks, 0);
    }
    order
}

/// Measures a line in another (nearly equal) frame.
fn reframe(line: &mut LineBox, dir: Point, normal: Point) {
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

/// A block: lines in top-to-bottom order, and its extent.
#[derive(Debug, Clone)]
struct Block {
    lines: Vec<usize>,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
}

/// Step 4: links each line to the line below it when each is the other's
/// only neighbour, and returns the blocks.
fn blocks(lines: &mut [LineBox], members: &[usize], next_block: &mut usize) -> Vec<Block> {
    let mut sorted = members.to_vec();
    sorted.sort_by(|&a, &b| {
        let (la, lb) = (lines.get(a), lines.get(b));
        let ya = la.map_or(0.0, |l| l.baseline);
        let yb = lb.map_or(0.0, |l| l.baseline);
        yb.total_cmp(&ya)
    });
    let count = sorted.len();
    let mut below: Vec<Option<usize>> = vec![None; count];
    let mut above_count: Vec<usize> = vec![0; count];
    let mut below_count: Vec<usize> = vec![0; count];
    let mut above: Vec<Option<usize>> = vec![None; count];
    for (si, &i) in sorted.iter().enumerate() {
        let Some(a) = lines.get(i) else { continue };
        // The nearest lines below that overlap across.
        let mut nearest: Option<f32> = None;
        let mut candidates: Vec<usize> = Vec::new();
        // Skip the lines on about the same baseline (by binary search: a
        // page can put thousands on one), then look at a bounded number.
        let first_below = si
            + 1
            + sorted
                .get(si + 1..)
                .unwrap_or_default()
                .partition_point(|&j| {
                    lines
                        .get(j)
                        .is_some_and(|b| a.baseline - b.baseline < 0.5 * a.size)
                });
        let window = sorted
            .iter()
            .enumerate()
            .skip(first_below)
            .take(BLOCK_WINDOW);
        for (sj, &j) in window {
            let Some(b) = lines.get(j) else { continue };
            let distance = a.baseline - b.baseline;
            if distance > 2.0 * a.size.max(b.size) {
                break;
            }
            if distance < 0.5 * a.size.max(b.size) || a.overlap(b) <= 0.0 {
                continue;
            }
            match nearest {
                Some(n) if distance > n + 0.3 * a.size => break,
                Some(_) => {}
                None => nearest = Some(distance),
            }
            let similar = a.size.max(b.size) <= 1.3 * a.size.min(b.size);
            if similar {
                candidates.push(sj);
            } else {
                // A neighbour in another size still counts as one.
                candidates.push(usize::MAX);
            }
        }
        if let Some(slot) = below_count.get_mut(si) {
            *slot = candidates.len();
        }
        if let [only] = candidates.as_slice()
            && *only != usize::MAX
        {
            if let Some(slot) = below.get_mut(si) {
                *slot = Some(*only);
            }
            if let Some(count) = above_count.get_mut(*only) {
                *count += 1;
            }
            if let Some(slot) = above.get_mut(*only) {
                *slot = Some(si);
            }
        }
    }
    // A line spanning two lines below it was counted by neither; a line
    // below two lines above counts both, and joins neither.
    let mut block_of: Vec<Option<usize>> = vec![None; count];
    let mut blocks: Vec<Block> = Vec::new();
    for si in 0..count {
        let joins = above.get(si).copied().flatten().filter(|&up| {
            above_count.get(si) == Some(&1)
                && below_count.get(up) == Some(&1)
                && below.get(up) == Some(&Some(si))
        });
        let Some(&line_index) = sorted.get(si) else {
            continue;
        };
        let block_index = match joins.and_then(|up| block_of.get(up).copied().flatten()) {
            Some(b) => b,
            None => {
                blocks.push(Block {
                    lines: Vec::new(),
                    x0: f32::INFINITY,
                    x1: f32::NEG_INFINITY,
                    top: f32::NEG_INFINITY,
                    bottom: f32::INFINITY,
                });
                blocks.len() - 1
            }
        };
        if let Some(slot) = block_of.get_mut(si) {
            *slot = Some(block_index);
        }
        if let (Some(block), Some(line)) = (blocks.get_mut(block_index), lines.get(line_index)) {
            block.lines.push(line_index);
            block.x0 = block.x0.min(line.x0);
            block.x1 = block.x1.max(line.x1);
            block.top = block.top.max(line.top());
            block.bottom = block.bottom.min(line.bottom());
        }
    }
    for block in &blocks {
        for &line in &block.lines {
            if let Some(l) = lines.get_mut(line) {
                l.block = *next_block;
            }
        }
        *next_block += 1;
    }
    blocks
}

/// Step 5: the recursive cut.
struct Cut<'l> {
    lines: &'l [LineBox],
    order: &'l mut Vec<usize>,
}

impl Cut<'_> {
    fn region(&mut self, blocks: Vec<Block>, depth: usize) {
        if blocks.len() <= 1 {
            for block in blocks {
                self.order.extend(block.lines);
            }
            return;
        }
        let size = median_size(self.lines, &blocks);
        if depth >= MAX_CUT_DEPTH {
            self.rows(&blocks, size);
            return;
        }
        let columns = split(&blocks, |b| (b.x0, b.x1), MIN_GUTTER * size);
        if columns.len() > 1 && !self.is_table(&columns, size) {
            for column in columns {
                self.region(column, depth + 1);
            }
            return;
        }
        // Top to bottom: split on the normal axis, which grows upwards.
        let mut rows = split(&blocks, |b| (-b.top, -b.bottom), 0.0);
        if rows.len() > 1 {
            for row in rows.drain(..) {
                self.region(row, depth + 1);
            }
            return;
        }
        self.rows(&blocks, size);
    }

    /// Whether side-by-side groups are a table (labels and values) rather
    /// than columns: most lines of the smaller group share a baseline with
    /// a line of its neighbour, and one of the two is narrow.
    fn is_table(&self, groups: &[Vec<Block>], size: f32) -> bool {
        groups.windows(2).any(|pair| {
            let [left, right] = pair else { return false };
            let narrow = |group: &[Block]| {
                group.iter().map(|b| b.x1 - b.x0).fold(0.0_f32, f32::max) < NARROW_COLUMN * size
            };
            if !narrow(left) && !narrow(right) {
                return false;
            }
            let baselines = |group: &[Block]| -> Vec<f32> {
                group
                    .iter()
                    .flat_map(|b| b.lines.iter())
                    .filter_map(|&l| self.lines.get(l).map(|l| l.baseline))
                    .collect()
            };
            let (a, b) = (baselines(left), baselines(right));
            let (few, mut many) = if a.len() <= b.len() { (a, b) } else { (b, a) };
            many.sort_by(f32::total_cmp);
            let tolerance = 0.3 * size;
            let shared = few
                .iter()
                .filter(|&&y| {
                    let from = many.partition_point(|&z| z < y - tolerance);
                    many.get(from).is_some_and(|&z| z <= y + tolerance)
                })
                .count();
            2 * shared > few.len()
        })
    }

    /// A region that cannot be cut: its lines row by row, top to bottom
    /// and left to right within a row.
    fn rows(&mut self, blocks: &[Block], size: f32) {
        let mut all: Vec<usize> = blocks.iter().flat_map(|b| b.lines.clone()).collect();
        let key = |i: &usize| {
            self.lines
                .get(*i)
                .map_or((0.0, 0.0), |l| (l.baseline, l.x0))
        };
        all.sort_by(|a, b| {
            let (ya, xa) = key(a);
            let (yb, xb) = key(b);
            yb.total_cmp(&ya).then(xa.total_cmp(&xb))
        });
        // Lines within a third of a size of each other's baseline are one
        // row: order them left to right.
        let mut start = 0;
        while start < all.len() {
            let (y0, _) = key(all.get(start).unwrap_or(&0));
            let mut end = start + 1;
            while end < all.len() && (y0 - key(all.get(end).unwrap_or(&0)).0) < 0.3 * size {
                end += 1;
            }
            if let Some(row) = all.get_mut(start..end) {
                row.sort_by(|a, b| key(a).1.total_cmp(&key(b).1));
            }
            start = end;
        }
        self.order.extend(all);
    }
}

/// The narrowest gutter between columns, in font sizes (the USENIX
/// template's is one).
const MIN_GUTTER: f32 = 0.5;

/// A column narrower than this many font sizes is a label column.
const NARROW_COLUMN: f32 = 10.0;

fn median_size(lines: &[LineBox], blocks: &[Block]) -> f32 {
    let mut sizes: Vec<f32> = blocks
        .iter()
        .flat_map(|b| b.lines.iter())
        .filter_map(|&l| lines.get(l).map(|l| l.size))
        .collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0)
}

/// Splits blocks into groups separated by gaps wider than `min_gap` on one
/// axis, in increasing order of that axis.
fn split(blocks: &[Block], span: impl Fn(&Block) -> (f32, f32), min_gap: f32) -> Vec<Vec<Block>> {
    let mut sorted: Vec<&Block> = blocks.iter().collect();
    sorted.sort_by(|a, b| span(a).0.total_cmp(&span(b).0));
    let mut groups: Vec<Vec<Block>> = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for block in sorted {
        let (start, end) = span(block);
        match groups.last_mut() {
            Some(group) if start - reach <= min_gap => group.push(block.clone()),
            _ => groups.push(vec![block.clone()]),
        }
        reach = reach.max(end);
    }
    groups
}

/// Steps 3, 6 and 7: words in logical order, lines in reading order,
/// hyphen breaks.
fn assemble(glyphs: &Glyphs, lines: &[LineBox], order: &[usize]) -> Layout {
    let mut layout = Layout::default();
    for &line_index in order {
        let Some(line) = lines.get(line_index) else {
            continue;
        };
        let first_word = layout.words.len();
        let visual: Vec<&[u32]> = line.words().collect();
        let add = |layout: &mut Layout, word: &[u32]| {
            let start = layout.order.len();
            layout.order.extend_from_slice(word);
            layout.words.push(Word {
                glyphs: start..layout.order.len(),
                hyphen_break: false,
                hyphen_joins: false,
            });
        };
        match logical_words(glyphs, &visual) {
            Some(reordered) => reordered.iter().for_each(|w| add(&mut layout, w)),
            None => visual.iter().for_each(|w| add(&mut layout, w)),
        }
        layout.lines.push(Line {
            words: first_word..layout.words.len(),
            block: line.block,
        });
    }
    mark_hyphen_breaks(glyphs, &mut layout);
    layout
}

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

/// The words of a line (in visual order) put in logical order; `None` when
/// that is the visual order (no right-to-left word).
fn logical_words(glyphs: &Glyphs, visual: &[&[u32]]) -> Option<Vec<Vec<u32>>> {
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

/// The characters that end a word broken at a line end.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{00AD}')
}

/// Step 7.
fn mark_hyphen_breaks(glyphs: &Glyphs, layout: &mut Layout) {
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Glyphs for text set in a fixed-pitch font: each character 0.5 em
    /// wide, `size` high, lines given by their baseline and start.
    pub(crate) fn set(lines: &[(&str, f32, f32)], size: f32) -> Glyphs {
        let mut glyphs = Glyphs::default();
        for (text, x, y) in lines {
            let mut pen = *x;
            for c in text.chars() {
                let mut buffer = [0; 4];
                glyphs.push(
                    c.encode_utf8(&mut buffer),
                    [pen, *y],
                    [1.0, 0.0],
                    [0.0, size],
                    0.5 * size,
                );
                pen += 0.5 * size;
            }
        }
        glyphs
    }

    pub(crate) fn lines_of(glyphs: &Glyphs, layout: &Layout) -> Vec<String> {
        layout
            .lines
            .iter()
            .map(|line| {
                layout
                    .words
                    .get(line.words.clone())
                    .unwrap()
                    .iter()
                    .map(|w| {
                        layout.order[w.glyphs.clone()]
                            .iter()
                            .map(|&i| glyphs.text(&glyphs.list[i as usize]))
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn words_split_at_spaces_and_gaps() {
        let mut glyphs = set(&[("Het besluit", 72.0, 700.0)], 10.0);
        // A word positioned without a space glyph before it.
        glyphs.push(
            "x",
            [72.0 + 11.0 * 5.0 + 3.0, 700.0],
            [1.0, 0.0],
            [0.0, 10.0],
            5.0,
        );
        let layout = layout(&glyphs);
        assert_eq!(lines_of(&glyphs, &layout), ["Het besluit x"]);
    }

    #[test]
    fn kerned_letters_stay_one_word() {
        let mut glyphs = Glyphs::default();
        for (i, c) in "AVATAR".chars().enumerate() {
            let mut b = [0; 4];
            // Pulled together by kerning: 0.05 em overlap.
            glyphs.push(
                c.encode_utf8(&mut b),
                [100.0 + i as f32 * 6.5, 700.0],
                [1.0, 0.0],
                [0.0, 10.0],
                7.0,
            );
        }
        let layout = layout(&glyphs);
        assert_eq!(lines_of(&glyphs, &layout), ["AVATAR"]);
    }

    #[test]
    fn two_columns_read_column_by_column() {
        // Drawn row by row, as some writers do.
        let left = [
            "the left column starts with this line",
            "and goes on with this one, then",
            "ends here.",
        ];
        let right = [
            "the right column starts with this one",
            "and has a second line as well as",
            "a third.",
        ];
        let mut rows = Vec::new();
        for i in 0..3 {
            let y = 700.0 - 12.0 * i as f32;
            rows.push((left[i], 72.0, y));
            rows.push((right[i], 280.0, y));
        }
        let glyphs = set(&rows, 10.0);
        let layout = layout(&glyphs);
        let expected: Vec<&str> = left.iter().chain(&right).copied().collect();
        assert_eq!(lines_of(&glyphs, &layout), expected);
    }

    #[test]
    fn title_over_two_columns() {
        let title = "A title in the same size that spans both columns of the page, and more";
        let glyphs = set(
            &[
                (title, 72.0, 730.0),
                ("the right column starts with this one", 280.0, 718.0),
                ("and has a second line as well", 280.0, 706.0),
                ("the left column starts with this line", 72.0, 718.0),
                ("and goes on with this one", 72.0, 706.0),
            ],
            10.0,
        );
        let layout = layout(&glyphs);
        assert_eq!(
            lines_of(&glyphs, &layout),
            [
                title,
                "the left column starts with this line",
                "and goes on with this one",
                "the right column starts with this one",
                "and has a second line as well",
            ]
        );
    }

    #[test]
    fn labels_and_values_read_row_by_row() {
        let glyphs = set(
            &[
                ("Aan", 72.0, 700.0),
                ("Van", 72.0, 688.0),
                ("Datum", 72.0, 676.0),
                ("de minister van SZW", 200.0, 700.0),
                ("DG Werk", 200.0, 688.0),
                ("30 maart 2026", 200.0, 676.0),
            ],
            10.0,
        );
        let layout = layout(&glyphs);
        assert_eq!(
            lines_of(&glyphs, &layout),
            [
                "Aan",
                "de minister van SZW",
                "Van",
                "DG Werk",
                "Datum",
                "30 maart 2026"
            ]
        );
    }

    #[test]
    fn rotated_text_reads_along_its_baseline() {
        // A page turned a quarter (text running upwards, lines stacked to
        // the right), drawn bottom line first.
        let mut glyphs = Glyphs::default();
        for (text, x) in [("second line", 112.0), ("first line", 100.0)] {
            let mut pen = 300.0;
            for c in text.chars() {
                let mut b = [0; 4];
                glyphs.push(
                    c.encode_utf8(&mut b),
                    [x, pen],
                    [0.0, 1.0],
                    [-10.0, 0.0],
                    5.0,
                );
                pen += 5.0;
            }
        }
        let layout = layout(&glyphs);
        assert_eq!(lines_of(&glyphs, &layout), ["first line", "second line"]);
    }

    #[test]
    fn right_to_left_words_in_logical_order() {
        // Hebrew "שלום עולם" drawn in visual order (left to right on the
        // page: the last letter first).
        let glyphs = set(&[("םלוע םולש", 72.0, 700.0)], 10.0);
        let layout = layout(&glyphs);
        assert_eq!(lines_of(&glyphs, &layout), ["שלום עולם"]);
    }

    #[test]
    fn number_inside_right_to_left_line() {
        let glyphs = set(&[("2026 םולש", 72.0, 700.0)], 10.0);
        let layout = layout(&glyphs);
        assert_eq!(lines_of(&glyphs, &layout), ["שלום 2026"]);
    }

    #[test]
    fn neutral_words_between_right_to_left_words() {
        // A number between two Hebrew words reads with them; one between a
        // Hebrew and a Latin word takes the line's direction.
        let glyphs = set(&[("םלוע 2026 םולש", 72.0, 700.0)], 10.0);
        let layout = layout(&glyphs);
        assert_eq!(lines_of(&glyphs, &layout), ["שלום 2026 עולם"]);
    }

    #[test]
    fn glyph_drawn_twice_kept_once() {
        let mut glyphs = set(&[("Bold", 72.0, 700.0)], 10.0);
        let again = set(&[("Bold", 72.3, 700.0)], 10.0);
        for g in &again.list {
            glyphs.push(again.text(g), g.origin, g.dir, g.em, g.width);
        }
        let layout = layout(&glyphs);
        assert_eq!(lines_of(&glyphs, &layout), ["Bold"]);
    }

    #[test]
    fn superscript_stays_on_its_line() {
        let mut glyphs = set(&[("note", 72.0, 700.0)], 10.0);
        glyphs.push("1", [92.0, 703.5], [1.0, 0.0], [0.0, 6.0], 3.0);
        let layout = layout(&glyphs);
        assert_eq!(lines_of(&glyphs, &layout), ["note1"]);
    }

    #[test]
    fn thousands_of_pieces_on_one_baseline_stay_fast() {
        // Glyphs three sizes apart on one baseline, and a second such row:
        // every glyph is a line of its own, all sharing their baselines.
        let mut glyphs = Glyphs::default();
        for row in 0..2 {
            for i in 0..20_000 {
                let x = i as f32 * 30.0;
                glyphs.push(
                    "x",
                    [x, 700.0 - 12.0 * row as f32],
                    [1.0, 0.0],
                    [0.0, 10.0],
                    5.0,
                );
            }
        }
        let started = std::time::Instant::now();
        let layout = layout(&glyphs);
        assert_eq!(layout.lines.len(), 40_000);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn hyphen_breaks() {
        use Continuation::{Break, Compound, None};
        assert_eq!(continuation("regis-", "ters"), Break);
        assert_eq!(continuation("non-", "VM"), None);
        assert_eq!(continuation("Trace-", "Monkey"), None);
        assert_eq!(continuation("BESLIS-", "NOTA"), None);
        assert_eq!(continuation("COVID-", "19"), Compound);
        assert_eq!(continuation("-", "x"), None);
        assert_eq!(continuation("2026-", "x"), None);
        assert_eq!(continuation("ver\u{AD}", "Zeker"), Break);
        assert_eq!(continuation("word", "next"), None);
        assert_eq!(continuation("en-", "(x)"), None);
    }

    #[test]
    fn hyphen_after_an_abbreviation_is_kept() {
        // Seed 000 writes "EU-richtlijn", "TNO-onderzoek", "RIVM-onderzoek".
        assert_eq!(continuation("EU-", "richtlijn"), Continuation::Compound);
        assert_eq!(continuation("TNO-", "onderzoek"), Continuation::Compound);
        assert_eq!(continuation("Woo-", "verzoek"), Continuation::Break);
    }

    #[test]
    fn hyphen_break_marked_within_a_block() {
        let glyphs = set(
            &[("the regis-", 72.0, 700.0), ("ters of it", 72.0, 688.0)],
            10.0,
        );
        let layout = layout(&glyphs);
        let marked: Vec<bool> = layout.words.iter().map(|w| w.hyphen_break).collect();
        assert_eq!(marked, [false, true, false, false, false]);
        assert!(layout.words.iter().all(|w| !w.hyphen_joins));
    }
}

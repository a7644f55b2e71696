//! Step 5: the reading order, by recursive cuts at gutters and gaps.

use super::blocks::{Block, blocks};
use super::lines::{LineBox, direction_key, reframe};

/// Deepest nesting of the recursive cut; a region deeper than this is read
/// row by row.
const MAX_CUT_DEPTH: usize = 48;

/// Steps 4 and 5: assigns blocks and returns the lines' reading order.
pub(super) fn reading_order(lines: &mut [LineBox]) -> Vec<usize> {
    let mut order = Vec::with_capacity(lines.len());
    let mut next_block = 0;
    for members in directions(lines) {
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

/// The lines by direction, each direction's in drawing order: directions
/// within two degrees of each other are one, and the one with the most
/// text comes first and takes its neighbours. Most pages have one
/// direction, and are given it without sorting lines into the 360 whole
/// degrees (every line has a glyph, so a direction with a line has text).
fn directions(lines: &[LineBox]) -> Vec<Vec<usize>> {
    let line_keys: Vec<usize> = lines
        .iter()
        .map(|line| usize::try_from(direction_key(line.dir)).unwrap_or(0))
        .collect();
    if line_keys.windows(2).all(|pair| pair.first() == pair.last()) {
        return match lines.len() {
            0 => Vec::new(),
            n => vec![(0..n).collect()],
        };
    }
    // Lines by direction in whole degrees, and the glyphs in each.
    let mut buckets: Vec<(Vec<usize>, usize)> = vec![(Vec::new(), 0); 360];
    for ((i, line), &key) in lines.iter().enumerate().zip(&line_keys) {
        if let Some((members, weight)) = buckets.get_mut(key) {
            members.push(i);
            *weight += line.len();
        }
    }
    let mut keys: Vec<usize> = (0..360)
        .filter(|&k| buckets.get(k).is_some_and(|b| b.1 > 0))
        .collect();
    keys.sort_by(|&a, &b| {
        let weight = |k: usize| buckets.get(k).map_or(0, |b| b.1);
        weight(b).cmp(&weight(a)).then(a.cmp(&b))
    });
    let mut groups = Vec::new();
    for key in keys {
        let mut members: Vec<usize> = Vec::new();
        for offset in [0, 1, 359, 2, 358] {
            if let Some((bucket, _)) = buckets.get_mut((key + offset) % 360) {
                members.append(bucket);
            }
        }
        if !members.is_empty() {
            members.sort_unstable();
            groups.push(members);
        }
    }
    groups
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
        // A gutter that a few blocks bridge (a stamp or a letterhead set
        // across it): the bands around them, each read on its own.
        if columns.len() == 1
            && let Some(bands) = self.bands_around_bridges(&blocks, size)
        {
            for band in bands {
                self.region(band, depth + 1);
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

    /// The bands of a region whose columns a few blocks bridge: a stamp or
    /// a letterhead set across the gutter between a nota's body and its
    /// margin. Without the bridges the region splits into columns; cut at
    /// every horizontal gap, its rows would alternate between them, a line
    /// of the body, a line of the margin. So the region is cut into bands
    /// instead, top to bottom: each run of rows without a bridge is one
    /// band, read column after column, and each row with one is a band of
    /// its own. `None` when no gutter is bridged by at most
    /// [`MAX_BRIDGES`] blocks, each narrower than half the region (a line
    /// as wide as the page, a title or a summary's comment, is no stamp
    /// across a gutter: between two such lines a summary's entry headers,
    /// their fields drawn apart, are rows), or when the columns left would
    /// be a table, or no band would be left to read as columns.
    fn bands_around_bridges(&self, blocks: &[Block], size: f32) -> Option<Vec<Vec<Block>>> {
        if blocks.len() > MAX_BRIDGED_BLOCKS {
            return None;
        }
        let gutter = MIN_GUTTER * size;
        let left = blocks.iter().map(|b| b.x0).fold(f32::INFINITY, f32::min);
        let right = blocks
            .iter()
            .map(|b| b.x1)
            .fold(f32::NEG_INFINITY, f32::max);
        let narrow = |block: &Block| 2.0 * (block.x1 - block.x0) < right - left;
        // A block is known by its first line: each line is in one block.
        let bridges: Vec<usize> = bridges(blocks, gutter)?
            .into_iter()
            .filter_map(|i| blocks.get(i))
            .filter(|b| narrow(b))
            .filter_map(|b| b.lines.first().copied())
            .collect();
        let is_bridge = |block: &Block| block.lines.first().is_some_and(|l| bridges.contains(l));
        if bridges.is_empty() {
            return None;
        }
        let rest: Vec<Block> = blocks.iter().filter(|b| !is_bridge(b)).cloned().collect();
        let columns = split(&rest, |b| (b.x0, b.x1), gutter);
        if columns.len() < 2 || self.is_table(&columns, size) {
            return None;
        }
        let mut bands: Vec<Vec<Block>> = Vec::new();
        let mut open = false;
        for row in split(blocks, |b| (-b.top, -b.bottom), 0.0) {
            let bridged = row.iter().any(is_bridge);
            match bands.last_mut() {
                Some(band) if open && !bridged => band.extend(row),
                _ => bands.push(row),
            }
            open = !bridged;
        }
        (bands.len() > 1).then_some(bands)
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

/// Most blocks that may bridge a gutter between columns.
const MAX_BRIDGES: usize = 3;
/// Most blocks of a region in which bridges are looked for (the search
/// weighs every stretch between block edges against every block).
const MAX_BRIDGED_BLOCKS: usize = 256;

/// The blocks (indices into `blocks`) that bridge a gutter: over a
/// stretch at least `gutter` wide stand a few blocks ([`MAX_BRIDGES`] at
/// most; a stretch none stands over is a gutter the columns already have),
/// and without them the rest has blocks wholly on either side. Of such
/// stretches, the one whose bridges hold the fewest lines (a stamp, a
/// letterhead: not the paragraphs of a column), then the widest.
fn bridges(blocks: &[Block], gutter: f32) -> Option<Vec<usize>> {
    let mut edges: Vec<f32> = blocks.iter().flat_map(|b| [b.x0, b.x1]).collect();
    edges.sort_by(f32::total_cmp);
    edges.dedup();
    // Stretches between consecutive edges, those with the same blocks over
    // them merged: where each starts and ends, and the blocks over it.
    let mut stretches: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for pair in edges.windows(2) {
        let &[x0, x1] = pair else { continue };
        let over: Vec<usize> = (0..blocks.len())
            .filter(|&i| blocks.get(i).is_some_and(|b| b.x0 < x1 && b.x1 > x0))
            .collect();
        match stretches.last_mut() {
            Some((_, end, last)) if *last == over => *end = x1,
            _ => stretches.push((x0, x1, over)),
        }
    }
    let lines_of = |over: &[usize]| -> usize {
        over.iter()
            .filter_map(|&i| blocks.get(i))
            .map(|b| b.lines.len())
            .sum()
    };
    stretches
        .into_iter()
        .filter(|(x0, x1, over)| {
            !over.is_empty()
                && over.len() <= MAX_BRIDGES
                && x1 - x0 >= gutter
                && blocks
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !over.contains(i))
                    .any(|(_, b)| b.x1 <= *x0)
                && blocks
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !over.contains(i))
                    .any(|(_, b)| b.x0 >= *x1)
        })
        .min_by(|a, b| {
            lines_of(&a.2)
                .cmp(&lines_of(&b.2))
                .then((b.1 - b.0).total_cmp(&(a.1 - a.0)))
        })
        .map(|(_, _, over)| over)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of `glyphs` glyphs running at `degrees`.
    fn line(degrees: f32, glyphs: u32) -> LineBox {
        let (sin, cos) = degrees.to_radians().sin_cos();
        LineBox {
            glyphs: 0..glyphs,
            words: 0..1,
            dir: [cos, sin],
            normal: [-sin, cos],
            x0: 0.0,
            x1: 10.0,
            baseline: 0.0,
            size: 10.0,
            block: 0,
        }
    }

    #[test]
    fn one_direction_is_every_line_in_drawing_order() {
        let lines = [line(0.0, 3), line(0.0, 1), line(0.0, 2)];
        assert_eq!(directions(&lines), vec![vec![0, 1, 2]]);
        assert!(directions(&[]).is_empty());
    }

    #[test]
    fn the_direction_with_most_text_comes_first_and_takes_its_neighbours() {
        // Sideways text (90°) outweighs the upright lines; a line 2° off
        // upright joins them, one 3° off does not.
        let lines = [
            line(0.0, 2),
            line(90.0, 9),
            line(2.0, 1),
            line(0.0, 2),
            line(357.0, 1),
        ];
        assert_eq!(directions(&lines), vec![vec![1], vec![0, 2, 3], vec![4]]);
    }
}

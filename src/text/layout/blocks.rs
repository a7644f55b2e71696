//! Step 4: lines into blocks (a paragraph, a column's run of lines).

use super::lines::LineBox;

/// Most lines looked at below each line when forming blocks.
const BLOCK_WINDOW: usize = 256;

/// A block: lines in top-to-bottom order, and its extent.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) lines: Vec<usize>,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) top: f32,
    pub(super) bottom: f32,
}

/// Step 4: links each line to the line below it when each is the other's
/// only neighbour, and returns the blocks.
pub(super) fn blocks(
    lines: &mut [LineBox],
    members: &[usize],
    next_block: &mut usize,
) -> Vec<Block> {
    let mut sorted = members.to_vec();
    sorted.sort_by(|&a, &b| {
        let (la, lb) = (lines.get(a), lines.get(b));
        let ya = la.map_or(0.0, |l| l.baseline);
        let yb = lb.map_or(0.0, |l| l.baseline);
        yb.total_cmp(&ya)
    });
    let links = Links::of(lines, &sorted);
    let blocks = links.blocks(lines, &sorted);
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

/// Each line's neighbours across the line gap, by position in the lines
/// sorted top to bottom.
struct Links {
    /// The only neighbour below, when there is one in a similar size.
    below: Vec<Option<usize>>,
    /// The line that has this one as its only neighbour below.
    above: Vec<Option<usize>>,
    /// How many lines have this one as their only neighbour below.
    above_count: Vec<usize>,
    /// How many neighbours below this line has.
    below_count: Vec<usize>,
}

impl Links {
    fn of(lines: &[LineBox], sorted: &[usize]) -> Self {
        let count = sorted.len();
        let mut links = Self {
            below: vec![None; count],
            above: vec![None; count],
            above_count: vec![0; count],
            below_count: vec![0; count],
        };
        for (si, &i) in sorted.iter().enumerate() {
            let Some(a) = lines.get(i) else { continue };
            let (count, first) = neighbours_below(lines, sorted, si, a);
            if let Some(slot) = links.below_count.get_mut(si) {
                *slot = count;
            }
            if count == 1
                && let Some(only) = &first
                && *only != usize::MAX
            {
                if let Some(slot) = links.below.get_mut(si) {
                    *slot = Some(*only);
                }
                if let Some(count) = links.above_count.get_mut(*only) {
                    *count += 1;
                }
                if let Some(slot) = links.above.get_mut(*only) {
                    *slot = Some(si);
                }
            }
        }
        links
    }

    /// The blocks: a line joins the block of the line above it when each
    /// is the other's only neighbour. A line spanning two lines below it
    /// was counted by neither; a line below two lines above counts both,
    /// and joins neither.
    fn blocks(&self, lines: &[LineBox], sorted: &[usize]) -> Vec<Block> {
        let mut block_of: Vec<Option<usize>> = vec![None; sorted.len()];
        let mut blocks: Vec<Block> = Vec::new();
        for (si, &line_index) in sorted.iter().enumerate() {
            let joins = self.above.get(si).copied().flatten().filter(|&up| {
                self.above_count.get(si) == Some(&1)
                    && self.below_count.get(up) == Some(&1)
                    && self.below.get(up) == Some(&Some(si))
            });
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
            if let (Some(block), Some(line)) = (blocks.get_mut(block_index), lines.get(line_index))
            {
                block.lines.push(line_index);
                block.x0 = block.x0.min(line.x0);
                block.x1 = block.x1.max(line.x1);
                block.top = block.top.max(line.top());
                block.bottom = block.bottom.min(line.bottom());
            }
        }
        blocks
    }
}

/// How many of the nearest lines below line `a` (at `si` of `sorted`)
/// overlap it across, and the first of them, by position in `sorted`;
/// `usize::MAX` for one in another size, which counts as a neighbour but
/// joins no block.
fn neighbours_below(
    lines: &[LineBox],
    sorted: &[usize],
    si: usize,
    a: &LineBox,
) -> (usize, Option<usize>) {
    let mut nearest: Option<f32> = None;
    let mut count = 0;
    let mut first = None;
    // Skip the lines on about the same baseline (by binary search: a page
    // can put thousands on one), then look at a bounded number.
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
        // A neighbour in another size still counts as one.
        first.get_or_insert(if similar { sj } else { usize::MAX });
        count += 1;
    }
    (count, first)
}

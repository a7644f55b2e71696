//! Recognised words placed as glyphs in default user space, so that they
//! enter the page text exactly as the glyphs a content stream draws: the
//! layout groups them into words, lines and blocks, and the text under an
//! annotation is found by the same coverage of glyph boxes.
//!
//! OCR gives a box per word, not per character; the word's characters
//! share its width evenly, standing on the line's baseline, one line size
//! tall. Between two words of a line a space is placed over the gap, so the
//! words stay apart however narrow it is; words further apart than the
//! layout joins glyphs drawn one after the other are left to the layout,
//! as drawn text would be (OCR may put the two columns of a page's header
//! on one line).

use super::hocr::Line;
use crate::text::glyph::{Glyphs, Point};
use crate::text::layout::MAX_GAP;

/// A transform `[a, b, c, d, e, f]`: `(x, y)` goes to
/// `(a·x + c·y + e, b·x + d·y + f)`.
pub(crate) type Transform = [f64; 6];

fn apply(t: &Transform, [x, y]: [f64; 2]) -> [f64; 2] {
    let [a, b, c, d, e, f] = *t;
    [a * x + c * y + e, b * x + d * y + f]
}

fn apply_vector(t: &Transform, [x, y]: [f64; 2]) -> [f64; 2] {
    let [a, b, c, d, ..] = *t;
    [a * x + c * y, b * x + d * y]
}

/// A run of text along a baseline in pixel space, placed in user space.
struct Pen<'t> {
    to_user: &'t Transform,
    /// The unit direction of the baseline and the em vector, in pixels.
    dir: [f64; 2],
    em: [f64; 2],
}

impl Pen<'_> {
    fn new<'t>(to_user: &'t Transform, line: &Line) -> Pen<'t> {
        let norm = (1.0 + line.slope * line.slope).sqrt();
        let dir = [1.0 / norm, line.slope / norm];
        // Perpendicular to the baseline, upwards on the image (y down).
        let em = [dir[1] * line.size, -dir[0] * line.size];
        Pen { to_user, dir, em }
    }

    /// Places text of `len` characters starting at `x` on the baseline and
    /// running `width` pixels; returns each character's origin, direction,
    /// em vector and width in user space, or `None` when the transform
    /// leaves nothing finite.
    fn place(&self, line: &Line, x: f64, width: f64, len: usize) -> Option<Placement> {
        let origin = [x, line.baseline_at(x)];
        #[allow(clippy::cast_precision_loss)]
        let step = width / len.max(1) as f64;
        let advance = apply_vector(self.to_user, [self.dir[0] * step, self.dir[1] * step]);
        let run = advance[0].hypot(advance[1]);
        let em = apply_vector(self.to_user, self.em);
        let start = apply(self.to_user, origin);
        let values = [start[0], start[1], advance[0], advance[1], em[0], em[1]];
        if !(run > 0.0 && values.iter().all(|v| v.is_finite())) {
            return None;
        }
        Some(Placement {
            start,
            advance,
            dir: [advance[0] / run, advance[1] / run],
            em,
            width: run,
        })
    }
}

/// Characters placed one after the other.
struct Placement {
    start: [f64; 2],
    advance: [f64; 2],
    dir: [f64; 2],
    em: [f64; 2],
    width: f64,
}

impl Placement {
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    fn origin(&self, index: usize) -> Point {
        let i = index as f64;
        [
            (self.start[0] + i * self.advance[0]) as f32,
            (self.start[1] + i * self.advance[1]) as f32,
        ]
    }

    #[allow(clippy::cast_possible_truncation)]
    fn vectors(&self) -> (Point, Point, f32) {
        (
            [self.dir[0] as f32, self.dir[1] as f32],
            [self.em[0] as f32, self.em[1] as f32],
            self.width as f32,
        )
    }
}

/// The glyphs of recognised lines, at most `max_glyphs`, placed through
/// `to_user` (pixels to default user space). Returns them and whether the
/// bound cut them short.
pub(crate) fn glyphs(lines: &[Line], to_user: &Transform, max_glyphs: usize) -> (Glyphs, bool) {
    let mut glyphs = Glyphs::default();
    for line in lines {
        let pen = Pen::new(to_user, line);
        let mut previous_end: Option<f64> = None;
        for word in &line.words {
            let [x0, _, x1, _] = word.bbox;
            if let Some(end) = previous_end
                && x0 > end
                && x0 - end <= f64::from(MAX_GAP) * line.size
                && let Some(gap) = pen.place(line, end, x0 - end, 1)
            {
                let (dir, em, width) = gap.vectors();
                glyphs.push(" ", gap.origin(0), dir, em, width);
            }
            previous_end = Some(x1);
            let count = word.text.chars().count();
            let Some(at) = pen.place(line, x0, x1 - x0, count) else {
                continue;
            };
            let (dir, em, width) = at.vectors();
            for (index, c) in word.text.chars().enumerate() {
                if glyphs.len() >= max_glyphs {
                    return (glyphs, true);
                }
                let mut buffer = [0; 4];
                let (_, added) =
                    glyphs.push(c.encode_utf8(&mut buffer), at.origin(index), dir, em, width);
                if added.is_some() {
                    glyphs.recognised(word.confidence);
                }
            }
        }
    }
    (glyphs, false)
}

#[cfg(test)]
mod tests {
    use super::super::hocr::Word;
    use super::*;

    fn line(words: &[(&str, [f64; 4])]) -> Line {
        Line {
            bbox: [100.0, 100.0, 1000.0, 150.0],
            slope: 0.0,
            offset: -10.0,
            size: 40.0,
            words: words
                .iter()
                .map(|(text, bbox)| Word {
                    bbox: *bbox,
                    confidence: 90,
                    text: (*text).to_owned(),
                })
                .collect(),
        }
    }

    /// 300 dpi on an upright A4 page: y flips, 72/300 points a pixel.
    fn a4() -> Transform {
        let s = 72.0 / 300.0;
        [s, 0.0, 0.0, -s, 0.0, 842.0]
    }

    #[test]
    fn words_stand_on_the_baseline_in_points() {
        let lines = [line(&[
            ("MWP", [100.0, 105.0, 220.0, 140.0]),
            ("akkoord", [250.0, 105.0, 530.0, 140.0]),
        ])];
        let (glyphs, cut) = glyphs(&lines, &a4(), 1000);
        assert!(!cut);
        let texts: Vec<_> = glyphs.list.iter().map(|g| glyphs.text(g)).collect();
        assert_eq!(texts.concat(), "MWPakkoord");
        assert_eq!(glyphs.list.len(), 11, "ten letters and the space between");
        let m = glyphs.list[0];
        let s = 72.0 / 300.0;
        assert!((m.origin[0] - (100.0 * s) as f32).abs() < 1e-3);
        assert!((m.origin[1] - (842.0 - 140.0 * s) as f32).abs() < 1e-3);
        assert_eq!(m.dir, [1.0, 0.0]);
        assert!((m.size() - (40.0 * s) as f32).abs() < 1e-3);
        assert!(
            (m.width - (40.0 * s) as f32).abs() < 1e-3,
            "120 px over 3 letters"
        );
        assert!(glyphs.list[3].space);
        assert_eq!(m.confidence, Some(90));
    }

    #[test]
    fn no_space_across_a_column_gap() {
        let lines = [line(&[
            ("Participatie", [100.0, 105.0, 400.0, 140.0]),
            ("Datum", [1800.0, 105.0, 1900.0, 140.0]),
        ])];
        let (glyphs, _) = glyphs(&lines, &a4(), 1000);
        assert!(glyphs.list.iter().all(|g| !g.space));
    }

    #[test]
    fn a_turned_page_turns_the_glyphs() {
        // /Rotate 90: the image's x runs up the page.
        let s = 72.0 / 300.0;
        let turned = [0.0, s, s, 0.0, 0.0, 0.0];
        let (glyphs, _) = glyphs(
            &[line(&[("nota", [100.0, 105.0, 260.0, 140.0])])],
            &turned,
            100,
        );
        let g = glyphs.list[0];
        assert_eq!(g.dir, [0.0, 1.0]);
        assert!(
            g.normal()[0] < 0.0,
            "the letters stand to the left of the baseline"
        );
    }

    #[test]
    fn bounded() {
        let (glyphs, cut) = glyphs(&[line(&[("akkoord", [0.0, 0.0, 70.0, 40.0])])], &a4(), 3);
        assert!(cut);
        assert_eq!(glyphs.len(), 3);
        let degenerate = [0.0; 6];
        let (none, _) = glyphs_of(&degenerate);
        assert_eq!(none.len(), 0);
    }

    fn glyphs_of(t: &Transform) -> (Glyphs, bool) {
        glyphs(&[line(&[("x", [0.0, 0.0, 10.0, 10.0])])], t, 10)
    }
}

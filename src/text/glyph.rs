//! Glyphs as the interpreter places them: text, position, direction, size.

/// Where a glyph's box starts below the baseline, as a fraction of the font
/// size. PDF fonts do not all declare their ascent and descent (the standard
/// fonts, Type 3 fonts), so every glyph gets the same em box: one font size
/// tall, a fifth of it below the baseline, as most Latin fonts draw it and
/// as highlight quads are drawn around it.
pub(crate) const DESCENT: f32 = -0.2;
/// Where a glyph's box ends above the baseline, as a fraction of the font
/// size.
pub(crate) const ASCENT: f32 = 0.8;

/// A point or vector in default user space.
pub(crate) type Point = [f32; 2];

/// One glyph drawn on a page, in default user space (the space of `/Rect`
/// and `/QuadPoints`: unrotated, before the crop box is applied).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    /// The origin: on the baseline, where the advance starts.
    pub(crate) origin: Point,
    /// The unit vector along the baseline, in the direction of the advance.
    pub(crate) dir: Point,
    /// The em vector: from the baseline to one font size above it. It is
    /// perpendicular to `dir` unless the text is skewed.
    pub(crate) em: Point,
    /// The advance width, in user space units.
    pub(crate) width: f32,
    /// The font size: see [`Glyph::size`].
    size: f32,
    /// Whether the glyph is white space (a word break, not text).
    pub(crate) space: bool,
    /// How sure OCR is of the glyph (0–100); `None` for a glyph the page
    /// draws.
    pub(crate) confidence: Option<u8>,
    /// The text when it is one ASCII character (most glyphs are), else 0:
    /// plain text is written from it without looking up the text buffer.
    ascii: u8,
    text_start: u32,
    text_len: u32,
}

impl Glyph {
    /// The font size in user space: the em square's height perpendicular
    /// to the baseline.
    pub(crate) fn size(&self) -> f32 {
        self.size
    }

    /// The unit normal of the baseline, on the side the glyphs stand on.
    pub(crate) fn normal(&self) -> Point {
        let n = [-self.dir[1], self.dir[0]];
        if dot(n, self.em) < 0.0 {
            [-n[0], -n[1]]
        } else {
            n
        }
    }

    /// The four corners of the glyph's box: bottom-left, bottom-right,
    /// top-right, top-left (counter-clockwise for upright text).
    pub(crate) fn corners(&self) -> [Point; 4] {
        let [ox, oy] = self.origin;
        let bottom = [ox + DESCENT * self.em[0], oy + DESCENT * self.em[1]];
        let run = [self.width * self.dir[0], self.width * self.dir[1]];
        let rise = [
            (ASCENT - DESCENT) * self.em[0],
            (ASCENT - DESCENT) * self.em[1],
        ];
        let bottom_right = [bottom[0] + run[0], bottom[1] + run[1]];
        [
            bottom,
            bottom_right,
            [bottom_right[0] + rise[0], bottom_right[1] + rise[1]],
            [bottom[0] + rise[0], bottom[1] + rise[1]],
        ]
    }

    /// The smallest upright rectangle around the box: `[x0, y0, x1, y1]`.
    #[cfg(test)]
    pub(crate) fn bounds(&self) -> [f32; 4] {
        bounds_of(&self.corners())
    }
}

/// The smallest upright rectangle around some points.
pub(crate) fn bounds_of(points: &[Point]) -> [f32; 4] {
    let mut out = [
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    ];
    for [x, y] in points {
        out[0] = out[0].min(*x);
        out[1] = out[1].min(*y);
        out[2] = out[2].max(*x);
        out[3] = out[3].max(*y);
    }
    out
}

/// The smaller of `a` and `b`, where `a` is not NaN: what `a.min(b)`
/// gives (`a` when `b` is NaN), in one comparison. `f32::min` also
/// checks `a` for NaN; in the layout's per-glyph loops that check cost a
/// tenth of their time.
#[inline]
pub(crate) fn least(a: f32, b: f32) -> f32 {
    if b < a { b } else { a }
}

/// The larger of `a` and `b`, where `a` is not NaN: what `a.max(b)` gives
/// (`a` when `b` is NaN), in one comparison (see [`least`]).
#[inline]
pub(crate) fn greatest(a: f32, b: f32) -> f32 {
    if b > a { b } else { a }
}

pub(crate) fn dot(a: Point, b: Point) -> f32 {
    a[0] * b[0] + a[1] * b[1]
}

/// A glyph's place in user space: its origin, the unit vector along the
/// baseline, the em vector, its advance width and its font size (see
/// [`Glyph::size`]).
pub(crate) struct Placed {
    pub(crate) origin: Point,
    pub(crate) dir: Point,
    pub(crate) em: Point,
    pub(crate) width: f32,
    pub(crate) size: f32,
}

/// The font size of a glyph whose baseline runs along `dir` and whose em
/// vector is `em`: the em vector's length across the baseline. Worked out
/// when a glyph is placed, not in each stage of the layout.
pub(crate) fn glyph_size(dir: Point, em: Point) -> f32 {
    cross(dir, em).abs()
}

pub(crate) fn cross(a: Point, b: Point) -> f32 {
    a[0] * b[1] - a[1] * b[0]
}

pub(crate) fn sub(a: Point, b: Point) -> Point {
    [a[0] - b[0], a[1] - b[1]]
}

/// The glyphs of a page in the order they were drawn, with their text kept
/// in one buffer.
#[derive(Debug, Default, Clone)]
pub(crate) struct Glyphs {
    pub(crate) list: Vec<Glyph>,
    text: String,
}

/// A glyph's text in the buffer, to give the same text to another glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextRef {
    start: u32,
    len: u32,
    space: bool,
    /// See [`Glyph::ascii`].
    ascii: u8,
}

impl TextRef {
    /// Whether the text is white space.
    pub(crate) fn is_space(self) -> bool {
        self.space
    }
}

/// What a glyph's Unicode value turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text, kept.
    Text,
    /// White space: a word break.
    Space,
    /// Nothing usable (control characters, U+FFFD): dropped.
    Nothing,
}

impl Glyphs {
    /// The text of a glyph.
    pub(crate) fn text(&self, glyph: &Glyph) -> &str {
        let start = glyph.text_start as usize;
        let end = start + glyph.text_len as usize;
        self.text.get(start..end).unwrap_or_default()
    }

    /// The bytes of a glyph's text: [`Glyphs::text`] without the checks
    /// that its ends are character boundaries (they are).
    pub(crate) fn text_bytes(&self, glyph: &Glyph) -> &[u8] {
        let start = glyph.text_start as usize;
        let end = start + glyph.text_len as usize;
        self.text.as_bytes().get(start..end).unwrap_or_default()
    }

    /// The text of glyph `index` when it is one ASCII character, else 0
    /// (also for an index past the last glyph).
    #[inline]
    pub(crate) fn ascii(&self, index: u32) -> u8 {
        self.list.get(index as usize).map_or(0, |glyph| glyph.ascii)
    }

    /// Empties the buffer, keeping its memory for the next page.
    pub(crate) fn clear(&mut self) {
        self.list.clear();
        self.text.clear();
    }

    /// Takes back the glyphs after the first `glyphs` and the text after
    /// its first `text` bytes (which must be where a glyph's text began).
    pub(crate) fn truncate(&mut self, glyphs: usize, text: usize) {
        self.list.truncate(glyphs);
        if self.text.is_char_boundary(text) {
            self.text.truncate(text);
        }
    }

    /// All the glyphs' text, in one buffer (in drawing order, but a glyph
    /// drawn again may share an earlier glyph's text).
    pub(crate) fn all_text(&self) -> &str {
        &self.text
    }

    /// The number of glyphs.
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// Adds a glyph whose Unicode value is `unicode`, normalised: ligatures
    /// expanded, white space and control characters classified. Returns
    /// what it was, and where its text is for [`Glyphs::push_same`].
    pub(crate) fn push(
        &mut self,
        unicode: &str,
        origin: Point,
        dir: Point,
        em: Point,
        width: f32,
    ) -> (Kind, Option<TextRef>) {
        let start = self.text.len();
        let kind = normalise_into(unicode, &mut self.text);
        if kind != Kind::Text {
            self.text.truncate(start);
        }
        if kind == Kind::Nothing {
            return (kind, None);
        }
        let (Ok(text_start), Ok(text_len)) =
            (u32::try_from(start), u32::try_from(self.text.len() - start))
        else {
            self.text.truncate(start);
            return (Kind::Nothing, None);
        };
        let ascii = match self.text.as_bytes().get(start..) {
            Some(&[byte]) if byte.is_ascii() && byte != 0 => byte,
            _ => 0,
        };
        let text = TextRef {
            start: text_start,
            len: text_len,
            space: kind == Kind::Space,
            ascii,
        };
        self.push_same(text, origin, dir, em, width);
        (kind, Some(text))
    }

    /// Gives the glyph added last the confidence (0–100) of the OCR that
    /// recognised it.
    #[cfg(feature = "ocr")]
    pub(crate) fn recognised(&mut self, confidence: u8) {
        if let Some(glyph) = self.list.last_mut() {
            glyph.confidence = Some(confidence);
        }
    }

    /// Adds a glyph with the text of one added before.
    #[inline]
    pub(crate) fn push_same(
        &mut self,
        text: TextRef,
        origin: Point,
        dir: Point,
        em: Point,
        width: f32,
    ) {
        self.push_placed(
            text,
            &Placed {
                origin,
                dir,
                em,
                width,
                size: glyph_size(dir, em),
            },
        );
    }

    /// Adds a glyph placed before with `text`, its size already worked
    /// out (once for a run of glyphs that share their axes).
    pub(crate) fn push_placed(&mut self, text: TextRef, at: &Placed) {
        self.list.push(Glyph {
            origin: at.origin,
            dir: at.dir,
            em: at.em,
            width: at.width,
            size: at.size,
            space: text.space,
            confidence: None,
            ascii: text.ascii,
            text_start: text.start,
            text_len: text.len,
        });
    }
}

/// Appends the normalised text of one glyph's Unicode value to `out` and
/// says what it is. Ligatures are expanded (ﬁ → fi: a word search must find
/// "find" whether or not the font drew a ligature); white space of any kind
/// (no-break, thin, ideographic, zero-width) is a word break; control
/// characters and U+FFFD (a font's way of saying "unknown") are dropped.
pub(crate) fn normalise_into(unicode: &str, out: &mut String) -> Kind {
    let mut text = false;
    let mut space = false;
    for c in unicode.chars() {
        if let Some(expanded) = ligature(c) {
            out.push_str(expanded);
            text = true;
        } else if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}') {
            space = true;
        } else if c.is_control() || c == '\u{FFFD}' {
            // dropped
        } else {
            out.push(c);
            text = true;
        }
    }
    if text {
        Kind::Text
    } else if space {
        Kind::Space
    } else {
        Kind::Nothing
    }
}

/// The letters of a Latin ligature (U+FB00–U+FB06).
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `least` and `greatest` give what `f32::min` and `f32::max` give
    /// when the first value is not NaN (the sign of a zero aside, which
    /// `f32::min` does not promise).
    #[test]
    fn least_and_greatest_are_min_and_max() {
        let values = [
            f32::NEG_INFINITY,
            -3.5,
            -0.0,
            0.0,
            1e-40,
            2.0,
            f32::MAX,
            f32::INFINITY,
        ];
        for a in values {
            for b in values.into_iter().chain([f32::NAN]) {
                assert_eq!(least(a, b), a.min(b), "{a} {b}");
                assert_eq!(greatest(a, b), a.max(b), "{a} {b}");
            }
        }
    }

    fn normalised(s: &str) -> (String, Kind) {
        let mut out = String::new();
        let kind = normalise_into(s, &mut out);
        (out, kind)
    }

    #[test]
    fn ligatures_expanded() {
        assert_eq!(normalised("\u{FB01}").0, "fi");
        assert_eq!(normalised("\u{FB03}").0, "ffi");
        assert_eq!(normalised("\u{FB04}").0, "ffl");
        assert_eq!(normalised("\u{FB05}").0, "st");
    }

    #[test]
    fn white_space_of_any_kind_is_a_break() {
        for s in [" ", "\u{A0}", "\u{2009}", "\u{3000}", "\u{200B}", "\t"] {
            assert_eq!(normalised(s).1, Kind::Space, "{s:?}");
        }
    }

    #[test]
    fn control_characters_dropped() {
        assert_eq!(normalised("\u{0}").1, Kind::Nothing);
        assert_eq!(normalised("\u{FFFD}").1, Kind::Nothing);
        assert_eq!(normalised("a\u{1}b"), ("ab".to_owned(), Kind::Text));
    }

    #[test]
    fn box_of_upright_glyph() {
        let mut glyphs = Glyphs::default();
        glyphs.push("A", [100.0, 700.0], [1.0, 0.0], [0.0, 10.0], 6.0);
        let g = glyphs.list[0];
        assert_eq!(g.size(), 10.0);
        assert_eq!(g.bounds(), [100.0, 698.0, 106.0, 708.0]);
        assert_eq!(glyphs.text(&g), "A");
    }

    #[test]
    fn box_of_glyph_turned_a_quarter() {
        // Text running upwards, as on a page shown with /Rotate 270.
        let mut glyphs = Glyphs::default();
        glyphs.push("A", [100.0, 700.0], [0.0, 1.0], [-10.0, 0.0], 6.0);
        let g = glyphs.list[0];
        assert_eq!(g.size(), 10.0);
        assert_eq!(g.normal(), [-1.0, 0.0]);
        assert_eq!(g.bounds(), [92.0, 700.0, 102.0, 706.0]);
    }
}

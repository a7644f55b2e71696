//! The text of a page: lines of words in reading order.

use serde::{Deserialize, Serialize};

use super::glyph::{Glyphs, bounds_of};
use super::layout::Layout;
use crate::diagnostics::Warning;
use crate::pdf::geometry::{Rect, serialize_numbers};

/// The text of one page, as [`Document::page_text`](crate::Document::page_text)
/// reads it: lines of words in reading order, each with its place on the
/// page.
///
/// Visible and invisible text alike (the OCR layer of a scanned page is
/// drawn in render mode 3); the page's content only, not the appearances
/// of its annotations. Ligatures are expanded (ﬁ is "fi"), white space of
/// any kind separates words and is not kept, and right-to-left words are in
/// logical order.
///
/// The reading order follows the page's layout, not the order the text was
/// drawn in: columns are read one after the other (a line spanning them
/// comes first), a region whose side-by-side parts share their baselines
/// and have a narrow side (labels and values, a table) is read row by row,
/// and text turned by `/Rotate` or by its own matrix is read along its
/// baseline, the direction with the most text first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageText {
    /// The 1-based page number.
    pub page: usize,
    /// The lines, in reading order.
    pub lines: Vec<TextLine>,
    /// Whether the page's content draws any glyph that is not white space,
    /// visible or invisible (the invisible OCR text over a scan is a text
    /// layer), with or without a Unicode value. A page that draws none but
    /// whose images cover most of it ([`PageText::image_coverage`]) is a
    /// scanned page without a text layer.
    pub draws_text: bool,
    /// The share of the page's crop box (its media box when it has none)
    /// covered by the images its content draws, from 0 to 1: image
    /// XObjects and inline images, each the unit square through the
    /// current transformation matrix, clipped to the box, overlaps counted
    /// once. Measured exactly across the page and on 256 rows down it.
    pub image_coverage: f64,
    /// Whether the lines were recognised by OCR in the page's image (a
    /// scanned page without a text layer, read with the `ocr` feature).
    pub ocr: bool,
    /// What could not be read (a broken content stream, a font that could
    /// not be loaded, glyphs without Unicode values, a bound reached).
    pub warnings: Vec<Warning>,
}

/// One line of text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextLine {
    /// The words, in reading order.
    pub words: Vec<TextWord>,
    /// The smallest upright rectangle around the line's glyphs, in default
    /// user space (the space of an annotation's `/Rect`).
    pub rect: Rect,
    /// The block the line belongs to: consecutive lines of a paragraph or
    /// of a column share a number.
    pub block: usize,
}

/// One word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextWord {
    /// The text as drawn (a hyphen at a line end included).
    pub text: String,
    /// The smallest upright rectangle around the word's glyphs, in default
    /// user space.
    pub rect: Rect,
    /// The font size in user space units (the height of the em square).
    #[serde(serialize_with = "serialize_size")]
    pub font_size: f64,
    /// The word ends its line with a hyphen that breaks it across lines:
    /// its rest is the first word of the next line, and
    /// [`PageText::plain_text`] joins the two without the hyphen.
    pub hyphenated: bool,
    /// How sure OCR is of the word, from 0 to 100 (Tesseract's confidence);
    /// `null` for text the page draws.
    pub confidence: Option<u8>,
}

fn serialize_size<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serialize_numbers(&[*value], serializer)
}

impl PageText {
    /// The text as lines: words separated by one space, one line per line,
    /// words broken by a hyphen at a line end joined again (the rest of the
    /// word moves up to the line where it starts).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut carried = false;
        for (index, line) in self.lines.iter().enumerate() {
            let words = line.words.get(usize::from(carried)..).unwrap_or_default();
            carried = false;
            for (n, word) in words.iter().enumerate() {
                if n > 0 {
                    out.push(' ');
                }
                if word.hyphenated {
                    out.push_str(without_last_char(&word.text));
                } else {
                    out.push_str(&word.text);
                }
            }
            if words.last().is_some_and(|w| w.hyphenated)
                && let Some(rest) = self.lines.get(index + 1).and_then(|l| l.words.first())
            {
                out.push_str(&rest.text);
                carried = true;
            }
            out.push('\n');
        }
        out
    }

    /// Every word, in reading order.
    pub fn words(&self) -> impl Iterator<Item = &TextWord> {
        self.lines.iter().flat_map(|line| line.words.iter())
    }
}

impl std::fmt::Display for PageText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.plain_text())
    }
}

fn without_last_char(text: &str) -> &str {
    let mut chars = text.chars();
    chars.next_back();
    chars.as_str()
}

/// The public form of a layout.
pub(crate) fn lines(glyphs: &Glyphs, layout: &Layout) -> Vec<TextLine> {
    layout
        .lines
        .iter()
        .map(|line| {
            let words: Vec<TextWord> = layout
                .words
                .get(line.words.clone())
                .unwrap_or_default()
                .iter()
                .map(|word| {
                    let members: Vec<_> = layout
                        .order
                        .get(word.glyphs.clone())
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|&i| glyphs.list.get(i as usize))
                        .collect();
                    let corners: Vec<_> = members.iter().flat_map(|g| g.corners()).collect();
                    let size = members.iter().map(|g| g.size()).fold(0.0_f32, f32::max);
                    let confidence = members.iter().filter_map(|g| g.confidence).min();
                    TextWord {
                        text: members.iter().map(|g| glyphs.text(g)).collect(),
                        rect: rect(bounds_of(&corners)),
                        font_size: round(size),
                        hyphenated: word.hyphen_break,
                        confidence,
                    }
                })
                .collect();
            let corners: Vec<_> = words
                .iter()
                .flat_map(|w| [[w.rect.x0, w.rect.y0], [w.rect.x1, w.rect.y1]])
                .collect();
            let bounds = corners.iter().fold(
                [
                    f64::INFINITY,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    f64::NEG_INFINITY,
                ],
                |b, [x, y]| [b[0].min(*x), b[1].min(*y), b[2].max(*x), b[3].max(*y)],
            );
            TextLine {
                words,
                rect: Rect::from_corners((bounds[0], bounds[1]), (bounds[2], bounds[3])),
                block: line.block,
            }
        })
        .collect()
}

/// What [`PageText::plain_text`] gives for the lines of a layout, written
/// straight from the glyphs, without building the words and their boxes.
pub(crate) fn plain_text(glyphs: &Glyphs, layout: &Layout) -> String {
    let words_of =
        |line: &super::layout::Line| layout.words.get(line.words.clone()).unwrap_or_default();
    let push_word = |out: &mut Vec<u8>, word: &super::layout::Word| {
        let members = layout.order.get(word.glyphs.clone()).unwrap_or_default();
        push_texts(out, glyphs, members);
    };
    // A byte for each glyph (most are one ASCII letter) and a separator
    // per word: written mostly without growing. (The glyphs' text buffer
    // holds each text once, however often it is drawn, so its length is
    // no guide.)
    let mut out = Vec::with_capacity(layout.order.len() + layout.words.len() + layout.lines.len());
    let mut carried = false;
    for (index, line) in layout.lines.iter().enumerate() {
        let words = words_of(line)
            .get(usize::from(carried)..)
            .unwrap_or_default();
        carried = false;
        for (n, word) in words.iter().enumerate() {
            if n > 0 {
                out.push(b' ');
            }
            let start = out.len();
            push_word(&mut out, word);
            if word.hyphen_break && out.len() > start {
                pop_char(&mut out);
            }
        }
        if words.last().is_some_and(|w| w.hyphen_break)
            && let Some(rest) = layout
                .lines
                .get(index + 1)
                .and_then(|l| words_of(l).first())
        {
            push_word(&mut out, rest);
            carried = true;
        }
        out.push(b'\n');
    }
    // Whole characters only were written: the check cannot fail.
    String::from_utf8(out)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// Appends the text of the glyphs `members`. Most words are ASCII letters
/// only: their bytes are written in one pass of known length, and a word
/// with another glyph is written again glyph by glyph.
fn push_texts(out: &mut Vec<u8>, glyphs: &Glyphs, members: &[u32]) {
    let start = out.len();
    let mut ascii = true;
    out.extend(members.iter().map(|&i| {
        let byte = glyphs.ascii(i);
        ascii &= byte != 0;
        byte
    }));
    if !ascii {
        out.truncate(start);
        for glyph in members.iter().filter_map(|&i| glyphs.list.get(i as usize)) {
            out.extend_from_slice(glyphs.text_bytes(glyph));
        }
    }
}

/// Takes the last character off UTF-8 text.
fn pop_char(out: &mut Vec<u8>) {
    while let Some(byte) = out.pop() {
        // Continuation bytes are 0b10xx_xxxx; the character's first byte
        // is any other.
        if byte & 0xC0 != 0x80 {
            break;
        }
    }
}

fn rect(b: [f32; 4]) -> Rect {
    Rect::from_corners((round(b[0]), round(b[1])), (round(b[2]), round(b[3])))
}

/// A single-precision coordinate as the nearest thousandth, so that the
/// JSON shows `612.5`, not `612.5000610351562`.
fn round(value: f32) -> f64 {
    (f64::from(value) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, hyphenated: bool) -> TextWord {
        TextWord {
            text: text.to_owned(),
            rect: Rect::from_corners((0.0, 0.0), (1.0, 1.0)),
            font_size: 10.0,
            hyphenated,
            confidence: None,
        }
    }

    fn line(words: Vec<TextWord>) -> TextLine {
        TextLine {
            words,
            rect: Rect::from_corners((0.0, 0.0), (1.0, 1.0)),
            block: 0,
        }
    }

    #[test]
    fn plain_text_rejoins_hyphenated_words() {
        let text = PageText {
            page: 1,
            lines: vec![
                line(vec![word("de", false), word("regis-", true)]),
                line(vec![word("ters", false), word("van", false)]),
                line(vec![word("staat", false)]),
            ],
            draws_text: true,
            image_coverage: 0.0,
            ocr: false,
            warnings: Vec::new(),
        };
        assert_eq!(text.plain_text(), "de registers\nvan\nstaat\n");
    }

    /// Fixed-pitch text, 10 high, each character 5 wide; lines given by
    /// their text, start and baseline.
    fn set(lines: &[(&str, f32, f32)]) -> Glyphs {
        super::super::layout::tests::set(lines, 10.0)
    }

    #[test]
    fn plain_text_from_layout_as_from_lines() {
        let cases: &[&[(&str, f32, f32)]] = &[
            &[("the regis-", 72.0, 700.0), ("ters of it", 72.0, 688.0)],
            &[
                ("one-", 72.0, 700.0),
                ("two-", 72.0, 688.0),
                ("three", 72.0, 676.0),
            ],
            &[
                ("left col", 72.0, 700.0),
                ("right", 400.0, 700.0),
                ("next", 72.0, 688.0),
            ],
            &[("non-", 72.0, 700.0), ("VM en -", 72.0, 688.0)],
            // Words with glyphs that are not one ASCII character: accents,
            // a ligature, a hyphen of three bytes that breaks a word.
            &[
                ("caf\u{e9} \u{fb01}ne regis\u{2010}", 72.0, 700.0),
                ("ters \u{e9}\u{e8}", 72.0, 688.0),
            ],
            &[],
        ];
        for lines_given in cases {
            let glyphs = set(lines_given);
            let layout = super::super::layout::layout(&glyphs);
            let public = PageText {
                page: 1,
                lines: lines(&glyphs, &layout),
                draws_text: true,
                image_coverage: 0.0,
                ocr: false,
                warnings: Vec::new(),
            };
            assert_eq!(
                plain_text(&glyphs, &layout),
                public.plain_text(),
                "{lines_given:?}"
            );
        }
        let glyphs = set(&[("the regis-", 72.0, 700.0), ("ters of it", 72.0, 688.0)]);
        let layout = super::super::layout::layout(&glyphs);
        assert_eq!(plain_text(&glyphs, &layout), "the registers\nof it\n");
        let glyphs = set(&[
            ("st\u{fb01}e\u{2010}", 72.0, 700.0),
            ("ren \u{e9}", 72.0, 688.0),
        ]);
        let layout = super::super::layout::layout(&glyphs);
        assert_eq!(plain_text(&glyphs, &layout), "stfieren\n\u{e9}\n");
    }
}

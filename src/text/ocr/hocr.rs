//! Tesseract's hOCR, read back into lines and words.
//!
//! hOCR is XHTML whose elements carry their geometry in `title`:
//! `bbox x0 y0 x1 y1` (pixels, origin at the top left, y down) on every
//! element, `baseline slope offset` and `x_size` on a line, `x_wconf` (the
//! word's confidence, 0–100) on a word. Lines are the `ocr_line` elements
//! and their kin (`ocr_caption`, `ocr_header`, `ocr_textfloat`); words
//! are `ocrx_word`. Anything else is passed over, and so are specks (a
//! word of nothing but dots, commas and apostrophes) and a line without a
//! letter or a digit (a rule, dotted leaders).

use quick_xml::events::{BytesStart, Event};

/// A box in pixels: `[x0, y0, x1, y1]`, y growing downwards.
pub(crate) type PixelBox = [f64; 4];

/// A recognised line of text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub(crate) bbox: PixelBox,
    /// The baseline: its slope, and its offset from the bottom left corner
    /// of `bbox` (negative: above the bottom).
    pub(crate) slope: f64,
    pub(crate) offset: f64,
    /// The height of the line's characters, in pixels: its font size.
    pub(crate) size: f64,
    pub(crate) words: Vec<Word>,
}

impl Line {
    /// The baseline's height at `x`.
    pub(crate) fn baseline_at(&self, x: f64) -> f64 {
        self.bbox[3] + self.offset + self.slope * (x - self.bbox[0])
    }
}

/// A recognised word.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub(crate) bbox: PixelBox,
    /// Tesseract's confidence, 0–100.
    pub(crate) confidence: u8,
    pub(crate) text: String,
}

/// What a `title` attribute says.
#[derive(Debug, Default)]
struct Title {
    bbox: Option<PixelBox>,
    baseline: Option<(f64, f64)>,
    size: Option<f64>,
    confidence: Option<f64>,
}

/// The lines of an hOCR page, in Tesseract's order. Text outside a line,
/// and words without a box, are left out; malformed markup ends the
/// reading where it starts.
pub(crate) fn lines(hocr: &str) -> Vec<Line> {
    let mut reader = quick_xml::Reader::from_str(hocr);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut lines: Vec<Line> = Vec::new();
    let mut word: Option<Word> = None;
    // Elements open inside the current word (`<strong>` when font
    // information is asked for).
    let mut depth = 0usize;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(_) if word.is_some() => depth += 1,
            Event::Start(tag) => match class(&tag).as_deref() {
                Some("ocr_line" | "ocr_caption" | "ocr_header" | "ocr_textfloat") => {
                    if let Some(line) = line_of(&title(&tag)) {
                        lines.push(line);
                    }
                }
                Some("ocrx_word") => {
                    let t = title(&tag);
                    word = t.bbox.map(|bbox| Word {
                        bbox,
                        confidence: confidence(t.confidence),
                        text: String::new(),
                    });
                    depth = 0;
                }
                _ => {}
            },
            Event::Text(text) => {
                if let Some(word) = &mut word {
                    word.text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(word) = &mut word {
                    if let Ok(Some(c)) = reference.resolve_char_ref() {
                        word.text.push(c);
                    } else if let Some(text) = quick_xml::escape::resolve_xml_entity(&reference) {
                        word.text.push_str(text);
                    }
                }
            }
            Event::End(_) if word.is_some() => {
                if depth > 0 {
                    depth -= 1;
                } else if let Some(done) = word.take()
                    && !is_speck(&done.text)
                    && let Some(line) = lines.last_mut()
                {
                    line.words.push(done);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    lines.retain(holds_text);
    lines
}

/// Whether a word is blank, or nothing but dots, commas and apostrophes:
/// what Tesseract makes of dust and of the dots of the i's and j's of a
/// larger line below (which it puts in the line above, where they would
/// stand as words of their own). A full stop or a comma that belongs to a
/// word is part of it.
fn is_speck(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{b7}'
            )
    })
}

/// Whether a recognised line holds text: a letter or a digit. A line of
/// nothing but punctuation is what Tesseract makes of specks, rules and
/// dotted leaders; read as a line of its own it would come between a
/// heading and what follows it.
fn holds_text(line: &Line) -> bool {
    line.words
        .iter()
        .any(|word| word.text.chars().any(char::is_alphanumeric))
}

fn line_of(title: &Title) -> Option<Line> {
    let bbox = title.bbox?;
    let (slope, offset) = title.baseline.unwrap_or((0.0, 0.0));
    let height = bbox[3] - bbox[1];
    let size = title.size.filter(|s| *s > 0.0).unwrap_or(height);
    (size > 0.0).then_some(Line {
        bbox,
        slope,
        offset,
        size,
        words: Vec::new(),
    })
}

fn confidence(value: Option<f64>) -> u8 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    value.map_or(0, |c| c.round().clamp(0.0, 100.0) as u8)
}

fn class(tag: &BytesStart<'_>) -> Option<String> {
    attribute(tag, "class")
}

fn attribute(tag: &BytesStart<'_>, name: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| AsRef::<str>::as_ref(&a.key) == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

/// Reads the properties of a `title`: `;`-separated, each a name and
/// numbers.
fn title(tag: &BytesStart<'_>) -> Title {
    let mut out = Title::default();
    let Some(title) = attribute(tag, "title") else {
        return out;
    };
    for property in title.split(';') {
        let mut parts = property.split_whitespace();
        let name = parts.next();
        let numbers: Vec<f64> = parts
            .map_while(|p| p.parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .collect();
        match (name, numbers.as_slice()) {
            (Some("bbox"), &[x0, y0, x1, y1]) if x1 >= x0 && y1 >= y0 => {
                out.bbox = Some([x0, y0, x1, y1]);
            }
            (Some("baseline"), &[slope, offset]) => out.baseline = Some((slope, offset)),
            (Some("x_size"), &[size]) => out.size = Some(size),
            (Some("x_wconf"), &[conf]) => out.confidence = Some(conf),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"  <div class='ocr_page' id='page_1' title='image "unknown"; bbox 0 0 2479 3508; ppageno 0; scan_res 300 300'>
   <div class='ocr_carea' id='block_1_1' title="bbox 1262 64 1784 101">
    <p class='ocr_par' id='par_1_1' lang='nld' title="bbox 1262 64 1784 101">
     <span class='ocr_line' id='line_1_1' title="bbox 1262 64 1784 101; baseline 0.002 -1; x_size 48.363636; x_descenders 12.090909; x_ascenders 12.090909">
      <span class='ocrx_word' id='word_1_1' title='bbox 1262 64 1378 100; x_wconf 89'>MWP</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 1396 64 1569 101; x_wconf 96'>akkoord</span>
      <span class='ocrx_word' id='word_1_3' title='bbox 1588 65 1784 101; x_wconf 96'>8/6</span>
     </span>
    </p>
   </div>
   <div class='ocr_carea' id='block_1_2' title="bbox 301 270 993 309">
    <p class='ocr_par' id='par_1_2' lang='nld' title="bbox 301 270 993 309">
     <span class='ocr_caption' id='line_1_2' title="bbox 301 270 993 309; baseline 0 -9; x_size 39">
      <span class='ocrx_word' id='word_1_4' title='bbox 301 270 371 301; x_wconf 96'>G&amp;VW</span>
      <span class='ocrx_word' id='word_1_5' title='bbox 389 270 531 301; x_wconf 95'><strong>Zzp&#39;ers</strong></span>
      <span class='ocrx_word' id='word_1_6' title='bbox 543 277 607 301; x_wconf 12'> </span>
     </span>
    </p>
   </div>
  </div>
"#;

    #[test]
    fn lines_words_boxes_and_confidences() {
        let lines = lines(PAGE);
        assert_eq!(lines.len(), 2);
        let first = &lines[0];
        assert_eq!(first.bbox, [1262.0, 64.0, 1784.0, 101.0]);
        assert_eq!((first.slope, first.offset), (0.002, -1.0));
        assert!((first.size - 48.363636).abs() < 1e-9);
        let words: Vec<_> = first
            .words
            .iter()
            .map(|w| (w.text.as_str(), w.confidence))
            .collect();
        assert_eq!(words, [("MWP", 89), ("akkoord", 96), ("8/6", 96)]);
        assert_eq!(first.words[2].bbox, [1588.0, 65.0, 1784.0, 101.0]);
        assert!((first.baseline_at(1262.0) - 100.0).abs() < 1e-9);
    }

    #[test]
    fn entities_nested_tags_and_blank_words() {
        let lines = lines(PAGE);
        let texts: Vec<_> = lines[1].words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["G&VW", "Zzp'ers"]);
    }

    #[test]
    fn specks_and_lines_of_punctuation_are_left_out() {
        let page = "<span class='ocr_line' title='bbox 500 500 1300 520; x_size 30'>\
            <span class='ocrx_word' title='bbox 545 511 549 516; x_wconf 52'>.</span>\
            <span class='ocrx_word' title='bbox 614 511 618 516; x_wconf 84'>.</span>\
            <span class='ocrx_word' title='bbox 700 505 760 516; x_wconf 60'>-—</span></span>\
            <span class='ocr_line' title='bbox 500 600 900 640; x_size 30'>\
            <span class='ocrx_word' title='bbox 480 590 484 595; x_wconf 84'>.</span>\
            <span class='ocrx_word' title='bbox 500 600 520 640; x_wconf 90'>*</span>\
            <span class='ocrx_word' title='bbox 540 600 900 640; x_wconf 96'>Kernpunten</span></span>\
            <span class='ocr_line' title='bbox 500 700 560 740; x_size 30'>\
            <span class='ocrx_word' title='bbox 500 700 560 740; x_wconf 96'>8/6</span></span>";
        let texts: Vec<Vec<String>> = lines(page)
            .into_iter()
            .map(|line| line.words.into_iter().map(|w| w.text).collect())
            .collect();
        assert_eq!(texts, [vec!["*", "Kernpunten"], vec!["8/6"]]);
    }

    #[test]
    fn broken_markup_keeps_what_came_before() {
        let cut = &PAGE[..PAGE.find("word_1_4").unwrap()];
        let lines = lines(cut);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].words.len(), 3);
        assert!(super::lines("<span class='ocr_line' title='bbox 1 2'>").is_empty());
        assert!(super::lines("").is_empty());
    }
}
